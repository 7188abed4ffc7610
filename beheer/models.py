"""Role grants with four eyes: the record of who asked for, approved, refused and revoked a role.

See beheer.services for the process and the rules. The database backs the essential rules
itself, so no code path can skip them: an approved grant has a second person (the approver is
not the requester), nobody appears in a grant for their own account, and one person has at
most one open request and one active grant per role.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wmo.constants import Rol

from .constants import REDEN_MAX, RoltoekenningStatus

S = RoltoekenningStatus


class Roltoekenning(models.Model):
    """ "Give role R to medewerker U": asked by one beheerder, in effect only when another approves.

    A revocation of a role that was given outside these pages (the demo, a superuser, before
    this record existed) is kept as a record with status ``ingetrokken`` and no requester, so the
    user's page shows every revocation.
    """

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="roltoekenningen"
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    status = models.CharField(_("status"), max_length=20, choices=S.choices, default=S.AANGEVRAAGD)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), null=True, blank=True)
    reden = models.TextField(_("waarom deze rol"), max_length=REDEN_MAX, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    beoordeling = models.TextField(_("toelichting bij de beoordeling"), max_length=REDEN_MAX, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    intrekkingsreden = models.TextField(_("waarom ingetrokken"), max_length=REDEN_MAX, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("roltoekenning")
        verbose_name_plural = _("roltoekenningen")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "rol"],
                condition=Q(status=S.AANGEVRAAGD),
                name="roltoekenning_een_open_aanvraag",
                violation_error_message=_("Voor deze rol loopt al een aanvraag."),
            ),
            models.UniqueConstraint(
                fields=["medewerker", "rol"],
                condition=Q(status=S.GOEDGEKEURD),
                name="roltoekenning_een_actieve",
            ),
            # Four eyes (BIO 9.2.2): an approved grant was asked by one person and approved by another.
            models.CheckConstraint(
                condition=~Q(status=S.GOEDGEKEURD)
                | (
                    Q(aangevraagd_door__isnull=False, beoordeeld_door__isnull=False)
                    & ~Q(beoordeeld_door=F("aangevraagd_door"))
                ),
                name="roltoekenning_vier_ogen",
            ),
            # Nobody asks for, approves or revokes a role of their own account.
            models.CheckConstraint(
                condition=~Q(aangevraagd_door=F("medewerker"))
                & ~Q(beoordeeld_door=F("medewerker"))
                & ~Q(ingetrokken_door=F("medewerker")),
                name="roltoekenning_niet_voor_zichzelf",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=S.AANGEVRAAGD, aangevraagd_door__isnull=False, beoordeeld_door__isnull=True)
                    | Q(status__in=[S.GOEDGEKEURD, S.GEWEIGERD], beoordeeld_door__isnull=False)
                    | Q(status=S.INGETROKKEN, ingetrokken_door__isnull=False)
                ),
                name="roltoekenning_velden_bij_status",
            ),
        ]

    def __str__(self):
        return f"{self.get_rol_display()} voor {self.medewerker}: {self.get_status_display()}"
