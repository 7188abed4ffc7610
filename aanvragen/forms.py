from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.forms import DATE_FORMATS, DATE_WIDGET, GEPLAND, ONTVANGEN
from wmo.codelijsten import RedenWijziging
from wmo.constants import Resultaatgebied, VoorzieningSoort
from wmo.forms import KeukentafelForm, KeukentafelModelForm
from wmo.models import Aanbieder, Contract, Voorziening
from wmo.regels import opschorting as opschorting_regel
from wmo.tekstlengte import LANG, ZEER_LANG

from .constants import Grondslag, OpschortingReden, Uitkomst
from .models import BeschikkingRegel
from .services.opschorting import verzoek_te_vroeg_melding


def _date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, input_formats=DATE_FORMATS, **kwargs)


class AanvraagForm(KeukentafelForm):
    datum_bereik = {"ontvangen_op": ONTVANGEN}
    ontvangen_op = _date_field(
        _("Datum ontvangen"), help_text=_("De dag na deze datum begint de beslistermijn.")
    )
    grondslag = forms.ChoiceField(
        label=_("Hoe kwam de aanvraag binnen?"), choices=Grondslag.choices, widget=forms.RadioSelect
    )


class OpschortenForm(KeukentafelForm):
    datum_bereik = {"eerste_dag_stil": GEPLAND, "termijn_tot": GEPLAND}
    prefix = "opschorten"
    reden = forms.ChoiceField(
        label=_("Waarom staat de termijn stil?"), choices=OpschortingReden.choices, widget=forms.RadioSelect
    )
    eerste_dag_stil = _date_field(
        _("Eerste dag dat de termijn stilstaat"),
        help_text=_(
            "Bij een verzoek om aanvulling: de dag na vandaag, want de brief met het verzoek gaat "
            "vandaag uit (Awb 4:15)."
        ),
    )
    termijn_tot = _date_field(
        _("Termijn voor de inwoner, tot en met"),
        required=False,
        help_text=_(
            "Verplicht bij een verzoek om aanvulling: zonder termijn staat de beslistermijn niet stil (Awb 4:15)."
        ),
    )
    toelichting = forms.CharField(
        label=_("Wat vraagt u, of wat is er gebeurd?"),
        max_length=LANG,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["termijn_tot"].voorwaardelijk = True

    def clean(self):
        """A request for information suspends from the day after the request at the earliest
        (Awb 4:15 lid 1 onder a); the request is the letter sent today. The service checks
        the same rule; here the message lands next to the field before anything is saved."""
        data = super().clean()
        eerste = data.get("eerste_dag_stil")
        verzocht_op = timezone.localdate()
        if (
            data.get("reden") == OpschortingReden.AANVULLING_GEVRAAGD
            and eerste
            and not opschorting_regel.begint_na_verzoek(eerste, verzocht_op)
        ):
            self.add_error("eerste_dag_stil", verzoek_te_vroeg_melding(verzocht_op))
        return data


class BeeindigenForm(KeukentafelForm):
    datum_bereik = {"eerste_dag_weer": GEPLAND}
    prefix = "beeindigen"
    eerste_dag_weer = _date_field(
        _("Eerste dag dat de termijn weer loopt"),
        help_text=_("Bij een aanvulling: de dag dat de gegevens binnen waren."),
    )


class VerdagenForm(KeukentafelForm):
    datum_bereik = {"verwachte_datum": GEPLAND}
    prefix = "verdagen"
    verwachte_datum = _date_field(_("Nieuwe verwachte beslisdatum"))
    reden = forms.CharField(
        label=_("Waarom lukt het niet op tijd?"), max_length=LANG, widget=forms.Textarea(attrs={"rows": 3})
    )


class IngebrekestellingForm(KeukentafelForm):
    datum_bereik = {"ontvangen_op": ONTVANGEN}
    prefix = "ingebrekestelling"
    service_field_map = {"ingebrekestelling_op": "ontvangen_op"}
    ontvangen_op = _date_field(_("Ingebrekestelling ontvangen op"))


class BesluitForm(KeukentafelForm):
    datum_bereik = {"besloten_op": ONTVANGEN}
    prefix = "besluit"
    besloten_op = _date_field(
        _("Beschikking verstuurd op"),
        help_text=_("De dag van bekendmaking: de bezwaartermijn begint de dag erna."),
    )


class AangevraagdForm(KeukentafelForm):
    prefix = "voorziening"
    voorziening = forms.ModelChoiceField(
        label=_("Welke maatwerkvoorziening vraagt de inwoner?"),
        queryset=Voorziening.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Dit product staat niet (meer) in de catalogus. Kies een product uit de lijst."
            )
        },
    )
    resultaatgebied = forms.TypedChoiceField(
        label=_("Voor welk resultaat?"), choices=Resultaatgebied.choices, coerce=int
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the catalogue offers today (wmo.models.Voorziening: validity periods).
        self.fields["voorziening"].queryset = Voorziening.objects.filter(
            soort=VoorzieningSoort.MAATWERK
        ).te_kiezen(timezone.localdate())


class RegelForm(KeukentafelModelForm):
    class Meta:
        model = BeschikkingRegel
        fields = [
            "uitkomst", "gevraagd", "voorziening", "omvang", "eenheid", "frequentie", "leveringsvorm",
            "aanbieder", "pgb_kan_beheren", "pgb_motivering", "pgb_kwaliteit", "ingangsdatum", "einddatum",
            "voorlopig", "motivering", "afwijking_motivering",
        ]  # fmt: skip
        widgets = {
            "ingangsdatum": DATE_WIDGET,
            "einddatum": DATE_WIDGET,
            "uitkomst": forms.RadioSelect,
            "motivering": forms.Textarea(attrs={"rows": 4}),
            "afwijking_motivering": forms.Textarea(attrs={"rows": 3}),
            "pgb_motivering": forms.Textarea(attrs={"rows": 2}),
        }

    # Required only in some situations (the model's clean says when): not marked optional.
    VOORWAARDELIJK = (
        "omvang",
        "eenheid",
        "frequentie",
        "leveringsvorm",
        "aanbieder",
        "ingangsdatum",
        "afwijking_motivering",
        "pgb_motivering",
        "gevraagd",
    )

    template_name = "aanvragen/beschikking/_regel_form.html"

    def __init__(self, *args, gemeente_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uitkomst"].choices = Uitkomst.choices  # no empty radio
        # The products the catalogue offers today, and the period this regel already names (the
        # service moves it to the period valid on the ingangsdatum; the model says when none is).
        vandaag = timezone.localdate()
        gekozen = models.Q(pk=self.instance.voorziening_id) if self.instance.voorziening_id else models.Q()
        self.fields["voorziening"].queryset = Voorziening.objects.filter(
            soort=VoorzieningSoort.MAATWERK
        ).filter(models.Q(pk__in=Voorziening.objects.te_kiezen(vandaag)) | gekozen)
        self.fields["voorziening"].error_messages["invalid_choice"] = _(
            "Dit product staat niet (meer) in de catalogus. Kies een product uit de lijst."
        )
        # Zorg in natura: aanbieders with a contract in this gemeente that has not ended; the model
        # checks the contract for this product on the ingangsdatum (wmo.models.Contract).
        aanbieders = Aanbieder.objects.filter(actief=True)
        if gemeente_id is not None:
            aanbieders = aanbieders.filter(
                pk__in=Contract.objects.filter(gemeente_id=gemeente_id)
                .filter(models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=vandaag))
                .values("aanbieder_id")
            )
        self.fields["aanbieder"].queryset = aanbieders
        self.fields["aanbieder"].empty_label = _("Kies een aanbieder")
        self.fields["aanbieder"].error_messages["invalid_choice"] = _(
            "Deze aanbieder heeft geen contract met de gemeente. Kies een aanbieder uit de lijst."
        )
        for naam in ("ingangsdatum", "einddatum"):
            self.fields[naam].input_formats = DATE_FORMATS
        for naam in self.VOORWAARDELIJK:
            self.fields[naam].voorwaardelijk = True

    def _post_clean(self):
        pass  # the service validates the complete regel (model clean) and reports per field


class TerugsturenForm(KeukentafelForm):
    opmerkingen = forms.CharField(label=_("Wat moet er anders?"), widget=forms.Textarea(attrs={"rows": 3}))


class NazorgForm(KeukentafelForm):
    service_field_map = {"nazorg_notitie": "notitie"}
    notitie = forms.CharField(label=_("Hoe gaat het met de hulp?"), widget=forms.Textarea(attrs={"rows": 3}))


class EerderStoppenForm(KeukentafelForm):
    """A granted voorziening stops earlier (services.voorziening_beeindigen)."""

    # The WMO002 reasons in plain words; the code goes to the aanbieder (iWmo toewijzing).
    REDENEN = [
        (RedenWijziging.CLIENT_OVERLEDEN, _("De inwoner is overleden")),
        (RedenWijziging.HERBEOORDELING_VERKORTING_TOEWIJZING, _("Opnieuw bekeken: de hulp is korter nodig")),
        (
            RedenWijziging.UITSTROOM_NAAR_ANDER_DOMEIN,
            _("De inwoner krijgt hulp uit een andere wet (Wlz of Zvw)"),
        ),
        (
            RedenWijziging.VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE,
            _("De inwoner verhuist naar een andere gemeente"),
        ),
        (RedenWijziging.WIJZIGING_LEVERINGSVORM, _("De inwoner kiest een pgb")),
        (RedenWijziging.OVERSTAP_NAAR_ANDERE_AANBIEDER, _("De inwoner gaat naar een andere aanbieder")),
    ]
    einddatum = _date_field(_("Laatste dag van de hulp"))
    reden = forms.ChoiceField(
        label=_("Waarom stopt de hulp eerder?"),
        choices=[("", _("Kies een reden")), *REDENEN],
        error_messages={"required": _("Kies waarom de hulp eerder stopt.")},
    )


class BezwaarForm(KeukentafelForm):
    datum_bereik = {"ontvangen_op": ONTVANGEN}
    ontvangen_op = _date_field(_("Bezwaarschrift ontvangen op"))
    gronden = forms.CharField(
        label=_("Waarom is de inwoner het niet eens?"),
        max_length=ZEER_LANG,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
