from django.urls import path

from . import catalogus_views as cv
from . import views

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
    path("catalogus/", cv.catalogus_lijst, name="catalogus"),
    path("catalogus/nieuw/", cv.voorziening_aanmaken, name="voorziening_aanmaken"),
    path("catalogus/<int:pk>/", cv.voorziening, name="voorziening"),
    path("catalogus/<int:pk>/wijzigen/", cv.voorziening_wijzigen, name="voorziening_wijzigen"),
    path(
        "catalogus/<int:pk>/nieuwe-periode/", cv.voorziening_nieuwe_periode, name="voorziening_nieuwe_periode"
    ),
    path("catalogus/<int:pk>/beeindigen/", cv.voorziening_beeindigen, name="voorziening_beeindigen"),
    path("catalogus/<int:pk>/mandaat/", cv.voorziening_mandaat, name="voorziening_mandaat"),
    path("aanbieders/", cv.aanbieders, name="aanbieders"),
    path("aanbieders/nieuw/", cv.aanbieder_aanmaken, name="aanbieder_aanmaken"),
    path("aanbieders/<int:pk>/", cv.aanbieder, name="aanbieder"),
    path("aanbieders/<int:pk>/wijzigen/", cv.aanbieder_wijzigen, name="aanbieder_wijzigen"),
    path("aanbieders/<int:pk>/contracten/nieuw/", cv.contract_aanmaken, name="contract_aanmaken"),
    path("aanbieders/contracten/<int:pk>/beeindigen/", cv.contract_beeindigen, name="contract_beeindigen"),
]
