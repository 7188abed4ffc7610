"""Two-step verification: setting it up, checking a code, and a reset by beheer.

Every medewerker logs in with a password AND a code from an authenticator app (TOTP, RFC 6238),
whatever the role: loket, consulent and teamleider open dossiers with health data, and the
functioneel beheerder grants access to them (roles, teams, users). BIO (Baseline
Informatiebeveiliging Overheid) 9.4.2 asks for a safe log-on procedure and NEN 7510-2 9.4.2 for
two-factor authentication where health data is reached; AVG art. 32 for security fitting the risk.
A session that logged in through the gemeente's identity provider counts as verified when
``OIDC_MFA_DOOR_IDP`` is on (the identity provider asks for the second factor; choice documented
in the settings and the README).

Setting up: an unconfirmed TOTP device is made (``tweestaps_beginnen``), the medewerker scans it
and confirms with a code (``tweestaps_bevestigen``), and gets ten recovery codes, shown once. A
recovery code works once (django-otp's StaticDevice deletes it). Wrong codes are throttled per
device by django-otp (1, 2, 4, 8 ... seconds between tries), next to the lockout of passwords
(django-axes).
"""

import logging
from base64 import b32decode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wmo.constants import Rol
from wmo.models import Medewerker

from .constants import AANTAL_HERSTELCODES, TweestapsSoort
from .models import Tweestapsgebeurtenis

logger = logging.getLogger("keukentafel.toegang")

TE_SNEL = "U heeft te vaak een verkeerde code ingevuld. Wacht een paar seconden en probeer het opnieuw."
ONJUIST = "Deze code klopt niet. Vul de code in die de app nu toont, of een herstelcode."


def _vastleggen(*, medewerker: Medewerker, soort: TweestapsSoort, door: Medewerker) -> None:
    gebeurtenis = Tweestapsgebeurtenis(medewerker=medewerker, soort=soort, door=door)
    gebeurtenis.full_clean()
    gebeurtenis.save()


def _normaliseren(code: str) -> str:
    """A code as typed: spaces and dashes (from copying a grouped code) do not count."""
    return "".join(code.split()).replace("-", "").lower()


def _totp_code(code: str) -> bool:
    return code.isdigit() and len(code) == 6


def _herstelcodes_maken(*, medewerker: Medewerker) -> list[str]:
    """Ten new recovery codes in one StaticDevice; a new set replaces any old one."""
    StaticDevice.objects.filter(user=medewerker).delete()
    herstel = StaticDevice(user=medewerker, name="Herstelcodes", confirmed=True)
    herstel.full_clean()
    herstel.save()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=herstel, token=c) for c in codes)
    return codes


def tweestaps_beginnen(*, medewerker: Medewerker) -> TOTPDevice:
    """The unconfirmed TOTP device to scan: the one already started (a page reload shows the same
    QR code), or a new one with a random secret. Refused when the medewerker already has one."""
    with transaction.atomic():
        if TOTPDevice.objects.devices_for_user(medewerker, confirmed=True).exists():
            raise ValidationError("Tweestapsverificatie is al ingericht.")
        apparaat = TOTPDevice.objects.filter(user=medewerker, confirmed=False).order_by("pk").first()
        if apparaat is None:
            apparaat = TOTPDevice(user=medewerker, name="Authenticator-app", confirmed=False)
            apparaat.full_clean()
            apparaat.save()
        return apparaat


def tweestaps_bevestigen(*, medewerker: Medewerker, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the scanned device with a code from the app; gives the device and ten new recovery
    codes (shown once: only the medewerker keeps them)."""
    code = _normaliseren(code)
    # A wrong code is counted for throttling (saved by django-otp), so the refusal is raised after
    # the transaction commits, never inside it (that would roll the count back).
    with transaction.atomic():
        apparaat = (
            TOTPDevice.objects.select_for_update()
            .filter(user=medewerker, confirmed=False)
            .order_by("pk")
            .first()
        )
        if apparaat is None:
            fout = ValidationError("Begin opnieuw met inrichten: er is geen app om te bevestigen.")
        elif not apparaat.verify_is_allowed()[0]:
            fout = ValidationError({"code": TE_SNEL})
        elif not (_totp_code(code) and apparaat.verify_token(code)):
            fout = ValidationError(
                {"code": "Deze code klopt niet. Vul de zes cijfers in die de app nu toont."}
            )
        else:
            fout = None
            apparaat.confirmed = True
            apparaat.full_clean()
            apparaat.save()
            codes = _herstelcodes_maken(medewerker=medewerker)
            _vastleggen(medewerker=medewerker, soort=TweestapsSoort.INGERICHT, door=medewerker)
    if fout is not None:
        logger.warning("Tweestapsverificatie inrichten mislukt voor %s", medewerker.username)
        raise fout
    logger.info("Tweestapsverificatie ingericht door %s", medewerker.username)
    return apparaat, codes


def tweestaps_controleren(*, medewerker: Medewerker, code: str) -> Device:
    """The second step of logging in: six digits from the app, or a recovery code (which is then
    used up). Gives the device that accepted the code; refuses a wrong code, and any code while
    the device is throttled after wrong ones."""
    code = _normaliseren(code)
    model = TOTPDevice if _totp_code(code) else StaticDevice
    # As above: the refusal comes after the transaction, so django-otp's throttling count stays.
    fout = None
    with transaction.atomic():
        apparaat = (
            model.objects.devices_for_user(medewerker, confirmed=True)
            .select_for_update()
            .order_by("pk")
            .first()
        )
        if apparaat is None:
            fout, reden = ValidationError({"code": ONJUIST}), f"geen {model.__name__}"
        elif not apparaat.verify_is_allowed()[0]:
            fout, reden = ValidationError({"code": TE_SNEL}), "te veel verkeerde codes, even wachten"
        elif not apparaat.verify_token(code):
            fout, reden = ValidationError({"code": ONJUIST}), "verkeerde code"
        elif model is StaticDevice:
            _vastleggen(medewerker=medewerker, soort=TweestapsSoort.HERSTELCODE_GEBRUIKT, door=medewerker)
            logger.warning(
                "Herstelcode gebruikt door %s (nog %d over)", medewerker.username, apparaat.token_set.count()
            )
    if fout is not None:
        logger.warning("Tweestapsverificatie mislukt voor %s: %s", medewerker.username, reden)
        raise fout
    logger.info("Tweestapsverificatie gelukt voor %s", medewerker.username)
    return apparaat


def tweestaps_mag_herstellen(*, medewerker: Medewerker, door: Medewerker) -> bool:
    """An active functioneel beheerder resets the two-step verification of a medewerker of the same
    organisation, never their own (someone else checks who asks for it) and never a superuser's
    (the technical back door is set outside the app)."""
    return (
        door.is_active
        and door.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
        and door.organisatie_id is not None
        and medewerker.organisatie_id == door.organisatie_id
        and medewerker.pk != door.pk
        and not medewerker.is_superuser
    )


def tweestaps_herstellen(*, medewerker: Medewerker, door: Medewerker, reden: str) -> Medewerker:
    """Remove all of the medewerker's devices (app and recovery codes), for a lost or new phone.

    The next request of any session of the medewerker is no longer verified (django-otp finds no
    device), so they set up two-step verification again after the password. Recorded with who did
    it and why, and the medewerker gets a mail that it happened.

    Choice: one beheerder, no four eyes (BIO 9.2.2 asks four eyes for *granting* privileged
    rights). A reset grants nothing: the password is still needed, and only the owner of the
    account can then set up a new app. The person who lost the phone is locked out until it is
    done, so waiting for a second beheerder costs the work of a day. The risk that remains (a
    beheerder resets it for someone who also knows the password) is covered by the trace, the
    log line and the mail to the medewerker, who can raise the alarm.
    """
    if not tweestaps_mag_herstellen(medewerker=medewerker, door=door):
        raise PermissionDenied
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Schrijf op waarom de tweestapsverificatie opnieuw moet."})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=medewerker).delete()
        StaticDevice.objects.filter(user=medewerker).delete()
        gebeurtenis = Tweestapsgebeurtenis(
            medewerker=medewerker, soort=TweestapsSoort.HERSTELD, door=door, reden=reden
        )
        gebeurtenis.full_clean()
        gebeurtenis.save()
    logger.warning(
        "Tweestapsverificatie van %s opnieuw ingesteld door %s", medewerker.username, door.username
    )
    if medewerker.email:
        send_mail(
            "Uw tweestapsverificatie in Keukentafel is opnieuw ingesteld",
            f"Beste {medewerker.get_full_name() or medewerker.username},\n\n"
            f"{door.get_full_name() or door.username} (functioneel beheer) heeft de tweestapsverificatie "
            "van uw account in Keukentafel opnieuw ingesteld. Uw oude app en herstelcodes werken niet meer.\n"
            "Na uw wachtwoord stelt u een nieuwe app in.\n\n"
            f"De reden: {reden}\n\n"
            "Heeft u hier niet om gevraagd? Neem dan meteen contact op met de functioneel beheerder "
            "of de servicedesk.\n",
            None,
            [medewerker.email],
            fail_silently=True,
        )
    return medewerker


def tweestaps_demo_inrichten(*, medewerker: Medewerker, geheim: str) -> TOTPDevice:
    """DEMO ONLY (``manage.py demo`` with TWEESTAPS_DEMO_GEHEIM): give a demo user a confirmed app
    with a known, shared secret, so one authenticator entry opens every demo login. A secret that
    several people know is no second factor, so this refuses to run outside DEBUG."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Een gedeeld demogeheim kan alleen met DEBUG=true.")
    geheim = geheim.replace(" ", "").upper()
    sleutel = b32decode(geheim + "=" * (-len(geheim) % 8)).hex()
    with transaction.atomic():
        TOTPDevice.objects.filter(user=medewerker).delete()
        apparaat = TOTPDevice(
            user=medewerker, name="Demo-app (gedeeld demogeheim)", key=sleutel, confirmed=True
        )
        apparaat.full_clean()
        apparaat.save()
    logger.warning("Demo: %s heeft het gedeelde demogeheim als tweede stap", medewerker.username)
    return apparaat
