"""The functioneel beheerder's own admin site (``/beheer/technisch/``): what it maintains today,
until the beheer pages of a later issue replace it, and nothing else.

Choice: the cheapest safe option. A second AdminSite with exactly the days equated to
feestdagen (GelijkgesteldeDag), with the same ModelAdmin as ``/admin/``. Everything else moved to
the beheer pages: the catalogue and the mandaatregeling (beheer.catalogus_views), teams
(beheer.teams) and gemeenten (beheer.views_gemeenten). It has no user model, no groups and no
permissions, so nobody can give themselves a role or a password here.

Who: an active functioneel beheerder of an execution organisation (not of a partner: the
catalogue and the mandaten are the gemeente's). Everyone else gets a 404 (wmo.adminsite).
"""

from django.http import HttpRequest

from wmo.admin import GelijkgesteldeDagAdmin
from wmo.adminsite import KeukentafelAdminSite
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import GelijkgesteldeDag


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


site = BeheerTechnischSite(name="beheer_technisch")
site.register(GelijkgesteldeDag, GelijkgesteldeDagAdmin)

app_name = "admin"
urlpatterns = site.get_urls()
