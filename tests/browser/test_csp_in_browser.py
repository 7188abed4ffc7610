"""The Content-Security-Policy in a real browser: no violation on the busiest pages, htmx still swaps.

The browser reports every blocked inline script, style, eval or frame as a ``securitypolicyviolation``
event and a console error; both are collected from the first moment of every page (an init script,
which Playwright injects outside the page's policy).
"""

import pytest
from playwright.sync_api import Page, expect

from gesprekken import services
from gesprekken.models import Onderzoek
from meldingen.services import ontvangstbevestiging_versturen
from tests.factories import MeldingFactory
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]

VERZAMELEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def meldingen(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    gemeente = team.organisatie.gemeenten.first()
    eigen = MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente)
    services.onderzoek_openen(melding=eigen, door=consulent)
    wachtrij = MeldingFactory(team=team, inwoner__gemeente=gemeente)  # no consulent yet
    brief = ontvangstbevestiging_versturen(melding=eigen, door=consulent)
    return consulent, eigen, wachtrij, brief


@pytest.fixture
def fouten(page: Page):
    """Console errors and page errors, plus the CSP violations the pages collected."""
    gezien: list[str] = []
    page.add_init_script(VERZAMELEN)

    def console(m):
        # Every page names its icon (static/img/favicon.svg), so the browser asks no /favicon.ico.
        if m.type == "error":
            gezien.append(f"console: {m.text} ({m.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda e: gezien.append(f"pageerror: {e}"))

    def alle() -> list[str]:
        return gezien + [f"csp: {v}" for v in page.evaluate("window.__csp || []")]

    return alle


def test_onderzoek_en_werkvoorraad_zonder_csp_schending(
    page: Page, url, inloggen, meldingen, fouten, teamleider
):
    consulent, eigen, wachtrij, brief = meldingen
    inloggen(consulent)

    # The onderzoek: autosave through htmx swaps the status line.
    page.goto(url(f"/meldingen/{eigen.pk}/onderzoek/#sectie-algemeen"))
    page.get_by_label("Wat de inwoner voor anderen kan doen").fill("Kookt voor de buurvrouw.")
    expect(page.locator("#status-algemeen")).to_contain_text("Opgeslagen om")
    assert Onderzoek.objects.get(melding=eigen).wederkerigheid == "Kookt voor de buurvrouw."
    page.locator("a[href='#sectie-r1']").first.click()
    expect(page.locator("#sectie-r1")).to_be_visible()
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    assert page.locator("head style").count() == 0  # htmx injected no style element
    assert fouten() == []

    # The werkvoorraad: the teamleider chooses a row and assigns it with the one control.
    inloggen(teamleider)
    page.goto(url("/"))
    page.get_by_role("radio", name=f"Kies {wachtrij.kenmerk}").check()
    page.get_by_label("Toewijzen aan").select_option(str(consulent.pk))
    with page.expect_navigation():
        page.locator("#toewijzen").get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text(f"{wachtrij.kenmerk} is toegewezen aan {consulent}")).to_be_visible()
    wachtrij.refresh_from_db()
    assert wachtrij.consulent == consulent
    assert fouten() == []

    # A letter may be framed by our own pages (frame-src 'self', frame-ancestors 'self').
    page.evaluate(
        "src => { const f = document.createElement('iframe'); f.id = 'brief'; f.title = 'Brief';"
        " f.src = src; document.body.append(f); }",
        f"/brieven/{brief.pk}/",
    )
    page.wait_for_timeout(1500)
    assert any(f.url.endswith(f"/brieven/{brief.pk}/") for f in page.frames)
    assert fouten() == []


def test_een_gewone_pagina_laat_zich_niet_inlijsten(page: Page, url, inloggen, meldingen, fouten):
    """The counter-check: a page (frame-ancestors 'none', DENY) refuses to be framed, and we see it."""
    consulent, *_ = meldingen
    inloggen(consulent)
    page.goto(url("/"))
    page.evaluate(
        "() => { const f = document.createElement('iframe'); f.title = 'x'; f.src = '/inwoners/';"
        " document.body.append(f); }"
    )
    page.wait_for_timeout(1500)
    assert any("frame-ancestors" in f for f in fouten()), fouten()
