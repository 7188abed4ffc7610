import pytest

from tests.pdf import pdf_tekst
from wmo.models import Brief


@pytest.fixture
def brief_tekst():
    """The text of the one letter of this kind sent for the aanvraag's melding."""

    def lees(aanvraag, soort: str) -> str:
        return pdf_tekst(bytes(Brief.objects.get(melding=aanvraag.melding, soort=soort).pdf))

    return lees
