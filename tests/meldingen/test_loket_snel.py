"""The loket's fast path (issue 15): autofocus, defaults on the melding form, no Django "---------"
in Dutch choices, labels with a capital. The keyboard path itself: tests/browser/test_loket_in_browser.py."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django import forms
from django.urls import reverse

from gesprekken.forms import GesprekForm, VervolgafspraakForm
from meldingen.forms import InwonerForm, MeldingForm
from tests.factories import InwonerFactory, MeldingFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo.forms import LEEG_PROMPT, KeukentafelForm
from wmo.models import Gemeente, Medewerker, Team

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def inwoner(team):
    return InwonerFactory(gemeente=team.organisatie.gemeenten.first())


def test_melding_form_standaard_nu_telefoon_eigen_team(client, loket, inwoner):
    # 23:30 UTC is already the next day in Amsterdam: "now" is Amsterdam's date and time.
    with time_machine.travel(datetime(2026, 4, 6, 23, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        client.force_login(loket)
        response = client.get(reverse("meldingen:melding_registreren", args=[inwoner.pk]))
    form = response.context["form"]
    assert form["kanaal"].value() == "telefoon"
    assert form["team"].value() == loket.team_id
    assert form["ontvangen_datum"].value().isoformat() == "2026-04-07"
    assert form["ontvangen_tijd"].value() == "01:30"
    assert not form.ontvangen_anders  # the date and time fields stay closed
    html = response.content.decode()
    assert "Ontvangen: vandaag om 01:30 uur." in html
    assert '<details class="kt-ontvangen">' in html
    assert 'aria-keyshortcuts="Control+Enter"' in html
    assert html.index('id="id_hulpvraag"') < html.index('id="id_ontvangen_datum"')
    assert "autofocus" in str(form["hulpvraag"])


def test_melding_form_andere_dag_blijft_open_na_fout(client, loket, inwoner):
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]),
        {"ontvangen_datum": "2026-01-05", "ontvangen_tijd": "09:30", "kanaal": "balie", "hulpvraag": ""},
    )
    form = response.context["form"]
    assert form.errors["hulpvraag"]
    assert form.ontvangen_anders
    html = response.content.decode()
    assert '<details class="kt-ontvangen" open>' in html
    assert 'value="2026-01-05"' in html and 'value="09:30"' in html
    # One autofocus only: the error summary (the hulpvraag gets none after an error).
    assert html.split("<dialog")[0].count("autofocus") == 1  # (the session dialog has its own)


def test_zoekveld_heeft_autofocus_en_nieuwe_melding_staat_voorop(client, loket, inwoner):
    client.force_login(loket)
    response = client.get(reverse("meldingen:inwoner_zoeken"), {"q": inwoner.achternaam})
    html = response.content.decode()
    assert 'id="id_q" autofocus' in html or ("autofocus" in str(response.context["form"]["q"]))
    assert f'Nieuwe melding<span class="kt-visually-hidden"> voor {inwoner.naam}</span>' in html


def test_inloggen_en_code_hebben_autofocus(client):
    html = client.get(reverse("login")).content.decode()
    assert 'id="id_username" autocomplete="username" required autofocus' in html


def test_geen_streepjes_en_labels_met_hoofdletter(client, loket, inwoner):
    client.force_login(loket)
    for url in (
        reverse("meldingen:inwoner_registreren"),
        reverse("meldingen:melding_registreren", args=[inwoner.pk]),
    ):
        html = client.get(url).content.decode()
        assert "---------" not in html, url
    form = InwonerForm(gemeenten=Gemeente.objects.all())
    for naam, veld in form.fields.items():
        assert str(veld.label)[0].isupper(), naam
    vervolg = VervolgafspraakForm(medewerkers=Medewerker.objects.all())
    assert vervolg.fields["eigenaar"].empty_label == "Geen medewerker"
    melding = MeldingForm(teams=Team.objects.all(), consulenten=Medewerker.objects.all())
    assert "---------" not in str(melding["consulent"])


def test_django_leeg_wordt_nederlandse_vraag():
    class Voorbeeld(KeukentafelForm):
        wie = forms.ModelChoiceField(queryset=Medewerker.objects.none(), required=False)
        wat = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])

    form = Voorbeeld()
    assert form.fields["wie"].empty_label == LEEG_PROMPT
    assert form.fields["wat"].choices[0] == ("", LEEG_PROMPT)


def test_gesprek_plannen_consulent_is_standaard_wie_plant(client, team, consulent):
    melding = MeldingFactory(team=team, consulent=None, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(consulent)
    response = client.get(reverse("gesprekken:gesprek_plannen", args=[melding.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["consulent"].value() == consulent.pk
    html = response.content.decode()
    assert "---------" not in html
    assert isinstance(form, GesprekForm)


def test_onderzoek_zonder_streepjes(client, team, consulent):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    OnderzoekFactory(melding=melding, door=consulent)
    client.force_login(consulent)
    response = client.get(reverse("gesprekken:onderzoek", args=[melding.pk]))
    assert response.status_code == 200
    assert "---------" not in response.content.decode()


def test_tijdzone_is_amsterdam(settings):
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert AMSTERDAM.key == settings.TIME_ZONE
