"""Adding or removing an equated day (Atw art. 3 lid 3): the core asks the apps, by a signal,
to recompute their stored deadlines and reports the changed rows per clock."""

from datetime import date

import pytest

from tests.factories import MeldingFactory, on_day
from wmo.feestdagen import gelijkgestelde_dag_toevoegen, gelijkgestelde_dag_verwijderen
from wmo.signals import gelijkgestelde_dagen_gewijzigd

pytestmark = pytest.mark.django_db


def test_gewijzigde_rijen_per_klok():
    # Received Monday 4 May 2026: the plan window ends Monday 11 May, or the 12th when the
    # 11th is an equated day.
    melding = MeldingFactory(ontvangen_op=on_day(date(2026, 5, 4)))
    assert gelijkgestelde_dag_toevoegen(datum=date(2026, 5, 11), omschrijving="KB test") == {
        "meldingen": 1,
        "aanvragen": 0,
        "beschikkingen": 0,
        "toewijzingen": 0,
    }
    melding.refresh_from_db()
    assert melding.plan_deadline == date(2026, 5, 12)
    assert gelijkgestelde_dag_verwijderen(datum=date(2026, 5, 11)) == {
        "meldingen": 1,
        "aanvragen": 0,
        "beschikkingen": 0,
        "toewijzingen": 0,
    }


def test_elke_ontvanger_telt_mee():
    def ontvanger(sender, **kwargs):
        return "proef", 7

    gelijkgestelde_dagen_gewijzigd.connect(ontvanger)
    try:
        gewijzigd = gelijkgestelde_dag_toevoegen(datum=date(2026, 5, 11), omschrijving="KB test")
    finally:
        gelijkgestelde_dagen_gewijzigd.disconnect(ontvanger)
    assert gewijzigd == {"meldingen": 0, "aanvragen": 0, "beschikkingen": 0, "toewijzingen": 0, "proef": 7}


def test_een_pagina_leest_de_gelijkgestelde_dagen_een_keer(client, teamleider):
    """The dashboard asks for the equated days for every clock; within one request they are read
    once (wmo.models.gelijkgestelde_dagen), and a new request reads them again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(teamleider)
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("teamleider:dashboard")).status_code == 200
        gelezen = [q for q in ctx.captured_queries if "wmo_gelijkgesteldedag" in q["sql"]]
        assert len(gelezen) == 1


def test_een_gewijzigde_dag_telt_meteen_ook_binnen_een_verzoek():
    # The receivers of request_started/request_finished, called directly: sending the signals
    # would also close the test's database connection (close_old_connections).
    from wmo.models import gelijkgestelde_dagen, verzoek_begint, verzoek_eindigt

    verzoek_begint()
    try:
        assert date(2026, 5, 11) not in gelijkgestelde_dagen()
        gelijkgestelde_dag_toevoegen(datum=date(2026, 5, 11), omschrijving="KB test")
        assert date(2026, 5, 11) in gelijkgestelde_dagen()
    finally:
        verzoek_eindigt()
    gelijkgestelde_dag_verwijderen(datum=date(2026, 5, 11))
    assert date(2026, 5, 11) not in gelijkgestelde_dagen()  # outside a request: read every time
