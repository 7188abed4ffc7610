"""The aanvraag and beschikking pages in a real browser: axe-core, and a refused action keeps input."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from aanvragen import services
from aanvragen.models import Mandaat
from tests.aanvragen.factories import AanvraagFactory
from tests.browser.test_loket_in_browser import _axe
from tests.factories import MeldingFactory, on_day
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Voorziening

pytestmark = [pytest.mark.browser]


@pytest.fixture
def aanvraag_met_concept(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    hbh = Voorziening.objects.create(
        naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="01"
    )
    Mandaat.objects.create(voorziening=hbh, rol=Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, consulent=consulent, in_onderzoek=True, inwoner__gemeente=team.organisatie.gemeenten.first(),
        ontvangen_op=on_day(timezone.localdate() - timedelta(days=10)),
    )  # fmt: skip
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=timezone.localdate(), door=consulent)
    services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=hbh, resultaatgebied=1, door=consulent
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    return consulent, aanvraag, beschikking


def test_aanvraag_en_beschikking_toegankelijk(page: Page, url, inloggen, aanvraag_met_concept):
    consulent, aanvraag, beschikking = aanvraag_met_concept
    inloggen(consulent)
    bevindingen = []
    page.goto(url(f"/aanvragen/{aanvraag.pk}/"))
    bevindingen += _axe(page, "aanvraag")
    # A suspension for information without a term is refused; the typed text stays.
    page.get_by_label("Aanvulling gevraagd met termijn (Awb 4:15 lid 1 a)").check()
    page.get_by_label("Eerste dag dat de termijn stilstaat").fill(
        (timezone.localdate() + timedelta(days=1)).isoformat()  # the day after the request (Awb 4:15)
    )
    page.get_by_label("Wat vraagt u, of wat is er gebeurd?").fill("Een verklaring van de huisarts")
    page.get_by_role("button", name="Opschorten").click()
    expect(page.locator("#id_opschorten-termijn_tot_error")).to_be_visible()
    expect(page.get_by_label("Wat vraagt u, of wat is er gebeurd?")).to_have_value(
        "Een verklaring van de huisarts"
    )
    bevindingen += _axe(page, "aanvraag met fout")
    page.goto(url(f"/beschikkingen/{beschikking.pk}/"))
    expect(page.get_by_role("heading", name="Hulp bij het huishouden")).to_be_visible()
    bevindingen += _axe(page, "beschikking concept")
    assert not bevindingen, "axe-core vond:\n" + "\n".join(bevindingen)
