from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class WmoConfig(AppConfig):
    default = True  # this module also holds the admin's config
    name = "wmo"
    verbose_name = "Keukentafel"

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
        from .rollen import rollen_instellen

        # post_migrate is sent after the whole migrate run, so every permission exists then.
        post_migrate.connect(rollen_instellen, sender=self)

        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_delete, post_save

        from .models import (
            GelijkgesteldeDag,
            gelijkgestelde_dagen_vergeten,
            verzoek_begint,
            verzoek_eindigt,
        )

        # The equated days are read once per request (wmo.models.gelijkgestelde_dagen).
        request_started.connect(verzoek_begint, dispatch_uid="gelijkgestelde_dagen_begin")
        request_finished.connect(verzoek_eindigt, dispatch_uid="gelijkgestelde_dagen_eind")
        for signaal in (post_save, post_delete):
            signaal.connect(gelijkgestelde_dagen_vergeten, sender=GelijkgesteldeDag, weak=False)


class KeukentafelAdminConfig(admin_apps.AdminConfig):
    """The Django admin with ``admin.site`` for superusers only (wmo.adminsite)."""

    default = False
    default_site = "wmo.adminsite.SuperuserAdminSite"
