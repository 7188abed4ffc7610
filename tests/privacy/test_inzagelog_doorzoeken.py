"""The privacy officer's pages: search the access log, answer an inzageverzoek (AVG art. 15);
the officer sees the log but no dossier, and the officer's own searches are logged (BIO 12.4.3)."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from tests.factories import InwonerFactory, MedewerkerFactory, MeldingFactory, OrganisatieFactory, TeamFactory
from wmo.constants import InzageActie, Rol
from wmo.models import Inzage
from wmo.services import inzage_vastleggen, inzages_vastleggen

pytestmark = pytest.mark.django_db

URL = reverse("privacy:inzagelog")


@pytest.fixture
def gemeente(team):
    return team.organisatie.gemeenten.first()


@pytest.fixture
def inwoner(gemeente):
    return InwonerFactory(gemeente=gemeente, voornamen="Truus", achternaam="Klaassen")


@pytest.fixture
def consulent(rol_gebruiker):
    return rol_gebruiker(Rol.CONSULENT, first_name="Fatima", last_name="El Amrani", username="famrani")


def _op(moment: str, **kwargs):
    with time_machine.travel(datetime.fromisoformat(moment), tick=False):
        return inzage_vastleggen(**kwargs)


def test_de_functionaris_zoekt_en_het_zoeken_wordt_vastgelegd(
    client, privacy, consulent, inwoner, gemeente, django_assert_max_num_queries
):
    ander = InwonerFactory(gemeente=gemeente)
    _op("2026-04-07T10:15+02:00", medewerker=consulent, inwoner=inwoner, wat="dossier")
    _op("2026-04-08T11:00+02:00", medewerker=consulent, inwoner=ander, wat="dossier")
    client.force_login(privacy)
    with django_assert_max_num_queries(13):  # incl. two-step verification's device check
        response = client.get(URL, {"inwoner": inwoner.bsn})
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "Fatima El Amrani" in pagina and "Consulent" in pagina and "7 april 2026 10:15" in pagina
    assert escape(ander.naam) not in pagina
    assert reverse("privacy:inzageverzoek", args=[inwoner.pk]) in pagina
    eigen = Inzage.objects.get(medewerker=privacy)
    assert (eigen.inwoner, eigen.actie, eigen.object_type) == (inwoner, "zoeken", "inzage")
    assert eigen.wat == "inzagelog doorzocht (inwoner: BSN)"  # not the BSN itself
    assert eigen.rollen == "privacy_functionaris"


def test_zoeken_op_medewerker_periode_en_actie(client, privacy, consulent, rol_gebruiker, inwoner):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER, first_name="Sanne", last_name="de Wit")
    _op("2026-04-07T10:15+02:00", medewerker=consulent, inwoner=inwoner, wat="dossier eerste")
    _op(
        "2026-05-07T10:15+02:00",
        medewerker=consulent,
        inwoner=inwoner,
        wat="brief",
        actie=InzageActie.DOWNLOADEN,
    )
    _op("2026-05-08T10:15+02:00", medewerker=loket, inwoner=inwoner, wat="dossier loket")
    client.force_login(privacy)

    def gevonden(**params):
        rijen = client.get(URL, params).context["rijen"]
        return [r.wat for r in rijen if r.medewerker_id != privacy.pk]

    assert gevonden(medewerker="famrani") == ["brief", "dossier eerste"]
    assert gevonden(medewerker="amrani") == ["brief", "dossier eerste"]
    assert gevonden(van="2026-05-01", tot="2026-05-07") == ["brief"]
    assert gevonden(actie="downloaden") == ["brief"]
    assert gevonden(inwoner="klaas truus") == ["dossier loket", "brief", "dossier eerste"]


def test_een_verkeerde_periode_geeft_een_nederlandse_melding_en_houdt_de_invoer(client, privacy):
    client.force_login(privacy)
    response = client.get(URL, {"van": "2026-05-01", "tot": "2026-04-01", "medewerker": "famrani"})
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "Deze datum ligt voor de datum ‘vanaf’" in pagina
    assert 'aria-invalid="true"' in pagina and 'value="famrani"' in pagina
    response = client.get(URL, {"van": "gisteren"})
    assert response.status_code == 200 and "datum" in response.content.decode().lower()


def test_bladeren_per_vijftig(client, privacy, consulent, gemeente):
    inwoners = InwonerFactory.create_batch(3, gemeente=gemeente)
    for _ in range(20):
        inzages_vastleggen(medewerker=consulent, inwoner_ids=[i.pk for i in inwoners], wat="werkvoorraad")
    client.force_login(privacy)
    response = client.get(URL, {"medewerker": consulent.username})
    assert len(response.context["rijen"]) == 50 and response.context["meer"]
    assert "pagina=2" in response.content.decode()
    response = client.get(URL, {"medewerker": consulent.username, "pagina": "2"})
    assert len(response.context["rijen"]) == 10 and not response.context["meer"]
    assert client.get(URL, {"pagina": "x"}).status_code == 200


def test_alleen_de_eigen_gemeenten_en_organisatie(client, privacy, inwoner):
    vreemd_team = TeamFactory()
    vreemde = MedewerkerFactory(team=vreemd_team, organisatie=vreemd_team.organisatie, rollen=[Rol.CONSULENT])
    vreemde_inwoner = InwonerFactory(gemeente=vreemd_team.organisatie.gemeenten.first())
    inzage_vastleggen(medewerker=vreemde, inwoner=vreemde_inwoner, wat="dossier elders")
    # A partner organisation's consulent who opens our inwoner: the gemeente's officer sees it.
    partner_team = TeamFactory(organisatie=OrganisatieFactory(partner=True))
    partner = MedewerkerFactory(
        team=partner_team, organisatie=partner_team.organisatie, rollen=[Rol.CONSULENT]
    )
    inzage_vastleggen(medewerker=partner, inwoner=inwoner, wat="dossier partner")
    client.force_login(privacy)
    wat = [r.wat for r in client.get(URL).context["rijen"]]
    assert "dossier partner" in wat and "dossier elders" not in wat
    assert client.get(reverse("privacy:inzageverzoek", args=[vreemde_inwoner.pk])).status_code == 404
    assert client.get(reverse("privacy:inzageverzoek_csv", args=[vreemde_inwoner.pk])).status_code == 404


def test_overzicht_voor_een_inzageverzoek(
    client, privacy, consulent, inwoner, settings, django_assert_max_num_queries
):
    settings.VERTROUWDE_PROXIES = 0
    _op("2026-04-07T10:15+02:00", medewerker=consulent, inwoner=inwoner, wat="dossier")
    _op("2026-04-07T16:15+02:00", medewerker=consulent, inwoner=inwoner, wat="dossier")
    _op(
        "2026-04-09T09:00+02:00",
        medewerker=consulent,
        inwoner=inwoner,
        wat="brief",
        actie=InzageActie.DOWNLOADEN,
    )
    client.force_login(privacy)
    url = reverse("privacy:inzageverzoek", args=[inwoner.pk])
    # Login and permissions 5, the inwoner 1, the officer's roles and organisation 2, the access
    # log 2 (lock with the chain's head, insert), the overview 1 (grouped per day in SQL), the
    # two-step verification's device 1, 1 spare.
    with django_assert_max_num_queries(13):
        response = client.get(url, REMOTE_ADDR="198.51.100.23")
    pagina = response.content.decode()
    assert "Wie heeft de gegevens van Truus Klaassen bekeken?" in pagina
    assert "7 april 2026" in pagina and "2 keer" in pagina
    assert "Fatima El Amrani" in pagina and f"Consulent, {consulent.organisatie.naam}" in pagina
    assert "Afdrukken of downloaden: brief" in pagina
    assert "IP" not in pagina and "127.0.0.1" not in pagina
    eigen = Inzage.objects.get(medewerker=privacy)
    assert (eigen.inwoner, eigen.actie, eigen.ip_adres) == (inwoner, "raadplegen", "198.51.100.23")

    response = client.get(reverse("privacy:inzageverzoek_csv", args=[inwoner.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    regels = response.content.decode("utf-8-sig").splitlines()
    assert regels[0] == "Datum en tijd;Medewerker;Functie;Organisatie;Actie;Wat"
    assert (
        regels[1]
        == f"07-04-2026 10:15:00;Fatima El Amrani;Consulent;{consulent.organisatie.naam};Raadplegen;dossier"
    )
    assert len(regels) == 1 + 3 + 2  # the officer's page view and this export are rows too
    assert "198.51.100.23" not in response.content.decode()
    assert Inzage.objects.filter(medewerker=privacy, actie="exporteren", inwoner=inwoner).count() == 1


def test_de_functionaris_ziet_geen_dossier(client, privacy, team, gemeente):
    # A surname no medewerker has: a random one was sometimes "Jansen", the officer's own name,
    # which the page header shows (a flaky failure, not a leak).
    melding = MeldingFactory(team=team, inwoner__gemeente=gemeente, inwoner__achternaam="Oosterzee-Vlietstra")
    client.force_login(privacy)
    for url in (
        reverse("meldingen:dossier", args=[melding.inwoner_id]),
        reverse("meldingen:melding", args=[melding.pk]),
        reverse("meldingen:inwoner_wijzigen", args=[melding.inwoner_id]),
        reverse("meldingen:inwoner_zoeken") + f"?q={melding.inwoner.bsn}",
        reverse("teamleider:dashboard"),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert escape(melding.inwoner.achternaam) not in response.content.decode(), url
        assert melding.inwoner.bsn not in response.content.decode(), url
    # The start page sends the officer to the log.
    assert client.get(reverse("werkvoorraad"))["Location"] == URL
    assert not Inzage.objects.filter(inwoner=melding.inwoner).exists()


@pytest.mark.parametrize(
    "rol", [Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER, Rol.FUNCTIONEEL_BEHEERDER]
)
def test_andere_rollen_komen_niet_in_het_log(client, rol_gebruiker, inwoner, rol):
    client.force_login(rol_gebruiker(rol))
    for url in (
        URL,
        reverse("privacy:inzageverzoek", args=[inwoner.pk]),
        reverse("privacy:inzageverzoek_csv", args=[inwoner.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_niet_ingelogd_naar_inloggen(client, inwoner):
    response = client.get(reverse("privacy:inzageverzoek", args=[inwoner.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_het_menu_toont_het_inzagelog_alleen_aan_de_functionaris(client, privacy, consulent):
    client.force_login(privacy)
    assert f'href="{URL}"' in client.get(URL).content.decode()
    client.force_login(consulent)
    assert f'href="{URL}"' not in client.get(reverse("werkvoorraad")).content.decode()


def test_leeg_zoeken_wordt_ook_vastgelegd(client, privacy):
    client.force_login(privacy)
    client.get(URL, {"medewerker": "niemand", "van": date(2026, 1, 1).isoformat()})
    eigen = Inzage.objects.get(medewerker=privacy)
    assert eigen.inwoner is None and eigen.wat == "inzagelog doorzocht (medewerker: niemand, van: 2026-01-01)"
