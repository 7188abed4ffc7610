"""Beheer resets a medewerker's two-step verification (lost phone): only a functioneel beheerder,
only within the own organisation, never for oneself; recorded with who did it."""

import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TeamFactory
from tests.tweestaps import TweestapsClient, totp_apparaat
from toegang.constants import TweestapsSoort
from toegang.models import Tweestapsgebeurtenis
from toegang.services import tweestaps_herstellen
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


def url(medewerker):
    return reverse("toegang:tweestaps_herstellen", args=[medewerker.pk])


@pytest.fixture
def kwijt(consulent):
    """A consulent with an app and recovery codes, logged in through both steps elsewhere."""
    totp_apparaat(consulent)
    StaticDevice.objects.create(user=consulent, name="Herstelcodes", confirmed=True).token_set.create(
        token="abcd2345"
    )
    return consulent


def test_beheerder_stelt_de_tweestapsverificatie_van_een_collega_opnieuw_in(
    client, beheerder, kwijt, caplog, django_assert_max_num_queries
):
    sessie_van_kwijt = TweestapsClient()
    sessie_van_kwijt.force_login(kwijt)
    assert sessie_van_kwijt.get("/").status_code == 200

    client.force_login(beheerder)
    with django_assert_max_num_queries(12):  # with the beheer menu and the earlier events
        pagina = client.get(url(kwijt))
    assert pagina.status_code == 200
    assert "Opnieuw instellen" in pagina.content.decode()

    with caplog.at_level(logging.INFO, logger="keukentafel.toegang"):
        antwoord = client.post(url(kwijt), {"reden": "Telefoon kwijt, teruggebeld"}, follow=True)
    assert antwoord.redirect_chain == [(url(kwijt), 302)]
    assert "is gewist" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(user=kwijt).exists()
    assert not StaticDevice.objects.filter(user=kwijt).exists()
    gebeurtenis = Tweestapsgebeurtenis.objects.get(medewerker=kwijt)
    assert (gebeurtenis.soort, gebeurtenis.door) == (TweestapsSoort.HERSTELD, beheerder)
    assert gebeurtenis.reden == "Telefoon kwijt, teruggebeld"
    assert (
        f"Tweestapsverificatie van {kwijt.username} opnieuw ingesteld door {beheerder.username}"
        in caplog.messages
    )

    # The medewerker's open session is no longer verified: on to setting up a new app.
    naar = sessie_van_kwijt.get("/")
    assert naar["Location"].startswith(reverse("toegang:tweestaps"))
    assert sessie_van_kwijt.get(naar["Location"])["Location"].startswith(
        reverse("toegang:tweestaps_inrichten")
    )


def test_niet_voor_zichzelf_en_niet_buiten_de_eigen_organisatie(client, beheerder, rol_gebruiker):
    anderswo = TeamFactory()
    vreemde = rol_gebruiker(Rol.CONSULENT, team=anderswo)
    totp_apparaat(vreemde)
    client.force_login(beheerder)
    assert client.get(url(beheerder)).status_code == 404
    assert client.post(url(beheerder)).status_code == 404
    assert client.get(url(vreemde)).status_code == 404
    assert client.post(url(vreemde)).status_code == 404
    assert TOTPDevice.objects.filter(user__in=[beheerder, vreemde], confirmed=True).count() == 2
    assert not Tweestapsgebeurtenis.objects.exists()


@pytest.mark.parametrize("rol", [Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER])
def test_andere_rollen_mogen_het_niet(client, rol_gebruiker, kwijt, rol):
    client.force_login(rol_gebruiker(rol))
    assert client.get(url(kwijt)).status_code == 403
    assert client.post(url(kwijt)).status_code == 403
    assert TOTPDevice.objects.filter(user=kwijt).exists()


def test_de_service_weigert_zelf_ook(beheerder, kwijt, rol_gebruiker):
    with pytest.raises(PermissionDenied):
        tweestaps_herstellen(medewerker=beheerder, door=beheerder, reden="x")
    with pytest.raises(PermissionDenied):
        tweestaps_herstellen(medewerker=kwijt, door=rol_gebruiker(Rol.TEAMLEIDER), reden="x")
    assert TOTPDevice.objects.filter(user=kwijt).exists()


def test_zonder_beide_stappen_kan_een_beheerder_het_niet(beheerder, kwijt):
    totp_apparaat(beheerder)
    client = Client()
    client.force_login(beheerder)  # password only
    assert client.post(url(kwijt), {"reden": "x"})["Location"].startswith(reverse("toegang:tweestaps"))
    assert TOTPDevice.objects.filter(user=kwijt).exists()


def test_na_herstel_met_reden_stelt_de_medewerker_bij_inloggen_een_nieuwe_app_in(
    client, beheerder, kwijt, mailoutbox
):
    kwijt.email = "kwijt@example.org"
    kwijt.save()
    client.force_login(beheerder)
    leeg = client.post(url(kwijt), {"reden": "  "})
    assert leeg.status_code == 200 and "Schrijf op waarom" in leeg.content.decode()
    assert TOTPDevice.objects.filter(user=kwijt).exists() and not mailoutbox

    assert client.post(url(kwijt), {"reden": "Nieuwe telefoon, teruggebeld"}).status_code == 302
    gebeurtenis = Tweestapsgebeurtenis.objects.get(medewerker=kwijt)
    assert (gebeurtenis.door, gebeurtenis.reden) == (beheerder, "Nieuwe telefoon, teruggebeld")
    assert "Nieuwe telefoon, teruggebeld" in client.get(url(kwijt)).content.decode()
    [mail] = mailoutbox
    assert mail.to == ["kwijt@example.org"] and "Nieuwe telefoon, teruggebeld" in mail.body
    assert "opnieuw ingesteld" in mail.subject

    # The medewerker logs in with the password: the next step is setting up a new app.
    medewerker = Client()
    antwoord = medewerker.post(
        reverse("login"), {"username": kwijt.username, "password": "geheim-wachtwoord"}, follow=True
    )
    assert antwoord.redirect_chain[-1][0].startswith(reverse("toegang:tweestaps_inrichten"))
    assert reverse("toegang:tweestaps_qr") in antwoord.content.decode()


def test_geen_herstel_voor_een_superuser_of_door_een_gedeactiveerde_beheerder(
    beheerder, kwijt, rol_gebruiker
):
    root = rol_gebruiker(is_superuser=True, is_staff=True)
    totp_apparaat(root)
    with pytest.raises(PermissionDenied):
        tweestaps_herstellen(medewerker=root, door=beheerder, reden="x")
    beheerder.is_active = False
    beheerder.save()
    with pytest.raises(PermissionDenied):
        tweestaps_herstellen(medewerker=kwijt, door=beheerder, reden="x")
    assert TOTPDevice.objects.filter(user__in=[root, kwijt]).count() == 2
    assert not Tweestapsgebeurtenis.objects.exists()
