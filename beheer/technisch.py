"""The functioneel beheerder's own admin site (``/beheer/technisch/``): what it maintains today,
until the beheer pages of a later issue replace it, and nothing else.

Choice: the cheapest safe option. A second AdminSite with exactly the days equated to
feestdagen (GelijkgesteldeDag), gemeenten and teams (the catalogue and the mandaatregeling moved
to the beheer pages, beheer.catalogus_views), with the same ModelAdmins as ``/admin/``. It has no user
model, no groups and no permissions, so nobody can give themselves a role or a password here.

Who: an active functioneel beheerder of an execution organisation (not of a partner: the
catalogue, the mandaten and the gemeente's letterhead are the gemeente's). Teams and gemeenten
are limited to the beheerder's own organisation. Everyone else gets a 404 (wmo.adminsite).
"""

from django.http import HttpRequest

from wmo.admin import GelijkgesteldeDagAdmin, GemeenteAdmin, TeamAdmin
from wmo.adminsite import KeukentafelAdminSite
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import GelijkgesteldeDag, Gemeente, Organisatie, Team


class BeheerTechnischSite(KeukentafelAdminSite):
    site_header = "Keukentafel beheer: catalogus en instellingen"
    index_title = "Catalogus en instellingen"
    site_url = "/beheer/"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_authenticated
            and user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
            and user.organisatie_id
            and user.organisatie.soort == OrganisatieSoort.UITVOERING
        )


class EigenTeamAdmin(TeamAdmin):
    """Only the teams of the beheerder's own organisation, and new ones only there."""

    list_filter = []

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisatie_id=request.user.organisatie_id)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = Organisatie.objects.filter(pk=request.user.organisatie_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EigenGemeenteAdmin(GemeenteAdmin):
    """Only the gemeenten the beheerder's organisation works for."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisaties=request.user.organisatie_id)


site = BeheerTechnischSite(name="beheer_technisch")
site.register(GelijkgesteldeDag, GelijkgesteldeDagAdmin)
site.register(Gemeente, EigenGemeenteAdmin)
site.register(Team, EigenTeamAdmin)

app_name = "admin"
urlpatterns = site.get_urls()
