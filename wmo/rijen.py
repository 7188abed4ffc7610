"""Cheap rows for the lists of a page (issue 14): what a template did per row, done once per page.

A list of 50 rows rendered a ``{% url %}`` and an ``{% include %}`` per row; at a region's scale
the werkvoorraad and the teamleider's dashboard were template-bound. Here:

- ``url_per_pk``: a URL pattern reversed once, then the pk put in per row (the same URL);
- ``datum_tekst``: a date as the ``date`` filter writes it ("3 december 2026"), kept per date and
  language (a page shows the same few deadlines many times; the filter formats each anew);
- ``termijn_html``: the deadline with its state (the ``{% termijn %}`` tag renders it), in Python,
  escaped by ``format_html``.
"""

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .termijnstatus import TERMIJNSTATUS_LABELS

_PLAATSHOUDER = "987654321"

# The words after the date: the state's label (wmo.termijnstatus) in lower case; "op schema" and
# "opgeschort" say nothing after a date.
TERMIJN_TOEVOEGING = {
    s: f" ({TERMIJNSTATUS_LABELS[s].lower()})" for s in ("verlopen", "let_op", "gehaald", "te_laat_gehaald")
}


def url_per_pk(naam: str) -> Callable[[object], str]:
    """pk -> the URL of ``naam`` (one pk argument) for that pk, reversed once."""
    voor, na = reverse(naam, args=[_PLAATSHOUDER]).split(_PLAATSHOUDER)
    return lambda pk: f"{voor}{pk}{na}"


@lru_cache(maxsize=4096)
def _datum_tekst(datum: date, taal: str | None, formaat: str | None) -> str:
    return date_filter(datum, formaat)


def datum_tekst(datum, formaat: str | None = None) -> str:
    """``{{ datum|date }}`` (or ``|date:formaat``): the same text, from a cache for plain dates (a
    moment depends on the time zone as well: not kept)."""
    if type(datum) is date:
        return _datum_tekst(datum, get_language(), formaat)
    return date_filter(datum, formaat)


def termijn_html(datum: date | None, status) -> SafeString:
    """``<span class="kt-termijn kt-termijn--<status>"><time datetime="2026-12-03">3 december 2026</time>
    (verlopen)</span>``: the date as the ``date`` filter writes it, the state in words."""
    return format_html(
        '<span class="kt-termijn kt-termijn--{}"><time datetime="{}">{}</time>{}</span>',
        status,
        datum.isoformat() if type(datum) is date else date_filter(datum, "Y-m-d"),
        datum_tekst(datum),
        TERMIJN_TOEVOEGING.get(status, ""),
    )
