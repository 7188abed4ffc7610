"""The models of aanvragen, one module per process step (as Open Zaak's zaken/models/).

- aanvraag.py: the Aanvraag and its beslistermijn, the AangevraagdeVoorzieningen.
- opschorting.py: Opschorting (Awb 4:15) and Verdaging (Awb 4:14) of the beslistermijn.
- beschikking.py: the Beschikking and its BeschikkingRegels (one per voorziening), with nazorg.
- mandaat.py: the mandaatregeling as data (Mandaat).
- bezwaar.py: Bezwaar against a sent beschikking.

Everything is re-exported here: ``from aanvragen.models import X`` works for every model.
"""

from .aanvraag import AangevraagdeVoorziening, Aanvraag
from .beschikking import Beschikking, BeschikkingRegel
from .bezwaar import Bezwaar
from .mandaat import Mandaat
from .opschorting import Opschorting, Verdaging

__all__ = [
    "AangevraagdeVoorziening",
    "Aanvraag",
    "Beschikking",
    "BeschikkingRegel",
    "Bezwaar",
    "Mandaat",
    "Opschorting",
    "Verdaging",
]
