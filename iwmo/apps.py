from django.apps import AppConfig


class IwmoConfig(AppConfig):
    """iWmo 3.2 message traffic with aanbieders (toewijzing out; start, stop and requests in).

    It sits on top of the flow (it reads beschikkingen, the flow does not import it): the
    beschikking service announces a sent or changed beschikking with a signal, received here.
    """

    name = "iwmo"
    verbose_name = "iWmo"

    def ready(self):
        from aanvragen.signals import beschikking_verstuurd, voorziening_beeindigd
        from iwmo import signals

        beschikking_verstuurd.connect(
            signals.bij_beschikking_verstuurd, dispatch_uid="iwmo_beschikking_verstuurd"
        )
        voorziening_beeindigd.connect(
            signals.bij_voorziening_beeindigd, dispatch_uid="iwmo_voorziening_beeindigd"
        )
