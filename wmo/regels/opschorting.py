"""Opschorting van de beslistermijn (Awb 4:15), written once.

The rule in plain words
-----------------------
The beslistermijn stands still while it is suspended: from the day after the gemeente asks
for missing information with a set term (Awb 4:5) until the information arrives or that
term lapses, whichever comes first (Awb 4:15 lid 1 onder a), or during a postponement the
aanvrager agreed to, a delay that is the aanvrager's doing, or overmacht (lid 2). Without a
set term a request for information suspends nothing.

Keukentafel stores a suspension as the first day the clock stands still
(``eerste_dag_stil``) and the first day it runs again (``eerste_dag_weer``, empty while
open), plus the set term (``termijn_tot``) for a request for information. The engine
(wmo.termijnen.beslis_deadline) counts intervals (first day still, first day running
again or None): ``interval`` turns the one into the other, and ``lopende_dag`` is the
counting itself ("the 14th running day").

Who applies it
--------------
- aanvragen.models.Opschorting: ``uiterste_dag_weer`` and ``interval`` (properties), and
  its ``clean()`` with ``begint_na_ontvangst``, ``einde_na_begin``, ``einde_binnen_termijn``;
- aanvragen.services: the intervals for the stored beslis_deadline, ``begint_na_verzoek``
  and ``verlengt_nog`` when suspending, ``dagen_stil`` for the letter when the clock runs again;
- aanvragen.forms.OpschortenForm: ``begint_na_verzoek`` and ``eerste_dag_na_verzoek``, so the
  consulent sees the message next to the field;
- wmo.termijnen.beslis_deadline: ``lopende_dag``; ``manage.py termijn``: ``einde_na_begin``.

There is no SQL twin: lists read the stored beslis_deadline (empty while the clock stands
still without a known end). Everything here is pure: dates in, dates or answers out.
"""

from collections.abc import Iterable
from datetime import date, timedelta

DAG = timedelta(days=1)

# (first day the clock stands still, first day it runs again, or None while that is unknown)
Interval = tuple[date, date | None]


def uiterste_dag_weer(*, aanvulling_gevraagd: bool, termijn_tot: date | None) -> date | None:
    """For a request for information with a set term: the day after that term, when the
    clock runs again even without the information (Awb 4:15 lid 1 onder a). None for the
    other reasons (lid 2), which end only when the end is recorded."""
    if aanvulling_gevraagd and termijn_tot:
        return termijn_tot + DAG
    return None


def interval(eerste_dag_stil: date, eerste_dag_weer: date | None, uiterste_dag_weer: date | None) -> Interval:
    """A stored suspension as the engine counts it: (first day still, first day running again).

    Awb 4:15 lid 1 onder a: a request for information with a set term suspends the clock
    until the information arrives or the term lapses, whichever comes first. So the clock
    runs again at the latest on ``uiterste_dag_weer``, also while the suspension is still
    open. Other reasons (lid 2) without a recorded end give (start, None): the clock stands
    still and there is no deadline.
    """
    einde = eerste_dag_weer
    if uiterste_dag_weer is not None:
        einde = uiterste_dag_weer if einde is None else min(einde, uiterste_dag_weer)
    return eerste_dag_stil, einde


def begint_na_ontvangst(eerste_dag_stil: date, ontvangen_op: date) -> bool:
    """Whether a suspension can start on ``eerste_dag_stil``: the beslistermijn runs from the
    day after the aanvraag was received (Wmo 2015 art. 2.3.5 lid 1), so nothing can stand
    still before that day."""
    return eerste_dag_stil > ontvangen_op


def eerste_dag_na_verzoek(verzocht_op: date) -> date:
    """The first day a request for information made on ``verzocht_op`` suspends: the day
    after it ("met ingang van de dag na die waarop de aanvrager is uitgenodigd de aanvraag
    aan te vullen", Awb 4:15 lid 1 onder a)."""
    return verzocht_op + DAG


def begint_na_verzoek(eerste_dag_stil: date, verzocht_op: date) -> bool:
    """Whether a suspension for a request for information made on ``verzocht_op`` may start
    on ``eerste_dag_stil`` (Awb 4:15 lid 1 onder a): no earlier than the day after the request.
    A request dated 2 December cannot suspend from 30 November, nor from 2 December itself.

    Choice, as the Awb is silent on it: a *later* first day is accepted. It only shortens the
    suspension, so the beslistermijn can only end earlier, never later, to the inwoner's
    benefit; it never moves the deadline wrongly against the inwoner. The request is the
    letter "verzoek om aanvulling", which the service sends and dates the same day.
    """
    return eerste_dag_stil >= eerste_dag_na_verzoek(verzocht_op)


def verlengt_nog(eerste_dag_stil: date, beslis_deadline: date | None) -> bool:
    """Whether a suspension starting on ``eerste_dag_stil`` still extends the beslistermijn
    (Awb 4:15): not when it starts after the last day, since a term that has passed cannot
    stand still (the engine ignores suspended days after the raw end too)."""
    return beslis_deadline is None or eerste_dag_stil <= beslis_deadline


def einde_na_begin(eerste_dag_stil: date, eerste_dag_weer: date) -> bool:
    """A valid end: the first day the clock runs again lies after the first day it stood
    still (a suspension of at least one day)."""
    return eerste_dag_weer > eerste_dag_stil


def einde_binnen_termijn(eerste_dag_weer: date, uiterste_dag_weer: date | None) -> bool:
    """A valid end of a request for information: at the latest the day after the set term,
    also when the information came later (Awb 4:15 lid 1 onder a). Any end for the other
    reasons (``uiterste_dag_weer`` is None)."""
    return uiterste_dag_weer is None or eerste_dag_weer <= uiterste_dag_weer


def dagen_stil(eerste_dag_stil: date, eerste_dag_weer: date) -> int:
    """How many days the clock stood still: from ``eerste_dag_stil`` up to, not including,
    ``eerste_dag_weer``."""
    return (eerste_dag_weer - eerste_dag_stil).days


def lopende_dag(start: date, n: int, opschortingen: Iterable[Interval] = ()) -> date | None:
    """The n-th day after ``start`` on which the clock runs (Awb 4:15): walk day by day
    from the day after ``start``, skipping suspended days.

    Overlapping suspensions therefore count once, and suspended days after that n-th day
    count not at all. Returns None while a suspension without an end is reached first:
    the clock stands still and no day can be given. Raises ValueError when a suspension
    does not end after it starts (``einde_na_begin``).
    """
    gesloten: list[tuple[date, date]] = []
    open_vanaf: date | None = None
    for begin, einde in opschortingen:
        if einde is None:
            open_vanaf = begin if open_vanaf is None else min(open_vanaf, begin)
        elif not einde_na_begin(begin, einde):
            raise ValueError(
                f"Een opschorting moet eindigen na de dag waarop zij begint "
                f"(begin {begin:%d-%m-%Y}, einde {einde:%d-%m-%Y})."
            )
        else:
            gesloten.append((begin, einde))
    dag, gelopen = start, 0
    while gelopen < n:
        dag += DAG
        if open_vanaf is not None and dag >= open_vanaf:
            return None
        if not any(begin <= dag < einde for begin, einde in gesloten):
            gelopen += 1
    return dag
