from django.apps import AppConfig


class BeheerConfig(AppConfig):
    """Beheer pages for the functioneel beheerder in the app's own look (users and roles first). On top of the flow: no app of the flow imports it."""

    name = "beheer"
    verbose_name = "Beheer"
