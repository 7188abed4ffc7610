"""Choosing the catalogue types in beheer from the gemeente's Catalogi API, and the check on saving
(zgw.catalogi, zgw.services.koppeling_opslaan, zgw.views.koppeling).

The Catalogi API is outside our control: tests/zgw/nepzaaksysteem.py serves it (Catalogi API 1.x:
paginated lists with the specification's filters, a GET per object, the JWT checked with PyJWT).
The tests assert what Keukentafel asks (path, query, token claims), what the beheerder sees, and
what happens when the Catalogi API is down or slow. Nothing of ours is faked.
"""

import re

import pytest
from django.urls import reverse

from zgw.models import ZgwKoppeling

from .conftest import CLIENT_ID, SECRET, catalogus_vullen, koppeling_met_catalogus

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(zaaksysteem, monkeypatch):
    monkeypatch.setenv("KT_ZGW_TEST_SECRET", SECRET)
    return catalogus_vullen(zaaksysteem)


def _post(velden: dict, **wijzig) -> dict:
    data = velden | wijzig
    return {k: ("on" if v is True else v) for k, v in data.items() if v is not False}


def _opties(html: str, veld: str) -> list[tuple[str, str]]:
    """The (value, label) of each option of the select named ``veld``."""
    select = re.search(rf'<select name="{veld}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"{veld} is not a list"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def _gekozen(html: str, veld: str) -> str:
    select = re.search(rf'<select name="{veld}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="([^"]*)" selected>', select).group(1)


def test_typen_ophalen_in_twee_stappen(
    client, beheerder, gemeente, zaaksysteem, urls, django_assert_max_num_queries
):
    client.force_login(beheerder)
    pagina = reverse("zgw_beheer:koppeling", args=[gemeente.pk])
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    leeg = dict.fromkeys([n for n in velden if n.startswith(("zaaktype", "statustype", "roltype"))], "")
    leeg |= {"informatieobjecttype": "", "besluittype": ""}

    # Step 1: no zaaktype yet; the lists of the catalogus.
    with django_assert_max_num_queries(12):
        antwoord = client.post(pagina, _post(velden, actie="ophalen", **leeg))
    assert antwoord.status_code == 200
    html = antwoord.text
    assert _opties(html, "zaaktype") == [
        ("", "Kies een type"),
        (urls["melding"], "Wmo-melding (WMO-MELDING, geldig vanaf 1 januari 2026)"),
        (urls["spoed"], "Wmo-melding spoed (WMO-SPOED)"),
    ]  # no concept, nothing of another catalogus
    assert _opties(html, "zaaktype_spoed")[0] == ("", "Geen")
    assert _opties(html, "informatieobjecttype") == [("", "Kies een type"), (urls["brief"], "Brief Wmo")]
    assert [label for _url, label in _opties(html, "besluittype")] == [
        "Kies een type",
        "Los besluit",
        "Wmo-beschikking",
    ]
    assert '<select name="statustype_ontvangen"' not in html  # they depend on the zaaktype
    assert "Kies eerst het zaaktype voor een melding" in html
    assert not ZgwKoppeling.objects.exists()

    gevraagd = zaaksysteem.catalogi_verzoeken()
    assert [(v["methode"], v["pad"], v["query"]) for v in gevraagd] == [
        (
            "GET",
            f"/catalogi/api/v1/{resource}",
            {"catalogus": urls["catalogus"], "status": "definitief"},
        )
        for resource in ("zaaktypen", "informatieobjecttypen", "besluittypen")
    ]
    for verzoek in gevraagd:
        assert verzoek["jwt_header"] == {"alg": "HS256", "typ": "JWT"}
        assert verzoek["claims"]["iss"] == verzoek["claims"]["client_id"] == CLIENT_ID
        assert verzoek["claims"]["user_id"] == beheerder.get_username()
        assert verzoek["claims"]["user_representation"] == beheerder.get_full_name()

    # Step 2: with the zaaktype chosen, its statustypen (in order) and its initiator roltypen.
    zaaksysteem.verzoeken.clear()
    antwoord = client.post(pagina, _post(velden, actie="ophalen", **(leeg | {"zaaktype": urls["melding"]})))
    html = antwoord.text
    assert _gekozen(html, "zaaktype") == urls["melding"]
    assert _opties(html, "statustype_ontvangen") == [
        ("", "Geen"),
        *[
            (urls[f"status_{i}"], f"{i}. {naam}")
            for i, naam in enumerate(
                (
                    "Ontvangen",
                    "In onderzoek",
                    "Verslag verstuurd",
                    "Aanvraag ontvangen",
                    "Besloten",
                    "Afgesloten",
                ),
                1,
            )
        ],
    ]
    assert _opties(html, "roltype_initiator") == [("", "Kies een type"), (urls["initiator"], "Inwoner")]
    assert "De statustypen en roltypen zijn die van het zaaktype ‘Wmo-melding’" in html
    laatste = zaaksysteem.catalogi_verzoeken()[-2:]
    assert [(v["pad"], v["query"]) for v in laatste] == [
        ("/catalogi/api/v1/statustypen", {"zaaktype": urls["melding"]}),
        ("/catalogi/api/v1/roltypen", {"zaaktype": urls["melding"], "omschrijvingGeneriek": "initiator"}),
    ]

    # What the lists post is saved as the URLs, and checked.
    antwoord = client.post(pagina, _post(velden, actie="opslaan"))
    assert antwoord.status_code == 302
    koppeling = ZgwKoppeling.objects.get(gemeente=gemeente)
    assert koppeling.statustype_besloten == urls["status_5"] and koppeling.catalogi_api == zaaksysteem.api(
        "catalogi"
    )
    assert koppeling.history.get().catalogus == urls["catalogus"]


def test_alle_paginas_worden_gelezen(client, beheerder, gemeente, zaaksysteem, urls):
    zaaksysteem.pagina_grootte = 1
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden, actie="ophalen", catalogus="")
    ).text
    # Without a catalogus: every definitive zaaktype, over four pages.
    assert len(_opties(html, "zaaktype")) == 1 + 3
    assert len(_opties(html, "statustype_besloten")) == 1 + 6
    zaaktypen = [v["query"] for v in zaaksysteem.catalogi_verzoeken() if v["pad"].endswith("/zaaktypen")]
    assert zaaktypen == [{"status": "definitief"}] + [
        {"status": "definitief", "page": str(n)} for n in (2, 3)
    ]


def test_een_waarde_buiten_de_lijst_blijft_staan(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(velden, actie="ophalen", besluittype="https://elders.example/besluittypen/oud"),
    ).text
    assert _opties(html, "besluittype")[-1] == (
        "https://elders.example/besluittypen/oud",
        "Niet in de lijst: https://elders.example/besluittypen/oud",
    )
    assert _gekozen(html, "besluittype") == "https://elders.example/besluittypen/oud"


def test_typen_die_niet_bij_het_zaaktype_horen(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    fout = {
        "zaaktype_spoed": urls["concept"],
        "zaaktype_herindicatie": urls["parkeren"],
        "statustype_besloten": urls["status_parkeren"],
        "informatieobjecttype": urls["foto"],
        "besluittype": urls["los_besluit"],
        "roltype_initiator": urls["behandelaar"],
    }
    antwoord = client.post(reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden, **fout))
    assert antwoord.status_code == 200
    html = antwoord.text
    assert "De koppeling is nog niet opgeslagen" in html
    assert "Het zaaktype ‘Wmo-melding nieuw’ is nog een concept" in html
    assert "Dit zaaktype hoort bij een andere catalogus dan de catalogus die hierboven staat" in html
    assert "Dit statustype hoort niet bij het zaaktype ‘Wmo-melding’" in html
    assert "Dit informatieobjecttype hoort niet bij het zaaktype ‘Wmo-melding’" in html
    assert "Dit besluittype hoort niet bij het zaaktype ‘Wmo-melding’" in html
    assert "Dit roltype is niet voor de initiator" in html
    for naam, url in fout.items():  # kept as typed, each error linked to its field
        assert f'value="{url}"' in html
        assert f'href="#id_{naam}"' in html and f'aria-describedby="id_{naam}_error' in html
    # The lists are shown again, each refused value selected as it was.
    assert _gekozen(html, "roltype_initiator") == urls["behandelaar"]
    assert (urls["initiator"], "Inwoner") in _opties(html, "roltype_initiator")
    assert _gekozen(html, "informatieobjecttype") == urls["foto"]
    assert not ZgwKoppeling.objects.exists()


def test_roltype_van_een_ander_zaaktype_en_een_verzonnen_adres(
    client, beheerder, gemeente, zaaksysteem, urls
):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(
            velden,
            roltype_initiator=urls["initiator_parkeren"],
            zaaktype_spoed=f"{zaaksysteem.api('catalogi')}zaaktypen/bestaat-niet",
            zaaktype_herindicatie="https://ergens-anders.example/zaaktypen/1",
        ),
    ).text
    assert "Dit roltype hoort niet bij het zaaktype ‘Wmo-melding’" in html
    assert "Dit zaaktype bestaat niet in de Catalogi API" in html
    assert "Dit adres hoort niet bij de Catalogi API die hierboven staat" in html
    # The token only goes to the configured APIs: the other address was not asked.
    assert not [v for v in zaaksysteem.verzoeken if "ergens-anders" in v["pad"]]
    assert not ZgwKoppeling.objects.exists()


def test_een_ander_zaaktype_voor_spoed_moet_dezelfde_typen_kennen(
    client, beheerder, gemeente, zaaksysteem, urls
):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden, zaaktype_spoed=urls["spoed"])
    ).text
    assert "Het zaaktype ‘Wmo-melding spoed’ kent niet alle typen hieronder (statustype ‘Ontvangen’" in html
    assert "roltype voor de inwoner (initiator)): het zaaksysteem zou die bij deze zaken weigeren" in html
    assert 'href="#id_zaaktype_spoed"' in html
    assert not ZgwKoppeling.objects.exists()


def test_het_zaaktype_zelf_bestaat_niet(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(velden, zaaktype=f"{zaaksysteem.api('catalogi')}zaaktypen/tikfout"),
    ).text
    assert "Dit zaaktype bestaat niet in de Catalogi API" in html
    assert not ZgwKoppeling.objects.exists()


def test_goede_typen_worden_gecontroleerd_en_opgeslagen(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    antwoord = client.post(reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden), follow=True)
    assert "De koppeling met het zaaksysteem van Haarlem is opgeslagen" in antwoord.text
    assert "niet gecontroleerd" not in antwoord.text
    assert sorted(v["pad"] for v in zaaksysteem.catalogi_verzoeken()) == sorted(
        "/" + u.removeprefix(zaaksysteem.basis + "/")
        for u in (urls["melding"], urls["initiator"])  # the herindicatie zaaktype is the same one: read once
    )
    assert all(v["claims"]["client_id"] == CLIENT_ID for v in zaaksysteem.catalogi_verzoeken())
    assert ZgwKoppeling.objects.get().roltype_initiator == urls["initiator"]


def test_uitgeschakelde_koppeling_wordt_niet_gecontroleerd(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    antwoord = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(velden, actief=False, roltype_initiator=urls["behandelaar"]),
    )
    assert antwoord.status_code == 302 and not zaaksysteem.catalogi_verzoeken()


@pytest.mark.parametrize("storing", ["503", "traag"])
def test_catalogi_plat_of_traag_dan_opgeslagen_zoals_ingevuld(
    client, beheerder, gemeente, zaaksysteem, urls, storing
):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls) | {"timeout_seconden": 1}
    if storing == "503":
        zaaksysteem.storing = True
    else:
        zaaksysteem.vertraging = 1.5
    antwoord = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(velden, roltype_initiator=urls["behandelaar"]),  # wrong, but it cannot be checked
        follow=True,
    )
    assert antwoord.status_code == 200
    assert "De typen zijn niet gecontroleerd, want de Catalogi API gaf geen antwoord" in antwoord.text
    assert "De koppeling is opgeslagen zoals u de adressen invulde" in antwoord.text
    reden = "HTTP 503" if storing == "503" else "antwoordde niet binnen 1 seconden"
    assert reden in antwoord.text
    assert ZgwKoppeling.objects.get().roltype_initiator == urls["behandelaar"]


def test_ophalen_als_catalogi_plat_is(client, beheerder, gemeente, zaaksysteem, urls):
    zaaksysteem.storing = True
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    antwoord = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]),
        _post(velden, actie="ophalen", bronorganisatie=""),
    )
    assert antwoord.status_code == 200
    html = antwoord.text
    assert "De typen zijn niet opgehaald. Er is niets opgeslagen." in html
    assert (
        "De typen zijn niet opgehaald. Het zaaksysteem weigerde GET /catalogi/api/v1/zaaktypen: HTTP 503"
        in html
    )
    assert 'aria-describedby="id_catalogi_api_error' in html
    assert f'value="{urls["initiator"]}"' in html  # what was typed stays, as text
    assert "RSIN" not in re.search(r'id="foutmeldingen".*?</div></div>', html, re.S).group(0)
    assert not ZgwKoppeling.objects.exists()


def test_ophalen_zonder_adres_of_geheim(client, beheerder, gemeente, zaaksysteem, urls, monkeypatch):
    client.force_login(beheerder)
    pagina = reverse("zgw_beheer:koppeling", args=[gemeente.pk])
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(pagina, _post(velden, actie="ophalen", catalogi_api="")).text
    assert 'href="#id_catalogi_api"' in html and "De typen zijn niet opgehaald" in html
    monkeypatch.delenv("KT_ZGW_TEST_SECRET")
    html = client.post(pagina, _post(velden, actie="ophalen")).text
    assert "zet KT_ZGW_TEST_SECRET in de omgeving van de server" in html
    assert not zaaksysteem.verzoeken


def test_de_wijziging_staat_in_de_geschiedenis_van_beheer(client, beheerder, gemeente, zaaksysteem, urls):
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    pagina = reverse("zgw_beheer:koppeling", args=[gemeente.pk])
    assert client.post(pagina, _post(velden, catalogi_api="", catalogus="")).status_code == 302
    assert client.post(pagina, _post(velden)).status_code == 302
    html = client.get(reverse("beheer:wijzigingen"), {"soort": "zaaksysteem"}).text
    assert "Zaaksysteem van Haarlem" in html
    assert "Adres van de Catalogi API" in html and zaaksysteem.api("catalogi") in html


def test_zonder_scope_catalogi_lezen(client, beheerder, gemeente, zaaksysteem, urls):
    zaaksysteem.secret = "een ander geheim dan dat van Keukentafel"  # the zaaksysteem answers 403
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden, actie="ophalen")
    ).text
    assert "HTTP 403" in html and "Geef Keukentafel in het zaaksysteem de scope catalogi.lezen." in html


def test_next_naar_een_ander_adres_krijgt_geen_token(client, beheerder, gemeente, zaaksysteem, urls):
    zaaksysteem.pagina_grootte = 1
    zaaksysteem.volgende_basis = "http://127.0.0.2:9"  # not a configured API
    client.force_login(beheerder)
    velden = koppeling_met_catalogus(zaaksysteem, urls)
    html = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post(velden, actie="ophalen")
    ).text
    assert "De typen zijn niet opgehaald. Het zaaksysteem noemde een adres buiten de ingestelde API" in html
    assert len(zaaksysteem.catalogi_verzoeken()) == 1
