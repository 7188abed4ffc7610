"""Aanbieders in beheer: AGB code, contracts per gemeente of the own organisation and period,
scoping (a contract of another organisation's gemeente is a 404), query budgets."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from beheer import catalogus
from tests.factories import GemeenteFactory
from wmo.constants import VoorzieningSoort
from wmo.models import Aanbieder, Contract, validate_agb_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vaste_dag():
    with time_machine.travel(date(2026, 4, 7), tick=False):
        yield


@pytest.fixture
def hbh(beheerder_a):
    return catalogus.voorziening_aanmaken(
        door=beheerder_a, naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK,
        geldig_vanaf=date(2026, 1, 1), iwmo_productcategorie="01", eenheid="04", pgb_tarief=Decimal("29.60"),
    )  # fmt: skip


@pytest.fixture
def thuiszorg(beheerder_a):
    return catalogus.aanbieder_aanmaken(door=beheerder_a, naam="Thuiszorg Kennemerland", agb_code="75750101")


@pytest.mark.parametrize("code", ["1234567", "123456789", "1234567a", "", "12 34567"])
def test_agb_code_heeft_precies_acht_cijfers(code):
    with pytest.raises(ValidationError) as exc:
        validate_agb_code(code)
    assert exc.value.messages == ["Een AGB-code heeft precies 8 cijfers, bijvoorbeeld 41001234."]


def test_aanbieder_aanmaken_en_foute_agb_code(client, beheerder_a, thuiszorg):
    client.force_login(beheerder_a)
    data = {
        "naam": "Medipoint",
        "agb_code": "4101501",
        "contactpersoon": "Klantenservice",
        "email": "x@example.org",
    }
    response = client.post(reverse("beheer:aanbieder_aanmaken"), data)
    pagina = response.content.decode()
    assert response.status_code == 200 and "precies 8 cijfers" in pagina and "Klantenservice" in pagina
    response = client.post(reverse("beheer:aanbieder_aanmaken"), {**data, "agb_code": "75750101"})
    assert "Er is al een aanbieder met deze AGB-code." in response.content.decode()
    response = client.post(reverse("beheer:aanbieder_aanmaken"), {**data, "agb_code": "41015010"})
    medipoint = Aanbieder.objects.get(agb_code="41015010")
    assert response["Location"] == reverse("beheer:aanbieder", args=[medipoint.pk])
    assert medipoint.history.first().history_user == beheerder_a


def test_contract_per_gemeente_en_periode(client, beheerder_a, hbh, thuiszorg):
    gemeente = beheerder_a.organisatie.gemeenten.get()
    client.force_login(beheerder_a)
    url = reverse("beheer:contract_aanmaken", args=[thuiszorg.pk])
    response = client.post(
        url,
        {
            "gemeente": gemeente.pk,
            "voorziening": hbh.pk,
            "geldig_vanaf": "2026-01-01",
            "geldig_tot": "2025-12-31",
        },
    )
    assert "De einddatum ligt vóór de begindatum" in response.content.decode()
    response = client.post(
        url, {"gemeente": gemeente.pk, "voorziening": hbh.pk, "geldig_vanaf": "2026-01-01"}
    )
    assert response.status_code == 302
    contract = Contract.objects.get(aanbieder=thuiszorg)
    response = client.post(
        url, {"gemeente": gemeente.pk, "voorziening": hbh.pk, "geldig_vanaf": "2026-06-01"}
    )
    assert (
        "Er is al een contract voor dit product in deze gemeente vanaf 1 januari 2026"
        in response.content.decode()
    )
    # A new catalogue period does not end the contract: it is for the product.
    nieuw = catalogus.voorziening_nieuwe_periode(door=beheerder_a, voorziening=hbh, vanaf=date(2026, 7, 1))
    assert (
        Contract.objects.voor(voorziening=nieuw, gemeente_id=gemeente.pk, datum=date(2026, 8, 1)).get()
        == contract
    )
    response = client.post(reverse("beheer:contract_beeindigen", args=[contract.pk]), {"tot": "2026-06-30"})
    assert response.status_code == 302
    assert not Contract.objects.voor(
        voorziening=nieuw, gemeente_id=gemeente.pk, datum=date(2026, 8, 1)
    ).exists()
    pagina = client.get(reverse("beheer:aanbieder", args=[thuiszorg.pk])).content.decode()
    assert "1 januari 2026 – 30 juni 2026" in pagina and gemeente.naam in pagina


def test_geen_contract_in_een_vreemde_gemeente(client, beheerder_a, hbh, thuiszorg, beheerder_b):
    vreemd = GemeenteFactory()
    with pytest.raises(ValidationError) as exc:
        catalogus.contract_aanmaken(
            door=beheerder_a,
            aanbieder=thuiszorg,
            gemeente=vreemd,
            voorziening=hbh,
            geldig_vanaf=date(2026, 1, 1),
        )
    assert "waarvoor uw organisatie werkt" in exc.value.messages[0]
    contract = Contract.objects.create(
        aanbieder=thuiszorg, gemeente=vreemd, voorziening=hbh, geldig_vanaf=date(2026, 1, 1)
    )
    client.force_login(beheerder_a)
    assert client.get(reverse("beheer:contract_beeindigen", args=[contract.pk])).status_code == 404
    assert (
        client.post(
            reverse("beheer:contract_beeindigen", args=[contract.pk]), {"tot": "2026-05-01"}
        ).status_code
        == 404
    )
    assert vreemd.naam not in client.get(reverse("beheer:aanbieder", args=[thuiszorg.pk])).content.decode()
    form = client.get(reverse("beheer:contract_aanmaken", args=[thuiszorg.pk])).content.decode()
    assert vreemd.naam not in form
    response = client.post(
        reverse("beheer:contract_aanmaken", args=[thuiszorg.pk]),
        {"gemeente": vreemd.pk, "voorziening": hbh.pk, "geldig_vanaf": "2026-01-01"},
    )
    assert response.status_code == 200 and Contract.objects.count() == 1


def test_zoeken_filteren_en_uit_gebruik(client, beheerder_a, thuiszorg):
    catalogus.aanbieder_aanmaken(door=beheerder_a, naam="Medipoint", agb_code="41015010")
    client.force_login(beheerder_a)
    assert "Medipoint" not in client.get(reverse("beheer:aanbieders"), {"zoek": "75750101"}).content.decode()
    response = client.post(
        reverse("beheer:aanbieder_wijzigen", args=[thuiszorg.pk]),
        {"naam": "Thuiszorg Kennemerland", "agb_code": "75750101"},  # actief unticked
    )
    assert response.status_code == 302
    actief = client.get(reverse("beheer:aanbieders")).content.decode()
    assert "Medipoint" in actief and "Thuiszorg Kennemerland" not in actief
    assert (
        "Thuiszorg Kennemerland"
        in client.get(reverse("beheer:aanbieders"), {"actief": "nee"}).content.decode()
    )
    assert Aanbieder.objects.filter(pk=thuiszorg.pk).exists()


def test_paginas_binnen_hun_querybudget(client, beheerder_a, hbh, thuiszorg, django_assert_max_num_queries):
    gemeente = beheerder_a.organisatie.gemeenten.get()
    contract = catalogus.contract_aanmaken(
        door=beheerder_a,
        aanbieder=thuiszorg,
        gemeente=gemeente,
        voorziening=hbh,
        geldig_vanaf=date(2026, 1, 1),
    )
    for i in range(10):
        catalogus.aanbieder_aanmaken(door=beheerder_a, naam=f"Aanbieder {i}", agb_code=f"{75750200 + i}")
    client.force_login(beheerder_a)
    for naam, args, budget in [
        ("beheer:aanbieders", [], 10),
        ("beheer:aanbieder", [thuiszorg.pk], 12),
        ("beheer:aanbieder_wijzigen", [thuiszorg.pk], 9),
        ("beheer:aanbieder_aanmaken", [], 8),
        ("beheer:contract_aanmaken", [thuiszorg.pk], 13),
        ("beheer:contract_beeindigen", [contract.pk], 10),
    ]:
        with django_assert_max_num_queries(budget):
            assert client.get(reverse(naam, args=args)).status_code == 200, naam


def test_contracten_voor_hetzelfde_product_en_dezelfde_gemeente_overlappen_niet(beheerder_a, hbh, thuiszorg):
    gemeente = beheerder_a.organisatie.gemeenten.first()

    def contract(vanaf, tot=None):
        return catalogus.contract_aanmaken(
            door=beheerder_a, aanbieder=thuiszorg, gemeente=gemeente, voorziening=hbh, geldig_vanaf=vanaf,
            geldig_tot=tot,
        )  # fmt: skip

    contract(date(2026, 1, 1), date(2026, 6, 30))
    for vanaf, tot in ((date(2026, 6, 30), None), (date(2025, 1, 1), date(2026, 1, 1))):
        with pytest.raises(ValidationError) as exc:
            contract(vanaf, tot)
        assert "al een contract voor dit product in deze gemeente vanaf 1 januari 2026" in str(exc.value)
    assert contract(date(2026, 7, 1)).geldig_tot is None  # the day after: no overlap
    assert Contract.objects.filter(aanbieder=thuiszorg).count() == 2
