"""wmo.regels.opschorting: the beslistermijn stands still (Awb 4:15).

Pure functions: one test per branch, each with the case the rule refuses. The engine's
properties over many suspensions are in test_termijnen.py (beslis_deadline)."""

from datetime import date, timedelta

import pytest

from wmo.regels import opschorting

D = date
DAG = timedelta(days=1)


@pytest.mark.parametrize(
    ("aanvulling", "termijn_tot", "verwacht"),
    [
        (True, D(2026, 5, 1), D(2026, 5, 2)),  # lid 1 onder a: the day after the set term
        (True, None, None),  # no term: nothing to run again from (and no suspension, see the model)
        (False, None, None),  # lid 2: ends only when the end is recorded
        (False, D(2026, 5, 1), None),  # a term belongs only to a request for information
    ],
)
def test_uiterste_dag_weer(aanvulling, termijn_tot, verwacht):
    assert opschorting.uiterste_dag_weer(aanvulling_gevraagd=aanvulling, termijn_tot=termijn_tot) == verwacht


@pytest.mark.parametrize(
    ("weer", "uiterste", "verwacht"),
    [
        (D(2026, 4, 28), None, (D(2026, 4, 23), D(2026, 4, 28))),  # ended: as recorded
        (None, None, (D(2026, 4, 23), None)),  # open, no term: the clock stands still
        (None, D(2026, 5, 2), (D(2026, 4, 23), D(2026, 5, 2))),  # open with a term: runs again after it
        (D(2026, 4, 28), D(2026, 5, 2), (D(2026, 4, 23), D(2026, 4, 28))),  # information came early
        (D(2026, 5, 5), D(2026, 5, 2), (D(2026, 4, 23), D(2026, 5, 2))),  # came late: the term wins
    ],
)
def test_interval_dat_de_motor_telt(weer, uiterste, verwacht):
    assert opschorting.interval(D(2026, 4, 23), weer, uiterste) == verwacht


@pytest.mark.parametrize(
    ("stil", "geldig"),
    [(D(2026, 4, 22), True), (D(2026, 4, 21), False), (D(2026, 4, 20), False)],
)
def test_begint_na_ontvangst(stil, geldig):
    # Received 21 April: the clock runs from 22 April, so nothing stands still before.
    assert opschorting.begint_na_ontvangst(stil, D(2026, 4, 21)) is geldig


def test_eerste_dag_na_verzoek():
    # Awb 4:15 lid 1 onder a: "met ingang van de dag na die waarop de aanvrager is uitgenodigd"
    assert opschorting.eerste_dag_na_verzoek(D(2026, 12, 2)) == D(2026, 12, 3)
    assert opschorting.eerste_dag_na_verzoek(D(2026, 12, 31)) == D(2027, 1, 1)


@pytest.mark.parametrize(
    ("stil", "geldig"),
    [
        (D(2026, 11, 30), False),  # the case: a request of 2 December cannot suspend from 30 November
        (D(2026, 12, 2), False),  # nor from the day of the request itself
        (D(2026, 12, 3), True),  # the day after the request
        (D(2026, 12, 7), True),  # later: chosen to accept, it only shortens the suspension
    ],
)
def test_begint_na_verzoek(stil, geldig):
    assert opschorting.begint_na_verzoek(stil, D(2026, 12, 2)) is geldig


@pytest.mark.parametrize(
    ("stil", "deadline", "verlengt"),
    [
        (D(2026, 5, 6), D(2026, 5, 6), True),  # on the last day: still extends
        (D(2026, 5, 7), D(2026, 5, 6), False),  # after the last day: refused
        (D(2026, 5, 7), None, True),  # no deadline known: nothing has passed
    ],
)
def test_verlengt_nog(stil, deadline, verlengt):
    assert opschorting.verlengt_nog(stil, deadline) is verlengt


@pytest.mark.parametrize(
    ("weer", "geldig"),
    [(D(2026, 4, 24), True), (D(2026, 4, 23), False), (D(2026, 4, 22), False)],
)
def test_einde_na_begin(weer, geldig):
    assert opschorting.einde_na_begin(D(2026, 4, 23), weer) is geldig


@pytest.mark.parametrize(
    ("weer", "uiterste", "geldig"),
    [
        (D(2026, 5, 2), D(2026, 5, 2), True),  # at the latest the day after the term
        (D(2026, 5, 3), D(2026, 5, 2), False),  # later: refused, the clock already ran
        (D(2026, 6, 1), None, True),  # other reasons: any end
    ],
)
def test_einde_binnen_termijn(weer, uiterste, geldig):
    assert opschorting.einde_binnen_termijn(weer, uiterste) is geldig


def test_dagen_stil():
    assert opschorting.dagen_stil(D(2026, 4, 23), D(2026, 4, 24)) == 1
    assert opschorting.dagen_stil(D(2026, 4, 23), D(2026, 5, 7)) == 14


# --- lopende_dag: the n-th running day ------------------------------------------------------


def test_zonder_opschorting_telt_elke_dag():
    assert opschorting.lopende_dag(D(2026, 4, 21), 14) == D(2026, 5, 5)


def test_opgeschorte_dagen_tellen_niet():
    # Still 23..29 April (7 days): the 14th running day moves 7 days.
    assert opschorting.lopende_dag(D(2026, 4, 21), 14, [(D(2026, 4, 23), D(2026, 4, 30))]) == D(2026, 5, 12)


def test_overlap_telt_eenmaal():
    enkel = [(D(2026, 4, 23), D(2026, 4, 30))]
    dubbel = [*enkel, (D(2026, 4, 25), D(2026, 4, 28))]
    assert opschorting.lopende_dag(D(2026, 4, 21), 14, dubbel) == opschorting.lopende_dag(
        D(2026, 4, 21), 14, enkel
    )


def test_na_de_laatste_dag_telt_niets():
    assert opschorting.lopende_dag(D(2026, 4, 21), 14, [(D(2026, 5, 6), D(2026, 5, 20))]) == D(2026, 5, 5)


def test_open_opschorting_geeft_geen_dag():
    assert opschorting.lopende_dag(D(2026, 4, 21), 14, [(D(2026, 4, 23), None)]) is None
    # an open suspension after the 14th day does not matter
    assert opschorting.lopende_dag(D(2026, 4, 21), 14, [(D(2026, 5, 6), None)]) == D(2026, 5, 5)


@pytest.mark.parametrize("weer", [D(2026, 4, 23), D(2026, 4, 22)])
def test_einde_voor_begin_is_een_fout(weer):
    with pytest.raises(ValueError, match="moet eindigen na"):
        opschorting.lopende_dag(D(2026, 4, 21), 14, [(D(2026, 4, 23), weer)])
