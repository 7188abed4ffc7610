from django.urls import path

from . import views

app_name = "gesprekken"

urlpatterns = [
    # The service worker for visits prepared for offline use; its scope is /meldingen/.
    path("offline-sw.js", views.offline_sw, name="offline_sw"),
    path("meldingen/<int:pk>/gesprek/", views.gesprek_plannen, name="gesprek_plannen"),
    path("meldingen/<int:pk>/gesprek/<int:gesprek_pk>/status/", views.gesprek_status, name="gesprek_status"),
    path(
        "meldingen/<int:pk>/gesprek/<int:gesprek_pk>/uitnodiging/",
        views.uitnodiging_versturen,
        name="uitnodiging",
    ),
    path("meldingen/<int:pk>/triage/", views.triage_vastleggen, name="triage"),
    path("meldingen/<int:pk>/onderzoek/openen/", views.onderzoek_openen, name="onderzoek_openen"),
    path("meldingen/<int:pk>/onderzoek/", views.onderzoek, name="onderzoek"),
    path("meldingen/<int:pk>/onderzoek/sectie/<str:sectie>/", views.sectie_opslaan, name="sectie"),
    path("meldingen/<int:pk>/onderzoek/samen-lezen/", views.samen_lezen, name="samen_lezen"),
    path(
        "meldingen/<int:pk>/persoonlijk-plan/",
        views.persoonlijk_plan_toevoegen,
        name="persoonlijk_plan_toevoegen",
    ),
    path(
        "meldingen/<int:pk>/persoonlijk-plan/<int:plan_pk>/",
        views.persoonlijk_plan_bekijken,
        name="persoonlijk_plan",
    ),
    path("meldingen/<int:pk>/verslag/voorbeeld/", views.verslag_voorbeeld, name="verslag_voorbeeld"),
    path("meldingen/<int:pk>/verslag/versturen/", views.verslag_versturen, name="verslag_versturen"),
    path("meldingen/<int:pk>/verslag/<int:nummer>/reactie/", views.verslag_reactie, name="verslag_reactie"),
    path(
        "meldingen/<int:pk>/vervolgafspraken/",
        views.vervolgafspraak_toevoegen,
        name="vervolgafspraak_toevoegen",
    ),
    path(
        "vervolgafspraken/<int:afspraak_pk>/gedaan/",
        views.vervolgafspraak_afronden,
        name="vervolgafspraak_afronden",
    ),
]
