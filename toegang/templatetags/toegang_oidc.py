"""What the login page needs to know about single sign-on (read at render time, so tests can switch it)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def idp_login() -> dict:
    """{aan, naam, alleen}: offer "Inloggen met <naam>"; with ``alleen`` no password form."""
    return {"aan": settings.OIDC_ENABLED, "naam": settings.OIDC_NAAM, "alleen": settings.OIDC_ALLEEN}
