from django.apps import AppConfig


def _deadlines_herberekenen(sender, **kwargs) -> tuple[str, int]:
    """Receiver of wmo.signals.gelijkgestelde_dagen_gewijzigd: the onderzoek and plan clocks."""
    from meldingen.services import melding_deadlines_herberekenen

    return "meldingen", melding_deadlines_herberekenen()


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "Meldingen"

    def ready(self):
        from wmo.signals import gelijkgestelde_dagen_gewijzigd

        gelijkgestelde_dagen_gewijzigd.connect(_deadlines_herberekenen, dispatch_uid="meldingen.deadlines")
