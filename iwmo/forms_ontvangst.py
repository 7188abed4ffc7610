from django import forms

from iwmo.models import RedenAfwijzingVerzoek
from wmo.forms import KeukentafelFormMixin


class VerzoekAfwijzenForm(KeukentafelFormMixin, forms.Form):
    reden_afwijzing = forms.ChoiceField(
        label="Reden van afwijzen",
        choices=[("", "Maak een keuze"), *RedenAfwijzingVerzoek.choices],
        error_messages={"required": "Kies de reden waarom u het verzoek afwijst."},
        help_text="Deze reden gaat in het antwoordbericht (WMO319) naar de aanbieder.",
    )
    toelichting = forms.CharField(
        label="Toelichting (alleen voor het dossier)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
