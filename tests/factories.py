"""factory_boy factories with a Trait per state, Dutch data from Faker's nl_NL."""

from datetime import date, datetime, time, timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from meldingen import services
from meldingen.constants import Kanaal, MeldingStatus
from meldingen.models import Inwoner, Melding
from wmo.constants import OrganisatieSoort
from wmo.models import Gemeente, Medewerker, Organisatie, Team
from wmo.validators import valid_bsns

# A range of their own: the demo (from 999 990 001) and the seed (from 200 000 000) use others,
# so a test that runs the demo never meets a factory's inwoner with the same BSN.
_bsns = valid_bsns(start=900_000_000)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["cbs_code"]
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"{n % 10000:04d}")
    bezoekadres = "Stadhuisplein 1"
    postadres = "Postbus 1"
    postcode_plaats = "2000 AA Stad"
    telefoon = "14 023"
    website = "www.gemeente.example"
    bezwaar_adres = "Het college van burgemeester en wethouders, Postbus 1, 2000 AA Stad"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Uitvoeringsorganisatie {n}")
    soort = OrganisatieSoort.UITVOERING

    class Params:
        partner = factory.Trait(
            soort=OrganisatieSoort.PARTNER, naam=factory.Sequence(lambda n: f"Partner {n}")
        )

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        self.gemeenten.set(extracted if extracted is not None else [GemeenteFactory()])


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    naam = factory.Sequence(lambda n: f"Wmo-team {n}")
    organisatie = factory.SubFactory(OrganisatieFactory)
    telefoon = "023 511 51 15"


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    team = factory.SubFactory(TeamFactory)
    organisatie = factory.SelfAttribute("team.organisatie")
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        """``MedewerkerFactory(rollen=[Rol.CONSULENT])``: the groups of those roles."""
        if extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class InwonerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inwoner

    bsn = factory.LazyFunction(lambda: next(_bsns))
    voornamen = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = factory.Faker("date_of_birth", minimum_age=18, maximum_age=100)
    geslacht = "2"
    straat = factory.Faker("street_name", locale="nl_NL")
    huisnummer = factory.Faker("random_int", min=1, max=300)
    postcode = factory.Sequence(lambda n: f"{2000 + n % 8000}AB")
    woonplaats = "Haarlem"
    telefoon = "06 1234 5678"
    gemeente = factory.SubFactory(GemeenteFactory)


class MeldingFactory(factory.django.DjangoModelFactory):
    """Built through the service, so deadlines and history are real. Traits walk the statuses."""

    class Meta:
        model = Melding

    inwoner = factory.SubFactory(InwonerFactory)
    team = factory.SubFactory(TeamFactory)
    consulent = None
    ontvangen_op = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=3), time(9, 30)))
    )
    kanaal = Kanaal.TELEFOON
    hulpvraag = "Ik kan mijn huis niet meer schoonhouden."
    door = factory.SubFactory(MedewerkerFactory)

    class Params:
        in_onderzoek = factory.Trait(status=MeldingStatus.IN_ONDERZOEK)
        verslag_verstuurd = factory.Trait(status=MeldingStatus.VERSLAG_VERSTUURD)
        aanvraag_ontvangen = factory.Trait(status=MeldingStatus.AANVRAAG_ONTVANGEN)

    status = MeldingStatus.ONTVANGEN

    @classmethod
    def _create(cls, model_class, *args, door, status, **kwargs):
        inwoner = kwargs.pop("inwoner")
        team = kwargs.pop("team")
        # The inwoner's gemeente must be served by the team's organisation.
        team.organisatie.gemeenten.add(inwoner.gemeente)
        melding = services.melding_registreren(
            door=door,
            inwoner=inwoner,
            team=team,
            tweede_melding_bevestigd=True,
            tweede_melding_reden="test",
            **kwargs,
        )
        pad = [
            MeldingStatus.IN_ONDERZOEK,
            MeldingStatus.VERSLAG_VERSTUURD,
            MeldingStatus.AANVRAAG_ONTVANGEN,
        ]
        for stap in pad[: pad.index(status) + 1] if status in pad else []:
            melding = (
                services.melding_status_zetten(melding=melding, door=door, naar=stap, reden="test")
                if stap != MeldingStatus.IN_ONDERZOEK
                else services.melding_onderzoek_starten(melding=melding, door=door)
            )
        return melding


def on_day(d: date, hour: int = 10) -> datetime:
    """The moment `hour` o'clock on day `d` (Amsterdam), or now if that moment is still to come.

    Records are never created in the future: a melding "received today at 10:00" made at 01:30
    would be refused by the service (and rightly so), so today's moments are capped at now.
    """
    return min(timezone.make_aware(datetime.combine(d, time(hour))), timezone.now())
