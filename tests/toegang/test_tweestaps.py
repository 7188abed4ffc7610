"""Two-step verification: required after the password for every role, set up on first login,
a code or a recovery code on later logins, throttled when wrong.

These tests use a plain ``django.test.Client`` that logs in through the password form only (the
suite's ``client`` fixture passes both steps). TOTP codes are computed as the authenticator app
does (RFC 6238) at a moment frozen with time-machine.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.tweestaps import totp_apparaat, totp_code
from toegang.constants import TweestapsSoort
from toegang.models import Tweestapsgebeurtenis
from wmo.constants import Rol

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord"  # tests.factories.MedewerkerFactory
# 03:00 on the night summer time starts: TOTP counts in UTC seconds, Amsterdam's clock plays no part.
NACHT = datetime(2027, 3, 28, 3, 0, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def klok():
    with time_machine.travel(NACHT, tick=False) as reis:
        yield reis


def alleen_wachtwoord(medewerker) -> Client:
    client = Client()
    antwoord = client.post(reverse("login"), {"username": medewerker.username, "password": WACHTWOORD})
    assert antwoord.status_code == 302
    return client


def code_invullen(client, code, next_="/"):
    return client.post(f"{reverse('toegang:tweestaps')}?next={next_}", {"code": code})


# --- Enforcement ---------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", list(Rol))
def test_na_alleen_het_wachtwoord_is_elke_pagina_dicht_voor_elke_rol(rol_gebruiker, rol):
    medewerker = rol_gebruiker(rol)
    client = alleen_wachtwoord(medewerker)
    for url in [
        "/",
        reverse("meldingen:inwoner_zoeken"),
        reverse("admin:index"),
        reverse("toegang:tweestaps_herstellen", args=[medewerker.pk]),
    ]:
        antwoord = client.get(url)
        assert antwoord.status_code == 302, url
        assert antwoord["Location"] == f"{reverse('toegang:tweestaps')}?next={url.replace('/', '%2F')}"
    # A POST does not get through either.
    assert client.post(reverse("meldingen:inwoner_zoeken"), {"q": "x"})["Location"].startswith(
        reverse("toegang:tweestaps")
    )


def test_na_het_wachtwoord_door_naar_de_code_en_zonder_app_naar_inrichten(rol_gebruiker):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    client = Client()
    antwoord = client.post(
        f"{reverse('login')}?next=/inwoners/", {"username": medewerker.username, "password": WACHTWOORD}
    )
    assert antwoord["Location"] == f"{reverse('toegang:tweestaps')}?next=%2Finwoners%2F"
    antwoord = client.get(antwoord["Location"])
    assert antwoord["Location"] == f"{reverse('toegang:tweestaps_inrichten')}?next=%2Finwoners%2F"


def test_htmx_verzoek_krijgt_hx_redirect(rol_gebruiker):
    client = alleen_wachtwoord(rol_gebruiker(Rol.LOKETMEDEWERKER))
    antwoord = client.get(
        reverse("meldingen:inwoner_zoeken"),
        {"q": "Jansen"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/inwoners/?q=Jans",
    )
    assert antwoord.status_code == 204
    assert antwoord["HX-Redirect"] == f"{reverse('toegang:tweestaps')}?next=%2Finwoners%2F%3Fq%3DJans"


def test_uitloggen_kan_zonder_code(rol_gebruiker):
    client = alleen_wachtwoord(rol_gebruiker(Rol.CONSULENT))
    assert client.post(reverse("logout"))["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_het_menu_verschijnt_pas_na_beide_stappen(rol_gebruiker):
    medewerker = rol_gebruiker(Rol.LOKETMEDEWERKER)
    totp_apparaat(medewerker)
    pagina = alleen_wachtwoord(medewerker).get(reverse("toegang:tweestaps")).content.decode()
    assert 'aria-label="Hoofdmenu"' not in pagina and "Uitloggen" in pagina


@pytest.mark.parametrize(
    "sso,door_idp,open_", [(True, True, True), (True, False, False), (False, True, False)]
)
def test_een_sessie_via_de_identity_provider_telt_als_geverifieerd_zolang_dat_aan_staat(
    rol_gebruiker, settings, sso, door_idp, open_
):
    """Contract with toegang.oidc: it sets session["kt_login_via_idp"] = True after an IdP login
    (tests/toegang/test_inloggen_via_idp.py goes through the real round trip)."""
    settings.OIDC_ENABLED = sso
    settings.OIDC_MFA_DOOR_IDP = door_idp
    medewerker = rol_gebruiker(Rol.CONSULENT)
    client = Client()
    client.force_login(medewerker)
    sessie = client.session
    sessie["kt_login_via_idp"] = True
    sessie.save()
    assert client.get("/").status_code == (200 if open_ else 302)
    # Either way a page renders (also the logout button when single sign-on is off now).
    assert client.get("/", follow=True).status_code == 200


# --- Setting up ----------------------------------------------------------------------------------


def test_inrichten_qr_code_geheim_bevestigen_en_tien_herstelcodes_eenmalig(rol_gebruiker, klok):
    medewerker = rol_gebruiker(Rol.TEAMLEIDER)
    client = alleen_wachtwoord(medewerker)
    url = f"{reverse('toegang:tweestaps_inrichten')}?next=%2Fteamleider%2F"

    pagina = client.get(url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    apparaat = TOTPDevice.objects.get(user=medewerker, confirmed=False)
    # The same device on a reload (the QR code does not change under the user's hands).
    assert client.get(url).status_code == 200 and TOTPDevice.objects.filter(user=medewerker).count() == 1
    # The secret for typing it in, base32 in groups of four; the QR code as an image of our own.
    geheim = re.search(r'<code class="kt-geheim" id="geheim">([A-Z2-7 ]+)</code>', html).group(1)
    from base64 import b32decode

    assert b32decode(geheim.replace(" ", "")) == apparaat.bin_key
    assert f'src="{reverse("toegang:tweestaps_qr")}"' in html
    assert "<script" not in html.split("</head>")[1] and "style=" not in html
    qr = client.get(reverse("toegang:tweestaps_qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert "no-store" in qr["Cache-Control"]
    svg = qr.content.decode()
    assert svg.startswith("<svg") and "<script" not in svg and "style=" not in svg

    # A wrong code: the error sits at the field, and nothing is set up.
    fout = client.post(url, {"code": "000000" if totp_code(apparaat) != "000000" else "111111"})
    assert fout.status_code == 200
    assert "Deze code klopt niet" in fout.content.decode()
    assert 'aria-describedby="id_code_error id_code_helptext"' in fout.content.decode()
    assert not TOTPDevice.objects.get(pk=apparaat.pk).confirmed

    klok.shift(timedelta(seconds=2))  # past the throttle of the wrong code
    goed = client.post(url, {"code": totp_code(apparaat)})
    assert goed["Location"] == f"{reverse('toegang:tweestaps_herstelcodes')}?next=%2Fteamleider%2F"
    assert TOTPDevice.objects.get(pk=apparaat.pk).confirmed

    codes_pagina = client.get(goed["Location"]).content.decode()
    codes = re.findall(
        r"<li class=\"utrecht-unordered-list__item\"><code>([a-z2-7]+)</code></li>", codes_pagina
    )
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=medewerker).values_list("token", flat=True)
    )
    assert "Print ze of bewaar ze" in codes_pagina
    # Shown once.
    assert client.get(goed["Location"])["Location"] == "/teamleider/"
    assert client.get("/teamleider/").status_code == 200
    assert Tweestapsgebeurtenis.objects.get(medewerker=medewerker).soort == TweestapsSoort.INGERICHT


def test_wie_al_een_app_heeft_kan_er_niet_met_alleen_een_wachtwoord_een_bij_maken(rol_gebruiker):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    totp_apparaat(medewerker)
    client = alleen_wachtwoord(medewerker)
    assert client.get(reverse("toegang:tweestaps_inrichten"))["Location"].startswith(
        reverse("toegang:tweestaps")
    )
    assert client.get(reverse("toegang:tweestaps_qr")).status_code == 404
    assert TOTPDevice.objects.filter(user=medewerker).count() == 1


# --- The code on later logins --------------------------------------------------------------------


def test_met_de_code_uit_de_app_open(rol_gebruiker, klok):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    apparaat = totp_apparaat(medewerker)
    client = alleen_wachtwoord(medewerker)
    sleutel_voor = client.session.session_key
    antwoord = code_invullen(client, totp_code(apparaat), next_="%2Finwoners%2F")
    assert antwoord["Location"] == "/inwoners/"
    assert client.get("/inwoners/").status_code == 200
    # A new session key once verified.
    assert client.session.session_key != sleutel_voor


def test_een_code_van_het_vorige_tijdvak_mag_maar_een_oude_of_hergebruikte_niet(rol_gebruiker, klok):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    apparaat = totp_apparaat(medewerker)

    # The app's clock may be one period (30 s) behind.
    assert code_invullen(alleen_wachtwoord(medewerker), totp_code(apparaat, over=-30))["Location"] == "/"

    klok.shift(timedelta(minutes=5))
    client = alleen_wachtwoord(medewerker)
    oud = code_invullen(client, totp_code(apparaat, over=-90))
    assert oud.status_code == 200 and "Deze code klopt niet" in oud.content.decode()

    klok.shift(timedelta(seconds=2))
    code = totp_code(apparaat)
    assert code_invullen(client, code)["Location"] == "/"
    # The same code again, in another session: refused (a code that was seen is used up).
    ander = alleen_wachtwoord(medewerker)
    assert code_invullen(ander, code).status_code == 200
    assert ander.get("/").status_code == 302


def test_verkeerde_codes_worden_afgeremd(rol_gebruiker, klok):
    """django-otp's throttling: after n wrong codes the next try waits 2^(n-1) seconds, and a
    right code during the wait is refused too."""
    medewerker = rol_gebruiker(Rol.CONSULENT)
    apparaat = totp_apparaat(medewerker)
    client = alleen_wachtwoord(medewerker)
    fout = "000000" if totp_code(apparaat) != "000000" else "111111"

    for _ in range(3):
        code_invullen(client, fout)
        klok.shift(timedelta(seconds=0.4))
    # Tries 2 and 3 came within the wait and were not even checked; one failure counts.
    assert TOTPDevice.objects.get(pk=apparaat.pk).throttling_failure_count == 1
    klok.shift(timedelta(seconds=1))
    code_invullen(client, fout)
    assert TOTPDevice.objects.get(pk=apparaat.pk).throttling_failure_count == 2

    te_snel = code_invullen(client, totp_code(apparaat))
    assert te_snel.status_code == 200
    assert "te vaak een verkeerde code" in te_snel.content.decode()
    assert client.get("/").status_code == 302

    klok.shift(timedelta(seconds=2))
    assert code_invullen(client, totp_code(apparaat))["Location"] == "/"
    assert TOTPDevice.objects.get(pk=apparaat.pk).throttling_failure_count == 0


def test_een_herstelcode_werkt_een_keer(rol_gebruiker, klok):
    medewerker = rol_gebruiker(Rol.LOKETMEDEWERKER)
    totp_apparaat(medewerker)
    herstel = StaticDevice.objects.create(user=medewerker, name="Herstelcodes", confirmed=True)
    herstel.token_set.create(token="abcd2345")
    herstel.token_set.create(token="efgh6723")

    # Typed with capitals and a space, as it may be copied from paper.
    assert code_invullen(alleen_wachtwoord(medewerker), "ABCD 2345")["Location"] == "/"
    assert list(herstel.token_set.values_list("token", flat=True)) == ["efgh6723"]
    assert (
        Tweestapsgebeurtenis.objects.get(medewerker=medewerker).soort == TweestapsSoort.HERSTELCODE_GEBRUIKT
    )

    klok.shift(timedelta(seconds=5))
    nog_eens = code_invullen(alleen_wachtwoord(medewerker), "abcd2345")
    assert nog_eens.status_code == 200 and "Deze code klopt niet" in nog_eens.content.decode()


def test_lege_code_geeft_een_nederlandse_melding_bij_het_veld(rol_gebruiker):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    totp_apparaat(medewerker)
    antwoord = code_invullen(alleen_wachtwoord(medewerker), "")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'id="id_code_error"' in html and "Vul de code in." in html


def test_tweestaps_paginas_query_budget(rol_gebruiker, django_assert_max_num_queries):
    medewerker = rol_gebruiker(Rol.CONSULENT)
    client = alleen_wachtwoord(medewerker)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("toegang:tweestaps_inrichten")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("toegang:tweestaps_qr")).status_code == 200
    totp_apparaat(medewerker)
    TOTPDevice.objects.filter(user=medewerker, confirmed=False).delete()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("toegang:tweestaps")).status_code == 200
