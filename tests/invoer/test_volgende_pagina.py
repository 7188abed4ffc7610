"""Where a form goes next (``volgende``, the login's ``next``): only to a page of our own.

Every view that reads a target from the browser goes through wmo.redirects.safe_next_url. A
hostile or broken value gives the view's own default, never a 500 and never another site.
"""

from urllib.parse import urlencode

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from gesprekken import services as gesprek_services
from gesprekken.models import Vervolgafspraak
from tests.factories import MeldingFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Rol
from wmo.redirects import is_safe_next_url

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "//",
    "///",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http://testserver.evil.example/",
    "javascript:alert(1)",
    "javascript:",
    "data:text/html,<script>alert(1)</script>",
    "werkvoorraad",  # no slash: redirect() would try it as a URL name
    "meldingen:melding",
    "inwoners/",  # relative, without a leading slash
    "/\x00",
    "/inwoners/\x00",
    "/inwoners/\nSet-Cookie: x=1",
    "/inwoners/\r\n",
    "\x00",
    "\t/inwoners/",
    "/bestaat-niet/",
    "/" + "a" * 5000,
    "/inwoners/?" + "q=" + "x" * 5000,
    "%2F%2Fevil.example",
    "/%0d%0aLocation:%20https://evil.example",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_vijandige_waarde_is_niet_veilig(value):
    request = RequestFactory().get("/")
    assert not is_safe_next_url(request, value)


@pytest.mark.parametrize("value", ["/", "/inwoners/", "/inwoners/?q=jansen", "/teamleider/#lijst"])
def test_eigen_pagina_is_veilig(value):
    assert is_safe_next_url(RequestFactory().get("/"), value)


@pytest.fixture
def toewijzen(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(loket)
    return melding, consulent


@pytest.mark.parametrize("value", HOSTILE)
def test_toewijzen_met_vijandige_volgende(client, toewijzen, value):
    """The change is saved and the user lands on the melding, whatever ``volgende`` says."""
    melding, consulent = toewijzen
    url = reverse("meldingen:melding_toewijzen", args=[melding.pk])
    response = client.post(url, {"consulent": consulent.pk, "volgende": value})
    assert response.status_code == 302
    assert response["Location"] == reverse("meldingen:melding", args=[melding.pk])
    melding.refresh_from_db()
    assert melding.consulent == consulent


def test_toewijzen_met_eigen_volgende(client, toewijzen):
    melding, consulent = toewijzen
    url = reverse("meldingen:melding_toewijzen", args=[melding.pk])
    response = client.post(url, {"consulent": consulent.pk, "volgende": "/?pagina=2"})
    assert response.status_code == 302 and response["Location"] == "/?pagina=2"


@pytest.mark.parametrize("value", HOSTILE)
def test_vervolgafspraak_afronden_met_vijandige_volgende(client, team, consulent, value):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    onderzoek = OnderzoekFactory(melding=melding, door=consulent)
    afspraak = gesprek_services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=consulent,
        actie="Terugbellen",
        uiterlijk=timezone.localdate(),
        eigenaar=consulent,
    )
    client.force_login(consulent)
    response = client.post(
        reverse("gesprekken:vervolgafspraak_afronden", args=[afspraak.pk]), {"volgende": value}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("gesprekken:onderzoek", args=[melding.pk]) + "#vervolgafspraken"
    assert Vervolgafspraak.objects.get(pk=afspraak.pk).status == "gedaan"


def _naar_tweestaps(volgende: str) -> str:
    """After the password the login goes on to the two-step code, carrying where to go next."""
    return f"{reverse('toegang:tweestaps')}?{urlencode({'next': volgende})}"


@pytest.mark.parametrize("value", HOSTILE)
def test_inloggen_met_vijandige_next(client, consulent, value):
    page = client.get(reverse("login"), {"next": value})
    assert page.status_code == 200
    assert 'name="next" value=""' in page.content.decode()
    response = client.post(
        reverse("login"), {"username": consulent.username, "password": "geheim-wachtwoord", "next": value}
    )
    assert response.status_code == 302 and response["Location"] == _naar_tweestaps(reverse("werkvoorraad"))


def test_inloggen_met_eigen_next(client, consulent):
    response = client.post(
        reverse("login"),
        {"username": consulent.username, "password": "geheim-wachtwoord", "next": "/inwoners/"},
    )
    assert response.status_code == 302 and response["Location"] == _naar_tweestaps("/inwoners/")


@pytest.mark.parametrize("value", HOSTILE)
def test_tweestaps_met_vijandige_next(client, consulent, value):
    """After the code (here: already verified) ``next`` goes through the same helper."""
    client.force_login(consulent)
    response = client.get(reverse("toegang:tweestaps"), {"next": value})
    assert response.status_code == 302 and response["Location"] == reverse("werkvoorraad")
    response = client.get(reverse("toegang:tweestaps"), {"next": "/inwoners/"})
    assert response["Location"] == "/inwoners/"
