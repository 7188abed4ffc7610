"""Aanvraag, Beschikking and Gesprek carry a copy of their melding's team, gemeente and consulent
(meldingen.kopie), so the dashboards ask their questions per team without reading the meldingen.
Through every service that creates those rows or moves a melding, the copy never disagrees with
the melding; the DB-level check (``afwijkingen``) finds a row that does; and the scope read from
the copy is exactly the scope of the meldingen."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aanvragen import services as aanvraag_services
from aanvragen.constants import Grondslag
from aanvragen.models import Aanvraag, Beschikking
from beheer import overdracht
from gesprekken import services as gesprek_services
from gesprekken.models import Gesprek
from meldingen import services as melding_services
from meldingen.kopie import KOPIEEN, afwijkingen
from meldingen.models import Melding
from tests.factories import MedewerkerFactory, MeldingFactory, TeamFactory, on_day
from wmo.constants import OrganisatieSoort, Rol

pytestmark = pytest.mark.django_db

GEEN = {label: [] for label in KOPIEEN}


def _kopieen(melding) -> set[tuple]:
    """(team, gemeente, consulent) of every copied row under the melding."""
    return (
        set(Aanvraag.objects.filter(melding=melding).values_list("team_id", "gemeente_id", "consulent_id"))
        | set(
            Beschikking.objects.filter(aanvraag__melding=melding).values_list(
                "team_id", "gemeente_id", "consulent_id"
            )
        )
        | set(
            Gesprek.objects.filter(melding=melding).values_list(
                "team_id", "gemeente_id", "melding_consulent_id"
            )
        )
    )


@pytest.fixture
def dossier(team, rol_gebruiker):
    """A melding of ``team`` with a gesprek, a decided aanvraag (with its beschikking) and an open one."""
    consulent = rol_gebruiker(Rol.CONSULENT)
    vandaag = timezone.localdate()
    melding = MeldingFactory(team=team, in_onderzoek=True, ontvangen_op=on_day(vandaag - timedelta(days=20)))
    # Planning a gesprek for yourself on a queued melding takes it (melding_oppakken).
    gesprek_services.gesprek_plannen(
        melding=melding, door=consulent, consulent=consulent, gepland_op=on_day(vandaag - timedelta(days=15))
    )
    besloten = aanvraag_services.aanvraag_registreren(
        melding=melding,
        ontvangen_op=vandaag - timedelta(days=3),
        grondslag=Grondslag.NA_ONDERZOEK,
        door=consulent,
    )
    aanvraag_services.aanvraag_registreren(
        melding=melding,
        ontvangen_op=vandaag - timedelta(days=1),
        grondslag=Grondslag.NA_ONDERZOEK,
        door=consulent,
    )
    aanvraag_services.aanvraag_besloten(aanvraag=besloten, besloten_op=vandaag, door=consulent)
    melding.refresh_from_db()
    return melding, consulent


def test_de_services_zetten_de_kopie_bij_het_aanmaken(dossier):
    melding, consulent = dossier
    assert melding.consulent == consulent
    assert Aanvraag.objects.filter(melding=melding).count() == 2
    assert Beschikking.objects.filter(aanvraag__melding=melding).count() == 1
    assert Gesprek.objects.filter(melding=melding).count() == 1
    assert _kopieen(melding) == {(melding.team_id, melding.gemeente_id, consulent.pk)}
    assert afwijkingen() == GEEN


def test_toewijzen_aan_een_ander_team_verhuist_de_kopie_mee(dossier, rol_gebruiker):
    melding, _ = dossier
    ander_team = TeamFactory(organisatie=melding.team.organisatie)
    nieuwe = rol_gebruiker(Rol.CONSULENT, team=ander_team)
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    melding_services.melding_toewijzen(melding=melding, door=teamleider, consulent=nieuwe, team=ander_team)
    assert _kopieen(melding) == {(ander_team.pk, melding.gemeente_id, nieuwe.pk)}
    assert afwijkingen() == GEEN
    melding_services.melding_toewijzen(melding=melding, door=teamleider, consulent=None)
    assert _kopieen(melding) == {(ander_team.pk, melding.gemeente_id, None)}
    assert afwijkingen() == GEEN


def test_herverdelen_en_overdragen_verhuizen_de_kopie_mee(dossier, rol_gebruiker):
    melding, consulent = dossier
    collega = rol_gebruiker(Rol.CONSULENT)
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    melding_services.meldingen_herverdelen(meldingen=[melding], consulent=collega, door=teamleider)
    assert _kopieen(melding) == {(melding.team_id, melding.gemeente_id, collega.pk)}
    # The beheerder hands everything of the collega over to a consulent of another team.
    ander_team = TeamFactory(organisatie=melding.team.organisatie)
    opvolger = rol_gebruiker(Rol.CONSULENT, team=ander_team)
    beheerder = rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    overdracht.meldingen_overdragen(door=beheerder, van=collega, naar=opvolger)
    assert _kopieen(melding) == {(ander_team.pk, melding.gemeente_id, opvolger.pk)}
    assert afwijkingen() == GEEN


def test_de_controle_vindt_een_kopie_die_afwijkt(dossier):
    melding, _ = dossier
    ander_team = TeamFactory(organisatie=melding.team.organisatie)
    aanvraag = Aanvraag.objects.filter(melding=melding).first()
    Aanvraag.objects.filter(pk=aanvraag.pk).update(team=ander_team)
    gesprek = Gesprek.objects.get(melding=melding)
    Gesprek.objects.filter(pk=gesprek.pk).update(melding_consulent=None)
    beschikking = Beschikking.objects.get(aanvraag__melding=melding)
    Beschikking.objects.filter(pk=beschikking.pk).update(consulent=MedewerkerFactory(team=melding.team))
    assert afwijkingen() == {
        "aanvragen.Aanvraag": [aanvraag.pk],
        "aanvragen.Beschikking": [beschikking.pk],
        "gesprekken.Gesprek": [gesprek.pk],
    }


def _aanvraag_op(melding, door):
    return aanvraag_services.aanvraag_registreren(
        melding=melding, ontvangen_op=timezone.localdate(), grondslag=Grondslag.NA_ONDERZOEK, door=door
    )


@pytest.mark.parametrize(
    "rollen",
    [(Rol.CONSULENT,), (Rol.TEAMLEIDER,), (Rol.LOKETMEDEWERKER,), (Rol.FUNCTIONEEL_BEHEERDER,), ()],
)
@pytest.mark.parametrize("partner", [False, True])
def test_de_scope_op_de_kopie_is_de_scope_van_de_meldingen(dossier, rollen, partner, rol_gebruiker):
    """The reference is the rule as it was: the aanvragen of the meldingen the user may see."""
    melding, consulent = dossier
    # Another team of the organisation, whose melding stays with a consulent who moved to ours.
    ander_team = TeamFactory(organisatie=melding.team.organisatie)
    verhuisd = rol_gebruiker(*rollen, team=ander_team)
    _aanvraag_op(MeldingFactory(team=ander_team, consulent=verhuisd, in_onderzoek=True), consulent)
    verhuisd.team = melding.team
    verhuisd.save()
    _aanvraag_op(MeldingFactory(team=ander_team, in_onderzoek=True), consulent)
    _aanvraag_op(MeldingFactory(in_onderzoek=True), consulent)  # another organisation
    if partner:
        melding.team.organisatie.soort = OrganisatieSoort.PARTNER
        melding.team.organisatie.save()
    gezien = []
    for user in (verhuisd, rol_gebruiker(*rollen)):
        user = type(user).objects.get(pk=user.pk)  # fresh cached roles and gemeenten
        verwacht = set(
            Aanvraag.objects.filter(melding__in=Melding.objects.zichtbaar_voor(user)).values_list(
                "pk", flat=True
            )
        )
        assert set(Aanvraag.objects.zichtbaar_voor(user).values_list("pk", flat=True)) == verwacht
        gezien.append(len(verwacht))
    if rollen in ((Rol.CONSULENT,), (Rol.TEAMLEIDER,)) and not partner:
        assert gezien == [3, 2]  # the team's two, plus the one still assigned to who moved
