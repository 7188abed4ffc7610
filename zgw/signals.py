"""Receivers: a committed change in Keukentafel puts an opdracht in the zaaksysteem outbox.

Each receiver only registers ``transaction.on_commit(..., robust=True)``: during the user's
transaction nothing is read or written for the zaaksysteem, after the commit an error is logged
and never reaches the user (nothing in Keukentafel waits on or depends on the zaaksysteem).
A rolled-back change sends nothing.
"""

from django.db import transaction
from django.utils import timezone

from zgw import services


def _door_id(instance) -> int | None:
    door = getattr(instance, "_history_user", None)
    return getattr(door, "pk", None)


def bij_melding_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    melding_id, status, moment = instance.pk, instance.status, timezone.now()
    door_id = instance.geregistreerd_door_id if created else _door_id(instance)
    transaction.on_commit(
        lambda: services.melding_bijwerken(
            melding_id=melding_id, status=status, moment=moment, door_id=door_id
        ),
        robust=True,
    )


def bij_aanvraag_opgeslagen(sender, instance, raw=False, **kwargs):
    """The beslistermijn may have moved (a suspension, Awb 4:15): the planned end date follows."""
    if raw:
        return
    melding_id, door_id = instance.melding_id, _door_id(instance)
    transaction.on_commit(
        lambda: services.melding_bijwerken(melding_id=melding_id, door_id=door_id), robust=True
    )


def bij_brief_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.origineel_id or not instance.melding_id:
        return
    brief_id = instance.pk
    transaction.on_commit(lambda: services.brief_bijwerken(brief_id=brief_id), robust=True)


def bij_beschikking_verstuurd(sender, beschikking, door=None, **kwargs):
    beschikking_id, door_id = beschikking.pk, getattr(door, "pk", None)
    transaction.on_commit(
        lambda: services.besluit_bijwerken(beschikking_id=beschikking_id, door_id=door_id), robust=True
    )
