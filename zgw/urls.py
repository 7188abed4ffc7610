from django.urls import path

from . import views

app_name = "zgw_beheer"

urlpatterns = [
    path("", views.koppelingen, name="koppelingen"),
    path("gemeenten/<int:pk>/", views.koppeling, name="koppeling"),
    path("niet-verzonden/", views.niet_verzonden, name="niet_verzonden"),
    path("opdrachten/<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
]
