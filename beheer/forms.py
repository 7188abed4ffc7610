from django import forms
from django.db.models import Q

from wmo.constants import Rol
from wmo.forms import KeukentafelForm, KeukentafelModelForm
from wmo.models import Gemeente, Team

from .constants import REDEN_MAX
from .instellingen import GEGEVENS, TRIAGE_INSTELBAAR


class MedewerkerForm(KeukentafelForm):
    """Create or change an account. No password field: the user chooses one through a link."""

    username = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        help_text="Letters, cijfers en @ . + - _ ; kan later niet meer veranderen.",
    )
    first_name = forms.CharField(label="Voornaam", max_length=150)
    last_name = forms.CharField(label="Achternaam", max_length=150)
    email = forms.EmailField(label="E-mailadres", help_text="Hier komt de link om een wachtwoord te kiezen.")
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.none(), empty_label="Kies een team")
    telefoon = forms.CharField(label="Telefoon", max_length=30, required=False)

    def __init__(self, *args, organisatie_id, bestaand: bool = False, huidig_team_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(
            Q(actief=True) | Q(pk=huidig_team_id), organisatie_id=organisatie_id
        ).order_by("naam")
        if bestaand:
            del self.fields["username"]
            self.fields[
                "email"
            ].help_text = "Een nieuw e-mailadres zet de rollen van dit account stil tot een tweede beheerder ze opnieuw goedkeurt."


class RolAanvragenForm(KeukentafelForm):
    rol = forms.ChoiceField(label="Rol", choices=())
    reden = forms.CharField(
        label="Waarom heeft deze medewerker de rol nodig?",
        max_length=REDEN_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Een andere beheerder leest dit voordat die goedkeurt.",
    )

    def __init__(self, *args, rollen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = [("", "Kies een rol"), *[(r, Rol(r).label) for r in rollen]]


class RedenForm(KeukentafelForm):
    reden = forms.CharField(label="Reden", max_length=REDEN_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class GoedkeurenForm(KeukentafelForm):
    opmerking = forms.CharField(
        label="Opmerking", max_length=REDEN_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class WeigerenForm(KeukentafelForm):
    prefix = "weigeren"
    service_field_map = {"beoordeling": "reden"}

    reden = forms.CharField(
        label="Waarom weigert u?", max_length=REDEN_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class TeamForm(KeukentafelForm):
    naam = forms.CharField(
        label="Naam van het team",
        max_length=100,
        help_text="Zo heet het team in de lijsten en in brieven, bijvoorbeeld ‘Wmo-team Noord’.",
    )
    telefoon = forms.CharField(
        label="Telefoonnummer",
        max_length=30,
        required=False,
        help_text="Staat in een brief als contact wanneer een melding nog geen consulent heeft.",
    )
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        help_text="Staat in een brief als contact wanneer een melding nog geen consulent heeft.",
    )


WACHTRIJ = "wachtrij"


class OverdrachtForm(KeukentafelForm):
    """Hand over all open meldingen: to whom, and the number the beheerder saw."""

    naar = forms.ChoiceField(
        label="Aan wie gaan de meldingen?",
        choices=(),
        help_text="Een consulent krijgt alle open meldingen. Kiest u de wachtrij, dan gaat elke melding "
        "terug naar de wachtrij van haar eigen team.",
        error_messages={
            "required": "Kies aan wie de meldingen gaan.",
            "invalid_choice": "Kies een consulent uit de lijst.",
        },
    )
    verwacht = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, ontvangers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = [
            ("", "Kies een consulent"),
            *[(str(c.pk), f"{c} ({c.team.naam})" if c.team_id else str(c)) for c in ontvangers],
            (WACHTRIJ, "De wachtrij van het team (nog geen consulent)"),
        ]


# --- Gemeenten, organisation and partners (beheer.instellingen) ---------------------------------


def _vinkje(label: str) -> forms.BooleanField:
    """A check box added after the form's __init__ (which gives the others their Utrecht class)."""
    return forms.BooleanField(
        label=label,
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )


GEGEVENS_HULP = {
    "naam": "Zonder ‘Gemeente’ ervoor, bijvoorbeeld ‘Haarlem’. Zo staat hij in de brieven.",
    "bezoekadres": "Waar inwoners langs kunnen komen, bijvoorbeeld ‘Zijlvest 39, Haarlem’.",
    "postadres": "Het adres voor post, bijvoorbeeld ‘Postbus 511’. Staat bovenaan elke brief.",
    "postcode_plaats": "Bij het postadres, bijvoorbeeld ‘2003 PB Haarlem’.",
    "telefoon": "Het nummer dat inwoners bellen met vragen. Staat in elke brief.",
    "website": "Bijvoorbeeld ‘www.haarlem.nl’. Staat in elke brief.",
    "bezwaar_adres": "Naar dit adres sturen inwoners hun bezwaar. Het staat in elke beschikking.",
    "rechtbank_adres": "Het postadres van de rechtbank, voor beroep na bezwaar.",
    "ombudsman_contact": "Hoe inwoners de ombudsman bereiken: website en telefoon.",
}


class GemeenteGegevensForm(KeukentafelModelForm):
    """Details and letterhead of a gemeente (saved by beheer.instellingen.gemeente_gegevens_wijzigen)."""

    class Meta:
        model = Gemeente
        fields = GEGEVENS
        help_texts = GEGEVENS_HULP


class GemeenteAanmakenForm(GemeenteGegevensForm):
    class Meta(GemeenteGegevensForm.Meta):
        fields = (
            "naam",
            "cbs_code",
            "bezoekadres",
            "postadres",
            "postcode_plaats",
            "telefoon",
            "website",
            "bezwaar_adres",
        )


class LogoForm(KeukentafelForm):
    logo = forms.FileField(
        label="Logo (PNG of JPG)",
        help_text="Hoogstens 1 MB. Een SVG kan niet. Wij maken er een nieuwe PNG van, zonder extra gegevens, "
        "van hoogstens 800 bij 300 pixels. Het logo komt links bovenaan in elke brief.",
    )


class GemeenteInstellingenForm(KeukentafelForm):
    """The settings that change the flow; each explained in B1 (the page adds an example)."""

    verslag_telt_als_aanvraag = forms.BooleanField(
        label="Een ondertekend verslag telt als aanvraag",
        required=False,
        help_text="Aan: vraagt de inwoner in het ondertekende verslag om een maatwerkvoorziening, dan is dat de "
        "aanvraag. De inwoner hoeft dan geen apart formulier in te vullen.",
    )
    let_op_werkdagen = forms.IntegerField(
        label="‘Let op’ vanaf hoeveel werkdagen voor de termijn?",
        help_text="Zoveel werkdagen voor het einde van een termijn krijgt een melding of aanvraag het label ‘let op’ "
        "in de lijsten. Kies 1 tot en met 20.",
    )
    nazorg_weken = forms.IntegerField(
        label="Nazorg na hoeveel weken?",
        help_text="Zoveel weken nadat de hulp begint, belt de consulent de inwoner om te vragen hoe het gaat. "
        "Kies 1 tot en met 26.",
    )
    einddatum_signaal_weken = forms.IntegerField(
        label="Signaal hoeveel weken voor de einddatum?",
        help_text="Zoveel weken voordat een voorziening stopt, ziet de consulent haar op de werkvoorraad. Zo is er "
        "tijd voor een nieuwe melding (herindicatie). Kies 1 tot en met 26.",
    )
    iwmo_start_signaal_werkdagen = forms.IntegerField(
        label="‘Aanbieder nog niet gestart’ na hoeveel werkdagen?",
        help_text="Meldt de aanbieder zoveel werkdagen na de ingangsdatum van een toewijzing nog geen start van de "
        "zorg (iWmo-startbericht), dan ziet de consulent dat op de werkvoorraad en de teamleider op het dashboard. "
        "Kies 1 tot en met 60.",
    )
    sessie_inactief_minuten = forms.IntegerField(
        label="Uitloggen na hoeveel minuten niets doen?",
        help_text="Doet een medewerker zo lang niets in Keukentafel, dan wordt hij uitgelogd. Werkt uw organisatie "
        "voor meer gemeenten, dan geldt het laagste getal. Het geldt vanaf de volgende keer inloggen. "
        "Kies 5 tot en met 60.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for reden in TRIAGE_INSTELBAAR:
            self.fields[f"triage_{reden.value}"] = _vinkje(f"Mag zonder gesprek: {reden.label.lower()}")
        eerste = self.fields[f"triage_{TRIAGE_INSTELBAAR[0].value}"]
        eerste.help_text = "Zet een reden uit als de gemeente wil dat er dan toch een gesprek komt."

    @classmethod
    def initial_voor(cls, gemeente: Gemeente) -> dict:
        return {
            "verslag_telt_als_aanvraag": gemeente.verslag_telt_als_aanvraag,
            "let_op_werkdagen": gemeente.let_op_werkdagen,
            "nazorg_weken": gemeente.nazorg_weken,
            "einddatum_signaal_weken": gemeente.einddatum_signaal_weken,
            "iwmo_start_signaal_werkdagen": gemeente.iwmo_start_signaal_werkdagen,
            "sessie_inactief_minuten": gemeente.sessie_inactief_minuten,
        } | {f"triage_{r.value}": gemeente.triage_toegestaan(r.value) for r in TRIAGE_INSTELBAAR}

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "verslag_telt_als_aanvraag": d["verslag_telt_als_aanvraag"],
            "triage_toegestaan": [r.value for r in TRIAGE_INSTELBAAR if d.get(f"triage_{r.value}")],
            "let_op_werkdagen": d["let_op_werkdagen"],
            "nazorg_weken": d["nazorg_weken"],
            "einddatum_signaal_weken": d["einddatum_signaal_weken"],
            "iwmo_start_signaal_werkdagen": d["iwmo_start_signaal_werkdagen"],
            "sessie_inactief_minuten": d["sessie_inactief_minuten"],
        }


class OrganisatieForm(KeukentafelForm):
    naam = forms.CharField(label="Naam van de organisatie", max_length=200)


class PartnerForm(KeukentafelForm):
    """Per gemeente of the beheerder's organisation: does the partner work there, may it register?"""

    service_field_map = {"gemeenten": None, "registreren": None}

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeenten = list(gemeenten)
        for g in self.gemeenten:
            self.fields[f"werkt_{g.pk}"] = _vinkje(f"Werkt voor {g.naam}")
            self.fields[f"registreert_{g.pk}"] = _vinkje(
                f"Mag meldingen registreren voor inwoners van {g.naam}"
            )

    def per_gemeente(self):
        """(gemeente, its "works for" field, its "may register" field), for the template."""
        return [(g, self[f"werkt_{g.pk}"], self[f"registreert_{g.pk}"]) for g in self.gemeenten]

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "gemeenten": [g for g in self.gemeenten if d.get(f"werkt_{g.pk}")],
            "registreren": [g for g in self.gemeenten if d.get(f"registreert_{g.pk}")],
        }
