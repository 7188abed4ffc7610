from django.apps import AppConfig


class IwmoConfig(AppConfig):
    """iWmo 3.2 message traffic with aanbieders (toewijzing out; start, stop and requests in).

    It sits on top of the flow (it reads beschikkingen, the flow does not import it): the
    beschikking service announces a sent or changed beschikking with a signal, received here.
    """

    name = "iwmo"
    verbose_name = "iWmo"

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from aanvragen.signals import beschikking_verstuurd, voorziening_beeindigd
        from iwmo import regie, signals
        from wmo.signals import gelijkgestelde_dagen_gewijzigd

        beschikking_verstuurd.connect(
            signals.bij_beschikking_verstuurd, dispatch_uid="iwmo_beschikking_verstuurd"
        )
        voorziening_beeindigd.connect(
            signals.bij_voorziening_beeindigd, dispatch_uid="iwmo_voorziening_beeindigd"
        )
        # Regie (iwmo.regie): the stored day "aanbieder nog niet gestart" follows its inputs.
        pre_save.connect(
            regie.bij_toewijzing_opslaan, sender="iwmo.Toewijzing", dispatch_uid="iwmo_start_signaal"
        )
        pre_save.connect(
            regie.bij_gemeente_opslaan, sender="wmo.Gemeente", dispatch_uid="iwmo_start_signaal_gemeente"
        )
        post_save.connect(
            regie.bij_gemeente_opgeslagen,
            sender="wmo.Gemeente",
            dispatch_uid="iwmo_start_signaal_gemeente_na",
        )
        gelijkgestelde_dagen_gewijzigd.connect(
            regie.bij_gelijkgestelde_dagen_gewijzigd, dispatch_uid="iwmo_start_signaal_dagen"
        )
