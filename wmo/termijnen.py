"""Statutory clocks of Wmo 2015 intake: pure date arithmetic, no database, no Django.

The process and the law, in plain words
----------------------------------------
An inwoner (or someone on their behalf) reports a need for support: the **melding**.
From the day after the melding is received two clocks run (Wmo 2015 art. 2.3.2):

* the inwoner may hand in a **persoonlijk plan** within 7 days (art. 2.3.2 lid 2);
* the gemeente must finish the **onderzoek** within 6 weeks (art. 2.3.2 lid 1).

After the onderzoek (or after six weeks without one) the inwoner files the **aanvraag**
for a maatwerkvoorziening. The college must decide within 2 weeks after receiving it
(Wmo 2015 art. 2.3.5 lid 1; Awb 4:13 makes such a statutory term binding). That
**beslistermijn** stands still while it is suspended under Awb 4:15: for instance from
the day after the gemeente asks for missing information with a set term until the
information arrives or that term lapses, or during a postponement the aanvrager agreed
to. A notice under Awb 4:14 ("we cannot decide in time, expect a decision by ...") does
not move the statutory deadline; it is not modelled here.

When the college decides too late, the aanvrager may send a written
**ingebrekestelling**; two weeks later the college starts to owe a **dwangsom** per day,
in rising daily amounts, for at most 42 days (Awb 4:17). That rule is wmo.regels.dwangsom;
which days a suspension stops the clock is wmo.regels.opschorting.

Against the beschikking the inwoner may file **bezwaar** within 6 weeks, counted from
the day after the beschikking was bekendgemaakt (Awb 6:7, 6:8).

Counting
--------
"N days/weeks after day D" ends on D + N days (D + 7N for weeks); day D itself does not
count. The **Algemene termijnenwet** (Atw) then applies to every term set by statute:

* art. 1: a term ending on a Saturday, Sunday or algemeen erkende feestdag is extended
  through the next day that is none of those;
* art. 2: a term of at least three days is extended, if needed, until it contains at
  least two such days (werkdagen);
* art. 3: the feestdagen (lid 1 and 2, computed here) plus the days equated to them by
  Royal Decree (lid 3, kept in the database by the functioneel beheerder and passed in
  as ``extra``).

Every function takes ``extra``: a collection of dates equated to feestdagen.
"""

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from functools import cache

from wmo.regels import opschorting

DAG = timedelta(days=1)
# The dates the engine computes with. The feestdagen are valid for 1900..2200 (``pasen``) and
# no term of the Wmo or the Awb is longer than a few months, so a date outside this range is a
# typo (31-12-9999) that must be refused with a message, not an OverflowError at ``date.max``.
EERSTE_DATUM = date(1900, 1, 1)
LAATSTE_DATUM = date(2199, 12, 31)
PERSOONLIJK_PLAN_TERMIJN = timedelta(days=7)  # Wmo 2015 art. 2.3.2 lid 2
ONDERZOEK_TERMIJN = timedelta(weeks=6)  # Wmo 2015 art. 2.3.2 lid 1
BESLISTERMIJN_DAGEN = 14  # Wmo 2015 art. 2.3.5 lid 1: two weeks
BEZWAAR_TERMIJN = timedelta(weeks=6)  # Awb 6:7


class TermijnBuitenBereik(ValueError):
    """A date outside EERSTE_DATUM..LAATSTE_DATUM reached the engine; the message is for the user.

    Forms refuse such dates first (wmo.validators.DatumBereik); this is the engine's own guard,
    raised before any arithmetic, and wmo.actions shows it like a service's refusal.
    """

    def __init__(self, d: date):
        super().__init__(
            f"Met de datum {d.day}-{d.month}-{d.year} kan geen termijn worden berekend. "
            f"Vul een datum in tussen {EERSTE_DATUM.year} en {LAATSTE_DATUM.year}."
        )
        self.datum = d


def _check_range(*dagen: date | None) -> None:
    for d in dagen:
        if d is not None and not EERSTE_DATUM <= d <= LAATSTE_DATUM:
            raise TermijnBuitenBereik(d)


# --- Atw calendar -------------------------------------------------------------------


def pasen(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).

    Needed for the movable feestdagen of Atw art. 3. Valid for every Gregorian year;
    tested for 1900..2200.
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _koningsdag(year: int) -> tuple[date, str]:
    """The day the King's (Queen's) birthday is celebrated (Atw art. 3 lid 1).

    From 2014 Koningsdag: 27 April, or 26 April when the 27th is a Sunday. Before 2014
    Koninginnedag: 30 April, or 29 April when the 30th is a Sunday. That earlier rule is
    the one of 1980..2013; years before 1980 (other dates and Sunday rules, and the Atw
    itself only from 1 April 1965) are not modelled historically.
    """
    if year >= 2014:
        d = date(year, 4, 27)
        return (d - DAG if d.weekday() == 6 else d), "Koningsdag"
    d = date(year, 4, 30)
    return (d - DAG if d.weekday() == 6 else d), "Koninginnedag"


@cache
def _feestdagen(year: int) -> tuple[tuple[date, str], ...]:
    p = pasen(year)
    dagen = [
        (date(year, 1, 1), "Nieuwjaarsdag"),
        (p - 2 * DAG, "Goede Vrijdag"),  # art. 3 lid 2
        (p + DAG, "tweede Paasdag"),
        _koningsdag(year),
        (date(year, 5, 5), "Bevrijdingsdag"),  # "de vijfde mei": every year
        (p + 39 * DAG, "Hemelvaartsdag"),
        (p + 50 * DAG, "tweede Pinksterdag"),
        (date(year, 12, 25), "eerste Kerstdag"),
        (date(year, 12, 26), "tweede Kerstdag"),
    ]
    namen: dict[date, str] = {}
    for d, naam in sorted(dagen):
        # Hemelvaartsdag can fall on 5 May (2005, 2016, ...): keep both names.
        namen[d] = f"{namen[d]} en {naam}" if d in namen else naam
    return tuple(namen.items())


@cache
def _feestdag_datums(year: int) -> frozenset[date]:
    return frozenset(d for d, _ in _feestdagen(year))


def atw_feestdagen(year: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of Atw art. 3 lid 1 and 2 for a year, with names.

    Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede Paasdag, Koningsdag (Koninginnedag
    before 2014), Bevrijdingsdag (5 May, every year), Hemelvaartsdag, tweede
    Pinksterdag, eerste and tweede Kerstdag. Days equated by Royal Decree (lid 3) are
    not included: pass them as ``extra``. The ``holidays`` package is deliberately not
    used: its NL calendar is not the Atw calendar.
    """
    return dict(_feestdagen(year))


def is_werkdag(d: date, extra: Collection[date] = ()) -> bool:
    """False for a Saturday, Sunday, Atw feestdag (art. 3 lid 1-2) or day in ``extra``
    (equated by Royal Decree, art. 3 lid 3); True otherwise."""
    return d.weekday() < 5 and d not in _feestdag_datums(d.year) and d not in extra


def werkdagen_in_termijn(start: date, end: date, extra: Collection[date] = ()) -> int:
    """The number of werkdagen from the day after ``start`` through ``end`` (Atw art. 2)."""
    return sum(is_werkdag(start + n * DAG, extra) for n in range(1, (end - start).days + 1))


def werkdagen_verder(start: date, n: int, extra: Collection[date] = ()) -> date:
    """The date n werkdagen after start (used for the "let op" signal on lists)."""
    d = start
    while n > 0:
        d += DAG
        if is_werkdag(d, extra):
            n -= 1
    return d


def atw_verlengen(start: date, end: date, extra: Collection[date] = ()) -> date:
    """Extend a statutory term under Algemene termijnenwet art. 1 and 2.

    The term runs from the day after ``start`` (day D, which does not count) through
    ``end``. Art. 1: an end on a Saturday, Sunday or feestdag moves to the next werkdag.
    Art. 2: a term of at least three days (measured before any extension) is extended
    until it holds at least two werkdagen. Both are applied together: the result is the
    first day on or after ``end`` that is a werkdag and, for art. 2 terms, closes a term
    with two werkdagen. Example: Thursday 2 April 2026 + 3 days = Easter Sunday; art. 1
    gives Tuesday 7 April, which holds one werkdag; art. 2 then gives Wednesday 8 April.
    """
    _check_range(start, end)
    if end < start:
        raise ValueError("Een termijn kan niet eindigen vóór de dag waarop hij begint.")
    extra = frozenset(extra)
    art_2 = (end - start).days >= 3
    werkdagen = werkdagen_in_termijn(start, end, extra)
    while not is_werkdag(end, extra) or (art_2 and werkdagen < 2):
        end += DAG
        if is_werkdag(end, extra):
            werkdagen += 1
    return end


# --- Wmo 2015 and Awb clocks --------------------------------------------------------


def persoonlijk_plan_deadline(ontvangen: date, extra: Collection[date] = ()) -> date:
    """Last day to hand in a persoonlijk plan: 7 days after the melding was received
    (Wmo 2015 art. 2.3.2 lid 2), then Atw art. 1 and 2."""
    _check_range(ontvangen)
    return atw_verlengen(ontvangen, ontvangen + PERSOONLIJK_PLAN_TERMIJN, extra)


def onderzoek_deadline(ontvangen: date, extra: Collection[date] = ()) -> date:
    """Last day of the onderzoek: 6 weeks after the melding was received
    (Wmo 2015 art. 2.3.2 lid 1), then Atw art. 1 and 2."""
    _check_range(ontvangen)
    return atw_verlengen(ontvangen, ontvangen + ONDERZOEK_TERMIJN, extra)


def beslis_deadline(
    ontvangen: date,
    opschortingen: Iterable[tuple[date, date | None]] = (),
    extra: Collection[date] = (),
) -> date | None:
    """Last day to decide on an aanvraag: 2 weeks after it was received
    (Wmo 2015 art. 2.3.5 lid 1; Awb 4:13), extended by suspensions (Awb 4:15), then Atw.

    A suspension is (first day the clock stands still, first day it runs again). The
    deadline is the 14th running day after ``ontvangen`` (wmo.regels.opschorting.lopende_dag:
    walk day by day, skipping suspended days). Overlapping suspensions therefore count
    once, and suspension days after that raw end count not at all. The raw end then gets
    Atw art. 1 and 2 (the werkdagen of art. 2 are counted over the calendar days from the
    day after ``ontvangen``; with 14 running days this never matters in practice).

    Returns None while a suspension without an end is reached before the raw end: the
    clock stands still and no deadline can be given. Raises ValueError when a
    suspension does not end after it starts, TermijnBuitenBereik for a date outside
    EERSTE_DATUM..LAATSTE_DATUM.
    """
    opschortingen = list(opschortingen)
    _check_range(ontvangen, *(d for interval in opschortingen for d in interval))
    laatste = opschorting.lopende_dag(ontvangen, BESLISTERMIJN_DAGEN, opschortingen)
    return None if laatste is None else atw_verlengen(ontvangen, laatste, extra)


def bezwaar_deadline(bekendgemaakt: date, extra: Collection[date] = ()) -> date:
    """Last day to file bezwaar: 6 weeks (Awb 6:7) from the day after the beschikking
    was bekendgemaakt (Awb 6:8 lid 1), then Atw art. 1 and 2. The grace for a
    bezwaarschrift posted in time (Awb 6:9 lid 2) and excusable lateness (Awb 6:11)
    are for the person judging the bezwaar, not for this clock."""
    _check_range(bekendgemaakt)
    return atw_verlengen(bekendgemaakt, bekendgemaakt + BEZWAAR_TERMIJN, extra)
