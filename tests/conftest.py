import os
from datetime import datetime

import pytest
import time_machine

from tests.factories import MedewerkerFactory, TeamFactory
from tests.tweestaps import TweestapsClient
from wmo.constants import Rol

# Every full page rendered through the test client is checked by the Nu Html Checker at the end.
pytest_plugins = ["tests.html_validatie"]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist's ``--dist loadgroup`` (``make test`` runs ``-n 2 --dist loadgroup``): every
    real-browser test (tests/browser/, tests/gesprekken/browser/: Chromium against a live_server)
    goes to one worker, one after the other; every other test is handed out on its own, as ``load``
    does.

    Two Chromiums side by side on a two-core CI machine would fight over the CPU and make the
    browser tests' short timeouts flaky; one worker also starts Chromium only once. Done here by
    path because xdist 3.8's own ``xdist_group`` marks have no effect on pytest 9.2 (it renames
    ``item._nodeid``, which pytest 9.2 no longer reads)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class BrowserTestsSamen(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "browser" if "/browser/" in nodeid.split("::", 1)[0] else super()._split_scope(nodeid)

    return BrowserTestsSamen(config, log)


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
