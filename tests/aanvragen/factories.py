"""Factories of aanvragen, built through the services, so deadlines, statuses, letters and history are real.

A Trait per state: ``AanvraagFactory(besloten=True)``, ``AanvraagFactory(opgeschort=True)``,
``BeschikkingFactory(toegekend=True)``, ``BeschikkingFactory(verstuurd=True)``.
"""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from aanvragen import services
from aanvragen.constants import Grondslag, OpschortingReden
from aanvragen.models import Aanvraag, Beschikking, Mandaat
from tests.factories import MedewerkerFactory, MeldingFactory, on_day
from wmo.constants import Resultaatgebied, Rol, VoorzieningSoort
from wmo.models import Aanbieder, Contract, Voorziening


class VoorzieningFactory(factory.django.DjangoModelFactory):
    """A maatwerkvoorziening in the catalogue that the consulent may decide on alone.

    ``mandaat`` lists the roles with mandate (default: the consulent); ``mandaat__vier_ogen=True``
    asks a second person with mandate to approve."""

    class Meta:
        model = Voorziening
        skip_postgeneration_save = True

    naam = "Hulp bij het huishouden"
    soort = VoorzieningSoort.MAATWERK
    geldig_vanaf = date(2000, 1, 1)  # before any dossier a test builds (some go back to 2010)
    iwmo_productcategorie = "01"
    eenheid = "uur"

    @factory.post_generation
    def mandaat(self, create, extracted, vier_ogen=False, **kwargs):
        for rol in extracted if extracted is not None else [Rol.CONSULENT]:
            Mandaat.objects.create(voorziening=self, rol=rol, vier_ogen=vier_ogen)


def aanbieder_voor(aanvraag, naam: str = "Thuiszorg Kennemerland") -> Aanbieder | None:
    """The aanbieder ``naam``, contracted since 2000 for every voorziening of the aanvraag in the
    inwoner's gemeente (what the beschikking requires for zorg in natura). None for ""."""
    if not naam:
        return None
    aanbieder = Aanbieder.objects.filter(naam=naam).first() or Aanbieder.objects.create(
        naam=naam, agb_code=f"{41000000 + Aanbieder.objects.count() + 1}"
    )
    gemeente_id = aanvraag.melding.gemeente_id
    for gevraagd in aanvraag.voorzieningen.all():
        Contract.objects.get_or_create(
            aanbieder=aanbieder,
            gemeente_id=gemeente_id,
            voorziening=gevraagd.voorziening,
            defaults={"geldig_vanaf": date(2000, 1, 1)},
        )
    return aanbieder


class AanvraagFactory(factory.django.DjangoModelFactory):
    """Default: melding on 1 April 2026, aanvraag after the onderzoek on Tuesday 21 April 2026
    (beslistermijn until Wednesday 6 May: 5 mei is a feestdag, Atw art. 1).

    ``voorzieningen``: what is asked (aanvraag_voorziening_toevoegen, for a clean home).
    ``opgeschort``: the beslistermijn stands still from two days after receipt, by overmacht
    without end (aanvraag_opschorten); ``opschorting__reden=...`` and friends change it."""

    class Meta:
        model = Aanvraag

    melding = factory.SubFactory(MeldingFactory, in_onderzoek=True, ontvangen_op=on_day(date(2026, 4, 1)))
    ontvangen_op = date(2026, 4, 21)
    grondslag = Grondslag.NA_ONDERZOEK
    door = factory.SubFactory(MedewerkerFactory)
    voorzieningen = ()
    besloten_op = None
    opschorting = None

    class Params:
        besloten = factory.Trait(besloten_op=factory.LazyAttribute(lambda o: o.ontvangen_op))
        opgeschort = factory.Trait(
            opschorting=factory.Dict(
                {
                    "reden": OpschortingReden.OVERMACHT,
                    "eerste_dag_stil": factory.LazyAttribute(
                        lambda d: min(d.factory_parent.ontvangen_op + timedelta(days=2), timezone.localdate())
                    ),
                    "toelichting": "Storing in het zaaksysteem.",
                }
            )
        )

    @classmethod
    def _create(cls, model_class, *args, door, voorzieningen, besloten_op, opschorting, **kwargs):
        aanvraag = services.aanvraag_registreren(door=door, **kwargs)
        for voorziening in voorzieningen:
            services.aanvraag_voorziening_toevoegen(
                aanvraag=aanvraag,
                voorziening=voorziening,
                resultaatgebied=Resultaatgebied.SCHOON_HUIS,
                door=door,
            )
        if opschorting:
            services.aanvraag_opschorten(aanvraag=aanvraag, door=door, **opschorting)
            aanvraag.refresh_from_db()
        if besloten_op:
            aanvraag = services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=besloten_op, door=door)
        return aanvraag


class BeschikkingFactory(factory.django.DjangoModelFactory):
    """A draft beschikking (beschikking_opstellen) by ``door``, a consulent, on a recent aanvraag
    (melding 20 days ago, aanvraag 2 days ago) for one voorziening the consulent has mandate for.

    ``toegekend``: granted, 3 hours a week from today, for every voorziening asked
    (beschikking_regel_vastleggen; ``regel__omvang=...`` and friends change it).
    ``verstuurd``: granted and sent (beschikking_versturen): the letter, the bezwaar term."""

    class Meta:
        model = Beschikking

    door = factory.SubFactory(MedewerkerFactory, rollen=[Rol.CONSULENT])
    aanvraag = factory.SubFactory(
        AanvraagFactory,
        door=factory.SelfAttribute("..door"),
        melding__ontvangen_op=factory.LazyFunction(lambda: on_day(timezone.localdate() - timedelta(days=20))),
        ontvangen_op=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=2)),
        voorzieningen=factory.LazyFunction(lambda: [VoorzieningFactory()]),
    )
    regel = None
    versturen = False

    class Params:
        toegekend = factory.Trait(
            regel=factory.Dict(
                {
                    "uitkomst": "toegekend",
                    "omvang": Decimal("3"),
                    "eenheid": "uur",
                    "frequentie": "per_week",
                    "leveringsvorm": "zin",
                    "aanbieder": "Thuiszorg Kennemerland",
                    "ingangsdatum": factory.LazyFunction(timezone.localdate),
                    "motivering": "U kunt door uw longziekte niet meer stofzuigen en dweilen. "
                    "Uw man werkt fulltime.",
                }
            )
        )
        verstuurd = factory.Trait(toegekend=True, versturen=True)

    @classmethod
    def _create(cls, model_class, *args, aanvraag, door, regel, versturen):
        beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=door)
        if regel is not None and isinstance(regel.get("aanbieder"), str):
            regel = {**regel, "aanbieder": aanbieder_voor(aanvraag, regel["aanbieder"])}
        if regel is not None:
            for aangevraagd in aanvraag.voorzieningen.all():
                services.beschikking_regel_vastleggen(
                    beschikking=beschikking, aangevraagd=aangevraagd, door=door, **regel
                )
        if versturen:
            beschikking = services.beschikking_versturen(beschikking=beschikking, door=door)
        return beschikking
