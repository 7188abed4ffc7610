from django.contrib import admin
from django.urls import include, path

from . import wachtwoord

admin.site.site_header = "Keukentafel beheer"
admin.site.site_title = "Keukentafel"

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
    # The Django admin: a technical back door (beheer pages in the app itself live under /beheer/).
    path("admin/", admin.site.urls),
    path("", include("meldingen.urls")),
    path("", include("gesprekken.urls")),
    path("", include("aanvragen.urls")),
    path("teamleider/", include("teamleider.urls")),
    path("toegang/", include("toegang.urls")),
    path("beheer/", include("beheer.urls")),
    path("privacy/", include("privacy.urls")),
]
