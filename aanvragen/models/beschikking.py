"""The beschikking: the college's decision on an aanvraag, one BeschikkingRegel per voorziening.

Drafted, approved within mandate (models/mandaat.py, aanvragen/mandaat.py), then sent; sending
starts the bezwaar clock (models/bezwaar.py) and, for granted help, the nazorg.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from aanvragen.constants import BeschikkingStatus, Frequentie, Leveringsvorm, Uitkomst
from wmo.constants import VoorzieningSoort
from wmo.models import Aanbieder, Brief, Contract, Gemeente, Medewerker, Team, Voorziening
from wmo.regels import spoed
from wmo.tekstlengte import LANG, ZEER_LANG, lengte

from .aanvraag import AangevraagdeVoorziening, Aanvraag


class Beschikking(models.Model):
    """The college's decision on an aanvraag: drafted, approved within mandate, then sent.

    Sending (bekendmaking) freezes the letter and starts the bezwaar clock (Awb 6:7, 6:8).
    """

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="beschikking")
    status = models.CharField(
        _("status"), max_length=20, choices=BeschikkingStatus.choices, default=BeschikkingStatus.CONCEPT
    )
    opgesteld_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+", null=True)
    goedgekeurd_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # Who took the decision under mandate (Awb 10:10; the gemeente's mandaatregeling): the one who
    # decides alone, or with four eyes the approver. Recorded when sent, so the signature of the
    # letter, the dossier and the history name the same person.
    besloten_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    besloten_functie = models.CharField(_("functie van wie besloot"), max_length=100, blank=True)
    mandaat_grond = models.CharField(_("besloten onder mandaat"), max_length=300, blank=True)
    opmerkingen = models.TextField(_("opmerkingen van de goedkeurder"), blank=True)
    bekendgemaakt_op = models.DateField(_("bekendgemaakt op"), null=True, blank=True)
    bezwaar_deadline = models.DateField(_("uiterste datum bezwaar"), null=True, blank=True, db_index=True)
    brief = models.OneToOneField(Brief, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Nazorg: an evaluation call some weeks after the help started (NAZORG_WEKEN).
    nazorg_op = models.DateField(_("nazorg uiterlijk"), null=True, blank=True, db_index=True)
    nazorg_gedaan_op = models.DateField(_("nazorg gedaan op"), null=True, blank=True)
    nazorg_notitie = models.TextField(_("uitkomst van de nazorg"), blank=True)
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

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
        indexes = [
            # Running bezwaar terms per team (teamleider.query.termijnen.bezwaartermijnen).
            models.Index(
                fields=["team", "bezwaar_deadline"],
                condition=models.Q(status=BeschikkingStatus.VERSTUURD),
                name="beschikking_team_bezwaar_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bezwaar_deadline__gt=models.F("bekendgemaakt_op")),
                name="beschikking_bezwaar_na_bekendmaking",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=BeschikkingStatus.values), name="beschikking_status_geldig"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=BeschikkingStatus.VERSTUURD)
                    & models.Q(bekendgemaakt_op__isnull=False, bezwaar_deadline__isnull=False)
                )
                | (
                    ~models.Q(status=BeschikkingStatus.VERSTUURD)
                    & models.Q(bekendgemaakt_op__isnull=True, bezwaar_deadline__isnull=True)
                ),
                name="beschikking_verstuurd_met_bezwaartermijn",
            ),
        ]

    def __str__(self):
        return f"Beschikking {self.aanvraag.melding.kenmerk} ({self.get_status_display().lower()})"

    @property
    def is_verstuurd(self) -> bool:
        return self.status == BeschikkingStatus.VERSTUURD

    @property
    def heeft_eigen_bijdrage(self) -> bool:
        """Whether the inwoner pays an eigen bijdrage (via the CAK) for anything granted."""
        return any(r.eigen_bijdrage and r.toegekend for r in self.regels.all())


class BeschikkingRegel(models.Model):
    """The decision on one requested voorziening (Wmo 2015 art. 2.3.5; motivering Awb 3:46)."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="regels")
    aangevraagd = models.OneToOneField(
        AangevraagdeVoorziening, on_delete=models.PROTECT, related_name="regel"
    )
    uitkomst = models.CharField(_("besluit"), max_length=30, choices=Uitkomst.choices)
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("product"),
        limit_choices_to={"soort": VoorzieningSoort.MAATWERK},
    )
    omvang = models.DecimalField(_("omvang"), max_digits=8, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=30, blank=True)
    frequentie = models.CharField(_("frequentie"), max_length=20, choices=Frequentie.choices, blank=True)
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=10, choices=Leveringsvorm.choices, blank=True
    )
    # Zorg in natura: the aanbieder contracted for this product, in this gemeente, on the
    # ingangsdatum (wmo.Contract); its name is copied at decision, as printed in the letter.
    aanbieder = models.ForeignKey(
        Aanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanbieder"),
    )
    aanbieder_naam = models.CharField(_("naam aanbieder in de brief"), max_length=200, blank=True)
    # What the inwoner asked (omvang, form), stated beside what is granted when that differs.
    gevraagd = models.CharField(
        _("wat de inwoner vroeg"),
        max_length=300,
        blank=True,
        help_text=_(
            "Omvang en vorm, bijvoorbeeld ‘8 uur per week, als pgb’. Verplicht als u iets anders geeft."
        ),
    )
    # The pgb tarief per eenheid, copied from the catalogue when decided (Wmo 2015 art. 2.3.6).
    pgb_tarief = models.DecimalField(
        _("pgb-tarief per eenheid"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    # Wmo 2015 art. 2.3.6 lid 2: the conditions for a pgb, checked and recorded.
    pgb_kan_beheren = models.BooleanField(
        _("de inwoner kan het pgb beheren (zelf of met hulp)"), default=False
    )
    pgb_motivering = models.TextField(_("waarom de inwoner een pgb wil"), blank=True, **lengte(LANG))
    pgb_kwaliteit = models.BooleanField(
        _("de hulp met het pgb is veilig, doeltreffend en cliëntgericht"), default=False
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, help_text=_("Leeg: onbepaalde tijd."))
    # In the letter "tijdelijke hulp", so it does not collide with the court's "voorlopige
    # voorziening" (Awb 8:81) named in the bezwaar clause.
    voorlopig = models.BooleanField(
        _("tijdelijke hulp bij spoed (voorlopige maatwerkvoorziening, Wmo 2015 art. 2.3.3)"), default=False
    )
    motivering = models.TextField(_("motivering"), **lengte(ZEER_LANG))
    afwijking_motivering = models.TextField(
        _("waarom anders dan gevraagd"),
        blank=True,
        **lengte(LANG),
        help_text=_("Verplicht als u de gevraagde voorziening niet (helemaal) geeft of iets anders geeft."),
    )
    # Follows the catalogue (Voorziening.eigen_bijdrage), set by the service; never a default.
    eigen_bijdrage = models.BooleanField(_("eigen bijdrage via het CAK"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("besluit per voorziening")
        verbose_name_plural = _("besluiten per voorziening")
        ordering = ["aangevraagd_id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uitkomst__in=Uitkomst.values), name="regel_uitkomst_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="regel_einde_na_begin",
            ),
        ]

    def __str__(self):
        return f"{self.voorziening}: {self.get_uitkomst_display().lower()}"

    @property
    def toegekend(self) -> bool:
        return self.uitkomst != Uitkomst.AFGEWEZEN

    @property
    def anders_dan_gevraagd(self) -> bool:
        """Partly granted, or another product than asked: the letter states what was asked."""
        return self.uitkomst == Uitkomst.GEDEELTELIJK or self.ander_product

    @property
    def ander_product(self) -> bool:
        """Another product than asked. Another period of the same product (the one valid on the
        ingangsdatum, wmo.models.Voorziening) is the same product."""
        return bool(
            self.aangevraagd_id
            and self.voorziening_id
            and self.voorziening_id != self.aangevraagd.voorziening_id
            and self.voorziening.reeks != self.aangevraagd.voorziening.reeks
        )

    @property
    def pgb_bedrag(self) -> Decimal | None:
        """The pgb per period: tarief × omvang (Wmo 2015 art. 2.3.6; the tarief from the
        gemeente's verordening, via the catalogue). None when this is no pgb."""
        if self.leveringsvorm != Leveringsvorm.PGB or self.pgb_tarief is None or self.omvang is None:
            return None
        return (self.pgb_tarief * self.omvang).quantize(Decimal("0.01"))

    @property
    def is_eenmalig(self) -> bool:
        return self.frequentie == Frequentie.EENMALIG

    def _catalogus_fouten(self) -> dict:
        """What the catalogue and the contracts allow for a granted regel: the product valid on
        the ingangsdatum, a leveringsvorm the product allows, and for zorg in natura an aanbieder
        contracted for this product in this gemeente on the ingangsdatum."""
        errors = {}
        product = self.voorziening if self.voorziening_id else None
        datum = self.ingangsdatum
        if product is None:
            return errors
        if datum and not product.geldig(datum):
            errors["voorziening"] = _(
                "%(product)s geldt niet op de ingangsdatum %(datum)s. Kies een ander product of een "
                "andere ingangsdatum."
            ) % {"product": product.naam, "datum": date_format(datum, "j F Y")}
        if self.leveringsvorm == Leveringsvorm.ZIN and not product.natura_toegestaan:
            errors["leveringsvorm"] = _("%(product)s kan niet als zorg in natura. Kies pgb.") % {
                "product": product.naam
            }
        if self.leveringsvorm == Leveringsvorm.PGB and not product.pgb_toegestaan:
            errors["leveringsvorm"] = _("%(product)s kan niet als pgb. Kies zorg in natura.") % {
                "product": product.naam
            }
        if self.leveringsvorm == Leveringsvorm.ZIN and "leveringsvorm" not in errors:
            if not self.aanbieder_id:
                errors["aanbieder"] = _("Kies de aanbieder die de zorg levert.")
            elif datum and self.beschikking_id:
                gemeente_id = self.beschikking.aanvraag.melding.gemeente_id
                if (
                    not Contract.objects.voor(voorziening=product, gemeente_id=gemeente_id, datum=datum)
                    .filter(aanbieder_id=self.aanbieder_id)
                    .exists()
                ):
                    errors["aanbieder"] = _(
                        "%(aanbieder)s heeft op %(datum)s geen contract voor %(product)s in deze gemeente. "
                        "Kies een aanbieder met een contract."
                    ) % {
                        "aanbieder": self.aanbieder,
                        "datum": date_format(datum, "j F Y"),
                        "product": product.naam,
                    }
        return errors

    def clean(self):
        errors = {}
        if not (self.motivering or "").strip():
            errors["motivering"] = _("Schrijf op waarom u zo besluit. De inwoner moet dit kunnen begrijpen.")
        afwijking = self.uitkomst != Uitkomst.TOEGEKEND or self.ander_product
        if afwijking and not self.afwijking_motivering.strip():
            errors["afwijking_motivering"] = _(
                "U geeft niet (helemaal) wat is gevraagd. Schrijf op waarom, ook waarom de oplossing van de "
                "inwoner niet wordt gevolgd."
            )
        if self.uitkomst == Uitkomst.GEDEELTELIJK and not self.gevraagd.strip():
            errors["gevraagd"] = _(
                "Schrijf op wat de inwoner vroeg (omvang en vorm). De brief zet dat naast wat u geeft."
            )
        if self.toegekend:
            if self.omvang is None or self.omvang <= 0:
                errors["omvang"] = _("Vul de omvang in, bijvoorbeeld 3.")
            if not self.eenheid.strip():
                errors["eenheid"] = _("Vul de eenheid in, bijvoorbeeld uur.")
            if not self.frequentie:
                errors["frequentie"] = _("Kies hoe vaak: per week, per maand, per jaar of eenmalig.")
            if not self.leveringsvorm:
                errors["leveringsvorm"] = _("Kies zorg in natura of pgb.")
            if not self.ingangsdatum:
                errors["ingangsdatum"] = _("Vul de ingangsdatum in.")
            if (
                self.frequentie == Frequentie.EENMALIG
                and self.voorziening_id
                and not self.voorziening.verstrekking
            ):
                errors["frequentie"] = _(
                    "In de catalogus staat niet of dit product in bruikleen of in eigendom wordt gegeven. "
                    "Vraag de functioneel beheerder dat in te vullen."
                )
            errors.update(self._catalogus_fouten())
            if self.leveringsvorm == Leveringsvorm.PGB:
                if not self.pgb_kan_beheren:
                    errors["pgb_kan_beheren"] = _(
                        "Een pgb kan alleen als de inwoner het kan beheren (art. 2.3.6)."
                    )
                if not self.pgb_kwaliteit:
                    errors["pgb_kwaliteit"] = _(
                        "Een pgb kan alleen als de hulp goed en veilig is (art. 2.3.6)."
                    )
                if not self.pgb_motivering.strip():
                    errors["pgb_motivering"] = _("Schrijf op waarom de inwoner een pgb wil (art. 2.3.6).")
                if self.pgb_tarief is None and "leveringsvorm" not in errors:
                    errors["leveringsvorm"] = _(
                        "Voor dit product staat geen pgb-tarief in de catalogus. Vraag de functioneel "
                        "beheerder het tarief in te vullen, of kies zorg in natura."
                    )
            if spoed.einddatum_ontbreekt(voorlopig=self.voorlopig, einddatum=self.einddatum):
                errors["einddatum"] = _("Tijdelijke hulp bij spoed heeft altijd een einddatum.")
        if errors:
            raise ValidationError(errors)
