from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WmoConfig(AppConfig):
    name = "wmo"
    verbose_name = "Keukentafel"

    def ready(self):
        from .rollen import rollen_instellen

        # post_migrate is sent after the whole migrate run, so every permission exists then.
        post_migrate.connect(rollen_instellen, sender=self)
