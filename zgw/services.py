"""The outbox to the zaaksysteem: what goes in (after a change in Keukentafel is committed), how it
is sent (in order, per melding, with retries and backoff), and beheer's "Opnieuw".

Loosely coupled: the receivers in zgw.signals call ``melding_bijwerken``, ``brief_bijwerken`` and
``besluit_bijwerken`` from ``transaction.on_commit(..., robust=True)``: the change in Keukentafel is
already saved, an error here is logged and never reaches the user, and with no active koppeling
for the gemeente nothing happens at all.

Exactly once, in two layers:
1. In the outbox: one zaak opdracht per melding, one document per letter, one besluit per
   beschikking (unique constraints), and a status or planned end date only when it differs from
   what was last put in (the newest such opdracht), under the melding's row lock.
2. In the zaaksysteem: every object we create has our own identificatie (the zaak: the melding's
   kenmerk; a document: kenmerk + letter number; a besluit: kenmerk + beschikking number) or a
   natural key (status: zaak + statustype + moment; the links: zaak/besluit + informatieobject), and
   we look it up (GET) before we create it (POST). A crash after the zaaksysteem created something
   but before we stored its URL therefore finds it on the next attempt instead of making a second.

The deadline engine stays the source of the planned end date: the ZGW APIs do not move a zaak's
deadline on suspension (Awb 4:15), so Keukentafel PATCHes ``einddatumGepland`` whenever its own
stored deadline changes (``einddatum_gepland``).
"""

import logging
from datetime import date, datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from meldingen.constants import MeldingStatus
from meldingen.models import Melding
from wmo.models import Medewerker
from wmo.transitions import check_transition

from . import catalogi
from .client import ZgwClient, ZgwFout
from .constants import (
    EERSTE_WACHTTIJD_SECONDEN,
    MAX_POGINGEN,
    MAX_WACHTTIJD_SECONDEN,
    OVERGANGEN,
    VOLGORDE,
    MeldingSoort,
    OpdrachtSoort,
    OpdrachtStatus,
)
from .models import Opdracht, ZgwKoppeling, ZgwZaak

logger = logging.getLogger(__name__)


# --- Rules ----------------------------------------------------------------------------------------


def einddatum_gepland(melding: Melding) -> date | None:
    """The zaak's planned end date: the statutory deadline that runs now, as Keukentafel stored it.

    While an aanvraag is open: its beslistermijn (Wmo 2015 art. 2.3.5 lid 1, with the suspensions
    of Awb 4:15 counted in; None while suspended without a known end). Otherwise, while the
    onderzoek runs: the onderzoek deadline (Wmo 2015 art. 2.3.2 lid 1). Afterwards: None (unchanged).
    """
    open_aanvraag = (
        melding.aanvragen.filter(besloten_op__isnull=True).order_by("-ontvangen_op", "-id").first()
    )
    if open_aanvraag is not None:
        return open_aanvraag.beslis_deadline
    if melding.is_open and melding.onderzoek_afgerond_op is None:
        return melding.onderzoek_deadline
    return None


def melding_soort(melding: Melding) -> str:
    """Which zaaktype: spoed (Wmo 2015 art. 2.3.3) first, then a herindicatie, else a melding."""
    if melding.spoed:
        return MeldingSoort.SPOED
    if melding.bekend:
        return MeldingSoort.HERINDICATIE
    return MeldingSoort.STANDAARD


def wachttijd(pogingen: int) -> timedelta:
    """Exponential backoff after the n-th failed attempt: 1, 2, 4, ... minutes, at most two hours."""
    return timedelta(
        seconds=min(EERSTE_WACHTTIJD_SECONDEN * 2 ** max(pogingen - 1, 0), MAX_WACHTTIJD_SECONDEN)
    )


# --- Into the outbox ------------------------------------------------------------------------------


def _actieve_koppeling(melding_id: int) -> ZgwKoppeling | None:
    return ZgwKoppeling.objects.filter(actief=True, gemeente__meldingen=melding_id).first()


def _opdracht(
    zaak: ZgwZaak, soort: str, *, moment: datetime, door_id: int | None = None, **velden
) -> Opdracht:
    opdracht = Opdracht(
        soort=soort,
        koppeling=zaak.koppeling,
        melding_id=zaak.melding_id,
        moment=moment,
        door_id=door_id,
        **velden,
    )
    opdracht.full_clean(validate_unique=False, validate_constraints=False)
    opdracht.save()
    return opdracht


def _laatst_gemeld(melding_id: int) -> tuple[str, date | None]:
    """The status and the planned end date last put in the outbox for this melding."""
    status = (
        Opdracht.objects.filter(melding_id=melding_id, soort=OpdrachtSoort.STATUS)
        .order_by("-pk")
        .values_list("melding_status", flat=True)
        .first()
    )
    einddatum = (
        Opdracht.objects.filter(
            melding_id=melding_id, soort__in=(OpdrachtSoort.ZAAK, OpdrachtSoort.EINDDATUM)
        )
        .order_by("-pk")
        .values_list("einddatum", flat=True)
        .first()
    )
    return status or "", einddatum


@transaction.atomic
def melding_bijwerken(
    *, melding_id: int, status: str | None = None, moment: datetime | None = None, door_id: int | None = None
) -> ZgwZaak | None:
    """Put what changed about a melding in the outbox: the zaak (first time), a status, the planned end.

    ``status`` is the melding's status at the moment of the change (``moment``); a status equal to
    the last one put in adds nothing. Announcers of one melding take turns on the melding's row
    lock (held for a moment, after the user's own commit); the sender locks only the ZgwZaak row,
    so neither ever waits for the other's HTTP traffic. Returns the ZgwZaak, or None without an
    active koppeling.
    """
    koppeling = _actieve_koppeling(melding_id)
    if koppeling is None:
        return None
    melding = Melding.objects.select_for_update(of=("self",)).get(pk=melding_id)
    moment = moment or timezone.now()
    zaak, nieuw = ZgwZaak.objects.get_or_create(
        melding=melding, defaults={"koppeling": koppeling, "identificatie": melding.kenmerk}
    )
    if zaak.koppeling_id == koppeling.pk:
        zaak.koppeling = koppeling  # fetched already: no second query
    if nieuw:
        einddatum = einddatum_gepland(melding)
        _opdracht(
            zaak,
            OpdrachtSoort.ZAAK,
            moment=melding.ontvangen_op,
            einddatum=einddatum,
            door_id=door_id or melding.geregistreerd_door_id,
        )
        gemeld_status, gemeld_einddatum = "", einddatum
        statussen = [(MeldingStatus.ONTVANGEN, melding.ontvangen_op)]
        if melding.status != MeldingStatus.ONTVANGEN:
            statussen.append((melding.status, moment))
    else:
        gemeld_status, gemeld_einddatum = _laatst_gemeld(melding_id)
        statussen = [(status, moment)] if status else []
    for waarde, wanneer in statussen:
        if waarde != gemeld_status:
            # Also a status without a statustype (sent as nothing), so a later change back is seen.
            _opdracht(zaak, OpdrachtSoort.STATUS, moment=wanneer, melding_status=waarde, door_id=door_id)
            gemeld_status = waarde
    if not nieuw:
        einddatum = einddatum_gepland(melding)
        if einddatum is not None and einddatum != gemeld_einddatum:
            _opdracht(zaak, OpdrachtSoort.EINDDATUM, moment=moment, einddatum=einddatum, door_id=door_id)
    transaction.on_commit(lambda: inplannen(melding_id=melding_id), robust=True)
    return zaak


@transaction.atomic
def brief_bijwerken(*, brief_id: int) -> Opdracht | None:
    """A sent letter (the original; copies are the same letter to someone else) becomes a document."""
    from wmo.models import Brief

    brief = Brief.objects.filter(pk=brief_id, origineel__isnull=True, melding__isnull=False).first()
    if brief is None:
        return None
    zaak = melding_bijwerken(melding_id=brief.melding_id, door_id=brief.verstuurd_door_id)
    if zaak is None:
        return None
    opdracht = Opdracht.objects.filter(soort=OpdrachtSoort.DOCUMENT, brief=brief).first()
    return opdracht or _opdracht(
        zaak, OpdrachtSoort.DOCUMENT, moment=brief.verstuurd_op, brief=brief, door_id=brief.verstuurd_door_id
    )


@transaction.atomic
def besluit_bijwerken(*, beschikking_id: int, door_id: int | None = None) -> Opdracht | None:
    """A sent beschikking becomes a besluit, linked to its letter."""
    from aanvragen.models import Beschikking

    beschikking = Beschikking.objects.select_related("aanvraag").get(pk=beschikking_id)
    zaak = melding_bijwerken(melding_id=beschikking.aanvraag.melding_id, door_id=door_id)
    if zaak is None:
        return None
    opdracht = Opdracht.objects.filter(soort=OpdrachtSoort.BESLUIT, beschikking=beschikking).first()
    return opdracht or _opdracht(
        zaak, OpdrachtSoort.BESLUIT, moment=timezone.now(), beschikking=beschikking, door_id=door_id
    )


# --- Sending ----------------------------------------------------------------------------------------


def inplannen(*, melding_id: int, run_after: datetime | None = None) -> None:
    """Enqueue the task that sends the melding's waiting opdrachten (now, or at ``run_after``).

    A backend that cannot defer (the immediate backend of the tests and the quick start) gets no
    retry task: ``manage.py zgw verzenden`` (cron) or "Opnieuw" in beheer picks it up.
    """
    from .tasks import opdrachten_verzenden_taak

    if run_after is None:
        opdrachten_verzenden_taak.enqueue(melding_id)
    elif opdrachten_verzenden_taak.get_backend().supports_defer:
        opdrachten_verzenden_taak.using(run_after=run_after).enqueue(melding_id)


def _client(opdracht: Opdracht, koppeling: ZgwKoppeling) -> ZgwClient:
    door = opdracht.door
    if door is None:
        return ZgwClient(koppeling)
    return ZgwClient(
        koppeling,
        user_id=door.get_username(),
        user_representation=door.get_full_name() or door.get_username(),
    )


def opdrachten_verzenden(*, melding_id: int) -> list[Opdracht]:
    """Send the waiting opdrachten of one melding, in order (constants.VOLGORDE, then moment).

    One sender per melding at a time (a row lock on its ZgwZaak). A failure stops the rest of the
    melding (the order matters: a closed zaak takes no documents) and plans the next attempt with
    exponential backoff; after MAX_POGINGEN the opdracht is 'niet verzonden' and waits for beheer.
    Returns the opdrachten it tried.
    """
    from .verzenden import uitvoeren

    nu = timezone.now()
    gedaan = []
    with transaction.atomic():
        zaak = (
            ZgwZaak.objects.select_for_update(of=("self",))
            .select_related("koppeling", "melding__inwoner")
            .filter(melding_id=melding_id)
            .first()
        )
        if zaak is None:
            return gedaan
        wachtend = sorted(
            Opdracht.objects.filter(melding_id=melding_id, status=OpdrachtStatus.WACHTEND).select_related(
                "door"
            ),
            key=lambda o: (VOLGORDE[o.soort], o.moment, o.pk),
        )
        for opdracht in wachtend:
            if opdracht.volgende_poging and opdracht.volgende_poging > nu:
                break
            gedaan.append(opdracht)
            fout = None
            try:
                with transaction.atomic():
                    uitvoeren(opdracht, zaak, _client(opdracht, zaak.koppeling))
            except ZgwFout as e:
                fout = str(e)
            except Exception:  # a bug must not stop the outbox silently: it shows in beheer
                logger.exception("zaaksysteem: opdracht %s mislukt", opdracht.pk)
                fout = "Onverwachte fout in Keukentafel; zie het logboek van de server."
            opdracht.pogingen += 1
            if fout is None:
                opdracht.status = OpdrachtStatus.VERZONDEN
                opdracht.verzonden_op = timezone.now()
                opdracht.volgende_poging = None
                opdracht.laatste_fout = ""
                opdracht.save()
                continue
            opdracht.laatste_fout = fout[:2000]
            if opdracht.pogingen >= MAX_POGINGEN:
                opdracht.status = OpdrachtStatus.NIET_VERZONDEN
                opdracht.volgende_poging = None
            else:
                opdracht.volgende_poging = timezone.now() + wachttijd(opdracht.pogingen)
                transaction.on_commit(
                    partial(inplannen, melding_id=melding_id, run_after=opdracht.volgende_poging), robust=True
                )
            opdracht.save()
            break
    return gedaan


def alles_verzenden() -> int:
    """Send every due waiting opdracht (``manage.py zgw verzenden``); returns how many were tried."""
    nu = timezone.now()
    meldingen = (
        Opdracht.objects.filter(status=OpdrachtStatus.WACHTEND)
        .exclude(volgende_poging__gt=nu)
        .values_list("melding_id", flat=True)
        .distinct()
    )
    return sum(len(opdrachten_verzenden(melding_id=m)) for m in list(meldingen))


@transaction.atomic
def opdracht_opnieuw(*, opdracht: Opdracht, door: Medewerker) -> Opdracht:
    """Beheer's "Opnieuw": a stopped opdracht waits again, a waiting one is tried now."""
    opdracht = Opdracht.objects.select_for_update().get(pk=opdracht.pk)
    if opdracht.status == OpdrachtStatus.VERZONDEN:
        raise ValidationError("Deze opdracht is al verzonden.")
    if opdracht.status == OpdrachtStatus.NIET_VERZONDEN:
        check_transition(
            OVERGANGEN, opdracht.status, OpdrachtStatus.WACHTEND, message="Deze opdracht kan niet opnieuw."
        )
        opdracht.status = OpdrachtStatus.WACHTEND
        opdracht.pogingen = 0
    opdracht.volgende_poging = None
    opdracht._history_user = door
    opdracht._change_reason = "Opnieuw (beheer)"
    opdracht.save()
    melding_id = opdracht.melding_id
    transaction.on_commit(lambda: inplannen(melding_id=melding_id), robust=True)
    return opdracht


# --- Beheer -----------------------------------------------------------------------------------------


VERPLICHT_ALS_AAN = ("zaken_api", "documenten_api", "besluiten_api", "zaaktype", "roltype_initiator")


def koppeling_opslaan(*, gemeente, door: Medewerker, **velden) -> ZgwKoppeling:
    """Save the gemeente's connection to its zaaksysteem (beheer), with history.

    An active koppeling with a Catalogi API has its catalogue types checked first
    (catalogi.typen_controleren): a type that does not exist or does not belong to the zaaktype is
    refused per field. When the Catalogi API does not answer, what was typed is saved unchecked and
    ``catalogi_storing`` on the result says why (beheer shows it).
    """
    # ``velden``: every field of the settings form. Checked on an unsaved copy before anything is
    # asked, without a query (the database's own checks follow in _koppeling_bewaren).
    kandidaat = ZgwKoppeling(gemeente=gemeente, **velden)
    _verplicht_als_aan(kandidaat)
    kandidaat.clean_fields(exclude=["gemeente"])
    storing = ""
    if kandidaat.actief and kandidaat.catalogi_api:
        # Outside the transaction: no row is locked while the Catalogi API is asked.
        try:
            fouten = catalogi.typen_controleren(kandidaat, door=door)
        except ZgwFout as fout:
            storing = str(fout)
        else:
            if fouten:
                raise ValidationError(fouten)
    koppeling = _koppeling_bewaren(gemeente=gemeente, door=door, velden=velden)
    koppeling.catalogi_storing = storing
    return koppeling


def _verplicht_als_aan(koppeling: ZgwKoppeling) -> None:
    if koppeling.actief:
        ontbreekt = [
            ZgwKoppeling._meta.get_field(n).verbose_name
            for n in VERPLICHT_ALS_AAN
            if not getattr(koppeling, n)
        ]
        if ontbreekt:
            raise ValidationError({"actief": f"Vul eerst in: {', '.join(str(o) for o in ontbreekt)}."})


@transaction.atomic
def _koppeling_bewaren(*, gemeente, door: Medewerker, velden: dict) -> ZgwKoppeling:
    koppeling = ZgwKoppeling.objects.select_for_update().filter(gemeente=gemeente).first() or ZgwKoppeling(
        gemeente=gemeente
    )
    for naam, waarde in velden.items():
        setattr(koppeling, naam, waarde)
    _verplicht_als_aan(koppeling)
    koppeling.full_clean()
    koppeling._history_user = door
    koppeling.save()
    return koppeling
