"""Registering a melding through the real views, for each role; bad input keeps what was typed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.constants import MeldingStatus
from meldingen.models import Inwoner, Melding
from tests.factories import InwonerFactory, MeldingFactory
from wmo import termijnen
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


def geldige_post(**extra):
    data = {
        "ontvangen_datum": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "ontvangen_tijd": "10:30",
        "kanaal": "telefoon",
        "hulpvraag": "Ik kan niet meer zelf douchen en ben bang om te vallen.",
        "melder": "inwoner",
    }
    data.update(extra)
    return data


@pytest.fixture
def inwoner(team):
    inw = InwonerFactory()
    team.organisatie.gemeenten.add(inw.gemeente)
    return inw


def test_loketmedewerker_registreert_melding(client, loket, inwoner, team):
    client.force_login(loket)
    url = reverse("meldingen:melding_registreren", args=[inwoner.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, geldige_post(team=team.pk))
    melding = Melding.objects.get(inwoner=inwoner)
    assert response.status_code == 302
    assert response["Location"] == reverse("meldingen:melding", args=[melding.pk])
    ontvangen = timezone.localdate() - timedelta(days=2)
    assert melding.status == MeldingStatus.ONTVANGEN
    assert melding.onderzoek_deadline == termijnen.onderzoek_deadline(ontvangen)
    assert melding.plan_deadline == termijnen.persoonlijk_plan_deadline(ontvangen)
    assert melding.consulent is None  # waits in the team queue
    assert melding.history.get().history_user == loket


def test_melding_met_consulent_en_melder_namens_inwoner(client, loket, inwoner, team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    client.force_login(loket)
    post = geldige_post(
        team=team.pk, consulent=consulent.pk, melder="ander", melder_naam="Anja de Vries",
        melder_relatie="kind", melder_telefoon="06 11 22 33 44", toestemming_inwoner="ja",
        spoed="on", spoed_reden="Komt morgen uit het ziekenhuis.",
    )  # fmt: skip
    response = client.post(reverse("meldingen:melding_registreren", args=[inwoner.pk]), post)
    assert response.status_code == 302
    melding = Melding.objects.get(inwoner=inwoner)
    assert (melding.consulent, melding.melder_naam, melding.toestemming_inwoner, melding.spoed) == (
        consulent,
        "Anja de Vries",
        True,
        True,
    )


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        (
            {"ontvangen_datum": "overmorgen"},  # filled in below: parameters are made before the clock is set
            "ontvangen_datum",
            "niet in de toekomst",
        ),
        ({"hulpvraag": ""}, "hulpvraag", "woorden van de inwoner"),
        ({"hulpvraag": "   "}, "hulpvraag", "woorden van de inwoner"),
        (
            {"melder": "ander", "melder_naam": "Kees", "toestemming_inwoner": "ja"},
            "melder_relatie",
            "relatie van de melder",
        ),
        (
            {"melder": "ander", "melder_naam": "Kees", "melder_relatie": "kind"},
            "toestemming_inwoner",
            "toestemming",
        ),
        ({"spoed": "on"}, "spoed_reden", "waarom dit spoed"),
        ({"ontvangen_datum": "31-02-2026"}, "ontvangen_datum", "geldige datum"),
    ],
)
def test_foute_invoer_geeft_melding_bij_het_veld_en_houdt_invoer(
    client, loket, inwoner, team, wijziging, veld, tekst
):
    client.force_login(loket)
    if wijziging.get("ontvangen_datum") == "overmorgen":
        wijziging = {"ontvangen_datum": (timezone.localdate() + timedelta(days=2)).isoformat()}
    post = geldige_post(team=team.pk, **wijziging)
    post["hulpvraag"] = wijziging.get("hulpvraag", "Mijn eigen woorden blijven staan")
    response = client.post(reverse("meldingen:melding_registreren", args=[inwoner.pk]), post)
    assert response.status_code == 200
    assert not Melding.objects.exists()
    form = response.context["form"]
    assert tekst in " ".join(form.errors[veld]).lower() or tekst in " ".join(form.errors[veld])
    html = response.content.decode()
    assert f'id="id_{veld}_error"' in html
    if veld not in ("toestemming_inwoner",):
        assert f'aria-describedby="id_{veld}_error' in html
    if post["hulpvraag"].strip():
        assert post["hulpvraag"] in html  # what the user typed is kept


def test_tweede_open_melding_alleen_met_bevestiging_en_reden(client, loket, inwoner, team):
    MeldingFactory(inwoner=inwoner, team=team)
    client.force_login(loket)
    url = reverse("meldingen:melding_registreren", args=[inwoner.pk])
    response = client.post(url, geldige_post(team=team.pk))
    assert response.status_code == 200
    assert "al een open melding" in " ".join(response.context["form"].errors["tweede_melding_bevestigd"])
    response = client.post(url, geldige_post(team=team.pk, tweede_melding_bevestigd="on"))
    assert "waarom" in " ".join(response.context["form"].errors["tweede_melding_reden"])
    assert Melding.objects.filter(inwoner=inwoner).count() == 1
    response = client.post(
        url,
        geldige_post(
            team=team.pk,
            tweede_melding_bevestigd="on",
            tweede_melding_reden="Aparte vraag over vervoer.",
        ),
    )
    assert response.status_code == 302
    assert Melding.objects.filter(inwoner=inwoner).count() == 2


def test_afgesloten_melding_telt_niet_als_open(client, loket, inwoner, team):
    from meldingen.services import melding_afsluiten

    melding_afsluiten(melding=MeldingFactory(inwoner=inwoner, team=team), door=loket, reden="geen_wmo")
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]), geldige_post(team=team.pk)
    )
    assert response.status_code == 302


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.TEAMLEIDER, Rol.FUNCTIONEEL_BEHEERDER])
def test_andere_rollen_registreren_geen_melding(client, rol_gebruiker, inwoner, team, rol):
    client.force_login(rol_gebruiker(rol))
    response = client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]), geldige_post(team=team.pk)
    )
    assert response.status_code == 403
    assert not Melding.objects.exists()


def test_inwoner_registreren_met_fout_bsn(client, loket, team):
    client.force_login(loket)
    gemeente = team.organisatie.gemeenten.first()
    data = {
        "bsn": "123456789", "voornamen": "Truus", "achternaam": "Vermeulen", "geboortedatum": "12-03-1941",
        "straat": "Kleverparkweg", "huisnummer": "41", "postcode": "2023 cb", "woonplaats": "Haarlem", "geslacht": "2",
        "gemeente": gemeente.pk, "contactvoorkeur": "telefoon",
    }  # fmt: skip
    response = client.post(reverse("meldingen:inwoner_registreren"), data)
    assert response.status_code == 200
    assert "elfproef" in " ".join(response.context["form"].errors["bsn"])
    assert 'value="Vermeulen"' in response.content.decode()
    data["bsn"] = "111222333"
    response = client.post(reverse("meldingen:inwoner_registreren"), data)
    inwoner = Inwoner.objects.get(bsn="111222333")
    assert inwoner.postcode == "2023CB" and inwoner.geboortedatum == date(1941, 3, 12)
    assert response["Location"] == reverse("meldingen:melding_registreren", args=[inwoner.pk])
    response = client.post(reverse("meldingen:inwoner_registreren"), data)
    assert "al een inwoner met dit BSN" in " ".join(response.context["form"].errors["bsn"])


def test_inwoner_in_andere_gemeente_kan_niet(client, loket):
    client.force_login(loket)
    vreemd = InwonerFactory()  # gemeente not served by the loket's organisation
    assert client.get(reverse("meldingen:melding_registreren", args=[vreemd.pk])).status_code == 404


def test_alle_fouten_tegelijk_met_overzicht(client, loket, inwoner, team):
    """A future date is reported even when other fields are wrong too, with a linked summary."""
    client.force_login(loket)
    post = geldige_post(
        team=team.pk, hulpvraag="", ontvangen_datum=(timezone.localdate() + timedelta(days=1)).isoformat()
    )
    response = client.post(reverse("meldingen:melding_registreren", args=[inwoner.pk]), post)
    errors = response.context["form"].errors
    assert set(errors) >= {"hulpvraag", "ontvangen_datum"}
    html = response.content.decode()
    assert 'href="#id_hulpvraag"' in html and 'href="#id_ontvangen_datum"' in html
