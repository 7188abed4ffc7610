from django import template

from beheer.secties import secties_voor

register = template.Library()


@register.simple_tag(takes_context=True)
def beheer_secties(context):
    """The sections the logged-in beheerder sees, for the menu in beheer/basis.html."""
    request = context["request"]
    if not hasattr(request, "_beheer_secties"):
        request._beheer_secties = secties_voor(request.user)
    return request._beheer_secties


@register.filter
def rol_label(naam: str) -> str:
    """The Dutch name of a role (a group name), e.g. "Functioneel beheerder"."""
    from wmo.constants import Rol

    return Rol(naam).label if naam in Rol.values else naam
