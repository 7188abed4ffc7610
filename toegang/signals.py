"""Every login, failed login and lockout is logged to ``keukentafel.toegang``.

BIO 12.4.1 (event logging) and NEN 7513 ask that access to a system with health data is
traceable: who, when, from where, and whether it succeeded. django-axes keeps the same events in
the database (AccessLog for successful logins, AccessFailureLog for failed ones, with IP address
and user agent); these log lines are for whoever watches the logs. A password is never logged.
Receivers connect after django-axes' own (``axes`` comes before ``toegang`` in INSTALLED_APPS), so
the IP address axes worked out (behind the proxy) is on the request.
"""

import logging

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("keukentafel.toegang")


def _ip(request) -> str:
    if request is None:
        return "onbekend"
    return getattr(request, "axes_ip_address", None) or get_client_ip_address(request) or "onbekend"


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    logger.info("Inloggen gelukt: %s vanaf %s", user.get_username(), _ip(request))


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    # The username as typed (it may not exist); axes has already cleaned the password out.
    logger.warning("Inloggen mislukt: %s vanaf %s", credentials.get("username", "?"), _ip(request))


@receiver(user_locked_out)
def _geblokkeerd(sender, request, username, ip_address, **kwargs):
    logger.warning("Inloggen geblokkeerd na te veel pogingen: %s vanaf %s", username, ip_address)


@receiver(user_logged_out)
def _uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        logger.info("Uitgelogd: %s", user.get_username())
