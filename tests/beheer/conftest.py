import pytest

from tests.factories import MedewerkerFactory, TeamFactory
from wmo.constants import Rol


@pytest.fixture
def beheerder_a(rol_gebruiker):
    return rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, username="beheerder_a", email="a@example.org")


@pytest.fixture
def beheerder_b(rol_gebruiker):
    return rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, username="beheerder_b", email="b@example.org")


@pytest.fixture
def collega(rol_gebruiker):
    """A colleague in the same organisation, without a role yet."""
    return rol_gebruiker(username="collega", email="collega@example.org")


@pytest.fixture
def buitenstaander(db):
    """A user of another organisation."""
    return MedewerkerFactory(team=TeamFactory(), username="buitenstaander", email="x@example.org")


@pytest.fixture
def superuser(db):
    return MedewerkerFactory(username="root", is_superuser=True, is_staff=True, email="root@example.org")
