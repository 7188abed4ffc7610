"""The user of a request in as few queries as a page can afford (issue 14: at most 12 per page).

Django's ModelBackend reads the user by id on every request, then the team and the organisation
(the menu, meldingen.query.scope) one query each, then the roles, the user's own permissions and
the group permissions one query each. ``MedewerkerLaden`` reads the user with its team and
organisation in one query (``select_related``), and lets the first permission question load the
roles, the permissions and the gemeenten served in one more (``Medewerker.toegang_laden``).

What the login checks stays where it is: ``user_can_authenticate`` (active accounts only; for
``WachtwoordBackend`` no account of the identity provider) is asked on every request as before;
django-axes (AxesStandaloneBackend) only guards the login itself; the two-step device
(django-otp's OTPMiddleware) is read from the session as before.

Note: the session stores the path of the backend that logged the user in; a session made under
another path (``django.contrib.auth.backends.ModelBackend`` before this module) is not taken over
and logs in again.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def medewerker_met_team(user_id):
    """The user with its team and organisation (one query), or None."""
    return get_user_model()._default_manager.select_related("team", "organisatie").filter(pk=user_id).first()


class MedewerkerLaden:
    """Mixin for a ModelBackend (or a subclass of it): the user and its rights in two queries."""

    def get_user(self, user_id):
        user = medewerker_met_team(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if obj is None and not hasattr(user_obj, "_perm_cache") and hasattr(user_obj, "toegang_laden"):
            user_obj.toegang_laden()
        return super().get_all_permissions(user_obj, obj)


class MedewerkerBackend(MedewerkerLaden, ModelBackend):
    """Django's ModelBackend (username and password), loading the user cheaply."""
