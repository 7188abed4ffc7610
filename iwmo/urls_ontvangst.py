from django.urls import path

from iwmo import views_ontvangst as views

app_name = "iwmo_ontvangst"

urlpatterns = [
    path("verzoeken/<int:pk>/", views.verzoek_detail, name="verzoek"),
    path("verzoeken/<int:pk>/toekennen/", views.verzoek_toekennen, name="verzoek_toekennen"),
    path("verzoeken/<int:pk>/afwijzen/", views.verzoek_afwijzen, name="verzoek_afwijzen"),
]
