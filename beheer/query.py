"""Reads for the beheer pages, always within the beheerder's own organisation."""

from django.contrib.auth.models import Group
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from meldingen.constants import OPEN_STATUSSEN
from meldingen.models import Melding
from wmo.constants import OrganisatieSoort
from wmo.models import Gemeente, Medewerker, Organisatie, Team

from .constants import RoltoekenningStatus
from .models import Roltoekenning


def medewerkers_voor(beheerder: Medewerker) -> QuerySet[Medewerker]:
    """The accounts of the beheerder's organisation (none without one), with team and roles.

    Not the superusers: whoever could change a superuser's e-mail address and mail it a link
    would own the technical back door."""
    if not beheerder.organisatie_id:
        return Medewerker.objects.none()
    return (
        Medewerker.objects.filter(organisatie_id=beheerder.organisatie_id, is_superuser=False)
        .select_related("team")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
    )


def zoeken(qs: QuerySet[Medewerker], tekst: str) -> QuerySet[Medewerker]:
    for woord in tekst.split():
        qs = qs.filter(
            Q(username__icontains=woord)
            | Q(first_name__icontains=woord)
            | Q(last_name__icontains=woord)
            | Q(email__icontains=woord)
        )
    return qs


def roltoekenningen_voor(beheerder: Medewerker) -> QuerySet[Roltoekenning]:
    if not beheerder.organisatie_id:
        return Roltoekenning.objects.none()
    return Roltoekenning.objects.filter(
        medewerker__organisatie_id=beheerder.organisatie_id, medewerker__is_superuser=False
    ).select_related(
        "medewerker", "medewerker__team", "aangevraagd_door", "beoordeeld_door", "ingetrokken_door"
    )


def open_aanvragen_voor(beheerder: Medewerker) -> QuerySet[Roltoekenning]:
    return (
        roltoekenningen_voor(beheerder)
        .filter(status=RoltoekenningStatus.AANGEVRAAGD)
        .order_by("aangevraagd_op")
    )


def teams_voor(beheerder: Medewerker) -> QuerySet[Team]:
    """The teams of the beheerder's organisation, in use or not."""
    if not beheerder.organisatie_id:
        return Team.objects.none()
    return Team.objects.filter(organisatie_id=beheerder.organisatie_id)


def teams_met_bezetting(beheerder: Medewerker) -> QuerySet[Team]:
    """``teams_voor`` with the number of open meldingen and active members, in one query."""

    def _aantal(qs):
        return Coalesce(Subquery(qs.order_by().values("team").annotate(n=Count("pk")).values("n")), 0)

    return teams_voor(beheerder).annotate(
        open_meldingen=_aantal(Melding.objects.filter(team=OuterRef("pk"), status__in=OPEN_STATUSSEN)),
        actieve_leden=_aantal(Medewerker.objects.filter(team=OuterRef("pk"), is_active=True)),
    )


def gemeenten_voor(beheerder: Medewerker) -> QuerySet[Gemeente]:
    """The gemeenten the beheerder's execution organisation serves (none for a partner's beheerder)."""
    if not beheerder.organisatie_id or beheerder.organisatie.is_partner:
        return Gemeente.objects.none()
    return Gemeente.objects.filter(organisaties=beheerder.organisatie_id).order_by("naam")


def partners_voor(beheerder: Medewerker) -> QuerySet[Organisatie]:
    """Partner organisations that work for at least one of the beheerder's gemeenten."""
    return (
        Organisatie.objects.filter(soort=OrganisatieSoort.PARTNER, gemeenten__in=gemeenten_voor(beheerder))
        .distinct()
        .prefetch_related("gemeenten", "registreert_niet_voor")
        .order_by("naam")
    )
