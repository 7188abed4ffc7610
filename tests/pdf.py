import io

from pypdf import PdfReader


def pdf_tekst(data: bytes) -> str:
    """The text of a PDF with whitespace collapsed, for asserting what a letter says."""
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
