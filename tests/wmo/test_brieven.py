"""The letters module: one template folder per kind, every kind renders, one way to send and
to serve a letter, and no letter template or template path outside it."""

import ast
import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import MeldingFactory, TeamFactory
from tests.pdf import pdf_tekst
from wmo import brieven
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief, Inzage

ROOT = Path(settings.BASE_DIR)
BRIEVEN = ROOT / "templates" / "brieven"


def test_elke_soort_heeft_een_eigen_map_en_niets_anders():
    assert set(brieven.SOORTEN) == set(BriefSoort)
    for soort, brieftype in brieven.SOORTEN.items():
        assert brieftype.soort == soort
        assert brieftype.template == f"brieven/{soort.value}/brief.html"
        assert (ROOT / "templates" / brieftype.template).is_file()
    assert {p.name for p in BRIEVEN.iterdir() if p.is_dir()} == set(BriefSoort.values)


def test_geen_brieftemplate_buiten_templates_brieven():
    buiten = [
        pad.relative_to(ROOT).as_posix()
        for pad in ROOT.rglob("*.html")
        if not {".venv", "node_modules"} & set(pad.relative_to(ROOT).parts)
        and BRIEVEN not in pad.parents
        and ("brieven" in pad.relative_to(ROOT).parts or "brieven/basis.html" in pad.read_text())
    ]
    assert buiten == []


def test_geen_templatepad_van_een_brief_in_de_code():
    """The template of a kind comes from soorten.SOORTEN; no app spells it out."""
    gevonden = []
    for pad in ROOT.rglob("*.py"):
        deel = pad.relative_to(ROOT).parts
        if {".venv", "node_modules", "tests"} & set(deel) or (ROOT / "wmo" / "brieven") in pad.parents:
            continue
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str) and ".html" in knoop.value:
                if "brieven/" in knoop.value:
                    gevonden.append(f"{pad.relative_to(ROOT)}:{knoop.lineno} {knoop.value!r}")
    assert gevonden == []


@pytest.mark.django_db
@pytest.mark.parametrize("soort", list(BriefSoort))
def test_elke_soort_wordt_een_toegankelijke_pdf(soort):
    brieftype = brieven.SOORTEN[soort]
    melding = MeldingFactory()
    data = brieven.render_brief(soort=soort, melding=melding, context=dict.fromkeys(brieftype.velden))
    pdf = PdfReader(io.BytesIO(data))
    assert pdf.trailer["/Root"]["/Lang"] == "nl"
    assert pdf.metadata.title == f"{brieftype.titel} — gemeente {melding.gemeente.naam}"
    tekst = pdf_tekst(data)
    assert str(brieftype.onderwerp) in tekst and melding.kenmerk in tekst and melding.inwoner.naam in tekst


@pytest.mark.django_db
def test_de_context_houdt_elke_aanroeper_aan_de_plaatshouders():
    melding = MeldingFactory()
    uitnodiging = brieven.SOORTEN[BriefSoort.UITNODIGING_GESPREK]
    with pytest.raises(TypeError, match=r"missing \['plan_ontvangen'\]"):
        brieven.brief_context(uitnodiging, melding=melding, context={"gesprek": None})
    with pytest.raises(TypeError, match=r"unknown \['aanvraag'\]"):
        brieven.brief_context(
            brieven.SOORTEN[BriefSoort.ONTVANGSTBEVESTIGING], melding=melding, context={"aanvraag": None}
        )
    anders = object()
    context = brieven.brief_context(
        uitnodiging, melding=melding, context={"gesprek": None, "plan_ontvangen": False, "contact": anders}
    )
    assert context["contact"] is anders  # a shared value may be overridden
    assert set(context) == set(brieven.GEDEELD) | set(uitnodiging.velden)
    assert (context["inwoner"], context["gemeente"], context["kenmerk"]) == (
        melding.inwoner,
        melding.gemeente,
        melding.kenmerk,
    )


@pytest.mark.django_db
def test_versturen_bevriest_de_brief(consulent):
    melding = MeldingFactory(consulent=consulent, team=consulent.team)
    brief = brieven.brief_versturen(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding, door=consulent)
    brief.refresh_from_db()
    data = bytes(brief.pdf)
    assert data.startswith(b"%PDF") and brief.sha256 == hashlib.sha256(data).hexdigest()
    assert (brief.soort, brief.kenmerk, brief.inwoner, brief.melding, brief.verstuurd_door) == (
        BriefSoort.ONTVANGSTBEVESTIGING,
        melding.kenmerk,
        melding.inwoner,
        melding,
        consulent,
    )
    assert brief.verstuurd_op <= timezone.now()
    assert str(consulent) in pdf_tekst(data)  # the melding's consulent is the contact


@pytest.mark.django_db
def test_een_bewaarde_brief_tonen_laat_een_spoor_na_en_een_vreemde_is_404(client, team, rol_gebruiker):
    user = rol_gebruiker(Rol.CONSULENT)
    eigen = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    brief = brieven.brief_versturen(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=eigen, door=user)
    vreemd = brieven.brief_versturen(
        soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=MeldingFactory(team=TeamFactory()), door=user
    )
    client.force_login(user)

    response = client.get(reverse("meldingen:brief_pdf", args=[brief.pk]))
    assert response.status_code == 200 and response.content == bytes(brief.pdf)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="ontvangstbevestiging-{eigen.kenmerk}.pdf"'
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # shown beside the draft beschikking
    assert list(Inzage.objects.filter(medewerker=user).values_list("inwoner", "wat")) == [
        (eigen.inwoner_id, f"brief {eigen.kenmerk}")
    ]

    assert client.get(reverse("meldingen:brief_pdf", args=[vreemd.pk])).status_code == 404
    assert Inzage.objects.filter(medewerker=user).count() == 1
    assert Brief.objects.count() == 2
