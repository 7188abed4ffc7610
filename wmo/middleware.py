"""Response headers for pages with personal data.

Every answer that does not come from whitenoise (pages, htmx fragments, letter PDFs, CSV exports,
persoonlijk plan files, redirects) holds or leads to personal data, often health data (AVG art. 9).
Municipal workstations are shared, so none of it may stay in the browser's or a proxy's cache:
``Cache-Control: no-store`` (AVG art. 32 lid 1: security of processing; BIO 11.2.9, a clear
screen also after the medewerker has gone). Static files are answered by whitenoise, above this
middleware, and keep their long cache.
"""

from collections.abc import Callable
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_replace
from django.http import HttpRequest, HttpResponseBase
from django.views.decorators.clickjacking import xframe_options_sameorigin


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (and ``Pragma: no-cache`` for old HTTP/1.0 proxies) on every answer.

    Replaces whatever a view set: ``no-store`` is the only caching a page of ours may have.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
        return response


def framed_by_own_pages(view):
    """A response that our own pages may show in an ``<iframe>`` (a letter beside the beschikking).

    X-Frame-Options SAMEORIGIN for old browsers and CSP ``frame-ancestors 'self'`` for the rest;
    every other answer keeps DENY and ``frame-ancestors 'none'`` (clickjacking).
    """

    @wraps(view)
    @xframe_options_sameorigin
    @csp_replace({"frame-ancestors": [SELF]})
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapped


def clears_browser_data(view):
    """Logging out: the browser removes what this site kept (W3C Clear Site Data).

    ``Clear-Site-Data: "cache", "storage"`` on the answer to the logout POST: the HTTP cache,
    localStorage (onderzoek drafts) and the service worker with its cache (a visit prepared for
    offline use, gesprekken.offline). Browsers honour it only over HTTPS or on localhost;
    static/js/sessie.js removes the same from the page first, so an older browser loses nothing of
    the protection. Cookies are not in it: logging out ends the session on the server.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    return wrapped
