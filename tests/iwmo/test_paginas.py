"""The iWmo pages: per dossier (who sees the dossier), per aanbieder (beheerder, kenmerk only),
the XML download, making a refused message again, and the plain-Dutch reason on the beschikking."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from aanvragen import services as aanvraag_services
from iwmo.models import Bericht, BerichtStatus
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import MedewerkerFactory, TeamFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def verstuurd(consulent, django_capture_on_commit_callbacks):
    """A beschikking in natura of the consulent's team, sent, with its WMO301 sent."""

    def maak(**kwargs):
        beschikking = BeschikkingFactory(
            toegekend=True,
            door=consulent,
            aanvraag__melding__team=consulent.team,
            aanvraag__melding__inwoner__gemeente=consulent.team.organisatie.gemeenten.first(),
            **kwargs,
        )
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag_services.beschikking_versturen(beschikking=beschikking, door=consulent)
        return beschikking

    return maak


def test_dossierpagina_toont_de_berichten_en_de_xml(
    client, consulent, verstuurd, django_assert_max_num_queries
):
    beschikking = verstuurd()
    melding = beschikking.aanvraag.melding
    bericht = Bericht.objects.get()
    client.force_login(consulent)
    # Session, user, melding, the access log (lock and insert), the messages and their prefetches.
    with django_assert_max_num_queries(15):
        html = client.get(reverse("iwmo:dossier", args=[melding.pk])).content.decode()
    assert "WMO301 verstuurd" in html and "Verzonden" in html and bericht.aanbieder.naam in html
    assert str(bericht.toewijzingen.get().nummer) in html
    response = client.get(reverse("iwmo:xml", args=[bericht.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert bytes(response.content) == bytes(bericht.xml)
    assert bericht.bestandsnaam in response["Content-Disposition"]


def test_een_ander_team_ziet_het_dossier_niet(client, verstuurd, rol_gebruiker):
    beschikking = verstuurd()
    bericht = Bericht.objects.get()
    ander = MedewerkerFactory(team=(t := TeamFactory()), organisatie=t.organisatie, rollen=[Rol.CONSULENT])
    client.force_login(ander)
    assert client.get(reverse("iwmo:dossier", args=[beschikking.aanvraag.melding_id])).status_code == 404
    assert client.get(reverse("iwmo:xml", args=[bericht.pk])).status_code == 404
    assert client.post(reverse("iwmo:opnieuw", args=[bericht.pk])).status_code == 404


def test_beheerder_ziet_per_aanbieder_alleen_het_kenmerk(client, beheerder, verstuurd):
    beschikking = verstuurd()
    melding = beschikking.aanvraag.melding
    bericht = Bericht.objects.get()
    client.force_login(beheerder)
    html = client.get(reverse("iwmo:aanbieder", args=[bericht.aanbieder_id])).content.decode()
    assert melding.kenmerk in html and "Verzonden" in html
    assert escape(melding.inwoner.achternaam) not in html and melding.inwoner.bsn not in html
    # No dossier, no XML for the beheerder.
    assert client.get(reverse("iwmo:xml", args=[bericht.pk])).status_code in (403, 404)
    # A beheerder of another organisation sees the aanbieder, not these messages.
    ander = MedewerkerFactory(
        team=(t := TeamFactory()), organisatie=t.organisatie, rollen=[Rol.FUNCTIONEEL_BEHEERDER]
    )
    client.force_login(ander)
    html = client.get(reverse("iwmo:aanbieder", args=[bericht.aanbieder_id])).content.decode()
    assert melding.kenmerk not in html and "nog geen berichten" in html


def test_de_consulent_ziet_waarom_en_maakt_het_opnieuw_na_het_oplossen(
    client, consulent, verstuurd, settings
):
    beschikking = verstuurd(aanvraag__melding__inwoner__geslacht="")
    melding = beschikking.aanvraag.melding
    afgekeurd = Bericht.objects.get()
    assert afgekeurd.status == BerichtStatus.AFGEKEURD
    client.force_login(consulent)
    html = client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    assert "De toewijzing is niet naar de aanbieder gestuurd." in html
    assert "Het geslacht van de inwoner ontbreekt." in html
    html = client.get(reverse("iwmo:dossier", args=[melding.pk])).content.decode()
    assert "Afgekeurd, niet verzonden" in html and "Opnieuw maken" in html

    melding.inwoner.geslacht = "1"
    melding.inwoner.save()
    response = client.post(reverse("iwmo:opnieuw", args=[afgekeurd.pk]), follow=True)
    assert "wordt verstuurd" in response.content.decode()
    nieuw = Bericht.objects.exclude(pk=afgekeurd.pk).get()
    assert nieuw.toewijzingen.count() == 1 and nieuw.status == BerichtStatus.KLAARGEZET
    # Once is enough: the refused one cannot be made again now a newer one exists.
    response = client.post(reverse("iwmo:opnieuw", args=[afgekeurd.pk]), follow=True)
    assert "al een nieuwer bericht" in response.content.decode()
    assert Bericht.objects.count() == 2
