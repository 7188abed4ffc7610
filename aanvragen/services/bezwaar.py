"""Every write to a bezwaar against a sent beschikking (Awb 6:4)."""

from datetime import date

from django.db import transaction

from aanvragen.models import Beschikking, Bezwaar
from wmo.models import Medewerker
from wmo.services import save_with_history


@transaction.atomic
def bezwaar_registreren(
    *, beschikking: Beschikking, ontvangen_op: date, gronden: str, door: Medewerker
) -> Bezwaar:
    """Register a bezwaarschrift against a sent beschikking; it shows with the aanvraag and melding."""
    bezwaar = Bezwaar(
        beschikking=beschikking, ontvangen_op=ontvangen_op, gronden=gronden, geregistreerd_door=door
    )
    save_with_history(bezwaar, door=door, reden="Bezwaar ontvangen")
    return bezwaar
