"""Choices of the aanvraag and its clock: how it came in, why the clock stands still."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Grondslag(models.TextChoices):
    """How the aanvraag came in (Wmo 2015 art. 2.3.5 lid 2 and 3)."""

    NA_ONDERZOEK = "na_onderzoek", _("Na het onderzoek (verslag)")
    ZES_WEKEN_VERSTREKEN = "zes_weken_verstreken", _("Zes weken na de melding zonder onderzoek")
    GESPREK_GEWEIGERD = "gesprek_geweigerd", _("De inwoner wil geen gesprek")
    TRIAGE = "triage", _("Direct na triage, zonder gesprek")
    OP_PAPIER = "op_papier", _("Op papier ingediend")


class OpschortingReden(models.TextChoices):
    """Why the beslistermijn stands still (Awb 4:15)."""

    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("Aanvulling gevraagd met termijn (Awb 4:15 lid 1 a)")
    UITSTEL_MET_INSTEMMING = (
        "uitstel_met_instemming",
        _("Uitstel met instemming van de aanvrager (Awb 4:15 lid 2 a)"),
    )
    VERTRAGING_DOOR_AANVRAGER = (
        "vertraging_door_aanvrager",
        _("Vertraging door de aanvrager (Awb 4:15 lid 2 b)"),
    )
    OVERMACHT = "overmacht", _("Overmacht (Awb 4:15 lid 2 c)")
