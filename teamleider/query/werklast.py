"""Workload per consulent of the team, and the open meldingen a teamleider can reassign."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from meldingen.constants import OPEN_STATUSSEN
from wmo.constants import Rol
from wmo.models import Medewerker

from .common import Filters, _begin, meldingen
from .common import gesprekken as gesprekken_van

WERKLAST_SORTERING = {
    "open": ("-open_dossiers", "first_name", "last_name"),
    "naam": ("first_name", "last_name", "id"),
    "verlopen": ("-onderzoek_verlopen", "first_name", "last_name"),
    "gesprekken": ("-gesprekken_week", "first_name", "last_name"),
    "afspraken": ("-afspraken_verlopen", "first_name", "last_name"),
}


def werklast(
    user, filters: Filters = Filters(), vandaag: date | None = None, sorteer: str = "open"
) -> list[Medewerker]:
    """Consulenten of the teamleider's team with open dossiers, onderzoek overdue, gesprekken
    planned this week (for open meldingen in scope) and overdue vervolgafspraken. Four grouped queries, whatever the size of
    the team or the caseload; the figures are joined to the (few) consulenten of the team."""
    from gesprekken.constants import AfspraakStatus, GesprekStatus
    from gesprekken.models import Vervolgafspraak

    vandaag = vandaag or timezone.localdate()
    maandag = vandaag - timedelta(days=vandaag.weekday())
    qs = Medewerker.objects.filter(
        groups__name=Rol.CONSULENT, is_active=True, organisatie_id=user.organisatie_id, team_id=user.team_id
    )
    if filters.consulent:
        qs = qs.filter(pk=filters.consulent)
    consulenten = list(qs)
    ids = [c.pk for c in consulenten]
    dossiers = {
        r["consulent"]: r
        for r in meldingen(user, filters)
        .filter(consulent__in=ids, status__in=OPEN_STATUSSEN)
        .order_by()
        .values("consulent")
        .annotate(
            n=Count("pk"),
            verlopen=Count(
                "pk", filter=Q(onderzoek_afgerond_op__isnull=True, onderzoek_deadline__lt=vandaag)
            ),
        )
    }
    gesprekken = dict(
        gesprekken_van(user, filters)
        .filter(
            melding__status__in=OPEN_STATUSSEN,
            consulent__in=ids,
            status=GesprekStatus.GEPLAND,
            gepland_op__gte=_begin(maandag),
            gepland_op__lt=_begin(maandag + timedelta(days=7)),
        )
        .order_by()
        .values("consulent")
        .annotate(n=Count("pk"))
        .values_list("consulent", "n")
    )
    afspraken = dict(
        Vervolgafspraak.objects.filter(eigenaar__in=ids, status=AfspraakStatus.OPEN, uiterlijk__lt=vandaag)
        .order_by()
        .values("eigenaar")
        .annotate(n=Count("pk"))
        .values_list("eigenaar", "n")
    )
    for c in consulenten:
        c.open_dossiers = dossiers.get(c.pk, {}).get("n", 0)
        c.onderzoek_verlopen = dossiers.get(c.pk, {}).get("verlopen", 0)
        c.gesprekken_week = gesprekken.get(c.pk, 0)
        c.afspraken_verlopen = afspraken.get(c.pk, 0)
    veld, *_ = WERKLAST_SORTERING[sorteer]
    consulenten.sort(key=lambda c: (c.first_name, c.last_name, c.pk))
    if veld.startswith("-"):
        consulenten.sort(key=lambda c: getattr(c, veld[1:]), reverse=True)
    return consulenten


def open_meldingen_van(user, consulent_id: int | None, filters: Filters = Filters()):
    """Open meldingen of one consulent (or the team queue) for reassigning, at most 200."""
    qs = meldingen(user, filters).filter(status__in=OPEN_STATUSSEN)
    qs = qs.filter(consulent_id=consulent_id) if consulent_id else qs.filter(consulent__isnull=True)
    return qs.voor_lijst()[:200]
