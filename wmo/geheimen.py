"""Secrets of outside connections (BRP, zaaksysteem) come from the environment, never from the database.

Beheer stores only the *name* of an environment variable (``KT_BRP_HAARLEM_API_KEY``), so a secret is
never in a database dump, a history row, a form or a page: after saving, beheer can only say whether
the variable is set on the server. Operations set the value (Docker secret, systemd credential, .env)
and restart; rotating a key needs no change in beheer. A client certificate works the same way: the
variable holds the path of the PEM file.

Only names that start with ``KT_`` are accepted, so a beheerder cannot make Keukentafel send another
secret of the process (``SECRET_KEY``, ``DATABASE_URL``) to an outside server.
"""

import os
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

NAAM_PATROON = re.compile(r"KT_[A-Z0-9_]{1,60}")


def validate_geheim_naam(naam: str) -> None:
    """Form and model validator for the name of a secret's environment variable."""
    if not NAAM_PATROON.fullmatch(naam or ""):
        raise ValidationError(
            "Vul de naam van een omgevingsvariabele in, zoals KT_BRP_HAARLEM_API_KEY: hoofdletters, cijfers "
            "en liggende streepjes, en beginnend met KT_.",
            code="geheim_naam",
        )


def geheim(naam: str) -> str | None:
    """The secret's value, or None when the name is empty, not allowed, or not set on this server."""
    if not naam or not NAAM_PATROON.fullmatch(naam):
        return None
    return os.environ.get(naam) or None


def geheim_status(naam: str) -> str:
    """What beheer may show about a secret: never the value, only whether the server has it."""
    if not naam:
        return "Niet ingesteld"
    return (
        "Ingesteld op de server"
        if geheim(naam)
        else f"Niet gevonden: zet {naam} in de omgeving van de server"
    )


def geheim_naam_veld(help_text: str) -> models.CharField:
    """The model field of a koppeling that names its secret's environment variable (BRP, ZGW)."""
    return models.CharField(
        _("omgevingsvariabele met het geheim"),
        max_length=64,
        validators=[validate_geheim_naam],
        help_text=help_text,
    )
