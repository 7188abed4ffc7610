from django.urls import path

from . import views

app_name = "teamleider"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("herverdelen/", views.herverdelen, name="herverdelen"),
    path("managementinformatie/", views.managementinformatie, name="managementinformatie"),
    path("managementinformatie.csv", views.managementinformatie_csv, name="managementinformatie_csv"),
    path("clientervaringsonderzoek/", views.clientervaringsonderzoek, name="clientervaringsonderzoek"),
]
