"""The ontvangstbevestiging letter: the PDF's text holds the dates and rights (Wmo art. 2.3.2)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from meldingen.constants import MelderRelatie
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


def _brief_op(dag, melding, door):
    with time_machine.travel(on_day(dag, 12)):
        return pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=melding, door=door).pdf))


def test_op_tijd_verstuurd_noemt_de_uiterste_dagen(consulent, team):
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    tekst = _brief_op(date(2026, 2, 20), melding, consulent)
    assert "Stuur dit plan uiterlijk op 27 februari 2026 naar ons" in tekst  # Wmo 2015 art. 2.3.2 lid 2
    assert "Wij zijn uiterlijk op 7 april 2026 klaar met dit onderzoek" in tekst  # art. 2.3.2 lid 1
    assert "voorbij" not in tekst and "niet gelukt" not in tekst


def test_laat_verstuurd_biedt_geen_verstreken_datum_aan(consulent, team):
    # The 7 days for the persoonlijk plan (art. 2.3.2 lid 2) have passed on 2 March: the letter
    # does not offer 27 February as a date to send it, it says the plan is still welcome.
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    tekst = _brief_op(date(2026, 3, 2), melding, consulent)
    assert "Stuur dit plan uiterlijk op" not in tekst
    assert "Daarvoor had u tot en met 27 februari 2026. Die dag is voorbij" in tekst
    assert "wij ontvangen uw plan nog steeds graag" in tekst
    assert "Wij zijn uiterlijk op 7 april 2026 klaar met dit onderzoek" in tekst
    # Even later the onderzoek deadline has passed too: no promise for a day that is gone.
    tekst = _brief_op(date(2026, 4, 8), melding, consulent)
    assert (
        "Wij hadden uiterlijk op 7 april 2026 klaar moeten zijn met dit onderzoek. Dat is niet gelukt"
        in tekst
    )
    assert "Wij zijn uiterlijk op" not in tekst


def test_spoed_zegt_wat_spoed_betekent(consulent, team):
    # Wmo 2015 art. 2.3.3: in urgent cases temporary help at once, awaiting the onderzoek.
    melding = MeldingFactory(
        team=team, consulent=consulent, spoed=True, spoed_reden="Ontslag uit het ziekenhuis, alleen thuis."
    )
    tekst = pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=melding, door=consulent).pdf))
    assert "U heeft snel hulp nodig" in tekst
    assert "zorgen wij meteen voor tijdelijke hulp" in tekst
    assert "Het onderzoek en het gesprek gaan daarna gewoon door" in tekst
    assert "voorlopige voorziening" not in tekst.lower()  # kept for the court (Awb 8:81)
    gewoon = MeldingFactory(team=team, consulent=consulent)
    tekst = pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=gewoon, door=consulent).pdf))
    assert "snel hulp" not in tekst and "tijdelijke hulp" not in tekst


def test_melding_door_een_ander_noemt_de_melder(consulent, team):
    melding = MeldingFactory(
        team=team,
        consulent=consulent,
        melder_is_inwoner=False,
        melder_naam="Anja de Vries",
        melder_relatie=MelderRelatie.KIND,
        toestemming_inwoner=True,
    )
    tekst = pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=melding, door=consulent).pdf))
    assert "heeft Anja de Vries (kind) ons namens u laten weten dat u hulp nodig heeft" in tekst
    assert "heeft u ons laten weten" not in tekst
