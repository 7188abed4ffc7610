"""The dashboard's counts per clock are kept briefly per team (wmo.teamcache), and a change of a
dossier through a service shows at the next visit: the memory is forgotten, not waited out."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldingen.constants import Afsluitreden
from tests.factories import MeldingFactory

from .conftest import afsluiten

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:dashboard")


def _onderzoek_op_schema(client) -> int:
    rij = next(r for r in client.get(URL).context["rijen"] if r["klok"] == "onderzoek")
    return next(c["aantal"] for c in rij["cellen"] if c["staat"] == "op_schema")


def _tellingen_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return sum(1 for q in ctx.captured_queries if "COUNT(" in q["sql"] and "'op_schema'" in q["sql"])


def test_een_wijziging_telt_meteen_mee(client, teamleider):
    client.force_login(teamleider)
    melding = MeldingFactory(team=teamleider.team, in_onderzoek=True)
    assert _onderzoek_op_schema(client) == 1
    MeldingFactory(team=teamleider.team, in_onderzoek=True)  # melding_registreren
    assert _onderzoek_op_schema(client) == 2
    afsluiten(melding, teamleider, Afsluitreden.OPGELOST)  # melding_afsluiten
    assert _onderzoek_op_schema(client) == 1


def test_zonder_wijziging_worden_de_tellingen_niet_opnieuw_berekend(client, teamleider):
    client.force_login(teamleider)
    MeldingFactory(team=teamleider.team, in_onderzoek=True)
    assert _tellingen_queries(client) == 1  # computed (with the choices and workload, one query)
    assert _tellingen_queries(client) == 0  # kept
    MeldingFactory(team=teamleider.team, in_onderzoek=True)
    assert _tellingen_queries(client) == 1  # forgotten by the change
