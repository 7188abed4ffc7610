"""The beschikking and the catalogue: a product's period on the ingangsdatum, the leveringsvorm it
allows, an aanbieder with a contract; a later catalogue change leaves a sent beschikking as it was."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from aanvragen import services
from beheer import catalogus
from tests.aanvragen.factories import AanvraagFactory, VoorzieningFactory, aanbieder_voor
from tests.factories import MeldingFactory, on_day
from tests.pdf import pdf_tekst
from wmo.constants import Rol
from wmo.models import Aanbieder

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 4, 7)


@pytest.fixture(autouse=True)
def vaste_dag():
    with time_machine.travel(VANDAAG, tick=False):
        yield


@pytest.fixture
def hbh(db):
    return VoorzieningFactory(eenheid="04", pgb_tarief=Decimal("29.60"), geldig_vanaf=date(2026, 1, 1))


def _beschikking(door, voorziening):
    melding = MeldingFactory(in_onderzoek=True, ontvangen_op=on_day(VANDAAG - timedelta(days=20)))
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=VANDAAG - timedelta(days=2), door=door)
    services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=1, door=door
    )
    return services.beschikking_opstellen(aanvraag=aanvraag, door=door)


def _besluit(beschikking, door, **velden):
    basis = {
        "uitkomst": "toegekend", "omvang": Decimal("3"), "eenheid": "", "frequentie": "per_week",
        "leveringsvorm": "pgb", "aanbieder": None, "pgb_kan_beheren": True, "pgb_kwaliteit": True,
        "pgb_motivering": "Mevrouw wil haar vaste hulp houden.", "ingangsdatum": VANDAAG,
        "motivering": "U kunt door uw longziekte niet meer stofzuigen en dweilen.",
    }  # fmt: skip
    basis.update(velden)
    return services.beschikking_regel_vastleggen(
        beschikking=beschikking, aangevraagd=beschikking.aanvraag.voorzieningen.get(), door=door, **basis
    )


def test_een_nieuwe_periode_verandert_een_verstuurde_beschikking_niet(rol_gebruiker, hbh):
    consulent, beheerder = rol_gebruiker(Rol.CONSULENT), rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    eerste = _beschikking(consulent, hbh)
    regel = _besluit(eerste, consulent)
    assert (regel.eenheid, regel.pgb_tarief, regel.pgb_bedrag) == ("uur", Decimal("29.60"), Decimal("88.80"))
    eerste = services.beschikking_versturen(beschikking=eerste, door=consulent)
    pdf = bytes(eerste.brief.pdf)
    assert "3 uur per week × € 29,60 per uur" in pdf_tekst(pdf)

    nieuw = catalogus.voorziening_nieuwe_periode(
        door=beheerder, voorziening=hbh, vanaf=date(2026, 5, 1), pgb_tarief=Decimal("31.00")
    )
    regel.refresh_from_db()
    eerste.brief.refresh_from_db()
    assert (regel.voorziening_id, regel.pgb_tarief) == (hbh.pk, Decimal("29.60"))
    assert bytes(eerste.brief.pdf) == pdf

    # The next beschikking, starting in the new period, gets the new tarief (the consulent chose the
    # product as listed today; the service takes the period valid on the ingangsdatum).
    tweede = _beschikking(consulent, hbh)
    regel2 = _besluit(tweede, consulent, ingangsdatum=date(2026, 5, 4))
    assert (regel2.voorziening_id, regel2.pgb_tarief) == (nieuw.pk, Decimal("31.00"))
    tweede = services.beschikking_versturen(beschikking=tweede, door=consulent)
    assert "3 uur per week × € 31,00 per uur" in pdf_tekst(bytes(tweede.brief.pdf))
    # And one starting before the change still gets the old one.
    derde = _beschikking(consulent, nieuw)
    assert _besluit(derde, consulent, ingangsdatum=date(2026, 4, 20)).pgb_tarief == Decimal("29.60")


def test_product_dat_niet_geldt_op_de_ingangsdatum(rol_gebruiker, hbh):
    consulent, beheerder = rol_gebruiker(Rol.CONSULENT), rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    catalogus.voorziening_beeindigen(door=beheerder, voorziening=hbh, tot=date(2026, 4, 30))
    beschikking = _beschikking(consulent, hbh)
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent, ingangsdatum=date(2026, 5, 4))
    assert exc.value.message_dict["voorziening"] == [
        "Hulp bij het huishouden geldt niet op de ingangsdatum 4 mei 2026. Kies een ander product of een "
        "andere ingangsdatum."
    ]


def test_leveringsvorm_die_het_product_niet_toestaat(rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    rolstoel = VoorzieningFactory(naam="Rolstoel", iwmo_productcategorie="11", pgb_toegestaan=False)
    beschikking = _beschikking(consulent, rolstoel)
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent)
    assert exc.value.message_dict["leveringsvorm"] == ["Rolstoel kan niet als pgb. Kies zorg in natura."]
    maaltijd = VoorzieningFactory(naam="Maaltijden", natura_toegestaan=False, pgb_tarief=Decimal("7.50"))
    beschikking = _beschikking(consulent, maaltijd)
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent, leveringsvorm="zin", aanbieder=aanbieder_voor(beschikking.aanvraag))
    assert exc.value.message_dict["leveringsvorm"] == ["Maaltijden kan niet als zorg in natura. Kies pgb."]


def test_aanbieder_zonder_contract_wordt_geweigerd(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = _beschikking(consulent, hbh)
    zonder = Aanbieder.objects.create(naam="Zorg Zonder Contract", agb_code="75759999")
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent, leveringsvorm="zin", aanbieder=zonder)
    assert exc.value.message_dict["aanbieder"] == [
        "Zorg Zonder Contract heeft op 7 april 2026 geen contract voor Hulp bij het huishouden in deze "
        "gemeente. Kies een aanbieder met een contract."
    ]
    met = aanbieder_voor(beschikking.aanvraag)
    regel = _besluit(beschikking, consulent, leveringsvorm="zin", aanbieder=met)
    assert (regel.aanbieder, regel.aanbieder_naam, regel.pgb_tarief) == (met, "Thuiszorg Kennemerland", None)
    # Another gemeente's contract does not count; nor does one that has ended or an inactive aanbieder.
    contract = met.contracten.get()
    contract.geldig_tot = date(2026, 4, 6)
    contract.save()
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent, leveringsvorm="zin", aanbieder=met)
    assert "geen contract" in exc.value.message_dict["aanbieder"][0]


def test_het_formulier_biedt_alleen_gecontracteerde_aanbieders(rol_gebruiker, hbh):
    from aanvragen.forms import RegelForm

    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = _beschikking(consulent, hbh)
    met = aanbieder_voor(beschikking.aanvraag)
    Aanbieder.objects.create(naam="Zorg Zonder Contract", agb_code="75759999")
    form = RegelForm(gemeente_id=beschikking.aanvraag.melding.gemeente_id)
    assert list(form.fields["aanbieder"].queryset) == [met]
    assert list(form.fields["voorziening"].queryset) == [hbh]
