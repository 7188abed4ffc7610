import re
from datetime import date, datetime

from django import template
from django.utils import timezone

from wmo.rijen import datum_tekst, termijn_html

register = template.Library()


@register.filter
def datetime_attr(waarde: datetime | date | None) -> str:
    """The value for a ``<time datetime="...">`` attribute: a moment in whole seconds, in local time
    with its offset ("2026-04-07T14:03:12+02:00"), or a date ("2026-04-07").

    ``|date:'c'`` writes microseconds, and HTML allows at most three decimals (the Nu Html Checker
    rejects more); seconds are all a reader or a screen reader needs."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return waarde.replace(microsecond=0).isoformat()
    return waarde.isoformat()


@register.filter
def is_iso_datum(waarde) -> bool:
    """Whether ``waarde`` is a value HTML allows in an ``<input type="date">``: "2026-12-21"."""
    tekst = "" if waarde is None else str(waarde)
    try:
        return len(tekst) == 10 and bool(datetime.strptime(tekst, "%Y-%m-%d"))
    except ValueError:
        return False


@register.filter
def op_een_regel(waarde) -> str:
    """What a one-line text field shows of ``waarde``: line breaks as spaces. A browser strips
    them from such a field's value anyway, and in the value attribute they are invalid HTML."""
    return " ".join(str(waarde).splitlines()) if waarde is not None else ""


_GETAL = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@register.filter
def is_getal(waarde) -> bool:
    """Whether ``waarde`` is a value HTML allows in an ``<input type="number">`` ("6", "-1.5")."""
    return waarde is not None and bool(_GETAL.fullmatch(str(waarde)))


@register.filter
def als_tekstveld(widget: dict) -> dict:
    """The widget's context for a text field: without the attributes only a number field has."""
    return {**widget, "attrs": {k: v for k, v in widget["attrs"].items() if k not in ("min", "max", "step")}}


@register.simple_tag
def termijn(datum, status):
    """A deadline with its state (wmo.rijen.termijn_html): ``{% termijn melding.onderzoek_deadline
    melding.termijnstatus %}``. One call per row, where an ``{% include %}`` cost a template."""
    return termijn_html(datum, status)


@register.filter
def datum(waarde, formaat=None) -> str:
    """``|date`` (``|datum:"j F Y"`` as ``|date:"j F Y"``) for the rows of a list: the same text,
    kept per date (wmo.rijen.datum_tekst)."""
    return datum_tekst(waarde, formaat)
