"""Small helpers shared by the model modules."""

from django.utils.formats import date_format


def _datum(d) -> str:
    return date_format(d, "j F Y")
