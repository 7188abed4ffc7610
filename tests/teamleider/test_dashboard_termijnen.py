"""The teamleider's dashboard: counts per clock and state, lists, bezwaar and dwangsom."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen.models import Aanvraag
from meldingen.constants import Afsluitreden
from teamleider.query.termijnen import bezwaartermijnen, dwangsommen, termijnen_lijst, termijnen_tellingen
from tests.factories import InwonerFactory, MeldingFactory, TeamFactory
from wmo.constants import Rol
from wmo.regels import dwangsom

from .conftest import afsluiten, dagen

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:dashboard")


@pytest.fixture
def bekende_data(melding_in, consulent_in, besluit, teamleider, vandaag):
    """Open clocks of the teamleider's team, counted by hand (see each line)."""
    c1 = consulent_in()
    # onderzoek verlopen, plan verlopen
    m1 = melding_in(c1, onderzoek_deadline=vandaag - dagen(3), plan_deadline=vandaag - dagen(30))
    # onderzoek let op, plan let op (one calendar day is always within five working days)
    m2 = melding_in(c1, onderzoek_deadline=vandaag + dagen(1), plan_deadline=vandaag + dagen(1))
    # onderzoek op schema, plan op schema (three weeks is always more than five working days)
    melding_in(None, onderzoek_deadline=vandaag + dagen(40), plan_deadline=vandaag + dagen(21))
    # onderzoek done (verslag sent): no running clock
    melding_in(c1, onderzoek_deadline=vandaag - dagen(3), onderzoek_afgerond_op=vandaag - dagen(5))
    # closed: no running clock
    afsluiten(melding_in(c1), teamleider, Afsluitreden.OPGELOST)
    # another team: out of scope for this teamleider
    MeldingFactory(team=TeamFactory(), inwoner=InwonerFactory())
    # aanvragen: one overdue with an ingebrekestelling, one suspended, one decided 5 days ago
    a1 = besluit(melding_in(in_onderzoek=True, ontvangen=date(2026, 4, 1)), ontvangen_op=date(2026, 4, 21))
    Aanvraag.objects.filter(pk=a1.pk).update(
        beslis_deadline=vandaag - dagen(40),
        ingebrekestelling_op=vandaag - dagen(33),
        dwangsom_vanaf=vandaag - dagen(19),
    )
    a2 = besluit(melding_in(in_onderzoek=True, ontvangen=date(2026, 4, 1)), ontvangen_op=date(2026, 4, 21))
    Aanvraag.objects.filter(pk=a2.pk).update(beslis_deadline=None)
    a3 = besluit(
        melding_in(in_onderzoek=True, ontvangen=vandaag - dagen(20)),
        ontvangen_op=vandaag - dagen(10),
        besloten_op=vandaag - dagen(5),
    )
    # decided long ago: the bezwaar clock has run out
    besluit(
        melding_in(in_onderzoek=True, ontvangen=date(2026, 4, 1)),
        ontvangen_op=date(2026, 4, 21),
        besloten_op=date(2026, 4, 28),
    )
    return {"c1": c1, "m1": m1, "m2": m2, "a1": a1, "a3": a3}


def test_tellingen_per_klok_en_staat(bekende_data, teamleider, vers, vandaag):
    tellingen = termijnen_tellingen(vers(teamleider), vandaag=vandaag)
    assert tellingen == {
        "plan": {"verlopen": 1, "let_op": 1, "op_schema": 1},
        "onderzoek": {"verlopen": 1, "let_op": 1, "op_schema": 1},
        "beslis": {"verlopen": 1, "let_op": 0, "op_schema": 0, "opgeschort": 1},
    }


def test_lijst_met_dagen_over(bekende_data, teamleider, vers, vandaag):
    lijst = termijnen_lijst(vers(teamleider), "onderzoek", "verlopen", vandaag=vandaag)
    assert [r["melding"].pk for r in lijst] == [bekende_data["m1"].pk]
    assert lijst[0]["dagen"] == -3 and lijst[0]["dagen_over"] == 3
    beslis = termijnen_lijst(vers(teamleider), "beslis", "verlopen", vandaag=vandaag)
    assert [r["aanvraag"].pk for r in beslis] == [bekende_data["a1"].pk]
    assert beslis[0]["dagen_over"] == 40


def test_bezwaar_en_dwangsom(bekende_data, teamleider, vers, vandaag):
    bezwaar = bezwaartermijnen(vers(teamleider), vandaag=vandaag)
    assert bezwaar["aantal"] == 1
    assert bezwaar["lijst"][0].aanvraag_id == bekende_data["a3"].pk
    lopend = dwangsommen(vers(teamleider), vandaag=vandaag)
    # 20 days (from vandaag - 19 through vandaag): 14 x €23 + 6 x €35 = €532
    assert lopend["aantal"] == 1 and lopend["open"] == 1
    assert lopend["bedrag"] == 53200
    assert lopend["bedrag"] == dwangsom.bedrag(vandaag - dagen(19), vandaag, dwangsom.geldende_bedragen())
    assert lopend["lijst"][0].bedrag == 53200


def test_bezwaar_telt_alle_lopende_termijnen_ook_buiten_de_lijst(
    melding_in, besluit, teamleider, vers, vandaag, monkeypatch
):
    """The total counts every running bezwaar clock in scope, not only the rows shown."""
    from teamleider.query import termijnen

    for dag in (3, 4, 5):
        besluit(
            melding_in(in_onderzoek=True, ontvangen=vandaag - dagen(20)),
            ontvangen_op=vandaag - dagen(10),
            besloten_op=vandaag - dagen(dag),
        )
    monkeypatch.setattr(termijnen, "LIJST_MAX", 2)  # the list's length, not a rule
    bezwaar = bezwaartermijnen(vers(teamleider), vandaag=vandaag)
    assert bezwaar["aantal"] == 3
    assert len(bezwaar["lijst"]) == 2
    # Nearest deadline first: the one decided longest ago.
    assert bezwaar["lijst"][0].bezwaar_deadline <= bezwaar["lijst"][1].bezwaar_deadline


@pytest.mark.parametrize("dagen_gelopen", [0, 1, 13, 14, 15, 28, 41, 42, 43, 100])
def test_dwangsom_in_sql_gelijk_aan_de_rekenregel(
    dagen_gelopen, melding_in, besluit, teamleider, vers, vandaag
):
    a = besluit(melding_in(in_onderzoek=True, ontvangen=date(2026, 4, 1)), ontvangen_op=date(2026, 4, 21))
    vanaf = vandaag - dagen(dagen_gelopen)
    Aanvraag.objects.filter(pk=a.pk).update(ingebrekestelling_op=vanaf - dagen(14), dwangsom_vanaf=vanaf)
    verwacht = dwangsom.bedrag(vanaf, vandaag, dwangsom.geldende_bedragen())
    assert dwangsommen(vers(teamleider), vandaag=vandaag)["bedrag"] == verwacht


def test_pagina_toont_de_cijfers(bekende_data, client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert bekende_data["m1"].kenmerk in html  # default list: onderzoek verlopen
    assert bekende_data["m2"].kenmerk not in html
    assert "3 dagen te laat" in html
    assert "€ 532" in html
    response = client.get(URL, {"klok": "onderzoek", "staat": "let_op"})
    assert bekende_data["m2"].kenmerk in response.content.decode()


def test_htmx_geeft_alleen_het_fragment(bekende_data, client, teamleider):
    client.force_login(teamleider)
    response = client.get(
        URL, {"klok": "plan", "staat": "verlopen"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="dashboard-inhoud"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="dashboard-inhoud">')
    assert "<html" not in html
    assert bekende_data["m1"].kenmerk in html


def test_filter_op_consulent_en_gemeente(bekende_data, client, teamleider, gemeente):
    client.force_login(teamleider)
    response = client.get(URL, {"consulent": bekende_data["c1"].pk, "gemeente": gemeente.pk})
    assert response.status_code == 200
    tellingen = response.context["rijen"]
    onderzoek = {c["staat"]: c["aantal"] for c in tellingen[1]["cellen"]}
    assert onderzoek == {"verlopen": 1, "let_op": 1, "op_schema": 0, "opgeschort": None}


def test_onbekende_klok_is_404(client, teamleider):
    client.force_login(teamleider)
    assert client.get(URL, {"klok": "iets"}).status_code == 404


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.LOKETMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER])
@pytest.mark.parametrize(
    "naam",
    [
        "dashboard",
        "herverdelen",
        "managementinformatie",
        "managementinformatie_csv",
        "clientervaringsonderzoek",
    ],
)
def test_alleen_de_teamleider(rol, naam, client, rol_gebruiker):
    client.force_login(rol_gebruiker(rol))
    assert client.get(reverse(f"teamleider:{naam}")).status_code == 403


def test_niet_ingelogd_naar_inloggen(client):
    response = client.get(URL)
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_navigatie_toont_dashboard_alleen_aan_teamleider(client, teamleider, consulent):
    client.force_login(teamleider)
    assert URL in client.get(reverse("werkvoorraad")).content.decode()
    client.force_login(consulent)
    assert URL not in client.get(reverse("werkvoorraad")).content.decode()


def _aantal_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "naam,params",
    [
        ("teamleider:dashboard", {}),
        ("teamleider:dashboard", {"klok": "beslis", "staat": "verlopen"}),
        ("teamleider:managementinformatie", {"van": "2026-01-01", "tot": "2026-12-31"}),
        ("teamleider:managementinformatie_csv", {}),
        ("teamleider:herverdelen", {}),
    ],
)
def test_aantal_queries_groeit_niet_met_de_data(
    naam,
    params,
    client,
    teamleider,
    melding_in,
    consulent_in,
    besluit,
    django_assert_max_num_queries,
    vandaag,
):
    client.force_login(teamleider)
    url = reverse(naam)
    c = consulent_in()

    def meer(n):
        for i in range(n):
            m = melding_in(c if i % 2 else None, onderzoek_deadline=vandaag - dagen(i + 1))
            if i % 3 == 0:
                besluit(m, ontvangen_op=vandaag - dagen(1))

    meer(2)
    klein = _aantal_queries(client, url, params)
    meer(6)
    with django_assert_max_num_queries(klein):
        _aantal_queries(client, url, params)
    assert (
        klein <= 29
    )  # +2: the access log of the inwoners listed (wmo.inzagelog); +1: iWmo regie per aanbieder
