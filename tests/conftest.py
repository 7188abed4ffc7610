import pytest
from django.contrib.auth.models import Group

from tests.factories import MedewerkerFactory, TeamFactory
from wmo.constants import Rol


@pytest.fixture(autouse=True)
def _media_and_locale(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture
def team(db):
    return TeamFactory()


@pytest.fixture
def rol_gebruiker(db, team):
    """Make a user with the given role(s) in `team` (or another team)."""

    def make(*rollen, team=team, **kwargs):
        user = MedewerkerFactory(team=team, organisatie=team.organisatie, **kwargs)
        user.groups.set(Group.objects.filter(name__in=rollen))
        return user

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
    return rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, is_staff=True)
