"""PDF rendering: one helper that takes a template and a context and returns the bytes.

Every letter an inwoner receives is a tagged PDF (PDF/UA-1): real headings and reading
order for screen readers, document language from ``<html lang="nl">`` and the title from
``<title>``.
"""

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict) -> bytes:
    import weasyprint  # slow import: only when a letter is made

    html = render_to_string(template_name, context)
    return weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
