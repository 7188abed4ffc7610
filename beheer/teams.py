"""Teams of the beheerder's own organisation: create, change, take out of use, take back into use.

In plain words. A team is where meldingen wait when no consulent has them yet (the team queue),
and its name, phone number and e-mail address are printed in a letter as the contact when a
melding has no consulent (wmo.brieven.context). A team is never deleted: meldingen, letters and
the history name it. It is taken out of use instead (``actief``): then nobody routes new work to
it (wmo.query.teams_voor) and no account is put in it. That is refused while the team still has
open meldingen or active members, because an open melding in an unused team has nobody who
sees it, and a member would keep an unused team in every list; the refusal says how many and
what to do first.

Who: an active functioneel beheerder, only for the teams of their own organisation (the views
answer 404 for a team of another organisation before the service is called).
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from meldingen.models import Melding
from wmo.models import Medewerker, Team
from wmo.services import save_with_history

from .services import is_beheerder_actief


def _mag_teams_beheren(door: Medewerker, organisatie_id: int | None) -> None:
    if not (is_beheerder_actief(door) and organisatie_id and door.organisatie_id == organisatie_id):
        raise ValidationError("U beheert de teams van deze organisatie niet.", code="geen_beheerder")


def _naam_vrij(*, organisatie_id: int, naam: str, behalve: int | None = None) -> None:
    andere = Team.objects.filter(organisatie_id=organisatie_id, naam__iexact=naam)
    if behalve is not None:
        andere = andere.exclude(pk=behalve)
    if andere.exists():
        raise ValidationError(
            {"naam": "Uw organisatie heeft al een team met deze naam. Kies een andere naam."}
        )


def _schoon(naam: str) -> str:
    naam = " ".join((naam or "").split())
    if not naam:
        raise ValidationError({"naam": "Vul de naam van het team in."})
    return naam


@transaction.atomic
def team_aanmaken(*, door: Medewerker, naam: str, telefoon: str = "", email: str = "") -> Team:
    """A new team in the beheerder's own organisation, in use at once."""
    _mag_teams_beheren(door, door.organisatie_id)
    naam = _schoon(naam)
    _naam_vrij(organisatie_id=door.organisatie_id, naam=naam)
    team = Team(organisatie_id=door.organisatie_id, naam=naam, telefoon=telefoon.strip(), email=email.strip())
    save_with_history(team, door=door, reden="Team aangemaakt")
    return team


@transaction.atomic
def team_wijzigen(*, door: Medewerker, team: Team, naam: str, telefoon: str = "", email: str = "") -> Team:
    """Change name, phone and e-mail. Letters sent earlier keep what they said (they are stored as
    sent); the next letter prints the new details."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    _mag_teams_beheren(door, team.organisatie_id)
    naam = _schoon(naam)
    _naam_vrij(organisatie_id=team.organisatie_id, naam=naam, behalve=team.pk)
    gewijzigd = [
        label
        for label, oud, nieuw in [
            ("naam", team.naam, naam),
            ("telefoon", team.telefoon, telefoon.strip()),
            ("e-mailadres", team.email, email.strip()),
        ]
        if oud != nieuw
    ]
    if not gewijzigd:
        return team
    team.naam, team.telefoon, team.email = naam, telefoon.strip(), email.strip()
    save_with_history(team, door=door, reden="Gewijzigd: " + ", ".join(gewijzigd))
    return team


def team_bezetting(team: Team) -> tuple[int, int]:
    """(open meldingen, active members) of the team: what stands in the way of taking it out of use."""
    return (
        Melding.objects.filter(team=team).open().count(),
        Medewerker.objects.filter(team=team, is_active=True).count(),
    )


def blokkade_tekst(open_meldingen: int, actieve_leden: int) -> str:
    """Why a team cannot be taken out of use, and what to do first (empty when it can)."""
    delen = []
    if open_meldingen:
        delen.append(
            f"het team heeft nog {open_meldingen} open {'melding' if open_meldingen == 1 else 'meldingen'}"
            " (laat de teamleider die herverdelen, of draag ze over)"
        )
    if actieve_leden:
        delen.append(
            f"er {'is' if actieve_leden == 1 else 'zijn'} nog {actieve_leden} actieve "
            f"{'medewerker' if actieve_leden == 1 else 'medewerkers'} in dit team"
            " (zet ze eerst in een ander team, of deactiveer hun account)"
        )
    if not delen:
        return ""
    return "Dit team kan nog niet uit gebruik: " + " en ".join(delen) + "."


@transaction.atomic
def team_deactiveren(*, door: Medewerker, team: Team, reden: str) -> Team:
    """Take the team out of use (never delete). Refused while it has open meldingen or active
    members (see the module docstring)."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    _mag_teams_beheren(door, team.organisatie_id)
    if not team.actief:
        raise ValidationError("Dit team is al uit gebruik.")
    if not (reden or "").strip():
        raise ValidationError({"reden": "Schrijf op waarom het team niet meer nodig is."})
    if tekst := blokkade_tekst(*team_bezetting(team)):
        raise ValidationError(tekst, code="team_bezet")
    team.actief = False
    save_with_history(team, door=door, reden=f"Uit gebruik: {reden.strip()}")
    return team


@transaction.atomic
def team_activeren(*, door: Medewerker, team: Team) -> Team:
    """Take an unused team back into use."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    _mag_teams_beheren(door, team.organisatie_id)
    if team.actief:
        raise ValidationError("Dit team is al in gebruik.")
    team.actief = True
    save_with_history(team, door=door, reden="Weer in gebruik")
    return team
