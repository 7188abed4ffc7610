from django import template

from gesprekken.constants import AfspraakStatus
from gesprekken.models import Gesprek, Onderzoek, Triage, Vervolgafspraak
from meldingen.models import Melding

register = template.Library()


@register.simple_tag
def gesprekken_van(melding):
    """What the melding page shows of this app: gesprekken, triage, onderzoek and its versions (4 queries)."""
    onderzoek = Onderzoek.objects.filter(melding=melding).only("id", "melding_id", "gestart_op").first()
    return {
        "gesprekken": list(Gesprek.objects.filter(melding=melding).select_related("consulent")),
        "triage": Triage.objects.filter(melding=melding).select_related("besloten_door").first(),
        "onderzoek": onderzoek,
        "versies": list(onderzoek.versies.select_related("brief").defer("brief__pdf")) if onderzoek else [],
    }


@register.inclusion_tag("gesprekken/_mijn_vervolgafspraken.html", takes_context=True)
def mijn_vervolgafspraken(context):
    """Open vervolgafspraken owned by the user, within the dossiers the user may see (one query)."""
    request = context["request"]
    user = request.user
    afspraken = list(
        Vervolgafspraak.objects.filter(
            eigenaar=user,
            status=AfspraakStatus.OPEN,
            onderzoek__melding__in=Melding.objects.zichtbaar_voor(user),
        )
        .select_related("onderzoek__melding__inwoner")
        .order_by("uiterlijk", "id")[:100]
    )
    return {"afspraken": afspraken, "request": request, "csrf_token": context.get("csrf_token")}
