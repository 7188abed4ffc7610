"""The maintained summary behind the management information (teamleider.samenvatting).

``MiMaand`` holds, per (team, gemeente, responsible consulent, iWmo productgroep, month), the
counts the MI page shows and, for the two clocks, a histogram of whole days (``{"12": 3}``: three
clocks that took 12 days). Counts and histograms add up over buckets, so any filter the page
offers (gemeente, consulent, productgroep, whole months) is answered exactly from them, medians
and 90th percentiles included. ``product`` is "" for "all meldingen"; a melding that asked for
voorzieningen of groups 01 and 02 also counts once in the rows of 01 and of 02.

``MiVuil`` marks what has to be counted again: a melding (its months, under its current team
and, when it moved, under ``team`` too), a (team, month), or everything (all fields empty).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wmo.models import Gemeente, Medewerker, Team


class MiMaand(models.Model):
    # Derived rows, written only from dossier rows that hold these keys under their own foreign
    # keys: no constraint in the database (its per-row check was two thirds of a full rebuild);
    # deleting a team, gemeente or medewerker still cascades (Django's collector).
    # No index for the team or the gemeente alone: mimaand_team_idx starts with the team, and an
    # index on the gemeente (a third of the region's rows) tempted the planner to AND it to the
    # team's few rows. The consulent's index serves the scope's "assigned to me".
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    consulent = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="+", null=True, db_constraint=False
    )
    product = models.CharField(_("productgroep (iWmo)"), max_length=2, blank=True)
    maand = models.DateField(_("maand"))
    # Funnel, cohort by the month the melding was received.
    meldingen = models.PositiveIntegerField(default=0)
    gesprek = models.PositiveIntegerField(default=0)
    verslag = models.PositiveIntegerField(default=0)
    aanvraag = models.PositiveIntegerField(default=0)
    toegekend = models.PositiveIntegerField(default=0)
    afgewezen = models.PositiveIntegerField(default=0)
    zonder = models.JSONField(default=dict)  # {afsluitreden: count}
    # Onderzoek clock, by the month it ended; beslistermijn, by the month decided.
    onderzoek_n = models.PositiveIntegerField(default=0)
    onderzoek_op_tijd = models.PositiveIntegerField(default=0)
    onderzoek_dagen = models.JSONField(default=dict)  # {days: count}
    beslis_n = models.PositiveIntegerField(default=0)
    beslis_op_tijd = models.PositiveIntegerField(default=0)
    beslis_dagen = models.JSONField(default=dict)
    # Gesprekken held, by the month held.
    huisbezoek = models.PositiveIntegerField(default=0)
    telefonisch = models.PositiveIntegerField(default=0)
    elders = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("managementinformatie per maand")
        verbose_name_plural = _("managementinformatie per maand")
        indexes = [models.Index(fields=["team", "product", "maand"], name="mimaand_team_idx")]

    def __str__(self):
        return (
            f"{self.team_id}/{self.gemeente_id}/{self.consulent_id}/{self.product or '*'}/{self.maand:%Y-%m}"
        )


class MiVuil(models.Model):
    melding_id = models.BigIntegerField(null=True)
    team_id = models.BigIntegerField(null=True)
    maand = models.DateField(null=True)

    class Meta:
        verbose_name = _("managementinformatie opnieuw te tellen")
        verbose_name_plural = _("managementinformatie opnieuw te tellen")
        indexes = [models.Index(fields=["maand"], name="mivuil_maand_idx")]

    def __str__(self):
        return f"melding {self.melding_id}, team {self.team_id}, maand {self.maand}"
