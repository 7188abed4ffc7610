from django.apps import AppConfig


def _beslis_deadlines_herberekenen(sender, **kwargs) -> tuple[str, int]:
    """Receiver of wmo.signals.gelijkgestelde_dagen_gewijzigd: the beslistermijn of open aanvragen."""
    from aanvragen.services import beslis_deadlines_herberekenen

    return "aanvragen", beslis_deadlines_herberekenen()


def _bezwaar_deadlines_herberekenen(sender, **kwargs) -> tuple[str, int]:
    """Receiver of wmo.signals.gelijkgestelde_dagen_gewijzigd: running bezwaartermijnen."""
    from aanvragen.services import bezwaar_deadlines_herberekenen

    return "beschikkingen", bezwaar_deadlines_herberekenen()


class AanvragenConfig(AppConfig):
    name = "aanvragen"
    verbose_name = "Aanvragen"

    def ready(self):
        from wmo.signals import gelijkgestelde_dagen_gewijzigd

        gelijkgestelde_dagen_gewijzigd.connect(
            _beslis_deadlines_herberekenen, dispatch_uid="aanvragen.beslis"
        )
        gelijkgestelde_dagen_gewijzigd.connect(
            _bezwaar_deadlines_herberekenen, dispatch_uid="aanvragen.bezwaar"
        )
