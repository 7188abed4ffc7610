"""The admin of the shared core: catalogue, Atw days, gemeenten, organisations and teams.

``admin.site`` (``/admin/``) is for superusers only (wmo.adminsite); the functioneel beheerder
gets these same ModelAdmins on its own site (``beheer.technisch``). Users are maintained in
``beheer/`` (and registered on ``admin.site`` by ``beheer.admin``, without a password field).
Dossiers (inwoners, meldingen) are deliberately not in the admin: health data stays in the
scoped views.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .feestdagen import gelijkgestelde_dag_toevoegen, gelijkgestelde_dag_verwijderen
from .models import Aanbieder, Contract, GelijkgesteldeDag, Gemeente, Organisatie, Team, Voorziening


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


@admin.register(Voorziening)
class VoorzieningAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "iwmo_productcategorie", "eenheid", "geldig_vanaf", "geldig_tot"]
    list_filter = ["soort"]
    search_fields = ["naam"]


@admin.register(Aanbieder)
class AanbiederAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "agb_code", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam", "agb_code"]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["aanbieder", "voorziening", "gemeente", "geldig_vanaf", "geldig_tot"]
    list_filter = ["gemeente"]


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(SimpleHistoryAdmin):
    """Adding or removing a day goes through wmo.feestdagen, which recomputes stored deadlines."""

    list_display = ["datum", "omschrijving"]

    def get_readonly_fields(self, request, obj=None):
        return ["datum"] if obj else []  # a different date is a remove plus an add

    def save_model(self, request, obj, form, change):
        if change:
            obj._history_user = request.user
            obj.save()
            return
        gewijzigd = gelijkgestelde_dag_toevoegen(
            datum=obj.datum, omschrijving=obj.omschrijving, door=request.user
        )
        self.message_user(request, _message(gewijzigd))

    def delete_model(self, request, obj):
        gewijzigd = gelijkgestelde_dag_verwijderen(datum=obj.datum, door=request.user)
        self.message_user(request, _message(gewijzigd))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


def _message(gewijzigd: dict[str, int]) -> str:
    return (
        f"Termijnen herberekend: {gewijzigd['meldingen']} meldingen, {gewijzigd['aanvragen']} aanvragen en "
        f"{gewijzigd['beschikkingen']} bezwaartermijnen hebben een andere uiterste datum."
    )
