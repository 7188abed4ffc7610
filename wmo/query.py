"""Reads of organisation data scoped to the user."""

from .constants import Rol
from .models import Medewerker, Team


def teams_voor(user):
    """Teams a user may route work to: those of the user's own organisation that are in use."""
    return Team.objects.filter(organisatie_id=user.organisatie_id, actief=True)


def consulenten_voor(user, team=None):
    qs = Medewerker.objects.filter(
        groups__name=Rol.CONSULENT, is_active=True, organisatie_id=user.organisatie_id
    ).select_related("team")
    if team is not None:
        qs = qs.filter(team=team)
    return qs.order_by("first_name", "last_name")
