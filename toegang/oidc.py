"""Single sign-on with the gemeente's identity provider (OpenID Connect), only with OIDC_ENABLED.

How a login goes (OpenID Connect Core 1.0, authorization code flow, with PKCE: RFC 7636):

1. The login page offers "Inloggen met <OIDC_NAAM>": ``oidc_inloggen`` sends the browser to the
   provider with a state, a nonce and a PKCE challenge that the session keeps.
2. The provider checks who it is (and asks for the second factor, OIDC_MFA_DOOR_IDP) and sends the
   browser back to ``oidc_terugkeer`` with a code.
3. ``IdpBackend`` trades the code for tokens and checks the ID token: signature against the
   provider's JWKS, issuer, audience (and azp), expiry and nonce (Core 3.1.3.7). mozilla-django-oidc
   itself checks neither the audience nor the issuer, nor that userinfo is about the same person
   (Core 5.3.2): this backend does. Then ``medewerker_aanmelden_via_idp`` finds the Medewerker by
   the provider's stable id (``sub``) and sets name, e-mail, organisation, team and its roles.
4. The session gets ``kt_login_via_idp``: the two-step login treats it as verified, because the
   provider did the second factor.

Choices (BIO 9.2 "beheer van gebruikerstoegang", and the four-eyes rule for role grants):

- The provider is the source of the roles: at every login they are set to exactly the roles
  that OIDC_ROL_GROEPEN maps its groups to, so a group removed at the provider removes the role
  at the next login (BIO 9.2.6). The provider's group administration is the second person of the
  four-eyes grant that local accounts need. A person without a mapped group gets no account, and
  an existing account loses all its roles and is refused.
- Superuser and staff never come from claims: a new account has neither, an existing one keeps
  what beheer gave it.
- The organisation is one setting (OIDC_ORGANISATIE), not a claim: the provider is the
  gemeente's, everyone it knows works for that organisation, and the organisation decides which
  gemeenten's dossiers one may see, which a claim from another administration should not move.
  The team comes from groups (OIDC_TEAM_GROEPEN, the first one listed that matches) or, without
  a matching group, stays as the functioneel beheerder set it.
- No existing account is taken over by e-mail address or user name: only ``sub`` links, and an
  account with a password keeps it. A name that is taken gets a suffix.
- Roles are read at login, not during the session; a session lasts at most SESSION_COOKIE_AGE.
"""

import hashlib
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.core import checks
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import path
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
)

from toegang.backends import MedewerkerLaden
from wmo.constants import Rol
from wmo.middleware import clears_browser_data
from wmo.models import Medewerker, Organisatie, Team
from wmo.services import save_with_history

logger = logging.getLogger(__name__)


class Geweigerd(Exception):
    """The login is refused; ``melding`` tells the person why (Dutch, B1)."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


def geen_rol() -> str:
    return _("U heeft geen rol in Keukentafel; vraag uw beheerder.")


def mislukt() -> str:
    return _(
        "Inloggen met %(naam)s is niet gelukt. Probeer het opnieuw. Lukt het niet, vraag dan uw beheerder."
    ) % {"naam": settings.OIDC_NAAM}


# --- Settings: "groep=waarde" lists ---------------------------------------------------------


def koppelingen(items: Iterable[str]) -> dict[str, str]:
    """Parse OIDC_ROL_GROEPEN or OIDC_TEAM_GROEPEN ("groep=waarde" items) into a dict, in order.

    Split on the last "=", so a group name may contain one (``cn=wmo``); it cannot contain a
    comma, which separates the items in the environment. A malformed item raises ValueError (the
    system check reports it at start-up).
    """
    resultaat = {}
    for item in items:
        groep, teken, waarde = item.rpartition("=")
        if not teken or not groep.strip() or not waarde.strip():
            raise ValueError(f"not 'groep=waarde': {item!r}")
        resultaat[groep.strip()] = waarde.strip()
    return resultaat


def groepen_uit_claims(claims: Mapping[str, Any]) -> list[str]:
    """The provider's groups of this person (claim OIDC_GROEPEN_CLAIM: a list, or one string)."""
    waarde = claims.get(settings.OIDC_GROEPEN_CLAIM) or []
    if isinstance(waarde, str):
        waarde = [waarde]
    if not isinstance(waarde, list | tuple):
        return []
    return [str(groep) for groep in waarde]


def rollen_voor(groepen: Iterable[str]) -> set[str]:
    """The Keukentafel roles that these provider groups map to (unknown groups give nothing)."""
    rol_per_groep = koppelingen(settings.OIDC_ROL_GROEPEN)
    return {rol_per_groep[g] for g in groepen if rol_per_groep.get(g) in Rol.values}


def teamnaam_voor(groepen: Iterable[str]) -> str | None:
    """The team of the first group in OIDC_TEAM_GROEPEN that this person has, or None."""
    aanwezig = set(groepen)
    return next(
        (team for groep, team in koppelingen(settings.OIDC_TEAM_GROEPEN).items() if groep in aanwezig), None
    )


# --- The service ------------------------------------------------------------------------------


def _vrije_gebruikersnaam(claims: Mapping[str, Any]) -> str:
    """A user name for a new account: preferred_username (or e-mail), never one that is taken."""
    basis = str(claims.get("preferred_username") or claims.get("email") or "")
    basis = re.sub(r"[^\w.@+-]", "", basis)[:130] or "idp"
    if not Medewerker.objects.filter(username=basis).exists():
        return basis
    return f"{basis}-{hashlib.sha256(str(claims['sub']).encode()).hexdigest()[:10]}"


def medewerker_aanmelden_via_idp(*, claims: Mapping[str, Any]) -> Medewerker:
    """Find or create the Medewerker that the provider vouches for and bring it up to date.

    ``claims`` are the checked ID token's claims with the userinfo on top. The account is found
    by ``sub`` only. Name and e-mail follow the provider; organisation and team follow the
    settings; the roles become exactly those its groups map to (BIO 9.2.2 and 9.2.6). Raises
    Geweigerd when the account is switched off, or when no group maps to a role, or when the
    groups combine functioneel beheerder with another role (BIO 6.1.2): then no account is
    made, and an existing one keeps no role (that change is saved before the refusal).
    The account itself is recorded as who made the change (no one else was there).
    """
    sub = str(claims["sub"])
    groepen = groepen_uit_claims(claims)
    rollen = rollen_voor(groepen)
    weigering = None if rollen else geen_rol()
    if Rol.FUNCTIONEEL_BEHEERDER in rollen and len(rollen) > 1:
        # Segregation of duties (BIO 6.1.2), as beheer applies it to local accounts: who manages
        # accounts works in no dossier. Choice: the provider's groups are wrong, so no role at all.
        weigering = _(
            "Uw groepen bij de gemeente geven u de rol functioneel beheerder en ook een andere rol. "
            "Dat mag niet samen; vraag uw beheerder om een apart account."
        )
        rollen = set()
    naam_idp = settings.OIDC_NAAM
    with transaction.atomic():
        medewerker = Medewerker.objects.select_for_update().filter(oidc_sub=sub).first()
        nieuw = medewerker is None
        if nieuw:
            if weigering:
                raise Geweigerd(weigering)
            medewerker = Medewerker(
                username=_vrije_gebruikersnaam(claims), oidc_sub=sub, is_staff=False, is_superuser=False
            )
            medewerker.set_unusable_password()
            oude_rollen: set[str] = set()
        else:
            if not medewerker.is_active:
                raise Geweigerd(_("Uw account in Keukentafel staat uit; vraag uw beheerder."))
            oude_rollen = set(medewerker.groups.values_list("name", flat=True))

        organisatie = Organisatie.objects.filter(naam=settings.OIDC_ORGANISATIE).first()
        if organisatie is None:
            logger.error(
                "OIDC_ORGANISATIE %r is not an organisation in Keukentafel", settings.OIDC_ORGANISATIE
            )
            raise Geweigerd(
                _("Inloggen met %(naam)s is niet goed ingesteld; vraag uw beheerder.") % {"naam": naam_idp}
            )
        teamnaam = teamnaam_voor(groepen)
        team = (
            medewerker.team
            if medewerker.team_id and medewerker.team.organisatie_id == organisatie.pk
            else None
        )
        if teamnaam:
            # Only a team in use: beheer takes a team out of use (beheer.teams), and nobody is
            # placed in one after that, by a beheerder or by the identity provider.
            gevonden = Team.objects.filter(organisatie=organisatie, naam=teamnaam, actief=True).first()
            if gevonden is None:
                logger.error(
                    "OIDC_TEAM_GROEPEN names team %r, which %s does not have in use", teamnaam, organisatie
                )
            team = gevonden or team

        velden = ("first_name", "last_name", "email", "organisatie_id", "team_id")
        voor = [getattr(medewerker, veld) for veld in velden]
        medewerker.first_name = str(claims.get("given_name") or "")[:150]
        medewerker.last_name = str(claims.get("family_name") or "")[:150]
        medewerker.email = str(claims.get("email") or "")[:254]
        medewerker.organisatie = organisatie
        medewerker.team = team
        if nieuw or rollen != oude_rollen or voor != [getattr(medewerker, veld) for veld in velden]:
            rollen_tekst = ", ".join(sorted(rollen)) or "geen"
            save_with_history(
                medewerker, door=medewerker, reden=f"Ingelogd met {naam_idp}; rollen: {rollen_tekst}"
            )
            del medewerker._change_reason  # not also on the row of Django's last_login save that follows
        if rollen != oude_rollen:
            medewerker.groups.set(Group.objects.filter(name__in=rollen))
    if weigering:
        raise Geweigerd(weigering)
    return medewerker


# --- The backends -----------------------------------------------------------------------------


class WachtwoordBackend(MedewerkerLaden, ModelBackend):
    """Password login while single sign-on is on: never for an account of the provider.

    An account with ``oidc_sub`` gets its roles from the provider at every login (BIO 9.2.6). With
    a password (a link that beheer mailed, say) it could log in around the provider and keep a
    role the provider took away, so it is refused here, also for a running session. When single
    sign-on is switched off, Django's own ModelBackend is used again and such a password works.
    """

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "oidc_sub", None)


class IdpBackend(MedewerkerLaden, OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with the checks it leaves out, and our service."""

    def authenticate(self, request, **kwargs):
        # Only the callback view passes a nonce: a password form posted to a URL with ?code=&state=
        # must not start a token exchange.
        if request is None or "nonce" not in kwargs or set(kwargs) - {"nonce", "code_verifier"}:
            return None
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        """Check signature, issuer, audience, expiry (and azp) of a token (OIDC Core 3.1.3.7)."""
        try:
            alg = jwt.get_unverified_header(payload).get("alg")
            if alg != self.OIDC_RP_SIGN_ALGO:
                raise SuspiciousOperation(f"token signed with {alg!r}, expected {self.OIDC_RP_SIGN_ALGO!r}")
            claims = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                leeway=60,
                options={"require": ["iss", "aud", "exp", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"token refused: {exc}") from exc
        aud = claims["aud"]
        if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("token for several audiences without azp = our client id")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload["sub"]):
            raise SuspiciousOperation("userinfo is about another sub than the ID token")
        try:
            return medewerker_aanmelden_via_idp(claims={**payload, **userinfo})
        except Geweigerd as exc:
            logger.info("Login via the identity provider refused for sub %s: %s", payload["sub"], exc.melding)
            self._meld(exc.melding)
        except ValidationError as exc:
            logger.warning("Login via the identity provider: claims do not fit the account: %s", exc)
            self._meld(mislukt())
        return None

    def _meld(self, melding: str) -> None:
        messages.error(self.request, melding)
        self.request.kt_idp_gemeld = True


# --- Views and URLs ---------------------------------------------------------------------------


class IdpInloggen(OIDCAuthenticationRequestView):
    """Send the browser to the provider (state, nonce and PKCE in the session)."""


class IdpTerugkeer(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here; every failure ends on the login page with a
    Dutch message, never a 400 or 500 (the provider and the network are outside our control)."""

    def get(self, request):
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, KeyError, ValueError) as exc:
            logger.warning("Login via the identity provider failed: %s", exc)
            return self.login_failure()

    def login_failure(self):
        if not getattr(self.request, "kt_idp_gemeld", False):
            messages.error(self.request, mislukt())
        return super().login_failure()

    def login_success(self):
        antwoord = super().login_success()
        # The contract with the two-step login: this session was verified by the provider.
        self.request.session["kt_login_via_idp"] = True
        return antwoord


class IdpUitloggen(OIDCLogoutView):
    """Log out here and, when the provider has an end_session_endpoint, there too (POST only)."""


def idp_uitlog_url(request: HttpRequest) -> str:
    """Where the browser goes after logging out (OpenID Connect RP-Initiated Logout 1.0).

    To the provider's end_session_endpoint when there is one and this session came from the
    provider, with the ID token as hint and the login page as the way back; else the login page.
    """
    terug = resolve_url(settings.LOGOUT_REDIRECT_URL)
    if not settings.OIDC_OP_LOGOUT_ENDPOINT or not request.session.get("kt_login_via_idp"):
        return terug
    parameters = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(terug),
    }
    if id_token := request.session.get("oidc_id_token"):
        parameters["id_token_hint"] = id_token
    scheiding = "&" if "?" in settings.OIDC_OP_LOGOUT_ENDPOINT else "?"
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}{scheiding}{urlencode(parameters)}"


urlpatterns = [
    path("oidc/inloggen/", login_not_required(IdpInloggen.as_view()), name="oidc_inloggen"),
    path("oidc/terugkeer/", login_not_required(IdpTerugkeer.as_view()), name="oidc_terugkeer"),
    path("oidc/uitloggen/", clears_browser_data(IdpUitloggen.as_view()), name="oidc_uitloggen"),
]


# --- System check: a switched-on OIDC is configured completely ----------------------------------

VERPLICHT = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_ORGANISATIE",
    "OIDC_ROL_GROEPEN",
)


def check_instellingen(**kwargs) -> list[checks.CheckMessage]:
    """With OIDC_ENABLED: every setting a login needs is there and the group lists make sense."""
    if not settings.OIDC_ENABLED:
        return []
    fouten = [
        checks.Error(f"OIDC_ENABLED is on but {naam} is empty.", id="toegang.E001")
        for naam in VERPLICHT
        if not getattr(settings, naam)
    ]
    if not settings.OIDC_RP_SIGN_ALGO.startswith(("RS", "PS", "ES")):
        fouten.append(
            checks.Error(
                f"OIDC_RP_SIGN_ALGO {settings.OIDC_RP_SIGN_ALGO!r}: use an asymmetric algorithm "
                "(RS256) checked with the provider's JWKS, not one keyed with the client secret.",
                id="toegang.E002",
            )
        )
    if "openid" not in settings.OIDC_RP_SCOPES.split():
        fouten.append(checks.Error("OIDC_RP_SCOPES must contain 'openid'.", id="toegang.E003"))
    for naam in ("OIDC_ROL_GROEPEN", "OIDC_TEAM_GROEPEN"):
        try:
            koppeling = koppelingen(getattr(settings, naam))
        except ValueError as exc:
            fouten.append(checks.Error(f"{naam}: {exc}.", id="toegang.E004"))
            continue
        if naam == "OIDC_ROL_GROEPEN":
            fouten += [
                checks.Error(
                    f"OIDC_ROL_GROEPEN maps {groep!r} to {rol!r}, which is not a role "
                    f"({', '.join(Rol.values)}).",
                    id="toegang.E005",
                )
                for groep, rol in koppeling.items()
                if rol not in Rol.values
            ]
    return fouten
