"""/admin/ is a technical back door for superusers only; the beheerder has its own small admin
for the catalogue and settings (beheer.technisch) without any user model in it."""

import re

import pytest
from django.urls import reverse

from tests.factories import MedewerkerFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol
from wmo.models import Medewerker

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/login/",
    "/admin/wmo/medewerker/",
    "/admin/wmo/medewerker/add/",
    "/admin/auth/group/",
    "/admin/wmo/voorziening/",
    "/admin/bestaat/niet/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_de_beheerder_en_andere_rollen_komen_niet_in_de_admin(client, url, beheerder, consulent, teamleider):
    for user in (beheerder, consulent, teamleider):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 404, (user, url)
        assert "django-admin" not in response.content.decode() and "Django" not in response.content.decode()


@pytest.mark.parametrize("url", ADMIN_URLS[:-1])
def test_anoniem_gaat_naar_de_eigen_login(client, url):
    response = client.get(url, follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0].startswith(reverse("login"))
    assert response.templates[0].name == "registration/login.html"


def test_de_beheerder_kan_zich_geen_superuser_maken_via_de_admin(client, beheerder):
    client.force_login(beheerder)
    response = client.post(
        f"/admin/wmo/medewerker/{beheerder.pk}/change/",
        {"username": beheerder.username, "is_superuser": "on", "is_active": "on", "groups": []},
    )
    assert response.status_code == 404
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser


def test_superuser_wel_maar_zonder_wachtwoord_van_een_ander(client, superuser, rol_gebruiker, mailoutbox):
    consulent = rol_gebruiker(Rol.CONSULENT, email="consulent@example.org")
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200
    wijzig = client.get(f"/admin/wmo/medewerker/{consulent.pk}/change/").content.decode()
    assert 'type="password"' not in wijzig and "/password/" not in wijzig
    assert client.get(f"/admin/wmo/medewerker/{consulent.pk}/password/").status_code == 404
    response = client.post(
        f"/admin/wmo/medewerker/{consulent.pk}/password/", {"password1": "x", "password2": "x"}
    )
    assert response.status_code == 404
    nieuw = client.get("/admin/wmo/medewerker/add/").content.decode()
    assert 'type="password"' not in nieuw

    response = client.post(
        "/admin/wmo/medewerker/add/",
        {"username": "nieuw", "first_name": "Nieuw", "last_name": "Mens", "email": "nieuw@example.org",
         "team": consulent.team_id, "telefoon": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = Medewerker.objects.get(username="nieuw")
    assert not nieuw.has_usable_password() and nieuw.organisatie == consulent.organisatie
    assert [m.to for m in mailoutbox] == [["nieuw@example.org"]]

    response = client.post(
        "/admin/wmo/medewerker/", {"action": "wachtwoordlink_sturen", "_selected_action": [consulent.pk]}
    )
    assert response.status_code == 302
    assert mailoutbox[-1].to == [consulent.email] and "/wachtwoord-instellen/" in mailoutbox[-1].body


def test_beheerder_heeft_een_eigen_admin_voor_catalogus_en_instellingen(
    client, beheerder, django_assert_max_num_queries
):
    client.force_login(beheerder)
    with django_assert_max_num_queries(12):
        index = client.get(reverse("beheer_technisch:index"))
    assert index.status_code == 200
    pagina = index.content.decode()
    assert "/beheer/technisch/wmo/gelijkgesteldedag/" in pagina
    assert "medewerker" not in pagina.lower() and "/auth/" not in pagina
    for url in (
        "wmo/medewerker/",
        "auth/group/",
        "wmo/organisatie/",
        "wmo/team/",
        "wmo/gemeente/",  # the gemeenten have their own beheer pages (beheer.views_gemeenten)
        "wmo/voorziening/",  # the catalogue and the mandaten have their own beheer pages
        "aanvragen/mandaat/",
        "meldingen/inwoner/",
        "password_change/x",
    ):
        assert client.get(f"/beheer/technisch/{url}").status_code == 404, url


@pytest.mark.parametrize("soort", ["partner", "geen_beheerder"])
def test_geen_eigen_admin_voor_partner_of_ander(client, soort):
    if soort == "partner":
        team = TeamFactory(organisatie=OrganisatieFactory(partner=True))
        user = MedewerkerFactory(team=team, rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    else:
        user = MedewerkerFactory(rollen=[Rol.CONSULENT, Rol.TEAMLEIDER])
    client.force_login(user)
    assert client.get(reverse("beheer_technisch:index")).status_code == 404
    assert client.get("/beheer/technisch/wmo/voorziening/").status_code == 404


def test_de_link_beheer_in_de_kop_gaat_naar_de_eigen_beheerpaginas(client, beheerder, consulent):
    client.force_login(beheerder)
    response = client.get(reverse("werkvoorraad"), follow=True)  # the beheerder starts in beheer
    assert response.redirect_chain == [(reverse("beheer:start"), 302)]
    kop = response.content.decode()
    assert re.search(r'href="/beheer/"[^>]*>Beheer<', kop) and "/admin/" not in kop
    client.force_login(consulent)
    kop = client.get(reverse("werkvoorraad")).content.decode()
    assert "/beheer/" not in kop and "/admin/" not in kop
