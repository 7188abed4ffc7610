"""The verslag PDF never splits one rung of the afwegingsladder over two pages (issue 15): a reader
sees what was found on a rung, and whether it solves the question, together. The ladder's header
repeats on the next page."""

import io
import re

import pytest
from pypdf import PdfReader

from gesprekken import services
from gesprekken.constants import Oplossing, Trede
from tests.gesprekken.conftest import resultaat
from wmo.constants import Resultaatgebied

pytestmark = pytest.mark.django_db

VULLING = (
    "De inwoner vertelt uitgebreid hoe het gaat en wat de familie, de buren en de kerk nu al doen; "
    "we spraken af dat de dochter vraagt of zij vaker kan komen en dat de consulent belt als er "
    "iets verandert in de situatie thuis, ook na de zomer en"
)


def _lange_ladder(res, door):
    treden = {
        nr: {
            "besproken": True,
            # A marker at the start and the end of each rung's text: both must be on one page.
            "bevinding": f"Begin{res.gebied}x{nr} {VULLING}"[:270] + f" Eind{res.gebied}x{nr}",
            "oplost": Oplossing.NIET,
            "waarom": f"Begin{res.gebied}y{nr} {VULLING}"[:270] + f" Eind{res.gebied}y{nr}",
        }
        for nr in Trede.values
        if nr < Trede.MAATWERK
    }
    velden = {
        "aan_de_orde": True,
        "wat_lukt": "Koken lukt nog.",
        "wat_lukt_niet": "Stofzuigen lukt niet meer.",
        "te_bereiken_resultaat": "Het huis is schoon.",
    }
    res.refresh_from_db()
    services.resultaat_opslaan(resultaat=res, door=door, versie=res.versie, velden=velden, treden=treden)


def test_een_trede_staat_op_een_pagina(onderzoek, consulent):
    gebieden = list(Resultaatgebied)[:4]
    for gebied in gebieden:
        _lange_ladder(resultaat(onderzoek, gebied), consulent)
    versie = services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    paginas = [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(bytes(versie.brief.pdf))).pages
    ]
    tekst = " ".join(paginas)
    rungs = [
        (f"Begin{g.value}{k}{nr}", f"Eind{g.value}{k}{nr}")
        for g in gebieden
        for nr in Trede.values
        if nr < Trede.MAATWERK
        for k in "xy"
    ]
    assert len(paginas) >= 3  # long enough that rows meet a page end
    for begin, eind in rungs:
        assert begin in tekst and eind in tekst
        pagina_begin = next(i for i, p in enumerate(paginas) if re.search(rf"\b{begin}\b", p))
        pagina_eind = next(i for i, p in enumerate(paginas) if re.search(rf"\b{eind}\b", p))
        assert pagina_begin == pagina_eind, f"{begin}…{eind} staat op twee pagina's"
    # Every page that continues a ladder repeats its header.
    met_ladder = [p for p in paginas if re.search(r"Begin\d+x", p)]
    assert all("Mogelijke oplossing" in p for p in met_ladder)
