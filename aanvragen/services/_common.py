"""Private helpers shared by the service modules: the beslistermijn and the guards.

The stored ``Aanvraag.beslis_deadline`` is computed in one place, ``_beslis_deadline``, with
wmo.termijnen.beslis_deadline and the days equated to feestdagen (Atw art. 3 lid 3); the
stored ``dwangsom_vanaf`` follows it through wmo.regels.dwangsom.
Nothing outside aanvragen.services imports from here.
"""

from collections.abc import Collection, Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag, Beschikking, Opschorting
from wmo import termijnen
from wmo.models import Medewerker, gelijkgestelde_dagen
from wmo.regels import dwangsom
from wmo.services import save_with_history


def _format_date(d: date) -> str:
    return date_format(d, "j F Y")


# --- The beslistermijn: one computation -------------------------------------------------


def _beslis_deadline(
    ontvangen_op: date, opschortingen: Iterable[Opschorting], extra: Collection[date]
) -> date | None:
    """The statutory last day to decide (Wmo 2015 art. 2.3.5 lid 1, Awb 4:13 and 4:15, Atw).

    The one place the stored Aanvraag.beslis_deadline comes from; each suspension counts as
    its ``interval`` (wmo.regels.opschorting). A Verdaging (Awb 4:14) is deliberately not an
    input.
    """
    return termijnen.beslis_deadline(ontvangen_op, [o.interval for o in opschortingen], extra)


def _save_beslis_deadline(aanvraag: Aanvraag, *, door: Medewerker, reden: str) -> Aanvraag:
    aanvraag.beslis_deadline = _beslis_deadline(
        aanvraag.ontvangen_op, aanvraag.opschortingen.all(), gelijkgestelde_dagen()
    )
    aanvraag.dwangsom_vanaf = dwangsom.vanaf(aanvraag.beslis_deadline, aanvraag.ingebrekestelling_op)
    save_with_history(aanvraag, door=door, reden=reden)
    return aanvraag


def _lock(aanvraag: Aanvraag) -> Aanvraag:
    """Fetch fresh and lock: one change to a clock at a time."""
    return Aanvraag.objects.select_for_update(of=("self",)).select_related("melding").get(pk=aanvraag.pk)


def _ensure_open(aanvraag: Aanvraag) -> None:
    if not aanvraag.is_open:
        raise ValidationError(
            _("Over deze aanvraag is al besloten op %(datum)s.")
            % {"datum": _format_date(aanvraag.besloten_op)},
            code="besloten",
        )


def _open_opschorting(aanvraag: Aanvraag) -> Opschorting | None:
    return aanvraag.opschortingen.filter(eerste_dag_weer__isnull=True).first()


def _lock_beschikking(beschikking: Beschikking) -> Beschikking:
    return (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("aanvraag__melding")
        .get(pk=beschikking.pk)
    )
