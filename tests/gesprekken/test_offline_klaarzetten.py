"""A visit prepared for offline use (issue 15): how long it may stay on the device, the service
worker's script, the button on the onderzoek page, and the logout answer that clears the browser.
The browser side is in tests/gesprekken/browser/test_offline_in_browser.py."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from gesprekken import services
from gesprekken.offline import beschikbaar_tot
from tests.factories import MeldingFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Rol

AMS = ZoneInfo("Europe/Amsterdam")


def _om(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.mark.parametrize(
    ("nu", "gesprekken", "tot"),
    [
        # No gesprek planned: the end of today.
        (_om(2026, 4, 7, 16, 0), [], _om(2026, 4, 7, 23, 59, 59)),
        # Prepared the evening before a morning visit: the end of tomorrow.
        (_om(2026, 4, 7, 20, 0), [_om(2026, 4, 8, 9, 30)], _om(2026, 4, 8, 23, 59, 59)),
        # A visit today, and one tomorrow: today's counts.
        (_om(2026, 4, 7, 8, 0), [_om(2026, 4, 8, 9, 0), _om(2026, 4, 7, 14, 0)], _om(2026, 4, 7, 23, 59, 59)),
        # A visit next week is no reason to keep it longer than today.
        (_om(2026, 4, 7, 8, 0), [_om(2026, 4, 14, 9, 0)], _om(2026, 4, 7, 23, 59, 59)),
        # Just after midnight, a visit that morning.
        (_om(2026, 4, 8, 0, 30), [_om(2026, 4, 8, 9, 0)], _om(2026, 4, 8, 23, 59, 59)),
        # The clocks go back that night (25 October 2026): the day still ends at 23:59:59 local time.
        (_om(2026, 10, 24, 22, 0), [_om(2026, 10, 25, 10, 0)], _om(2026, 10, 25, 23, 59, 59)),
        # New Year's Eve, a visit on 1 January.
        (_om(2026, 12, 31, 23, 0), [_om(2027, 1, 1, 11, 0)], _om(2027, 1, 1, 23, 59, 59)),
    ],
)
def test_beschikbaar_tot(nu, gesprekken, tot):
    with time_machine.travel(nu, tick=False):
        uit = beschikbaar_tot(geplande_gesprekken=gesprekken, vandaag=timezone.localdate())
    assert uit == tot
    assert uit.utcoffset() == tot.utcoffset()


def test_service_worker_script_vanaf_een_vaste_url(client):
    """Served to anyone (no personal data in it), as JavaScript, from /offline-sw.js: its scope
    /meldingen/ lies within that directory, so no Service-Worker-Allowed header is needed."""
    response = client.get("/offline-sw.js")
    assert reverse("gesprekken:offline_sw") == "/offline-sw.js"
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "Service-Worker-Allowed" not in response
    tekst = response.content.decode()
    assert 'var CACHE = "keukentafel-bezoeken";' in tekst
    assert "X-Offline-Tot" in tekst
    # Under the same Content-Security-Policy as every page: only our own origin.
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_onderzoek_pagina_biedt_klaarzetten_met_de_tijd(client, team, rol_gebruiker):
    with time_machine.travel(_om(2026, 4, 7, 15, 0), tick=False):
        consulent = rol_gebruiker(Rol.CONSULENT)
        melding = MeldingFactory(
            team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
        )
        services.gesprek_plannen(
            melding=melding, door=consulent, consulent=consulent, gepland_op=_om(2026, 4, 8, 10, 0)
        )
        OnderzoekFactory(melding=melding, door=consulent)
        client.force_login(consulent)
        html = client.get(reverse("gesprekken:onderzoek", args=[melding.pk])).content.decode()
    assert 'id="offline"' in html
    assert 'data-offline-tot="2026-04-08T23:59:59+02:00"' in html
    assert 'data-offline-tot-tekst="8 april 2026, 23:59 uur"' in html
    assert "Klaarzetten voor offline" in html
    assert "Alleen deze pagina blijft op dit apparaat, tot 8 april 2026, 23:59 uur." in html


@pytest.mark.django_db
def test_wie_niet_mag_invullen_kan_niet_klaarzetten(client, team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    OnderzoekFactory(melding=melding, door=consulent)
    client.force_login(teamleider)
    response = client.get(reverse("gesprekken:onderzoek", args=[melding.pk]))
    assert response.status_code == 200
    assert 'id="offline"' not in response.content.decode()


@pytest.mark.django_db
def test_uitloggen_wist_wat_de_browser_bewaarde(client, consulent):
    """Clear-Site-Data on the logout answer: HTTP cache, localStorage, the service worker and its
    cache (static/js/sessie.js clears the same from the page first)."""
    client.force_login(consulent)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get(reverse("login"))


def test_verlopen_tijd_is_ook_voor_een_dag_zonder_gesprek_vandaag_nog_geldig():
    """Prepared one second before midnight: still usable for that second, gone at midnight."""
    with time_machine.travel(_om(2026, 4, 7, 23, 59, 58), tick=False):
        tot = beschikbaar_tot(geplande_gesprekken=[], vandaag=timezone.localdate())
        assert tot > timezone.now()
        assert tot < timezone.now() + timedelta(seconds=2)
