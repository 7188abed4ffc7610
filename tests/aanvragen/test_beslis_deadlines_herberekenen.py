"""Recomputing every open beslistermijn when an equated day changes (Atw art. 3 lid 3): set-based."""

from datetime import date

import pytest
import time_machine

from aanvragen import services
from aanvragen.constants import OpschortingReden
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import on_day
from wmo.models import GelijkgesteldeDag

pytestmark = pytest.mark.django_db


def _aanvulling(aanvraag, door):
    # Asked on 22 April: the clock stands still from the day after (Awb 4:15 lid 1 onder a).
    with time_machine.travel(on_day(date(2026, 4, 22), 12)):
        return services.aanvraag_opschorten(
            aanvraag=aanvraag,
            reden=OpschortingReden.AANVULLING_GEVRAAGD,
            eerste_dag_stil=date(2026, 4, 23),
            termijn_tot=date(2026, 5, 6),
            toelichting="Een medische verklaring.",
            door=door,
        )


@pytest.mark.parametrize("aantal", [3, 30])
def test_vast_aantal_queries(consulent, django_assert_num_queries, aantal):
    aanvragen = [AanvraagFactory(door=consulent) for _ in range(aantal)]  # all until 6 May 2026
    for aanvraag in aanvragen[:2]:
        _aanvulling(aanvraag, consulent)  # open: until 19 May 2026
    besloten = AanvraagFactory(besloten=True, door=consulent)
    GelijkgesteldeDag.objects.create(datum=date(2026, 5, 6), omschrijving="KB test")

    # savepoint, aanvragen, opschortingen, gelijkgestelde dagen, update, history, release
    with django_assert_num_queries(7):
        assert services.beslis_deadlines_herberekenen() == aantal - 2

    for aanvraag in aanvragen:
        aanvraag.refresh_from_db()
    assert {a.beslis_deadline for a in aanvragen[2:]} == {date(2026, 5, 7)}
    assert {a.beslis_deadline for a in aanvragen[:2]} == {date(2026, 5, 19)}
    besloten.refresh_from_db()
    assert besloten.beslis_deadline == date(2026, 5, 6)  # decided: left as it was
    historie = aanvragen[-1].history.first()
    assert historie.history_change_reason == "Beslistermijn herberekend: gelijkgestelde dagen gewijzigd"
    assert historie.beslis_deadline == date(2026, 5, 7)


def test_opschortingen_tellen_mee(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    opschorting = _aanvulling(aanvraag, consulent)
    services.opschorting_beeindigen(
        opschorting=opschorting, eerste_dag_weer=date(2026, 4, 30), door=consulent
    )
    open_aanvulling = AanvraagFactory(door=consulent)
    _aanvulling(open_aanvulling, consulent)
    overmacht = AanvraagFactory(door=consulent, opgeschort=True)  # from 23 April, without end
    gelijk = GelijkgesteldeDag.objects.create(datum=date(2026, 5, 12), omschrijving="KB test")
    GelijkgesteldeDag.objects.create(datum=date(2026, 5, 19), omschrijving="KB test")
    assert services.beslis_deadlines_herberekenen() == 2
    for a in (aanvraag, open_aanvulling, overmacht):
        a.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 13)
    assert open_aanvulling.beslis_deadline == date(2026, 5, 20)
    assert overmacht.beslis_deadline is None

    gelijk.delete()  # the day is removed again: back to 12 May
    assert services.beslis_deadlines_herberekenen() == 1
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 12)


def test_niets_gewijzigd_geen_update(consulent, django_assert_num_queries):
    AanvraagFactory(door=consulent)
    with django_assert_num_queries(5):
        assert services.beslis_deadlines_herberekenen() == 0
