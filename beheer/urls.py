from django.urls import path

from . import brieven_views, views, views_gemeenten
from . import catalogus_views as cv

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
    path("medewerkers/<int:pk>/activeren/", views.medewerker_activeren, name="medewerker_activeren"),
    path("medewerkers/<int:pk>/overdragen/", views.meldingen_overdragen, name="meldingen_overdragen"),
    path("teams/", views.teams, name="teams"),
    path("teams/nieuw/", views.team_aanmaken, name="team_aanmaken"),
    path("teams/<int:pk>/", views.team_wijzigen, name="team_wijzigen"),
    path("teams/<int:pk>/uit-gebruik/", views.team_deactiveren, name="team_deactiveren"),
    path("teams/<int:pk>/in-gebruik/", views.team_activeren, name="team_activeren"),
    path("wijzigingen/", views.wijzigingen_lijst, name="wijzigingen"),
    path("rolaanvragen/", views.rolaanvragen, name="rolaanvragen"),
    path("rolaanvragen/<int:pk>/", views.rolaanvraag, name="rolaanvraag"),
    path("gemeenten/", views_gemeenten.gemeenten, name="gemeenten"),
    path("gemeenten/nieuw/", views_gemeenten.gemeente_aanmaken, name="gemeente_aanmaken"),
    path("gemeenten/<int:pk>/", views_gemeenten.gemeente, name="gemeente"),
    path("gemeenten/<int:pk>/gegevens/", views_gemeenten.gemeente_gegevens, name="gemeente_gegevens"),
    path(
        "gemeenten/<int:pk>/instellingen/",
        views_gemeenten.gemeente_instellingen,
        name="gemeente_instellingen",
    ),
    path("gemeenten/<int:pk>/logo/", views_gemeenten.gemeente_logo, name="gemeente_logo"),
    path(
        "gemeenten/<int:pk>/logo/weghalen/",
        views_gemeenten.gemeente_logo_weghalen,
        name="gemeente_logo_weghalen",
    ),
    path("organisatie/", views_gemeenten.organisatie, name="organisatie"),
    path(
        "organisatie/gemeenten/<int:pk>/loslaten/",
        views_gemeenten.gemeente_loslaten,
        name="gemeente_loslaten",
    ),
    path("organisatie/partners/<int:pk>/", views_gemeenten.partner, name="partner"),
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
