"""The iWmo 3.2 code lists the catalogue and the Inwoner use (Zorginstituut Nederland, iStandaarden).

Copied from the published release (see /work/shared/iwmo/codelijsten): WMO020 productcategorie,
WJ756 eenheid and WMO757 frequentie. A product in the catalogue stores the code; iWmo traffic
(issue 13) sends it as it is. The labels are the code lists' own words.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Productcategorie(models.TextChoices):
    """WMO020 Productcategorie."""

    HULP_BIJ_HET_HUISHOUDEN = "01", _("01 Hulp bij het huishouden")
    BEGELEIDING = "02", _("02 Begeleiding")
    PERSOONLIJKE_VERZORGING = "03", _("03 Persoonlijke verzorging")
    KORTDUREND_VERBLIJF = "04", _("04 Kortdurend verblijf")
    WOONDIENSTEN = "05", _("05 Woondiensten")
    OVERIGE_INDIVIDU = "06", _("06 Overige ondersteuning gericht op het individu of huishouden/gezin")
    DAGBESTEDING = "07", _("07 Dagbesteding")
    VERVOERDIENSTEN = "08", _("08 Vervoerdiensten")
    OVERIGE_GROEP = "09", _("09 Overige groepsgerichte ondersteuning")
    OVERIGE_MAATWERK = "10", _("10 Overige maatwerk arrangementen")
    ROLSTOELEN = "11", _("11 Rolstoelen")
    VERVOERVOORZIENINGEN = "12", _("12 Vervoervoorzieningen")
    WOONVOORZIENINGEN = "13", _("13 Woonvoorzieningen")
    OVERIGE_HULPMIDDELEN = "14", _("14 Overige hulpmiddelen")
    BESCHERMD_WONEN = "15", _("15 Beschermd wonen")
    OPVANG = "16", _("16 Opvang")
    SPOEDOPVANG = "17", _("17 Spoedopvang")
    OVERIGE_BW_OPVANG = "18", _("18 Overige beschermd wonen en opvang")


class Eenheid(models.TextChoices):
    """WJ756 Eenheid."""

    MINUUT = "01", _("Minuut")
    UUR = "04", _("Uur")
    ETMAAL = "14", _("Etmaal")
    DAGDEEL = "16", _("Dagdeel (4 uur)")
    STUKS_OUTPUT = "82", _("Stuks (output)")
    EUROS = "83", _("Euro's")
    STUKS_INSPANNING = "84", _("Stuks (inspanning)")


# What the beschikking prints after the omvang ("3 uur per week"): the unit in the inwoner's words.
EENHEID_IN_BRIEF = {
    Eenheid.MINUUT: "minuten",
    Eenheid.UUR: "uur",
    Eenheid.ETMAAL: "etmalen",
    Eenheid.DAGDEEL: "dagdelen",
    Eenheid.STUKS_OUTPUT: "stuks",
    Eenheid.EUROS: "euro",
    Eenheid.STUKS_INSPANNING: "stuks",
}


class FrequentieIwmo(models.TextChoices):
    """WMO757 Frequentie."""

    PER_DAG = "1", _("Per dag")
    PER_WEEK = "2", _("Per week")
    PER_MAAND = "4", _("Per maand")
    TOTAAL = "6", _("Totaal binnen geldigheidsduur toewijzing")


# The beschikking's own frequentie (aanvragen.constants.Frequentie, in the letter's words) mapped to
# WMO757 for the toewijzing (issue 13). "per_jaar" has no WMO757 code: iWmo 3.2 knows no year, so
# issue 13 sends such a toewijzing as a total over its period (code 6) with the omvang converted.
FREQUENTIE_NAAR_IWMO: dict[str, str | None] = {
    "per_week": FrequentieIwmo.PER_WEEK,
    "per_maand": FrequentieIwmo.PER_MAAND,
    "per_jaar": None,
    "eenmalig": FrequentieIwmo.TOTAAL,
}

# And back: which beschikking frequentie a product's WMO757 frequentie suggests (the form's default).
FREQUENTIE_UIT_IWMO: dict[str, str] = {
    FrequentieIwmo.PER_WEEK: "per_week",
    FrequentieIwmo.PER_MAAND: "per_maand",
    FrequentieIwmo.TOTAAL: "eenmalig",
}


# The person in an iWmo message (issue 13), recorded on the Inwoner at the loket. Copied from the
# enumerations of iwmo/xsd/basisschema.xsd (iWmo 3.2): the labels are the schema's own words.


class Geslacht(models.TextChoices):
    """COD046 Geslacht."""

    ONBEKEND = "0", "Onbekend"
    MANNELIJK = "1", "Mannelijk"
    VROUWELIJK = "2", "Vrouwelijk"


class NaamGebruik(models.TextChoices):
    """COD700 Naamgebruik."""

    EIGEN_NAAM = "1", "Eigen naam"
    NAAM_PARTNER = (
        "2",
        "Naam echtgenoot of geregistreerd partner of alternatieve naam",
    )
    NAAM_PARTNER_EIGEN_NAAM = "3", "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam"
    EIGEN_NAAM_NAAM_PARTNER = "4", "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner"
    PSEUDONIEM = "5", "Pseudoniem"
    NIET_NATUURLIJK_PERSOON = "6", "Niet-natuurlijk persoon"


class Communicatievorm(models.TextChoices):
    """WJ002 Communicatievorm."""

    TOLK_TAAL = "1", "Tolk taal"
    DOVENTOLK = "2", "Doventolk"
    DOOFBLINDENTOLK = "3", "Doofblindentolk"


class JuridischeStatus(models.TextChoices):
    """WJ232 Juridische status."""

    RECHTERLIJKE_MACHTIGING_VOORLOPIG_VOORTGEZETTE_MACHTIGING = (
        "01",
        "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging",
    )
    RM_OP_EIGEN_VERZOEK = "02", "RM op eigen verzoek"
    RM_MET_VOORWAARDELIJK_ONTSLAG = "03", "RM met voorwaardelijk ontslag"
    ONDER_TOEZICHTSTELLING = "04", "Onder toezichtstelling (ots)"
    IN_BEWARING_STELLING = "05", "In bewaring stelling (ibs)"
    STRAFRECHTERLIJKE_JUSTITIELE_CONTACTEN_TBS = "11", "Strafrechterlijke justitiele contacten: tbs"
    STRAFRECHTERLIJKE_JUSTITIELE_CONTACTEN_OVERIG = "12", "Strafrechterlijke justitiele contacten: overig"


class WettelijkeVertegenwoordiging(models.TextChoices):
    """WJ003 Wettelijke vertegenwoordiging."""

    VOOGDIJ = "06", "Voogdij"
    BEWINDVOERING = "07", "Bewindvoering"
    MENTORSCHAP = "08", "Mentorschap"
    ONDER_CURATELE_STELLING = "09", "Onder curatele stelling"
    ZAAKWAARNEMING = "10", "Zaakwaarneming"


class AdresSoort(models.TextChoices):
    """COD757 Soort adres."""

    BRP_ADRES = "01", "BRP-adres"
    CORRESPONDENTIE_ADRES = "02", "Correspondentie-adres"
    VERBLIJFADRES = "03", "Verblijfadres"
    TIJDELIJK_VERBLIJFADRES = "04", "Tijdelijk verblijfadres"


class RedenWijziging(models.TextChoices):
    """WMO002 Reden wijziging toewijzing."""

    ADMINISTRATIEVE_CORRECTIE_VERVALLEN = "01", "Administratieve correctie (vervallen)"
    CLIENT_OVERLEDEN = "02", "Client overleden"
    CONTRACTWIJZIGING = "03", "Contractwijziging"
    HERBEOORDELING_VERLENGING_TOEWIJZING = "04", "Herbeoordeling: verlenging toewijzing"
    HERBEOORDELING_VERKORTING_TOEWIJZING = "05", "Herbeoordeling: verkorting toewijzing"
    UITSTROOM_NAAR_ANDER_DOMEIN = "06", "Uitstroom naar ander domein"
    VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE = "07", "Verhuizing naar een andere gemeente"
    WIJZIGING_LEVERINGSVORM = "08", "Wijziging leveringsvorm"
    OVERSTAP_NAAR_ANDERE_AANBIEDER = "09", "Overstap naar andere aanbieder"
    OVERGANG_NAAR_NIEUWE_BEKOSTIGINGSSYSTEMATIEK = "10", "Overgang naar nieuwe bekostigingssystematiek"
    GEMEENTELIJKE_HERINDELING = "11", "Gemeentelijke herindeling"
    GEINITIEERD_DOOR_DE_AANBIEDER = "12", "Geinitieerd door de aanbieder"
    VERWIJDERD = "13", "Verwijderd"
    ADMINISTRATIEVE_CORRECTIE = "14", "Administratieve correctie"
