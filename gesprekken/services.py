"""Every write to a gesprek, the onderzoek and the verslag. Views call these; nothing else changes them.

The process in plain words
--------------------------
After a melding the loket or the consulent plans a gesprek (``gesprek_plannen``) and sends an
uitnodiging (``uitnodiging_versturen``). Instead of a gesprek a triage decision may be taken
(``triage_vastleggen``): reason and who decided, shown in the dossier. Several contacts may
make up one onderzoek; a talk with the mantelzorger alone needs the inwoner's consent.

The consulent opens the onderzoek (``onderzoek_openen``, which starts the melding's onderzoek)
and records it section by section: the general part (``onderzoek_opslaan``) and per
resultaatgebied the situation and the afwegingsladder (``resultaat_opslaan``). Each section
carries a ``versie``: a save based on an older versie is refused with ``VersieConflict`` and
nothing is overwritten (optimistic locking). A maatwerkvoorziening can only be proposed once
the seven rungs above it are answered (Wmo 2015 art. 2.3.2 lid 4 and 2.3.5 lid 3).

``verslag_versturen`` renders the verslag (Wmo 2015 art. 2.3.2 lid 8), freezes the exact PDF
with its hash as a new version and moves the melding to "verslag verstuurd", which meets the
onderzoek clock. ``verslag_reactie_vastleggen`` keeps the inwoner's reaction with that version;
where the gemeente says so, a signed verslag that asks for a maatwerkvoorziening counts as the
aanvraag (Wmo 2015 art. 2.3.5 lid 2).
"""

import hashlib
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from meldingen.constants import MeldingStatus
from meldingen.kopie import kopie_van
from meldingen.models import Melding
from meldingen.services import melding_onderzoek_starten, melding_oppakken, melding_status_zetten
from wmo import brieven
from wmo.constants import BriefSoort, Resultaatgebied, VoorzieningSoort
from wmo.models import Brief, Medewerker, Voorziening
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.services import save_with_history
from wmo.transitions import check_transition

from .constants import (
    AFSPRAAK_OVERGANGEN,
    GESPREK_OVERGANGEN,
    VERSLAG_OVERGANGEN,
    AfspraakStatus,
    GesprekStatus,
    Plaats,
    Trede,
    VerslagReactie,
)
from .models import (
    Gesprek,
    LadderTrede,
    Onderzoek,
    PersoonlijkPlan,
    ResultaatOnderzoek,
    Triage,
    VerslagVersie,
    Vervolgafspraak,
)

# The melding statuses in which the onderzoek may still be written in (corrections included).
ONDERZOEK_BEWERKBAAR = (
    MeldingStatus.IN_ONDERZOEK,
    MeldingStatus.VERSLAG_VERSTUURD,
    MeldingStatus.AANVRAAG_ONTVANGEN,
)

ONDERZOEK_VELDEN = (
    "persoonlijk_plan",
    "mantelzorger_naam",
    "mantelzorg_taken",
    "mantelzorg_uren",
    "mantelzorg_belasting",
    "mantelzorg_ondersteuning",
    "inwoner_is_mantelzorger",
    "wederkerigheid",
    "financiele_zorgen",
    "medisch_advies_nodig",
    "eigen_oplossing",
    "eigen_oplossing_gevolgd",
    "eigen_oplossing_motivering",
)
RESULTAAT_VELDEN = (
    "aan_de_orde",
    "wat_lukt",
    "wat_lukt_niet",
    "oorzaak_inwoner",
    "te_bereiken_resultaat",
    "oplossing",
)
TREDE_VELDEN = ("besproken", "bevinding", "oplost", "waarom", "voorziening")


class VersieConflict(ValidationError):
    """Someone else saved this section after the versie the user started from."""

    def __init__(self, actueel):
        super().__init__(
            _(
                "Iemand anders heeft dit deel intussen opgeslagen. Uw tekst is niet opgeslagen en de "
                "andere tekst is niet overschreven."
            ),
            code="versie",
        )
        self.actueel = actueel


# --- Gesprek and triage ------------------------------------------------------------------


def _ensure_open(melding: Melding) -> None:
    if not melding.is_open:
        raise ValidationError(_("Deze melding is afgesloten."), code="afgesloten")


@transaction.atomic
def gesprek_plannen(
    *,
    melding: Melding,
    door: Medewerker,
    consulent: Medewerker,
    gepland_op: datetime,
    plaats: str = Plaats.THUIS,
    adres: str = "",
    telefonisch_reden: str = "",
    mantelzorger: str = "",
    clientondersteuner: str = "",
    clientondersteuner_organisatie: str = "",
    tolk: str = "",
    vertegenwoordiger: str = "",
    tweede_professional: str = "",
    alleen_mantelzorger: bool = False,
    toestemming_inwoner: bool = False,
) -> Gesprek:
    """Plan a contact. At home the inwoner's address is the default place."""
    melding = Melding.objects.select_for_update().select_related("inwoner").get(pk=melding.pk)
    _ensure_open(melding)
    if hasattr(melding, "triage"):
        raise ValidationError(_("Er is al besloten dat er geen gesprek nodig is (triage)."))
    if plaats == Plaats.THUIS and not adres.strip():
        inwoner = melding.inwoner
        adres = f"{inwoner.adresregel}, {inwoner.postcode_weergave} {inwoner.woonplaats}"
    # The same plan posted twice (a double click) is one gesprek: with the melding locked, a
    # planned gesprek with the same consulent, moment and place is returned, marked as a repeat.
    zelfde = Gesprek.objects.filter(
        melding=melding,
        status=GesprekStatus.GEPLAND,
        consulent=consulent,
        gepland_op=gepland_op,
        plaats=plaats,
    ).first()
    if zelfde is not None:
        zelfde.al_gepland = True
        return zelfde
    gesprek = Gesprek(
        melding=melding,
        consulent=consulent,
        gepland_op=gepland_op,
        plaats=plaats,
        adres="" if plaats == Plaats.TELEFONISCH else adres,
        telefonisch_reden=telefonisch_reden if plaats == Plaats.TELEFONISCH else "",
        mantelzorger=mantelzorger,
        clientondersteuner=clientondersteuner,
        clientondersteuner_organisatie=clientondersteuner_organisatie,
        tolk=tolk,
        vertegenwoordiger=vertegenwoordiger,
        tweede_professional=tweede_professional,
        alleen_mantelzorger=alleen_mantelzorger,
        toestemming_inwoner=toestemming_inwoner,
        gepland_door=door,
        **kopie_van(melding, "gesprekken.Gesprek"),
    )
    if gepland_op and gepland_op < melding.ontvangen_op:
        raise ValidationError({"gepland_op": _("Een gesprek kan niet vóór de melding zijn.")})
    save_with_history(gesprek, door=door, reden="Gesprek gepland")
    if consulent == door and melding.consulent_id is None and melding.team_id == door.team_id:
        # Planning a gesprek for yourself on a queued melding takes it (issue 15): it then shows
        # on your werkvoorraad and on the teamleider's workload.
        melding_oppakken(melding=melding, door=door)
    return gesprek


@transaction.atomic
def gesprek_status_zetten(*, gesprek: Gesprek, door: Medewerker, naar: str) -> Gesprek:
    """Mark a planned gesprek as held or cancelled (constants.GESPREK_OVERGANGEN).

    A gesprek can only have been held once its planned moment has come: "gevoerd" before
    ``gepland_op`` is refused, so the verslag (which describes only gesprekken that took
    place, Wmo 2015 art. 2.3.2 lid 8) never states a talk that did not happen. Both moments
    are aware datetimes (``timezone.now()``), so the comparison holds across time zones and
    the change to and from summer time. Cancelling is possible at any moment.
    """
    gesprek = Gesprek.objects.select_for_update().get(pk=gesprek.pk)
    check_transition(
        GESPREK_OVERGANGEN,
        gesprek.status,
        naar,
        labels=GesprekStatus,
        message=_("Een gesprek met status ‘%(van)s’ kan niet naar ‘%(naar)s’."),
    )
    if naar == GesprekStatus.GEVOERD and gesprek.gepland_op > timezone.now():
        gepland = timezone.localtime(gesprek.gepland_op)
        raise ValidationError(
            _(
                "Dit gesprek is gepland op %(dag)s om %(tijd)s uur. U kunt het pas daarna vastleggen "
                "als gevoerd. Is de afspraak verzet? Annuleer dit gesprek en plan een nieuw."
            )
            % {"dag": date_format(gepland, "j F Y"), "tijd": date_format(gepland, "H:i")},
            code="nog_niet_gevoerd",
        )
    gesprek.status = naar
    save_with_history(gesprek, door=door, reden=f"Gesprek {GesprekStatus(naar).label.lower()}")
    return gesprek


UITNODIGING_VERSTUURD = "Uitnodiging verstuurd"


@vooraf_ophalen(lambda a: a["gesprek"].melding.inwoner)
@transaction.atomic
def uitnodiging_versturen(*, gesprek: Gesprek, door: Medewerker) -> Brief:
    """The uitnodiging: when and where, the agenda, the right to bring someone, cliëntondersteuning.

    Idempotent (wmo.brieven.versturen, "the same send twice"): the melding and the gesprek are
    locked, and the send is recorded in the gesprek's history. When the gesprek's last change is
    that record, made today, and neither melding nor inwoner changed since, this uitnodiging
    already went out: the letter is returned, marked as a repeat. Rescheduling the gesprek (a
    change) or asking again on another day makes a new letter.
    """
    melding = (
        Melding.objects.select_for_update(of=("self",))
        .select_related("inwoner", "gemeente", "team", "consulent")
        .get(pk=gesprek.melding_id)
    )
    gesprek = Gesprek.objects.select_for_update().get(pk=gesprek.pk)
    if gesprek.status != GesprekStatus.GEPLAND:
        raise ValidationError(_("Alleen voor een gepland gesprek gaat een uitnodiging uit."))
    laatste = gesprek.history.order_by("-history_date", "-history_id").first()
    if (
        laatste is not None
        and laatste.history_change_reason == UITNODIGING_VERSTUURD
        and timezone.localdate(laatste.history_date) == timezone.localdate()
        and (
            brieven.last_change(Melding.history.filter(id=melding.pk), melding.inwoner.history.all())
            or laatste.history_date
        )
        <= laatste.history_date
    ):
        # This gesprek's letter is the first uitnodiging after that record: the melding was
        # locked from the record to the letter, so no other gesprek's letter came between.
        vorige = (
            Brief.objects.filter(
                soort=BriefSoort.UITNODIGING_GESPREK,
                melding=melding,
                origineel__isnull=True,
                verstuurd_op__gte=laatste.history_date,
            )
            .defer("pdf")
            .order_by("verstuurd_op", "pk")
            .first()
        )
        if vorige is not None:
            return brieven.als_herhaling(vorige, vorige)
    save_with_history(gesprek, door=door, reden=UITNODIGING_VERSTUURD)
    onderzoek = Onderzoek.objects.filter(melding=melding).first()
    return brieven.brief_versturen(
        soort=BriefSoort.UITNODIGING_GESPREK,
        melding=melding,
        door=door,
        context={
            "contact": gesprek.consulent,
            "gesprek": gesprek,
            "plan_ontvangen": bool(onderzoek and onderzoek.persoonlijk_plan.strip())
            or PersoonlijkPlan.objects.filter(melding=melding).exists(),
        },
    )


@transaction.atomic
def triage_vastleggen(*, melding: Melding, door: Medewerker, reden: str, toelichting: str) -> Triage:
    """Record that this melding goes on without a broad gesprek: why and who decided.

    Only for a reason the melding's gemeente allows (Gemeente.triage_uitgesloten, set in beheer)."""
    melding = Melding.objects.select_for_update(of=("self",)).select_related("gemeente").get(pk=melding.pk)
    _ensure_open(melding)
    if not melding.gemeente.triage_toegestaan(reden):
        raise ValidationError(
            {
                "reden": _(
                    "De gemeente %(gemeente)s staat deze reden niet toe om zonder gesprek verder te gaan. "
                    "Kies een andere reden of plan een gesprek."
                )
                % {"gemeente": melding.gemeente.naam}
            },
            code="triage_niet_toegestaan",
        )
    if Triage.objects.filter(melding=melding).exists():
        raise ValidationError(_("Voor deze melding is al een triagebesluit vastgelegd."))
    if Onderzoek.objects.filter(melding=melding).exists():
        raise ValidationError(_("Het onderzoek is al begonnen; triage kan dan niet meer."))
    triage = Triage(melding=melding, reden=reden, toelichting=toelichting, besloten_door=door)
    save_with_history(triage, door=door, reden="Triage: geen gesprek")
    return triage


# The file kinds a persoonlijk plan may be, recognised by their first bytes (not by the name).
PLAN_SOORTEN = {b"%PDF": "application/pdf", b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}
PLAN_MAX_BYTES = 10 * 1024 * 1024


@transaction.atomic
def persoonlijk_plan_opslaan(
    *, melding: Melding, door: Medewerker, naam: str, inhoud: bytes, ontvangen_op: date
) -> PersoonlijkPlan:
    """Keep the inwoner's persoonlijk plan exactly as received (PDF or image)."""
    _ensure_open(melding)
    soort = next((s for magic, s in PLAN_SOORTEN.items() if inhoud.startswith(magic)), None)
    if soort is None:
        raise ValidationError({"bestand": _("Dit bestand is geen PDF, JPG of PNG.")})
    if len(inhoud) > PLAN_MAX_BYTES:
        raise ValidationError({"bestand": _("Dit bestand is groter dan 10 MB.")})
    if ontvangen_op and ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": _("Deze datum kan niet in de toekomst liggen.")})
    plan = PersoonlijkPlan(
        melding=melding,
        naam=naam[:200],
        soort=soort,
        inhoud=inhoud,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        ontvangen_op=ontvangen_op,
        geregistreerd_door=door,
    )
    plan.full_clean()
    plan.save()
    return plan


# --- Onderzoek ----------------------------------------------------------------------------


@transaction.atomic
def onderzoek_openen(*, melding: Melding, door: Medewerker) -> Onderzoek:
    """Open the onderzoek with its eight resultaatgebieden and their ladders; starts the melding's onderzoek."""
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    bestaand = Onderzoek.objects.filter(melding=melding).first()
    if bestaand:
        return bestaand
    if hasattr(melding, "triage"):
        raise ValidationError(_("Er is besloten dat er geen gesprek nodig is (triage)."))
    if melding.status == MeldingStatus.ONTVANGEN:
        melding = melding_onderzoek_starten(melding=melding, door=door)
    if melding.status not in ONDERZOEK_BEWERKBAAR:
        raise ValidationError(_("Bij deze melding kan geen onderzoek meer worden vastgelegd."))
    onderzoek = Onderzoek(melding=melding, gestart_door=door)
    save_with_history(onderzoek, door=door, reden="Onderzoek geopend")
    resultaten = bulk_create_with_history(
        [ResultaatOnderzoek(onderzoek=onderzoek, gebied=g) for g in Resultaatgebied.values],
        ResultaatOnderzoek,
        default_user=door,
    )
    bulk_create_with_history(
        [LadderTrede(resultaat=r, trede=t) for r in resultaten for t in Trede.values],
        LadderTrede,
        default_user=door,
    )
    return onderzoek


def _lock(model, obj, versie: int):
    """Fetch fresh and lock; refuse when the versie the user started from is no longer current."""
    actueel = model.objects.select_for_update().get(pk=obj.pk)
    if versie != actueel.versie:
        raise VersieConflict(actueel)
    return actueel


def _ensure_editable(onderzoek: Onderzoek) -> None:
    if onderzoek.melding.status not in ONDERZOEK_BEWERKBAAR:
        raise ValidationError(_("Deze melding is afgerond; het onderzoek kan niet meer worden gewijzigd."))


@transaction.atomic
def onderzoek_opslaan(*, onderzoek: Onderzoek, door: Medewerker, versie: int, **velden) -> Onderzoek:
    """Save the general section (persoonlijk plan, mantelzorg, eigen oplossing ...)."""
    onderzoek = _lock(Onderzoek, onderzoek, versie)
    _ensure_editable(onderzoek)
    for naam in ONDERZOEK_VELDEN:
        if naam in velden:
            setattr(onderzoek, naam, velden[naam])
    onderzoek.versie += 1
    save_with_history(onderzoek, door=door, reden="Onderzoek bijgewerkt")
    return onderzoek


def _trede_naam(nr: int) -> str:
    return Trede(nr).label.lower()


@transaction.atomic
def resultaat_opslaan(
    *,
    resultaat: ResultaatOnderzoek,
    door: Medewerker,
    versie: int,
    velden: dict,
    treden: dict[int, dict],
) -> ResultaatOnderzoek:
    """Save one resultaatgebied with its ladder, as one section with one versie.

    The ladder order is enforced here: the maatwerk rung may only be filled in once every
    rung above it is answered (besproken, with whether it solves the resultaat).
    """
    resultaat = _lock(ResultaatOnderzoek, resultaat, versie)
    _ensure_editable(resultaat.onderzoek)
    for naam in RESULTAAT_VELDEN:
        if naam in velden:
            setattr(resultaat, naam, velden[naam])
    bestaande = {t.trede: t for t in resultaat.treden.select_for_update()}
    gewijzigd = []
    for nr, waarden in treden.items():
        trede = bestaande[nr]
        voor = [getattr(trede, "voorziening_id" if n == "voorziening" else n) for n in TREDE_VELDEN]
        for naam in TREDE_VELDEN:
            if naam in waarden:
                setattr(trede, naam, waarden[naam])
        na = [getattr(trede, "voorziening_id" if n == "voorziening" else n) for n in TREDE_VELDEN]
        if voor != na:  # autosave sends the whole section: write (and keep history of) what changed
            gewijzigd.append(trede)
    errors = {}
    for trede in gewijzigd:
        voorziening = trede.voorziening
        if voorziening is not None:
            if trede.trede == Trede.ALGEMENE_VOORZIENING and voorziening.soort != VoorzieningSoort.ALGEMEEN:
                errors[f"t{trede.trede}_voorziening"] = _("Kies een algemene voorziening.")
            elif trede.trede == Trede.MAATWERK and voorziening.soort != VoorzieningSoort.MAATWERK:
                errors[f"t{trede.trede}_voorziening"] = _("Kies een maatwerkvoorziening.")
            elif trede.trede not in (Trede.ALGEMENE_VOORZIENING, Trede.MAATWERK):
                errors[f"t{trede.trede}_voorziening"] = _("Bij deze trede hoort geen voorziening.")
    maatwerk = bestaande[Trede.MAATWERK]
    if maatwerk.besproken or maatwerk.oplost or maatwerk.voorziening_id or maatwerk.bevinding.strip():
        ontbreekt = resultaat.ontbrekende_treden(bestaande.values())
        if ontbreekt:
            errors["t8_besproken"] = _(
                "Een maatwerkvoorziening kan pas als de treden erboven zijn besproken. Nog niet "
                "beantwoord: %(treden)s."
            ) % {"treden": ", ".join(_trede_naam(nr) for nr in ontbreekt)}
    if errors:
        raise ValidationError(errors)
    resultaat.versie += 1
    save_with_history(resultaat, door=door, reden="Resultaatgebied bijgewerkt")
    for trede in gewijzigd:
        save_with_history(trede, door=door, reden="Afwegingsladder bijgewerkt")
    return resultaat


# --- Verslag -------------------------------------------------------------------------------


def verslag_context(onderzoek: Onderzoek, *, nummer: int | None = None) -> dict:
    """What the verslag shows beyond every letter's context (wmo.brieven), in a handful of queries."""
    resultaten = list(onderzoek.resultaten.filter(aan_de_orde=True).prefetch_related("treden__voorziening"))
    # Only gesprekken that took place: a planned or cancelled one is no part of the record of the
    # onderzoek (Wmo 2015 art. 2.3.2 lid 8). Without any, the verslag says there was no gesprek.
    gesprekken = list(
        Gesprek.objects.filter(melding_id=onderzoek.melding_id, status=GesprekStatus.GEVOERD)
        .select_related("consulent")
        .order_by("gepland_op")
    )
    return {
        "onderzoek": onderzoek,
        "resultaten": resultaten,
        "gesprekken": gesprekken,
        "vervolgafspraken": list(onderzoek.vervolgafspraken.select_related("eigenaar")),
        "nummer": nummer,
        "maatwerk_gevraagd": _maatwerk_gevraagd(resultaten),
    }


def _maatwerk_gevraagd(resultaten) -> bool:
    """A maatwerkvoorziening is proposed for a resultaat when its maatwerk rung names one."""
    return any(t.trede == Trede.MAATWERK and t.voorziening_id for r in resultaten for t in r.treden.all())


def _verslag_al_verstuurd(onderzoek: Onderzoek, melding: Melding) -> VerslagVersie | None:
    """The newest version, when it went out today and nothing the verslag states changed since:
    the onderzoek, its resultaten and ladders, vervolgafspraken, gesprekken, the inwoner and the
    melding (apart from the status change the send itself makes). Called with the onderzoek
    locked (wmo.brieven.versturen, "the same send twice")."""
    vorige = onderzoek.versies.select_related("brief").defer("brief__pdf").order_by("-nummer").first()
    if vorige is None:
        return None
    sinds = brieven.last_change(
        Onderzoek.history.filter(id=onderzoek.pk),
        ResultaatOnderzoek.history.filter(onderzoek_id=onderzoek.pk),
        LadderTrede.history.filter(resultaat__onderzoek_id=onderzoek.pk),
        Vervolgafspraak.history.filter(onderzoek_id=onderzoek.pk),
        Gesprek.history.filter(melding_id=melding.pk),
        Melding.history.filter(id=melding.pk).exclude(history_change_reason=VERSLAG_VERSTUURD),
        melding.inwoner.history.all(),
    )
    if brieven.eerder_verstuurd(soort=BriefSoort.VERSLAG, melding=melding, sinds=sinds) != vorige.brief:
        return None
    return vorige


VERSLAG_VERSTUURD = "Verslag verstuurd"


@vooraf_ophalen(lambda a: a["onderzoek"].melding.inwoner)
@transaction.atomic
def verslag_versturen(*, onderzoek: Onderzoek, door: Medewerker) -> VerslagVersie:
    """Freeze the verslag as a new version (PDF, hash, date) and meet the onderzoek clock.

    Idempotent: three parallel sends make one version and one letter (``_verslag_al_verstuurd``);
    the repeats get that version back, marked ``al_verstuurd``.
    """
    onderzoek = Onderzoek.objects.select_for_update().select_related("melding").get(pk=onderzoek.pk)
    _ensure_editable(onderzoek)
    if not onderzoek.resultaten.filter(aan_de_orde=True).exists():
        raise ValidationError(_("Kies eerst minstens één resultaatgebied dat aan de orde is."))
    if (
        onderzoek.eigen_oplossing.strip()
        and onderzoek.eigen_oplossing_gevolgd is False
        and not onderzoek.eigen_oplossing_motivering.strip()
    ):
        raise ValidationError(
            _("De eigen oplossing van de inwoner wordt niet gevolgd: schrijf eerst op waarom.")
        )
    melding = Melding.objects.select_related("inwoner", "gemeente", "team", "consulent").get(
        pk=onderzoek.melding_id
    )
    if vorige := _verslag_al_verstuurd(onderzoek, melding):
        return brieven.als_herhaling(vorige, vorige.brief)
    nummer = (onderzoek.versies.aggregate(n=Max("nummer"))["n"] or 0) + 1
    context = verslag_context(onderzoek, nummer=nummer)
    brief = brieven.brief_versturen(soort=BriefSoort.VERSLAG, melding=melding, door=door, context=context)
    versie = VerslagVersie(
        onderzoek=onderzoek, nummer=nummer, brief=brief, maatwerk_gevraagd=context["maatwerk_gevraagd"]
    )
    save_with_history(versie, door=door, reden=f"Verslag versie {nummer} verstuurd")
    if melding.status == MeldingStatus.IN_ONDERZOEK:
        melding_status_zetten(
            melding=melding, door=door, naar=MeldingStatus.VERSLAG_VERSTUURD, reden=VERSLAG_VERSTUURD
        )
    return versie


@transaction.atomic
def verslag_reactie_vastleggen(
    *,
    versie: VerslagVersie,
    door: Medewerker,
    reactie: str,
    ontvangen_op: date,
    ondertekend: bool = False,
    opmerkingen: str = "",
    aanvullingen: str = "",
) -> VerslagVersie:
    """Keep the inwoner's reaction with this version (never merged into the onderzoek).

    With the gemeente's setting ``verslag_telt_als_aanvraag``, a signed verslag that asks for a
    maatwerkvoorziening is registered as the aanvraag, received on the day the signed verslag came in.
    """
    from aanvragen.constants import Grondslag
    from aanvragen.services import aanvraag_registreren, aanvraag_voorziening_toevoegen

    versie = (
        VerslagVersie.objects.select_for_update(of=("self",))
        .select_related("onderzoek__melding__gemeente")
        .get(pk=versie.pk)
    )
    check_transition(
        VERSLAG_OVERGANGEN,
        versie.status,
        reactie,
        message={"reactie": _("De reactie op deze versie is al vastgelegd.")}
        if versie.status != VerslagReactie.AFWACHTEN
        else {"reactie": _("Kies akkoord of niet akkoord.")},
    )
    if ontvangen_op is None:
        raise ValidationError({"reactie_ontvangen_op": _("Vul in wanneer de reactie binnenkwam.")})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"reactie_ontvangen_op": _("Deze datum kan niet in de toekomst liggen.")})
    if ontvangen_op < timezone.localdate(versie.brief.verstuurd_op):
        raise ValidationError(
            {"reactie_ontvangen_op": _("De reactie kan niet vóór het verslag zijn ontvangen.")}
        )
    if reactie == VerslagReactie.NIET_AKKOORD and not opmerkingen.strip():
        raise ValidationError({"opmerkingen": _("Schrijf op waar de inwoner het niet mee eens is.")})
    versie.status = reactie
    versie.reactie_ontvangen_op = ontvangen_op
    versie.ondertekend = ondertekend
    versie.opmerkingen = opmerkingen
    versie.aanvullingen = aanvullingen
    versie.reactie_vastgelegd_door = door
    melding = versie.onderzoek.melding
    if (
        ondertekend
        and versie.maatwerk_gevraagd
        and melding.gemeente.verslag_telt_als_aanvraag
        and melding.mag_naar(MeldingStatus.AANVRAAG_ONTVANGEN)
    ):
        versie.aanvraag = aanvraag_registreren(
            melding=melding, ontvangen_op=ontvangen_op, grondslag=Grondslag.NA_ONDERZOEK, door=door
        )
        # The maatwerkvoorzieningen proposed in the onderzoek become the requested ones, each with
        # the resultaat it serves, so nobody types them again.
        for trede in LadderTrede.objects.filter(
            resultaat__onderzoek=versie.onderzoek, trede=Trede.MAATWERK, voorziening__isnull=False
        ).select_related("resultaat", "voorziening"):
            aanvraag_voorziening_toevoegen(
                aanvraag=versie.aanvraag,
                voorziening=trede.voorziening,
                resultaatgebied=trede.resultaat.gebied,
                toelichting=trede.resultaat.te_bereiken_resultaat,
                door=door,
            )
    save_with_history(versie, door=door, reden=f"Reactie op verslag: {VerslagReactie(reactie).label}")
    return versie


# --- Vervolgafspraken ------------------------------------------------------------------------


@transaction.atomic
def vervolgafspraak_toevoegen(
    *,
    onderzoek: Onderzoek,
    door: Medewerker,
    actie: str,
    uiterlijk: date,
    eigenaar: Medewerker | None = None,
    eigenaar_anders: str = "",
) -> Vervolgafspraak:
    _ensure_editable(onderzoek)
    if eigenaar is not None and eigenaar.organisatie_id != door.organisatie_id:
        raise ValidationError({"eigenaar": _("Kies een medewerker van uw eigen organisatie.")})
    afspraak = Vervolgafspraak(
        onderzoek=onderzoek,
        actie=actie,
        uiterlijk=uiterlijk,
        eigenaar=eigenaar,
        eigenaar_anders="" if eigenaar else eigenaar_anders,
    )
    save_with_history(afspraak, door=door, reden="Vervolgafspraak gemaakt")
    return afspraak


@transaction.atomic
def vervolgafspraak_afronden(*, afspraak: Vervolgafspraak, door: Medewerker) -> Vervolgafspraak:
    afspraak = Vervolgafspraak.objects.select_for_update().get(pk=afspraak.pk)
    check_transition(
        AFSPRAAK_OVERGANGEN, afspraak.status, AfspraakStatus.GEDAAN, message=_("Deze afspraak is al gedaan.")
    )
    afspraak.status = AfspraakStatus.GEDAAN
    afspraak.afgerond_op = timezone.localdate()
    save_with_history(afspraak, door=door, reden="Vervolgafspraak gedaan")
    return afspraak


def voorzieningen_per_soort() -> dict[str, list[Voorziening]]:
    """The active catalogue, split by soort (one query), for the ladder's pick lists."""
    per_soort: dict[str, list[Voorziening]] = {VoorzieningSoort.ALGEMEEN: [], VoorzieningSoort.MAATWERK: []}
    for v in Voorziening.objects.te_kiezen(timezone.localdate()):
        per_soort[v.soort].append(v)
    return per_soort
