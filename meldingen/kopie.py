"""The melding's team, gemeente and consulent, copied onto the rows of the later steps.

A dashboard asks "the open aanvragen of my team by deadline" or "the running bezwaar terms of my
team". With team and gemeente only on Melding, each such question reads all of the team's
meldingen (or all aanvragen of the region) first. So Aanvraag, Beschikking and Gesprek carry a
copy of the melding's ``team``, ``gemeente`` and responsible consulent (``consulent``; on Gesprek
``melding_consulent``, as its own ``consulent`` is who holds the gesprek), indexed for those
questions.

The copy is never edited by hand: the services set it when they create a row (``kopie_van``),
and ``melding_toewijzen``, the one service that moves a melding to another team or consulent,
moves the copies in the same transaction (``kopie_bijwerken``). ``afwijkingen`` is the check:
the rows whose copy disagrees with their melding (none, always; the tests assert it).

The later steps are named by label (``apps.get_model``), so the melding does not import them.
"""

from django.apps import apps
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

# label -> (path from the row to its melding, field of the melding's consulent)
KOPIEEN = {
    "aanvragen.Aanvraag": ("melding", "consulent"),
    "aanvragen.Beschikking": ("aanvraag__melding", "consulent"),
    "gesprekken.Gesprek": ("melding", "melding_consulent"),
}


def kopie_van(melding, label: str) -> dict:
    """The copied fields for a new row of ``label`` under ``melding`` (for the model's constructor).

    ``melding`` may also be a row that carries the copy itself: a beschikking copies its aanvraag.
    """
    _, consulent_veld = KOPIEEN[label]
    return {
        "team_id": melding.team_id,
        "gemeente_id": melding.gemeente_id,
        f"{consulent_veld}_id": melding.consulent_id,
    }


def kopie_bijwerken(melding) -> None:
    """Move the copies of every row under ``melding`` to its current team, gemeente and consulent
    (one UPDATE per table; called inside the service's transaction)."""
    for label, (pad, _) in KOPIEEN.items():
        apps.get_model(label).objects.filter(**{pad: melding.pk}).update(**kopie_van(melding, label))


def afwijkingen() -> dict[str, list[int]]:
    """{label: ids of rows whose copy differs from their melding}: empty lists when all agree."""
    uit = {}
    for label, (pad, consulent_veld) in KOPIEEN.items():
        rijen = apps.get_model(label).objects.alias(
            # 0 stands for "no consulent" on both sides (ids start at 1), so NULL = NULL agrees.
            kopie_consulent=Coalesce(f"{consulent_veld}_id", Value(0)),
            bron_consulent=Coalesce(f"{pad}__consulent_id", Value(0)),
        )
        verschil = (
            ~Q(team_id=F(f"{pad}__team_id"))
            | ~Q(gemeente_id=F(f"{pad}__gemeente_id"))
            | ~Q(kopie_consulent=F("bron_consulent"))
        )
        uit[label] = list(rijen.filter(verschil).order_by("pk").values_list("pk", flat=True))
    return uit
