"""A structural check of the retour messages (306, 308, 316, 318), for which no XSD is shipped.

The element order and cardinalities below are copied from the structure summary of the iWmo 3.2
schemas (shared/iwmo/schema-overzicht.md, sections WMO306.xsd, WMO308.xsd, WMO316.xsd and
WMO318.xsd). The check walks a retour message and asserts, for every class of the summary, that
its children appear in that order with those cardinalities, that no other child appears, and that
each RetourCode is a WJ001 code. Basisschema types (CDT_...) are not descended into: they are
copied from the heenbericht, which was validated against its official XSD.
"""

from lxml import etree

from iwmo.codelijsten import Berichtcode, Retourcode
from iwmo.schema import namespace

HEADER = [
    ("BerichtCode", 1, 1),
    ("BerichtVersie", 1, 1),
    ("BerichtSubversie", 1, 1),
    ("Afzender", 1, 1),
    ("Ontvanger", 1, 1),
    ("BerichtIdentificatie", 1, 1),
    ("XsdVersie", 1, 1),
    ("IdentificatieRetour", 1, 1),
    ("DagtekeningRetour", 1, 1),
    ("XsltVersie", 0, 1),
    ("XsdVersieRetour", 1, 1),
    ("RetourCodes", 0, 1),
]
RETOURCODES = [("RetourCode", 1, None)]
PERSOON = [("Bsn", 1, 1), ("Geboortedatum", 1, 1), ("Geslacht", 1, 1), ("Naam", 1, 1)]

STRUCTUUR = {
    # The aanbieder's retour on our WMO301 (section WMO302.xsd); used to check the 302s the tests
    # send in (iwmo.retour_ontvangst).
    "WMO302": {
        "Root": [("Header", 1, 1), ("Client", 0, 1)],
        "Client": [
            *PERSOON,
            ("Communicatie", 0, 1),
            ("JuridischeStatus", 0, 1),
            ("WettelijkeVertegenwoordiging", 0, 1),
            ("Commentaar", 0, 1),
            ("Relaties", 0, 1),
            ("Contactgegevens", 1, 1),
            ("ToegewezenProducten", 1, 1),
            ("RetourCodes", 1, 1),
        ],
        "Relaties": [("Relatie", 1, None)],
        "Relatie": [
            ("Nummer", 1, 1),
            ("Volgorde", 0, 1),
            ("Soort", 1, 1),
            ("Geboortedatum", 0, 1),
            ("Geslacht", 0, 1),
            ("Naam", 1, 1),
            ("Contact", 1, 1),
            ("RetourCodes", 1, 1),
        ],
        "Contactgegevens": [("Contact", 1, None)],
        "Contact": [
            ("Soort", 1, 1),
            ("Adres", 0, 1),
            ("Organisatie", 0, 1),
            ("Telefoon", 0, 1),
            ("Emailadres", 0, 1),
            ("Periode", 0, 1),
            ("RetourCodes", 1, 1),
        ],
        "ToegewezenProducten": [("ToegewezenProduct", 1, None)],
        "ToegewezenProduct": [
            ("ToewijzingNummer", 1, 1),
            ("ReferentieAanbieder", 0, 1),
            ("Product", 0, 1),
            ("Toewijzingsdatum", 1, 1),
            ("Toewijzingstijd", 1, 1),
            ("Ingangsdatum", 1, 1),
            ("Einddatum", 0, 1),
            ("RedenWijziging", 0, 1),
            ("Omvang", 0, 1),
            ("Budget", 0, 1),
            ("Commentaar", 0, 1),
            ("RetourCodes", 1, 1),
        ],
    },
    "WMO306": {
        "Root": [("Header", 1, 1), ("Client", 0, 1)],
        "Client": [*PERSOON, ("StartProducten", 1, 1), ("RetourCodes", 1, 1)],
        "StartProducten": [("StartProduct", 1, None)],
        "StartProduct": [
            ("ToewijzingNummer", 0, 1),
            ("Product", 0, 1),
            ("ToewijzingIngangsdatum", 0, 1),
            ("Begindatum", 1, 1),
            ("StatusAanlevering", 1, 1),
            ("RetourCodes", 1, 1),
        ],
    },
    "WMO308": {
        "Root": [("Header", 1, 1), ("Client", 0, 1)],
        "Client": [*PERSOON, ("StopProducten", 1, 1), ("RetourCodes", 1, 1)],
        "StopProducten": [("StopProduct", 1, None)],
        "StopProduct": [
            ("ToewijzingNummer", 0, 1),
            ("Product", 0, 1),
            ("ToewijzingIngangsdatum", 0, 1),
            ("Begindatum", 1, 1),
            ("RedenBeeindiging", 1, 1),
            ("Einddatum", 1, 1),
            ("StatusAanlevering", 1, 1),
            ("RetourCodes", 1, 1),
        ],
    },
    "WMO316": {
        "Root": [("Header", 1, 1), ("Client", 0, 1)],
        "Client": [*PERSOON, ("Commentaar", 0, 1), ("AangevraagdeProducten", 1, 1), ("RetourCodes", 1, 1)],
        "AangevraagdeProducten": [("AangevraagdProduct", 1, None)],
        "AangevraagdProduct": [
            ("ReferentieAanbieder", 1, 1),
            ("BeschikkingNummer", 0, 1),
            ("Product", 0, 1),
            ("BeschikkingIngangsdatum", 0, 1),
            ("ToewijzingIngangsdatum", 1, 1),
            ("ToewijzingEinddatum", 0, 1),
            ("Omvang", 0, 1),
            ("Budget", 0, 1),
            ("Verwijzer", 1, 1),
            ("Raamcontract", 0, 1),
            ("Commentaar", 0, 1),
            ("RetourCodes", 1, 1),
        ],
    },
    "WMO318": {
        "Root": [("Header", 1, 1), ("Client", 0, 1)],
        "Client": [("Bsn", 1, 1), ("Verzoek", 1, 1), ("RetourCodes", 1, 1)],
        "Verzoek": [
            ("ReferentieAanbieder", 1, 1),
            ("RedenVerzoek", 1, 1),
            ("OngewijzigdeProducten", 0, 1),
            ("TeWijzigenProducten", 0, 1),
            ("NieuweProducten", 0, 1),
            ("RetourCodes", 1, 1),
        ],
        "OngewijzigdeProducten": [("OngewijzigdProduct", 1, None)],
        "OngewijzigdProduct": [("ToewijzingNummer", 1, 1), ("RetourCodes", 1, 1)],
        "TeWijzigenProducten": [("TeWijzigenProduct", 1, None)],
        "TeWijzigenProduct": [
            ("ToewijzingNummer", 1, 1),
            ("GewensteIngangsdatum", 1, 1),
            ("Einddatum", 0, 1),
            ("Omvang", 0, 1),
            ("Budget", 0, 1),
            ("RetourCodes", 1, 1),
        ],
        "NieuweProducten": [("NieuwProduct", 1, None)],
        "NieuwProduct": [
            ("Product", 0, 1),
            ("GewensteIngangsdatum", 1, 1),
            ("Einddatum", 0, 1),
            ("Omvang", 0, 1),
            ("Budget", 0, 1),
            ("RetourCodes", 1, 1),
        ],
    },
}


def _volgorde(element, regels, pad) -> list[str]:
    kinderen = [etree.QName(k).localname for k in element if isinstance(k.tag, str)]
    fouten, i = [], 0
    for naam, minimum, maximum in regels:
        n = 0
        while i < len(kinderen) and kinderen[i] == naam:
            n, i = n + 1, i + 1
        if n < minimum or (maximum is not None and n > maximum):
            fouten.append(f"{pad}/{naam}: {n} keer, verwacht {minimum}..{maximum or 'n'}")
    if i < len(kinderen):
        fouten.append(f"{pad}: onverwacht element {kinderen[i]}")
    return fouten


def structuurfouten(xml: bytes, soort: str) -> list[str]:
    """[] when the retour message `soort` ('WMO306') matches the summary's structure."""
    doc = etree.fromstring(bytes(xml))
    ns = namespace(soort)
    fouten = []
    if doc.tag != f"{{{ns}}}Bericht":
        return [f"hoofdelement {doc.tag}, verwacht {{{ns}}}Bericht"]
    typen = {"Root": None, "Header": HEADER, "RetourCodes": RETOURCODES, **STRUCTUUR[soort]}
    typen["Root"] = STRUCTUUR[soort]["Root"]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        q = etree.QName(element)
        if q.namespace != ns:
            continue  # basisschema elements: validated in the heenbericht
        naam = "Root" if element is doc else q.localname
        if naam in typen:
            pad = "/".join(etree.QName(e).localname for e in reversed([element, *element.iterancestors()]))
            fouten += _volgorde(element, typen[naam], pad)
        if naam == "RetourCode" and element.text not in Retourcode.values:
            fouten.append(f"RetourCode {element.text!r} staat niet in WJ001")
    code = doc.find(f"{{{ns}}}Header/{{{ns}}}BerichtCode")
    if code is None or code.text != Berichtcode[soort].value:
        fouten.append(f"BerichtCode is niet {Berichtcode[soort].value}")
    return fouten
