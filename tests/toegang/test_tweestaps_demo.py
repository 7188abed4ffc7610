"""The demo's shared TOTP secret (TWEESTAPS_DEMO_GEHEIM): for `make run` only, refused without DEBUG."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.management.commands.demo import DEMO_WACHTWOORD, GEBRUIKERS
from tests.tweestaps import totp_code
from toegang.services import tweestaps_demo_inrichten
from wmo.constants import Rol

ROOT = Path(__file__).resolve().parents[2]
GEHEIM = "JBSWY3DPEHPK3PXP"


@pytest.mark.django_db
def test_de_demo_geeft_elke_demogebruiker_het_demogeheim(settings):
    settings.DEBUG = True
    settings.TWEESTAPS_DEMO_GEHEIM = GEHEIM
    call_command("demo")
    apparaten = TOTPDevice.objects.filter(confirmed=True)
    assert sorted(a.user.username for a in apparaten) == sorted(g[0] for g in GEBRUIKERS)
    assert {a.key for a in apparaten} == {"48656c6c6f21deadbeef"}  # base32 JBSWY3DPEHPK3PXP

    client = Client()
    client.post(reverse("login"), {"username": "loket", "password": DEMO_WACHTWOORD})
    antwoord = client.post(
        reverse("toegang:tweestaps"), {"code": totp_code(apparaten.get(user__username="loket"))}
    )
    assert antwoord["Location"] == "/"


@pytest.mark.django_db
def test_de_service_weigert_zonder_debug(settings, rol_gebruiker):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        tweestaps_demo_inrichten(medewerker=rol_gebruiker(Rol.CONSULENT), geheim=GEHEIM)
    assert not TOTPDevice.objects.exists()


def test_de_instellingen_weigeren_een_demogeheim_zonder_debug():
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wmo.settings.base",
        "SECRET_KEY": "x",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
        "DEBUG": "false",
        "TWEESTAPS_DEMO_GEHEIM": GEHEIM,
    }
    code = "import django; django.setup()"
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=omgeving, capture_output=True, text=True)
    assert uit.returncode != 0
    assert "TWEESTAPS_DEMO_GEHEIM is alleen voor de demo" in uit.stderr
    # With DEBUG the same settings load.
    omgeving["DEBUG"] = "true"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=omgeving).returncode == 0
