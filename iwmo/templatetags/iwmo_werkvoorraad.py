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
from wmo.lijsten import rijen_lezen

register = template.Library()


@register.inclusion_tag("iwmo/_werkvoorraad.html", takes_context=True)
def iwmo_werk(context):
    """The consulent's open verzoeken of aanbieders and the toewijzingen not yet started, in one
    query (wmo.lijsten.rijen_lezen): rows with what the lists show."""
    user = context["request"].user
    tijdstip = Value(None, output_field=DateTimeField())
    datum = Value(None, output_field=DateField())
    tekst = Value("", output_field=CharField())
    lijsten = rijen_lezen(
        {
            "verzoeken": (
                verzoeken.open_verzoeken_voor(user),
                _kolommen(
                    soort="soort",
                    nummer=Value(None, output_field=IntegerField()),
                    ontvangen="aangemaakt_op",
                    ingang=datum,
                    signaal=datum,
                    wachtrij=ExpressionWrapper(
                        Q(melding__consulent__isnull=True), output_field=BooleanField()
                    ),
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
        },
        50,
    )
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


@register.inclusion_tag("iwmo/_niet_gestart_per_aanbieder.html", takes_context=True)
def iwmo_niet_gestart_per_aanbieder(context):
    """For the teamleider: "aanbieder nog niet gestart", counted per aanbieder, in their scope (1 query)."""
    from meldingen.models import Melding

    user = context["request"].user
    return {"per_aanbieder": regie.niet_gestart_per_aanbieder(Melding.objects.zichtbaar_voor(user))}
