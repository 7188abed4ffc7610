"""Deciding per voorziening, within mandate, in a letter that holds up."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from aanvragen import services
from aanvragen.constants import BeschikkingStatus, Grondslag
from meldingen.constants import MeldingStatus
from tests.aanvragen.factories import BeschikkingFactory, VoorzieningFactory, aanbieder_voor
from tests.factories import MeldingFactory, on_day
from tests.pdf import pdf_tekst
from wmo import termijnen
from wmo.constants import Rol, Verstrekking

pytestmark = pytest.mark.django_db


@pytest.fixture
def hbh(db):
    return VoorzieningFactory(mandaat=[Rol.CONSULENT, Rol.TEAMLEIDER])


@pytest.fixture
def rolstoel(db):
    return VoorzieningFactory(
        naam="Rolstoel", iwmo_productcategorie="11", eenheid="stuk", eigen_bijdrage=False,
        geen_eigen_bijdrage_grond="Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4 onder d",
        verstrekking=Verstrekking.BRUIKLEEN, mandaat=[Rol.TEAMLEIDER], mandaat__vier_ogen=True,
    )  # fmt: skip


def _toekennen(beschikking, door, **extra):
    for aangevraagd in beschikking.aanvraag.voorzieningen.all():
        velden = {
            "uitkomst": "toegekend", "omvang": Decimal("3"), "eenheid": "uur", "frequentie": "per_week",
            "leveringsvorm": "zin", "aanbieder": "Thuiszorg Kennemerland", "ingangsdatum": timezone.localdate(),
            "motivering": "U kunt door uw longziekte niet meer stofzuigen en dweilen. Uw man werkt fulltime.",
        }  # fmt: skip
        velden.update(extra)
        velden["aanbieder"] = aanbieder_voor(beschikking.aanvraag, velden["aanbieder"])
        services.beschikking_regel_vastleggen(
            beschikking=beschikking, aangevraagd=aangevraagd, door=door, **velden
        )


def test_consulent_met_mandaat_verstuurt_de_beschikking(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent, aanvraag__voorzieningen=[hbh])
    aanvraag = beschikking.aanvraag
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    vandaag = timezone.localdate()
    bezwaar = termijnen.bezwaar_deadline(vandaag)
    assert (beschikking.status, beschikking.bekendgemaakt_op, beschikking.bezwaar_deadline) == (
        "verstuurd",
        vandaag,
        bezwaar,
    )
    aanvraag.refresh_from_db()
    assert aanvraag.besloten_op == vandaag and aanvraag.melding.status == MeldingStatus.BESLOTEN
    data = bytes(beschikking.brief.pdf)
    tekst = pdf_tekst(data)
    assert f"uiterlijk op {bezwaar.day} " in tekst and "bezwaar" in tekst
    assert "6:7 en 6:8" in tekst and aanvraag.melding.gemeente.bezwaar_adres in tekst
    assert "3 uur per week" in tekst and "Thuiszorg Kennemerland" in tekst
    assert "Uw man werkt fulltime" in tekst and "CAK" in tekst and "klacht" in tekst
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert root["/Lang"] == "nl" and "/StructTreeRoot" in root
    # Sent is final: no change, no second send; the stored letter keeps its hash.
    sha = beschikking.brief.sha256
    with pytest.raises(ValidationError):
        services.beschikking_regel_vastleggen(
            beschikking=beschikking,
            aangevraagd=aanvraag.voorzieningen.get(),
            door=consulent,
            uitkomst="afgewezen",
        )
    with pytest.raises(ValidationError):
        services.beschikking_versturen(beschikking=beschikking, door=consulent)
    beschikking.brief.refresh_from_db()
    assert beschikking.brief.sha256 == sha


def test_vier_ogen_en_geen_eigen_goedkeuring(rol_gebruiker, hbh, rolstoel):
    consulent = rol_gebruiker(Rol.CONSULENT)
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    collega_teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent, aanvraag__voorzieningen=[hbh, rolstoel])
    with pytest.raises(ValidationError) as exc:  # no mandate for the rolstoel
        services.beschikking_versturen(beschikking=beschikking, door=consulent)
    assert "ter goedkeuring" in exc.value.messages[0]
    services.beschikking_indienen(beschikking=beschikking, door=consulent)
    with pytest.raises(ValidationError) as exc:  # a consulent has no mandate for the rolstoel
        services.beschikking_goedkeuren(beschikking=beschikking, door=rol_gebruiker(Rol.CONSULENT))
    assert "Rolstoel" in exc.value.messages[0]
    services.beschikking_terugsturen(
        beschikking=beschikking, door=teamleider, opmerkingen="Graag 4 uur, zie verslag."
    )
    beschikking.refresh_from_db()
    assert (beschikking.status, beschikking.opmerkingen) == (
        BeschikkingStatus.CONCEPT,
        "Graag 4 uur, zie verslag.",
    )
    services.beschikking_indienen(beschikking=beschikking, door=consulent)
    services.beschikking_goedkeuren(beschikking=beschikking, door=teamleider)
    services.beschikking_versturen(beschikking=beschikking, door=consulent)
    beschikking.refresh_from_db()
    assert beschikking.status == "verstuurd" and beschikking.goedgekeurd_door == teamleider
    # A teamleider drafting a four-eyes product alone is refused too, and cannot approve it himself.
    eigen = BeschikkingFactory(
        toegekend=True, door=teamleider, aanvraag__voorzieningen=[rolstoel],
        regel__eenheid="stuk", regel__frequentie="eenmalig", regel__omvang=Decimal("1"),
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.beschikking_versturen(beschikking=eigen, door=teamleider)
    services.beschikking_indienen(beschikking=eigen, door=teamleider)
    with pytest.raises(ValidationError) as exc:
        services.beschikking_goedkeuren(beschikking=eigen, door=teamleider)
    assert "eigen concept" in exc.value.messages[0]
    services.beschikking_goedkeuren(beschikking=eigen, door=collega_teamleider)


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"uitkomst": "afgewezen", "motivering": "Algemene voorziening volstaat."}, "afwijking_motivering"),
        ({"uitkomst": "gedeeltelijk_toegekend"}, "afwijking_motivering"),
        ({"motivering": " "}, "motivering"),
        ({"leveringsvorm": "pgb"}, "pgb_kan_beheren"),
        ({"leveringsvorm": "zin", "aanbieder": ""}, "aanbieder"),
        ({"omvang": None}, "omvang"),
        ({"einddatum": date(2020, 1, 1)}, "__all__"),
    ],
)
def test_besluit_per_voorziening_regels(rol_gebruiker, hbh, velden, fout):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = BeschikkingFactory(door=consulent, aanvraag__voorzieningen=[hbh])
    with pytest.raises(ValidationError) as exc:
        _toekennen(beschikking, consulent, **velden)
    assert fout in exc.value.message_dict


def test_afwijzing_en_gedeeltelijk_met_motivering(rol_gebruiker, hbh, rolstoel):
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    beschikking = BeschikkingFactory(door=teamleider, aanvraag__voorzieningen=[hbh])
    _toekennen(
        beschikking, teamleider, uitkomst="afgewezen", motivering="Uw zoon woont bij u in.",
        afwijking_motivering="Gebruikelijke hulp: een huisgenoot kan het huishouden doen.",
    )  # fmt: skip
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=teamleider)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "U krijgt hulp bij het huishouden niet." in tekst and "Gebruikelijke hulp" in tekst
    assert "Eigen bijdrage" not in tekst


def test_aanvraag_regels_te_vroeg_en_na_zes_weken(consulent):
    melding = MeldingFactory(
        in_onderzoek=True, ontvangen_op=on_day(date(2026, 2, 20))
    )  # onderzoek until 7 April
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_registreren(
            melding=melding,
            ontvangen_op=date(2026, 4, 7),
            grondslag=Grondslag.ZES_WEKEN_VERSTREKEN,
            door=consulent,
        )
    assert "7 april 2026" in exc.value.message_dict["grondslag"][0]
    aanvraag = services.aanvraag_registreren(
        melding=melding,
        ontvangen_op=date(2026, 4, 8),
        grondslag=Grondslag.ZES_WEKEN_VERSTREKEN,
        door=consulent,
    )
    assert aanvraag.beslis_deadline == date(2026, 4, 22)


def test_spoed_voorlopige_voorziening_voor_het_onderzoek_klaar_is(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    gewoon = MeldingFactory(in_onderzoek=True)
    with pytest.raises(ValidationError):
        services.aanvraag_registreren(
            melding=gewoon, ontvangen_op=timezone.localdate(), grondslag=Grondslag.SPOED, door=consulent
        )
    melding = MeldingFactory(in_onderzoek=True, spoed=True, spoed_reden="Ontslag uit het ziekenhuis")
    aanvraag = services.aanvraag_registreren(
        melding=melding, ontvangen_op=timezone.localdate(), grondslag=Grondslag.SPOED, door=consulent
    )
    services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=hbh, resultaatgebied=1, door=consulent
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    with pytest.raises(ValidationError) as exc:
        _toekennen(beschikking, consulent)
    assert "voorlopig" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        _toekennen(beschikking, consulent, voorlopig=True)
    assert "einddatum" in exc.value.message_dict
    _toekennen(beschikking, consulent, voorlopig=True, einddatum=timezone.localdate() + timedelta(days=14))
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_ONDERZOEK  # the onderzoek goes on
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    # Spoed help is "tijdelijke hulp" (Wmo 2015 art. 2.3.3); "voorlopige voorziening" is only the
    # court's (Awb 8:81). The help starts today, so the aanbieder calls today; no gesprek, no verslag.
    assert "(tijdelijke hulp)" in tekst and "2.3.3" in tekst
    assert tekst.count("voorlopige voorziening") == 1 and "8:81" in tekst
    assert "De hulp begint vandaag" in tekst and "binnen een week" not in tekst
    assert "verslag" not in tekst


def test_bezwaar_registreren(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent, aanvraag__voorzieningen=[hbh])
    with pytest.raises(ValidationError) as exc:  # not sent yet
        services.bezwaar_registreren(
            beschikking=beschikking,
            ontvangen_op=timezone.localdate(),
            gronden="Te weinig uren",
            door=consulent,
        )
    assert "verstuurd" in exc.value.messages[0]
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.bezwaar_registreren(
            beschikking=beschikking, ontvangen_op=timezone.localdate(), gronden=" ", door=consulent
        )
    assert "gronden" in exc.value.message_dict
    bezwaar = services.bezwaar_registreren(
        beschikking=beschikking,
        ontvangen_op=timezone.localdate(),
        gronden="Drie uur is te weinig.",
        door=consulent,
    )
    assert bezwaar.op_tijd and bezwaar.history.get().history_user == consulent
