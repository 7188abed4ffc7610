"""Helpers every service uses: validating and saving with history (letters: wmo.brieven); and the
trace that reading a dossier leaves (Inzage)."""

from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from . import inzagelog, teamcache
from .clientip import client_ip
from .constants import InzageActie
from .models import Inzage, Medewerker


def save_with_history(instance: models.Model, *, door: Medewerker, reden: str = "") -> None:
    """full_clean() and save, recording who did it (and why) in the history."""
    instance.full_clean()
    instance._history_user = door
    if reden:
        instance._change_reason = reden
    instance.save()
    if getattr(instance, "team_id", None):  # a dossier row: the team's dashboard figures changed
        teamcache.gewijzigd(instance.team_id)


def _inzage(
    *, medewerker: Medewerker, request: HttpRequest | None, actie: str, wat: str, object_type: str
) -> Inzage:
    """An unsaved log row with who (as they are now: name, organisation, roles) and from where."""
    return Inzage(
        **_inzage_velden(
            medewerker=medewerker, request=request, actie=actie, wat=wat, object_type=object_type
        )
    )


def _inzage_velden(
    *, medewerker: Medewerker, request: HttpRequest | None, actie: str, wat: str, object_type: str
) -> dict:
    organisatie = medewerker.organisatie if medewerker.organisatie_id else None
    return {
        "medewerker": medewerker,
        "medewerker_naam": medewerker.get_full_name() or medewerker.get_username(),
        "organisatie": organisatie,
        "organisatie_naam": organisatie.naam if organisatie else "",
        "rollen": ", ".join(sorted(medewerker.rollen)),
        "actie": InzageActie(actie),
        "wat": wat[:200],
        "object_type": object_type,
        "ip_adres": client_ip(request) if request is not None else "",
    }


def inzage_vastleggen(
    *,
    medewerker: Medewerker,
    inwoner,
    wat: str,
    request: HttpRequest | None = None,
    actie: str = InzageActie.RAADPLEGEN,
    object: models.Model | None = None,
) -> Inzage:
    """Leave the trace that ``medewerker`` did ``actie`` with ``object`` (``wat`` describes it) of
    ``inwoner``'s personal data: one row of the access log (NEN 7513:2018; BIO 12.4.1).

    ``inwoner`` may be None only when no single inwoner applies. ``request`` gives the source
    address (wmo.clientip). One lock query and one insert; no full_clean(): every value comes from
    objects just read, and a page view should not pay for validating them (wmo.inzagelog).
    """
    rij = _inzage(
        medewerker=medewerker,
        request=request,
        actie=actie,
        wat=wat,
        object_type=object._meta.model_name if object is not None else "",
    )
    rij.inwoner = inwoner
    rij.object_id = object.pk if object is not None else None
    return inzagelog.toevoegen([rij], tijdstip=timezone.now())[0]


def inzages_vastleggen(
    *,
    medewerker: Medewerker,
    inwoner_ids,
    wat: str,
    request: HttpRequest | None = None,
    actie: str = InzageActie.RAADPLEGEN,
    object_type: str = "",
) -> int:
    """The same trace for every inwoner a list or export shows, once per inwoner, in one insert
    (search results, werkvoorraad, teamleider lists, exports); returns the rows written. Nothing
    shown: nothing logged."""
    gezien = list(dict.fromkeys(pk for pk in inwoner_ids if pk is not None))
    if not gezien:
        return 0
    # Who and from where once, not per row (a werkvoorraad logs up to 150 inwoners; issue 14).
    velden = _inzage_velden(
        medewerker=medewerker, request=request, actie=actie, wat=wat, object_type=object_type
    )
    rij = {
        **velden,
        "medewerker_id": medewerker.pk,
        "organisatie_id": velden["organisatie"].pk if velden["organisatie"] else None,
        "actie": str(velden["actie"]),
        "object_id": None,
    }
    return inzagelog.toevoegen_per_inwoner(rij, gezien, tijdstip=timezone.now())
