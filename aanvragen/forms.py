from django import forms
from django.utils.translation import gettext_lazy as _

from meldingen.forms import DATE_FORMATS, DATE_WIDGET
from wmo.forms import KeukentafelForm

from .constants import Grondslag, OpschortingReden


def _datum(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, input_formats=DATE_FORMATS, **kwargs)


class AanvraagForm(KeukentafelForm):
    ontvangen_op = _datum(_("Datum ontvangen"), help_text=_("De dag na deze datum begint de beslistermijn."))
    grondslag = forms.ChoiceField(
        label=_("Hoe kwam de aanvraag binnen?"), choices=Grondslag.choices, widget=forms.RadioSelect
    )


class OpschortenForm(KeukentafelForm):
    prefix = "opschorten"
    reden = forms.ChoiceField(
        label=_("Waarom staat de termijn stil?"), choices=OpschortingReden.choices, widget=forms.RadioSelect
    )
    eerste_dag_stil = _datum(
        _("Eerste dag dat de termijn stilstaat"), help_text=_("Meestal de dag na uw verzoek.")
    )
    termijn_tot = _datum(
        _("Termijn voor de inwoner, tot en met"),
        required=False,
        help_text=_(
            "Verplicht bij een verzoek om aanvulling: zonder termijn staat de beslistermijn niet stil (Awb 4:15)."
        ),
    )
    toelichting = forms.CharField(
        label=_("Wat vraagt u, of wat is er gebeurd?"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["termijn_tot"].voorwaardelijk = True


class BeeindigenForm(KeukentafelForm):
    prefix = "beeindigen"
    eerste_dag_weer = _datum(
        _("Eerste dag dat de termijn weer loopt"),
        help_text=_("Bij een aanvulling: de dag dat de gegevens binnen waren."),
    )


class VerdagenForm(KeukentafelForm):
    prefix = "verdagen"
    verwachte_datum = _datum(_("Nieuwe verwachte beslisdatum"))
    reden = forms.CharField(
        label=_("Waarom lukt het niet op tijd?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class IngebrekestellingForm(KeukentafelForm):
    prefix = "ingebrekestelling"
    service_field_map = {"ingebrekestelling_op": "ontvangen_op"}
    ontvangen_op = _datum(_("Ingebrekestelling ontvangen op"))


class BesluitForm(KeukentafelForm):
    prefix = "besluit"
    besloten_op = _datum(
        _("Beschikking verstuurd op"),
        help_text=_("De dag van bekendmaking: de bezwaartermijn begint de dag erna."),
    )
