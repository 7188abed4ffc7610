from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from meldingen.forms import DATE_FORMATS, DATE_WIDGET, GEPLAND, ONTVANGEN
from wmo.constants import VoorzieningSoort
from wmo.forms import KeukentafelForm, KeukentafelModelForm
from wmo.tekstlengte import KORT, MIDDEL

from .constants import Belasting, Oplossing, Plaats, Trede, TriageReden, VerslagReactie
from .models import Onderzoek
from .services import ONDERZOEK_VELDEN

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


class GesprekForm(KeukentafelForm):
    datum_bereik = {"gepland_op": GEPLAND}
    prefix = "gesprek"
    gepland_op = forms.DateTimeField(
        label=_("Datum en tijd"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS
    )
    plaats = forms.ChoiceField(
        label=_("Waar is het gesprek?"),
        choices=Plaats.choices,
        initial=Plaats.THUIS,
        widget=forms.RadioSelect,
    )
    adres = forms.CharField(
        label=_("Adres"),
        required=False,
        help_text=_("Leeg laten bij een gesprek thuis: dan gebruiken we het adres van de inwoner."),
    )
    telefonisch_reden = forms.CharField(
        label=_("Waarom telefonisch?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij een telefonisch gesprek."),
    )
    consulent = forms.ModelChoiceField(
        label=_("Consulent"), queryset=None, empty_label=_("Kies een consulent")
    )
    mantelzorger = forms.CharField(label=_("Mantelzorger"), required=False)
    clientondersteuner = forms.CharField(label=_("Cliëntondersteuner"), required=False)
    clientondersteuner_organisatie = forms.CharField(
        label=_("Organisatie cliëntondersteuner"), required=False
    )
    tolk = forms.CharField(label=_("Tolk"), required=False)
    vertegenwoordiger = forms.CharField(label=_("Vertegenwoordiger"), required=False)
    tweede_professional = forms.CharField(label=_("Tweede professional"), required=False)
    alleen_mantelzorger = forms.BooleanField(
        label=_("Dit is een gesprek alleen met de mantelzorger"), required=False
    )
    toestemming_inwoner = forms.BooleanField(
        label=_("De inwoner geeft toestemming voor een gesprek alleen met de mantelzorger"), required=False
    )
    uitnodiging = forms.BooleanField(
        label=_("Maak meteen de uitnodigingsbrief"), required=False, initial=True
    )

    def __init__(self, *args, consulenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = consulenten
        self.fields["telefonisch_reden"].voorwaardelijk = True

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("uitnodiging")
        return data


class TriageForm(KeukentafelForm):
    prefix = "triage"
    reden = forms.ChoiceField(
        label=_("Waarom is er geen gesprek nodig?"), choices=TriageReden.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, gemeente=None, **kwargs):
        """Only the reasons the melding's gemeente allows (the service checks it again)."""
        super().__init__(*args, **kwargs)
        if gemeente is not None:
            self.fields["reden"].choices = [
                (waarde, label) for waarde, label in TriageReden.choices if gemeente.triage_toegestaan(waarde)
            ]


class OnderzoekForm(KeukentafelModelForm):
    """The general section, with its versie for optimistic locking."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Onderzoek
        fields = ONDERZOEK_VELDEN
        widgets = {
            naam: forms.Textarea(attrs={"rows": 3})
            for naam in ONDERZOEK_VELDEN
            if naam
            not in ("mantelzorger_naam", "mantelzorg_uren", "mantelzorg_belasting", "medisch_advies_nodig")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["versie"] = self.instance.versie
        self.fields["mantelzorg_belasting"].choices = [("", _("Nog niet besproken"))] + list(
            Belasting.choices
        )
        self.fields["mantelzorg_belasting"].widget = forms.RadioSelect(
            choices=self.fields["mantelzorg_belasting"].choices
        )
        self.fields["eigen_oplossing_gevolgd"].widget = forms.RadioSelect(
            choices=[("", _("Nog niet bekend")), ("True", _("Ja")), ("False", _("Nee, of niet helemaal"))]
        )
        self.fields["eigen_oplossing_gevolgd"].widget.attrs["class"] = (
            "utrecht-radio-button utrecht-radio-button--html-input"
        )
        for field in self.fields.values():
            field.voorwaardelijk = True  # everything is optional while typing: no "(niet verplicht)" noise
        self.fields["mantelzorg_belasting"].widget.attrs["class"] = (
            "utrecht-radio-button utrecht-radio-button--html-input"
        )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("versie")
        return data


RESULTAAT_TEKSTEN = {
    "wat_lukt": _("Wat lukt nog wel?"),
    "wat_lukt_niet": _("Wat lukt niet meer?"),
    "oorzaak_inwoner": _("Hoe ziet de inwoner het zelf? (oorzaak in eigen woorden)"),
    "te_bereiken_resultaat": _("Te bereiken resultaat (concreet)"),
    "oplossing": _("Afgesproken oplossing (arrangement)"),
}


class ResultaatForm(KeukentafelForm):
    """One resultaatgebied with the eight rungs of the afwegingsladder, as one section.

    The catalogue is passed in (one query for the whole page) instead of a queryset per form.
    """

    def __init__(self, *args, resultaat, voorzieningen: dict, **kwargs):
        kwargs.setdefault("prefix", f"r{resultaat.gebied}")
        super().__init__(*args, **kwargs)
        self.resultaat = resultaat
        self._voorzieningen = {str(v.pk): v for lijst in voorzieningen.values() for v in lijst}
        f = self.fields
        f["versie"] = forms.IntegerField(widget=forms.HiddenInput)
        f["aan_de_orde"] = forms.BooleanField(label=_("Dit resultaatgebied is aan de orde"), required=False)
        for naam, label in RESULTAAT_TEKSTEN.items():
            f[naam] = forms.CharField(
                label=label, required=False, max_length=MIDDEL, widget=forms.Textarea(attrs={"rows": 2})
            )
        treden = {t.trede: t for t in resultaat.treden.all()}
        initial = {"versie": resultaat.versie, "aan_de_orde": resultaat.aan_de_orde}
        initial.update({naam: getattr(resultaat, naam) for naam in RESULTAAT_TEKSTEN})
        for nr in Trede.values:
            f[f"t{nr}_besproken"] = forms.BooleanField(label=_("Besproken"), required=False)
            f[f"t{nr}_bevinding"] = forms.CharField(
                label=_("Wat vonden we?"),
                required=False,
                max_length=KORT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            f[f"t{nr}_oplost"] = forms.ChoiceField(
                label=_("Lost dit het op?"),
                required=False,
                choices=[("", _("Nog niet bekend"))] + Oplossing.choices,
            )
            f[f"t{nr}_waarom"] = forms.CharField(
                label=_("Waarom (niet)?"),
                required=False,
                max_length=KORT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            soort = {
                Trede.ALGEMENE_VOORZIENING: VoorzieningSoort.ALGEMEEN,
                Trede.MAATWERK: VoorzieningSoort.MAATWERK,
            }
            t = treden.get(nr)
            if nr in soort:
                keuzes = [("", "—")] + [(str(v.pk), v.keuze_label) for v in voorzieningen[soort[nr]]]
                if t is not None and t.voorziening_id and str(t.voorziening_id) not in self._voorzieningen:
                    # Chosen before the product ended (catalogue periods): it stays as chosen.
                    eerder = t.voorziening
                    self._voorzieningen[str(eerder.pk)] = eerder
                    keuzes.append(
                        (str(eerder.pk), _("%(naam)s (niet meer in de catalogus)") % {"naam": eerder.naam})
                    )
                f[f"t{nr}_voorziening"] = forms.ChoiceField(
                    label=_("Voorziening uit de lijst")
                    if nr == Trede.ALGEMENE_VOORZIENING
                    else _("Voorgestelde maatwerkvoorziening"),
                    required=False,
                    choices=keuzes,
                )
            if t is not None:
                initial.update(
                    {
                        f"t{nr}_besproken": t.besproken,
                        f"t{nr}_bevinding": t.bevinding,
                        f"t{nr}_oplost": t.oplost,
                        f"t{nr}_waarom": t.waarom,
                        f"t{nr}_voorziening": str(t.voorziening_id or ""),
                    }
                )
        for field in f.values():
            css = {
                forms.Textarea: "utrecht-textarea",
                forms.Select: "utrecht-select utrecht-select--html-select",
                forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
            }
            field.widget.attrs.setdefault(
                "class",
                next((c for w, c in css.items() if isinstance(field.widget, w)), ""),
            )
            field.voorwaardelijk = True  # everything is optional while typing
        if not self.is_bound:
            self.initial.update(initial)

    @cached_property
    def ladder(self):
        """(trede, label, bound fields, open, besproken) per rung, for the template; read once.

        ``open``: the rung holds something (a value or an error); the template folds the other
        rungs, so a phone shows the rungs that were discussed and the names of the rest (issue 15).
        ``besproken``: its first field (Besproken) is ticked.
        """
        rijen = []
        fouten = self.errors
        for nr in Trede.values:
            namen = [f"t{nr}_besproken", f"t{nr}_bevinding", f"t{nr}_oplost", f"t{nr}_waarom"]
            if f"t{nr}_voorziening" in self.fields:
                namen.insert(2, f"t{nr}_voorziening")
            velden = [self[n] for n in namen]
            waarden = [v.value() for v in velden]
            open_ = any(fouten.get(n) for n in namen) or any(w not in (None, "", False) for w in waarden)
            rijen.append((nr, Trede(nr).label, velden, open_, waarden[0]))
        return rijen

    @property
    def velden(self):
        return [self[n] for n in ("aan_de_orde", *RESULTAAT_TEKSTEN)]

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        treden = {}
        for nr in Trede.values:
            waarden = {
                "besproken": d[f"t{nr}_besproken"],
                "bevinding": d[f"t{nr}_bevinding"],
                "oplost": d[f"t{nr}_oplost"],
                "waarom": d[f"t{nr}_waarom"],
            }
            if f"t{nr}_voorziening" in d:
                waarden["voorziening"] = self._voorzieningen.get(d[f"t{nr}_voorziening"])
            treden[nr] = waarden
        return {
            "versie": d["versie"],
            "velden": {n: d[n] for n in ("aan_de_orde", *RESULTAAT_TEKSTEN)},
            "treden": treden,
        }


class ReactieForm(KeukentafelForm):
    datum_bereik = {"reactie_ontvangen_op": ONTVANGEN}
    reactie = forms.ChoiceField(
        label=_("Reactie van de inwoner"),
        choices=[
            (VerslagReactie.AKKOORD, VerslagReactie.AKKOORD.label),
            (VerslagReactie.NIET_AKKOORD, VerslagReactie.NIET_AKKOORD.label),
        ],
        widget=forms.RadioSelect,
    )
    reactie_ontvangen_op = forms.DateField(
        label=_("Reactie ontvangen op"), widget=DATE_WIDGET, input_formats=DATE_FORMATS
    )
    ondertekend = forms.BooleanField(label=_("De inwoner heeft het verslag ondertekend"), required=False)
    opmerkingen = forms.CharField(
        label=_("Opmerkingen of correcties van de inwoner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij niet akkoord. Wij nemen ze letterlijk over."),
    )
    aanvullingen = forms.CharField(
        label=_("Aanvullingen van de inwoner"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opmerkingen"].voorwaardelijk = True

    def service_kwargs(self) -> dict:
        d = dict(self.cleaned_data)
        d["ontvangen_op"] = d.pop("reactie_ontvangen_op")
        return d


class VervolgafspraakForm(KeukentafelForm):
    datum_bereik = {"uiterlijk": GEPLAND}
    prefix = "afspraak"
    actie = forms.CharField(
        label=_("Wat moet er gebeuren?"), max_length=KORT, widget=forms.Textarea(attrs={"rows": 2})
    )
    eigenaar = forms.ModelChoiceField(
        label=_("Wie doet het (medewerker)?"),
        queryset=None,
        required=False,
        empty_label=_("Geen medewerker"),
    )
    eigenaar_anders = forms.CharField(
        label=_("Of: iemand anders"), required=False, help_text=_("Bijvoorbeeld de inwoner of de dochter.")
    )
    uiterlijk = forms.DateField(label=_("Uiterlijk op"), widget=DATE_WIDGET, input_formats=DATE_FORMATS)

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = medewerkers
        self.fields["eigenaar"].voorwaardelijk = True
        self.fields["eigenaar_anders"].voorwaardelijk = True


class PersoonlijkPlanForm(KeukentafelForm):
    datum_bereik = {"ontvangen_op": ONTVANGEN}
    prefix = "plan"
    bestand = forms.FileField(
        label=_("Persoonlijk plan (PDF, JPG of PNG)"),
        help_text=_("Een scan of foto mag ook. Hoogstens 10 MB."),
    )
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATE_WIDGET, input_formats=DATE_FORMATS)
