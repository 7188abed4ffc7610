"""Forms of the catalogue and aanbieders pages (beheer.catalogus_views). The services check the
rules again (beheer.catalogus, the models' clean) and their refusal lands next to the field."""

from django import forms
from django.utils import timezone

from aanvragen.models import Mandaat
from meldingen.forms import DATE_FORMATS, DATE_WIDGET
from wmo.constants import Resultaatgebied, Rol, VoorzieningSoort
from wmo.forms import KeukentafelForm, KeukentafelModelForm
from wmo.models import Aanbieder, Gemeente, Voorziening

from .catalogus import MANDAAT_ROLLEN, WIJZIGBAAR_IN_GEBRUIK

VELDEN_MAATWERK = [
    "naam", "iwmo_productcategorie", "iwmo_productcode", "eenheid", "frequentie", "gebruikelijke_omvang",
    "omschrijving", "natura_toegestaan", "pgb_toegestaan", "pgb_tarief", "eigen_bijdrage",
    "geen_eigen_bijdrage_grond", "verstrekking", "wettelijke_grondslag", "verordening_artikel", "beleidsregel",
]  # fmt: skip
VELDEN_ALGEMEEN = [
    "naam", "omschrijving", "organisatie", "telefoon", "email", "website", "adres", "resultaatgebieden", "kosten",
]  # fmt: skip


def _datum(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, input_formats=DATE_FORMATS, **kwargs)


class VoorzieningForm(KeukentafelModelForm):
    """A product: the fields of its soort. ``alleen_contact`` for a used period (only what does not
    change a decision); ``periode`` adds the start date of a new period instead of geldig_vanaf."""

    resultaatgebieden = forms.TypedMultipleChoiceField(
        label="Resultaatgebieden",
        choices=Resultaatgebied.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
        help_text="Bij welke resultaten kan deze voorziening helpen? De consulent ziet dat in het onderzoek.",
    )

    class Meta:
        model = Voorziening
        fields = ["geldig_vanaf", *VELDEN_MAATWERK, *VELDEN_ALGEMEEN[2:]]
        widgets = {"geldig_vanaf": DATE_WIDGET, "omschrijving": forms.Textarea(attrs={"rows": 3})}
        labels = {"iwmo_productcategorie": "iWmo-productcategorie", "iwmo_productcode": "iWmo-productcode"}
        help_texts = {
            "natura_toegestaan": "De inwoner kan het krijgen van een aanbieder met een contract.",
            "pgb_toegestaan": "De inwoner kan het zelf inkopen met een persoonsgebonden budget (Wmo 2015 art. "
            "2.3.6). Vul dan ook het tarief in.",
            "eigen_bijdrage": "De inwoner betaalt een eigen bijdrage via het CAK (Wmo 2015 art. 2.1.4). Staat "
            "dit uit, schrijf dan op waarom (bijvoorbeeld Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4).",
            "wettelijke_grondslag": "Het artikel van de Wmo 2015 dat de beschikking noemt.",
            "gebruikelijke_omvang": "Bijvoorbeeld ‘3 uur per week’. De consulent ziet dit als richtlijn.",
        }

    def __init__(self, *args, soort: str, alleen_contact: bool = False, periode: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        houden = VELDEN_MAATWERK if soort == VoorzieningSoort.MAATWERK else VELDEN_ALGEMEEN
        if alleen_contact:
            houden = [f for f in houden if f in WIJZIGBAAR_IN_GEBRUIK]
        elif periode:
            houden = ["vanaf", *houden]  # NieuwePeriodeForm: the new period's first day
        else:
            houden = ["geldig_vanaf", *houden]
        for naam in list(self.fields):
            if naam not in houden:
                del self.fields[naam]
        if "geldig_vanaf" in self.fields:
            self.fields["geldig_vanaf"].input_formats = DATE_FORMATS
            self.fields["geldig_vanaf"].help_text = "Vanaf deze dag kunnen consulenten het kiezen."
            self.fields["geldig_vanaf"].required = True
        if "resultaatgebieden" in self.fields and self.instance.pk:
            self.initial["resultaatgebieden"] = self.instance.resultaatgebieden
        for naam in ("iwmo_productcategorie", "eenheid"):
            if naam in self.fields:
                self.fields[naam].voorwaardelijk = True
        # A choice list starts with a Dutch prompt, not Django's "---------".
        for naam, tekst in (
            ("iwmo_productcategorie", "Kies een productcategorie"),
            ("eenheid", "Kies een eenheid"),
            ("frequentie", "Geen vaste frequentie"),
            ("verstrekking", "Niet van toepassing"),
        ):
            veld = self.fields.get(naam)
            if veld is not None and getattr(veld, "choices", None):
                veld.choices = [("", tekst), *[(k, v) for k, v in veld.choices if k != ""]]

    def _post_clean(self):
        pass  # the service validates the whole product (model clean, periods) and reports per field


class NieuwePeriodeForm(VoorzieningForm):
    vanaf = _datum(
        "Nieuwe periode vanaf",
        help_text="Op deze dag gaan de nieuwe gegevens in. De huidige periode eindigt de dag ervoor. "
        "Beschikkingen van vóór deze dag houden de oude gegevens.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, periode=True, **kwargs)
        self.order_fields(["vanaf"])


class EinddatumForm(KeukentafelForm):
    tot = _datum("Laatste dag", help_text="Tot en met deze dag geldt het nog.")


class MandaatForm(KeukentafelForm):
    """Per role: no mandate, decides alone, or decides with four eyes."""

    KEUZES = [
        ("geen", "Geen mandaat"),
        ("alleen", "Mag alleen besluiten"),
        ("vier_ogen", "Mag besluiten, een tweede persoon met mandaat keurt goed (vier ogen)"),
    ]

    def __init__(self, *args, voorziening: Voorziening, **kwargs):
        super().__init__(*args, **kwargs)
        huidig = {m.rol: m for m in Mandaat.objects.filter(voorziening=voorziening)}
        for rol in MANDAAT_ROLLEN:
            m = huidig.get(rol)
            self.fields[rol] = forms.ChoiceField(
                label=Rol(rol).label, choices=self.KEUZES, widget=forms.RadioSelect,
                initial="geen" if m is None else ("vier_ogen" if m.vier_ogen else "alleen"),
            )  # fmt: skip
            self.fields[rol].widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"


class AanbiederForm(KeukentafelModelForm):
    class Meta:
        model = Aanbieder
        fields = ["naam", "agb_code", "contactpersoon", "telefoon", "email", "adres", "actief"]
        help_texts = {
            "agb_code": "De code van de aanbieder in het AGB-register van Vektis: 8 cijfers. De iWmo-berichten "
            "gebruiken deze code.",
            "actief": "Uit: de consulent kan deze aanbieder niet meer kiezen. Eerdere beschikkingen blijven zoals ze zijn.",
        }
        error_messages = {"agb_code": {"unique": "Er is al een aanbieder met deze AGB-code."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agb_code"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        if not self.instance.pk:
            del self.fields["actief"]


class ContractForm(KeukentafelForm):
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=Gemeente.objects.none(), empty_label=None)
    voorziening = forms.ModelChoiceField(
        label="Product",
        queryset=Voorziening.objects.none(),
        empty_label="Kies een product",
        error_messages={"invalid_choice": "Kies een product uit de lijst."},
    )
    geldig_vanaf = _datum("Geldig vanaf")
    geldig_tot = _datum(
        "Geldig tot en met", required=False, help_text="Leeg: tot het contract wordt beëindigd."
    )

    def __init__(self, *args, gemeente_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(pk__in=gemeente_ids)
        self.fields["voorziening"].queryset = Voorziening.objects.filter(
            soort=VoorzieningSoort.MAATWERK
        ).te_kiezen(timezone.localdate())
        self.fields["voorziening"].label_from_instance = lambda v: v.naam
