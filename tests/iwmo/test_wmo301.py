"""The outgoing WMO301 (iWmo 3.2 toewijzing) built from real beschikkingen and checked against the
official XSD. Nothing faked: the folder transport writes into the test's own tmp folder."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from lxml import etree

from aanvragen import services as aanvraag_services
from iwmo import services
from iwmo.codelijsten import RedenWijziging
from iwmo.models import Bericht, BerichtStatus, Toewijzing
from iwmo.schema import BASIS_NAMESPACE, namespace, valideer
from tests.aanvragen.factories import BeschikkingFactory, VoorzieningFactory
from tests.factories import on_day
from wmo.models import Aanbieder, Gemeente

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


def test_een_bericht_per_client_per_aanbieder_met_alle_actuele_toewijzingen(verstuur, settings):
    hbh, begeleiding = (
        VoorzieningFactory(),
        VoorzieningFactory(naam="Begeleiding", iwmo_productcategorie="02"),
    )
    eerste = verstuur(aanvraag__voorzieningen=[hbh, begeleiding])
    inwoner = eerste.aanvraag.melding.inwoner
    # Two regels at one aanbieder: one message with two products.
    bericht = Bericht.objects.get()
    assert _tekst(_xml(bericht), "//w:ToegewezenProduct/iwmo:Categorie | //w:Product/iwmo:Categorie") == [
        "01",
        "02",
    ]
    nummers = sorted(Toewijzing.objects.values_list("nummer", flat=True))
    assert len(set(nummers)) == 2

    # A later beschikking for the same inwoner at the same aanbieder: the new 301 carries all three.
    tweede = verstuur(
        aanvraag__melding__inwoner=inwoner, aanvraag__voorzieningen=[VoorzieningFactory(naam="Dagbesteding")]
    )
    nieuw = Bericht.objects.exclude(pk=bericht.pk).get()
    assert nieuw.status == BerichtStatus.VERZONDEN, nieuw.reden
    assert nieuw.toewijzingen.count() == 3
    assert len(_tekst(_xml(nieuw), "//w:ToewijzingNummer")) == 3
    assert len(set(Toewijzing.objects.values_list("nummer", flat=True))) == 3
    assert tweede.regels.get().toewijzingen.count() == 1
    assert len(list(settings.IWMO_UITBOX.iterdir())) == 2


def test_een_andere_aanbieder_krijgt_een_eigen_bericht_zonder_de_toewijzingen_van_de_eerste(verstuur):
    eerste = verstuur()
    inwoner = eerste.aanvraag.melding.inwoner
    verstuur(aanvraag__melding__inwoner=inwoner, regel__aanbieder="Zorg Anders")
    tweede = Bericht.objects.exclude(aanbieder=eerste.regels.get().aanbieder).get()
    assert tweede.toewijzingen.count() == 1
    assert _tekst(_xml(tweede), "//w:Header/w:Ontvanger") == [tweede.aanbieder.agb_code]


def test_een_afgelopen_toewijzing_gaat_niet_meer_mee(verstuur):
    begin = date(2026, 3, 2)
    with time_machine.travel(on_day(begin), tick=False):
        eerste = verstuur(regel__einddatum=begin + timedelta(days=10))
    with time_machine.travel(on_day(begin + timedelta(days=40)), tick=False):
        verstuur(aanvraag__melding__inwoner=eerste.aanvraag.melding.inwoner)
    laatste = Bericht.objects.latest("pk")
    assert [t.regel.beschikking_id for t in laatste.toewijzingen.all()] != [eerste.pk]
    assert laatste.toewijzingen.count() == 1


def test_eerder_stoppen_stuurt_een_nieuwe_301_met_reden_wijziging(
    verstuur, django_capture_on_commit_callbacks
):
    beschikking = verstuur()
    regel = beschikking.regels.get()
    toewijzing = Toewijzing.objects.get()
    eerder = toewijzing.toegewezen_op
    einde = timezone.localdate() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_services.voorziening_beeindigen(
            regel=regel,
            einddatum=einde,
            reden=RedenWijziging.HERBEOORDELING_VERKORTING_TOEWIJZING,
            door=beschikking.opgesteld_door,
        )
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == einde and toewijzing.reden_wijziging == "05"
    assert toewijzing.toegewezen_op >= eerder
    bericht = Bericht.objects.latest("pk")
    assert bericht.status == BerichtStatus.VERZONDEN, bericht.reden
    doc = _xml(bericht)
    assert _tekst(doc, "//w:ToewijzingNummer") == [str(toewijzing.nummer)]
    assert _tekst(doc, "//w:ToegewezenProduct/w:Einddatum") == [einde.isoformat()]
    assert _tekst(doc, "//w:ToegewezenProduct/w:RedenWijziging") == ["05"]
    assert toewijzing.history.count() == 2


def test_eerder_stoppen_kan_niet_later_dan_het_einde(verstuur):
    from django.core.exceptions import ValidationError

    beschikking = verstuur(regel__einddatum=timezone.localdate() + timedelta(days=30))
    regel = beschikking.regels.get()
    with pytest.raises(ValidationError):
        aanvraag_services.voorziening_beeindigen(
            regel=regel,
            einddatum=regel.einddatum + timedelta(days=1),
            reden="05",
            door=beschikking.opgesteld_door,
        )
    with pytest.raises(ValidationError):
        aanvraag_services.voorziening_beeindigen(
            regel=regel,
            einddatum=regel.einddatum - timedelta(days=1),
            reden="13",
            door=beschikking.opgesteld_door,
        )
    assert Bericht.objects.count() == 1


@pytest.mark.parametrize(
    ("opzet", "melding"),
    [
        ({"aanvraag__melding__inwoner__geslacht": ""}, "Het geslacht van de inwoner ontbreekt."),
        ({"zonder_eenheid": True}, "staat in de catalogus geen iWmo-eenheid"),
        (
            {"regel__omvang": Decimal("2.33")},
            "De omvang 2.33 bij Hulp bij het huishouden is geen heel getal.",
        ),
    ],
    ids=["geslacht", "eenheid", "omvang"],
)
def test_wat_ontbreekt_staat_er_in_gewone_woorden_en_er_gaat_niets_de_deur_uit(
    verstuur, settings, opzet, melding
):
    if opzet.pop("zonder_eenheid", False):
        opzet = {"aanvraag__voorzieningen": [VoorzieningFactory(eenheid="")]}
    verstuur(**opzet)
    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.AFGEKEURD
    assert melding in bericht.reden
    assert not bytes(bericht.xml)
    assert not settings.IWMO_UITBOX.exists() or not list(settings.IWMO_UITBOX.iterdir())


def test_aanbieder_zonder_agb_code(django_capture_on_commit_callbacks, settings):
    beschikking = BeschikkingFactory(toegekend=True)
    Aanbieder.objects.update(agb_code="")
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_services.beschikking_versturen(beschikking=beschikking, door=beschikking.opgesteld_door)
    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.AFGEKEURD
    assert "De aanbieder Thuiszorg Kennemerland heeft geen AGB-code." in bericht.reden
    assert not settings.IWMO_UITBOX.exists()


def test_een_bericht_dat_niet_aan_de_xsd_voldoet_wordt_nooit_geschreven(
    django_capture_on_commit_callbacks, settings
):
    beschikking = BeschikkingFactory(toegekend=True)
    # Past the plain checks (a code is there), but not the XSD (four digits).
    Gemeente.objects.filter(pk=beschikking.aanvraag.melding.gemeente_id).update(cbs_code="12AB")
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_services.beschikking_versturen(beschikking=beschikking, door=beschikking.opgesteld_door)
    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.AFGEKEURD
    assert "voldoet niet aan de iWmo-standaard" in bericht.reden and "Afzender" in bericht.reden
    assert not settings.IWMO_UITBOX.exists()
    # The beschikking itself is sent all the same: the message never blocks the decision.
    beschikking.refresh_from_db()
    assert beschikking.is_verstuurd


def test_versturen_valideert_opnieuw_en_schrijft_een_ongeldig_bericht_niet(verstuur, settings):
    beschikking = BeschikkingFactory(toegekend=True)
    aanvraag_services.beschikking_versturen(beschikking=beschikking, door=beschikking.opgesteld_door)
    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.KLAARGEZET  # the task runs after commit
    Bericht.objects.filter(pk=bericht.pk).update(
        xml=bytes(bericht.xml).replace(b"<Geslacht>2", b"<Geslacht>9")
    )
    bericht = services.bericht_versturen(bericht.pk)
    assert bericht.status == BerichtStatus.AFGEKEURD and "Geslacht" in bericht.reden
    assert not settings.IWMO_UITBOX.exists()


def test_halve_uren_worden_minuten_en_per_jaar_wordt_een_totaal():
    from iwmo.berichten import Omvang, omvang

    begin = date(2026, 1, 1)
    assert omvang(
        hoeveel=Decimal("2.5"), eenheid="04", frequentie="per_week", ingangsdatum=begin, einddatum=None
    ) == Omvang(150, "01", "2")
    # 52 uur per jaar over half a year (181 days): 25.79 uur -> 1547.2, rounded up to 1548 minuten in total.
    assert omvang(
        hoeveel=Decimal("52"),
        eenheid="04",
        frequentie="per_jaar",
        ingangsdatum=begin,
        einddatum=date(2026, 6, 30),
    ) == Omvang(1548, "01", "6")
    assert omvang(
        hoeveel=Decimal("24"), eenheid="04", frequentie="per_jaar", ingangsdatum=begin, einddatum=None
    ) == Omvang(2, "04", "4")
    assert omvang(
        hoeveel=Decimal("1"), eenheid="82", frequentie="eenmalig", ingangsdatum=begin, einddatum=None
    ) == Omvang(1, "82", "6")
