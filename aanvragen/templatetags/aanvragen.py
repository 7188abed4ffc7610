from django import template

from aanvragen.models import Aanvraag

register = template.Library()


@register.simple_tag
def aanvragen_van(melding):
    """The melding's aanvragen with their beslistermijn state (one query)."""
    return list(
        Aanvraag.objects.filter(melding=melding)
        .select_related("beschikking")
        .met_termijnstatus()
        .order_by("-ontvangen_op", "-id")
    )
