"""Dates far away (31-12-9999, 01-01-0001, 29-02-2027): a Dutch message before any deadline is computed.

The deadline engine refuses a date outside its range with TermijnBuitenBereik (a ValueError
with a message for the user), never an OverflowError; every date field of every form is bound
to a range (wmo.validators.DatumBereik, the choices in meldingen.forms).
"""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from aanvragen.forms import AanvraagForm, VerdagenForm
from gesprekken.forms import GesprekForm
from meldingen.forms import InwonerForm, MeldingForm
from tests.factories import MeldingFactory
from wmo import termijnen
from wmo.actions import call_for_form
from wmo.forms import KeukentafelForm
from wmo.models import Gemeente, Medewerker, Team
from wmo.validators import DatumBereik, _years_from

VER_WEG = ["31-12-9999", "9999-12-31", "01-01-0001", "0001-01-01"]


@pytest.mark.parametrize("d", [date(9999, 12, 31), date(1, 1, 1), date(1899, 12, 31), date(2200, 1, 1)])
@pytest.mark.parametrize(
    "termijn",
    [
        termijnen.persoonlijk_plan_deadline,
        termijnen.onderzoek_deadline,
        termijnen.beslis_deadline,
        termijnen.bezwaar_deadline,
    ],
)
def test_termijn_buiten_bereik_is_een_domeinfout(termijn, d):
    with pytest.raises(termijnen.TermijnBuitenBereik, match="Vul een datum in tussen 1900 en 2199"):
        termijn(d)


def test_opschorting_buiten_bereik_is_een_domeinfout():
    with pytest.raises(termijnen.TermijnBuitenBereik):
        termijnen.beslis_deadline(date(2026, 4, 21), [(date(2026, 4, 23), date(9999, 12, 31))])


def test_randen_van_het_bereik_rekenen_nog():
    assert termijnen.onderzoek_deadline(termijnen.EERSTE_DATUM) > termijnen.EERSTE_DATUM
    assert termijnen.atw_verlengen(date(2199, 11, 1), date(2199, 12, 1)) >= date(2199, 12, 1)


def test_de_fout_van_de_rekenmachine_komt_bij_het_formulier():
    class Form(KeukentafelForm):
        pass

    form = Form({})
    form.is_valid()
    assert call_for_form(form, termijnen.onderzoek_deadline, ontvangen=date(9999, 12, 31)) is None
    assert "tussen 1900 en 2199" in str(form.non_field_errors())


def test_29_februari_valt_terug_op_28():
    assert _years_from(date(2028, 2, 29), -1) == date(2027, 2, 28)
    assert _years_from(date(2028, 2, 29), 4) == date(2032, 2, 29)


@time_machine.travel(datetime(2026, 6, 15, 12, tzinfo=timezone.get_default_timezone()))
def test_datumbereik_berichten():
    bereik = DatumBereik(jaren_terug=2, niet_in_toekomst=True)
    assert bereik.grenzen() == (date(2024, 6, 15), date(2026, 6, 15))
    bereik(date(2026, 6, 15))
    with pytest.raises(Exception, match="kan niet in de toekomst liggen. Vul vandaag \\(15 juni 2026\\)"):
        bereik(date(2026, 6, 16))
    with pytest.raises(Exception, match="te ver terug. Vul een datum in vanaf 15 juni 2024"):
        bereik(date(2024, 6, 14))
    with pytest.raises(Exception, match="te ver vooruit. Vul een datum in tot en met 31 december 2099"):
        DatumBereik()(date(2100, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize("waarde", [*VER_WEG, "29-02-2027", "2027-02-29"])
def test_elk_datumveld_weigert_ver_weg(waarde):
    """Every date field of these forms: an error on the field, in Dutch, and no exception."""
    geen = Medewerker.objects.none()
    formulieren = [
        (InwonerForm, {"gemeenten": Gemeente.objects.none()}, ["geboortedatum"]),
        (MeldingForm, {"teams": Team.objects.none(), "consulenten": geen}, ["ontvangen_datum"]),
        (GesprekForm, {"consulenten": geen}, ["gepland_op"]),
        (AanvraagForm, {}, ["ontvangen_op"]),
        (VerdagenForm, {}, ["verwachte_datum"]),
    ]
    for form_class, kwargs, velden in formulieren:
        leeg = form_class(**kwargs)
        data = {leeg.add_prefix(v): waarde for v in velden}
        if form_class is GesprekForm:
            data = {k: f"{v} 10:00" for k, v in data.items()}
        form = form_class(data, **kwargs)
        assert not form.is_valid()
        for veld in velden:
            fout = " ".join(form.errors[veld])
            assert "geldige" in fout or "te ver" in fout or "toekomst" in fout, (form_class, veld, fout)


@pytest.mark.django_db
@pytest.mark.parametrize("waarde", VER_WEG)
def test_aanvraag_op_31_12_9999_geeft_een_melding_geen_500(client, team, consulent, waarde):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    client.force_login(consulent)
    url = reverse("aanvragen:aanvraag_registreren", args=[melding.pk])
    response = client.post(url, {"ontvangen_op": waarde, "grondslag": "na_onderzoek"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "te ver" in html or "toekomst" in html
    assert f'value="{waarde}"' in html  # what was typed is kept


@pytest.mark.django_db
def test_geboortedatum_voor_1900_geweigerd(client, loket):
    client.force_login(loket)
    response = client.post(reverse("meldingen:inwoner_registreren"), {"geboortedatum": "31-12-1899"})
    assert "Deze datum ligt te ver terug. Vul een datum in vanaf 1 januari 1900." in response.content.decode()
