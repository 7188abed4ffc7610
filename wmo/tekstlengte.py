"""How long free text that reaches a letter may be.

Every field an inwoner's letter prints (the hulpvraag, the verslag's findings, a motivering, the
reason for a delay) has a maximum, so that the worst allowed verslag renders in seconds instead
of the 24 seconds a 56-page one took under a row lock, and stays a letter someone can read.
The limits are generous for what a consulent writes per field; the form shows a counter
(``static/js/tekenteller.js``) and refuses more with a message next to the field, and the
service's ``full_clean`` refuses it too (``TextField.max_length`` alone is only a form hint).
"""

from django.core.validators import MaxLengthValidator

KORT = 300  # one finding on a rung of the ladder, one agreed action: two or three sentences
MIDDEL = 600  # what lukt, what not, the goal, the agreed solution: a short paragraph
LANG = 2000  # the hulpvraag, a request for information, the reason for a delay
ZEER_LANG = 4000  # the persoonlijk plan and the motivering of a decision


def lengte(maximum: int) -> dict:
    """``max_length`` (the form's limit and counter) and the validator ``full_clean`` runs."""
    return {"max_length": maximum, "validators": [MaxLengthValidator(maximum)]}
