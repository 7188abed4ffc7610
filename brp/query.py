"""Reads for the pages of other apps (through brp.templatetags): the werkvoorraad's BRP signals."""

from types import SimpleNamespace

from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils import timezone

from wmo.sjabloon import sjabloon

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


@sjabloon(voorbereid=True)
def _signalen(user):
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
    return (
        Melding.objects.zichtbaar_voor(user)
        .filter(consulent=user)
        .filter(MET_SIGNAAL)
        .annotate(brp_signaal=SIGNAAL, lopende_voorziening=Exists(lopend))
        .filter(Q(status__in=OPEN_STATUSSEN) | Q(lopende_voorziening=True))
        .order_by("onderzoek_deadline", "pk")
        .values_list(
            "pk", "ontvangen_op", "inwoner__voornamen", "inwoner__tussenvoegsel", "inwoner__achternaam",
            "brp_signaal", "lopende_voorziening",
        )[:LIMIET]
    )  # fmt: skip


def werkvoorraad_signalen(user) -> dict:
    """The user's own meldingen that are open or have a running voorziening, whose inwoner the
    BRP says died or moved out of the gemeente: one query (the partial index of InwonerBrp keeps
    it small; its SQL kept per shape, wmo.sjabloon), as rows with the signal and whether a
    voorziening runs: ``pk``, ``kenmerk``, ``inwoner_naam``, ``brp_signaal``, ``lopende_voorziening``."""
    from meldingen.models import melding_kenmerk
    from meldingen.query import inwoner_naam

    return {
        "brp_meldingen": [
            SimpleNamespace(
                pk=pk,
                kenmerk=melding_kenmerk(pk, ontvangen_op),
                inwoner_naam=inwoner_naam(voornamen, tussenvoegsel, achternaam),
                brp_signaal=signaal,
                lopende_voorziening=lopend,
            )
            for pk, ontvangen_op, voornamen, tussenvoegsel, achternaam, signaal, lopend in _signalen.rijen(
                user
            )
        ]
    }
