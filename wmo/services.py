"""Helpers every service uses: validating, saving with history, and storing a sent letter."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .models import Brief, Medewerker


def opslaan(instance: models.Model, *, door: Medewerker, reden: str = "") -> None:
    """full_clean() and save, recording who did it (and why) in the history."""
    instance.full_clean()
    instance._history_user = door
    if reden:
        instance._change_reason = reden
    instance.save()


def brief_opslaan(*, soort: str, kenmerk: str, pdf: bytes, inwoner, melding=None, door: Medewerker) -> Brief:
    """Freeze a letter exactly as sent: bytes, hash and moment."""
    if not pdf.startswith(b"%PDF"):
        raise ValidationError("Dit is geen PDF.")
    return Brief.objects.create(
        soort=soort,
        kenmerk=kenmerk,
        pdf=pdf,
        inwoner=inwoner,
        melding=melding,
        verstuurd_op=timezone.now(),
        verstuurd_door=door,
    )
