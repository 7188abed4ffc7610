"""Beheer of gemeenten, the letterhead, the settings per gemeente, the organisation and its partners
(beheer.instellingen, beheer.views_gemeenten)."""

import io
import os
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from beheer import instellingen
from gesprekken.constants import TriageReden
from meldingen.constants import Kanaal
from meldingen.services import melding_registreren
from tests.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    MeldingFactory,
    OrganisatieFactory,
    TeamFactory,
    on_day,
)
from wmo.constants import Rol
from wmo.models import Briefhoofdlogo, Gemeente
from wmo.validators import contrast_op_wit

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(beheerder):
    return beheerder.organisatie.gemeenten.get()


@pytest.fixture
def ingelogd(client, beheerder):
    client.force_login(beheerder)
    return client


def _png(breedte=200, hoogte=80, kleur=(27, 58, 92), **save) -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), kleur).save(uit, format="PNG", **save)
    return uit.getvalue()


def _gegevens(gemeente: Gemeente, **anders) -> dict:
    return {veld: getattr(gemeente, veld) for veld in instellingen.GEGEVENS} | anders


def _instellingen(**anders) -> dict:
    data = {
        "verslag_telt_als_aanvraag": "on",
        "let_op_werkdagen": "5",
        "nazorg_weken": "6",
        "einddatum_signaal_weken": "8",
        "sessie_inactief_minuten": "15",
        "iwmo_start_signaal_werkdagen": "5",
    } | {f"triage_{r.value}": "on" for r in instellingen.TRIAGE_INSTELBAAR}
    return {k: v for k, v in (data | anders).items() if v is not None}


# --- Who may: only the beheerder of the execution organisation, only its own gemeenten -----------


def _urls(gemeente_pk, partner_pk=0):
    return [
        reverse("beheer:gemeenten"),
        reverse("beheer:gemeente_aanmaken"),
        reverse("beheer:gemeente", args=[gemeente_pk]),
        reverse("beheer:gemeente_gegevens", args=[gemeente_pk]),
        reverse("beheer:gemeente_instellingen", args=[gemeente_pk]),
        reverse("beheer:gemeente_logo", args=[gemeente_pk]),
        reverse("beheer:organisatie"),
    ]


@pytest.mark.parametrize(
    "rol", [Rol.CONSULENT, Rol.LOKETMEDEWERKER, Rol.TEAMLEIDER, Rol.PRIVACY_FUNCTIONARIS]
)
def test_andere_rollen_krijgen_403(client, rol_gebruiker, rol):
    user = rol_gebruiker(rol)
    client.force_login(user)
    for url in _urls(user.organisatie.gemeenten.get().pk):
        assert client.get(url).status_code == 403, url


def test_beheerder_van_een_partner_krijgt_403(client):
    partner = OrganisatieFactory(partner=True)
    user = MedewerkerFactory(team=TeamFactory(organisatie=partner), rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    client.force_login(user)
    for url in _urls(partner.gemeenten.get().pk):
        assert client.get(url).status_code == 403, url
    with pytest.raises(ValidationError):
        instellingen.gemeente_gegevens_wijzigen(door=user, gemeente=partner.gemeenten.get(), naam="X")


def test_een_gemeente_van_een_ander_is_404(ingelogd, beheerder):
    vreemd = GemeenteFactory(naam="Vreemd")
    for url in _urls(vreemd.pk)[2:6]:
        assert ingelogd.get(url).status_code == 404, url
    assert ingelogd.post(reverse("beheer:gemeente_logo_weghalen", args=[vreemd.pk])).status_code == 404
    assert ingelogd.post(reverse("beheer:gemeente_loslaten", args=[vreemd.pk])).status_code == 404
    assert "Vreemd" not in ingelogd.get(reverse("beheer:gemeenten")).content.decode()
    with pytest.raises(ValidationError):
        instellingen.gemeente_gegevens_wijzigen(door=beheerder, gemeente=vreemd, naam="Overgenomen")


def test_pagina_s_en_querybudget(ingelogd, gemeente, django_assert_max_num_queries):
    for url in _urls(gemeente.pk):
        with django_assert_max_num_queries(14):
            response = ingelogd.get(url)
        assert response.status_code == 200, url
        assert 'class="utrecht-heading-1"' in response.content.decode()


def test_het_menu_toont_de_secties(ingelogd):
    pagina = ingelogd.get(reverse("beheer:start")).content.decode()
    assert reverse("beheer:gemeenten") in pagina and reverse("beheer:organisatie") in pagina


# --- Details and letterhead -------------------------------------------------------------------


def test_gegevens_wijzigen_met_geschiedenis(ingelogd, beheerder, gemeente):
    url = reverse("beheer:gemeente_gegevens", args=[gemeente.pk])
    data = _gegevens(
        gemeente,
        retouradres="Postbus 511, 2003 PB Haarlem",
        ondertekening="namens het college van burgemeester en wethouders van Haarlem",
        huiskleur="#8a1538",
        bezwaar_digitaal="www.haarlem.nl/bezwaar",
    )
    assert ingelogd.post(url, data).status_code == 302
    gemeente.refresh_from_db()
    assert gemeente.retouradres == "Postbus 511, 2003 PB Haarlem"
    assert gemeente.huiskleur == "#8A1538"
    laatste = gemeente.history.first()
    assert laatste.history_user == beheerder
    assert "retouradres" in laatste.history_change_reason


@pytest.mark.parametrize(
    ("veld", "waarde", "bericht"),
    [
        ("cbs_code", "39", "precies 4 cijfers"),
        ("cbs_code", "03a2", "precies 4 cijfers"),
        ("huiskleur", "#FFD700", "te licht voor tekst op wit papier"),  # goud: 1,4 op 1
        ("huiskleur", "#777777", "te licht"),  # 4,48 op 1: net niet
        ("huiskleur", "red", "# met zes tekens"),
        ("huiskleur", "#1;}a{}", "# met zes tekens"),  # nothing but hex digits in the stylesheet
        ("naam", "", "Dit veld is verplicht"),
    ],
)
def test_foute_gegevens_met_nederlandse_melding_en_wat_getypt_is_blijft(
    ingelogd, gemeente, veld, waarde, bericht
):
    url = reverse("beheer:gemeente_gegevens", args=[gemeente.pk])
    response = ingelogd.post(url, _gegevens(gemeente, **{veld: waarde, "telefoon": "023 511 51 15"}))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(bericht in e for e in form.errors[veld]), form.errors
    html = response.content.decode()
    assert f'aria-describedby="id_{veld}_error' in html and 'aria-invalid="true"' in html
    assert 'value="023 511 51 15"' in html  # what the user typed stays
    gemeente.refresh_from_db()
    assert gemeente.telefoon != "023 511 51 15"


def test_contrast_volgens_wcag():
    assert round(contrast_op_wit("#000000"), 1) == 21.0
    assert round(contrast_op_wit("#767676"), 2) == 4.54  # the lightest grey that passes 4.5:1
    assert contrast_op_wit("#777777") < 4.5


def test_nieuwe_gemeente_gaat_naar_de_eigen_organisatie(ingelogd, beheerder, settings):
    settings.TERMIJN_LET_OP_WERKDAGEN = 3
    data = {
        "naam": "Bloemendaal",
        "cbs_code": "0377",
        "bezoekadres": "Bloemendaalseweg 158",
        "postadres": "Postbus 201",
        "postcode_plaats": "2050 AE Overveen",
        "telefoon": "14 023",
        "website": "www.bloemendaal.nl",
        "bezwaar_adres": "Het college van B en W, Postbus 201, 2050 AE Overveen",
    }
    response = ingelogd.post(reverse("beheer:gemeente_aanmaken"), data)
    nieuw = Gemeente.objects.get(naam="Bloemendaal")
    assert response.status_code == 302
    assert beheerder.organisatie.gemeenten.filter(pk=nieuw.pk).exists()
    assert nieuw.let_op_werkdagen == 3  # the setting is the default for a new gemeente
    dubbel = ingelogd.post(reverse("beheer:gemeente_aanmaken"), data | {"naam": "Anders"})
    assert dubbel.status_code == 200 and "cbs_code" in dubbel.context["form"].errors


# --- The logo: checked by its content ------------------------------------------------------------


def _upload(client, gemeente, inhoud: bytes, naam="logo.png", soort="image/png"):
    url = reverse("beheer:gemeente_logo", args=[gemeente.pk])
    return client.post(url, {"logo": SimpleUploadedFile(naam, inhoud, content_type=soort)})


def test_logo_png_wordt_opnieuw_gemaakt_zonder_metadata(ingelogd, gemeente, beheerder):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "geheime tekst in het bestand")
    response = _upload(ingelogd, gemeente, _png(1600, 400, pnginfo=info))
    assert response.status_code == 302
    logo = Briefhoofdlogo.objects.get(gemeente=gemeente)
    png = bytes(logo.png)
    assert png.startswith(b"\x89PNG") and b"geheime tekst" not in png
    assert (logo.breedte, logo.hoogte) == (800, 200)  # made smaller, same proportions
    with Image.open(io.BytesIO(png)) as beeld:
        assert beeld.size == (800, 200) and "Comment" not in beeld.info
    assert logo.history.first().history_user == beheerder


def test_logo_jpeg_zonder_exif(ingelogd, gemeente):
    exif = Image.Exif()
    exif[0x010E] = "geheime beschrijving"
    uit = io.BytesIO()
    Image.new("RGB", (300, 100), (200, 0, 0)).save(uit, format="JPEG", exif=exif.tobytes())
    assert b"geheime beschrijving" in uit.getvalue()
    assert _upload(ingelogd, gemeente, uit.getvalue(), naam="logo.jpg", soort="image/jpeg").status_code == 302
    png = bytes(Briefhoofdlogo.objects.get(gemeente=gemeente).png)
    assert png.startswith(b"\x89PNG") and b"geheime beschrijving" not in png


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>'


@pytest.mark.parametrize(
    ("inhoud", "naam", "soort"),
    [
        (b"Dit is gewoon tekst.\n", "logo.png", "image/png"),  # a renamed text file
        (SVG, "logo.svg", "image/svg+xml"),
        (SVG, "logo.png", "image/png"),
        (b"<!DOCTYPE html><html><body onload=alert(1)>", "logo.png", "image/png"),
        (b"\x89PNG\r\n\x1a\n" + b"kapot" * 20, "logo.png", "image/png"),  # a PNG header, then garbage
        (b"GIF89a" + b"\x00" * 40, "logo.gif", "image/gif"),
    ],
)
def test_geen_afbeelding_wordt_geweigerd(ingelogd, gemeente, inhoud, naam, soort):
    response = _upload(ingelogd, gemeente, inhoud, naam, soort)
    assert response.status_code == 200
    assert "geen PNG- of JPG-afbeelding" in " ".join(response.context["form"].errors["logo"])
    assert not Briefhoofdlogo.objects.filter(gemeente=gemeente).exists()


def test_te_groot_bestand_wordt_geweigerd(ingelogd, gemeente):
    ruis = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    uit = io.BytesIO()
    ruis.save(uit, format="PNG")
    assert len(uit.getvalue()) > instellingen.LOGO_MAX_BYTES
    response = _upload(ingelogd, gemeente, uit.getvalue())
    assert response.status_code == 200 and "groter dan 1 MB" in response.content.decode()
    assert not Briefhoofdlogo.objects.filter(gemeente=gemeente).exists()


def test_te_veel_pixels_wordt_geweigerd_voor_het_uitpakken():
    uit = io.BytesIO()
    Image.new("1", (4001, 4001)).save(uit, format="PNG")
    assert len(uit.getvalue()) < instellingen.LOGO_MAX_BYTES
    with pytest.raises(ValidationError, match="te veel pixels"):
        instellingen.logo_verwerken(uit.getvalue())


def test_logo_weghalen(ingelogd, gemeente):
    _upload(ingelogd, gemeente, _png())
    assert ingelogd.post(reverse("beheer:gemeente_logo_weghalen", args=[gemeente.pk])).status_code == 302
    assert not Briefhoofdlogo.objects.filter(gemeente=gemeente).exists()
    assert gemeente.logo_data_uri() == ""


# --- Settings per gemeente: bounds and storage -------------------------------------------------------


@pytest.mark.parametrize(
    ("veld", "waarde", "bericht"),
    [
        ("let_op_werkdagen", "0", "Kies een getal van 1 tot en met 20 werkdagen."),
        ("let_op_werkdagen", "21", "Kies een getal van 1 tot en met 20 werkdagen."),
        ("nazorg_weken", "27", "Kies een getal van 1 tot en met 26 weken."),
        ("einddatum_signaal_weken", "0", "Kies een getal van 1 tot en met 26 weken."),
        ("sessie_inactief_minuten", "4", "Kies een getal van 5 tot en met 60 minuten."),
        ("iwmo_start_signaal_werkdagen", "0", "Kies een getal van 1 tot en met 60 werkdagen."),
        ("sessie_inactief_minuten", "61", "Kies een getal van 5 tot en met 60 minuten."),
    ],
)
def test_instellingen_buiten_de_grenzen(ingelogd, gemeente, veld, waarde, bericht):
    response = ingelogd.post(
        reverse("beheer:gemeente_instellingen", args=[gemeente.pk]), _instellingen(**{veld: waarde})
    )
    assert response.status_code == 200
    assert bericht in response.context["form"].errors[veld]
    assert f'value="{waarde}"' in response.content.decode()


def test_instellingen_opslaan(ingelogd, gemeente, beheerder):
    url = reverse("beheer:gemeente_instellingen", args=[gemeente.pk])
    pagina = ingelogd.get(url).content.decode()
    assert "De inwoner wil geen gesprek" not in pagina.split("<form")[1]  # always allowed, no switch
    data = _instellingen(
        verslag_telt_als_aanvraag=None,
        let_op_werkdagen="3",
        nazorg_weken="10",
        einddatum_signaal_weken="12",
        sessie_inactief_minuten="10",
        iwmo_start_signaal_werkdagen="8",
        **{f"triage_{TriageReden.ENKELVOUDIG}": None},
    )
    assert ingelogd.post(url, data).status_code == 302
    gemeente.refresh_from_db()
    assert gemeente.iwmo_start_signaal_werkdagen == 8
    assert (gemeente.let_op_werkdagen, gemeente.nazorg_weken, gemeente.einddatum_signaal_weken) == (3, 10, 12)
    assert gemeente.sessie_inactief_minuten == 10 and not gemeente.verslag_telt_als_aanvraag
    assert gemeente.triage_uitgesloten == [TriageReden.ENKELVOUDIG]
    assert not gemeente.triage_toegestaan(TriageReden.ENKELVOUDIG)
    assert gemeente.triage_toegestaan(TriageReden.GESPREK_GEWEIGERD)
    assert gemeente.history.first().history_user == beheerder
    overzicht = ingelogd.get(reverse("beheer:gemeente", args=[gemeente.pk])).content.decode()
    assert "3 werkdagen voor de termijn" in overzicht and "10 weken nadat de hulp begint" in overzicht


def test_de_inwoner_wil_geen_gesprek_kan_niet_uit(beheerder, gemeente):
    instellingen.gemeente_instellingen_wijzigen(
        door=beheerder,
        gemeente=gemeente,
        verslag_telt_als_aanvraag=True,
        triage_toegestaan=[],
        let_op_werkdagen=5,
        nazorg_weken=6,
        einddatum_signaal_weken=8,
        sessie_inactief_minuten=15,
    )
    gemeente.refresh_from_db()
    assert gemeente.triage_toegestaan(TriageReden.GESPREK_GEWEIGERD)
    assert set(gemeente.triage_uitgesloten) == {r.value for r in instellingen.TRIAGE_INSTELBAAR}


# --- The organisation: its gemeenten -----------------------------------------------------------------


def test_gemeente_met_open_meldingen_kan_niet_weg(ingelogd, beheerder, gemeente):
    tweede = GemeenteFactory(naam="Zandvoort")
    beheerder.organisatie.gemeenten.add(tweede)
    MeldingFactory(team=beheerder.team, inwoner=InwonerFactory(gemeente=tweede))
    response = ingelogd.post(reverse("beheer:gemeente_loslaten", args=[tweede.pk]), follow=True)
    assert "nog 1 open melding in Zandvoort" in response.content.decode()
    assert beheerder.organisatie.gemeenten.filter(pk=tweede.pk).exists()


def test_gemeente_zonder_open_meldingen_weghalen(ingelogd, beheerder, gemeente):
    tweede = GemeenteFactory(naam="Zandvoort")
    beheerder.organisatie.gemeenten.add(tweede)
    assert ingelogd.post(reverse("beheer:gemeente_loslaten", args=[tweede.pk])).status_code == 302
    assert not beheerder.organisatie.gemeenten.filter(pk=tweede.pk).exists()
    assert ingelogd.get(reverse("beheer:gemeente", args=[tweede.pk])).status_code == 404
    enige = ingelogd.post(reverse("beheer:gemeente_loslaten", args=[gemeente.pk]), follow=True)
    assert "enige gemeente" in enige.content.decode()


def test_organisatienaam_wijzigen(ingelogd, beheerder):
    assert (
        ingelogd.post(reverse("beheer:organisatie"), {"naam": "Sociaal Domein Kennemerland"}).status_code
        == 302
    )
    beheerder.organisatie.refresh_from_db()
    assert beheerder.organisatie.naam == "Sociaal Domein Kennemerland"
    assert beheerder.organisatie.history.first().history_user == beheerder


# --- Partners: which gemeenten, and whether they register meldingen ----------------------------------


@pytest.fixture
def partner(gemeente):
    return OrganisatieFactory(partner=True, naam="Welzijn Kennemerland", gemeenten=[gemeente])


@pytest.fixture
def partner_loket(partner):
    team = TeamFactory(organisatie=partner)
    return MedewerkerFactory(team=team, rollen=[Rol.LOKETMEDEWERKER, Rol.CONSULENT])


def _registreren(door, gemeente):
    return melding_registreren(
        door=door,
        inwoner=InwonerFactory(gemeente=gemeente),
        team=door.team,
        ontvangen_op=on_day(date(2026, 4, 7)),
        kanaal=Kanaal.PARTNER,
        hulpvraag="Hulp bij het huishouden",
    )


def test_partner_registreert_niet_meer_voor_een_gemeente(
    ingelogd, partner, partner_loket, gemeente, beheerder
):
    assert _registreren(partner_loket, gemeente).pk  # today's behaviour: allowed
    pagina = ingelogd.get(reverse("beheer:organisatie")).content.decode()
    assert "Welzijn Kennemerland" in pagina
    url = reverse("beheer:partner", args=[partner.pk])
    assert ingelogd.post(url, {f"werkt_{gemeente.pk}": "on"}).status_code == 302
    assert partner.history.first().history_user == beheerder
    with pytest.raises(
        ValidationError, match=f"mag voor de gemeente {gemeente.naam} geen meldingen registreren"
    ):
        _registreren(partner_loket, gemeente)
    assert "(registreert geen meldingen)" in ingelogd.get(reverse("beheer:organisatie")).content.decode()
    # Switched on again: allowed again; the execution organisation itself is never limited.
    ingelogd.post(url, {f"werkt_{gemeente.pk}": "on", f"registreert_{gemeente.pk}": "on"})
    assert _registreren(partner_loket, gemeente).pk
    loket = MedewerkerFactory(team=beheerder.team, rollen=[Rol.LOKETMEDEWERKER])
    assert _registreren(loket, gemeente).pk


def test_partner_registreren_zonder_te_werken_kan_niet(ingelogd, partner, gemeente):
    response = ingelogd.post(
        reverse("beheer:partner", args=[partner.pk]), {f"registreert_{gemeente.pk}": "on"}
    )
    assert (
        response.status_code == 200
        and "alleen meldingen voor gemeenten waarvoor hij werkt" in response.content.decode()
    )


def test_partner_met_open_meldingen_blijft(ingelogd, partner, partner_loket, gemeente):
    _registreren(partner_loket, gemeente)
    response = ingelogd.post(reverse("beheer:partner", args=[partner.pk]), {})
    assert response.status_code == 200 and "nog 1 open melding" in response.content.decode()
    assert partner.gemeenten.filter(pk=gemeente.pk).exists()


def test_partner_loslaten_laat_andere_gemeenten_staan(ingelogd, partner, gemeente):
    elders = GemeenteFactory(naam="Elders")
    partner.gemeenten.add(elders)
    assert ingelogd.post(reverse("beheer:partner", args=[partner.pk]), {}).status_code == 302
    assert list(partner.gemeenten.all()) == [elders]
    assert ingelogd.get(reverse("beheer:partner", args=[partner.pk])).status_code == 404  # no longer ours


def test_partner_van_een_ander_is_404(ingelogd):
    vreemd = OrganisatieFactory(partner=True)
    assert ingelogd.get(reverse("beheer:partner", args=[vreemd.pk])).status_code == 404


def test_partnerpagina_querybudget(ingelogd, partner, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert ingelogd.get(reverse("beheer:partner", args=[partner.pk])).status_code == 200
