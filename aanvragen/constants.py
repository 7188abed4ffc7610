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
    SPOED = "spoed", _("Spoed: voorlopige voorziening voor het onderzoek klaar is (Wmo 2015 art. 2.3.3)")


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


class Uitkomst(models.TextChoices):
    TOEGEKEND = "toegekend", _("Toegekend")
    GEDEELTELIJK = "gedeeltelijk_toegekend", _("Gedeeltelijk toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", _("Zorg in natura (via een aanbieder)")
    PGB = "pgb", _("Persoonsgebonden budget (pgb)")


class Frequentie(models.TextChoices):
    PER_WEEK = "per_week", _("per week")
    PER_MAAND = "per_maand", _("per maand")
    PER_JAAR = "per_jaar", _("per jaar")
    EENMALIG = "eenmalig", _("eenmalig")


class BeschikkingStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_GOEDKEURING = "ter_goedkeuring", _("Ter goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    VERSTUURD = "verstuurd", _("Verstuurd")


# A draft goes for approval and comes back (with remarks) or is approved; a beschikking is
# sent from an approved draft, or straight from the draft by someone with mandate and no
# four-eyes rule (aanvragen.mandaat decides that). Sent is final.
BESCHIKKING_OVERGANGEN: dict[str, tuple[str, ...]] = {
    BeschikkingStatus.CONCEPT: (BeschikkingStatus.TER_GOEDKEURING, BeschikkingStatus.VERSTUURD),
    BeschikkingStatus.TER_GOEDKEURING: (BeschikkingStatus.CONCEPT, BeschikkingStatus.GOEDGEKEURD),
    BeschikkingStatus.GOEDGEKEURD: (BeschikkingStatus.VERSTUURD, BeschikkingStatus.CONCEPT),
    BeschikkingStatus.VERSTUURD: (),
}
