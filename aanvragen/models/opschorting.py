"""Suspensions (Awb 4:15) and notices of delay (Awb 4:14) of an aanvraag's beslistermijn.

The clock stands still during an Opschorting and runs again from its ``eerste_dag_weer``.
A Verdaging only tells the inwoner a new expected date: the statutory
``Aanvraag.beslis_deadline`` stays (it still counts for the dwangsom).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from aanvragen.constants import OpschortingReden
from wmo.regels import opschorting
from wmo.tekstlengte import LANG, lengte

from ._common import _format_date
from .aanvraag import Aanvraag


class Opschorting(models.Model):
    """An interval in which the beslistermijn stands still (Awb 4:15).

    Stored as the first day the clock stands still and the first day it runs again, so the
    count is unambiguous. ``eerste_dag_weer`` is empty while the suspension is open.
    """

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="opschortingen")
    reden = models.CharField(_("reden"), max_length=30, choices=OpschortingReden.choices)
    eerste_dag_stil = models.DateField(_("eerste dag dat de termijn stilstaat"))
    eerste_dag_weer = models.DateField(
        _("eerste dag dat de termijn weer loopt"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de opschorting loopt. Bij aanvulling: de dag dat de gegevens binnen zijn."),
    )
    termijn_tot = models.DateField(
        _("termijn voor aanvulling tot en met"),
        null=True,
        blank=True,
        help_text=_("Verplicht bij een verzoek om aanvulling (Awb 4:5); daarna loopt de termijn weer."),
    )
    toelichting = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Welke gegevens gevraagd zijn, of waarom de termijn stilstaat."),
        **lengte(LANG),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        ordering = ["eerste_dag_stil", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reden__in=OpschortingReden.values), name="opschorting_reden_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(eerste_dag_weer__isnull=True)
                | models.Q(eerste_dag_weer__gt=models.F("eerste_dag_stil")),
                name="opschorting_weer_na_stil",
                violation_error_message=_(
                    "De eerste dag dat de termijn weer loopt, moet na de eerste dag liggen dat hij stilstaat."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(reden=OpschortingReden.AANVULLING_GEVRAAGD) & models.Q(termijn_tot__isnull=False)
                )
                | (
                    ~models.Q(reden=OpschortingReden.AANVULLING_GEVRAAGD) & models.Q(termijn_tot__isnull=True)
                ),
                name="opschorting_termijn_alleen_bij_aanvulling",
                violation_error_message=_(
                    "Een verzoek om aanvulling heeft een termijn; andere opschortingen hebben er geen."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(termijn_tot__isnull=True)
                | models.Q(termijn_tot__gte=models.F("eerste_dag_stil")),
                name="opschorting_termijn_na_stil",
                violation_error_message=_(
                    "De termijn voor aanvulling kan niet eindigen vóór de opschorting begint."
                ),
            ),
        ]

    def __str__(self):
        einde = f"{self.eerste_dag_weer:%d-%m-%Y}" if self.eerste_dag_weer else "open"
        return f"{self.get_reden_display()} {self.eerste_dag_stil:%d-%m-%Y}–{einde}"

    @property
    def is_open(self) -> bool:
        return self.eerste_dag_weer is None

    @property
    def uiterste_dag_weer(self) -> date | None:
        """For a request for information: the day after the set term, when the clock runs again
        even without the information (Awb 4:15 lid 1 onder a). None for other reasons."""
        return opschorting.uiterste_dag_weer(
            aanvulling_gevraagd=self.reden == OpschortingReden.AANVULLING_GEVRAAGD,
            termijn_tot=self.termijn_tot,
        )

    @property
    def interval(self) -> opschorting.Interval:
        """This suspension as the deadline engine counts it (wmo.regels.opschorting.interval)."""
        return opschorting.interval(self.eerste_dag_stil, self.eerste_dag_weer, self.uiterste_dag_weer)

    def clean(self):
        errors = {}
        aanvulling = self.reden == OpschortingReden.AANVULLING_GEVRAAGD
        if aanvulling and not self.termijn_tot:
            errors["termijn_tot"] = _(
                "Een verzoek om aanvulling zonder termijn wordt niet aanvaard als opschorting. Alleen als u "
                "de inwoner een termijn geeft om de gegevens te sturen (Awb 4:5), staat de beslistermijn "
                "stil (Awb 4:15 lid 1 onder a). Vul in tot en met welke datum de inwoner de gegevens "
                "kan sturen."
            )
        elif self.termijn_tot and not aanvulling:
            errors["termijn_tot"] = _(
                "Een termijn hoort alleen bij een verzoek om aanvulling. Laat dit veld leeg."
            )
        elif self.termijn_tot and self.eerste_dag_stil and self.termijn_tot < self.eerste_dag_stil:
            errors["termijn_tot"] = _(
                "De termijn voor aanvulling kan niet eindigen vóór de opschorting begint."
            )
        if not (self.toelichting or "").strip():
            errors["toelichting"] = (
                _("Schrijf op welke gegevens u vraagt.")
                if aanvulling
                else _("Schrijf op waarom de termijn stilstaat.")
            )
        if (
            self.eerste_dag_stil
            and self.aanvraag_id
            and not opschorting.begint_na_ontvangst(self.eerste_dag_stil, self.aanvraag.ontvangen_op)
        ):
            errors["eerste_dag_stil"] = _(
                "De beslistermijn loopt pas vanaf de dag na ontvangst van de aanvraag (%(datum)s). Een "
                "opschorting kan niet eerder beginnen."
            ) % {"datum": _format_date(self.aanvraag.ontvangen_op)}
        if self.eerste_dag_weer:
            uiterste = self.uiterste_dag_weer
            if self.eerste_dag_stil and not opschorting.einde_na_begin(
                self.eerste_dag_stil, self.eerste_dag_weer
            ):
                errors["eerste_dag_weer"] = _(
                    "De eerste dag dat de termijn weer loopt, moet na de eerste dag liggen dat hij stilstaat "
                    "(%(datum)s)."
                ) % {"datum": _format_date(self.eerste_dag_stil)}
            elif self.eerste_dag_weer > timezone.localdate():
                errors["eerste_dag_weer"] = _("Deze datum kan niet in de toekomst liggen.")
            elif not opschorting.einde_binnen_termijn(self.eerste_dag_weer, uiterste):
                errors["eerste_dag_weer"] = _(
                    "De termijn voor aanvulling liep tot en met %(tot)s. Vanaf %(weer)s loopt de beslistermijn "
                    "weer, ook als de gegevens later binnenkwamen (Awb 4:15 lid 1 onder a). Vul uiterlijk "
                    "%(weer)s in."
                ) % {"tot": _format_date(self.termijn_tot), "weer": _format_date(uiterste)}
        if errors:
            raise ValidationError(errors)


class Verdaging(models.Model):
    """A notice that the decision will come later than the beslistermijn (Awb 4:14 lid 3).

    Recorded and shown, but it never moves Aanvraag.beslis_deadline: the statutory deadline
    stays, and the dwangsom (Awb 4:17) still counts from it.
    """

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="verdagingen")
    verwachte_datum = models.DateField(_("nieuwe verwachte beslisdatum"))
    reden = models.TextField(_("reden"), blank=True, **lengte(LANG))
    gemeld_op = models.DateField(_("gemeld op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdaging")
        verbose_name_plural = _("verdagingen")
        ordering = ["gemeld_op", "id"]

    def __str__(self):
        return f"Verdaging tot {self.verwachte_datum:%d-%m-%Y}"

    def clean(self):
        errors = {}
        if not (self.reden or "").strip():
            errors["reden"] = _("Schrijf op waarom er niet op tijd besloten kan worden.")
        if self.aanvraag_id and self.verwachte_datum:
            aanvraag = self.aanvraag
            if aanvraag.beslis_deadline and self.verwachte_datum <= aanvraag.beslis_deadline:
                errors["verwachte_datum"] = _(
                    "De wettelijke beslisdatum is %(datum)s. Een nieuwe datum moet daarna liggen; anders "
                    "is er geen verdaging nodig."
                ) % {"datum": _format_date(aanvraag.beslis_deadline)}
            elif self.verwachte_datum <= aanvraag.ontvangen_op:
                errors["verwachte_datum"] = _("De nieuwe datum moet na de ontvangst van de aanvraag liggen.")
        if self.aanvraag_id and self.gemeld_op and self.gemeld_op < self.aanvraag.ontvangen_op:
            errors["gemeld_op"] = _("Een verdaging kan niet gemeld zijn vóór de aanvraag is ontvangen.")
        if errors:
            raise ValidationError(errors)
