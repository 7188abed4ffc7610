from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """The roles; each is a Django group of the same name with its permissions (wmo.rollen)."""

    LOKETMEDEWERKER = "loketmedewerker", _("Loketmedewerker")
    CONSULENT = "consulent", _("Consulent")
    TEAMLEIDER = "teamleider", _("Teamleider")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    # AVG art. 37-39: supervises the processing; reads the access log (wmo.inzagelog), no dossier.
    PRIVACY_FUNCTIONARIS = "privacy_functionaris", _("Functionaris gegevensbescherming")


class OrganisatieSoort(models.TextChoices):
    UITVOERING = "uitvoering", _("Uitvoeringsorganisatie van de gemeente")
    PARTNER = "partner", _("Partnerorganisatie (aanbieder of welzijn)")


class VoorzieningSoort(models.TextChoices):
    ALGEMEEN = "algemeen", _("Algemene voorziening")
    MAATWERK = "maatwerk", _("Maatwerkvoorziening")


class Verstrekking(models.TextChoices):
    """How a one-off voorziening is provided: on loan (it stays the gemeente's or the
    aanbieder's) or as the inwoner's property."""

    BRUIKLEEN = "bruikleen", _("In bruikleen")
    EIGENDOM = "eigendom", _("Eigendom van de inwoner")
    GELD = "geld", _("Een bedrag (vergoeding)")


class BriefSoort(models.TextChoices):
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging", _("Ontvangstbevestiging melding")
    VERZOEK_OM_AANVULLING = "verzoek_om_aanvulling", _("Verzoek om aanvulling")
    OPSCHORTING_BEEINDIGD = "opschorting_beeindigd", _("Opschorting beëindigd")
    VERDAGINGSBERICHT = "verdagingsbericht", _("Verdagingsbericht")
    UITNODIGING_GESPREK = "uitnodiging_gesprek", _("Uitnodiging gesprek")
    VERSLAG = "verslag", _("Verslag van het onderzoek")
    BESCHIKKING = "beschikking", _("Beschikking")
    NIEUWE_CONTACTPERSOON = "nieuwe_contactpersoon", _("Nieuwe contactpersoon")


class Resultaatgebied(models.IntegerChoices):
    """The eight resultaten of VNG "Denken in resultaten"."""

    SCHOON_HUIS = 1, _("Wonen in een schoon en leefbaar huis")
    GESCHIKT_HUIS = 2, _("Wonen in een geschikt huis")
    PRIMAIRE_LEVENSBEHOEFTEN = 3, _("Beschikken over goederen voor primaire levensbehoeften")
    KLEDING = 4, _("Beschikken over schone, draagbare en doelmatige kleding")
    KINDEREN = 5, _("Thuis zorgen voor kinderen die tot het gezin behoren")
    VERPLAATSEN_HUIS = 6, _("Zich verplaatsen in, om en nabij het huis")
    LOKAAL_VERPLAATSEN = 7, _("Zich lokaal verplaatsen per vervoermiddel")
    CONTACTEN = 8, _("Contacten hebben met medemensen en meedoen")


class InzageActie(models.TextChoices):
    """What a medewerker did with personal data, as the access log records it (NEN 7513:2018:
    the action is one of the log's required elements; wmo.inzagelog)."""

    RAADPLEGEN = "raadplegen", _("Raadplegen")
    ZOEKEN = "zoeken", _("Zoeken")
    EXPORTEREN = "exporteren", _("Exporteren")
    DOWNLOADEN = "downloaden", _("Afdrukken of downloaden")
    WIJZIGEN = "wijzigen", _("Wijzigen")
