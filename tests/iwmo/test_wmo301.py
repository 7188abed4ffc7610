"""The outgoing WMO301 (iWmo 3.2 toewijzing) built from real beschikkingen and checked against the
official XSD. Nothing faked: the folder transport writes into the test's own tmp folder."""

import pytest
from django.utils import timezone
from lxml import etree

from iwmo.models import Bericht, BerichtStatus, Toewijzing
from iwmo.schema import BASIS_NAMESPACE, namespace, valideer
from tests.aanvragen.factories import BeschikkingFactory

NS = {"w": namespace("WMO301"), "iwmo": BASIS_NAMESPACE}
pytestmark = pytest.mark.django_db


def _xml(bericht):
    return etree.fromstring(bytes(bericht.xml))


def _tekst(doc, pad):
    return [e.text for e in doc.xpath(pad, namespaces=NS)]


@pytest.fixture
def verstuur(django_capture_on_commit_callbacks):
    """Send a beschikking through the service and run what is started after commit (the task)."""

    def doe(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            beschikking = BeschikkingFactory(verstuurd=True, **kwargs)
        return beschikking

    return doe


def test_een_verstuurde_beschikking_in_natura_geeft_een_geldige_wmo301_in_de_uitbox(verstuur, settings):
    beschikking = verstuur()
    melding = beschikking.aanvraag.melding
    regel = beschikking.regels.get()
    toewijzing = Toewijzing.objects.get()
    assert (toewijzing.regel, toewijzing.aanbieder, toewijzing.inwoner) == (
        regel,
        regel.aanbieder,
        melding.inwoner,
    )
    assert toewijzing.ingangsdatum == regel.ingangsdatum and toewijzing.einddatum is None

    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.VERZONDEN, bericht.reden
    assert valideer("WMO301", bytes(bericht.xml)) == []
    assert list(bericht.toewijzingen.all()) == [toewijzing]
    assert (settings.IWMO_UITBOX / bericht.bestandsnaam).read_bytes() == bytes(bericht.xml)

    doc = _xml(bericht)
    assert _tekst(doc, "/w:Bericht/w:Header/w:BerichtCode") == ["414"]
    assert _tekst(doc, "//w:Header/w:BerichtVersie") == ["3"]
    assert _tekst(doc, "//w:Header/w:BerichtSubversie") == ["2"]
    assert _tekst(doc, "//w:Header/w:Afzender") == [melding.gemeente.cbs_code]
    assert _tekst(doc, "//w:Header/w:Ontvanger") == [regel.aanbieder.agb_code]
    assert _tekst(doc, "//w:BerichtIdentificatie/iwmo:Identificatie") == [bericht.identificatie]
    assert _tekst(doc, "//w:BerichtIdentificatie/iwmo:Dagtekening") == [timezone.localdate().isoformat()]
    assert _tekst(doc, "//w:Client/w:Bsn") == [melding.inwoner.bsn]
    assert _tekst(doc, "//w:Client/w:Geslacht") == ["2"]
    assert _tekst(doc, "//w:Contact/w:Soort") == ["01"]
    assert _tekst(doc, "//w:ToegewezenProduct/w:ToewijzingNummer") == [str(toewijzing.nummer)]
    assert _tekst(doc, "//w:ToegewezenProduct/w:Product/iwmo:Categorie") == ["01"]
    assert _tekst(doc, "//w:Omvang/iwmo:Volume") == ["3"]
    assert _tekst(doc, "//w:Omvang/iwmo:Eenheid") == ["04"]
    assert _tekst(doc, "//w:Omvang/iwmo:Frequentie") == ["2"]
    assert _tekst(doc, "//w:ToegewezenProduct/w:Ingangsdatum") == [regel.ingangsdatum.isoformat()]
    assert not doc.xpath("//w:ToegewezenProduct/w:Einddatum", namespaces=NS)
