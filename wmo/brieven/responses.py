"""Serving a letter: the PDF inline in the browser, under a file name that says what it is.

The view around it decides who may see which letter (a foreign id answers 404) and leaves
the Inzage trace; this only builds the response.
"""

from django.http import HttpResponse

from wmo.models import Brief


def pdf_response(pdf: bytes, *, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return response


def brief_response(brief: Brief) -> HttpResponse:
    """A stored letter, byte for byte as it was sent."""
    return pdf_response(bytes(brief.pdf), bestandsnaam=f"{brief.soort}-{brief.kenmerk}.pdf")
