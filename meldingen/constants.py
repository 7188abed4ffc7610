"""Statuses of a melding and the transitions allowed between them: written down once, here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeldingStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
    VERSLAG_VERSTUURD = "verslag_verstuurd", _("Verslag verstuurd")
    AANVRAAG_ONTVANGEN = "aanvraag_ontvangen", _("Aanvraag ontvangen")
    BESLOTEN = "besloten", _("Besloten")
    AFGESLOTEN = "afgesloten", _("Afgesloten zonder aanvraag")


class Afsluitreden(models.TextChoices):
    OPGELOST = "opgelost", _("Opgelost met eigen kracht of netwerk")
    ALGEMENE_VOORZIENING = "algemene_voorziening", _("Verwezen naar een algemene voorziening")
    INGETROKKEN = "ingetrokken", _("Ingetrokken door de inwoner")
    GEEN_WMO = "geen_wmo", _("Geen Wmo-vraag")


# Open statuses: the melding still needs work from the gemeente.
OPEN_STATUSSEN = (
    MeldingStatus.ONTVANGEN,
    MeldingStatus.IN_ONDERZOEK,
    MeldingStatus.VERSLAG_VERSTUURD,
    MeldingStatus.AANVRAAG_ONTVANGEN,
)

# Reaching one of these ends the onderzoek clock (Wmo 2015 art. 2.3.2): the verslag is sent,
# the aanvraag came in (after six weeks without onderzoek, or triage), or the melding ended.
ONDERZOEK_EINDE = (
    MeldingStatus.VERSLAG_VERSTUURD,
    MeldingStatus.AANVRAAG_ONTVANGEN,
    MeldingStatus.AFGESLOTEN,
)

# The allowed transitions. An aanvraag may come straight after the melding (triage, or the
# inwoner declines the gesprek) or during the onderzoek (six weeks passed); a melding can end
# without aanvraag until the aanvraag is in. Besloten and afgesloten are final.
OVERGANGEN: dict[str, tuple[str, ...]] = {
    MeldingStatus.ONTVANGEN: (
        MeldingStatus.IN_ONDERZOEK,
        MeldingStatus.AANVRAAG_ONTVANGEN,
        MeldingStatus.AFGESLOTEN,
    ),
    MeldingStatus.IN_ONDERZOEK: (
        MeldingStatus.VERSLAG_VERSTUURD,
        MeldingStatus.AANVRAAG_ONTVANGEN,
        MeldingStatus.AFGESLOTEN,
    ),
    MeldingStatus.VERSLAG_VERSTUURD: (
        MeldingStatus.AANVRAAG_ONTVANGEN,
        MeldingStatus.AFGESLOTEN,
    ),
    MeldingStatus.AANVRAAG_ONTVANGEN: (MeldingStatus.BESLOTEN,),
    MeldingStatus.BESLOTEN: (),
    MeldingStatus.AFGESLOTEN: (),
}


class Kanaal(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    BALIE = "balie", _("Balie")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Webformulier")
    PARTNER = "partner", _("Via partner of aanbieder")
    WIJKTEAM = "wijkteam", _("Via wijkteam")


class MelderRelatie(models.TextChoices):
    MANTELZORGER = "mantelzorger", _("Mantelzorger")
    PARTNER = "partner", _("Partner")
    KIND = "kind", _("Kind")
    FAMILIE = "familie", _("Ander familielid")
    HUISARTS = "huisarts", _("Huisarts")
    WIJKVERPLEGING = "wijkverpleging", _("Wijkverpleegkundige")
    ERGOTHERAPEUT = "ergotherapeut", _("Ergotherapeut")
    LEVERANCIER = "leverancier", _("Leverancier of aanbieder")
    WIJKTEAM = "wijkteam", _("Sociaal wijkteam")
    VERTEGENWOORDIGER = "vertegenwoordiger", _("Wettelijk vertegenwoordiger")
    ANDERS = "anders", _("Anders")


class Contactvoorkeur(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")


class RaadplegingReden(models.TextChoices):
    """Why someone opens an inwoner's dossier without a care relation (meldingen.models.Raadpleging)."""

    CONTACT = "contact", _("De inwoner of iemand namens de inwoner neemt contact op")
    POST = "post", _("Er is post of een bericht binnengekomen over de inwoner")
    VOORZIENING = "voorziening", _("Vraag over een voorziening of beschikking die loopt of liep")
    BEZWAAR_KLACHT = "bezwaar_klacht", _("Bezwaar, klacht of verzoek van de inwoner")
    OVERDRACHT = "overdracht", _("Overdracht of vraag van een collega")
    ANDERS = "anders", _("Anders")
