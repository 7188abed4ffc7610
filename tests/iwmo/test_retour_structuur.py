"""Each retour message (306, 308, 316, 318) matches the structure of schema-overzicht.md.

The check itself (tests/iwmo/structuur.py) is tested too: it must catch a missing RetourCodes,
a wrong order and an unknown code, or it could not fail.
"""

from datetime import date

import pytest
from lxml import etree

from iwmo.models import Bericht, Richting
from iwmo.ontvangst import verwerk_inbox
from iwmo.schema import namespace

from .berichten import wmo305, wmo307, wmo315, wmo317
from .conftest import in_de_inbox
from .structuur import structuurfouten

pytestmark = pytest.mark.django_db


def _retouren(mappen, bestanden):
    for naam, inhoud in bestanden:
        in_de_inbox(mappen, naam, inhoud)
    verwerk_inbox()
    return {
        b.retour_van.bestandsnaam: b
        for b in Bericht.objects.filter(richting=Richting.UIT).select_related("retour_van")
    }


@pytest.fixture
def retouren(toewijzing, mappen):
    t = toewijzing
    basis = {"inwoner": t.inwoner, "afzender": t.aanbieder.agb_code, "ontvanger": "0392"}
    return _retouren(
        mappen,
        [
            ("1-start.xml", wmo305(**basis, nummers=[t.nummer], begindatum=date(2026, 4, 6))),
            (
                "2-start-fout.xml",
                wmo305(**basis, nummers=[77], begindatum=date(2026, 4, 6), identificatie="S-2"),
            ),
            (
                "3-stop.xml",
                wmo307(**basis, nummers=[t.nummer], begindatum=date(2026, 4, 6), einddatum=date(2026, 4, 7)),
            ),
            ("4-vot.xml", wmo315(**basis, referenties=["R1", "R2"], ingangsdatum=date(2026, 4, 7))),
            (
                "5-vow.xml",
                wmo317(**basis, referentie="W1", te_wijzigen=[t.nummer], ingangsdatum=date(2026, 4, 7)),
            ),
            ("6-dubbel.xml", wmo305(**basis, nummers=[t.nummer], begindatum=date(2026, 4, 6))),
            (
                "7-xsd.xml",
                wmo305(**basis, nummers=[t.nummer], begindatum=date(2026, 4, 6), identificatie="S-7").replace(
                    b"<Geslacht>0<", b"<Geslacht>X<"
                ),
            ),
        ],
    )


@pytest.mark.parametrize(
    "bestand,soort",
    [
        ("1-start.xml", "WMO306"),
        ("2-start-fout.xml", "WMO306"),
        ("3-stop.xml", "WMO308"),
        ("4-vot.xml", "WMO316"),
        ("5-vow.xml", "WMO318"),
        ("6-dubbel.xml", "WMO306"),
        ("7-xsd.xml", "WMO306"),
    ],
)
def test_retour_volgt_de_structuur(retouren, bestand, soort):
    retour = retouren[bestand]
    assert retour.soort == soort
    assert structuurfouten(retour.xml, soort) == []


def test_de_controle_kan_falen(retouren):
    xml = bytes(retouren["1-start.xml"].xml)
    ns = namespace("WMO306")
    doc = etree.fromstring(xml)
    product = doc.find(f".//{{{ns}}}StartProduct")
    product.remove(product.find(f"{{{ns}}}RetourCodes"))
    assert any(
        "StartProduct/RetourCodes: 0 keer" in f for f in structuurfouten(etree.tostring(doc), "WMO306")
    )
    doc = etree.fromstring(xml)
    header = doc.find(f"{{{ns}}}Header")
    header.append(header.find(f"{{{ns}}}IdentificatieRetour"))  # moved to the end: wrong order
    assert structuurfouten(etree.tostring(doc), "WMO306")
    assert structuurfouten(xml.replace(b">0200<", b">0199<"), "WMO306")
    assert structuurfouten(xml, "WMO308")
