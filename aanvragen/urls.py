from django.urls import path

from .views import aanvraag, beschikking

app_name = "aanvragen"

urlpatterns = [
    path("meldingen/<int:melding_id>/aanvraag/", aanvraag.aanvraag_registreren, name="aanvraag_registreren"),
    path("aanvragen/<int:pk>/", aanvraag.aanvraag_detail, name="aanvraag"),
    path("aanvragen/<int:pk>/beschikking/", beschikking.beschikking_opstellen, name="beschikking_opstellen"),
    path("aanvragen/<int:pk>/<slug:actie>/", aanvraag.aanvraag_actie, name="aanvraag_actie"),
    path("beschikkingen/<int:pk>/", beschikking.beschikking_detail, name="beschikking"),
    path(
        "beschikkingen/<int:pk>/regel/<int:aangevraagd_id>/",
        beschikking.beschikking_regel,
        name="beschikking_regel",
    ),
    path("beschikkingen/<int:pk>/bezwaar/", beschikking.bezwaar_registreren, name="bezwaar_registreren"),
    path("beschikkingen/<int:pk>/nazorg/", beschikking.nazorg_afronden, name="nazorg_afronden"),
    path(
        "beschikkingen/<int:pk>/regels/<int:regel_id>/eerder-stoppen/",
        beschikking.voorziening_beeindigen,
        name="voorziening_beeindigen",
    ),
    path("beschikkingen/<int:pk>/<slug:actie>/", beschikking.beschikking_actie, name="beschikking_actie"),
]
