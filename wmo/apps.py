from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class WmoConfig(AppConfig):
    default = True  # this module also holds the admin's config
    name = "wmo"
    verbose_name = "Keukentafel"

    def ready(self):
        from .rollen import rollen_instellen

        # post_migrate is sent after the whole migrate run, so every permission exists then.
        post_migrate.connect(rollen_instellen, sender=self)


class KeukentafelAdminConfig(admin_apps.AdminConfig):
    """The Django admin with ``admin.site`` for superusers only (wmo.adminsite)."""

    default = False
    default_site = "wmo.adminsite.SuperuserAdminSite"
