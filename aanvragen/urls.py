from django.urls import path

from . import views

app_name = "aanvragen"

urlpatterns = [
    path("meldingen/<int:melding_id>/aanvraag/", views.aanvraag_registreren, name="aanvraag_registreren"),
    path("aanvragen/<int:pk>/", views.aanvraag_detail, name="aanvraag"),
    path("aanvragen/<int:pk>/beschikking/", views.beschikking_opstellen, name="beschikking_opstellen"),
    path("aanvragen/<int:pk>/<slug:actie>/", views.aanvraag_actie, name="aanvraag_actie"),
    path("beschikkingen/<int:pk>/", views.beschikking_detail, name="beschikking"),
    path(
        "beschikkingen/<int:pk>/regel/<int:aangevraagd_id>/",
        views.beschikking_regel,
        name="beschikking_regel",
    ),
    path("beschikkingen/<int:pk>/bezwaar/", views.bezwaar_registreren, name="bezwaar_registreren"),
    path("beschikkingen/<int:pk>/nazorg/", views.nazorg_afronden, name="nazorg_afronden"),
    path("beschikkingen/<int:pk>/<slug:actie>/", views.beschikking_actie, name="beschikking_actie"),
]
