"""wmo.form_html gives exactly the HTML of the templates it stands in for (issue 14).

Every case renders twice: with the project's FormRenderer (field.html and Django's widget
templates in Python) and with the same renderer forced through the templates. The bytes must be
equal, for every widget the app uses, with values that need escaping, with errors, help texts,
counters and radio buttons, and for the real forms of the onderzoek page. A change to
templates/forms/field.html that wmo.form_html.field_group_html does not follow fails here.
"""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from gesprekken.forms import OnderzoekForm, ResultaatForm, VervolgafspraakForm
from gesprekken.models import ResultaatOnderzoek
from gesprekken.services import voorzieningen_per_soort
from tests.gesprekken.factories import OnderzoekFactory
from wmo.forms import FormRenderer, KeukentafelForm
from wmo.models import Medewerker


class AlleenTemplates(FormRenderer):
    """The project's renderer without the Python path: every field and widget through its template."""

    def render(self, template_name, context, request=None):
        return TemplatesSetting.render(self, template_name, context, request=request)


VREEMD = "<b>Tom & \"Jerry\"</b> 'x'"


class AllesForm(KeukentafelForm):
    tekst = forms.CharField(label=_("Naam"), help_text=VREEMD)
    optioneel = forms.CharField(label="Optioneel <i>", required=False)
    getal = forms.IntegerField(label="Aantal", required=False, min_value=0)
    email = forms.EmailField(label="E-mail", required=False)
    geheim = forms.CharField(widget=forms.PasswordInput, required=False)
    verborgen = forms.IntegerField(widget=forms.HiddenInput, required=False)
    datum_tijd = forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"), required=False
    )
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    lang = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}), required=False)
    kort = forms.CharField(max_length=80, widget=forms.Textarea(attrs={"rows": 3, "disabled": True}))
    vinkje = forms.BooleanField(label="Akkoord", required=False, help_text="Met <hulp>")
    keuze = forms.ChoiceField(
        choices=[("", "—"), ("a", "A & B"), (1, "Een"), ("<x>", mark_safe("<em>veilig</em>"))], required=False
    )
    groepen = forms.ChoiceField(
        choices=[
            ("Fruit", [("appel", "Appel"), ("peer", "Peer")]),
            ("los", "Los"),
            ("Groente <1>", [("ui", "Ui")]),
        ]
    )
    radio = forms.ChoiceField(
        label="Hoe?", choices=[("", "Nog niet"), ("ja", "Ja"), ("nee", "Nee & zo")], widget=forms.RadioSelect
    )
    vakjes = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y <y>")], widget=forms.CheckboxSelectMultiple, required=False
    )
    voorwaardelijk = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorwaardelijk"].voorwaardelijk = True
        self.fields["radio"].help_text = "Kies er een"
        self.fields["getal"].widget.attrs.update(
            {"data-leeg": None, "data-aan": True, "data-uit": False, "min": 0}
        )


LEEG = {}
INGEVULD = {
    "tekst": VREEMD,
    "optioneel": "\n  met regels\n",
    "getal": "7",
    "email": "a@b.nl",
    "geheim": "x",
    "verborgen": "12",
    "datum_tijd": "2026-12-03T10:30",
    "datum": "2026-12-03",
    "lang": "Regel 1\r\nRegel <2> & 'drie'",
    "kort": "k",
    "vinkje": "on",
    "keuze": "<x>",
    "groepen": "peer",
    "radio": "nee",
    "vakjes": ["x", "y"],
    "voorwaardelijk": "",
}
FOUT = {
    **INGEVULD,
    "tekst": "",
    "getal": "-1",
    "email": "geen",
    "radio": "misschien",
    "vakjes": ["z"],
    "datum": "3-12",
}


def _paren(maak):
    """(Python, templates) for every field group and for the whole form."""
    snel, traag = maak(FormRenderer()), maak(AlleenTemplates())
    assert snel.renderer.in_python and not isinstance(snel.renderer, AlleenTemplates)
    paren = [(str(snel[naam].as_field_group()), str(traag[naam].as_field_group())) for naam in snel.fields]
    paren += [(str(snel[naam]), str(traag[naam])) for naam in snel.fields]
    paren.append((str(snel), str(traag)))
    return paren


@pytest.mark.parametrize("data", [None, LEEG, INGEVULD, FOUT], ids=["nieuw", "leeg", "ingevuld", "fouten"])
def test_alle_widgets_gelijk(data):
    def maak(renderer):
        form = AllesForm(data, renderer=renderer, initial={"tekst": "Begin & eind", "vinkje": True})
        if data is not None:
            form.is_valid()
        return form

    for snel, traag in _paren(maak):
        assert snel == traag


def test_eigen_datumwidget_blijft_het_template():
    """templates/django/forms/widgets/date.html is the project's: it renders through the template."""
    renderer = FormRenderer()
    context = forms.DateInput(attrs={"type": "date"}).get_context("d", "3-12", {})
    assert renderer.in_python.render("django/forms/widgets/date.html", context) is None
    assert renderer.in_python.render("django/forms/widgets/text.html", context) is not None
    widget = forms.DateInput(attrs={"type": "date"})
    html = widget.render("d", "3-12", renderer=renderer)
    assert html == widget.render("d", "3-12", renderer=AlleenTemplates())
    assert html.startswith('<input type="text" name="d" value="3-12"')


def test_callable_attribuut_via_template():
    renderer = FormRenderer()
    context = forms.TextInput(attrs={"data-x": lambda: "y"}).get_context("t", "v", {})
    assert renderer.in_python.render("django/forms/widgets/text.html", context) is None


@pytest.mark.django_db
def test_formulieren_van_het_onderzoek_gelijk(team, consulent):
    from tests.factories import MeldingFactory

    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    onderzoek = OnderzoekFactory(melding=melding, door=consulent)
    voorzieningen = voorzieningen_per_soort()
    resultaat = ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).prefetch_related("treden").first()
    fout = {f"r{resultaat.gebied}-versie": "x", f"r{resultaat.gebied}-wat_lukt": "<x>" * 2000}
    makers = [
        lambda r: OnderzoekForm(instance=onderzoek, prefix="algemeen", renderer=r),
        lambda r: ResultaatForm(resultaat=resultaat, voorzieningen=voorzieningen, renderer=r),
        lambda r: VervolgafspraakForm(
            medewerkers=Medewerker.objects.filter(pk=consulent.pk),
            initial={"eigenaar": consulent.pk},
            renderer=r,
        ),
    ]
    for maak in makers:
        for snel, traag in _paren(maak):
            assert snel == traag

    def fout_form(r):
        form = ResultaatForm(fout, resultaat=resultaat, voorzieningen=voorzieningen, renderer=r)
        assert not form.is_valid()
        return form

    for snel, traag in _paren(fout_form):
        assert snel == traag
