import pytest

from wmo.constants import Rol


@pytest.fixture
def privacy(rol_gebruiker):
    """The functionaris gegevensbescherming of the team's (execution) organisation."""
    return rol_gebruiker(Rol.PRIVACY_FUNCTIONARIS, first_name="Lotte", last_name="Jansen")
