"""wmo.regels.spoed: a voorlopige voorziening before the onderzoek is done (Wmo 2015 art. 2.3.3).

Pure functions: one test per branch, each with the case the rule refuses."""

from datetime import date

import pytest

from wmo.regels import spoed


@pytest.mark.parametrize(
    ("spoed_melding", "reden", "ontbreekt"),
    [
        (True, "Ontslag uit het ziekenhuis morgen.", False),
        (True, "", True),  # spoed without a reason: refused
        (True, "  \n ", True),  # only whitespace is no reason
        (False, "", False),  # no spoed: no reason needed
    ],
)
def test_een_spoedmelding_zegt_waarom(spoed_melding, reden, ontbreekt):
    assert spoed.reden_ontbreekt(spoed=spoed_melding, reden=reden) is ontbreekt


@pytest.mark.parametrize(
    ("spoed_aanvraag", "melding_spoed", "toegestaan"),
    [
        (True, True, True),
        (True, False, False),  # a spoed aanvraag on an ordinary melding: refused
        (False, False, True),
        (False, True, True),  # a regular aanvraag on a spoed melding is fine
    ],
)
def test_spoedaanvraag_alleen_bij_een_spoedmelding(spoed_aanvraag, melding_spoed, toegestaan):
    assert spoed.aanvraag_toegestaan(spoed_aanvraag=spoed_aanvraag, melding_spoed=melding_spoed) is toegestaan


@pytest.mark.parametrize(
    ("spoed_aanvraag", "toegekend", "voorlopig", "ontbreekt"),
    [
        (True, True, True, False),
        (True, True, False, True),  # granted on spoed but not voorlopig: refused
        (True, False, False, False),  # a refusal is no voorziening at all
        (False, True, False, False),  # a regular aanvraag: not this rule's business
    ],
)
def test_toekenning_bij_spoed_is_voorlopig(spoed_aanvraag, toegekend, voorlopig, ontbreekt):
    assert (
        spoed.besluit_voorlopig_ontbreekt(
            spoed_aanvraag=spoed_aanvraag, toegekend=toegekend, voorlopig=voorlopig
        )
        is ontbreekt
    )


@pytest.mark.parametrize(
    ("voorlopig", "einddatum", "ontbreekt"),
    [
        (True, date(2026, 6, 1), False),
        (True, None, True),  # temporary without an end: refused
        (False, None, False),  # a regular voorziening may run indefinitely
    ],
)
def test_voorlopige_voorziening_heeft_een_einddatum(voorlopig, einddatum, ontbreekt):
    assert spoed.einddatum_ontbreekt(voorlopig=voorlopig, einddatum=einddatum) is ontbreekt


def test_na_een_spoedaanvraag_gaat_het_onderzoek_door():
    assert spoed.onderzoek_gaat_door(spoed_aanvraag=True) is True
    assert spoed.onderzoek_gaat_door(spoed_aanvraag=False) is False
