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
    assert "Bevestiging van uw melding" in pdf.metadata.title
    rollen = _structuur_rollen(root["/StructTreeRoot"]["/K"], set())
    assert {"/H1", "/H2", "/P"} <= rollen


# --- Only the project's own static files are fetched -------------------------------------------


def _png(pad):
    from PIL import Image

    Image.new("RGB", (40, 20), "red").save(pad)
    return pad


def _beelden(data: bytes) -> int:
    return sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages)


def _html(src: str) -> str:
    return f'<!DOCTYPE html><html lang="nl"><title>t</title><body><p>Brief</p><img src="{src}" alt="x"></body></html>'


def test_een_file_url_wordt_niet_gelezen(tmp_path):
    from wmo.pdf import html_to_pdf

    png = _png(tmp_path / "geheim.png")
    assert _beelden(html_to_pdf(_html(png.as_uri()))) == 0
    assert _beelden(html_to_pdf(_html("file:///etc/passwd"))) == 0
    assert _beelden(html_to_pdf(_html(str(png)))) == 0  # a bare path, joined to the base URL


def test_een_http_url_wordt_niet_opgevraagd(tmp_path):
    import http.server
    import threading

    from wmo.pdf import html_to_pdf

    _png(tmp_path / "pixel.png")
    gevraagd = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def do_GET(self):
            gevraagd.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for schema in ("http", "https"):
            data = html_to_pdf(_html(f"{schema}://127.0.0.1:{server.server_port}/pixel.png"))
            assert _beelden(data) == 0
    finally:
        server.shutdown()
        server.server_close()
    assert gevraagd == []


def test_een_eigen_statisch_bestand_wordt_wel_gebruikt(tmp_path, settings):
    from wmo.pdf import html_to_pdf, static_pad

    (tmp_path / "brief").mkdir()
    _png(tmp_path / "brief" / "logo.png")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, tmp_path]
    assert _beelden(html_to_pdf(_html("/static/brief/logo.png"))) == 1
    # no way out of the static folders
    assert static_pad("https://brief.keukentafel.invalid/static/../wmo/settings/base.py") is None
    assert static_pad("https://brief.keukentafel.invalid/static/%2e%2e/manage.py") is None
    assert static_pad("https://elders.example/static/brief/logo.png") is None
    assert _beelden(html_to_pdf(_html("/static/brief/../brief/logo.png?x=1"))) == 0


def test_html_in_een_veld_bereikt_de_renderer_niet(consulent):
    from meldingen.services import ontvangstbevestiging_versturen
    from tests.pdf import pdf_tekst

    melding = MeldingFactory()
    melding.inwoner.achternaam = '<img src="file:///etc/passwd">'
    melding.inwoner.save()
    brief = ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert _beelden(bytes(brief.pdf)) == 0
    assert 'src="file:///etc/passwd"' in pdf_tekst(bytes(brief.pdf)).replace(" ", " ")


def test_datum_en_kenmerk_zijn_geen_tabel(consulent):
    brief = ontvangstbevestiging_versturen(melding=MeldingFactory(), door=consulent)
    root = PdfReader(io.BytesIO(bytes(brief.pdf))).trailer["/Root"]
    assert not {"/Table", "/TR", "/TD", "/TH"} & _structuur_rollen(root["/StructTreeRoot"]["/K"], set())


def test_alleen_een_png_als_data_url_wordt_gelezen(tmp_path):
    """The letterhead logo is embedded as a data: URL (beheer.instellingen); nothing else is."""
    import base64

    from wmo.pdf import html_to_pdf

    png = _png(tmp_path / "logo.png").read_bytes()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>'
    assert _beelden(html_to_pdf(_html("data:image/png;base64," + base64.b64encode(png).decode()))) == 1
    assert _beelden(html_to_pdf(_html("data:image/svg+xml;base64," + base64.b64encode(svg).decode()))) == 0
    assert _beelden(html_to_pdf(_html("data:image/png;base64," + base64.b64encode(svg).decode()))) == 0
    assert _beelden(html_to_pdf(_html("data:text/html,<p>x</p>"))) == 0
