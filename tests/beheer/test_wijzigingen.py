"""The change history page: an edit made through a beheer page shows with the beheerder's name and
the changed fields; only the own organisation; filter per kind; paged; a fixed query budget; and
never dossier data."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from beheer import services
from beheer import teams as teambeheer
from beheer.wijzigingen import SOORTEN, soorten_voor
from tests.factories import MedewerkerFactory, MeldingFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db

URL = reverse("beheer:wijzigingen")


def test_een_wijziging_via_een_beheerpagina_staat_erin_met_naam_en_velden(client, beheerder_a, collega):
    # A first name Faker never gives "Anna", so the edit below always changes it.
    collega.first_name = "Wilhelmina-Test"
    collega.save(update_fields=["first_name"])
    client.force_login(beheerder_a)
    client.post(
        reverse("beheer:team_wijzigen", args=[collega.team_id]),
        {"naam": "Wmo-team Centrum", "telefoon": "023 123 45 67", "email": ""},
    )
    client.post(
        reverse("beheer:medewerker_wijzigen", args=[collega.pk]),
        {
            "first_name": "Anna",
            "last_name": collega.last_name,
            "email": collega.email,
            "team": collega.team_id,
            "telefoon": "",
        },
    )
    pagina = client.get(URL).content.decode()
    naam = f"{beheerder_a.first_name} {beheerder_a.last_name}"
    assert naam in pagina
    assert "Team: Wmo-team Centrum" in pagina
    assert "Gewijzigd: naam, telefoon" in pagina
    assert "023 511 51 15 → 023 123 45 67" in pagina  # the old and the new phone number
    assert "Voornaam: " in pagina and "→ Anna" in pagina
    # Newest first: the medewerker edit was after the team edit.
    assert pagina.index("→ Anna") < pagina.index("Team: Wmo-team Centrum")
    assert "password" not in pagina and "wachtwoord:" not in pagina.lower()


def test_filter_per_soort_en_alleen_de_eigen_organisatie(
    client, beheerder_a, beheerder_b, collega, buitenstaander
):
    teambeheer.team_aanmaken(door=beheerder_b, naam="Team Eigen")
    vreemde_beheerder = MedewerkerFactory(
        team=buitenstaander.team, rollen=[Rol.FUNCTIONEEL_BEHEERDER], username="vreemde_beheerder"
    )
    teambeheer.team_aanmaken(door=vreemde_beheerder, naam="Team Vreemd")
    services.rol_aanvragen(door=beheerder_b, medewerker=collega, rol=Rol.CONSULENT, reden="Nieuw in het team")
    client.force_login(beheerder_a)
    alles = client.get(URL).content.decode()
    assert "Team Eigen" in alles and "Team Vreemd" not in alles
    assert "Consulent voor" in alles
    teams = client.get(URL, {"soort": "team"}).content.decode()
    assert "Team Eigen" in teams and "Consulent voor" not in teams
    rollen = client.get(URL, {"soort": "roltoekenning"}).content.decode()
    assert "Consulent voor" in rollen and "Team Eigen" not in rollen
    # Rubbish in the filter or the page number: all of it, never a 500.
    assert client.get(URL, {"soort": "<script>", "pagina": "x'"}).status_code == 200


def test_nooit_dossiergegevens(client, beheerder_a, team):
    melding = MeldingFactory(team=team)
    client.force_login(beheerder_a)
    pagina = client.get(URL).content.decode()
    assert escape(melding.inwoner.achternaam) not in pagina and melding.kenmerk not in pagina
    # brp: only the koppeling (beheer data), never InwonerBrp (what the BRP said about an inwoner).
    # zgw: only the koppeling, never the zaken or opdrachten of meldingen.
    assert all(s.model._meta.app_label in ("wmo", "beheer", "aanvragen", "brp", "zgw") for s in SOORTEN)
    assert "inwonerbrp" not in {s.model._meta.model_name for s in SOORTEN}
    assert [s.model._meta.model_name for s in SOORTEN if s.model._meta.app_label == "zgw"] == ["zgwkoppeling"]
    assert not {"melding", "inwoner", "brief"} & {s.model._meta.model_name for s in SOORTEN}


def test_een_partnerbeheerder_ziet_geen_catalogus(db):
    partner = TeamFactory(organisatie=OrganisatieFactory(partner=True))
    beheerder = MedewerkerFactory(team=partner, rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    assert {s.sleutel for s in soorten_voor(beheerder)} == {
        "organisatie",
        "team",
        "medewerker",
        "roltoekenning",
    }


def test_pagina_binnen_het_querybudget_en_gepagineerd(
    client, beheerder_a, beheerder_b, collega, django_assert_max_num_queries
):
    for i in range(60):
        team = teambeheer.team_aanmaken(door=beheerder_b, naam=f"Team {i}")
        teambeheer.team_wijzigen(door=beheerder_b, team=team, naam=f"Team {i}", telefoon=f"023 {i:03d}")
        medewerker = MedewerkerFactory(team=team)
        services.medewerker_wijzigen(
            door=beheerder_b,
            medewerker=medewerker,
            first_name="Nieuw",
            last_name=medewerker.last_name,
            email=f"m{i}@example.org",
            team=collega.team,
        )
    client.force_login(beheerder_a)
    with django_assert_max_num_queries(20):  # the same for 10 or 10 000 history rows
        antwoord = client.get(URL)
    pagina = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Pagina 1 van" in pagina and "Volgende" in pagina
    # The changed team of a medewerker shows by name, not by number.
    assert f"→ {collega.team.naam}" in pagina
    with django_assert_max_num_queries(20):
        assert client.get(URL, {"pagina": 2, "soort": "team"}).status_code == 200


def test_andere_rollen_komen_er_niet_in(client, rol_gebruiker):
    for rol in (Rol.CONSULENT, Rol.TEAMLEIDER, Rol.LOKETMEDEWERKER):
        client.force_login(rol_gebruiker(rol))
        assert client.get(URL).status_code == 403


def test_aanbieders_contracten_en_logo_staan_erin_alleen_voor_de_eigen_gemeenten(
    client, beheerder_a, django_assert_max_num_queries
):
    from datetime import date

    from beheer import catalogus
    from tests.aanvragen.factories import VoorzieningFactory
    from tests.factories import GemeenteFactory

    eigen = beheerder_a.organisatie.gemeenten.first()
    product = VoorzieningFactory(naam="Hulp bij het huishouden")
    aanbieder = catalogus.aanbieder_aanmaken(door=beheerder_a, naam="Thuiszorg Spaarne", agb_code="75751234")
    catalogus.contract_aanmaken(
        door=beheerder_a,
        aanbieder=aanbieder,
        gemeente=eigen,
        voorziening=product,
        geldig_vanaf=date(2026, 1, 1),
    )
    # A contract in a gemeente of another organisation is not this beheerder's business.
    vreemd = GemeenteFactory(naam="Vreemdorp")
    from wmo.models import Contract

    Contract.objects.create(
        aanbieder=aanbieder, gemeente=vreemd, voorziening=product, geldig_vanaf=date(2026, 1, 1)
    )
    client.force_login(beheerder_a)
    with django_assert_max_num_queries(20):
        pagina = client.get(URL).content.decode()
    assert "Thuiszorg Spaarne (AGB 75751234)" in pagina
    assert f"Thuiszorg Spaarne: Hulp bij het huishouden in {eigen.naam}" in pagina
    assert "Vreemdorp" not in pagina
    assert client.get(URL, {"soort": "contract"}).status_code == 200
