"""The connection of one gemeente to its zaaksysteem, the zaak of each melding, and the outbox.

``ZgwKoppeling``: where the gemeente's ZGW APIs live and which catalogue types (zaaktype,
statustypen, informatieobjecttype, besluittype, roltype) Keukentafel uses; the client secret is
only the name of a ``KT_*`` environment variable (wmo.geheimen). The types are stored as their URLs;
with the (optional) Catalogi API beheer picks them from lists and they are checked on saving
(zgw.catalogi).

``ZgwZaak``: per melding, our own zaak identificatie (deterministic: the melding's kenmerk) and
what the zaaksysteem returned (the zaak and rol URLs).

``Opdracht``: one thing to send (the outbox). It is written after the change in Keukentafel is
committed and sent by a task; it keeps its attempts, the next attempt, the last error and the
URLs the zaaksysteem returned. Nothing in Keukentafel waits for it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meldingen.constants import MeldingStatus
from wmo.geheimen import geheim_naam_veld, geheim_status
from wmo.models import Gemeente
from wmo.transitions import transition_allowed
from wmo.validators import bsn_elfproef

from .constants import OVERGANGEN, MeldingSoort, OpdrachtSoort, OpdrachtStatus


def validate_rsin(value: str) -> None:
    """An RSIN has nine digits and passes the same elfproef as a BSN (Handelsregisterwet)."""
    if not (value and value.isdigit() and len(value) == 9 and bsn_elfproef(value)):
        raise ValidationError(
            _("Een RSIN heeft 9 cijfers en moet kloppen volgens de elfproef. Controleer de cijfers."),
            code="rsin",
        )


api_url = RegexValidator(
    r"^https?://", _("Vul een adres in dat begint met https:// (of http:// om te testen).")
)


def _url(label, help_text="", blank=False):
    return models.URLField(_(label), max_length=300, blank=blank, help_text=help_text, validators=[api_url])


class ZgwKoppeling(models.Model):
    gemeente = models.OneToOneField(Gemeente, on_delete=models.PROTECT, related_name="zgw_koppeling")
    actief = models.BooleanField(
        _("koppeling aan"),
        default=False,
        help_text=_(
            "Aan: elke nieuwe melding wordt een zaak in het zaaksysteem. Uit: er gaat niets naar toe."
        ),
    )
    zaken_api = _url("adres van de Zaken API", "Bijvoorbeeld https://openzaak.haarlem.nl/zaken/api/v1/")
    documenten_api = _url(
        "adres van de Documenten API", "Bijvoorbeeld https://openzaak.haarlem.nl/documenten/api/v1/"
    )
    besluiten_api = _url(
        "adres van de Besluiten API", "Bijvoorbeeld https://openzaak.haarlem.nl/besluiten/api/v1/"
    )
    catalogi_api = _url(
        "adres van de Catalogi API",
        "Bijvoorbeeld https://openzaak.haarlem.nl/catalogi/api/v1/. Keukentafel leest daar de typen om uit"
        " te kiezen en controleert ze bij het opslaan. Leeg: geen keuzelijsten en geen controle.",
        True,
    )
    catalogus = _url(
        "catalogus",
        "Het adres van de catalogus met de typen voor de Wmo. Leeg: de typen uit alle catalogi.",
        True,
    )
    client_id = models.CharField(
        _("client-id"),
        max_length=100,
        help_text=_("De naam waaronder Keukentafel bekend is in het zaaksysteem."),
    )
    secret_naam = geheim_naam_veld(
        _("Bijvoorbeeld KT_ZGW_HAARLEM_SECRET. Het geheim zelf zet de technisch beheerder op de server.")
    )
    timeout_seconden = models.PositiveSmallIntegerField(
        _("wachttijd per verzoek (seconden)"), default=10, help_text=_("Kies 1 tot en met 60.")
    )
    bronorganisatie = models.CharField(
        _("RSIN bronorganisatie"), max_length=9, validators=[validate_rsin], help_text=_("9 cijfers.")
    )
    verantwoordelijke_organisatie = models.CharField(
        _("RSIN verantwoordelijke organisatie"),
        max_length=9,
        validators=[validate_rsin],
        help_text=_("9 cijfers: meestal de gemeente zelf."),
    )
    zaaktype = _url("zaaktype voor een melding")
    zaaktype_spoed = _url("zaaktype voor een melding met spoed", "Leeg: het zaaktype voor een melding.", True)
    zaaktype_herindicatie = _url(
        "zaaktype voor een herindicatie", "Leeg: het zaaktype voor een melding.", True
    )
    roltype_initiator = _url("roltype voor de inwoner (initiator)")
    statustype_ontvangen = _url("statustype ‘Ontvangen’", blank=True)
    statustype_in_onderzoek = _url("statustype ‘In onderzoek’", blank=True)
    statustype_verslag_verstuurd = _url("statustype ‘Verslag verstuurd’", blank=True)
    statustype_aanvraag_ontvangen = _url("statustype ‘Aanvraag ontvangen’", blank=True)
    statustype_besloten = _url("statustype ‘Besloten’", blank=True)
    statustype_afgesloten = _url("statustype ‘Afgesloten zonder aanvraag’", blank=True)
    informatieobjecttype = _url("informatieobjecttype voor brieven")
    besluittype = _url("besluittype voor een beschikking")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koppeling met het zaaksysteem")
        verbose_name_plural = _("koppelingen met het zaaksysteem")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(timeout_seconden__gte=1, timeout_seconden__lte=60),
                name="zgw_koppeling_timeout_geldig",
            )
        ]

    def __str__(self):
        return f"Zaaksysteem van {self.gemeente}"

    def statustype_voor(self, status: str) -> str:
        """The statustype URL for a Keukentafel status ('' when not mapped: no status is sent)."""
        return getattr(self, f"statustype_{MeldingStatus(status).value}", "")

    def zaaktype_voor(self, soort: str) -> str:
        if soort == MeldingSoort.SPOED and self.zaaktype_spoed:
            return self.zaaktype_spoed
        if soort == MeldingSoort.HERINDICATIE and self.zaaktype_herindicatie:
            return self.zaaktype_herindicatie
        return self.zaaktype

    @property
    def geheim_status(self) -> str:
        return geheim_status(self.secret_naam)


class ZgwZaak(models.Model):
    melding = models.OneToOneField("meldingen.Melding", on_delete=models.PROTECT, related_name="zgw_zaak")
    koppeling = models.ForeignKey(ZgwKoppeling, on_delete=models.PROTECT, related_name="zaken")
    identificatie = models.CharField(_("zaakidentificatie"), max_length=40)
    url = models.URLField(_("zaak"), max_length=300, blank=True)
    rol_url = models.URLField(_("rol initiator"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("zaak in het zaaksysteem")
        verbose_name_plural = _("zaken in het zaaksysteem")
        constraints = [
            models.UniqueConstraint(
                fields=["koppeling", "identificatie"], name="zgw_zaak_identificatie_uniek"
            )
        ]

    def __str__(self):
        return self.identificatie


class Opdracht(models.Model):
    soort = models.CharField(_("soort"), max_length=20, choices=OpdrachtSoort.choices)
    koppeling = models.ForeignKey(ZgwKoppeling, on_delete=models.PROTECT, related_name="opdrachten")
    melding = models.ForeignKey("meldingen.Melding", on_delete=models.PROTECT, related_name="zgw_opdrachten")
    # What it is about, by reference: the content is read when it is sent.
    brief = models.ForeignKey("wmo.Brief", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    beschikking = models.ForeignKey(
        "aanvragen.Beschikking", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    melding_status = models.CharField(_("status in Keukentafel"), max_length=30, blank=True)
    moment = models.DateTimeField(_("moment in Keukentafel"))
    einddatum = models.DateField(_("geplande einddatum"), null=True, blank=True)
    door = models.ForeignKey(
        "wmo.Medewerker", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=OpdrachtStatus.choices, default=OpdrachtStatus.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    # What the zaaksysteem returned: {"status": url} or {"informatieobject": url, "zaakinformatieobject": url}.
    urls = models.JSONField(_("adressen in het zaaksysteem"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opdracht voor het zaaksysteem")
        verbose_name_plural = _("opdrachten voor het zaaksysteem")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=OpdrachtStatus.values), name="zgw_opdracht_status"
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=OpdrachtSoort.values), name="zgw_opdracht_soort"
            ),
            models.CheckConstraint(
                condition=~models.Q(soort=OpdrachtSoort.DOCUMENT) | models.Q(brief__isnull=False),
                name="zgw_opdracht_document_met_brief",
            ),
            models.CheckConstraint(
                condition=~models.Q(soort=OpdrachtSoort.BESLUIT) | models.Q(beschikking__isnull=False),
                name="zgw_opdracht_besluit_met_beschikking",
            ),
            # Exactly once in the outbox: one zaak per melding, one document per letter, one besluit
            # per beschikking.
            models.UniqueConstraint(
                fields=["melding"],
                condition=models.Q(soort=OpdrachtSoort.ZAAK),
                name="zgw_opdracht_zaak_uniek",
            ),
            models.UniqueConstraint(
                fields=["brief"],
                condition=models.Q(soort=OpdrachtSoort.DOCUMENT),
                name="zgw_opdracht_brief_uniek",
            ),
            models.UniqueConstraint(
                fields=["beschikking"],
                condition=models.Q(soort=OpdrachtSoort.BESLUIT),
                name="zgw_opdracht_besluit_uniek",
            ),
        ]
        indexes = [
            # The waiting work and beheer's "niet verzonden" list: a small part of all rows.
            models.Index(
                fields=["melding", "aangemaakt_op"],
                condition=~models.Q(status=OpdrachtStatus.VERZONDEN),
                name="zgw_opdracht_open_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.melding_id})"

    def mag_naar(self, status: str) -> bool:
        return transition_allowed(OVERGANGEN, self.status, status)
