"""A consulent leaves: the beheerder hands over all open meldingen in one action. Closed ones stay,
the inwoner gets the "nieuwe contactpersoon" letter exactly when a consulent replaces another,
a second submit changes nothing, and the beheerder sees counts and kenmerken, no inwoner data."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from beheer import overdracht, services
from meldingen import services as melding_services
from meldingen.constants import Afsluitreden
from tests.factories import MeldingFactory, TeamFactory
from wmo.constants import BriefSoort, InzageActie, Rol
from wmo.models import Brief, Inzage

pytestmark = pytest.mark.django_db


def _brieven():
    return Brief.objects.filter(soort=BriefSoort.NIEUWE_CONTACTPERSOON, origineel__isnull=True)


def _berichten(antwoord) -> list[str]:
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


@pytest.fixture
def vertrekker(rol_gebruiker):
    return rol_gebruiker(Rol.CONSULENT, username="vertrekker")


@pytest.fixture
def opvolger(rol_gebruiker):
    return rol_gebruiker(Rol.CONSULENT, username="opvolger")


@pytest.fixture
def zaken(vertrekker, team, beheerder_a):
    """Three open meldingen of the consulent who leaves, one closed, one of a colleague."""
    open_ = [MeldingFactory(team=team, consulent=vertrekker) for _ in range(3)]
    dicht = MeldingFactory(team=team, consulent=vertrekker)
    melding_services.melding_afsluiten(melding=dicht, door=vertrekker, reden=Afsluitreden.OPGELOST)
    return open_, dicht


def test_de_pagina_toont_aantallen_en_kenmerken_en_geen_inwoner(
    client, beheerder_a, vertrekker, opvolger, zaken, django_assert_max_num_queries
):
    open_, dicht = zaken
    client.force_login(beheerder_a)
    url = reverse("beheer:meldingen_overdragen", args=[vertrekker.pk])
    with django_assert_max_num_queries(13):  # the same with 3 or 300 meldingen
        antwoord = client.get(url)
    pagina = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "3 open meldingen" in pagina and "Ontvangen: 3" in pagina
    assert all(m.kenmerk in pagina for m in open_) and dicht.kenmerk not in pagina
    for melding in [*open_, dicht]:
        assert escape(melding.inwoner.achternaam) not in pagina
        assert melding.inwoner.straat not in pagina
    assert escape(str(opvolger)) in pagina and 'name="verwacht" value="3"' in pagina


def test_alles_in_een_keer_over_met_brieven_en_dubbel_versturen_doet_niets(
    client, beheerder_a, vertrekker, opvolger, zaken
):
    open_, dicht = zaken
    client.force_login(beheerder_a)
    url = reverse("beheer:meldingen_overdragen", args=[vertrekker.pk])
    antwoord = client.post(url, {"naar": opvolger.pk, "verwacht": 3})
    assert antwoord.status_code == 302
    assert _berichten(antwoord) == [f"3 meldingen overgedragen aan {opvolger}, 3 brieven verstuurd."]
    for melding in open_:
        melding.refresh_from_db()
        assert melding.consulent == opvolger
        assert melding.history.latest().history_user == beheerder_a
    dicht.refresh_from_db()
    assert dicht.consulent == vertrekker  # closed: untouched
    assert _brieven().count() == 3
    assert set(_brieven().values_list("melding_id", flat=True)) == {m.pk for m in open_}
    assert set(_brieven().values_list("verstuurd_door", flat=True)) == {beheerder_a.pk}
    # The access log: one "wijzigen" row per inwoner, under the beheerder's name.
    log = Inzage.objects.filter(medewerker=beheerder_a)
    assert set(log.values_list("inwoner_id", flat=True)) == {m.inwoner_id for m in open_}
    assert set(log.values_list("actie", flat=True)) == {InzageActie.WIJZIGEN}

    # The same form sent again (a double click): nothing moves, no letter more.
    antwoord = client.post(url, {"naar": opvolger.pk, "verwacht": 3})
    assert antwoord.status_code == 302
    assert "niets overgedragen" in _berichten(antwoord)[-1]
    assert _brieven().count() == 3


def test_naar_de_wachtrij_geen_brief_en_naar_een_ander_team_gaat_het_team_mee(
    beheerder_a, vertrekker, rol_gebruiker, zaken
):
    open_, _dicht = zaken
    resultaat = overdracht.meldingen_overdragen(door=beheerder_a, van=vertrekker, naar=None, verwacht=3)
    assert (resultaat.meldingen, resultaat.brieven) == (3, 0)
    for melding in open_:
        melding.refresh_from_db()
        assert melding.consulent is None and melding.team_id == vertrekker.team_id
    assert not _brieven().exists()  # no new contact person: the rule of melding_toewijzen

    # To a consulent of another team of the organisation: the melding moves to that team too.
    ander_team = TeamFactory(organisatie=beheerder_a.organisatie)
    elders = rol_gebruiker(Rol.CONSULENT, team=ander_team)
    open_[0].consulent = vertrekker
    open_[0].save()
    resultaat = overdracht.meldingen_overdragen(door=beheerder_a, van=vertrekker, naar=elders, verwacht=1)
    open_[0].refresh_from_db()
    assert (open_[0].consulent, open_[0].team) == (elders, ander_team)
    assert (resultaat.meldingen, resultaat.brieven) == (1, 1)


def test_een_veranderd_aantal_wordt_eerst_opnieuw_bevestigd(
    client, beheerder_a, vertrekker, opvolger, zaken, team
):
    MeldingFactory(team=team, consulent=vertrekker)  # arrived after the page was opened
    client.force_login(beheerder_a)
    antwoord = client.post(
        reverse("beheer:meldingen_overdragen", args=[vertrekker.pk]), {"naar": opvolger.pk, "verwacht": 3}
    )
    assert antwoord.status_code == 200
    assert "het zijn er nu 4" in antwoord.content.decode()
    assert overdracht.open_meldingen_van(vertrekker).count() == 4
    assert not _brieven().exists()


def test_alleen_binnen_de_eigen_organisatie(
    client, beheerder_a, vertrekker, zaken, buitenstaander, rol_gebruiker
):
    vreemde_consulent = rol_gebruiker(Rol.CONSULENT, team=buitenstaander.team)
    MeldingFactory(team=buitenstaander.team, consulent=vreemde_consulent)
    client.force_login(beheerder_a)
    # A consulent of another organisation: as if it does not exist.
    url = reverse("beheer:meldingen_overdragen", args=[vreemde_consulent.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"naar": "wachtrij", "verwacht": 1}).status_code == 404
    assert overdracht.open_meldingen_van(vreemde_consulent).count() == 1
    # Nor can the meldingen go to a consulent of another organisation.
    antwoord = client.post(
        reverse("beheer:meldingen_overdragen", args=[vertrekker.pk]),
        {"naar": vreemde_consulent.pk, "verwacht": 3},
    )
    assert antwoord.status_code == 200 and "Kies een consulent uit de lijst" in antwoord.content.decode()
    with pytest.raises(ValidationError):
        overdracht.meldingen_overdragen(door=beheerder_a, van=vertrekker, naar=vreemde_consulent)
    with pytest.raises(ValidationError):
        overdracht.meldingen_overdragen(door=beheerder_a, van=vreemde_consulent, naar=None)
    assert overdracht.open_meldingen_van(vertrekker).count() == 3


def test_andere_rollen_mogen_niet_overdragen(client, rol_gebruiker, vertrekker, zaken):
    for rol in (Rol.TEAMLEIDER, Rol.CONSULENT):
        client.force_login(rol_gebruiker(rol))
        assert client.get(reverse("beheer:meldingen_overdragen", args=[vertrekker.pk])).status_code == 403


def test_deactiveren_met_open_meldingen_waarschuwt_en_wijst_naar_de_overdracht(
    client, beheerder_a, vertrekker, opvolger, zaken
):
    client.force_login(beheerder_a)
    url = reverse("beheer:medewerker_deactiveren", args=[vertrekker.pk])
    pagina = client.get(url).content.decode()
    assert "nog 3 open meldingen" in pagina
    assert reverse("beheer:meldingen_overdragen", args=[vertrekker.pk]) in pagina
    antwoord = client.post(url, {"reden": "Uit dienst"})
    assert antwoord["Location"] == reverse("beheer:meldingen_overdragen", args=[vertrekker.pk])
    vertrekker.refresh_from_db()
    assert not vertrekker.is_active
    # The handover still works for the deactivated account.
    antwoord = client.post(antwoord["Location"], {"naar": opvolger.pk, "verwacht": 3})
    assert _berichten(antwoord)[-1] == f"3 meldingen overgedragen aan {opvolger}, 3 brieven verstuurd."
    assert not overdracht.open_meldingen_van(vertrekker).exists()
    # Afterwards the medewerker's page no longer points to a handover.
    pagina = client.get(reverse("beheer:medewerker", args=[vertrekker.pk])).content.decode()
    assert "Alle open meldingen overdragen" not in pagina
    assert services.is_beheerder_van(beheerder_a, vertrekker)
