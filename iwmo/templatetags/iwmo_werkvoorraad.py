"""Tags for the pages of the flow that show the incoming iWmo work: the werkvoorraad and the
teamleider's dashboard. The flow does not import iwmo (it sits on top), so these reads come in
through tags that only delegate to iwmo.verzoeken and iwmo.regie."""

from django import template
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ExpressionWrapper,
    IntegerField,
    Q,
    Value,
)

from iwmo import regie, verzoeken
from iwmo.models import VerzoekSoort
from meldingen.query import inwoner_naam
from wmo.lijsten import KeptRijen
from wmo.sjabloon import sjabloon

register = template.Library()


def _lijsten(user) -> dict:
    """The consulent's open verzoeken of aanbieders and the toewijzingen not yet started:
    {name: (queryset, columns)} for wmo.lijsten."""
    tijdstip = Value(None, output_field=DateTimeField())
    datum = Value(None, output_field=DateField())
    tekst = Value("", output_field=CharField())
    return {
        "verzoeken": (
            verzoeken.open_verzoeken_voor(user),
            _kolommen(
                soort="soort",
                nummer=Value(None, output_field=IntegerField()),
                ontvangen="aangemaakt_op",
                ingang=datum,
                signaal=datum,
                wachtrij=ExpressionWrapper(Q(melding__consulent__isnull=True), output_field=BooleanField()),
            ),
        ),
        "niet_gestart": (
            regie.niet_gestart_voor_consulent(user),
            _kolommen(
                soort=tekst,
                nummer="nummer",
                ontvangen=tijdstip,
                ingang="ingangsdatum",
                signaal="start_signaal_op",
                wachtrij=Value(False, output_field=BooleanField()),
            ),
        ),
    }


# The lists' UNION is built and compiled once per shape, not per request (issue 14).
_LIJSTEN = KeptRijen(_lijsten, limit=50, voorbereid=True)


@register.inclusion_tag("iwmo/_werkvoorraad.html", takes_context=True)
def iwmo_werk(context):
    """The consulent's open verzoeken and toewijzingen not yet started, in one query
    (wmo.lijsten.KeptRijen): rows with what the lists show."""
    lijsten = _LIJSTEN.lezen(context["request"].user)
    soorten = dict(VerzoekSoort.choices)
    for rij in (*lijsten["verzoeken"], *lijsten["niet_gestart"]):
        rij.inwoner_naam = inwoner_naam(rij.voornamen, rij.tussenvoegsel, rij.achternaam)
        rij.soort_label = soorten.get(rij.soort, rij.soort)
    return lijsten


def _kolommen(**eigen) -> dict:
    return {
        "pk": "pk",
        "inwoner_id": "inwoner_id",
        "voornamen": "inwoner__voornamen",
        "tussenvoegsel": "inwoner__tussenvoegsel",
        "achternaam": "inwoner__achternaam",
        "aanbieder": "aanbieder__naam",
        **eigen,
    }


@sjabloon(voorbereid=True)
def _per_aanbieder(user):
    from meldingen.models import Melding

    return regie.niet_gestart_per_aanbieder(Melding.objects.zichtbaar_voor(user)).values_list(
        "aanbieder__naam", "aanbieder__agb_code", "aantal"
    )


@register.inclusion_tag("iwmo/_niet_gestart_per_aanbieder.html", takes_context=True)
def iwmo_niet_gestart_per_aanbieder(context):
    """For the teamleider: "aanbieder nog niet gestart", counted per aanbieder, in their scope (1
    query, its SQL kept per shape: wmo.sjabloon)."""
    rijen = _per_aanbieder.rijen(context["request"].user)
    return {
        "per_aanbieder": [
            {"aanbieder__naam": naam, "aanbieder__agb_code": agb, "aantal": aantal}
            for naam, agb, aantal in rijen
        ]
    }
