"""Static files: only the npm files the templates use, all findable, none with a broken url().

The production storage (whitenoise's manifest storage) refuses to collect a CSS file whose url()
points at a missing file, and a template's {% static %} of an uncollected file is a 500 in
production. The test settings use the plain storage, so these checks catch both early;
.ci/production-smoke proves the real thing.
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings

from wmo.staticfiles import NodeModulesFinder

STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]\s*%}""")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")


def template_files():
    folders = [Path(settings.BASE_DIR) / "templates"]
    folders += [
        Path(settings.BASE_DIR) / app / "templates"
        for app in ("wmo", "meldingen", "gesprekken", "aanvragen", "teamleider")
    ]
    return [path for folder in folders if folder.is_dir() for path in folder.rglob("*.html")]


def test_elk_static_pad_in_een_template_wordt_gevonden():
    paden = {pad for bestand in template_files() for pad in STATIC_TAG.findall(bestand.read_text())}
    assert {
        "vendor/utrecht-tokens/index.css",
        "vendor/utrecht-css/index.css",
        "vendor/htmx/htmx.min.js",
    } <= paden
    assert [pad for pad in sorted(paden) if not finders.find(pad)] == []


def test_npm_bestanden_precies_zoals_ingesteld():
    finder = NodeModulesFinder()
    assert finder.check() == []
    gevonden = {f"{storage.prefix}/{pad}": storage.path(pad) for pad, storage in finder.list(None)}
    assert set(gevonden) == set(settings.NPM_STATIC_FILES)
    for static_pad, pakket_pad in settings.NPM_STATIC_FILES.items():
        assert gevonden[static_pad] == str(Path(settings.NODE_MODULES) / pakket_pad)
        assert finder.find(static_pad) == gevonden[static_pad]
        assert finder.find(static_pad, find_all=True) == [gevonden[static_pad]]
    # The rest of a package's dist folder stays out.
    assert finder.find("vendor/utrecht-tokens/background-image-icon.css") == []
    assert finder.find("vendor/utrecht-tokens/background-image-icon.css", find_all=True) == []
    assert finders.find("vendor/utrecht-tokens/background-image-icon.css") is None
    assert finders.find("vendor/utrecht-tokens/background-image-icon.css", find_all=True) == []


def test_npm_css_verwijst_niet_naar_ontbrekende_bestanden():
    for static_pad, pakket_pad in settings.NPM_STATIC_FILES.items():
        if not static_pad.endswith(".css"):
            continue
        bron = Path(settings.NODE_MODULES) / pakket_pad
        urls = CSS_URL.findall(bron.read_text())
        lokaal = [url for url in urls if not url.startswith(("data:", "http:", "https:", "#", "/"))]
        assert [url for url in lokaal if not (bron.parent / url.split("?")[0].split("#")[0]).is_file()] == []


@override_settings(
    NPM_STATIC_FILES={
        "vendor/x/bestaat-niet.css": "@utrecht/design-tokens/dist/bestaat-niet.css",
        "vendor/x/andere-naam.css": "@utrecht/design-tokens/dist/index.css",
    }
)
def test_ontbrekend_of_hernoemd_bestand_is_een_check_fout():
    fouten = NodeModulesFinder().check()
    assert sorted(fout.id for fout in fouten) == ["wmo.E001", "wmo.E002"]
    assert NodeModulesFinder().find("vendor/x/bestaat-niet.css") == []
