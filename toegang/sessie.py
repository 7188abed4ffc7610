"""A session ends after a period without activity.

BIO 9.4.2 (NEN 7510-2 9.4.2; ISO/IEC 27002:2013 9.4.2, control 8.5 in the 2022 edition): a session
that is not used is ended after a set time. Workstations at the loket and in team rooms are shared
and the dossiers hold health data (AVG art. 9), so a medewerker who walks away is logged out after
``SESSIE_INACTIEF_MINUTEN`` (default 15, between 5 and 60) without activity, measured here on the
server. ``SESSION_COOKIE_AGE`` (8 hours) stays the absolute maximum of a session.

Per gemeente: the beheerder sets the minutes per gemeente (Gemeente.sessie_inactief_minuten, 5 to
60, default SESSIE_INACTIEF_MINUTEN). A medewerker works for every gemeente its organisation
serves, in one session, so the choice is the strictest: the lowest number of minutes of the
organisation's gemeenten (a dossier of the strictest gemeente may be on the screen). It is read
once, at login, and kept in the session (``MINUTEN_KEY``): reading it on every request would cost
a query per page. A change in beheer therefore applies from the next login (at most 8 hours).
A user without an organisation (a superuser of the back door) gets SESSIE_INACTIEF_MINUTEN.

What counts as activity (choices, each tested in tests/toegang/test_sessie.py):

- every request that a person causes: a page, a form, an htmx swap, and the onderzoek's automatic
  save (that is the consulent typing);
- not a background request, marked with the header ``X-Background: 1``: polling, and the last save
  that a page makes just before its session ends (static/js/sessie.js);
- not a GET of the session endpoint (``toegang:sessie``): it only tells the page how long is left,
  so a page left open does not keep itself logged in;
- a POST to the session endpoint: static/js/sessie.js sends it when the medewerker clicks "Ingelogd
  blijven" in the warning, and at most once a minute while they type or click on a page without
  causing a request (reading and filling in a long form is activity too).

The moment of the last activity is set at login and written to the session at most every
``WRITE_INTERVAL`` seconds after that (otherwise every request would cost a database write). A
medewerker is therefore logged out between 14 and 15 minutes after their last activity (with the
default), never later. Every answer to a logged-in medewerker says how many seconds are left (header
``X-Session-Remaining``, and ``data-sessie-seconden`` on a page), so the page warns on the server's
clock, and it asks the endpoint again before it warns: activity in another tab keeps this tab too.

When the time is up, the next request logs out (``user_logged_out`` is sent, as for any logout) and
the login page says why. An htmx request gets ``HX-Redirect`` to the login page instead of a
fragment, so a login form never lands inside a page.
"""

import time
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

SESSION_KEY = "toegang_laatst_actief"
MINUTEN_KEY = "toegang_inactief_minuten"
WRITE_INTERVAL = 60  # seconds
BACKGROUND_HEADER = "X-Background"
REMAINING_HEADER = "X-Session-Remaining"


@cache
def _endpoint_path() -> str:
    return reverse("toegang:sessie")


def check_settings() -> None:
    """Refuse to start with a timeout outside the bounds the municipality may choose.

    5 to 60 minutes: shorter makes the work at the kitchen table impossible, longer leaves a
    dossier open on a shared screen for too long. The warning comes 20 to 300 seconds before the
    end (WCAG 2.2.1 Timing Adjustable: at least 20 seconds to respond), at most halfway.
    """
    minuten = settings.SESSIE_INACTIEF_MINUTEN
    if not 5 <= minuten <= 60:
        raise ImproperlyConfigured(f"SESSIE_INACTIEF_MINUTEN moet tussen 5 en 60 liggen, niet {minuten}.")
    waarschuwing = settings.SESSIE_WAARSCHUWING_SECONDEN
    if not 20 <= waarschuwing <= min(300, minuten * 30):
        raise ImproperlyConfigured(
            "SESSIE_WAARSCHUWING_SECONDEN moet tussen 20 en 300 liggen en hoogstens de helft van "
            f"SESSIE_INACTIEF_MINUTEN zijn, niet {waarschuwing}."
        )


def minuten_voor(user) -> int:
    """The strictest timeout of the gemeenten the user's organisation serves (see above; one query)."""
    from django.db.models import Min

    from wmo.models import Gemeente

    if not getattr(user, "organisatie_id", None):
        return settings.SESSIE_INACTIEF_MINUTEN
    minuten = Gemeente.objects.filter(organisaties=user.organisatie_id).aggregate(
        m=Min("sessie_inactief_minuten")
    )["m"]
    return minuten or settings.SESSIE_INACTIEF_MINUTEN


def minuten(request: HttpRequest) -> int:
    """The allowed inactivity in minutes for this session (set at login)."""
    return request.session.get(MINUTEN_KEY) or settings.SESSIE_INACTIEF_MINUTEN


def duur(request: HttpRequest) -> int:
    """The allowed inactivity in seconds."""
    return minuten(request) * 60


def resterende_seconden(request: HttpRequest) -> float:
    """Seconds until the session ends without further activity (0 when it has ended)."""
    laatst = request.session.get(SESSION_KEY)
    if laatst is None:
        return float(duur(request))
    return max(0.0, duur(request) - (time.time() - laatst))


def is_verlopen(request: HttpRequest) -> bool:
    """More than the allowed time passed since the last activity (exactly on time still counts)."""
    laatst = request.session.get(SESSION_KEY)
    return laatst is not None and time.time() - laatst > duur(request)


def is_activiteit(request: HttpRequest) -> bool:
    """A request a person caused: not marked as background, not the session endpoint (see above)."""
    return request.headers.get(BACKGROUND_HEADER) != "1" and request.path_info != _endpoint_path()


def activiteit_vastleggen(request: HttpRequest) -> None:
    """Note the activity, writing the session only when the stored moment is old enough."""
    nu = time.time()
    laatst = request.session.get(SESSION_KEY)
    if laatst is None or nu - laatst >= WRITE_INTERVAL:
        request.session[SESSION_KEY] = nu


@receiver(user_logged_in, dispatch_uid="toegang.sessie.bij_inloggen")
def bij_inloggen(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """Logging in is activity: the time starts, saved together with the new session, and so does
    the timeout of the user's gemeenten."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = time.time()
        request.session[MINUTEN_KEY] = minuten_voor(user)


def sessie_verlengen(*, request: HttpRequest) -> float:
    """The medewerker said to stay ("Ingelogd blijven", or typing on the page): restart the time."""
    request.session[SESSION_KEY] = time.time()
    return float(duur(request))


def uitloggen_na_inactiviteit(request: HttpRequest) -> HttpResponseBase | None:
    """Log out with the reason on the login page; an htmx request gets a redirect to that page."""
    niet_actief = minuten(request)
    logout(request)
    messages.info(
        request,
        _("U was %(minuten)s minuten niet actief; log opnieuw in. Wat u typte in het onderzoek is bewaard.")
        % {"minuten": niet_actief},
    )
    htmx = getattr(request, "htmx", None)
    if htmx:
        url = resolve_url(settings.LOGIN_URL)
        if htmx.current_url_abs_path:
            url += "?" + urlencode({"next": htmx.current_url_abs_path})
        return HttpResponseClientRedirect(url)
    return None  # the request goes on without a user: LoginRequiredMiddleware sends it to log in


class InactivityMiddleware:
    """Ends a session after its minutes without activity (see the module docstring).

    Placed after the authentication and messages middleware and before any view runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        check_settings()
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            if is_verlopen(request):
                if response := uitloggen_na_inactiviteit(request):
                    return response
            elif is_activiteit(request):
                activiteit_vastleggen(request)
        response = self.get_response(request)
        if request.user.is_authenticated and SESSION_KEY in request.session:
            response[REMAINING_HEADER] = str(int(resterende_seconden(request)))
        return response


def context_processor(request: HttpRequest) -> dict:
    """What static/js/sessie.js needs on every page of a logged-in medewerker (data-* on body)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {}
    return {
        "sessie": {
            "seconden": int(resterende_seconden(request)),
            # At most halfway, also with a gemeente's shorter timeout (see check_settings).
            "waarschuwing": min(settings.SESSIE_WAARSCHUWING_SECONDEN, minuten(request) * 30),
        }
    }
