"""Bezwaar against a sent beschikking (Awb 6:4), within the bezwaar term (Awb 6:7, 6:8)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wmo.models import Medewerker
from wmo.tekstlengte import ZEER_LANG, lengte

from ._common import _format_date
from .beschikking import Beschikking


class Bezwaar(models.Model):
    """A bezwaarschrift against a sent beschikking (Awb 6:4): registered with its date and grounds."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren")
    ontvangen_op = models.DateField(_("ontvangen op"))
    gronden = models.TextField(_("gronden: waarom is de inwoner het niet eens?"), **lengte(ZEER_LANG))
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["ontvangen_op", "id"]

    def __str__(self):
        return f"Bezwaar {_format_date(self.ontvangen_op)}"

    @property
    def op_tijd(self) -> bool:
        """Received within the bezwaar term (Awb 6:7); a late one may still be excusable (Awb 6:11)."""
        return self.ontvangen_op <= self.beschikking.bezwaar_deadline

    def clean(self):
        errors = {}
        if not (self.gronden or "").strip():
            errors["gronden"] = _("Schrijf op waarom de inwoner het niet eens is met het besluit.")
        if self.ontvangen_op and self.ontvangen_op > timezone.localdate():
            errors["ontvangen_op"] = _("Deze datum kan niet in de toekomst liggen.")
        elif self.ontvangen_op and self.beschikking_id and self.beschikking.bekendgemaakt_op:
            if self.ontvangen_op < self.beschikking.bekendgemaakt_op:
                errors["ontvangen_op"] = _(
                    "Een bezwaar kan niet eerder zijn ontvangen dan de beschikking is verstuurd."
                )
        if self.beschikking_id and not self.beschikking.is_verstuurd:
            errors["__all__"] = _("Bezwaar kan pas als de beschikking is verstuurd.")
        if errors:
            raise ValidationError(errors)
