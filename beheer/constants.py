from django.db import models
from django.utils.translation import gettext_lazy as _


class RoltoekenningStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd, wacht op een tweede beheerder")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd: rol actief")
    GEWEIGERD = "geweigerd", _("Geweigerd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


# The allowed transitions, checked by wmo.transitions.check_transition in beheer.services and
# backed by the CheckConstraints on Roltoekenning. A grant that was refused or revoked stays as
# it is (the record); giving the role again is a new request.
ROLTOEKENNING_OVERGANGEN = {
    RoltoekenningStatus.AANGEVRAAGD: {RoltoekenningStatus.GOEDGEKEURD, RoltoekenningStatus.GEWEIGERD},
    RoltoekenningStatus.GOEDGEKEURD: {RoltoekenningStatus.INGETROKKEN},
    RoltoekenningStatus.GEWEIGERD: set(),
    RoltoekenningStatus.INGETROKKEN: set(),
}

REDEN_MAX = 500
