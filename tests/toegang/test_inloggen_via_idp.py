"""Single sign-on with the gemeente's identity provider (toegang.oidc).

The provider is faked (tests/toegang/nep_idp.py, real HTTP on 127.0.0.1) because the real one is
outside our control; everything on our side is real: mozilla-django-oidc's views and client, our
backend and service, the session, PostgreSQL.
"""

import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from tests.factories import MedewerkerFactory, TeamFactory
from tests.toegang.conftest import inloggen_via_idp
from wmo.constants import Rol
from wmo.models import Medewerker, Team

pytestmark = pytest.mark.django_db

GEEN_ROL = "U heeft geen rol in Keukentafel; vraag uw beheerder."
MISLUKT = "Inloggen met Gemeente Haarlem is niet gelukt."


def meldingen(antwoord) -> list[str]:
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


def rollen(medewerker: Medewerker) -> set[str]:
    return set(medewerker.groups.values_list("name", flat=True))


def test_uit_geen_url_geen_backend_geen_knop(client, settings):
    assert settings.OIDC_ENABLED is False
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "toegang.backends.MedewerkerBackend",
    ]
    with pytest.raises(NoReverseMatch):
        reverse("toegang:oidc_inloggen")
    assert client.get("/toegang/oidc/terugkeer/?code=x&state=y").status_code == 404
    antwoord = client.get(reverse("login"))
    assert "Inloggen met" not in antwoord.content.decode()
    assert 'name="password"' in antwoord.content.decode()


def test_inlogpagina_biedt_de_idp_aan(client, oidc_aan, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        antwoord = client.get(reverse("login") + "?next=/teamleider/")
    html = antwoord.content.decode()
    assert "Inloggen met Gemeente Haarlem" in html
    assert 'href="/toegang/oidc/inloggen/?next=/teamleider/"' in html
    assert 'name="password"' in html  # password login stays unless OIDC_ALLEEN


def test_alleen_idp_geen_wachtwoord(client, oidc_aan, team):
    medewerker = MedewerkerFactory(team=team, rollen=[Rol.CONSULENT])
    backends = ["axes.backends.AxesStandaloneBackend", "toegang.oidc.IdpBackend"]
    with override_settings(OIDC_ALLEEN=True, AUTHENTICATION_BACKENDS=backends):
        html = client.get(reverse("login")).content.decode()
        assert "Inloggen met Gemeente Haarlem" in html
        assert 'name="password"' not in html
        antwoord = client.post(
            reverse("login"), {"username": medewerker.username, "password": "geheim-wachtwoord"}
        )
    assert antwoord.status_code == 200
    assert "_auth_user_id" not in client.session


def test_eerste_keer_inloggen_maakt_de_medewerker_met_rollen(
    client, oidc_aan, team, django_assert_max_num_queries
):
    oidc_aan.gebruiker["groups"].append("wmo-team-a")
    # Three requests (to the provider, back, and the token exchange with the new account): 35 now.
    with django_assert_max_num_queries(40):
        antwoord = inloggen_via_idp(client, oidc_aan, next="/teamleider/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/teamleider/"
    medewerker = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    assert rollen(medewerker) == {Rol.CONSULENT, Rol.TEAMLEIDER}
    assert (medewerker.username, medewerker.first_name, medewerker.last_name, medewerker.email) == (
        "jdevries",
        "Jan",
        "de Vries",
        "j.devries@gemeente.example",
    )
    assert medewerker.organisatie == team.organisatie
    assert medewerker.team == team
    assert not medewerker.has_usable_password()
    assert not medewerker.is_staff and not medewerker.is_superuser
    assert client.session["kt_login_via_idp"] is True
    assert client.session["_auth_user_id"] == str(medewerker.pk)
    assert client.session["_auth_user_backend"] == "toegang.oidc.IdpBackend"
    historie = medewerker.history.last()  # the first row; Django's login adds last_login after it
    assert historie.history_type == "+"
    assert historie.history_user == medewerker
    assert historie.history_change_reason == "Ingelogd met Gemeente Haarlem; rollen: consulent, teamleider"
    # The session works: the werkvoorraad opens, and logging out goes through the provider.
    assert client.get(reverse("werkvoorraad")).status_code == 200


def test_next_naar_een_andere_site_wordt_genegeerd(client, oidc_aan):
    antwoord = inloggen_via_idp(client, oidc_aan, next="https://kwaad.example/")
    assert antwoord["Location"] == reverse("werkvoorraad")
    assert "_auth_user_id" in client.session


def test_een_groep_weg_bij_de_idp_is_de_rol_weg(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    medewerker = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    assert rollen(medewerker) == {Rol.CONSULENT, Rol.TEAMLEIDER}
    client.logout()

    oidc_aan.gebruiker["groups"] = ["wmo-consulent", "wmo-loket"]
    oidc_aan.gebruiker["family_name"] = "de Vries-Jansen"
    inloggen_via_idp(client, oidc_aan)

    medewerker.refresh_from_db()
    assert rollen(medewerker) == {Rol.CONSULENT, Rol.LOKETMEDEWERKER}
    assert medewerker.last_name == "de Vries-Jansen"
    assert Medewerker.objects.filter(oidc_sub="idp-sub-4711").count() == 1
    assert medewerker.history.filter(
        history_change_reason__startswith="Ingelogd met"
    ).first().history_change_reason == ("Ingelogd met Gemeente Haarlem; rollen: consulent, loketmedewerker")


def test_zelfde_gegevens_geen_nieuwe_historie(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    client.logout()
    inloggen_via_idp(client, oidc_aan)
    historie = Medewerker.objects.get(oidc_sub="idp-sub-4711").history
    assert historie.filter(history_change_reason__startswith="Ingelogd met").count() == 1


def test_geen_gekoppelde_groep_geweigerd(client, oidc_aan):
    oidc_aan.gebruiker["groups"] = ["personeelsvereniging"]
    antwoord = inloggen_via_idp(client, oidc_aan)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/"
    assert meldingen(antwoord) == [GEEN_ROL]
    assert not Medewerker.objects.filter(oidc_sub="idp-sub-4711").exists()
    assert "_auth_user_id" not in client.session
    assert GEEN_ROL in client.get("/inloggen/").content.decode()


def test_alle_groepen_weg_dan_ook_alle_rollen_weg(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    client.logout()
    oidc_aan.gebruiker["groups"] = []
    antwoord = inloggen_via_idp(client, oidc_aan)
    assert meldingen(antwoord) == [GEEN_ROL]
    assert rollen(Medewerker.objects.get(oidc_sub="idp-sub-4711")) == set()
    assert "_auth_user_id" not in client.session


def test_nooit_superuser_of_staff_uit_claims(client, oidc_aan):
    oidc_aan.gebruiker.update(
        is_superuser=True, is_staff=True, groups=["wmo-consulent", "admin", "superuser"]
    )
    inloggen_via_idp(client, oidc_aan)
    medewerker = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    assert not medewerker.is_superuser and not medewerker.is_staff
    assert rollen(medewerker) == {Rol.CONSULENT}


def test_geen_overname_van_een_bestaand_account_op_naam_of_email(client, oidc_aan, team):
    """Only ``sub`` links: a provider account named like a local one gets its own account."""
    lokaal = MedewerkerFactory(
        team=team, username="jdevries", email="j.devries@gemeente.example", rollen=[Rol.FUNCTIONEEL_BEHEERDER]
    )
    inloggen_via_idp(client, oidc_aan)
    nieuw = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    assert nieuw != lokaal
    assert nieuw.username.startswith("jdevries-")
    assert client.session["_auth_user_id"] == str(nieuw.pk)
    lokaal.refresh_from_db()
    assert lokaal.oidc_sub is None and lokaal.has_usable_password()
    assert rollen(lokaal) == {Rol.FUNCTIONEEL_BEHEERDER}


def test_uitgezet_account_geweigerd(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    client.logout()
    Medewerker.objects.filter(oidc_sub="idp-sub-4711").update(is_active=False)
    antwoord = inloggen_via_idp(client, oidc_aan)
    assert meldingen(antwoord) == ["Uw account in Keukentafel staat uit; vraag uw beheerder."]
    assert "_auth_user_id" not in client.session


def test_team_blijft_zonder_teamgroep_en_volgt_een_teamgroep(client, oidc_aan, team):
    ander_team = TeamFactory(organisatie=team.organisatie)
    inloggen_via_idp(client, oidc_aan)
    medewerker = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    assert medewerker.team is None  # no team group, no team yet: beheer sets it
    Medewerker.objects.filter(pk=medewerker.pk).update(team=ander_team)
    client.logout()
    inloggen_via_idp(client, oidc_aan)
    medewerker.refresh_from_db()
    assert medewerker.team == ander_team  # stays as beheer set it
    client.logout()
    oidc_aan.gebruiker["groups"].append("wmo-team-a")
    inloggen_via_idp(client, oidc_aan)
    medewerker.refresh_from_db()
    assert medewerker.team == team
    # A team that beheer took out of use is never given by the identity provider either.
    Team.objects.filter(pk=team.pk).update(actief=False)
    Medewerker.objects.filter(pk=medewerker.pk).update(team=ander_team)
    client.logout()
    inloggen_via_idp(client, oidc_aan)
    medewerker.refresh_from_db()
    assert medewerker.team == ander_team


@pytest.mark.parametrize(
    "sabotage", ["handtekening", "nonce", "audience", "issuer", "verlopen", "userinfo_sub", "alg_none"]
)
def test_een_verkeerd_token_wordt_geweigerd(client, oidc_aan, sabotage):
    oidc_aan.sabotage = sabotage
    antwoord = inloggen_via_idp(client, oidc_aan)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/"
    assert len(meldingen(antwoord)) == 1
    assert meldingen(antwoord)[0].startswith(MISLUKT)
    assert "_auth_user_id" not in client.session
    assert not Medewerker.objects.filter(oidc_sub="idp-sub-4711").exists()


def test_een_onbekende_state_geeft_een_melding_geen_fout(client, oidc_aan):
    client.get(reverse("toegang:oidc_inloggen"))  # a state in the session, but another one comes back
    antwoord = client.get(reverse("toegang:oidc_terugkeer") + "?code=abc&state=verzonnen")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/"
    assert meldingen(antwoord)[0].startswith(MISLUKT)


def test_idp_meldt_een_fout_of_de_inwoner_breekt_af(client, oidc_aan):
    antwoord = client.get(reverse("toegang:oidc_terugkeer") + "?error=access_denied&state=x")
    assert antwoord["Location"] == "/inloggen/"
    assert meldingen(antwoord)[0].startswith(MISLUKT)


def test_idp_onbereikbaar_geeft_een_melding_geen_fout(client, oidc_aan):
    naar_idp = client.get(reverse("toegang:oidc_inloggen"))
    state = parse_qs(urlsplit(naar_idp["Location"]).query)["state"][0]
    with override_settings(OIDC_OP_TOKEN_ENDPOINT="http://127.0.0.1:9/token"):
        antwoord = client.get(reverse("toegang:oidc_terugkeer") + f"?code=abc&state={state}")
    assert antwoord["Location"] == "/inloggen/"
    assert meldingen(antwoord)[0].startswith(MISLUKT)


def test_wachtwoordformulier_met_code_in_de_url_start_geen_tokenruil(client, oidc_aan, team):
    medewerker = MedewerkerFactory(team=team, rollen=[Rol.CONSULENT])
    oidc_aan.verzoeken.clear()
    antwoord = client.post(
        reverse("login") + "?code=gestolen&state=x",
        {"username": medewerker.username, "password": "fout"},
    )
    assert antwoord.status_code == 200
    assert oidc_aan.verzoeken == []


def test_uitloggen_beeindigt_ook_de_sessie_bij_de_idp(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    id_token = client.session["oidc_id_token"]
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert 'action="/toegang/oidc/uitloggen/"' in html
    antwoord = client.post(reverse("toegang:oidc_uitloggen"))
    deel = urlsplit(antwoord["Location"])
    assert f"{deel.scheme}://{deel.netloc}{deel.path}" == f"{oidc_aan.url}/logout"
    assert parse_qs(deel.query) == {
        "client_id": ["keukentafel-test"],
        "post_logout_redirect_uri": ["http://testserver/inloggen/"],
        "id_token_hint": [id_token],
    }
    assert "_auth_user_id" not in client.session


def test_uitloggen_zonder_end_session_endpoint_naar_de_inlogpagina(client, oidc_aan):
    inloggen_via_idp(client, oidc_aan)
    with override_settings(OIDC_OP_LOGOUT_ENDPOINT=""):
        antwoord = client.post(reverse("toegang:oidc_uitloggen"))
    assert antwoord["Location"] == "/inloggen/"
    assert "_auth_user_id" not in client.session


def test_lokaal_ingelogd_uitloggen_blijft_lokaal(client, oidc_aan, consulent):
    client.force_login(consulent)
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert f'action="{reverse("logout")}"' in html
    antwoord = client.post(reverse("toegang:oidc_uitloggen"))
    assert antwoord["Location"] == "/inloggen/"


def test_onbekende_organisatie_geweigerd_met_melding(client, oidc_aan):
    with override_settings(OIDC_ORGANISATIE="Bestaat niet"):
        antwoord = inloggen_via_idp(client, oidc_aan)
    assert meldingen(antwoord) == [
        "Inloggen met Gemeente Haarlem is niet goed ingesteld; vraag uw beheerder."
    ]
    assert not Medewerker.objects.filter(oidc_sub="idp-sub-4711").exists()
    assert "_auth_user_id" not in client.session


def test_beheerder_en_dossierrol_samen_geweigerd(client, oidc_aan):
    """BIO 6.1.2: a functioneel beheerder has no other role, also not through the provider's groups."""
    inloggen_via_idp(client, oidc_aan)
    client.logout()
    oidc_aan.gebruiker["groups"] = ["wmo-beheer", "wmo-consulent"]
    with override_settings(OIDC_ROL_GROEPEN=["wmo-beheer=functioneel_beheerder", "wmo-consulent=consulent"]):
        antwoord = inloggen_via_idp(client, oidc_aan)
        assert meldingen(antwoord) == [
            "Uw groepen bij de gemeente geven u de rol functioneel beheerder en ook een andere rol. "
            "Dat mag niet samen; vraag uw beheerder om een apart account."
        ]
        assert rollen(Medewerker.objects.get(oidc_sub="idp-sub-4711")) == set()
        assert "_auth_user_id" not in client.session

        oidc_aan.gebruiker["groups"] = ["wmo-beheer"]
        inloggen_via_idp(client, oidc_aan)
    assert rollen(Medewerker.objects.get(oidc_sub="idp-sub-4711")) == {Rol.FUNCTIONEEL_BEHEERDER}
    assert "_auth_user_id" in client.session


def test_account_van_de_idp_logt_niet_in_met_een_wachtwoord(client, oidc_aan, team, settings):
    """A password (say from a link beheer mailed) must not get around the provider's roles."""
    inloggen_via_idp(client, oidc_aan)
    client.logout()
    medewerker = Medewerker.objects.get(oidc_sub="idp-sub-4711")
    medewerker.set_password("een-lang-wachtwoord-42")
    medewerker.save()
    lokaal = MedewerkerFactory(team=team, rollen=[Rol.CONSULENT])
    # The backends as wmo.settings.base composes them with OIDC on (test_backends_met_oidc_aan).
    settings.AUTHENTICATION_BACKENDS = [
        "toegang.oidc.WachtwoordBackend" if b == "toegang.backends.MedewerkerBackend" else b
        for b in settings.AUTHENTICATION_BACKENDS
    ]
    antwoord = client.post(
        reverse("login"), {"username": medewerker.username, "password": "een-lang-wachtwoord-42"}
    )
    assert antwoord.status_code == 200
    assert "_auth_user_id" not in client.session
    # A local account still logs in with its password.
    client.post(reverse("login"), {"username": lokaal.username, "password": "geheim-wachtwoord"})
    assert client.session["_auth_user_id"] == str(lokaal.pk)


@pytest.mark.parametrize("alleen", ["false", "true"])
def test_backends_met_oidc_aan(alleen):
    """wmo.settings.base read with OIDC on, in a fresh interpreter (settings are read at import)."""
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wmo.settings.test",
        "OIDC_ENABLED": "true",
        "OIDC_ALLEEN": alleen,
    }
    code = "import django; django.setup(); from django.conf import settings; print(*settings.AUTHENTICATION_BACKENDS)"
    uit = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True
    )
    backends = uit.stdout.split()
    assert "toegang.backends.MedewerkerBackend" not in backends
    assert backends[-1] == "toegang.oidc.IdpBackend"
    assert ("toegang.oidc.WachtwoordBackend" in backends) is (alleen == "false")
