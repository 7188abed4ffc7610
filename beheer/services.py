"""Users and their roles, maintained by the functioneel beheerder of their own organisation.

The process, in plain words. A beheerder creates a colleague's account without a password:
the colleague gets a mail with a link and chooses one (``wmo.wachtwoord``). The account has no
role yet. The beheerder asks for a role with a reason; the role takes effect only when a
second beheerder of the same organisation approves ("four eyes"). Revoking a role takes
effect at once (least privilege). Every step is recorded (``Roltoekenning`` and the history).

The rules, with where they come from:

- Access rights are given through a formal process, and privileged rights are restricted and
  given by someone else than who uses them: BIO (Baseline Informatiebeveiliging Overheid)
  9.2.2 and 9.2.3, NEN 7510-2:2017 9.2.2/9.2.3 for health data. Choice: every role needs
  four eyes, not only the dossier roles, because a second beheerder could otherwise be made
  by one person and then approve for them.
- Nobody asks for, approves or revokes a role of their own account, and a beheerder does not
  deactivate itself: a change of one's own access is always someone else's decision.
- Segregation of duties (BIO 6.1.2): who manages accounts does not work in dossiers. The role
  functioneel beheerder is never combined with another role on one account (choice: also not
  with a role added later, such as the privacy officer; someone who does both gets two accounts).
- Removal and adjustment of access rights (BIO 9.2.6): revoking is immediate; a deactivated
  account can no longer log in (Django refuses inactive users, also in a running session).
- Secret authentication information (BIO 9.2.4): nobody types another person's password; the
  user gets a one-time link. Whoever reads the mailbox can take over the account, so changing
  the e-mail address of an account with roles is treated as a grant: its roles are revoked at
  once and asked for again, to be approved by a second beheerder (choice; a beheerder cannot
  change its own address). The old address is told.
- Superuser (and staff) status is never given here: it exists only for the technical back door
  ``/admin/`` and is set outside the app.

A service checks who may do it (the beheerder of the same organisation) and refuses with a
ValidationError; the views answer 404 for an account of another organisation before that.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from wmo.constants import Rol
from wmo.models import Medewerker, Team
from wmo.services import save_with_history
from wmo.transitions import check_transition
from wmo.wachtwoord import link_mailen

from .constants import ROLTOEKENNING_OVERGANGEN, RoltoekenningStatus
from .models import Roltoekenning

S = RoltoekenningStatus


def is_beheerder_van(door: Medewerker, medewerker: Medewerker) -> bool:
    """``door`` is an active functioneel beheerder of ``medewerker``'s organisation."""
    return bool(
        door.is_active
        and door.organisatie_id
        and door.organisatie_id == medewerker.organisatie_id
        and door.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
    )


def is_beheerder_actief(door: Medewerker) -> bool:
    """``door`` is an active functioneel beheerder with an organisation."""
    return bool(door.is_active and door.organisatie_id and door.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER))


def _mag_beheren(door: Medewerker, medewerker: Medewerker) -> None:
    """The beheerder of the same organisation, or a superuser; a superuser's account only by a
    superuser (its e-mail address and password link are the keys to the back door)."""
    if door.is_active and door.is_superuser:
        return
    if not is_beheerder_van(door, medewerker) or medewerker.is_superuser:
        raise ValidationError("U beheert de medewerkers van deze organisatie niet.", code="geen_beheerder")


def _niet_zichzelf(door: Medewerker, medewerker: Medewerker, message: str) -> None:
    if door.pk == medewerker.pk:
        raise ValidationError(message, code="zichzelf")


def rol_uit_idp(medewerker: Medewerker) -> bool:
    """With single sign-on, an account that logs in through the identity provider gets its roles
    from the provider's groups at every login (toegang.oidc): that group administration is the
    second person, and a role granted here would be gone at the next login. Revoking here still
    works at once (until the provider gives it back at the next login)."""
    return bool(settings.OIDC_ENABLED and medewerker.oidc_sub)


def _functiescheiding(medewerker: Medewerker, rol: str) -> None:
    """BIO 6.1.2: the beheerder role combines with no other role on one account."""
    andere = set(medewerker.rollen) - {rol}
    if rol == Rol.FUNCTIONEEL_BEHEERDER and andere:
        raise ValidationError(
            {
                "rol": "Een functioneel beheerder heeft geen andere rol. Trek eerst de andere rollen in, of maak een apart account."
            }
        )
    if rol != Rol.FUNCTIONEEL_BEHEERDER and Rol.FUNCTIONEEL_BEHEERDER in andere:
        raise ValidationError(
            {
                "rol": "Deze medewerker is functioneel beheerder en werkt niet in dossiers. Maak een apart account."
            }
        )


def _team_van_organisatie(
    team: Team, organisatie_id: int | None, *, huidig_team_id: int | None = None
) -> None:
    if team.organisatie_id != organisatie_id:
        raise ValidationError({"team": "Kies een team van uw eigen organisatie."})
    if not team.actief and team.pk != huidig_team_id:
        raise ValidationError({"team": "Dit team is uit gebruik. Kies een ander team."})


@transaction.atomic
def medewerker_aanmaken(
    *,
    door: Medewerker,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    team: Team,
    telefoon: str = "",
) -> Medewerker:
    """A new account in ``team``'s organisation, without a password and without roles; the new
    colleague gets a mail with a link to set a password."""
    medewerker = Medewerker(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        team=team,
        organisatie_id=team.organisatie_id,
        telefoon=telefoon,
    )
    _mag_beheren(door, medewerker)
    _team_van_organisatie(team, medewerker.organisatie_id)
    if not email:
        raise ValidationError(
            {"email": "Vul het e-mailadres in: daar komt de link om een wachtwoord te kiezen."}
        )
    medewerker.set_unusable_password()
    save_with_history(medewerker, door=door, reden="Account aangemaakt")
    _link_versturen(medewerker, door=door, nieuw=True)
    return medewerker


@transaction.atomic
def medewerker_wijzigen(
    *,
    door: Medewerker,
    medewerker: Medewerker,
    first_name: str,
    last_name: str,
    email: str,
    team: Team,
    telefoon: str = "",
) -> Medewerker:
    """Change name, e-mail address, team and phone. A new e-mail address on an account with roles
    revokes those roles and asks for them again (see the module docstring)."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _mag_beheren(door, medewerker)
    _team_van_organisatie(team, medewerker.organisatie_id, huidig_team_id=medewerker.team_id)
    if not email:
        raise ValidationError({"email": "Vul het e-mailadres in."})
    oud_email = medewerker.email
    email_gewijzigd = email.strip().lower() != oud_email.strip().lower()
    if email_gewijzigd and door.pk == medewerker.pk:
        raise ValidationError({"email": "Uw eigen e-mailadres wijzigt een andere beheerder."})
    gewijzigd = [
        label
        for label, oud, nieuw in [
            ("voornaam", medewerker.first_name, first_name),
            ("achternaam", medewerker.last_name, last_name),
            ("e-mailadres", oud_email, email),
            ("team", medewerker.team_id, team.pk),
            ("telefoon", medewerker.telefoon, telefoon),
        ]
        if oud != nieuw
    ]
    if not gewijzigd:
        return medewerker
    medewerker.first_name, medewerker.last_name, medewerker.email = first_name, last_name, email
    medewerker.team, medewerker.telefoon = team, telefoon
    save_with_history(medewerker, door=door, reden="Gewijzigd: " + ", ".join(gewijzigd))
    if email_gewijzigd:
        reden = "Nieuw e-mailadres: een tweede beheerder keurt de rol opnieuw goed."
        for rol in sorted(medewerker.rollen):
            _intrekken(door=door, medewerker=medewerker, rol=rol, reden=reden)
            _aanvragen(door=door, medewerker=medewerker, rol=rol, reden=reden)
        if oud_email:
            send_mail(
                "Uw e-mailadres in Keukentafel is gewijzigd",
                f"Beste {medewerker.get_full_name() or medewerker.username},\n\n"
                f"{door} heeft het e-mailadres van uw account in Keukentafel gewijzigd in {email}.\n"
                "Klopt dat niet? Neem dan meteen contact op met de functioneel beheerder of de servicedesk.\n",
                None,
                [oud_email],
                fail_silently=True,
            )
    return medewerker


@transaction.atomic
def medewerker_deactiveren(*, door: Medewerker, medewerker: Medewerker, reden: str) -> Medewerker:
    """The account can no longer log in (also not in a session that is still open); open role
    requests for it are refused. Its roles and history stay, for the record.

    Open meldingen of a consulent do not stop this (choice): removing access when someone leaves
    must never wait (BIO 9.2.6). The page warns with the count and points to the handover
    (beheer.overdracht), which also works for a deactivated consulent."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _mag_beheren(door, medewerker)
    _niet_zichzelf(door, medewerker, "U kunt uw eigen account niet deactiveren. Vraag een andere beheerder.")
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf op waarom het account niet meer nodig is."})
    if not medewerker.is_active:
        raise ValidationError("Dit account is al gedeactiveerd.")
    medewerker.is_active = False
    save_with_history(medewerker, door=door, reden=f"Gedeactiveerd: {reden.strip()}")
    nu = timezone.now()
    for toekenning in medewerker.roltoekenningen.select_for_update().filter(status=S.AANGEVRAAGD):
        toekenning.status, toekenning.beoordeeld_door, toekenning.beoordeeld_op = S.GEWEIGERD, door, nu
        toekenning.beoordeling = "Het account is gedeactiveerd."
        save_with_history(toekenning, door=door, reden="Geweigerd: account gedeactiveerd")
    return medewerker


@transaction.atomic
def medewerker_activeren(*, door: Medewerker, medewerker: Medewerker, reden: str) -> Medewerker:
    """A deactivated account can log in again (someone comes back, or was deactivated by mistake).

    Its roles do not come back by themselves: giving access back is a grant (BIO 9.2.2), so the
    roles the account still had are revoked and asked for again, and take effect when a second
    beheerder approves (like a new e-mail address). Roles from the identity provider come back
    from there at the next login. Not one's own account."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _mag_beheren(door, medewerker)
    _niet_zichzelf(
        door, medewerker, "U kunt uw eigen account niet weer actief maken. Vraag een andere beheerder."
    )
    if not (reden or "").strip():
        raise ValidationError({"reden": "Schrijf op waarom het account weer nodig is."})
    if medewerker.is_active:
        raise ValidationError("Dit account is al actief.")
    if medewerker.team_id and not medewerker.team.actief:
        raise ValidationError(
            f"Het team {medewerker.team.naam} is uit gebruik. Neem het team eerst weer in gebruik "
            "(Beheer, Teams), of maak een nieuw account in een ander team."
        )
    medewerker.is_active = True
    save_with_history(medewerker, door=door, reden=f"Weer actief: {reden.strip()}")
    opnieuw = "Account weer actief: een tweede beheerder keurt de rol opnieuw goed."
    for rol in sorted(medewerker.rollen):
        _intrekken(door=door, medewerker=medewerker, rol=rol, reden=opnieuw)
        if not rol_uit_idp(medewerker):
            _aanvragen(door=door, medewerker=medewerker, rol=rol, reden=opnieuw)
    return medewerker


def _link_versturen(medewerker: Medewerker, *, door: Medewerker, nieuw: bool) -> None:
    link_mailen(
        medewerker=medewerker,
        onderwerp_template="beheer/mail/wachtwoordlink_onderwerp.txt",
        tekst_template="beheer/mail/wachtwoordlink.txt",
        nieuw=nieuw,
        door=door,
    )


@transaction.atomic
def wachtwoordlink_versturen(*, door: Medewerker, medewerker: Medewerker) -> Medewerker:
    """Mail the user a one-time link to choose a (new) password. The beheerder never sees or types
    it (BIO 9.2.4); the current password keeps working until the user uses the link."""
    _mag_beheren(door, medewerker)
    if not medewerker.is_active:
        raise ValidationError("Dit account is gedeactiveerd; er gaat geen link naartoe.")
    if not medewerker.email:
        raise ValidationError("Dit account heeft geen e-mailadres. Vul het eerst in.")
    save_with_history(
        medewerker, door=door, reden=f"Link om een wachtwoord te kiezen gemaild naar {medewerker.email}"
    )
    _link_versturen(medewerker, door=door, nieuw=not medewerker.has_usable_password())
    return medewerker


def _aanvragen(*, door: Medewerker, medewerker: Medewerker, rol: str, reden: str) -> Roltoekenning:
    toekenning = Roltoekenning(
        medewerker=medewerker,
        rol=rol,
        status=S.AANGEVRAAGD,
        aangevraagd_door=door,
        aangevraagd_op=timezone.now(),
        reden=reden,
    )
    save_with_history(toekenning, door=door, reden="Aangevraagd")
    return toekenning


def _intrekken(*, door: Medewerker, medewerker: Medewerker, rol: str, reden: str) -> Roltoekenning:
    medewerker.groups.remove(Group.objects.get(name=rol))
    medewerker.__dict__.pop("rollen", None)
    nu = timezone.now()
    toekenning = (
        Roltoekenning.objects.select_for_update()
        .filter(medewerker=medewerker, rol=rol, status=S.GOEDGEKEURD)
        .first()
    )
    if toekenning is None:  # given outside these pages: the revocation is recorded all the same
        toekenning = Roltoekenning(medewerker=medewerker, rol=rol)
    else:
        check_transition(
            ROLTOEKENNING_OVERGANGEN, toekenning.status, S.INGETROKKEN, message="Deze rol is niet actief."
        )
    toekenning.status = S.INGETROKKEN
    toekenning.ingetrokken_door, toekenning.ingetrokken_op, toekenning.intrekkingsreden = door, nu, reden
    save_with_history(toekenning, door=door, reden="Ingetrokken")
    return toekenning


@transaction.atomic
def rol_aanvragen(*, door: Medewerker, medewerker: Medewerker, rol: str, reden: str) -> Roltoekenning:
    """Ask for ``rol`` for ``medewerker``; it takes effect when another beheerder approves."""
    _mag_beheren(door, medewerker)
    _niet_zichzelf(door, medewerker, "U kunt geen rol voor uzelf aanvragen. Vraag een andere beheerder.")
    if rol not in Rol.values:
        raise ValidationError({"rol": "Kies een rol."})
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf op waarom deze medewerker de rol nodig heeft."})
    if not medewerker.is_active:
        raise ValidationError("Dit account is gedeactiveerd.")
    if rol_uit_idp(medewerker):
        raise ValidationError(
            {
                "rol": "Deze medewerker logt in via de identity provider van de gemeente; de rollen komen daarvandaan."
            }
        )
    if rol in medewerker.rollen:
        raise ValidationError({"rol": "Deze medewerker heeft deze rol al."})
    if Roltoekenning.objects.filter(medewerker=medewerker, rol=rol, status=S.AANGEVRAAGD).exists():
        raise ValidationError({"rol": "Voor deze rol loopt al een aanvraag."})
    _functiescheiding(medewerker, rol)
    return _aanvragen(door=door, medewerker=medewerker, rol=rol, reden=reden.strip())


def _open_aanvraag(toekenning: Roltoekenning, nieuw: str) -> Roltoekenning:
    toekenning = Roltoekenning.objects.select_for_update().select_related("medewerker").get(pk=toekenning.pk)
    check_transition(
        ROLTOEKENNING_OVERGANGEN,
        toekenning.status,
        nieuw,
        message="Deze aanvraag is al beoordeeld (%(van)s).",
        labels=RoltoekenningStatus,
    )
    return toekenning


@transaction.atomic
def rol_goedkeuren(*, door: Medewerker, toekenning: Roltoekenning, opmerking: str = "") -> Roltoekenning:
    """The second beheerder approves: the role takes effect now. Never by who asked for it, and
    never for one's own account (BIO 9.2.2 and 9.2.3; also a CheckConstraint)."""
    toekenning = _open_aanvraag(toekenning, S.GOEDGEKEURD)
    medewerker = toekenning.medewerker
    _mag_beheren(door, medewerker)
    if not door.heeft_rol(
        Rol.FUNCTIONEEL_BEHEERDER
    ):  # a superuser does not approve: it is no second beheerder
        raise ValidationError("Alleen een functioneel beheerder keurt een rol goed.")
    _niet_zichzelf(door, medewerker, "U kunt geen rol voor uzelf goedkeuren. Vraag een andere beheerder.")
    if toekenning.aangevraagd_door_id == door.pk:
        raise ValidationError(
            "U vroeg deze rol zelf aan. Een andere beheerder moet goedkeuren (vier ogen).", code="vier_ogen"
        )
    if not medewerker.is_active:
        raise ValidationError("Dit account is gedeactiveerd.")
    _functiescheiding(medewerker, toekenning.rol)
    medewerker.groups.add(Group.objects.get(name=toekenning.rol))
    medewerker.__dict__.pop("rollen", None)
    toekenning.status, toekenning.beoordeeld_door, toekenning.beoordeeld_op = (
        S.GOEDGEKEURD,
        door,
        timezone.now(),
    )
    toekenning.beoordeling = opmerking.strip()
    save_with_history(toekenning, door=door, reden="Goedgekeurd")
    return toekenning


@transaction.atomic
def rol_weigeren(*, door: Medewerker, toekenning: Roltoekenning, reden: str) -> Roltoekenning:
    """Refuse a request, with a reason. Who asked may also withdraw it this way (that gives no
    access to anyone, so it needs no second person)."""
    toekenning = _open_aanvraag(toekenning, S.GEWEIGERD)
    _mag_beheren(door, toekenning.medewerker)
    _niet_zichzelf(door, toekenning.medewerker, "Over een rol voor uzelf beslist een andere beheerder.")
    if not reden.strip():
        raise ValidationError({"beoordeling": "Schrijf op waarom u de aanvraag weigert."})
    toekenning.status, toekenning.beoordeeld_door, toekenning.beoordeeld_op = (
        S.GEWEIGERD,
        door,
        timezone.now(),
    )
    toekenning.beoordeling = reden.strip()
    save_with_history(toekenning, door=door, reden="Geweigerd")
    return toekenning


@transaction.atomic
def rol_intrekken(*, door: Medewerker, medewerker: Medewerker, rol: str, reden: str) -> Roltoekenning:
    """Take a role away, at once (BIO 9.2.6). Not one's own."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _mag_beheren(door, medewerker)
    _niet_zichzelf(door, medewerker, "U kunt uw eigen rollen niet wijzigen. Vraag een andere beheerder.")
    if rol not in medewerker.rollen:
        raise ValidationError("Deze medewerker heeft deze rol niet.")
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf op waarom de rol wordt ingetrokken."})
    return _intrekken(door=door, medewerker=medewerker, rol=rol, reden=reden.strip())
