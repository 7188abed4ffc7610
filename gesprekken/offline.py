"""How long a visit prepared for offline use stays on the consulent's device.

At the kitchen table there is often no connection. Before leaving, the consulent chooses
"Klaarzetten voor offline" on the onderzoek page: the browser keeps a copy of that one page (and
its scripts and styles) so it opens and can be filled in without a connection
(gesprekken/static/gesprekken/offline.js and the service worker of ``offline_sw``).

That copy holds health data (AVG art. 9), so it is kept no longer than the visit needs
(AVG art. 5 lid 1 sub e, storage limitation): until the end of the day of the next planned
gesprek when that is today or tomorrow (prepared the evening before a morning visit), otherwise
until the end of today. Logging out removes it earlier (static/js/sessie.js and the
``Clear-Site-Data`` header of the logout answer).
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.utils import timezone


def _einde_van_de_dag(dag: date) -> datetime:
    """The last moment of ``dag`` in the current time zone (Europe/Amsterdam), DST included."""
    return timezone.make_aware(datetime.combine(dag + timedelta(days=1), time.min)) - timedelta(seconds=1)


def beschikbaar_tot(*, geplande_gesprekken: Iterable[datetime], vandaag: date) -> datetime:
    """Until when a visit prepared ``vandaag`` stays available offline.

    ``geplande_gesprekken``: when the melding's planned (not held, not cancelled) gesprekken are.
    The end of the day of the first one today or tomorrow; without one, the end of today.
    """
    morgen = vandaag + timedelta(days=1)
    dagen = sorted(
        d for d in (timezone.localtime(g).date() for g in geplande_gesprekken) if vandaag <= d <= morgen
    )
    return _einde_van_de_dag(dagen[0] if dagen else vandaag)
