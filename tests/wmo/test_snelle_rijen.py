"""The cheap rows of issue 14 write the same HTML as what they replace (wmo.rijen, SnelleSelect)."""

from datetime import date, datetime

import pytest
from django import forms
from django.template import engines
from django.utils import timezone, translation

from meldingen.constants import MeldingStatus
from wmo.forms import SnelleSelect
from wmo.rijen import datum_tekst, termijn_html, url_per_pk

KEUZES = [
    ("", "Wachtrij van het team"),
    (1, 'Jan <Jansen> & "zoon"'),
    ("Groep 'A'", [(2, "Piet"), (3, "Klaas")]),
    (4, "Marie"),
]


class Formulier(forms.Form):
    gewoon = forms.ChoiceField(choices=KEUZES, required=False, widget=forms.Select(attrs={"class": "x"}))
    snel = forms.ChoiceField(choices=KEUZES, required=False, widget=SnelleSelect(attrs={"class": "x"}))


@pytest.mark.parametrize("waarde", ["", "1", "3", "99"])
def test_snelle_select_schrijft_dezelfde_html_als_django(waarde):
    form = Formulier({"gewoon": waarde, "snel": waarde})
    gewoon, snel = str(form["gewoon"]).replace("gewoon", "X"), str(form["snel"]).replace("snel", "X")
    assert snel == gewoon
    assert snel.count("<option") == 5 and '<optgroup label="Groep &#x27;A&#x27;">' in snel
    assert "&lt;Jansen&gt; &amp; &quot;zoon&quot;" in snel


# The deadline markup as the include wrote it before it called the tag (issue 14).
OUD = engines["django"].from_string(
    '<span class="kt-termijn kt-termijn--{{ status }}"><time datetime="{{ datum|date:\'Y-m-d\' }}">'
    '{{ datum|date }}</time>{% if status == "verlopen" %} (verlopen){% elif status == "let_op" %}'
    ' (let op){% elif status == "gehaald" %} (gehaald){% elif status == "te_laat_gehaald" %}'
    " (te laat gehaald){% endif %}</span>"
)


@pytest.mark.parametrize("status", ["verlopen", "let_op", "op_schema", "gehaald", "te_laat_gehaald", None])
@pytest.mark.parametrize("datum", [date(2026, 1, 1), date(2026, 12, 31), None])
def test_termijn_schrijft_wat_de_include_schreef(datum, status):
    with translation.override("nl"):
        assert termijn_html(datum, status) == OUD.render({"datum": datum, "status": status})


def test_datum_tekst_is_de_date_filter():
    moment = timezone.make_aware(datetime(2026, 3, 29, 1, 30))
    tekst = engines["django"].from_string('{{ d|date }}|{{ d|date:"j F Y" }}')
    with translation.override("nl"):
        for d in (date(2026, 5, 1), moment, None):
            assert f"{datum_tekst(d)}|{datum_tekst(d, 'j F Y')}" == tekst.render({"d": d})
        assert datum_tekst(date(2026, 5, 1)) == "1 mei 2026"


def test_url_per_pk_is_reverse():
    from django.urls import reverse

    assert url_per_pk("meldingen:melding")(42) == reverse("meldingen:melding", args=[42])


# The werkvoorraad's row as the partial wrote it before the {% werkvoorraad_rij %} tag (issue 14).
OUDE_RIJ = engines["django"].from_string(
    """{% load tijd %}
<tr id="rij-{{ melding.pk }}">{% if toewijzen_form %}
  <td><input type="radio" name="melding" value="{{ melding.pk }}" form="toewijzen" aria-label="Kies {{ melding.kenmerk }}"{% if melding.gekozen %} checked{% endif %}{% if melding_fout %} aria-describedby="id_melding_error"{% endif %}></td>{% endif %}
  <td><a class="utrecht-link" href="{{ melding.url }}">{{ melding.kenmerk }}</a>{% if melding.spoed %} <span class="kt-badge kt-badge--spoed">Spoed</span>{% endif %}</td>
  <td><a class="utrecht-link" href="{{ melding.dossier_url }}">{{ melding.inwoner.naam }}</a><br><small>{{ melding.gemeente.naam }}</small></td>
  <td>{{ melding.get_status_display }}</td>
  <td>{% termijn melding.onderzoek_deadline melding.termijnstatus %}</td>
  <td>{% if oppakken and not melding.consulent_id and melding.team_id == user.team_id %}
    <form class="kt-inline-form" method="post" action="{{ melding.oppakken_url }}">
      <input type="hidden" name="csrfmiddlewaretoken" value="{{ csrf_token }}"><input type="hidden" name="volgende" value="{{ werkvoorraad_url }}">
      <button class="utrecht-button utrecht-button--secondary-action" type="submit" id="oppakken-{{ melding.pk }}" aria-label="{{ melding.kenmerk }} oppakken">Oppakken</button>
    </form>
  {% else %}{{ melding.consulent|default:"Wachtrij" }}{% endif %}</td>
</tr>
"""
)
NIEUWE_RIJ = engines["django"].from_string("{% load werkvoorraad %}{% werkvoorraad_rij melding %}")


@pytest.mark.django_db
@pytest.mark.parametrize("toewijzen", [True, False])
@pytest.mark.parametrize("oppakken", [True, False])
@pytest.mark.parametrize("fout", [True, False])
def test_werkvoorraad_rij_schrijft_wat_de_partial_schreef(team, rol_gebruiker, toewijzen, oppakken, fout):
    from meldingen.models import Melding
    from meldingen.query import WerkvoorraadRij
    from meldingen.views import _rijen_klaarmaken
    from tests.factories import InwonerFactory, MeldingFactory

    consulent = rol_gebruiker("consulent")
    gemeente = team.organisatie.gemeenten.first()
    inwoner = InwonerFactory(gemeente=gemeente, voornamen="<b>Jan</b> & Piet", achternaam='O"Brien')
    MeldingFactory(team=team, inwoner=inwoner)
    MeldingFactory(
        team=team, inwoner__gemeente=gemeente, consulent=consulent, spoed=True, spoed_reden="Valt vaak."
    )
    meldingen = list(Melding.objects.filter(team=team).voor_lijst())
    rijen = WerkvoorraadRij.lezen(Melding.objects.filter(team=team).voor_werkvoorraad())
    assert [r.pk for r in rijen] == [m.pk for m in meldingen]
    _rijen_klaarmaken(meldingen, gekozen=str(meldingen[0].pk))
    _rijen_klaarmaken(rijen, gekozen=str(meldingen[0].pk))
    for melding, rij in zip(meldingen, rijen, strict=True):
        context = {
            "melding": melding,
            "toewijzen_form": object() if toewijzen else None,
            "oppakken": oppakken,
            "melding_fout": fout,
            "user": consulent,
            "csrf_token": "<token>",
            "werkvoorraad_url": "/?pagina=2&x=<y>",
        }
        for status in MeldingStatus.values:  # every status label (not saved: only shown)
            melding.status = rij.status = status
            with translation.override("nl"):
                assert NIEUWE_RIJ.render({**context, "melding": rij}) == OUDE_RIJ.render(context)
