"""Beheer for the functioneel beheerder: catalogue, Atw days, gemeenten, teams and users.

Dossiers (inwoners, meldingen) are deliberately not in the admin: health data stays in the
scoped views.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import GelijkgesteldeDag, Gemeente, Medewerker, Organisatie, Team, Voorziening


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "cbs_code", "telefoon"]


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort"]
    filter_horizontal = ["gemeenten"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "organisatie", "telefoon"]
    list_filter = ["organisatie"]


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "team", "is_active"]
    list_filter = ["organisatie", "team", "groups", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Organisatie", {"fields": ("organisatie", "team", "telefoon")}),)


@admin.register(Voorziening)
class VoorzieningAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "iwmo_productcategorie", "eenheid", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam"]


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "omschrijving"]
