"""Form rendering in NL Design System (Utrecht) markup, with errors linked to their fields."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from .form_html import FormTemplates
from .validators import DatumBereik


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    @cached_property
    def in_python(self) -> FormTemplates:
        return FormTemplates(self.get_template, self.field_template_name)

    def render(self, template_name, context, request=None):
        """field.html and Django's widget templates in Python (wmo.form_html: the same HTML, issue 14)."""
        if request is None and (html := self.in_python.render(template_name, context)) is not None:
            return html
        return super().render(template_name, context, request=request)


WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
}


class SnelleSelect(forms.Select):
    """``forms.Select`` with its options written in Python instead of two template includes per
    option: the same HTML as Django's ``select.html``/``select_option.html``. For long lists on
    pages that must be quick (issue 14: the werkvoorraad's list of every consulent)."""

    template_name = "forms/widgets/snelle_select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["opties"] = self.opties_html(context["widget"]["optgroups"])
        return context

    def opties_html(self, optgroups) -> SafeString:
        """What ``select.html`` writes between ``<select>`` and ``</select>``, escaped alike."""
        delen = []
        for groep, opties, _index in optgroups:
            if groep:
                delen.append(format_html('\n  <optgroup label="{}">', groep))
            for optie in opties:
                delen.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',  # select_option.html ends in a newline
                        optie["value"],
                        _attrs_html(optie["attrs"]),
                        optie["label"],
                    )
                )
            if groep:
                delen.append("\n  </optgroup>")
        return mark_safe("".join(delen))


def _attrs_html(attrs: dict) -> SafeString:
    """Django's ``attrs.html``: `` name="value"``, a bare `` name`` for True, nothing for False."""
    return mark_safe(
        "".join(
            f" {conditional_escape(naam)}"
            if waarde is True
            else f' {conditional_escape(naam)}="{conditional_escape(waarde)}"'
            for naam, waarde in attrs.items()
            if waarde is not False
        )
    )


# Django's empty choice; in a Dutch form it says nothing. Replaced by a prompt (issue 15).
DJANGO_LEEG = "---------"
LEEG_PROMPT = "Maak een keuze"


class EenRegelInput(forms.TextInput):
    """A text field showing its value on one line: line breaks are invalid in a value attribute
    (and a browser strips them from a one-line field anyway)."""

    def format_value(self, value):
        waarde = super().format_value(value)
        return None if waarde is None else " ".join(str(waarde).splitlines())

    @classmethod
    def van(cls, widget, attrs: dict | None = None) -> "EenRegelInput":
        """This widget in the place of ``widget``, with its attributes and flags and its input type
        (a TextInput made with type="search" or "tel" keeps it); with ``attrs``: those, as a text field."""
        nieuw = cls(attrs=dict(widget.attrs if attrs is None else attrs))
        nieuw.is_required, nieuw.is_localized = widget.is_required, widget.is_localized
        if attrs is None:
            nieuw.input_type = widget.input_type
        return nieuw


class KeukentafelFormMixin:
    """Base for every form: Utrecht classes on widgets; fields with an error get aria-invalid and a link
    (aria-describedby) to their error message, so screen readers read the error with the field."""

    # Field name -> its DatumBereik; every other date field gets the general range (wmo.validators).
    datum_bereik: dict[str, DatumBereik] = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if type(field.widget) is forms.TextInput:
                # Every one-line text field shows its value on one line, also what a hostile
                # client typed with line breaks (invalid in a value attribute).
                field.widget = EenRegelInput.van(field.widget)
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators = [
                    *(v for v in field.validators if not isinstance(v, DatumBereik)),
                    self.datum_bereik.get(name) or DatumBereik(),
                ]
            css = next(
                (c for w, c in WIDGET_CLASSES.items() if isinstance(field.widget, w)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            field.widget.attrs.setdefault("class", css)
            self._geen_streepjes(field)
            if field.label:
                # Model verbose names are lower case ("postcode"); a label starts with a capital.
                # Translated once here, not again at every use (a page renders hundreds: issue 14).
                field.label = capfirst(str(field.label))

    @staticmethod
    def _geen_streepjes(field) -> None:
        """Django's "---------" empty choice becomes a Dutch prompt (a form may set a better one)."""
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DJANGO_LEEG:
                field.empty_label = LEEG_PROMPT
        elif isinstance(field, forms.ChoiceField) and isinstance(field.choices, list):
            keuzes = list(field.choices)
            if any(label == DJANGO_LEEG for _waarde, label in keuzes):
                field.choices = [(w, LEEG_PROMPT if label == DJANGO_LEEG else label) for w, label in keuzes]

    def full_clean(self):
        super().full_clean()
        self.full_clean_aria()

    @staticmethod
    def teller_id(field, bound) -> str | None:
        """The id of the character counter under a textarea with a maximum (forms/field.html,
        static/js/tekenteller.js), which describes the field."""
        if isinstance(field.widget, forms.Textarea) and getattr(field, "max_length", None):
            return f"{bound.auto_id}_teller"
        return None

    def __getitem__(self, name):
        bound = super().__getitem__(name)
        field = self.fields[name]
        if (teller := self.teller_id(field, bound)) and "aria-describedby" not in field.widget.attrs:
            field.widget.attrs["aria-describedby"] = teller
        return bound

    @property
    def velden_met_fout(self) -> list:
        """The bound fields with an error, in form order: the links of an error summary."""
        return [self[naam] for naam in self.fields if naam in self.errors]

    # Model field name -> form field name, where they differ.
    service_field_map: dict[str, str] = {}

    def add_service_error(self, error) -> None:
        """Put a ValidationError from a service next to the field it is about (or on top)."""
        if hasattr(error, "error_dict"):
            for field, errs in error.error_dict.items():
                field = self.service_field_map.get(field, field)
                self.add_error(field if field in self.fields else None, errs)
        else:
            self.add_error(None, error)
        self.full_clean_aria()

    # Input types whose value attribute must have a form (an absolute URL, an e-mail address, a
    # time): a value typed wrong and shown back would be invalid HTML, and a browser may empty it.
    # Numbers and dates: templates/django/forms/widgets/number.html and date.html.
    VORMTYPEN = ("url", "email", "time", "datetime-local")

    @classmethod
    def _als_tekstveld(cls, field, bound) -> None:
        """A field with an error shows what was typed, as typed (a house rule): a typed input that
        cannot hold it becomes a text field, without the attributes only that type has."""
        soort = field.widget.attrs.get("type") or getattr(field.widget, "input_type", None)
        if soort in cls.VORMTYPEN and bound.value() not in (None, ""):
            attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("type", "min", "max", "step")}
            field.widget = EenRegelInput.van(field.widget, attrs)

    def full_clean_aria(self):
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                bound = self[name]
                self._als_tekstveld(field, bound)
                bound = self[name]
                ids = [f"{bound.auto_id}_error"]
                if field.help_text:
                    ids.append(f"{bound.auto_id}_helptext")
                if teller := self.teller_id(field, bound):
                    ids.append(teller)
                field.widget.attrs["aria-describedby"] = " ".join(ids)
                field.widget.attrs["aria-invalid"] = "true"


class KeukentafelForm(KeukentafelFormMixin, forms.Form):
    pass


class KeukentafelModelForm(KeukentafelFormMixin, forms.ModelForm):
    pass
