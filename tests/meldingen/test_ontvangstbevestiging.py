"""The ontvangstbevestiging letter: the PDF's text holds the dates and rights (Wmo art. 2.3.2)."""

from datetime import date

import pytest
from django.urls import reverse

from meldingen.services import ontvangstbevestiging_versturen
from tests.factories import MeldingFactory, on_day
from tests.pdf import pdf_tekst
from wmo.constants import Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db


def test_brief_noemt_data_en_rechten(consulent, team):
    # Worked example: melding on Friday 20 February 2026 -> onderzoek by Tuesday 7 April 2026.
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    brief = ontvangstbevestiging_versturen(melding=melding, door=consulent)
    tekst = pdf_tekst(bytes(brief.pdf))
    assert "20 februari 2026" in tekst  # date received
    assert "7 april 2026" in tekst  # latest date of the onderzoek
    assert "27 februari 2026" in tekst  # persoonlijk plan window (7 days)
    assert "persoonlijk plan" in tekst
    assert "cliëntondersteuning" in tekst and "gratis" in tekst
    assert "mantelzorger" in tekst
    assert str(consulent) in tekst  # named contact
    assert melding.kenmerk in tekst
    assert melding.inwoner.naam in tekst and melding.inwoner.postcode_weergave in tekst
    assert f"Gemeente {melding.gemeente.naam}" in tekst
    assert "Pagina 1 van" in tekst


def test_brief_wordt_bewaard_zoals_verstuurd_en_gedownload(client, team, rol_gebruiker):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    melding = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(loket)
    response = client.post(reverse("meldingen:ontvangstbevestiging", args=[melding.pk]))
    assert response.status_code == 302
    brief = Brief.objects.get(melding=melding)
    assert len(brief.sha256) == 64 and brief.verstuurd_door == loket
    response = client.get(reverse("meldingen:brief_pdf", args=[brief.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content == bytes(brief.pdf)
    dossier = client.get(reverse("meldingen:dossier", args=[melding.inwoner_id])).content.decode()
    assert "Brief verstuurd: Ontvangstbevestiging melding" in dossier


def test_zonder_consulent_noemt_de_brief_het_team(consulent, team):
    melding = MeldingFactory(team=team)
    tekst = pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=melding, door=consulent).pdf))
    assert team.naam in tekst and team.telefoon in tekst
