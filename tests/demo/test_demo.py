import pytest
from django.core.management import call_command

from meldingen.constants import MeldingStatus
from meldingen.models import Melding
from tests.pdf import pdf_tekst
from wmo.constants import Rol
from wmo.models import Brief, Medewerker, Voorziening
from wmo.regels.vertegenwoordiging import OntvangerRol

pytestmark = pytest.mark.django_db


def test_demo_laadt_alle_stadia_en_is_herhaalbaar():
    call_command("demo")
    call_command("demo")  # idempotent
    assert set(Melding.objects.values_list("status", flat=True)) == set(MeldingStatus.values)
    assert (
        Melding.objects.filter(spoed=True).exists()
        and Melding.objects.filter(consulent__isnull=True).exists()
    )
    for rol in Rol.values:
        assert Medewerker.objects.filter(groups__name=rol).exists()
    assert Medewerker.objects.get(username="loket").check_password("keukentafel-demo")
    assert set(
        Voorziening.objects.exclude(iwmo_productcategorie="").values_list("iwmo_productcategorie", flat=True)
    ) == {"01", "02", "11", "12", "13"}


def test_demo_toont_vertegenwoordiger_bewindvoerder_en_kopie():
    """A mentor gets the original, a bewindvoerder and a contactpersoon a copy (wmo.regels.vertegenwoordiging)."""
    call_command("demo")
    mentor = Brief.objects.get(ontvanger_rol=OntvangerRol.MENTOR)
    assert mentor.origineel is None and "Mentor van Johanna Visser" in pdf_tekst(bytes(mentor.pdf))
    bewind = Brief.objects.get(ontvanger_rol=OntvangerRol.BEWINDVOERDER)
    assert bewind.origineel.ontvanger_naam == "Sem Kok"
    kopie = Brief.objects.filter(
        ontvanger_rol=OntvangerRol.CONTACTPERSOON, ontvanger_naam="Anja van der Hoek"
    )
    assert kopie.filter(soort="beschikking").exists()
    assert "KOPIE" in pdf_tekst(bytes(kopie.get(soort="beschikking").pdf))


def test_demo_rolstoelbeschikking_houdt_stand_in_bezwaar():
    """The demo's wheelchair beschikking (four eyes): signed by the teamleider under mandate, no
    eigen bijdrage for a rolstoel, on loan, legal basis and the onderzoek's findings."""
    from aanvragen.models import Beschikking

    call_command("demo")
    beschikking = Beschikking.objects.get(regels__voorziening__naam="Rolstoel (handbewogen)")
    assert beschikking.besloten_door.username == "teamleider"
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "namens het college van burgemeester en wethouders van Haarlem" in tekst
    assert "Marco Bakker teamleider Wmo" in tekst
    assert "geen eigen bijdrage" in tekst and "3.8 lid 4 onder d" in tekst and "CAK" not in tekst
    assert "in bruikleen" in tekst and "zonder einddatum" not in tekst
    assert "Verordening maatschappelijke ondersteuning Haarlem 2026, artikel 12" in tekst
    assert "Hulp van een mantelzorger (helpt voor een deel): Zijn dochter helpt" in tekst
    assert "voorzieningenrechter van de Rechtbank Noord-Holland" in tekst
    assert tekst.count("Zijn dochter helpt") == 1  # the findings once, the second regel refers to them
    assert "Wat ons onderzoek liet zien: zie hierboven bij rolstoel (handbewogen)." in tekst


def test_demo_zet_een_verstuurde_wmo301_in_de_uitbox(settings):
    from iwmo.models import Bericht
    from iwmo.schema import valideer

    call_command("demo")
    bericht = Bericht.objects.get(soort="WMO301", aanbieder__naam="Medipoint")
    assert bericht.status == "verzonden", bericht.reden
    assert bericht.aanbieder.naam == "Medipoint" and bericht.afzender == "0392"
    assert valideer("WMO301", bytes(bericht.xml)) == []
    assert (settings.IWMO_UITBOX / bericht.bestandsnaam).read_bytes() == bytes(bericht.xml)
