from django.conf import settings

app_name = "toegang"

urlpatterns: list = []

if settings.OIDC_ENABLED:  # single sign-on: no URL of it exists when it is off
    from .oidc import urlpatterns as oidc_urlpatterns

    urlpatterns += oidc_urlpatterns
