"""Teams of the beheerder's own organisation: list, create, change, take out of use (refused with
open meldingen or active members, saying how many), back into use; another organisation's team
is a 404; an unused team gets no new meldingen or members."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from beheer import services
from beheer import teams as teambeheer
from meldingen import services as melding_services
from meldingen.constants import Afsluitreden, MeldingStatus
from tests.factories import MedewerkerFactory, MeldingFactory, TeamFactory
from wmo.constants import Rol
from wmo.models import Team
from wmo.query import teams_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeg_team(beheerder_a):
    return Team.objects.create(organisatie=beheerder_a.organisatie, naam="Wmo-team Oost")


def test_lijst_maken_en_wijzigen(client, beheerder_a, buitenstaander, django_assert_max_num_queries):
    for _ in range(4):
        team = TeamFactory(organisatie=beheerder_a.organisatie)
        MeldingFactory(team=team)
        MedewerkerFactory(team=team)
    client.force_login(beheerder_a)
    with django_assert_max_num_queries(9):  # the same with 5 or 500 teams
        lijst = client.get(reverse("beheer:teams"))
    assert lijst.status_code == 200
    pagina = lijst.content.decode()
    assert beheerder_a.team.naam in pagina and buitenstaander.team.naam not in pagina

    antwoord = client.post(
        reverse("beheer:team_aanmaken"),
        {"naam": " Wmo-team  Noord ", "telefoon": "14 023", "email": "noord@example.org"},
    )
    assert antwoord.status_code == 302
    team = Team.objects.get(naam="Wmo-team Noord")
    assert (team.organisatie, team.actief, team.telefoon) == (beheerder_a.organisatie, True, "14 023")
    assert team.history.get().history_user == beheerder_a

    url = reverse("beheer:team_wijzigen", args=[team.pk])
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200
    client.post(url, {"naam": "Wmo-team Noord", "telefoon": "023 000 00 00", "email": "noord@example.org"})
    team.refresh_from_db()
    assert team.telefoon == "023 000 00 00"
    assert team.history.latest().history_change_reason == "Gewijzigd: telefoon"


def test_foute_invoer_geeft_een_nederlandse_melding_en_houdt_wat_u_typte(client, beheerder_a):
    client.force_login(beheerder_a)
    antwoord = client.post(
        reverse("beheer:team_aanmaken"), {"naam": beheerder_a.team.naam.upper(), "email": "geen-adres"}
    )
    pagina = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Vul een geldig e-mailadres in" in pagina or "geldig e-mailadres" in pagina
    assert 'value="geen-adres"' in pagina
    antwoord = client.post(reverse("beheer:team_aanmaken"), {"naam": beheerder_a.team.naam.upper()})
    pagina = antwoord.content.decode()
    assert "al een team met deze naam" in pagina and 'aria-invalid="true"' in pagina
    assert Team.objects.filter(organisatie=beheerder_a.organisatie).count() == 1


def test_een_team_van_een_andere_organisatie_is_er_niet(client, beheerder_a, buitenstaander):
    client.force_login(beheerder_a)
    vreemd = buitenstaander.team
    for naam in ("beheer:team_wijzigen", "beheer:team_deactiveren"):
        assert client.get(reverse(naam, args=[vreemd.pk])).status_code == 404
        assert (
            client.post(reverse(naam, args=[vreemd.pk]), {"naam": "Overgenomen", "reden": "x"}).status_code
            == 404
        )
    assert client.post(reverse("beheer:team_activeren", args=[vreemd.pk])).status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.naam != "Overgenomen" and vreemd.actief
    with pytest.raises(ValidationError):
        teambeheer.team_wijzigen(door=beheerder_a, team=vreemd, naam="Overgenomen")


def test_uit_gebruik_geweigerd_met_open_meldingen_en_actieve_leden(client, beheerder_a, leeg_team):
    lid = MedewerkerFactory(team=leeg_team)
    MeldingFactory(team=leeg_team)
    MeldingFactory(team=leeg_team)
    MeldingFactory(team=leeg_team, status=MeldingStatus.IN_ONDERZOEK)
    client.force_login(beheerder_a)
    url = reverse("beheer:team_deactiveren", args=[leeg_team.pk])
    pagina = client.get(url).content.decode()
    assert "nog 3 open meldingen" in pagina and "nog 1 actieve medewerker" in pagina
    antwoord = client.post(url, {"reden": "Opgeheven"})
    assert antwoord.status_code == 200
    leeg_team.refresh_from_db()
    assert leeg_team.actief
    with pytest.raises(ValidationError, match="3 open meldingen"):
        teambeheer.team_deactiveren(door=beheerder_a, team=leeg_team, reden="Opgeheven")

    # The members leave and the meldingen close: now it can.
    services.medewerker_deactiveren(door=beheerder_a, medewerker=lid, reden="Vertrokken")
    for melding in leeg_team.meldingen.all():
        melding_services.melding_afsluiten(melding=melding, door=beheerder_a, reden=Afsluitreden.OPGELOST)
    assert teambeheer.team_bezetting(leeg_team) == (0, 0)
    antwoord = client.post(url, {"reden": ""})
    assert "Dit veld is verplicht" in antwoord.content.decode() or "verplicht" in antwoord.content.decode()
    assert client.post(url, {"reden": "Team opgeheven"}).status_code == 302
    leeg_team.refresh_from_db()
    assert not leeg_team.actief
    assert leeg_team.history.latest().history_change_reason == "Uit gebruik: Team opgeheven"
    assert Team.objects.filter(pk=leeg_team.pk).exists()  # never deleted

    # Back into use.
    assert client.post(reverse("beheer:team_activeren", args=[leeg_team.pk])).status_code == 302
    leeg_team.refresh_from_db()
    assert leeg_team.actief


def test_een_team_uit_gebruik_krijgt_geen_meldingen_of_medewerkers(beheerder_a, leeg_team, client):
    leeg_team = teambeheer.team_deactiveren(door=beheerder_a, team=leeg_team, reden="Opgeheven")
    assert leeg_team not in teams_voor(beheerder_a)  # the loket's choice of team
    with pytest.raises(ValidationError, match="uit gebruik"):
        MeldingFactory(team=leeg_team)  # and the service refuses it too
    with pytest.raises(ValidationError, match="uit gebruik"):
        services.medewerker_aanmaken(
            door=beheerder_a,
            username="nieuw",
            first_name="N",
            last_name="W",
            email="n@example.org",
            team=leeg_team,
        )
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:medewerker_aanmaken")).content.decode()
    assert "Wmo-team Oost" not in pagina


def test_andere_rollen_komen_er_niet_in(client, rol_gebruiker, leeg_team):
    for rol in (Rol.CONSULENT, Rol.TEAMLEIDER, Rol.LOKETMEDEWERKER):
        client.force_login(rol_gebruiker(rol))
        assert client.get(reverse("beheer:teams")).status_code == 403
        assert client.get(reverse("beheer:team_wijzigen", args=[leeg_team.pk])).status_code == 403
