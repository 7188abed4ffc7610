"""Tags for the pages of meldingen that show this step (the melding page, the werkvoorraad).

meldingen comes before gesprekken in the flow and does not import it, so its views cannot put
these reads in their context; the tags only delegate to gesprekken.query.
"""

from django import template

from gesprekken.query import gesprekken_van_melding, open_vervolgafspraken_van

register = template.Library()


@register.simple_tag
def gesprekken_van(melding, brieven=None):
    """gesprekken.query.gesprekken_van_melding, for the melding page (with its letters, if given)."""
    return gesprekken_van_melding(melding, None if brieven in (None, "") else brieven)


@register.inclusion_tag("gesprekken/_mijn_vervolgafspraken.html", takes_context=True)
def mijn_vervolgafspraken(context):
    """gesprekken.query.open_vervolgafspraken_van the user, for the werkvoorraad."""
    request = context["request"]
    return {
        "afspraken": open_vervolgafspraken_van(request.user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
