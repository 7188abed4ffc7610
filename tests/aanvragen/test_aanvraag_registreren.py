"""Registering an aanvraag starts the beslistermijn (Wmo 2015 art. 2.3.5); deciding meets it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanvragen import services
from aanvragen.constants import Grondslag
from aanvragen.models import Aanvraag
from meldingen.constants import Afsluitreden, MeldingStatus
from meldingen.services import melding_afsluiten
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import MeldingFactory, on_day
from wmo.models import GelijkgesteldeDag

pytestmark = pytest.mark.django_db


def test_beslistermijn_uit_domein_voorbeeld(consulent):
    # Worked example: aanvraag Tuesday 21 April 2026 -> 5 May (5 mei, feestdag) -> Wednesday 6 May.
    melding = MeldingFactory(in_onderzoek=True, ontvangen_op=on_day(date(2026, 3, 2)))
    aanvraag = services.aanvraag_registreren(
        melding=melding, ontvangen_op=date(2026, 4, 21), grondslag=Grondslag.NA_ONDERZOEK, door=consulent
    )
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    assert aanvraag.is_open and aanvraag.geregistreerd_door == consulent
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.AANVRAAG_ONTVANGEN
    assert melding.history.first().history_user == consulent
    historie = aanvraag.history.get()
    assert historie.history_user == consulent
    assert historie.history_change_reason == "Aanvraag geregistreerd"


def test_gelijkgestelde_dag_telt_mee(consulent):
    GelijkgesteldeDag.objects.create(datum=date(2026, 5, 6), omschrijving="KB test")
    aanvraag = AanvraagFactory(ontvangen_op=date(2026, 4, 21), door=consulent)
    assert aanvraag.beslis_deadline == date(2026, 5, 7)


def test_tweede_aanvraag_op_dezelfde_melding(consulent):
    eerste = AanvraagFactory(door=consulent)
    melding = eerste.melding
    tweede = services.aanvraag_registreren(
        melding=melding, ontvangen_op=date(2026, 4, 23), grondslag=Grondslag.OP_PAPIER, door=consulent
    )
    assert tweede.beslis_deadline == date(2026, 5, 7)
    assert list(melding.aanvragen.order_by("ontvangen_op")) == [eerste, tweede]
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.AANVRAAG_ONTVANGEN


def test_direct_na_de_melding_zonder_gesprek(consulent):
    melding = MeldingFactory(ontvangen_op=on_day(date(2026, 4, 20)))
    aanvraag = services.aanvraag_registreren(
        melding=melding, ontvangen_op=date(2026, 4, 21), grondslag=Grondslag.GESPREK_GEWEIGERD, door=consulent
    )
    assert aanvraag.melding.status == MeldingStatus.AANVRAAG_ONTVANGEN


def test_afgesloten_melding_weigert(consulent):
    melding = MeldingFactory(ontvangen_op=on_day(date(2026, 4, 1)))
    melding_afsluiten(melding=melding, door=consulent, reden=Afsluitreden.OPGELOST)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_registreren(
            melding=melding, ontvangen_op=date(2026, 4, 21), grondslag=Grondslag.OP_PAPIER, door=consulent
        )
    assert "kan niet naar" in exc.value.messages[0]
    assert not Aanvraag.objects.exists()


@pytest.mark.parametrize(
    ("ontvangen_op", "melding_op", "grondslag", "veld", "tekst"),
    [
        (date(2026, 3, 1), date(2026, 3, 2), Grondslag.OP_PAPIER, "ontvangen_op", "2 maart 2026"),
        (None, date(2026, 3, 2), Grondslag.OP_PAPIER, "ontvangen_op", ""),
        # Melding 2 March 2026: onderzoek until Monday 13 April 2026.
        (date(2026, 4, 13), date(2026, 3, 2), Grondslag.ZES_WEKEN_VERSTREKEN, "grondslag", "13 april 2026"),
        (date(2026, 4, 21), date(2026, 3, 2), "per_fax", "grondslag", ""),
    ],
)
def test_ongeldige_aanvraag_wordt_geweigerd(consulent, ontvangen_op, melding_op, grondslag, veld, tekst):
    melding = MeldingFactory(in_onderzoek=True, ontvangen_op=on_day(melding_op))
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_registreren(
            melding=melding, ontvangen_op=ontvangen_op, grondslag=grondslag, door=consulent
        )
    assert veld in exc.value.message_dict
    assert tekst in " ".join(exc.value.message_dict[veld])
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_ONDERZOEK


def test_zes_weken_verstreken_kan_na_het_onderzoek(consulent):
    melding = MeldingFactory(ontvangen_op=on_day(date(2026, 3, 2)))
    aanvraag = services.aanvraag_registreren(
        melding=melding,
        ontvangen_op=date(2026, 4, 14),
        grondslag=Grondslag.ZES_WEKEN_VERSTREKEN,
        door=consulent,
    )
    assert aanvraag.beslis_deadline == date(2026, 4, 28)


def test_aanvraag_in_de_toekomst_wordt_geweigerd(consulent):
    melding = MeldingFactory()
    morgen = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_registreren(
            melding=melding, ontvangen_op=morgen, grondslag=Grondslag.TRIAGE, door=consulent
        )
    assert "toekomst" in exc.value.message_dict["ontvangen_op"][0]


def test_besluit_legt_vast_wanneer_de_termijn_gehaald_is(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    aanvraag = services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=date(2026, 5, 4), door=consulent)
    aanvraag.refresh_from_db()
    assert aanvraag.besloten_op == date(2026, 5, 4) and not aanvraag.is_open
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    assert aanvraag.history.first().history_user == consulent
    assert aanvraag.melding.status == MeldingStatus.BESLOTEN
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=date(2026, 5, 5), door=consulent)
    assert "al besloten op 4 mei 2026" in exc.value.messages[0]


def test_melding_blijft_open_zolang_een_andere_aanvraag_open_is(consulent):
    eerste = AanvraagFactory(door=consulent)
    tweede = AanvraagFactory(melding=eerste.melding, ontvangen_op=date(2026, 4, 22), door=consulent)
    services.aanvraag_besloten(aanvraag=eerste, besloten_op=date(2026, 5, 4), door=consulent)
    eerste.melding.refresh_from_db()
    assert eerste.melding.status == MeldingStatus.AANVRAAG_ONTVANGEN
    services.aanvraag_besloten(aanvraag=tweede, besloten_op=date(2026, 5, 5), door=consulent)
    eerste.melding.refresh_from_db()
    assert eerste.melding.status == MeldingStatus.BESLOTEN


@pytest.mark.parametrize(("besloten_op", "tekst"), [(date(2026, 4, 20), "vóór de aanvraag"), (None, "")])
def test_ongeldige_besluitdatum(consulent, besloten_op, tekst):
    aanvraag = AanvraagFactory(door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=besloten_op, door=consulent)
    assert tekst in " ".join(exc.value.messages)
    aanvraag.refresh_from_db()
    assert aanvraag.is_open


def test_besluit_wacht_op_einde_van_de_opschorting(consulent):
    aanvraag = AanvraagFactory(door=consulent, opgeschort=True)  # from 23 April, without end
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=date(2026, 5, 4), door=consulent)
    assert "staat stil sinds 23 april 2026" in exc.value.messages[0]


def test_termijnstatus_en_zichtbaarheid(consulent, rol_gebruiker):
    from wmo.constants import Rol

    aanvraag = AanvraagFactory(door=consulent)
    opgeschort = AanvraagFactory(door=consulent, opgeschort=True)
    op_tijd = AanvraagFactory(besloten=True, door=consulent)
    statussen = dict(Aanvraag.objects.met_termijnstatus().values_list("pk", "termijnstatus"))
    assert statussen == {aanvraag.pk: "verlopen", opgeschort.pk: "opgeschort", op_tijd.pk: "gehaald"}
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER, team=aanvraag.melding.team)
    assert list(Aanvraag.objects.zichtbaar_voor(loket).open()) == [aanvraag]
    assert not Aanvraag.objects.zichtbaar_voor(rol_gebruiker(Rol.LOKETMEDEWERKER)).exists()
