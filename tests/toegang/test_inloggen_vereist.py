"""Every page needs a login; a fragment request (htmx) of a visitor without one sends the whole page
to the login, not the login form into the fragment. Real stack, no user."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_een_gewone_pagina_stuurt_naar_inloggen(client):
    antwoord = client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Jansen"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{reverse('login')}?next=/inwoners/%3Fq%3DJansen"


def test_een_htmx_verzoek_krijgt_hx_redirect_naar_inloggen_en_terug_naar_de_pagina(client):
    antwoord = client.get(
        reverse("meldingen:inwoner_zoeken"),
        {"q": "Jansen"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/inwoners/?q=Jans",
    )
    assert antwoord.status_code == 204
    assert antwoord["HX-Redirect"] == f"{reverse('login')}?next=%2Finwoners%2F%3Fq%3DJans"
    assert antwoord.content == b""


def test_een_htmx_verzoek_zonder_huidige_pagina_gaat_na_inloggen_naar_de_startpagina(client):
    antwoord = client.get(reverse("meldingen:inwoner_zoeken"), HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 204
    assert antwoord["HX-Redirect"] == f"{reverse('login')}?{urlencode({'next': reverse('werkvoorraad')})}"
