"""Validation of iWmo messages against the official iWmo 3.2 XSDs shipped in iwmo/xsd/.

Every outgoing message is checked before it is written, every incoming one before it is
processed. The schemas are parsed once per process and kept.
"""

import functools
import re
from pathlib import Path

from lxml import etree

from iwmo.codelijsten import Berichtcode

XSD_MAP = Path(__file__).resolve().parent / "xsd"

# iWmo release 3.2: the versions every message carries in its header (XsdVersie), from the
# xs:appinfo of the shipped schemas (iwmo/xsd/README.md).
BERICHT_VERSIE = 3
BERICHT_SUBVERSIE = 2
BASISSCHEMA_XSD_VERSIE = "1.0.0"
BERICHT_XSD_VERSIE = "1.0.0"

BERICHTEN = ("WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319")


def namespace(soort: str) -> str:
    """The target namespace of a message kind, e.g. http://www.istandaarden.nl/iwmo/3_2/wmo301/schema."""
    return f"http://www.istandaarden.nl/iwmo/3_2/{soort.lower()}/schema"


BASIS_NAMESPACE = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


def _soort(bericht_code: str) -> str:
    """'WMO301', 'wmo301', '301' or the COD002 berichtcode '414' -> 'WMO301'."""
    code = str(bericht_code).strip().upper()
    if code in Berichtcode.values:
        code = Berichtcode(code).label
    if code.isdigit():
        code = f"WMO{code}"
    if code not in BERICHTEN:
        raise ValueError(f"Geen XSD voor berichtsoort {bericht_code!r}.")
    return code


@functools.cache
def _schema(soort: str) -> etree.XMLSchema:
    # The message XSDs import basisschema.xsd by a relative name: parse from the file so it resolves.
    return etree.XMLSchema(etree.parse(str(XSD_MAP / f"{soort.lower()}.xsd")))


def _parser() -> etree.XMLParser:
    # No entities, no network, no DTD: an incoming file is untrusted input.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def valideer(bericht_code: str, xml_bytes: bytes | str) -> list[str]:
    """The reasons the message does not match its official XSD, one readable Dutch line each.

    [] when valid. `bericht_code` is the message kind ('WMO301', '301') or its COD002 code ('414').
    """
    soort = _soort(bericht_code)
    if isinstance(xml_bytes, str):
        xml_bytes = xml_bytes.encode("utf-8")
    try:
        document = etree.fromstring(xml_bytes, _parser())
    except etree.XMLSyntaxError as fout:
        return [f"Het bestand is geen geldige XML: {fout.msg} (regel {fout.lineno})."]
    if document.getroottree().docinfo.doctype:
        # iWmo messages have no DTD; one here can only be an attempt to smuggle in entities (XXE).
        return ["Het bestand bevat een DOCTYPE-declaratie. Dat mag niet in een iWmo-bericht."]
    verwacht = f"{{{namespace(soort)}}}Bericht"
    if document.tag != verwacht:
        return [f"Dit is geen {soort}-bericht: het hoofdelement is {document.tag}, verwacht {verwacht}."]
    schema = _schema(soort)
    if schema.validate(document):
        return []
    return [_regel(fout) for fout in schema.error_log]


# libxml2's messages in Dutch, for those a reader meets most; any other is shown as libxml2 wrote it.
_VERTALINGEN = [
    (
        re.compile(r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\."),
        r"de waarde '\1' staat niet in de codelijst (mogelijk: \2).",
    ),
    (
        re.compile(r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\."),
        r"de waarde '\1' heeft niet de juiste vorm (patroon \2).",
    ),
    (
        re.compile(
            r"\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\."
        ),
        r"de waarde is \1 tekens lang; het mogen er hoogstens \2 zijn.",
    ),
    (
        re.compile(
            r"\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\."
        ),
        r"de waarde is \1 tekens lang; het moeten er minstens \2 zijn.",
    ),
    (
        re.compile(
            r"\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\."
        ),
        r"de waarde \1 is groter dan toegestaan (hoogstens \2).",
    ),
    (
        re.compile(
            r"\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)\."
        ),
        r"de waarde \1 is kleiner dan toegestaan (minstens \2).",
    ),
    (
        re.compile(r"This element is not expected\. Expected is (?:one of )?\( (.*) \)\."),
        r"dit element hoort hier niet; verwacht: \1.",
    ),
    (re.compile(r"This element is not expected\."), "dit element hoort hier niet."),
    (
        re.compile(r"Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\."),
        r"hier ontbreekt een element: \1.",
    ),
    (
        re.compile(r"'(.*)' is not a valid value of the (?:atomic|local atomic) type '(.*)'\."),
        r"'\1' is geen geldige waarde (type \2).",
    ),
    (re.compile(r"'(.*)' is not a valid value of the local atomic type\."), r"'\1' is geen geldige waarde."),
    (
        re.compile(r"Character content other than whitespace is not allowed.*"),
        "hier mag alleen een element staan, geen tekst.",
    ),
]


def _regel(fout) -> str:
    """One lxml schema error as a Dutch line: where (line and element) and what is wrong."""
    bericht = fout.message
    # libxml2 writes "Element '{ns}Naam': ..."; the namespace says nothing to a reader.
    for ns in (BASIS_NAMESPACE, *(namespace(s) for s in BERICHTEN)):
        bericht = bericht.replace(f"{{{ns}}}", "")
    element, _sep, rest = bericht.partition(": ")
    if element.startswith("Element '"):
        element = "element " + element.removeprefix("Element ").strip("'")
        for patroon, vervanging in _VERTALINGEN:
            if patroon.search(rest):
                rest = patroon.sub(vervanging, rest, count=1)
                break
        return f"Regel {fout.line}, {element}: {rest}"
    return f"Regel {fout.line}: {bericht}"
