from django.db import models
from django.utils.translation import gettext_lazy as _


class Authenticatie(models.TextChoices):
    """How Keukentafel shows the BRP who it is (the BRP API's gateway decides; RvIG asks both)."""

    API_SLEUTEL = "api_sleutel", _("API-sleutel in een header")
    CERTIFICAAT = "certificaat", _("Clientcertificaat (PKIoverheid)")


class BrpSignaal(models.TextChoices):
    """What the BRP says that the consulent must act on (werkvoorraad)."""

    OVERLEDEN = "overleden", _("Overleden volgens de BRP")
    VERHUISD = "verhuisd", _("Verhuisd buiten de gemeente volgens de BRP")


# The bounds of the timeout a beheerder may set (seconds): a lookup at the loket waits at most this.
TIMEOUT_MIN = 1
TIMEOUT_MAX = 30
TIMEOUT_STANDAARD = 5
