"""Helpers every service uses: validating and saving with history (letters: wmo.brieven); and the
trace that reading a dossier leaves (Inzage)."""

from django.db import models

from .models import Inzage, Medewerker


def save_with_history(instance: models.Model, *, door: Medewerker, reden: str = "") -> None:
    """full_clean() and save, recording who did it (and why) in the history."""
    instance.full_clean()
    instance._history_user = door
    if reden:
        instance._change_reason = reden
    instance.save()


def inzage_vastleggen(*, medewerker: Medewerker, inwoner, wat: str) -> Inzage:
    """Leave the trace that ``medewerker`` read ``wat`` of ``inwoner``'s dossier (health data).

    A plain insert, no full_clean(): the inwoner was just read from the database, and a page
    view should not pay a query for validating it.
    """
    return Inzage.objects.create(medewerker=medewerker, inwoner=inwoner, wat=wat)


def inzages_vastleggen(*, medewerker: Medewerker, inwoner_ids, wat: str) -> list[Inzage]:
    """The same trace for many inwoners at once (one insert), e.g. when a list leaves the system."""
    return Inzage.objects.bulk_create(
        [Inzage(medewerker=medewerker, inwoner_id=pk, wat=wat) for pk in inwoner_ids]
    )
