"""Brief per-team memory of dashboard figures, forgotten when a service changes the team's data.

The dashboard's counts per clock (teamleider.query.termijnen.termijnen_tellingen) are asked on
every visit, by every teamleider and consulent of the team, while they change only when a
dossier changes. They are kept for at most ``DUUR`` seconds under a key with the team's version;
every save through ``wmo.services.save_with_history`` of a row that carries a ``team_id``
(Melding, and the copies on Aanvraag, Beschikking, Gesprek: meldingen.kopie) raises that
version (at once, and again when the transaction commits); a change of the equated days
raises the version of all teams. So the next request after a change computes afresh.

The cache is Django's default cache: per process (LocMemCache) unless settings.CACHES says
otherwise. With several worker processes a change made through one worker is seen at once by
that worker and after at most ``DUUR`` seconds by the others; a shared cache (Redis,
Memcached) in CACHES makes it immediate everywhere.
"""

import hashlib
import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

DUUR = 60  # seconds
_ALLE = "teamversie:alle"


def _sleutel(team_id) -> str:
    return f"teamversie:{team_id}"


def versie(team_id) -> str:
    """The version of the team's data (and of the data of all teams), for a cache key."""
    waarden = cache.get_many([_sleutel(team_id), _ALLE])
    return f"{waarden.get(_sleutel(team_id), 0)}.{waarden.get(_ALLE, 0)}"


def _verhogen(sleutel: str) -> None:
    # The clock in nanoseconds: a new version differs from every earlier one, also when the old
    # version was culled from the cache meanwhile.
    cache.set(sleutel, time.time_ns(), None)


def gewijzigd(*team_ids) -> None:
    """The data of these teams changed (of every team when none is given), once committed."""
    sleutels = [_sleutel(t) for t in team_ids if t] if team_ids else [_ALLE]

    def verhogen():
        for sleutel in sleutels:
            _verhogen(sleutel)

    # Now, so this request (and this process) reads its own change, and again after the commit,
    # so a figure another request computed from the old data meanwhile is not kept.
    verhogen()
    transaction.on_commit(verhogen)


def onthouden(team_id, naam: str, sleutel: str, bereken: Callable):
    """``bereken()``, kept for DUUR seconds under the team's current version."""
    # Hashed: a key of letters and digits only, valid for every cache backend (memcached too).
    volledig = f"{naam}:{team_id}:{versie(team_id)}:{hashlib.sha256(sleutel.encode()).hexdigest()}"
    waarde = cache.get(volledig)
    if waarde is None:
        waarde = bereken()
        cache.set(volledig, waarde, DUUR)
    return waarde
