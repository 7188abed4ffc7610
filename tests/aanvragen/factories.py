"""AanvraagFactory: built through the service, so the deadline, melding status and history are real."""

from datetime import date

import factory

from aanvragen import services
from aanvragen.constants import Grondslag
from aanvragen.models import Aanvraag
from tests.factories import MedewerkerFactory, MeldingFactory, on_day


class AanvraagFactory(factory.django.DjangoModelFactory):
    """Default: melding on 1 April 2026, aanvraag after the onderzoek on Tuesday 21 April 2026
    (beslistermijn until Wednesday 6 May: 5 mei is a feestdag, Atw art. 1)."""

    class Meta:
        model = Aanvraag

    melding = factory.SubFactory(MeldingFactory, in_onderzoek=True, ontvangen_op=on_day(date(2026, 4, 1)))
    ontvangen_op = date(2026, 4, 21)
    grondslag = Grondslag.NA_ONDERZOEK
    door = factory.SubFactory(MedewerkerFactory)
    besloten_op = None

    class Params:
        besloten = factory.Trait(besloten_op=factory.LazyAttribute(lambda o: o.ontvangen_op))

    @classmethod
    def _create(cls, model_class, *args, door, besloten_op, **kwargs):
        aanvraag = services.aanvraag_registreren(door=door, **kwargs)
        if besloten_op:
            aanvraag = services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=besloten_op, door=door)
        return aanvraag
