"""Start and stop of the delivery, as the aanbieder reports them (WMO305, WMO307).

Processen.md, "Proces Leveren Wmo / Start en stop melden": the aanbieder sends a startbericht with
the Begindatum of the actual delivery, and a stopbericht with the Einddatum and a
RedenBeeindiging (WMO588). Reden 20 ("levering is tijdelijk beeindigd") is a temporary stop; any
other reden is a definitive stop. Both temporarily and definitively stopped care may be restarted
with a new startbericht. Only a fully approved message is processed (iwmo.ontvangst checks that
before it calls these services).

These are the only two writes of `gestart_op`, `gestopt_op` and `reden_beeindiging`; each records
history with a line in plain Dutch that the dossier's timeline shows.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format

from iwmo.codelijsten import RedenBeeindiging
from iwmo.models import Toewijzing

TIJDELIJK = RedenBeeindiging.LEVERING_IS_TIJDELIJK_BEEINDIGD


def _datum(d: date) -> str:
    return date_format(d, "j F Y")


def _reden(tekst: str) -> str:
    """A history change reason fits its column (100); a long aanbieder name is cut, not the date."""
    return tekst if len(tekst) <= 100 else tekst[:99] + "…"


@transaction.atomic
def toewijzing_zorg_starten(*, toewijzing: Toewijzing, begindatum: date) -> Toewijzing:
    """The aanbieder started (or restarted after a stop) the delivery on `begindatum` (WMO305)."""
    toewijzing = Toewijzing.objects.select_for_update().select_related("aanbieder").get(pk=toewijzing.pk)
    if toewijzing.einddatum and begindatum > toewijzing.einddatum:
        raise ValidationError("De begindatum ligt na de einddatum van de toewijzing.")
    herstart = toewijzing.gestopt_op is not None
    toewijzing.gestart_op = begindatum
    toewijzing.gestopt_op = None
    toewijzing.reden_beeindiging = ""
    toewijzing.full_clean()
    toewijzing._change_reason = _reden(
        f"Zorg {'opnieuw ' if herstart else ''}gestart door {toewijzing.aanbieder.naam} op {_datum(begindatum)}"
        f" (toewijzing {toewijzing.nummer})"
    )
    toewijzing.save()
    return toewijzing


@transaction.atomic
def toewijzing_zorg_stoppen(*, toewijzing: Toewijzing, einddatum: date, reden: str) -> Toewijzing:
    """The aanbieder stopped the delivery on `einddatum` for `reden` (WMO588) (WMO307)."""
    toewijzing = Toewijzing.objects.select_for_update().select_related("aanbieder").get(pk=toewijzing.pk)
    reden = RedenBeeindiging(reden)
    if toewijzing.gestart_op and einddatum < toewijzing.gestart_op:
        raise ValidationError("De einddatum ligt voor de begindatum van de zorg.")
    toewijzing.gestopt_op = einddatum
    toewijzing.reden_beeindiging = reden.value
    toewijzing.full_clean()
    soort = "tijdelijk gestopt" if reden == TIJDELIJK else f"gestopt (reden {reden.value})"
    toewijzing._change_reason = _reden(
        f"Zorg {soort} door {toewijzing.aanbieder.naam} op {_datum(einddatum)} (toewijzing {toewijzing.nummer})"
    )
    toewijzing.save()
    return toewijzing
