"""Reads for the pages of other apps (through brp.templatetags): the werkvoorraad's BRP signals."""

from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils import timezone

from .constants import BrpSignaal

# The one annotation: the signal of the inwoner behind a melding ('' when there is none).
SIGNAAL = Case(
    When(inwoner__brp__overleden=True, then=Value(BrpSignaal.OVERLEDEN.value)),
    When(inwoner__brp__verhuisd_buiten_gemeente=True, then=Value(BrpSignaal.VERHUISD.value)),
    default=Value(""),
    output_field=CharField(),
)
MET_SIGNAAL = Q(inwoner__brp__overleden=True) | Q(inwoner__brp__verhuisd_buiten_gemeente=True)
LIMIET = 50


def werkvoorraad_signalen(user) -> dict:
    """The user's own meldingen that are open or have a running voorziening, whose inwoner the
    BRP says died or moved out of the gemeente: one query (the partial index of InwonerBrp keeps
    it small), with the signal and whether a voorziening runs annotated."""
    from aanvragen.models import BeschikkingRegel
    from meldingen.constants import OPEN_STATUSSEN
    from meldingen.models import Melding

    vandaag = timezone.localdate()
    lopend = (
        BeschikkingRegel.objects.filter(
            beschikking__aanvraag__melding=OuterRef("pk"), beschikking__status="verstuurd"
        )
        .exclude(uitkomst="afgewezen")
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    )
    meldingen = list(
        Melding.objects.zichtbaar_voor(user)
        .filter(consulent=user)
        .filter(MET_SIGNAAL)
        .annotate(brp_signaal=SIGNAAL, lopende_voorziening=Exists(lopend))
        .filter(Q(status__in=OPEN_STATUSSEN) | Q(lopende_voorziening=True))
        .select_related("inwoner")
        .order_by("onderzoek_deadline", "pk")[:LIMIET]
    )
    return {"brp_meldingen": meldingen}
