"""Every write to an inwoner or a melding. Views call these; nothing else changes a dossier."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wmo import brieven, teamcache, termijnen
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief, Gemeente, Inzage, Medewerker, Team, gelijkgestelde_dagen
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.services import inzage_vastleggen, save_with_history
from wmo.signals import persoonsgegevens_gebruiken
from wmo.transitions import check_transition

from .constants import ONDERZOEK_EINDE, OPEN_STATUSSEN, OVERGANGEN, Afsluitreden, MeldingStatus
from .kopie import kopie_bijwerken
from .models import Inwoner, Melding, Raadpleging
from .query import mag_raadplegen


def _set_toestemming_verslag(inwoner: Inwoner, *, toestemming: bool | None, door: Medewerker) -> None:
    """Record the inwoner's consent that the bewindvoerder gets the verslag: when, and who recorded it.

    AVG art. 5 lid 1 onder c (wmo.regels.vertegenwoordiging): without it the bewindvoerder gets no
    verslag. Consent already given keeps its first date; withdrawing it clears both fields.
    """
    if toestemming is None:
        return
    if toestemming and inwoner.toestemming_verslag_bewindvoerder_op is None:
        inwoner.toestemming_verslag_bewindvoerder_op = timezone.localdate()
        inwoner.toestemming_verslag_bewindvoerder_door = door
    elif not toestemming:
        inwoner.toestemming_verslag_bewindvoerder_op = None
        inwoner.toestemming_verslag_bewindvoerder_door = None


@transaction.atomic
def inwoner_registreren(
    *, door: Medewerker, toestemming_verslag_bewindvoerder: bool | None = None, **velden
) -> Inwoner:
    inwoner = Inwoner(**velden)
    _set_toestemming_verslag(inwoner, toestemming=toestemming_verslag_bewindvoerder, door=door)
    save_with_history(inwoner, door=door, reden="Inwoner geregistreerd")
    return inwoner


@transaction.atomic
def inwoner_wijzigen(
    *, inwoner: Inwoner, door: Medewerker, toestemming_verslag_bewindvoerder: bool | None = None, **velden
) -> Inwoner:
    for naam, waarde in velden.items():
        setattr(inwoner, naam, waarde)
    _set_toestemming_verslag(inwoner, toestemming=toestemming_verslag_bewindvoerder, door=door)
    save_with_history(inwoner, door=door, reden="Gegevens inwoner gewijzigd")
    return inwoner


@transaction.atomic
def inwoner_raadplegen(
    *,
    door: Medewerker,
    inwoner: Inwoner,
    reden: str,
    toelichting: str = "",
    request: HttpRequest | None = None,
) -> Raadpleging:
    """Open an inwoner's dossier without a care relation, for a stated reason, for a limited time.

    Who may: the loketmedewerker, consulent and teamleider of the execution organisation, for
    inwoners of the gemeenten it serves (``mag_raadplegen``). A partner organisation may not: it
    works only for the inwoners of its own meldingen (it may still register a new melding). The
    access lasts RAADPLEGING_GELDIG_MINUTEN (Raadpleging explains the law), and the access log gets
    "Geraadpleegd zonder zorgrelatie: <reden>" (Inzage.wat is short: the full text stays here);
    ``request`` only gives the log its source address.
    """
    if not mag_raadplegen(door) or not Inwoner.objects.zichtbaar_voor(door).filter(pk=inwoner.pk).exists():
        raise ValidationError(_("U mag het dossier van deze inwoner niet inzien."))
    nu = timezone.now()
    raadpleging = Raadpleging(
        medewerker=door,
        inwoner=inwoner,
        reden=reden,
        toelichting=(toelichting or "").strip(),
        tijdstip=nu,
        geldig_tot=nu + timedelta(minutes=settings.RAADPLEGING_GELDIG_MINUTEN),
    )
    # The medewerker and the inwoner were just read (the latter through the scope check above), and
    # the table's check constraints repeat clean() and the field choices: skip those queries.
    raadpleging.full_clean(exclude=["medewerker", "inwoner"], validate_constraints=False)
    raadpleging.save()
    wat = f"Geraadpleegd zonder zorgrelatie: {raadpleging.get_reden_display()}"
    if raadpleging.toelichting:
        wat += f" ({raadpleging.toelichting})"
    inzage_vastleggen(medewerker=door, inwoner=inwoner, wat=inzage_wat(wat), request=request, object=inwoner)
    return raadpleging


def inzage_wat(tekst: str) -> str:
    """``tekst`` cut to what the access log's ``Inzage.wat`` holds, with an ellipsis."""
    maximum = Inzage._meta.get_field("wat").max_length
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"


def _set_deadlines(melding: Melding, extra=None) -> None:
    """Store the plan and onderzoek deadlines from the date received (Wmo 2015 art. 2.3.2)."""
    extra = gelijkgestelde_dagen() if extra is None else extra
    ontvangen = melding.ontvangen_datum
    melding.plan_deadline = termijnen.persoonlijk_plan_deadline(ontvangen, extra)
    melding.onderzoek_deadline = termijnen.onderzoek_deadline(ontvangen, extra)


def melding_deadlines_herberekenen() -> int:
    """Recompute the stored deadlines of every melding whose onderzoek clock still runs.

    Set-based: one query to read, one bulk update of only the rows that changed. Called when
    the functioneel beheerder adds or removes a day equated to a feestdag (Atw art. 3 lid 3).
    """
    extra = gelijkgestelde_dagen()
    gewijzigd = []
    for melding in Melding.objects.filter(onderzoek_afgerond_op__isnull=True).only(
        "id", "ontvangen_op", "plan_deadline", "onderzoek_deadline"
    ):
        oud = (melding.plan_deadline, melding.onderzoek_deadline)
        _set_deadlines(melding, extra)
        if (melding.plan_deadline, melding.onderzoek_deadline) != oud:
            gewijzigd.append(melding)
    Melding.objects.bulk_update(gewijzigd, ["plan_deadline", "onderzoek_deadline"], batch_size=1000)
    return len(gewijzigd)


@vooraf_ophalen(lambda a: a["inwoner"])
@transaction.atomic
def melding_registreren(
    *,
    door: Medewerker,
    inwoner: Inwoner,
    team: Team,
    ontvangen_op: datetime,
    kanaal: str,
    hulpvraag: str,
    gemeente: Gemeente | None = None,
    consulent: Medewerker | None = None,
    melder_is_inwoner: bool = True,
    melder_naam: str = "",
    melder_relatie: str = "",
    melder_organisatie: str = "",
    melder_telefoon: str = "",
    toestemming_inwoner: bool | None = None,
    spoed: bool = False,
    spoed_reden: str = "",
    bekend: bool = False,
    tweede_melding_bevestigd: bool = False,
    tweede_melding_reden: str = "",
) -> Melding:
    """Register a melding; it starts the persoonlijk-plan and onderzoek clocks.

    One open melding per inwoner, unless the loketmedewerker confirms a second one with a reason.
    A partner organisation registers only for the gemeenten where the execution organisation's
    beheerder allows it (Organisatie.mag_meldingen_registreren, set in beheer.instellingen).
    """
    if ontvangen_op is None:
        raise ValidationError({"ontvangen_op": _("Vul de datum en tijd van ontvangst in.")})
    if not team.actief:  # taken out of use by beheer (beheer.teams)
        raise ValidationError({"team": _("Dit team is uit gebruik. Kies een ander team.")})
    gemeente = gemeente or inwoner.gemeente
    if door.organisatie_id and not door.organisatie.mag_meldingen_registreren(gemeente):
        raise ValidationError(
            _(
                "Uw organisatie mag voor de gemeente %(gemeente)s geen meldingen registreren. "
                "Verwijs de inwoner naar het Wmo-loket van de gemeente."
            )
            % {"gemeente": gemeente.naam},
            code="partner_registreert_niet",
        )
    Inwoner.objects.select_for_update().get(pk=inwoner.pk)  # serialise meldingen per inwoner
    if Melding.objects.filter(inwoner=inwoner).open().exists():
        if not tweede_melding_bevestigd:
            raise ValidationError(
                {
                    "tweede_melding_bevestigd": _(
                        "Deze inwoner heeft al een open melding. Bevestig dat u een tweede melding wilt "
                        "registreren en schrijf op waarom."
                    )
                }
            )
        if not tweede_melding_reden.strip():
            raise ValidationError(
                {"tweede_melding_reden": _("Schrijf op waarom er een tweede open melding nodig is.")}
            )
    else:
        tweede_melding_reden = ""
    melding = Melding(
        inwoner=inwoner,
        gemeente=gemeente,
        team=team,
        consulent=consulent,
        ontvangen_op=ontvangen_op,
        kanaal=kanaal,
        hulpvraag=hulpvraag,
        melder_is_inwoner=melder_is_inwoner,
        melder_naam="" if melder_is_inwoner else melder_naam,
        melder_relatie="" if melder_is_inwoner else melder_relatie,
        melder_organisatie="" if melder_is_inwoner else melder_organisatie,
        melder_telefoon="" if melder_is_inwoner else melder_telefoon,
        toestemming_inwoner=None if melder_is_inwoner else toestemming_inwoner,
        spoed=spoed,
        spoed_reden=spoed_reden if spoed else "",
        bekend=bekend,
        tweede_melding_reden=tweede_melding_reden,
        geregistreerd_door=door,
    )
    _set_deadlines(melding)
    save_with_history(melding, door=door, reden="Melding geregistreerd")
    # The BRP (where the gemeente has a koppeling) refreshes the inwoner now (wmo.signals).
    persoonsgegevens_gebruiken.send(
        sender=Melding, inwoner=inwoner, door=door, aanleiding="melding geregistreerd"
    )
    return melding


@transaction.atomic
def melding_ontvangstdatum_corrigeren(
    *, melding: Melding, door: Medewerker, ontvangen_op: datetime
) -> Melding:
    """Correct the date received (a melding taken on paper); the clocks are recomputed."""
    melding.ontvangen_op = ontvangen_op
    _set_deadlines(melding)
    save_with_history(melding, door=door, reden="Datum van ontvangst gecorrigeerd")
    return melding


def nieuwe_contactpersoon_nodig(vorige_consulent_id: int | None, consulent: Medewerker | None) -> bool:
    """The letter "nieuwe contactpersoon" is due when the inwoner had a contact and gets another one."""
    return vorige_consulent_id is not None and consulent is not None and consulent.pk != vorige_consulent_id


@vooraf_ophalen(
    lambda a: (
        a["melding"].inwoner
        if nieuwe_contactpersoon_nodig(a["melding"].consulent_id, a["consulent"])
        else None
    )
)
@transaction.atomic
def melding_toewijzen(
    *, melding: Melding, door: Medewerker, consulent: Medewerker | None, team: Team | None = None
) -> Melding:
    """Assign to a consulent (or back to the team queue with consulent=None).

    When the melding moves from one consulent to another, the inwoner gets a letter naming the
    new contact ("nieuwe contactpersoon"), set on the returned melding as ``brief`` (None when
    no letter was due); the history records who did it.
    """
    # Locked first: two assignments at once (a double click, two tabs) run one after the other,
    # and the second sees the first's consulent, so the inwoner gets one letter, not two.
    vorige_id = (
        Melding.objects.select_for_update().filter(pk=melding.pk).values_list("consulent_id", flat=True)[0]
    )
    if not melding.is_open:
        raise ValidationError(_("Een afgesloten melding kan niet meer worden toegewezen."))
    if team is not None:
        teamcache.gewijzigd(melding.team_id)  # the team it leaves: its dashboard figures change
        melding.team = team
    melding.consulent = consulent
    naam = str(consulent) if consulent else _("de wachtrij van het team")
    save_with_history(melding, door=door, reden=f"Toegewezen aan {naam}")
    kopie_bijwerken(melding)  # its aanvragen, beschikkingen and gesprekken move along
    # The letter is due only when the inwoner had a contact before and now has another one; the
    # caller reads ``melding.brief`` to say what really happened (issue 15).
    melding.brief = None
    if nieuwe_contactpersoon_nodig(vorige_id, consulent):
        melding.brief = nieuwe_contactpersoon_versturen(melding=melding, door=door)
    return melding


@transaction.atomic
def melding_oppakken(*, melding: Melding, door: Medewerker) -> Melding:
    """A consulent takes a queued melding of their own team: it becomes theirs.

    Through melding_toewijzen, so the history records it; no letter, as there was no contact
    before (the ontvangstbevestiging already named the team). Taking a melding that is already
    yours again is a no-op; one a colleague took first is refused.
    """
    melding = Melding.objects.select_for_update(of=("self",)).get(pk=melding.pk)
    if not door.heeft_rol(Rol.CONSULENT):
        raise ValidationError(_("Alleen een consulent kan een melding oppakken."))
    if melding.consulent_id == door.pk:
        return melding
    if melding.consulent_id is not None:
        raise ValidationError(_("Deze melding is al opgepakt door %(naam)s.") % {"naam": melding.consulent})
    if melding.team_id != door.team_id:
        raise ValidationError(_("U kunt alleen een melding van uw eigen team oppakken."))
    return melding_toewijzen(melding=melding, door=door, consulent=door)


def _change_status(melding: Melding, *, naar: str) -> Melding:
    """The one gate for status changes: refuses what the transition table does not allow."""
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    check_transition(
        OVERGANGEN,
        melding.status,
        naar,
        labels=MeldingStatus,
        message=_("Een melding met status ‘%(van)s’ kan niet naar ‘%(naar)s’."),
    )
    melding.status = naar
    if naar in ONDERZOEK_EINDE and melding.onderzoek_afgerond_op is None:
        melding.onderzoek_afgerond_op = timezone.localdate()  # the onderzoek clock is met (or late)
    if naar not in OPEN_STATUSSEN:
        melding.beeindigd_op = timezone.localdate()  # the care relation's last months start (query.py)
    return melding


@transaction.atomic
def melding_onderzoek_starten(*, melding: Melding, door: Medewerker) -> Melding:
    melding = _change_status(melding, naar=MeldingStatus.IN_ONDERZOEK)
    save_with_history(melding, door=door, reden="Onderzoek gestart")
    return melding


@transaction.atomic
def melding_afsluiten(*, melding: Melding, door: Medewerker, reden: str, toelichting: str = "") -> Melding:
    """End a melding without aanvraag: opgelost, verwezen, ingetrokken (with why) or geen Wmo."""
    melding = _change_status(melding, naar=MeldingStatus.AFGESLOTEN)
    if reden not in Afsluitreden.values:
        raise ValidationError({"afsluitreden": _("Kies waarom de melding wordt afgesloten.")})
    melding.afsluitreden = reden
    melding.afsluit_toelichting = toelichting
    save_with_history(melding, door=door, reden=f"Afgesloten: {Afsluitreden(reden).label}")
    return melding


@transaction.atomic
def melding_status_zetten(*, melding: Melding, door: Medewerker, naar: str, reden: str) -> Melding:
    """Move the melding to a later status, bound by OVERGANGEN (closing has its own service).

    The later steps call it when their event happens: verslag sent (gesprekken), aanvraag
    received and decision made (aanvragen); the demo uses it to set up its cases.
    """
    if naar == MeldingStatus.AFGESLOTEN:
        raise ValidationError(_("Gebruik melding_afsluiten om een melding af te sluiten."))
    melding = _change_status(melding, naar=naar)
    save_with_history(melding, door=door, reden=reden)
    return melding


def _send_once(*, soort: str, melding: Melding, door: Medewerker) -> Brief:
    """Send a letter about the melding alone, once: with the melding locked, an identical send
    earlier today (nothing in the melding or the inwoner changed since) is returned instead
    (wmo.brieven.versturen, "the same send twice")."""
    melding = Melding.objects.select_for_update(of=("self",)).select_related("inwoner").get(pk=melding.pk)
    sinds = brieven.last_change(
        Melding.history.filter(id=melding.pk), Inwoner.history.filter(id=melding.inwoner_id)
    )
    if vorige := brieven.eerder_verstuurd(soort=soort, melding=melding, sinds=sinds):
        return brieven.als_herhaling(vorige, vorige)
    return brieven.brief_versturen(soort=soort, melding=melding, door=door)


@vooraf_ophalen(lambda a: a["melding"].inwoner)
@transaction.atomic
def ontvangstbevestiging_versturen(*, melding: Melding, door: Medewerker) -> Brief:
    """Make the written ontvangstbevestiging (Wmo 2015 art. 2.3.2) and keep it as sent.

    Idempotent: a second send the same day without a change in between returns the first."""
    return _send_once(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding, door=door)


@vooraf_ophalen(lambda a: a["melding"].inwoner)
@transaction.atomic
def nieuwe_contactpersoon_versturen(*, melding: Melding, door: Medewerker) -> Brief:
    """Tell the inwoner in writing who the new contact is after a change of consulent.

    Idempotent like the ontvangstbevestiging; a new assignment is a change, so a new letter."""
    return _send_once(soort=BriefSoort.NIEUWE_CONTACTPERSOON, melding=melding, door=door)


HERVERDELEN_MAX = 200


def _herverdelen_inwoners(a: dict) -> list[Inwoner]:
    """Whose data meldingen_herverdelen will use: the inwoners that get a "nieuwe contactpersoon"."""
    meldingen = a["meldingen"]
    if isinstance(meldingen, QuerySet):
        meldingen = meldingen.all()
        meldingen.query.select_for_update = False  # read, not locked: the service locks them
    elif not isinstance(meldingen, list | tuple):
        return []  # an iterator is read once, by the service; its letters use the stored data
    return [
        m.inwoner
        for m in list(meldingen[: HERVERDELEN_MAX + 1])[:HERVERDELEN_MAX]
        if nieuwe_contactpersoon_nodig(m.consulent_id, a["consulent"])
    ]


@vooraf_ophalen(_herverdelen_inwoners)
@transaction.atomic
def meldingen_herverdelen(*, meldingen, consulent: Medewerker, door: Medewerker) -> list[Melding]:
    """Give several open meldingen to another consulent of their team, in one go (teamleider).

    Each goes through melding_toewijzen, so each inwoner whose contact changes gets a letter and
    the history of each melding records who did it. All or nothing.
    """
    meldingen = list(meldingen)
    if not meldingen:
        raise ValidationError(_("Kies minstens één melding."))
    if len(meldingen) > HERVERDELEN_MAX:
        raise ValidationError(_("Kies hoogstens %(max)s meldingen tegelijk.") % {"max": HERVERDELEN_MAX})
    if consulent is None:
        raise ValidationError({"consulent": _("Kies de consulent die de meldingen krijgt.")})
    gewijzigd = []
    for melding in meldingen:
        if consulent.team_id != melding.team_id:
            raise ValidationError(
                {
                    "consulent": _("%(naam)s hoort niet bij het team van %(kenmerk)s.")
                    % {"naam": consulent, "kenmerk": melding.kenmerk}
                }
            )
        if melding.consulent_id == consulent.pk:
            continue
        gewijzigd.append(melding_toewijzen(melding=melding, door=door, consulent=consulent))
    return gewijzigd
