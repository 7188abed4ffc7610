"""Sorting the dashboard lists: plain links (bookmarkable) that htmx enhances."""

import pytest
from django.urls import reverse

from teamleider.query.termijnen import termijnen_lijst

from .conftest import dagen

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:dashboard")


def test_lijst_sorteren_op_deadline_en_consulent(melding_in, consulent_in, teamleider, vers, vandaag):
    anna, bram = consulent_in(first_name="Anna"), consulent_in(first_name="Bram")
    vroeg = melding_in(bram, onderzoek_deadline=vandaag - dagen(9))
    laat = melding_in(anna, onderzoek_deadline=vandaag - dagen(2))
    user = vers(teamleider)

    def volgorde(sorteer):
        return [r["melding"].pk for r in termijnen_lijst(user, "onderzoek", "verlopen", sorteer=sorteer)]

    assert volgorde("deadline") == [vroeg.pk, laat.pk]
    assert volgorde("-deadline") == [laat.pk, vroeg.pk]
    assert volgorde("consulent") == [laat.pk, vroeg.pk]


def test_werklast_sorteren(client, melding_in, consulent_in, teamleider):
    anna, bram = consulent_in(first_name="Anna"), consulent_in(first_name="Bram")
    melding_in(bram)
    melding_in(bram)
    melding_in(anna)
    client.force_login(teamleider)

    def werklast(sorteer):  # the rows the dashboard shows (teamleider.query.dashboard)
        rijen = client.get(URL, {"werklast": sorteer}).context["werklast"]
        return [c for c in rijen if c.pk in (anna.pk, bram.pk)]

    assert [c.pk for c in werklast("open")] == [bram.pk, anna.pk]
    assert [c.pk for c in werklast("naam")] == [anna.pk, bram.pk]
    assert [c.open_dossiers for c in werklast("naam")] == [1, 2]


def test_sorteerlinks_houden_de_filters_vast(client, teamleider, consulent_in, melding_in, gemeente):
    melding_in(consulent_in())
    client.force_login(teamleider)
    response = client.get(URL, {"gemeente": gemeente.pk, "klok": "plan", "staat": "op_schema"})
    html = response.content.decode()
    assert f"gemeente={gemeente.pk}&amp;klok=plan&amp;staat=op_schema&amp;werklast=naam" in html
    assert 'aria-sort="descending"' in html  # werklast: most open dossiers first
    response = client.get(URL, {"werklast": "naam", "sorteer": "-deadline"})
    assert response.status_code == 200
    assert client.get(URL, {"sorteer": "iets"}).status_code == 404
