"""Every write to aanvragen, one module per process step. Views call these; nothing else writes.

- aanvraag.py: register an aanvraag and what is asked, the ingebrekestelling, a decision sent
  outside Keukentafel, the beslistermijn recomputed.
- opschorting.py: the clock stands still (Awb 4:15) or the inwoner hears it comes later (Awb 4:14).
- beschikking.py: the beschikking per voorziening, within mandate, approved and sent; the
  bezwaar term.
- bezwaar.py: a bezwaarschrift against a sent beschikking.
- nazorg.py: the evaluation call after the help started.

The public functions are re-exported here: ``from aanvragen import services`` and
``services.aanvraag_opschorten(...)`` keep working for the other apps.
"""

from .aanvraag import (
    aanvraag_besloten,
    aanvraag_ingebrekestelling_registreren,
    aanvraag_registreren,
    aanvraag_voorziening_toevoegen,
    beslis_deadlines_herberekenen,
)
from .beschikking import (
    beschikking_goedkeuren,
    beschikking_indienen,
    beschikking_opstellen,
    beschikking_regel_vastleggen,
    beschikking_terugsturen,
    beschikking_versturen,
    bezwaar_deadlines_herberekenen,
    onderzoek_bevindingen,
    voorziening_beeindigen,
)
from .bezwaar import bezwaar_registreren
from .nazorg import beschikking_nazorg_afronden
from .opschorting import aanvraag_opschorten, aanvraag_verdagen, opschorting_beeindigen

__all__ = [
    "aanvraag_besloten",
    "aanvraag_ingebrekestelling_registreren",
    "aanvraag_opschorten",
    "aanvraag_registreren",
    "aanvraag_verdagen",
    "aanvraag_voorziening_toevoegen",
    "beschikking_goedkeuren",
    "beschikking_indienen",
    "beschikking_nazorg_afronden",
    "beschikking_opstellen",
    "beschikking_regel_vastleggen",
    "beschikking_terugsturen",
    "beschikking_versturen",
    "voorziening_beeindigen",
    "beslis_deadlines_herberekenen",
    "bezwaar_deadlines_herberekenen",
    "bezwaar_registreren",
    "onderzoek_bevindingen",
    "opschorting_beeindigen",
]
