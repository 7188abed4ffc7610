"""Logging a test user in through BOTH steps, the way the login pages do it.

``client.force_login(user)`` skips the password form; the two-step form is skipped the same way:
the user gets a confirmed TOTP device (made here, as the setup page makes one) and the session is
marked as verified by it, which is exactly what ``django_otp.login()`` stores in the session after
a correct code. The enforcement itself is tested with a plain client that only did the password
step (tests/toegang/).
"""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_apparaat(user) -> TOTPDevice:
    """The user's confirmed authenticator app, made when there is none yet."""
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    return apparaat or TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)


def totp_code(apparaat: TOTPDevice, *, over: int = 0) -> str:
    """The six digits the authenticator app shows now (or ``over`` seconds from now)."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time() + over
    return f"{totp.token():0{apparaat.digits}d}"


def als_geverifieerd(client: Client, user) -> None:
    """Mark the client's (logged-in) session as having passed the two-step code."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_apparaat(user).persistent_id
    session.save()


class TweestapsClient(Client):
    """A test client whose ``force_login`` logs in through both steps (password and code)."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        als_geverifieerd(self, user)
