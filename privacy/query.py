"""Reads for the privacy officer: which log rows and which inwoners (only to name them) they see.

Scope, a choice: the functionaris gegevensbescherming of an execution organisation supervises
the processing for the gemeenten it serves (AVG art. 39), so they see every access to an
inwoner of those gemeenten, also by a partner organisation, plus every row of their own
organisation's staff. The officer of a partner organisation sees only their own organisation's
rows. Nobody sees a dossier through this: an inwoner here is a name to search and answer for.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from meldingen.models import Inwoner
from wmo.models import Inzage


def inzages_voor(user) -> QuerySet[Inzage]:
    if not user.is_authenticated or not user.has_perm("wmo.view_inzage") or not user.organisatie_id:
        return Inzage.objects.none()
    if user.organisatie.is_partner:
        return Inzage.objects.filter(organisatie_id=user.organisatie_id)
    return Inzage.objects.filter(
        Q(inwoner__gemeente_id__in=user.gemeente_ids) | Q(organisatie_id=user.organisatie_id)
    )


def inwoners_voor(user) -> QuerySet[Inwoner]:
    if not user.is_authenticated or not user.has_perm("wmo.view_inzage") or not user.organisatie_id:
        return Inwoner.objects.none()
    if user.organisatie.is_partner:
        return Inwoner.objects.none()
    return Inwoner.objects.filter(gemeente_id__in=user.gemeente_ids)


def inwoner_filter(q: str) -> Q:
    """BSN (nine digits) exactly, otherwise every word in the name."""
    q = q.strip()
    if q.isdigit() and len(q) == 9:
        return Q(bsn=q)
    filters = Q()
    for deel in q.split():
        filters &= (
            Q(achternaam__icontains=deel) | Q(voornamen__icontains=deel) | Q(tussenvoegsel__iexact=deel)
        )
    return filters


def _begin(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def zoeken(
    user,
    *,
    medewerker: str = "",
    inwoner: str = "",
    van: date | None = None,
    tot: date | None = None,
    actie: str = "",
) -> QuerySet[Inzage]:
    """The log rows in scope that match, newest first (``tot`` includes that whole day)."""
    qs = inzages_voor(user).select_related("inwoner")
    if medewerker.strip():
        m = medewerker.strip()
        qs = qs.filter(Q(medewerker__username__iexact=m) | Q(medewerker_naam__icontains=m))
    if inwoner.strip():
        qs = qs.filter(inwoner__in=Inwoner.objects.filter(inwoner_filter(inwoner)))
    if van:
        qs = qs.filter(tijdstip__gte=_begin(van))
    if tot:
        qs = qs.filter(tijdstip__lt=_begin(tot + timedelta(days=1)))
    if actie:
        qs = qs.filter(actie=actie)
    return qs.order_by("-tijdstip", "-id")


def overzicht_voor_inwoner(user, inwoner: Inwoner) -> list[dict]:
    """For an AVG art. 15 answer: per day, who (name, roles, organisation) did what, how often.

    One query. Grouped because lists (werkvoorraad, search) leave a row per page view; the CSV
    has every row. The IP address is left out: the inwoner asks who, when and what.
    """
    return list(
        inzages_voor(user)
        .filter(inwoner=inwoner)
        .annotate(dag=TruncDate("tijdstip", tzinfo=timezone.get_current_timezone()))
        .values("dag", "medewerker_naam", "rollen", "organisatie_naam", "actie", "wat")
        .annotate(aantal=Count("id"), laatste=Max("tijdstip"))
        .order_by("-dag", "-laatste")
    )
