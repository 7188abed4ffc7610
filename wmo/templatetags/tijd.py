from datetime import date, datetime

from django import template
from django.utils import timezone

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


# The ways a date can be typed (meldingen.forms.DATE_FORMATS): ISO, and day-month-year.
DATUM_NOTATIES = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@register.filter
def datum_invoer(waarde) -> str:
    """The value of an ``<input type="date">``, which HTML only allows as "2026-12-21".

    A form with an error shows what the user typed; "21-12-2026" is a date we read, so it is
    shown as the same date in the date picker. What is no date at all stays out: a browser would
    empty the field anyway (the error message above it says what was wrong)."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, date):
        return waarde.isoformat()
    tekst = str(waarde).strip()
    for notatie in DATUM_NOTATIES:
        try:
            return datetime.strptime(tekst, notatie).date().isoformat()
        except ValueError:
            continue
    return ""
