"""Nazorg after a beschikking: the evaluation call some weeks (Gemeente.nazorg_weken, default
NAZORG_WEKEN) after the granted help started.

beschikking_versturen plans it (Beschikking.nazorg_op); this records that it was done.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.models import Beschikking
from wmo.models import Medewerker
from wmo.services import save_with_history

from ._common import _lock_beschikking


@transaction.atomic
def beschikking_nazorg_afronden(*, beschikking: Beschikking, notitie: str, door: Medewerker) -> Beschikking:
    """Record the evaluation call after the help started: how it goes, in a few words."""
    beschikking = _lock_beschikking(beschikking)
    if beschikking.nazorg_op is None or beschikking.nazorg_gedaan_op:
        raise ValidationError(_("Er staat geen nazorg open voor deze beschikking."))
    if not (notitie or "").strip():
        raise ValidationError({"nazorg_notitie": _("Schrijf kort op hoe het gaat met de hulp.")})
    beschikking.nazorg_gedaan_op = timezone.localdate()
    beschikking.nazorg_notitie = notitie.strip()
    save_with_history(beschikking, door=door, reden="Nazorg gedaan")
    return beschikking
