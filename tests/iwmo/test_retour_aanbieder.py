"""The aanbieder's retour on our WMO301 (WMO302, iwmo.retour_ontvangst) and its status on the pages.

The gateway is faked by tmp folders (the folder transport); the aanbieder's WMO302 is built here
from our sent WMO301, as an aanbieder's system would, and checked against the structure summary.
Everything else is the real stack.
"""

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from aanvragen import services as aanvraag_services
from iwmo import retour
from iwmo.models import Bericht, BerichtStatus, OordeelAanbieder, Richting
from iwmo.ontvangst import bericht_verwerken, verwerk_inbox
from iwmo.schema import namespace
from tests.aanvragen.factories import BeschikkingFactory

from .conftest import in_de_inbox
from .structuur import structuurfouten

pytestmark = pytest.mark.django_db


@pytest.fixture
def wmo301(consulent, nu, mappen, django_capture_on_commit_callbacks):
    """Our WMO301, sent to the aanbieder for a beschikking in natura of the consulent's team."""
    beschikking = BeschikkingFactory(
        toegekend=True,
        door=consulent,
        aanvraag__melding__team=consulent.team,
        aanvraag__melding__inwoner__gemeente=consulent.team.organisatie.gemeenten.first(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_services.beschikking_versturen(beschikking=beschikking, door=consulent)
    bericht = Bericht.objects.get(soort="WMO301")
    assert bericht.status == BerichtStatus.VERZONDEN
    return bericht


def wmo302(heen: Bericht, *, identificatie="R-1", product_code: str | None = None, header_code=None) -> bytes:
    """The aanbieder's retour on `heen`: 0200 everywhere, or a rejection on the products/header."""
    document = etree.fromstring(bytes(heen.xml))
    beoordeling = retour.Beoordeling()
    if header_code:
        beoordeling.header.append(header_code)
    if product_code:
        for product in document.iter(f"{{{namespace('WMO301')}}}ToegewezenProduct"):
            beoordeling.afkeuren(product, product_code)
    xml = retour.bouw_retour(
        document,
        soort="WMO301",
        beoordeling=beoordeling,
        identificatie=identificatie,
        dagtekening=timezone.localdate(),
    )
    assert structuurfouten(xml, "WMO302") == []
    return xml


def _ontvangen(mappen, naam, xml) -> Bericht:
    in_de_inbox(mappen, naam, xml)
    verwerk_inbox()
    return Bericht.objects.get(bestandsnaam=naam)


def test_goedgekeurde_302_keurt_de_301_goed_zonder_retour_op_de_retour(wmo301, mappen):
    uit_voor = Bericht.objects.filter(richting=Richting.UIT).count()
    ontvangen = _ontvangen(mappen, "302.xml", wmo302(wmo301))
    assert ontvangen.soort == "WMO302" and ontvangen.berichtcode == "415"
    assert ontvangen.status == BerichtStatus.VERWERKT, ontvangen.reden
    assert ontvangen.retour_van == wmo301 and ontvangen.melding_id == wmo301.melding_id
    assert ontvangen.afzender == wmo301.ontvanger and ontvangen.identificatie == "R-1"
    nummer = wmo301.toewijzingen.get().nummer
    assert ontvangen.retourcodes["Client"] == ["0200"]
    assert ontvangen.retourcodes[f"ToegewezenProduct {nummer}"] == ["0200"]
    wmo301.refresh_from_db()
    assert wmo301.oordeel_aanbieder == OordeelAanbieder.GOEDGEKEURD
    assert wmo301.retour_tekst == "Goedgekeurd door de aanbieder"
    assert wmo301.history.first().history_change_reason.startswith("Retour (WMO302)")
    # No retour on a retour: nothing new went out.
    assert Bericht.objects.filter(richting=Richting.UIT).count() == uit_voor


def test_afgekeurde_302_toont_code_en_omschrijving(wmo301, mappen):
    ontvangen = _ontvangen(mappen, "302.xml", wmo302(wmo301, product_code="9332"))
    assert ontvangen.status == BerichtStatus.VERWERKT
    wmo301.refresh_from_db()
    assert wmo301.oordeel_aanbieder == OordeelAanbieder.AFGEKEURD
    assert wmo301.retour_tekst == (
        "Afgekeurd: 9332 Toewijzing heeft geen uniek nummer binnen wettelijk domein."
    )


def test_afkeur_op_de_header(wmo301, mappen):
    _ontvangen(mappen, "302.xml", wmo302(wmo301, header_code="0001"))
    wmo301.refresh_from_db()
    assert wmo301.oordeel_aanbieder == OordeelAanbieder.AFGEKEURD
    assert "0001 Bericht is afgekeurd om technische redenen." in wmo301.retour_tekst


def test_onbekende_verwijzing_niet_verwerkt(wmo301, mappen):
    document = etree.fromstring(wmo302(wmo301))
    identificatie = next(e for e in document.iter() if etree.QName(e).localname == "BerichtIdentificatie")[0]
    assert identificatie.text == wmo301.identificatie
    identificatie.text = "999999"
    xml = etree.tostring(document)
    ontvangen = _ontvangen(mappen, "302.xml", xml)
    assert ontvangen.status == BerichtStatus.NIET_VERWERKT
    assert "hoort bij geen verzonden WMO301" in ontvangen.reden and ontvangen.retour_van is None
    wmo301.refresh_from_db()
    assert wmo301.oordeel_aanbieder == "" and wmo301.retour_tekst == "Nog geen retour"


def test_herhaalde_en_tweede_retour_niet_verwerkt(wmo301, mappen):
    xml = wmo302(wmo301)
    assert _ontvangen(mappen, "a.xml", xml).status == BerichtStatus.VERWERKT
    herhaald = _ontvangen(mappen, "b.xml", xml)
    assert herhaald.status == BerichtStatus.NIET_VERWERKT
    assert "al eerder ontvangen" in herhaald.reden
    # Another retour on the same 301 (its own identification) does not overrule the first.
    tweede = _ontvangen(mappen, "c.xml", wmo302(wmo301, identificatie="R-2", product_code="9332"))
    assert tweede.status == BerichtStatus.NIET_VERWERKT and "al een retour verwerkt" in tweede.reden
    wmo301.refresh_from_db()
    assert wmo301.oordeel_aanbieder == OordeelAanbieder.GOEDGEKEURD


def test_onleesbare_302_niet_verwerkt(wmo301, mappen):
    ns = namespace("WMO302")
    ontvangen = _ontvangen(mappen, "302.xml", f'<Bericht xmlns="{ns}"><Kop/></Bericht>'.encode())
    assert ontvangen.soort == "WMO302" and ontvangen.status == BerichtStatus.NIET_VERWERKT
    assert ontvangen.reden


def test_302_wordt_een_keer_verwerkt(wmo301, mappen):
    ontvangen = _ontvangen(mappen, "302.xml", wmo302(wmo301))
    versies = wmo301.history.count()
    assert bericht_verwerken(bericht_id=ontvangen.pk).status == BerichtStatus.VERWERKT
    assert wmo301.history.count() == versies


def test_paginas_tonen_de_retourstatus(
    client, consulent, beheerder, wmo301, mappen, django_assert_max_num_queries
):
    dossier = reverse("iwmo:dossier", args=[wmo301.melding_id])
    client.force_login(consulent)
    assert "Nog geen retour" in client.get(dossier).content.decode()
    _ontvangen(mappen, "302.xml", wmo302(wmo301, product_code="9332"))
    with django_assert_max_num_queries(15):
        html = client.get(dossier).content.decode()
    assert "Afgekeurd: 9332 Toewijzing heeft geen uniek nummer" in html
    assert "WMO302 ontvangen" in html
    client.force_login(beheerder)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("iwmo:aanbieder", args=[wmo301.aanbieder_id])).content.decode()
    assert "Afgekeurd: 9332" in html
