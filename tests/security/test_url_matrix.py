"""The access matrix: every URL pattern of the project × every role × an own and a foreign object.

One test per cell, with ids like ``consulent-meldingen:melding-foreign`` (GET) and
``consulent-meldingen:melding_afsluiten-foreign-post`` (POST). A URL pattern that the resolver
knows but ``MATRIX`` does not fails ``test_elke_url_staat_in_de_matrix``; an entry whose URL no
longer exists fails too. ``docs/toegangsmatrix.md`` is generated from this table (see the end).

HOW TO ADD AN ENTRY (for a new URL)
-----------------------------------
Add one line to ``MATRIX`` below, keyed by the URL's full name (``namespace:name``)::

    "aanvragen:aanvraag": Url(
        lambda d: reverse("aanvragen:aanvraag", args=[d.aanvraag.pk]),
        get=mag(LOKET, CONSULENT, TEAMLEIDER, PARTNER_LOKET, PARTNER_CONSULENT),
    ),

- The lambda builds the URL from a ``Dossier`` (see ``_dossier``: inwoner, melding, brief,
  gesprek, plan, versie, afspraak, aanvraag, aangevraagd, beschikking, consulent). It is called
  with the role's own dossier and with a foreign one: foreign is another organisation and
  gemeente; for a partner role it is a melding of the gemeente's own execution organisation.
  A page without an object says ``object=False`` (one case per role, no own/foreign).
  Need an object that ``Dossier`` lacks? Add a field and build it in ``_dossier``.
- ``get=`` and ``post=`` say per role what happens. ``mag(*rollen)`` is the usual form: the
  listed roles get "ok" on their own object and "404" on a foreign one, the anonymous visitor
  is sent to the login, every other role gets "verboden" (403 or 404). Pass
  ``foreign=...`` or ``afwijkend={ROL: ("ok", "ok")}`` for what differs; the outcome classes
  are in ``UITKOMSTEN``.
- ``get=ALLEEN_POST`` for a view with ``require_POST`` (a GET answers 405 after login; that
  is tried once per role, on the own object).
- ``post=None`` (the default) means the view does not take a POST (or treats it as a GET).
  For a POST the matrix never performs a change: a role that may post is only tried on a
  foreign object (it must get 404 before anything changes), and on its own object only when
  ``leeg_post=True``, which says that an empty POST is harmless (the form comes back with
  errors: "formfout", 200 or 422). The actual change is the subject of the view's own tests.
- A known hole that another part of the work fixes goes in ``BEKEND``: the matrix states the
  rule, the cell is an expected failure (strict), and the fix must remove the line.
- Django admin URLs (``admin:*``) are one family, tested in ``test_admin``: only a superuser gets
  an admin page.
- URLs that exist only under a setting that is off in the test settings (toegang's single
  sign-on URLs without ``OIDC_ENABLED``) are not in the resolver here; their own tests cover them.

- Then regenerate the summary for people, ``docs/toegangsmatrix.md``, and commit it (a test
  fails while it differs from MATRIX)::

    TOEGANGSMATRIX_SCHRIJVEN=1 .venv/bin/python -m pytest tests/security/test_url_matrix.py -k samenvatting

The fixtures are built once for this module, inside one transaction that is rolled back at
the end (each test runs in a savepoint inside it): every test sees the same data, no test sees
another's changes, and nothing is left behind for other modules.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from beheer import services as beheer_services
from beheer import technisch
from brp.models import BrpKoppeling
from gesprekken import services as gesprek_services
from iwmo.models import Bericht, BerichtStatus, Richting, Verzoek, VerzoekSoort
from tests.aanvragen.factories import AanvraagFactory, BeschikkingFactory, VoorzieningFactory
from tests.factories import (
    GemeenteFactory,
    MedewerkerFactory,
    MeldingFactory,
    OrganisatieFactory,
    TeamFactory,
)
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.gesprekken.factories import OnderzoekFactory
from tests.tweestaps import TweestapsClient
from wmo.constants import Rol
from wmo.models import Aanbieder, Contract
from zgw.constants import OpdrachtSoort, OpdrachtStatus
from zgw.models import Opdracht, ZgwKoppeling

# --- Roles ----------------------------------------------------------------------------------

ANONIEM = "anoniem"
GEEN_ROL = "geen_rol"
LOKET = "loketmedewerker"
CONSULENT = "consulent"
TEAMLEIDER = "teamleider"
BEHEERDER = "functioneel_beheerder"
PARTNER_LOKET = "partner_loket"
PARTNER_CONSULENT = "partner_consulent"
# The privacy officer joins the matrix as soon as the role exists (it sees the log, no dossier).
PRIVACY = "privacy_functionaris"

ROLLEN = [ANONIEM, GEEN_ROL, LOKET, CONSULENT, TEAMLEIDER, BEHEERDER, PARTNER_LOKET, PARTNER_CONSULENT]
if hasattr(Rol, "PRIVACY_FUNCTIONARIS"):
    ROLLEN.append(PRIVACY)
PARTNER_ROLLEN = {PARTNER_LOKET, PARTNER_CONSULENT}

# --- Outcomes -------------------------------------------------------------------------------

UITKOMSTEN = {
    "ok": "200: the page",
    "login": "302 to the login page",
    "verboden": "403 or 404",
    "404": "404: as if the object does not exist",
    "405": "405: method not allowed",
    "doorverwezen": "302 to another page than the login",
    "formfout": "200 or 422: the form comes back with its errors (an empty POST)",
}
PASSEND = {
    "ok": {"ok"},
    "login": {"login"},
    "verboden": {"403", "404"},
    "404": {"404"},
    "405": {"405"},
    "doorverwezen": {"doorverwezen"},
    "formfout": {"ok", "422"},
}


def _login_paths() -> set[str]:
    paths = {reverse(settings.LOGIN_URL)}
    try:
        paths.add(reverse("admin:login"))
    except NoReverseMatch:
        pass
    return paths


def uitkomst(response) -> str:
    """The outcome class of a response (the keys of PASSEND's values)."""
    status = response.status_code
    if status == 200:
        return "ok"
    if status in (301, 302, 303):
        return "login" if urlsplit(response["Location"]).path in _login_paths() else "doorverwezen"
    return str(status)


# --- The table ------------------------------------------------------------------------------

Recht = tuple[str, str]  # (outcome on the own object, outcome on a foreign object)


def mag(*rollen: str, foreign: str = "404", afwijkend: dict[str, Recht] | None = None) -> dict[str, Recht]:
    """The listed roles may: "ok" on their own object, ``foreign`` on a foreign one. The
    anonymous visitor goes to the login; every other role is refused."""
    rechten: dict[str, Recht] = {rol: ("verboden", "verboden") for rol in ROLLEN}
    rechten[ANONIEM] = ("login", "login")
    for rol in rollen:
        rechten[rol] = ("ok", foreign)
    rechten.update(afwijkend or {})
    return rechten


# A view behind require_POST: a GET answers 405 to everyone logged in.
ALLEEN_POST = {rol: ("405", "405") for rol in ROLLEN} | {ANONIEM: ("login", "login")}
IEDEREEN_INGELOGD = [r for r in ROLLEN if r != ANONIEM]
DOSSIER_ROLLEN = [LOKET, CONSULENT, TEAMLEIDER, PARTNER_LOKET, PARTNER_CONSULENT]


@dataclass(frozen=True)
class Url:
    url: Callable[["Dossier"], str]
    get: dict[str, Recht]
    post: dict[str, Recht] | None = None
    object: bool = True
    leeg_post: bool = False


def _r(naam: str, *args) -> Callable[["Dossier"], str]:
    """``reverse(naam, args=[...])`` with each arg an attribute path of the Dossier ("melding.pk")."""

    def build(d: "Dossier") -> str:
        waarden = []
        for a in args:
            waarde = d
            for deel in a.split("."):
                waarde = getattr(waarde, deel)
            waarden.append(waarde)
        return reverse(naam, args=waarden)

    return build


def _vast(url: str) -> Callable[["Dossier"], str]:
    return lambda d: reverse(url)


MATRIX: dict[str, Url] = {
    # --- Login and logout (toegang) ---
    "login": Url(
        _vast("login"),
        get={rol: ("ok", "ok") for rol in ROLLEN},
        post={rol: ("formfout", "formfout") for rol in ROLLEN},
        object=False,
        leeg_post=True,
    ),
    "logout": Url(
        _vast("logout"),
        get=ALLEEN_POST,
        post={rol: ("login", "login") for rol in ROLLEN},
        object=False,
        leeg_post=True,
    ),
    # The session endpoint of static/js/sessie.js: seconds left (GET), stay logged in (POST); to
    # someone not logged in it says 0 (toegang/sessie_views.py).
    "toegang:sessie": Url(
        _vast("toegang:sessie"),
        get={rol: ("ok", "ok") for rol in ROLLEN},
        post={rol: ("ok", "ok") for rol in ROLLEN},
        object=False,
        leeg_post=True,
    ),
    # --- Two-step verification (toegang). Every session here passed both steps (the clients are
    # TweestapsClients), so the code pages send it on; tests/toegang/ test them half-way. ---
    "toegang:tweestaps": Url(
        _vast("toegang:tweestaps"),
        get={rol: ("doorverwezen", "doorverwezen") for rol in IEDEREEN_INGELOGD}
        | {ANONIEM: ("login", "login")},
        post={rol: ("doorverwezen", "doorverwezen") for rol in IEDEREEN_INGELOGD}
        | {ANONIEM: ("login", "login")},
        object=False,
        leeg_post=True,
    ),
    "toegang:tweestaps_inrichten": Url(
        _vast("toegang:tweestaps_inrichten"),
        get={rol: ("doorverwezen", "doorverwezen") for rol in IEDEREEN_INGELOGD}
        | {ANONIEM: ("login", "login")},
        post={rol: ("doorverwezen", "doorverwezen") for rol in IEDEREEN_INGELOGD}
        | {ANONIEM: ("login", "login")},
        object=False,
        leeg_post=True,
    ),
    "toegang:tweestaps_herstelcodes": Url(
        _vast("toegang:tweestaps_herstelcodes"),
        get={rol: ("doorverwezen", "doorverwezen") for rol in IEDEREEN_INGELOGD}
        | {ANONIEM: ("login", "login")},
        post={rol: ("405", "405") for rol in IEDEREEN_INGELOGD} | {ANONIEM: ("login", "login")},
        object=False,
        leeg_post=True,
    ),
    # The QR code exists only while an app is being set up (and only for one's own account).
    "toegang:tweestaps_qr": Url(
        _vast("toegang:tweestaps_qr"),
        get={rol: ("404", "404") for rol in IEDEREEN_INGELOGD} | {ANONIEM: ("login", "login")},
        post={rol: ("405", "405") for rol in IEDEREEN_INGELOGD} | {ANONIEM: ("login", "login")},
        object=False,
        leeg_post=True,
    ),
    # Beheer resets a colleague's two-step verification: own = a medewerker of the own organisation.
    "toegang:tweestaps_herstellen": Url(
        _r("toegang:tweestaps_herstellen", "consulent.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER)
    ),
    # --- Werkvoorraad, inwoners, meldingen, brieven (meldingen) ---
    "werkvoorraad": Url(
        _vast("werkvoorraad"),
        get=mag(
            *DOSSIER_ROLLEN,
            afwijkend={
                BEHEERDER: ("doorverwezen", "doorverwezen"),
                PRIVACY: ("doorverwezen", "doorverwezen"),
            },
        ),
        object=False,
    ),
    "meldingen:inwoner_zoeken": Url(
        _vast("meldingen:inwoner_zoeken"), get=mag(*DOSSIER_ROLLEN), object=False
    ),
    "meldingen:inwoner_registreren": Url(
        _vast("meldingen:inwoner_registreren"),
        get=mag(LOKET, PARTNER_LOKET),
        post=mag(LOKET, PARTNER_LOKET),
        object=False,
        leeg_post=True,
    ),
    "meldingen:dossier": Url(_r("meldingen:dossier", "inwoner.pk"), get=mag(*DOSSIER_ROLLEN)),
    "meldingen:inwoner_wijzigen": Url(
        _r("meldingen:inwoner_wijzigen", "inwoner.pk"),
        get=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    # A partner may register a melding for any inwoner of its gemeenten (it makes the care relation;
    # the inwoner's dossier stays closed to it until then): inwonertoegang's choice.
    "meldingen:melding_registreren": Url(
        _r("meldingen:melding_registreren", "inwoner.pk"),
        get=mag(LOKET, PARTNER_LOKET, afwijkend={PARTNER_LOKET: ("ok", "ok")}),
        post=mag(LOKET, PARTNER_LOKET, afwijkend={PARTNER_LOKET: ("ok", "formfout")}),
        leeg_post=True,
    ),
    # "Inzien zonder lopende melding": with a care relation (the own dossier) straight on to the
    # dossier; without one the reason form (tests/meldingen/test_inwoner_raadplegen.py). Partners
    # may not look up.
    "meldingen:inwoner_raadplegen": Url(
        _r("meldingen:inwoner_raadplegen", "inwoner.pk"),
        get=mag(afwijkend={r: ("doorverwezen", "404") for r in (LOKET, CONSULENT, TEAMLEIDER)}),
        post=mag(afwijkend={r: ("doorverwezen", "404") for r in (LOKET, CONSULENT, TEAMLEIDER)}),
    ),
    "meldingen:melding": Url(_r("meldingen:melding", "melding.pk"), get=mag(*DOSSIER_ROLLEN)),
    "meldingen:melding_toewijzen": Url(
        _r("meldingen:melding_toewijzen", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(LOKET, TEAMLEIDER, PARTNER_LOKET),
    ),
    # The werkvoorraad's one assign control: the melding is a posted field; a foreign one is 404
    # (tests/meldingen/test_werkvoorraad.py), an empty POST comes back with "Kies eerst een melding".
    "meldingen:werkvoorraad_toewijzen": Url(
        _vast("meldingen:werkvoorraad_toewijzen"),
        get=ALLEEN_POST,
        post=mag(LOKET, TEAMLEIDER, PARTNER_LOKET),
        object=False,
        leeg_post=True,
    ),
    # "Oppakken": the service refuses a role without Rol.CONSULENT (tests/meldingen/test_oppakken.py).
    "meldingen:melding_oppakken": Url(
        _r("meldingen:melding_oppakken", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
    ),
    "meldingen:melding_onderzoek_starten": Url(
        _r("meldingen:melding_onderzoek_starten", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
    ),
    "meldingen:melding_afsluiten": Url(
        _r("meldingen:melding_afsluiten", "melding.pk"),
        get=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "meldingen:ontvangstbevestiging": Url(
        _r("meldingen:ontvangstbevestiging", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
    ),
    "meldingen:brief_pdf": Url(_r("meldingen:brief_pdf", "brief.pk"), get=mag(*DOSSIER_ROLLEN)),
    # --- Gesprek, onderzoek, verslag (gesprekken) ---
    "gesprekken:gesprek_plannen": Url(
        _r("gesprekken:gesprek_plannen", "melding.pk"),
        get=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:gesprek_status": Url(
        _r("gesprekken:gesprek_status", "melding.pk", "gesprek.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
    ),
    "gesprekken:uitnodiging": Url(
        _r("gesprekken:uitnodiging", "melding.pk", "gesprek.pk"),
        get=ALLEEN_POST,
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
    ),
    "gesprekken:triage": Url(
        _r("gesprekken:triage", "melding.pk"),
        get=mag(CONSULENT, PARTNER_CONSULENT),
        post=mag(CONSULENT, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:onderzoek_openen": Url(
        _r("gesprekken:onderzoek_openen", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
    ),
    "gesprekken:onderzoek": Url(
        _r("gesprekken:onderzoek", "melding.pk"), get=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT)
    ),
    "gesprekken:samen_lezen": Url(
        _r("gesprekken:samen_lezen", "melding.pk"), get=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT)
    ),
    # The service worker's script for a visit prepared for offline use: the same for everyone, no
    # personal data (what is kept is decided by the onderzoek page, gesprekken/offline.py).
    "gesprekken:offline_sw": Url(
        _vast("gesprekken:offline_sw"),
        get={rol: ("ok", "ok") for rol in ROLLEN},
        object=False,
    ),
    "gesprekken:sectie": Url(
        lambda d: reverse("gesprekken:sectie", args=[d.melding.pk, "algemeen"]),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:persoonlijk_plan_toevoegen": Url(
        _r("gesprekken:persoonlijk_plan_toevoegen", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:persoonlijk_plan": Url(
        _r("gesprekken:persoonlijk_plan", "melding.pk", "plan.pk"), get=mag(*DOSSIER_ROLLEN)
    ),
    "gesprekken:verslag_voorbeeld": Url(
        _r("gesprekken:verslag_voorbeeld", "melding.pk"), get=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT)
    ),
    "gesprekken:verslag_versturen": Url(
        _r("gesprekken:verslag_versturen", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
    ),
    "gesprekken:verslag_reactie": Url(
        _r("gesprekken:verslag_reactie", "melding.pk", "versie.nummer"),
        get=mag(CONSULENT, PARTNER_CONSULENT),
        post=mag(CONSULENT, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:vervolgafspraak_toevoegen": Url(
        _r("gesprekken:vervolgafspraak_toevoegen", "melding.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "gesprekken:vervolgafspraak_afronden": Url(
        _r("gesprekken:vervolgafspraak_afronden", "afspraak.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
    ),
    # --- Aanvraag and beschikking (aanvragen) ---
    "aanvragen:aanvraag_registreren": Url(
        _r("aanvragen:aanvraag_registreren", "melding.pk"),
        get=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        post=mag(LOKET, CONSULENT, PARTNER_LOKET, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "aanvragen:aanvraag": Url(_r("aanvragen:aanvraag", "aanvraag.pk"), get=mag(*DOSSIER_ROLLEN)),
    "aanvragen:beschikking_opstellen": Url(
        _r("aanvragen:beschikking_opstellen", "aanvraag.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
    ),
    "aanvragen:aanvraag_actie": Url(
        lambda d: reverse("aanvragen:aanvraag_actie", args=[d.aanvraag.pk, "opschorten"]),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "aanvragen:beschikking": Url(_r("aanvragen:beschikking", "beschikking.pk"), get=mag(*DOSSIER_ROLLEN)),
    # The regel id is never looked up here: a GET is refused (405), a foreign POST ends at the beschikking (404).
    "aanvragen:voorziening_beeindigen": Url(
        _r("aanvragen:voorziening_beeindigen", "beschikking.pk", "aangevraagd.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
    ),
    "aanvragen:beschikking_regel": Url(
        _r("aanvragen:beschikking_regel", "beschikking.pk", "aangevraagd.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "aanvragen:bezwaar_registreren": Url(
        _r("aanvragen:bezwaar_registreren", "beschikking.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "aanvragen:nazorg_afronden": Url(
        _r("aanvragen:nazorg_afronden", "beschikking.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    "aanvragen:beschikking_actie": Url(
        lambda d: reverse("aanvragen:beschikking_actie", args=[d.beschikking.pk, "terugsturen"]),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
        leeg_post=True,
    ),
    # --- Teamleider ---
    "teamleider:dashboard": Url(_vast("teamleider:dashboard"), get=mag(TEAMLEIDER), object=False),
    "teamleider:herverdelen": Url(
        # own: the page for a consulent of the teamleider's team; foreign: another organisation's.
        lambda d: f"{reverse('teamleider:herverdelen')}?van={d.consulent.pk}",
        get=mag(TEAMLEIDER),
        post=mag(TEAMLEIDER),
        leeg_post=True,
    ),
    "teamleider:managementinformatie": Url(
        _vast("teamleider:managementinformatie"), get=mag(TEAMLEIDER), object=False
    ),
    "teamleider:managementinformatie_csv": Url(
        _vast("teamleider:managementinformatie_csv"), get=mag(TEAMLEIDER), object=False
    ),
    "teamleider:clientervaringsonderzoek": Url(
        _vast("teamleider:clientervaringsonderzoek"), get=mag(TEAMLEIDER), object=False
    ),
    # --- The access log and inzageverzoeken (privacy): the privacy officer only ---
    "privacy:inzagelog": Url(_vast("privacy:inzagelog"), get=mag(PRIVACY), object=False),
    "privacy:inzageverzoek": Url(_r("privacy:inzageverzoek", "inwoner.pk"), get=mag(PRIVACY)),
    "privacy:inzageverzoek_csv": Url(_r("privacy:inzageverzoek_csv", "inwoner.pk"), get=mag(PRIVACY)),
    # --- Choosing one's own password through a one-time link (wmo.wachtwoord): for everyone ---
    "password_reset": Url(
        _vast("password_reset"),
        get={rol: ("ok", "ok") for rol in ROLLEN},
        post={rol: ("formfout", "formfout") for rol in ROLLEN},
        object=False,
        leeg_post=True,
    ),
    "password_reset_done": Url(
        _vast("password_reset_done"), get={rol: ("ok", "ok") for rol in ROLLEN}, object=False
    ),
    "password_reset_confirm": Url(
        # a link that is not (or no longer) valid: the page says so, to everyone
        lambda d: reverse("password_reset_confirm", args=["MQ", "ongeldig-token"]),
        get={rol: ("ok", "ok") for rol in ROLLEN},
        object=False,
    ),
    "password_reset_complete": Url(
        _vast("password_reset_complete"), get={rol: ("ok", "ok") for rol in ROLLEN}, object=False
    ),
    # --- Beheer: accounts and roles of the beheerder's own organisation (beheer) ---
    # own: an account of the beheerder's organisation; foreign: one of another organisation.
    "beheer:start": Url(_vast("beheer:start"), get=mag(BEHEERDER), object=False),
    "beheer:medewerkers": Url(_vast("beheer:medewerkers"), get=mag(BEHEERDER), object=False),
    "beheer:medewerker_aanmaken": Url(
        _vast("beheer:medewerker_aanmaken"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        object=False,
        leeg_post=True,
    ),
    "beheer:medewerker": Url(_r("beheer:medewerker", "consulent.pk"), get=mag(BEHEERDER)),
    "beheer:medewerker_wijzigen": Url(
        _r("beheer:medewerker_wijzigen", "consulent.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:medewerker_deactiveren": Url(
        _r("beheer:medewerker_deactiveren", "consulent.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:wachtwoordlink_versturen": Url(
        _r("beheer:wachtwoordlink_versturen", "consulent.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    "beheer:rol_aanvragen": Url(
        _r("beheer:rol_aanvragen", "consulent.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    "beheer:rol_intrekken": Url(
        lambda d: reverse("beheer:rol_intrekken", args=[d.consulent.pk, Rol.CONSULENT]),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:medewerker_activeren": Url(
        _r("beheer:medewerker_activeren", "consulent.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    # Hand over a consulent's open meldingen: counts and kenmerken only (beheer.overdracht).
    "beheer:meldingen_overdragen": Url(
        _r("beheer:meldingen_overdragen", "consulent.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    # Teams: own = the team of the dossier's consulent; foreign = a team of another organisation.
    "beheer:teams": Url(_vast("beheer:teams"), get=mag(BEHEERDER), object=False),
    "beheer:team_aanmaken": Url(
        _vast("beheer:team_aanmaken"), get=mag(BEHEERDER), post=mag(BEHEERDER), object=False, leeg_post=True
    ),
    "beheer:team_wijzigen": Url(
        _r("beheer:team_wijzigen", "consulent.team_id"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:team_deactiveren": Url(
        _r("beheer:team_deactiveren", "consulent.team_id"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:team_activeren": Url(
        _r("beheer:team_activeren", "consulent.team_id"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    "beheer:wijzigingen": Url(_vast("beheer:wijzigingen"), get=mag(BEHEERDER), object=False),
    "beheer:rolaanvragen": Url(_vast("beheer:rolaanvragen"), get=mag(BEHEERDER), object=False),
    "beheer:rolaanvraag": Url(
        _r("beheer:rolaanvraag", "rolaanvraag.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    # Gemeenten, organisation and partners (beheer.views_gemeenten): own = a gemeente the
    # beheerder's organisation serves, foreign = another organisation's gemeente.
    "beheer:gemeenten": Url(_vast("beheer:gemeenten"), get=mag(BEHEERDER), object=False),
    "beheer:gemeente_aanmaken": Url(
        _vast("beheer:gemeente_aanmaken"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        object=False,
        leeg_post=True,
    ),
    "beheer:gemeente": Url(_r("beheer:gemeente", "gemeente.pk"), get=mag(BEHEERDER)),
    "beheer:gemeente_gegevens": Url(
        _r("beheer:gemeente_gegevens", "gemeente.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    "beheer:gemeente_instellingen": Url(
        _r("beheer:gemeente_instellingen", "gemeente.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:gemeente_logo": Url(
        _r("beheer:gemeente_logo", "gemeente.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    # --- BRP (brp): the koppeling per gemeente in beheer; the loket's search and take-over, which
    # exist only for the gemeenten with a koppeling (_bouw_wereld makes one for the own gemeente). ---
    "brp:koppeling": Url(
        _r("brp:koppeling", "gemeente.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    "brp:koppeling_testen": Url(
        _r("brp:koppeling_testen", "gemeente.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    "brp:zoeken": Url(
        _vast("brp:zoeken"),
        get=mag(LOKET, PARTNER_LOKET),
        post=mag(
            LOKET,
            PARTNER_LOKET,
            afwijkend={LOKET: ("formfout", "formfout"), PARTNER_LOKET: ("formfout", "formfout")},
        ),
        object=False,
        leeg_post=True,
    ),
    # An empty choice goes back to the inwoner form with a message.
    "brp:overnemen": Url(
        _vast("brp:overnemen"),
        get=ALLEEN_POST,
        post=mag(
            LOKET,
            PARTNER_LOKET,
            afwijkend={
                LOKET: ("doorverwezen", "doorverwezen"),
                PARTNER_LOKET: ("doorverwezen", "doorverwezen"),
            },
        ),
        object=False,
        leeg_post=True,
    ),
    "beheer:gemeente_logo_weghalen": Url(
        _r("beheer:gemeente_logo_weghalen", "gemeente.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    "beheer:organisatie": Url(
        _vast("beheer:organisatie"), get=mag(BEHEERDER), post=mag(BEHEERDER), object=False, leeg_post=True
    ),
    "beheer:gemeente_loslaten": Url(
        _r("beheer:gemeente_loslaten", "gemeente.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    # An empty POST would take the partner off every gemeente: not tried on the own object.
    "beheer:partner": Url(
        _r("beheer:partner", "partnerorganisatie.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER)
    ),
    # Letter texts per gemeente: the gemeente of the dossier's melding is "own" for its organisation.
    "beheer:brieven": Url(_vast("beheer:brieven"), get=mag(BEHEERDER), object=False),
    "beheer:brief_tekst": Url(
        _r("beheer:brief_tekst", "melding.gemeente_id", "brief_soort"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:brief_voorbeeld": Url(
        _r("beheer:brief_voorbeeld", "melding.gemeente_id", "brief_soort"),
        get=ALLEEN_POST,
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
    "beheer:brief_versies": Url(
        _r("beheer:brief_versies", "melding.gemeente_id", "brief_soort"), get=mag(BEHEERDER)
    ),
    "beheer:brief_versie": Url(
        _r("beheer:brief_versie", "melding.gemeente_id", "brief_soort", "standaardversie"), get=mag(BEHEERDER)
    ),
    "beheer:brief_versie_voorbeeld": Url(
        _r("beheer:brief_versie_voorbeeld", "melding.gemeente_id", "brief_soort", "standaardversie"),
        get=mag(BEHEERDER),
    ),
    "beheer:brief_versie_terugzetten": Url(
        _r("beheer:brief_versie_terugzetten", "melding.gemeente_id", "brief_soort", "standaardversie"),
        get=ALLEEN_POST,
        post=mag(BEHEERDER),
    ),
    # --- Beheer: catalogue and aanbieders (beheer.catalogus_views) ---
    # The catalogue and the aanbieders are shared (foreign: another dossier's product or aanbieder,
    # "ok"; an empty POST is a form error there too); a contract belongs to one gemeente (404).
    "beheer:catalogus": Url(_vast("beheer:catalogus"), get=mag(BEHEERDER), object=False),
    "beheer:voorziening_aanmaken": Url(
        _vast("beheer:voorziening_aanmaken"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        object=False,
        leeg_post=True,
    ),
    "beheer:voorziening": Url(_r("beheer:voorziening", "product.pk"), get=mag(BEHEERDER, foreign="ok")),
    **{
        f"beheer:{naam}": Url(
            _r(f"beheer:{naam}", "product.pk"),
            get=mag(BEHEERDER, foreign="ok"),
            post=mag(BEHEERDER, foreign="formfout"),
            leeg_post=True,
        )
        for naam in ("voorziening_wijzigen", "voorziening_nieuwe_periode", "voorziening_beeindigen")
    },
    "beheer:voorziening_mandaat": Url(
        _r("beheer:voorziening_mandaat", "product.pk"),
        get=ALLEEN_POST,
        post=mag(BEHEERDER, foreign="formfout"),
        leeg_post=True,
    ),
    # iWmo traffic: per dossier for who sees the dossier; per aanbieder for the beheerder (kenmerk only).
    "iwmo:dossier": Url(_r("iwmo:dossier", "melding.pk"), get=mag(*DOSSIER_ROLLEN)),
    "iwmo:xml": Url(_r("iwmo:xml", "bericht.pk"), get=mag(*DOSSIER_ROLLEN)),
    "iwmo:opnieuw": Url(
        _r("iwmo:opnieuw", "bericht.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT),
    ),
    "iwmo:aanbieder": Url(_r("iwmo:aanbieder", "aanbieder.pk"), get=mag(BEHEERDER, foreign="ok")),
    "beheer:aanbieders": Url(_vast("beheer:aanbieders"), get=mag(BEHEERDER), object=False),
    "beheer:aanbieder_aanmaken": Url(
        _vast("beheer:aanbieder_aanmaken"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        object=False,
        leeg_post=True,
    ),
    # --- iWmo (incoming): a verzoek of an aanbieder, judged by the consulent of the dossier; the
    # beheer list of messages not processed (iwmo/views_ontvangst.py). Granting changes the dossier
    # at once, so an empty POST is only tried on a foreign verzoek. ---
    "iwmo_ontvangst:verzoek": Url(
        _r("iwmo_ontvangst:verzoek", "iwmo_verzoek.pk"), get=mag(CONSULENT, TEAMLEIDER, PARTNER_CONSULENT)
    ),
    "iwmo_ontvangst:verzoek_toekennen": Url(
        _r("iwmo_ontvangst:verzoek_toekennen", "iwmo_verzoek.pk"),
        get=ALLEEN_POST,
        post=mag(CONSULENT, PARTNER_CONSULENT),
    ),
    "iwmo_ontvangst:verzoek_afwijzen": Url(
        _r("iwmo_ontvangst:verzoek_afwijzen", "iwmo_verzoek.pk"),
        get=ALLEEN_POST,
        post=mag(
            CONSULENT,
            PARTNER_CONSULENT,
            afwijkend={CONSULENT: ("formfout", "404"), PARTNER_CONSULENT: ("formfout", "404")},
        ),
        leeg_post=True,
    ),
    "iwmo_beheer:niet_verwerkt": Url(_vast("iwmo_beheer:niet_verwerkt"), get=mag(BEHEERDER), object=False),
    "iwmo_beheer:bericht_downloaden": Url(
        _r("iwmo_beheer:bericht_downloaden", "iwmo_bericht.pk"), get=mag(BEHEERDER)
    ),
    "iwmo_beheer:bericht_opnieuw": Url(
        _r("iwmo_beheer:bericht_opnieuw", "iwmo_bericht.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    # --- Beheer: the zaaksysteem connection (zgw.views): per gemeente; an opdracht of another
    # organisation's gemeente is a 404.
    "zgw_beheer:koppelingen": Url(_vast("zgw_beheer:koppelingen"), get=mag(BEHEERDER), object=False),
    "zgw_beheer:koppeling": Url(
        _r("zgw_beheer:koppeling", "gemeente.pk"), get=mag(BEHEERDER), post=mag(BEHEERDER), leeg_post=True
    ),
    "zgw_beheer:niet_verzonden": Url(_vast("zgw_beheer:niet_verzonden"), get=mag(BEHEERDER), object=False),
    "zgw_beheer:opnieuw": Url(
        _r("zgw_beheer:opnieuw", "zgw_opdracht.pk"), get=ALLEEN_POST, post=mag(BEHEERDER)
    ),
    "beheer:aanbieder": Url(_r("beheer:aanbieder", "aanbieder.pk"), get=mag(BEHEERDER, foreign="ok")),
    **{
        f"beheer:{naam}": Url(
            _r(f"beheer:{naam}", "aanbieder.pk"),
            get=mag(BEHEERDER, foreign="ok"),
            post=mag(BEHEERDER, foreign="formfout"),
            leeg_post=True,
        )
        for naam in ("aanbieder_wijzigen", "contract_aanmaken")
    },
    "beheer:contract_beeindigen": Url(
        _r("beheer:contract_beeindigen", "contract.pk"),
        get=mag(BEHEERDER),
        post=mag(BEHEERDER),
        leeg_post=True,
    ),
}

# Known holes, fixed by another part of the issue: (role, url name, "own"/"foreign", method) ->
# who fixes it. The cell expects the rule above and is a strict expected failure until then.
BEKEND: dict[tuple[str, str, str, str], str] = {}


# --- The data: built once for this module ---------------------------------------------------


@dataclass
class Dossier:
    """One inwoner's dossier with an object of every kind a URL can point at."""

    inwoner: object = None
    melding: object = None
    brief: object = None
    gesprek: object = None
    plan: object = None
    versie: object = None
    afspraak: object = None
    aanvraag: object = None
    aangevraagd: object = None
    beschikking: object = None
    consulent: object = None
    rolaanvraag: object = None  # a beheer.Roltoekenning asked for in the dossier's organisation
    gemeente: object = None  # the melding's gemeente
    partnerorganisatie: object = None  # a partner working for that gemeente (set in _bouw_wereld)
    brief_soort: str = "ontvangstbevestiging"  # a letter kind whose text beheer edits
    standaardversie: int = 0  # the standard text: a version every gemeente has
    product: object = None  # an unused product in the (shared) catalogue
    aanbieder: object = None  # an aanbieder (shared) ...
    contract: object = None  # ... with a contract in the dossier's gemeente
    bericht: object = None  # an iWmo message (WMO301) of the melding to that aanbieder
    iwmo_verzoek: object = None  # an iWmo verzoek (WMO315) of an aanbieder on the dossier's melding
    iwmo_bericht: object = None  # a received iWmo message of the dossier's gemeente, not processed
    zgw_opdracht: object = None  # an opdracht for the gemeente's zaaksysteem that was not sent


@dataclass
class Wereld:
    gebruikers: dict = field(default_factory=dict)
    sessies: dict = field(default_factory=dict)  # role -> session key, logged in once
    eigen: Dossier | None = None  # the execution organisation's dossier (own for its roles)
    vreemd: Dossier | None = None  # another organisation in another gemeente
    partner: Dossier | None = None  # the partner's own dossier, in the first gemeente

    def dossier(self, rol: str, kant: str) -> Dossier:
        if rol in PARTNER_ROLLEN:
            return self.partner if kant == "own" else self.eigen
        return self.eigen if kant == "own" else self.vreemd


PDF = b"%PDF-1.4\n% persoonlijk plan\n"


def _dossier(team, consulent) -> Dossier:
    """A melding with onderzoek, gesprek, persoonlijk plan, vervolgafspraak, a sent verslag (its
    letter), an aanvraag and a draft beschikking, all through the services."""
    gemeente = team.organisatie.gemeenten.first()
    vandaag = timezone.localdate()
    melding = MeldingFactory(
        team=team,
        consulent=consulent,
        inwoner__gemeente=gemeente,
        door=consulent,
        ontvangen_op=timezone.make_aware(datetime.combine(vandaag - timedelta(days=20), time(9, 30))),
    )
    onderzoek = OnderzoekFactory(melding=melding, door=consulent)
    melding.refresh_from_db()
    gesprek = gesprek_services.gesprek_plannen(
        melding=melding,
        door=consulent,
        consulent=consulent,
        gepland_op=timezone.make_aware(datetime.combine(vandaag + timedelta(days=3), time(10))),
    )
    plan = gesprek_services.persoonlijk_plan_opslaan(
        melding=melding, door=consulent, naam="plan.pdf", inhoud=PDF, ontvangen_op=vandaag
    )
    afspraak = gesprek_services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=consulent,
        eigenaar=consulent,
        actie="Bellen met de huisarts",
        uiterlijk=vandaag + timedelta(days=7),
    )
    ladder_invullen(resultaat(onderzoek), consulent)
    versie = gesprek_services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    melding.refresh_from_db()
    aanvraag = AanvraagFactory(
        melding=melding, door=consulent, ontvangen_op=vandaag, voorzieningen=[VoorzieningFactory()]
    )
    beschikking = BeschikkingFactory(aanvraag=aanvraag, door=consulent)
    rolaanvraag = beheer_services.rol_aanvragen(
        door=MedewerkerFactory(team=team, organisatie=team.organisatie, rollen=[Rol.FUNCTIONEEL_BEHEERDER]),
        medewerker=MedewerkerFactory(team=team, organisatie=team.organisatie),
        rol=Rol.LOKETMEDEWERKER,
        reden="Nieuw aan het loket",
    )
    product = VoorzieningFactory(naam=f"Product van {gemeente.naam}")
    aanbieder = Aanbieder.objects.create(
        naam=f"Aanbieder {Aanbieder.objects.count() + 1}", agb_code=f"{75750001 + Aanbieder.objects.count()}"
    )
    contract = Contract.objects.create(
        aanbieder=aanbieder, gemeente=gemeente, voorziening=product, geldig_vanaf=vandaag - timedelta(days=30)
    )
    bericht = Bericht.objects.create(
        richting=Richting.UIT,
        berichtcode="414",
        soort="WMO301",
        identificatie=f"m{melding.pk}",
        dagtekening=vandaag,
        afzender=gemeente.cbs_code,
        ontvanger=aanbieder.agb_code,
        xml=b"<Bericht/>",
        bestandsnaam=f"WMO301_m{melding.pk}.xml",
        status=BerichtStatus.VERZONDEN,
        gemeente=gemeente,
        aanbieder=aanbieder,
        inwoner=melding.inwoner,
        melding=melding,
    )
    iwmo_bericht = Bericht.objects.create(
        richting=Richting.IN,
        soort="WMO315",
        xml=b"<Bericht/>",
        bestandsnaam="vot.xml",
        status=BerichtStatus.NIET_VERWERKT,
        reden="Voorbeeld",
        gemeente=gemeente,
    )
    iwmo_verzoek = Verzoek.objects.create(
        soort=VerzoekSoort.TOEWIJZING,
        bericht=iwmo_bericht,
        aanbieder=aanbieder,
        gemeente=gemeente,
        inwoner=melding.inwoner,
        melding=melding,
        referentie=f"REF-{melding.pk}",
    )
    zgw_opdracht = Opdracht.objects.create(
        soort=OpdrachtSoort.ZAAK,
        koppeling=ZgwKoppeling.objects.get_or_create(
            gemeente=gemeente,
            defaults=dict(
                actief=False,
                zaken_api="https://zs.example/zaken/api/v1/",
                documenten_api="https://zs.example/documenten/api/v1/",
                besluiten_api="https://zs.example/besluiten/api/v1/",
                client_id="keukentafel",
                secret_naam="KT_ZGW_MATRIX",
                bronorganisatie="002220647",
                verantwoordelijke_organisatie="002220647",
                zaaktype="https://zs.example/zaaktypen/1",
                roltype_initiator="https://zs.example/roltypen/1",
                informatieobjecttype="https://zs.example/iot/1",
                besluittype="https://zs.example/besluittypen/1",
            ),
        )[0],
        melding=melding,
        moment=melding.ontvangen_op,
        status=OpdrachtStatus.NIET_VERZONDEN,
        pogingen=8,
        laatste_fout="Het zaaksysteem is niet bereikbaar.",
    )
    return Dossier(
        zgw_opdracht=zgw_opdracht,
        bericht=bericht,
        iwmo_verzoek=iwmo_verzoek,
        iwmo_bericht=iwmo_bericht,
        product=product,
        aanbieder=aanbieder,
        contract=contract,
        inwoner=melding.inwoner,
        melding=melding,
        brief=versie.brief,
        gesprek=gesprek,
        plan=plan,
        versie=versie,
        afspraak=afspraak,
        aanvraag=aanvraag,
        aangevraagd=aanvraag.voorzieningen.first(),
        beschikking=beschikking,
        consulent=consulent,
        rolaanvraag=rolaanvraag,
        gemeente=melding.gemeente,
    )


def _sessie(user) -> str:
    """Log ``user`` in completely and return the session key; the matrix logs in only here.

    A login that needs more than the password step (two-step verification) is completed here,
    the way tests/conftest.py's client does it for the rest of the suite."""
    client = TweestapsClient()  # both steps: password and two-step code
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _bouw_wereld() -> Wereld:
    wereld = Wereld()
    gemeente = GemeenteFactory()
    team = TeamFactory(organisatie=OrganisatieFactory(gemeenten=[gemeente]))
    partner_team = TeamFactory(organisatie=OrganisatieFactory(partner=True, gemeenten=[gemeente]))
    vreemd_team = TeamFactory(organisatie=OrganisatieFactory(gemeenten=[GemeenteFactory()]))

    def medewerker(t, *rollen, **kwargs):
        return MedewerkerFactory(team=t, organisatie=t.organisatie, rollen=list(rollen), **kwargs)

    g = wereld.gebruikers
    g[ANONIEM] = None
    g[GEEN_ROL] = medewerker(team)
    g[LOKET] = medewerker(team, Rol.LOKETMEDEWERKER)
    g[CONSULENT] = medewerker(team, Rol.CONSULENT)
    g[TEAMLEIDER] = medewerker(team, Rol.TEAMLEIDER)
    g[BEHEERDER] = medewerker(team, Rol.FUNCTIONEEL_BEHEERDER)
    g[PARTNER_LOKET] = medewerker(partner_team, Rol.LOKETMEDEWERKER)
    g[PARTNER_CONSULENT] = medewerker(partner_team, Rol.CONSULENT)
    if PRIVACY in ROLLEN:
        g[PRIVACY] = medewerker(team, Rol.PRIVACY_FUNCTIONARIS)

    for rol, user in g.items():
        if user is not None:
            wereld.sessies[rol] = _sessie(user)

    wereld.eigen = _dossier(team, g[CONSULENT])
    wereld.partner = _dossier(partner_team, g[PARTNER_CONSULENT])
    wereld.vreemd = _dossier(vreemd_team, medewerker(vreemd_team, Rol.CONSULENT))
    wereld.eigen.partnerorganisatie = wereld.partner.partnerorganisatie = partner_team.organisatie
    wereld.vreemd.partnerorganisatie = vreemd_team.organisatie  # not a partner of the beheerder's gemeenten
    # A BRP koppeling for the own gemeente (made last: building the dossiers asks no BRP), so the
    # loket's BRP pages exist; its secret is not set, so nothing ever leaves this machine.
    BrpKoppeling.objects.create(
        gemeente=gemeente, basis_url="http://127.0.0.1:9/brp", geheim_naam="KT_BRP_MATRIX"
    )
    return wereld


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The matrix's data, in a transaction rolled back after the module (see the module docstring)."""
    nu = os.environ.get("KEUKENTAFEL_NU")  # the same moment as tests/conftest.py's _clock
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            if nu:
                with time_machine.travel(datetime.fromisoformat(nu), tick=True):
                    yield _bouw_wereld()
            else:
                yield _bouw_wereld()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --- The cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geval:
    rol: str
    naam: str
    kant: str  # "own", "foreign" or "" (a page without an object)
    methode: str  # "get" or "post"
    verwacht: str

    @property
    def id(self) -> str:
        return "-".join(
            [self.rol, self.naam]
            + ([self.kant] if self.kant else [])
            + (["post"] if self.methode == "post" else [])
        )


def gevallen() -> list[Geval]:
    result = []
    for naam, entry in MATRIX.items():
        kanten = [("own", 0), ("foreign", 1)] if entry.object else [("", 0)]
        for rol in ROLLEN:
            for kant, i in kanten:
                if entry.get is not ALLEEN_POST or i == 0:  # a 405 once per role is enough
                    result.append(Geval(rol, naam, kant, "get", entry.get[rol][i]))
                if entry.post is None:
                    continue
                verwacht = entry.post[rol][i]
                if verwacht == "ok":
                    if kant == "foreign" or not entry.leeg_post:
                        continue  # allowed: the matrix does not perform the change
                    verwacht = "formfout"
                result.append(Geval(rol, naam, kant, "post", verwacht))
    return result


def _param(geval: Geval):
    reden = BEKEND.get((geval.rol, geval.naam, geval.kant, geval.methode))
    marks = [pytest.mark.xfail(reason=reden, strict=True)] if reden else []
    return pytest.param(geval, id=geval.id, marks=marks)


def _tabel(naam: str, geval: Geval | None = None) -> str:
    """The entry's row per role, the failing cell marked with >...<."""
    entry = MATRIX[naam]
    regels = [f"{naam}:", f"  {'rol':<22} {'GET own':<14} {'GET foreign':<14} {'POST own':<14} POST foreign"]
    for rol in ROLLEN:
        cellen = []
        for methode, rechten in (("get", entry.get), ("post", entry.post)):
            for kant, i in (("own", 0), ("foreign", 1)):
                tekst = "-" if rechten is None or (not entry.object and i) else rechten[rol][i]
                if geval and (geval.rol, geval.methode, geval.kant or "own") == (rol, methode, kant):
                    tekst = f">{tekst}<"
                cellen.append(f"{tekst:<14}")
        regels.append(f"  {rol:<22} {' '.join(cellen)}")
    return "\n".join(regels)


@pytest.fixture(scope="module")
def matrix_client():
    """One test client for the module: a new client loads the whole middleware chain again (once
    WhiteNoise's scan of every static file, which took most of this module's time; the test
    settings now look static files up per request instead)."""
    return TweestapsClient()  # its force_login (test_admin) passes both steps


@pytest.fixture
def client(matrix_client, wereld):
    matrix_client.cookies.clear()
    return matrix_client


@pytest.mark.django_db
@pytest.mark.parametrize("geval", [_param(g) for g in gevallen()])
def test_matrix(client, wereld, geval):
    if geval.rol in wereld.sessies:  # logged in once, in the module's data
        client.cookies[settings.SESSION_COOKIE_NAME] = wereld.sessies[geval.rol]
    entry = MATRIX[geval.naam]
    url = entry.url(wereld.dossier(geval.rol, geval.kant or "own"))
    response = client.get(url) if geval.methode == "get" else client.post(url, {})
    gekregen = uitkomst(response)
    assert gekregen in PASSEND[geval.verwacht], (
        f"{geval.methode.upper()} {url} as {geval.rol}: expected {geval.verwacht} "
        f"({UITKOMSTEN[geval.verwacht]}), got {gekregen} ({response.status_code})\n"
        + _tabel(geval.naam, geval)
    )


# --- Every URL pattern has an entry -----------------------------------------------------------


def url_patronen() -> dict[str, str]:
    """Every URL pattern of the project: full name (namespace:name) -> route. Unnamed patterns
    get the key "(naamloos) <route>"; every pattern of the admin namespace the key "admin", and
    of the beheerder's own admin site the key "beheer_technisch"."""
    patronen: dict[str, str] = {}

    def walk(patterns, namespaces: list[str], prefix: str):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespaces + [p.namespace] if p.namespace else namespaces
                walk(p.url_patterns, ns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if namespaces[:1] == ["admin"]:
                    patronen["admin"] = "admin/…"
                elif namespaces[:1] == ["beheer_technisch"]:
                    patronen["beheer_technisch"] = "beheer/technisch/…"
                elif p.name:
                    patronen[":".join(namespaces + [p.name])] = route
                else:
                    patronen[f"(naamloos) {route}"] = route

    walk(get_resolver().url_patterns, [], "/")
    return patronen


def test_elke_url_staat_in_de_matrix():
    patronen = url_patronen()
    ontbreekt = sorted(set(patronen) - set(MATRIX) - {"admin", "beheer_technisch"})
    weg = sorted(set(MATRIX) - set(patronen))
    regels = []
    if ontbreekt:
        regels.append("These URL patterns have no entry in MATRIX (tests/security/test_url_matrix.py):")
        for naam in ontbreekt:
            regels.append(f"  {naam:<45} {patronen[naam]}")
        regels.append("Add one per URL, e.g. (the module docstring explains the parts):")
        regels.append(
            f'    "{ontbreekt[0]}": Url(lambda d: reverse("{ontbreekt[0]}", args=[d.melding.pk]), '
            "get=mag(CONSULENT), post=None),"
        )
    if weg:
        regels.append("These MATRIX entries name a URL that no longer exists; remove them:")
        regels.extend(f"  {naam}" for naam in weg)
    assert not regels, "\n".join(regels)


def test_matrix_is_compleet_per_rol():
    """Every entry states an outcome for every role, from the known classes."""
    for naam, entry in MATRIX.items():
        for rechten in (entry.get, entry.post):
            if rechten is None:
                continue
            assert set(rechten) >= set(ROLLEN), f"{naam}: no outcome for {set(ROLLEN) - set(rechten)}"
            for rol in ROLLEN:
                assert all(u in PASSEND for u in rechten[rol]), f"{naam} {rol}: {rechten[rol]}"


# --- The Django admin: one family -------------------------------------------------------------


def admin_urls() -> list[str]:
    """The admin's index and, per registered model, its list and its add page."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    return urls


# Who gets an admin page today; everyone else must get the login or 403/404 on every admin URL.
ADMIN_TOEGANG = {"superuser"}
ADMIN_BEKEND: dict[str, str] = {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rol",
    [
        pytest.param(
            r,
            id=f"{r}-admin",
            marks=[pytest.mark.xfail(reason=ADMIN_BEKEND[r], strict=True)] if r in ADMIN_BEKEND else [],
        )
        for r in [*ROLLEN, "superuser"]
    ],
)
def test_admin(client, wereld, rol):
    if rol == "superuser":
        user = MedewerkerFactory(is_staff=True, is_superuser=True)
    else:
        user = wereld.gebruikers[rol]
    if user is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = _sessie(user)
    if rol in ADMIN_TOEGANG:
        assert client.get(reverse("admin:index")).status_code == 200
        return
    pagina = [(url, client.get(url).status_code) for url in admin_urls()]
    gekregen = [(url, s) for url, s in pagina if s == 200]
    assert not gekregen, f"{rol} gets admin pages: {gekregen}"


# --- The beheerder's own admin site (beheer.technisch): one family too -------------------------


def technisch_urls() -> list[str]:
    """The site's index and, per registered model (no user model among them), list and add page."""
    urls = [reverse("beheer_technisch:index")]
    for model in technisch.site._registry:
        meta = model._meta
        urls.append(reverse(f"beheer_technisch:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"beheer_technisch:{meta.app_label}_{meta.model_name}_add"))
    return urls


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [pytest.param(r, id=f"{r}-beheer_technisch") for r in [*ROLLEN, "superuser"]])
def test_beheer_technisch(client, wereld, rol):
    """Only the functioneel beheerder (of an execution organisation) gets its catalogue pages;
    a superuser uses /admin/."""
    user = MedewerkerFactory(is_superuser=True) if rol == "superuser" else wereld.gebruikers[rol]
    if user is not None:
        client.force_login(user)
    pagina = [(url, client.get(url).status_code) for url in technisch_urls()]
    if rol == BEHEERDER:  # every list; an add page where its role may add (not a gemeente)
        assert all(s == 200 or (s == 403 and url.endswith("/add/")) for url, s in pagina), pagina
        assert sum(s == 200 for _, s in pagina) >= len(technisch.site._registry) * 2
        return
    gekregen = [(url, s) for url, s in pagina if s == 200]
    assert not gekregen, f"{rol} gets beheer/technisch pages: {gekregen}"


# --- The summary for people: docs/toegangsmatrix.md ----------------------------------------------

ROL_KOPPEN = {
    ANONIEM: "niet ingelogd",
    GEEN_ROL: "zonder rol",
    LOKET: "loket",
    CONSULENT: "consulent",
    TEAMLEIDER: "teamleider",
    BEHEERDER: "functioneel beheerder",
    PARTNER_LOKET: "partner loket",
    PARTNER_CONSULENT: "partner consulent",
    PRIVACY: "privacyfunctionaris",
}
FAMILIES = {
    "": "Algemeen (inloggen, werkvoorraad)",
    "meldingen": "Inwoners, meldingen en brieven",
    "gesprekken": "Gesprek, onderzoek en verslag",
    "aanvragen": "Aanvraag en beschikking",
    "teamleider": "Teamleider",
    "privacy": "Inzagelog en inzageverzoeken (functionaris gegevensbescherming)",
    "beheer": "Beheer: accounts, rollen, teams en wijzigingen",
}


def _cel(naam: str, entry: Url, rol: str, voetnoten: list[str]) -> str:
    get_eigen, get_vreemd = entry.get[rol]
    post_eigen, post_vreemd = entry.post[rol] if entry.post else (None, None)
    if rol == ANONIEM:
        delen = ["inloggen"] if "login" in (get_eigen, post_eigen) and get_eigen != "ok" else []
        if get_eigen == "ok":
            delen.append("zien")
        if post_eigen in ("ok", "formfout"):
            delen.append("doen")
        return ", ".join(delen) or "—"
    delen = []
    if get_eigen == "ok":
        delen.append("zien")
    elif get_eigen == "doorverwezen":
        delen.append("doorgestuurd")
    if post_eigen in ("ok", "formfout") or (post_eigen == "login" and naam == "logout"):
        delen.append("doen")
    if entry.object:
        vreemd = [
            v for e, v in ((get_eigen, get_vreemd), (post_eigen, post_vreemd)) if e == "ok" and v != "404"
        ]
        if vreemd:
            delen.append(f"ook vreemd: {vreemd[0]}")
    bekend = [(k, reden) for k, reden in BEKEND.items() if k[:2] == (rol, naam)]
    if bekend:
        cellen = " en ".join(f"{k[3].upper()} {k[2]}" for k, _ in bekend)
        voetnoten.append(f"{ROL_KOPPEN[rol]}, `{naam}`, {cellen}: nu nog toegestaan ({bekend[0][1]})")
        delen.append(f"[{len(voetnoten)}]")
    return ", ".join(delen) or "—"


def samenvatting() -> str:
    """docs/toegangsmatrix.md: per URL family and role what it may do, as the matrix tests it."""
    patronen = url_patronen()
    regels = [
        "# Toegangsmatrix",
        "",
        "Gegenereerd uit `tests/security/test_url_matrix.py` (niet met de hand bewerken): elke rol,"
        " elke URL, een eigen en een vreemd object. Opnieuw maken:"
        " `TOEGANGSMATRIX_SCHRIJVEN=1 .venv/bin/python -m pytest tests/security/test_url_matrix.py -k samenvatting`.",
        "",
        "- **zien**: de pagina opent (GET geeft 200).",
        "- **doen**: de rol mag het formulier of de knop gebruiken (POST). De matrix voert niets uit:"
        " ze stuurt een leeg formulier (dat met fouten terugkomt) of test alleen het vreemde object.",
        "- **—**: geweigerd (403 of 404); **inloggen**: wie niet is ingelogd gaat naar de inlogpagina.",
        "- **Vreemd object**: een dossier van een andere organisatie in een andere gemeente; voor een"
        " partner een dossier van de uitvoeringsorganisatie van de gemeente. Elke rol die iets mag,"
        " krijgt daar 404 (alsof het niet bestaat), tenzij de cel anders zegt.",
        "- **Beheer van Django** (`/admin/…`): alleen een superuser krijgt er een pagina"
        + (
            f"; nu nog ook: {', '.join(ROL_KOPPEN[r] for r in ADMIN_BEKEND)} ({'; '.join(ADMIN_BEKEND.values())})."
            if ADMIN_BEKEND
            else "."
        ),
        "- **Catalogus en instellingen** (`/beheer/technisch/…`, een eigen admin zonder accounts):"
        " alleen de functioneel beheerder van een uitvoeringsorganisatie.",
        "",
    ]
    voetnoten: list[str] = []
    for prefix, titel in [*FAMILIES.items(), *[(ns, ns) for ns in _overige_families()]]:
        namen = [n for n in MATRIX if (n.split(":")[0] if ":" in n else "") == prefix]
        if not namen:
            continue
        regels += [f"## {titel}", ""]
        regels.append("| URL | " + " | ".join(ROL_KOPPEN[r] for r in ROLLEN) + " |")
        regels.append("| --- |" + " --- |" * len(ROLLEN))
        for naam in namen:
            entry = MATRIX[naam]
            cellen = [_cel(naam, entry, rol, voetnoten) for rol in ROLLEN]
            route = patronen.get(naam, "?").replace("|", "\\|")
            regels.append(f"| `{naam}`<br>`{route}` | " + " | ".join(cellen) + " |")
        regels.append("")
    if voetnoten:
        regels += ["## Bekende gaten (verwacht te falen tot ze gedicht zijn)", ""]
        regels += [f"{i}. {v}" for i, v in enumerate(voetnoten, 1)]
        regels.append("")
    return "\n".join(regels)


def _overige_families() -> list[str]:
    return sorted({n.split(":")[0] for n in MATRIX if ":" in n} - set(FAMILIES))


def test_samenvatting_is_bij():
    """docs/toegangsmatrix.md says what the matrix tests; regenerate it after changing MATRIX."""
    pad = Path(settings.BASE_DIR) / "docs" / "toegangsmatrix.md"
    tekst = samenvatting()
    if os.environ.get("TOEGANGSMATRIX_SCHRIJVEN"):
        pad.parent.mkdir(exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
    assert pad.exists() and pad.read_text(encoding="utf-8") == tekst, (
        "docs/toegangsmatrix.md is not what MATRIX says; regenerate it with "
        "TOEGANGSMATRIX_SCHRIJVEN=1 .venv/bin/python -m pytest tests/security/test_url_matrix.py -k samenvatting"
    )
