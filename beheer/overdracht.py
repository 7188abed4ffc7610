"""Handing over all open meldingen of a consulent who leaves, in one action.

In plain words. When a consulent leaves (or gets another job), the functioneel beheerder hands
over ALL of that consulent's open meldingen at once: to one other active consulent of the same
organisation, or back to the queue of each melding's own team. It is one transaction: all move,
or none. The page first shows how many there are; the beheerder confirms that number, so a
melding that arrived in between is not moved unseen.

Each melding goes through ``meldingen.services.melding_toewijzen``, the one place that knows
when the inwoner gets the letter "nieuwe contactpersoon" (when one consulent is replaced by
another; not when the melding goes back to the queue) and that locks the melding, so a double
click never sends two letters. A handover submitted twice moves nothing the second time: the
consulent has no open meldingen left.

When the new consulent works in another team, the melding moves to that team too, so it shows
in the right queue and on the right teamleider's dashboard.

Least privilege (choice). The issue puts this under beheer, and a beheerder reads no dossiers
(segregation of duties, BIO 6.1.2; data minimisation, AVG art. 5 lid 1 onder c and art. 25).
So the page shows counts per status and the kenmerken only, never a name, address or question of
an inwoner; the letters are made by the app. Who may hand over is who may deactivate the
account: the beheerder of the consulent's organisation. A finer split (some meldingen to one
consulent, some to another) remains the teamleider's herverdelen, which does show the dossiers.
The handover does change each melding, so the access log gets a "wijzigen" row per inwoner
under the beheerder's name (NEN 7513): the privacy officer sees that beheer touched them.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet

from meldingen.models import Melding
from meldingen.services import melding_toewijzen
from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.query import consulenten_voor

from .services import _mag_beheren


@dataclass(frozen=True)
class Overdracht:
    van: Medewerker
    naar: Medewerker | None  # None: back to the queue of each melding's team
    meldingen: int
    brieven: int
    inwoner_ids: tuple[int, ...] = ()  # for the access log (the view writes it)


def open_meldingen_van(consulent: Medewerker) -> QuerySet[Melding]:
    return Melding.objects.filter(consulent=consulent).open()


def overzicht(consulent: Medewerker) -> tuple[list[str], list[tuple[str, int]]]:
    """What the beheerder sees: the kenmerken, and the count per status (no inwoner data)."""
    kenmerken = [
        m.kenmerk
        for m in open_meldingen_van(consulent).only("pk", "ontvangen_op").order_by("ontvangen_op", "pk")
    ]
    per_status = (
        open_meldingen_van(consulent)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    labels = dict(Melding._meta.get_field("status").choices)
    return kenmerken, [(labels.get(status, status), n) for status, n in per_status]


def ontvangers_voor(door: Medewerker, van: Medewerker) -> QuerySet[Medewerker]:
    """Who may receive the meldingen: the active consulenten of the beheerder's organisation."""
    return consulenten_voor(door).exclude(pk=van.pk)


def _nieuwe_contactbrieven(melding_ids: list[int]) -> int:
    return Brief.objects.filter(
        melding_id__in=melding_ids, soort=BriefSoort.NIEUWE_CONTACTPERSOON, origineel__isnull=True
    ).count()


def _overdragen_inwoners(a: dict) -> list:
    """Whose data meldingen_overdragen will use: each open melding gets a "nieuwe contactpersoon"
    letter when it goes to another consulent (not to the team queue)."""
    if a.get("naar") is None:
        return []
    return [m.inwoner for m in open_meldingen_van(a["van"]).select_related("inwoner")]


@vooraf_ophalen(_overdragen_inwoners)
@transaction.atomic
def meldingen_overdragen(
    *, door: Medewerker, van: Medewerker, naar: Medewerker | None, verwacht: int | None = None
) -> Overdracht:
    """Give every open melding of ``van`` to ``naar`` (or to the team queue when None).

    ``verwacht`` is the number the beheerder saw and confirmed; when the number changed in the
    meantime the handover is refused, so nothing moves unseen. None open: nothing happens (a
    second submit of the same handover)."""
    _mag_beheren(door, van)
    if naar is not None:
        if naar.pk == van.pk:
            raise ValidationError({"naar": "Kies een andere consulent dan de consulent die vertrekt."})
        if not ontvangers_voor(door, van).filter(pk=naar.pk).exists():
            raise ValidationError({"naar": "Kies een actieve consulent van uw eigen organisatie."})
    meldingen = list(open_meldingen_van(van).select_for_update(of=("self",)).order_by("pk"))
    if not meldingen:
        return Overdracht(van=van, naar=naar, meldingen=0, brieven=0)
    if verwacht is not None and len(meldingen) != verwacht:
        raise ValidationError(
            f"Het aantal open meldingen is intussen veranderd: het zijn er nu {len(meldingen)}. "
            "Controleer het overzicht en bevestig opnieuw."
        )
    ids = [m.pk for m in meldingen]
    brieven_voor = _nieuwe_contactbrieven(ids)
    for melding in meldingen:
        team = naar.team if naar is not None and naar.team_id != melding.team_id else None
        melding_toewijzen(melding=melding, door=door, consulent=naar, team=team)
    return Overdracht(
        van=van,
        naar=naar,
        meldingen=len(meldingen),
        brieven=_nieuwe_contactbrieven(ids) - brieven_voor,
        inwoner_ids=tuple(m.inwoner_id for m in meldingen),
    )
