"""The loket in a real browser: login, htmx search, dossier, melding with errors, keyboard, axe-core
and reflow at 320 px.

Run: ``.venv/bin/python -m pytest tests/browser -q`` (``-m "not browser"`` skips them).
``KT_SCREENSHOTS=1`` also writes full-page screenshots to /tmp/screens/.
"""

import re
from datetime import date, datetime, time, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from meldingen.models import Melding
from tests.factories import InwonerFactory, MeldingFactory
from tests.tweestaps import totp_apparaat, totp_code
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]

ACHTERNAAM = "Vermeulen"
WACHTWOORD = "geheim-wachtwoord"  # tests.factories.MedewerkerFactory


@pytest.fixture
def truus(team):
    """An inwoner the loket may see (her gemeente is served by the team's organisation)."""
    return InwonerFactory(
        voornamen="Geertruida",
        tussenvoegsel="",
        achternaam=ACHTERNAAM,
        geboortedatum=date(1941, 3, 12),
        gemeente=team.organisatie.gemeenten.first(),
    )


@pytest.fixture
def werkvoorraad_data(team, truus, rol_gebruiker):
    """Open meldingen: two in the team queue (one urgent and overdue), one assigned (returned)."""
    gemeente = truus.gemeente
    consulent = rol_gebruiker(Rol.CONSULENT)
    MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente), team=team)
    MeldingFactory(
        inwoner=InwonerFactory(gemeente=gemeente),
        team=team,
        spoed=True,
        spoed_reden="Valt vaak, woont alleen.",
        ontvangen_op=timezone.make_aware(
            datetime.combine(timezone.localdate() - timedelta(weeks=8), time(9))
        ),
    )
    return MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente), team=team, consulent=consulent)


def fout_van(page: Page, veld: str):
    """The error message element of a form field, as the field points to it."""
    return page.locator(f"#id_{veld}_error")


def assert_fout_gekoppeld(page: Page, veld: str, tekst: str) -> None:
    """The field shows `tekst` next to it and a screen reader gets it with the field."""
    invoer = page.locator(f"#id_{veld}")
    expect(fout_van(page, veld)).to_be_visible()
    expect(fout_van(page, veld)).to_contain_text(tekst)
    expect(invoer).to_have_attribute("aria-invalid", "true")
    expect(invoer).to_have_attribute("aria-describedby", re.compile(rf"(^|\s)id_{veld}_error(\s|$)"))
    # What assistive technology computes as the field's description contains the error.
    expect(invoer).to_have_accessible_description(re.compile(re.escape(tekst)))


# --- 1. The loket's main route -----------------------------------------------------------------


def test_loketmedewerker_zoekt_inwoner_en_registreert_melding(
    page: Page, url, loket, truus, werkvoorraad_data, schermafbeelding
):
    # Log in through the forms: the password, then the code from the authenticator app.
    apparaat = totp_apparaat(loket)
    page.goto(url("/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill(loket.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    page.get_by_label("Code").fill(totp_code(apparaat))
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(url("/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    schermafbeelding("werkvoorraad")

    # Search as you type: results come in through htmx, no form submit, no page load.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inwoner zoeken").click()
    expect(page).to_have_url(url("/inwoners/"))
    documenten = []
    page.on("request", lambda r: documenten.append(r.url) if r.resource_type == "document" else None)
    zoekveld = page.get_by_role("searchbox", name="Zoek een inwoner")
    zoekveld.press_sequentially(ACHTERNAAM[:6], delay=40)
    # She has no melding yet: the loket goes straight from the result to a new melding (opening
    # her dossier would first ask a reason, see tests/meldingen/test_inwoner_raadplegen.py).
    resultaat = page.locator("#zoekresultaten").get_by_role(
        "link", name="nieuwe melding voor Geertruida Vermeulen"
    )
    expect(resultaat).to_be_visible()
    expect(page.locator("#zoekresultaten")).to_contain_text("Geen lopende melding")
    assert documenten == [], f"Zoeken laadde de pagina opnieuw: {documenten}"
    expect(zoekveld).to_be_focused()  # the user can keep typing
    expect(zoekveld).to_have_value(ACHTERNAAM[:6])
    expect(page).to_have_url(re.compile(r"/inwoners/\?q=Vermeu$"))  # data-hx-push-url: back/forward work

    # The new melding.
    resultaat.click()
    expect(page).to_have_url(url(f"/inwoners/{truus.pk}/melding/"))

    # First try: no hulpvraag, a date in the future, other fields filled in. Date and time sit
    # behind a disclosure (received "now" is the default).
    page.get_by_text("Andere datum of tijd van ontvangst").click()
    toekomst = timezone.localdate() + timedelta(days=3)
    page.get_by_label("Datum ontvangen").fill(toekomst.isoformat())
    page.get_by_label("Tijd ontvangen").fill("14:15")
    page.get_by_label("Hoe kwam de melding binnen?").select_option(label="E-mail")
    page.get_by_label("Hulpvraag").fill("")
    page.get_by_role("button", name="Melding registreren").click()

    expect(page.get_by_role("alert")).to_contain_text("De melding is nog niet opgeslagen")
    # Both errors at once, in Dutch, next to their fields and linked to them for screen readers.
    assert_fout_gekoppeld(page, "hulpvraag", "Schrijf de hulpvraag op in de woorden van de inwoner.")
    assert_fout_gekoppeld(page, "ontvangen_datum", "De datum van ontvangst kan niet in de toekomst liggen.")
    # Focus goes to the error summary, which links to each field with an error.
    samenvatting = page.locator("#foutmeldingen")
    expect(samenvatting).to_be_focused()
    expect(samenvatting.get_by_role("link")).to_have_count(2)
    naar_hulpvraag = samenvatting.get_by_role("link", name=re.compile("^Hulpvraag"))
    expect(naar_hulpvraag).to_have_attribute("href", "#id_hulpvraag")
    # What was typed is kept.
    expect(page.get_by_label("Datum ontvangen")).to_have_value(toekomst.isoformat())
    expect(page.get_by_label("Tijd ontvangen")).to_have_value("14:15")
    expect(page.get_by_label("Hoe kwam de melding binnen?")).to_have_value("email")
    schermafbeelding("melding-met-fouten")
    # The link in the summary takes keyboard users to the field.
    naar_hulpvraag.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Hulpvraag")).to_be_focused()
    assert not Melding.objects.filter(inwoner=truus).exists()

    # Fixed: registered, and the melding page shows its kenmerk.
    page.get_by_label("Hulpvraag").fill("Ik kan niet meer zelf douchen.\nMijn dochter helpt nu.")
    page.get_by_label("Datum ontvangen").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Melding registreren").click()
    expect(page).to_have_url(re.compile(r"/meldingen/\d+/"))
    melding = Melding.objects.get(inwoner=truus)
    # (A fragment from the error summary's link survives the redirect: that is how browsers work.)
    expect(page).to_have_url(re.compile(rf"^{re.escape(url(f'/meldingen/{melding.pk}/'))}(#.*)?$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Melding {melding.kenmerk}")
    expect(page.get_by_role("status")).to_contain_text(f"Melding {melding.kenmerk} is geregistreerd.")
    assert re.fullmatch(r"WMO-\d{4}-\d{6}", melding.kenmerk)
    assert melding.kanaal == "email" and "Mijn dochter helpt nu." in melding.hulpvraag


# --- 2. Keyboard -------------------------------------------------------------------------------


def _actief(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return {tag: el.tagName, id: el.id, tekst: el.textContent.trim(),
                    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                    breed: r.width, hoog: r.height, boven: r.top, links: r.left};
        }"""
    )


def _tab_tot(page: Page, tag: str, max_stappen: int = 15) -> dict:
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        actief = _actief(page)
        if actief["tag"] == tag:
            return actief
    raise AssertionError(f"Geen <{tag.lower()}> bereikt met Tab")


def _assert_zichtbare_focus(actief: dict) -> None:
    assert actief["outlineStyle"] != "none" and actief["outlineWidth"] >= 2, actief


def test_toetsenbord_skiplink_en_zichtbare_focus(page: Page, url, inloggen, loket, werkvoorraad_data):
    inloggen(loket)
    page.goto(url("/"))

    # The skip link is the first Tab stop, and visible (not clipped off-screen) when focused.
    page.keyboard.press("Tab")
    actief = _actief(page)
    assert actief["tekst"] == "Naar de inhoud", actief
    skiplink = page.get_by_role("link", name="Naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    assert actief["breed"] > 20 and actief["hoog"] > 10 and actief["boven"] >= 0 and actief["links"] >= 0
    _assert_zichtbare_focus(actief)
    # ... and it works: Enter puts focus on the main content.
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()

    # Focused links and buttons have a visible outline (WCAG 2.4.7), on the header and on the page.
    # The first stop in the content is the werkvoorraad's one assign control (its list, then its
    # button), then the radio buttons and links of the rows.
    page.keyboard.press("Tab")
    keuzelijst = _actief(page)
    assert keuzelijst["tag"] == "SELECT", keuzelijst
    _assert_zichtbare_focus(keuzelijst)
    _assert_zichtbare_focus(_tab_tot(page, "BUTTON"))
    link = _tab_tot(page, "A")
    _assert_zichtbare_focus(link)
    page.goto(url("/"))
    page.keyboard.press("Tab")  # the skip link
    logo = _tab_tot(page, "A")
    assert logo["tekst"] == "Keukentafel", logo
    _assert_zichtbare_focus(logo)  # on the dark header
    _assert_zichtbare_focus(_tab_tot(page, "BUTTON"))  # "Uitloggen", on the dark header

    # Assigning from the werkvoorraad with the keyboard: choose the row (Space on its radio
    # button), then the one assign control above the lists; focus is visible on each.
    keuze = page.get_by_role("radio", name=f"Kies {werkvoorraad_data.kenmerk}")
    keuze.focus()
    page.keyboard.press("Space")
    expect(keuze).to_be_checked()
    _assert_zichtbare_focus(_actief(page))
    keuzelijst = page.get_by_role("combobox", name="Toewijzen aan")
    keuzelijst.select_option(label="Wachtrij van het team")
    keuzelijst.focus()
    page.keyboard.press("Tab")
    knop = page.locator("#toewijzen").get_by_role("button", name="Toewijzen")
    expect(knop).to_be_focused()
    _assert_zichtbare_focus(_actief(page))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(
        page.get_by_text(f"{werkvoorraad_data.kenmerk} is toegewezen aan de wachtrij van het team")
    ).to_be_visible()
    werkvoorraad_data.refresh_from_db()
    assert werkvoorraad_data.consulent is None


# --- 3. axe-core on each page of the route ----------------------------------------------------

# Rules switched off per page, each with the reason. Keep empty unless a rule is a proven false
# positive from the third-party Utrecht CSS.
AXE_UIT: dict[str, dict[str, str]] = {}


def _axe(page: Page, naam: str) -> list[str]:
    opties = {"resultTypes": ["violations"]}
    if uit := AXE_UIT.get(naam):
        opties["rules"] = {regel: {"enabled": False} for regel in uit}
    resultaat = Axe().run(page, options=opties)
    return [
        f"{naam}: {v['id']} ({v['impact']}) {', '.join(t for n in v['nodes'] for t in n['target'])}"
        for v in resultaat.response["violations"]
    ]


def test_axe_geen_overtredingen(page: Page, url, inloggen, loket, truus, werkvoorraad_data):
    bevindingen = []

    page.goto(url("/inloggen/"))
    bevindingen += _axe(page, "inloggen")

    inloggen(loket)
    page.goto(url("/"))
    expect(page.locator("table").first).to_be_visible()
    bevindingen += _axe(page, "werkvoorraad")

    page.goto(url("/inwoners/"))
    page.get_by_role("searchbox").press_sequentially(ACHTERNAAM, delay=10)
    expect(page.locator("#zoekresultaten table")).to_be_visible()
    bevindingen += _axe(page, "inwoner zoeken")

    page.goto(url(f"/inwoners/{werkvoorraad_data.inwoner_id}/"))  # a melding: the loket's care relation
    expect(page.get_by_role("heading", level=1)).to_have_text(werkvoorraad_data.inwoner.naam)
    bevindingen += _axe(page, "dossier")

    page.goto(url(f"/inwoners/{truus.pk}/"))  # no melding: first a reason
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzien zonder lopende melding")
    page.get_by_role("button", name="Dossier inzien").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    bevindingen += _axe(page, "inzien zonder lopende melding, met fout")

    page.goto(url(f"/inwoners/{truus.pk}/melding/"))
    page.get_by_label("Hulpvraag").fill("")
    page.get_by_role("button", name="Melding registreren").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    bevindingen += _axe(page, "melding met fouten")

    page.goto(url(f"/meldingen/{werkvoorraad_data.pk}/"))
    bevindingen += _axe(page, "melding")

    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)


def test_geen_horizontaal_scrollen_op_320px(page: Page, url, inloggen, loket, truus, werkvoorraad_data):
    """WCAG 1.4.10 reflow: at 320 CSS px only wide tables scroll, inside their own box."""
    inloggen(loket)
    page.set_viewport_size({"width": 320, "height": 640})
    bevindingen = []
    for naam, pad in [
        ("werkvoorraad", "/"),
        ("inwoner zoeken", f"/inwoners/?q={ACHTERNAAM}"),
        ("dossier", f"/inwoners/{werkvoorraad_data.inwoner_id}/"),
        ("inzien zonder lopende melding", f"/inwoners/{truus.pk}/raadplegen/"),
        ("melding registreren", f"/inwoners/{truus.pk}/melding/"),
        ("melding", f"/meldingen/{werkvoorraad_data.pk}/"),
    ]:
        page.goto(url(pad))
        breed, venster = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if breed > venster:
            bevindingen.append(f"{pad}: pagina is {breed}px breed bij een venster van {venster}px")
        if pad == "/":
            bevindingen += _axe(page, f"{naam} (320px)")
    assert not bevindingen, "\n".join(bevindingen)


# --- 4. The loket path, keyboard only, counted (issue 15) ------------------------------------

MAX_TOETSACTIES = 25


class Toetsen:
    """The keyboard, counting every key action that is not typing text (Tab, Enter, shortcuts...).

    Typing a name, a password or the hulpvraag is the work itself and is not counted; every other
    key press is: that is what a practised loket medewerker does on top of the conversation."""

    def __init__(self, page: Page):
        self.page = page
        self.acties: list[str] = []

    def typ(self, tekst: str) -> None:
        self.page.keyboard.type(tekst, delay=5)

    def druk(self, toets: str) -> None:
        self.acties.append(toets)
        self.page.keyboard.press(toets)

    def tab_naar(self, locator, max_stappen: int = 15) -> None:
        """Tab until `locator` has focus (each Tab counted)."""
        for _ in range(max_stappen):
            self.druk("Tab")
            if locator.evaluate("el => el === document.activeElement"):
                return
        raise AssertionError(f"Niet bereikt met Tab: {locator}")


def test_loket_telefonische_melding_met_alleen_het_toetsenbord(
    page: Page, url, loket, truus, werkvoorraad_data, schermafbeelding
):
    """From the login page to a registered phone melding for a known inwoner, keyboard only, in at
    most MAX_TOETSACTIES key actions beyond typing; axe-core finds nothing on the way."""
    toetsen = Toetsen(page)
    bevindingen = []
    apparaat = totp_apparaat(loket)

    # Log in: the cursor starts in the username field, then in the code field.
    page.goto(url("/inloggen/"))
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    toetsen.typ(loket.username)
    toetsen.druk("Tab")
    toetsen.typ(WACHTWOORD)
    toetsen.druk("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    expect(page.get_by_label("Code")).to_be_focused()
    toetsen.typ(totp_code(apparaat))
    toetsen.druk("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")

    # To the search: the cursor is in the search field; results come while typing.
    zoeken = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inwoner zoeken")
    toetsen.tab_naar(zoeken)
    toetsen.druk("Enter")
    zoekveld = page.get_by_role("searchbox", name="Zoek een inwoner")
    expect(zoekveld).to_be_focused()
    toetsen.typ(ACHTERNAAM[:6])
    nieuwe_melding = page.locator("#zoekresultaten").get_by_role(
        "link", name="Nieuwe melding voor Geertruida Vermeulen"
    )
    expect(nieuwe_melding).to_be_visible()
    bevindingen += _axe(page, "inwoner zoeken, met resultaat")
    toetsen.tab_naar(nieuwe_melding)
    toetsen.druk("Enter")

    # The melding form: the cursor is in the hulpvraag; received now, by phone, the user's team.
    expect(page).to_have_url(url(f"/inwoners/{truus.pk}/melding/"))
    hulpvraag = page.get_by_label("Hulpvraag")
    expect(hulpvraag).to_be_focused()
    expect(page.get_by_label("Hoe kwam de melding binnen?")).to_have_value("telefoon")
    expect(page.get_by_label("Team")).to_have_value(str(loket.team_id))
    expect(page.get_by_label("Datum ontvangen")).to_be_hidden()  # behind "Andere datum of tijd"
    knop = page.get_by_role("button", name="Melding registreren")
    expect(knop).to_have_attribute("aria-keyshortcuts", "Control+Enter")
    expect(knop).to_have_accessible_description(re.compile("Ctrl"))
    expect(page.get_by_text("Sneltoets:")).to_be_visible()
    bevindingen += _axe(page, "nieuwe melding")
    schermafbeelding("melding-nieuw")
    toetsen.typ("Ik kan niet meer zelf douchen. Mijn dochter helpt nu.")
    voor = timezone.now()
    toetsen.druk("Control+Enter")

    expect(page).to_have_url(re.compile(r"/meldingen/\d+/$"))
    melding = Melding.objects.get(inwoner=truus)
    expect(page.get_by_role("status")).to_contain_text(f"Melding {melding.kenmerk} is geregistreerd.")
    assert melding.kanaal == "telefoon"
    assert melding.team_id == loket.team_id
    # Received "now" (to the minute the form was opened), never in the future.
    assert voor - timedelta(minutes=2) <= melding.ontvangen_op <= timezone.now()
    assert len(toetsen.acties) <= MAX_TOETSACTIES, toetsen.acties
    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)


def test_melding_andere_tijd_met_toetsenbord(page: Page, url, inloggen, loket, truus):
    """The disclosure opens with Enter; what was typed there is kept after an error."""
    inloggen(loket)
    page.goto(url(f"/inwoners/{truus.pk}/melding/"))
    page.get_by_text("Andere datum of tijd van ontvangst").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Datum ontvangen")).to_be_visible()
    gisteren = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Datum ontvangen").fill(gisteren.isoformat())
    page.get_by_label("Tijd ontvangen").fill("09:30")
    page.get_by_label("Hoe kwam de melding binnen?").focus()
    page.keyboard.press("b")  # one key: "Balie"
    expect(page.get_by_label("Hoe kwam de melding binnen?")).to_have_value("balie")
    page.keyboard.press("Control+Enter")  # no hulpvraag: an error
    expect(page.locator("#foutmeldingen")).to_be_focused()
    expect(page.get_by_label("Datum ontvangen")).to_be_visible()
    expect(page.get_by_label("Datum ontvangen")).to_have_value(gisteren.isoformat())
    expect(page.get_by_label("Tijd ontvangen")).to_have_value("09:30")
    page.get_by_label("Hulpvraag").fill("Boodschappen doen lukt niet meer.")
    page.get_by_label("Hulpvraag").press("Control+Enter")
    expect(page).to_have_url(re.compile(r"/meldingen/\d+/$"))
    melding = Melding.objects.get(inwoner=truus)
    assert timezone.localtime(melding.ontvangen_op).date() == gisteren
    assert timezone.localtime(melding.ontvangen_op).strftime("%H:%M") == "09:30"
    assert melding.kanaal == "balie"


def test_inwonerformulier_na_fout(page: Page, url, inloggen, loket):
    """The inwoner form after an error: summary on top with focus, errors linked, labels with a
    capital, no Django "---------"; axe-core finds nothing."""
    inloggen(loket)
    page.goto(url("/inwoners/nieuw/"))
    expect(page.get_by_text("---------")).to_have_count(0)
    expect(page.locator("label[for=id_postcode]")).to_have_text(re.compile("^Postcode"))
    page.get_by_label("Achternaam", exact=True).fill("Jansen")
    page.get_by_role("button", name="Opslaan").click()
    samenvatting = page.locator("#foutmeldingen")
    expect(samenvatting).to_be_focused()
    expect(samenvatting).to_contain_text("De gegevens zijn nog niet opgeslagen")
    naar_postcode = samenvatting.get_by_role("link", name=re.compile("^Postcode"))
    expect(naar_postcode).to_have_attribute("href", "#id_postcode")
    assert_fout_gekoppeld(page, "postcode", "Dit veld is verplicht.")
    expect(page.get_by_label("Achternaam", exact=True)).to_have_value("Jansen")
    assert not _axe(page, "inwoner met fouten")


def test_verplichte_keuzerondjes_zien_er_pas_na_versturen_fout_uit(page: Page, url, inloggen, loket, truus):
    inloggen(loket)
    page.goto(url(f"/inwoners/{truus.pk}/raadplegen/"))
    rondje = page.get_by_role("radio").first
    rand = "el => getComputedStyle(el).borderColor"
    normaal = rondje.evaluate(rand)
    assert rondje.evaluate("el => el.matches(':invalid')")  # required and empty: :invalid in CSS
    page.get_by_role("button", name="Dossier inzien").click()
    rondje = page.get_by_role("radio").first
    expect(rondje).to_have_attribute("aria-invalid", "true")
    assert rondje.evaluate(rand) != normaal  # now it looks like an error
