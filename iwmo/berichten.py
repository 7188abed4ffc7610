"""Building the outgoing iWmo 3.2 messages as XML (lxml), element by element as the XSD orders them.

Only what the data holds is written; the checks that a message can be built at all (an AGB code,
a geslacht, a product category...) are in iwmo.services, in plain Dutch, before this runs.
"""

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from iwmo.codelijsten import AdresSoort, Berichtcode, WettelijkeVertegenwoordiging
from iwmo.models import VerzoekSoort, VerzoekStatus
from iwmo.schema import (
    BASIS_NAMESPACE,
    BASISSCHEMA_XSD_VERSIE,
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    BERICHT_XSD_VERSIE,
    namespace,
)
from wmo.codelijsten import FREQUENTIE_NAAR_IWMO, Eenheid, FrequentieIwmo
from wmo.regels.vertegenwoordiging import Vertegenwoordiging

# The inwoner's vertegenwoordiger (BW boek 1) as WJ003 wettelijke vertegenwoordiging.
VERTEGENWOORDIGING_NAAR_IWMO = {
    Vertegenwoordiging.CURATOR: WettelijkeVertegenwoordiging.ONDER_CURATELE_STELLING,
    Vertegenwoordiging.MENTOR: WettelijkeVertegenwoordiging.MENTORSCHAP,
    Vertegenwoordiging.BEWINDVOERDER: WettelijkeVertegenwoordiging.BEWINDVOERING,
}

# iwmo:LDT_Straatnaam is at most 24 characters (the BRP's short street name, NEN 5825).
STRAATNAAM_MAX = 24


@dataclass(frozen=True)
class Omvang:
    volume: int
    eenheid: str
    frequentie: str


class OmvangOnmogelijk(ValueError):
    """The beschikking's omvang cannot be written as an iWmo Omvang (a whole Volume)."""


def omvang(
    *, hoeveel: Decimal, eenheid: str, frequentie: str, ingangsdatum: date, einddatum: date | None
) -> Omvang:
    """The beschikking's omvang as iWmo Omvang: a whole Volume (LDT_Volume is an integer), WJ756, WMO757.

    - Hours with a fraction become minutes (2,5 uur -> 150 minuten), so nothing is rounded away.
    - "per jaar" has no WMO757 code: with an einddatum it is sent as a total over the period
      (code 6), pro rata by days; without one, per maand (a twelfth). Both round up to a whole
      unit (minutes for hours), so the aanbieder may deliver at least what was granted.
    """
    iwmo_frequentie = FREQUENTIE_NAAR_IWMO.get(frequentie)
    hoeveel = Decimal(hoeveel)
    if iwmo_frequentie is None:  # per jaar
        if einddatum:
            dagen = (einddatum - ingangsdatum).days + 1
            hoeveel = hoeveel * Decimal(dagen) / Decimal(365)
            iwmo_frequentie = FrequentieIwmo.TOTAAL
        else:
            hoeveel = hoeveel / Decimal(12)
            iwmo_frequentie = FrequentieIwmo.PER_MAAND
        if hoeveel != hoeveel.to_integral_value() and eenheid == Eenheid.UUR:
            return Omvang(math.ceil(hoeveel * 60), Eenheid.MINUUT, iwmo_frequentie)
        return Omvang(math.ceil(hoeveel), eenheid, iwmo_frequentie)
    if hoeveel == hoeveel.to_integral_value():
        return Omvang(int(hoeveel), eenheid, iwmo_frequentie)
    if eenheid == Eenheid.UUR and (hoeveel * 60) == (hoeveel * 60).to_integral_value():
        return Omvang(int(hoeveel * 60), Eenheid.MINUUT, iwmo_frequentie)
    raise OmvangOnmogelijk(hoeveel)


def _el(ouder, naam: str, tekst=None, *, basis: bool = False, ns: str):
    element = etree.SubElement(ouder, f"{{{BASIS_NAMESPACE if basis else ns}}}{naam}")
    if tekst is not None:
        element.text = str(tekst)
    return element


def telefoon(nummer: str) -> tuple[str, str] | None:
    """(Telefoonnummer, Landnummer) for iwmo:CDT_Telefoon: digits only, at most 15; Dutch numbers 0031."""
    cijfers = re.sub(r"\D", "", nummer or "")
    if not cijfers:
        return None
    if nummer.strip().startswith("+"):
        cijfers = "00" + cijfers
    if cijfers.startswith("0031"):
        return "0" + cijfers[4:], "0031"
    if cijfers.startswith("00"):
        return cijfers[4:][:15], cijfers[:4]
    return cijfers[:15], "0031"


def huis(huisnummer: int, toevoeging: str) -> dict:
    """Huisletter (one letter) or HuisnummerToevoeging (at most 4) from the one field the loket has."""
    toevoeging = (toevoeging or "").strip().lstrip("-").strip()
    if not toevoeging:
        return {"Huisnummer": huisnummer}
    if len(toevoeging) == 1 and toevoeging.isalpha():
        return {"Huisnummer": huisnummer, "Huisletter": toevoeging.upper()}
    return {"Huisnummer": huisnummer, "HuisnummerToevoeging": toevoeging[:4]}


def referentie_aanbieder(toewijzing) -> str:
    """ReferentieAanbieder (iwmo:LDT_Referentie, at most 36) of a toewijzing that answers a verzoek.

    Processen.md, "Proces beoordelen Wmo": a granted verzoek om toewijzing (WMO315) is answered per
    AangevraagdProduct with a toewijzingsbericht; the aanbieder's ReferentieAanbieder links that
    ToegewezenProduct to its request. Kept in every later WMO301 of the same toewijzing.
    """
    return (
        toewijzing.verzoeken.filter(soort=VerzoekSoort.TOEWIJZING, status=VerzoekStatus.TOEGEKEND)
        .order_by("beoordeeld_op", "pk")
        .values_list("referentie", flat=True)
        .first()
        or ""
    )


def wmo301(*, gemeente, aanbieder, inwoner, toewijzingen, identificatie: str, dagtekening: date) -> bytes:
    """The WMO301 toewijzing bericht (BerichtCode 414) for one client at one aanbieder."""
    ns = namespace("WMO301")
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={None: ns, "iwmo": BASIS_NAMESPACE})

    header = _el(root, "Header", ns=ns)
    _el(header, "BerichtCode", Berichtcode.WMO301.value, ns=ns)
    _el(header, "BerichtVersie", BERICHT_VERSIE, ns=ns)
    _el(header, "BerichtSubversie", BERICHT_SUBVERSIE, ns=ns)
    _el(header, "Afzender", gemeente.cbs_code, ns=ns)
    _el(header, "Ontvanger", aanbieder.agb_code, ns=ns)
    ident = _el(header, "BerichtIdentificatie", ns=ns)
    _el(ident, "Identificatie", identificatie, basis=True, ns=ns)
    _el(ident, "Dagtekening", dagtekening.isoformat(), basis=True, ns=ns)
    xsd = _el(header, "XsdVersie", ns=ns)
    _el(xsd, "BasisschemaXsdVersie", BASISSCHEMA_XSD_VERSIE, basis=True, ns=ns)
    _el(xsd, "BerichtXsdVersie", BERICHT_XSD_VERSIE, basis=True, ns=ns)

    client = _el(root, "Client", ns=ns)
    _el(client, "Bsn", inwoner.bsn, ns=ns)
    geboren = _el(client, "Geboortedatum", ns=ns)
    _el(geboren, "Datum", inwoner.geboortedatum.isoformat(), basis=True, ns=ns)
    _el(client, "Geslacht", inwoner.geslacht, ns=ns)
    naam = _el(client, "Naam", ns=ns)
    geslachtsnaam = _el(naam, "Geslachtsnaam", basis=True, ns=ns)
    _el(geslachtsnaam, "Achternaam", inwoner.achternaam.strip(), basis=True, ns=ns)
    if inwoner.tussenvoegsel.strip():
        _el(geslachtsnaam, "Voorvoegsel", inwoner.tussenvoegsel.strip()[:10], basis=True, ns=ns)
    if inwoner.partner_achternaam.strip():
        partner = _el(naam, "Partnernaam", basis=True, ns=ns)
        _el(partner, "Achternaam", inwoner.partner_achternaam.strip(), basis=True, ns=ns)
        if inwoner.partner_tussenvoegsel.strip():
            _el(partner, "Voorvoegsel", inwoner.partner_tussenvoegsel.strip()[:10], basis=True, ns=ns)
    if inwoner.voornamen.strip():
        _el(naam, "Voornamen", inwoner.voornamen.strip(), basis=True, ns=ns)
    _el(naam, "NaamGebruik", inwoner.naamgebruik, basis=True, ns=ns)
    if inwoner.communicatievorm:
        communicatie = _el(client, "Communicatie", ns=ns)
        _el(communicatie, "Vorm", inwoner.communicatievorm, basis=True, ns=ns)
        if inwoner.communicatie_taal.strip():
            _el(communicatie, "Taal", inwoner.communicatie_taal.strip(), basis=True, ns=ns)
    if inwoner.juridische_status:
        _el(client, "JuridischeStatus", inwoner.juridische_status, ns=ns)
    vertegenwoordiging = VERTEGENWOORDIGING_NAAR_IWMO.get(inwoner.vertegenwoordiger_soort)
    if vertegenwoordiging:
        _el(client, "WettelijkeVertegenwoordiging", vertegenwoordiging, ns=ns)

    # The inwoner's address as the loket recorded it from the BRP: soort 01 BRP-adres.
    contact = _el(_el(client, "Contactgegevens", ns=ns), "Contact", ns=ns)
    _el(contact, "Soort", AdresSoort.BRP_ADRES, ns=ns)
    adres = _el(contact, "Adres", ns=ns)
    huis_el = _el(adres, "Huis", basis=True, ns=ns)
    for veld, waarde in huis(inwoner.huisnummer, inwoner.huisnummer_toevoeging).items():
        _el(huis_el, veld, waarde, basis=True, ns=ns)
    _el(adres, "Postcode", inwoner.postcode.replace(" ", "").upper(), basis=True, ns=ns)
    _el(adres, "Straatnaam", inwoner.straat.strip()[:STRAATNAAM_MAX].strip(), basis=True, ns=ns)
    _el(adres, "Plaatsnaam", inwoner.woonplaats.strip()[:80], basis=True, ns=ns)
    nummer = telefoon(inwoner.telefoon)
    if nummer:
        tel = _el(_el(contact, "Telefoon", ns=ns), "Telefoon01", basis=True, ns=ns)
        _el(tel, "Telefoonnummer", nummer[0], basis=True, ns=ns)
        _el(tel, "Landnummer", nummer[1], basis=True, ns=ns)
    if inwoner.email.strip() and len(inwoner.email) <= 80:
        _el(contact, "Emailadres", inwoner.email.strip(), ns=ns)

    producten = _el(client, "ToegewezenProducten", ns=ns)
    for toewijzing in toewijzingen:
        regel = toewijzing.regel
        product = _el(producten, "ToegewezenProduct", ns=ns)
        _el(product, "ToewijzingNummer", toewijzing.nummer, ns=ns)
        referentie = referentie_aanbieder(toewijzing)
        if referentie:
            _el(product, "ReferentieAanbieder", referentie, ns=ns)
        categorie = _el(product, "Product", ns=ns)
        _el(categorie, "Categorie", regel.voorziening.iwmo_productcategorie, basis=True, ns=ns)
        if regel.voorziening.iwmo_productcode:
            _el(categorie, "Code", regel.voorziening.iwmo_productcode, basis=True, ns=ns)
        moment = timezone.localtime(toewijzing.toegewezen_op)
        _el(product, "Toewijzingsdatum", moment.date().isoformat(), ns=ns)
        _el(product, "Toewijzingstijd", moment.strftime("%H:%M:%S"), ns=ns)
        _el(product, "Ingangsdatum", toewijzing.ingangsdatum.isoformat(), ns=ns)
        if toewijzing.einddatum:
            _el(product, "Einddatum", toewijzing.einddatum.isoformat(), ns=ns)
        if toewijzing.reden_wijziging:
            _el(product, "RedenWijziging", toewijzing.reden_wijziging, ns=ns)
        maat = omvang_van(toewijzing)
        omvang_el = _el(product, "Omvang", ns=ns)
        _el(omvang_el, "Volume", maat.volume, basis=True, ns=ns)
        _el(omvang_el, "Eenheid", maat.eenheid, basis=True, ns=ns)
        _el(omvang_el, "Frequentie", maat.frequentie, basis=True, ns=ns)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# Catalogue rows made before the WJ756 code list hold the unit in words; the unambiguous ones map.
EENHEID_UIT_TEKST = {
    "minuut": Eenheid.MINUUT,
    "minuten": Eenheid.MINUUT,
    "uur": Eenheid.UUR,
    "uren": Eenheid.UUR,
    "etmaal": Eenheid.ETMAAL,
    "etmalen": Eenheid.ETMAAL,
    "dagdeel": Eenheid.DAGDEEL,
    "dagdelen": Eenheid.DAGDEEL,
    "euro": Eenheid.EUROS,
    "euro's": Eenheid.EUROS,
}


def eenheid(voorziening) -> str | None:
    """The product's WJ756 eenheid from the catalogue, or None when it has none."""
    waarde = (voorziening.eenheid or "").strip()
    if waarde in Eenheid.values:
        return waarde
    return EENHEID_UIT_TEKST.get(waarde.lower())


def omvang_van(toewijzing) -> Omvang:
    regel = toewijzing.regel
    return omvang(
        hoeveel=regel.omvang,
        eenheid=eenheid(regel.voorziening),
        frequentie=regel.frequentie,
        ingangsdatum=toewijzing.ingangsdatum,
        einddatum=toewijzing.einddatum,
    )
