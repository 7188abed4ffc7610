"""Every write to the beslistermijn's suspensions (Awb 4:15) and notices of delay (Awb 4:14).

The process in plain words
--------------------------
The clock stands still (Awb 4:15) while the gemeente waits for information it asked for
with a set term (Awb 4:5), during a postponement the inwoner agreed to, while the delay is
the inwoner's doing, or during overmacht (``aanvraag_opschorten``); it runs again from the
day recorded in ``opschorting_beeindigen``. A request for information without a set term
suspends nothing, so it is refused. The inwoner gets a letter when information is asked
and when the clock runs again.

When the gemeente cannot decide in time it tells the inwoner a new expected date
(``aanvraag_verdagen``, Awb 4:14 lid 3). That date is recorded and shown, but the statutory
deadline stays: an ingebrekestelling and dwangsom (Awb 4:17) still count from it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.constants import OpschortingReden
from aanvragen.models import Aanvraag, Opschorting, Verdaging
from wmo import brieven
from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.regels import dwangsom as dwangsom_regel
from wmo.regels import opschorting as opschorting_regel
from wmo.services import save_with_history

from ._common import (
    _ensure_open,
    _format_date,
    _lock,
    _open_opschorting,
    _save_beslis_deadline,
)

# What the suspension was about, in B1 Dutch, for the letter "opschorting beëindigd".
_REDEN_IN_GEWONE_WOORDEN = {
    OpschortingReden.AANVULLING_GEVRAAGD: "wij wachtten op gegevens van u",
    OpschortingReden.UITSTEL_MET_INSTEMMING: "u het goed vond dat wij later besluiten",
    OpschortingReden.VERTRAGING_DOOR_AANVRAGER: "wij op u moesten wachten",
    OpschortingReden.OVERMACHT: "wij door overmacht niet verder konden",
}


def verzoek_te_vroeg_melding(verzocht_op: date) -> str:
    """The message for a request for information whose suspension would start too early."""
    return _(
        "Bij een verzoek om aanvulling staat de beslistermijn pas stil vanaf de dag na het verzoek "
        "(Awb 4:15 lid 1 onder a). Het verzoek gaat vandaag, %(vandaag)s, uit. Vul %(eerste)s of "
        "later in."
    ) % {
        "vandaag": _format_date(verzocht_op),
        "eerste": _format_date(opschorting_regel.eerste_dag_na_verzoek(verzocht_op)),
    }


def _repeat(obj, soort: BriefSoort | None, aanvraag: Aanvraag):
    """``obj`` as the result of a repeated send: marked with the letter the first send made
    (wmo.brieven.versturen, "the same send twice"). The caller holds the aanvraag's lock and
    has found the identical record; its letter is the newest of this kind about the melding.
    A suspension without a letter (another reason than a request for information) is marked
    with None: nothing was sent, and nothing is sent again."""
    obj.al_verstuurd = (
        Brief.objects.filter(soort=soort, melding_id=aanvraag.melding_id, origineel__isnull=True)
        .defer("pdf")
        .order_by("-verstuurd_op", "-pk")
        .first()
        if soort
        else None
    )
    obj.herhaald = True
    return obj


@vooraf_ophalen(
    lambda a: a["aanvraag"].melding.inwoner if a["reden"] == OpschortingReden.AANVULLING_GEVRAAGD else None
)
@transaction.atomic
def aanvraag_opschorten(
    *,
    aanvraag: Aanvraag,
    reden: str,
    eerste_dag_stil: date,
    termijn_tot: date | None = None,
    toelichting: str,
    door: Medewerker,
) -> Opschorting:
    """Suspend the beslistermijn from ``eerste_dag_stil`` (Awb 4:15).

    For a request for information (reason aanvulling_gevraagd) the set term ``termijn_tot``
    is required (Awb 4:5; without it nothing is suspended) and the inwoner gets the letter
    "verzoek om aanvulling": what is asked, by when, and what it means for the decision date.
    That letter is the request, dated today, so the clock stands still no earlier than
    tomorrow (Awb 4:15 lid 1 onder a, ``opschorting_regel.begint_na_verzoek``); an earlier
    ``eerste_dag_stil`` is refused and the deadline is recomputed from the stored intervals as
    always. The other reasons (Awb 4:15 lid 2) may start earlier, not before the aanvraag.
    One suspension at a time; one that starts after the deadline has passed is refused.
    """
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    lopend = _open_opschorting(aanvraag)
    if lopend and (lopend.reden, lopend.eerste_dag_stil, lopend.termijn_tot, lopend.toelichting) == (
        reden,
        eerste_dag_stil,
        termijn_tot,
        toelichting,
    ):
        # The same suspension posted twice (a double click): one suspension, one letter.
        return _repeat(
            lopend,
            BriefSoort.VERZOEK_OM_AANVULLING if reden == OpschortingReden.AANVULLING_GEVRAAGD else None,
            aanvraag,
        )
    if lopend:
        raise ValidationError(
            _(
                "Er loopt al een opschorting sinds %(datum)s. Leg eerst vast vanaf wanneer de termijn "
                "weer loopt."
            )
            % {"datum": _format_date(lopend.eerste_dag_stil)},
            code="al_opgeschort",
        )
    oude_deadline = aanvraag.beslis_deadline
    # The request for information is the letter sent below, dated today (Awb 4:15 lid 1 onder a).
    verzocht_op = timezone.localdate()
    if (
        reden == OpschortingReden.AANVULLING_GEVRAAGD
        and eerste_dag_stil
        and not opschorting_regel.begint_na_verzoek(eerste_dag_stil, verzocht_op)
    ):
        raise ValidationError({"eerste_dag_stil": verzoek_te_vroeg_melding(verzocht_op)})
    if eerste_dag_stil and not opschorting_regel.verlengt_nog(eerste_dag_stil, oude_deadline):
        raise ValidationError(
            {
                "eerste_dag_stil": _(
                    "De beslistermijn liep tot en met %(datum)s. Een opschorting die later begint, "
                    "verlengt de termijn niet meer."
                )
                % {"datum": _format_date(oude_deadline)}
            }
        )
    opschorting = Opschorting(
        aanvraag=aanvraag,
        reden=reden,
        eerste_dag_stil=eerste_dag_stil,
        termijn_tot=termijn_tot,
        toelichting=toelichting,
    )
    save_with_history(opschorting, door=door, reden="Beslistermijn opgeschort")
    _save_beslis_deadline(
        aanvraag, door=door, reden=f"Beslistermijn opgeschort: {OpschortingReden(reden).label}"
    )
    if reden == OpschortingReden.AANVULLING_GEVRAAGD:
        brieven.brief_versturen(
            soort=BriefSoort.VERZOEK_OM_AANVULLING,
            melding=aanvraag.melding,
            door=door,
            context={"aanvraag": aanvraag, "opschorting": opschorting, "oude_deadline": oude_deadline},
        )
    return opschorting


@vooraf_ophalen(lambda a: a["opschorting"].aanvraag.melding.inwoner)
@transaction.atomic
def opschorting_beeindigen(
    *, opschorting: Opschorting, eerste_dag_weer: date, door: Medewerker
) -> Opschorting:
    """Record the first day the beslistermijn runs again; the inwoner gets the letter
    "opschorting beëindigd" with the new decision date.

    For a request for information that is the day the information arrived, at the latest the
    day after the set term (Awb 4:15 lid 1 onder a).
    """
    aanvraag = _lock(opschorting.aanvraag)
    _ensure_open(aanvraag)
    opschorting = Opschorting.objects.select_for_update().get(pk=opschorting.pk)
    if not opschorting.is_open and opschorting.eerste_dag_weer == eerste_dag_weer:
        # Ended with this very day already (a double click): one letter.
        return _repeat(opschorting, BriefSoort.OPSCHORTING_BEEINDIGD, aanvraag)
    if not opschorting.is_open:
        raise ValidationError(
            _("Deze opschorting is al beëindigd: de termijn loopt weer sinds %(datum)s.")
            % {"datum": _format_date(opschorting.eerste_dag_weer)},
            code="al_beeindigd",
        )
    opschorting.aanvraag = aanvraag
    opschorting.eerste_dag_weer = eerste_dag_weer
    save_with_history(opschorting, door=door, reden="Opschorting beëindigd")
    _save_beslis_deadline(aanvraag, door=door, reden="Opschorting beëindigd: beslistermijn loopt weer")
    brieven.brief_versturen(
        soort=BriefSoort.OPSCHORTING_BEEINDIGD,
        melding=aanvraag.melding,
        door=door,
        context={
            "aanvraag": aanvraag,
            "opschorting": opschorting,
            "reden_in_gewone_woorden": _REDEN_IN_GEWONE_WOORDEN[OpschortingReden(opschorting.reden)],
            "dagen_stil": opschorting_regel.dagen_stil(opschorting.eerste_dag_stil, eerste_dag_weer),
        },
    )
    return opschorting


@vooraf_ophalen(lambda a: a["aanvraag"].melding.inwoner)
@transaction.atomic
def aanvraag_verdagen(
    *, aanvraag: Aanvraag, verwachte_datum: date, reden: str, door: Medewerker
) -> Verdaging:
    """Tell the inwoner the decision comes later, with a new expected date (Awb 4:14 lid 3).

    Sends the "verdagingsbericht". The statutory beslis_deadline does not change: the
    dwangsom (Awb 4:17) still counts from it, and the letter says so, with the maximum
    number of days from the amounts in force (``dwangsom_regel.geldende_bedragen``), not a
    number written into the letter. The new date lies after today: the letter promises the
    decision "uiterlijk op" that date, which must not already have passed.
    """
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    vandaag = timezone.localdate()
    if verwachte_datum and verwachte_datum <= vandaag:
        raise ValidationError(
            {
                "verwachte_datum": _(
                    "De nieuwe datum moet na vandaag (%(vandaag)s) liggen: de inwoner leest dat het "
                    "besluit uiterlijk op die dag komt."
                )
                % {"vandaag": _format_date(vandaag)}
            }
        )
    vorige = aanvraag.verdagingen.order_by("-pk").first()
    if vorige and (vorige.verwachte_datum, vorige.reden, vorige.gemeld_op) == (
        verwachte_datum,
        reden,
        vandaag,
    ):
        # The same notice posted twice the same day (a double click): one verdaging, one letter.
        return _repeat(vorige, BriefSoort.VERDAGINGSBERICHT, aanvraag)
    verdaging = Verdaging(
        aanvraag=aanvraag, verwachte_datum=verwachte_datum, reden=reden, gemeld_op=timezone.localdate()
    )
    save_with_history(verdaging, door=door, reden="Verdaging gemeld (Awb 4:14)")
    brieven.brief_versturen(
        soort=BriefSoort.VERDAGINGSBERICHT,
        melding=aanvraag.melding,
        door=door,
        context={
            "aanvraag": aanvraag,
            "verdaging": verdaging,
            "dwangsom": dwangsom_regel.geldende_bedragen(),
        },
    )
    return verdaging
