"""The one guard for status transitions.

Each app writes its allowed transitions down once, as a table in its constants.py
(``meldingen.constants.OVERGANGEN``, ``gesprekken.constants.GESPREK_OVERGANGEN`` ...): the
current status maps to the statuses it may move to. A service asks ``check_transition``
before it changes a status; a refused change raises ``OvergangNietToegestaan`` with the
service's own message.
"""

from collections.abc import Collection, Mapping

from django.core.exceptions import ValidationError
from django.db import models


class OvergangNietToegestaan(ValidationError):
    """The transition table does not allow this change of status."""


def transition_allowed(table: Mapping[str, Collection[str]], current: str, new: str) -> bool:
    return new in table[current]


def check_transition(
    table: Mapping[str, Collection[str]],
    current: str,
    new: str,
    *,
    message,
    labels: type[models.Choices] | None = None,
    code: str = "overgang",
) -> None:
    """Raise OvergangNietToegestaan when ``table`` does not allow ``current`` -> ``new``.

    ``message`` is a text, or a dict of field -> text to show the refusal at a form field.
    With ``labels`` (the status choices) a text may name both statuses as ``%(van)s`` and
    ``%(naar)s``.
    """
    if transition_allowed(table, current, new):
        return
    if labels is not None and not isinstance(message, dict):
        message = message % {"van": labels(current).label, "naar": labels(new).label}
    raise OvergangNietToegestaan(message, code=code)
