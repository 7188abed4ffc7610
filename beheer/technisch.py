"""The functioneel beheerder's own admin site (``/beheer/technisch/``): what it maintains today,
until the beheer pages of a later issue replace it, and nothing else.

Choice: the cheapest safe option. A second AdminSite with exactly the catalogue
(Voorziening), the days equated to feestdagen (GelijkgesteldeDag), the mandaatregeling
(Mandaat), with the same ModelAdmins as ``/admin/``. Teams and gemeenten moved to the beheer
pages (beheer.teams, ``/beheer/teams/``; beheer.views_gemeenten, ``/beheer/gemeenten/``). It has
no user model, no groups and no permissions, so nobody can give themselves a role or a password here.

Who: an active functioneel beheerder of an execution organisation (not of a partner: the
catalogue and the mandaten are the gemeente's). Everyone else gets a 404 (wmo.adminsite).
"""

from django.http import HttpRequest

from aanvragen.admin import MandaatAdmin
from aanvragen.models import Mandaat
from wmo.admin import GelijkgesteldeDagAdmin, VoorzieningAdmin
from wmo.adminsite import KeukentafelAdminSite
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import GelijkgesteldeDag, Voorziening


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
site.register(Voorziening, VoorzieningAdmin)
site.register(GelijkgesteldeDag, GelijkgesteldeDagAdmin)
site.register(Mandaat, MandaatAdmin)

app_name = "admin"
urlpatterns = site.get_urls()
