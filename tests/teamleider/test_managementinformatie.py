"""Management information per month, with exact figures from known data, and its CSV."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.constants import Uitkomst
from gesprekken.constants import Plaats
from gesprekken.models import Onderzoek, VerslagVersie
from meldingen.constants import Afsluitreden
from meldingen.models import Melding
from teamleider.forms import FilterForm
from teamleider.query.managementinformatie import managementinformatie
from tests.factories import on_day
from wmo.constants import BriefSoort
from wmo.models import Brief

from .conftest import afsluiten

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:managementinformatie")
PERIODE = {"van": "2026-03-01", "tot": "2026-04-30"}


@pytest.fixture
def maart_april(melding_in, consulent_in, besluit, gesprek, product, teamleider):
    """March 2026: four meldingen (A: gesprek at home, verslag, aanvraag, granted; B: gesprek by
    phone, aanvraag, refused; C: closed, solved; D: closed, withdrawn). April: one open (E)."""
    c = consulent_in()
    hbh = product()
    a = melding_in(c, ontvangen=date(2026, 3, 2), in_onderzoek=True)
    b = melding_in(c, ontvangen=date(2026, 3, 2), in_onderzoek=True)
    cm = melding_in(c, ontvangen=date(2026, 3, 2))
    d = melding_in(c, ontvangen=date(2026, 3, 31))
    e = melding_in(c, ontvangen=date(2026, 4, 15))
    gesprek(a, c, on_day(date(2026, 3, 10)), Plaats.THUIS)
    gesprek(b, c, on_day(date(2026, 3, 11)), Plaats.TELEFONISCH)
    onderzoek = Onderzoek.objects.create(melding=a, gestart_door=c)
    brief = Brief.objects.create(
        soort=BriefSoort.VERSLAG,
        kenmerk=a.kenmerk,
        inwoner=a.inwoner,
        melding=a,
        pdf=b"%PDF-1.7 test",
        verstuurd_op=timezone.now(),
        verstuurd_door=c,
    )
    VerslagVersie.objects.create(onderzoek=onderzoek, nummer=1, brief=brief, maatwerk_gevraagd=True)
    # Beslistermijn: A decided in 7 days (on time), B in 19 days (late; deadline 15 April).
    besluit(
        a,
        ontvangen_op=date(2026, 4, 1),
        besloten_op=date(2026, 4, 8),
        regels=[(hbh, Uitkomst.TOEGEKEND)],
        ingangsdatum=date(2026, 4, 10),
    )
    besluit(
        b, ontvangen_op=date(2026, 4, 1), besloten_op=date(2026, 4, 20), regels=[(hbh, Uitkomst.AFGEWEZEN)]
    )
    afsluiten(cm, teamleider, Afsluitreden.OPGELOST)
    afsluiten(d, teamleider, Afsluitreden.INGETROKKEN, "Afgezien vanwege de eigen bijdrage")
    # Onderzoek clock (deadline 13 April for 2 March; 12 May for 31 March): A 20 days, B 50 days
    # (late), C 10 days, D 3 days.
    for m, klaar in (
        (a, date(2026, 3, 22)),
        (b, date(2026, 4, 21)),
        (cm, date(2026, 3, 12)),
        (d, date(2026, 4, 3)),
    ):
        Melding.objects.filter(pk=m.pk).update(onderzoek_afgerond_op=klaar)
    return {"a": a, "b": b, "e": e}


def _mi(user, **params):
    form = FilterForm({**PERIODE, **params}, user=user)
    return managementinformatie(user, form.filters(standaard_maanden=12))["rijen"]


def test_trechter_en_redenen_per_maand(maart_april, teamleider, vers):
    maart, april = _mi(vers(teamleider))
    assert maart["maand"] == date(2026, 3, 1) and april["maand"] == date(2026, 4, 1)
    assert {
        k: maart[k] for k in ("meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen")
    } == {
        "meldingen": 4,
        "gesprek": 2,
        "verslag": 1,
        "aanvraag": 2,
        "toegekend": 1,
        "afgewezen": 1,
    }
    assert maart["zonder_aanvraag"] == 2
    assert (maart["zonder_opgelost"], maart["zonder_ingetrokken"], maart["zonder_geen_wmo"]) == (1, 1, 0)
    assert (maart["huisbezoek"], maart["telefonisch"], maart["elders"]) == (1, 1, 0)
    assert april["meldingen"] == 1 and april["aanvraag"] == 0 and april["huisbezoek"] == 0


def test_doorlooptijden_mediaan_p90_en_op_tijd(maart_april, teamleider, vers):
    maart, april = _mi(vers(teamleider))
    # March ended: C 10, A 20 days; April ended: D 3, B 50 days.
    assert maart["onderzoek_n"] == 2
    assert maart["onderzoek_mediaan"] == 15.0
    assert maart["onderzoek_p90"] == pytest.approx(19.0)  # 10 + 0.9 * (20 - 10)
    assert maart["onderzoek_op_tijd"] == 100.0
    assert april["onderzoek_n"] == 2
    assert april["onderzoek_mediaan"] == 26.5
    assert april["onderzoek_p90"] == pytest.approx(45.3)  # 3 + 0.9 * 47
    assert april["onderzoek_op_tijd"] == 50.0
    # Beslistermijn, both decided in April: 7 and 19 days; 15 April is the deadline.
    assert maart["beslis_n"] == 0 and maart["beslis_mediaan"] is None and maart["beslis_op_tijd"] is None
    assert april["beslis_n"] == 2
    assert april["beslis_mediaan"] == 13.0
    assert april["beslis_p90"] == pytest.approx(17.8)
    assert april["beslis_op_tijd"] == 50.0


def test_filter_op_product(maart_april, teamleider, vers, product):
    product("02", "Begeleiding")
    maart, _ = _mi(vers(teamleider), product="01")
    assert maart["meldingen"] == 2  # only A and B asked for product group 01
    maart, _ = _mi(vers(teamleider), product="02")
    assert maart["meldingen"] == 0


def test_pagina_met_grafiek_en_tabellen(maart_april, client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL, PERIODE)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "<desc" in html and "mrt 2026: 4" in html
    assert "<caption" in html and 'scope="row"' in html
    assert "maart 2026" in html and "1 maart 2026 tot en met 30 april 2026" in html


def test_htmx_geeft_alleen_het_fragment(maart_april, client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL, PERIODE, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="mi-inhoud")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="mi-inhoud">') and "<html" not in html


def test_csv(maart_april, client, teamleider):
    client.force_login(teamleider)
    response = client.get(reverse("teamleider:managementinformatie_csv"), PERIODE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="managementinformatie-2026-03-2026-04.csv"' in response["Content-Disposition"]
    regels = response.content.decode("utf-8-sig").splitlines()
    assert len(regels) == 3
    kop = regels[0].split(";")
    maart = dict(zip(kop, regels[1].split(";"), strict=True))
    assert maart["Maand"] == "2026-03"
    assert maart["Meldingen ontvangen"] == "4"
    assert maart["Toegekend (helemaal of deels)"] == "1"
    assert maart["Onderzoek: mediaan dagen"] == "15.0"
    assert maart["Zonder aanvraag: Ingetrokken door de inwoner"] == "1"


def test_standaard_de_laatste_twaalf_maanden(client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL)
    assert response.status_code == 200
    rijen = response.context["rijen"]
    assert len(rijen) == 12 and rijen[-1]["maand"] == timezone.localdate().replace(day=1)


def test_van_na_tot_geeft_een_fout(client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL, {"van": "2026-05-01", "tot": "2026-04-01"})
    assert response.status_code == 200
    assert "op of na de vanaf-datum" in response.content.decode()
