"""Security headers on every answer, and web templates that a strict CSP can serve.

Every page, fragment, file and redirect answers with the exact Content-Security-Policy (no
'unsafe-inline', no 'unsafe-eval'), the Permissions-Policy, ``Cache-Control: no-store`` (shared
municipal workstations, AVG art. 32), DENY framing (SAMEORIGIN only for the letter the beschikking
page shows), nosniff, the Referrer-Policy and HSTS. Static files keep their long cache.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from aanvragen.models import Beschikking
from gesprekken import services as gesprekken_services
from meldingen.services import ontvangstbevestiging_versturen
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import MeldingFactory
from wmo.constants import Rol

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "frame-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
    "encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _csp(response) -> dict[str, str]:
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    return dict(d.split(" ", 1) for d in directives if d)


def assert_headers(response, *, framed: bool = False) -> None:
    verwacht_csp = {**CSP, "frame-ancestors": "'self'"} if framed else CSP
    assert _csp(response) == verwacht_csp
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert response["Cache-Control"] == "no-store"
    assert response["Pragma"] == "no-cache"
    assert response["X-Frame-Options"] == ("SAMEORIGIN" if framed else "DENY")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Content-Security-Policy-Report-Only" not in response


@pytest.fixture
def dossier(team, rol_gebruiker):
    """A melding in onderzoek with a persoonlijk plan, a letter, and a beschikking beside a verslag."""
    consulent = rol_gebruiker(Rol.CONSULENT)
    gemeente = team.organisatie.gemeenten.first()
    melding = MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente)
    brief = ontvangstbevestiging_versturen(melding=melding, door=consulent)
    gesprekken_services.onderzoek_openen(melding=melding, door=consulent)
    plan = gesprekken_services.persoonlijk_plan_opslaan(
        melding=melding, door=consulent, naam="plan.png", inhoud=PNG, ontvangen_op=brief.verstuurd_op.date()
    )
    beschikking: Beschikking = BeschikkingFactory(
        door=consulent,
        aanvraag__melding__team=team,
        aanvraag__melding__consulent=consulent,
        aanvraag__melding__inwoner__gemeente=gemeente,
    )
    return melding, brief, plan, beschikking


def _pages(melding, brief, plan, beschikking) -> list[tuple[str, dict]]:
    """(url, request headers): pages, an htmx fragment, files and JSON."""
    return [
        (reverse("werkvoorraad"), {}),
        (reverse("meldingen:inwoner_zoeken"), {}),
        (reverse("meldingen:inwoner_zoeken") + "?q=a", {"HX-Request": "true"}),
        (reverse("meldingen:dossier", args=[melding.inwoner_id]), {}),
        (reverse("meldingen:melding", args=[melding.pk]), {}),
        (reverse("gesprekken:onderzoek", args=[melding.pk]), {}),
        (reverse("gesprekken:persoonlijk_plan", args=[melding.pk, plan.pk]), {}),
        (reverse("aanvragen:beschikking", args=[beschikking.pk]), {}),
        (reverse("teamleider:dashboard"), {}),
        (reverse("teamleider:managementinformatie"), {}),
        (reverse("teamleider:managementinformatie_csv"), {}),
        (reverse("toegang:sessie"), {}),
        ("/admin/", {}),
        ("/bestaat-niet/", {}),
    ]


@pytest.mark.parametrize(
    "rol", [Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER, Rol.FUNCTIONEEL_BEHEERDER]
)
def test_headers_op_elke_pagina_per_rol(client, rol_gebruiker, dossier, rol):
    melding, brief, plan, beschikking = dossier
    gebruiker = rol_gebruiker(rol, is_staff=rol == Rol.FUNCTIONEEL_BEHEERDER)
    client.force_login(gebruiker)
    statussen = set()
    for url, headers in _pages(*dossier):
        response = client.get(url, headers=headers, secure=True)
        statussen.add(response.status_code)
        assert_headers(response), url
    # The letter is framed by the beschikking page: its own origin only (a refusal is not framed).
    response = client.get(reverse("meldingen:brief_pdf", args=[brief.pk]), secure=True)
    statussen.add(response.status_code)
    assert_headers(response, framed=response.status_code == 200)
    assert (response.status_code == 200) == (rol != Rol.FUNCTIONEEL_BEHEERDER)
    assert statussen >= {200, 404}  # real pages were answered, not only refusals


def test_headers_voor_wie_niet_is_ingelogd_en_na_inloggen(client, consulent):
    assert_headers(client.get(reverse("login"), secure=True))
    assert_headers(client.get(reverse("werkvoorraad"), secure=True))  # the redirect to log in
    response = client.post(
        reverse("login"), {"username": consulent.username, "password": "geheim-wachtwoord"}, secure=True
    )
    assert response.status_code == 302
    assert_headers(response)  # the redirect after logging in


def test_statische_bestanden_houden_hun_cache(client, db):
    response = client.get("/static/css/keukentafel.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Pragma" not in response


# --- Web templates that a strict CSP can serve --------------------------------------------------

ROOT = Path(settings.BASE_DIR)
COMMENT = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.S)
TAG = re.compile(r"<[a-zA-Z][^>]*>", re.S)
PROBLEMEN = {
    "inline <script> zonder src": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I),
    "<style>-element": re.compile(r"<style\b", re.I),
    "<object> of <embed> (object-src 'none'; a PDF goes in an <iframe>)": re.compile(
        r"<(object|embed)\b", re.I
    ),
}
IN_TAG = {
    "style=-attribuut": re.compile(r"\sstyle\s*=", re.I),
    "on…=-attribuut": re.compile(r"\son[a-z]+\s*=", re.I),
    "javascript:-link": re.compile(r"=\s*[\"']?\s*javascript:", re.I),
}


def web_templates() -> list[Path]:
    """Every template under a templates/ folder of ours, except the letters (WeasyPrint, no browser)."""
    mappen = [p for p in ROOT.glob("*/templates") if p.parent.name not in {"node_modules", ".venv"}]
    mappen.append(ROOT / "templates")
    brieven = ROOT / "templates" / "brieven"
    return sorted(
        {p for map_ in mappen for p in map_.rglob("*.html") if brieven not in p.parents},
    )


def problemen(tekst: str) -> list[str]:
    tekst = COMMENT.sub("", tekst)
    gevonden = [naam for naam, patroon in PROBLEMEN.items() if patroon.search(tekst)]
    for tag in TAG.findall(tekst):
        gevonden += [f"{naam} in {tag[:80]}" for naam, patroon in IN_TAG.items() if patroon.search(tag)]
    return gevonden


def test_webtemplates_zonder_inline_script_style_of_handlers():
    templates = web_templates()
    assert len(templates) > 30 and {"base.html", "login.html", "onderzoek.html"} <= {
        p.name for p in templates
    }
    fouten = {str(p.relative_to(ROOT)): f for p in templates if (f := problemen(p.read_text()))}
    assert not fouten


@pytest.mark.parametrize(
    "fout",
    [
        "<script>alert(1)</script>",
        '<p style="color:red">x</p>',
        '<button type="button" onclick="doe()">x</button>',
        "<style>p { color: red }</style>",
        '<a href="javascript:void(0)">x</a>',
        '<img src="x.png"\n     onerror="doe()" alt="">',
        '<object data="/brieven/1/" type="application/pdf"></object>',
    ],
)
def test_de_scan_vindt_elke_soort(fout):
    assert problemen(fout)


def test_de_scan_laat_toegestane_dingen_staan():
    assert not problemen(
        '{# style="x" in a comment #}<script src="/static/x.js" defer></script>'
        '<p class="kt-online" data-onderzoek="1">Wat de inwoner online doet: stijl=mooi.</p>'
    )


def _csp_uit_instellingen(**omgeving) -> dict:
    """The CSP directives as the settings module builds them from this environment (a fresh process)."""
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wmo.settings.test", **omgeving}
    uit = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout)


def test_uitloggen_bij_de_idp_mag_als_formulierdoel():
    """The logout form posts here and is redirected to the provider: form-action must allow that."""
    assert _csp_uit_instellingen(OIDC_ENABLED="false")["form-action"] == ["'self'"]
    assert _csp_uit_instellingen(
        OIDC_ENABLED="true",
        OIDC_OP_LOGOUT_ENDPOINT="https://login.example.nl:8443/realms/g/protocol/openid-connect/logout",
    )["form-action"] == ["'self'", "https://login.example.nl:8443"]
