"""The aanbieder's retour on our WMO301: the incoming WMO302.

iWmo 3.2 (processen.md, "Toewijzen"): the aanbieder checks every WMO301 and answers with a
WMO302 that repeats our message with a RetourCode (WJ001) on the Header and on every class
(Client, Relatie, Contact, ToegewezenProduct). 0200 on every class means "goedgekeurd"; any other
code is a rejection, shown on the dossier with its WJ001 label.

No XSD of the WMO302 is shipped: the message is checked structurally against the summary
(shared/iwmo/schema-overzicht.md, WMO302.xsd): root and Header in the wmo302 namespace with
BerichtCode 415, the heen-identification (BerichtIdentificatie, Afzender, Ontvanger) and the retour's
own (IdentificatieRetour, DagtekeningRetour), and RetourCodes 1..1 under every judged class.

The retour's own identification (IdentificatieRetour + DagtekeningRetour, sender the aanbieder)
is unique (TR056): a repeat is not processed again. A retour is never answered with a retour.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from lxml import etree

from iwmo.codelijsten import Berichtcode
from iwmo.models import Bericht, BerichtStatus, OordeelAanbieder, Richting
from iwmo.retour import GEBEOORDEELDE_KLASSEN, GOEDGEKEURD
from iwmo.schema import _parser, namespace

SOORT = "WMO302"
HEEN = "WMO301"


class _NietVerwerkt(Exception):
    pass


def _kind(element, naam: str, ns: str):
    return element.find(f"{{{ns}}}{naam}") if element is not None else None


def _tekst(element, *pad: str) -> str:
    for deel in pad:
        gevonden = None
        if element is not None:
            for kind in element:
                if isinstance(kind.tag, str) and etree.QName(kind).localname == deel:
                    gevonden = kind
                    break
        element = gevonden
    return (element.text or "").strip() if element is not None else ""


def _datum(waarde: str) -> date | None:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        return None


def _codes(element, ns: str) -> list[str]:
    lijst = _kind(element, "RetourCodes", ns)
    if lijst is None:
        return []
    return [(c.text or "").strip() for c in lijst.findall(f"{{{ns}}}RetourCode")]


def _retourcodes(document, ns: str) -> dict[str, list[str]]:
    """The codes per class; raises _NietVerwerkt when a class lacks its RetourCodes (1..1)."""
    header = _kind(document, "Header", ns)
    codes = {"Header": _codes(header, ns)}
    client = _kind(document, "Client", ns)
    if client is None:
        if not codes["Header"]:
            raise _NietVerwerkt("Het retourbericht heeft geen cliënt en geen retourcode op de header.")
        return codes
    for naam in GEBEOORDEELDE_KLASSEN[SOORT]:
        for i, element in enumerate(client.iter(f"{{{ns}}}{naam}"), start=1):
            sleutel = naam
            if naam == "ToegewezenProduct":
                sleutel = f"{naam} {_tekst(element, 'ToewijzingNummer')}"
            elif naam != "Client":
                sleutel = f"{naam} {i}"
            gevonden = _codes(element, ns)
            if not gevonden or any(len(c) != 4 for c in gevonden):
                raise _NietVerwerkt(f"In het retourbericht ontbreekt een geldige retourcode bij {sleutel}.")
            codes[sleutel] = gevonden
    return codes


def retour_verwerken(bericht: Bericht) -> None:
    """Process one received WMO302 (locked, status 'ontvangen'): link it to our WMO301 and mark it.

    Sets the status of `bericht` to verwerkt or niet verwerkt (with the reason) and saves it.
    """
    try:
        _verwerken(bericht)
    except _NietVerwerkt as reden:
        bericht.status = BerichtStatus.NIET_VERWERKT
        bericht.reden = str(reden)
    else:
        bericht.status = BerichtStatus.VERWERKT
        bericht.reden = ""
    bericht.verwerkt_op = timezone.now()
    bericht.save()


def _verwerken(bericht: Bericht) -> None:
    ns = namespace(SOORT)
    try:
        document = etree.fromstring(bytes(bericht.xml), _parser())
    except (etree.XMLSyntaxError, ValueError):
        raise _NietVerwerkt("Het retourbericht (WMO302) is geen leesbare XML.") from None
    header = _kind(document, "Header", ns)
    if document.tag != f"{{{ns}}}Bericht" or header is None:
        raise _NietVerwerkt("Het retourbericht (WMO302) heeft geen header in de iWmo-namespace.")
    if _tekst(header, "BerichtCode") != Berichtcode.WMO302.value:
        raise _NietVerwerkt("De berichtcode in de header is niet 415 (WMO302).")
    gemeente_code = _tekst(header, "Afzender")[:8]
    agb = _tekst(header, "Ontvanger")[:8]
    heen_id = _tekst(header, "BerichtIdentificatie", "Identificatie")
    heen_datum = _datum(_tekst(header, "BerichtIdentificatie", "Dagtekening"))
    eigen_id = _tekst(header, "IdentificatieRetour")[:12]
    eigen_datum = _datum(_tekst(header, "DagtekeningRetour"))
    if not (gemeente_code and agb and heen_id and heen_datum and eigen_id and eigen_datum):
        raise _NietVerwerkt(
            "In de header van het retourbericht ontbreekt de afzender, de ontvanger, de identificatie"
            " of de dagtekening (van ons bericht of van de retour)."
        )
    codes = _retourcodes(document, ns)
    # The retour's sender is the aanbieder (the Ontvanger of our WMO301).
    bericht.afzender, bericht.ontvanger = agb, gemeente_code
    bericht.retourcodes = codes
    # TR056: the retour's own identification is unique for its sender; the constraint decides.
    try:
        with transaction.atomic():
            Bericht.objects.filter(pk=bericht.pk).update(
                identificatie=eigen_id, dagtekening=eigen_datum, afzender=agb
            )
    except IntegrityError:
        raise _NietVerwerkt(
            f"Dit retourbericht is al eerder ontvangen: WMO302 met identificatie {eigen_id} van"
            f" {eigen_datum:%d-%m-%Y} van aanbieder {agb}. Het is niet nog een keer verwerkt."
        ) from None
    bericht.identificatie, bericht.dagtekening = eigen_id, eigen_datum
    heen = (
        Bericht.objects.select_for_update()
        .filter(
            richting=Richting.UIT,
            soort=HEEN,
            status=BerichtStatus.VERZONDEN,
            identificatie=heen_id,
            dagtekening=heen_datum,
            afzender=gemeente_code,
            ontvanger=agb,
        )
        .first()
    )
    if heen is None:
        raise _NietVerwerkt(
            f"Het retourbericht hoort bij geen verzonden WMO301 van ons: identificatie {heen_id} van"
            f" {heen_datum:%d-%m-%Y}, gemeente {gemeente_code}, aanbieder {agb}."
        )
    bericht.retour_van = heen
    bericht.gemeente_id, bericht.aanbieder_id = heen.gemeente_id, heen.aanbieder_id
    bericht.inwoner_id, bericht.melding_id = heen.inwoner_id, heen.melding_id
    if heen.oordeel_aanbieder:
        raise _NietVerwerkt(
            f"Op WMO301 {heen.identificatie} is al een retour verwerkt. Dit tweede retourbericht is niet verwerkt."
        )
    bericht.save()
    bericht.toewijzingen.set(heen.toewijzingen.all())
    goed = all(lijst and all(c == GOEDGEKEURD for c in lijst) for k, lijst in codes.items() if k != "Header")
    goed = goed and all(c == GOEDGEKEURD for c in codes["Header"]) and len(codes) > 1
    heen.oordeel_aanbieder = OordeelAanbieder.GOEDGEKEURD if goed else OordeelAanbieder.AFGEKEURD
    heen._change_reason = f"Retour (WMO302) van de aanbieder: {heen.get_oordeel_aanbieder_display().lower()}"
    heen.save(update_fields=["oordeel_aanbieder"])
