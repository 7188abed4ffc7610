"""The few views of the core: logging in (the rest of the app lives in the step apps)."""

from django.contrib.auth import views as auth_views

from .redirects import safe_next_url


class LoginView(auth_views.LoginView):
    """Django's login, with ``next`` checked by the one helper every redirect uses (wmo.redirects).

    Django's own check lets through a name without a slash or a path that no page answers;
    here anything but a page of this app falls back to LOGIN_REDIRECT_URL.
    """

    def get_redirect_url(self):
        return safe_next_url(self.request, "", field=self.redirect_field_name)
