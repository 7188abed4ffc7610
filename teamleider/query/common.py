"""What the teamleider's pages share: the filters, the scoped querysets and two SQL helpers."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, Func, OuterRef
from django.utils import timezone

from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking
from gesprekken.models import Gesprek
from meldingen.models import Melding
from meldingen.query import scope
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


def _met_kopie(qs, user, filters: Filters, *, melding: str, consulent: str):
    """``qs`` of a model that carries the melding's team, gemeente and consulent (meldingen.kopie),
    narrowed like ``meldingen``: the same scope and filters, read from the row's own copy, so the
    question is answered from the row's own (indexed) table. ``melding`` is the path to the
    melding (for the period and the product); ``consulent`` the copy of its consulent."""
    voorwaarde = scope(user, consulent=consulent)
    if voorwaarde is None:
        return qs.none()
    qs = qs.filter(voorwaarde)
    if filters.gemeente:
        qs = qs.filter(gemeente_id=filters.gemeente)
    if filters.consulent:
        qs = qs.filter(**{f"{consulent}_id": filters.consulent})
    if filters.van:
        qs = qs.filter(**{f"{melding}__ontvangen_op__gte": _begin(filters.van)})
    if filters.tot:
        qs = qs.filter(**{f"{melding}__ontvangen_op__lt": _begin(filters.tot + timedelta(days=1))})
    if filters.product:
        qs = qs.filter(
            Exists(
                AangevraagdeVoorziening.objects.filter(
                    aanvraag__melding=OuterRef(f"{melding}_id"),
                    voorziening__iwmo_productcategorie=filters.product,
                )
            )
        )
    return qs


def aanvragen(user, filters: Filters = Filters()):
    """The aanvragen of the user's meldingen narrowed by the dashboard filters."""
    return _met_kopie(Aanvraag.objects.all(), user, filters, melding="melding", consulent="consulent")


def beschikkingen(user, filters: Filters = Filters()):
    """The beschikkingen of the user's meldingen narrowed by the dashboard filters."""
    return _met_kopie(
        Beschikking.objects.all(), user, filters, melding="aanvraag__melding", consulent="consulent"
    )


def gesprekken(user, filters: Filters = Filters()):
    """The gesprekken of the user's meldingen narrowed by the dashboard filters."""
    return _met_kopie(Gesprek.objects.all(), user, filters, melding="melding", consulent="melding_consulent")
