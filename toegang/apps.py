from django.apps import AppConfig


class ToegangConfig(AppConfig):
    """Access: logging in (password, two-step verification, single sign-on), lockout and the session's lifetime. On top of the flow: no app of the flow imports it."""

    name = "toegang"
    verbose_name = "Toegang"
