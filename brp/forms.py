import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from wmo.forms import KeukentafelForm, KeukentafelModelForm
from wmo.validators import DatumBereik, normalize_postcode, validate_bsn

from .models import BrpKoppeling
from .services import Zoekvraag

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
WIJZEN = [
    ("bsn", _("Op BSN")),
    ("adres", _("Op postcode en huisnummer")),
    ("naam", _("Op achternaam en geboortedatum")),
]
# The BRP API's own pattern for a surname (GeslachtsnaamFilter), without the wildcard.
GESLACHTSNAAM = re.compile(r"[a-zA-Z0-9À-ž .\-']{1,200}")


class BrpKoppelingForm(KeukentafelModelForm):
    """The koppeling in beheer: never a secret, only the name of the variable that holds it."""

    basis_url = forms.URLField(
        label=BrpKoppeling._meta.get_field("basis_url").verbose_name,
        max_length=300,
        assume_scheme="https",
        help_text=BrpKoppeling._meta.get_field("basis_url").help_text,
    )

    class Meta:
        model = BrpKoppeling
        fields = ["actief", "basis_url", "authenticatie", "header_naam", "geheim_naam", "timeout_seconden"]
        widgets = {"authenticatie": forms.RadioSelect}


class BrpZoekForm(KeukentafelForm):
    """The loket's question to the BRP: one of the three ways, with only what that way needs."""

    datum_bereik = {"geboortedatum": DatumBereik(vanaf=date(1900, 1, 1), niet_in_toekomst=True)}

    gemeente = forms.TypedChoiceField(label=_("Gemeente"), coerce=int, choices=[])
    wijze = forms.ChoiceField(
        label=_("Hoe zoekt u?"), choices=WIJZEN, initial="bsn", widget=forms.RadioSelect
    )
    bsn = forms.CharField(label=_("BSN"), required=False, max_length=9, validators=[validate_bsn])
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    huisnummer = forms.IntegerField(label=_("Huisnummer"), required=False, min_value=1, max_value=99999)
    geslachtsnaam = forms.CharField(
        label=_("Achternaam"),
        required=False,
        max_length=200,
        help_text=_("Zonder tussenvoegsel, zoals ‘Vries’."),
    )
    geboortedatum = forms.DateField(
        label=_("Geboortedatum"),
        required=False,
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
        help_text=_("Bij zoeken op adres mag u dit leeg laten."),
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [(g.pk, g.naam) for g in gemeenten]
        if len(gemeenten) == 1:
            self.fields["gemeente"].initial = gemeenten[0].pk
            self.fields["gemeente"].widget = forms.HiddenInput()
        self.fields["bsn"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["postcode"].widget.attrs.update(autocomplete="off")

    def clean_postcode(self):
        postcode = normalize_postcode(self.cleaned_data.get("postcode", ""))
        if postcode and not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", postcode):
            raise forms.ValidationError(_("Vul een postcode in zoals 2011 AB."))
        return postcode

    def clean_geslachtsnaam(self):
        naam = " ".join(self.cleaned_data.get("geslachtsnaam", "").split())
        if naam and not GESLACHTSNAAM.fullmatch(naam):
            raise forms.ValidationError(_("Gebruik alleen letters, spaties, streepjes en apostroffen."))
        return naam

    def clean(self):
        data = super().clean()
        wijze = data.get("wijze")
        verplicht = {
            "bsn": {"bsn": _("Vul het BSN in: 9 cijfers.")},
            "adres": {"postcode": _("Vul de postcode in."), "huisnummer": _("Vul het huisnummer in.")},
            "naam": {
                "geslachtsnaam": _("Vul de achternaam in."),
                "geboortedatum": _("Vul de geboortedatum in."),
            },
        }.get(wijze, {})
        for veld, melding in verplicht.items():
            if not data.get(veld) and veld not in self.errors:
                self.add_error(veld, melding)
        return data

    def zoekvraag(self) -> Zoekvraag:
        d = self.cleaned_data
        if d["wijze"] == "bsn":
            return Zoekvraag(wijze="bsn", bsn=d["bsn"])
        if d["wijze"] == "adres":
            return Zoekvraag(
                wijze="adres",
                postcode=d["postcode"],
                huisnummer=d["huisnummer"],
                geboortedatum=d.get("geboortedatum"),
            )
        return Zoekvraag(wijze="naam", geslachtsnaam=d["geslachtsnaam"], geboortedatum=d["geboortedatum"])


class BrpOvernemenForm(KeukentafelForm):
    """The person chosen from the results (the BSN goes in a POST body, never in a URL)."""

    gemeente = forms.IntegerField(widget=forms.HiddenInput)
    bsn = forms.CharField(max_length=9, validators=[validate_bsn], widget=forms.HiddenInput)
