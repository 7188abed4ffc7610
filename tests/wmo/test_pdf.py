"""Letters are accessible PDFs: tagged (PDF/UA), language nl, a title, real headings."""

import io

import pytest
from pypdf import PdfReader

from meldingen.services import ontvangstbevestiging_versturen
from tests.factories import MeldingFactory

pytestmark = pytest.mark.django_db


def _structuur_rollen(node, rollen):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kind in node:
            _structuur_rollen(kind, rollen)
    elif hasattr(node, "get"):
        if node.get("/S"):
            rollen.add(str(node["/S"]))
        if "/K" in node:
            _structuur_rollen(node["/K"], rollen)
    return rollen


def test_ontvangstbevestiging_is_getagd_met_taal_en_titel(consulent):
    brief = ontvangstbevestiging_versturen(melding=MeldingFactory(), door=consulent)
    pdf = PdfReader(io.BytesIO(bytes(brief.pdf)))
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "Ontvangstbevestiging" in pdf.metadata.title
    rollen = _structuur_rollen(root["/StructTreeRoot"]["/K"], set())
    assert {"/H1", "/H2", "/P"} <= rollen
