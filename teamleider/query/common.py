"""What the teamleider's pages share: the filters, the scoped querysets and two SQL helpers."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, Func, OuterRef
from django.utils import timezone

from aanvragen.models import AangevraagdeVoorziening, Aanvraag
from meldingen.models import Melding
from wmo.sql import DagenTussen


@dataclass(frozen=True)
class Filters:
    gemeente: int | None = None
    consulent: int | None = None
    product: str = ""  # iWmo productcategorie, e.g. "01"
    van: date | None = None  # melding received on or after
    tot: date | None = None  # melding received on or before


def _dagen_tussen(later, eerder) -> Func:
    return DagenTussen(later, eerder)


def _begin(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time.min))


def meldingen(user, filters: Filters = Filters()):
    """The user's meldingen narrowed by the dashboard filters."""
    qs = Melding.objects.zichtbaar_voor(user)
    if filters.gemeente:
        qs = qs.filter(gemeente_id=filters.gemeente)
    if filters.consulent:
        qs = qs.filter(consulent_id=filters.consulent)
    if filters.van:
        qs = qs.filter(ontvangen_op__gte=_begin(filters.van))
    if filters.tot:
        qs = qs.filter(ontvangen_op__lt=_begin(filters.tot + timedelta(days=1)))
    if filters.product:
        qs = qs.filter(
            Exists(
                AangevraagdeVoorziening.objects.filter(
                    aanvraag__melding=OuterRef("pk"), voorziening__iwmo_productcategorie=filters.product
                )
            )
        )
    return qs


def aanvragen(user, filters: Filters = Filters()):
    return Aanvraag.objects.filter(melding__in=meldingen(user, filters))
