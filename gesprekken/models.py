"""The gesprek aan de keukentafel, the onderzoek it feeds and the verslag (Wmo 2015 art. 2.3.2).

A melding gets either a triage decision (no broad gesprek, with reason and who decided) or one
or more gesprekken (contacts) that together make up one onderzoek. The onderzoek is organised
around the eight resultaatgebieden (VNG "Denken in resultaten"); for each one at stake the
afwegingsladder is walked rung by rung. Every section carries a ``versie`` for optimistic
locking. Sending the verslag freezes a version (PDF, hash, date) in ``wmo.Brief``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meldingen.models import Melding
from wmo.constants import Resultaatgebied
from wmo.models import Brief, Gemeente, Medewerker, Team, Voorziening
from wmo.tekstlengte import KORT, MIDDEL, ZEER_LANG, lengte

from .constants import (
    GEBIED_IN_WOORDEN,
    TREDE_IN_BRIEF,
    AfspraakStatus,
    Belasting,
    GebiedStaat,
    GesprekStatus,
    Oplossing,
    Plaats,
    Trede,
    TriageReden,
    VerslagReactie,
)


class Gesprek(models.Model):
    """One contact of the onderzoek: usually at the kitchen table, sometimes elsewhere or by phone."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="gesprekken")
    gepland_op = models.DateTimeField(_("datum en tijd"))
    plaats = models.CharField(_("waar"), max_length=20, choices=Plaats.choices, default=Plaats.THUIS)
    adres = models.CharField(_("adres"), max_length=300, blank=True)
    telefonisch_reden = models.TextField(_("waarom telefonisch"), blank=True)
    consulent = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="gesprekken")
    mantelzorger = models.CharField(_("mantelzorger"), max_length=200, blank=True)
    clientondersteuner = models.CharField(_("cliëntondersteuner"), max_length=200, blank=True)
    clientondersteuner_organisatie = models.CharField(
        _("organisatie cliëntondersteuner"), max_length=200, blank=True
    )
    tolk = models.CharField(_("tolk"), max_length=200, blank=True)
    vertegenwoordiger = models.CharField(_("vertegenwoordiger"), max_length=200, blank=True)
    tweede_professional = models.CharField(_("tweede professional"), max_length=200, blank=True)
    alleen_mantelzorger = models.BooleanField(_("gesprek alleen met de mantelzorger"), default=False)
    toestemming_inwoner = models.BooleanField(
        _("de inwoner geeft toestemming voor een gesprek alleen met de mantelzorger"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GesprekStatus.choices, default=GesprekStatus.GEPLAND
    )
    gepland_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    # Copies of the melding's team, gemeente and responsible consulent (not who holds this
    # gesprek), for the dashboards' questions per team (meldingen.kopie: set by the services,
    # moved with the melding).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", db_index=False, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", db_index=False, editable=False
    )
    melding_consulent = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["gepland_op", "id"]
        indexes = [
            models.Index(fields=["gepland_op"], name="gesprek_gepland_idx"),  # per week / month
            # Gesprekken per team by week or month (teamleider.query).
            models.Index(fields=["team", "gepland_op"], name="gesprek_team_gepland_idx"),
            # A consulent's gesprekken by week (the dashboard's workload per consulent): the
            # consulent index alone read all of a consulent's gesprekken, 0.6 ms per consulent.
            models.Index(fields=["consulent", "gepland_op"], name="gesprek_consulent_gepland_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=GesprekStatus.values), name="gesprek_status_geldig"
            ),
            models.CheckConstraint(
                condition=~models.Q(plaats=Plaats.TELEFONISCH) | ~models.Q(telefonisch_reden=""),
                name="gesprek_telefonisch_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(alleen_mantelzorger=False) | models.Q(toestemming_inwoner=True),
                name="gesprek_mantelzorger_alleen_met_toestemming",
            ),
        ]

    def __str__(self):
        return f"{self.get_plaats_display()} {timezone.localtime(self.gepland_op):%d-%m-%Y %H:%M}"

    @property
    def aanwezigen(self) -> list[str]:
        """Who else is present, in plain words (for the page, the uitnodiging and the verslag)."""
        rijen = []
        if self.mantelzorger:
            rijen.append(f"{self.mantelzorger} (mantelzorger)")
        if self.clientondersteuner:
            org = f", {self.clientondersteuner_organisatie}" if self.clientondersteuner_organisatie else ""
            rijen.append(f"{self.clientondersteuner} (cliëntondersteuner{org})")
        if self.tolk:
            rijen.append(f"{self.tolk} (tolk)")
        if self.vertegenwoordiger:
            rijen.append(f"{self.vertegenwoordiger} (vertegenwoordiger)")
        if self.tweede_professional:
            rijen.append(f"{self.tweede_professional} (tweede professional)")
        return rijen

    def clean(self):
        errors = {}
        if self.plaats == Plaats.TELEFONISCH and not self.telefonisch_reden.strip():
            errors["telefonisch_reden"] = _("Schrijf op waarom het gesprek telefonisch is.")
        if self.plaats == Plaats.PARTNERLOCATIE and not self.adres.strip():
            errors["adres"] = _("Vul het adres van de partnerlocatie in.")
        if self.alleen_mantelzorger and not self.toestemming_inwoner:
            errors["toestemming_inwoner"] = _(
                "Een gesprek alleen met de mantelzorger mag alleen als de inwoner toestemming geeft."
            )
        if self.alleen_mantelzorger and not self.mantelzorger.strip():
            errors["mantelzorger"] = _("Vul de naam van de mantelzorger in.")
        if self.clientondersteuner_organisatie and not self.clientondersteuner:
            errors["clientondersteuner"] = _("Vul de naam van de cliëntondersteuner in.")
        if errors:
            raise ValidationError(errors)


class Triage(models.Model):
    """A recorded decision to go on without a broad gesprek: why, and who decided."""

    melding = models.OneToOneField(Melding, on_delete=models.PROTECT, related_name="triage")
    reden = models.CharField(_("reden"), max_length=30, choices=TriageReden.choices)
    toelichting = models.TextField(_("toelichting"))
    besloten_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    besloten_op = models.DateTimeField(_("besloten op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("triagebesluit")
        verbose_name_plural = _("triagebesluiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reden__in=TriageReden.values), name="triage_reden_geldig"
            )
        ]

    def __str__(self):
        return f"Triage {self.melding.kenmerk}: {self.get_reden_display()}"

    def clean(self):
        if not (self.toelichting or "").strip():
            raise ValidationError({"toelichting": _("Schrijf op waarom er geen gesprek nodig is.")})


class PersoonlijkPlan(models.Model):
    """The inwoner's own plan (Wmo 2015 art. 2.3.2 lid 2) as received: a PDF or an image, kept as is.

    Stored in the database like ``wmo.Brief`` (health data, no public media files). Not edited,
    so no history of the bytes.
    """

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="persoonlijke_plannen")
    naam = models.CharField(_("bestandsnaam"), max_length=200)
    soort = models.CharField(_("soort bestand"), max_length=40)
    inhoud = models.BinaryField(_("inhoud"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    ontvangen_op = models.DateField(_("ontvangen op"))
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("persoonlijk plan")
        verbose_name_plural = _("persoonlijke plannen")
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self):
        return self.naam

    @property
    def is_afbeelding(self) -> bool:
        return self.soort.startswith("image/")


class Onderzoek(models.Model):
    """What the consulent records about the whole situation; per resultaat see ResultaatOnderzoek.

    The fields below form one section ("algemeen") with one ``versie`` for optimistic locking.
    """

    melding = models.OneToOneField(Melding, on_delete=models.PROTECT, related_name="onderzoek")
    persoonlijk_plan = models.TextField(
        _("persoonlijk plan (samenvatting)"),
        blank=True,
        **lengte(ZEER_LANG),
        help_text=_("Wat de inwoner zelf in het persoonlijk plan schreef."),
    )
    mantelzorger_naam = models.CharField(_("wie is de mantelzorger"), max_length=200, blank=True)
    mantelzorg_taken = models.TextField(_("wat doet de mantelzorger"), blank=True, **lengte(MIDDEL))
    mantelzorg_uren = models.PositiveSmallIntegerField(_("uren mantelzorg per week"), null=True, blank=True)
    mantelzorg_belasting = models.PositiveSmallIntegerField(
        _("hoe zwaar is het voor de mantelzorger"), choices=Belasting.choices, null=True, blank=True
    )
    mantelzorg_ondersteuning = models.TextField(
        _("welke steun heeft de mantelzorger nodig"),
        blank=True,
        help_text=_("Bijvoorbeeld respijtzorg."),
        **lengte(MIDDEL),
    )
    inwoner_is_mantelzorger = models.TextField(
        _("de inwoner is zelf mantelzorger voor"), blank=True, **lengte(MIDDEL)
    )
    wederkerigheid = models.TextField(_("wat de inwoner voor anderen kan doen"), blank=True, **lengte(MIDDEL))
    financiele_zorgen = models.TextField(_("zorgen over geld"), blank=True, **lengte(MIDDEL))
    medisch_advies_nodig = models.BooleanField(_("medisch advies is nodig"), default=False)
    eigen_oplossing = models.TextField(
        _("oplossing die de inwoner zelf voorstelt"), blank=True, **lengte(MIDDEL)
    )
    eigen_oplossing_gevolgd = models.BooleanField(
        _("volgen we de oplossing van de inwoner?"), null=True, blank=True
    )
    eigen_oplossing_motivering = models.TextField(
        _("waarom we de eigen oplossing niet (helemaal) volgen"), blank=True, **lengte(MIDDEL)
    )
    versie = models.PositiveIntegerField(default=1)
    gestart_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onderzoek")
        verbose_name_plural = _("onderzoeken")
        permissions = [("versturen_verslag", _("Verslag versturen en reactie vastleggen"))]

    def __str__(self):
        return f"Onderzoek {self.melding.kenmerk}"


RESULTAAT_TEKST_VELDEN = (
    "wat_lukt",
    "wat_lukt_niet",
    "oorzaak_inwoner",
    "te_bereiken_resultaat",
    "oplossing",
)


class ResultaatOnderzoek(models.Model):
    """One of the eight resultaatgebieden: situation, the inwoner's view, the goal, the solution."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="resultaten")
    gebied = models.PositiveSmallIntegerField(_("resultaatgebied"), choices=Resultaatgebied.choices)
    aan_de_orde = models.BooleanField(_("dit resultaatgebied is aan de orde"), default=False)
    wat_lukt = models.TextField(_("wat lukt nog wel"), blank=True, **lengte(MIDDEL))
    wat_lukt_niet = models.TextField(_("wat lukt niet meer"), blank=True, **lengte(MIDDEL))
    oorzaak_inwoner = models.TextField(
        _("hoe de inwoner het zelf ziet"),
        blank=True,
        help_text=_("De oorzaak in de woorden van de inwoner."),
        **lengte(MIDDEL),
    )
    te_bereiken_resultaat = models.TextField(
        _("te bereiken resultaat"), blank=True, help_text=_("Concreet en te controleren."), **lengte(MIDDEL)
    )
    oplossing = models.TextField(_("afgesproken oplossing"), blank=True, **lengte(MIDDEL))
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resultaatgebied in onderzoek")
        verbose_name_plural = _("resultaatgebieden in onderzoek")
        ordering = ["onderzoek", "gebied"]
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "gebied"], name="resultaat_per_onderzoek_uniek"),
            models.CheckConstraint(
                condition=models.Q(gebied__in=Resultaatgebied.values), name="resultaat_gebied_geldig"
            ),
        ]

    def __str__(self):
        return self.get_gebied_display()

    def bereikte_trede(self, treden=None) -> int | None:
        """The lowest rung of the ladder reached so far: the highest one discussed (the ladder is
        walked in order, Wmo 2015 art. 2.3.2 lid 4), or None before the first."""
        treden = self.treden.all() if treden is None else treden
        return max((t.trede for t in treden if t.besproken), default=None)

    def staat(self, treden=None) -> str:
        """Niet besproken, bezig or klaar (GebiedStaat), from what is recorded; no field of its own.

        Klaar: not at stake and nothing that fails written down, or at stake with a goal, an
        agreed solution and a rung that solves it (fully, or the maatwerk rung discussed).
        """
        treden = list(self.treden.all() if treden is None else treden)
        teksten = [getattr(self, naam) for naam in RESULTAAT_TEKST_VELDEN]
        if not self.aan_de_orde:
            if not any(teksten) and not any(t.besproken for t in treden):
                return GebiedStaat.NIET_BESPROKEN
            return GebiedStaat.BEZIG if self.wat_lukt_niet else GebiedStaat.KLAAR
        opgelost = any(
            t.besproken and (t.oplost == Oplossing.HELEMAAL or t.trede == Trede.MAATWERK) for t in treden
        )
        if self.te_bereiken_resultaat and self.oplossing and opgelost:
            return GebiedStaat.KLAAR
        return GebiedStaat.BEZIG

    @property
    def in_woorden(self) -> str:
        """The gebied in short everyday words (B1)."""
        return GEBIED_IN_WOORDEN[self.gebied]

    def ontbrekende_treden(self, treden=None) -> list[int]:
        """The rungs above maatwerk that are not answered yet (besproken and an outcome)."""
        treden = {t.trede: t for t in (self.treden.all() if treden is None else treden)}
        return [
            nr for nr in Trede.values if nr != Trede.MAATWERK and not (nr in treden and treden[nr].beantwoord)
        ]


class LadderTrede(models.Model):
    """One rung of the afwegingsladder for one resultaat."""

    resultaat = models.ForeignKey(ResultaatOnderzoek, on_delete=models.CASCADE, related_name="treden")
    trede = models.PositiveSmallIntegerField(_("trede"), choices=Trede.choices)
    besproken = models.BooleanField(_("besproken"), default=False)
    bevinding = models.TextField(_("wat we vonden"), blank=True, **lengte(KORT))
    oplost = models.CharField(_("lost dit het op?"), max_length=20, choices=Oplossing.choices, blank=True)
    waarom = models.TextField(_("waarom (niet)"), blank=True, **lengte(KORT))
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trede van de afwegingsladder")
        verbose_name_plural = _("treden van de afwegingsladder")
        ordering = ["resultaat", "trede"]
        constraints = [
            models.UniqueConstraint(fields=["resultaat", "trede"], name="trede_per_resultaat_uniek"),
            models.CheckConstraint(condition=models.Q(trede__in=Trede.values), name="trede_geldig"),
            models.CheckConstraint(
                condition=models.Q(oplost="") | models.Q(oplost__in=Oplossing.values),
                name="trede_oplost_geldig",
            ),
        ]

    def __str__(self):
        return self.get_trede_display()

    @property
    def trede_in_brief(self) -> str:
        """The rung in words an inwoner uses, for the verslag (B1)."""
        return TREDE_IN_BRIEF[self.trede]

    @property
    def beantwoord(self) -> bool:
        return self.besproken and bool(self.oplost)


class VerslagVersie(models.Model):
    """A verslag exactly as sent (PDF, hash and date in ``brief``), and the inwoner's reaction.

    The reaction is kept with this version, never merged into the onderzoek. ``status`` is the
    reaction state (constants.VERSLAG_OVERGANGEN).
    """

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveSmallIntegerField(_("versie"))
    brief = models.OneToOneField(Brief, on_delete=models.PROTECT, related_name="verslagversie")
    maatwerk_gevraagd = models.BooleanField(_("vraagt om een maatwerkvoorziening"), default=False)
    status = models.CharField(
        _("reactie"), max_length=20, choices=VerslagReactie.choices, default=VerslagReactie.AFWACHTEN
    )
    reactie_ontvangen_op = models.DateField(_("reactie ontvangen op"), null=True, blank=True)
    ondertekend = models.BooleanField(_("ondertekend door de inwoner"), default=False)
    opmerkingen = models.TextField(_("opmerkingen of correcties van de inwoner"), blank=True)
    aanvullingen = models.TextField(_("aanvullingen van de inwoner"), blank=True)
    reactie_vastgelegd_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aanvraag = models.ForeignKey(
        "aanvragen.Aanvraag", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verslagversie")
        verbose_name_plural = _("verslagversies")
        ordering = ["onderzoek", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "nummer"], name="verslagversie_nummer_uniek"),
            models.CheckConstraint(
                condition=models.Q(status__in=VerslagReactie.values), name="verslagversie_status_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(status=VerslagReactie.AFWACHTEN)
                | models.Q(reactie_ontvangen_op__isnull=False),
                name="verslagversie_reactie_met_datum",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=VerslagReactie.NIET_AKKOORD) | ~models.Q(opmerkingen=""),
                name="verslagversie_niet_akkoord_met_opmerkingen",
            ),
        ]

    def __str__(self):
        return f"Verslag {self.onderzoek.melding.kenmerk} versie {self.nummer}"


class Vervolgafspraak(models.Model):
    """Who does what by when; a medewerker as owner sees it on the werkvoorraad."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="vervolgafspraken")
    actie = models.TextField(_("wat"), **lengte(KORT))
    eigenaar = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="vervolgafspraken"
    )
    eigenaar_anders = models.CharField(
        _("of iemand anders"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de inwoner of de dochter."),
    )
    uiterlijk = models.DateField(_("uiterlijk op"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN
    )
    afgerond_op = models.DateField(_("gedaan op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vervolgafspraak")
        verbose_name_plural = _("vervolgafspraken")
        ordering = ["uiterlijk", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=AfspraakStatus.values), name="vervolgafspraak_status_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(eigenaar__isnull=False) | ~models.Q(eigenaar_anders=""),
                name="vervolgafspraak_met_eigenaar",
            ),
        ]
        # A medewerker's open afspraken by date (werkvoorraad; the dashboard's "verlopen" per
        # consulent, where (eigenaar, status) alone was ANDed with the region-wide date index).
        indexes = [
            models.Index(fields=["eigenaar", "status", "uiterlijk"], name="vervolg_eigenaar_uiterlijk_idx")
        ]

    def __str__(self):
        return self.actie[:60]

    @property
    def eigenaar_naam(self) -> str:
        return str(self.eigenaar) if self.eigenaar_id else self.eigenaar_anders

    def clean(self):
        errors = {}
        if not (self.actie or "").strip():
            errors["actie"] = _("Schrijf op wat er moet gebeuren.")
        if not self.eigenaar_id and not self.eigenaar_anders.strip():
            errors["eigenaar"] = _("Kies wie dit doet, of schrijf een naam op.")
        if errors:
            raise ValidationError(errors)
