"""Tags for the pages of other apps that show what the BRP says (the flow does not import brp).

- ``{% brp_zoeken %}`` on the new-inwoner form: the "Zoeken in de BRP" part, only for the
  gemeenten with an active koppeling (nothing at all without one);
- ``{% brp_gegevens inwoner %}`` on the melding and dossier pages: the last refresh, what
  differed, the signals, and the curatele indication offered to the loket;
- ``{% brp_signalen %}`` on the werkvoorraad: open meldingen and running voorzieningen of the
  consulent whose inwoner died or moved out of the gemeente.
"""

from django import template

from brp.forms import BrpZoekForm
from brp.models import InwonerBrp
from brp.query import werkvoorraad_signalen
from wmo.models import Gemeente
from wmo.regels.vertegenwoordiging import Vertegenwoordiging

register = template.Library()


@register.inclusion_tag("brp/_zoeken.html", takes_context=True)
def brp_zoeken(context):
    user = context["request"].user
    gemeenten = list(
        Gemeente.objects.filter(pk__in=user.gemeente_ids, brp_koppeling__actief=True).order_by("naam")
    )
    if not gemeenten or not user.has_perm("meldingen.add_inwoner"):
        return {"form": None}
    return {"form": BrpZoekForm(gemeenten=gemeenten, prefix="brp")}


@register.inclusion_tag("brp/_gegevens.html")
def brp_gegevens(inwoner):
    """What the BRP said at the last refresh (no query when the page selected ``brp`` along)."""
    verversing = getattr(inwoner, "brp_verversing", None)
    if verversing is not None and verversing.brp:
        brp = verversing.brp
    elif "brp" in inwoner._state.fields_cache:  # select_related("brp") by the page: no query
        brp = inwoner._state.fields_cache["brp"]
    else:
        brp = InwonerBrp.objects.filter(inwoner=inwoner).first()
    return {
        "inwoner": inwoner,
        "brp": brp,
        "fout": verversing.fout if verversing is not None else "",
        "curatele_aanbieden": bool(
            brp and brp.curatele and inwoner.vertegenwoordiger_soort != Vertegenwoordiging.CURATOR
        ),
    }


@register.inclusion_tag("brp/_signalen.html", takes_context=True)
def brp_signalen(context):
    return werkvoorraad_signalen(context["request"].user)
