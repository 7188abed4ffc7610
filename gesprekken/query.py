"""Reads of gesprekken for the pages of other steps: the melding page and the werkvoorraad."""

from types import SimpleNamespace

from meldingen.models import Inwoner, Melding
from wmo.models import Brief
from wmo.sjabloon import sjabloon

from .constants import AfspraakStatus
from .models import Gesprek, Onderzoek, Triage, Vervolgafspraak


def gesprekken_van_melding(melding, brieven=None) -> dict:
    """What the melding page shows of this step: gesprekken, triage, onderzoek and its versions.

    One query for the gesprekken when the melding was read with ``select_related("triage",
    "onderzoek")`` and ``brieven`` are the melding's letters read with
    ``select_related("verslagversie")`` (the melding page, issue 14); else up to four."""
    triage = _een(
        melding, "triage", lambda: Triage.objects.filter(melding=melding).select_related("besloten_door")
    )
    onderzoek = _een(
        melding,
        "onderzoek",
        lambda: Onderzoek.objects.filter(melding=melding).only("id", "melding_id", "gestart_op"),
    )
    if onderzoek is None:
        versies = []
    elif brieven is not None and all(Brief.verslagversie.is_cached(b) for b in brieven):
        # Every version is a letter of this melding (gesprekken.services.verslag_versturen).
        versies = [
            b.verslagversie
            for b in brieven
            if getattr(b, "verslagversie", None) is not None and b.verslagversie.onderzoek_id == onderzoek.pk
        ]
        versies.sort(key=lambda v: v.nummer, reverse=True)  # VerslagVersie.Meta.ordering
    else:
        versies = list(onderzoek.versies.select_related("brief").defer("brief__pdf"))
    return {
        "gesprekken": list(Gesprek.objects.filter(melding=melding).select_related("consulent")),
        "triage": triage,
        "onderzoek": onderzoek,
        "versies": versies,
    }


def _een(melding, naam: str, lezen):
    """The melding's one related ``naam`` (a reverse one-to-one): from the melding's own query
    when it joined it (None when there is none), else read with ``lezen()``."""
    if getattr(Melding, naam).is_cached(melding):
        return getattr(melding, naam, None)
    return lezen().first()


@sjabloon(voorbereid=True)
def _open_vervolgafspraken(user, limit: int):
    return (
        Vervolgafspraak.objects.filter(
            eigenaar=user,
            status=AfspraakStatus.OPEN,
            onderzoek__melding__in=Melding.objects.zichtbaar_voor(user),
        )
        .order_by("uiterlijk", "id")
        .values_list(
            "pk",
            "uiterlijk",
            "actie",
            "onderzoek__melding_id",
            "onderzoek__melding__ontvangen_op",
            *(f"onderzoek__melding__inwoner__{v}" for v in Inwoner.NAAM_VELDEN),
        )[:limit]
    )


def open_vervolgafspraken_van(user, *, limit: int = 100) -> list[SimpleNamespace]:
    """Open vervolgafspraken owned by the user, within the dossiers the user may see (one query,
    its SQL kept per shape: wmo.sjabloon), as rows with what the werkvoorraad shows: ``pk``,
    ``uiterlijk``, ``actie``, ``melding_id``, ``kenmerk`` and ``inwoner_naam``."""
    from meldingen.models import melding_kenmerk
    from meldingen.query import inwoner_naam

    return [
        SimpleNamespace(
            pk=pk,
            uiterlijk=uiterlijk,
            actie=actie,
            melding_id=melding_id,
            kenmerk=melding_kenmerk(melding_id, ontvangen_op),
            inwoner_naam=inwoner_naam(*naam),
        )
        for pk, uiterlijk, actie, melding_id, ontvangen_op, *naam in _open_vervolgafspraken.rijen(user, limit)
    ]
