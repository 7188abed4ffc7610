import os
from datetime import datetime

import pytest
import time_machine

from tests.factories import MedewerkerFactory, TeamFactory
from tests.tweestaps import TweestapsClient
from wmo.constants import Rol

# Every full page rendered through the test client is checked by the Nu Html Checker at the end.
pytest_plugins = ["tests.html_validatie"]


@pytest.fixture(autouse=True)
def _media_and_locale(settings, tmp_path):
    settings.LANGUAGE_CODE = "nl"
    # iWmo files (iwmo.transport) of a test go to its own folder, never into the project's data/.
    settings.IWMO_UITBOX = tmp_path / "iwmo" / "uitbox"
    settings.IWMO_INBOX = tmp_path / "iwmo" / "inbox"


@pytest.fixture(autouse=True)
def _clock():
    """Run the test at the real moment, or at ``KEUKENTAFEL_NU`` when that is set.

    The suite must pass at any moment of the year, so it can be run whole at a chosen one, e.g.
    ``KEUKENTAFEL_NU=2027-03-28T02:30+01:00 make test`` (the night clocks go forward). The clock
    keeps ticking from there. Tests that need a fixed day travel there themselves with
    time-machine; tests/test_klok.py runs the key services at the hard moments in every run.
    """
    nu = os.environ.get("KEUKENTAFEL_NU")
    if not nu:
        yield
        return
    with time_machine.travel(datetime.fromisoformat(nu), tick=True):
        yield


@pytest.fixture
def client():
    """pytest-django's client, whose ``force_login`` also passes the two-step code (tests/tweestaps.py).

    Two-step verification stays on in every test; tests/toegang/ test it with a plain Client."""
    return TweestapsClient()


@pytest.fixture
def team(db):
    return TeamFactory()


@pytest.fixture
def rol_gebruiker(db, team):
    """Make a user with the given role(s) in `team` (or another team)."""

    def make(*rollen, team=team, **kwargs):
        return MedewerkerFactory(team=team, organisatie=team.organisatie, rollen=rollen, **kwargs)

    return make


@pytest.fixture
def loket(rol_gebruiker):
    return rol_gebruiker(Rol.LOKETMEDEWERKER)


@pytest.fixture
def consulent(rol_gebruiker):
    return rol_gebruiker(Rol.CONSULENT)


@pytest.fixture
def teamleider(rol_gebruiker):
    return rol_gebruiker(Rol.TEAMLEIDER)


@pytest.fixture
def beheerder(rol_gebruiker):
    return rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
