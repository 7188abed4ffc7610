"""Choices of the gesprek, the onderzoek and the verslag, and their transitions: written down once, here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Plaats(models.TextChoices):
    THUIS = "thuis", _("Bij de inwoner thuis")
    GEMEENTEHUIS = "gemeentehuis", _("Gemeentehuis")
    PARTNERLOCATIE = "partnerlocatie", _("Locatie van een partner")
    TELEFONISCH = "telefonisch", _("Telefonisch")


class GesprekStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEVOERD = "gevoerd", _("Gevoerd")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


GESPREK_OVERGANGEN: dict[str, tuple[str, ...]] = {
    GesprekStatus.GEPLAND: (GesprekStatus.GEVOERD, GesprekStatus.GEANNULEERD),
    GesprekStatus.GEVOERD: (),
    GesprekStatus.GEANNULEERD: (),
}


class TriageReden(models.TextChoices):
    """Why a melding goes on without a broad gesprek (domein: triage)."""

    ENKELVOUDIG = "enkelvoudig", _("Eenvoudige, enkelvoudige vraag")
    HERHALING = "herhaling", _("Herhaalde vraag (herindicatie)")
    NA_ZIEKENHUIS = "na_ziekenhuis", _("Kortdurende hulp na ontslag uit het ziekenhuis")
    VOORSCHRIFT = "voorschrift", _("Precies voorschrift van een specialist")
    GESPREK_GEWEIGERD = "gesprek_geweigerd", _("De inwoner wil geen gesprek")


class Trede(models.IntegerChoices):
    """The afwegingsladder, in the order the Wmo 2015 asks (art. 2.3.2 lid 4)."""

    EIGEN_KRACHT = 1, _("Eigen kracht")
    GEBRUIKELIJKE_HULP = 2, _("Gebruikelijke hulp")
    MANTELZORG = 3, _("Mantelzorg")
    SOCIAAL_NETWERK = 4, _("Sociaal netwerk")
    VOORLIGGEND = 5, _("Voorliggende voorzieningen")
    ALGEMEEN_GEBRUIKELIJK = 6, _("Algemeen gebruikelijke voorzieningen")
    ALGEMENE_VOORZIENING = 7, _("Algemene voorzieningen")
    MAATWERK = 8, _("Maatwerkvoorziening")


# The rungs in words an inwoner uses (B1), for letters (the verslag's ladder, the beschikking's
# motivering); the staff screens keep the legal names above.
TREDE_IN_BRIEF = {
    Trede.EIGEN_KRACHT: _("Wat u zelf kunt"),
    Trede.GEBRUIKELIJKE_HULP: _("Hulp van uw huisgenoten"),
    Trede.MANTELZORG: _("Hulp van een mantelzorger"),
    Trede.SOCIAAL_NETWERK: _("Hulp van familie, vrienden of buren"),
    Trede.VOORLIGGEND: _("Hulp via een andere wet, bijvoorbeeld de zorgverzekering"),
    Trede.ALGEMEEN_GEBRUIKELIJK: _("Iets wat u zelf kunt kopen, zoals veel mensen doen"),
    Trede.ALGEMENE_VOORZIENING: _("Hulp in de wijk waar iedereen gebruik van kan maken"),
    Trede.MAATWERK: _("Hulp van de gemeente speciaal voor u"),
}


class Oplossing(models.TextChoices):
    """Does this rung solve the resultaat?"""

    HELEMAAL = "helemaal", _("Lost het helemaal op")
    GEDEELTELIJK = "gedeeltelijk", _("Lost het voor een deel op")
    NIET = "niet", _("Lost het niet op")


class Belasting(models.IntegerChoices):
    """How heavily the mantelzorger is loaded (a simple five-point scale)."""

    NIET = 1, _("1 – niet belast")
    WEINIG = 2, _("2 – een beetje belast")
    MATIG = 3, _("3 – tamelijk belast")
    ZWAAR = 4, _("4 – zwaar belast")
    OVERBELAST = 5, _("5 – overbelast")


class VerslagReactie(models.TextChoices):
    """The status of a sent verslag version: waiting for, or holding, the inwoner's reaction."""

    AFWACHTEN = "afwachten", _("Wacht op reactie")
    AKKOORD = "akkoord", _("Akkoord")
    NIET_AKKOORD = "niet_akkoord", _("Niet akkoord, met opmerkingen")


VERSLAG_OVERGANGEN: dict[str, tuple[str, ...]] = {
    VerslagReactie.AFWACHTEN: (VerslagReactie.AKKOORD, VerslagReactie.NIET_AKKOORD),
    VerslagReactie.AKKOORD: (),
    VerslagReactie.NIET_AKKOORD: (),
}


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEDAAN = "gedaan", _("Gedaan")


AFSPRAAK_OVERGANGEN: dict[str, tuple[str, ...]] = {
    AfspraakStatus.OPEN: (AfspraakStatus.GEDAAN,),
    AfspraakStatus.GEDAAN: (),
}


class GebiedStaat(models.TextChoices):
    """How far one resultaatgebied is in the conversation (the onderzoek page's navigation)."""

    NIET_BESPROKEN = "niet_besproken", _("Niet besproken")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")


# The eight resultaatgebieden in short everyday words (B1): for the navigation of the onderzoek
# page and for "Samen lezen" with the inwoner. The legal (VNG) names stay in wmo.constants.
GEBIED_IN_WOORDEN = {
    1: _("Een schoon huis"),
    2: _("Een huis dat bij u past"),
    3: _("Boodschappen en eten"),
    4: _("Schone kleren"),
    5: _("Zorgen voor de kinderen"),
    6: _("Bewegen in en om het huis"),
    7: _("Op pad in de buurt"),
    8: _("Contact met anderen en meedoen"),
}
