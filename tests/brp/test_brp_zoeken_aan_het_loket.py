"""Zoeken in de BRP at the loket (brp.views.zoeken and overnemen), against a fake BRP
(tests/brp/fake_brp.py): the BRP is outside our control, so the test runs a small server of its
own after the published specification. With htmx and without JavaScript; BRP down; no koppeling."""

import pytest
from django.urls import reverse

from meldingen.models import Inwoner
from tests.brp.fake_brp import persoon
from tests.factories import GemeenteFactory, InwonerFactory
from wmo.constants import InzageActie
from wmo.models import Inzage

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(loket):
    g = loket.organisatie.gemeenten.get()
    g.cbs_code = "0392"
    g.save()
    return g


@pytest.fixture
def ingelogd(client, loket):
    client.force_login(loket)
    return client


@pytest.fixture
def met_koppeling(gemeente, koppeling_voor, fake_brp):
    fake_brp.personen = [persoon(), persoon(bsn="999990019", voornamen="Piet", geboren="1950-01-01")]
    return koppeling_voor(gemeente)


def _zoek(gemeente, **velden):
    return {
        "brp-gemeente": gemeente.pk,
        "brp-wijze": "adres",
        "brp-postcode": "2011 rd",
        "brp-huisnummer": "2",
    } | {f"brp-{k}": v for k, v in velden.items()}


def test_zonder_koppeling_verandert_er_niets(ingelogd, gemeente, fake_brp):
    html = ingelogd.get(reverse("meldingen:inwoner_registreren")).content.decode()
    assert "Zoeken in de BRP" not in html
    assert ingelogd.post(reverse("brp:zoeken"), _zoek(gemeente)).status_code == 404
    assert fake_brp.verzoeken == []


def test_het_formulier_toont_het_zoekdeel_bij_een_koppeling(
    ingelogd, met_koppeling, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        html = ingelogd.get(reverse("meldingen:inwoner_registreren")).content.decode()
    assert "Zoeken in de BRP" in html
    assert f'data-hx-post="{reverse("brp:zoeken")}"' in html
    assert f'action="{reverse("brp:zoeken")}"' in html  # works without JavaScript too


@pytest.mark.parametrize("htmx", [True, False])
def test_zoeken_toont_resultaten_met_en_zonder_htmx(
    ingelogd, gemeente, met_koppeling, fake_brp, htmx, django_assert_max_num_queries
):
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "brp-resultaten"} if htmx else {}
    # Measured 14: session, user and two-step (8), the gemeenten, the inwoners known by BSN, the log (2).
    with django_assert_max_num_queries(14):
        antwoord = ingelogd.post(reverse("brp:zoeken"), _zoek(gemeente), **headers)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Anna Maria de Vries" in html and "Piet de Vries" in html
    assert ("<h1" in html) is not htmx  # htmx gets the fragment, a plain post the whole page
    assert "999993653" in html  # in the hidden field that takes the person over, not shown as text
    assert "…653" in html
    assert fake_brp.verzoeken[0]["body"]["postcode"] == "2011RD"
    [rij] = Inzage.objects.all()
    assert (rij.actie, rij.wat, rij.inwoner_id) == (
        InzageActie.ZOEKEN,
        "BRP: gezocht op postcode en huisnummer, 2 gevonden",
        None,
    )


def test_zoeken_op_bsn_en_op_naam(ingelogd, gemeente, met_koppeling, fake_brp):
    html = ingelogd.post(
        reverse("brp:zoeken"), _zoek(gemeente, wijze="bsn", bsn="999993653")
    ).content.decode()
    assert "Anna Maria de Vries" in html and "Piet" not in html
    assert fake_brp.verzoeken[-1]["body"]["type"] == "RaadpleegMetBurgerservicenummer"
    html = ingelogd.post(
        reverse("brp:zoeken"),
        _zoek(gemeente, wijze="naam", geslachtsnaam="Vries", geboortedatum="14-03-1948"),
    ).content.decode()
    assert "Anna Maria de Vries" in html and "Piet" not in html


def test_onvolledige_vraag_gaat_niet_naar_de_brp(ingelogd, gemeente, met_koppeling, fake_brp):
    antwoord = ingelogd.post(
        reverse("brp:zoeken"),
        _zoek(gemeente, wijze="naam", geslachtsnaam="<script>", geboortedatum=""),
        HTTP_HX_REQUEST="true",
    )
    assert antwoord.status_code == 200  # htmx 2 swaps no 4xx: the fragment carries the errors
    html = antwoord.content.decode()
    assert "Vul de geboortedatum in." in html and "Gebruik alleen letters" in html
    assert "<script>" not in html
    assert fake_brp.verzoeken == []


def test_brp_plat_geeft_een_duidelijke_melding_en_handmatig_invoeren_blijft(
    ingelogd, gemeente, met_koppeling, fake_brp
):
    fake_brp.storing = "500"
    antwoord = ingelogd.post(reverse("brp:zoeken"), _zoek(gemeente))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "De BRP heeft nu een storing" in html
    assert reverse("meldingen:inwoner_registreren") in html
    assert Inzage.objects.get().wat == "BRP: gezocht op postcode en huisnummer, mislukt (storing)"


def test_brp_traag(ingelogd, gemeente, met_koppeling, fake_brp):
    fake_brp.storing = "traag"
    html = ingelogd.post(reverse("brp:zoeken"), _zoek(gemeente)).content.decode()
    assert "geeft geen antwoord binnen 1 seconden" in html


def test_overnemen_vult_het_formulier_en_het_loket_bevestigt(
    ingelogd, gemeente, met_koppeling, fake_brp, loket
):
    fake_brp.personen[0] = persoon(curatele=True)
    antwoord = ingelogd.post(reverse("brp:overnemen"), {"gemeente": gemeente.pk, "bsn": "999993653"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert fake_brp.verzoeken[-1]["body"]["type"] == "RaadpleegMetBurgerservicenummer"
    assert 'value="Anna Maria"' in html and 'value="Grote Markt"' in html and 'value="2011RD"' in html
    assert f'action="{reverse("meldingen:inwoner_registreren")}"' in html
    assert "onder curatele" in html  # offered, not filled in
    assert not Inwoner.objects.exists()  # nothing is saved until the loket confirms
    assert Inzage.objects.get().wat == "BRP: persoon opgevraagd"
    data = {
        "bsn": "999993653",
        "voornamen": "Anna Maria",
        "tussenvoegsel": "de",
        "achternaam": "Vries",
        "geboortedatum": "1948-03-14",
        "geslacht": "2",
        "naamgebruik": "1",
        "straat": "Grote Markt",
        "huisnummer": "2",
        "postcode": "2011RD",
        "woonplaats": "Haarlem",
        "gemeente": gemeente.pk,
        "contactvoorkeur": "telefoon",
    }
    antwoord = ingelogd.post(reverse("meldingen:inwoner_registreren"), data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert Inwoner.objects.get().vertegenwoordiger_soort == ""


def test_overnemen_van_een_bekende_inwoner_gaat_naar_de_melding(ingelogd, gemeente, met_koppeling, fake_brp):
    inwoner = InwonerFactory(bsn="999993653", gemeente=gemeente)
    antwoord = ingelogd.post(reverse("brp:overnemen"), {"gemeente": gemeente.pk, "bsn": "999993653"})
    assert antwoord["Location"] == reverse("meldingen:melding_registreren", args=[inwoner.pk])
    assert fake_brp.verzoeken == []


def test_overnemen_bij_storing_en_voor_een_vreemde_gemeente(ingelogd, gemeente, met_koppeling, fake_brp):
    fake_brp.storing = "kapot"
    antwoord = ingelogd.post(
        reverse("brp:overnemen"), {"gemeente": gemeente.pk, "bsn": "999993653"}, follow=True
    )
    assert "niet kan lezen" in antwoord.content.decode()
    vreemd = GemeenteFactory()
    assert (
        ingelogd.post(reverse("brp:overnemen"), {"gemeente": vreemd.pk, "bsn": "999993653"}).status_code
        == 404
    )
