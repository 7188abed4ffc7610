from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wmo.codelijsten import Communicatievorm, Geslacht, JuridischeStatus, NaamGebruik
from wmo.forms import KeukentafelForm, KeukentafelModelForm, SnelleSelect
from wmo.models import Medewerker, Team
from wmo.query import consulenten_voor
from wmo.regels.vertegenwoordiging import Vertegenwoordiging, minderjarig
from wmo.tekstlengte import LANG
from wmo.validators import DatumBereik, normalize_postcode, validate_niet_in_toekomst

from .constants import Afsluitreden, Kanaal, MelderRelatie, RaadplegingReden
from .models import RAADPLEGING_TOELICHTING_MAX, Inwoner, Melding

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

# The ranges of the app's date fields (wmo.validators.DatumBereik), chosen here once:
# - a date something was received (melding, aanvraag, plan, reactie, ingebrekestelling, bezwaar)
#   or done (besluit): never in the future, and at most two years back. Registering later than
#   that is in practice a typo in the year; the beslistermijn of two weeks (Wmo 2015 art. 2.3.5)
#   and the bezwaartermijn of six weeks (Awb 6:7) are long over by then.
# - a date planned (gesprek, opschorting, vervolgafspraak, verdaging): from a year back (a
#   gesprek recorded afterwards) to a year ahead (Awb 4:14 asks for a "redelijke termijn";
#   a year is more than any of these).
ONTVANGEN = DatumBereik(jaren_terug=2, niet_in_toekomst=True)
GEPLAND = DatumBereik(jaren_terug=1, jaren_vooruit=1)


class ZoekForm(KeukentafelForm):
    q = forms.CharField(
        label=_("Zoek een inwoner"),
        required=False,
        max_length=100,
        help_text=_("BSN, naam, geboortedatum (dd-mm-jjjj) of postcode met huisnummer (2011 AB 12)."),
        # The loket's work starts here: the cursor is in the field when the page opens.
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "autofocus": True}),
    )


class RaadplegenForm(KeukentafelForm):
    """The reason for opening a dossier without a care relation (services.inwoner_raadplegen)."""

    reden = forms.ChoiceField(
        label=_("Waarom wilt u het dossier inzien?"),
        choices=RaadplegingReden.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarom u het dossier wilt inzien.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=RAADPLEGING_TOELICHTING_MAX,
        help_text=_("Verplicht bij ‘Anders’. Schrijf geen gezondheidsgegevens op."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toelichting"].voorwaardelijk = True  # required with 'Anders' only: the help text says so


class InwonerForm(KeukentafelModelForm):
    # Nobody alive was born before 1900; nobody is born tomorrow.
    datum_bereik = {"geboortedatum": DatumBereik(vanaf=date(1900, 1, 1), niet_in_toekomst=True)}
    postcode = forms.CharField(label=_("postcode"), max_length=7, help_text=_("Bijvoorbeeld 2011 AB."))
    vertegenwoordiger_postcode = forms.CharField(
        label=_("postcode vertegenwoordiger"),
        max_length=7,
        required=False,
        help_text=_("Bijvoorbeeld 2011 AB."),
    )
    toestemming_verslag_bewindvoerder = forms.BooleanField(
        label=_("De inwoner geeft toestemming dat de bewindvoerder het verslag krijgt"),
        required=False,
        help_text=_(
            "In het verslag staat veel over gezondheid. Een bewindvoerder gaat over geld en krijgt het "
            "verslag alleen als de inwoner dat goed vindt. Wij schrijven op wanneer en door wie dit is vastgelegd."
        ),
    )

    class Meta:
        model = Inwoner
        fields = [
            "bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht",
            "naamgebruik", "partner_tussenvoegsel", "partner_achternaam",
            "communicatievorm", "communicatie_taal", "juridische_status",
            "straat", "huisnummer", "huisnummer_toevoeging", "postcode", "woonplaats", "gemeente",
            "telefoon", "email", "contactvoorkeur",
            "vertegenwoordiger_soort", "vertegenwoordiger_naam", "vertegenwoordiger_adres",
            "vertegenwoordiger_postcode", "vertegenwoordiger_woonplaats",
            "vertegenwoordiger_telefoon", "vertegenwoordiger_email",
            "contactpersoon_naam", "contactpersoon_relatie", "contactpersoon_telefoon",
            "contactpersoon_email", "contactpersoon_adres", "contactpersoon_krijgt_kopie",
            "geen_clientervaringsonderzoek",
        ]  # fmt: skip
        widgets = {"geboortedatum": DATE_WIDGET}
        error_messages = {"bsn": {"unique": _("Er is al een inwoner met dit BSN. Zoek de inwoner op.")}}

    def clean_naamgebruik(self):
        return self.cleaned_data.get("naamgebruik") or NaamGebruik.EIGEN_NAAM

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["geboortedatum"].input_formats = DATE_FORMATS
        self.fields["bsn"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["gemeente"].queryset = gemeenten
        self.fields["gemeente"].empty_label = None
        # Required at the loket (the iWmo toewijzing needs it); "Onbekend" is a valid answer.
        self.fields["geslacht"].required = True
        self.fields["geslacht"].help_text = _("Zoals in de BRP. Kies ‘Onbekend’ als u het niet weet.")
        self.fields["geslacht"].choices = [("", _("Kies het geslacht")), *Geslacht.choices]
        self.fields["geslacht"].error_messages["required"] = _(
            "Kies het geslacht. Weet u het niet? Kies dan ‘Onbekend’."
        )
        # Most people use their own name: the default when nothing is chosen.
        self.fields["naamgebruik"].required = False
        self.fields["communicatievorm"].choices = [("", _("Geen tolk nodig")), *Communicatievorm.choices]
        self.fields["juridische_status"].choices = [("", _("Geen maatregel")), *JuridischeStatus.choices]
        self.fields["vertegenwoordiger_soort"].choices = [
            ("", _("Geen vertegenwoordiger")),
            *Vertegenwoordiging.choices,
        ]
        self.fields["contactpersoon_krijgt_kopie"].help_text = _(
            "Alleen als de inwoner dat wil. De contactpersoon krijgt dan van elke brief een kopie op het adres hierboven."
        )
        self.fields["contactpersoon_adres"].help_text = _(
            "Straat en huisnummer, postcode en plaats, met komma's ertussen."
        )
        if self.instance.pk:
            self.initial.setdefault(
                "toestemming_verslag_bewindvoerder", self.instance.heeft_toestemming_verslag_bewindvoerder
            )
            if self.instance.toestemming_verslag_bewindvoerder_op:
                self.fields["toestemming_verslag_bewindvoerder"].help_text = _(
                    "Vastgelegd op %(datum)s door %(door)s."
                ) % {
                    "datum": date_format(self.instance.toestemming_verslag_bewindvoerder_op, "j F Y"),
                    "door": self.instance.toestemming_verslag_bewindvoerder_door,
                }

    def clean_postcode(self):
        return normalize_postcode(self.cleaned_data["postcode"])

    def clean_vertegenwoordiger_postcode(self):
        waarde = self.cleaned_data["vertegenwoordiger_postcode"]
        return normalize_postcode(waarde) if waarde else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("toestemming_verslag_bewindvoerder") and (
            cleaned.get("vertegenwoordiger_soort") != Vertegenwoordiging.BEWINDVOERDER
        ):
            self.add_error(
                "toestemming_verslag_bewindvoerder",
                _("Deze toestemming geldt alleen als de vertegenwoordiger een bewindvoerder is."),
            )
        # Gezag is only over a minor (BW art. 1:233, 1:245 lid 1; wmo.regels.vertegenwoordiging).
        if cleaned.get("vertegenwoordiger_soort") == Vertegenwoordiging.GEZAG and not minderjarig(
            cleaned.get("geboortedatum"), timezone.localdate()
        ):
            self.add_error(
                "vertegenwoordiger_soort",
                _(
                    "Een ouder of voogd met gezag kan alleen bij een kind onder de 18 jaar. "
                    "Kies een andere soort vertegenwoordiger, of geen."
                ),
            )
            # The model's own check must see the chosen kind (not saved: the form is invalid), or it
            # would add "Kies of de vertegenwoordiger ..." for the name that was typed.
            self.instance.vertegenwoordiger_soort = Vertegenwoordiging.GEZAG
        if not cleaned.get("toestemming_verslag_bewindvoerder"):
            # Unticked means withdrawn (the service clears it too); the model's check must not see the old consent.
            self.instance.toestemming_verslag_bewindvoerder_op = None
            self.instance.toestemming_verslag_bewindvoerder_door = None
        return cleaned

    def clean_bsn(self):
        return (self.cleaned_data["bsn"] or "").replace(" ", "").replace(".", "")


class MeldingForm(KeukentafelForm):
    # Not in the future is checked with the time in clean() (validate_niet_in_toekomst).
    datum_bereik = {"ontvangen_datum": DatumBereik(jaren_terug=2)}
    service_field_map = {"ontvangen_op": "ontvangen_datum"}

    ontvangen_datum = forms.DateField(
        label=_("Datum ontvangen"),
        help_text=_("De dag waarop de melding binnenkwam. Dit kan eerder zijn dan vandaag, nooit later."),
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
    )
    ontvangen_tijd = forms.TimeField(
        label=_("Tijd ontvangen"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    kanaal = forms.ChoiceField(
        label=_("Hoe kwam de melding binnen?"), choices=Kanaal.choices, initial=Kanaal.TELEFOON
    )
    hulpvraag = forms.CharField(
        label=_("Hulpvraag"),
        help_text=_(
            "In de woorden van de inwoner: wat lukt niet meer? Schrijf het probleem op, niet een product."
        ),
        max_length=LANG,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf de hulpvraag op in de woorden van de inwoner.")},
    )
    melder = forms.ChoiceField(
        label=_("Wie meldt?"),
        choices=[
            ("inwoner", _("De inwoner zelf")),
            ("ander", _("Iemand anders namens de inwoner")),
        ],
        widget=forms.RadioSelect,
        initial="inwoner",
    )
    melder_naam = forms.CharField(label=_("Naam melder"), required=False)
    melder_relatie = forms.ChoiceField(
        label=_("Relatie tot de inwoner"),
        choices=[("", "—")] + MelderRelatie.choices,
        required=False,
    )
    melder_organisatie = forms.CharField(label=_("Organisatie melder"), required=False)
    melder_telefoon = forms.CharField(label=_("Telefoon melder"), required=False)
    toestemming_inwoner = forms.ChoiceField(
        label=_("Geeft de inwoner toestemming voor deze melding?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        required=False,
    )
    spoed = forms.BooleanField(label=_("Spoed: de inwoner heeft direct hulp nodig"), required=False)
    spoed_reden = forms.CharField(
        label=_("Waarom is het spoed?"),
        help_text=_("Verplicht als het spoed is."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    bekend = forms.BooleanField(label=_("De inwoner is al bekend (herindicatie)"), required=False)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), empty_label=None)
    consulent = forms.ModelChoiceField(
        label=_("Consulent"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Nog niet: in de wachtrij van het team"),
    )
    tweede_melding_bevestigd = forms.BooleanField(
        label=_("Ik wil toch een tweede open melding registreren"), required=False
    )
    tweede_melding_reden = forms.CharField(
        label=_("Reden voor een tweede open melding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, teams, consulenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["consulent"].queryset = consulenten
        for naam in self.VOORWAARDELIJK:
            self.fields[naam].voorwaardelijk = True
        # Received: now, in Europe/Amsterdam (settings.TIME_ZONE), to the minute. The page shows it as
        # one line with a disclosure "Andere datum of tijd" (melding_form.html): no Tab stops on the
        # date and time segments unless the user wants another moment.
        now = timezone.localtime()
        self.initial.setdefault("ontvangen_datum", now.date())
        self.initial.setdefault("ontvangen_tijd", now.strftime("%H:%M"))
        if not self.is_bound:
            self.fields["hulpvraag"].widget.attrs["autofocus"] = True

    @property
    def ontvangen_anders(self) -> bool:
        """Whether the date and time fields are shown open: after an error in them, or when the
        user gave another day than today (what they typed stays visible)."""
        if not self.is_bound:
            return False
        if self["ontvangen_datum"].errors or self["ontvangen_tijd"].errors:
            return True
        return self["ontvangen_datum"].value() != self.initial["ontvangen_datum"].isoformat()

    @property
    def ontvangen_tijd_tekst(self) -> str:
        """The time shown in the closed line "Ontvangen: vandaag om 14:05 uur"."""
        waarde = self["ontvangen_tijd"].value()
        return waarde.strftime("%H:%M") if hasattr(waarde, "strftime") else str(waarde or "")

    # Required only in some situations (the service checks when): not marked "niet verplicht".
    VOORWAARDELIJK = (
        "melder_naam",
        "melder_relatie",
        "toestemming_inwoner",
        "spoed_reden",
        "tweede_melding_reden",
    )

    def clean(self):
        d = super().clean()
        if d.get("ontvangen_datum") and d.get("ontvangen_tijd"):
            try:
                validate_niet_in_toekomst(self._ontvangen_op())
            except forms.ValidationError as e:
                self.add_error("ontvangen_datum", e)
        return d

    def _ontvangen_op(self):
        d = self.cleaned_data
        return timezone.make_aware(datetime.combine(d["ontvangen_datum"], d["ontvangen_tijd"]))

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        ontvangen_op = self._ontvangen_op()
        toestemming = {"ja": True, "nee": False}.get(d["toestemming_inwoner"])
        return {
            "ontvangen_op": ontvangen_op,
            "kanaal": d["kanaal"],
            "hulpvraag": d["hulpvraag"],
            "melder_is_inwoner": d["melder"] == "inwoner",
            "melder_naam": d["melder_naam"],
            "melder_relatie": d["melder_relatie"],
            "melder_organisatie": d["melder_organisatie"],
            "melder_telefoon": d["melder_telefoon"],
            "toestemming_inwoner": toestemming,
            "spoed": d["spoed"],
            "spoed_reden": d["spoed_reden"],
            "bekend": d["bekend"],
            "team": d["team"],
            "consulent": d["consulent"],
            "tweede_melding_bevestigd": d["tweede_melding_bevestigd"],
            "tweede_melding_reden": d["tweede_melding_reden"],
        }


class ToewijzenForm(KeukentafelForm):
    consulent = forms.ModelChoiceField(
        label=_("Consulent"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Wachtrij van het team"),
    )

    def __init__(self, *args, consulenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = consulenten


class WerkvoorraadToewijzenForm(KeukentafelForm):
    """The werkvoorraad's one assign control: a row chosen with its radio button, and a consulent
    of that melding's team (or the team's queue)."""

    melding = forms.ModelChoiceField(
        label=_("Melding"),
        queryset=Melding.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Kies eerst een melding in de lijst."),
            "invalid_choice": _("Kies eerst een melding in de lijst."),
        },
    )
    consulent = forms.ModelChoiceField(
        label=_("Toewijzen aan"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Wachtrij van het team"),
        widget=SnelleSelect,  # every consulent of the region: a long list
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].queryset = Melding.objects.zichtbaar_voor(user).open()
        self.fields["consulent"].queryset = consulenten_voor(user)
        # One list for every row: the team in the label says who can take which melding.
        self.fields["consulent"].label_from_instance = lambda c: (
            f"{c} ({c.team.naam})" if c.team_id else str(c)
        )

    def clean(self):
        cleaned = super().clean()
        melding, consulent = cleaned.get("melding"), cleaned.get("consulent")
        if melding and consulent and consulent.team_id != melding.team_id:
            self.add_error(
                "consulent",
                _("%(naam)s werkt niet in het team van %(kenmerk)s. Kies een consulent van dat team.")
                % {"naam": consulent, "kenmerk": melding.kenmerk},
            )
        return cleaned


class AfsluitenForm(KeukentafelForm):
    service_field_map = {"afsluitreden": "reden", "afsluit_toelichting": "toelichting"}

    reden = forms.ChoiceField(
        label=_("Waarom wordt de melding afgesloten?"),
        choices=Afsluitreden.choices,
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        help_text=_("Verplicht bij intrekken: bijvoorbeeld ‘afgezien vanwege de eigen bijdrage’."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
