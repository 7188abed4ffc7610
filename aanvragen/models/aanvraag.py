"""The aanvraag and its beslistermijn, with the maatwerkvoorzieningen asked for.

An aanvraag (Wmo 2015 art. 2.3.5) is the formal request for a maatwerkvoorziening. The day
after it is received the beslistermijn of two weeks starts. The clock stands still during an
Opschorting and runs again from its ``eerste_dag_weer``; a Verdaging only tells the inwoner
a new expected date (both in models/opschorting.py). The statutory ``beslis_deadline`` is
stored (indexed, for the dashboards) and written only by aanvragen.services; it still counts
for the dwangsom. The decision itself is the next step: models/beschikking.py.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from aanvragen.constants import Grondslag
from aanvragen.query import AanvraagQuerySet
from meldingen.models import Melding
from wmo.constants import Resultaatgebied, VoorzieningSoort
from wmo.models import Gemeente, Medewerker, Team, Voorziening
from wmo.regels import dwangsom, spoed

from ._common import _format_date

if TYPE_CHECKING:
    from .opschorting import Verdaging


class Aanvraag(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="aanvragen")
    ontvangen_op = models.DateField(
        _("ontvangen op"), help_text=_("De dag na deze datum begint de beslistermijn van twee weken.")
    )
    grondslag = models.CharField(_("hoe ingediend"), max_length=30, choices=Grondslag.choices)
    beslis_deadline = models.DateField(
        _("uiterste beslisdatum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leeg zolang de termijn is opgeschort zonder bekend einde."),
    )
    besloten_op = models.DateField(
        _("besloten op"), null=True, blank=True, help_text=_("De dag dat de beschikking is verstuurd.")
    )
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    # Awb 4:17: after the deadline the inwoner may send an ingebrekestelling; two weeks later
    # a dwangsom starts to run. Stored so lists can show it without computing per row.
    ingebrekestelling_op = models.DateField(_("ingebrekestelling ontvangen op"), null=True, blank=True)
    dwangsom_vanaf = models.DateField(_("dwangsom verschuldigd vanaf"), null=True, blank=True, db_index=True)
    # Copies of the melding's team, gemeente and responsible consulent, for the dashboards'
    # questions per team (meldingen.kopie: set by the services, moved with the melding).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", db_index=False, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", db_index=False, editable=False
    )
    consulent = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["beslis_deadline", "id"]
        indexes = [
            # "Open aanvragen" (the dashboards, the werkvoorraad) and decisions per month (MI).
            models.Index(
                fields=["melding"], condition=models.Q(besloten_op__isnull=True), name="aanvraag_open_idx"
            ),
            models.Index(fields=["besloten_op"], name="aanvraag_besloten_idx"),
            # The questions per team: open aanvragen by deadline, decisions per period,
            # ingebrekestellingen and dwangsommen (teamleider.query).
            models.Index(
                fields=["team", "beslis_deadline"],
                condition=models.Q(besloten_op__isnull=True),
                name="aanvraag_team_open_idx",
            ),
            # The same for the consulent's own (the scope is "team OR own consulent"): without it
            # PostgreSQL walks the region's open aanvragen to find the team's (issue 14).
            models.Index(
                fields=["consulent", "beslis_deadline"],
                condition=models.Q(besloten_op__isnull=True),
                name="aanvraag_consulent_open_idx",
            ),
            models.Index(fields=["team", "besloten_op"], name="aanvraag_team_besloten_idx"),
            models.Index(
                fields=["team", "besloten_op"],
                condition=models.Q(ingebrekestelling_op__isnull=False),
                name="aanvraag_team_ingebreke_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grondslag__in=Grondslag.values), name="aanvraag_grondslag_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(besloten_op__isnull=True)
                | models.Q(besloten_op__gte=models.F("ontvangen_op")),
                name="aanvraag_besloten_na_ontvangst",
                violation_error_message=_("Er kan niet besloten zijn vóór de aanvraag is ontvangen."),
            ),
        ]

    def __str__(self):
        return f"Aanvraag {self.ontvangen_op:%d-%m-%Y} ({self.melding.kenmerk})"

    @property
    def is_open(self) -> bool:
        return self.besloten_op is None

    @property
    def is_spoed(self) -> bool:
        """Came in as a spoed aanvraag: a voorlopige voorziening (Wmo 2015 art. 2.3.3, wmo.regels.spoed)."""
        return self.grondslag == Grondslag.SPOED

    def dwangsom_bedrag(self, tot: date) -> int:
        """Dwangsom in cents accrued up to and including ``tot`` (Awb 4:17, wmo.regels.dwangsom)."""
        return dwangsom.bedrag(self.dwangsom_vanaf, tot, dwangsom.geldende_bedragen())

    def dwangsom_tot_nu(self, vandaag: date | None = None) -> int:
        """Dwangsom in cents accrued up to the decision day, or up to today while undecided."""
        return self.dwangsom_bedrag(dwangsom.peildatum(self.besloten_op, vandaag or timezone.localdate()))

    @property
    def laatste_verdaging(self) -> "Verdaging | None":
        """The latest Awb 4:14 notice: its date is what the inwoner was told to expect."""
        return self.verdagingen.order_by("-gemeld_op", "-id").first()

    def clean(self):
        errors = {}
        vandaag = timezone.localdate()
        if self.ontvangen_op:
            if self.ontvangen_op > vandaag:
                errors["ontvangen_op"] = _("De datum van ontvangst kan niet in de toekomst liggen.")
            elif self.melding_id:
                melding = self.melding
                if self.ontvangen_op < melding.ontvangen_datum:
                    errors["ontvangen_op"] = _(
                        "Een aanvraag kan niet eerder zijn ontvangen dan de melding (%(datum)s)."
                    ) % {"datum": _format_date(melding.ontvangen_datum)}
                elif (
                    self.grondslag == Grondslag.ZES_WEKEN_VERSTREKEN
                    and self.ontvangen_op <= melding.onderzoek_deadline
                ):
                    errors["grondslag"] = _(
                        "Het onderzoek mag duren tot en met %(datum)s. Een aanvraag omdat zes weken "
                        "zijn verstreken kan pas daarna (Wmo 2015 art. 2.3.5 lid 2)."
                    ) % {"datum": _format_date(melding.onderzoek_deadline)}
        if self.melding_id and not spoed.aanvraag_toegestaan(
            spoed_aanvraag=self.is_spoed, melding_spoed=self.melding.spoed
        ):
            errors["grondslag"] = _("Een voorlopige voorziening kan alleen bij een melding met spoed.")
        if self.besloten_op:
            if self.besloten_op > vandaag:
                errors["besloten_op"] = _("De datum van het besluit kan niet in de toekomst liggen.")
            elif self.ontvangen_op and self.besloten_op < self.ontvangen_op:
                errors["besloten_op"] = _("Er kan niet besloten zijn vóór de aanvraag is ontvangen.")
        if errors:
            raise ValidationError(errors)


class AangevraagdeVoorziening(models.Model):
    """A maatwerkvoorziening the inwoner asks for, with the resultaat it should serve."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="voorzieningen")
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"soort": VoorzieningSoort.MAATWERK},
    )
    resultaatgebied = models.PositiveSmallIntegerField(_("resultaat"), choices=Resultaatgebied.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aangevraagde voorziening")
        verbose_name_plural = _("aangevraagde voorzieningen")
        ordering = ["id"]

    def __str__(self):
        return str(self.voorziening)

    def clean(self):
        if self.voorziening_id and self.voorziening.soort != VoorzieningSoort.MAATWERK:
            raise ValidationError({"voorziening": _("Kies een maatwerkvoorziening uit de catalogus.")})
