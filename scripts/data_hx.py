#!/usr/bin/env python3
"""Rewrite htmx attributes ``hx-*`` to ``data-hx-*`` in every template and in our own JavaScript.

``hx-post="..."`` is not valid HTML (the Nu Html Checker rejects it); ``data-hx-post="..."`` is, and
htmx reads both. Safe to run again and again (what is converted stays as it is), so run it after
merging a branch that brought new templates:

    python3 scripts/data_hx.py          # rewrites the files, prints what changed
    python3 scripts/data_hx.py --check  # changes nothing; exits 1 when a bare hx- attribute is left

tests/wmo/test_geen_hx_attributen.py fails while one is left. Not touched: node_modules, .venv
(htmx itself) and text that is not an attribute, such as "(hx-on, filters)" in a comment.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OVERGESLAGEN = {".venv", "node_modules", ".git", "staticfiles"}

# An attribute name hx-... inside a tag: preceded by whitespace, a quote or the end of a template
# tag ("%}hx-post" after {% if %}), followed by "=", whitespace, ">" or "{" (a boolean attribute).
ATTRIBUUT = re.compile(r"(?<=[\s\"'}])hx-(?=[a-z][a-z:-]*(?:[=\s>{]|/>))")
# In JavaScript only the attribute in a selector or an attribute call: [hx-post] and
# getAttribute("hx-headers"); never htmx's own names (htmx:afterRequest, "htmx-request").
JS_ATTRIBUUT = re.compile(r"(?<=\[)hx-(?=[a-z-]+[\]=])|(?<=Attribute\([\"'])hx-(?=[a-z-]+[\"'])")


def bestanden() -> list[Path]:
    gevonden = []
    for patroon in ("*.html", "*.js"):
        for pad in ROOT.rglob(patroon):
            deel = pad.relative_to(ROOT).parts
            if OVERGESLAGEN.intersection(deel) or pad.name.startswith("htmx"):
                continue
            gevonden.append(pad)
    return sorted(gevonden)


def omgezet(pad: Path, tekst: str) -> str:
    patroon = JS_ATTRIBUUT if pad.suffix == ".js" else ATTRIBUUT
    return patroon.sub("data-hx-", tekst)


def main(argv: list[str]) -> int:
    controleren = "--check" in argv
    over = []
    for pad in bestanden():
        tekst = pad.read_text(encoding="utf-8")
        nieuw = omgezet(pad, tekst)
        if nieuw == tekst:
            continue
        over.append(pad.relative_to(ROOT).as_posix())
        if not controleren:
            pad.write_text(nieuw, encoding="utf-8")
    for naam in over:
        print(("nog hx-: " if controleren else "omgezet: ") + naam)
    return 1 if controleren and over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
