"""Personal data fresh from their source (the BRP), asked BEFORE a service opens its transaction.

The process in plain words. When Keukentafel uses an inwoner's personal data (a melding is
registered, a letter or an iWmo 301 is made) it asks the BRP for them again (Wet BRP art. 1.7:
the gemeente uses the authentic data). That is an HTTP request that can take up to the
koppeling's timeout. Asked inside the service's database transaction, it would hold that
transaction, its row locks (``select_for_update`` on the melding or inwoner: every other
medewerker working on that dossier waits) and a database connection for as long as the BRP is
slow. So the request happens before the transaction, in two steps:

1. **Ophalen** (fetch), no transaction open. A service that uses personal data is decorated with
   ``@vooraf_ophalen(lambda a: a["melding"].inwoner)`` *above* its ``@transaction.atomic``. The
   decorator sends ``wmo.signals.persoonsgegevens_ophalen`` for each inwoner; the brp app asks the
   BRP, writes the access-log row (NEN 7513) and leaves what it got in the inwoner's bag.
2. **Gebruiken** (use), inside the transaction. The service (through ``brief_versturen``,
   ``bericht_klaarzetten`` or ``melding_registreren``) sends ``persoonsgegevens_gebruiken`` as it
   always did; the brp app applies what was fetched (a few short writes) once per inwoner and
   service call, so a letter and a WMO301 made in one go share one BRP request.

A decorated service called inside another one (or inside any transaction) fetches nothing: the
outer call fetched. The rule itself, "no BRP request while a transaction is open", is kept in one
place: the BRP client refuses to send a request when ``transactie_open()`` (brp.client._post).
A path that forgot the decorator therefore gets "niet bijgewerkt uit de BRP" and goes on with the
stored data; it never holds a lock while waiting for the BRP.
"""

import functools
import inspect
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.db import transaction

from wmo.signals import persoonsgegevens_ophalen

# inwoner pk -> the bag the receivers of persoonsgegevens_ophalen filled, for the service call
# that runs now (a ContextVar: each request thread has its own).
_opgehaald: ContextVar[dict[int, dict] | None] = ContextVar("persoonsgegevens_opgehaald", default=None)


def transactie_open(using: str | None = None) -> bool:
    """True while a database transaction of our own code is open.

    The same test as Django's ``atomic(durable=True)`` (django/db/transaction.py,
    ``Atomic.__enter__``): an atomic block is open, other than the one a test case wraps around
    each test (marked ``_from_testcase``; it is not a transaction of the code under test). Reads
    the connection's state only: no query, and no database access when there is none yet."""
    blokken = transaction.get_connection(using).atomic_blocks
    return bool(blokken) and not getattr(blokken[-1], "_from_testcase", False)


def opgehaald(inwoner) -> dict | None:
    """The bag fetched for this inwoner before the running service's transaction (None: nothing)."""
    alles = _opgehaald.get()
    if alles is None or inwoner is None or inwoner.pk is None:
        return None
    return alles.get(inwoner.pk)


def vooraf_ophalen(inwoners: Callable[[dict], object]):
    """Decorator for a service that uses personal data: fetch them before its transaction opens.

    ``inwoners`` gets the service's arguments by name and returns the inwoner, a list of them, or
    None / [] when this call will use nobody's data (no letter due). The medewerker is the
    argument ``door``; without one nothing is fetched (nobody to log the lookup for). Put it
    above ``@transaction.atomic``.
    """

    def decorator(func):
        handtekening = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            argumenten = handtekening.bind_partial(*args, **kwargs).arguments
            door = argumenten.get("door")
            if door is None or transactie_open():
                return func(*args, **kwargs)
            gekozen = inwoners(argumenten)
            if gekozen is None:
                gekozen = []
            elif not isinstance(gekozen, Iterable):
                gekozen = [gekozen]
            eerder = _opgehaald.get() or {}
            nieuw: dict[int, dict] = {}
            ronde: dict = {}  # shared by this call's fetches (the brp app stops after the BRP is down)
            for inwoner in gekozen:
                if inwoner is None or inwoner.pk is None or inwoner.pk in eerder or inwoner.pk in nieuw:
                    continue
                nieuw[inwoner.pk] = tas = {}
                persoonsgegevens_ophalen.send(sender=func, inwoner=inwoner, door=door, tas=tas, ronde=ronde)
            if not nieuw:
                return func(*args, **kwargs)
            token = _opgehaald.set({**eerder, **nieuw})
            try:
                return func(*args, **kwargs)
            finally:
                _opgehaald.reset(token)

        return wrapper

    return decorator
