"""Deadline state for lists, derived in SQL from stored deadline columns.

op schema / let op (fewer than TERMIJN_LET_OP_WERKDAGEN working days left) / verlopen.
The boundary dates are computed once per query with the Atw calendar (wmo.termijnen), so
nothing is computed per row.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Case, CharField, Value, When
from django.utils import timezone

from . import termijnen
from .models import gelijkgestelde_dagen


def werkdagen_verder(start: date, n: int, extra=()) -> date:
    """The date n working days after start (Atw calendar)."""
    d = start
    while n > 0:
        d += timedelta(days=1)
        if termijnen.is_werkdag(d, extra):
            n -= 1
    return d


def termijnstatus_case(veld: str, vandaag: date | None = None) -> Case:
    vandaag = vandaag or timezone.localdate()
    grens = werkdagen_verder(vandaag, settings.TERMIJN_LET_OP_WERKDAGEN, gelijkgestelde_dagen())
    return Case(
        When(**{f"{veld}__lt": vandaag}, then=Value("verlopen")),
        When(**{f"{veld}__lte": grens}, then=Value("let_op")),
        default=Value("op_schema"),
        output_field=CharField(),
    )


TERMIJNSTATUS_LABELS = {"verlopen": "Verlopen", "let_op": "Let op", "op_schema": "Op schema"}
