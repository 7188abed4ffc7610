"""Passwords: a person sets their own, through a one-time link sent to their e-mail address.

Nobody types another person's password (BIO 9.2.4, management of secret authentication
information: the initial secret reaches only the user, who chooses it). A beheerder who creates
a user or helps one who is locked out sends a link (``beheer.services.wachtwoordlink_versturen``);
the user asks for one on the login page ("Wachtwoord vergeten?"). Both use Django's
PasswordResetTokenGenerator: the link holds a token over the user's password hash, last login
and e-mail address, so it stops working as soon as it has been used, after a login, when the
e-mail changes, or after ``PASSWORD_RESET_TIMEOUT`` seconds.

"Wachtwoord vergeten?" always answers with the same page, whether the address is known or not
(no user enumeration). Like Django, it sends no link to a user without a usable password:
such a user never set one (the beheerder resends the first link) or signs in elsewhere.

The links point to ``SITE_URL`` (a setting), never to the Host header of the request that
asked for the mail.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .forms import KeukentafelFormMixin
from .models import Medewerker
from .services import save_with_history


def _site() -> tuple[str, bool]:
    """(domain, use_https) of SITE_URL, for the links in mails."""
    if not settings.SITE_URL:
        raise ImproperlyConfigured("SITE_URL is nodig om links te mailen (zie .env.example).")
    parts = urlsplit(settings.SITE_URL)
    return parts.netloc + parts.path.rstrip("/"), parts.scheme == "https"


def geldigheid() -> str:
    """How long a link works, in words for the mail ("3 dagen", "12 uur")."""
    uren = settings.PASSWORD_RESET_TIMEOUT // 3600
    if uren >= 24 and uren % 24 == 0:
        return "1 dag" if uren == 24 else f"{uren // 24} dagen"
    return f"{max(uren, 1)} uur"


def link_mailen(*, medewerker: Medewerker, onderwerp_template: str, tekst_template: str, **context) -> None:
    """Mail ``medewerker`` a one-time link to set their password (the mail server is outside our
    control: Django's mail backend, locmem in tests)."""
    domain, use_https = _site()
    context = {
        "email": medewerker.email,
        "domain": domain,
        "site_name": "Keukentafel",
        "uid": urlsafe_base64_encode(force_bytes(medewerker.pk)),
        "user": medewerker,
        "token": default_token_generator.make_token(medewerker),
        "protocol": "https" if use_https else "http",
        "geldigheid": geldigheid(),
        **context,
    }
    auth_forms.PasswordResetForm().send_mail(
        onderwerp_template, tekst_template, context, None, medewerker.email
    )


@transaction.atomic
def wachtwoord_instellen(*, medewerker: Medewerker, wachtwoord: str) -> Medewerker:
    """The user sets their own password through the link; the history says so (not the hash:
    Medewerker's history leaves the password out)."""
    medewerker.set_password(wachtwoord)
    save_with_history(medewerker, door=medewerker, reden="Wachtwoord ingesteld via de link")
    return medewerker


class WachtwoordVergetenForm(KeukentafelFormMixin, auth_forms.PasswordResetForm):
    def save(self, **kwargs):
        kwargs["domain_override"], kwargs["use_https"] = _site()
        kwargs["extra_email_context"] = {
            **(kwargs.get("extra_email_context") or {}),
            "geldigheid": geldigheid(),
        }
        return super().save(**kwargs)


class WachtwoordInstellenForm(KeukentafelFormMixin, auth_forms.SetPasswordForm):
    def save(self, commit=True):
        return wachtwoord_instellen(medewerker=self.user, wachtwoord=self.cleaned_data["new_password1"])


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = WachtwoordVergetenForm
    template_name = "registration/wachtwoord_vergeten.html"
    email_template_name = "registration/wachtwoord_vergeten_mail.txt"
    subject_template_name = "registration/wachtwoord_vergeten_onderwerp.txt"


class WachtwoordVergetenVerstuurdView(auth_views.PasswordResetDoneView):
    template_name = "registration/wachtwoord_vergeten_verstuurd.html"


class WachtwoordInstellenView(auth_views.PasswordResetConfirmView):
    form_class = WachtwoordInstellenForm
    template_name = "registration/wachtwoord_instellen.html"


class WachtwoordIngesteldView(auth_views.PasswordResetCompleteView):
    template_name = "registration/wachtwoord_ingesteld.html"
