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


@register.inclusion_tag("aanvragen/_aflopend.html", takes_context=True)
def aflopende_voorzieningen(context):
    """For the werkvoorraad: granted voorzieningen that end soon (one query)."""
    from django.utils import timezone

    from aanvragen.query import aflopende_voorzieningen as aflopend

    return {"regels": list(aflopend(context["request"].user, timezone.localdate())[:50])}
