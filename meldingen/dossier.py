"""The dossier's timeline: everything that happened to an inwoner's meldingen, in time order.

Built from the history tables (who did what, when, why) and the letters sent, in a fixed
number of queries whatever the dossier's size.
"""

from dataclasses import dataclass
from datetime import datetime

from .constants import MeldingStatus
from .models import Inwoner, Melding


@dataclass(frozen=True)
class Gebeurtenis:
    tijdstip: datetime
    wat: str
    door: str
    melding: Melding | None = None
    brief_id: int | None = None


def tijdlijn(inwoner: Inwoner, meldingen: list[Melding], brieven) -> list[Gebeurtenis]:
    per_id = {m.pk: m for m in meldingen}
    items: list = []  # Gebeurtenis, or (datum, wat, user_id, melding) until names are looked up
    historie = (
        Melding.history.filter(id__in=per_id)
        .select_related("history_user")
        .only("id", "history_date", "history_type", "history_change_reason", "status", "history_user")
    )
    for h in historie:
        wat = h.history_change_reason or (
            "Melding geregistreerd" if h.history_type == "+" else f"Status: {MeldingStatus(h.status).label}"
        )
        items.append(Gebeurtenis(h.history_date, wat, _naam(h.history_user), per_id.get(h.id)))
    for h in inwoner.history.select_related("history_user").only(
        "history_date", "history_type", "history_change_reason", "history_user"
    ):
        wat = h.history_change_reason or (
            "Inwoner geregistreerd" if h.history_type == "+" else "Gegevens inwoner gewijzigd"
        )
        items.append(Gebeurtenis(h.history_date, wat, _naam(h.history_user)))
    # The later steps of the same dossier: gesprek, triage, aanvraag, beschikking, bezwaar.
    for model, melding_pad, standaard in _STAPPEN():
        historie = model.history.filter(**{f"{melding_pad}__in": per_id}).values_list(
            "history_date", "history_type", "history_change_reason", "history_user", melding_pad
        )
        for datum, soort, reden, user_id, melding_id in historie:
            if soort == "+" or reden:  # creations and every change that says what it was
                items.append((datum, reden or standaard, user_id, per_id.get(melding_id)))
    for b in brieven:
        items.append(
            Gebeurtenis(
                b.verstuurd_op,
                f"{'Kopie' if b.origineel_id else 'Brief'} verstuurd: {b.get_soort_display()}"
                f" aan {b.ontvanger_naam or inwoner.naam}"
                + (f" ({b.get_ontvanger_rol_display()})" if b.ontvanger_rol != "inwoner" else ""),
                _naam(b.verstuurd_door),
                b.melding,
                b.pk,
            )
        )
    items = _met_namen(items)
    items.sort(key=lambda g: g.tijdstip, reverse=True)
    return items


def _STAPPEN():
    from django.apps import apps

    from aanvragen.models import Aanvraag, Beschikking, Bezwaar
    from gesprekken.models import Gesprek, Triage

    stappen = [
        (Gesprek, "melding_id", "Gesprek gepland"),
        (Triage, "melding_id", "Triage: verder zonder breed gesprek"),
        (Aanvraag, "melding_id", "Aanvraag geregistreerd"),
        (Beschikking, "aanvraag__melding_id", "Beschikking opgesteld"),
        (Bezwaar, "beschikking__aanvraag__melding_id", "Bezwaar ontvangen"),
    ]
    # iWmo (on top of the flow, so named by string, not imported): the toewijzing at the aanbieder
    # and the start and stop of the zorg it reported ("Zorg gestart door ... op 7 april 2026").
    if apps.is_installed("iwmo"):
        toewijzing = apps.get_model("iwmo", "Toewijzing")
        stappen.append(
            (toewijzing, "regel__beschikking__aanvraag__melding_id", "Toewijzing aan de aanbieder")
        )
    return stappen


def _met_namen(items: list) -> list[Gebeurtenis]:
    """Turn (datum, wat, user_id, melding) tuples into Gebeurtenissen, with one query for the names."""
    from wmo.models import Medewerker

    ids = {i[2] for i in items if isinstance(i, tuple) and i[2]}
    namen = {m.pk: str(m) for m in Medewerker.objects.filter(pk__in=ids)} if ids else {}
    return [
        Gebeurtenis(i[0], i[1], namen.get(i[2], "systeem"), i[3]) if isinstance(i, tuple) else i
        for i in items
    ]


def _naam(user) -> str:
    return str(user) if user else "systeem"
