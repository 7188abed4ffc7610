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


class GezagSoort(models.TextChoices):
    """What the BRP says about the gezag over a minor (BRP API Personen 2.x, ``Gezagsrelatie.type``;
    specificatie/brp-api/gezag/gezagsrelatie-v2.yaml of github.com/BRP-API/Haal-Centraal-BRP-bevragen).
    ``ONBEKEND`` is Keukentafel's: asked for a minor, the BRP gave no gezagsrelatie about them."""

    GEZAMENLIJK_OUDERLIJK = "GezamenlijkOuderlijkGezag", _("gezamenlijk ouderlijk gezag (beide ouders)")
    EENHOOFDIG_OUDERLIJK = "EenhoofdigOuderlijkGezag", _("ouderlijk gezag van één ouder")
    GEZAMENLIJK = "GezamenlijkGezag", _("gezamenlijk gezag van een ouder en een ander")
    VOOGDIJ = "Voogdij", _("voogdij")
    TIJDELIJK_GEEN = "TijdelijkGeenGezag", _("tijdelijk geen gezag")
    NIET_TE_BEPALEN = "GezagNietTeBepalen", _("gezag niet te bepalen")
    ONBEKEND = "onbekend", _("de BRP gaf geen gezag door")


# The BRP cannot name who has gezag: the loket must check before a letter goes out.
GEZAG_CONTROLEREN = {GezagSoort.TIJDELIJK_GEEN, GezagSoort.NIET_TE_BEPALEN, GezagSoort.ONBEKEND}
