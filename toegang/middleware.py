"""Two-step verification is required: a session that only passed the password reaches nothing else.

After the password step the session is authenticated but not verified. Until it is, every page
except the two-step pages and logging out sends it to the two-step page (static files are served
before this, by whitenoise). An htmx request gets ``HX-Redirect``, so the whole page goes there
instead of a fragment being swapped in. A session that logged in through the identity provider
(``request.session["kt_login_via_idp"]``, set by toegang.oidc) counts as verified while single
sign-on and ``OIDC_MFA_DOOR_IDP`` are on; switching single sign-on off (say, the provider was
compromised) makes such sessions pass our own code too. Why every role: see toegang.services.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# View names a password-only session may reach.
OPEN = frozenset(
    {
        "login",
        "logout",
        "toegang:tweestaps",
        "toegang:tweestaps_inrichten",
        "toegang:tweestaps_herstelcodes",
        "toegang:tweestaps_qr",
    }
)

IDP_SESSIE = "kt_login_via_idp"


def is_geverifieerd(request) -> bool:
    """The session passed both steps (or the identity provider's, see the module docstring)."""
    if settings.OIDC_ENABLED and settings.OIDC_MFA_DOOR_IDP and request.session.get(IDP_SESSIE) is True:
        return True
    # django-otp's middleware puts is_verified() on request.user; a user that was logged in during
    # this request (django.contrib.auth.login replaces request.user) has not passed a code yet.
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


class TweestapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Also read by base.html: the menu shows only after both steps.
        request.kt_geverifieerd = request.user.is_authenticated and is_geverifieerd(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or request.kt_geverifieerd:
            return None
        if request.resolver_match.view_name in OPEN:
            return None
        doel = f"{reverse('toegang:tweestaps')}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            # The page the fragment belongs to is where the user returns after the code.
            terug = request.htmx.current_url_abs_path or reverse(settings.LOGIN_REDIRECT_URL)
            response = HttpResponse(status=204)
            response["HX-Redirect"] = f"{reverse('toegang:tweestaps')}?{urlencode({'next': terug})}"
            return response
        return redirect(doel)


class InloggenVereistMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, except that an htmx request (a fragment: search as you type,
    autosave, a dialog) of a visitor who is not logged in gets ``HX-Redirect`` to the login page, so
    the whole page goes there and returns to it afterwards, instead of the login form being swapped
    into the fragment. The session may have ended in another tab, or by inactivity elsewhere."""

    def handle_no_permission(self, request, view_func):
        if getattr(request, "htmx", False):
            terug = request.htmx.current_url_abs_path or reverse(settings.LOGIN_REDIRECT_URL)
            response = HttpResponse(status=204)
            response["HX-Redirect"] = f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': terug})}"
            return response
        return super().handle_no_permission(request, view_func)
