"""Permission matrix: role × URL × own/foreign dossier. A foreign id answers 404."""

import pytest
from django.urls import reverse

from meldingen.services import ontvangstbevestiging_versturen
from tests.factories import MeldingFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db

GET_URLS = [
    "dossier",
    "melding",
    "inwoner_wijzigen",
    "melding_registreren",
    "brief_pdf",
    "melding_afsluiten",
]

# role -> expected status for (own, foreign) per url
VERWACHT = {
    Rol.LOKETMEDEWERKER: {
        "dossier": 200,
        "melding": 200,
        "inwoner_wijzigen": 200,
        "melding_registreren": 200,
        "brief_pdf": 200,
        "melding_afsluiten": 403,
    },
    Rol.CONSULENT: {
        "dossier": 200,
        "melding": 200,
        "inwoner_wijzigen": 200,
        "melding_registreren": 403,
        "brief_pdf": 200,
        "melding_afsluiten": 200,
    },
    Rol.TEAMLEIDER: {
        "dossier": 200,
        "melding": 200,
        "inwoner_wijzigen": 403,
        "melding_registreren": 403,
        "brief_pdf": 200,
        "melding_afsluiten": 200,
    },
    Rol.FUNCTIONEEL_BEHEERDER: {u: 403 for u in GET_URLS},
}


def _url(naam, melding, brief):
    if naam in ("dossier", "inwoner_wijzigen"):
        return reverse(f"meldingen:{naam}", args=[melding.inwoner_id])
    if naam == "melding_registreren":
        return reverse("meldingen:melding_registreren", args=[melding.inwoner_id])
    if naam == "brief_pdf":
        return reverse("meldingen:brief_pdf", args=[brief.pk])
    return reverse(f"meldingen:{naam}", args=[melding.pk])


@pytest.fixture
def eigen_en_vreemd(team, rol_gebruiker):
    """A melding in the user's own team and gemeente, and one of another organisation."""
    schrijver = rol_gebruiker(Rol.LOKETMEDEWERKER)
    eigen = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    vreemd = MeldingFactory()  # other organisation, other gemeente
    return (eigen, ontvangstbevestiging_versturen(melding=eigen, door=schrijver)), (
        vreemd,
        ontvangstbevestiging_versturen(melding=vreemd, door=schrijver),
    )


@pytest.mark.parametrize("rol", list(VERWACHT))
@pytest.mark.parametrize("url", GET_URLS)
def test_rol_url_eigen_vreemd(client, rol_gebruiker, eigen_en_vreemd, rol, url):
    user = rol_gebruiker(rol)
    client.force_login(user)
    (eigen, eigen_brief), (vreemd, vreemd_brief) = eigen_en_vreemd
    verwacht = VERWACHT[rol][url]
    assert client.get(_url(url, eigen, eigen_brief)).status_code == verwacht
    assert client.get(_url(url, vreemd, vreemd_brief)).status_code == (404 if verwacht == 200 else 403)


def test_consulent_ziet_geen_melding_van_ander_team_in_dezelfde_gemeente(client, team, rol_gebruiker):
    ander_team = TeamFactory(organisatie=team.organisatie)
    melding = MeldingFactory(team=ander_team, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(rol_gebruiker(Rol.CONSULENT))
    assert client.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 404
    # ... but the loket of the same organisation does.
    client.force_login(rol_gebruiker(Rol.LOKETMEDEWERKER))
    assert client.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200


def test_partner_ziet_alleen_eigen_meldingen(client, team, rol_gebruiker):
    gemeente = team.organisatie.gemeenten.first()
    partner_team = TeamFactory(organisatie=OrganisatieFactory(partner=True, gemeenten=[gemeente]))
    partner = rol_gebruiker(Rol.LOKETMEDEWERKER, Rol.CONSULENT, team=partner_team)
    eigen = MeldingFactory(team=partner_team, inwoner__gemeente=gemeente)
    gemeente_melding = MeldingFactory(team=team, inwoner__gemeente=gemeente)
    client.force_login(partner)
    assert client.get(reverse("meldingen:melding", args=[eigen.pk])).status_code == 200
    assert client.get(reverse("meldingen:melding", args=[gemeente_melding.pk])).status_code == 404
    # The gemeente's loket sees the partner's melding (one dossier across loket and partner).
    client.force_login(rol_gebruiker(Rol.LOKETMEDEWERKER))
    assert client.get(reverse("meldingen:melding", args=[eigen.pk])).status_code == 200


def test_niet_ingelogd_naar_inloggen(client):
    response = client.get(reverse("werkvoorraad"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_inzien_laat_een_spoor_na(client, team, rol_gebruiker):
    from wmo.models import Inzage

    melding = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    user = rol_gebruiker(Rol.CONSULENT)
    client.force_login(user)
    client.get(reverse("meldingen:dossier", args=[melding.inwoner_id]))
    client.get(reverse("meldingen:melding", args=[melding.pk]))
    assert list(
        Inzage.objects.filter(medewerker=user, inwoner=melding.inwoner)
        .values_list("wat", flat=True)
        .order_by("tijdstip")
    ) == [
        "dossier",
        f"melding {melding.kenmerk}",
    ]
