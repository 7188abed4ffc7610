"""The two helpers that call a service from an action view (wmo.actions)."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError

from wmo.actions import call_for_form, call_with_message
from wmo.forms import KeukentafelForm


class NaamForm(KeukentafelForm):
    naam = forms.CharField()


def _weigert(**velden):
    raise ValidationError({"naam": "Deze naam is al bezet."})


def test_call_for_form_geeft_het_resultaat():
    form = NaamForm({"naam": "Truus"})
    assert form.is_valid()
    assert call_for_form(form, lambda *, naam: naam.upper(), naam="Truus") == "TRUUS"
    assert not form.errors


def test_call_for_form_zet_de_weigering_bij_het_veld():
    form = NaamForm({"naam": "Truus"})
    assert form.is_valid()
    assert call_for_form(form, _weigert, naam="Truus") is None
    assert form.errors == {"naam": ["Deze naam is al bezet."]}
    assert form.fields["naam"].widget.attrs["aria-invalid"] == "true"


def test_call_with_message_toont_de_weigering(rf):
    request = rf.post("/")
    request._messages = CookieStorage(request)
    assert call_with_message(request, _weigert, naam="Truus") is None
    assert [str(m) for m in get_messages(request)] == ["Deze naam is al bezet."]
    assert call_with_message(request, lambda: 42) == 42
