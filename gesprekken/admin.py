"""Read-only admin: gesprek and onderzoek data are changed only through the services (history, rules)."""

from django.contrib import admin

from .models import Gesprek, Triage, VerslagVersie


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Gesprek)
class GesprekAdmin(AlleenLezen):
    list_display = ["melding", "gepland_op", "plaats", "status"]
    list_filter = ["status", "plaats"]


@admin.register(Triage)
class TriageAdmin(AlleenLezen):
    list_display = ["melding", "reden", "besloten_door", "besloten_op"]


@admin.register(VerslagVersie)
class VerslagVersieAdmin(AlleenLezen):
    list_display = ["onderzoek", "nummer", "status", "reactie_ontvangen_op"]
    exclude = ["brief"]
