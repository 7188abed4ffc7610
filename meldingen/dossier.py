"""The dossier's timeline: everything that happened to an inwoner's meldingen, in time order.

Built from the history tables (who did what, when, why) and the letters sent, in a fixed
number of queries whatever the dossier's size.
"""

from dataclasses import dataclass
from datetime import datetime

from .constants import MeldingStatus
from .models import Inwoner, Melding


@dataclass(frozen=True)
class Gebeurtenis:
    tijdstip: datetime
    wat: str
    door: str
    melding: Melding | None = None
    brief_id: int | None = None


def tijdlijn(inwoner: Inwoner, meldingen: list[Melding], brieven) -> list[Gebeurtenis]:
    per_id = {m.pk: m for m in meldingen}
    items: list[Gebeurtenis] = []
    historie = (
        Melding.history.filter(id__in=per_id)
        .select_related("history_user")
        .only("id", "history_date", "history_type", "history_change_reason", "status", "history_user")
    )
    for h in historie:
        wat = h.history_change_reason or (
            "Melding geregistreerd" if h.history_type == "+" else f"Status: {MeldingStatus(h.status).label}"
        )
        items.append(Gebeurtenis(h.history_date, wat, _naam(h.history_user), per_id.get(h.id)))
    for h in inwoner.history.select_related("history_user").only(
        "history_date", "history_type", "history_change_reason", "history_user"
    ):
        wat = h.history_change_reason or (
            "Inwoner geregistreerd" if h.history_type == "+" else "Gegevens inwoner gewijzigd"
        )
        items.append(Gebeurtenis(h.history_date, wat, _naam(h.history_user)))
    for b in brieven:
        items.append(
            Gebeurtenis(
                b.verstuurd_op,
                f"Brief verstuurd: {b.get_soort_display()}",
                _naam(b.verstuurd_door),
                b.melding,
                b.pk,
            )
        )
    items.sort(key=lambda g: g.tijdstip, reverse=True)
    return items


def _naam(user) -> str:
    return str(user) if user else "systeem"
