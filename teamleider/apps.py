from django.apps import AppConfig


class TeamleiderConfig(AppConfig):
    """The teamleider's pages: the last step of the flow, on top of every app (none imports it)."""

    name = "teamleider"
    verbose_name = "Teamleider"

    def ready(self):
        # Saves of the rows the management information counts mark its summary (teamleider.samenvatting).
        from . import samenvatting

        samenvatting.verbinden()
