"""The retour messages the gemeente sends for every message it receives: 306, 308, 316 and 318.

iWmo 3.2 answers each heenbericht with a retourbericht (processen.md, "Start melden": "Daarna stelt
de gemeente op basis van deze controle een retourbericht op"). No XSD for the retour messages is
shipped, so they are built per the structure summary (schema-overzicht.md, WMO306/308/316/318):

- the retour repeats the heenbericht, in its own namespace and with its own BerichtCode (COD002);
- the Header gets IdentificatieRetour, DagtekeningRetour, (XsltVersie 0..1, left out) and
  XsdVersieRetour after XsdVersie, and RetourCodes 0..1 last;
- every class that is judged (Client, and each StartProduct, StopProduct, AangevraagdProduct,
  Verzoek, OngewijzigdProduct, TeWijzigenProduct, NieuwProduct) gets RetourCodes 1..1 as its last
  child, holding one or more RetourCode (WJ001);
- a message that cannot be judged at all (it failed the XSD) gets only the Header, with its
  RetourCodes, and no Client (Client is 0..1 in the retour).

Retourcode 0200 means "geen opmerking over deze berichtklasse"; 0233 "berichtklasse is niet
beoordeeld" (used below a class that was rejected as a whole, e.g. a repeated identification).
"""

import copy
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from iwmo.codelijsten import Berichtcode
from iwmo.schema import BASIS_NAMESPACE, BASISSCHEMA_XSD_VERSIE, BERICHT_XSD_VERSIE, namespace

# The retour message per heenbericht (schema-overzicht.md).
RETOUR_VAN = {
    "WMO301": "WMO302",
    "WMO305": "WMO306",
    "WMO307": "WMO308",
    "WMO315": "WMO316",
    "WMO317": "WMO318",
}

# The classes that carry RetourCodes in each retour message, by their local name (the Client
# always does). From the summary's tables, where RetourCodes is 1..1.
GEBEOORDEELDE_KLASSEN = {
    "WMO302": ("Client", "Relatie", "Contact", "ToegewezenProduct"),
    "WMO306": ("Client", "StartProduct"),
    "WMO308": ("Client", "StopProduct"),
    "WMO316": ("Client", "AangevraagdProduct"),
    "WMO318": ("Client", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct"),
}

GOEDGEKEURD = "0200"
NIET_BEOORDEELD = "0233"
TECHNISCH_AFGEKEURD = "0001"


@dataclass
class Beoordeling:
    """The retourcodes per class of one received message.

    `header` for the Header; `klassen` maps an element of the heenbericht (the lxml element of a
    Client or a product) to its codes. A class not in `klassen` gets 0200, or 0233 when the header
    was rejected (then nothing below it was judged).
    """

    header: list[str] = field(default_factory=list)
    klassen: dict = field(default_factory=dict)

    def afkeuren(self, element, code: str) -> None:
        codes = self.klassen.setdefault(element, [])
        if code not in codes:
            codes.append(code)

    @property
    def goedgekeurd(self) -> bool:
        return not self.header and not any(self.klassen.values())

    def alle_codes(self) -> list[str]:
        codes = list(self.header)
        for lijst in self.klassen.values():
            codes += [c for c in lijst if c not in codes]
        return codes


def _lokaal(element) -> str:
    return etree.QName(element).localname


def bouw_retour(
    heen: etree._Element,
    *,
    soort: str,
    beoordeling: Beoordeling,
    identificatie: str,
    dagtekening: date,
    alleen_header: bool = False,
) -> bytes:
    """The retour message (306/308/316/318) for the parsed heenbericht `heen` of kind `soort`.

    `identificatie` and `dagtekening` are the retour's own (IdentificatieRetour, DagtekeningRetour).
    `alleen_header`: the message could not be judged (XSD failure): only the Header goes back.
    """
    retour_soort = RETOUR_VAN[soort]
    oud_ns, nieuw_ns = namespace(soort), namespace(retour_soort)
    # The codes are keyed by the elements of `heen`; the copy keeps the same document order, so
    # walk both trees side by side to find each class's codes.
    kopie = copy.deepcopy(heen)
    paren = list(zip(heen.iter(), kopie.iter(), strict=True))
    codes_van = {id(nieuw): beoordeling.klassen.get(oud, []) for oud, nieuw in paren}
    for element in kopie.iter():
        if not isinstance(element.tag, str):
            continue
        qname = etree.QName(element)
        if qname.namespace == oud_ns:
            element.tag = f"{{{nieuw_ns}}}{qname.localname}"
    header = kopie.find(f"{{{nieuw_ns}}}Header")
    header.find(f"{{{nieuw_ns}}}BerichtCode").text = Berichtcode[retour_soort].value
    xsd_versie = header.find(f"{{{nieuw_ns}}}XsdVersie")
    positie = list(header).index(xsd_versie) + 1
    nieuw = []
    e = etree.Element(f"{{{nieuw_ns}}}IdentificatieRetour")
    e.text = identificatie
    nieuw.append(e)
    e = etree.Element(f"{{{nieuw_ns}}}DagtekeningRetour")
    e.text = dagtekening.isoformat()
    nieuw.append(e)
    e = etree.Element(f"{{{nieuw_ns}}}XsdVersieRetour")
    etree.SubElement(e, f"{{{BASIS_NAMESPACE}}}BasisschemaXsdVersie").text = BASISSCHEMA_XSD_VERSIE
    etree.SubElement(e, f"{{{BASIS_NAMESPACE}}}BerichtXsdVersie").text = BERICHT_XSD_VERSIE
    nieuw.append(e)
    for i, element in enumerate(nieuw):
        header.insert(positie + i, element)
    if beoordeling.header:
        header.append(_retourcodes(nieuw_ns, beoordeling.header))
    if alleen_header:
        for kind in list(kopie):
            if kind is not header:
                kopie.remove(kind)
    else:
        klassen = GEBEOORDEELDE_KLASSEN[retour_soort]
        standaard = NIET_BEOORDEELD if beoordeling.header else GOEDGEKEURD
        for element in list(kopie.iter(*(f"{{{nieuw_ns}}}{k}" for k in klassen))):
            element.append(_retourcodes(nieuw_ns, codes_van.get(id(element)) or [standaard]))
    # The retour's own namespace as the default (no "ns0:" prefixes), indented like the heenbericht.
    schoon = etree.Element(kopie.tag, nsmap={None: nieuw_ns, "iwmo": BASIS_NAMESPACE})
    schoon.extend(list(kopie))
    etree.cleanup_namespaces(schoon, top_nsmap={None: nieuw_ns, "iwmo": BASIS_NAMESPACE})
    etree.indent(schoon, space="  ")
    return etree.tostring(schoon, xml_declaration=True, encoding="UTF-8")


def _retourcodes(ns: str, codes: list[str]):
    lijst = etree.Element(f"{{{ns}}}RetourCodes")
    for code in codes:
        etree.SubElement(lijst, f"{{{ns}}}RetourCode").text = code
    return lijst
