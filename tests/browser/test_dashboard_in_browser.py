"""The teamleider's pages in a real browser: axe-core, htmx filters that keep a bookmarkable URL."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.test_loket_in_browser import _axe
from tests.factories import InwonerFactory, MeldingFactory, on_day
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]


@pytest.fixture
def team_data(team, rol_gebruiker):
    gemeente = team.organisatie.gemeenten.first()
    consulent = rol_gebruiker(Rol.CONSULENT)
    for dagen, c in ((60, consulent), (30, None), (2, consulent)):
        MeldingFactory(
            team=team, consulent=c, inwoner=InwonerFactory(gemeente=gemeente),
            ontvangen_op=on_day(timezone.localdate() - timedelta(days=dagen)),
        )  # fmt: skip
    return consulent


def test_dashboard_en_managementinformatie_toegankelijk(page: Page, url, inloggen, teamleider, team_data):
    inloggen(teamleider)
    bevindingen = []
    page.goto(url("/teamleider/"))
    expect(page.get_by_role("heading", name="Dashboard teamleider")).to_be_visible()
    bevindingen += _axe(page, "dashboard")
    # Filtering swaps the results with htmx and keeps the filter in the address bar.
    page.locator("#id_consulent").select_option(str(team_data.pk))
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page).to_have_url(re.compile(rf"consulent={team_data.pk}"))
    bevindingen += _axe(page, "dashboard gefilterd")
    page.goto(url("/teamleider/managementinformatie/"))
    expect(page.get_by_role("heading", name="Managementinformatie")).to_be_visible()
    bevindingen += _axe(page, "managementinformatie")
    page.goto(url("/teamleider/herverdelen/"))
    bevindingen += _axe(page, "herverdelen")
    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)
