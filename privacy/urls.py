from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.inzagelog, name="inzagelog"),
    path("inwoners/<int:pk>/", views.inzageverzoek, name="inzageverzoek"),
    path("inwoners/<int:pk>/inzages.csv", views.inzageverzoek_csv, name="inzageverzoek_csv"),
]
