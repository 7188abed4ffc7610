"""The mandaatregeling: who may decide on which maatwerkvoorziening, and when four eyes apply.

The college decides on an aanvraag (Wmo 2015 art. 2.3.5); in practice an employee decides
under mandate (Awb 10:1 ff.). The functioneel beheerder records per voorziening which role
holds the mandate and whether a second person with mandate must approve (Mandaat).

- Someone decides a beschikking alone when one of their roles has mandate for every
  voorziening in it and none of those mandates asks for four eyes.
- Otherwise the draft goes for approval. The approver needs mandate for every voorziening in
  it and is never the person who drafted it.
"""

from .models import Beschikking, Mandaat


def _mandaten(user, voorziening_ids: set[int]) -> dict[int, list[Mandaat]]:
    per_voorziening: dict[int, list[Mandaat]] = {vid: [] for vid in voorziening_ids}
    for mandaat in Mandaat.objects.filter(voorziening_id__in=voorziening_ids, rol__in=user.rollen):
        per_voorziening[mandaat.voorziening_id].append(mandaat)
    return per_voorziening


def mandaten_voor(user, regels) -> dict[int, list[Mandaat]]:
    """The user's mandates per voorziening of ``regels``, once for a page that asks several of
    the questions below (pass both as ``regels=`` and ``mandaten=``; one query)."""
    return _mandaten(user, {r.voorziening_id for r in regels})


def ontbrekend_mandaat(user, beschikking: Beschikking, *, regels=None, mandaten=None) -> list[str]:
    """Names of the voorzieningen in the beschikking the user holds no mandate for.

    ``regels``: the beschikking's regels with their voorziening, in their order, when already read."""
    regels = list(beschikking.regels.select_related("voorziening")) if regels is None else regels
    mandaten = _mandaten(user, {r.voorziening_id for r in regels}) if mandaten is None else mandaten
    return [str(r.voorziening) for r in regels if not mandaten[r.voorziening_id]]


def mag_zelf_besluiten(user, beschikking: Beschikking, *, regels=None, mandaten=None) -> bool:
    """For every voorziening a mandate of the user's roles without four-eyes rule."""
    regels = list(beschikking.regels.all()) if regels is None else regels
    if not regels:
        return False
    mandaten = _mandaten(user, {r.voorziening_id for r in regels}) if mandaten is None else mandaten
    return all(any(not m.vier_ogen for m in mandaten[r.voorziening_id]) for r in regels)


def mag_goedkeuren(user, beschikking: Beschikking, *, regels=None, mandaten=None) -> bool:
    """Mandate for every voorziening, and not the one who drafted it."""
    return (
        beschikking.opgesteld_door_id != user.pk
        and (bool(beschikking.regels.exists()) if regels is None else bool(regels))
        and not ontbrekend_mandaat(user, beschikking, regels=regels, mandaten=mandaten)
    )


def besluit_rol(user, beschikking: Beschikking) -> str | None:
    """The role under whose mandate ``user`` decides every voorziening in the beschikking
    (Awb 10:10: the letter names who decided under mandate, with their function). A
    teamleider's mandate goes first when the user holds both. None without full mandate."""
    regels = list(beschikking.regels.all())
    if not regels:
        return None
    mandaten = _mandaten(user, {r.voorziening_id for r in regels})
    for rol in sorted({m.rol for ms in mandaten.values() for m in ms}, reverse=True):
        if all(any(m.rol == rol for m in mandaten[r.voorziening_id]) for r in regels):
            return rol
    return None
