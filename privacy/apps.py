from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The privacy officer's pages: the access log (NEN 7513) and AVG inzageverzoeken. On top of the flow: no app of the flow imports it."""

    name = "privacy"
    verbose_name = "Privacy"
