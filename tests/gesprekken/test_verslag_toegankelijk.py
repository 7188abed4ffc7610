"""The verslag as a PDF/UA document: the ladder is a data table whose header cells carry a
scope, layout (date/kenmerk block, the reaction slip's name/date/signature) is no table, and the
reaction slip's choices are real check boxes with their label as name."""

import io

import pytest
from pypdf import PdfReader

from gesprekken import services
from tests.gesprekken.conftest import ladder_invullen, resultaat

pytestmark = pytest.mark.django_db


def _elementen(node, gevonden):
    """Every structure element of the tree, depth first, as (role, element)."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kind in node:
            _elementen(kind, gevonden)
    elif hasattr(node, "get") and node.get("/S"):
        gevonden.append((str(node["/S"]), node))
        if "/K" in node:
            _elementen(node["/K"], gevonden)
    return gevonden


def _tekst_van(element) -> str:
    return str(element.get("/T", ""))


def test_verslag_tabellen_kopcellen_en_vakjes(onderzoek, consulent, catalogus):
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    versie = services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    pdf = PdfReader(io.BytesIO(bytes(versie.brief.pdf)))
    root = pdf.trailer["/Root"]
    elementen = _elementen(root["/StructTreeRoot"]["/K"], [])
    rollen = [rol for rol, _ in elementen]

    # One data table per resultaatgebied (the ladder), none for layout.
    assert rollen.count("/Table") == 1
    koppen = [e for rol, e in elementen if rol == "/TH"]
    assert len(koppen) == 3
    assert all(k["/A"]["/Scope"] == "/Column" for k in koppen)
    assert all("/Headers" in e["/A"] for rol, e in elementen if rol == "/TD")

    # The reaction slip: three check boxes (akkoord, niet akkoord, aanvraag), each a form field
    # in the structure tree, named by its label.
    velden = [v.get_object() for v in root["/AcroForm"]["/Fields"]]
    assert [str(v["/FT"]) for v in velden] == ["/Btn"] * 3
    namen = [str(v["/TU"]) for v in velden]
    assert namen[0] == "Ik ben het eens met dit verslag (akkoord)."
    assert namen[1].startswith("Ik ben het niet eens met dit verslag.")
    assert namen[2] == "Ik vraag de voorziening aan die in dit verslag staat."
    formulieren = [e for rol, e in elementen if rol == "/Form"]
    assert len(formulieren) == 3
    for formulier in formulieren:
        (objr,) = formulier["/K"]
        assert objr.get_object()["/Obj"].get_object()["/FT"] == "/Btn"
