"""Reads of gesprekken for the pages of other steps: the melding page and the werkvoorraad."""

from meldingen.models import Melding

from .constants import AfspraakStatus
from .models import Gesprek, Onderzoek, Triage, Vervolgafspraak


def gesprekken_van_melding(melding) -> dict:
    """What the melding page shows of this step: gesprekken, triage, onderzoek and its versions (4 queries)."""
    onderzoek = Onderzoek.objects.filter(melding=melding).only("id", "melding_id", "gestart_op").first()
    return {
        "gesprekken": list(Gesprek.objects.filter(melding=melding).select_related("consulent")),
        "triage": Triage.objects.filter(melding=melding).select_related("besloten_door").first(),
        "onderzoek": onderzoek,
        "versies": list(onderzoek.versies.select_related("brief").defer("brief__pdf")) if onderzoek else [],
    }


def open_vervolgafspraken_van(user, *, limit: int = 100) -> list[Vervolgafspraak]:
    """Open vervolgafspraken owned by the user, within the dossiers the user may see (one query)."""
    return list(
        Vervolgafspraak.objects.filter(
            eigenaar=user,
            status=AfspraakStatus.OPEN,
            onderzoek__melding__in=Melding.objects.zichtbaar_voor(user),
        )
        .select_related("onderzoek__melding__inwoner")
        .order_by("uiterlijk", "id")[:limit]
    )
