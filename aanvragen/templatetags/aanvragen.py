from django import template
from django.db.models import Count

from aanvragen.models import Aanvraag

register = template.Library()


@register.simple_tag
def aanvragen_van(melding):
    """The melding's aanvragen with their beslistermijn state (one query)."""
    return list(
        Aanvraag.objects.filter(melding=melding)
        .select_related("beschikking")
        .met_termijnstatus()
        .annotate(aantal_bezwaren=Count("beschikking__bezwaren"))
        .order_by("-ontvangen_op", "-id")
    )
