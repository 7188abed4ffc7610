"""Small helpers shared by the model modules."""

from django.utils.formats import date_format


def _format_date(d) -> str:
    return date_format(d, "j F Y")
