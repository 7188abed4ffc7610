from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wmo.constants import InzageActie
from wmo.forms import KeukentafelForm

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ZoekForm(KeukentafelForm):
    medewerker = forms.CharField(
        label=_("Medewerker"),
        required=False,
        max_length=150,
        help_text=_("Gebruikersnaam, of (een deel van) de naam."),
    )
    inwoner = forms.CharField(
        label=_("Inwoner"), required=False, max_length=200, help_text=_("BSN, of (een deel van) de naam.")
    )
    van = forms.DateField(label=_("Vanaf"), required=False, widget=DATUM)
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DATUM)
    actie = forms.ChoiceField(
        label=_("Actie"), required=False, choices=[("", _("Alle acties")), *InzageActie.choices]
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            raise ValidationError({"tot": _("Deze datum ligt voor de datum ‘vanaf’. Kies een latere datum.")})
        return data

    def omschrijving(self) -> str:
        """The search in words, for the officer's own row in the access log (BIO 12.4.3).

        Not the inwoner's BSN or name as typed: the log outlives the dossier's anonymisation
        (privacy.bewaartermijn) and cannot be changed, so it says only how the officer searched;
        the inwoners shown are rows of their own, linked to the inwoner (AVG art. 5 lid 1 onder c).
        """
        d = dict(self.cleaned_data)
        if d.get("inwoner"):
            d["inwoner"] = "BSN" if d["inwoner"].strip().isdigit() else "naam"
        delen = [
            f"{naam}: {d[naam]}" for naam in ("medewerker", "inwoner", "van", "tot", "actie") if d.get(naam)
        ]
        return "inzagelog doorzocht" + (f" ({', '.join(delen)})" if delen else "")
