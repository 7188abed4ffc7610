"""The direction of the dependencies, read from the source: the shared core (wmo) imports no
app, and the apps of the flow do not import what sits on top of them (teamleider, demo).

melding -> gesprek -> aanvraag -> beschikking -> teamleider; toegang (login), beheer, privacy
and iwmo (the iWmo traffic, told of a sent beschikking by a signal) sit on top too, as does zgw
(the zaaksysteem, told by signals); demo fills
all of them. A string reference such as ForeignKey("meldingen.Inwoner") is lazy and allowed; an import is
not, also not one inside a function.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

APPS = ("meldingen", "gesprekken", "aanvragen")
BOVENOP = ("teamleider", "toegang", "beheer", "privacy", "iwmo", "brp", "zgw", "demo")


def _python_bestanden(map_: str, *, behalve: tuple[str, ...] = ()) -> list[Path]:
    bestanden = []
    for pad in sorted((ROOT / map_).rglob("*.py")):
        deel = pad.relative_to(ROOT).parts
        if "migrations" in deel or any(pad.relative_to(ROOT).as_posix().startswith(b) for b in behalve):
            continue
        bestanden.append(pad)
    return bestanden


def imports(bron: str) -> list[tuple[int, str]]:
    """(line, module) of every absolute import in the source, at any depth (also in functions)."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            gevonden += [(knoop.lineno, alias.name) for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            gevonden.append((knoop.lineno, knoop.module))
    return gevonden


def verboden_imports(pad: Path, verboden: tuple[str, ...]) -> list[str]:
    """'file:line imports module' for every import of a forbidden package."""
    return [
        f"{pad.relative_to(ROOT)}:{regel} imports {module}"
        for regel, module in imports(pad.read_text(encoding="utf-8"))
        if module.split(".")[0] in verboden
    ]


def test_de_kern_importeert_geen_app():
    bestanden = _python_bestanden("wmo", behalve=("wmo/settings/",))
    assert bestanden, "no source files found under wmo/"
    fouten = [f for pad in bestanden for f in verboden_imports(pad, (*APPS, *BOVENOP))]
    assert not fouten, "wmo/ is the shared core and imports no app:\n" + "\n".join(fouten)


@pytest.mark.parametrize("app", APPS)
def test_de_apps_importeren_niets_dat_erbovenop_staat(app):
    bestanden = _python_bestanden(app)
    assert bestanden, f"no source files found under {app}/"
    fouten = [f for pad in bestanden for f in verboden_imports(pad, BOVENOP)]
    assert not fouten, f"{app}/ must not import the layers on top of it:\n" + "\n".join(fouten)


def test_de_controle_ziet_elke_vorm_van_import():
    bron = "import meldingen.models\nfrom aanvragen import services\nfrom . import x\n\ndef f():\n    import demo\n"
    assert imports(bron) == [(1, "meldingen.models"), (2, "aanvragen"), (6, "demo")]
