"""The character counter under a textarea with a maximum (static/js/tekenteller.js)."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import InwonerFactory
from wmo.tekstlengte import LANG

pytestmark = [pytest.mark.browser]


def test_teller_telt_af_en_is_gekoppeld_aan_het_veld(page: Page, url, inloggen, loket, team):
    inwoner = InwonerFactory(gemeente=team.organisatie.gemeenten.first())
    inloggen(loket)
    page.goto(url(f"/inwoners/{inwoner.pk}/melding/"))
    veld = page.get_by_label("Hulpvraag")
    teller = page.locator("#id_hulpvraag_teller")
    expect(teller).to_have_text(f"Nog {LANG} van {LANG} tekens over.")
    expect(teller).to_have_attribute("aria-live", "polite")
    assert "id_hulpvraag_teller" in veld.get_attribute("aria-describedby").split()
    veld.fill("Ik kan niet meer koken.")
    expect(teller).to_have_text(f"Nog {LANG - 23} van {LANG} tekens over.")
    veld.fill("x" * (LANG + 50))  # the browser stops at the maximum
    expect(teller).to_have_text(f"Nog 0 van {LANG} tekens over.")
