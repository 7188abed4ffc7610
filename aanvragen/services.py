"""Every write to an aanvraag and its beslistermijn. Views call these; nothing else changes it.

The process in plain words
--------------------------
The inwoner files an aanvraag (Wmo 2015 art. 2.3.5): after the onderzoek, six weeks after
the melding without one, straight away when declining the gesprek, after triage, or on
paper. From the day after it is received the college has two weeks to decide
(``aanvraag_registreren``). The clock stands still (Awb 4:15) while the gemeente waits for
information it asked for with a set term (Awb 4:5), during a postponement the inwoner
agreed to, while the delay is the inwoner's doing, or during overmacht
(``aanvraag_opschorten``); it runs again from the day recorded in ``opschorting_beeindigen``.
A request for information without a set term suspends nothing, so it is refused. The inwoner
gets a letter when information is asked and when the clock runs again.

When the gemeente cannot decide in time it tells the inwoner a new expected date
(``aanvraag_verdagen``, Awb 4:14 lid 3). That date is recorded and shown, but the statutory
deadline stays: an ingebrekestelling and dwangsom (Awb 4:17) still count from it.
``aanvraag_besloten`` records when the beschikking was sent: the clock is met.

The stored ``Aanvraag.beslis_deadline`` is computed in one place, ``_beslis_deadline``, with
wmo.termijnen.beslis_deadline and the days equated to feestdagen (Atw art. 3 lid 3).
``beslis_deadlines_herberekenen`` refreshes all open aanvragen when those days change.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from meldingen.constants import MeldingStatus
from meldingen.models import Melding
from meldingen.services import melding_brief_versturen, melding_status_zetten
from wmo import termijnen
from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker, gelijkgestelde_dagen
from wmo.services import opslaan

from . import mandaat
from .constants import BESCHIKKING_OVERGANGEN, BeschikkingStatus, Grondslag, OpschortingReden
from .models import (
    AangevraagdeVoorziening,
    Aanvraag,
    Beschikking,
    BeschikkingRegel,
    Bezwaar,
    Opschorting,
    Verdaging,
)

# What the suspension was about, in B1 Dutch, for the letter "opschorting beëindigd".
_REDEN_IN_GEWONE_WOORDEN = {
    OpschortingReden.AANVULLING_GEVRAAGD: "wij wachtten op gegevens van u",
    OpschortingReden.UITSTEL_MET_INSTEMMING: "u het goed vond dat wij later besluiten",
    OpschortingReden.VERTRAGING_DOOR_AANVRAGER: "wij op u moesten wachten",
    OpschortingReden.OVERMACHT: "wij door overmacht niet verder konden",
}


def _datum(d: date) -> str:
    return date_format(d, "j F Y")


# --- The beslistermijn: one computation -------------------------------------------------


def _engine_interval(opschorting: Opschorting) -> tuple[date, date | None]:
    """A suspension as (first day still, first day running again) for wmo.termijnen.

    Awb 4:15 lid 1 onder a: a request for information with a set term suspends the clock
    until the information arrives or the term lapses, whichever comes first. So the clock
    runs again at the latest the day after ``termijn_tot``, also while the suspension is
    still open. Other reasons (lid 2) without a recorded end give (start, None): the clock
    stands still and there is no deadline.
    """
    einde = opschorting.eerste_dag_weer
    uiterste = opschorting.uiterste_dag_weer
    if uiterste is not None:
        einde = uiterste if einde is None else min(einde, uiterste)
    return opschorting.eerste_dag_stil, einde


def _beslis_deadline(
    ontvangen_op: date, opschortingen: Iterable[Opschorting], extra: Collection[date]
) -> date | None:
    """The statutory last day to decide (Wmo 2015 art. 2.3.5 lid 1, Awb 4:13 and 4:15, Atw).

    The one place the stored Aanvraag.beslis_deadline comes from. A Verdaging (Awb 4:14)
    is deliberately not an input.
    """
    return termijnen.beslis_deadline(ontvangen_op, [_engine_interval(o) for o in opschortingen], extra)


def _dwangsom_vanaf(beslis_deadline: date | None, ingebrekestelling_op: date | None) -> date | None:
    """First day of the dwangsom (Awb 4:17 lid 3), or None while it cannot run (yet)."""
    if beslis_deadline is None or ingebrekestelling_op is None or ingebrekestelling_op <= beslis_deadline:
        return None
    return termijnen.dwangsom_eerste_dag(beslis_deadline, ingebrekestelling_op)


def _beslis_deadline_opslaan(aanvraag: Aanvraag, *, door: Medewerker, reden: str) -> Aanvraag:
    aanvraag.beslis_deadline = _beslis_deadline(
        aanvraag.ontvangen_op, aanvraag.opschortingen.all(), gelijkgestelde_dagen()
    )
    aanvraag.dwangsom_vanaf = _dwangsom_vanaf(aanvraag.beslis_deadline, aanvraag.ingebrekestelling_op)
    opslaan(aanvraag, door=door, reden=reden)
    return aanvraag


def _vergrendelen(aanvraag: Aanvraag) -> Aanvraag:
    """Fetch fresh and lock: one change to a clock at a time."""
    return Aanvraag.objects.select_for_update(of=("self",)).select_related("melding").get(pk=aanvraag.pk)


def _moet_open_zijn(aanvraag: Aanvraag) -> None:
    if not aanvraag.is_open:
        raise ValidationError(
            _("Over deze aanvraag is al besloten op %(datum)s.") % {"datum": _datum(aanvraag.besloten_op)},
            code="besloten",
        )


def _open_opschorting(aanvraag: Aanvraag) -> Opschorting | None:
    return aanvraag.opschortingen.filter(eerste_dag_weer__isnull=True).first()


# --- Letters -----------------------------------------------------------------------------


def _brief_versturen(*, soort: str, aanvraag: Aanvraag, door: Medewerker, **context) -> Brief:
    """Render the letter ``aanvragen/brieven/<soort>.html`` and keep it exactly as sent."""
    return melding_brief_versturen(
        melding=aanvraag.melding,
        soort=soort,
        template=f"aanvragen/brieven/{soort}.html",
        door=door,
        context={"aanvraag": aanvraag, **context},
    )


# --- Services ----------------------------------------------------------------------------


@transaction.atomic
def aanvraag_registreren(
    *, melding: Melding, ontvangen_op: date, grondslag: str, door: Medewerker
) -> Aanvraag:
    """Register a received aanvraag: it starts the beslistermijn (Wmo 2015 art. 2.3.5).

    The melding moves to "aanvraag ontvangen" unless it is already there (a second aanvraag
    on the same melding); a closed or decided melding refuses (meldingen.constants.OVERGANGEN).
    """
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    aanvraag = Aanvraag(
        melding=melding, ontvangen_op=ontvangen_op, grondslag=grondslag, geregistreerd_door=door
    )
    if ontvangen_op:  # else full_clean reports the missing date
        aanvraag.beslis_deadline = _beslis_deadline(ontvangen_op, (), gelijkgestelde_dagen())
    opslaan(aanvraag, door=door, reden="Aanvraag geregistreerd")
    if melding.status != MeldingStatus.AANVRAAG_ONTVANGEN:
        if grondslag != Grondslag.SPOED:  # for spoed the onderzoek goes on (Wmo 2015 art. 2.3.3)
            aanvraag.melding = melding_status_zetten(
                melding=melding, door=door, naar=MeldingStatus.AANVRAAG_ONTVANGEN, reden="Aanvraag ontvangen"
            )
    return aanvraag


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
    One suspension at a time; one that starts after the deadline has passed is refused.
    """
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    lopend = _open_opschorting(aanvraag)
    if lopend:
        raise ValidationError(
            _(
                "Er loopt al een opschorting sinds %(datum)s. Leg eerst vast vanaf wanneer de termijn "
                "weer loopt."
            )
            % {"datum": _datum(lopend.eerste_dag_stil)},
            code="al_opgeschort",
        )
    oude_deadline = aanvraag.beslis_deadline
    if eerste_dag_stil and oude_deadline and eerste_dag_stil > oude_deadline:
        raise ValidationError(
            {
                "eerste_dag_stil": _(
                    "De beslistermijn liep tot en met %(datum)s. Een opschorting die later begint, "
                    "verlengt de termijn niet meer."
                )
                % {"datum": _datum(oude_deadline)}
            }
        )
    opschorting = Opschorting(
        aanvraag=aanvraag,
        reden=reden,
        eerste_dag_stil=eerste_dag_stil,
        termijn_tot=termijn_tot,
        toelichting=toelichting,
    )
    opslaan(opschorting, door=door, reden="Beslistermijn opgeschort")
    _beslis_deadline_opslaan(
        aanvraag, door=door, reden=f"Beslistermijn opgeschort: {OpschortingReden(reden).label}"
    )
    if reden == OpschortingReden.AANVULLING_GEVRAAGD:
        _brief_versturen(
            soort=BriefSoort.VERZOEK_OM_AANVULLING,
            aanvraag=aanvraag,
            door=door,
            opschorting=opschorting,
            oude_deadline=oude_deadline,
        )
    return opschorting


@transaction.atomic
def opschorting_beeindigen(
    *, opschorting: Opschorting, eerste_dag_weer: date, door: Medewerker
) -> Opschorting:
    """Record the first day the beslistermijn runs again; the inwoner gets the letter
    "opschorting beëindigd" with the new decision date.

    For a request for information that is the day the information arrived, at the latest the
    day after the set term (Awb 4:15 lid 1 onder a).
    """
    aanvraag = _vergrendelen(opschorting.aanvraag)
    _moet_open_zijn(aanvraag)
    opschorting = Opschorting.objects.select_for_update().get(pk=opschorting.pk)
    if not opschorting.is_open:
        raise ValidationError(
            _("Deze opschorting is al beëindigd: de termijn loopt weer sinds %(datum)s.")
            % {"datum": _datum(opschorting.eerste_dag_weer)},
            code="al_beeindigd",
        )
    opschorting.aanvraag = aanvraag
    opschorting.eerste_dag_weer = eerste_dag_weer
    opslaan(opschorting, door=door, reden="Opschorting beëindigd")
    _beslis_deadline_opslaan(aanvraag, door=door, reden="Opschorting beëindigd: beslistermijn loopt weer")
    _brief_versturen(
        soort=BriefSoort.OPSCHORTING_BEEINDIGD,
        aanvraag=aanvraag,
        door=door,
        opschorting=opschorting,
        reden_in_gewone_woorden=_REDEN_IN_GEWONE_WOORDEN[OpschortingReden(opschorting.reden)],
        dagen_stil=(eerste_dag_weer - opschorting.eerste_dag_stil).days,
    )
    return opschorting


@transaction.atomic
def aanvraag_verdagen(
    *, aanvraag: Aanvraag, verwachte_datum: date, reden: str, door: Medewerker
) -> Verdaging:
    """Tell the inwoner the decision comes later, with a new expected date (Awb 4:14 lid 3).

    Sends the "verdagingsbericht". The statutory beslis_deadline does not change: the
    dwangsom (Awb 4:17) still counts from it, and the letter says so.
    """
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    verdaging = Verdaging(
        aanvraag=aanvraag, verwachte_datum=verwachte_datum, reden=reden, gemeld_op=timezone.localdate()
    )
    opslaan(verdaging, door=door, reden="Verdaging gemeld (Awb 4:14)")
    _brief_versturen(soort=BriefSoort.VERDAGINGSBERICHT, aanvraag=aanvraag, door=door, verdaging=verdaging)
    return verdaging


def _bekendmaken(aanvraag: Aanvraag, beschikking: Beschikking, *, op: date, door: Medewerker) -> Aanvraag:
    """The beschikking is sent: the beslistermijn is met (or missed) and bezwaar can start.

    A suspension still open must be ended first, so the record shows how the clock ran.
    When this was the melding's last open aanvraag (and not a spoed aanvraag, whose
    onderzoek goes on), the melding moves to "besloten".
    """
    _moet_open_zijn(aanvraag)
    if not op:
        raise ValidationError({"besloten_op": _("Vul de datum in waarop de beschikking is verstuurd.")})
    lopend = _open_opschorting(aanvraag)
    if lopend:
        raise ValidationError(
            _(
                "De beslistermijn staat stil sinds %(datum)s. Leg eerst vast vanaf wanneer de termijn "
                "weer liep, en leg daarna het besluit vast."
            )
            % {"datum": _datum(lopend.eerste_dag_stil)},
            code="opgeschort",
        )
    aanvraag.besloten_op = op
    opslaan(aanvraag, door=door, reden="Besloten: beschikking verstuurd")
    beschikking.aanvraag = aanvraag
    beschikking.status = BeschikkingStatus.VERSTUURD
    beschikking.bekendgemaakt_op = op
    beschikking.bezwaar_deadline = termijnen.bezwaar_deadline(op, gelijkgestelde_dagen())
    opslaan(beschikking, door=door, reden="Beschikking bekendgemaakt: bezwaartermijn loopt")
    melding = aanvraag.melding
    if (
        aanvraag.grondslag != Grondslag.SPOED
        and melding.status == MeldingStatus.AANVRAAG_ONTVANGEN
        and not melding.aanvragen.open().exists()
    ):
        aanvraag.melding = melding_status_zetten(
            melding=melding, door=door, naar=MeldingStatus.BESLOTEN, reden="Over de aanvraag is besloten"
        )
    return aanvraag


@transaction.atomic
def aanvraag_besloten(*, aanvraag: Aanvraag, besloten_op: date, door: Medewerker) -> Aanvraag:
    """Record a decision that was sent outside Keukentafel (on paper, or from the former system).

    Keukentafel's own beschikkingen are sent with beschikking_versturen.
    """
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        raise ValidationError(_("Voor deze aanvraag is al een beschikking gemaakt. Verstuur die."))
    return _bekendmaken(aanvraag, Beschikking(opgesteld_door=door), op=besloten_op, door=door)


@transaction.atomic
def aanvraag_ingebrekestelling_registreren(
    *, aanvraag: Aanvraag, ontvangen_op: date, door: Medewerker
) -> Aanvraag:
    """Record the inwoner's written ingebrekestelling (Awb 4:17): two weeks after it, when
    there is still no decision, the gemeente owes a dwangsom for every day (at most 42)."""
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    if not ontvangen_op:
        raise ValidationError({"ingebrekestelling_op": _("Vul de datum van ontvangst in.")})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ingebrekestelling_op": _("Deze datum kan niet in de toekomst liggen.")})
    if aanvraag.ingebrekestelling_op:
        raise ValidationError(
            _("Er is al een ingebrekestelling vastgelegd, ontvangen op %(datum)s.")
            % {"datum": _datum(aanvraag.ingebrekestelling_op)}
        )
    if aanvraag.beslis_deadline is None or ontvangen_op <= aanvraag.beslis_deadline:
        tot = _datum(aanvraag.beslis_deadline) if aanvraag.beslis_deadline else None
        raise ValidationError(
            {
                "ingebrekestelling_op": _(
                    "De beslistermijn loopt nog (tot en met %(datum)s). Een ingebrekestelling heeft pas "
                    "gevolg als die termijn voorbij is; de inwoner kan haar daarna opnieuw sturen."
                )
                % {"datum": tot}
                if tot
                else _("De beslistermijn staat stil. Een ingebrekestelling heeft nu nog geen gevolg.")
            }
        )
    aanvraag.ingebrekestelling_op = ontvangen_op
    return _beslis_deadline_opslaan(aanvraag, door=door, reden="Ingebrekestelling ontvangen (Awb 4:17)")


@transaction.atomic
def beslis_deadlines_herberekenen() -> int:
    """Recompute beslis_deadline of every open aanvraag; return how many changed.

    For when the functioneel beheerder adds or removes a day equated to a feestdag (Atw art. 3
    lid 3). Set-based: one query for the open aanvragen (locked), one for their suspensions,
    one for the equated days, the engine in Python, and one bulk update (with its history
    rows) of only the changed aanvragen.
    """
    aanvragen = list(Aanvraag.objects.open().select_for_update().order_by("pk"))
    opschortingen: dict[int, list[Opschorting]] = defaultdict(list)
    for opschorting in Opschorting.objects.filter(aanvraag__besloten_op__isnull=True).order_by():
        opschortingen[opschorting.aanvraag_id].append(opschorting)
    extra = gelijkgestelde_dagen()
    gewijzigd = []
    for aanvraag in aanvragen:
        nieuw = _beslis_deadline(aanvraag.ontvangen_op, opschortingen[aanvraag.pk], extra)
        if nieuw != aanvraag.beslis_deadline:
            aanvraag.beslis_deadline = nieuw
            aanvraag.dwangsom_vanaf = _dwangsom_vanaf(nieuw, aanvraag.ingebrekestelling_op)
            gewijzigd.append(aanvraag)
    if gewijzigd:
        bulk_update_with_history(
            gewijzigd,
            Aanvraag,
            ["beslis_deadline", "dwangsom_vanaf"],
            batch_size=1000,
            default_change_reason="Beslistermijn herberekend: gelijkgestelde dagen gewijzigd",
        )
    return len(gewijzigd)


@transaction.atomic
def bezwaar_deadlines_herberekenen() -> int:
    """Recompute the bezwaar deadline of every beschikking whose bezwaar term still runs.

    Set-based, like beslis_deadlines_herberekenen: one read, one bulk update of the changed rows.
    """
    extra = gelijkgestelde_dagen()
    gewijzigd = []
    for beschikking in Beschikking.objects.filter(
        bezwaar_deadline__gte=timezone.localdate()
    ).select_for_update():
        nieuw = termijnen.bezwaar_deadline(beschikking.bekendgemaakt_op, extra)
        if nieuw != beschikking.bezwaar_deadline:
            beschikking.bezwaar_deadline = nieuw
            gewijzigd.append(beschikking)
    if gewijzigd:
        bulk_update_with_history(
            gewijzigd,
            Beschikking,
            ["bezwaar_deadline"],
            batch_size=1000,
            default_change_reason="Bezwaartermijn herberekend: gelijkgestelde dagen gewijzigd",
        )
    return len(gewijzigd)


# --- Beschikking: per voorziening, within mandate ------------------------------------------


@transaction.atomic
def aanvraag_voorziening_toevoegen(
    *, aanvraag: Aanvraag, voorziening, resultaatgebied: int, toelichting: str = "", door: Medewerker
) -> AangevraagdeVoorziening:
    """Add a requested maatwerkvoorziening, with the resultaat it should serve."""
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        raise ValidationError(_("Er is al een beschikking in de maak. Voeg de voorziening daarvoor toe."))
    aangevraagd = AangevraagdeVoorziening(
        aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=resultaatgebied, toelichting=toelichting
    )
    opslaan(aangevraagd, door=door, reden="Voorziening aangevraagd")
    return aangevraagd


def _beschikking_vergrendelen(beschikking: Beschikking) -> Beschikking:
    return (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("aanvraag__melding")
        .get(pk=beschikking.pk)
    )


def _beschikking_naar(beschikking: Beschikking, naar: str) -> None:
    if naar not in BESCHIKKING_OVERGANGEN[beschikking.status]:
        raise ValidationError(
            _("Een beschikking met status ‘%(van)s’ kan niet naar ‘%(naar)s’.")
            % {"van": BeschikkingStatus(beschikking.status).label, "naar": BeschikkingStatus(naar).label},
            code="overgang",
        )
    beschikking.status = naar


@transaction.atomic
def beschikking_opstellen(*, aanvraag: Aanvraag, door: Medewerker) -> Beschikking:
    """Start the draft beschikking of an aanvraag with at least one requested voorziening."""
    aanvraag = _vergrendelen(aanvraag)
    _moet_open_zijn(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        return aanvraag.beschikking
    if not aanvraag.voorzieningen.exists():
        raise ValidationError(_("Voeg eerst de gevraagde voorziening(en) toe aan de aanvraag."))
    beschikking = Beschikking(aanvraag=aanvraag, opgesteld_door=door)
    opslaan(beschikking, door=door, reden="Beschikking opgesteld (concept)")
    return beschikking


@transaction.atomic
def beschikking_regel_vastleggen(
    *, beschikking: Beschikking, aangevraagd: AangevraagdeVoorziening, door: Medewerker, **velden
) -> BeschikkingRegel:
    """Record (or change) the decision on one requested voorziening, while the draft is open."""
    beschikking = _beschikking_vergrendelen(beschikking)
    if beschikking.status != BeschikkingStatus.CONCEPT:
        raise ValidationError(
            _("Alleen een concept kan worden gewijzigd. Vraag de goedkeurder het terug te sturen.")
        )
    if aangevraagd.aanvraag_id != beschikking.aanvraag_id:
        raise ValidationError(_("Deze voorziening hoort niet bij deze aanvraag."))
    regel = BeschikkingRegel.objects.filter(aangevraagd=aangevraagd).first() or BeschikkingRegel(
        beschikking=beschikking, aangevraagd=aangevraagd
    )
    velden.setdefault("voorziening", aangevraagd.voorziening)
    for naam, waarde in velden.items():
        setattr(regel, naam, waarde)
    if (
        beschikking.aanvraag.grondslag == Grondslag.SPOED
        and regel.uitkomst != "afgewezen"
        and not regel.voorlopig
    ):
        raise ValidationError(
            {"voorlopig": _("Bij spoed is het besluit een voorlopige voorziening met einddatum.")}
        )
    opslaan(regel, door=door, reden=f"Besluit over {aangevraagd.voorziening}")
    return regel


def _compleet(beschikking: Beschikking) -> None:
    open_ = beschikking.aanvraag.voorzieningen.filter(regel__isnull=True)
    if open_.exists():
        raise ValidationError(
            _("Neem eerst een besluit over: %(namen)s.") % {"namen": ", ".join(str(a) for a in open_)}
        )


@transaction.atomic
def beschikking_indienen(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Send the draft for approval (no mandate, or four eyes)."""
    beschikking = _beschikking_vergrendelen(beschikking)
    _compleet(beschikking)
    _beschikking_naar(beschikking, BeschikkingStatus.TER_GOEDKEURING)
    beschikking.opmerkingen = ""
    opslaan(beschikking, door=door, reden="Ter goedkeuring aangeboden")
    return beschikking


@transaction.atomic
def beschikking_terugsturen(*, beschikking: Beschikking, door: Medewerker, opmerkingen: str) -> Beschikking:
    """The approver returns the draft with remarks."""
    beschikking = _beschikking_vergrendelen(beschikking)
    if not mandaat.mag_goedkeuren(door, beschikking):
        raise ValidationError(_("U mag deze beschikking niet beoordelen (eigen concept, of geen mandaat)."))
    if not (opmerkingen or "").strip():
        raise ValidationError({"opmerkingen": _("Schrijf op wat er anders moet.")})
    _beschikking_naar(beschikking, BeschikkingStatus.CONCEPT)
    beschikking.opmerkingen = opmerkingen.strip()
    opslaan(beschikking, door=door, reden="Teruggestuurd met opmerkingen")
    return beschikking


@transaction.atomic
def beschikking_goedkeuren(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Approve someone else's draft, with mandate for every voorziening in it (four eyes)."""
    beschikking = _beschikking_vergrendelen(beschikking)
    if beschikking.opgesteld_door_id == door.pk:
        raise ValidationError(_("U kunt uw eigen concept niet goedkeuren. Een collega met mandaat doet dat."))
    ontbreekt = mandaat.ontbrekend_mandaat(door, beschikking)
    if ontbreekt:
        raise ValidationError(
            _("U heeft geen mandaat voor: %(namen)s.") % {"namen": ", ".join(ontbreekt)}, code="mandaat"
        )
    _beschikking_naar(beschikking, BeschikkingStatus.GOEDGEKEURD)
    beschikking.goedgekeurd_door = door
    opslaan(beschikking, door=door, reden="Goedgekeurd")
    return beschikking


@transaction.atomic
def beschikking_versturen(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Send the beschikking: the letter is frozen as sent, the beslistermijn is met, and the
    bezwaar term starts (Awb 6:7, 6:8), which the letter states with its end date."""
    beschikking = _beschikking_vergrendelen(beschikking)
    _compleet(beschikking)
    if beschikking.status == BeschikkingStatus.CONCEPT and not mandaat.mag_zelf_besluiten(door, beschikking):
        raise ValidationError(
            _("U kunt dit niet alleen besluiten (geen mandaat, of vier ogen). Bied het ter goedkeuring aan."),
            code="mandaat",
        )
    _beschikking_naar(beschikking, BeschikkingStatus.VERSTUURD)
    aanvraag = _vergrendelen(beschikking.aanvraag)
    vandaag = timezone.localdate()
    toegekend = [r.ingangsdatum for r in beschikking.regels.all() if r.toegekend and r.ingangsdatum]
    if toegekend:  # an evaluation call once the help has been running a while
        beschikking.nazorg_op = min(toegekend) + timedelta(weeks=settings.NAZORG_WEKEN)
    _bekendmaken(aanvraag, beschikking, op=vandaag, door=door)
    beschikking.brief = _brief_versturen(
        soort=BriefSoort.BESCHIKKING,
        aanvraag=aanvraag,
        door=door,
        beschikking=beschikking,
        regels=list(beschikking.regels.select_related("voorziening", "aangevraagd__voorziening")),
    )
    opslaan(beschikking, door=door, reden="Beschikkingsbrief verstuurd en bewaard")
    return beschikking


@transaction.atomic
def bezwaar_registreren(
    *, beschikking: Beschikking, ontvangen_op: date, gronden: str, door: Medewerker
) -> Bezwaar:
    """Register a bezwaarschrift against a sent beschikking; it shows with the aanvraag and melding."""
    bezwaar = Bezwaar(
        beschikking=beschikking, ontvangen_op=ontvangen_op, gronden=gronden, geregistreerd_door=door
    )
    opslaan(bezwaar, door=door, reden="Bezwaar ontvangen")
    return bezwaar


@transaction.atomic
def beschikking_nazorg_afronden(*, beschikking: Beschikking, notitie: str, door: Medewerker) -> Beschikking:
    """Record the evaluation call after the help started: how it goes, in a few words."""
    beschikking = _beschikking_vergrendelen(beschikking)
    if beschikking.nazorg_op is None or beschikking.nazorg_gedaan_op:
        raise ValidationError(_("Er staat geen nazorg open voor deze beschikking."))
    if not (notitie or "").strip():
        raise ValidationError({"nazorg_notitie": _("Schrijf kort op hoe het gaat met de hulp.")})
    beschikking.nazorg_gedaan_op = timezone.localdate()
    beschikking.nazorg_notitie = notitie.strip()
    opslaan(beschikking, door=door, reden="Nazorg gedaan")
    return beschikking
