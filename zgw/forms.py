from django import forms
from django.db import models

from wmo.forms import KeukentafelModelForm

from .catalogi import TYPE_VELDEN, VERBINDING_VELDEN, Keuzes
from .models import ZgwKoppeling


def _veld(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class KoppelingForm(KeukentafelModelForm):
    """The connection settings of one gemeente; the secret is only the name of an environment variable.

    ``ophalen``: the beheerder asked for the lists of the Catalogi API ("Typen ophalen"). Then only
    the fields needed to reach it are validated (the rest may still be empty) and nothing is saved.
    ``toon_keuzes`` turns the type fields into lists; the value stays the type's URL.
    """

    class Meta:
        model = ZgwKoppeling
        exclude = ["gemeente"]
        formfield_callback = _veld
        widgets = {"client_id": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, ophalen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ophalen = ophalen
        self.fields["timeout_seconden"].min_value = 1
        self.fields["timeout_seconden"].max_value = 60
        self.fields["timeout_seconden"].widget.attrs.update(min=1, max=60)
        if ophalen:
            self.fields["catalogi_api"].required = True

    def _post_clean(self):
        if self.ophalen:
            # Only the connection counts; the other fields are what is being filled in.
            for naam in [n for n in self._errors if n not in VERBINDING_VELDEN]:
                del self._errors[naam]
            return
        super()._post_clean()

    def verbinding(self) -> ZgwKoppeling:
        """An unsaved koppeling with the typed connection (after is_valid), to ask the Catalogi API."""
        velden = {n: self.cleaned_data.get(n) for n in (*VERBINDING_VELDEN, "zaaktype")}
        return ZgwKoppeling(**{n: w for n, w in velden.items() if w is not None})

    def toon_keuzes(self, keuzes: Keuzes) -> None:
        """Each type field with something to choose from becomes a list (its omschrijving shown, its
        URL the value). A value that is not in the list stays as its own option, so nothing typed is
        lost."""
        for naam in TYPE_VELDEN:
            lijst = keuzes.voor_veld(naam)
            if lijst is None:
                continue
            veld = self.fields[naam]
            huidig = self[naam].value() or ""
            opties = [("", "Kies een type" if veld.required else "Geen")]
            opties += [(k.url, k.label) for k in lijst]
            if huidig and huidig not in {k.url for k in lijst}:
                opties.append((huidig, f"Niet in de lijst: {huidig}"))
            attrs = {k: v for k, v in veld.widget.attrs.items() if k in ("aria-describedby", "aria-invalid")}
            attrs["class"] = "utrecht-select utrecht-select--html-select"
            veld.widget = forms.Select(attrs=attrs, choices=opties)

    def validate_unique(self):
        """The gemeente is set by the service (exclude); uniqueness is the service's concern."""
