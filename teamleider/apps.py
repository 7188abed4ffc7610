from django.apps import AppConfig


class TeamleiderConfig(AppConfig):
    """The teamleider's pages: the last step of the flow, on top of every app (none imports it)."""

    name = "teamleider"
    verbose_name = "Teamleider"
