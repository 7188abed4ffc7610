"""Logging in and out at the top level, with their plain URL names ``login`` and ``logout``
(LOGIN_URL and every template use them); the rest of toegang is under /toegang/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from wmo.middleware import clears_browser_data

from .views import InloggenView

urlpatterns = [
    path("inloggen/", InloggenView.as_view(), name="login"),
    # Logging out also clears what the browser kept (drafts, a visit prepared for offline use).
    path("uitloggen/", clears_browser_data(auth_views.LogoutView.as_view()), name="logout"),
]
