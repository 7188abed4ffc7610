from django.urls import path

from . import views

app_name = "iwmo"

urlpatterns = [
    path("dossier/<int:pk>/", views.dossier_berichten, name="dossier"),
    path("bericht/<int:pk>/opnieuw/", views.bericht_opnieuw, name="opnieuw"),
    path("bericht/<int:pk>/xml/", views.bericht_xml, name="xml"),
    path("aanbieder/<int:pk>/", views.aanbieder_berichten, name="aanbieder"),
]
