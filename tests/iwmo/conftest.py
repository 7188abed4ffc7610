"""Shared setup for the incoming iWmo tests: a toewijzing at an aanbieder, and tmp inbox/outbox.

Nothing of ours is faked; the gateway (GGk) is outside our control and is the folder transport
writing into tmp folders.
"""

from datetime import date, datetime, time

import pytest
import time_machine
from django.utils import timezone

from iwmo.models import Toewijzing
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import GemeenteFactory, InwonerFactory, MedewerkerFactory, MeldingFactory
from wmo.constants import Rol

# Tuesday 7 April 2026 (after Easter Monday), in the afternoon.
NU = datetime(2026, 4, 7, 14, 0, tzinfo=timezone.get_fixed_timezone(120))


@pytest.fixture
def mappen(tmp_path, settings):
    settings.IWMO_UITBOX = tmp_path / "uitbox"
    settings.IWMO_INBOX = tmp_path / "inbox"
    settings.IWMO_INBOX.mkdir()
    return settings


@pytest.fixture
def nu():
    with time_machine.travel(NU, tick=False):
        yield NU


@pytest.fixture
def toewijzing(db, nu, mappen):
    gemeente = GemeenteFactory(cbs_code="0392", naam="Haarlem")
    inwoner = InwonerFactory(gemeente=gemeente)
    consulent = MedewerkerFactory(rollen=[Rol.CONSULENT])
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, consulent=consulent, in_onderzoek=True)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent, aanvraag__melding=melding)
    regel = beschikking.regels.get()
    return Toewijzing.objects.create(
        regel=regel,
        aanbieder=regel.aanbieder,
        gemeente=gemeente,
        inwoner=inwoner,
        nummer=900001,
        ingangsdatum=date(2026, 4, 1),
        toegewezen_op=timezone.make_aware(datetime.combine(date(2026, 3, 30), time(10))),
    )


def in_de_inbox(settings, naam: str, inhoud: bytes) -> None:
    (settings.IWMO_INBOX / naam).write_bytes(inhoud)
