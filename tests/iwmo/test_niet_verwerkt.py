"""Beheer's list "Niet verwerkte iWmo-berichten": scoped, download, opnieuw verwerken."""

from datetime import date

import pytest
from django.urls import reverse

from iwmo.models import Bericht, BerichtStatus, Richting
from iwmo.ontvangst import verwerk_inbox
from tests.factories import MedewerkerFactory
from wmo.constants import Rol

from .berichten import wmo305
from .conftest import in_de_inbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def niet_verwerkt(toewijzing, mappen):
    in_de_inbox(
        mappen,
        "start.xml",
        wmo305(
            inwoner=toewijzing.inwoner,
            afzender=toewijzing.aanbieder.agb_code,
            ontvanger="0392",
            nummers=[900002],
            begindatum=date(2026, 4, 6),
        ),
    )
    verwerk_inbox()
    return Bericht.objects.get(richting=Richting.IN)


@pytest.fixture
def beheerder_van(toewijzing):
    organisatie = toewijzing.regel.beschikking.aanvraag.melding.team.organisatie
    return MedewerkerFactory(team=None, organisatie=organisatie, rollen=[Rol.FUNCTIONEEL_BEHEERDER])


def test_lijst_toont_reden_en_downloaden(client, niet_verwerkt, beheerder_van, django_assert_max_num_queries):
    client.force_login(beheerder_van)
    with django_assert_max_num_queries(10):
        antwoord = client.get(reverse("iwmo_beheer:niet_verwerkt"))
    assert antwoord.status_code == 200
    assert "Toewijzing 900002 bestaat niet" in antwoord.text
    assert "WMO305" in antwoord.text
    download = client.get(reverse("iwmo_beheer:bericht_downloaden", args=[niet_verwerkt.pk]))
    assert download.status_code == 200 and download.content == bytes(niet_verwerkt.xml)
    assert download["Content-Disposition"].startswith("attachment")


def test_opnieuw_verwerken_na_herstel(client, niet_verwerkt, beheerder_van, toewijzing):
    client.force_login(beheerder_van)
    toewijzing.nummer = 900002
    toewijzing.save()
    antwoord = client.post(reverse("iwmo_beheer:bericht_opnieuw", args=[niet_verwerkt.pk]))
    assert antwoord.status_code == 302
    niet_verwerkt.refresh_from_db()
    toewijzing.refresh_from_db()
    assert niet_verwerkt.status == BerichtStatus.VERWERKT and toewijzing.gestart_op == date(2026, 4, 6)
    # Again: it is no longer in the list; a second post is 404 and changes nothing.
    assert client.post(reverse("iwmo_beheer:bericht_opnieuw", args=[niet_verwerkt.pk])).status_code == 404
    assert "900002 bestaat niet" not in client.get(reverse("iwmo_beheer:niet_verwerkt")).text


def test_andere_organisatie_ziet_het_niet(client, niet_verwerkt):
    vreemde = MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    client.force_login(vreemde)
    assert "900002" not in client.get(reverse("iwmo_beheer:niet_verwerkt")).text
    assert client.get(reverse("iwmo_beheer:bericht_downloaden", args=[niet_verwerkt.pk])).status_code == 404
    assert client.post(reverse("iwmo_beheer:bericht_opnieuw", args=[niet_verwerkt.pk])).status_code == 404


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.TEAMLEIDER, Rol.LOKETMEDEWERKER])
def test_andere_rollen_403(client, niet_verwerkt, toewijzing, rol):
    organisatie = toewijzing.regel.beschikking.aanvraag.melding.team.organisatie
    user = MedewerkerFactory(organisatie=organisatie, rollen=[rol])
    client.force_login(user)
    assert client.get(reverse("iwmo_beheer:niet_verwerkt")).status_code == 403
    assert client.get(reverse("iwmo_beheer:bericht_downloaden", args=[niet_verwerkt.pk])).status_code == 403
