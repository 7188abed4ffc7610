from django.apps import AppConfig


class ZgwConfig(AppConfig):
    """The dossier in the gemeente's zaaksysteem (VNG ZGW APIs: Zaken, Documenten, Besluiten).

    It sits on top of the flow, like iwmo: the flow does not import it and never waits for it.
    Receivers of Django's post_save (Melding, Aanvraag, Brief) and of aanvragen's
    ``beschikking_verstuurd`` put an Opdracht in the outbox once the change is committed
    (zgw.signals); a django-tasks task sends it (zgw.tasks, zgw.verzenden).
    """

    name = "zgw"
    verbose_name = "Zaaksysteem (ZGW)"

    def ready(self):
        from django.db.models.signals import post_save

        from aanvragen.signals import beschikking_verstuurd
        from zgw import signals

        post_save.connect(
            signals.bij_melding_opgeslagen, sender="meldingen.Melding", dispatch_uid="zgw_melding"
        )
        post_save.connect(
            signals.bij_aanvraag_opgeslagen, sender="aanvragen.Aanvraag", dispatch_uid="zgw_aanvraag"
        )
        post_save.connect(signals.bij_brief_opgeslagen, sender="wmo.Brief", dispatch_uid="zgw_brief")
        beschikking_verstuurd.connect(signals.bij_beschikking_verstuurd, dispatch_uid="zgw_beschikking")
