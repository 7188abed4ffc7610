from django.contrib import admin
from django.urls import include, path

from . import wachtwoord

urlpatterns = [
    # /inloggen/ and /uitloggen/ (URL names "login" and "logout"): password with lockout, then the
    # two-step code under /toegang/.
    path("", include("toegang.urls_inloggen")),
    # Setting one's own password through a one-time link (wmo.wachtwoord); Django's URL names.
    path("wachtwoord-vergeten/", wachtwoord.WachtwoordVergetenView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        wachtwoord.WachtwoordVergetenVerstuurdView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        wachtwoord.WachtwoordInstellenView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-instellen/klaar/",
        wachtwoord.WachtwoordIngesteldView.as_view(),
        name="password_reset_complete",
    ),
    # The Django admin: a technical back door for superusers only (wmo.adminsite). The
    # functioneel beheerder has the app's beheer pages under /beheer/ and, for the catalogue and
    # settings, an admin of its own without users (beheer.technisch).
    path("admin/", admin.site.urls),
    path("beheer/technisch/", include("beheer.technisch", namespace="beheer_technisch")),
    path("", include("meldingen.urls")),
    path("", include("gesprekken.urls")),
    path("", include("aanvragen.urls")),
    path("teamleider/", include("teamleider.urls")),
    path("toegang/", include("toegang.urls")),
    path("beheer/iwmo/", include("iwmo.urls_beheer")),
    path("", include("brp.urls")),
    path("beheer/zaaksysteem/", include("zgw.urls")),
    path("beheer/", include("beheer.urls")),
    path("iwmo/", include("iwmo.urls_ontvangst")),
    path("privacy/", include("privacy.urls")),
    path("iwmo/", include("iwmo.urls")),
]
