"""Filters of the dashboard (plain GET forms: bookmarkable) and the reassign form."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wmo.forms import KeukentafelForm, SnelleSelect
from wmo.models import Gemeente, Medewerker, Voorziening
from wmo.query import consulenten_voor

from .query.common import Filters


def _productgroepen():
    return [("", _("Alle producten"))] + [
        (c, c)
        for c in Voorziening.objects.exclude(iwmo_productcategorie="")
        .order_by("iwmo_productcategorie")
        .values_list("iwmo_productcategorie", flat=True)
        .distinct()
    ]


def _months_back(d: date, n: int) -> date:
    jaar, maand = divmod(d.year * 12 + d.month - 1 - n, 12)
    return date(jaar, maand + 1, 1)


def medewerker_naam(voornaam: str, achternaam: str, gebruikersnaam: str) -> str:
    """``str(medewerker)`` from its columns (Medewerker.__str__: full name, else the username)."""
    return f"{voornaam} {achternaam}".strip() or gebruikersnaam


def filter_keuzes(user) -> dict:
    """The choice lists of the FilterForm, one small query each (the dashboard reads them with
    its other figures in one query: teamleider.query.dashboard)."""
    consulenten = consulenten_voor(user, user.team) if user.team_id else Medewerker.objects.none()
    return {
        "gemeenten": list(Gemeente.objects.filter(pk__in=user.gemeente_ids).values_list("pk", "naam")),
        "consulenten": [
            (pk, medewerker_naam(voornaam, achternaam, gebruikersnaam))
            for pk, voornaam, achternaam, gebruikersnaam in consulenten.values_list(
                "pk", "first_name", "last_name", "username"
            )
        ],
        "producten": [c for c, _label in _productgroepen()[1:]],
    }


# The message of a ModelChoiceField, which these fields were: the same text for a wrong choice.
_ONGELDIG = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}


class FilterForm(KeukentafelForm):
    """Plain choice fields filled from lists (``keuzes``, see ``filter_keuzes``): no query of
    their own to render or to validate (a ModelChoiceField reads its queryset for both)."""

    gemeente = forms.TypedChoiceField(
        label=_("Gemeente"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=_ONGELDIG,
        widget=SnelleSelect,
    )
    consulent = forms.TypedChoiceField(
        label=_("Consulent"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=_ONGELDIG,
        widget=SnelleSelect,
    )
    product = forms.ChoiceField(label=_("Productgroep (iWmo)"), required=False, widget=SnelleSelect)
    van = forms.DateField(
        label=_("Melding ontvangen vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=_("Melding ontvangen tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, user, keuzes: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = filter_keuzes(user) if keuzes is None else keuzes
        self.fields["gemeente"].choices = [("", _("Alle gemeenten")), *keuzes["gemeenten"]]
        self.fields["consulent"].choices = [("", _("Alle consulenten")), *keuzes["consulenten"]]
        self.fields["product"].choices = [("", _("Alle producten"))] + [(c, c) for c in keuzes["producten"]]

    @classmethod
    def voorlopige_filters(cls, data) -> Filters:
        """The filters as given, read before the choices are known: every given choice counts as
        one (the dates are read and checked as always). Equal to ``filters()`` of the real form
        unless that form refuses a choice."""
        keuzes = {
            "gemeenten": [(v, v) for v in data.getlist("gemeente") if v],
            "consulenten": [(v, v) for v in data.getlist("consulent") if v],
            "producten": [v for v in data.getlist("product") if v],
        }
        return cls(data or None, user=None, keuzes=keuzes).filters()

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("Deze datum moet op of na de vanaf-datum liggen."))
        return data

    def filters(self, *, standaard_maanden: int | None = None) -> Filters:
        """The valid filters; invalid input counts as "no filter" (the form shows the error)."""
        data = self.cleaned_data if self.is_valid() else {}
        van, tot = data.get("van"), data.get("tot")
        if standaard_maanden:
            vandaag = timezone.localdate()
            tot = tot or vandaag
            van = van or _months_back(tot, standaard_maanden - 1)
        return Filters(
            gemeente=data.get("gemeente"),
            consulent=data.get("consulent"),
            product=data.get("product") or "",
            van=van,
            tot=tot,
        )


class HerverdelenForm(KeukentafelForm):
    meldingen = forms.ModelMultipleChoiceField(
        label=_("Meldingen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={"required": _("Kies minstens één melding.")},
    )
    consulent = forms.ModelChoiceField(
        label=_("Nieuwe consulent"),
        queryset=Medewerker.objects.none(),
        empty_label=_("Kies een consulent"),
        error_messages={"required": _("Kies de consulent die de meldingen krijgt.")},
    )

    def __init__(self, *args, meldingen, consulenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meldingen"].queryset = meldingen
        self.fields["consulent"].queryset = consulenten


class OnderzoekForm(KeukentafelForm):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100)
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Gemeente.objects.none(), required=False, empty_label=_("Alle gemeenten")
    )
    productgroep = forms.ChoiceField(label=_("Productgroep (iWmo)"), required=False)
    aantal = forms.IntegerField(
        label=_("Grootte van de steekproef"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=_("Leeg: alle inwoners."),
    )
    zaad = forms.CharField(
        label=_("Startwaarde voor de steekproef"),
        required=False,
        max_length=40,
        help_text=_("Met dezelfde startwaarde krijgt u dezelfde steekproef terug."),
    )
    variant = forms.ChoiceField(
        label=_("Soort bestand"),
        choices=[
            ("gepseudonimiseerd", _("Gepseudonimiseerd, voor het onderzoeksbureau")),
            ("adressen", _("Met naam en adres, om de uitnodigingen te versturen")),
        ],
        widget=forms.RadioSelect,
        initial="gepseudonimiseerd",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(pk__in=user.gemeente_ids)
        self.fields["productgroep"].choices = _productgroepen()
