"""Logging in and out at the top level, with their plain URL names ``login`` and ``logout``
(LOGIN_URL and every template use them); the rest of toegang is under /toegang/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views import InloggenView

urlpatterns = [
    path("inloggen/", InloggenView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
