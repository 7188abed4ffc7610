"""The onderzoek page built for the conversation: the eight gebieden as a navigation with their
state, a summary of what is agreed, and "Samen lezen" with the inwoner (issue 15)."""

import re

import pytest
from django.urls import reverse

from gesprekken import services
from gesprekken.constants import GebiedStaat, Oplossing, Trede
from tests.factories import MeldingFactory, TeamFactory
from tests.gesprekken.conftest import ladder_invullen, resultaat
from wmo.constants import Resultaatgebied, Rol
from wmo.models import Inzage

pytestmark = pytest.mark.django_db


def _opslaan(r, door, *, velden=None, treden=None):
    r.refresh_from_db()
    return services.resultaat_opslaan(
        resultaat=r, door=door, versie=r.versie, velden=velden or {}, treden=treden or {}
    )


def test_staat_van_een_gebied_volgt_wat_is_vastgelegd(onderzoek, consulent, catalogus):
    r1 = resultaat(onderzoek, Resultaatgebied.SCHOON_HUIS)
    assert r1.staat() == GebiedStaat.NIET_BESPROKEN and r1.bereikte_trede() is None

    # At stake, the first rungs discussed: in progress, with the rung reached.
    r1 = _opslaan(
        r1,
        consulent,
        velden={"aan_de_orde": True, "wat_lukt_niet": "Stofzuigen lukt niet."},
        treden={
            Trede.EIGEN_KRACHT: {"besproken": True, "oplost": Oplossing.NIET},
            Trede.GEBRUIKELIJKE_HULP: {"besproken": True, "oplost": Oplossing.GEDEELTELIJK},
        },
    )
    assert r1.staat() == GebiedStaat.BEZIG and r1.bereikte_trede() == Trede.GEBRUIKELIJKE_HULP

    # Goal, solution and a rung that solves it: done.
    ladder_invullen(r1, consulent, maatwerk=catalogus["hbh"])
    r1 = resultaat(onderzoek, Resultaatgebied.SCHOON_HUIS)
    assert r1.staat() == GebiedStaat.KLAAR and r1.bereikte_trede() == Trede.MAATWERK

    # Not at stake, only what still works written down: discussed and done.
    r4 = _opslaan(
        resultaat(onderzoek, Resultaatgebied.KLEDING), consulent, velden={"wat_lukt": "De was lukt."}
    )
    assert r4.staat() == GebiedStaat.KLAAR
    # Not at stake but something that fails is written down: not done yet.
    r4 = _opslaan(r4, consulent, velden={"wat_lukt_niet": "Strijken niet."})
    assert r4.staat() == GebiedStaat.BEZIG


def test_onderzoek_pagina_toont_navigatie_staat_en_afspraken(client, onderzoek, consulent, catalogus):
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    client.force_login(consulent)
    html = client.get(reverse("gesprekken:onderzoek", args=[onderzoek.melding_id])).content.decode()
    nav = re.search(r'<nav class="kt-gebieden__nav".*?</nav>', html, re.S).group(0)
    for gebied in Resultaatgebied.values:
        assert f'href="#sectie-r{gebied}"' in nav
        assert f'id="sectie-r{gebied}"' in html
    assert 'id="staat-r1" class="kt-staat kt-staat--klaar">Klaar' in nav
    assert "trede 8: Maatwerkvoorziening" in nav
    assert nav.count("Niet besproken") == 7
    afgesproken = html[html.index('id="afgesproken"') :]
    assert "Het huis is schoon" in afgesproken and "Hulp bij het huishouden van de gemeente." in afgesproken
    assert reverse("gesprekken:samen_lezen", args=[onderzoek.melding_id]) in html


def test_autosave_werkt_de_staat_in_de_navigatie_bij(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r2"])
    data = {
        "r2-versie": 1,
        "r2-aan_de_orde": "on",
        "r2-wat_lukt_niet": "De trap lukt niet.",
        "r2-t1_besproken": "on",
    }
    response = client.post(url, data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert re.search(
        r'<span id="staat-r2" class="kt-staat kt-staat--bezig" data-hx-swap-oob="true">Bezig', html
    )
    assert "trede 1: Eigen kracht" in html
    # The section "algemeen" has no gebied: no state in its answer.
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "algemeen"])
    html = client.post(url, {"algemeen-versie": 1}, headers={"HX-Request": "true"}).content.decode()
    assert "Opgeslagen om" in html and "kt-staat" not in html


def test_autosave_werkt_wat_is_afgesproken_bij(client, onderzoek, consulent):
    """Issue 15: the summary "Wat is afgesproken" follows an autosave (out of band), not only a reload."""
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r3"])
    data = {"r3-versie": 1, "r3-aan_de_orde": "on", "r3-te_bereiken_resultaat": "Elke week eten in huis."}
    html = client.post(url, data, headers={"HX-Request": "true"}).content.decode()
    blok = re.search(r'<div id="afgesproken-lijst" data-hx-swap-oob="true">(.*?)</div>', html, re.S)
    assert blok, html
    assert "Resultaat: Elke week eten in huis." in blok.group(1)
    # Saving it empty again: the summary says nothing is agreed.
    data = {"r3-versie": 2, "r3-aan_de_orde": "on", "r3-te_bereiken_resultaat": ""}
    html = client.post(url, data, headers={"HX-Request": "true"}).content.decode()
    assert "Nog niets afgesproken." in html


def test_samen_lezen_in_gewone_woorden_zonder_codes(client, onderzoek, consulent, catalogus):
    melding = onderzoek.melding
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    client.force_login(consulent)
    response = client.get(reverse("gesprekken:samen_lezen", args=[melding.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    inhoud = html[html.index('<main id="inhoud"') : html.index("</main>")]
    # The inwoner's own words, the goal, the solution and the rungs in everyday words.
    assert melding.hulpvraag in inhoud
    assert "Sinds mijn longziekte ben ik snel moe." in inhoud
    assert (
        "Een schoon huis" in inhoud
        and "Wat u zelf kunt" in inhoud
        and "Hulp van de gemeente speciaal voor u" in inhoud
    )
    assert "Hulp bij het huishouden" in inhoud and "Lost het helemaal op" in inhoud
    # Only the gebieden that were discussed.
    assert "Schone kleren" not in inhoud
    # No internal codes or jargon: no rung numbers or legal rung names, no kenmerk, no product code.
    for woord in (
        "trede",
        "Trede",
        "Eigen kracht",
        "Maatwerkvoorziening",
        "resultaatgebied",
        melding.kenmerk,
    ):
        assert woord not in inhoud, woord
    assert "iwmo" not in inhoud.lower() and ">01<" not in inhoud
    # Reading it together is reading the dossier: it is in the access log.
    assert (
        Inzage.objects.filter(medewerker=consulent, wat=f"onderzoek samen lezen {melding.kenmerk}").count()
        == 1
    )


def test_samen_lezen_zonder_iets_vastgelegd(client, onderzoek, consulent):
    client.force_login(consulent)
    html = client.get(reverse("gesprekken:samen_lezen", args=[onderzoek.melding_id])).content.decode()
    assert "We hebben nog niets opgeschreven over uw situatie." in html


def test_samen_lezen_query_budget(client, onderzoek, consulent, catalogus, django_assert_max_num_queries):
    client.force_login(consulent)
    url = reverse("gesprekken:samen_lezen", args=[onderzoek.melding_id])
    with django_assert_max_num_queries(16) as klein:
        assert client.get(url).status_code == 200
    for gebied in Resultaatgebied.values:
        ladder_invullen(resultaat(onderzoek, gebied), consulent, maatwerk=catalogus["hbh"])
    for i in range(3):
        services.vervolgafspraak_toevoegen(
            onderzoek=onderzoek,
            door=consulent,
            actie=f"Actie {i}",
            uiterlijk=onderzoek.gestart_op.date(),
            eigenaar=consulent,
        )
    with django_assert_max_num_queries(16) as groot:
        assert client.get(url).status_code == 200
    assert len(groot.captured_queries) == len(klein.captured_queries)


def test_samen_lezen_niet_voor_een_ander_team(client, onderzoek, rol_gebruiker):
    ander = rol_gebruiker(Rol.CONSULENT, team=TeamFactory())
    client.force_login(ander)
    assert client.get(reverse("gesprekken:samen_lezen", args=[onderzoek.melding_id])).status_code == 404
    assert not Inzage.objects.filter(medewerker=ander).exists()


def test_samen_lezen_zonder_onderzoek_is_404(client, consulent, team):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    client.force_login(consulent)
    assert client.get(reverse("gesprekken:samen_lezen", args=[melding.pk])).status_code == 404
