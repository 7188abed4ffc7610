"""Users in the technical back door ``/admin/`` (superusers only, wmo.adminsite).

Even a superuser does not type another person's password here (BIO 9.2.4): the password
pages of Django's UserAdmin are gone, a new account is made through
``beheer.services.medewerker_aanmaken`` (the user gets a link) and an action mails a link.
Superuser status and groups stay editable here: this is where the first beheerders of an
installation are made (after that, roles go through the four eyes of ``/beheer/``).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from wmo.models import Medewerker, Team

from . import services
from .models import Roltoekenning


class MedewerkerAanmakenForm(forms.ModelForm):
    email = forms.EmailField(label="E-mailadres", help_text="Hier komt de link om een wachtwoord te kiezen.")
    team = forms.ModelChoiceField(queryset=Team.objects.select_related("organisatie"))

    class Meta:
        model = Medewerker
        fields = ["username", "first_name", "last_name", "email", "team", "telefoon"]


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "team", "is_active", "is_superuser"]
    list_filter = ["organisatie", "team", "groups", "is_active", "is_superuser"]
    fieldsets = (
        (None, {"fields": ("username",)}),
        ("Persoon", {"fields": ("first_name", "last_name", "email", "telefoon")}),
        ("Organisatie", {"fields": ("organisatie", "team")}),
        ("Rechten", {"fields": ("is_active", "is_superuser", "groups")}),
        ("Data", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups"]
    form = forms.ModelForm  # not UserChangeForm: no password field
    add_form = MedewerkerAanmakenForm
    add_fieldsets = (
        (None, {"fields": ("username", "first_name", "last_name", "email", "team", "telefoon")}),
    )
    actions = ["wachtwoordlink_sturen"]

    def user_change_password(self, request, id, form_url=""):
        raise Http404  # nobody sets another person's password: mail a link (the action)

    def save_model(self, request, obj, form, change):
        if change:
            obj._history_user = request.user
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        try:
            nieuw = services.medewerker_aanmaken(
                door=request.user,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                team=data["team"],
                telefoon=data["telefoon"],
            )
        except ValidationError as error:  # the form validated the same fields; this is a rare race
            raise ValueError(" ".join(error.messages)) from error
        obj.pk = nieuw.pk
        obj._state = nieuw._state

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.action(description="Mail een link om een wachtwoord te kiezen")
    def wachtwoordlink_sturen(self, request, queryset):
        for medewerker in queryset:
            try:
                services.wachtwoordlink_versturen(door=request.user, medewerker=medewerker)
            except ValidationError as error:
                self.message_user(request, f"{medewerker}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{medewerker}: link gemaild naar {medewerker.email}.")


@admin.register(Roltoekenning)
class RoltoekenningAdmin(SimpleHistoryAdmin):
    """Read only: grants change through beheer.services (four eyes), never here."""

    list_display = ["medewerker", "rol", "status", "aangevraagd_door", "beoordeeld_door", "ingetrokken_door"]
    list_filter = ["rol", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
