"""The care relation (InwonerQuerySet.met_zorgrelatie): an open or recently ended melding in the
user's melding scope; one query."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meldingen import services
from meldingen.constants import Afsluitreden, MeldingStatus
from meldingen.models import Inwoner
from meldingen.query import maanden_terug
from tests.factories import InwonerFactory, MeldingFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def _zorgrelatie(user) -> set[int]:
    return set(Inwoner.objects.met_zorgrelatie(user).values_list("pk", flat=True))


def test_open_melding_van_het_eigen_team(team, rol_gebruiker):
    gemeente = team.organisatie.gemeenten.first()
    eigen = MeldingFactory(team=team, inwoner__gemeente=gemeente)
    ander_team = MeldingFactory(team=TeamFactory(organisatie=team.organisatie), inwoner__gemeente=gemeente)
    zonder = InwonerFactory(gemeente=gemeente)
    assert _zorgrelatie(rol_gebruiker(Rol.CONSULENT)) == {eigen.inwoner_id}
    assert _zorgrelatie(rol_gebruiker(Rol.TEAMLEIDER)) == {eigen.inwoner_id}
    # The loket's melding scope is every melding of its gemeenten; still no relation without one.
    assert _zorgrelatie(rol_gebruiker(Rol.LOKETMEDEWERKER)) == {eigen.inwoner_id, ander_team.inwoner_id}
    assert zonder.pk not in _zorgrelatie(rol_gebruiker(Rol.LOKETMEDEWERKER))


def test_partner_alleen_eigen_meldingen(team, rol_gebruiker):
    gemeente = team.organisatie.gemeenten.first()
    partner_team = TeamFactory(organisatie=OrganisatieFactory(partner=True, gemeenten=[gemeente]))
    partner = rol_gebruiker(Rol.LOKETMEDEWERKER, Rol.CONSULENT, team=partner_team)
    eigen = MeldingFactory(team=partner_team, inwoner__gemeente=gemeente)
    MeldingFactory(team=team, inwoner__gemeente=gemeente)
    assert _zorgrelatie(partner) == {eigen.inwoner_id}


def test_beheerder_heeft_geen_zorgrelatie(team, rol_gebruiker):
    MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    assert _zorgrelatie(rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)) == set()


@pytest.mark.parametrize("status", [MeldingStatus.AFGESLOTEN, MeldingStatus.BESLOTEN])
def test_beeindigde_melding_houdt_zes_maanden_een_zorgrelatie(team, rol_gebruiker, settings, status):
    """Ended on 10 March 2026: a relation through 9 September, none from 10 September (6 months)."""
    settings.ZORGRELATIE_MAANDEN = 6
    consulent = rol_gebruiker(Rol.CONSULENT)
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=AMS), tick=False) as reis:
        melding = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
        reis.move_to(datetime(2026, 3, 10, 23, 30, tzinfo=AMS))  # late in the evening: the local day counts
        if status == MeldingStatus.AFGESLOTEN:
            melding = services.melding_afsluiten(melding=melding, door=consulent, reden=Afsluitreden.OPGELOST)
        else:
            for stap in (MeldingStatus.AANVRAAG_ONTVANGEN, MeldingStatus.BESLOTEN):
                melding = services.melding_status_zetten(
                    melding=melding, door=consulent, naar=stap, reden="test"
                )
        assert melding.beeindigd_op == date(2026, 3, 10)
        assert _zorgrelatie(consulent) == {melding.inwoner_id}
        reis.move_to(datetime(2026, 9, 9, 23, 59, tzinfo=AMS))
        assert _zorgrelatie(consulent) == {melding.inwoner_id}
        reis.move_to(datetime(2026, 9, 10, 0, 1, tzinfo=AMS))
        assert _zorgrelatie(consulent) == set()
        settings.ZORGRELATIE_MAANDEN = 12
        assert _zorgrelatie(consulent) == {melding.inwoner_id}


def test_open_melding_blijft_een_zorgrelatie_hoe_oud_ook(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    with time_machine.travel(datetime(2025, 1, 6, 10, tzinfo=AMS), tick=False) as reis:
        melding = MeldingFactory(
            team=team, inwoner__gemeente=team.organisatie.gemeenten.first(), in_onderzoek=True
        )
        reis.move_to(datetime(2027, 1, 6, 10, tzinfo=AMS))
        assert _zorgrelatie(consulent) == {melding.inwoner_id}


def test_een_query(team, rol_gebruiker, django_assert_num_queries):
    consulent = rol_gebruiker(Rol.CONSULENT)
    for _ in range(3):
        MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    _zorgrelatie(consulent)  # the user's roles and gemeenten are cached on the user after the first
    with django_assert_num_queries(1):
        assert len(_zorgrelatie(consulent)) == 3


@pytest.mark.parametrize(
    ("dag", "maanden", "verwacht"),
    [
        (date(2026, 9, 10), 6, date(2026, 3, 10)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2028, 5, 31), 3, date(2028, 2, 29)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_maanden_terug(dag, maanden, verwacht):
    assert maanden_terug(dag, maanden) == verwacht
