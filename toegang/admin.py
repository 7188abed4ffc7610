from django.contrib import admin

from .models import Tweestapsgebeurtenis


@admin.register(Tweestapsgebeurtenis)
class TweestapsgebeurtenisAdmin(admin.ModelAdmin):
    """A trace: read only, nobody edits or removes it here."""

    list_display = ["tijdstip", "medewerker", "soort", "door"]
    list_filter = ["soort"]
    list_select_related = ["medewerker", "door"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
