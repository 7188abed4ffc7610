from django.apps import AppConfig


class ToegangConfig(AppConfig):
    """Access: logging in (password, two-step verification, single sign-on), lockout and the session's lifetime. On top of the flow: no app of the flow imports it."""

    name = "toegang"
    verbose_name = "Toegang"

    def ready(self):
        from django.conf import settings

        # Signal receivers: the login log, and logging in starts the inactivity time.
        from . import sessie, signals  # noqa: F401

        if settings.OIDC_ENABLED:  # single sign-on is configured completely (toegang.oidc)
            from django.core import checks

            from .oidc import check_instellingen

            checks.register(check_instellingen)
