from django.urls import path

from . import views

app_name = "aanvragen"

urlpatterns = [
    path("meldingen/<int:melding_id>/aanvraag/", views.aanvraag_registreren, name="aanvraag_registreren"),
    path("aanvragen/<int:pk>/", views.aanvraag_detail, name="aanvraag"),
    path("aanvragen/<int:pk>/<slug:actie>/", views.aanvraag_actie, name="aanvraag_actie"),
]
