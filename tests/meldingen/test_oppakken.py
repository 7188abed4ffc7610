"""A consulent takes a queued melding ("Oppakken"), and planning a gesprek for yourself takes it
too (issue 15): it then shows on the consulent's werkvoorraad and the teamleider's workload."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gesprekken import services as gesprek_services
from meldingen import services
from meldingen.models import Melding
from tests.factories import MeldingFactory, TeamFactory
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db


@pytest.fixture
def wachtend(team):
    return MeldingFactory(team=team, consulent=None, inwoner__gemeente=team.organisatie.gemeenten.first())


def test_oppakken_maakt_de_melding_van_de_consulent(wachtend, consulent, teamleider, client):
    services.melding_oppakken(melding=wachtend, door=consulent)
    wachtend.refresh_from_db()
    assert wachtend.consulent == consulent
    laatste = wachtend.history.first()
    assert laatste.history_user == consulent
    assert laatste.history_change_reason == f"Toegewezen aan {consulent}"
    # No letter: the inwoner had no contact before.
    assert not Brief.objects.filter(melding=wachtend, soort=BriefSoort.NIEUWE_CONTACTPERSOON).exists()
    # On the teamleider's workload.
    client.force_login(teamleider)
    rijen = client.get(reverse("teamleider:dashboard")).context["werklast"]
    rij = next(c for c in rijen if c.pk == consulent.pk)
    assert rij.open_dossiers == 1
    # A second time is no change.
    services.melding_oppakken(melding=wachtend, door=consulent)
    assert wachtend.history.count() == 2


def test_oppakken_weigert_wat_niet_mag(wachtend, consulent, rol_gebruiker, loket):
    collega = rol_gebruiker(Rol.CONSULENT)
    services.melding_oppakken(melding=wachtend, door=collega)
    with pytest.raises(ValidationError, match="al opgepakt door"):
        services.melding_oppakken(melding=wachtend, door=consulent)
    ander_team = MeldingFactory(team=TeamFactory(organisatie=consulent.organisatie), consulent=None)
    with pytest.raises(ValidationError, match="eigen team"):
        services.melding_oppakken(melding=ander_team, door=consulent)
    nieuw = MeldingFactory(team=consulent.team, consulent=None)
    with pytest.raises(ValidationError, match="Alleen een consulent"):
        services.melding_oppakken(melding=nieuw, door=loket)


def test_knop_op_melding_en_werkvoorraad(client, wachtend, consulent, django_assert_max_num_queries):
    client.force_login(consulent)
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert f'id="oppakken-{wachtend.pk}"' in html
    html = client.get(reverse("meldingen:melding", args=[wachtend.pk])).content.decode()
    assert 'id="oppakken"' in html
    # Login checks, the lock, and save_with_history's full_clean (constraint checks) of the melding,
    # and one UPDATE per table that carries the melding's consulent (meldingen.kopie).
    with django_assert_max_num_queries(45):
        response = client.post(
            reverse("meldingen:melding_oppakken", args=[wachtend.pk]), {"volgende": reverse("werkvoorraad")}
        )
    assert response.status_code == 302 and response.url == reverse("werkvoorraad")
    assert Melding.objects.get(pk=wachtend.pk).consulent == consulent
    response = client.get(reverse("werkvoorraad"))
    html = response.content.decode()
    assert f"U heeft {wachtend.kenmerk} opgepakt" in html
    mijn = html.split('id="kop-mijn"')[1].split('id="kop-wachtrij"')[0]
    assert wachtend.kenmerk in mijn
    assert f'id="oppakken-{wachtend.pk}"' not in html
    # The melding page no longer offers it.
    html = client.get(reverse("meldingen:melding", args=[wachtend.pk])).content.decode()
    assert 'id="oppakken"' not in html


def test_al_opgepakt_geeft_een_duidelijke_melding(client, wachtend, consulent, rol_gebruiker):
    collega = rol_gebruiker(Rol.CONSULENT)
    services.melding_oppakken(melding=wachtend, door=collega)
    client.force_login(consulent)
    response = client.post(reverse("meldingen:melding_oppakken", args=[wachtend.pk]), follow=True)
    assert response.status_code == 200
    assert f"Deze melding is al opgepakt door {collega}" in response.content.decode()
    assert Melding.objects.get(pk=wachtend.pk).consulent == collega


def test_loket_ziet_geen_oppakken_en_mag_niet(client, wachtend, loket):
    client.force_login(loket)
    html = client.get(reverse("meldingen:melding", args=[wachtend.pk])).content.decode()
    assert 'id="oppakken"' not in html
    response = client.post(reverse("meldingen:melding_oppakken", args=[wachtend.pk]))
    assert response.status_code == 403
    assert Melding.objects.get(pk=wachtend.pk).consulent is None


def _morgen():
    return (timezone.localtime() + timedelta(days=1)).replace(hour=10, minute=30, second=0, microsecond=0)


def test_gesprek_plannen_voor_jezelf_pakt_de_melding_op(wachtend, consulent):
    gesprek_services.gesprek_plannen(
        melding=wachtend, door=consulent, consulent=consulent, gepland_op=_morgen()
    )
    wachtend.refresh_from_db()
    assert wachtend.consulent == consulent
    assert wachtend.history.first().history_user == consulent


def test_gesprek_plannen_voor_een_ander_laat_de_wachtrij(wachtend, consulent, loket):
    gesprek_services.gesprek_plannen(melding=wachtend, door=loket, consulent=consulent, gepland_op=_morgen())
    wachtend.refresh_from_db()
    assert wachtend.consulent is None
