from datetime import date

import pytest
from django.urls import reverse

from tests.factories import InwonerFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def truus(team):
    inw = InwonerFactory(voornamen="Geertruida", achternaam="Vermeulen", tussenvoegsel="", geboortedatum=date(1941, 3, 12),
                         postcode="2023CB", huisnummer=41, gemeente=team.organisatie.gemeenten.first())  # fmt: skip
    InwonerFactory(achternaam="Anders", gemeente=inw.gemeente)
    return inw


@pytest.mark.parametrize(
    "q",
    [
        "vermeulen",
        "Geertruida Verm",
        "12-03-1941",
        "1941-03-12",
        "2023 CB 41",
        "2023cb41",
        "2023CB",
    ],
)
def test_vindt_inwoner(client, loket, truus, q):
    client.force_login(loket)
    response = client.get(reverse("meldingen:inwoner_zoeken"), {"q": q})
    assert list(response.context["resultaten"]) == [truus]


def test_vindt_op_bsn_en_niet_buiten_de_eigen_gemeenten(client, loket, truus):
    vreemd = InwonerFactory(achternaam="Vermeulen")
    client.force_login(loket)
    assert list(client.get(reverse("meldingen:inwoner_zoeken"), {"q": truus.bsn}).context["resultaten"]) == [
        truus
    ]
    assert (
        list(client.get(reverse("meldingen:inwoner_zoeken"), {"q": vreemd.bsn}).context["resultaten"]) == []
    )
    assert list(
        client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Vermeulen"}).context["resultaten"]
    ) == [truus]


def test_htmx_geeft_alleen_de_resultaten(client, loket, truus):
    client.force_login(loket)
    url = reverse("meldingen:inwoner_zoeken")
    vol = client.get(url, {"q": "Vermeulen"}).content.decode()
    deel = client.get(
        url, {"q": "Vermeulen"}, headers={"HX-Request": "true", "HX-Target": "zoekresultaten"}
    ).content.decode()
    assert "<html" in vol and "<html" not in deel
    assert "Geertruida Vermeulen" in deel and "Geertruida Vermeulen" in vol
    assert "Geen inwoner gevonden" in client.get(url, {"q": "Zzzz"}).content.decode()


def test_functioneel_beheerder_zoekt_geen_inwoners(client, rol_gebruiker, truus):
    client.force_login(rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    assert client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Vermeulen"}).status_code == 403


def test_resultaat_toont_bsn_gemaskeerd_ook_bij_zoeken_op_bsn(client, loket, truus):
    client.force_login(loket)
    html = client.get(
        reverse("meldingen:inwoner_zoeken"),
        {"q": truus.bsn},
        headers={"HX-Request": "true", "HX-Target": "zoekresultaten"},
    ).content.decode()
    assert "Geertruida Vermeulen" in html and "12 maart 1941" in html and "2023 CB" in html
    assert truus.bsn not in html.split("</caption>")[1]  # the caption repeats what was typed
    assert f"••••••{truus.bsn[-3:]}" in html and f"BSN eindigt op {truus.bsn[-3:]}" in html


def test_zoeken_met_resultaat_laat_een_spoor_na(client, loket, truus, django_assert_num_queries):
    """One insert for all inwoners shown; a search without results writes nothing."""
    from wmo.models import Inzage

    tweede = InwonerFactory(achternaam="Vermeulen-Jansen", gemeente=truus.gemeente)
    client.force_login(loket)
    client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Zzzz"})
    assert not Inzage.objects.exists()
    client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Vermeulen"})
    rijen = Inzage.objects.filter(medewerker=loket)
    assert sorted(rijen.values_list("inwoner_id", flat=True)) == sorted([truus.pk, tweede.pk])
    assert set(rijen.values_list("wat", flat=True)) == {"Zoekresultaat: gezocht op naam"}  # how, not what


def test_zoeken_query_budget(client, loket, truus, django_assert_max_num_queries):
    """Fixed, whatever the number of results: session, user, two-step device, roles, gemeenten,
    organisation, the search (with the care relation of each result in the same query), the log
    insert, perms."""
    client.force_login(loket)
    url = reverse("meldingen:inwoner_zoeken")
    htmx = {"HX-Request": "true", "HX-Target": "zoekresultaten"}
    with django_assert_max_num_queries(11) as weinig:
        client.get(url, {"q": "Vermeulen"}, headers=htmx)
    for _ in range(5):
        InwonerFactory(achternaam="Vermeulen", gemeente=truus.gemeente)
    with django_assert_max_num_queries(11) as veel:
        response = client.get(url, {"q": "Vermeulen"}, headers=htmx)
    # (a partial rendered for htmx sends no template signal: response.context is None)
    assert response.content.decode().count("BSN eindigt op") == 6
    assert len(veel.captured_queries) == len(weinig.captured_queries)


def test_naam_zoeken_gebruikt_de_trigram_index_en_sorteert_daarna(truus):
    """On PostgreSQL each part of the name is answered by the trigram indexes (migrations
    meldingen.0009, with the gemeente since 0014): the index expressions match the SQL the search
    sends, also without a gemeente condition. Sequential scans are switched off so the tiny test
    table does not hide it; the sort is on the upper-cased name, which no b-tree holds, so the
    planner cannot walk the name index instead."""
    from django.db import connection

    from meldingen.models import Inwoner

    qs = Inwoner.objects.zoek("Geertruida Verm")[:26]
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as c:
        c.execute("SET LOCAL enable_seqscan = off")
        c.execute("EXPLAIN " + sql, params)
        plan = "\n".join(r[0] for r in c.fetchall())
    assert "inwoner_gemeente_achternaam_trgm" in plan and "inwoner_gemeente_voornamen_trgm" in plan
    assert "inwoner_tussenvoegsel_upper_gemeente" in plan
    assert "meldingen_inwoner_achternaam" not in plan  # the b-tree on the name is not walked
    assert list(qs) == [truus]


# The result row as the template's loop wrote it before the {% zoekresultaat_rij %} tag (issue 14).
OUDE_ZOEKRIJ = """
      <tr class="utrecht-table__row">
        <td class="utrecht-table__cell">{% if inwoner.heeft_zorgrelatie or inwoner.heeft_raadpleging %}<a class="utrecht-link" href="{% url 'meldingen:dossier' inwoner.pk %}">{{ inwoner.naam }}</a>{% else %}{{ inwoner.naam }}{% endif %}</td>
        <td class="utrecht-table__cell">{{ inwoner.geboortedatum|date }}</td>
        <td class="utrecht-table__cell">{{ inwoner.adresregel }}, {{ inwoner.postcode_weergave }} {{ inwoner.woonplaats }}</td>
        <td class="utrecht-table__cell">{{ inwoner.gemeente.naam }}</td>
        <td class="utrecht-table__cell">{% include "meldingen/includes/bsn_gemaskeerd.html" %}</td>
        <td class="utrecht-table__cell">{% if perms.meldingen.add_melding %}<a class="utrecht-link" href="{% url 'meldingen:melding_registreren' inwoner.pk %}">Nieuwe melding<span class="kt-visually-hidden"> voor {{ inwoner.naam }}</span></a> · {% endif %}{% if inwoner.heeft_zorgrelatie %}Lopende melding{% elif inwoner.heeft_raadpleging %}Ingezien met reden{% else %}Geen lopende melding{% if mag_raadplegen %} · <a class="utrecht-link" href="{% url 'meldingen:inwoner_raadplegen' inwoner.pk %}">inzien met reden<span class="kt-visually-hidden">: {{ inwoner.naam }}</span></a>{% endif %}{% endif %}</td>
      </tr>"""  # fmt: skip


@pytest.mark.parametrize("zorgrelatie", [True, False])
@pytest.mark.parametrize("raadpleging", [True, False])
@pytest.mark.parametrize("mag_melden", [True, False])
@pytest.mark.parametrize("mag_raadplegen", [True, False])
def test_zoekresultaat_rij_schrijft_wat_de_loop_schreef(
    truus, zorgrelatie, raadpleging, mag_melden, mag_raadplegen
):
    from django.template import engines
    from django.utils import translation

    from meldingen.views import _zoekrijen_klaarmaken

    vreemd = InwonerFactory(
        voornamen="<b>Jan</b> & Piet", achternaam='O"Brien', tussenvoegsel="van 't", huisnummer_toevoeging="<a>",
        woonplaats="'s-Hertogenbosch", gemeente=truus.gemeente,
    )  # fmt: skip
    zonder_datum = InwonerFactory(gemeente=truus.gemeente)
    zonder_datum.geboortedatum = None  # not saved: only shown
    oud = engines["django"].from_string("{% for inwoner in resultaten %}" + OUDE_ZOEKRIJ + "{% endfor %}")
    nieuw = engines["django"].from_string(
        "{% load zoeken %}{% for inwoner in resultaten %}{% zoekresultaat_rij inwoner %}{% endfor %}"
    )
    resultaten = [truus, vreemd, zonder_datum]
    for inwoner in resultaten:
        inwoner.heeft_zorgrelatie, inwoner.heeft_raadpleging = zorgrelatie, raadpleging
    _zoekrijen_klaarmaken(resultaten)
    context = {
        "resultaten": resultaten,
        "perms": {"meldingen": {"add_melding": mag_melden}},
        "mag_melden": mag_melden,
        "mag_raadplegen": mag_raadplegen,
    }
    with translation.override("nl"):
        assert nieuw.render(context) == oud.render(context)
