"""Dwangsom bij niet tijdig beslissen (Awb 4:17), written once.

The rule in plain words
-----------------------
When the college decides too late, the aanvrager may send a written **ingebrekestelling**.
An ingebrekestelling received before the beslistermijn has passed has no effect. Two weeks
after a valid one, while there is still no decision, the college owes a **dwangsom** for
every calendar day, in rising daily amounts, for at most 42 days (Awb 4:17 lid 1-3). The
amounts are set by law and change with it: they come from settings.DWANGSOM_BEDRAGEN,
read in one place, ``geldende_bedragen()``.

Who applies it
--------------
- aanvragen.services stores ``Aanvraag.dwangsom_vanaf = vanaf(beslis_deadline,
  ingebrekestelling_op)`` and refuses an ingebrekestelling without effect (``heeft_gevolg``);
- ``Aanvraag.dwangsom_bedrag`` and the aanvraag page: ``bedrag`` up to ``peildatum``;
- the teamleider's dashboard: the SQL twins ``peildatum_sql`` and ``bedrag_sql``, tested
  against ``peildatum`` and ``bedrag`` (tests/wmo/test_regels_dwangsom.py);
- the demo seed: ``eerste_dag``.

Everything here is pure: dates and amounts in, dates and cents (or an SQL expression) out.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import DateField, Expression, F, IntegerField, Value
from django.db.models.functions import Coalesce, Greatest, Least

from wmo.sql import DagenTussen

WACHTTIJD = timedelta(days=15)  # Awb 4:17 lid 3, see eerste_dag


@dataclass(frozen=True)
class DwangsomBedragen:
    """The daily amounts of Awb 4:17 lid 2 as (number of days, euro cents per day).

    The default is the law since 1 October 2009: the first 14 days EUR 23, the next 14
    days EUR 35, the remaining days EUR 45 per day. The sum of the days is the maximum
    (42 days, lid 1), so the maximum is EUR 1,442. The legislature changes these
    amounts by law, hence configurable.
    """

    per_dag: tuple[tuple[int, int], ...] = ((14, 2300), (14, 3500), (14, 4500))

    def __post_init__(self) -> None:
        if not self.per_dag or any(dagen <= 0 or cent < 0 for dagen, cent in self.per_dag):
            raise ValueError(
                "Dwangsombedragen: geef ten minste één periode op, elk met een positief "
                "aantal dagen en een bedrag van ten minste 0 cent."
            )

    @property
    def max_dagen(self) -> int:
        return sum(dagen for dagen, _ in self.per_dag)


HUIDIGE_DWANGSOM = DwangsomBedragen()


def geldende_bedragen() -> DwangsomBedragen:
    """The Awb 4:17 lid 2 amounts in force, from settings.DWANGSOM_BEDRAGEN (the law changes
    them). The one place the rule reads settings; everything else takes the amounts as a
    parameter."""
    return DwangsomBedragen(per_dag=tuple(tuple(p) for p in settings.DWANGSOM_BEDRAGEN))


# --- When the dwangsom starts (lid 3) --------------------------------------------------


def heeft_gevolg(beslis_deadline: date | None, ingebrekestelling_ontvangen: date) -> bool:
    """Whether an ingebrekestelling received on ``ingebrekestelling_ontvangen`` can make a
    dwangsom run (Awb 4:17 lid 3): only one received after the last day of the beslistermijn.

    One received on or before that day is premature and triggers nothing (settled case
    law; also the legislature's intent); the inwoner may send it again later. While the
    clock stands still without a known end (``beslis_deadline`` is None) the term has not
    passed, so nothing is triggered either.
    """
    return beslis_deadline is not None and ingebrekestelling_ontvangen > beslis_deadline


def eerste_dag(beslis_deadline: date, ingebrekestelling_ontvangen: date) -> date:
    """The first day over which the dwangsom is due (Awb 4:17 lid 3).

    Lid 3: the first day is "de dag waarop twee weken zijn verstreken na de dag waarop
    de termijn voor het geven van de beschikking is verstreken en het bestuursorgaan
    [...] een schriftelijke ingebrekestelling heeft ontvangen". Reading:

    * "the day on which a period has expired" is the first day after its last day, for
      both periods in the sentence: the beslistermijn has expired on the day after
      ``beslis_deadline``; two weeks after day X (X+1 .. X+14, X not counting) have
      expired on X+15.
    * X is the day on which both hold. An ingebrekestelling received on or before the
      last day of the beslistermijn is premature and triggers nothing (settled case
      law; also the legislature's intent; ``heeft_gevolg``): ValueError. So X is always
      the day the ingebrekestelling was received, and the first day is that day + 15. The
      college can still decide without a dwangsom through X+14 ("two weeks after receipt").
    * The Atw does not apply: lid 3 fixes a calendar day, it is not a term ending on a
      day within which someone must act (the beslistermijn was that term and already
      got its Atw extension), and the dwangsom days themselves run over weekends and
      feestdagen (lid 1 excludes the Atw from the 42 days). The contrary, a contrario
      reading (lid 1 excludes the Atw only from the 42 days, so it would govern the two
      weeks) exists; it would only matter when X+14 is not a werkdag.
    """
    if not heeft_gevolg(beslis_deadline, ingebrekestelling_ontvangen):
        raise ValueError(
            "De ingebrekestelling is ontvangen op of vóór de laatste dag van de "
            "beslistermijn en is daarom prematuur: er loopt geen dwangsom."
        )
    return ingebrekestelling_ontvangen + WACHTTIJD


def vanaf(beslis_deadline: date | None, ingebrekestelling_ontvangen: date | None) -> date | None:
    """The first dwangsom day to store (Awb 4:17 lid 3, see ``eerste_dag``), or None while no
    dwangsom can run: no ingebrekestelling, the clock stands still, or it was premature.

    Recomputed whenever the beslis_deadline changes: a suspension recorded later can make
    an ingebrekestelling premature after all.
    """
    if ingebrekestelling_ontvangen is None or not heeft_gevolg(beslis_deadline, ingebrekestelling_ontvangen):
        return None
    return eerste_dag(beslis_deadline, ingebrekestelling_ontvangen)


# --- How much (lid 1 and 2) ------------------------------------------------------------


def peildatum(besloten_op: date | None, vandaag: date) -> date:
    """The last day the dwangsom counts over (Awb 4:17 lid 1): the day the beschikking was
    bekendgemaakt (sent), or today while there is none. See ``bedrag`` for why it counts."""
    return besloten_op or vandaag


def dagen(eerste_dag: date, peildatum_of_besluit: date, bedragen: DwangsomBedragen = HUIDIGE_DWANGSOM) -> int:
    """The number of days the dwangsom is due (Awb 4:17 lid 1): from ``eerste_dag``
    through ``peildatum_of_besluit`` inclusive, capped at the maximum (42 days)."""
    aantal = (peildatum_of_besluit - eerste_dag).days + 1
    return min(max(aantal, 0), bedragen.max_dagen)


def bedrag(
    eerste_dag: date | None, peildatum_of_besluit: date, bedragen: DwangsomBedragen = HUIDIGE_DWANGSOM
) -> int:
    """The dwangsom in euro cents accrued from ``eerste_dag`` through
    ``peildatum_of_besluit`` (Awb 4:17 lid 1 and 2), at most 42 days; 0 when no dwangsom
    runs (``eerste_dag`` is None).

    Pass the day the beschikking was bekendgemaakt (sent), or today while none is
    (``peildatum``). That day counts (inclusive): the college is in gebreke on the day it
    decides until it decides, and lid 3 names ``eerste_dag`` a day over which the dwangsom
    is due, so a decision on that very day still costs one day. Every calendar day counts
    (lid 1: no Atw). Whether a dwangsom is due at all (lid 6: unreasonably late
    ingebrekestelling, no belanghebbende, aanvraag manifestly inadmissible or
    unfounded) and its split over several aanvragers (lid 7) are for the caller.
    """
    if eerste_dag is None:
        return 0
    over = dagen(eerste_dag, peildatum_of_besluit, bedragen)
    totaal = 0
    for periode, cent in bedragen.per_dag:
        deel = min(over, periode)
        totaal += deel * cent
        over -= deel
    return totaal


# --- The same in SQL, for lists and sums over many aanvragen ---------------------------


def peildatum_sql(besloten_op: F | Expression, vandaag: date) -> Expression:
    """``peildatum`` in SQL: the decision day, or ``vandaag`` while there is none."""
    return Coalesce(besloten_op, Value(vandaag), output_field=DateField())


def bedrag_sql(
    eerste_dag: F | Expression,
    peildatum_of_besluit: F | Expression,
    bedragen: DwangsomBedragen = HUIDIGE_DWANGSOM,
) -> Expression:
    """``bedrag`` in SQL (Awb 4:17 lid 1 and 2): the same days, tiers and cap, 0 where
    ``eerste_dag`` is NULL. Pass ``geldende_bedragen()`` for the amounts in force, as to ``bedrag``."""
    aantal = Least(
        Greatest(DagenTussen(peildatum_of_besluit, eerste_dag) + 1, Value(0)), Value(bedragen.max_dagen)
    )
    totaal = Value(0)
    eerder = 0
    for periode, cent in bedragen.per_dag:
        deel = Least(Greatest(aantal - eerder, Value(0)), Value(periode))
        totaal = totaal + deel * cent
        eerder += periode
    return Coalesce(totaal, Value(0), output_field=IntegerField())  # NULL eerste_dag: no dwangsom
