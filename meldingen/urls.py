from django.urls import include, path

from . import views

meldingen_patterns = [
    path("inwoners/", views.inwoner_zoeken, name="inwoner_zoeken"),
    path("inwoners/nieuw/", views.inwoner_registreren, name="inwoner_registreren"),
    path("inwoners/<int:pk>/", views.dossier, name="dossier"),
    path("inwoners/<int:pk>/wijzigen/", views.inwoner_wijzigen, name="inwoner_wijzigen"),
    path("inwoners/<int:pk>/raadplegen/", views.inwoner_raadplegen, name="inwoner_raadplegen"),
    path("inwoners/<int:inwoner_id>/melding/", views.melding_registreren, name="melding_registreren"),
    path("meldingen/<int:pk>/", views.melding_detail, name="melding"),
    path("meldingen/<int:pk>/toewijzen/", views.melding_toewijzen, name="melding_toewijzen"),
    # The werkvoorraad's one assign control (the melding is a posted field).
    path("werkvoorraad/toewijzen/", views.werkvoorraad_toewijzen, name="werkvoorraad_toewijzen"),
    path("meldingen/<int:pk>/oppakken/", views.melding_oppakken, name="melding_oppakken"),
    path(
        "meldingen/<int:pk>/onderzoek-starten/",
        views.melding_onderzoek_starten,
        name="melding_onderzoek_starten",
    ),
    path("meldingen/<int:pk>/afsluiten/", views.melding_afsluiten, name="melding_afsluiten"),
    path(
        "meldingen/<int:pk>/ontvangstbevestiging/",
        views.ontvangstbevestiging_versturen,
        name="ontvangstbevestiging",
    ),
    path("brieven/<int:pk>/", views.brief_pdf, name="brief_pdf"),
]

urlpatterns = [
    # The start page, everyone's werkvoorraad: un-namespaced ('werkvoorraad'), as
    # LOGIN_REDIRECT_URL and the header of every page name it.
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("", include((meldingen_patterns, "meldingen"))),
]
