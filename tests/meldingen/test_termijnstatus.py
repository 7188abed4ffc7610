"""Deadline state on lists, derived in SQL from the stored columns."""

from datetime import date, timedelta

import pytest

from meldingen.models import Melding
from tests.factories import MeldingFactory, on_day
from wmo.termijnen import werkdagen_verder
from wmo.termijnstatus import termijnstatus_case

pytestmark = pytest.mark.django_db


def test_werkdagen_verder_slaat_weekend_en_feestdagen_over():
    assert werkdagen_verder(date(2026, 4, 2), 1) == date(2026, 4, 7)  # Goede Vrijdag, weekend, 2e Paasdag
    assert werkdagen_verder(date(2026, 11, 20), 5) == date(2026, 11, 27)


def test_status_per_situatie(settings):
    settings.TERMIJN_LET_OP_WERKDAGEN = 5
    vandaag = date(2026, 11, 25)
    # Onderzoek deadlines: melding 20 Feb -> 7 Apr 2026 (verlopen on 25 Nov if still open).
    verlopen = MeldingFactory(ontvangen_op=on_day(date(2026, 2, 20)))
    # Melding 20 Oct -> deadline 1 Dec: 4 working days after 25 Nov -> let op.
    let_op = MeldingFactory(ontvangen_op=on_day(date(2026, 10, 20)))
    op_schema = MeldingFactory(ontvangen_op=on_day(date(2026, 11, 20)))
    gehaald = MeldingFactory(ontvangen_op=on_day(date(2026, 2, 20)))
    te_laat = MeldingFactory(ontvangen_op=on_day(date(2026, 2, 20)))
    Melding.objects.filter(pk=gehaald.pk).update(onderzoek_afgerond_op=date(2026, 4, 7))
    Melding.objects.filter(pk=te_laat.pk).update(onderzoek_afgerond_op=date(2026, 4, 8))
    status = dict(
        Melding.objects.annotate(
            s=termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op", vandaag)
        ).values_list("pk", "s")
    )
    assert status == {
        verlopen.pk: "verlopen",
        let_op.pk: "let_op",
        op_schema.pk: "op_schema",
        gehaald.pk: "gehaald",
        te_laat.pk: "te_laat_gehaald",
    }


def test_verslag_versturen_stopt_de_klok(consulent):
    from meldingen.services import melding_status_zetten

    melding = MeldingFactory(in_onderzoek=True)
    assert melding.onderzoek_afgerond_op is None
    melding = melding_status_zetten(
        melding=melding, door=consulent, naar="verslag_verstuurd", reden="Verslag verstuurd"
    )
    assert melding.onderzoek_afgerond_op is not None
    assert Melding.objects.voor_lijst().get(pk=melding.pk).termijnstatus == "gehaald"


@pytest.mark.parametrize("let_op_werkdagen", [1, 5, 20])
def test_de_voorwaarden_per_staat_kiezen_dezelfde_rijen_als_de_case(let_op_werkdagen, consulent):
    """Both are made from one definition of the states (wmo.termijnstatus._voorwaarden): for every
    deadline from two days before to past the "let op" boundary, none (opgeschort: the
    beslistermijn, whose column may be empty), and decided before, on and after the deadline,
    exactly one state's conditions hold, and it is the state the CASE gives (the states exclude
    each other and leave no gap); at a Friday before Christmas, so the boundary crosses a weekend
    and holidays. What each state means is held by test_status_per_situatie. The columns are set
    directly: this tests the SQL, not how a deadline comes about."""
    from aanvragen.constants import Grondslag
    from aanvragen.models import Aanvraag
    from aanvragen.services import aanvraag_registreren
    from wmo.termijnstatus import TERMIJNSTATUS_LABELS, termijnstatus_q

    vandaag = date(2026, 12, 18)
    melding = MeldingFactory(in_onderzoek=True, consulent=consulent, team=consulent.team)
    melding.gemeente.let_op_werkdagen = let_op_werkdagen
    melding.gemeente.save()
    aanvraag = aanvraag_registreren(
        melding=melding,
        ontvangen_op=melding.ontvangen_op.date(),
        grondslag=Grondslag.NA_ONDERZOEK,
        door=consulent,
    )
    grens = werkdagen_verder(vandaag, let_op_werkdagen)
    deadlines = sorted(
        {vandaag + timedelta(days=d) for d in range(-2, 3)}
        | {grens - timedelta(days=1), grens, grens + timedelta(days=1)}
    )
    rij = Aanvraag.objects.filter(pk=aanvraag.pk)
    gezien = set()
    for deadline in [None, *deadlines]:
        besluiten = (
            [] if deadline is None else [deadline - timedelta(days=1), deadline, deadline + timedelta(days=1)]
        )
        for besloten in [None, *besluiten]:
            rij.update(beslis_deadline=deadline, besloten_op=besloten)
            case = (
                rij.annotate(s=termijnstatus_case("beslis_deadline", "besloten_op", vandaag))
                .values_list("s", flat=True)
                .get()
            )
            volgens_q = [
                staat
                for staat in TERMIJNSTATUS_LABELS
                if rij.filter(termijnstatus_q("beslis_deadline", "besloten_op", staat, vandaag)).exists()
            ]
            assert volgens_q == [case], (deadline, besloten)
            gezien.add(case)
    assert gezien == set(TERMIJNSTATUS_LABELS)
