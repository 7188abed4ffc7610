"""Organisations, people and the shared catalogue: what every dossier app refers to."""

import base64
import datetime
import hashlib
import re
import threading
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .codelijsten import EENHEID_IN_BRIEF, Eenheid, FrequentieIwmo, Productcategorie
from .constants import (
    BriefSoort,
    InzageActie,
    OrganisatieSoort,
    Resultaatgebied,
    Rol,
    Verstrekking,
    VoorzieningSoort,
)
from .regels.vertegenwoordiging import OntvangerRol
from .validators import validate_cbs_code, validate_huiskleur, validate_ondertekening

# Bounds of the settings per gemeente (beheer.instellingen; Dutch messages from the validators).
LET_OP_WERKDAGEN = (1, 20)
NAZORG_WEKEN = (1, 26)
EINDDATUM_SIGNAAL_WEKEN = (1, 26)
IWMO_START_SIGNAAL_WERKDAGEN = (1, 60)  # iwmo.regie: "aanbieder nog niet gestart"
SESSIE_INACTIEF_MINUTEN = (5, 60)  # toegang.sessie: BIO 9.4.2, the security issue's bounds
STANDAARD_HUISKLEUR = "#1B3A5C"


def _tussen(bereik: tuple[int, int], eenheid: str):
    laag, hoog = bereik
    bericht = _("Kies een getal van %(laag)s tot en met %(hoog)s %(eenheid)s.") % {
        "laag": laag,
        "hoog": hoog,
        "eenheid": eenheid,
    }
    return [MinValueValidator(laag, message=bericht), MaxValueValidator(hoog, message=bericht)]


# The settings stay the defaults for a new gemeente (module-level functions: migrations name them).
def standaard_let_op_werkdagen() -> int:
    return settings.TERMIJN_LET_OP_WERKDAGEN


def standaard_nazorg_weken() -> int:
    return settings.NAZORG_WEKEN


def standaard_einddatum_signaal_weken() -> int:
    return settings.EINDDATUM_SIGNAAL_WEKEN


def standaard_sessie_inactief_minuten() -> int:
    return settings.SESSIE_INACTIEF_MINUTEN


class Gemeente(models.Model):
    """A gemeente whose college decides; its letterhead is printed on every letter."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-gemeentecode"),
        max_length=4,
        unique=True,
        validators=[validate_cbs_code],
        help_text=_("De code van het CBS voor deze gemeente: 4 cijfers, bijvoorbeeld 0392 voor Haarlem."),
    )
    bezoekadres = models.CharField(_("bezoekadres"), max_length=200)
    postadres = models.CharField(_("postadres"), max_length=200)
    postcode_plaats = models.CharField(_("postcode en plaats"), max_length=100)
    telefoon = models.CharField(_("telefoon"), max_length=30)
    website = models.CharField(_("website"), max_length=100)
    bezwaar_adres = models.CharField(_("adres voor bezwaar"), max_length=300)
    # What every beschikking names (Awb 3:47 lid 2, 3:45, 8:81, 9:18; see the beschikking letter).
    verordening = models.CharField(
        _("Wmo-verordening"),
        max_length=200,
        blank=True,
        help_text=_(
            "De naam van de verordening van deze gemeente, bijvoorbeeld ‘Verordening maatschappelijke "
            "ondersteuning Haarlem 2026’. Het artikel per voorziening staat in de catalogus."
        ),
    )
    mandaatregeling = models.CharField(
        _("mandaatregeling"),
        max_length=200,
        blank=True,
        help_text=_(
            "Het besluit waarmee het college mandaat geeft, bijvoorbeeld ‘Mandaatbesluit sociaal domein 2026’."
        ),
    )
    bezwaar_digitaal = models.CharField(
        _("digitaal bezwaar maken via"),
        max_length=200,
        blank=True,
        help_text=_("Het webadres waar inwoners digitaal bezwaar kunnen maken. Leeg: alleen per brief."),
    )
    rechtbank = models.CharField(
        _("rechtbank"),
        max_length=100,
        blank=True,
        help_text=_(
            "De rechtbank van het arrondissement van de gemeente, bijvoorbeeld ‘Rechtbank Noord-Holland’."
        ),
    )
    rechtbank_adres = models.CharField(_("adres van de rechtbank"), max_length=200, blank=True)
    ombudsman = models.CharField(
        _("ombudsman"),
        max_length=200,
        default="de Nationale ombudsman",
        help_text=_("De Nationale ombudsman, of de eigen ombudsman van de gemeente (Awb 9:17)."),
    )
    ombudsman_contact = models.CharField(
        _("contact ombudsman"),
        max_length=200,
        default="www.nationaleombudsman.nl, telefoon 0800 335 55 55",
    )
    verslag_telt_als_aanvraag = models.BooleanField(
        _("een ondertekend verslag telt als aanvraag"),
        default=True,
        help_text=_(
            "Als de inwoner het verslag ondertekent en daarin om een maatwerkvoorziening vraagt, "
            "geldt dat als de aanvraag (op de datum dat het ondertekende verslag binnenkwam)."
        ),
    )
    # Letterhead (templates/brieven/basis.html); the logo is a Briefhoofdlogo of its own.
    huiskleur = models.CharField(
        _("kleur in de brieven"),
        max_length=7,
        default=STANDAARD_HUISKLEUR,
        validators=[validate_huiskleur],
        help_text=_(
            "De kleur van de naam, de koppen en de lijnen in de brieven. Schrijf hem als # met zes "
            "tekens, bijvoorbeeld #1B3A5C. Hij moet donker genoeg zijn om op wit papier goed te lezen."
        ),
    )
    retouradres = models.CharField(
        _("retouradres"),
        max_length=200,
        blank=True,
        help_text=_(
            "Klein gedrukt boven het adres van de ontvanger, bijvoorbeeld ‘Postbus 511, 2003 PB Haarlem’. "
            "Leeg: het postadres."
        ),
    )
    ondertekening = models.CharField(
        _("regel bij de ondertekening"),
        max_length=200,
        blank=True,
        validators=[validate_ondertekening],
        help_text=_(
            "De regel boven de naam van wie ondertekent, bijvoorbeeld ‘namens het college van "
            "burgemeester en wethouders van Haarlem’. Leeg: die zin met de naam van de gemeente."
        ),
    )
    # Settings that change the flow (beheer.instellingen explains each).
    triage_uitgesloten = models.JSONField(
        _("redenen voor triage die niet mogen"),
        default=list,
        blank=True,
        help_text=_(
            "De redenen waarom een melding zonder gesprek verder mag, die deze gemeente niet toestaat."
        ),
    )
    let_op_werkdagen = models.PositiveSmallIntegerField(
        _("‘let op’ vanaf zoveel werkdagen voor de termijn"),
        default=standaard_let_op_werkdagen,
        validators=_tussen(LET_OP_WERKDAGEN, "werkdagen"),
    )
    nazorg_weken = models.PositiveSmallIntegerField(
        _("nazorg na zoveel weken"),
        default=standaard_nazorg_weken,
        validators=_tussen(NAZORG_WEKEN, "weken"),
    )
    einddatum_signaal_weken = models.PositiveSmallIntegerField(
        _("signaal zoveel weken voor de einddatum"),
        default=standaard_einddatum_signaal_weken,
        validators=_tussen(EINDDATUM_SIGNAAL_WEKEN, "weken"),
    )
    # iWmo regie: a toewijzing without a start zorg (WMO305) this many werkdagen after it took
    # effect shows "aanbieder nog niet gestart" (iwmo.regie). 5: one working week.
    iwmo_start_signaal_werkdagen = models.PositiveSmallIntegerField(
        _("‘aanbieder nog niet gestart’ na zoveel werkdagen"),
        default=5,
        validators=_tussen(IWMO_START_SIGNAAL_WERKDAGEN, "werkdagen"),
    )
    sessie_inactief_minuten = models.PositiveSmallIntegerField(
        _("uitloggen na zoveel minuten niets doen"),
        default=standaard_sessie_inactief_minuten,
        validators=_tussen(SESSIE_INACTIEF_MINUTEN, "minuten"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    let_op_werkdagen__gte=LET_OP_WERKDAGEN[0], let_op_werkdagen__lte=LET_OP_WERKDAGEN[1]
                ),
                name="gemeente_let_op_werkdagen_bereik",
            ),
            models.CheckConstraint(
                condition=models.Q(nazorg_weken__gte=NAZORG_WEKEN[0], nazorg_weken__lte=NAZORG_WEKEN[1]),
                name="gemeente_nazorg_weken_bereik",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    einddatum_signaal_weken__gte=EINDDATUM_SIGNAAL_WEKEN[0],
                    einddatum_signaal_weken__lte=EINDDATUM_SIGNAAL_WEKEN[1],
                ),
                name="gemeente_einddatum_signaal_bereik",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    sessie_inactief_minuten__gte=SESSIE_INACTIEF_MINUTEN[0],
                    sessie_inactief_minuten__lte=SESSIE_INACTIEF_MINUTEN[1],
                ),
                name="gemeente_sessie_minuten_bereik",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    iwmo_start_signaal_werkdagen__gte=IWMO_START_SIGNAAL_WERKDAGEN[0],
                    iwmo_start_signaal_werkdagen__lte=IWMO_START_SIGNAAL_WERKDAGEN[1],
                ),
                name="gemeente_iwmo_start_signaal_bereik",
            ),
            # The colour is written into the letter's stylesheet: only #RRGGBB, also in the database.
            models.CheckConstraint(
                condition=models.Q(huiskleur__regex=r"^#[0-9A-Fa-f]{6}$"), name="gemeente_huiskleur_hex"
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def retouradres_regel(self) -> str:
        return self.retouradres.strip() or f"{self.postadres}, {self.postcode_plaats}"

    @property
    def ondertekening_regel(self) -> str:
        return (
            self.ondertekening.strip() or f"namens het college van burgemeester en wethouders van {self.naam}"
        )

    def triage_toegestaan(self, reden: str) -> bool:
        """Whether this gemeente lets a melding go on without a broad gesprek for ``reden``."""
        return reden not in (self.triage_uitgesloten or [])

    def logo_data_uri(self) -> str:
        """The letterhead logo as a data: URI for the letter's PDF ("" without a logo; one query)."""
        logo = Briefhoofdlogo.objects.filter(gemeente=self).only("png").first()
        return logo.data_uri if logo else ""


class Briefhoofdlogo(models.Model):
    """A gemeente's logo on its letters: always a PNG re-encoded by beheer.instellingen (never the
    uploaded file itself), so no metadata and nothing but pixels. Apart from Gemeente so that the
    lists that join the gemeente never load the image."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="briefhoofdlogo")
    png = models.BinaryField(_("logo (PNG)"))
    breedte = models.PositiveIntegerField(_("breedte in pixels"))
    hoogte = models.PositiveIntegerField(_("hoogte in pixels"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # The history keeps which image (its hash) and who uploaded it, not the image itself.
    history = HistoricalRecords(excluded_fields=["png"])

    class Meta:
        verbose_name = _("logo in de brieven")
        verbose_name_plural = _("logo's in de brieven")

    def __str__(self):
        return f"Logo {self.gemeente_id}"

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(bytes(self.png)).decode("ascii")


class Organisatie(models.Model):
    """Who does the work: the gemeente's own execution organisation, or a partner.

    One execution organisation may serve several gemeenten (Haarlem and Zandvoort).
    """

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=OrganisatieSoort.choices)
    gemeenten = models.ManyToManyField(Gemeente, related_name="organisaties", verbose_name=_("gemeenten"))
    # A partner organisation registers meldingen for the inwoners of its gemeenten, except for the
    # gemeenten listed here (beheer.instellingen; enforced in meldingen.services.melding_registreren).
    registreert_niet_voor = models.ManyToManyField(
        Gemeente, related_name="+", blank=True, verbose_name=_("registreert geen meldingen voor")
    )
    history = HistoricalRecords(m2m_fields=[gemeenten, registreert_niet_voor])

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def is_partner(self) -> bool:
        return self.soort == OrganisatieSoort.PARTNER

    def mag_meldingen_registreren(self, gemeente: Gemeente) -> bool:
        """A partner registers meldingen for its gemeenten unless the execution organisation's
        beheerder switched that off for ``gemeente`` (one query; none for an execution organisation,
        whose scope the views already limit to the gemeenten it serves)."""
        return not (self.is_partner and self.registreert_niet_voor.filter(pk=gemeente.pk).exists())


class Team(models.Model):
    """A team within an organisation; meldingen without a consulent wait in its queue."""

    naam = models.CharField(_("naam"), max_length=100)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="teams")
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # A team is never deleted (meldingen, letters and history name it): it is taken out of use.
    # An inactive team gets no new meldingen or members (wmo.query.teams_voor, beheer.services).
    actief = models.BooleanField(_("in gebruik"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["organisatie__naam", "naam"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "naam"], name="team_naam_uniek")]

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"


def medewerker_naam(first_name: str, last_name: str, username: str) -> str:
    """How a medewerker is named (``str(medewerker)``), also for a row read without the Medewerker:
    the full name, else the username."""
    return f"{first_name} {last_name}".strip() or username


class Medewerker(AbstractUser):
    """A user: always of one organisation and one team; roles are Django groups (wmo.rollen)."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="medewerkers"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="leden")
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    # The identity provider's stable id for this person (the ID token's ``sub``), set at the first
    # single sign-on (toegang.oidc). Empty for an account that logs in with a password only.
    oidc_sub = models.CharField(
        _("id bij de identity provider"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wordt gevuld bij de eerste keer inloggen via de identity provider van de gemeente."),
    )
    # Not the password hash: old hashes kept in the history would be secrets nobody needs (BIO 9.4.3).
    history = HistoricalRecords(excluded_fields=["password"])

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["first_name", "last_name"]

    # What ``__str__`` reads: the fields a list needs when it loads a medewerker only to name them.
    NAAM_VELDEN = ("first_name", "last_name", "username")

    def __str__(self):
        return medewerker_naam(self.first_name, self.last_name, self.username)

    @cached_property
    def rollen(self) -> frozenset[str]:
        self.toegang_laden()
        return self.__dict__["rollen"]

    def heeft_rol(self, *rollen: Rol) -> bool:
        return any(r in self.rollen for r in rollen)

    @cached_property
    def gemeente_ids(self) -> frozenset[int]:
        self.toegang_laden()
        return self.__dict__["gemeente_ids"]

    def toegang_laden(self) -> None:
        """Roles, permissions and the gemeenten of the organisation, in one query (issue 14).

        Every page asks all three (the menu, ``perms`` in the templates, meldingen.query.scope);
        asked one by one they were four queries per request. Here they are one UNION of rows
        (kind, name, app_label, codename): "rol" per group with each of its permissions, "recht"
        per permission given to the user directly, "gemeente" per gemeente served. The
        permissions fill the caches of Django's ModelBackend (``_user_perm_cache``,
        ``_group_perm_cache``, ``_perm_cache``), so ``has_perm`` asks nothing more; toegang.backends
        calls this when a permission is asked first. A superuser's permissions are all of them:
        left to ModelBackend. Forget with ``__dict__.pop("rollen")`` (beheer.services does), then
        the next question loads all three afresh.
        """
        leeg = models.Value("", output_field=models.CharField())
        rijen = (
            Group.objects.filter(user=self)
            .annotate(soort=models.Value("rol", output_field=models.CharField()))
            .values_list("soort", "name", "permissions__content_type__app_label", "permissions__codename")
            .order_by()  # no ORDER BY inside a UNION (SQLite refuses it; the order does not matter)
            .union(
                Permission.objects.filter(user=self)
                .annotate(soort=models.Value("recht", output_field=models.CharField()), groep=leeg)
                .values_list("soort", "groep", "content_type__app_label", "codename")
                .order_by(),
                Gemeente.objects.filter(organisaties=self.organisatie_id or 0)
                .annotate(
                    soort=models.Value("gemeente", output_field=models.CharField()),
                    gemeente=Cast("pk", models.CharField()),
                    app=leeg,
                    code=leeg,
                )
                .values_list("soort", "gemeente", "app", "code")
                .order_by(),
                all=True,
            )
        )
        rollen, gemeenten, groep_rechten, eigen_rechten = set(), set(), set(), set()
        for soort, naam, app_label, codename in rijen:
            if soort == "gemeente":
                gemeenten.add(int(naam))
                continue
            if soort == "rol":
                rollen.add(naam)
            if codename:
                (groep_rechten if soort == "rol" else eigen_rechten).add(f"{app_label}.{codename}")
        self.__dict__["rollen"] = frozenset(rollen)
        self.__dict__["gemeente_ids"] = frozenset(gemeenten)
        if self.is_active and not self.is_superuser:
            self._user_perm_cache = eigen_rechten
            self._group_perm_cache = groep_rechten
            self._perm_cache = eigen_rechten | groep_rechten


class VoorzieningQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        """The periods valid on ``datum`` (geldig_vanaf <= datum <= geldig_tot, or open-ended)."""
        return self.filter(geldig_vanaf__lte=datum).filter(
            models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=datum)
        )

    def te_kiezen(self, datum):
        """What a choice list offers on ``datum``: the period valid then, and a product that only
        starts later by its first period (so a new product can be chosen before it starts)."""
        later = self.model.objects.filter(reeks=models.OuterRef("reeks"), geldig_vanaf__lte=datum)
        return self.filter(
            models.Q(geldig_vanaf__lte=datum, geldig_tot__isnull=True)
            | models.Q(geldig_vanaf__lte=datum, geldig_tot__gte=datum)
            | (models.Q(geldig_vanaf__gt=datum) & ~models.Exists(later))
        )


class Voorziening(models.Model):
    """The catalogue: algemene voorzieningen (the sociale kaart) and maatwerk products.

    Validity periods. One row is one PERIOD of a product; all periods of one product share
    ``reeks``, and they never overlap. Choice: the history of a decision must stay right, so
    - a period that nobody used yet (no aanvraag, no beschikking, no onderzoek names it) may be
      edited freely (catalogus.voorziening_wijzigen);
    - a used period is never edited in a way that changes what a decision said. A change of
      tarief, eenheid, grondslag etc. from a date is a new period (voorziening_nieuwe_periode):
      the old row ends the day before, the next row starts with the new values;
    - a product that stops is ended (geldig_tot), never deleted.
    A BeschikkingRegel points to the period valid on its ingangsdatum (the service picks it in
    the same reeks) and copies what the letter needs at decision (eenheid, pgb_tarief, eigen
    bijdrage), so a sent beschikking reads the same after any later change. The Mandaat rows hang
    on each period; editing the mandaat on the product page changes it for all periods of the
    reeks (it is the mandaatregeling, not part of what the inwoner was told).

    One catalogue serves every gemeente of the execution organisation (the choice documented at
    ``verordening_artikel``); contracts with aanbieders are per gemeente (Contract).
    """

    reeks = models.UUIDField(_("product"), default=uuid.uuid4, editable=False, db_index=True)
    geldig_vanaf = models.DateField(_("geldig vanaf"), default=datetime.date(2015, 1, 1))
    geldig_tot = models.DateField(
        _("geldig tot en met"), null=True, blank=True, help_text=_("Leeg: geldt tot het wordt beëindigd.")
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=VoorzieningSoort.choices)
    iwmo_productcategorie = models.CharField(
        _("iWmo-productcategorie"),
        max_length=2,
        blank=True,
        choices=Productcategorie.choices,
        help_text=_("Uit de iWmo-codelijst WMO020, bijvoorbeeld 01 voor hulp bij het huishouden."),
    )
    iwmo_productcode = models.CharField(
        _("iWmo-productcode"),
        max_length=5,
        blank=True,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z]{1,5}$",
                _("Een iWmo-productcode heeft 1 tot 5 letters of cijfers, zonder spaties."),
            )
        ],
        help_text=_("De code uit de productcodelijst die de gemeente met de aanbieders afspreekt."),
    )
    # WJ756; max_length leaves room for the free text of rows made before the code list.
    eenheid = models.CharField(
        _("eenheid"), max_length=30, blank=True, choices=Eenheid.choices, help_text=_("iWmo-codelijst WJ756.")
    )
    frequentie = models.CharField(
        _("frequentie"),
        max_length=1,
        blank=True,
        choices=FrequentieIwmo.choices,
        help_text=_("iWmo-codelijst WMO757: hoe vaak de omvang geldt."),
    )
    gebruikelijke_omvang = models.CharField(_("gebruikelijke omvang"), max_length=100, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    natura_toegestaan = models.BooleanField(_("zorg in natura mogelijk"), default=True)
    pgb_toegestaan = models.BooleanField(_("pgb mogelijk"), default=True)
    # The legal basis a beschikking names per voorziening (Awb 3:47 lid 2). The Verordening's
    # name is the gemeente's (Gemeente.verordening); the article is kept here, per product. Choice:
    # one catalogue serves every gemeente of the execution organisation, so their verordeningen
    # are assumed to share the article numbering (as harmonised regional verordeningen do).
    wettelijke_grondslag = models.CharField(
        _("artikel(en) Wmo 2015"), max_length=200, blank=True, default="Wmo 2015 art. 2.3.5 lid 3"
    )
    verordening_artikel = models.CharField(
        _("artikel in de verordening"), max_length=100, blank=True, help_text=_("Bijvoorbeeld ‘artikel 9’.")
    )
    beleidsregel = models.CharField(
        _("beleidsregel"), max_length=300, blank=True, help_text=_("Alleen als een beleidsregel is gebruikt.")
    )
    # The pgb (Wmo 2015 art. 2.3.6): amount = tarief × omvang, per period of the decision.
    pgb_tarief = models.DecimalField(
        _("pgb-tarief in euro per eenheid"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    # Eigen bijdrage (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo 2015 art. 3.8): a property of the
    # product, with the legal exemption when there is none (e.g. art. 3.8 lid 4 onder d: rolstoelen).
    eigen_bijdrage = models.BooleanField(_("eigen bijdrage via het CAK"), default=True)
    geen_eigen_bijdrage_grond = models.CharField(
        _("waarom geen eigen bijdrage"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld ‘Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4 onder d (rolstoelen)’."),
    )
    verstrekking = models.CharField(
        _("bij een eenmalige voorziening"),
        max_length=20,
        choices=Verstrekking.choices,
        blank=True,
        help_text=_("Krijgt de inwoner het in bruikleen of wordt het zijn eigendom?"),
    )
    # The sociale kaart (algemene voorzieningen): who offers it, how to reach them, for which
    # resultaten, and what it costs the inwoner.
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    resultaatgebieden = models.JSONField(_("resultaatgebieden"), default=list, blank=True)
    kosten = models.CharField(
        _("kosten voor de inwoner"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld ‘gratis’ of ‘€ 4,50 per maaltijd’."),
    )
    history = HistoricalRecords()

    objects = VoorzieningQuerySet.as_manager()

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")
        ordering = ["soort", "iwmo_productcategorie", "naam", "geldig_vanaf"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort=VoorzieningSoort.MAATWERK) | ~models.Q(iwmo_productcategorie=""),
                name="maatwerk_heeft_productcategorie",
            ),
            models.CheckConstraint(
                condition=models.Q(eigen_bijdrage=True) | ~models.Q(geen_eigen_bijdrage_grond=""),
                name="voorziening_vrijstelling_met_grond",
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="voorziening_tot_na_vanaf",
            ),
        ]

    def __str__(self):
        if self.iwmo_productcategorie:
            return f"{self.naam} ({self.iwmo_productcategorie})"
        return self.naam

    @property
    def is_maatwerk(self) -> bool:
        return self.soort == VoorzieningSoort.MAATWERK

    def geldig(self, datum) -> bool:
        return self.geldig_vanaf <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)

    @property
    def keuze_label(self) -> str:
        """In a pick list: an algemene voorziening with who offers it and what it costs (the sociale
        kaart, so the consulent can tell the inwoner at the table)."""
        if self.is_maatwerk:
            return str(self)
        bij = ", ".join(x for x in (self.organisatie, self.kosten) if x)
        return f"{self.naam} ({bij})" if bij else self.naam

    @property
    def resultaatgebied_labels(self) -> list[str]:
        return [Resultaatgebied(g).label for g in self.resultaatgebieden if g in Resultaatgebied.values]

    @property
    def eenheid_in_brief(self) -> str:
        """The unit as the letter prints it ("uur"); free text of an old row as it is."""
        return EENHEID_IN_BRIEF.get(self.eenheid, self.eenheid)

    def clean(self):
        errors = {}
        if not self.eigen_bijdrage and not self.geen_eigen_bijdrage_grond.strip():
            errors["geen_eigen_bijdrage_grond"] = _("Schrijf op op grond waarvan geen eigen bijdrage geldt.")
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            errors["geldig_tot"] = _(
                "De einddatum ligt vóór de begindatum. Kies een datum op of na de begindatum."
            )
        if self.soort == VoorzieningSoort.MAATWERK:
            if not self.iwmo_productcategorie:
                errors["iwmo_productcategorie"] = _("Kies de iWmo-productcategorie (codelijst WMO020).")
            if not self.eenheid:
                errors["eenheid"] = _("Kies de eenheid (codelijst WJ756), bijvoorbeeld uur.")
            if not (self.natura_toegestaan or self.pgb_toegestaan):
                errors["natura_toegestaan"] = _(
                    "Zet zorg in natura of pgb aan: anders kan niemand dit krijgen."
                )
            if self.pgb_toegestaan and self.pgb_tarief is None:
                errors["pgb_tarief"] = _("Vul het pgb-tarief in, of zet ‘pgb mogelijk’ uit.")
        onbekend = [g for g in self.resultaatgebieden or [] if g not in Resultaatgebied.values]
        if onbekend:
            errors["resultaatgebieden"] = _("Kies resultaatgebieden uit de lijst.")
        if errors:
            raise ValidationError(errors)


def validate_agb_code(value: str) -> None:
    """An AGB code (Vektis AGB-register) is exactly 8 digits; the iWmo XSD (LDT_AgbCode) checks
    the same pattern. The register publishes no check-digit rule, so none is checked here."""
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(
            _("Een AGB-code heeft precies 8 cijfers, bijvoorbeeld 41001234."), code="agb_code"
        )


class Aanbieder(models.Model):
    """A zorgaanbieder the gemeenten contract for zorg in natura; iWmo (issue 13) addresses it by
    its AGB code. Never deleted: a beschikking names it; ``actief`` off when it stops."""

    naam = models.CharField(_("naam"), max_length=200)
    agb_code = models.CharField(_("AGB-code"), max_length=8, unique=True, validators=[validate_agb_code])
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class ContractQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(geldig_vanaf__lte=datum).filter(
            models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=datum)
        )

    def voor(self, *, voorziening, gemeente_id, datum):
        """Contracts of active aanbieders for this product (any period of its reeks), in this
        gemeente, valid on ``datum``."""
        return self.geldig_op(datum).filter(
            voorziening__reeks=voorziening.reeks, gemeente_id=gemeente_id, aanbieder__actief=True
        )


class Contract(models.Model):
    """Which product an aanbieder is contracted for, in which gemeente, in which period.

    The product is the reeks of the Voorziening named (a new catalogue period does not end the
    contract). Periods of the same aanbieder, gemeente and product never overlap."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="contracten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="contracten",
        verbose_name=_("product"),
        limit_choices_to={"soort": VoorzieningSoort.MAATWERK},
    )
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["gemeente__naam", "voorziening__naam", "geldig_vanaf"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="contract_tot_na_vanaf",
            ),
        ]

    def __str__(self):
        return f"{self.aanbieder}: {self.voorziening.naam} in {self.gemeente}"

    def clean(self):
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            raise ValidationError(
                {
                    "geldig_tot": _(
                        "De einddatum ligt vóór de begindatum. Kies een datum op of na de begindatum."
                    )
                }
            )


class GelijkgesteldeDag(models.Model):
    """A day equated to a feestdag by Royal Decree (Algemene termijnenwet art. 3 lid 3)."""

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=300,
        help_text=_("Het Koninklijk Besluit, met vindplaats in de Staatscourant."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen")
        ordering = ["datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class Brief(models.Model):
    """A letter exactly as it was sent: the PDF bytes, their hash, when, and to whom.

    One row per PDF that left the building: the original, and each copy as its own row pointing
    to its ``origineel``. A copy is a letter too (its own address, its "Kopie" mark, its own hash),
    so it is frozen, served and access-checked exactly like the original; fields on Brief keep
    that one path, where a separate recipients table would need a second one for the copies'
    PDFs. Who gets what: wmo.regels.vertegenwoordiging.
    """

    soort = models.CharField(_("soort"), max_length=40, choices=BriefSoort.choices)
    kenmerk = models.CharField(_("kenmerk"), max_length=40)
    inwoner = models.ForeignKey("meldingen.Inwoner", on_delete=models.PROTECT, related_name="brieven")
    melding = models.ForeignKey(
        "meldingen.Melding", on_delete=models.PROTECT, related_name="brieven", null=True, blank=True
    )
    pdf = models.BinaryField(_("pdf"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), db_index=True)
    verstuurd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    # To whom it went, as printed in the address block (name and address at the moment of sending).
    ontvanger_naam = models.CharField(_("ontvanger"), max_length=200, blank=True)
    ontvanger_adres = models.TextField(_("adres ontvanger"), blank=True)
    ontvanger_rol = models.CharField(
        _("rol ontvanger"), max_length=20, choices=OntvangerRol.choices, default=OntvangerRol.INWONER
    )
    origineel = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kopieen",
        verbose_name=_("kopie van"),
    )
    # The text version it was sent with (null: the standard text from code). The PDF stays the proof.
    tekst = models.ForeignKey(
        "BriefTekst",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="brieven",
        verbose_name=_("tekstversie"),
    )

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-verstuurd_op"]

    def __str__(self):
        kopie = " (kopie)" if self.origineel_id else ""
        return f"{self.get_soort_display()} {self.kenmerk}{kopie}"

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(bytes(self.pdf)).hexdigest()
        super().save(*args, **kwargs)

    @property
    def is_kopie(self) -> bool:
        return self.origineel_id is not None


class BriefTekst(models.Model):
    """One version of a gemeente's text for one kind of letter (wmo.brieven.blokken, teksten).

    Rows are never changed: every save is a new version (1, 2, 3 ... per gemeente and soort) and
    the newest is in use. No row: the standard text from code. ``blokken`` maps a text block's
    sleutel to ``{"kop": ..., "tekst": ...}``; a block missing there uses its standard text.
    Write only through wmo.brieven.teksten_opslaan (it validates: placeholders, the legal parts).
    """

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="brief_teksten")
    soort = models.CharField(_("soort"), max_length=40, choices=BriefSoort.choices)
    versie = models.PositiveIntegerField(_("versie"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    blokken = models.JSONField(_("blokken"), default=dict)
    toelichting = models.TextField(_("toelichting"), blank=True)
    gemaakt_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    gemaakt_op = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("brieftekst")
        verbose_name_plural = _("briefteksten")
        ordering = ["gemeente", "soort", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "soort", "versie"], name="brieftekst_versie_uniek"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.gemeente} versie {self.versie}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValidationError("Een versie van een brieftekst verandert niet; sla een nieuwe versie op.")
        super().save(*args, **kwargs)


class AppendOnlyError(Exception):
    """An attempt to change or remove a row of the access log (BIO 12.4.2)."""


class InzageQuerySet(models.QuerySet):
    """The access log is append-only: a bulk update or delete through the ORM is refused too."""

    def update(self, **kwargs):
        raise AppendOnlyError("Het inzagelog is alleen-toevoegen: een rij wijzigen kan niet.")

    def delete(self):
        raise AppendOnlyError(
            "Het inzagelog is alleen-toevoegen: rijen verwijderen kan alleen inzagelog_opschonen."
        )


class Inzage(models.Model):
    """One row of the access log: who did what with whose personal data, when and from where.

    NEN 7513:2018 asks of a log of access to (health) records: the user (identified, with role
    and organisation at that moment), the client whose data it was, the object and action, the
    moment, and the source of the access. BIO 12.4.1 (event logging) asks the same of a
    government system, BIO 12.4.2 that the log is protected against change and removal, and
    BIO 12.4.3 that what administrators do is logged as well: the privacy officer's own searches
    are rows here too.

    Denormalised on purpose: name, organisation and roles are copied at the moment of access,
    so the row stays right when the medewerker later moves or gets another role.
    ``inwoner`` is empty only when no single inwoner applies (a search of the log itself that
    showed nobody). Rows are written only by ``wmo.services.inzage_vastleggen`` and
    ``inzages_vastleggen``; the tamper-evident hash chain, verification and retention live in
    ``wmo.inzagelog``. Append-only: ``save()`` refuses an update, ``delete()`` refuses, and on
    PostgreSQL a trigger refuses UPDATE and DELETE (migration 0008).
    """

    tijdstip = models.DateTimeField(_("tijdstip"), db_index=True)
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    medewerker_naam = models.CharField(_("naam medewerker"), max_length=300)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisatie_naam = models.CharField(_("organisatie"), max_length=200, blank=True)
    rollen = models.CharField(_("rollen"), max_length=300, blank=True)
    inwoner = models.ForeignKey(
        "meldingen.Inwoner", on_delete=models.PROTECT, null=True, blank=True, related_name="inzages"
    )
    object_type = models.CharField(_("soort gegevens"), max_length=40, blank=True)
    object_id = models.PositiveBigIntegerField(_("nummer"), null=True, blank=True)
    actie = models.CharField(
        _("actie"), max_length=20, choices=InzageActie.choices, default=InzageActie.RAADPLEGEN
    )
    wat = models.CharField(_("omschrijving"), max_length=200)
    ip_adres = models.CharField(_("IP-adres"), max_length=45, blank=True)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = InzageQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzages")
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["inwoner", "tijdstip"], name="inzage_inwoner_tijdstip_idx"),
            models.Index(fields=["medewerker", "tijdstip"], name="inzage_medewerker_tijdstip_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actie__in=InzageActie.values), name="inzage_actie_geldig"
            ),
        ]

    def __str__(self):
        return f"{self.medewerker_naam} {self.wat} {self.tijdstip:%d-%m-%Y %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Het inzagelog is alleen-toevoegen: een rij wijzigen kan niet.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het inzagelog is alleen-toevoegen: een rij verwijderen kan niet.")


class InzageAnker(models.Model):
    """Where the hash chain starts after a purge: the hash of the last row removed.

    ``inzagelog_opschonen`` removes rows past the retention period (INZAGELOG_BEWAARTERMIJN_JAREN)
    and adds an anchor, so ``inzagelog_controleren`` still verifies the rows that remain. One row
    per purge, never changed: it is also the record of who purged how much, and when (BIO 12.4.3).
    """

    tot_en_met_id = models.PositiveBigIntegerField(_("tot en met rij"))
    hash = models.CharField(_("hash"), max_length=64)
    aantal = models.PositiveIntegerField(_("aantal verwijderd"))
    bewaard_vanaf = models.DateTimeField(_("bewaard vanaf"))
    tijdstip = models.DateTimeField(_("tijdstip"))

    class Meta:
        verbose_name = _("anker van het inzagelog")
        verbose_name_plural = _("ankers van het inzagelog")
        ordering = ["-tot_en_met_id"]

    def __str__(self):
        return f"tot en met {self.tot_en_met_id}"


_per_verzoek = threading.local()


def gelijkgestelde_dagen() -> frozenset:
    """The days equated to feestdagen by Royal Decree, for wmo.termijnen (one query).

    Within one web request the days are read once: a dashboard asks for them for every clock
    (issue 14). The memory lives from request_started to request_finished of this thread, and a
    change of the days in that request (beheer) forgets it; outside a request (tests, commands,
    tasks) every call reads the table.
    """
    if getattr(_per_verzoek, "actief", False):
        if getattr(_per_verzoek, "dagen", None) is None:
            _per_verzoek.dagen = frozenset(GelijkgesteldeDag.objects.values_list("datum", flat=True))
        return _per_verzoek.dagen
    return frozenset(GelijkgesteldeDag.objects.values_list("datum", flat=True))


def verzoek_begint(**kwargs) -> None:
    _per_verzoek.actief, _per_verzoek.dagen = True, None


def verzoek_eindigt(**kwargs) -> None:
    _per_verzoek.actief, _per_verzoek.dagen = False, None


def gelijkgestelde_dagen_vergeten(**kwargs) -> None:
    from . import teamcache

    _per_verzoek.dagen = None
    teamcache.gewijzigd()  # every team's deadlines move: its dashboard figures too
