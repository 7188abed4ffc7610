"""Tests for wmo.termijnen: the statutory clocks (Wmo 2015, Awb, Algemene termijnenwet)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo.termijnen import (
    atw_feestdagen,
    atw_verlengen,
    beslis_deadline,
    bezwaar_deadline,
    is_werkdag,
    onderzoek_deadline,
    pasen,
    persoonlijk_plan_deadline,
    werkdagen_in_termijn,
)

D = date
DAG = timedelta(days=1)

# --- worked examples of the statutory clocks, each checked by hand against the calendar ------


def test_onderzoek_over_goede_vrijdag_en_pasen():
    # 20 Feb + 6 weeks = Goede Vrijdag 3 Apr; Sat, Sun, tweede Paasdag -> Tue 7 Apr.
    assert onderzoek_deadline(D(2026, 2, 20)) == D(2026, 4, 7)


def test_beslistermijn_eindigt_op_5_mei():
    assert beslis_deadline(D(2026, 4, 21)) == D(2026, 5, 6)


def test_beslistermijn_met_opschorting():
    # Stands still from 23 April, runs again from 30 April: 7 days -> Tue 12 May.
    assert beslis_deadline(D(2026, 4, 21), [(D(2026, 4, 23), D(2026, 4, 30))]) == D(2026, 5, 12)


def test_persoonlijk_plan_tussen_kerst_en_oud_en_nieuw():
    assert persoonlijk_plan_deadline(D(2026, 12, 24)) == D(2026, 12, 31)


def test_bezwaartermijn():
    assert bezwaar_deadline(D(2026, 5, 12)) == D(2026, 6, 23)


# --- Atw calendar --------------------------------------------------------------------


def test_feestdagen_2026():
    assert pasen(2026) == D(2026, 4, 5)
    assert atw_feestdagen(2026) == {
        D(2026, 1, 1): "Nieuwjaarsdag",
        D(2026, 4, 3): "Goede Vrijdag",
        D(2026, 4, 6): "tweede Paasdag",
        D(2026, 4, 27): "Koningsdag",
        D(2026, 5, 5): "Bevrijdingsdag",
        D(2026, 5, 14): "Hemelvaartsdag",
        D(2026, 5, 25): "tweede Pinksterdag",
        D(2026, 12, 25): "eerste Kerstdag",
        D(2026, 12, 26): "tweede Kerstdag",
    }


@pytest.mark.parametrize(
    ("year", "dag", "naam"),
    [
        (2025, D(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (2014, D(2014, 4, 26), "Koningsdag"),  # the first one, also moved
        (2026, D(2026, 4, 27), "Koningsdag"),
        (2013, D(2013, 4, 30), "Koninginnedag"),
        (2006, D(2006, 4, 29), "Koninginnedag"),  # 30 April 2006 is a Sunday
    ],
)
def test_koningsdag(year, dag, naam):
    assert atw_feestdagen(year)[dag] == naam
    assert not is_werkdag(dag)


def test_bevrijdingsdag_elk_jaar_en_samen_met_hemelvaart():
    assert atw_feestdagen(2023)[D(2023, 5, 5)] == "Bevrijdingsdag"  # not a lustrum year
    assert atw_feestdagen(2016)[D(2016, 5, 5)] == "Bevrijdingsdag en Hemelvaartsdag"


@pytest.mark.parametrize(
    "pasen_",
    [
        D(1900, 4, 15),
        D(1913, 3, 23),
        D(1943, 4, 25),
        D(2000, 4, 23),
        D(2008, 3, 23),
        D(2011, 4, 24),
        D(2019, 4, 21),
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2038, 4, 25),
        D(2200, 4, 6),
    ],
)
def test_pasen_bekende_jaren(pasen_):
    assert pasen(pasen_.year) == pasen_


@given(st.integers(1900, 2200))
def test_pasen_is_een_zondag_tussen_22_maart_en_25_april(year):
    p = pasen(year)
    assert p.weekday() == 6
    assert D(year, 3, 22) <= p <= D(year, 4, 25)


def test_is_werkdag():
    assert is_werkdag(D(2026, 5, 4))  # Monday
    assert not is_werkdag(D(2026, 5, 2))  # Saturday
    assert not is_werkdag(D(2026, 5, 3))  # Sunday
    assert not is_werkdag(D(2026, 5, 5))  # Bevrijdingsdag
    assert not is_werkdag(D(2026, 5, 15), extra={D(2026, 5, 15)})  # equated by decree


# --- Atw art. 1 and 2 ----------------------------------------------------------------


def test_art_1_en_2_samen():
    # Thu 2 Apr 2026 + 3 days = Easter Sunday. Art. 1: Mon is tweede Paasdag -> Tue 7;
    # the term then holds one werkdag (Tue), so art. 2 extends it to Wed 8 April.
    assert atw_verlengen(D(2026, 4, 2), D(2026, 4, 5)) == D(2026, 4, 8)


def test_art_2_zonder_art_1():
    # Seven days Mon 2 -> Mon 9 March; Tue..Fri equated by decree: one werkdag -> Tue 10.
    extra = {D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5), D(2026, 3, 6)}
    assert atw_verlengen(D(2026, 3, 2), D(2026, 3, 9), extra) == D(2026, 3, 10)


def test_art_2_niet_voor_termijn_korter_dan_drie_dagen():
    # Two days Thu 2 -> Sat 4 April 2026: art. 1 only -> Tue 7 (Mon is tweede Paasdag).
    assert atw_verlengen(D(2026, 4, 2), D(2026, 4, 4)) == D(2026, 4, 7)


def test_hemelvaart_op_7_mei_met_gelijkgestelde_dagen():
    # Hemelvaartsdag 7 May 2043; 4, 6 and 8 May equated: Sat 2 May -> Mon 11 May.
    extra = {D(2043, 5, 4), D(2043, 5, 6), D(2043, 5, 8)}
    assert atw_verlengen(D(2043, 4, 25), D(2043, 5, 2), extra) == D(2043, 5, 11)


def test_termijn_kan_niet_eindigen_voor_begin():
    with pytest.raises(ValueError):
        atw_verlengen(D(2026, 4, 2), D(2026, 4, 1))


# --- beslistermijn and opschorting (Awb 4:15) ----------------------------------------


@pytest.mark.parametrize(
    "opschortingen",
    [
        [(D(2026, 4, 23), D(2026, 4, 30)), (D(2026, 4, 25), D(2026, 4, 28))],  # inside
        [(D(2026, 4, 23), D(2026, 4, 27)), (D(2026, 4, 26), D(2026, 4, 30))],  # overlap
        [(D(2026, 4, 23), D(2026, 4, 26)), (D(2026, 4, 26), D(2026, 4, 30))],  # adjacent
    ],
)
def test_overlappende_opschortingen_tellen_eenmaal(opschortingen):
    assert beslis_deadline(D(2026, 4, 21), opschortingen) == D(2026, 5, 12)


def test_opschorting_na_het_einde_telt_niet():
    # Raw end is Tue 5 May (Bevrijdingsdag); a suspension from 6 May changes nothing.
    assert beslis_deadline(D(2026, 4, 21), [(D(2026, 5, 6), D(2026, 5, 20))]) == D(2026, 5, 6)


def test_open_opschorting_geeft_geen_deadline():
    assert beslis_deadline(D(2026, 4, 21), [(D(2026, 4, 23), None)]) is None
    # an open suspension that starts after the raw end does not stop the clock
    assert beslis_deadline(D(2026, 4, 21), [(D(2026, 5, 6), None)]) == D(2026, 5, 6)


@pytest.mark.parametrize("einde", [D(2026, 4, 23), D(2026, 4, 22)])
def test_opschorting_moet_na_begin_eindigen(einde):
    with pytest.raises(ValueError, match="opschorting"):
        beslis_deadline(D(2026, 4, 21), [(D(2026, 4, 23), einde)])


# --- properties ----------------------------------------------------------------------

datums = st.dates(min_value=D(1990, 1, 1), max_value=D(2150, 12, 31))


@st.composite
def start_en_extra(draw):
    """A day D and some days equated by decree in the weeks after it."""
    start = draw(datums)
    offsets = draw(st.lists(st.integers(1, 70), max_size=12))
    return start, frozenset(start + o * DAG for o in offsets)


@st.composite
def opschortingen(draw, start):
    """Closed suspensions (begin, einde) in the weeks after ``start``."""
    lijst = draw(st.lists(st.tuples(st.integers(1, 40), st.integers(1, 15)), max_size=4))
    return [(start + b * DAG, start + (b + n) * DAG) for b, n in lijst]


KLOKKEN = [
    pytest.param(persoonlijk_plan_deadline, 7, id="persoonlijk_plan"),
    pytest.param(onderzoek_deadline, 42, id="onderzoek"),
    pytest.param(lambda d, extra: beslis_deadline(d, (), extra), 14, id="beslis"),
    pytest.param(bezwaar_deadline, 42, id="bezwaar"),
]


@pytest.mark.parametrize(("klok", "dagen"), KLOKKEN)
@given(start_en_extra())
def test_deadline_valt_op_werkdag_en_na_gewoon_rekenen(klok, dagen, gegeven):
    start, extra = gegeven
    deadline = klok(start, extra)
    assert deadline.weekday() < 5
    assert deadline not in atw_feestdagen(deadline.year)
    assert deadline not in extra
    assert deadline >= start + dagen * DAG
    assert werkdagen_in_termijn(start, deadline, extra) >= 2  # art. 2


@pytest.mark.parametrize(("klok", "dagen"), KLOKKEN)
@given(start_en_extra(), st.data())
def test_meer_gelijkgestelde_dagen_nooit_eerder(klok, dagen, gegeven, data):
    start, extra = gegeven
    deel = frozenset(data.draw(st.sets(st.sampled_from(sorted(extra)))) if extra else ())
    assert klok(start, extra) >= klok(start, deel) >= klok(start, ())


@given(start_en_extra(), st.integers(0, 60))
def test_atw_verlengen_is_de_kleinste_geldige_einddatum(gegeven, lengte):
    start, extra = gegeven
    end = start + lengte * DAG
    result = atw_verlengen(start, end, extra)

    def geldig(dag):
        art_2 = lengte < 3 or werkdagen_in_termijn(start, dag, extra) >= 2
        return is_werkdag(dag, extra) and art_2

    assert result >= end
    assert geldig(result)
    assert not any(geldig(end + n * DAG) for n in range((result - end).days))


@given(start_en_extra())
def test_beslis_zonder_opschorting_is_twee_weken_plus_atw(gegeven):
    start, extra = gegeven
    assert beslis_deadline(start, (), extra) == atw_verlengen(start, start + 14 * DAG, extra)


@given(start_en_extra(), st.data())
def test_opschorting_maakt_de_beslistermijn_nooit_korter(gegeven, data):
    start, extra = gegeven
    eerder = data.draw(opschortingen(start))
    dag = start + data.draw(st.integers(1, 60)) * DAG
    later = [*eerder, (dag, dag + DAG)]  # one more suspended day
    zonder = beslis_deadline(start, (), extra)
    assert beslis_deadline(start, later, extra) >= beslis_deadline(start, eerder, extra) >= zonder


@given(start_en_extra(), st.data())
def test_beslistermijn_telt_veertien_lopende_dagen(gegeven, data):
    start, extra = gegeven
    lijst = data.draw(opschortingen(start))
    deadline = beslis_deadline(start, lijst, extra)
    stil = {b + n * DAG for b, e in lijst for n in range((e - b).days)}
    lopend = [d for d in (start + n * DAG for n in range(1, 120)) if d not in stil]
    assert deadline == atw_verlengen(start, lopend[13], extra)
