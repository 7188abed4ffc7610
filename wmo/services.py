"""Helpers every service uses: validating and saving with history (letters: wmo.brieven)."""

from django.db import models

from .models import Medewerker


def opslaan(instance: models.Model, *, door: Medewerker, reden: str = "") -> None:
    """full_clean() and save, recording who did it (and why) in the history."""
    instance.full_clean()
    instance._history_user = door
    if reden:
        instance._change_reason = reden
    instance.save()
