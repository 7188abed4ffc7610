"""Per kind of letter: its blocks, in order, and the placeholders its texts may use.

A block is either

- ``tekst``: a text the functioneel beheerder may change per gemeente (``BriefTekst``). Its default
  (``standaard``) is the wording the letter always had, in the markup of ``teksten.py``. It may
  only show under a condition fixed here (``voorwaarde``, shown to the beheerder as ``wanneer``).
  A block that carries a legally required part is ``verplicht``: it may not be empty, and must
  keep what ``moet_bevatten`` lists (a placeholder such as ``[uiterste datum bezwaar]``, or a word);
  or
- ``vast``: a part the system makes (``partial``: the regels of the beschikking, a date box with
  logic, the contact paragraph). The beheerder sees it with an explanation; it cannot be changed
  or removed.

Placeholders are a name and a function of the letter's context that returns a plain string
(``Invulveld``). Only names listed here exist; a text cannot reach anything else.

Which kinds are editable: those in ``BLOKKEN`` (the others keep their template, see
``bewerkbaar``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format

from wmo.constants import BriefSoort


def datum(d) -> str:
    return date_format(d, "j F Y") if d else ""


@dataclass(frozen=True)
class Invulveld:
    naam: str
    betekenis: str
    voorbeeld: str
    waarde: Callable[[dict], str]


@dataclass(frozen=True)
class Blok:
    sleutel: str
    naam: str
    soort: str = "tekst"  # "tekst" or "vast"
    standaard: str = ""
    kop: str = ""
    wanneer: str = ""  # the condition in words, for the beheerder
    voorwaarde: Callable[[dict], bool] | None = None
    partial: str = ""  # a vast block's template
    uitleg: str = ""  # a vast block's explanation, for the beheerder
    # A legally required part: what it is ("De bezwaarclausule") and where the law says so.
    verplicht: str = ""
    wet: str = ""
    moet_bevatten: tuple[str, ...] = ()
    plaats: str = "inhoud"  # "inhoud", or "ondertekening" (basis.html's signature block)

    @property
    def is_tekst(self) -> bool:
        return self.soort == "tekst"

    def toont(self, context: dict) -> bool:
        return self.voorwaarde is None or bool(veilig(self.voorwaarde, context))


def veilig(functie: Callable[[dict], object], context: dict):
    """``functie(context)``, or None when an object it reads is missing (as a template prints
    a missing value as nothing; only a test renders a letter with empty velden)."""
    try:
        return functie(context)
    except (AttributeError, KeyError, TypeError):
        return None


def _telefoon(c: dict) -> str:
    team = c.get("team")
    return (team.telefoon if team and team.telefoon else "") or c["gemeente"].telefoon


# --- Placeholders every letter knows (from the shared context, wmo.brieven.context) -----------
GEDEELDE_INVULVELDEN = (
    Invulveld(
        "aanhef", "De naam van wie de brief krijgt, na ‘Beste’.", "mevrouw J. de Vries", lambda c: c["aanhef"]
    ),
    Invulveld("naam inwoner", "De naam van de inwoner.", "Jannie de Vries", lambda c: c["inwoner"].naam),
    Invulveld("gemeente", "De naam van de gemeente.", "Haarlem", lambda c: c["gemeente"].naam),
    Invulveld(
        "ondertekening gemeente",
        "De regel boven de naam van wie ondertekent, zoals de gemeente die in beheer heeft ingesteld.",
        "namens het college van burgemeester en wethouders van Haarlem",
        lambda c: c["gemeente"].ondertekening_regel,
    ),
    Invulveld("kenmerk", "Het kenmerk van de melding.", "WMO-2026-000123", lambda c: c["kenmerk"]),
    Invulveld("datum brief", "De datum van de brief.", "7 april 2026", lambda c: datum(c["datum"])),
    Invulveld(
        "datum melding",
        "De dag waarop de melding binnenkwam.",
        "20 februari 2026",
        lambda c: datum(c["melding"].ontvangen_datum),
    ),
    Invulveld(
        "telefoon",
        "Het telefoonnummer van het team, of anders van de gemeente.",
        "023 511 51 15",
        _telefoon,
    ),
    Invulveld(
        "telefoon gemeente", "Het telefoonnummer van de gemeente.", "14 023", lambda c: c["gemeente"].telefoon
    ),
    Invulveld(
        "website gemeente", "De website van de gemeente.", "www.haarlem.nl", lambda c: c["gemeente"].website
    ),
)


def _wie_meldde(c: dict, *, begin_zin: bool = False, namens: bool = True) -> str:
    """Who made the melding, in the sentence's word order: "heeft u ons laten weten", or "heeft
    Anja (kind) ons namens u laten weten"; at the start of a sentence "U heeft ..." / "Anja (kind) heeft ..."."""
    melding = c["melding"]
    if melding.melder_is_inwoner:
        return "U heeft ons laten weten" if begin_zin else "heeft u ons laten weten"
    wie = f"{melding.melder_naam} ({melding.get_melder_relatie_display().lower()})"
    wat = "ons namens u laten weten" if namens else "ons laten weten"
    return f"{wie} heeft {wat}" if begin_zin else f"heeft {wie} {wat}"


def _melder_laten_weten(c: dict) -> str:
    return _wie_meldde(c)


# Once the day for the persoonlijk plan has passed, a letter never offers it (Wmo 2015 art. 2.3.2 lid 2).
PLAN_VOORBIJ = (
    "Die dag is voorbij, maar wij ontvangen uw plan nog steeds graag. Stuur het ons, of geef het mee bij "
    "het gesprek."
)


def _termijn_plan(c: dict) -> str:
    # Wmo 2015 art. 2.3.2 lid 2: seven days after the melding for the persoonlijk plan; once past,
    # the letter does not offer a day that is gone.
    deadline = c["melding"].plan_deadline
    if deadline >= c["datum"]:
        return f"Stuur dit plan uiterlijk op {datum(deadline)} naar ons."
    return f"Daarvoor had u tot en met {datum(deadline)}. {PLAN_VOORBIJ}"


def _verschil_verslag(c: dict) -> str:
    if not c.get("verslag_verstuurd"):
        return ""
    waarvan = "ons gesprek" if c.get("gesprek_gevoerd") else "ons onderzoek"
    return f"Het is iets anders dan het verslag van {waarvan}."


def _digitaal_bezwaar(c: dict) -> str:
    via = c["gemeente"].bezwaar_digitaal
    return f"U kunt ook digitaal bezwaar maken via {via}." if via else ""


def _rechtbank(c: dict) -> str:
    g = c["gemeente"]
    naam = g.rechtbank or "rechtbank"
    return f"{naam} ({g.rechtbank_adres})" if g.rechtbank_adres else naam


def _ombudsman(c: dict) -> str:
    g = c["gemeente"]
    return f"{g.ombudsman} ({g.ombudsman_contact})" if g.ombudsman_contact else g.ombudsman


def _grondslag_eigen_bijdrage(c: dict) -> str:
    # Wmo 2015 art. 2.1.4, and the gemeente's verordening.
    v = c["gemeente"].verordening
    return f"Wmo 2015 artikel 2.1.4 en de {v}" if v else "Wmo 2015 artikel 2.1.4"


def _ondertekenaar(c: dict) -> str:
    door = c["beschikking"].besloten_door
    if door is None:
        return ""
    return (door.get_full_name() if hasattr(door, "get_full_name") else "") or str(door)


# --- Ontvangstbevestiging (Wmo 2015 art. 2.3.2) -------------------------------------------------
ONTVANGSTBEVESTIGING = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum melding] [melder heeft laten weten] dat u hulp nodig heeft. Dat heet een melding. "
            "In deze brief leest u wat er nu gaat gebeuren."
        ),
    ),
    Blok(
        "spoed",
        "Spoed",
        kop="U heeft snel hulp nodig",
        wanneer="Alleen als de melding spoed is.",
        # Wmo 2015 art. 2.3.3: in urgent cases temporary help at once, awaiting the onderzoek.
        # "Tijdelijke hulp", not "voorlopige voorziening": that term is kept for the court (Awb 8:81).
        voorwaarde=lambda c: c["melding"].spoed,
        standaard=(
            "Wij hebben uw melding als spoed genoteerd. Dat betekent: als u niet kunt wachten tot ons "
            "onderzoek klaar is, zorgen wij meteen voor tijdelijke hulp. Die hulp stopt op een datum die "
            "wij u laten weten. Het onderzoek en het gesprek gaan daarna gewoon door. Daarin kijken we "
            "samen wat u voor langere tijd nodig heeft.\n\n"
            "Wij nemen zo snel mogelijk contact met u op. Heeft u nog niets van ons gehoord? Bel ons dan "
            "op [telefoon]."
        ),
    ),
    Blok(
        "onderzoek",
        "Wat gebeurt er nu",
        kop="Wat gebeurt er nu?",
        standaard=(
            "Wij gaan samen met u kijken wat u nodig heeft. Dat doen we meestal in een gesprek bij u thuis, "
            "aan de keukentafel. Wij bellen u om een afspraak te maken."
        ),
    ),
    Blok(
        "onderzoek_datum",
        "Uiterste datum van het onderzoek",
        soort="vast",
        partial="brieven/ontvangstbevestiging/_onderzoek_datum.html",
        uitleg=(
            "Een kader met de dag waarop het onderzoek uiterlijk klaar is (zes weken na de melding, "
            "Wmo 2015 artikel 2.3.2 lid 1). Is die dag al voorbij, dan zegt de brief dat het niet is "
            "gelukt. Dit maakt het systeem."
        ),
    ),
    Blok(
        "persoonlijk_plan",
        "Persoonlijk plan",
        kop="U mag zelf een plan maken",
        verplicht="Het recht op een persoonlijk plan",
        wet="Wmo 2015 artikel 2.3.2 lid 2",
        moet_bevatten=("[termijn persoonlijk plan]",),
        standaard=(
            "U mag ons zelf op papier vertellen wat u nodig heeft en wat u zelf al kunt doen. Dat heet een "
            "persoonlijk plan. [termijn persoonlijk plan] Dat is niet verplicht. Wij gebruiken uw plan in "
            "het gesprek."
        ),
    ),
    Blok(
        "clientondersteuning",
        "Cliëntondersteuning",
        kop="Gratis hulp bij het gesprek",
        verplicht="Het recht op gratis cliëntondersteuning",
        wet="Wmo 2015 artikel 2.3.2 lid 6",
        moet_bevatten=("cliëntondersteuning",),
        standaard=(
            "U heeft recht op gratis en onafhankelijke cliëntondersteuning. Een cliëntondersteuner helpt u "
            "bij het gesprek en denkt met u mee. Hij of zij werkt niet voor de gemeente. Wilt u dit? Bel "
            "ons, dan regelen wij het."
        ),
    ),
    Blok(
        "meenemen",
        "Iemand meenemen",
        kop="Neem iemand mee",
        standaard=(
            "Uw mantelzorger of iemand anders die u helpt, mag bij het gesprek zijn. Ook een familielid of "
            "iemand die u vertrouwt mag erbij zijn."
        ),
    ),
    Blok(
        "contact",
        "Contactpersoon",
        soort="vast",
        kop="Wie is uw contactpersoon?",
        partial="brieven/_contact.html",
        uitleg=(
            "De naam en het telefoonnummer van de consulent, of het team als er nog geen consulent is, "
            "en het kenmerk. Dit maakt het systeem."
        ),
    ),
)

ONTVANGSTBEVESTIGING_INVULVELDEN = (
    Invulveld(
        "melder heeft laten weten",
        "Wie de melding deed: ‘heeft u ons laten weten’, of ‘heeft [naam] ([relatie]) ons namens u laten "
        "weten’ als iemand anders meldde.",
        "heeft u ons laten weten",
        _melder_laten_weten,
    ),
    Invulveld(
        "termijn persoonlijk plan",
        "Een zin over tot wanneer de inwoner een persoonlijk plan kan sturen (7 dagen). Is die dag "
        "voorbij, dan staat er dat het plan nog steeds welkom is.",
        "Stuur dit plan uiterlijk op 27 februari 2026 naar ons.",
        _termijn_plan,
    ),
    Invulveld(
        "uiterste datum onderzoek",
        "De dag waarop het onderzoek uiterlijk klaar moet zijn.",
        "7 april 2026",
        lambda c: datum(c["melding"].onderzoek_deadline),
    ),
)


# --- Beschikking (Wmo 2015 art. 2.3.5) -----------------------------------------------------------
BESCHIKKING = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum aanvraag] heeft u hulp aangevraagd via de Wmo. In deze brief leest u ons besluit. "
            "Dit is een officieel besluit (een beschikking). [verschil met verslag]"
        ),
    ),
    Blok(
        "regels",
        "Het besluit per voorziening",
        soort="vast",
        partial="brieven/beschikking/_regels.html",
        verplicht="De wettelijke grondslag en de motivering",
        wet="Awb artikel 3:46 en 3:47",
        uitleg=(
            "Per voorziening: wat u besluit, wat gevraagd was, de omvang en de datums, het pgb, de "
            "aanbieder, de eigen bijdrage, wat het onderzoek liet zien, de motivering (Awb 3:46) en de "
            "regels waarop het besluit steunt (Awb 3:47). Dit komt uit het besluit en de catalogus."
        ),
    ),
    Blok(
        "eigen_bijdrage",
        "Eigen bijdrage",
        kop="Eigen bijdrage",
        wanneer="Alleen als voor een deel van de hulp een eigen bijdrage geldt.",
        voorwaarde=lambda c: c["beschikking"].heeft_eigen_bijdrage,
        standaard=(
            "Voor een deel van deze hulp betaalt u een eigen bijdrage ([grondslag eigen bijdrage]). Het CAK "
            "stelt die vast en stuurt u de rekening. De eigen bijdrage is nooit hoger dan wat de hulp kost. "
            "Op www.hetcak.nl kunt u uitrekenen hoeveel u betaalt."
        ),
    ),
    Blok(
        "bezwaar",
        "Bezwaar maken",
        kop="Bent u het niet eens met dit besluit?",
        verplicht="De bezwaarclausule",
        wet="Awb artikel 3:45, 6:7",
        moet_bevatten=("[uiterste datum bezwaar]", "[bezwaaradres]"),
        standaard=(
            "Dan kunt u bezwaar maken. Dat doet u met een brief, die u ondertekent. Schrijf erin met welk "
            "besluit u het niet eens bent en waarom. Zet er de datum, uw naam, uw adres en het kenmerk "
            "[kenmerk] in. [digitaal bezwaar]\n\n"
            "> Stuur uw bezwaar uiterlijk op **[uiterste datum bezwaar]** naar: [bezwaaradres].\n\n"
            "Dit staat in de Algemene wet bestuursrecht (artikel 6:4, 6:5, 6:7 en 6:8): u heeft zes weken "
            "vanaf de dag na de datum van deze brief."
        ),
    ),
    Blok(
        "voorlopige_voorziening",
        "Voorlopige voorziening bij de rechter",
        verplicht="De uitleg over de voorlopige voorziening",
        wet="Awb artikel 3:45 en 8:81",
        moet_bevatten=("[rechtbank]",),
        standaard=(
            "**Is het dringend?** Heeft u bezwaar gemaakt en kunt u niet wachten op de uitkomst? Dan kunt u "
            "de voorzieningenrechter van de [rechtbank] vragen om een voorlopige voorziening. Dat is een "
            "snelle, tijdelijke uitspraak van de rechter. Dit kan alleen als u eerst bezwaar heeft gemaakt "
            "(Algemene wet bestuursrecht artikel 8:81). U betaalt daarvoor griffierecht (artikel 8:82)."
        ),
    ),
    Blok(
        "klacht",
        "Klacht",
        kop="Een klacht?",
        standaard=(
            "Bent u niet tevreden over hoe wij u hebben behandeld? Dan kunt u een klacht indienen bij de "
            "gemeente [gemeente] via [website gemeente] of telefoon [telefoon gemeente]. Bent u daarna nog "
            "steeds niet tevreden over hoe de gemeente uw klacht heeft behandeld? Dan kunt u naar "
            "[ombudsman] (Algemene wet bestuursrecht artikel 9:18 en 9:22; Wet Nationale ombudsman). Bent "
            "u niet tevreden over de aanbieder? Dien dan eerst een klacht in bij de aanbieder zelf."
        ),
    ),
    Blok(
        "contact",
        "Vragen",
        soort="vast",
        kop="Vragen?",
        partial="brieven/_contact.html",
        uitleg=(
            "De naam en het telefoonnummer van de consulent, of het team, en het kenmerk. "
            "Dit maakt het systeem."
        ),
    ),
    Blok(
        "ondertekening",
        "Ondertekening onder mandaat",
        plaats="ondertekening",
        verplicht="De ondertekening onder mandaat",
        wet="Awb artikel 10:10",
        # "namens": in the gemeente's own signature line, which beheer requires to say it
        # (wmo.validators.validate_ondertekening).
        moet_bevatten=("[ondertekening gemeente]", "[naam ondertekenaar]"),
        standaard=(
            "Met vriendelijke groet,\n\n"
            "[ondertekening gemeente],\n\n"
            "[naam ondertekenaar]\n[functie ondertekenaar]\n\n"
            "Dit besluit is genomen onder mandaat ([mandaatregeling])."
        ),
    ),
)

BESCHIKKING_INVULVELDEN = (
    Invulveld(
        "datum aanvraag",
        "De dag waarop de aanvraag binnenkwam.",
        "3 maart 2026",
        lambda c: datum(c["aanvraag"].ontvangen_op),
    ),
    Invulveld(
        "verschil met verslag",
        "Als de inwoner al een verslag kreeg: de zin dat dit besluit iets anders is dan het verslag. "
        "Anders leeg.",
        "Het is iets anders dan het verslag van ons gesprek.",
        _verschil_verslag,
    ),
    Invulveld(
        "uiterste datum bezwaar",
        "De laatste dag om bezwaar te maken (zes weken, Awb 6:7 en 6:8).",
        "19 mei 2026",
        lambda c: datum(c["beschikking"].bezwaar_deadline),
    ),
    Invulveld(
        "bezwaaradres",
        "Waar de inwoner het bezwaar naartoe stuurt.",
        "Postbus 511, 2003 PB Haarlem",
        lambda c: c["gemeente"].bezwaar_adres,
    ),
    Invulveld(
        "digitaal bezwaar",
        "Als de gemeente digitaal bezwaar toestaat: de zin met het webadres. Anders leeg.",
        "U kunt ook digitaal bezwaar maken via www.haarlem.nl/bezwaar.",
        _digitaal_bezwaar,
    ),
    Invulveld("rechtbank", "De rechtbank van de gemeente, met adres.", "Rechtbank Noord-Holland", _rechtbank),
    Invulveld("ombudsman", "De ombudsman, met contactgegevens.", "de Nationale ombudsman", _ombudsman),
    Invulveld(
        "grondslag eigen bijdrage",
        "De regels voor de eigen bijdrage: de wet en de verordening van de gemeente.",
        "Wmo 2015 artikel 2.1.4 en de Verordening maatschappelijke ondersteuning Haarlem 2026",
        _grondslag_eigen_bijdrage,
    ),
    Invulveld("naam ondertekenaar", "Wie het besluit nam.", "Marco Bakker", _ondertekenaar),
    Invulveld(
        "functie ondertekenaar",
        "De functie van wie het besluit nam.",
        "teamleider Wmo",
        lambda c: c["beschikking"].besloten_functie,
    ),
    Invulveld(
        "mandaatregeling",
        "Het besluit waarmee het college mandaat geeft.",
        "Mandaatbesluit sociaal domein 2026",
        lambda c: c["gemeente"].mandaatregeling or "de mandaatregeling van de gemeente",
    ),
)


def _contact_blok(kop: str) -> Blok:
    return Blok(
        "contact",
        "Contact",
        soort="vast",
        kop=kop,
        partial="brieven/_contact.html",
        uitleg=(
            "De naam en het telefoonnummer van de consulent, of het team als er nog geen consulent is, "
            "en het kenmerk. Dit maakt het systeem."
        ),
    )


def _datum_aanvraag() -> Invulveld:
    return Invulveld(
        "datum aanvraag",
        "De dag waarop de aanvraag binnenkwam.",
        "3 maart 2026",
        lambda c: datum(c["aanvraag"].ontvangen_op),
    )


def _uiterste_datum_besluit() -> Invulveld:
    return Invulveld(
        "uiterste datum besluit",
        "De dag waarop wij uiterlijk over de aanvraag besluiten.",
        "19 mei 2026",
        lambda c: datum(c["aanvraag"].beslis_deadline),
    )


# --- Nieuwe contactpersoon -------------------------------------------------------------------------
def _melder_ncp(c: dict) -> str:
    return _wie_meldde(c, namens=False)


NIEUWE_CONTACTPERSOON = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum melding] [melder heeft laten weten] dat u hulp nodig heeft. Wij werken nog aan uw "
            "vraag. Vanaf nu helpt een andere consulent u verder. In deze brief leest u wie dat is."
        ),
    ),
    Blok(
        "nieuwe_contactpersoon",
        "De nieuwe contactpersoon",
        soort="vast",
        kop="Wie is uw nieuwe contactpersoon?",
        partial="brieven/nieuwe_contactpersoon/_contactpersoon.html",
        uitleg=(
            "Een kader met de naam en het telefoonnummer van de nieuwe consulent, of het team als er nog "
            "geen consulent is. Dit maakt het systeem."
        ),
    ),
    Blok(
        "dossier",
        "Het verhaal is bekend",
        standaard=(
            "Uw nieuwe contactpersoon weet wat er al is besproken. U hoeft uw verhaal dus niet opnieuw te "
            "vertellen."
        ),
    ),
    Blok(
        "verandert",
        "Wat verandert er",
        kop="Wat verandert er voor u?",
        standaard=(
            "Verder verandert er niets. Afspraken die al zijn gemaakt, blijven staan. Uw rechten en de "
            "datums die wij u eerder hebben genoemd, blijven ook hetzelfde."
        ),
    ),
    Blok(
        "vragen",
        "Vragen",
        soort="vast",
        kop="Vragen?",
        partial="brieven/nieuwe_contactpersoon/_vragen.html",
        uitleg="Het telefoonnummer en e-mailadres van het team (of de gemeente) en het kenmerk.",
    ),
)

NIEUWE_CONTACTPERSOON_INVULVELDEN = (
    Invulveld(
        "melder heeft laten weten",
        "Wie de melding deed: ‘heeft u ons laten weten’, of ‘heeft [naam] ([relatie]) ons laten weten’.",
        "heeft u ons laten weten",
        _melder_ncp,
    ),
)


# --- Uitnodiging voor het gesprek (Wmo 2015 art. 2.3.2) --------------------------------------------
def _melder_uitnodiging(c: dict) -> str:
    return _wie_meldde(c, begin_zin=True)


def _termijn_plan_uitnodiging(c: dict) -> str:
    deadline = c["melding"].plan_deadline
    if deadline >= c["datum"]:
        return f"U mag het sturen tot en met {datum(deadline)}, of meegeven bij het gesprek."
    return f"U had daarvoor tot en met {datum(deadline)}. {PLAN_VOORBIJ}"


def _aanwezigen(c: dict) -> str:
    namen = c["gesprek"].aanwezigen
    return f"Bij het gesprek zijn ook: {', '.join(namen)}." if namen else ""


UITNODIGING_GESPREK = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "[melder heeft laten weten] dat u hulp nodig heeft. Wij willen graag met u praten over wat u "
            "nodig heeft. Daarom nodigen wij u uit voor een gesprek."
        ),
    ),
    Blok(
        "afspraak",
        "De afspraak",
        soort="vast",
        partial="brieven/uitnodiging_gesprek/_afspraak.html",
        uitleg="Een kader met de dag, de tijd, de plaats en de consulent van het gesprek. Dit maakt het systeem.",
    ),
    Blok(
        "onderwerpen",
        "Waar praten we over",
        kop="Waar praten we over?",
        standaard=(
            "- Wat u nog zelf kunt en wat niet meer lukt, thuis en buiten de deur.\n"
            "- Wie u nu helpt, zoals uw partner, familie, buren of vrienden.\n"
            "- Welke oplossingen er zijn. Soms is dat hulp in uw buurt, soms een voorziening van de gemeente.\n"
            "- Wat een voorziening kost. Voor veel voorzieningen betaalt u een eigen bijdrage aan het CAK. "
            "Voor sommige niet, bijvoorbeeld een rolstoel."
        ),
    ),
    Blok(
        "meenemen",
        "Iemand meenemen",
        kop="Neem iemand mee",
        standaard=(
            "U mag iemand meenemen die u vertrouwt, bijvoorbeeld uw mantelzorger, een familielid of een "
            "buur. [ook bij het gesprek]"
        ),
    ),
    Blok(
        "clientondersteuning",
        "Cliëntondersteuning",
        kop="Gratis hulp van een cliëntondersteuner",
        verplicht="Het recht op gratis cliëntondersteuning",
        wet="Wmo 2015 artikel 2.3.2 lid 6",
        moet_bevatten=("cliëntondersteuning",),
        standaard=(
            "U heeft recht op gratis en onafhankelijke cliëntondersteuning. Een cliëntondersteuner helpt u "
            "het gesprek voor te bereiden en kan erbij zijn. Wilt u dat? Bel ons, dan regelen wij het."
        ),
    ),
    Blok(
        "persoonlijk_plan",
        "Persoonlijk plan",
        kop="Uw eigen plan",
        wanneer="Alleen als wij nog geen persoonlijk plan hebben.",
        voorwaarde=lambda c: not c["plan_ontvangen"],
        verplicht="Het recht op een persoonlijk plan",
        wet="Wmo 2015 artikel 2.3.2 lid 2",
        moet_bevatten=("[termijn persoonlijk plan]",),
        standaard=(
            "U mag ons vóór het gesprek zelf op papier vertellen wat u nodig heeft. Dat heet een persoonlijk "
            "plan. Wij hebben nog geen plan van u. [termijn persoonlijk plan] Het is niet verplicht."
        ),
    ),
    Blok(
        "kunt_niet",
        "Kunt u niet",
        kop="Kunt u niet?",
        standaard="Bel ons dan op [telefoon]. Noem het kenmerk [kenmerk]. Dan maken we een nieuwe afspraak.",
    ),
)

UITNODIGING_GESPREK_INVULVELDEN = (
    Invulveld(
        "melder heeft laten weten",
        "Wie de melding deed: ‘U heeft ons laten weten’, of ‘[naam] ([relatie]) heeft ons namens u laten "
        "weten’.",
        "U heeft ons laten weten",
        _melder_uitnodiging,
    ),
    Invulveld(
        "termijn persoonlijk plan",
        "Een zin over tot wanneer de inwoner een persoonlijk plan kan sturen. Is die dag voorbij, dan "
        "staat er dat het plan nog steeds welkom is.",
        "U mag het sturen tot en met 27 februari 2026, of meegeven bij het gesprek.",
        _termijn_plan_uitnodiging,
    ),
    Invulveld(
        "ook bij het gesprek",
        "Als er anderen bij het gesprek zijn: de zin met hun namen. Anders leeg.",
        "Bij het gesprek zijn ook: Anja de Vries.",
        _aanwezigen,
    ),
    Invulveld(
        "datum gesprek",
        "De dag van het gesprek.",
        "dinsdag 10 maart 2026",
        lambda c: date_format(timezone.localtime(c["gesprek"].gepland_op), "l j F Y"),
    ),
)


# --- Verzoek om aanvulling (Awb 4:5, 4:15) ---------------------------------------------------------
def _oude_beslisdatum(c: dict) -> str:
    oud = c.get("oude_deadline")
    return f"Zonder deze vraag moesten wij uiterlijk op {datum(oud)} een besluit nemen." if oud else ""


VERZOEK_OM_AANVULLING = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum aanvraag] hebben wij uw aanvraag ontvangen. Wij willen een goed besluit nemen. "
            "Daarvoor hebben wij meer gegevens van u nodig."
        ),
    ),
    Blok(
        "wat_nodig",
        "Wat wij nodig hebben",
        soort="vast",
        kop="Wat hebben wij nodig?",
        partial="brieven/verzoek_om_aanvulling/_wat_nodig.html",
        uitleg=(
            "Wat de consulent vraagt, en een kader met de dag waarop de gegevens er uiterlijk moeten zijn. "
            "Dit komt uit de opschorting."
        ),
    ),
    Blok(
        "betekenis",
        "Wat dit betekent voor het besluit",
        kop="Wat betekent dit voor ons besluit?",
        standaard=(
            "Wij moeten binnen een vaste tijd een besluit nemen over uw aanvraag. Zolang wij wachten op uw "
            "gegevens, staat die tijd stil. Dat heet opschorten. De tijd staat stil vanaf [eerste dag stil].\n\n"
            "[oude beslisdatum] Nu besluiten wij uiterlijk op **[uiterste datum besluit]**.\n\n"
            "- Stuurt u de gegevens eerder? Dan gaat de tijd weer lopen op de dag dat wij ze hebben. Wij "
            "besluiten dan ook eerder. U krijgt een brief met de nieuwe datum.\n"
            "- Stuurt u de gegevens niet op tijd? Dan gaat de tijd na [uiterste datum gegevens] toch weer "
            "lopen. Wij mogen dan besluiten uw aanvraag niet te behandelen."
        ),
    ),
    _contact_blok("Vragen of lukt het niet op tijd?"),
)

VERZOEK_OM_AANVULLING_INVULVELDEN = (
    _datum_aanvraag(),
    _uiterste_datum_besluit(),
    Invulveld(
        "eerste dag stil",
        "De eerste dag waarop de tijd voor het besluit stilstaat.",
        "23 april 2026",
        lambda c: datum(c["opschorting"].eerste_dag_stil),
    ),
    Invulveld(
        "uiterste datum gegevens",
        "De dag waarop de gegevens er uiterlijk moeten zijn.",
        "6 mei 2026",
        lambda c: datum(c["opschorting"].termijn_tot),
    ),
    Invulveld(
        "oude beslisdatum",
        "De zin met de datum waarop wij zonder deze vraag moesten besluiten. Leeg als die er niet is.",
        "Zonder deze vraag moesten wij uiterlijk op 6 mei 2026 een besluit nemen.",
        _oude_beslisdatum,
    ),
)


# --- Opschorting beëindigd -------------------------------------------------------------------------
def _dagen_stil(c: dict) -> str:
    dagen = c["dagen_stil"]
    if dagen is None:
        return ""
    return "1 dag" if dagen == 1 else f"{dagen} dagen"


OPSCHORTING_BEEINDIGD = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum aanvraag] hebben wij uw aanvraag ontvangen. Wij moeten binnen een vaste tijd een "
            "besluit nemen. Die tijd stond een tijdje stil, omdat [reden]. Dat heet opschorten."
        ),
    ),
    Blok(
        "betekenis",
        "Wat dit betekent",
        kop="Wat betekent dit voor u?",
        moet_bevatten=("[uiterste datum besluit]",),
        verplicht="De nieuwe uiterste datum van het besluit",
        wet="Awb artikel 4:13 en 4:15",
        standaard=(
            "De tijd stond stil vanaf [eerste dag stil]. Vanaf [eerste dag weer] loopt de tijd weer. De tijd "
            "heeft dus [dagen stil] stilgestaan.\n\n"
            "> Wij besluiten uiterlijk op **[uiterste datum besluit]** over uw aanvraag."
        ),
    ),
    _contact_blok("Vragen?"),
)

OPSCHORTING_BEEINDIGD_INVULVELDEN = (
    _datum_aanvraag(),
    _uiterste_datum_besluit(),
    Invulveld(
        "reden",
        "Waarom de tijd stilstond, in gewone woorden.",
        "wij wachtten op gegevens van u",
        lambda c: c["reden_in_gewone_woorden"],
    ),
    Invulveld(
        "eerste dag stil",
        "De eerste dag waarop de tijd stilstond.",
        "23 april 2026",
        lambda c: datum(c["opschorting"].eerste_dag_stil),
    ),
    Invulveld(
        "eerste dag weer",
        "De dag waarop de tijd weer loopt.",
        "30 april 2026",
        lambda c: datum(c["opschorting"].eerste_dag_weer),
    ),
    Invulveld("dagen stil", "Hoe lang de tijd stilstond: ‘1 dag’ of ‘7 dagen’.", "7 dagen", _dagen_stil),
)


# --- Verdagingsbericht (Awb 4:14 lid 3; dwangsom Awb 4:17) -----------------------------------------
def _zin_beslistermijn(c: dict) -> str:
    deadline = c["aanvraag"].beslis_deadline
    if deadline and deadline < c["datum"]:
        return f"Wij hadden uiterlijk op {datum(deadline)} een besluit moeten nemen. Dat is ons niet gelukt."
    if deadline:
        return f"Wij moeten uiterlijk op {datum(deadline)} een besluit nemen. Dat lukt ons niet."
    return "Wij moeten binnen een vaste tijd een besluit nemen. Dat lukt ons niet."


def _na_beslisdatum(c: dict) -> str:
    deadline = c["aanvraag"].beslis_deadline
    return f"Na {datum(deadline)}" if deadline else "Als de tijd voorbij is"


VERDAGINGSBERICHT = (
    Blok(
        "begin",
        "Begin van de brief",
        standaard=(
            "Beste [aanhef],\n\n"
            "Op [datum aanvraag] hebben wij uw aanvraag ontvangen. [zin beslistermijn] Het spijt ons dat u "
            "langer moet wachten."
        ),
    ),
    Blok(
        "reden",
        "Waarom het langer duurt",
        soort="vast",
        kop="Waarom duurt het langer?",
        partial="brieven/verdagingsbericht/_reden.html",
        verplicht="De nieuwe termijn",
        wet="Awb artikel 4:14 lid 3",
        uitleg=(
            "De reden die de consulent schreef, en een kader met de dag waarop het besluit er uiterlijk is "
            "(Awb 4:14 lid 3: een redelijke termijn). Dit komt uit de verdaging."
        ),
    ),
    Blok(
        "dwangsom",
        "Ingebrekestelling en dwangsom",
        kop="Wat kunt u doen?",
        standaard=(
            "Vindt u dat het te lang duurt? [na beslisdatum] mag u ons een brief sturen. Daarin vraagt u ons "
            "om snel te besluiten. Dat heet een ingebrekestelling. Hebben wij twee weken nadat wij uw brief "
            "hebben ontvangen nog steeds niet besloten? Dan moeten wij u geld betalen voor elke dag dat u "
            "daarna langer wacht, voor ten hoogste [dagen dwangsom] dagen. Dat heet een dwangsom. Deze brief "
            "verandert daar niets aan."
        ),
    ),
    _contact_blok("Vragen?"),
)

VERDAGINGSBERICHT_INVULVELDEN = (
    _datum_aanvraag(),
    Invulveld(
        "zin beslistermijn",
        "De zin over de dag waarop wij moesten besluiten (of dat die al voorbij is).",
        "Wij moeten uiterlijk op 6 mei 2026 een besluit nemen. Dat lukt ons niet.",
        _zin_beslistermijn,
    ),
    Invulveld(
        "na beslisdatum",
        "‘Na [datum]’: vanaf wanneer de inwoner ons in gebreke kan stellen.",
        "Na 6 mei 2026",
        _na_beslisdatum,
    ),
    Invulveld(
        "dagen dwangsom",
        "Het grootste aantal dagen dwangsom (Awb 4:17 lid 1).",
        "42",
        lambda c: str(c["dwangsom"].max_dagen),
    ),
    Invulveld(
        "uiterste datum besluit",
        "De nieuwe dag waarop het besluit er uiterlijk is.",
        "3 juni 2026",
        lambda c: datum(c["verdaging"].verwachte_datum),
    ),
)


# --- Verslag van het onderzoek (Wmo 2015 art. 2.3.2 lid 8) -----------------------------------------
def _zin_gesprek(c: dict) -> str:
    if c["gesprekken"]:
        return "Wij hebben met u gepraat over uw situatie en over wat u nodig heeft."
    return "Wij hebben onderzocht wat u nodig heeft. Wij hebben daarvoor geen gesprek met u gevoerd."


VERSLAG = (
    Blok(
        "begin",
        "Begin van het verslag",
        standaard=(
            "Beste [aanhef],\n\n"
            "[zin over het gesprek] In dit verslag leest u wat we hebben besproken en wat we hebben "
            "afgesproken. Lees het goed. Klopt er iets niet, of wilt u iets toevoegen? Schrijf dat dan op de "
            "laatste bladzijde. Wij bewaren uw reactie bij dit verslag.\n\n"
            "Dit verslag is geen besluit. Een besluit krijgt u in een aparte brief: de beschikking."
        ),
    ),
    Blok(
        "inhoud",
        "Het verslag zelf",
        soort="vast",
        partial="brieven/verslag/_inhoud.html",
        uitleg=(
            "Wanneer en met wie, de vraag in de woorden van de inwoner, per onderwerp wat de consulent "
            "vaststelde en de afwegingsladder, mantelzorg, de eigen oplossing, de afspraken, wat de inwoner "
            "nog moet weten, de ondertekening en de bladzijde voor de reactie. Dit komt uit het onderzoek."
        ),
    ),
)

VERSLAG_INVULVELDEN = (
    Invulveld(
        "zin over het gesprek",
        "‘Wij hebben met u gepraat …’, of, zonder gesprek, dat wij onderzochten zonder gesprek.",
        "Wij hebben met u gepraat over uw situatie en over wat u nodig heeft.",
        _zin_gesprek,
    ),
)


@dataclass(frozen=True)
class Opbouw:
    """The blocks and the placeholders of one kind."""

    blokken: tuple[Blok, ...]
    invulvelden: tuple[Invulveld, ...] = field(default=())

    @property
    def alle_invulvelden(self) -> tuple[Invulveld, ...]:
        return GEDEELDE_INVULVELDEN + self.invulvelden

    @property
    def tekstblokken(self) -> tuple[Blok, ...]:
        return tuple(b for b in self.blokken if b.is_tekst)

    def blok(self, sleutel: str) -> Blok | None:
        return next((b for b in self.blokken if b.sleutel == sleutel), None)


BLOKKEN: dict[BriefSoort, Opbouw] = {
    BriefSoort.ONTVANGSTBEVESTIGING: Opbouw(ONTVANGSTBEVESTIGING, ONTVANGSTBEVESTIGING_INVULVELDEN),
    BriefSoort.BESCHIKKING: Opbouw(BESCHIKKING, BESCHIKKING_INVULVELDEN),
    BriefSoort.NIEUWE_CONTACTPERSOON: Opbouw(NIEUWE_CONTACTPERSOON, NIEUWE_CONTACTPERSOON_INVULVELDEN),
    BriefSoort.UITNODIGING_GESPREK: Opbouw(UITNODIGING_GESPREK, UITNODIGING_GESPREK_INVULVELDEN),
    BriefSoort.VERZOEK_OM_AANVULLING: Opbouw(VERZOEK_OM_AANVULLING, VERZOEK_OM_AANVULLING_INVULVELDEN),
    BriefSoort.OPSCHORTING_BEEINDIGD: Opbouw(OPSCHORTING_BEEINDIGD, OPSCHORTING_BEEINDIGD_INVULVELDEN),
    BriefSoort.VERDAGINGSBERICHT: Opbouw(VERDAGINGSBERICHT, VERDAGINGSBERICHT_INVULVELDEN),
    BriefSoort.VERSLAG: Opbouw(VERSLAG, VERSLAG_INVULVELDEN),
}


def bewerkbaar(soort) -> bool:
    return soort in BLOKKEN
