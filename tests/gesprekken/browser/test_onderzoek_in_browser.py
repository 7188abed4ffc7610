"""The onderzoek at the kitchen table in a real browser: autosave, a dropped connection, a conflict."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from gesprekken import services
from gesprekken.models import Onderzoek, ResultaatOnderzoek
from tests.factories import MeldingFactory
from wmo.constants import Resultaatgebied, Rol

pytestmark = [pytest.mark.browser]


@pytest.fixture
def consulent_met_onderzoek(rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    services.onderzoek_openen(melding=melding, door=consulent)
    return consulent, melding


def test_autosave_offline_en_conflict(page, url, inloggen, consulent_met_onderzoek):
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))

    # 1. Typing saves itself and says when.
    onderdelen = page.get_by_role("navigation", name="Onderdelen van het onderzoek")
    onderdelen.get_by_role("link", name="Persoonlijk plan, mantelzorg en eigen oplossing").click()
    page.get_by_label("Wat de inwoner voor anderen kan doen").fill("Past twee middagen op de kleinkinderen.")
    expect(page.locator("#status-algemeen")).to_contain_text("Opgeslagen om")
    assert (
        Onderzoek.objects.get(pk=melding.onderzoek.pk).wederkerigheid
        == "Past twee middagen op de kleinkinderen."
    )

    # 2. The connection drops: the text stays in the browser and goes out when it is back.
    # One part in focus at a time (gesprekken/gebieden.js). Moving to gebied 1 while online sends
    # the "change" of the field left behind.
    onderdelen.get_by_role("link", name="1. Een schoon huis").click()
    page.locator("#id_r1-wat_lukt").click()
    page.context.set_offline(True)
    page.locator("#id_r1-wat_lukt").fill("Afwassen lukt nog.")
    expect(page.locator("#status-r1")).to_contain_text("Geen verbinding")
    assert page.evaluate("Object.keys(localStorage).length") == 1
    # The laptop is closed while offline; opened later with a connection, the text comes back.
    context = page.context
    page.close()
    context.set_offline(False)
    page = context.new_page()
    page.set_default_timeout(5_000)
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))
    expect(page.locator("#id_r1-wat_lukt")).to_have_value("Afwassen lukt nog.")
    expect(page.locator("#status-r1")).to_contain_text("Opgeslagen om")
    r1 = ResultaatOnderzoek.objects.get(onderzoek__melding=melding, gebied=Resultaatgebied.SCHOON_HUIS)
    assert r1.wat_lukt == "Afwassen lukt nog."
    assert page.evaluate("Object.keys(localStorage).length") == 0

    # 2b. Offline again, then the connection returns on the live page: sent without a reload.
    page.context.set_offline(True)
    page.locator("#id_r1-wat_lukt_niet").fill("Stofzuigen lukt niet meer.")
    expect(page.locator("#status-r1")).to_contain_text("Geen verbinding")
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#status-r1")).to_contain_text("Opgeslagen om")
    r1.refresh_from_db()
    assert r1.wat_lukt_niet == "Stofzuigen lukt niet meer." and r1.wat_lukt == "Afwassen lukt nog."

    # 3. A colleague saved meanwhile: a conflict with both texts, nothing overwritten.
    onderzoek = Onderzoek.objects.get(pk=melding.onderzoek.pk)
    services.onderzoek_opslaan(
        onderzoek=onderzoek, door=consulent, versie=onderzoek.versie, financiele_zorgen="Tekst van de collega"
    )
    page.get_by_role("navigation", name="Onderdelen van het onderzoek").get_by_role(
        "link", name="Persoonlijk plan, mantelzorg en eigen oplossing"
    ).click()
    page.get_by_label("Zorgen over geld").fill("Mijn tekst aan tafel")
    status = page.locator("#status-algemeen")
    expect(status).to_contain_text("iemand anders heeft dit deel intussen opgeslagen")
    expect(status).to_contain_text("Tekst van de collega")
    expect(status).to_contain_text("Mijn tekst aan tafel")
    assert Onderzoek.objects.get(pk=onderzoek.pk).financiele_zorgen == "Tekst van de collega"


def test_onderzoek_pagina_zonder_axe_fouten(page, url, inloggen, consulent_met_onderzoek):
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    page.goto(url(f"/meldingen/{melding.pk}/onderzoek/"))
    expect(page.locator("#id_r1-wat_lukt")).to_be_visible()
    resultaat = Axe().run(page, options={"resultTypes": ["violations"]})
    fouten = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in resultaat.response["violations"]]
    assert resultaat.violations_count == 0, fouten


CONCEPTEN = "() => Object.keys(localStorage).filter(k => k.startsWith('keukentafel:onderzoek:')).length"


@pytest.mark.parametrize("weg", ["herladen", "tabblad sluiten"])
def test_typen_en_binnen_een_seconde_weg_verliest_niets(page, url, inloggen, consulent_met_onderzoek, weg):
    """Issue 15: text typed just before a reload or closing the tab (well within the 1.5 s autosave
    delay) is kept in the browser at every keystroke and sent on pagehide: nothing is lost."""
    consulent, melding = consulent_met_onderzoek
    inloggen(consulent)
    # The part on mantelzorg in focus (one part at a time; the fragment keeps it over a reload).
    adres = url(f"/meldingen/{melding.pk}/onderzoek/#sectie-algemeen")
    page.goto(adres)
    tekst = "Buurvrouw Ans doet elke week de boodschappen."
    page.get_by_label("Wat de inwoner voor anderen kan doen").press_sequentially(tekst, delay=5)
    # Every keystroke is in the browser at once, before any save.
    assert page.evaluate(CONCEPTEN) == 1
    if weg == "herladen":
        page.reload()
    else:
        context = page.context
        page.close()
        page = context.new_page()
        page.set_default_timeout(5_000)
        page.goto(adres)
    expect(page.get_by_label("Wat de inwoner voor anderen kan doen")).to_have_value(tekst)
    # The server has it (from the send on pagehide, or sent again from the browser's copy), and
    # then the browser's copy is gone.
    page.wait_for_function(CONCEPTEN.replace("length", "length === 0"))
    assert Onderzoek.objects.get(pk=melding.onderzoek.pk).wederkerigheid == tekst
    expect(page.locator("#status-algemeen")).not_to_contain_text("Mijn tekst")
