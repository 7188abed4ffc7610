"""Two-step verification in a real browser, by keyboard only: password, set up the app (the QR
code is an image of our own, the secret is readable text), the recovery codes, and axe-core on
every page of it. The authenticator app is the one thing faked: the test computes its code."""

import re
from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.tweestaps import totp_code
from wmo.constants import Rol

pytestmark = [pytest.mark.browser]

WACHTWOORD = "geheim-wachtwoord"  # tests.factories.MedewerkerFactory


def axe(page: Page, naam: str) -> list[str]:
    resultaat = Axe().run(page, options={"resultTypes": ["violations"]})
    return [f"{naam}: {v['id']} ({v['impact']})" for v in resultaat.response["violations"]]


def test_inrichten_met_het_toetsenbord_en_zonder_axe_bevindingen(page: Page, url, rol_gebruiker):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    bevindingen = []
    page.goto(url("/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill(medewerker.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
    qr = page.get_by_role("img", name="QR-code om te scannen met uw authenticator-app")
    expect(qr).to_be_visible()
    # The SVG loaded (waited for: on a loaded machine the image may still be on its way).
    page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=qr.element_handle())
    bevindingen += axe(page, "inrichten")

    geheim = page.locator("#geheim").inner_text().replace(" ", "")
    apparaat = TOTPDevice.objects.get(user=medewerker, confirmed=False)
    assert b32decode(geheim) == apparaat.bin_key

    # A wrong code: the error is announced with the field.
    page.get_by_label("Code uit de app").fill("12345")
    page.keyboard.press("Enter")
    veld = page.get_by_label("Code uit de app")
    expect(veld).to_have_attribute("aria-invalid", "true")
    expect(veld).to_have_accessible_description(re.compile("Deze code klopt niet"))
    bevindingen += axe(page, "inrichten met fout")

    page.wait_for_timeout(1100)  # django-otp's throttle after one wrong code: 1 second
    veld.fill(totp_code(apparaat))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    expect(page.get_by_role("list", name="Herstelcodes").get_by_role("listitem")).to_have_count(10)
    bevindingen += axe(page, "herstelcodes")

    verder = page.get_by_role("link", name="Ik heb de codes bewaard, ga verder")
    verder.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")

    # Next login: the code page.
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Gebruikersnaam").fill(medewerker.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    bevindingen += axe(page, "code invullen")

    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)
