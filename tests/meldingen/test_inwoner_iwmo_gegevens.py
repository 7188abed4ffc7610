"""What the iWmo toewijzing needs about the inwoner, recorded at the loket: geslacht (required,
'Onbekend' allowed), naamgebruik with the partner's name, tolk and taal, juridische status."""

import pytest
from django.urls import reverse

from meldingen.models import Inwoner

pytestmark = pytest.mark.django_db


def _post(gemeente, **extra):
    data = {
        "bsn": "111222333", "voornamen": "Truus", "achternaam": "Vermeulen", "geboortedatum": "12-03-1941",
        "straat": "Kleverparkweg", "huisnummer": "41", "postcode": "2023 cb", "woonplaats": "Haarlem",
        "gemeente": gemeente.pk, "contactvoorkeur": "telefoon",
    }  # fmt: skip
    return data | extra


def test_loket_legt_de_gegevens_voor_de_aanbieder_vast(client, loket, team):
    client.force_login(loket)
    gemeente = team.organisatie.gemeenten.first()
    url = reverse("meldingen:inwoner_registreren")

    response = client.post(url, _post(gemeente, naamgebruik="3", communicatie_taal="Arabisch"))
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert fouten["geslacht"] == ["Kies het geslacht. Weet u het niet? Kies dan ‘Onbekend’."]
    html = response.content.decode()
    assert 'value="Arabisch"' in html and 'href="#id_geslacht"' in html

    response = client.post(url, _post(gemeente, geslacht="0", naamgebruik="3"))
    assert "achternaam van de partner" in response.context["form"].errors["partner_achternaam"][0]
    response = client.post(url, _post(gemeente, geslacht="0", communicatie_taal="Arabisch"))
    assert response.context["form"].errors["communicatievorm"] == ["Kies welke tolk de inwoner nodig heeft."]

    response = client.post(
        url,
        _post(
            gemeente,
            geslacht="2",
            naamgebruik="4",
            partner_tussenvoegsel="de",
            partner_achternaam="Graaf",
            communicatievorm="1",
            communicatie_taal="Arabisch",
            juridische_status="01",
        ),  # fmt: skip
    )
    assert response.status_code == 302
    inwoner = Inwoner.objects.get(bsn="111222333")
    assert (inwoner.geslacht, inwoner.naamgebruik, inwoner.partner_achternaam) == ("2", "4", "Graaf")
    assert (inwoner.communicatievorm, inwoner.communicatie_taal, inwoner.juridische_status) == (
        "1",
        "Arabisch",
        "01",
    )


def test_zonder_keuze_is_het_naamgebruik_de_eigen_naam(client, loket, team):
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:inwoner_registreren"), _post(team.organisatie.gemeenten.first(), geslacht="1")
    )
    assert response.status_code == 302
    assert Inwoner.objects.get(bsn="111222333").naamgebruik == "1"
