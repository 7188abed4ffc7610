import io

import pytest
from pypdf import PdfReader

from wmo.models import Brief


def pdf_tekst(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def brief_tekst():
    """The text of the one letter of this kind sent for the aanvraag's melding."""

    def lees(aanvraag, soort: str) -> str:
        return pdf_tekst(bytes(Brief.objects.get(melding=aanvraag.melding, soort=soort).pdf))

    return lees
