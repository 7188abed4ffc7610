from django.urls import path

from . import brieven_views, views

app_name = "beheer"

urlpatterns = [
    path("", views.start, name="start"),
    path("medewerkers/", views.medewerkers, name="medewerkers"),
    path("medewerkers/nieuw/", views.medewerker_aanmaken, name="medewerker_aanmaken"),
    path("medewerkers/<int:pk>/", views.medewerker, name="medewerker"),
    path("medewerkers/<int:pk>/wijzigen/", views.medewerker_wijzigen, name="medewerker_wijzigen"),
    path("medewerkers/<int:pk>/deactiveren/", views.medewerker_deactiveren, name="medewerker_deactiveren"),
    path(
        "medewerkers/<int:pk>/wachtwoordlink/",
        views.wachtwoordlink_versturen,
        name="wachtwoordlink_versturen",
    ),
    path("medewerkers/<int:pk>/rol-aanvragen/", views.rol_aanvragen, name="rol_aanvragen"),
    path("medewerkers/<int:pk>/rollen/<str:rol>/intrekken/", views.rol_intrekken, name="rol_intrekken"),
    path("rolaanvragen/", views.rolaanvragen, name="rolaanvragen"),
    path("rolaanvragen/<int:pk>/", views.rolaanvraag, name="rolaanvraag"),
    # Letter texts per gemeente (beheer/brieven_views.py)
    path("brieven/", brieven_views.brieven, name="brieven"),
    path("brieven/<int:gemeente>/<str:soort>/", brieven_views.brief_tekst, name="brief_tekst"),
    path(
        "brieven/<int:gemeente>/<str:soort>/voorbeeld/", brieven_views.brief_voorbeeld, name="brief_voorbeeld"
    ),
    path("brieven/<int:gemeente>/<str:soort>/versies/", brieven_views.brief_versies, name="brief_versies"),
    path(
        "brieven/<int:gemeente>/<str:soort>/versies/<int:versie>/",
        brieven_views.brief_versie,
        name="brief_versie",
    ),
    path(
        "brieven/<int:gemeente>/<str:soort>/versies/<int:versie>/voorbeeld/",
        brieven_views.brief_versie_voorbeeld,
        name="brief_versie_voorbeeld",
    ),
    path(
        "brieven/<int:gemeente>/<str:soort>/versies/<int:versie>/terugzetten/",
        brieven_views.brief_versie_terugzetten,
        name="brief_versie_terugzetten",
    ),
]
