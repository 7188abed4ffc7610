"""Logging in: password (with lockout), the two-step code, setting it up, and a reset by beheer."""

import io
import logging
from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from wmo.actions import call_for_form
from wmo.constants import Rol
from wmo.models import Medewerker
from wmo.redirects import safe_next_url
from wmo.views import LoginView

from . import services
from .forms import BevestigCodeForm, CodeForm, HerstelRedenForm
from .middleware import is_geverifieerd

logger = logging.getLogger("keukentafel.toegang")

HERSTELCODES_SESSIE = "kt_herstelcodes"


class InloggenView(LoginView):
    """The password step. django-axes counts failures and locks the username+IP (``geblokkeerd``).
    Then straight on to the code: a password alone opens nothing (toegang.middleware)."""

    template_name = "registration/login.html"

    def get_success_url(self):
        volgende = super().get_success_url()
        if is_geverifieerd(self.request):
            return volgende
        return f"{reverse('toegang:tweestaps')}?{urlencode({'next': volgende})}"


def _volgende(request) -> str:
    """Where to go after the code: ``next`` when it is ours, else the werkvoorraad."""
    # The one check every redirect to a user-supplied target uses (wmo.redirects): a name
    # without a slash ("foo") passed url_has_allowed_host_and_scheme and crashed redirect().
    return safe_next_url(request, reverse(settings.LOGIN_REDIRECT_URL), field="next")


def _met_volgende(naam: str, request) -> str:
    return f"{reverse(naam)}?{urlencode({'next': _volgende(request)})}"


def _geverifieerd(request, apparaat) -> None:
    """Mark the session as verified by ``apparaat``, with a new session key (the session's rights
    grew: a key seen before this moment is worth nothing after it)."""
    request.session.cycle_key()
    django_otp.login(request, apparaat)


@never_cache
def tweestaps(request):
    """Second step: a code from the app or a recovery code."""
    if is_geverifieerd(request):
        return redirect(_volgende(request))
    if not user_has_device(request.user):
        return redirect(_met_volgende("toegang:tweestaps_inrichten", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        apparaat = call_for_form(
            form, services.tweestaps_controleren, medewerker=request.user, code=form.cleaned_data["code"]
        )
        if apparaat:
            _geverifieerd(request, apparaat)
            return redirect(_volgende(request))
    return render(request, "toegang/tweestaps.html", {"form": form, "next": _volgende(request)})


def _geheim_voor_weergave(apparaat: TOTPDevice) -> str:
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    geheim = b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))


@never_cache
def tweestaps_inrichten(request):
    """Set up: scan the QR code (or type the secret), confirm with the first code."""
    if is_geverifieerd(request):
        return redirect(_volgende(request))
    if user_has_device(request.user):
        return redirect(_met_volgende("toegang:tweestaps", request))
    apparaat = services.tweestaps_beginnen(medewerker=request.user)
    form = BevestigCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resultaat = call_for_form(
            form, services.tweestaps_bevestigen, medewerker=request.user, code=form.cleaned_data["code"]
        )
        if resultaat:
            apparaat, codes = resultaat
            _geverifieerd(request, apparaat)
            request.session[HERSTELCODES_SESSIE] = codes
            return redirect(_met_volgende("toegang:tweestaps_herstelcodes", request))
    context = {"form": form, "geheim": _geheim_voor_weergave(apparaat), "next": _volgende(request)}
    return render(request, "toegang/tweestaps_inrichten.html", context)


@never_cache
@require_GET
def tweestaps_qr(request):
    """The QR code of the device being set up, as SVG made here (the secret never leaves for a
    QR service). Not cached: it holds the secret."""
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("pk").first()
    if apparaat is None or user_has_device(request.user):
        return HttpResponse(status=404)
    uitvoer = io.BytesIO()
    segno.make(apparaat.config_url, error="m").save(
        uitvoer, kind="svg", scale=5, border=2, xmldecl=False, title="QR-code voor de authenticator-app"
    )
    return HttpResponse(uitvoer.getvalue(), content_type="image/svg+xml")


@never_cache
@require_GET
def tweestaps_herstelcodes(request):
    """The ten recovery codes, shown once, right after setting up."""
    codes = request.session.pop(HERSTELCODES_SESSIE, None)
    if not codes:
        return redirect(_volgende(request))
    return render(
        request, "toegang/tweestaps_herstelcodes.html", {"codes": codes, "next": _volgende(request)}
    )


def tweestaps_herstellen(request, pk: int):
    """Beheer: remove a medewerker's two-step verification (lost phone), with a reason. Only an
    active functioneel beheerder, only for a medewerker of the own organisation, not for oneself
    and not for a superuser (404 otherwise)."""
    if not (request.user.is_active and request.user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)):
        raise PermissionDenied
    medewerkers = Medewerker.objects.none()
    if request.user.organisatie_id:
        medewerkers = Medewerker.objects.filter(
            organisatie_id=request.user.organisatie_id, is_superuser=False
        )
    medewerker = get_object_or_404(medewerkers.exclude(pk=request.user.pk), pk=pk)
    form = HerstelRedenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form,
            services.tweestaps_herstellen,
            medewerker=medewerker,
            door=request.user,
            reden=form.cleaned_data["reden"],
        ):
            messages.success(
                request,
                f"De tweestapsverificatie van {medewerker} is gewist. "
                "Bij de volgende keer inloggen stelt deze medewerker een nieuwe app in. "
                "De medewerker krijgt hierover een mail.",
            )
            return redirect("toegang:tweestaps_herstellen", pk=medewerker.pk)
    context = {
        "medewerker": medewerker,
        "ingericht": user_has_device(medewerker),
        "form": form,
        "gebeurtenissen": medewerker.tweestapsgebeurtenissen.select_related("door")[:10],
    }
    return render(request, "toegang/tweestaps_herstellen.html", context)


def geblokkeerd(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): the same words whether the username
    exists or not, and how long to wait."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request, "toegang/geblokkeerd.html", {"minuten": minuten}, status=settings.AXES_HTTP_RESPONSE_CODE
    )
