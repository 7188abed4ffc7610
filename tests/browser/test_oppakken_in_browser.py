"""Oppakken in a real browser (issue 15): a consulent takes a queued melding of her team, from the
werkvoorraad and from the melding page; the pages have 0 axe-core violations before and after."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from meldingen.models import Melding
from tests.factories import MeldingFactory
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]


def _axe(page: Page, naam: str) -> list[str]:
    resultaat = Axe().run(page, options={"resultTypes": ["violations"]})
    return [
        f"{naam}: {v['id']} ({v['impact']}) {', '.join(t for n in v['nodes'] for t in n['target'])}"
        for v in resultaat.response["violations"]
    ]


def test_oppakken(page: Page, url, inloggen, rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    gemeente = team.organisatie.gemeenten.first()
    uit_lijst = MeldingFactory(team=team, consulent=None, inwoner__gemeente=gemeente)
    van_pagina = MeldingFactory(team=team, consulent=None, inwoner__gemeente=gemeente)
    bevindingen = []
    inloggen(consulent)

    # From the team queue on the werkvoorraad.
    page.goto(url("/"))
    wachtrij = page.locator("section", has=page.locator("#kop-wachtrij"))
    knop = wachtrij.get_by_role("button", name=f"{uit_lijst.kenmerk} oppakken")
    expect(knop).to_be_visible()
    bevindingen += _axe(page, "werkvoorraad met wachtrij")
    knop.click()
    expect(page.get_by_text(f"U heeft {uit_lijst.kenmerk} opgepakt")).to_be_visible()
    mijn = page.locator("section", has=page.locator("#kop-mijn"))
    expect(mijn.get_by_role("link", name=uit_lijst.kenmerk)).to_be_visible()
    expect(wachtrij.get_by_role("link", name=uit_lijst.kenmerk)).to_have_count(0)
    bevindingen += _axe(page, "werkvoorraad na oppakken")

    # From the melding page, with the keyboard.
    page.goto(url(f"/meldingen/{van_pagina.pk}/"))
    expect(page.get_by_text("Nog niet toegewezen (wachtrij)")).to_be_visible()
    bevindingen += _axe(page, "melding in de wachtrij")
    page.get_by_role("button", name="Oppakken").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"U heeft {van_pagina.kenmerk} opgepakt")).to_be_visible()
    expect(page.get_by_role("button", name="Oppakken")).to_have_count(0)
    bevindingen += _axe(page, "melding na oppakken")

    assert Melding.objects.filter(consulent=consulent).count() == 2
    assert bevindingen == []
