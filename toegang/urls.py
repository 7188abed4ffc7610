from django.conf import settings
from django.urls import path

from . import sessie_views, views

app_name = "toegang"

urlpatterns = [
    path("sessie/", sessie_views.sessie, name="sessie"),
    path("tweestaps/", views.tweestaps, name="tweestaps"),
    path("tweestaps/inrichten/", views.tweestaps_inrichten, name="tweestaps_inrichten"),
    path("tweestaps/herstelcodes/", views.tweestaps_herstelcodes, name="tweestaps_herstelcodes"),
    path("tweestaps/qr.svg", views.tweestaps_qr, name="tweestaps_qr"),
    path(
        "medewerkers/<int:pk>/tweestaps-herstellen/",
        views.tweestaps_herstellen,
        name="tweestaps_herstellen",
    ),
]

if settings.OIDC_ENABLED:  # single sign-on: no URL of it exists when it is off
    from .oidc import urlpatterns as oidc_urlpatterns

    urlpatterns += oidc_urlpatterns
