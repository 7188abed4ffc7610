"""Suspending the beslistermijn (Awb 4:15): only with a reason, a request for information only
with a set term (Awb 4:5), and the inwoner is told when it starts and ends."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from aanvragen import services
from aanvragen.constants import OpschortingReden
from aanvragen.models import Opschorting
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import on_day
from wmo.constants import BriefSoort
from wmo.models import Brief

pytestmark = pytest.mark.django_db

VERKLARING = "Een medische verklaring van uw longarts over uw benauwdheid."


def _op_verzoekdag(eerste_dag_stil):
    """Travel to the day the request for information goes out: the day before the clock stands
    still (Awb 4:15 lid 1 onder a), as the letter is dated the day the service runs."""
    return time_machine.travel(on_day(eerste_dag_stil - timedelta(days=1), 12))


def _aanvulling(aanvraag, door, **kwargs):
    velden = {
        "reden": OpschortingReden.AANVULLING_GEVRAAGD,
        "eerste_dag_stil": date(2026, 4, 23),
        "termijn_tot": date(2026, 5, 6),  # asked on 22 April with a two-week term
        "toelichting": VERKLARING,
        **kwargs,
    }
    with _op_verzoekdag(velden["eerste_dag_stil"]):
        return services.aanvraag_opschorten(aanvraag=aanvraag, door=door, **velden)


def test_domein_voorbeeld_aanvulling_van_23_tot_30_april(consulent, brief_tekst):
    # Worked example: aanvraag 21 April 2026, asked on 22 April with a two-week term, information
    # arrives 30 April: still from 23 April, runs again from 30 April -> 12 May.
    aanvraag = AanvraagFactory(ontvangen_op=date(2026, 4, 21), melding__consulent=None, door=consulent)
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    opschorting = _aanvulling(aanvraag, consulent)
    aanvraag.refresh_from_db()
    # While open, the clock runs again at the latest the day after the term (7 May):
    # 22 April + 13 running days from 7 May = Tuesday 19 May.
    assert aanvraag.beslis_deadline == date(2026, 5, 19)
    assert opschorting.is_open and opschorting.history.get().history_user == consulent

    tekst = brief_tekst(aanvraag, BriefSoort.VERZOEK_OM_AANVULLING)
    assert VERKLARING in tekst
    assert "Stuur deze gegevens uiterlijk op 6 mei 2026 naar ons" in tekst
    assert "De tijd staat stil vanaf 23 april 2026" in tekst
    assert "Zonder deze vraag moesten wij uiterlijk op 6 mei 2026 een besluit nemen" in tekst
    assert "Nu besluiten wij uiterlijk op 19 mei 2026" in tekst
    assert "Dat heet opschorten" in tekst  # B1: the word explained
    assert "Dan gaat de tijd weer lopen op de dag dat wij ze hebben" in tekst
    assert "21 april 2026" in tekst and aanvraag.melding.kenmerk in tekst
    assert aanvraag.melding.team.naam in tekst  # no consulent yet: the team is the contact

    opschorting = services.opschorting_beeindigen(
        opschorting=opschorting, eerste_dag_weer=date(2026, 4, 30), door=consulent
    )
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 12)
    assert opschorting.history.first().history_user == consulent
    historie = aanvraag.history.first()
    assert historie.history_user == consulent
    assert historie.history_change_reason == "Opschorting beëindigd: beslistermijn loopt weer"

    tekst = brief_tekst(aanvraag, BriefSoort.OPSCHORTING_BEEINDIGD)
    assert "De tijd stond stil vanaf 23 april 2026. Vanaf 30 april 2026 loopt de tijd weer." in tekst
    assert "De tijd heeft dus 7 dagen stilgestaan." in tekst  # 23 up to and including 29 April
    assert "omdat wij wachtten op gegevens van u" in tekst
    assert "Wij besluiten uiterlijk op 12 mei 2026" in tekst
    assert Brief.objects.get(soort=BriefSoort.OPSCHORTING_BEEINDIGD).verstuurd_door == consulent


def test_aanvulling_zonder_termijn_wordt_niet_aanvaard(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    with pytest.raises(ValidationError) as exc:
        _aanvulling(aanvraag, consulent, termijn_tot=None)
    melding = " ".join(exc.value.message_dict["termijn_tot"])
    assert "zonder termijn wordt niet aanvaard als opschorting" in melding
    assert "Awb 4:5" in melding and "Awb 4:15" in melding
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    assert not Opschorting.objects.exists() and not Brief.objects.exists()


def test_gegevens_na_de_termijn_laten_de_klok_toch_op_de_dag_erna_lopen(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    opschorting = _aanvulling(aanvraag, consulent)
    with pytest.raises(ValidationError) as exc:
        services.opschorting_beeindigen(
            opschorting=opschorting, eerste_dag_weer=date(2026, 5, 8), door=consulent
        )
    assert "liep tot en met 6 mei 2026" in exc.value.message_dict["eerste_dag_weer"][0]
    assert "Vul uiterlijk 7 mei 2026 in" in exc.value.message_dict["eerste_dag_weer"][0]
    services.opschorting_beeindigen(opschorting=opschorting, eerste_dag_weer=date(2026, 5, 7), door=consulent)
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 19)  # the same as while it was open


def test_overmacht_zonder_einde_geeft_geen_deadline(consulent, brief_tekst):
    aanvraag = AanvraagFactory(door=consulent)
    opschorting = services.aanvraag_opschorten(
        aanvraag=aanvraag,
        reden=OpschortingReden.OVERMACHT,
        eerste_dag_stil=date(2026, 4, 23),
        toelichting="Het systeem van de gemeente lag een week plat.",
        door=consulent,
    )
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline is None  # opgeschort: no deadline can be given
    assert not Brief.objects.exists()  # only a request for information has a letter at the start
    services.opschorting_beeindigen(
        opschorting=opschorting, eerste_dag_weer=date(2026, 4, 24), door=consulent
    )
    aanvraag.refresh_from_db()
    # One day still: 5 May + 1 = Wednesday 6 May, the same as without suspension (5 mei).
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    tekst = brief_tekst(aanvraag, BriefSoort.OPSCHORTING_BEEINDIGD)
    assert "omdat wij door overmacht niet verder konden" in tekst
    assert (
        "De tijd heeft dus 1 dag stilgestaan." in tekst and "Wij besluiten uiterlijk op 6 mei 2026" in tekst
    )


@pytest.mark.parametrize(
    ("reden", "velden", "veld", "tekst"),
    [
        (
            OpschortingReden.OVERMACHT,
            {"termijn_tot": date(2026, 5, 6)},
            "termijn_tot",
            "alleen bij een verzoek",
        ),
        (
            OpschortingReden.AANVULLING_GEVRAAGD,
            {"termijn_tot": date(2026, 4, 22)},
            "termijn_tot",
            "vóór de opschorting",
        ),
        (
            OpschortingReden.AANVULLING_GEVRAAGD,
            {"eerste_dag_stil": date(2026, 4, 21)},
            "eerste_dag_stil",
            "21 april 2026",
        ),
        (OpschortingReden.AANVULLING_GEVRAAGD, {"toelichting": "  "}, "toelichting", "welke gegevens"),
        (OpschortingReden.VERTRAGING_DOOR_AANVRAGER, {"toelichting": ""}, "toelichting", "waarom"),
        (
            OpschortingReden.AANVULLING_GEVRAAGD,
            {"eerste_dag_stil": date(2026, 5, 7)},
            "eerste_dag_stil",
            "6 mei 2026",
        ),
        ("vergeten", {}, "reden", ""),
    ],
)
def test_ongeldige_opschorting_wordt_geweigerd(consulent, reden, velden, veld, tekst):
    aanvraag = AanvraagFactory(door=consulent)
    velden = {"eerste_dag_stil": date(2026, 4, 23), "toelichting": "Uitleg.", "termijn_tot": None, **velden}
    if reden == OpschortingReden.AANVULLING_GEVRAAGD and not velden["termijn_tot"]:
        velden["termijn_tot"] = date(2026, 5, 6)
    with _op_verzoekdag(velden["eerste_dag_stil"]), pytest.raises(ValidationError) as exc:
        services.aanvraag_opschorten(aanvraag=aanvraag, reden=reden, door=consulent, **velden)
    assert tekst in " ".join(exc.value.message_dict[veld])
    assert not Opschorting.objects.exists()


@pytest.mark.parametrize("stil", [date(2026, 4, 20), date(2026, 4, 22)])
def test_aanvulling_staat_pas_stil_na_de_dag_van_het_verzoek(consulent, stil):
    # Awb 4:15 lid 1 onder a. The case: a request dated 22 April (here) cannot suspend from
    # an earlier day, nor from the day itself. Nothing is saved, no letter, deadline unchanged.
    aanvraag = AanvraagFactory(ontvangen_op=date(2026, 4, 17), door=consulent)
    vorige = aanvraag.beslis_deadline
    with time_machine.travel(on_day(date(2026, 4, 22), 12)), pytest.raises(ValidationError) as exc:
        services.aanvraag_opschorten(
            aanvraag=aanvraag,
            reden=OpschortingReden.AANVULLING_GEVRAAGD,
            eerste_dag_stil=stil,
            termijn_tot=date(2026, 5, 6),
            toelichting=VERKLARING,
            door=consulent,
        )
    melding = " ".join(exc.value.message_dict["eerste_dag_stil"])
    assert "pas stil vanaf de dag na het verzoek (Awb 4:15 lid 1 onder a)" in melding
    assert "vandaag, 22 april 2026" in melding and "Vul 23 april 2026 of later in" in melding
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == vorige
    assert not Opschorting.objects.exists() and not Brief.objects.exists()


def test_andere_redenen_mogen_eerder_beginnen(consulent):
    # Awb 4:15 lid 2 (here: vertraging door de aanvrager) has no request: a suspension recorded
    # later may start on an earlier day, not before the aanvraag (begint_na_ontvangst).
    aanvraag = AanvraagFactory(door=consulent)
    with time_machine.travel(on_day(date(2026, 4, 28), 12)):
        opschorting = services.aanvraag_opschorten(
            aanvraag=aanvraag,
            reden=OpschortingReden.VERTRAGING_DOOR_AANVRAGER,
            eerste_dag_stil=date(2026, 4, 23),
            toelichting="De inwoner was niet thuis voor het huisbezoek.",
            door=consulent,
        )
    assert opschorting.eerste_dag_stil == date(2026, 4, 23)


def test_een_opschorting_tegelijk(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    _aanvulling(aanvraag, consulent)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_opschorten(
            aanvraag=aanvraag,
            reden=OpschortingReden.OVERMACHT,
            eerste_dag_stil=date(2026, 4, 25),
            toelichting="Storing.",
            door=consulent,
        )
    assert "al een opschorting sinds 23 april 2026" in exc.value.messages[0]


def test_twee_opschortingen_na_elkaar_tellen_allebei(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    eerste = _aanvulling(aanvraag, consulent)
    services.opschorting_beeindigen(opschorting=eerste, eerste_dag_weer=date(2026, 4, 30), door=consulent)
    tweede = services.aanvraag_opschorten(
        aanvraag=aanvraag,
        reden=OpschortingReden.UITSTEL_MET_INSTEMMING,
        eerste_dag_stil=date(2026, 5, 4),
        toelichting="De inwoner wil eerst de offerte van de aannemer afwachten.",
        door=consulent,
    )
    services.opschorting_beeindigen(opschorting=tweede, eerste_dag_weer=date(2026, 5, 6), door=consulent)
    aanvraag.refresh_from_db()
    # 5 May + 7 + 2 suspended days = 14 May, Hemelvaartsdag -> Friday 15 May.
    assert aanvraag.beslis_deadline == date(2026, 5, 15)


@pytest.mark.parametrize(
    ("eerste_dag_weer", "tekst"),
    [
        (date(2026, 4, 23), "na de eerste dag"),
        ("morgen", "toekomst"),  # filled in below: parameters are made before the clock is set
    ],
)
def test_ongeldig_einde_wordt_geweigerd(consulent, eerste_dag_weer, tekst):
    if eerste_dag_weer == "morgen":
        eerste_dag_weer = timezone.localdate() + timedelta(days=1)
    aanvraag = AanvraagFactory(door=consulent)
    opschorting = services.aanvraag_opschorten(
        aanvraag=aanvraag,
        reden=OpschortingReden.VERTRAGING_DOOR_AANVRAGER,
        eerste_dag_stil=date(2026, 4, 23),
        toelichting="De inwoner was niet thuis voor het huisbezoek.",
        door=consulent,
    )
    with pytest.raises(ValidationError) as exc:
        services.opschorting_beeindigen(
            opschorting=opschorting, eerste_dag_weer=eerste_dag_weer, door=consulent
        )
    assert tekst in exc.value.message_dict["eerste_dag_weer"][0]
    opschorting.refresh_from_db()
    assert opschorting.is_open


def test_beeindigde_opschorting_of_besloten_aanvraag_weigert(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    opschorting = _aanvulling(aanvraag, consulent)
    services.opschorting_beeindigen(
        opschorting=opschorting, eerste_dag_weer=date(2026, 4, 30), door=consulent
    )
    with pytest.raises(ValidationError) as exc:
        services.opschorting_beeindigen(
            opschorting=opschorting, eerste_dag_weer=date(2026, 5, 1), door=consulent
        )
    assert "loopt weer sinds 30 april 2026" in exc.value.messages[0]
    services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=date(2026, 5, 11), door=consulent)
    with pytest.raises(ValidationError) as exc:
        _aanvulling(aanvraag, consulent, eerste_dag_stil=date(2026, 5, 2))
    assert "al besloten op 11 mei 2026" in exc.value.messages[0]


def test_database_bewaakt_de_regels(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Opschorting.objects.create(
            aanvraag=aanvraag, reden=OpschortingReden.AANVULLING_GEVRAAGD, eerste_dag_stil=date(2026, 4, 23)
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        Opschorting.objects.create(
            aanvraag=aanvraag,
            reden=OpschortingReden.OVERMACHT,
            eerste_dag_stil=date(2026, 4, 23),
            eerste_dag_weer=date(2026, 4, 23),
        )
