"""Tags for the pages of meldingen that show this step (the melding page, the werkvoorraad).

meldingen comes before aanvragen in the flow and does not import it, so its views cannot put
these reads in their context; the tags only delegate to aanvragen.query.
"""

from django import template
from django.utils import timezone

from aanvragen.query import aanvragen_van_melding, werkvoorraad_signalen

register = template.Library()


@register.simple_tag
def aanvragen_van(melding):
    """aanvragen.query.aanvragen_van_melding, for the melding page."""
    return aanvragen_van_melding(melding)


@register.inclusion_tag("aanvragen/beschikking/_signalen.html", takes_context=True)
def aanvraag_signalen(context):
    """aanvragen.query.werkvoorraad_signalen of the user, for the werkvoorraad."""
    vandaag = timezone.localdate()
    return {**werkvoorraad_signalen(context["request"].user, vandaag), "vandaag": vandaag}
