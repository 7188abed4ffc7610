"""Facts in the uitnodiging and the verslag that must be true on the day the letter goes out."""

from datetime import date, timedelta

import pytest
import time_machine

from gesprekken import services
from meldingen.constants import MelderRelatie
from tests.factories import MeldingFactory, on_day
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.pdf import pdf_tekst

pytestmark = pytest.mark.django_db


def _uitnodiging_op(dag, melding, consulent):
    with time_machine.travel(on_day(dag, 12)):
        gesprek = services.gesprek_plannen(
            melding=melding, door=consulent, consulent=consulent, gepland_op=on_day(dag + timedelta(days=3))
        )
        return pdf_tekst(bytes(services.uitnodiging_versturen(gesprek=gesprek, door=consulent).pdf))


def test_uitnodiging_binnen_de_planperiode_noemt_de_datum(team, consulent):
    # Wmo 2015 art. 2.3.2 lid 2: a persoonlijk plan within 7 days after the melding (here 27 February).
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    tekst = _uitnodiging_op(date(2026, 2, 23), melding, consulent)
    assert "U mag het sturen tot en met 27 februari 2026, of meegeven bij het gesprek" in tekst


def test_uitnodiging_na_de_planperiode_biedt_geen_verstreken_datum_aan(team, consulent):
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    tekst = _uitnodiging_op(date(2026, 3, 2), melding, consulent)
    assert "U mag het sturen tot" not in tekst
    assert "U had daarvoor tot en met 27 februari 2026. Die dag is voorbij" in tekst
    assert "wij ontvangen uw plan nog steeds graag" in tekst


def test_uitnodiging_zegt_niet_dat_elke_voorziening_een_bijdrage_heeft(team, consulent):
    # Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4: no bijdrage for some, e.g. a rolstoel.
    melding = MeldingFactory(team=team, consulent=consulent, ontvangen_op=on_day(date(2026, 2, 20)))
    tekst = _uitnodiging_op(date(2026, 2, 23), melding, consulent)
    assert "de meeste voorzieningen" not in tekst
    assert "Voor sommige niet, bijvoorbeeld een rolstoel" in tekst


def _verslag(melding, consulent, catalogus):
    onderzoek = services.onderzoek_openen(melding=melding, door=consulent)
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    return pdf_tekst(bytes(services.verslag_versturen(onderzoek=onderzoek, door=consulent).brief.pdf))


def test_hulpvraag_van_de_inwoner_heet_uw_woorden(team, consulent, catalogus):
    melding = MeldingFactory(team=team, consulent=consulent, hulpvraag="Ik kom de trap niet meer op.")
    tekst = _verslag(melding, consulent, catalogus)
    assert "Uw woorden".upper() in tekst.upper() and "Ik kom de trap niet meer op." in tekst
    assert "meldde" not in tekst


def test_hulpvraag_van_een_ander_heet_naar_wie_het_meldde(team, consulent, catalogus):
    melding = MeldingFactory(
        team=team,
        consulent=consulent,
        melder_is_inwoner=False,
        melder_naam="Anja de Vries",
        melder_relatie=MelderRelatie.KIND,
        toestemming_inwoner=True,
        hulpvraag="Mijn moeder komt de trap niet meer op.",
    )
    tekst = _verslag(melding, consulent, catalogus)
    assert "Wat Anja de Vries, kind, meldde".upper() in tekst.upper()
    assert "Uw woorden".upper() not in tekst.upper()
    assert "of wat Anja de Vries over u meldde" in tekst


def test_uitnodiging_noemt_wie_de_melding_deed(team, consulent):
    melding = MeldingFactory(
        team=team,
        consulent=consulent,
        ontvangen_op=on_day(date(2026, 2, 20)),
        melder_is_inwoner=False,
        melder_naam="Anja de Vries",
        melder_relatie=MelderRelatie.KIND,
        toestemming_inwoner=True,
    )
    tekst = _uitnodiging_op(date(2026, 2, 23), melding, consulent)
    assert "Anja de Vries (kind) heeft ons namens u laten weten dat u hulp nodig heeft" in tekst
    assert "U heeft ons laten weten" not in tekst
