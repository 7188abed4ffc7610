"""A visit prepared for offline use, in a real browser (issue 15): prepared online, opened and
filled in without a connection, sent when it returns (with the conflict handling of autosave),
and gone after logging out.

The connection is switched off with Playwright's ``context.set_offline`` (Chromium's network
emulation) plus, for the service worker's own requests, a route that aborts them (``offline``):
that is the outside world faked, nothing of our own code.
"""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from gesprekken import services
from gesprekken.models import Onderzoek
from tests.factories import MeldingFactory
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]

# Playwright's offline switch does not reach a service worker's own requests
# (microsoft/playwright#2311): with its service worker network events on, ``offline`` below also
# aborts those, with a route that aborts every request that would reach the network. Read by Playwright's driver when it starts (this module is imported before).
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")


def _geen_verbinding(route):
    # Every request that reaches the network: the page's (a route's continue would bypass the
    # offline switch) and the service worker's own. What the worker answers from its cache never
    # gets here.
    route.abort("internetdisconnected")


def offline(context, aan: bool):
    """No connection for the pages and for the service worker (or back)."""
    if aan:
        context.set_offline(True)
        context.route("**/*", _geen_verbinding)
    else:
        context.unroute("**/*", _geen_verbinding)
        context.set_offline(False)


BANNER = "U bent offline. Wat u typt, blijft bewaard op dit apparaat en wordt verstuurd zodra er weer verbinding is."
CACHE_INHOUD = """async () => {
  const namen = await caches.keys();
  const uit = {};
  for (const naam of namen) {
    const cache = await caches.open(naam);
    uit[naam] = (await cache.keys()).map(r => new URL(r.url).pathname);
  }
  return uit;
}"""
KOPIE_HEEFT = """async (tekst) => {
  const kopie = await (await caches.open('keukentafel-bezoeken')).match(location.pathname);
  return (await kopie.text()).includes(tekst);
}"""
KEUKENTAFEL_OPSLAG = "() => Object.keys(localStorage).filter(k => k.startsWith('keukentafel:'))"


@pytest.fixture
def bezoek(rol_gebruiker, team):
    """A consulent with an onderzoek and a home visit planned for tomorrow morning."""
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    morgen = timezone.localdate() + timedelta(days=1)
    services.gesprek_plannen(
        melding=melding,
        door=consulent,
        consulent=consulent,
        gepland_op=timezone.make_aware(timezone.datetime.combine(morgen, timezone.datetime.min.time()))
        + timedelta(hours=10),
    )
    services.onderzoek_openen(melding=melding, door=consulent)
    return consulent, melding


def _klaarzetten(page, url, melding):
    adres = url(f"/meldingen/{melding.pk}/onderzoek/")
    page.goto(adres + "#sectie-algemeen")
    offline = page.locator("#offline")
    expect(offline.locator("[data-offline-staat]")).to_have_text("Nog niet klaargezet voor offline.")
    offline.get_by_role("button", name="Klaarzetten voor offline").click()
    morgen = timezone.localdate() + timedelta(days=1)
    expect(offline.locator("[data-offline-staat]")).to_contain_text(
        f"Klaargezet: deze pagina werkt ook zonder verbinding, tot {morgen.day} "
    )
    expect(offline.locator("[data-offline-staat]")).to_contain_text("23:59 uur")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    return adres


def test_klaargezet_bezoek_offline_openen_invullen_en_versturen(page, url, inloggen, bezoek):
    consulent, melding = bezoek
    inloggen(consulent)
    adres = _klaarzetten(page, url, melding)

    # Only this visit is kept: the onderzoek page and the static files it uses.
    inhoud = page.evaluate(CACHE_INHOUD)
    assert list(inhoud) == ["keukentafel-bezoeken"]
    paden = inhoud["keukentafel-bezoeken"]
    assert f"/meldingen/{melding.pk}/onderzoek/" in paden
    assert all(p == f"/meldingen/{melding.pk}/onderzoek/" or p.startswith("/static/") for p in paden), paden

    # At the kitchen table without a connection: the page opens from the copy, with the banner.
    offline(page.context, True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderzoek met")
    expect(page.locator("#verbinding")).to_have_text(BANNER)
    veld = page.get_by_label("Wat de inwoner voor anderen kan doen")
    veld.fill("Helpt de buurman met zijn tuin.")
    expect(page.locator("#status-algemeen")).to_contain_text("Geen verbinding")
    # The consulent leaves the field: its change event saves too, and fails too.
    with page.expect_event("requestfailed", predicate=lambda r: r.method == "POST"):
        veld.blur()
    if os.environ.get("KT_SCREENSHOTS") == "1":  # docs/onderzoek/offline.png
        page.screenshot(path="/tmp/onderzoek_offline.png")

    # Opened again, still offline: the page and the typed text are there. Opened in the same tab:
    # a tab that is closed loses Chromium's offline emulation and routes while it goes, and under
    # load a save from the closing tab reached the server (caught with a log of the requests the
    # server got: one Playwright never reported, also with the page's scripts stopped and after
    # every save it reported had failed), which a tablet without a connection never lets through.
    # Closing a tab with text not yet saved is tested online in test_onderzoek_in_browser.py.
    context = page.context
    page.goto(adres + "#sectie-algemeen")
    expect(page.locator("#verbinding")).to_have_text(BANNER)
    expect(page.get_by_label("Wat de inwoner voor anderen kan doen")).to_have_value(
        "Helpt de buurman met zijn tuin."
    )
    assert Onderzoek.objects.get(pk=melding.onderzoek.pk).wederkerigheid == ""

    # The connection returns: the text is sent, the banner goes.
    offline(context, False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#status-algemeen")).to_contain_text("Opgeslagen om")
    expect(page.locator("#verbinding")).to_have_text("")
    assert Onderzoek.objects.get(pk=melding.onderzoek.pk).wederkerigheid == "Helpt de buurman met zijn tuin."
    assert (
        page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('keukentafel:onderzoek:'))")
        == []
    )

    # The copy follows what the server has: offline again, a reload shows the text just sent.
    for _ in range(20):
        if page.evaluate(KOPIE_HEEFT, "Helpt de buurman met zijn tuin."):
            break
        page.wait_for_timeout(250)
    assert page.evaluate(KOPIE_HEEFT, "Helpt de buurman met zijn tuin.")
    offline(context, True)
    page.reload()
    expect(page.get_by_label("Wat de inwoner voor anderen kan doen")).to_have_value(
        "Helpt de buurman met zijn tuin."
    )


def test_offline_getypt_en_intussen_door_een_ander_opgeslagen_geeft_het_conflict(page, url, inloggen, bezoek):
    consulent, melding = bezoek
    inloggen(consulent)
    _klaarzetten(page, url, melding)
    offline(page.context, True)
    page.reload()
    page.get_by_label("Zorgen over geld").fill("Mijn tekst aan tafel")
    expect(page.locator("#status-algemeen")).to_contain_text("Geen verbinding")

    # Meanwhile a colleague saves the same part at the office.
    onderzoek = Onderzoek.objects.get(pk=melding.onderzoek.pk)
    services.onderzoek_opslaan(
        onderzoek=onderzoek, door=consulent, versie=onderzoek.versie, financiele_zorgen="Tekst van de collega"
    )

    offline(page.context, False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    status = page.locator("#status-algemeen")
    expect(status).to_contain_text("iemand anders heeft dit deel intussen opgeslagen")
    expect(status).to_contain_text("Tekst van de collega")
    expect(status).to_contain_text("Mijn tekst aan tafel")
    assert Onderzoek.objects.get(pk=onderzoek.pk).financiele_zorgen == "Tekst van de collega"


def test_uitloggen_verstuurt_eerst_en_wist_dan_het_bezoek(page, url, inloggen, bezoek):
    consulent, melding = bezoek
    inloggen(consulent)
    _klaarzetten(page, url, melding)
    # Typed and at once logged out, well within the autosave delay: sent first.
    page.get_by_label("Wat de inwoner voor anderen kan doen").press_sequentially(
        "Kookt voor de buren.", delay=5
    )
    assert page.evaluate(KEUKENTAFEL_OPSLAG)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(url("/inloggen/"))
    assert Onderzoek.objects.get(pk=melding.onderzoek.pk).wederkerigheid == "Kookt voor de buren."

    # Nothing of the visit stays in the browser.
    assert page.evaluate("() => caches.keys()") == []
    assert page.evaluate(KEUKENTAFEL_OPSLAG) == []
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


ZET_TOT = """async (tot) => {
  const cache = await caches.open('keukentafel-bezoeken');
  const kopie = await cache.match(location.pathname);
  const headers = new Headers(kopie.headers);
  headers.set('X-Offline-Tot', tot);
  await cache.put(location.pathname, new Response(await kopie.blob(), {status: 200, headers}));
}"""


def test_een_kopie_voorbij_zijn_tijd_wordt_niet_getoond(page, url, inloggen, bezoek):
    """The browser's clock passes the moment the server chose (gesprekken/offline.py): the service
    worker removes the copy instead of showing it. (The browser's clock cannot be moved for a
    service worker, so the copy's time is set in the past.)"""
    consulent, melding = bezoek
    inloggen(consulent)
    _klaarzetten(page, url, melding)
    page.evaluate(ZET_TOT, "2026-01-01T23:59:59+01:00")
    offline(page.context, True)
    with pytest.raises(PlaywrightError):
        page.reload()
    offline(page.context, False)
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))
    assert f"/meldingen/{melding.pk}/onderzoek/" not in page.evaluate(CACHE_INHOUD)["keukentafel-bezoeken"]
    # The page says so, too: prepared again only by choosing it again.
    expect(page.locator("#offline [data-offline-staat]")).to_have_text("Nog niet klaargezet voor offline.")
