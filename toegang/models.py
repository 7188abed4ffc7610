"""What happened to a medewerker's two-step verification, kept as a trace.

Logins themselves (successful and failed) are kept by django-axes (AccessLog, AccessFailureLog).
The devices are django-otp's (TOTPDevice, StaticDevice); their secrets never go into a history
table, so the trace of setting up, using a recovery code and a reset by beheer lives here.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import TweestapsSoort


class Tweestapsgebeurtenis(models.Model):
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tweestapsgebeurtenissen",
        verbose_name=_("medewerker"),
    )
    soort = models.CharField(_("soort"), max_length=30, choices=TweestapsSoort.choices)
    # Who did it: the medewerker, or the functioneel beheerder who reset it.
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    # Why, for a reset by beheer (empty for what the medewerker did themselves).
    reden = models.TextField(_("reden"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("tweestapsgebeurtenis")
        verbose_name_plural = _("tweestapsgebeurtenissen")
        ordering = ["-tijdstip"]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.medewerker}"
