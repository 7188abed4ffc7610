"""Tags for the pages of other apps that show what the BRP says (the flow does not import brp).

- ``{% brp_zoeken %}`` on the new-inwoner form: the "Zoeken in de BRP" part, only for the
  gemeenten with an active koppeling (nothing at all without one);
- ``{% brp_gegevens inwoner %}`` on the melding and dossier pages: the last refresh, what
  differed, the signals, and the curatele indication and (for a minor) who has gezag, offered to
  the loket as "wie krijgt de brieven" (never filled in by itself: wmo.regels.vertegenwoordiging);
- ``{% brp_signalen %}`` on the werkvoorraad: open meldingen and running voorzieningen of the
  consulent whose inwoner died or moved out of the gemeente.
"""

from django import template
from django.utils import timezone

from brp.constants import GezagSoort
from brp.forms import BrpZoekForm
from brp.models import InwonerBrp
from brp.query import werkvoorraad_signalen
from wmo.models import Gemeente
from wmo.regels.vertegenwoordiging import Vertegenwoordiging, minderjarig

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
        **_gezag(inwoner, brp),
    }


# When the BRP cannot name who has gezag: what it says, in plain words (B1).
GEZAG_NIET_BEKEND = {
    GezagSoort.TIJDELIJK_GEEN: "Volgens de BRP heeft op dit moment niemand het gezag over {naam}.",
    GezagSoort.NIET_TE_BEPALEN: "De BRP kan niet zeggen wie het gezag heeft over {naam}.",
    GezagSoort.ONBEKEND: "De BRP gaf niet door wie het gezag heeft over {naam}.",
}


def _gezag(inwoner, brp) -> dict:
    """What the BRP says about gezag over a minor, for the loket: who gets the letters."""
    if not (brp and brp.gezag_soort and minderjarig(inwoner.geboortedatum, timezone.localdate())):
        return {"gezag": None}
    if brp.gezag_soort in GEZAG_NIET_BEKEND:
        return {"gezag": {"controleren": GEZAG_NIET_BEKEND[brp.gezag_soort].format(naam=inwoner.naam)}}
    namen = brp.gezaghebbenden or []
    return {
        "gezag": {
            "wie": " en ".join(namen) if len(namen) < 3 else ", ".join(namen[:-1]) + " en " + namen[-1],
            "werkwoord": "hebben" if len(namen) > 1 else "heeft",
            "soort": brp.get_gezag_soort_display(),
            "aanbieden": inwoner.vertegenwoordiger_soort != Vertegenwoordiging.GEZAG,
        }
    }


@register.inclusion_tag("brp/_signalen.html", takes_context=True)
def brp_signalen(context):
    return werkvoorraad_signalen(context["request"].user)
