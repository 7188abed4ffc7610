"""The letter naming the new contact states who reported and who the contact is, truthfully."""

import pytest

from meldingen.constants import MelderRelatie
from meldingen.services import nieuwe_contactpersoon_versturen
from tests.factories import MeldingFactory
from tests.pdf import pdf_tekst

pytestmark = pytest.mark.django_db


def test_melder_en_contactpersoon(team, consulent):
    melding = MeldingFactory(
        team=team,
        consulent=consulent,
        melder_is_inwoner=False,
        melder_naam="Dr. Jansen",
        melder_relatie=MelderRelatie.HUISARTS,
        toestemming_inwoner=True,
    )
    tekst = pdf_tekst(bytes(nieuwe_contactpersoon_versturen(melding=melding, door=consulent).pdf))
    assert "heeft Dr. Jansen (huisarts) ons laten weten dat u hulp nodig heeft" in tekst
    assert "heeft u ons laten weten" not in tekst
    assert f"Uw nieuwe contactpersoon is {consulent}" in tekst


def test_zonder_consulent_noemt_de_brief_het_team(team, consulent):
    melding = MeldingFactory(team=team)
    tekst = pdf_tekst(bytes(nieuwe_contactpersoon_versturen(melding=melding, door=consulent).pdf))
    assert "heeft u ons laten weten" in tekst
    assert f"Uw vraag ligt nu bij {team.naam}" in tekst and "None" not in tekst
