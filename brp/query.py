"""Reads for the pages of other apps (through brp.templatetags): the werkvoorraad's BRP signals."""

from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone

from .constants import BrpSignaal

# The one annotation: the signal of the inwoner behind a row ('' when there is none).
SIGNAAL = Case(
    When(inwoner__brp__overleden=True, then=Value(BrpSignaal.OVERLEDEN.value)),
    When(inwoner__brp__verhuisd_buiten_gemeente=True, then=Value(BrpSignaal.VERHUISD.value)),
    default=Value(""),
    output_field=CharField(),
)
MET_SIGNAAL = Q(inwoner__brp__overleden=True) | Q(inwoner__brp__verhuisd_buiten_gemeente=True)
LIMIET = 50


def werkvoorraad_signalen(user) -> dict:
    """The user's own open meldingen and running voorzieningen whose inwoner the BRP says died or
    moved out of the gemeente (two queries, on the partial index of InwonerBrp)."""
    from aanvragen.models import BeschikkingRegel
    from aanvragen.query import _eigen
    from meldingen.models import Melding

    meldingen = list(
        Melding.objects.zichtbaar_voor(user)
        .open()
        .filter(consulent=user)
        .filter(MET_SIGNAAL)
        .annotate(brp_signaal=SIGNAAL)
        .select_related("inwoner")
        .order_by("onderzoek_deadline", "pk")[:LIMIET]
    )
    vandaag = timezone.localdate()
    regels = list(
        BeschikkingRegel.objects.filter(_eigen(user, pad="beschikking__"))
        .filter(beschikking__status="verstuurd")
        .exclude(uitkomst="afgewezen")
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
        .filter(
            Q(beschikking__aanvraag__melding__inwoner__brp__overleden=True)
            | Q(beschikking__aanvraag__melding__inwoner__brp__verhuisd_buiten_gemeente=True)
        )
        .select_related("voorziening", "beschikking__aanvraag__melding__inwoner__brp")
        .order_by("pk")[:LIMIET]
    )
    return {"brp_meldingen": meldingen, "brp_regels": regels}
