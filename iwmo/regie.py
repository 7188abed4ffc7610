"""Regie: a toewijzing whose aanbieder has not started ("aanbieder nog niet gestart").

On average it takes weeks before help is at home; the gemeente keeps regie by seeing which
toewijzingen got no start zorg (WMO305, processen.md "Start melden") within a number of werkdagen
it sets per gemeente (Gemeente.iwmo_start_signaal_werkdagen, default 5, in beheer). The day the
signal shows is stored on the toewijzing (`start_signaal_op`, indexed) so lists filter on a
column, never compute per row. It counts from the later of the toewijzing's date and its
ingangsdatum (before the help is due nothing is late), in werkdagen of the Algemene termijnenwet
calendar plus the days equated by Royal Decree (wmo.termijnen.werkdagen_verder).
"""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from iwmo.models import Toewijzing
from wmo import termijnen
from wmo.models import gelijkgestelde_dagen


def start_signaal_datum(toewijzing: Toewijzing, *, werkdagen: int, extra=None) -> date | None:
    """The day "aanbieder nog niet gestart" shows, or None when it never should (started, stopped)."""
    if toewijzing.gestart_op or toewijzing.gestopt_op:
        return None
    extra = gelijkgestelde_dagen() if extra is None else extra
    toegewezen = timezone.localdate(toewijzing.toegewezen_op)
    vanaf = max(toegewezen, toewijzing.ingangsdatum)
    return termijnen.werkdagen_verder(vanaf, werkdagen, extra)


def start_signaal_bijwerken(toewijzing: Toewijzing, *, extra=None) -> None:
    """Set `start_signaal_op` on the (unsaved) toewijzing from its inputs; the caller saves it."""
    gemeente = toewijzing.gemeente
    toewijzing.start_signaal_op = start_signaal_datum(
        toewijzing, werkdagen=gemeente.iwmo_start_signaal_werkdagen, extra=extra
    )


def start_signalen_herberekenen(gemeente_id: int | None = None) -> int:
    """Recompute the stored signal day of every toewijzing that has not started (all or one gemeente).

    Called when beheer changes the number of werkdagen or a day equated to a feestdag.
    """
    extra = gelijkgestelde_dagen()
    rijen = Toewijzing.objects.filter(gestart_op__isnull=True, gestopt_op__isnull=True).select_related(
        "gemeente"
    )
    if gemeente_id:
        rijen = rijen.filter(gemeente_id=gemeente_id)
    gewijzigd = []
    for t in rijen.only(
        "id",
        "toegewezen_op",
        "ingangsdatum",
        "gestart_op",
        "gestopt_op",
        "start_signaal_op",
        "gemeente__iwmo_start_signaal_werkdagen",
    ):
        oud = t.start_signaal_op
        start_signaal_bijwerken(t, extra=extra)
        if t.start_signaal_op != oud:
            gewijzigd.append(t)
    Toewijzing.objects.bulk_update(gewijzigd, ["start_signaal_op"], batch_size=1000)
    return len(gewijzigd)


def niet_gestart(vandaag: date | None = None):
    """Toewijzingen whose aanbieder has not started although the signal day has come.

    A toewijzing that already ended (einddatum passed) no longer signals.
    """
    vandaag = vandaag or timezone.localdate()
    return Toewijzing.objects.filter(
        start_signaal_op__lte=vandaag, gestart_op__isnull=True, gestopt_op__isnull=True
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))


def niet_gestart_voor_consulent(user, vandaag: date | None = None):
    """The consulent's own: toewijzingen from beschikkingen of meldingen assigned to them."""
    return (
        niet_gestart(vandaag)
        .filter(regel__beschikking__aanvraag__melding__consulent=user)
        .select_related("aanbieder", "inwoner", "regel__beschikking__aanvraag__melding")
        .order_by("start_signaal_op", "nummer")
    )


def niet_gestart_per_aanbieder(meldingen, vandaag: date | None = None):
    """For the teamleider: the count per aanbieder within the meldingen they see (one query; a
    values QuerySet of aanbieder__naam, aanbieder__agb_code and aantal)."""
    return (
        niet_gestart(vandaag)
        .filter(regel__beschikking__aanvraag__melding__in=meldingen)
        .values("aanbieder__naam", "aanbieder__agb_code")
        .annotate(aantal=Count("id"))
        .order_by("-aantal", "aanbieder__naam")
    )


# -- receivers (connected in iwmo.apps): keep start_signaal_op current whoever saves a toewijzing --


def bij_toewijzing_opslaan(sender, instance, **kwargs) -> None:
    """pre_save of Toewijzing: the outgoing side's services need not know about regie."""
    if kwargs.get("raw"):  # loading fixtures
        return
    start_signaal_bijwerken(instance)


def bij_gelijkgestelde_dagen_gewijzigd(sender, **kwargs) -> tuple[str, int]:
    """wmo.signals.gelijkgestelde_dagen_gewijzigd: a day equated by Royal Decree moves the signal."""
    return "toewijzingen", start_signalen_herberekenen()


def bij_gemeente_opslaan(sender, instance, **kwargs) -> None:
    """pre_save of Gemeente: note whether beheer changed the number of werkdagen."""
    if kwargs.get("raw") or instance.pk is None:
        return
    oud = (
        type(instance)
        .objects.filter(pk=instance.pk)
        .values_list("iwmo_start_signaal_werkdagen", flat=True)
        .first()
    )
    instance._iwmo_start_signaal_gewijzigd = oud is not None and oud != instance.iwmo_start_signaal_werkdagen


def bij_gemeente_opgeslagen(sender, instance, **kwargs) -> None:
    """post_save of Gemeente: recompute the stored signal days of its toewijzingen that have not started."""
    if getattr(instance, "_iwmo_start_signaal_gewijzigd", False):
        instance._iwmo_start_signaal_gewijzigd = False
        start_signalen_herberekenen(instance.pk)
