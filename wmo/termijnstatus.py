"""Deadline state for lists, derived in SQL from stored deadline columns.

op schema / let op (at most the gemeente's ``let_op_werkdagen`` working days left; the default for
a new gemeente is TERMIJN_LET_OP_WERKDAGEN) / verlopen, and once the clock was met: gehaald / te
laat gehaald.
The boundary dates are computed once per query with the Atw calendar (wmo.termijnen): one per
possible number of working days (1 to 20, wmo.models.LET_OP_WERKDAGEN), and the row picks its own
by its gemeente's setting in SQL (a join, no query per row or per gemeente), as one
``CASE let_op_werkdagen WHEN 1 THEN <date> … END`` (``LetOpGrens``). Issue 14: the earlier form, 20
OR-ed ``Q(let_op_werkdagen=n, deadline__lte=date)``, cost Django about 65 ms per dashboard request
to resolve (each Q resolves the join to the gemeente again, for every count that uses the state).
"""

from datetime import date

from django.db.models import Case, CharField, DateField, F, Func, Q, Value, When
from django.db.models.lookups import GreaterThan, IsNull, LessThanOrEqual
from django.utils import timezone

from . import termijnen
from .models import LET_OP_WERKDAGEN, gelijkgestelde_dagen


def let_op_grenzen(vandaag: date, extra=None) -> dict[int, date]:
    """{n: the date n working days after ``vandaag``} for every allowed n (no query with ``extra``)."""
    extra = gelijkgestelde_dagen() if extra is None else extra
    grenzen, dag = {}, vandaag
    for n in range(1, LET_OP_WERKDAGEN[1] + 1):
        dag = termijnen.werkdagen_verder(dag, 1, extra)
        grenzen[n] = dag
    return grenzen


class LetOpGrens(Func):
    """The row's "let op" boundary: ``grenzen[n]`` for n = the row's ``let_op_werkdagen`` (NULL for
    an n outside the allowed range, which the model's validation rules out: never "let op")."""

    output_field = DateField()

    def __init__(self, werkdagen, grenzen: dict[int, date]):
        super().__init__(werkdagen)
        self.grenzen = grenzen

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        whens, extra = [], []
        for n, grens in sorted(self.grenzen.items()):
            whens.append("WHEN %s THEN %s")
            extra += [n, connection.ops.adapt_datefield_value(grens)]
        if connection.vendor == "postgresql":  # typed, so the comparison is date <= date
            return f"(CASE {sql} {' '.join(whens)} END)::date", (*params, *extra)
        return f"(CASE {sql} {' '.join(whens)} END)", (*params, *extra)


def _voorwaarden(veld: str, gehaald_veld: str, vandaag: date, gemeente: str) -> dict[str, Q]:
    """Every state of the clock ``veld`` as plain conditions on the columns: the one definition of
    the states, from which both the CASE and the filters are made. They exclude each other, so
    their order does not matter; ``op_schema`` is what is left (also for a boundary outside the
    allowed range, which the model's validation rules out)."""
    grens = LetOpGrens(F(f"{gemeente}__let_op_werkdagen"), let_op_grenzen(vandaag))
    open_ = Q(**{f"{gehaald_veld}__isnull": True})
    nog_niet = open_ & Q(**{f"{veld}__gte": vandaag})
    return {
        "gehaald": Q(**{f"{gehaald_veld}__lte": F(veld)}),
        "te_laat_gehaald": Q(**{f"{gehaald_veld}__gt": F(veld)}),
        "opgeschort": Q(**{f"{veld}__isnull": True}),
        "verlopen": open_ & Q(**{f"{veld}__lt": vandaag}),
        "let_op": nog_niet & Q(LessThanOrEqual(F(veld), grens)),
        "op_schema": nog_niet & (Q(GreaterThan(F(veld), grens)) | Q(IsNull(grens, True))),
    }


def termijnstatus_case(
    veld: str, gehaald_veld: str, vandaag: date | None = None, *, gemeente: str = "gemeente"
) -> Case:
    """The state of the clock ``veld`` as one value per row (for lists and counts); ``gemeente`` is
    the path from the row to its Gemeente, whose ``let_op_werkdagen`` sets the "let op" boundary."""
    staten = _voorwaarden(veld, gehaald_veld, vandaag or timezone.localdate(), gemeente)
    staten.pop("op_schema")
    return Case(
        *(When(q, then=Value(staat)) for staat, q in staten.items()),
        default=Value("op_schema"),
        output_field=CharField(),
    )


def termijnstatus_q(
    veld: str, gehaald_veld: str, staat: str, vandaag: date | None = None, *, gemeente: str = "gemeente"
) -> Q:
    """The rows whose ``termijnstatus_case`` is ``staat``, as plain conditions on the columns, so
    the database can use an index on the deadline: filtering on the CASE made PostgreSQL read
    every open melding of a team and estimate one row (issue 14: the dashboard's list of 50
    overdue meldingen read 3,473 rows for the largest team; with these conditions it reads the
    partial index in deadline order and stops at 50)."""
    staten = _voorwaarden(veld, gehaald_veld, vandaag or timezone.localdate(), gemeente)
    if staat not in staten:
        raise ValueError(f"onbekende termijnstatus {staat!r}")
    return staten[staat]


TERMIJNSTATUS_LABELS = {
    "verlopen": "Verlopen",
    "let_op": "Let op",
    "op_schema": "Op schema",
    "gehaald": "Gehaald",
    "te_laat_gehaald": "Te laat gehaald",
    "opgeschort": "Opgeschort",
}
