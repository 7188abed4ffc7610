"""Ingebrekestelling and dwangsom (Awb 4:17): stored first day, amounts from the settings."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from aanvragen import services
from aanvragen.constants import OpschortingReden
from tests.aanvragen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db


def test_ingebrekestelling_na_de_termijn_zet_de_dwangsom(consulent):
    aanvraag = AanvraagFactory(door=consulent)  # beslistermijn until Wednesday 6 May 2026
    aanvraag = services.aanvraag_ingebrekestelling_registreren(
        aanvraag=aanvraag, ontvangen_op=date(2026, 5, 11), door=consulent
    )
    assert aanvraag.dwangsom_vanaf == date(2026, 5, 26)  # received 11 May + 15 days
    assert aanvraag.dwangsom_bedrag(date(2026, 5, 25)) == 0
    assert aanvraag.dwangsom_bedrag(date(2026, 5, 26)) == 2300
    assert aanvraag.dwangsom_bedrag(date(2026, 6, 9)) == 14 * 2300 + 3500
    assert aanvraag.dwangsom_bedrag(date(2027, 1, 1)) == 14 * (2300 + 3500 + 4500)  # at most 42 days
    assert aanvraag.history.first().history_user == consulent


def test_bedragen_komen_uit_de_instellingen(consulent, settings):
    settings.DWANGSOM_BEDRAGEN = [(10, 5000)]
    aanvraag = services.aanvraag_ingebrekestelling_registreren(
        aanvraag=AanvraagFactory(door=consulent), ontvangen_op=date(2026, 5, 11), door=consulent
    )
    assert aanvraag.dwangsom_bedrag(date(2027, 1, 1)) == 10 * 5000


@pytest.mark.parametrize("ontvangen", [date(2026, 5, 6), date(2026, 4, 30)])
def test_te_vroege_ingebrekestelling_heeft_geen_gevolg(consulent, ontvangen):
    aanvraag = AanvraagFactory(door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_ingebrekestelling_registreren(
            aanvraag=aanvraag, ontvangen_op=ontvangen, door=consulent
        )
    assert "6 mei 2026" in exc.value.message_dict["ingebrekestelling_op"][0]
    aanvraag.refresh_from_db()
    assert aanvraag.ingebrekestelling_op is None and aanvraag.dwangsom_vanaf is None


def test_opschorting_na_ingebrekestelling_verschuift_de_dwangsom(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    # An uitstel agreed in writing, recorded late, moves the deadline past the ingebrekestelling.
    services.aanvraag_ingebrekestelling_registreren(
        aanvraag=aanvraag, ontvangen_op=date(2026, 5, 8), door=consulent
    )
    opschorting = services.aanvraag_opschorten(
        aanvraag=aanvraag,
        reden=OpschortingReden.UITSTEL_MET_INSTEMMING,
        eerste_dag_stil=date(2026, 4, 23),
        toelichting="Inwoner vroeg om uitstel tot na de verhuizing.",
        door=consulent,
    )
    services.opschorting_beeindigen(opschorting=opschorting, eerste_dag_weer=date(2026, 5, 7), door=consulent)
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline > aanvraag.ingebrekestelling_op
    assert aanvraag.dwangsom_vanaf is None  # premature now: no dwangsom from it
