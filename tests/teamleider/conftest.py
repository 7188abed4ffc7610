"""Known data for the dashboard tests: every figure they assert is counted by hand here."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from aanvragen import services as aanvraag_services
from aanvragen.constants import Grondslag, Uitkomst
from aanvragen.models import AangevraagdeVoorziening, Aanvraag, BeschikkingRegel
from gesprekken.constants import GesprekStatus, Plaats
from gesprekken.models import Gesprek
from meldingen import services as melding_services
from meldingen.kopie import kopie_van
from meldingen.models import Melding
from tests.factories import InwonerFactory, MeldingFactory, on_day
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Medewerker, Voorziening


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def gemeente(team):
    return team.organisatie.gemeenten.get()


@pytest.fixture
def vers():
    """A fresh user object: gemeente_ids and rollen are cached per instance."""

    def lees(user):
        return Medewerker.objects.get(pk=user.pk)

    return lees


@pytest.fixture
def melding_in(team, gemeente, teamleider):
    """A melding of `team` in `gemeente`, optionally with deadlines set to exact dates."""

    def maak(consulent=None, ontvangen=None, in_onderzoek=False, **velden):
        kwargs = {"ontvangen_op": on_day(ontvangen)} if ontvangen else {}
        melding = MeldingFactory(
            team=team,
            inwoner=InwonerFactory(gemeente=gemeente),
            consulent=consulent,
            door=teamleider,
            in_onderzoek=in_onderzoek,
            **kwargs,
        )
        if velden:
            Melding.objects.filter(pk=melding.pk).update(**velden)
            melding.refresh_from_db()
        return melding

    return maak


@pytest.fixture
def consulent_in(rol_gebruiker):
    def maak(**kwargs):
        return rol_gebruiker(Rol.CONSULENT, **kwargs)

    return maak


@pytest.fixture
def product(db):
    def maak(categorie="01", naam="Hulp bij het huishouden"):
        return Voorziening.objects.create(
            naam=naam, soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie=categorie
        )

    return maak


@pytest.fixture
def besluit(teamleider):
    """An aanvraag on `melding`, decided on `besloten_op`, with one regel per (voorziening, uitkomst)."""

    def maak(melding, *, ontvangen_op, besloten_op=None, regels=(), ingangsdatum=None, einddatum=None):
        aanvraag = aanvraag_services.aanvraag_registreren(
            melding=melding, ontvangen_op=ontvangen_op, grondslag=Grondslag.NA_ONDERZOEK, door=teamleider
        )
        if besloten_op:
            aanvraag = aanvraag_services.aanvraag_besloten(
                aanvraag=aanvraag, besloten_op=besloten_op, door=teamleider
            )
            for voorziening, uitkomst in regels:
                gevraagd = AangevraagdeVoorziening.objects.create(
                    aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=1
                )
                BeschikkingRegel.objects.create(
                    beschikking=aanvraag.beschikking,
                    aangevraagd=gevraagd,
                    uitkomst=uitkomst,
                    voorziening=voorziening,
                    motivering="test",
                    ingangsdatum=ingangsdatum if uitkomst != Uitkomst.AFGEWEZEN else None,
                    einddatum=einddatum,
                )
        return Aanvraag.objects.get(pk=aanvraag.pk)

    return maak


@pytest.fixture
def gesprek(teamleider):
    def maak(melding, consulent, op: datetime, plaats=Plaats.THUIS, status=GesprekStatus.GEVOERD):
        return Gesprek.objects.create(
            melding=melding,
            gepland_op=op,
            plaats=plaats,
            telefonisch_reden="Inwoner is slechthorend en wil liever bellen."
            if plaats == Plaats.TELEFONISCH
            else "",
            consulent=consulent,
            gepland_door=teamleider,
            status=status,
            **kopie_van(melding, "gesprekken.Gesprek"),
        )

    return maak


def afsluiten(melding, door, reden, toelichting="test"):
    return melding_services.melding_afsluiten(
        melding=melding, door=door, reden=reden, toelichting=toelichting
    )


def dagen(n: int) -> timedelta:
    return timedelta(days=n)
