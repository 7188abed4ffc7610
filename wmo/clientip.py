"""The address a request came from, for the access log (NEN 7513:2018: the source of an access).

The app runs behind a TLS proxy (README, "Productie"), so ``REMOTE_ADDR`` is the proxy's address.
``X-Forwarded-For`` is honoured only as configured: ``VERTROUWDE_PROXIES`` says how many proxies
of our own stand in front of the app. With 0 (the default, and ``make run``) the header is
ignored, so a browser cannot write a forged address into the log. With n, the address is the
n-th from the right of the header: the address the outermost of our own proxies saw, whatever a
client put before it. That works whether the proxy replaces the header
(nginx ``proxy_set_header X-Forwarded-For $remote_addr``) or appends to it
(``$proxy_add_x_forwarded_for``). A header with fewer addresses than proxies, or an address that
does not parse, falls back to ``REMOTE_ADDR``.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _geldig(adres: str) -> str:
    try:
        return str(ipaddress.ip_address(adres.strip()))
    except ValueError:
        return ""


def client_ip(request: HttpRequest) -> str:
    proxies = settings.VERTROUWDE_PROXIES
    if proxies > 0:
        adressen = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(adressen) >= proxies:
            gevonden = _geldig(adressen[-proxies])
            if gevonden:
                return gevonden
    return _geldig(request.META.get("REMOTE_ADDR", ""))
