import importlib
from urllib.parse import urlsplit

import pytest
import requests
from django.test import override_settings
from django.urls import clear_url_caches, reverse

from tests.toegang.nep_idp import CLIENT_ID, CLIENT_SECRET, NepIdp


def urls_herladen() -> None:
    """The OIDC URLs exist only with OIDC_ENABLED, decided when the URLconf is imported."""
    import toegang.urls
    import wmo.urls

    importlib.reload(toegang.urls)
    importlib.reload(wmo.urls)
    clear_url_caches()


@pytest.fixture(scope="module")
def nep_idp():
    """The fake provider (tests/toegang/nep_idp.py): the real one is outside our control."""
    idp = NepIdp().start()
    yield idp
    idp.stop()


@pytest.fixture
def idp(nep_idp):
    nep_idp.sabotage = None
    nep_idp.gebruiker = {
        "sub": "idp-sub-4711",
        "preferred_username": "jdevries",
        "given_name": "Jan",
        "family_name": "de Vries",
        "email": "j.devries@gemeente.example",
        "groups": ["wmo-consulent", "wmo-teamleider", "personeelsvereniging"],
    }
    return nep_idp


def oidc_instellingen(idp: NepIdp, team, **extra) -> dict:
    return {
        "OIDC_ENABLED": True,
        "OIDC_NAAM": "Gemeente Haarlem",
        "OIDC_ALLEEN": False,
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_OP_ISSUER": idp.issuer,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{idp.url}/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": f"{idp.url}/token",
        "OIDC_OP_USER_ENDPOINT": f"{idp.url}/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": f"{idp.url}/jwks",
        "OIDC_OP_LOGOUT_ENDPOINT": f"{idp.url}/logout",
        "OIDC_ROL_GROEPEN": [
            "wmo-loket=loketmedewerker",
            "wmo-consulent=consulent",
            "wmo-teamleider=teamleider",
        ],
        "OIDC_ORGANISATIE": team.organisatie.naam,
        "OIDC_TEAM_GROEPEN": [f"wmo-team-a={team.naam}"],
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "toegang.backends.MedewerkerBackend",
            "toegang.oidc.IdpBackend",
        ],
        **extra,
    }


@pytest.fixture
def oidc_aan(idp, team):
    """Single sign-on switched on against the fake provider (and off again afterwards)."""
    with override_settings(**oidc_instellingen(idp, team)):
        urls_herladen()
        yield idp
    urls_herladen()


def inloggen_via_idp(client, idp: NepIdp, *, next: str = ""):
    """The browser's round trip: our login URL -> the provider's authorize -> our callback."""
    url = reverse("toegang:oidc_inloggen") + (f"?next={next}" if next else "")
    naar_idp = client.get(url)
    assert naar_idp.status_code == 302
    assert naar_idp["Location"].startswith(f"{idp.url}/authorize?")
    terug = requests.get(naar_idp["Location"], allow_redirects=False, timeout=10)
    assert terug.status_code == 302
    deel = urlsplit(terug.headers["Location"])
    assert deel.netloc == "testserver"
    return client.get(f"{deel.path}?{deel.query}")
