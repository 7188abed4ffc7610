"""The catalogue in beheer: products with validity periods, the iWmo code lists, the sociale kaart,
the mandaat per product; who may open the pages; query budgets."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanvragen.models import Mandaat
from beheer import catalogus
from tests.factories import MedewerkerFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Voorziening

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 4, 7)


@pytest.fixture(autouse=True)
def vaste_dag():
    with time_machine.travel(date(2026, 4, 7), tick=False):
        yield


def _hbh(door, **extra):
    velden = {
        "naam": "Hulp bij het huishouden", "soort": VoorzieningSoort.MAATWERK, "geldig_vanaf": date(2026, 1, 1),
        "iwmo_productcategorie": "01", "iwmo_productcode": "01A01", "eenheid": "04", "frequentie": "2",
        "pgb_tarief": Decimal("29.60"), "verordening_artikel": "artikel 10",
    }  # fmt: skip
    velden.update(extra)
    return catalogus.voorziening_aanmaken(door=door, **velden)


def _post_maatwerk(**extra):
    data = {
        "geldig_vanaf": "2026-04-07", "naam": "Begeleiding individueel", "iwmo_productcategorie": "02",
        "iwmo_productcode": "02A01", "eenheid": "04", "frequentie": "2", "gebruikelijke_omvang": "2 uur per week",
        "natura_toegestaan": "on", "pgb_toegestaan": "on", "pgb_tarief": "52.80", "eigen_bijdrage": "on",
        "wettelijke_grondslag": "Wmo 2015 art. 2.3.5 lid 3", "verordening_artikel": "artikel 11",
    }  # fmt: skip
    data.update(extra)
    return data


def test_maatwerkproduct_aanmaken_met_codes_uit_de_codelijsten(client, beheerder_a):
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:voorziening_aanmaken") + "?soort=maatwerk", _post_maatwerk())
    v = Voorziening.objects.get(naam="Begeleiding individueel")
    assert response["Location"] == reverse("beheer:voorziening", args=[v.pk])
    assert (v.iwmo_productcategorie, v.eenheid, v.frequentie, v.geldig_vanaf) == ("02", "04", "2", VANDAAG)
    assert Mandaat.objects.filter(voorziening=v, rol=Rol.CONSULENT, vier_ogen=False).exists()
    assert v.history.first().history_user == beheerder_a
    pagina = client.get(reverse("beheer:voorziening", args=[v.pk])).content.decode()
    assert "02 Begeleiding" in pagina and "Uur" in pagina and "Per week" in pagina


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("iwmo_productcategorie", "99", "Selecteer een geldige keuze"),
        ("eenheid", "uur", "Selecteer een geldige keuze"),
        ("frequentie", "3", "Selecteer een geldige keuze"),
        ("iwmo_productcode", "01 A", "1 tot 5 letters of cijfers"),
        ("pgb_tarief", "", "Vul het pgb-tarief in, of zet ‘pgb mogelijk’ uit."),
        ("eigen_bijdrage", "", "Schrijf op op grond waarvan geen eigen bijdrage geldt."),
        ("iwmo_productcategorie", "", "Kies de iWmo-productcategorie (codelijst WMO020)."),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_melding_en_houdt_de_tekst(
    client, beheerder_a, veld, waarde, melding
):
    client.force_login(beheerder_a)
    response = client.post(
        reverse("beheer:voorziening_aanmaken") + "?soort=maatwerk", _post_maatwerk(**{veld: waarde})
    )
    assert response.status_code == 200
    pagina = response.content.decode()
    assert melding in pagina and "Begeleiding individueel" in pagina
    assert f'aria-describedby="id_{veld}_error' in pagina or "aria-invalid" in pagina
    assert not Voorziening.objects.filter(naam="Begeleiding individueel").exists()


def test_algemene_voorziening_is_de_sociale_kaart(client, beheerder_a):
    client.force_login(beheerder_a)
    response = client.post(
        reverse("beheer:voorziening_aanmaken") + "?soort=algemeen",
        {
            "geldig_vanaf": "2026-04-07", "naam": "Maaltijdservice", "organisatie": "Maaltijd Thuis",
            "telefoon": "023 555 01 10", "email": "info@example.org", "website": "www.example.org",
            "adres": "Zijlweg 1, Haarlem", "resultaatgebieden": ["3", "8"], "kosten": "€ 7,50 per maaltijd",
        },
    )  # fmt: skip
    assert response.status_code == 302
    v = Voorziening.objects.get(naam="Maaltijdservice")
    assert (v.soort, v.resultaatgebieden, v.kosten) == ("algemeen", [3, 8], "€ 7,50 per maaltijd")
    assert v.keuze_label == "Maaltijdservice (Maaltijd Thuis, € 7,50 per maaltijd)"
    pagina = client.get(reverse("beheer:voorziening", args=[v.pk])).content.decode()
    assert "Beschikken over goederen voor primaire levensbehoeften" in pagina
    assert "mandaat-kop" not in pagina  # no mandaat for an algemene voorziening


def test_nieuwe_periode_sluit_de_oude_af_en_neemt_het_mandaat_mee(beheerder_a):
    hbh = _hbh(beheerder_a)
    Mandaat.objects.create(voorziening=hbh, rol=Rol.TEAMLEIDER, vier_ogen=True)
    nieuw = catalogus.voorziening_nieuwe_periode(
        door=beheerder_a, voorziening=hbh, vanaf=date(2026, 7, 1), pgb_tarief=Decimal("31.00")
    )
    hbh.refresh_from_db()
    assert (hbh.geldig_tot, hbh.pgb_tarief) == (date(2026, 6, 30), Decimal("29.60"))
    assert (nieuw.geldig_vanaf, nieuw.geldig_tot, nieuw.pgb_tarief, nieuw.reeks) == (
        date(2026, 7, 1), None, Decimal("31.00"), hbh.reeks,
    )  # fmt: skip
    assert set(nieuw.mandaten.values_list("rol", "vier_ogen")) == {("consulent", False), ("teamleider", True)}
    assert list(Voorziening.objects.geldig_op(date(2026, 6, 30))) == [hbh]
    assert list(Voorziening.objects.geldig_op(date(2026, 7, 1))) == [nieuw]
    assert list(Voorziening.objects.te_kiezen(VANDAAG)) == [hbh]  # one product, one row in a choice list
    with pytest.raises(ValidationError) as exc:  # only from the last period
        catalogus.voorziening_nieuwe_periode(door=beheerder_a, voorziening=hbh, vanaf=date(2026, 5, 1))
    assert "latere periode (vanaf 1 juli 2026)" in exc.value.messages[0]


@pytest.mark.parametrize(
    ("vanaf", "melding"),
    [
        (date(2025, 12, 1), "Kies een datum na 1 januari 2026"),
        (date(2026, 1, 1), "Kies een datum na 1 januari 2026"),
    ],
)
def test_nieuwe_periode_moet_na_het_begin_liggen(beheerder_a, vanaf, melding):
    hbh = _hbh(beheerder_a)
    with pytest.raises(ValidationError) as exc:
        catalogus.voorziening_nieuwe_periode(door=beheerder_a, voorziening=hbh, vanaf=vanaf)
    assert melding in exc.value.message_dict["vanaf"][0]


def test_perioden_overlappen_niet_en_tot_niet_voor_vanaf(beheerder_a):
    hbh = _hbh(beheerder_a)
    nieuw = catalogus.voorziening_nieuwe_periode(door=beheerder_a, voorziening=hbh, vanaf=date(2026, 7, 1))
    with pytest.raises(ValidationError) as exc:  # the (unused) later period moved into the earlier one
        catalogus.voorziening_wijzigen(door=beheerder_a, voorziening=nieuw, geldig_vanaf=date(2026, 6, 1))
    assert "overlapt met de periode vanaf 1 januari 2026" in exc.value.message_dict["geldig_vanaf"][0]
    with pytest.raises(ValidationError) as exc:
        catalogus.voorziening_beeindigen(door=beheerder_a, voorziening=nieuw, tot=date(2026, 6, 1))
    assert "vóór de begindatum (1 juli 2026)" in exc.value.message_dict["tot"][0]
    with pytest.raises(ValidationError) as exc:
        catalogus.voorziening_wijzigen(door=beheerder_a, voorziening=nieuw, geldig_tot=date(2026, 6, 1))
    assert "De einddatum ligt vóór de begindatum" in exc.value.message_dict["geldig_tot"][0]


def test_een_gebruikt_product_verandert_alleen_via_een_nieuwe_periode(client, beheerder_a):
    from tests.aanvragen.factories import AanvraagFactory
    from tests.factories import on_day

    hbh = _hbh(beheerder_a)
    AanvraagFactory(
        voorzieningen=[hbh], ontvangen_op=VANDAAG, melding__ontvangen_op=on_day(date(2026, 3, 20))
    )
    with pytest.raises(ValidationError) as exc:
        catalogus.voorziening_wijzigen(door=beheerder_a, voorziening=hbh, pgb_tarief=Decimal("35.00"))
    assert "Maak een nieuwe periode" in exc.value.messages[0]
    catalogus.voorziening_wijzigen(
        door=beheerder_a, voorziening=hbh, omschrijving="Schoonmaken van de woning."
    )
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:voorziening_wijzigen", args=[hbh.pk])).content.decode()
    assert "al gebruikt" in pagina and 'name="pgb_tarief"' not in pagina and 'name="omschrijving"' in pagina


def test_beeindigen_en_de_keuzelijst(client, beheerder_a):
    hbh = _hbh(beheerder_a)
    oud = _hbh(beheerder_a, naam="Oude huishoudelijke hulp")
    catalogus.voorziening_beeindigen(door=beheerder_a, voorziening=oud, tot=date(2026, 4, 6))
    client.force_login(beheerder_a)
    response = client.post(reverse("beheer:voorziening_beeindigen", args=[hbh.pk]), {"tot": "2026-04-30"})
    assert response.status_code == 302
    hbh.refresh_from_db()
    assert hbh.geldig_tot == date(2026, 4, 30)
    assert Voorziening.objects.filter(pk=hbh.pk).exists()  # never deleted
    assert list(Voorziening.objects.te_kiezen(VANDAAG)) == [hbh]
    assert not Voorziening.objects.te_kiezen(date(2026, 5, 1)).exists()
    nu = client.get(reverse("beheer:catalogus")).content.decode()
    assert "Hulp bij het huishouden" in nu and "Oude huishoudelijke hulp" not in nu
    voorbij = client.get(reverse("beheer:catalogus"), {"geldig": "voorbij"}).content.decode()
    assert "Oude huishoudelijke hulp" in voorbij and "Hulp bij het huishouden" not in voorbij
    response = client.post(reverse("beheer:voorziening_beeindigen", args=[hbh.pk]), {"tot": "2025-12-31"})
    assert "De einddatum ligt vóór de begindatum (1 januari 2026)" in response.content.decode()


def test_mandaat_per_product_voor_alle_perioden(client, beheerder_a):
    hbh = _hbh(beheerder_a)
    nieuw = catalogus.voorziening_nieuwe_periode(door=beheerder_a, voorziening=hbh, vanaf=date(2026, 7, 1))
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:voorziening", args=[hbh.pk])).content.decode()
    assert "Algemene wet bestuursrecht artikel 10:3" in pagina
    response = client.post(
        reverse("beheer:voorziening_mandaat", args=[hbh.pk]), {"consulent": "geen", "teamleider": "vier_ogen"}
    )
    assert response.status_code == 302
    for periode in (hbh, nieuw):
        assert list(periode.mandaten.values_list("rol", "vier_ogen")) == [("teamleider", True)]
    response = client.post(
        reverse("beheer:voorziening_mandaat", args=[hbh.pk]), {"consulent": "geen", "teamleider": "geen"},
        follow=True,
    )  # fmt: skip
    assert "Geef ten minste één rol mandaat" in response.content.decode()
    assert Mandaat.objects.filter(voorziening=hbh).count() == 1


def test_zoeken_en_filteren(client, beheerder_a):
    _hbh(beheerder_a)
    catalogus.voorziening_aanmaken(
        door=beheerder_a, naam="Klussendienst", soort=VoorzieningSoort.ALGEMEEN, geldig_vanaf=date(2026, 1, 1),
        organisatie="Welzijn Kennemerland",
    )  # fmt: skip
    client.force_login(beheerder_a)
    maatwerk = client.get(reverse("beheer:catalogus"), {"soort": "maatwerk"}).content.decode()
    assert "Hulp bij het huishouden" in maatwerk and "Klussendienst" not in maatwerk
    gezocht = client.get(reverse("beheer:catalogus"), {"zoek": "welzijn"}).content.decode()
    assert "Klussendienst" in gezocht and "Hulp bij het huishouden" not in gezocht
    assert (
        "Hulp bij het huishouden"
        in client.get(reverse("beheer:catalogus"), {"zoek": "01A01"}).content.decode()
    )


def test_alleen_beheerders_van_een_uitvoeringsorganisatie(client, beheerder_a, rol_gebruiker):
    hbh = _hbh(beheerder_a)
    partner_beheerder = MedewerkerFactory(
        team=TeamFactory(organisatie=OrganisatieFactory(partner=True)), rollen=[Rol.FUNCTIONEEL_BEHEERDER]
    )
    consulent = rol_gebruiker(Rol.CONSULENT)
    for gebruiker in (partner_beheerder, consulent):
        client.force_login(gebruiker)
        assert client.get(reverse("beheer:catalogus")).status_code == 403
        assert client.get(reverse("beheer:voorziening", args=[hbh.pk])).status_code == 403
    client.force_login(beheerder_a)
    assert client.get(reverse("beheer:voorziening", args=[hbh.pk + 999])).status_code == 404
    start = client.get(reverse("beheer:start")).content.decode()
    assert reverse("beheer:catalogus") in start and reverse("beheer:aanbieders") in start


def test_paginas_binnen_hun_querybudget(client, beheerder_a, django_assert_max_num_queries):
    hbh = _hbh(beheerder_a)
    for i in range(10):
        _hbh(beheerder_a, naam=f"Product {i}")
    client.force_login(beheerder_a)
    for naam, args, budget in [
        ("beheer:catalogus", [], 10),
        ("beheer:voorziening", [hbh.pk], 17),
        ("beheer:voorziening_wijzigen", [hbh.pk], 12),
        ("beheer:voorziening_nieuwe_periode", [hbh.pk], 9),
        ("beheer:voorziening_beeindigen", [hbh.pk], 9),
        ("beheer:voorziening_aanmaken", [], 8),
    ]:
        with django_assert_max_num_queries(budget):
            assert client.get(reverse(naam, args=args)).status_code == 200, naam


def test_het_onderzoek_toont_de_sociale_kaart_en_houdt_een_beeindigde_keuze(consulent, team, beheerder_a):
    from gesprekken.constants import Trede
    from gesprekken.forms import ResultaatForm
    from gesprekken.services import voorzieningen_per_soort
    from tests.factories import MeldingFactory
    from tests.gesprekken.conftest import ladder_invullen, resultaat
    from tests.gesprekken.factories import OnderzoekFactory

    maaltijd = catalogus.voorziening_aanmaken(
        door=beheerder_a, naam="Maaltijdservice", soort=VoorzieningSoort.ALGEMEEN, geldig_vanaf=date(2026, 1, 1),
        organisatie="Maaltijd Thuis", kosten="€ 7,50 per maaltijd", resultaatgebieden=[3],
    )  # fmt: skip
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    onderzoek = OnderzoekFactory(melding=melding, door=consulent)
    r = resultaat(onderzoek)
    ladder_invullen(r, consulent, extra_velden={})
    r.treden.filter(trede=Trede.ALGEMENE_VOORZIENING).update(voorziening=maaltijd)
    veld = f"t{Trede.ALGEMENE_VOORZIENING}_voorziening"
    form = ResultaatForm(resultaat=r, voorzieningen=voorzieningen_per_soort())
    assert (str(maaltijd.pk), "Maaltijdservice (Maaltijd Thuis, € 7,50 per maaltijd)") in form.fields[
        veld
    ].choices
    catalogus.voorziening_beeindigen(door=beheerder_a, voorziening=maaltijd, tot=date(2026, 4, 6))
    form = ResultaatForm(resultaat=r, voorzieningen=voorzieningen_per_soort())
    assert form.fields[veld].choices[1:] == [
        (str(maaltijd.pk), "Maaltijdservice (niet meer in de catalogus)")
    ]
