"""Inwoner and Melding: the start of every dossier (Wmo 2015 art. 2.3.2)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wmo.codelijsten import Communicatievorm, Geslacht, JuridischeStatus, NaamGebruik
from wmo.models import Gemeente, Medewerker, Team
from wmo.regels import spoed as spoed_regel
from wmo.regels import vertegenwoordiging as vertegenwoordiging_regel
from wmo.regels.vertegenwoordiging import Vertegenwoordiging
from wmo.tekstlengte import LANG, lengte
from wmo.transitions import transition_allowed
from wmo.validators import validate_bsn, validate_niet_in_toekomst, validate_postcode

from .constants import (
    OPEN_STATUSSEN,
    OVERGANGEN,
    Afsluitreden,
    Contactvoorkeur,
    Kanaal,
    MelderRelatie,
    MeldingStatus,
    RaadplegingReden,
)
from .query import InwonerQuerySet, MeldingQuerySet

# The naamgebruik (iWmo COD700) that uses the partner's surname.
NAAMGEBRUIK_MET_PARTNER = (
    NaamGebruik.NAAM_PARTNER,
    NaamGebruik.NAAM_PARTNER_EIGEN_NAAM,
    NaamGebruik.EIGEN_NAAM_NAAM_PARTNER,
)

# How many digits of the BSN a search result shows (Inwoner.bsn_laatste_cijfers).
BSN_ZICHTBAAR = 3


def _postcode_weergave(postcode: str) -> str:
    return f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode


class Inwoner(models.Model):
    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[validate_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200, db_index=True)
    geboortedatum = models.DateField(_("geboortedatum"), db_index=True)
    # What the iWmo toewijzing (WMO301) to an aanbieder needs about the person (issue 13), with the
    # code lists of iWmo 3.2. Geslacht as in the BRP; blank only for rows the loket has not yet
    # completed (the message then is not sent, and the consulent is told why).
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, blank=True)
    naamgebruik = models.CharField(
        _("welke achternaam gebruikt de inwoner"),
        max_length=1,
        choices=NaamGebruik.choices,
        default=NaamGebruik.EIGEN_NAAM,
        help_text=_("Zoals de inwoner aangesproken wil worden, bijvoorbeeld met de naam van de partner."),
    )
    partner_tussenvoegsel = models.CharField(_("tussenvoegsel partner"), max_length=10, blank=True)
    partner_achternaam = models.CharField(
        _("achternaam partner"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als de inwoner (ook) de achternaam van de partner gebruikt."),
    )
    communicatievorm = models.CharField(
        _("tolk nodig"),
        max_length=1,
        choices=Communicatievorm.choices,
        blank=True,
        help_text=_("Leeg laten als de inwoner geen tolk nodig heeft."),
    )
    communicatie_taal = models.CharField(
        _("taal van de inwoner"),
        max_length=25,
        blank=True,
        help_text=_("Bij een tolk: in welke taal, bijvoorbeeld Arabisch."),
    )
    juridische_status = models.CharField(
        _("maatregel van de rechter"),
        max_length=2,
        choices=JuridischeStatus.choices,
        blank=True,
        help_text=_(
            "Alleen invullen als een rechter een maatregel heeft opgelegd, bijvoorbeeld een machtiging."
        ),
    )
    straat = models.CharField(_("straat"), max_length=200)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisnummer_toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, validators=[validate_postcode])
    woonplaats = models.CharField(_("woonplaats"), max_length=100)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contactvoorkeur = models.CharField(
        _("contactvoorkeur"),
        max_length=20,
        choices=Contactvoorkeur.choices,
        default=Contactvoorkeur.TELEFOON,
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="inwoners")
    # Wettelijk vertegenwoordiger (BW boek 1: curator art. 378/381, mentor art. 450/453/454, bewindvoerder
    # art. 431/441): who receives the letters is decided in wmo.regels.vertegenwoordiging.
    vertegenwoordiger_soort = models.CharField(
        _("soort vertegenwoordiger"),
        max_length=20,
        choices=Vertegenwoordiging.choices,
        blank=True,
        help_text=_(
            "Alleen als de rechter iemand heeft benoemd, of bij een kind onder 18: de ouder of voogd met gezag. "
            "Een curator, mentor of ouder met gezag krijgt de brieven in plaats van de inwoner. Een "
            "bewindvoerder gaat alleen over geld en krijgt een kopie."
        ),
    )
    vertegenwoordiger_naam = models.CharField(
        _("naam vertegenwoordiger"),
        max_length=200,
        blank=True,
        help_text=_("Bij een organisatie: de naam van de organisatie en van de persoon (t.a.v.)."),
    )
    vertegenwoordiger_adres = models.CharField(
        _("straat en huisnummer vertegenwoordiger"), max_length=200, blank=True
    )
    vertegenwoordiger_postcode = models.CharField(
        _("postcode vertegenwoordiger"), max_length=6, blank=True, validators=[validate_postcode]
    )
    vertegenwoordiger_woonplaats = models.CharField(_("plaats vertegenwoordiger"), max_length=100, blank=True)
    vertegenwoordiger_telefoon = models.CharField(_("telefoon vertegenwoordiger"), max_length=30, blank=True)
    vertegenwoordiger_email = models.EmailField(_("e-mail vertegenwoordiger"), blank=True)
    # AVG art. 5 lid 1 onder c: a bewindvoerder gets the verslag only with the inwoner's recorded consent.
    toestemming_verslag_bewindvoerder_op = models.DateField(
        _("toestemming verslag aan bewindvoerder gegeven op"), null=True, blank=True
    )
    toestemming_verslag_bewindvoerder_door = models.ForeignKey(
        Medewerker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    # Contactpersoon (not a legal representative), who receives copies of letters when asked.
    contactpersoon_naam = models.CharField(_("naam contactpersoon"), max_length=200, blank=True)
    contactpersoon_relatie = models.CharField(_("relatie tot de inwoner"), max_length=100, blank=True)
    contactpersoon_telefoon = models.CharField(_("telefoon contactpersoon"), max_length=30, blank=True)
    contactpersoon_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contactpersoon_adres = models.CharField(_("adres contactpersoon"), max_length=300, blank=True)
    contactpersoon_krijgt_kopie = models.BooleanField(
        _("contactpersoon krijgt kopie van brieven"), default=False
    )
    # Wmo 2015 art. 2.5.1: the yearly cliëntervaringsonderzoek; an inwoner may refuse to take part.
    geen_clientervaringsonderzoek = models.BooleanField(
        _("wil niet meedoen aan het cliëntervaringsonderzoek"),
        default=False,
        help_text=_("Deze inwoner komt dan niet in de steekproef voor het onderzoek."),
    )
    history = HistoricalRecords()

    objects = InwonerQuerySet.as_manager()

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")
        ordering = ["achternaam", "voornamen"]
        indexes = [models.Index(fields=["postcode", "huisnummer"], name="inwoner_adres_idx")]

    def __str__(self):
        return self.naam

    # What ``naam`` reads: the fields a list needs when it loads an inwoner only to show its name.
    NAAM_VELDEN = ("voornamen", "tussenvoegsel", "achternaam")

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def bsn_laatste_cijfers(self) -> str:
        """The last BSN_ZICHTBAAR digits: what a search result shows of the BSN.

        AVG art. 5 lid 1 onder c (data minimisation) and Wmo 2015 art. 5.1.1: a search shows
        whom it found, not the full BSN. Three digits, with name, birth date and address, are
        enough to check over the phone that it is the right person; the full BSN is on the dossier.
        """
        return self.bsn[-BSN_ZICHTBAAR:]

    @property
    def adresregel(self) -> str:
        return f"{self.straat} {self.huisnummer}{self.huisnummer_toevoeging}".strip()

    @property
    def postcode_weergave(self) -> str:
        return _postcode_weergave(self.postcode)

    @property
    def vertegenwoordigt(self):
        """What the vertegenwoordiger represents (person, money or both), from the kind (BW boek 1)."""
        return vertegenwoordiging_regel.vertegenwoordigt(self.vertegenwoordiger_soort)

    @property
    def vertegenwoordiger_adresregels(self) -> list[str]:
        plaats = f"{_postcode_weergave(self.vertegenwoordiger_postcode)}  {self.vertegenwoordiger_woonplaats.upper()}"
        return [self.vertegenwoordiger_adres, plaats.strip()]

    @property
    def heeft_toestemming_verslag_bewindvoerder(self) -> bool:
        return self.toestemming_verslag_bewindvoerder_op is not None

    def clean(self):
        if self.geboortedatum and self.geboortedatum > timezone.localdate():
            raise ValidationError({"geboortedatum": _("Een geboortedatum kan niet in de toekomst liggen.")})
        if self.naamgebruik in NAAMGEBRUIK_MET_PARTNER and not self.partner_achternaam.strip():
            raise ValidationError(
                {"partner_achternaam": _("Vul de achternaam van de partner in, of kies ‘Eigen naam’.")}
            )
        if self.communicatie_taal.strip() and not self.communicatievorm:
            raise ValidationError({"communicatievorm": _("Kies welke tolk de inwoner nodig heeft.")})
        if self.contactpersoon_krijgt_kopie and not self.contactpersoon_naam:
            raise ValidationError(
                {"contactpersoon_naam": _("Vul de naam in van de contactpersoon die een kopie krijgt.")}
            )
        if self.contactpersoon_krijgt_kopie and not self.contactpersoon_adres.strip():
            raise ValidationError(
                {"contactpersoon_adres": _("Vul het adres in van de contactpersoon die een kopie krijgt.")}
            )
        errors = {}
        if self.vertegenwoordiger_soort:
            verplicht = {
                "vertegenwoordiger_naam": _("Vul de naam van de vertegenwoordiger in."),
                "vertegenwoordiger_adres": _("Vul de straat en het huisnummer van de vertegenwoordiger in."),
                "vertegenwoordiger_postcode": _("Vul de postcode van de vertegenwoordiger in."),
                "vertegenwoordiger_woonplaats": _("Vul de plaats van de vertegenwoordiger in."),
            }
            for veld, melding in verplicht.items():
                if not getattr(self, veld).strip():
                    errors[veld] = melding
        elif self.vertegenwoordiger_naam.strip():
            errors["vertegenwoordiger_soort"] = _(
                "Kies of de vertegenwoordiger curator, mentor, bewindvoerder of ouder of voogd met gezag is."
            )
        if (
            self.toestemming_verslag_bewindvoerder_op
            and self.vertegenwoordiger_soort != Vertegenwoordiging.BEWINDVOERDER
        ):
            errors["vertegenwoordiger_soort"] = _(
                "Toestemming voor het verslag geldt alleen voor een bewindvoerder."
            )
        if errors:
            raise ValidationError(errors)


def melding_kenmerk(pk, ontvangen_op) -> str:
    """The melding's kenmerk ("WMO-2026-000042"), also for a row read without the Melding."""
    # The year of receipt in Amsterdam: a melding of 1 January 00:30 is of the new year (UTC: the old).
    return f"WMO-{timezone.localdate(ontvangen_op).year}-{pk:06d}" if pk else "WMO-nieuw"


class Melding(models.Model):
    """Someone tells the gemeente that support is needed; this starts the statutory clocks."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="meldingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="meldingen")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="meldingen")
    consulent = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen"
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    melder_is_inwoner = models.BooleanField(_("de inwoner meldt zelf"), default=True)
    melder_naam = models.CharField(_("naam melder"), max_length=200, blank=True)
    melder_relatie = models.CharField(
        _("relatie tot de inwoner"), max_length=30, choices=MelderRelatie.choices, blank=True
    )
    melder_organisatie = models.CharField(_("organisatie melder"), max_length=200, blank=True)
    melder_telefoon = models.CharField(_("telefoon melder"), max_length=30, blank=True)
    toestemming_inwoner = models.BooleanField(
        _("inwoner geeft toestemming voor de melding"), null=True, blank=True
    )
    hulpvraag = models.TextField(_("hulpvraag in de woorden van de inwoner"), **lengte(LANG))
    spoed = models.BooleanField(_("spoed"), default=False)
    spoed_reden = models.TextField(_("reden voor spoed"), blank=True)
    bekend = models.BooleanField(_("inwoner is al bekend (herindicatie)"), default=False)
    tweede_melding_reden = models.TextField(_("reden voor een tweede open melding"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=MeldingStatus.choices, default=MeldingStatus.ONTVANGEN
    )
    afsluitreden = models.CharField(
        _("reden van afsluiten"), max_length=30, choices=Afsluitreden.choices, blank=True
    )
    afsluit_toelichting = models.TextField(_("toelichting bij afsluiten"), blank=True)
    # Deadlines are stored and indexed, written by the services (wmo.termijnen computes them).
    plan_deadline = models.DateField(_("uiterste datum persoonlijk plan"), db_index=True)
    onderzoek_deadline = models.DateField(_("uiterste datum onderzoek"), db_index=True)
    # When the onderzoek clock was met (verslag sent, or the melding ended otherwise).
    onderzoek_afgerond_op = models.DateField(_("onderzoek afgerond op"), null=True, blank=True, db_index=True)
    # The day the melding reached a final status (besloten, or afgesloten zonder aanvraag): the
    # care relation lasts ZORGRELATIE_MAANDEN after it (InwonerQuerySet.met_zorgrelatie).
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True, db_index=True)
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    history = HistoricalRecords()

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["onderzoek_deadline", "id"]
        permissions = [("toewijzen_melding", _("Melding toewijzen aan een consulent"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=MeldingStatus.values), name="melding_status_geldig"
            ),
            models.CheckConstraint(
                condition=(models.Q(status=MeldingStatus.AFGESLOTEN) & ~models.Q(afsluitreden=""))
                | (~models.Q(status=MeldingStatus.AFGESLOTEN) & models.Q(afsluitreden="")),
                name="melding_afsluitreden_bij_afgesloten",
            ),
            models.CheckConstraint(
                condition=models.Q(spoed=False) | ~models.Q(spoed_reden=""),
                name="melding_spoed_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(melder_is_inwoner=True) | ~models.Q(melder_relatie=""),
                name="melding_melder_met_relatie",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=OPEN_STATUSSEN, beeindigd_op__isnull=True)
                | (~models.Q(status__in=OPEN_STATUSSEN) & models.Q(beeindigd_op__isnull=False)),
                name="melding_beeindigd_op_bij_eindstatus",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "status"], name="melding_team_status_idx"),
            # Management information per month (teamleider.query.managementinformatie): meldingen received in a period.
            models.Index(fields=["ontvangen_op"], name="melding_ontvangen_idx"),
            # The current month of one team (MI's live part): received, and onderzoek finished, in
            # a period. Without them PostgreSQL ANDs the region's dates with all of the team's
            # 68,000 meldingen (largest team at 1M; issue 14).
            models.Index(fields=["team", "ontvangen_op"], name="melding_team_ontvangen_idx"),
            models.Index(fields=["team", "onderzoek_afgerond_op"], name="melding_team_afgerond_idx"),
            # Open meldingen (a small part of all) per team and per consulent, in the order of the
            # werkvoorraad and the dashboard's clocks.
            models.Index(
                fields=["team", "onderzoek_deadline"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="melding_open_team_idx",
            ),
            models.Index(
                fields=["consulent", "onderzoek_deadline"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="melding_open_consulent_idx",
            ),
            # The team's queue (werkvoorraad "Wachtrij van mijn team"): at 1M meldingen the largest
            # team has 1,354 open meldingen, 252 of them in the queue; read through this index the
            # section visits 250 table pages instead of 1,323 (issue 14).
            models.Index(
                fields=["team", "onderzoek_deadline"],
                condition=models.Q(status__in=OPEN_STATUSSEN, consulent__isnull=True),
                name="melding_wachtrij_idx",
            ),
            # Open meldingen whose onderzoek still runs (the clocks of the dashboard and the
            # werkload's "onderzoek verlopen"). Without these the planner ANDed the open index with
            # the index on onderzoek_afgerond_op IS NULL, which holds every running onderzoek of the
            # region: 3.6 ms per consulent, 90 of the dashboard's 125 ms at 1M meldingen.
            models.Index(
                fields=["team", "onderzoek_deadline"],
                condition=models.Q(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True),
                name="melding_lopend_team_idx",
            ),
            models.Index(
                fields=["consulent", "onderzoek_deadline"],
                condition=models.Q(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True),
                name="melding_lopend_consulent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kenmerk} {self.inwoner}"

    @property
    def kenmerk(self) -> str:
        return melding_kenmerk(self.pk, self.ontvangen_op)

    @property
    def ontvangen_datum(self):
        return timezone.localdate(self.ontvangen_op)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    def mag_naar(self, status: str) -> bool:
        """Whether the transition table allows moving from the current status to ``status``."""
        return transition_allowed(OVERGANGEN, self.status, status)

    def clean(self):
        errors = {}
        try:
            validate_niet_in_toekomst(self.ontvangen_op)
        except ValidationError as e:
            errors["ontvangen_op"] = e.messages
        if not self.melder_is_inwoner:
            if not self.melder_naam.strip():
                errors["melder_naam"] = _("Vul de naam van de melder in.")
            if not self.melder_relatie:
                errors["melder_relatie"] = _("Kies de relatie van de melder tot de inwoner.")
            if self.toestemming_inwoner is None:
                errors["toestemming_inwoner"] = _("Geef aan of de inwoner toestemming geeft voor de melding.")
        if self.hulpvraag is not None and not self.hulpvraag.strip():
            errors["hulpvraag"] = _("Schrijf de hulpvraag op in de woorden van de inwoner.")
        if spoed_regel.reden_ontbreekt(spoed=self.spoed, reden=self.spoed_reden):
            errors["spoed_reden"] = _("Schrijf op waarom dit spoed heeft.")
        if self.team_id and self.consulent_id and self.consulent.team_id != self.team_id:
            errors["consulent"] = _("Deze consulent hoort niet bij het gekozen team.")
        if (
            self.team_id
            and self.gemeente_id
            and not self.team.organisatie.gemeenten.filter(pk=self.gemeente_id).exists()
        ):
            errors["team"] = _("Dit team werkt niet voor deze gemeente.")
        if self.status == MeldingStatus.AFGESLOTEN:
            if not self.afsluitreden:
                errors["afsluitreden"] = _("Kies waarom de melding wordt afgesloten.")
            elif self.afsluitreden == Afsluitreden.INGETROKKEN and not self.afsluit_toelichting.strip():
                errors["afsluit_toelichting"] = _("Schrijf op waarom de inwoner de melding intrekt.")
        if errors:
            raise ValidationError(errors)


RAADPLEGING_TOELICHTING_MAX = 200


class Raadpleging(models.Model):
    """A lookup of an inwoner's dossier without a care relation, with the reason given for it.

    Wmo 2015 art. 5.1.1 lets the college process an inwoner's (health) data only as far as the
    task needs it, and AVG art. 5 lid 1 onder b and c and art. 9 ask the same: a medewerker
    opens a dossier because of a care relation (a melding in its scope, open or recently
    closed). Anything else is an exception that must be justified and traceable (NEN 7513:2018:
    who, whose data, when, and why): the medewerker states a reason, the access lasts
    RAADPLEGING_GELDIG_MINUTEN and the access log (wmo.models.Inzage) gets a row with the reason.
    Append-only: a row is the record itself (no history table), nobody edits or deletes one.
    """

    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.CASCADE, related_name="raadplegingen")
    reden = models.CharField(_("reden"), max_length=20, choices=RaadplegingReden.choices)
    toelichting = models.CharField(_("toelichting"), max_length=RAADPLEGING_TOELICHTING_MAX, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"))
    geldig_tot = models.DateTimeField(_("geldig tot"))

    class Meta:
        verbose_name = _("raadpleging zonder zorgrelatie")
        verbose_name_plural = _("raadplegingen zonder zorgrelatie")
        ordering = ["-tijdstip"]
        indexes = [
            models.Index(fields=["medewerker", "inwoner", "geldig_tot"], name="raadpleging_geldig_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__gt=models.F("tijdstip")), name="raadpleging_geldig_na_tijdstip"
            ),
            models.CheckConstraint(
                condition=models.Q(reden__in=RaadplegingReden.values), name="raadpleging_reden_geldig"
            ),
            models.CheckConstraint(
                condition=~models.Q(reden=RaadplegingReden.ANDERS) | ~models.Q(toelichting=""),
                name="raadpleging_anders_met_toelichting",
            ),
        ]

    def __str__(self):
        return (
            f"{self.medewerker} {self.inwoner_id} {self.get_reden_display()} {self.tijdstip:%d-%m-%Y %H:%M}"
        )

    def clean(self):
        if self.reden == RaadplegingReden.ANDERS and not self.toelichting.strip():
            raise ValidationError({"toelichting": _("Schrijf op waarom u het dossier wilt inzien.")})
