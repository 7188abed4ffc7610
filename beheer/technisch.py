"""The functioneel beheerder's own admin site (``/beheer/technisch/``): what it maintains today,
until the beheer pages of a later issue replace it, and nothing else.

Choice: the cheapest safe option. A second AdminSite with exactly the catalogue
(Voorziening), the days equated to feestdagen (GelijkgesteldeDag), the mandaatregeling
(Mandaat) and gemeenten, with the same ModelAdmins as ``/admin/``. Teams moved to the beheer
pages (beheer.teams, ``/beheer/teams/``). It has no user
model, no groups and no permissions, so nobody can give themselves a role or a password here.

Who: an active functioneel beheerder of an execution organisation (not of a partner: the
catalogue, the mandaten and the gemeente's letterhead are the gemeente's). Gemeenten are
limited to the beheerder's own organisation. Everyone else gets a 404 (wmo.adminsite).
"""

from django.http import HttpRequest

from aanvragen.admin import MandaatAdmin
from aanvragen.models import Mandaat
from wmo.admin import GelijkgesteldeDagAdmin, GemeenteAdmin, VoorzieningAdmin
from wmo.adminsite import KeukentafelAdminSite
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import GelijkgesteldeDag, Gemeente, Voorziening


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


class EigenGemeenteAdmin(GemeenteAdmin):
    """Only the gemeenten the beheerder's organisation works for."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisaties=request.user.organisatie_id)


site = BeheerTechnischSite(name="beheer_technisch")
site.register(Voorziening, VoorzieningAdmin)
site.register(GelijkgesteldeDag, GelijkgesteldeDagAdmin)
site.register(Mandaat, MandaatAdmin)
site.register(Gemeente, EigenGemeenteAdmin)

app_name = "admin"
urlpatterns = site.get_urls()
