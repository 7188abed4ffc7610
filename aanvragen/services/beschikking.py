"""Every write to a beschikking: per voorziening, within mandate, then sent.

The process in plain words
--------------------------
Once the voorzieningen asked for are known, the consulent drafts the beschikking
(``beschikking_opstellen``) and records the decision on each voorziening
(``beschikking_regel_vastleggen``, Wmo 2015 art. 2.3.5; motivering Awb 3:46). Whoever holds
mandate without four eyes for all of it sends it straight away; otherwise the draft goes for
approval (``beschikking_indienen``) and comes back with remarks (``beschikking_terugsturen``)
or is approved by a colleague with mandate (``beschikking_goedkeuren``). Who may do what is
aanvragen.mandaat's rule.

``beschikking_versturen`` freezes the letter as sent, meets the beslistermijn (``_bekendmaken``,
also used for a decision sent outside Keukentafel) and starts the bezwaar term (Awb 6:7,
6:8); for granted help it also plans the nazorg (services/nazorg.py).
Sending also records who decided under mandate (Awb 10:10): whoever decides alone, or with
four eyes the approver; the letter is signed "namens het college van burgemeester en
wethouders" by that person with their function, and the dossier and history name the same.

What the letter states per voorziening comes from the decision and the catalogue: the legal
basis (Awb 3:47 lid 2: Wmo 2015 article, the gemeente's verordening article, a beleidsregel),
the eigen bijdrage (a property of the product: Wmo 2015 art. 2.1.4, Uitvoeringsbesluit Wmo
2015 art. 3.8 lid 4), the pgb tarief (Wmo 2015 art. 2.3.6) and, for the motivering (Awb
3:46), what the onderzoek found (``onderzoek_bevindingen``).
``bezwaar_deadlines_herberekenen`` refreshes running bezwaar terms when the days equated to
feestdagen change.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from aanvragen import mandaat
from aanvragen.constants import BESCHIKKING_OVERGANGEN, BeschikkingStatus, Leveringsvorm
from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking, BeschikkingRegel
from aanvragen.signals import beschikking_verstuurd, voorziening_beeindigd
from gesprekken.constants import TREDE_IN_BRIEF, GesprekStatus, Oplossing, Trede
from gesprekken.models import Gesprek, ResultaatOnderzoek, VerslagVersie
from meldingen.constants import MeldingStatus
from meldingen.kopie import kopie_van
from meldingen.services import melding_status_zetten
from wmo import brieven, termijnen
from wmo.codelijsten import RedenWijziging
from wmo.constants import BriefSoort, Rol
from wmo.models import Medewerker, Voorziening, gelijkgestelde_dagen
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.regels import spoed
from wmo.services import save_with_history
from wmo.transitions import check_transition

from ._common import (
    _ensure_open,
    _format_date,
    _lock,
    _lock_beschikking,
    _open_opschorting,
)


def _beschikking_naar(beschikking: Beschikking, naar: str) -> None:
    check_transition(
        BESCHIKKING_OVERGANGEN,
        beschikking.status,
        naar,
        labels=BeschikkingStatus,
        message=_("Een beschikking met status ‘%(van)s’ kan niet naar ‘%(naar)s’."),
    )
    beschikking.status = naar


@transaction.atomic
def beschikking_opstellen(*, aanvraag: Aanvraag, door: Medewerker) -> Beschikking:
    """Start the draft beschikking of an aanvraag with at least one requested voorziening."""
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        return aanvraag.beschikking
    if not aanvraag.voorzieningen.exists():
        raise ValidationError(_("Voeg eerst de gevraagde voorziening(en) toe aan de aanvraag."))
    beschikking = Beschikking(
        aanvraag=aanvraag, opgesteld_door=door, **kopie_van(aanvraag, "aanvragen.Beschikking")
    )
    save_with_history(beschikking, door=door, reden="Beschikking opgesteld (concept)")
    return beschikking


@transaction.atomic
def beschikking_regel_vastleggen(
    *, beschikking: Beschikking, aangevraagd: AangevraagdeVoorziening, door: Medewerker, **velden
) -> BeschikkingRegel:
    """Record (or change) the decision on one requested voorziening, while the draft is open."""
    beschikking = _lock_beschikking(beschikking)
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
    regel.voorziening = _periode_op_ingangsdatum(regel.voorziening, regel.ingangsdatum)
    if not regel.eenheid.strip():
        regel.eenheid = regel.voorziening.eenheid_in_brief
    if regel.leveringsvorm != Leveringsvorm.ZIN:
        regel.aanbieder = None
    # The name as the letter prints it, copied now: a later change of the aanbieder's name does not
    # change what this decision said.
    regel.aanbieder_naam = regel.aanbieder.naam if regel.aanbieder else ""
    # From the catalogue, never typed: whether a bijdrage is due follows the product (with its
    # legal exemptions, Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4), and so does the pgb tarief.
    regel.eigen_bijdrage = regel.voorziening.eigen_bijdrage
    regel.pgb_tarief = regel.voorziening.pgb_tarief if regel.leveringsvorm == Leveringsvorm.PGB else None
    if spoed.besluit_voorlopig_ontbreekt(
        spoed_aanvraag=beschikking.aanvraag.is_spoed, toegekend=regel.toegekend, voorlopig=regel.voorlopig
    ):
        raise ValidationError(
            {"voorlopig": _("Bij spoed is het besluit een voorlopige voorziening met einddatum.")}
        )
    save_with_history(regel, door=door, reden=f"Besluit over {aangevraagd.voorziening}")
    return regel


def _periode_op_ingangsdatum(voorziening: Voorziening, ingangsdatum: date | None) -> Voorziening:
    """The period of the same product that is valid on the ingangsdatum: a regel keeps the row
    whose tarief, eenheid and grondslag applied then (wmo.models.Voorziening). Unchanged when
    there is no ingangsdatum or no such period (the model's clean then says so)."""
    if ingangsdatum is None or voorziening.geldig(ingangsdatum):
        return voorziening
    return Voorziening.objects.geldig_op(ingangsdatum).filter(reeks=voorziening.reeks).first() or voorziening


def _compleet(beschikking: Beschikking) -> None:
    open_ = beschikking.aanvraag.voorzieningen.filter(regel__isnull=True)
    if open_.exists():
        raise ValidationError(
            _("Neem eerst een besluit over: %(namen)s.") % {"namen": ", ".join(str(a) for a in open_)}
        )


@transaction.atomic
def beschikking_indienen(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Send the draft for approval (no mandate, or four eyes)."""
    beschikking = _lock_beschikking(beschikking)
    _compleet(beschikking)
    _beschikking_naar(beschikking, BeschikkingStatus.TER_GOEDKEURING)
    beschikking.opmerkingen = ""
    save_with_history(beschikking, door=door, reden="Ter goedkeuring aangeboden")
    return beschikking


@transaction.atomic
def beschikking_terugsturen(*, beschikking: Beschikking, door: Medewerker, opmerkingen: str) -> Beschikking:
    """The approver returns the draft with remarks."""
    beschikking = _lock_beschikking(beschikking)
    if not mandaat.mag_goedkeuren(door, beschikking):
        raise ValidationError(_("U mag deze beschikking niet beoordelen (eigen concept, of geen mandaat)."))
    if not (opmerkingen or "").strip():
        raise ValidationError({"opmerkingen": _("Schrijf op wat er anders moet.")})
    _beschikking_naar(beschikking, BeschikkingStatus.CONCEPT)
    beschikking.opmerkingen = opmerkingen.strip()
    save_with_history(beschikking, door=door, reden="Teruggestuurd met opmerkingen")
    return beschikking


@transaction.atomic
def beschikking_goedkeuren(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Approve someone else's draft, with mandate for every voorziening in it (four eyes)."""
    beschikking = _lock_beschikking(beschikking)
    if beschikking.opgesteld_door_id == door.pk:
        raise ValidationError(_("U kunt uw eigen concept niet goedkeuren. Een collega met mandaat doet dat."))
    ontbreekt = mandaat.ontbrekend_mandaat(door, beschikking)
    if ontbreekt:
        raise ValidationError(
            _("U heeft geen mandaat voor: %(namen)s.") % {"namen": ", ".join(ontbreekt)}, code="mandaat"
        )
    _beschikking_naar(beschikking, BeschikkingStatus.GOEDGEKEURD)
    beschikking.goedgekeurd_door = door
    save_with_history(beschikking, door=door, reden="Goedgekeurd")
    return beschikking


FUNCTIE = {Rol.CONSULENT: "consulent Wmo", Rol.TEAMLEIDER: "teamleider Wmo"}


def _besluiter_vastleggen(beschikking: Beschikking, *, door: Medewerker) -> None:
    """Record who took the decision under mandate (Awb 10:10) and under which mandate.

    With four eyes the approver decided (beschikking_goedkeuren checked the mandate); without,
    the one who sends it, under a mandate without four eyes (mag_zelf_besluiten). Who presses
    "versturen" after approval is not the decider.
    """
    besluiter = beschikking.goedgekeurd_door if beschikking.status == BeschikkingStatus.GOEDGEKEURD else door
    rol = mandaat.besluit_rol(besluiter, beschikking)
    if rol is None:  # the approver lost the mandate between approval and sending
        raise ValidationError(
            _(
                "%(naam)s heeft geen mandaat (meer) voor deze beschikking. Laat een collega met mandaat besluiten."
            )
            % {"naam": besluiter},
            code="mandaat",
        )
    regeling = beschikking.aanvraag.melding.gemeente.mandaatregeling or _(
        "de mandaatregeling van de gemeente"
    )
    grond = _("%(regeling)s, mandaat van de %(rol)s") % {"regeling": regeling, "rol": Rol(rol).label.lower()}
    if beschikking.goedgekeurd_door_id:
        grond += _(" (vier ogen; opgesteld door %(opsteller)s)") % {"opsteller": beschikking.opgesteld_door}
    beschikking.besloten_door = besluiter
    beschikking.besloten_functie = FUNCTIE[rol]
    beschikking.mandaat_grond = grond[:300]


def _bekendmaken(aanvraag: Aanvraag, beschikking: Beschikking, *, op: date, door: Medewerker) -> Aanvraag:
    """The beschikking is sent: the beslistermijn is met (or missed) and bezwaar can start.

    A suspension still open must be ended first, so the record shows how the clock ran.
    When this was the melding's last open aanvraag (and not a spoed aanvraag, whose
    onderzoek goes on: Wmo 2015 art. 2.3.3, wmo.regels.spoed), the melding moves to "besloten".
    """
    _ensure_open(aanvraag)
    if not op:
        raise ValidationError({"besloten_op": _("Vul de datum in waarop de beschikking is verstuurd.")})
    lopend = _open_opschorting(aanvraag)
    if lopend:
        raise ValidationError(
            _(
                "De beslistermijn staat stil sinds %(datum)s. Leg eerst vast vanaf wanneer de termijn "
                "weer liep, en leg daarna het besluit vast."
            )
            % {"datum": _format_date(lopend.eerste_dag_stil)},
            code="opgeschort",
        )
    aanvraag.besloten_op = op
    save_with_history(aanvraag, door=door, reden="Besloten: beschikking verstuurd")
    beschikking.aanvraag = aanvraag
    beschikking.status = BeschikkingStatus.VERSTUURD
    beschikking.bekendgemaakt_op = op
    beschikking.bezwaar_deadline = termijnen.bezwaar_deadline(op, gelijkgestelde_dagen())
    save_with_history(beschikking, door=door, reden="Beschikking bekendgemaakt: bezwaartermijn loopt")
    melding = aanvraag.melding
    if (
        not spoed.onderzoek_gaat_door(spoed_aanvraag=aanvraag.is_spoed)
        and melding.status == MeldingStatus.AANVRAAG_ONTVANGEN
        and not melding.aanvragen.open().exists()
    ):
        aanvraag.melding = melding_status_zetten(
            melding=melding, door=door, naar=MeldingStatus.BESLOTEN, reden="Over de aanvraag is besloten"
        )
    return aanvraag


@vooraf_ophalen(lambda a: a["beschikking"].aanvraag.melding.inwoner)
@transaction.atomic
def beschikking_versturen(*, beschikking: Beschikking, door: Medewerker) -> Beschikking:
    """Send the beschikking: the letter is frozen as sent, the beslistermijn is met, and the
    bezwaar term starts (Awb 6:7, 6:8), which the letter states with its end date."""
    beschikking = _lock_beschikking(beschikking)
    _compleet(beschikking)
    if beschikking.status == BeschikkingStatus.CONCEPT and not mandaat.mag_zelf_besluiten(door, beschikking):
        raise ValidationError(
            _("U kunt dit niet alleen besluiten (geen mandaat, of vier ogen). Bied het ter goedkeuring aan."),
            code="mandaat",
        )
    _besluiter_vastleggen(beschikking, door=door)
    _beschikking_naar(beschikking, BeschikkingStatus.VERSTUURD)
    aanvraag = _lock(beschikking.aanvraag)
    vandaag = timezone.localdate()
    toegekend = [r.ingangsdatum for r in beschikking.regels.all() if r.toegekend and r.ingangsdatum]
    if toegekend:  # an evaluation call once the help has been running a while (weeks per gemeente)
        beschikking.nazorg_op = min(toegekend) + timedelta(weeks=aanvraag.melding.gemeente.nazorg_weken)
    _bekendmaken(aanvraag, beschikking, op=vandaag, door=door)
    beschikking.brief = brieven.brief_versturen(
        soort=BriefSoort.BESCHIKKING,
        melding=aanvraag.melding,
        door=door,
        context=beschikking_briefcontext(beschikking, aanvraag=aanvraag),
    )
    save_with_history(
        beschikking,
        door=door,
        reden=f"Beschikkingsbrief verstuurd; besloten door {beschikking.besloten_door} "
        f"({beschikking.besloten_functie}) onder mandaat: {beschikking.mandaat_grond}"[:100],
    )
    # Zorg in natura: the aanbieder gets the toewijzing (iwmo, iWmo 3.2 WMO301) in this transaction.
    beschikking_verstuurd.send(sender=Beschikking, beschikking=beschikking, door=door)
    return beschikking


# Why a granted voorziening ends earlier (iWmo WMO002 reden wijziging toewijzing, the subset that
# ends or shortens help; lengthening is a new decision with a new toewijzing).
REDENEN_EERDER_EINDE = (
    RedenWijziging.CLIENT_OVERLEDEN,
    RedenWijziging.HERBEOORDELING_VERKORTING_TOEWIJZING,
    RedenWijziging.UITSTROOM_NAAR_ANDER_DOMEIN,
    RedenWijziging.VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE,
    RedenWijziging.WIJZIGING_LEVERINGSVORM,
    RedenWijziging.OVERSTAP_NAAR_ANDERE_AANBIEDER,
)


@vooraf_ophalen(lambda a: a["regel"].beschikking.aanvraag.melding.inwoner)
@transaction.atomic
def voorziening_beeindigen(
    *, regel: BeschikkingRegel, einddatum: date, reden: str, door: Medewerker
) -> BeschikkingRegel:
    """A granted voorziening ends earlier than the beschikking said (shortened or stopped).

    The college may change or withdraw a decision when the situation changed (Wmo 2015 art.
    2.3.10); this records the new last day and why, with history. The aanbieder is told with a new
    toewijzing carrying the reden wijziging (iWmo 3.2 WMO002; iwmo listens to the signal).
    """
    beschikking = _lock_beschikking(regel.beschikking)
    regel = BeschikkingRegel.objects.select_for_update().get(pk=regel.pk)
    if not beschikking.is_verstuurd or not regel.toegekend:
        raise ValidationError(
            _("Alleen een toegekende voorziening uit een verstuurde beschikking kan eerder stoppen.")
        )
    if reden not in REDENEN_EERDER_EINDE:
        raise ValidationError({"reden": _("Kies waarom de voorziening eerder stopt.")})
    if not einddatum:
        raise ValidationError({"einddatum": _("Vul de laatste dag van de voorziening in.")})
    if regel.ingangsdatum and einddatum < regel.ingangsdatum:
        raise ValidationError(
            {
                "einddatum": _("De laatste dag kan niet voor de ingangsdatum (%(datum)s) liggen.")
                % {"datum": _format_date(regel.ingangsdatum)}
            }
        )
    if regel.einddatum and einddatum >= regel.einddatum:
        raise ValidationError(
            {
                "einddatum": _(
                    "Kies een dag voor de huidige einddatum (%(datum)s). Langer is een nieuw besluit."
                )
                % {"datum": _format_date(regel.einddatum)}
            }
        )
    regel.einddatum = einddatum
    save_with_history(
        regel, door=door, reden=f"Voorziening eerder gestopt: {RedenWijziging(reden).label}"[:100]
    )
    voorziening_beeindigd.send(sender=BeschikkingRegel, regel=regel, reden=reden, door=door)
    return regel


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


# The rungs of the afwegingsladder (Wmo 2015 art. 2.3.2 lid 4) in words an inwoner uses (B1).
TREDE_B1 = TREDE_IN_BRIEF


def onderzoek_bevindingen(*, melding) -> dict[int, dict]:
    """What the onderzoek found per resultaatgebied at stake, for the motivering (Awb 3:46):
    what no longer works, the resultaat to reach, and the rungs of the afwegingsladder that were
    discussed and did not (fully) solve it. Empty when there was no onderzoek (triage, spoed).
    Two queries, whatever the number of gebieden."""
    uit = {}
    for resultaat in ResultaatOnderzoek.objects.filter(
        onderzoek__melding=melding, aan_de_orde=True
    ).prefetch_related("treden"):
        treden = [
            {"trede": TREDE_B1[t.trede], "bevinding": t.bevinding, "waarom": t.waarom, "oplost": t.oplost}
            for t in resultaat.treden.all()
            if t.trede != Trede.MAATWERK
            and t.besproken
            and t.oplost in (Oplossing.NIET, Oplossing.GEDEELTELIJK)
        ]
        uit[resultaat.gebied] = {
            "resultaat": resultaat.get_gebied_display(),
            "wat_lukt_niet": resultaat.wat_lukt_niet,
            "te_bereiken_resultaat": resultaat.te_bereiken_resultaat,
            "treden": treden,
        }
    return uit


def beschikking_briefcontext(beschikking: Beschikking, *, aanvraag: Aanvraag) -> dict:
    """The letter's own context: each regel with what the onderzoek found, and whether there
    was a gesprek and a verslag to refer to (after triage or spoed there was none)."""
    melding = aanvraag.melding
    regels = list(beschikking.regels.select_related("voorziening", "aangevraagd__voorziening", "aanbieder"))
    bevindingen = onderzoek_bevindingen(melding=melding)
    eerder: dict[int, str] = {}  # a resultaatgebied's findings are written out once
    for regel in regels:
        gebied = regel.aangevraagd.resultaatgebied
        regel.bevindingen = bevindingen.get(gebied)
        regel.bevindingen_bij = eerder.get(gebied, "")
        eerder.setdefault(gebied, regel.aangevraagd.voorziening.naam)
    return {
        "aanvraag": aanvraag,
        "beschikking": beschikking,
        "regels": regels,
        "gesprek_gevoerd": Gesprek.objects.filter(melding=melding, status=GesprekStatus.GEVOERD).exists(),
        "verslag_verstuurd": VerslagVersie.objects.filter(onderzoek__melding=melding).exists(),
    }
