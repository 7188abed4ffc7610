"""Incoming iWmo messages as an aanbieder would send them (305, 307, 315, 317), for the tests.

Written by hand from the official XSDs in iwmo/xsd/ (the test `test_voorbeelden_zijn_geldig`
checks each against its XSD), with the variables a test changes as arguments.
"""

from datetime import date

from lxml import etree

from iwmo.codelijsten import Berichtcode
from iwmo.schema import namespace

BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


def _header(soort: str, *, afzender: str, ontvanger: str, identificatie: str, dagtekening: date) -> str:
    return f"""
  <Header>
    <BerichtCode>{Berichtcode[soort].value}</BerichtCode>
    <BerichtVersie>3</BerichtVersie>
    <BerichtSubversie>2</BerichtSubversie>
    <Afzender>{afzender}</Afzender>
    <Ontvanger>{ontvanger}</Ontvanger>
    <BerichtIdentificatie>
      <iwmo:Identificatie>{identificatie}</iwmo:Identificatie>
      <iwmo:Dagtekening>{dagtekening.isoformat()}</iwmo:Dagtekening>
    </BerichtIdentificatie>
    <XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </XsdVersie>
  </Header>"""


def _persoon(inwoner) -> str:
    return f"""
    <Bsn>{inwoner.bsn}</Bsn>
    <Geboortedatum><iwmo:Datum>{inwoner.geboortedatum.isoformat()}</iwmo:Datum></Geboortedatum>
    <Geslacht>0</Geslacht>
    <Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>{inwoner.achternaam}</iwmo:Achternaam></iwmo:Geslachtsnaam></Naam>"""


def _bericht(soort: str, inhoud: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Bericht xmlns="{namespace(soort)}" xmlns:iwmo="{BASIS}">'
        f"{inhoud}\n</Bericht>\n"
    ).encode()


def wmo305(
    *,
    inwoner,
    afzender,
    ontvanger,
    nummers,
    begindatum: date,
    identificatie="START-1",
    dagtekening=None,
    status="1",
) -> bytes:
    producten = "".join(
        f"""
      <StartProduct>
        <ToewijzingNummer>{n}</ToewijzingNummer>
        <Begindatum>{begindatum.isoformat()}</Begindatum>
        <StatusAanlevering>{status}</StatusAanlevering>
      </StartProduct>"""
        for n in nummers
    )
    header = _header(
        "WMO305",
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening or begindatum,
    )
    return _bericht(
        "WMO305",
        f"{header}\n  <Client>{_persoon(inwoner)}\n    <StartProducten>{producten}\n    </StartProducten>\n  </Client>",
    )


def wmo307(
    *,
    inwoner,
    afzender,
    ontvanger,
    nummers,
    begindatum: date,
    einddatum: date,
    reden="19",
    identificatie="STOP-1",
    dagtekening=None,
) -> bytes:
    producten = "".join(
        f"""
      <StopProduct>
        <ToewijzingNummer>{n}</ToewijzingNummer>
        <Begindatum>{begindatum.isoformat()}</Begindatum>
        <RedenBeeindiging>{reden}</RedenBeeindiging>
        <Einddatum>{einddatum.isoformat()}</Einddatum>
        <StatusAanlevering>1</StatusAanlevering>
      </StopProduct>"""
        for n in nummers
    )
    header = _header(
        "WMO307",
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening or einddatum,
    )
    return _bericht(
        "WMO307",
        f"{header}\n  <Client>{_persoon(inwoner)}\n    <StopProducten>{producten}\n    </StopProducten>\n  </Client>",
    )


def wmo315(
    *,
    inwoner,
    afzender,
    ontvanger,
    referenties,
    ingangsdatum: date,
    identificatie="VOT-1",
    dagtekening=None,
) -> bytes:
    producten = "".join(
        f"""
      <AangevraagdProduct>
        <ReferentieAanbieder>{r}</ReferentieAanbieder>
        <Product><iwmo:Categorie>01</iwmo:Categorie></Product>
        <ToewijzingIngangsdatum>{ingangsdatum.isoformat()}</ToewijzingIngangsdatum>
        <Omvang><iwmo:Volume>3</iwmo:Volume><iwmo:Eenheid>04</iwmo:Eenheid><iwmo:Frequentie>2</iwmo:Frequentie></Omvang>
        <Verwijzer><iwmo:Type>01</iwmo:Type></Verwijzer>
      </AangevraagdProduct>"""
        for r in referenties
    )
    header = _header(
        "WMO315",
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening or ingangsdatum,
    )
    return _bericht(
        "WMO315",
        f"{header}\n  <Client>{_persoon(inwoner)}\n    <AangevraagdeProducten>{producten}\n    </AangevraagdeProducten>\n  </Client>",
    )


def wmo317(
    *,
    inwoner,
    afzender,
    ontvanger,
    referentie,
    ongewijzigd=(),
    te_wijzigen=(),
    ingangsdatum: date,
    identificatie="VOW-1",
    dagtekening=None,
) -> bytes:
    delen = ""
    if ongewijzigd:
        delen += (
            "<OngewijzigdeProducten>"
            + "".join(
                f"<OngewijzigdProduct><ToewijzingNummer>{n}</ToewijzingNummer></OngewijzigdProduct>"
                for n in ongewijzigd
            )
            + "</OngewijzigdeProducten>"
        )
    if te_wijzigen:
        delen += (
            "<TeWijzigenProducten>"
            + "".join(
                f"<TeWijzigenProduct><ToewijzingNummer>{n}</ToewijzingNummer>"
                f"<GewensteIngangsdatum>{ingangsdatum.isoformat()}</GewensteIngangsdatum>"
                "<Omvang><iwmo:Volume>5</iwmo:Volume><iwmo:Eenheid>04</iwmo:Eenheid><iwmo:Frequentie>2</iwmo:Frequentie></Omvang>"
                "</TeWijzigenProduct>"
                for n in te_wijzigen
            )
            + "</TeWijzigenProducten>"
        )
    header = _header(
        "WMO317",
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening or ingangsdatum,
    )
    return _bericht(
        "WMO317",
        f"{header}\n  <Client><Bsn>{inwoner.bsn}</Bsn><Verzoek><ReferentieAanbieder>{referentie}</ReferentieAanbieder>"
        f"<RedenVerzoek>1</RedenVerzoek>{delen}</Verzoek></Client>",
    )


def ontleed(xml) -> etree._Element:
    return etree.fromstring(bytes(xml))


def retourcodes(xml, klasse: str) -> list[list[str]]:
    """The RetourCode values of each element `klasse` (local name) of a retour message."""
    doc = ontleed(xml)
    uitkomst = []
    for e in doc.iter():
        if isinstance(e.tag, str) and etree.QName(e).localname == klasse:
            codes = [
                c.text
                for rc in e
                if isinstance(rc.tag, str) and etree.QName(rc).localname == "RetourCodes"
                for c in rc
            ]
            uitkomst.append(codes)
    return uitkomst
