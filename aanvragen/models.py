"""The aanvraag and its beslistermijn: suspensions (Awb 4:15) and notices of delay (Awb 4:14).

An aanvraag (Wmo 2015 art. 2.3.5) is the formal request for a maatwerkvoorziening. The day
after it is received the beslistermijn of two weeks starts. The clock stands still during an
Opschorting and runs again from its ``eerste_dag_weer``. A Verdaging only tells the inwoner
a new expected date: the statutory ``beslis_deadline`` stays (it still counts for the
dwangsom). The deadline is stored (indexed, for the dashboards) and written only by
aanvragen.services; the voorzieningen and the beschikking come with a later step.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meldingen.models import Melding
from wmo import termijnen
from wmo.constants import Resultaatgebied, Rol, VoorzieningSoort
from wmo.models import Brief, Medewerker, Voorziening
from wmo.termijnstatus import dwangsom_bedragen

from .constants import (
    BeschikkingStatus,
    Frequentie,
    Grondslag,
    Leveringsvorm,
    OpschortingReden,
    Uitkomst,
)
from .query import AanvraagQuerySet


def _datum(d) -> str:
    return date_format(d, "j F Y")


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

    def dwangsom_bedrag(self, tot: date) -> int:
        """Dwangsom in cents accrued up to and including ``tot`` (the decision day, or today)."""
        if self.dwangsom_vanaf is None:
            return 0
        return termijnen.dwangsom_bedrag(self.dwangsom_vanaf, tot, dwangsom_bedragen())

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
                    ) % {"datum": _datum(melding.ontvangen_datum)}
                elif (
                    self.grondslag == Grondslag.ZES_WEKEN_VERSTREKEN
                    and self.ontvangen_op <= melding.onderzoek_deadline
                ):
                    errors["grondslag"] = _(
                        "Het onderzoek mag duren tot en met %(datum)s. Een aanvraag omdat zes weken "
                        "zijn verstreken kan pas daarna (Wmo 2015 art. 2.3.5 lid 2)."
                    ) % {"datum": _datum(melding.onderzoek_deadline)}
        if self.grondslag == Grondslag.SPOED and self.melding_id and not self.melding.spoed:
            errors["grondslag"] = _("Een voorlopige voorziening kan alleen bij een melding met spoed.")
        if self.besloten_op:
            if self.besloten_op > vandaag:
                errors["besloten_op"] = _("De datum van het besluit kan niet in de toekomst liggen.")
            elif self.ontvangen_op and self.besloten_op < self.ontvangen_op:
                errors["besloten_op"] = _("Er kan niet besloten zijn vóór de aanvraag is ontvangen.")
        if errors:
            raise ValidationError(errors)


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
    def uiterste_dag_weer(self):
        """For a request for information: the day after the set term, when the clock runs again
        even without the information (Awb 4:15 lid 1 onder a). None for other reasons."""
        if self.reden == OpschortingReden.AANVULLING_GEVRAAGD and self.termijn_tot:
            return self.termijn_tot + timedelta(days=1)
        return None

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
        if self.eerste_dag_stil and self.aanvraag_id and self.eerste_dag_stil <= self.aanvraag.ontvangen_op:
            errors["eerste_dag_stil"] = _(
                "De beslistermijn loopt pas vanaf de dag na ontvangst van de aanvraag (%(datum)s). Een "
                "opschorting kan niet eerder beginnen."
            ) % {"datum": _datum(self.aanvraag.ontvangen_op)}
        if self.eerste_dag_weer:
            uiterste = self.uiterste_dag_weer
            if self.eerste_dag_stil and self.eerste_dag_weer <= self.eerste_dag_stil:
                errors["eerste_dag_weer"] = _(
                    "De eerste dag dat de termijn weer loopt, moet na de eerste dag liggen dat hij stilstaat "
                    "(%(datum)s)."
                ) % {"datum": _datum(self.eerste_dag_stil)}
            elif self.eerste_dag_weer > timezone.localdate():
                errors["eerste_dag_weer"] = _("Deze datum kan niet in de toekomst liggen.")
            elif uiterste and self.eerste_dag_weer > uiterste:
                errors["eerste_dag_weer"] = _(
                    "De termijn voor aanvulling liep tot en met %(tot)s. Vanaf %(weer)s loopt de beslistermijn "
                    "weer, ook als de gegevens later binnenkwamen (Awb 4:15 lid 1 onder a). Vul uiterlijk "
                    "%(weer)s in."
                ) % {"tot": _datum(self.termijn_tot), "weer": _datum(uiterste)}
        if errors:
            raise ValidationError(errors)


class Verdaging(models.Model):
    """A notice that the decision will come later than the beslistermijn (Awb 4:14 lid 3).

    Recorded and shown, but it never moves Aanvraag.beslis_deadline: the statutory deadline
    stays, and the dwangsom (Awb 4:17) still counts from it.
    """

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="verdagingen")
    verwachte_datum = models.DateField(_("nieuwe verwachte beslisdatum"))
    reden = models.TextField(_("reden"), blank=True)
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
                ) % {"datum": _datum(aanvraag.beslis_deadline)}
            elif self.verwachte_datum <= aanvraag.ontvangen_op:
                errors["verwachte_datum"] = _("De nieuwe datum moet na de ontvangst van de aanvraag liggen.")
        if self.aanvraag_id and self.gemeld_op and self.gemeld_op < self.aanvraag.ontvangen_op:
            errors["gemeld_op"] = _("Een verdaging kan niet gemeld zijn vóór de aanvraag is ontvangen.")
        if errors:
            raise ValidationError(errors)


class AangevraagdeVoorziening(models.Model):
    """A maatwerkvoorziening the inwoner asks for, with the resultaat it should serve."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="voorzieningen")
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"soort": VoorzieningSoort.MAATWERK, "actief": True},
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
    opmerkingen = models.TextField(_("opmerkingen van de goedkeurder"), blank=True)
    bekendgemaakt_op = models.DateField(_("bekendgemaakt op"), null=True, blank=True)
    bezwaar_deadline = models.DateField(_("uiterste datum bezwaar"), null=True, blank=True, db_index=True)
    brief = models.OneToOneField(Brief, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Nazorg: an evaluation call some weeks after the help started (NAZORG_WEKEN).
    nazorg_op = models.DateField(_("nazorg uiterlijk"), null=True, blank=True, db_index=True)
    nazorg_gedaan_op = models.DateField(_("nazorg gedaan op"), null=True, blank=True)
    nazorg_notitie = models.TextField(_("uitkomst van de nazorg"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
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
    aanbieder = models.CharField(_("aanbieder"), max_length=200, blank=True)
    # Wmo 2015 art. 2.3.6 lid 2: the conditions for a pgb, checked and recorded.
    pgb_kan_beheren = models.BooleanField(
        _("de inwoner kan het pgb beheren (zelf of met hulp)"), default=False
    )
    pgb_motivering = models.TextField(_("waarom de inwoner een pgb wil"), blank=True)
    pgb_kwaliteit = models.BooleanField(
        _("de hulp met het pgb is veilig, doeltreffend en cliëntgericht"), default=False
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, help_text=_("Leeg: onbepaalde tijd."))
    voorlopig = models.BooleanField(_("voorlopige voorziening (spoed, Wmo 2015 art. 2.3.3)"), default=False)
    motivering = models.TextField(_("motivering"))
    afwijking_motivering = models.TextField(
        _("waarom anders dan gevraagd"),
        blank=True,
        help_text=_("Verplicht als u de gevraagde voorziening niet (helemaal) geeft of iets anders geeft."),
    )
    eigen_bijdrage = models.BooleanField(_("eigen bijdrage via het CAK"), default=True)
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

    def clean(self):
        errors = {}
        if not (self.motivering or "").strip():
            errors["motivering"] = _("Schrijf op waarom u zo besluit. De inwoner moet dit kunnen begrijpen.")
        afwijking = self.uitkomst != Uitkomst.TOEGEKEND or (
            self.aangevraagd_id
            and self.voorziening_id
            and self.voorziening_id != self.aangevraagd.voorziening_id
        )
        if afwijking and not self.afwijking_motivering.strip():
            errors["afwijking_motivering"] = _(
                "U geeft niet (helemaal) wat is gevraagd. Schrijf op waarom, ook waarom de oplossing van de "
                "inwoner niet wordt gevolgd."
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
            if self.leveringsvorm == Leveringsvorm.ZIN and not self.aanbieder.strip():
                errors["aanbieder"] = _("Vul de aanbieder in die de zorg levert.")
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
            if self.voorlopig and not self.einddatum:
                errors["einddatum"] = _("Een voorlopige voorziening heeft altijd een einddatum.")
        if errors:
            raise ValidationError(errors)


class Bezwaar(models.Model):
    """A bezwaarschrift against a sent beschikking (Awb 6:4): registered with its date and grounds."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren")
    ontvangen_op = models.DateField(_("ontvangen op"))
    gronden = models.TextField(_("gronden: waarom is de inwoner het niet eens?"))
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["ontvangen_op", "id"]

    def __str__(self):
        return f"Bezwaar {_datum(self.ontvangen_op)}"

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
