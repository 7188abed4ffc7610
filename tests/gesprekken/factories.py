"""OnderzoekFactory: opened through the service, so the eight resultaatgebieden, their ladders and
the melding's status (in onderzoek) are real."""

import factory

from gesprekken import services
from gesprekken.models import Onderzoek
from tests.factories import MedewerkerFactory, MeldingFactory


class OnderzoekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Onderzoek

    melding = factory.SubFactory(MeldingFactory)
    door = factory.SubFactory(MedewerkerFactory)

    @classmethod
    def _create(cls, model_class, *args, melding, door):
        return services.onderzoek_openen(melding=melding, door=door)
