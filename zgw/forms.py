from django import forms
from django.db import models

from wmo.forms import KeukentafelModelForm

from .models import ZgwKoppeling


def _veld(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class KoppelingForm(KeukentafelModelForm):
    """The connection settings of one gemeente; the secret is only the name of an environment variable."""

    class Meta:
        model = ZgwKoppeling
        exclude = ["gemeente"]
        formfield_callback = _veld
        widgets = {"client_id": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timeout_seconden"].min_value = 1
        self.fields["timeout_seconden"].max_value = 60
        self.fields["timeout_seconden"].widget.attrs.update(min=1, max=60)

    def validate_unique(self):
        """The gemeente is set by the service (exclude); uniqueness is the service's concern."""
