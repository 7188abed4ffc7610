"""The mandaatregeling as data: which role decides on which maatwerkvoorziening.

The rule that reads it lives in aanvragen/mandaat.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Voorziening


class Mandaat(models.Model):
    """Which role may decide on which maatwerkvoorziening, and whether a second person must
    approve (four eyes). Maintained by the functioneel beheerder (mandaatregeling)."""

    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.CASCADE,
        related_name="mandaten",
        limit_choices_to={"soort": VoorzieningSoort.MAATWERK},
    )
    rol = models.CharField(
        _("rol"),
        max_length=30,
        choices=[(r.value, r.label) for r in (Rol.CONSULENT, Rol.TEAMLEIDER)],
    )
    vier_ogen = models.BooleanField(
        _("tweede persoon moet goedkeuren"),
        default=False,
        help_text=_("Vier ogen: een ander met mandaat keurt goed."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mandaat")
        verbose_name_plural = _("mandaten")
        ordering = ["voorziening__naam", "rol"]
        constraints = [models.UniqueConstraint(fields=["voorziening", "rol"], name="mandaat_uniek")]

    def __str__(self):
        return f"{self.get_rol_display()}: {self.voorziening}{' (vier ogen)' if self.vier_ogen else ''}"
