"""A beheerder edits the beschikking's text and a catalogue product in a real browser: axe-core,
the refusal when the bezwaar clause is removed (typed text kept), and the next beschikking carries
both the new text and the product's new legal grounds (issue 12, "done when")."""

import os

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from aanvragen import services
from tests.aanvragen.test_beschikking_brief import _aanvraag, _besluit, hbh  # noqa: F401 - the fixture
from tests.browser.test_loket_in_browser import _axe
from tests.pdf import pdf_tekst
from wmo.constants import Rol
from wmo.models import Voorziening

pytestmark = [pytest.mark.browser]


def test_beheerder_past_de_beschikking_aan(page: Page, url, inloggen, rol_gebruiker, hbh, schermafbeelding):  # noqa: F811
    consulent = rol_gebruiker(Rol.CONSULENT, first_name="Joost", last_name="Verhoeven")
    aanvraag = _aanvraag(consulent, hbh)
    gemeente = aanvraag.melding.gemeente
    beheerder = rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, username="brievenbeheer")
    beheerder.organisatie.gemeenten.add(gemeente)
    inloggen(beheerder)
    bevindingen = []

    page.goto(url("/beheer/"))
    page.get_by_role("link", name="Brieven").first.click()
    tabel = page.get_by_role("table", name=f"Gemeente {gemeente.naam}")
    tabel.get_by_role("link", name="Beschikking").click()
    expect(page.get_by_role("heading", name=f"Beschikking — gemeente {gemeente.naam}")).to_be_visible()
    bevindingen += _axe(page, "brieftekst bewerken")

    # Removing the bezwaar clause is refused, with the part and its article; what was typed stays.
    page.get_by_label("Tekst: Klacht").fill("Niet tevreden? Bel ons op [telefoon gemeente].")
    page.get_by_label("Tekst: Bezwaar maken").fill("")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    fout = page.locator("#id_tekst_bezwaar_error")
    expect(fout).to_contain_text("De bezwaarclausule ontbreekt. Die is wettelijk verplicht (Awb artikel 3:45")
    expect(page.get_by_label("Tekst: Klacht")).to_have_value("Niet tevreden? Bel ons op [telefoon gemeente].")
    expect(page.get_by_label("Tekst: Bezwaar maken")).to_have_attribute("aria-invalid", "true")
    bevindingen += _axe(page, "brieftekst geweigerd")
    if os.environ.get("KT_SCREENSHOTS") == "1":  # for the closing note of issue 12
        page.screenshot(path="/tmp/brief_weigering.png")
        fout.scroll_into_view_if_needed()
        page.screenshot(path="/tmp/brief_weigering_veld.png")
    schermafbeelding("brieftekst_geweigerd")

    # Template code typed into the editor is refused too.
    page.goto(url(f"/beheer/brieven/{gemeente.pk}/beschikking/"))
    page.get_by_label("Tekst: Klacht").fill("{{ settings.SECRET_KEY }} [inwoner.bsn]")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.locator("#id_tekst_klacht_error")).to_contain_text("programmacode")

    page.get_by_label("Tekst: Klacht").fill("Niet tevreden? Bel ons op [telefoon gemeente].")
    page.get_by_label("Waarom verandert u de tekst?").fill("Korter")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_text("Versie 1 van de beschikking")).to_be_visible()
    expect(page.get_by_role("cell", name="Korter")).to_be_visible()
    bevindingen += _axe(page, "brieftekst versies")

    # The catalogue: the product is already named in the aanvraag, so its legal grounds change
    # through a new period from today (the aanvraag's own period stays as it was).
    page.goto(url("/beheer/"))
    page.get_by_role("link", name="Catalogus").first.click()
    page.get_by_role("link", name="Hulp bij het huishouden").first.click()
    page.get_by_role("link", name="Nieuwe periode vanaf een datum").click()
    bevindingen += _axe(page, "nieuwe periode product")
    page.get_by_label("Nieuwe periode vanaf").fill(timezone.localdate().isoformat())
    page.get_by_label("Beleidsregel").fill("Beleidsregels Wmo 2027, paragraaf 4")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Beleidsregels Wmo 2027, paragraaf 4").first).to_be_visible()
    assert Voorziening.objects.filter(reeks=hbh.reeks).count() == 2
    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)

    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    _besluit(beschikking, consulent)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert f"Niet tevreden? Bel ons op {gemeente.telefoon}." in tekst
    assert "Stuur uw bezwaar uiterlijk op" in tekst
    assert beschikking.brief.tekst.versie == 1
    # The regel starts after today: it takes the product's new period, and the letter cites it.
    assert "Beleidsregels Wmo 2027, paragraaf 4" in tekst
    assert "Beleidsregels Wmo 2026" not in tekst
