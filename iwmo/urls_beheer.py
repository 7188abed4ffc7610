from django.urls import path

from iwmo import views_ontvangst as views

app_name = "iwmo_beheer"

urlpatterns = [
    path("niet-verwerkt/", views.niet_verwerkt, name="niet_verwerkt"),
    path("berichten/<int:pk>/download/", views.bericht_downloaden, name="bericht_downloaden"),
    path("berichten/<int:pk>/opnieuw/", views.bericht_opnieuw, name="bericht_opnieuw"),
]
