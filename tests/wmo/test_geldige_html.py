"""Fast source checks that keep two kinds of invalid HTML out of new templates (the Nu Html Checker in
tests/html_validatie.py only sees pages a test renders), and the filters that write valid values."""

import importlib.util
import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django import forms

from wmo.templatetags.tijd import datetime_attr, is_iso_datum

ROOT = Path(__file__).resolve().parents[2]


def _data_hx():
    spec = importlib.util.spec_from_file_location("data_hx", ROOT / "scripts" / "data_hx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_geen_kale_hx_attributen():
    """htmx attributes are written data-hx-* (valid HTML; htmx reads both)."""
    data_hx = _data_hx()
    over = [
        pad.relative_to(ROOT).as_posix()
        for pad in data_hx.bestanden()
        if data_hx.omgezet(pad, tekst := pad.read_text(encoding="utf-8")) != tekst
    ]
    assert data_hx.bestanden(), "no templates found"
    assert not over, "bare hx-* attributes; run `python3 scripts/data_hx.py`:\n" + "\n".join(over)


def test_het_script_zet_alleen_attributen_om():
    data_hx = _data_hx()
    html = Path("x.html")
    assert (
        data_hx.omgezet(html, '<a href="?" hx-get="?" hx-push-url="true">{% if a %}hx-post="/"{% endif %}')
        == '<a href="?" data-hx-get="?" data-hx-push-url="true">{% if a %}data-hx-post="/"{% endif %}'
    )
    assert data_hx.omgezet(html, "{# no eval (hx-on, filters) #} data-hx-get=") == (
        "{# no eval (hx-on, filters) #} data-hx-get="
    )
    js = Path("x.js")
    assert data_hx.omgezet(js, 'q("form[hx-post]"); b.getAttribute("hx-headers"); "htmx:afterSwap"') == (
        'q("form[data-hx-post]"); b.getAttribute("data-hx-headers"); "htmx:afterSwap"'
    )


def test_geen_datetime_met_microseconden_in_templates():
    """|date:'c' writes microseconds; HTML allows at most three decimals: use |datetime_attr."""
    fout = [
        f"{pad.relative_to(ROOT)}"
        for pad in _data_hx().bestanden()
        if pad.suffix == ".html" and re.search(r"""\|date:["']c["']""", pad.read_text(encoding="utf-8"))
    ]
    assert not fout, "use |datetime_attr (wmo/templatetags/tijd.py) instead of |date:'c' in:\n" + "\n".join(
        fout
    )


def test_datetime_attr_in_hele_seconden_en_lokale_tijd():
    moment = datetime(2026, 4, 7, 12, 3, 12, 799498, tzinfo=ZoneInfo("UTC"))
    assert datetime_attr(moment) == "2026-04-07T14:03:12+02:00"
    assert datetime_attr(date(2026, 4, 7)) == "2026-04-07"
    assert datetime_attr(None) == ""


def test_is_iso_datum_zoals_html_hem_wil():
    assert is_iso_datum("2026-12-21")
    assert not is_iso_datum("21-12-2026")
    assert not is_iso_datum("2026-1-1")
    assert not is_iso_datum("2026-13-45")
    assert not is_iso_datum("<script>")
    assert not is_iso_datum(None)


def test_een_foute_datum_met_regeleinden_staat_op_een_regel_in_het_tekstveld():
    """A date typed with line breaks (hostile input, seen in CI's HTML check) comes back in a text
    field on one line: a line feed in a value attribute is invalid HTML."""
    from django import forms

    from wmo.forms import KeukentafelForm

    class DatumForm(KeukentafelForm):
        datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    form = DatumForm(data={"datum": "\r\n\t12-1\n2026"})
    assert not form.is_valid()
    html = str(form["datum"])
    assert 'type="text"' in html
    waarde = html.split('value="', 1)[1].split('"', 1)[0]
    assert "\n" not in waarde and "\r" not in waarde
    assert "12-1 2026" in waarde


def test_een_getalveld_met_tekst_toont_de_tekst_in_een_tekstveld():
    """ "veel" typed as the hours of mantelzorg comes back as typed, in a text field without min (an
    <input type="number"> cannot hold it: a browser empties it, and it is invalid HTML)."""
    from django import forms

    from wmo.forms import KeukentafelForm

    class UrenForm(KeukentafelForm):
        uren = forms.IntegerField(min_value=0)

    fout = str(UrenForm(data={"uren": "veel"})["uren"])
    assert 'type="text"' in fout and 'value="veel"' in fout and "min=" not in fout
    assert 'aria-invalid="true"' in fout
    goed = str(UrenForm(data={"uren": "-3"})["uren"])  # a number, only out of range: stays a number field
    assert 'type="number"' in goed and 'value="-3"' in goed and 'min="0"' in goed
    leeg = str(UrenForm()["uren"])
    assert 'type="number"' in leeg and "value=" not in leeg


@pytest.mark.parametrize(
    "widget",
    [
        forms.URLInput(),
        forms.EmailInput(),
        forms.TimeInput(attrs={"type": "time"}),
        forms.DateTimeInput(attrs={"type": "datetime-local"}),
    ],
    ids=["url", "email", "time", "datetime-local"],
)
def test_een_fout_getypte_waarde_in_een_veld_met_vorm_staat_in_een_tekstveld(widget):
    """ "2011AB" as the zaken API's URL (seen in CI's HTML check) comes back as typed, in a text field:
    in a type="url" (email, time, datetime-local) it is invalid HTML."""
    from wmo.forms import KeukentafelForm

    class VormForm(KeukentafelForm):
        waarde = forms.CharField(widget=widget)

    class Fout(VormForm):
        def clean_waarde(self):
            raise forms.ValidationError("Fout.")

    fout = Fout(data={"waarde": "2011AB"})
    assert not fout.is_valid()  # as a view does before it renders the form again
    html = str(fout["waarde"])
    assert 'type="text"' in html and 'value="2011AB"' in html and 'aria-invalid="true"' in html
    leeg = Fout(data={"waarde": ""})  # nothing typed: the field keeps its type
    assert not leeg.is_valid()
    leeg = str(leeg["waarde"])
    assert 'type="text"' not in leeg
    regels = Fout(data={"waarde": "\r\n\t20\n11AB"})  # hostile input seen in CI: on one line
    assert not regels.is_valid()
    assert "\n" not in str(regels["waarde"]).split('value="', 1)[1].split('"', 1)[0]
    goed = str(VormForm(data={"waarde": "12:30"})["waarde"])
    assert 'type="text"' not in goed


def test_een_tekstveld_toont_regeleinden_op_een_regel_ook_zonder_fout_en_uit_een_modelformulier():
    """A hostile client can post a line break into any one-line text field (a browser cannot), and a
    required field that is only "\\r\\n\\t" comes back with its error as typed: the value attribute
    must hold no line feed either way (invalid HTML; seen in CI's HTML check). Stored values with a
    line break inside (CharField only strips the ends) show on one line when the form is opened."""
    from wmo.forms import KeukentafelForm, KeukentafelModelForm
    from wmo.models import Gemeente

    class NaamForm(KeukentafelForm):
        naam = forms.CharField(max_length=40)

    verplicht = NaamForm(data={"naam": "\r\n\t"})
    assert not verplicht.is_valid()
    html = str(verplicht["naam"])
    assert 'aria-invalid="true"' in html and 'maxlength="40"' in html and "required" in html
    assert "\n" not in html.split('value="', 1)[1].split('"', 1)[0]
    binnen = NaamForm(initial={"naam": "Jan\nJansen"})
    assert 'value="Jan Jansen"' in str(binnen["naam"])

    class ZoekForm(KeukentafelForm):  # a TextInput made as a search or phone field keeps its type
        q = forms.CharField(widget=forms.TextInput(attrs={"type": "search"}))
        telefoon = forms.CharField(widget=forms.TextInput(attrs={"type": "tel"}))

    zoek = ZoekForm(data={"q": "Jan\r\nJansen", "telefoon": "\n"})
    assert not zoek.is_valid()
    assert 'type="search"' in str(zoek["q"]) and 'value="Jan Jansen"' in str(zoek["q"])
    assert 'type="tel"' in str(zoek["telefoon"]) and 'aria-invalid="true"' in str(zoek["telefoon"])

    class GemeenteForm(KeukentafelModelForm):
        class Meta:
            model = Gemeente
            fields = ["naam"]

    veld = GemeenteForm(instance=Gemeente(naam="Haar\r\nlem"))["naam"]
    assert 'value="Haar lem"' in str(veld) and veld.field.widget.attrs["class"].startswith("utrecht-textbox")
