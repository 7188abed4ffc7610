"""The few views of the core: logging in (the rest of the app lives in the step apps)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from .redirects import safe_next_url


class InlogForm(AuthenticationForm):
    """Django's login form, with the username's maximum enforced.

    AuthenticationForm sets ``max_length`` on its username field after construction, so no
    MaxLengthValidator is attached: a username of 10,000 characters went on to authenticate(),
    and django-axes, recording the failed attempt, wrote it into a varchar(255) column (a
    DataError, a 500). Now it is a form error like any other wrong login.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["username"]
        veld.validators.append(MaxLengthValidator(veld.max_length or 150))


class LoginView(auth_views.LoginView):
    """Django's login, with ``next`` checked by the one helper every redirect uses (wmo.redirects).

    Django's own check lets through a name without a slash or a path that no page answers;
    here anything but a page of this app falls back to LOGIN_REDIRECT_URL. The two-step login
    (toegang.views.InloggenView) builds on this view.
    """

    authentication_form = InlogForm

    def get_redirect_url(self):
        return safe_next_url(self.request, "", field=self.redirect_field_name)
