from django.db import models
from django.utils.translation import gettext_lazy as _

# How many recovery codes a medewerker gets when two-step verification is set up.
AANTAL_HERSTELCODES = 10


class TweestapsSoort(models.TextChoices):
    """What happened to a medewerker's two-step verification (recorded in Tweestapsgebeurtenis)."""

    INGERICHT = "ingericht", _("Tweestapsverificatie ingericht")
    HERSTELCODE_GEBRUIKT = "herstelcode_gebruikt", _("Herstelcode gebruikt")
    HERSTELD = "hersteld", _("Tweestapsverificatie opnieuw ingesteld door beheer")
