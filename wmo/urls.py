from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Keukentafel beheer"
admin.site.site_title = "Keukentafel"

urlpatterns = [
    # /inloggen/ and /uitloggen/ (URL names "login" and "logout"): password with lockout, then the
    # two-step code under /toegang/.
    path("", include("toegang.urls_inloggen")),
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
