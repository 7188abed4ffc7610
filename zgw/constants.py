"""Kinds and statuses of the zaaksysteem outbox, with the allowed transitions written down once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OpdrachtSoort(models.TextChoices):
    ZAAK = "zaak", _("Zaak aanmaken")
    STATUS = "status", _("Status zetten")
    DOCUMENT = "document", _("Brief als document")
    BESLUIT = "besluit", _("Beschikking als besluit")
    EINDDATUM = "einddatum", _("Geplande einddatum")


# The order in which the waiting opdrachten of one melding are sent: the zaak first; documents and
# the besluit before a status, because an end status closes the zaak in the zaaksysteem and a
# closed zaak takes no new documents (Open Zaak: only with the scope zaken.geforceerd-bijwerken).
VOLGORDE = {
    OpdrachtSoort.ZAAK: 0,
    OpdrachtSoort.DOCUMENT: 1,
    OpdrachtSoort.BESLUIT: 2,
    OpdrachtSoort.EINDDATUM: 3,
    OpdrachtSoort.STATUS: 4,
}


class OpdrachtStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op verzenden")
    VERZONDEN = "verzonden", _("Verzonden")
    NIET_VERZONDEN = "niet_verzonden", _("Niet verzonden")


OVERGANGEN: dict[str, tuple[str, ...]] = {
    OpdrachtStatus.WACHTEND: (OpdrachtStatus.VERZONDEN, OpdrachtStatus.NIET_VERZONDEN),
    OpdrachtStatus.NIET_VERZONDEN: (OpdrachtStatus.WACHTEND,),  # "Opnieuw" in beheer
    OpdrachtStatus.VERZONDEN: (),
}


class MeldingSoort(models.TextChoices):
    """Which zaaktype a melding gets (ZgwKoppeling.zaaktype_voor)."""

    STANDAARD = "standaard", _("Melding")
    SPOED = "spoed", _("Melding met spoed")
    HERINDICATIE = "herindicatie", _("Herindicatie (inwoner al bekend)")


# Attempts before an opdracht stops and waits for "Opnieuw" in beheer; the wait doubles each time
# from EERSTE_WACHTTIJD (1, 2, 4 ... minutes), at most MAX_WACHTTIJD: about 4 hours in all.
MAX_POGINGEN = 8
EERSTE_WACHTTIJD_SECONDEN = 60
MAX_WACHTTIJD_SECONDEN = 2 * 60 * 60
