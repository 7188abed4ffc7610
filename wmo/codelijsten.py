"""The iWmo 3.2 code lists the catalogue uses (Zorginstituut Nederland, iStandaarden).

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
