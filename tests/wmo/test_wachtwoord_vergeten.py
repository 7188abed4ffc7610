"""'Wachtwoord vergeten?' (wmo.wachtwoord): the same answer for every address (no user
enumeration), a link to SITE_URL that works once and expires. The mail server is outside our
control: Django's locmem backend stands in for it (mailoutbox)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bekend(db):
    return MedewerkerFactory(email="bekend@example.org")


def test_de_loginpagina_wijst_de_weg(client):
    pagina = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in pagina and "Wachtwoord vergeten?" in pagina


def test_zelfde_antwoord_voor_bekend_en_onbekend_adres(
    client, bekend, mailoutbox, django_assert_max_num_queries
):
    pagina = client.get(reverse("password_reset")).content.decode()
    assert '<label class="utrecht-form-label" for="id_email">' in pagina
    antwoorden = []
    for email in ("bekend@example.org", "onbekend@example.org", "BEKEND@example.org"):
        with django_assert_max_num_queries(3):
            response = client.post(reverse("password_reset"), {"email": email})
        antwoorden.append((response.status_code, response.url))
        assert client.get(response.url).content.decode().count("Kijk in uw mail") >= 1
    assert len(set(antwoorden)) == 1 and antwoorden[0] == (302, reverse("password_reset_done"))
    assert [m.to for m in mailoutbox] == [["bekend@example.org"], ["bekend@example.org"]]


def test_ongeldig_adres_geeft_een_nederlandse_melding(client):
    response = client.post(reverse("password_reset"), {"email": "geen adres"})
    assert response.status_code == 200
    pagina = response.content.decode()
    assert 'aria-invalid="true"' in pagina and "geen adres" in pagina and "e-mailadres" in pagina.lower()


def test_de_link_wijst_naar_site_url_niet_naar_de_host_header(client, bekend, mailoutbox, settings):
    settings.SITE_URL = "https://wmo.example.nl"
    settings.ALLOWED_HOSTS = ["testserver", "aanvaller.example"]
    client.post(reverse("password_reset"), {"email": bekend.email}, HTTP_HOST="aanvaller.example")
    (mail,) = mailoutbox
    assert "https://wmo.example.nl/wachtwoord-instellen/" in mail.body and "aanvaller" not in mail.body


def test_de_link_werkt_een_keer_en_verloopt(client, bekend, mailoutbox, settings):
    settings.PASSWORD_RESET_TIMEOUT = 60 * 60
    # Both moments through time-machine: the token generator reads the naive local clock.
    verzonden = timezone.now()
    with time_machine.travel(verzonden, tick=False):
        client.post(reverse("password_reset"), {"email": bekend.email})
    link = re.search(r"http://testserver(\S+)", mailoutbox[0].body).group(1)
    assert "is 1 uur geldig" in mailoutbox[0].body
    with time_machine.travel(verzonden + timedelta(hours=1, minutes=1), tick=False):
        assert "Deze link werkt niet meer" in client.get(link, follow=True).content.decode()
    with time_machine.travel(verzonden + timedelta(minutes=59), tick=False):
        response = client.get(link, follow=True)
        assert "Wachtwoord kiezen" in response.content.decode()
        formulier = response.redirect_chain[-1][0]
        fout = client.post(formulier, {"new_password1": "kort", "new_password2": "anders"})
        assert fout.status_code == 200 and 'aria-invalid="true"' in fout.content.decode()
        goed = client.post(
            formulier, {"new_password1": "Nieuw-Geheim-77", "new_password2": "Nieuw-Geheim-77"}
        )
        assert goed.status_code == 302
        assert "Deze link werkt niet meer" in client.get(link, follow=True).content.decode()
    bekend.refresh_from_db()
    assert bekend.check_password("Nieuw-Geheim-77")
    assert bekend.history.filter(history_change_reason="Wachtwoord ingesteld via de link").exists()


def test_geen_link_naar_een_gedeactiveerd_account(client, bekend, mailoutbox):
    bekend.is_active = False
    bekend.save()
    response = client.post(reverse("password_reset"), {"email": bekend.email})
    assert response.status_code == 302 and not mailoutbox


def test_de_geschiedenis_bewaart_geen_wachtwoordhashes(bekend):
    with connection.cursor() as cursor:
        kolommen = [
            c.name for c in connection.introspection.get_table_description(cursor, "wmo_historicalmedewerker")
        ]
    assert "password" not in kolommen and "username" in kolommen
