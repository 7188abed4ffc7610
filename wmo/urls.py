from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "Keukentafel beheer"
admin.site.site_title = "Keukentafel"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
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
