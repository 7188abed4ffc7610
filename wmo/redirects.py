"""Where to go after a form: a target the user sent along, only when it is one of our own pages.

A form may carry where to go next (``volgende``; the login page ``next``), e.g. the
werkvoorraad after assigning from the list. That value comes from the browser and may be
anything: a path on another site (``//evil.example``, ``https://...``), ``javascript:``,
a name without a slash (which ``django.shortcuts.redirect`` tries to reverse as a URL name
and crashes on), a newline or NUL, or megabytes of text. Every view that redirects to a
user-supplied target calls ``safe_next_url``; anything else than a plain path of this app
gives the view's own default. BIO 14.2.5 (secure engineering principles): input from the
browser is checked before use; an open redirect is a known phishing aid (OWASP ASVS 5.1.5).
"""

import unicodedata
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

NEXT_MAX_LENGTH = 2000  # longer than any page of ours with its query string


def is_safe_next_url(request: HttpRequest, value: str | None) -> bool:
    """True for a path on this site that one of our URL patterns answers: "/..." with no
    scheme, no host, no backslash, no control character, at most NEXT_MAX_LENGTH long."""
    if not value or not isinstance(value, str) or len(value) > NEXT_MAX_LENGTH:
        return False
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return False
    if any(unicodedata.category(c)[0] == "C" for c in value):
        return False
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    try:
        resolve(urlsplit(value).path)
    except (Resolver404, ValueError):
        return False
    return True


def safe_next_url(request: HttpRequest, default: str, *, field: str = "volgende") -> str:
    """The target in the posted ``field`` (else the query string's, as Django's LoginView reads
    it: a form may post to ``...?next=/x/``) when it is safe, else ``default``."""
    value = (request.POST.get(field) if request.method == "POST" else None) or request.GET.get(field, "")
    return value if is_safe_next_url(request, value) else default
