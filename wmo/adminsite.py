"""The Django admin as a technical back door: only who may use a site ever sees an admin page.

Django's admin answers a logged-in user without access with its own login form ("you are not
authorised, log in as another account") and keeps a second login page of its own. Here a site
answers 404 to a logged-in user without access (it does not exist for them) and sends an
anonymous visitor to the app's own login, so there is one way in (with the app's own checks).

``SuperuserAdminSite`` is ``admin.site`` (``wmo.apps.KeukentafelAdminConfig``): superusers only.
The functioneel beheerder works in the app's beheer pages (``beheer/``) and in a small admin of
its own for the catalogue and settings (``beheer.technisch``), which never shows users.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


class KeukentafelAdminSite(admin.AdminSite):
    """An admin site that is invisible to whoever may not use it (404), with the app's login."""

    site_header = "Keukentafel beheer"
    site_title = "Keukentafel"
    enable_nav_sidebar = False

    def has_permission(self, request: HttpRequest) -> bool:
        raise NotImplementedError

    def _refuse(self, request: HttpRequest):
        if request.user.is_authenticated:
            raise Http404
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            if not self.has_permission(request):
                return self._refuse(request)
            return inner(request, *args, **kwargs)

        guarded.__dict__.update(inner.__dict__)
        guarded.__wrapped__ = inner
        return guarded

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        """No login form of its own: the app's login (with its lockout and second step) is the way in."""
        if self.has_permission(request):
            return admin.AdminSite.login(self, request, extra_context)  # redirects to the index
        if request.user.is_authenticated:
            raise Http404
        return redirect_to_login(
            request.GET.get("next") or reverse("admin:index", current_app=self.name), settings.LOGIN_URL
        )


class SuperuserAdminSite(KeukentafelAdminSite):
    """``/admin/``: for superusers only (technical maintenance). Everyone else: 404 or the login."""

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser
