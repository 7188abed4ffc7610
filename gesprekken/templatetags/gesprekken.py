"""Tags for the pages of meldingen that show this step (the melding page, the werkvoorraad).

meldingen comes before gesprekken in the flow and does not import it, so its views cannot put
these reads in their context; the tags only delegate to gesprekken.query.
"""

from django import template

from gesprekken.query import gesprekken_van_melding, open_vervolgafspraken_van
from wmo.rijen import datum_tekst, url_per_pk

register = template.Library()


@register.simple_tag
def gesprekken_van(melding, brieven=None):
    """gesprekken.query.gesprekken_van_melding, for the melding page (with its letters, if given)."""
    return gesprekken_van_melding(melding, None if brieven in (None, "") else brieven)


@register.inclusion_tag("gesprekken/_mijn_vervolgafspraken.html", takes_context=True)
def mijn_vervolgafspraken(context):
    """gesprekken.query.open_vervolgafspraken_van the user, for the werkvoorraad."""
    request = context["request"]
    afspraken = open_vervolgafspraken_van(request.user)
    # Up to 100 rows with two links each: reversed once, not per row (issue 14).
    onderzoek_url = url_per_pk("gesprekken:onderzoek")
    afronden_url = url_per_pk("gesprekken:vervolgafspraak_afronden")
    for a in afspraken:
        a.onderzoek_url = onderzoek_url(a.melding_id)
        a.afronden_url = afronden_url(a.pk)
        a.uiterlijk_tekst = datum_tekst(a.uiterlijk, "j F Y")
    return {
        "afspraken": afspraken,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
