"""The session ends after SESSIE_INACTIEF_MINUTEN without activity (toegang/sessie.py, BIO 9.4.2)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import reverse

from gesprekken import services
from gesprekken.models import Onderzoek
from tests.factories import MeldingFactory
from toegang.sessie import SESSION_KEY, InactivityMiddleware

START = datetime(2026, 4, 7, 9, 0, tzinfo=UTC)
WERKVOORRAAD = "/"
SESSIE = "/toegang/sessie/"
MELDING = "U was 15 minuten niet actief; log opnieuw in. Wat u typte in het onderzoek is bewaard."


@pytest.fixture
def klok():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def ingelogd(client, consulent, klok):
    client.force_login(consulent)
    assert client.get(WERKVOORRAAD).status_code == 200
    return client


def _na(klok, **delta):
    klok.move_to(START + timedelta(**delta))


def _is_ingelogd(client) -> bool:
    """A page: counts as activity itself."""
    return client.get(WERKVOORRAAD).status_code == 200


def _resterend(client) -> float:
    """Seconds left, asked without counting as activity."""
    return client.get(SESSIE).json()["resterend"]


def test_na_14_minuten_nog_ingelogd(ingelogd, klok):
    _na(klok, minutes=14)
    assert _is_ingelogd(ingelogd)


def test_precies_15_minuten_telt_nog(ingelogd, klok):
    _na(klok, minutes=15)
    assert _is_ingelogd(ingelogd)


def test_na_16_minuten_uitgelogd_met_uitleg(ingelogd, klok):
    _na(klok, minutes=16)
    response = ingelogd.get(f"{reverse('meldingen:inwoner_zoeken')}?q=jansen")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    pagina = ingelogd.get(response["Location"])
    assert MELDING in pagina.content.decode()
    assert "_auth_user_id" not in ingelogd.session
    assert not _is_ingelogd(ingelogd)  # and stays out: the session was ended, not just refused


def test_activiteit_verschuift_het_einde(ingelogd, klok):
    _na(klok, minutes=10)
    assert _is_ingelogd(ingelogd)
    _na(klok, minutes=24)  # 14 minutes after the last page
    assert _resterend(ingelogd) == 60
    _na(klok, minutes=26)  # 16 minutes after it
    assert not _is_ingelogd(ingelogd)


def test_htmx_verzoek_na_verloop_krijgt_hx_redirect(ingelogd, klok):
    _na(klok, minutes=16)
    response = ingelogd.get(
        reverse("meldingen:inwoner_zoeken"),
        {"q": "jansen"},
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/inwoners/?q=jansen"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/inloggen/?next=%2Finwoners%2F%3Fq%3Djansen"
    assert response.content == b""
    assert MELDING in ingelogd.get("/inloggen/").content.decode()


def test_ingelogd_blijven_verlengt(ingelogd, klok):
    _na(klok, minutes=10)
    response = ingelogd.post(SESSIE)
    assert response.json() == {"resterend": 900.0}
    _na(klok, minutes=24)
    assert _resterend(ingelogd) == 60
    _na(klok, minutes=26)  # 16 minutes after "Ingelogd blijven"
    assert not _is_ingelogd(ingelogd)


def test_achtergrondverzoek_verlengt_niet(ingelogd, klok):
    """A poll (X-Background) and the question "how long is left" are no activity."""
    _na(klok, minutes=10)
    assert ingelogd.get(WERKVOORRAAD, headers={"X-Background": "1"}).status_code == 200
    assert ingelogd.get(SESSIE).json() == {"resterend": 300.0}
    _na(klok, minutes=14)
    assert ingelogd.get(SESSIE).json() == {"resterend": 60.0}
    _na(klok, minutes=16)
    assert ingelogd.get(SESSIE).json() == {"resterend": 0}
    assert not _is_ingelogd(ingelogd)


def test_automatisch_opslaan_van_het_onderzoek_telt(ingelogd, klok, consulent, team):
    """The onderzoek's autosave is the consulent typing: an htmx POST without X-Background."""
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    onderzoek = services.onderzoek_openen(melding=melding, door=consulent)
    _na(klok, minutes=10)
    response = ingelogd.post(
        reverse("gesprekken:sectie", args=[melding.pk, "algemeen"]),
        {"algemeen-versie": onderzoek.versie, "algemeen-wederkerigheid": "Past op de kleinkinderen."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200, response.content.decode()[:500]
    assert Onderzoek.objects.get(pk=onderzoek.pk).wederkerigheid == "Past op de kleinkinderen."
    _na(klok, minutes=24)
    assert _resterend(ingelogd) == 60
    _na(klok, minutes=26)
    assert not _is_ingelogd(ingelogd)


def test_het_moment_wordt_hoogstens_elke_minuut_geschreven(ingelogd, klok):
    """Set at login; then written only when a minute old (a write per request would be costly)."""
    assert ingelogd.session[SESSION_KEY] == START.timestamp()
    _na(klok, seconds=50)
    response = ingelogd.get(WERKVOORRAAD)
    assert ingelogd.session[SESSION_KEY] == START.timestamp()
    assert response["X-Session-Remaining"] == "850"  # the page's clock follows the server's
    _na(klok, seconds=70)
    response = ingelogd.get(WERKVOORRAAD)
    assert ingelogd.session[SESSION_KEY] == START.timestamp() + 70
    assert response["X-Session-Remaining"] == "900"


def test_inloggen_zet_de_tijd(client, consulent, klok):
    """A real login (the form) starts the time, as force_login does."""
    response = client.post(
        reverse("login"), {"username": consulent.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == START.timestamp()


def test_sessie_endpoint_zonder_sessie(client, db):
    assert client.get(SESSIE).json() == {"resterend": 0}
    assert client.post(SESSIE).json() == {"resterend": 0}  # staying is no longer possible


def test_pagina_geeft_de_tijd_door_aan_het_script(ingelogd, klok):
    _na(klok, seconds=30)
    body = ingelogd.get(WERKVOORRAAD).content.decode()
    assert 'data-sessie-seconden="870"' in body
    assert 'data-sessie-waarschuwing="60"' in body
    assert f'data-sessie-url="{SESSIE}"' in body
    assert 'role="alertdialog"' in body
    assert "data-sessie-opruimen" not in body


def test_inlogpagina_ruimt_concepten_op(client, db):
    body = client.get(reverse("login")).content.decode()
    assert "data-sessie-opruimen" in body
    assert "data-sessie-seconden" not in body


@pytest.mark.parametrize(
    ("minuten", "waarschuwing", "goed"),
    [
        (15, 60, True),
        (5, 150, True),
        (60, 300, True),
        (4, 60, False),
        (61, 60, False),
        (15, 19, False),
        (15, 301, False),
        (5, 151, False),
    ],
)
def test_grenzen_worden_bij_de_start_gecontroleerd(settings, minuten, waarschuwing, goed):
    settings.SESSIE_INACTIEF_MINUTEN = minuten
    settings.SESSIE_WAARSCHUWING_SECONDEN = waarschuwing
    if goed:
        InactivityMiddleware(lambda request: HttpResponse())
    else:
        with pytest.raises(ImproperlyConfigured):
            InactivityMiddleware(lambda request: HttpResponse())


def test_andere_duur_uit_de_gemeente(client, consulent, klok):
    """The gemeente's setting (beheer), read at login."""
    consulent.organisatie.gemeenten.update(sessie_inactief_minuten=30)
    client.force_login(consulent)
    _na(klok, minutes=29)
    assert _is_ingelogd(client)
    _na(klok, minutes=60)
    response = client.get(WERKVOORRAAD, follow=True)
    assert "U was 30 minuten niet actief" in response.content.decode()


def test_de_strengste_gemeente_van_de_organisatie_telt(client, consulent, klok):
    """A medewerker works for all gemeenten of the organisation: the lowest minutes apply."""
    from tests.factories import GemeenteFactory

    consulent.organisatie.gemeenten.update(sessie_inactief_minuten=30)
    consulent.organisatie.gemeenten.add(GemeenteFactory(sessie_inactief_minuten=10))
    client.force_login(consulent)
    _na(klok, minutes=10)
    assert _is_ingelogd(client)
    _na(klok, minutes=21)
    response = client.get(WERKVOORRAAD, follow=True)
    assert "U was 10 minuten niet actief" in response.content.decode()


def test_de_instelling_is_de_standaard_voor_een_nieuwe_gemeente(db, settings):
    from tests.factories import GemeenteFactory

    settings.SESSIE_INACTIEF_MINUTEN = 20
    assert GemeenteFactory().sessie_inactief_minuten == 20


def test_querybudget_van_het_sessie_endpoint(ingelogd, klok, django_assert_max_num_queries):
    """GET reads the session, the user and the two-step device; POST also writes the session."""
    with django_assert_max_num_queries(3):
        assert ingelogd.get(SESSIE).status_code == 200
    with django_assert_max_num_queries(6):
        assert ingelogd.post(SESSIE).status_code == 200
