"""The workload sort orders (the figures themselves: teamleider.query.dashboard) and the open
meldingen a teamleider can reassign."""

from meldingen.constants import OPEN_STATUSSEN

from .common import Filters, meldingen

WERKLAST_SORTERING = {
    "open": ("-open_dossiers", "first_name", "last_name"),
    "naam": ("first_name", "last_name", "id"),
    "verlopen": ("-onderzoek_verlopen", "first_name", "last_name"),
    "gesprekken": ("-gesprekken_week", "first_name", "last_name"),
    "afspraken": ("-afspraken_verlopen", "first_name", "last_name"),
}


def open_meldingen_van(user, consulent_id: int | None, filters: Filters = Filters()):
    """Open meldingen of one consulent (or the team queue) for reassigning, at most 200."""
    qs = meldingen(user, filters).filter(status__in=OPEN_STATUSSEN)
    qs = qs.filter(consulent_id=consulent_id) if consulent_id else qs.filter(consulent__isnull=True)
    return qs.voor_lijst()[:200]
