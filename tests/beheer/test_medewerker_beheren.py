"""Accounts of the beheerder's own organisation: list, create (no password: a link), change,
deactivate; query budgets; and no page where a beheerder types another person's password."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from beheer import services
from beheer.constants import RoltoekenningStatus
from beheer.models import Roltoekenning
from tests.factories import MedewerkerFactory, TeamFactory
from wmo.constants import Rol
from wmo.models import Medewerker

pytestmark = pytest.mark.django_db


def _link(mail) -> str:
    return re.search(r"http://testserver(/wachtwoord-instellen/\S+/)", mail.body).group(1)


def test_de_lijst_toont_alleen_de_eigen_organisatie(
    client, beheerder_a, collega, buitenstaander, django_assert_max_num_queries
):
    for _ in range(5):
        MedewerkerFactory(team=collega.team, rollen=[Rol.CONSULENT, Rol.LOKETMEDEWERKER])
    client.force_login(beheerder_a)
    with django_assert_max_num_queries(11):  # the same with 7 or 700 accounts
        response = client.get(reverse("beheer:medewerkers"))
    pagina = response.content.decode()
    assert response.status_code == 200
    assert "collega" in pagina and "buitenstaander" not in pagina
    assert "Consulent, Loketmedewerker" in pagina or "Loketmedewerker, Consulent" in pagina
    gezocht = client.get(reverse("beheer:medewerkers"), {"zoek": "colleg"}).content.decode()
    assert "collega" in gezocht and "beheerder_a" not in gezocht


def test_paginas_binnen_hun_querybudget(
    client, beheerder_a, beheerder_b, collega, django_assert_max_num_queries
):
    toekenning = services.rol_aanvragen(door=beheerder_b, medewerker=collega, rol=Rol.CONSULENT, reden="x")
    services.rol_aanvragen(door=beheerder_b, medewerker=collega, rol=Rol.LOKETMEDEWERKER, reden="y")
    services.wachtwoordlink_versturen(door=beheerder_b, medewerker=collega)
    client.force_login(beheerder_a)
    for naam, args, budget in [
        ("beheer:start", [], 9),
        ("beheer:medewerker", [collega.pk], 13),  # with the count of open meldingen (overdracht)
        ("beheer:medewerker_wijzigen", [collega.pk], 12),
        ("beheer:medewerker_aanmaken", [], 10),
        ("beheer:rol_aanvragen", [collega.pk], 10),
        ("beheer:rolaanvragen", [], 9),
        ("beheer:rolaanvraag", [toekenning.pk], 9),
    ]:
        with django_assert_max_num_queries(budget):
            assert client.get(reverse(naam, args=args)).status_code == 200, naam


def test_nergens_een_wachtwoordveld_voor_een_ander(client, beheerder_a, beheerder_b, collega):
    """Every beheer page the beheerder reaches: no password input (BIO 9.2.4)."""
    toekenning = services.rol_aanvragen(door=beheerder_b, medewerker=collega, rol=Rol.CONSULENT, reden="x")
    client.force_login(beheerder_a)
    urls = [
        reverse("beheer:start"),
        reverse("beheer:medewerkers"),
        reverse("beheer:medewerker_aanmaken"),
        reverse("beheer:medewerker", args=[collega.pk]),
        reverse("beheer:medewerker_wijzigen", args=[collega.pk]),
        reverse("beheer:medewerker_deactiveren", args=[collega.pk]),
        reverse("beheer:rol_aanvragen", args=[collega.pk]),
        reverse("beheer:rolaanvragen"),
        reverse("beheer:rolaanvraag", args=[toekenning.pk]),
        reverse("beheer_technisch:index"),
        reverse("beheer:teams"),
        reverse("beheer:team_wijzigen", args=[collega.team_id]),
        reverse("beheer:wijzigingen"),
    ]
    for url in urls:
        pagina = client.get(url).content.decode()
        assert 'type="password"' not in pagina and 'name="password' not in pagina, url
    client.post(reverse("beheer:medewerker_wijzigen", args=[collega.pk]), {
        "first_name": "A", "last_name": "B", "email": collega.email, "team": collega.team_id,
        "password": "gekozen-door-beheerder", "password1": "gekozen-door-beheerder",
    })  # fmt: skip
    collega.refresh_from_db()
    assert not collega.check_password("gekozen-door-beheerder")


def test_aanmaken_zonder_wachtwoord_de_link_werkt_een_keer(client, beheerder_a, mailoutbox):
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:medewerker_aanmaken"), {
        "username": "jdevries", "first_name": "Jan", "last_name": "de Vries", "email": "jan@example.org",
        "team": beheerder_a.team_id, "telefoon": "023 123 45 67",
    })  # fmt: skip
    nieuw = Medewerker.objects.get(username="jdevries")
    assert response.status_code == 302 and response.url == reverse("beheer:medewerker", args=[nieuw.pk])
    assert nieuw.organisatie == beheerder_a.organisatie and not nieuw.has_usable_password()
    assert nieuw.rollen == frozenset()
    (mail,) = mailoutbox
    assert mail.to == ["jan@example.org"] and "jdevries" in mail.body and "Kies een wachtwoord" in mail.body
    assert str(beheerder_a) in mail.body and "3 dagen" in mail.body
    assert nieuw.history.filter(history_change_reason="Account aangemaakt", history_user=beheerder_a).exists()

    client.logout()
    link = _link(mail)
    response = client.get(link, follow=True)
    assert response.status_code == 200 and "Wachtwoord kiezen" in response.content.decode()
    formulier = response.redirect_chain[-1][0]
    response = client.post(
        formulier, {"new_password1": "Zelf-Gekozen-42", "new_password2": "Zelf-Gekozen-42"}
    )
    assert response.status_code == 302 and response.url == reverse("password_reset_complete")
    nieuw.refresh_from_db()
    assert nieuw.check_password("Zelf-Gekozen-42")
    inloggen = client.post(reverse("login"), {"username": "jdevries", "password": "Zelf-Gekozen-42"})
    assert inloggen.status_code == 302  # the password step is passed (next: the two-step code)
    client.logout()
    tweede_keer = client.get(link, follow=True).content.decode()
    assert "Deze link werkt niet meer" in tweede_keer and 'type="password"' not in tweede_keer


def test_aanmaken_met_fouten_houdt_wat_getypt_is(client, beheerder_a, collega, buitenstaander, mailoutbox):
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:medewerker_aanmaken"), {
        "username": "collega", "first_name": "Piet", "last_name": "", "email": "geen-mail",
        "team": buitenstaander.team_id,
    })  # fmt: skip
    assert response.status_code == 200
    form = response.context["form"]
    assert {"last_name", "email", "team"} <= set(form.errors)
    assert 'value="Piet"' in response.content.decode()
    response = client.post(reverse("beheer:medewerker_aanmaken"), {
        "username": "collega", "first_name": "Piet", "last_name": "Jansen", "email": "p@example.org",
        "team": collega.team_id,
    })  # fmt: skip
    assert response.status_code == 200 and "username" in response.context["form"].errors
    assert not mailoutbox and Medewerker.objects.filter(username="collega").count() == 1


def test_wijzigen_naam_team_en_telefoon(client, beheerder_a, collega):
    ander_team = TeamFactory(organisatie=collega.organisatie, naam="Team Noord")
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:medewerker_wijzigen", args=[collega.pk]), {
        "first_name": "Maria", "last_name": "Bos", "email": collega.email, "team": ander_team.pk, "telefoon": "06 1",
    })  # fmt: skip
    assert response.status_code == 302
    collega.refresh_from_db()
    assert (collega.first_name, collega.team, collega.telefoon) == ("Maria", ander_team, "06 1")
    assert collega.history.filter(
        history_change_reason__startswith="Gewijzigd: voornaam, achternaam, team"
    ).exists()


def test_nieuw_emailadres_zet_de_rollen_stil_tot_een_tweede_beheerder(
    beheerder_a, beheerder_b, rol_gebruiker, mailoutbox
):
    """Whoever reads the mailbox can take the account over with a link: a new address is a grant."""
    consulent = rol_gebruiker(Rol.CONSULENT, email="oud@example.org")
    services.medewerker_wijzigen(
        door=beheerder_a, medewerker=consulent, first_name=consulent.first_name, last_name=consulent.last_name,
        email="nieuw@example.org", team=consulent.team, telefoon="",
    )  # fmt: skip
    consulent = Medewerker.objects.get(pk=consulent.pk)
    assert consulent.rollen == frozenset() and consulent.email == "nieuw@example.org"
    aanvraag = Roltoekenning.objects.get(medewerker=consulent, status=RoltoekenningStatus.AANGEVRAAGD)
    assert aanvraag.rol == Rol.CONSULENT and aanvraag.aangevraagd_door == beheerder_a
    assert Roltoekenning.objects.filter(medewerker=consulent, status=RoltoekenningStatus.INGETROKKEN).exists()
    assert mailoutbox[0].to == ["oud@example.org"]
    with pytest.raises(ValidationError):
        services.rol_goedkeuren(door=beheerder_a, toekenning=aanvraag)
    services.rol_goedkeuren(door=beheerder_b, toekenning=aanvraag)
    assert Medewerker.objects.get(pk=consulent.pk).rollen == {Rol.CONSULENT}


def test_eigen_emailadres_wijzigt_een_ander(beheerder_a):
    with pytest.raises(ValidationError, match="andere beheerder"):
        services.medewerker_wijzigen(
            door=beheerder_a, medewerker=beheerder_a, first_name="x", last_name="y",
            email="elders@example.org", team=beheerder_a.team,
        )  # fmt: skip


def test_deactiveren_logt_de_medewerker_meteen_uit(client, beheerder_a, beheerder_b, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    toekenning = services.rol_aanvragen(door=beheerder_b, medewerker=consulent, rol=Rol.TEAMLEIDER, reden="x")
    consulent_client = client.__class__()
    consulent_client.force_login(consulent)
    assert consulent_client.get(reverse("werkvoorraad")).status_code == 200

    client.force_login(beheerder_a)
    url = reverse("beheer:medewerker_deactiveren", args=[consulent.pk])
    assert client.post(url, {"reden": ""}).status_code == 200
    assert client.post(url, {"reden": "Uit dienst"}).status_code == 302
    consulent.refresh_from_db()
    assert not consulent.is_active
    response = consulent_client.get(reverse("werkvoorraad"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    toekenning.refresh_from_db()
    assert toekenning.status == RoltoekenningStatus.GEWEIGERD
    assert (
        "Gedeactiveerd: Uit dienst"
        in client.get(reverse("beheer:medewerker", args=[consulent.pk])).content.decode()
    )


def test_zichzelf_deactiveren_kan_niet(client, beheerder_a):
    client.force_login(beheerder_a)
    assert (
        "Deactiveren" not in client.get(reverse("beheer:medewerker", args=[beheerder_a.pk])).content.decode()
    )
    response = client.post(reverse("beheer:medewerker_deactiveren", args=[beheerder_a.pk]), {"reden": "x"})
    assert response.status_code == 200 and "eigen account" in response.content.decode()
    beheerder_a.refresh_from_db()
    assert beheerder_a.is_active


def test_wachtwoordlink_mailen(client, beheerder_a, collega, mailoutbox):
    collega.set_password("oud-wachtwoord-1")
    collega.save()
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:wachtwoordlink_versturen", args=[collega.pk]), follow=True)
    assert "link gemaild naar collega@example.org" in response.content.decode()
    (mail,) = mailoutbox
    assert mail.to == ["collega@example.org"] and "nieuw wachtwoord" in mail.body
    collega.refresh_from_db()
    assert collega.check_password("oud-wachtwoord-1")  # works until the link is used
    assert client.get(reverse("beheer:wachtwoordlink_versturen", args=[collega.pk])).status_code == 405
    assert (
        "gemaild naar collega@example.org"
        in client.get(reverse("beheer:medewerker", args=[collega.pk])).content.decode()
    )


def test_een_superuser_beheert_de_beheerder_niet(client, beheerder_a, rol_gebruiker):
    """A superuser's e-mail address and password link are the keys to /admin/: not in beheer."""
    root = rol_gebruiker(is_superuser=True, email="root@example.org")
    client.force_login(beheerder_a)
    assert "root@example.org" not in client.get(reverse("beheer:medewerkers")).content.decode()
    assert client.get(reverse("beheer:medewerker", args=[root.pk])).status_code == 404
    assert client.post(reverse("beheer:wachtwoordlink_versturen", args=[root.pk])).status_code == 404
    with pytest.raises(ValidationError):
        services.medewerker_wijzigen(
            door=beheerder_a, medewerker=root, first_name="x", last_name="y",
            email="beheerder@example.org", team=root.team,
        )  # fmt: skip
