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


@register.inclusion_tag("aanvragen/beschikking/_signalen.html", takes_context=True)
def aanvraag_signalen(context):
    """For the werkvoorraad: nazorg calls to make, and granted voorzieningen ending soon (two queries)."""
    from django.utils import timezone

    from aanvragen.query import aflopende_voorzieningen, open_nazorg

    user = context["request"].user
    vandaag = timezone.localdate()
    return {
        "nazorg": list(open_nazorg(user)[:50]),
        "aflopend": list(aflopende_voorzieningen(user, vandaag)[:50]),
        "vandaag": vandaag,
    }
