from django.apps import AppConfig


class BrpConfig(AppConfig):
    """The inwoner from the BRP (Haal Centraal BRP Personen bevragen, version 2), per gemeente.

    It sits on top of the flow like iwmo: the flow does not import it. The core announces with the
    signal ``wmo.signals.persoonsgegevens_gebruiken`` that an inwoner's data is about to be used
    (a melding registered, a letter or an iWmo 301 made); the receiver here refreshes them from
    the BRP when the gemeente has an active koppeling, with what ``persoonsgegevens_ophalen``
    fetched before the service's transaction opened (wmo.persoonsgegevens).
    """

    name = "brp"
    verbose_name = "BRP"

    def ready(self):
        from brp import signals
        from wmo.signals import persoonsgegevens_gebruiken, persoonsgegevens_ophalen

        persoonsgegevens_ophalen.connect(signals.bij_persoonsgegevens_ophalen, dispatch_uid="brp_ophalen")
        persoonsgegevens_gebruiken.connect(
            signals.bij_persoonsgegevens_gebruiken, dispatch_uid="brp_verversen"
        )
