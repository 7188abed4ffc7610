from django import forms
from django.db.models import Q

from wmo.constants import Rol
from wmo.forms import KeukentafelForm
from wmo.models import Team

from .constants import REDEN_MAX


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
