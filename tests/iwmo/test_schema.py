"""iwmo.schema.valideer against the official iWmo 3.2 XSDs (iwmo/xsd), with a hand-written WMO301."""

from pathlib import Path

import pytest

from iwmo.schema import valideer

VOORBEELD = (Path(__file__).parent / "voorbeelden" / "wmo301.xml").read_bytes()


def test_een_geldig_bericht_geeft_geen_fouten():
    assert valideer("WMO301", VOORBEELD) == []
    # The COD002 berichtcode and the short number name the same schema.
    assert valideer("414", VOORBEELD) == []
    assert valideer("301", VOORBEELD.decode()) == []


@pytest.mark.parametrize(
    ("oud", "nieuw", "verwacht"),
    [
        (
            b"<Geslacht>2</Geslacht>",
            b"<Geslacht>7</Geslacht>",
            "element Geslacht: de waarde '7' staat niet in de codelijst",
        ),
        (b"<Bsn>999993653</Bsn>", b"<Bsn>12</Bsn>", "element Bsn: de waarde '12' heeft niet de juiste vorm"),
        (b"<Bsn>999993653</Bsn>", b"", "element Geboortedatum: dit element hoort hier niet; verwacht: Bsn."),
        (
            b"<iwmo:Postcode>2011AB<",
            b"<iwmo:Postcode>2011ABCDEFG<",
            "de waarde is 11 tekens lang; het mogen er hoogstens 8 zijn.",
        ),
        (
            b"<iwmo:Volume>3<",
            b"<iwmo:Volume>-3<",
            "element Volume: de waarde -3 is kleiner dan toegestaan (minstens 0).",
        ),
        (b"<Ontvanger>12345678<", b"<Ontvanger>1234<", "element Ontvanger"),
    ],
)
def test_fouten_in_het_nederlands_met_regel_en_element(oud, nieuw, verwacht):
    assert oud in VOORBEELD
    fouten = valideer("WMO301", VOORBEELD.replace(oud, nieuw))
    assert fouten
    assert any(verwacht in fout for fout in fouten), fouten
    assert all(fout.startswith("Regel ") for fout in fouten)
    assert not any("istandaarden.nl" in fout for fout in fouten), "the namespace means nothing to a reader"


def test_geen_xml_of_een_ander_bericht():
    assert valideer("WMO301", b"<Bericht>")[0].startswith("Het bestand is geen geldige XML")
    anders = VOORBEELD.replace(b"wmo301/schema", b"wmo305/schema")
    assert valideer("WMO301", anders)[0].startswith("Dit is geen WMO301-bericht")


def test_een_entiteit_wordt_niet_opgelost():
    # Untrusted input: an external entity (XXE) must not read a file from this machine.
    kwaad = VOORBEELD.replace(
        b'<?xml version="1.0" encoding="UTF-8"?>',
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ).replace(b"<iwmo:Achternaam>Berg<", b"<iwmo:Achternaam>&x;<")
    assert valideer("WMO301", kwaad) == [
        "Het bestand bevat een DOCTYPE-declaratie. Dat mag niet in een iWmo-bericht."
    ]


def test_onbekende_berichtsoort():
    with pytest.raises(ValueError):
        valideer("WMO999", VOORBEELD)
