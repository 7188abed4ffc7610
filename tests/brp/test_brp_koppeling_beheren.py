"""The BRP koppeling per gemeente in beheer (brp.views.koppeling, brp.services.brp_koppeling_opslaan),
with "Verbinding testen" against a fake BRP (tests/brp/fake_brp.py; the BRP is outside our control)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from brp import services
from brp.models import BrpKoppeling
from tests.brp.fake_brp import API_KEY
from tests.factories import GemeenteFactory
from wmo.models import Inzage

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(beheerder):
    return beheerder.organisatie.gemeenten.get()


@pytest.fixture
def ingelogd(client, beheerder):
    client.force_login(beheerder)
    return client


def _data(fake_brp, **anders):
    return {
        "actief": "on",
        "basis_url": fake_brp.url,
        "authenticatie": "api_sleutel",
        "header_naam": "X-API-KEY",
        "geheim_naam": "KT_BRP_TEST_API_KEY",
        "timeout_seconden": "5",
    } | anders


def test_opslaan_met_geschiedenis_en_het_geheim_nooit_op_de_pagina(
    ingelogd, gemeente, beheerder, fake_brp, brp_sleutel, django_assert_max_num_queries
):
    url = reverse("brp:koppeling", args=[gemeente.pk])
    antwoord = ingelogd.post(url, _data(fake_brp))
    assert antwoord.status_code == 302
    koppeling = BrpKoppeling.objects.get(gemeente=gemeente)
    assert koppeling.history.get().history_user == beheerder
    with django_assert_max_num_queries(12):
        pagina = ingelogd.get(url)
    html = pagina.content.decode()
    assert "Ingesteld op de server" in html
    assert API_KEY not in html
    assert "Verbinding testen" in html
    ingelogd.post(url, _data(fake_brp, geheim_naam="KT_BRP_ANDER", timeout_seconden="3"))
    wijzigingen = ingelogd.get(reverse("beheer:wijzigingen"), {"soort": "brp"}).content.decode()
    assert f"BRP-koppeling van {gemeente.naam}" in wijzigingen
    assert "KT_BRP_ANDER" in wijzigingen and API_KEY not in wijzigingen


def test_foute_invoer_geeft_nederlandse_meldingen_en_houdt_wat_getypt_is(ingelogd, gemeente, fake_brp):
    url = reverse("brp:koppeling", args=[gemeente.pk])
    antwoord = ingelogd.post(
        url,
        _data(
            fake_brp, basis_url="http://brp.example.nl/api", geheim_naam="SECRET_KEY", timeout_seconden="60"
        ),
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "https://" in html and "KT_" in html and "30" in html
    assert 'value="http://brp.example.nl/api"' in html
    assert 'aria-describedby="id_basis_url_error' in html or "aria-invalid" in html
    assert not BrpKoppeling.objects.exists()


def test_de_service_weigert_een_gemeente_die_de_beheerder_niet_beheert(beheerder, fake_brp):
    with pytest.raises(ValidationError):
        services.brp_koppeling_opslaan(
            door=beheerder,
            gemeente=GemeenteFactory(),
            actief=True,
            basis_url=fake_brp.url,
            authenticatie="api_sleutel",
            header_naam="X-API-KEY",
            geheim_naam="KT_X",
            timeout_seconden=5,
        )


def test_een_andere_gemeente_is_404(ingelogd):
    assert ingelogd.get(reverse("brp:koppeling", args=[GemeenteFactory().pk])).status_code == 404
    assert ingelogd.post(reverse("brp:koppeling_testen", args=[GemeenteFactory().pk])).status_code == 404


def test_verbinding_testen_gelukt_en_mislukt_en_elke_poging_in_het_inzagelog(
    ingelogd, gemeente, koppeling_voor, fake_brp, monkeypatch
):
    koppeling_voor(gemeente)
    url = reverse("brp:koppeling_testen", args=[gemeente.pk])
    antwoord = ingelogd.post(url, follow=True)
    assert "De verbinding met de BRP werkt." in antwoord.content.decode()
    assert fake_brp.verzoeken[-1]["body"]["fields"] == ["burgerservicenummer"]
    monkeypatch.setenv("KT_BRP_TEST_API_KEY", "verkeerd")
    antwoord = ingelogd.post(url, follow=True)
    html = antwoord.content.decode()
    assert "De verbinding met de BRP werkt niet." in html and "functioneel beheerder" in html
    assert list(Inzage.objects.order_by("id").values_list("wat", flat=True)) == [
        f"BRP: verbinding getest voor {gemeente.naam}, gelukt",
        f"BRP: verbinding getest voor {gemeente.naam}, mislukt (geweigerd)",
    ]


def test_verbinding_testen_zonder_koppeling(ingelogd, gemeente):
    antwoord = ingelogd.post(reverse("brp:koppeling_testen", args=[gemeente.pk]), follow=True)
    assert "Sla eerst de instellingen" in antwoord.content.decode()
