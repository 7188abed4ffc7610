"""Reassign one or many dossiers; the inwoner gets a letter naming the new contact."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from meldingen import services
from meldingen.models import Melding
from tests.factories import InwonerFactory, MeldingFactory, TeamFactory
from tests.pdf import pdf_tekst
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:herverdelen")


def _brieven(melding):
    return Brief.objects.filter(melding=melding, soort=BriefSoort.NIEUWE_CONTACTPERSOON)


def test_andere_consulent_geeft_brief_met_nieuwe_contactpersoon(melding_in, consulent_in, teamleider):
    oud, nieuw = consulent_in(), consulent_in(telefoon="023 511 40 00")
    melding = melding_in(oud)
    services.melding_toewijzen(melding=melding, door=teamleider, consulent=nieuw)
    brief = _brieven(melding).get()
    tekst = pdf_tekst(bytes(brief.pdf))
    assert f"Uw nieuwe contactpersoon is {nieuw}, telefoon 023 511 40 00" in tekst
    assert melding.kenmerk in tekst
    assert brief.verstuurd_door == teamleider
    laatste = melding.history.first()
    assert laatste.history_user == teamleider
    assert laatste.history_change_reason == f"Toegewezen aan {nieuw}"


def test_uit_de_wachtrij_of_terug_geen_brief(melding_in, consulent_in, teamleider):
    c = consulent_in()
    melding = melding_in(None)
    services.melding_toewijzen(melding=melding, door=teamleider, consulent=c)
    services.melding_toewijzen(melding=melding, door=teamleider, consulent=c)
    services.melding_toewijzen(melding=melding, door=teamleider, consulent=None)
    assert not _brieven(melding).exists()


def test_herverdelen_service_alles_of_niets(melding_in, consulent_in, teamleider):
    oud, nieuw = consulent_in(), consulent_in()
    a, b = melding_in(oud), melding_in(oud)
    vreemd = consulent_in(team=TeamFactory())
    with pytest.raises(ValidationError):
        services.meldingen_herverdelen(meldingen=[a, b], consulent=vreemd, door=teamleider)
    assert Melding.objects.filter(consulent=oud).count() == 2
    gewijzigd = services.meldingen_herverdelen(meldingen=[a, b], consulent=nieuw, door=teamleider)
    assert len(gewijzigd) == 2
    assert Melding.objects.filter(consulent=nieuw).count() == 2
    assert Brief.objects.filter(soort=BriefSoort.NIEUWE_CONTACTPERSOON).count() == 2


def test_pagina_herverdeelt_meerdere_meldingen(client, melding_in, consulent_in, teamleider):
    oud, nieuw = consulent_in(), consulent_in()
    a, b, blijft = melding_in(oud), melding_in(oud), melding_in(oud)
    client.force_login(teamleider)
    response = client.get(URL, {"van": oud.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert a.kenmerk in html and b.kenmerk in html
    response = client.post(URL, {"van": oud.pk, "meldingen": [a.pk, b.pk], "consulent": nieuw.pk})
    assert response.status_code == 302
    assert set(Melding.objects.filter(consulent=nieuw).values_list("pk", flat=True)) == {a.pk, b.pk}
    assert Melding.objects.get(pk=blijft.pk).consulent == oud
    assert _brieven(a).count() == 1 and _brieven(b).count() == 1
    assert Melding.objects.get(pk=a.pk).history.first().history_user == teamleider


def test_melding_van_een_ander_team_kan_niet(client, melding_in, consulent_in, teamleider):
    nieuw = consulent_in()
    vreemd = MeldingFactory(team=TeamFactory(), inwoner=InwonerFactory())
    client.force_login(teamleider)
    eigen = melding_in(None)
    response = client.post(URL, {"meldingen": [eigen.pk, vreemd.pk], "consulent": nieuw.pk})
    assert response.status_code == 404
    assert Melding.objects.get(pk=vreemd.pk).consulent is None
    assert Melding.objects.get(pk=eigen.pk).consulent is None
    assert client.post(URL, {"meldingen": ["x"], "consulent": nieuw.pk}).status_code == 404


def test_consulent_van_een_ander_team_kan_niet(client, melding_in, consulent_in, teamleider):
    melding = melding_in(None)
    vreemd = consulent_in(team=TeamFactory())
    client.force_login(teamleider)
    response = client.post(URL, {"meldingen": [melding.pk], "consulent": vreemd.pk})
    assert response.status_code == 200
    assert Melding.objects.get(pk=melding.pk).consulent is None


def test_onbekende_consulent_in_de_filter_is_404(client, consulent_in, teamleider):
    vreemd = consulent_in(team=TeamFactory())
    client.force_login(teamleider)
    assert client.get(URL, {"van": vreemd.pk}).status_code == 404
    assert client.get(URL, {"van": "abc"}).status_code == 404


def test_zonder_keuze_een_foutmelding(client, consulent_in, teamleider):
    nieuw = consulent_in()
    client.force_login(teamleider)
    response = client.post(URL, {"consulent": nieuw.pk})
    assert response.status_code == 200
    assert "Kies minstens één melding." in response.content.decode()


def test_consulent_mag_niet_herverdelen(client, rol_gebruiker):
    client.force_login(rol_gebruiker(Rol.CONSULENT))
    assert client.post(URL, {}).status_code == 403


def test_bericht_zegt_hoeveel_brieven_er_zijn_verstuurd(client, melding_in, consulent_in, teamleider):
    """Issue 15: from the team queue no letter is due (there was no contact before): say so."""
    oud, nieuw = consulent_in(), consulent_in()
    a, b = melding_in(None), melding_in(None)
    client.force_login(teamleider)
    response = client.post(URL, {"meldingen": [a.pk, b.pk], "consulent": nieuw.pk}, follow=True)
    html = response.content.decode()
    assert f"2 meldingen gaan naar {escape(str(nieuw))}." in html  # a random name can hold "'"
    assert "Er is geen brief verstuurd, want er was nog geen contactpersoon." in html
    assert "krijgen een brief" not in html
    assert not Brief.objects.filter(soort=BriefSoort.NIEUWE_CONTACTPERSOON).exists()

    c, d = melding_in(oud), melding_in(None)
    response = client.post(URL, {"meldingen": [c.pk, d.pk], "consulent": nieuw.pk}, follow=True)
    html = response.content.decode()
    assert "1 inwoner krijgt een brief met de naam van de nieuwe contactpersoon." in html
    assert "Voor 1 melding is geen brief verstuurd" in html
    assert Brief.objects.filter(soort=BriefSoort.NIEUWE_CONTACTPERSOON).count() == 1
