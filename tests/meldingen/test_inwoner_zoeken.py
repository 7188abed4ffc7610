from datetime import date

import pytest
from django.urls import reverse

from tests.factories import InwonerFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def truus(team):
    inw = InwonerFactory(voornamen="Geertruida", achternaam="Vermeulen", tussenvoegsel="", geboortedatum=date(1941, 3, 12),
                         postcode="2023CB", huisnummer=41, gemeente=team.organisatie.gemeenten.first())  # fmt: skip
    InwonerFactory(achternaam="Anders", gemeente=inw.gemeente)
    return inw


@pytest.mark.parametrize(
    "q",
    [
        "vermeulen",
        "Geertruida Verm",
        "12-03-1941",
        "1941-03-12",
        "2023 CB 41",
        "2023cb41",
        "2023CB",
    ],
)
def test_vindt_inwoner(client, loket, truus, q):
    client.force_login(loket)
    response = client.get(reverse("meldingen:inwoner_zoeken"), {"q": q})
    assert list(response.context["resultaten"]) == [truus]


def test_vindt_op_bsn_en_niet_buiten_de_eigen_gemeenten(client, loket, truus):
    vreemd = InwonerFactory(achternaam="Vermeulen")
    client.force_login(loket)
    assert list(client.get(reverse("meldingen:inwoner_zoeken"), {"q": truus.bsn}).context["resultaten"]) == [
        truus
    ]
    assert (
        list(client.get(reverse("meldingen:inwoner_zoeken"), {"q": vreemd.bsn}).context["resultaten"]) == []
    )
    assert list(
        client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Vermeulen"}).context["resultaten"]
    ) == [truus]


def test_htmx_geeft_alleen_de_resultaten(client, loket, truus):
    client.force_login(loket)
    url = reverse("meldingen:inwoner_zoeken")
    vol = client.get(url, {"q": "Vermeulen"}).content.decode()
    deel = client.get(
        url, {"q": "Vermeulen"}, headers={"HX-Request": "true", "HX-Target": "zoekresultaten"}
    ).content.decode()
    assert "<html" in vol and "<html" not in deel
    assert "Geertruida Vermeulen" in deel and "Geertruida Vermeulen" in vol
    assert "Geen inwoner gevonden" in client.get(url, {"q": "Zzzz"}).content.decode()


def test_functioneel_beheerder_zoekt_geen_inwoners(client, rol_gebruiker, truus):
    client.force_login(rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    assert client.get(reverse("meldingen:inwoner_zoeken"), {"q": "Vermeulen"}).status_code == 403
