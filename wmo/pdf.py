"""PDF rendering: one helper that takes a template and a context and returns the bytes.

Every letter an inwoner receives is a tagged PDF (PDF/UA-1): real headings and reading
order for screen readers, document language from ``<html lang="nl">`` and the title from
``<title>``.

WeasyPrint fetches every URL a letter refers to (images, stylesheets, fonts in
``@font-face``). Its default fetcher reads ``file:`` and ``http(s):`` URLs, so one unescaped
field in a letter (``<img src="file:///etc/...">``, a tracking pixel) would read a server file
into the PDF or call out to the internet. ``static_fetcher`` allows only the project's own
static files and refuses everything else, with one exception: a ``data:image/png;base64,`` URL
whose content is a PNG (the gemeente's letterhead logo, re-encoded by beheer.instellingen and
embedded by basis.html). That reads nothing from the server or the network; any other ``data:``
URL (SVG, HTML, text) is refused.
"""

import base64
import binascii
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# The base URL of every letter. ``.invalid`` never resolves (RFC 2606), so nothing is ever asked
# of the network: ``{% static %}`` URLs ("/static/...") join to this origin and the fetcher
# reads them from the static files finders; no other URL is read.
BASE_URL = "https://brief.keukentafel.invalid/"


class GeweigerdeURL(ValueError):
    """A letter referred to a URL that is not one of the project's static files."""


def static_pad(url: str) -> str | None:
    """The static path (``css/x.css``) a letter's URL points to, or None for any other URL."""
    delen = urlsplit(url)
    basis = urlsplit(BASE_URL)
    if (delen.scheme, delen.netloc) != (basis.scheme, basis.netloc) or delen.query or delen.fragment:
        return None
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not delen.path.startswith(prefix):
        return None
    pad = posixpath.normpath(unquote(delen.path[len(prefix) :]))
    if pad.startswith(("..", "/")) or pad in ("", "."):
        return None
    return pad


DATA_PNG = "data:image/png;base64,"


def data_png(url: str) -> bytes | None:
    """The PNG in a ``data:image/png;base64,`` URL, or None for any other URL (see the module)."""
    if not url.startswith(DATA_PNG):
        return None
    try:
        inhoud = base64.b64decode(url[len(DATA_PNG) :], validate=True)
    except (binascii.Error, ValueError):
        return None
    return inhoud if inhoud.startswith(b"\x89PNG\r\n\x1a\n") else None


def static_fetcher():
    """A WeasyPrint URL fetcher that serves only the project's static files (see the module)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if png := data_png(url):
                return URLFetcherResponse(url[:64], png, {"Content-Type": "image/png"})
            pad = static_pad(url)
            bestand = finders.find(pad) if pad else None
            if not bestand:
                raise GeweigerdeURL(f"Brieven lezen alleen eigen statische bestanden, niet {url[:200]!r}")
            with open(bestand, "rb") as f:
                inhoud = f.read()
            soort = mimetypes.guess_type(bestand)[0] or "application/octet-stream"
            return URLFetcherResponse(url, inhoud, {"Content-Type": soort})

    return StaticFetcher(allowed_protocols=("https",))


def _scope_op_kopcellen(document, pdf) -> None:
    """Give every table header cell (TH) in the structure tree its ``/Scope`` (PDF/UA-1,
    ISO 14289-1 7.5; Matterhorn checkpoint 15-003), taken from the HTML ``scope`` attribute.

    WeasyPrint links data cells to their headers (``/Headers``) but writes no scope; a screen
    reader then cannot tell a column header from a row header. It keeps each cell's structure
    element on the cell's box (``box.mark``); a TH it did not mark gets ``/Column``, which is
    what a ``<th>`` in a ``<thead>`` means in HTML.
    """
    import pydyf

    for page in document.pages:
        for box in page._page_box.descendants():
            mark = getattr(box, "mark", None)
            if box.element_tag == "th" and isinstance(mark, dict) and "A" in mark:
                scope = (box.element.get("scope") or "col").lower()
                mark["A"]["Scope"] = {"row": "/Row", "rowgroup": "/Row"}.get(scope, "/Column")
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("S") == "/TH":
            obj.setdefault("A", pydyf.Dictionary({"O": "/Table"})).setdefault("Scope", "/Column")


def html_to_pdf(html: str) -> bytes:
    """The tagged PDF (PDF/UA-1) of a rendered letter; only static files are fetched.

    ``pdf_forms``: an ``<input type="checkbox">`` becomes a real check box field, tagged as a
    form field with its label as name (the verslag's reaction slip), so a screen reader
    announces it as a check box.
    """
    import weasyprint  # slow import: only when a letter is made

    return weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=static_fetcher()).write_pdf(
        pdf_variant="pdf/ua-1", pdf_forms=True, finisher=_scope_op_kopcellen
    )


def render_pdf(template_name: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template_name, context))
