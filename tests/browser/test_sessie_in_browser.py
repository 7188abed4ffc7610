"""The session's end in a real browser: the warning, "Ingelogd blijven", the last save, and no drafts left.

Two clocks move together, so the test takes seconds instead of fifteen minutes: the server's through
time-machine (the live server runs in this process) and the browser's through Playwright's clock.
Both keep ticking in real time between the jumps, as they would at a desk.
"""

import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from gesprekken import services
from gesprekken.models import ResultaatOnderzoek
from tests.factories import MeldingFactory
from wmo.constants import Resultaatgebied, Rol

pytestmark = [pytest.mark.browser]

CONCEPT = "keukentafel:onderzoek:{pk}:/meldingen/1/onderzoek/sectie/r1/"
CONCEPTEN = "() => Object.keys(localStorage).filter(k => k.startsWith('keukentafel:onderzoek:')).length"


@pytest.fixture
def consulent_met_onderzoek(rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    services.onderzoek_openen(melding=melding, door=consulent)
    return consulent, melding


@pytest.fixture
def serverklok():
    with time_machine.travel(timezone.now(), tick=True) as klok:
        yield klok


def _later(page: Page, serverklok, seconden: int) -> None:
    """Both clocks jump ahead; the browser's timers that fell due run once."""
    serverklok.shift(seconden)
    page.clock.fast_forward(seconden * 1000)


def test_waarschuwing_blijven_en_bewaren_voor_het_einde(
    page: Page, url, inloggen, consulent_met_onderzoek, serverklok
):
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    page.clock.install()
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))
    page.evaluate("() => localStorage.setItem('iets-anders', 'blijft')")

    # 14 minutes without doing anything: the warning, with the focus on "Ingelogd blijven".
    _later(page, serverklok, 14 * 60)
    dialoog = page.get_by_role("alertdialog", name="U wordt bijna uitgelogd")
    expect(dialoog).to_be_visible()
    expect(dialoog).to_contain_text("logt Keukentafel u uit")
    expect(dialoog.get_by_role("button", name="Ingelogd blijven")).to_be_focused()
    expect(page.locator("[data-sessie-melding]")).to_contain_text(
        re.compile(r"U wordt over \d+ seconden uitgelogd")
    )

    # Staying restarts the time on the server too.
    dialoog.get_by_role("button", name="Ingelogd blijven").click()
    expect(dialoog).to_be_hidden()

    # Text the server does not have yet (typed in the last moment, not yet sent)...
    page.locator("#sectie-r1 > details > summary").click()
    page.locator("#id_r1-wat_lukt").evaluate("el => { el.value = 'Koken lukt nog.'; }")
    page.evaluate(
        "k => localStorage.setItem(k, '{}')", CONCEPT.format(pk=consulent.pk)
    )  # a draft kept in this browser

    # ...is saved just before the end (7 seconds left), then the page goes to the login page.
    _later(page, serverklok, 15 * 60 - 7)
    expect(dialoog).to_be_visible()
    expect(page).to_have_url(
        re.compile(r"/inloggen/\?next=%2Fmeldingen%2F\d+%2Fonderzoek%2F$"), timeout=15_000
    )
    r1 = ResultaatOnderzoek.objects.get(onderzoek__melding=melding, gebied=Resultaatgebied.SCHOON_HUIS)
    assert r1.wat_lukt == "Koken lukt nog."
    expect(page.get_by_text("U was 15 minuten niet actief; log opnieuw in.")).to_be_visible()
    assert page.evaluate(CONCEPTEN) == 0
    assert page.evaluate("() => localStorage.getItem('iets-anders')") == "blijft"


def test_typen_houdt_de_sessie_vast(page: Page, url, inloggen, consulent_met_onderzoek, serverklok):
    """Typing on a page without a request keeps the session: a keep-alive at most once a minute."""
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    page.clock.install()
    page.goto(url(f"/meldingen/{melding.pk}/"))
    _later(page, serverklok, 10 * 60)
    with page.expect_response(
        lambda r: r.url.endswith("/toegang/sessie/") and r.request.method == "POST"
    ) as antwoord:
        page.keyboard.press("Tab")
    assert antwoord.value.json() == {"resterend": 900.0}  # handled before the clocks move on
    _later(page, serverklok, 10 * 60)  # 20 minutes after the page, 10 after the typing
    expect(page.get_by_role("alertdialog")).to_be_hidden()
    _later(page, serverklok, 4 * 60 + 5)  # 14 minutes after the typing: the warning
    expect(page.get_by_role("alertdialog", name="U wordt bijna uitgelogd")).to_be_visible()


def test_uitloggen_en_de_inlogpagina_wissen_de_concepten(page: Page, url, inloggen, consulent_met_onderzoek):
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))
    page.evaluate("k => localStorage.setItem(k, '{}')", CONCEPT.format(pk=consulent.pk))
    page.evaluate("() => localStorage.setItem('iets-anders', 'blijft')")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    assert page.evaluate(CONCEPTEN) == 0
    # The logout answer says Clear-Site-Data "storage": the browser removes all of this site's
    # storage, not only the drafts (nothing else of Keukentafel is kept there).
    assert page.evaluate("() => localStorage.getItem('iets-anders')") is None

    # A draft left behind (a browser that crashed, a tab closed): the login page removes it.
    page.evaluate("k => localStorage.setItem(k, '{}')", CONCEPT.format(pk=consulent.pk))
    page.reload()
    assert page.evaluate(CONCEPTEN) == 0
