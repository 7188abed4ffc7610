"""The form templates a field renders through, written out in Python: the same HTML, far cheaper.

Every form field renders ``templates/forms/field.html`` and its widget's template
(``django/forms/widgets/textarea.html``, ``select.html`` with ``select_option.html`` per option,
``attrs.html`` per tag). The onderzoek page has about 340 fields (8 resultaatgebieden of some 40
fields, the algemeen part, the vervolgafspraak); rendering those templates was most of the
page's time: 1 user p50 179 ms against a floor of 16 ms at 1M (issue 14). ``wmo.forms.FormRenderer``
asks ``render()`` here first, so every form of the app gets the same markup the cheap way.

- Django's widget templates: only the stock ones, and only while the project does not override
  them. A template the project puts in ``templates/django/forms/widgets/`` (such as ``date.html``)
  resolves to the project's file and renders through it, as before. A context this module does
  not know (a callable attribute, an option template of its own) renders through the template.
- ``forms/field.html`` stays the reference for our field markup; ``field_group_html`` is its
  twin. tests/wmo/test_form_html.py renders every branch both ways and compares the bytes, so a
  change to field.html that is not made here too fails there.
"""

import html
from pathlib import Path

import django.forms
from django.forms.boundfield import BoundField
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

STOCK_DIR = Path(django.forms.__file__).parent / "templates" / "django" / "forms" / "widgets"
INPUT = "django/forms/widgets/input.html"
INCLUDES_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
INCLUDES_INPUT_OPTION = '{% include "django/forms/widgets/input_option.html" %}\n'

# What {{ value }} does to a value in an autoescaping template (localize, str, escape).
_CONTEXT = Context(autoescape=True)


class NotHandled(Exception):
    """This context is not one the stock template is written out for: render the template."""


def _text(value) -> str:
    """``{{ value }}``: localized, made a string and escaped unless it is marked safe."""
    if type(value) is str:
        return html.escape(value)  # what django.utils.html.escape does, without its lazy wrapper
    if isinstance(value, Promise):
        value = str(value)  # a lazy translation: not a date or number, localize leaves it as it is
        if type(value) is str:
            return html.escape(value)
    if isinstance(value, str):
        return conditional_escape(value)
    if callable(value):
        raise NotHandled
    return render_value_in_context(value, _CONTEXT)


def _stringformat(value) -> str:
    """``{{ value|stringformat:'s' }}``: formatted with %s (no localisation), then escaped."""
    if callable(value):
        raise NotHandled
    if type(value) is str:
        return html.escape(value)
    try:
        text = "%s" % value  # noqa: UP031 (exactly what the stringformat filter does)
    except (ValueError, TypeError):
        return ""
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)


def attrs_html(attrs: dict) -> str:
    """attrs.html: `` name="value"`` per attribute, `` name`` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if callable(name):
            raise NotHandled
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f' {_text(name)}="{_stringformat(value)}"')
    return "".join(parts)


def input_html(w: dict) -> str:
    """input.html, with its closing newline (it matters where another template includes it)."""
    value = w["value"]
    if callable(value):
        raise NotHandled
    waarde = f' value="{_stringformat(value)}"' if value != None else ""  # noqa: E711 (the template's !=)
    return f'<input type="{_text(w["type"])}" name="{_text(w["name"])}"{waarde}{attrs_html(w["attrs"])}>\n'


def input_option_html(w: dict) -> str:
    """input_option.html (radio_option.html and checkbox_option.html include it)."""
    if not w.get("wrap_label"):
        return input_html(w)
    id_ = w["attrs"].get("id")
    voor = f' for="{_text(id_)}"' if id_ else ""
    return f"<label{voor}>{input_html(w)} {_text(w['label'])}</label>\n"


def textarea_html(w: dict) -> str:
    value = w["value"]
    if callable(value):
        raise NotHandled
    inhoud = _text(value) if value else ""
    return f'<textarea name="{_text(w["name"])}"{attrs_html(w["attrs"])}>\n{inhoud}</textarea>\n'


def select_option_html(w: dict) -> str:
    return (
        f'<option value="{_stringformat(w["value"])}"{attrs_html(w["attrs"])}>{_text(w["label"])}</option>\n'
    )


def select_html(w: dict) -> str:
    parts = [f'<select name="{_text(w["name"])}"{attrs_html(w["attrs"])}>']
    for group_name, group_choices, _index in w["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option.get("template_name") != "django/forms/widgets/select_option.html":
                raise NotHandled
            parts.append("\n  ")
            parts.append(select_option_html(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


# --- templates/forms/field.html ----------------------------------------------------------------

_OPTIONEEL = ' <span class="optioneel">(niet verplicht)</span>'


def _optioneel(field) -> str:
    """``{% if not field.field.required and not field.field.voorwaardelijk %}``."""
    return "" if field.field.required or getattr(field.field, "voorwaardelijk", False) else _OPTIONEEL


def _help_en_fouten(field, auto_id: str, errors) -> str:
    """The help text and error lines every branch of field.html shares."""
    regels = "  "
    if field.help_text:
        regels += f'<div class="utrecht-form-field-description" id="{auto_id}_helptext">{_text(field.help_text)}</div>'
    regels += "\n  "
    if errors:
        fouten = "".join(f"{_text(e)} " for e in errors)
        regels += f'<div class="utrecht-form-field-error-message" id="{auto_id}_error">{fouten}</div>'
    return regels + "\n"


def field_group_html(field) -> str:
    """templates/forms/field.html for one bound field, stripped as a renderer returns it."""
    widget_type = field.widget_type
    errors = field.errors
    auto_id = _text(field.auto_id)
    label = _text(field.label)
    if widget_type == "checkbox":
        return (
            f'<div class="utrecht-form-field utrecht-form-field--checkbox{" utrecht-form-field--invalid" if errors else ""}">\n'
            f'  <div class="utrecht-form-field__input">{_text(str(field))}</div>\n'
            '  <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">'
            f'<label class="utrecht-form-label utrecht-form-label--checkbox" for="{auto_id}">{label}</label></div>\n'
            f"{_help_en_fouten(field, auto_id, errors)}"
            "</div>"
        )
    if widget_type in ("radioselect", "checkboxselectmultiple"):
        if widget_type == "radioselect":
            soort, extra_label = "radio", ""
        else:
            soort, extra_label = "checkbox", " utrecht-form-field__label--checkbox"
        keuzes = "".join(
            f'<div class="utrecht-form-field utrecht-form-field--{soort}"><div class="utrecht-form-field__input">'
            f"{_text(keuze.tag())}</div>"
            f'<div class="utrecht-form-field__label{extra_label}"><label class="utrecht-form-label '
            f'utrecht-form-label--{soort}" for="{_text(keuze.id_for_label)}">{_text(keuze.choice_label)}</label>'
            "</div></div>"
            for keuze in field
        )
        invalid = " utrecht-form-fieldset--invalid" if errors else ""
        describedby = f'aria-describedby="{auto_id}_error"' if errors else ""
        return (
            f'<fieldset class="utrecht-form-fieldset{invalid}" {describedby}>\n'
            f'  <legend class="utrecht-form-fieldset__legend">{label}{_optioneel(field)}</legend>\n'
            f"{_help_en_fouten(field, auto_id, errors)}"
            f"  {keuzes}\n"
            "</fieldset>"
        )
    teller = ""
    if widget_type == "textarea" and (max_length := getattr(field.field, "max_length", None)):
        teller = (
            f'<div class="utrecht-form-field-description kt-teller" id="{auto_id}_teller" aria-live="polite" '
            f'data-teller-voor="{auto_id}">Niet meer dan {_text(max_length)} tekens.</div>'
        )
    return (
        f'<div class="utrecht-form-field utrecht-form-field--text{" utrecht-form-field--invalid" if errors else ""}">\n'
        f'  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="{auto_id}">'
        f"{label}{_optioneel(field)}</label></div>\n"
        f"{_help_en_fouten(field, auto_id, errors)}"
        f'  <div class="utrecht-form-field__input">{_text(str(field))}</div>\n'
        f"  {teller}\n"
        "</div>"
    )


class FormTemplates:
    """The written-out templates a renderer uses instead of loading field.html and the widgets'."""

    def __init__(self, get_template, field_template_name: str):
        self._get_template = get_template
        self._field_template_name = field_template_name
        self._stock: dict[str, bool] = {}
        self._handlers = {
            "django/forms/widgets/textarea.html": textarea_html,
            "django/forms/widgets/select.html": select_html,
            "django/forms/widgets/select_option.html": select_option_html,
            INPUT: input_html,
            "django/forms/widgets/input_option.html": input_option_html,
        }
        for pad in STOCK_DIR.glob("*.html"):
            naam = f"django/forms/widgets/{pad.name}"
            bron = pad.read_text()
            if bron == INCLUDES_INPUT:
                self._handlers[naam] = input_html
            elif bron == INCLUDES_INPUT_OPTION:
                self._handlers[naam] = input_option_html
        # What each handler relies on besides its own template.
        self._needs = {
            textarea_html: ("django/forms/widgets/attrs.html",),
            select_html: ("django/forms/widgets/attrs.html", "django/forms/widgets/select_option.html"),
            select_option_html: ("django/forms/widgets/attrs.html",),
            input_html: ("django/forms/widgets/attrs.html", INPUT),
            input_option_html: (
                "django/forms/widgets/attrs.html",
                INPUT,
                "django/forms/widgets/input_option.html",
            ),
        }

    def _is_stock(self, template_name: str) -> bool:
        """Does this name load Django's own file (not a project override)? Checked once per name."""
        if template_name not in self._stock:
            origin = Path(self._get_template(template_name).origin.name)
            self._stock[template_name] = origin == STOCK_DIR / Path(template_name).name
        return self._stock[template_name]

    def _field_group(self, context: dict) -> str | None:
        field = context.get("field")
        if context.keys() != {"field"} or not isinstance(field, BoundField):
            return None
        return field_group_html(field)

    def render(self, template_name: str, context: dict) -> str | None:
        """The field's or widget's HTML (stripped, as a renderer returns it), or None: render the template."""
        if template_name == self._field_template_name:
            return self._field_group(context)
        handler = self._handlers.get(template_name)
        if handler is None or context.keys() != {"widget"}:
            return None
        if not all(self._is_stock(naam) for naam in (template_name, *self._needs[handler])):
            return None
        try:
            return handler(context["widget"]).strip()
        except (NotHandled, KeyError):
            return None
