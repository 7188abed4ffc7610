"""Robust rendering of every letter: long unbroken text wraps inside the page, other scripts
and emoji render, and a page never holds only the signature."""

import re
import subprocess

import pytest

from tests.factories import MeldingFactory
from wmo import brieven
from wmo.constants import BriefSoort
from wmo.tekstlengte import LANG as HULPVRAAG_MAX

pytestmark = pytest.mark.django_db

# 3,000 characters without a space: a pasted URL.
LANG = "https://voorbeeld.nl/" + "".join(f"pad{i:04d}x" for i in range(373))
assert len(LANG) >= 3000 and " " not in LANG


MM = 72 / 25.4
DATUM = re.compile(r"(_op|_tot|datum|deadline|_stil|_weer|uiterlijk)$")


class Overal:
    """Every attribute a letter template asks for is the long text (dates and numbers print
    empty), so each free-text placeholder of each kind gets it."""

    def __init__(self, tekst):
        self._tekst = tekst

    def __getattr__(self, naam):
        if naam.startswith("_"):
            raise AttributeError(naam)
        if DATUM.search(naam):
            return None
        return self._tekst

    def __str__(self):
        return self._tekst


def _context(brieftype, tekst):
    waarden = {
        "regels": [Overal(tekst)],
        "resultaten": [Overal(tekst)],
        "gesprekken": [],
        "vervolgafspraken": [],
    }
    return {
        veld: None if DATUM.search(veld) else waarden.get(veld, Overal(tekst)) for veld in brieftype.velden
    }


def _woorden_met_kader(data: bytes, tmp_path):
    """(text, [(xMin, xMax, page width)]) of every word poppler sees, by page."""
    pad = tmp_path / "brief.pdf"
    pad.write_bytes(data)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout
    breedte, hoogte = (
        float(m) for m in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html).groups()
    )
    woorden = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', html
    )
    # without the page footer (kenmerk, page number), which sits between the pages' text
    voet = hoogte - 22 * MM
    return [(x1, x2, w) for x1, y1, x2, w in woorden if float(y1) < voet], breedte


@pytest.mark.parametrize("soort", list(BriefSoort))
def test_lange_tekst_zonder_spaties_breekt_af_binnen_de_bladzijde(soort, tmp_path):
    brieftype = brieven.SOORTEN[soort]
    melding = MeldingFactory(hulpvraag=LANG[:HULPVRAAG_MAX], inwoner__achternaam=LANG[-200:])
    data = brieven.render_brief(soort=soort, melding=melding, context=_context(brieftype, LANG))
    woorden, breedte = _woorden_met_kader(data, tmp_path)
    tekst = "".join(w for _, _, w in woorden).replace("&amp;", "&")
    assert LANG[-200:] in tekst, "the inwoner's long name is cut off"
    if brieftype.velden:
        assert LANG in tekst, "not every character of the long text is in the letter"
    buiten = [(x1, x2, w[:30]) for x1, x2, w in woorden if float(x2) > breedte - 15 * MM]
    assert buiten == [], "text runs into the right margin or off the page"


def test_emoji_en_andere_schriften_worden_getoond(consulent):
    """The fonts of the Makefile's `fonts` target: emoji, Cyrillic and Chinese are drawn (their
    font is embedded) and extract as text, and ordinary digits stay in the text font."""
    import io

    from pypdf import PdfReader

    from meldingen.services import ontvangstbevestiging_versturen
    from tests.pdf import pdf_tekst

    melding = MeldingFactory(inwoner__achternaam="😀 Ж 中")
    data = bytes(ontvangstbevestiging_versturen(melding=melding, door=consulent).pdf)
    assert "😀 Ж 中" in pdf_tekst(data)
    fonts = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    assert {"DejaVu-Sans", "Noto-Color-Emoji", "WenQuanYi-Micro-Hei"} <= fonts


def _paginas(data: bytes) -> list[str]:
    """The text of each page without the footer (kenmerk, page number)."""
    import io

    from pypdf import PdfReader

    paginas = []
    for page in PdfReader(io.BytesIO(data)).pages:
        tekst = " ".join(page.extract_text().split())
        paginas.append(re.sub(r"Kenmerk \S+|Pagina \d+ van \d+", "", tekst).strip())
    return paginas


def test_een_bladzijde_heeft_nooit_alleen_de_ondertekening():
    """A letter whose body ends near the end of a page: for every length around the point where
    it needs a second page, the last page holds more than the closing and signature."""
    from datetime import date
    from types import SimpleNamespace

    melding = MeldingFactory()
    ondertekening = [
        "Met vriendelijke groet,",
        f"namens het college van burgemeester en wethouders van {melding.gemeente.naam},",
        melding.team.naam,
    ]

    brieftype = brieven.SOORTEN[BriefSoort.VERDAGINGSBERICHT]

    def brief(regels: int) -> list[str]:
        dag = date(2026, 4, 7)
        context = {
            "aanvraag": SimpleNamespace(ontvangen_op=dag, beslis_deadline=dag),
            "verdaging": SimpleNamespace(
                reden="\n".join(f"Reden regel {i}." for i in range(regels)), verwachte_datum=dag
            ),
        }
        context.update({veld: None for veld in brieftype.velden if veld not in context})
        data = brieven.render_brief(soort=BriefSoort.VERDAGINGSBERICHT, melding=melding, context=context)
        return _paginas(data)

    # the shortest body that needs two pages, by bisection
    kort, lang = 0, 64
    assert len(brief(lang)) > 1
    while lang - kort > 1:
        midden = (kort + lang) // 2
        kort, lang = (kort, midden) if len(brief(midden)) > 1 else (midden, lang)
    for regels in range(lang - 1, lang + 12):
        laatste = brief(regels)[-1]
        for regel in ondertekening:
            laatste = laatste.replace(regel, "")
        assert laatste.strip(), f"with {regels} lines the last page holds only the signature"
