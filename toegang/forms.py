from django import forms

from wmo.forms import KeukentafelForm


class CodeForm(KeukentafelForm):
    """The second step: six digits from the app, or a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De zes cijfers uit uw authenticator-app. Geen telefoon bij de hand? Vul een herstelcode in.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": "Vul de code in."},
    )


class BevestigCodeForm(KeukentafelForm):
    """Setting up: the first code from the app proves it was scanned well."""

    code = forms.CharField(
        label="Code uit de app",
        max_length=20,
        help_text="Zes cijfers, zonder spaties.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Vul de code uit de app in."},
    )


class HerstelRedenForm(KeukentafelForm):
    """Beheer: why the two-step verification of a colleague is reset (kept in the trace)."""

    reden = forms.CharField(
        label="Waarom moet de tweestapsverificatie opnieuw?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: telefoon kwijt, gebeld op het bekende nummer. De medewerker krijgt een mail met deze reden.",
        error_messages={"required": "Schrijf op waarom de tweestapsverificatie opnieuw moet."},
    )
