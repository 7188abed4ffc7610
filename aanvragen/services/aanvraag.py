"""Every write to an aanvraag itself: registering it, what is asked, ingebrekestelling, decision.

The process in plain words
--------------------------
The inwoner files an aanvraag (Wmo 2015 art. 2.3.5): after the onderzoek, six weeks after
the melding without one, straight away when declining the gesprek, after triage, or on
paper. From the day after it is received the college has two weeks to decide
(``aanvraag_registreren``). The voorzieningen asked for are added with
``aanvraag_voorziening_toevoegen``; the beschikking on them is the next step
(services/beschikking.py). While the clock runs it may stand still or be delayed
(services/opschorting.py).

After the deadline the inwoner may send an ingebrekestelling
(``aanvraag_ingebrekestelling_registreren``, Awb 4:17); two weeks later a dwangsom runs.
``aanvraag_besloten`` records when a beschikking sent outside Keukentafel was sent: the
clock is met. ``beslis_deadlines_herberekenen`` refreshes all open aanvragen when the days
equated to feestdagen change (Atw art. 3 lid 3).
"""

from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking, Opschorting
from meldingen.constants import MeldingStatus
from meldingen.kopie import kopie_van
from meldingen.models import Melding
from meldingen.services import melding_status_zetten
from wmo.models import Medewerker, gelijkgestelde_dagen
from wmo.regels import dwangsom, spoed
from wmo.services import save_with_history

from ._common import (
    _beslis_deadline,
    _ensure_open,
    _format_date,
    _lock,
    _save_beslis_deadline,
)
from .beschikking import _bekendmaken


@transaction.atomic
def aanvraag_registreren(
    *, melding: Melding, ontvangen_op: date, grondslag: str, door: Medewerker
) -> Aanvraag:
    """Register a received aanvraag: it starts the beslistermijn (Wmo 2015 art. 2.3.5).

    The melding moves to "aanvraag ontvangen" unless it is already there (a second aanvraag
    on the same melding) or this is a spoed aanvraag, after which the onderzoek goes on
    (Wmo 2015 art. 2.3.3, wmo.regels.spoed); a closed or decided melding refuses
    (meldingen.constants.OVERGANGEN).
    """
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    aanvraag = Aanvraag(
        melding=melding,
        ontvangen_op=ontvangen_op,
        grondslag=grondslag,
        geregistreerd_door=door,
        **kopie_van(melding, "aanvragen.Aanvraag"),
    )
    if ontvangen_op:  # else full_clean reports the missing date
        aanvraag.beslis_deadline = _beslis_deadline(ontvangen_op, (), gelijkgestelde_dagen())
    save_with_history(aanvraag, door=door, reden="Aanvraag geregistreerd")
    if melding.status != MeldingStatus.AANVRAAG_ONTVANGEN:
        if not spoed.onderzoek_gaat_door(spoed_aanvraag=aanvraag.is_spoed):
            aanvraag.melding = melding_status_zetten(
                melding=melding, door=door, naar=MeldingStatus.AANVRAAG_ONTVANGEN, reden="Aanvraag ontvangen"
            )
    return aanvraag


@transaction.atomic
def aanvraag_voorziening_toevoegen(
    *, aanvraag: Aanvraag, voorziening, resultaatgebied: int, toelichting: str = "", door: Medewerker
) -> AangevraagdeVoorziening:
    """Add a requested maatwerkvoorziening, with the resultaat it should serve."""
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        raise ValidationError(_("Er is al een beschikking in de maak. Voeg de voorziening daarvoor toe."))
    aangevraagd = AangevraagdeVoorziening(
        aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=resultaatgebied, toelichting=toelichting
    )
    save_with_history(aangevraagd, door=door, reden="Voorziening aangevraagd")
    return aangevraagd


@transaction.atomic
def aanvraag_besloten(*, aanvraag: Aanvraag, besloten_op: date, door: Medewerker) -> Aanvraag:
    """Record a decision that was sent outside Keukentafel (on paper, or from the former system).

    Keukentafel's own beschikkingen are sent with beschikking_versturen.
    """
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    if hasattr(aanvraag, "beschikking"):
        raise ValidationError(_("Voor deze aanvraag is al een beschikking gemaakt. Verstuur die."))
    beschikking = Beschikking(opgesteld_door=door, **kopie_van(aanvraag, "aanvragen.Beschikking"))
    return _bekendmaken(aanvraag, beschikking, op=besloten_op, door=door)


@transaction.atomic
def aanvraag_ingebrekestelling_registreren(
    *, aanvraag: Aanvraag, ontvangen_op: date, door: Medewerker
) -> Aanvraag:
    """Record the inwoner's written ingebrekestelling (Awb 4:17): two weeks after it, when
    there is still no decision, the gemeente owes a dwangsom for every day (at most 42)."""
    aanvraag = _lock(aanvraag)
    _ensure_open(aanvraag)
    if not ontvangen_op:
        raise ValidationError({"ingebrekestelling_op": _("Vul de datum van ontvangst in.")})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ingebrekestelling_op": _("Deze datum kan niet in de toekomst liggen.")})
    if aanvraag.ingebrekestelling_op:
        raise ValidationError(
            _("Er is al een ingebrekestelling vastgelegd, ontvangen op %(datum)s.")
            % {"datum": _format_date(aanvraag.ingebrekestelling_op)}
        )
    if not dwangsom.heeft_gevolg(aanvraag.beslis_deadline, ontvangen_op):
        tot = _format_date(aanvraag.beslis_deadline) if aanvraag.beslis_deadline else None
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
    return _save_beslis_deadline(aanvraag, door=door, reden="Ingebrekestelling ontvangen (Awb 4:17)")


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
            aanvraag.dwangsom_vanaf = dwangsom.vanaf(nieuw, aanvraag.ingebrekestelling_op)
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
