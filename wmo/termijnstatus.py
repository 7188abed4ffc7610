"""Deadline state for lists, derived in SQL from stored deadline columns.

op schema / let op (at most TERMIJN_LET_OP_WERKDAGEN working days left) / verlopen, and once
the clock was met: gehaald / te laat gehaald.
The boundary dates are computed once per query with the Atw calendar (wmo.termijnen), so
nothing is computed per row.
"""

from datetime import date

from django.conf import settings
from django.db.models import Case, CharField, F, Value, When
from django.utils import timezone

from . import termijnen
from .models import gelijkgestelde_dagen


def termijnstatus_case(veld: str, gehaald_veld: str, vandaag: date | None = None) -> Case:
    vandaag = vandaag or timezone.localdate()
    grens = termijnen.werkdagen_verder(vandaag, settings.TERMIJN_LET_OP_WERKDAGEN, gelijkgestelde_dagen())
    return Case(
        When(**{f"{gehaald_veld}__lte": F(veld)}, then=Value("gehaald")),
        When(**{f"{gehaald_veld}__gt": F(veld)}, then=Value("te_laat_gehaald")),
        When(**{f"{veld}__isnull": True}, then=Value("opgeschort")),
        When(**{f"{veld}__lt": vandaag}, then=Value("verlopen")),
        When(**{f"{veld}__lte": grens}, then=Value("let_op")),
        default=Value("op_schema"),
        output_field=CharField(),
    )


TERMIJNSTATUS_LABELS = {
    "verlopen": "Verlopen",
    "let_op": "Let op",
    "op_schema": "Op schema",
    "gehaald": "Gehaald",
    "te_laat_gehaald": "Te laat gehaald",
    "opgeschort": "Opgeschort",
}
