"""The iWmo 3.2 traffic: each toewijzing (a voorziening in natura at an aanbieder) and each message.

A Toewijzing is what the gemeente told the aanbieder in a WMO301 (Wmo 2015 art. 2.3.5 lid 3: the
beschikking in natura names the aanbieder; the iWmo standard carries it there). A Bericht is one
message file, in or out, kept with its XML so that what was sent or received can always be shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from iwmo.codelijsten import RedenBeeindiging, RedenWijziging, Retourcode
from wmo.models import Aanbieder, Gemeente


class Toewijzing(models.Model):
    """One BeschikkingRegel in natura at one aanbieder, as known to that aanbieder by its number."""

    regel = models.ForeignKey(
        "aanvragen.BeschikkingRegel", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey("meldingen.Inwoner", on_delete=models.PROTECT, related_name="toewijzingen")
    # ToewijzingNummer (iwmo:LDT_Nummer, an integer 0..999999999): unique per gemeente (the sender),
    # iWmo TR332 "Toewijzing heeft geen uniek nummer binnen wettelijk domein".
    nummer = models.PositiveIntegerField(_("toewijzingnummer"))
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    toegewezen_op = models.DateTimeField(_("toewijzingsdatum en -tijd"))
    reden_wijziging = models.CharField(
        _("reden wijziging"), max_length=2, choices=RedenWijziging.choices, blank=True
    )
    # From the aanbieder's WMO305 (start zorg) and WMO307 (stop zorg).
    gestart_op = models.DateField(_("zorg gestart op"), null=True, blank=True)
    gestopt_op = models.DateField(_("zorg gestopt op"), null=True, blank=True)
    reden_beeindiging = models.CharField(
        _("reden beëindiging"), max_length=2, choices=RedenBeeindiging.choices, blank=True
    )
    # Regie (iwmo.regie): the day "aanbieder nog niet gestart" shows when no start zorg came;
    # stored and indexed so lists filter on it, recomputed when its inputs change.
    start_signaal_op = models.DateField(
        _("signaal nog niet gestart op"), null=True, blank=True, db_index=True
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "nummer"], name="toewijzing_nummer_uniek_per_gemeente"
            ),
            models.CheckConstraint(
                condition=models.Q(nummer__lte=999_999_999), name="toewijzing_nummer_past_in_iwmo"
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="toewijzing_einde_na_begin",
            ),
            models.CheckConstraint(
                condition=models.Q(reden_wijziging="") | models.Q(reden_wijziging__in=RedenWijziging.values),
                name="toewijzing_reden_wijziging_geldig",
            ),
            models.CheckConstraint(
                condition=models.Q(reden_beeindiging="")
                | models.Q(reden_beeindiging__in=RedenBeeindiging.values),
                name="toewijzing_reden_beeindiging_geldig",
            ),
        ]
        indexes = [models.Index(fields=["inwoner", "aanbieder"], name="toewijzing_client_aanbieder")]

    def __str__(self):
        return f"Toewijzing {self.nummer}"


class Richting(models.TextChoices):
    UIT = "uit", _("Verstuurd")
    IN = "in", _("Ontvangen")


class BerichtStatus(models.TextChoices):
    KLAARGEZET = "klaargezet", _("Klaargezet")
    VERZONDEN = "verzonden", _("Verzonden")
    AFGEKEURD = "afgekeurd", _("Afgekeurd, niet verzonden")
    ONTVANGEN = "ontvangen", _("Ontvangen")
    VERWERKT = "verwerkt", _("Verwerkt")
    NIET_VERWERKT = "niet_verwerkt", _("Niet verwerkt")


class OordeelAanbieder(models.TextChoices):
    """What the aanbieder's WMO302 said of our WMO301 (iwmo.retour_ontvangst)."""

    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd door de aanbieder")
    AFGEKEURD = "afgekeurd", _("Afgekeurd door de aanbieder")


class Bericht(models.Model):
    """One iWmo message file, outgoing or incoming, with its XML and what happened to it."""

    richting = models.CharField(_("richting"), max_length=3, choices=Richting.choices)
    # COD002 berichtcode (414 for WMO301) and the kind in words (WMO301).
    berichtcode = models.CharField(_("berichtcode"), max_length=3, blank=True)
    soort = models.CharField(_("soort bericht"), max_length=10)
    # BerichtIdentificatie: Identificatie (iwmo:LDT_IdentificatieBericht, at most 12) + Dagtekening.
    # Blank/null only for an incoming file that could not even be read.
    identificatie = models.CharField(_("berichtidentificatie"), max_length=12, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    # Gemeentecode (4 digits) or AGB code (8 digits), as in the header.
    afzender = models.CharField(_("afzender"), max_length=8, blank=True)
    ontvanger = models.CharField(_("ontvanger"), max_length=8, blank=True)
    xml = models.BinaryField(_("XML"), blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=BerichtStatus.choices)
    # In plain Dutch: why it was not sent, or not processed.
    reden = models.TextField(_("reden"), blank=True)
    retour_van = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="retouren",
        verbose_name=_("retourbericht van"),
    )
    # An incoming retour (WMO302): its WJ001 retourcodes per class, e.g. {"Header": [],
    # "Client": ["0200"], "ToegewezenProduct 900001": ["0200"]}.
    retourcodes = models.JSONField(_("retourcodes"), default=dict, blank=True)
    # Our outgoing WMO301: what the aanbieder's retour (WMO302) said of it; blank while none came.
    oordeel_aanbieder = models.CharField(
        _("oordeel aanbieder"), max_length=12, choices=OordeelAanbieder.choices, blank=True
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="berichten"
    )
    inwoner = models.ForeignKey(
        "meldingen.Inwoner", on_delete=models.PROTECT, null=True, blank=True, related_name="iwmo_berichten"
    )
    melding = models.ForeignKey(
        "meldingen.Melding", on_delete=models.PROTECT, null=True, blank=True, related_name="iwmo_berichten"
    )
    toewijzingen = models.ManyToManyField(Toewijzing, blank=True, related_name="berichten")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["xml"])

    class Meta:
        verbose_name = _("iWmo-bericht")
        verbose_name_plural = _("iWmo-berichten")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            # iWmo TR056 (retourcode 9056): the identification is unique per kind of message for
            # the sender; a repeated incoming message is recognised by it and processed once.
            models.UniqueConstraint(
                fields=["afzender", "soort", "identificatie", "dagtekening", "richting"],
                condition=~models.Q(identificatie=""),
                name="bericht_identificatie_uniek",
            ),
            models.CheckConstraint(
                condition=models.Q(richting__in=Richting.values), name="bericht_richting_geldig"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=BerichtStatus.values), name="bericht_status_geldig"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "richting"], name="bericht_status_richting"),
        ]

    def __str__(self):
        return f"{self.soort} {self.identificatie}".strip()

    @property
    def retour_tekst(self) -> str:
        """Our WMO301's retour status in words; uses the prefetched `retouren` (no query of its own)."""
        if self.oordeel_aanbieder == OordeelAanbieder.GOEDGEKEURD:
            return str(OordeelAanbieder.GOEDGEKEURD.label)
        if self.oordeel_aanbieder == OordeelAanbieder.AFGEKEURD:
            codes = []
            for retour in self.retouren.all():
                if retour.status == BerichtStatus.VERWERKT:
                    for lijst in retour.retourcodes.values():
                        codes += [c for c in lijst if c not in codes and c != "0200"]
            labels = [
                str(Retourcode(c).label) if c in Retourcode.values else f"{c} (onbekende retourcode)"
                for c in codes
            ]
            return "Afgekeurd: " + "; ".join(labels) if labels else "Afgekeurd door de aanbieder"
        return "Nog geen retour"


# --- Incoming requests (WMO315, WMO317) and the regie signal: iwmo.verzoeken, iwmo.regie ----------


class VerzoekSoort(models.TextChoices):
    TOEWIJZING = "toewijzing", _("Verzoek om toewijzing")  # WMO315, one per AangevraagdProduct
    WIJZIGING = "wijziging", _("Verzoek om wijziging")  # WMO317, one per message


class VerzoekStatus(models.TextChoices):
    OPEN = "open", _("Te beoordelen")
    TOEGEKEND = "toegekend", _("Toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class RedenAfwijzingVerzoek(models.TextChoices):
    """iwmo:LDT_RedenAfwijzingVerzoek (WMO319 Antwoord/RedenAfwijzingVerzoek)."""

    GEEN_WIJZIGING = "1", _("Geen wijziging, maar nieuwe aanvraag")
    BUDGET = "2", _("Past niet binnen budget")
    GEEN_CONTRACT = "3", _("Geen contract")
    NIET_BINNEN_CONTRACT = "4", _("Past niet binnen contract")
    ANDERE_GEMEENTE = "5", _("Andere gemeente")
    STAPELING = "6", _("Stapeling")
    ZORGINHOUDELIJK = "7", _("Zorginhoudelijke afkeur")


class Verzoek(models.Model):
    """A request of an aanbieder (WMO315 per product, WMO317 as a whole) the consulent judges.

    Processen.md, "Proces beoordelen Wmo": a verzoek om toewijzing is judged per product, a
    verzoek om wijziging as a whole; each gets one answer: a toewijzing (WMO301) or an
    antwoordbericht (WMO319, VerzoekAntwoord 1 with a RedenAfwijzingVerzoek).
    """

    soort = models.CharField(_("soort"), max_length=12, choices=VerzoekSoort.choices)
    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="verzoeken")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="verzoeken")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey("meldingen.Inwoner", on_delete=models.PROTECT, related_name="iwmo_verzoeken")
    # The dossier it belongs to: its consulent judges it, or the team's queue when there is none.
    melding = models.ForeignKey("meldingen.Melding", on_delete=models.PROTECT, related_name="iwmo_verzoeken")
    # ReferentieAanbieder (iwmo:LDT_Referentie, at most 36): the aanbieder's key for the answer.
    referentie = models.CharField(_("referentie aanbieder"), max_length=36)
    # What was asked, in words for the consulent (product, dates, omvang), from the message.
    inhoud = models.JSONField(_("wat de aanbieder vraagt"), default=dict)
    toewijzing = models.ForeignKey(
        Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="verzoeken"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN
    )
    reden_afwijzing = models.CharField(
        _("reden afwijzing"), max_length=1, choices=RedenAfwijzingVerzoek.choices, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    antwoord = models.ForeignKey(
        Bericht, on_delete=models.PROTECT, null=True, blank=True, related_name="antwoord_op"
    )
    beoordeeld_door = models.ForeignKey(
        "wmo.Medewerker", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("iWmo-verzoek")
        verbose_name_plural = _("iWmo-verzoeken")
        ordering = ["aangemaakt_op", "id"]
        constraints = [
            # TR347: ReferentieAanbieder is unique for the aanbieder (retourcode 9347).
            models.UniqueConstraint(fields=["aanbieder", "referentie"], name="verzoek_referentie_uniek"),
            models.CheckConstraint(
                condition=models.Q(status__in=VerzoekStatus.values), name="verzoek_status_geldig"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=VerzoekStatus.AFGEWEZEN) | ~models.Q(reden_afwijzing=""),
                name="verzoek_afgewezen_met_reden",
            ),
        ]
        indexes = [models.Index(fields=["status", "melding"], name="verzoek_status_melding")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.referentie}"
