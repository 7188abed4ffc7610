from django.urls import path

from . import views

app_name = "brp"

urlpatterns = [
    path("beheer/gemeenten/<int:pk>/brp/", views.koppeling, name="koppeling"),
    path("beheer/gemeenten/<int:pk>/brp/testen/", views.koppeling_testen, name="koppeling_testen"),
    path("brp/zoeken/", views.zoeken, name="zoeken"),
    path("brp/overnemen/", views.overnemen, name="overnemen"),
]
