"""The BRP connection of a gemeente, and what the BRP last said about an inwoner.

Wet BRP art. 1.7 (jo. art. 3.3 lid 2): a bestuursorgaan that needs a person's data uses the
authentic data of the BRP. Keukentafel therefore looks an inwoner up in the BRP at the loket and
refreshes the stored data when it uses them (a melding, a letter, an iWmo 301), if the gemeente
has a koppeling. Without one nothing changes: the loket types the data, as before.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wmo.geheimen import geheim_naam_veld
from wmo.models import Gemeente

from .constants import (
    GEZAG_CONTROLEREN,
    TIMEOUT_MAX,
    TIMEOUT_MIN,
    TIMEOUT_STANDAARD,
    Authenticatie,
    GezagSoort,
)

# A header name as HTTP allows it (RFC 9110 token), short.
HEADER_NAAM = RegexValidator(
    r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,60}$",
    _("Gebruik alleen letters, cijfers en streepjes, zoals X-API-KEY."),
)
# Plain HTTP only for a mock on this machine (the BRP API mock of the getting-started runs on
# http://localhost:5010); a real BRP is always HTTPS.
LOKAAL = {"localhost", "127.0.0.1", "::1"}


class BrpKoppeling(models.Model):
    """The connection of one gemeente to the BRP API Personen (version 2).

    The secret itself is never stored: ``geheim_naam`` names an environment variable
    (wmo.geheimen) that holds the API key, or the path of a PEM file with the client
    certificate and its key.
    """

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="brp_koppeling")
    actief = models.BooleanField(_("koppeling gebruiken"), default=True)
    basis_url = models.URLField(
        _("adres van de BRP API"),
        max_length=300,
        help_text=_(
            "Het adres zonder /personen, bijvoorbeeld https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp."
        ),
    )
    authenticatie = models.CharField(
        _("manier van aanmelden"),
        max_length=20,
        choices=Authenticatie.choices,
        default=Authenticatie.API_SLEUTEL,
    )
    header_naam = models.CharField(
        _("naam van de header"),
        max_length=60,
        default="X-API-KEY",
        blank=True,
        validators=[HEADER_NAAM],
        help_text=_("Alleen bij een API-sleutel: in welke header de sleutel meegaat."),
    )
    geheim_naam = geheim_naam_veld(
        _(
            "De naam van de omgevingsvariabele op de server, zoals KT_BRP_HAARLEM_API_KEY. Bij een "
            "certificaat staat daarin het pad naar het PEM-bestand met certificaat en sleutel."
        )
    )
    timeout_seconden = models.PositiveSmallIntegerField(
        _("wachttijd in seconden"),
        default=TIMEOUT_STANDAARD,
        validators=[MinValueValidator(TIMEOUT_MIN), MaxValueValidator(TIMEOUT_MAX)],
        help_text=_("Hoe lang Keukentafel op de BRP wacht, van 1 tot 30 seconden."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("BRP-koppeling")
        verbose_name_plural = _("BRP-koppelingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(timeout_seconden__gte=TIMEOUT_MIN, timeout_seconden__lte=TIMEOUT_MAX),
                name="brpkoppeling_timeout_begrensd",
            ),
            models.CheckConstraint(
                condition=models.Q(authenticatie__in=Authenticatie.values),
                name="brpkoppeling_authenticatie_geldig",
            ),
        ]

    def __str__(self):
        return f"BRP {self.gemeente}"

    def clean(self):
        errors = {}
        delen = urlsplit(self.basis_url or "")
        if delen.scheme == "http" and delen.hostname not in LOKAAL:
            errors["basis_url"] = _(
                "Gebruik een adres dat begint met https://. Alleen een test op deze server mag http://."
            )
        if delen.query or delen.fragment or delen.username or delen.password:
            errors["basis_url"] = _("Vul alleen het adres in, zonder ? of # en zonder gebruikersnaam.")
        if self.authenticatie == Authenticatie.API_SLEUTEL and not self.header_naam:
            errors["header_naam"] = _("Vul de naam van de header in, bijvoorbeeld X-API-KEY.")
        if errors:
            raise ValidationError(errors)


class InwonerBrp(models.Model):
    """What the BRP said about an inwoner at the last refresh, and the signals for the consulent.

    Written only by ``brp.services.inwoner_bijwerken_uit_brp``. ``overleden`` and
    ``verhuisd_buiten_gemeente`` are stored and indexed (partial index) so the werkvoorraad finds
    the few inwoners with a signal without reading the others. ``curatele`` is what the BRP says
    (indicatieCurateleRegister); it is offered to the loket, never copied into the vertegenwoordiger.
    ``gezag_soort`` and ``gezaghebbenden`` likewise, for an inwoner who is a minor: the kind of gezag
    and the names of who has it (no BSN: the name is all the loket needs to check and fill in the
    ouder of voogd met gezag); blank for an adult, for whom it is not asked (data minimisation).
    ``verschillen`` lists what differed from the stored data at the last refresh.
    """

    inwoner = models.OneToOneField(
        "meldingen.Inwoner", on_delete=models.CASCADE, primary_key=True, related_name="brp"
    )
    bijgewerkt_op = models.DateTimeField(_("laatst bijgewerkt uit de BRP"))
    aanleiding = models.CharField(_("aanleiding"), max_length=100, blank=True)
    overleden = models.BooleanField(_("overleden"), default=False)
    overleden_op = models.DateField(_("datum van overlijden"), null=True, blank=True)
    verhuisd_buiten_gemeente = models.BooleanField(_("verhuisd buiten de gemeente"), default=False)
    gemeente_van_inschrijving = models.CharField(_("gemeente van inschrijving"), max_length=100, blank=True)
    curatele = models.BooleanField(_("onder curatele volgens de BRP"), null=True, blank=True)
    gezag_soort = models.CharField(
        _("gezag volgens de BRP"), max_length=30, choices=GezagSoort.choices, blank=True
    )
    gezaghebbenden = models.JSONField(_("wie het gezag heeft volgens de BRP"), default=list, blank=True)
    verschillen = models.JSONField(_("verschillen bij de laatste keer"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("BRP-gegevens van een inwoner")
        verbose_name_plural = _("BRP-gegevens van inwoners")
        indexes = [
            models.Index(
                fields=["inwoner"],
                condition=models.Q(overleden=True) | models.Q(verhuisd_buiten_gemeente=True),
                name="inwonerbrp_signaal_idx",
            )
        ]

    def __str__(self):
        return f"BRP {self.inwoner_id}"

    @property
    def gezag_controleren(self) -> bool:
        """The BRP cannot name who has gezag over this minor: the loket checks it."""
        return self.gezag_soort in GEZAG_CONTROLEREN

    @property
    def signaal(self) -> str:
        from .constants import BrpSignaal

        if self.overleden:
            return BrpSignaal.OVERLEDEN.label
        if self.verhuisd_buiten_gemeente:
            return BrpSignaal.VERHUISD.label
        return ""
