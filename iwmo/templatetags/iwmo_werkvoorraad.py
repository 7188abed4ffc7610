"""Tags for the pages of the flow that show the incoming iWmo work: the werkvoorraad and the
teamleider's dashboard. The flow does not import iwmo (it sits on top), so these reads come in
through tags that only delegate to iwmo.verzoeken and iwmo.regie."""

from django import template

from iwmo import regie, verzoeken

register = template.Library()


@register.inclusion_tag("iwmo/_werkvoorraad.html", takes_context=True)
def iwmo_werk(context):
    """The consulent's open verzoeken of aanbieders and the toewijzingen not yet started (2 queries)."""
    user = context["request"].user
    return {
        "verzoeken": list(verzoeken.open_verzoeken_voor(user)[:50]),
        "niet_gestart": list(regie.niet_gestart_voor_consulent(user)[:50]),
    }


@register.inclusion_tag("iwmo/_niet_gestart_per_aanbieder.html", takes_context=True)
def iwmo_niet_gestart_per_aanbieder(context):
    """For the teamleider: "aanbieder nog niet gestart", counted per aanbieder, in their scope (1 query)."""
    from meldingen.models import Melding

    user = context["request"].user
    return {"per_aanbieder": regie.niet_gestart_per_aanbieder(Melding.objects.zichtbaar_voor(user))}
