"""Letter texts a functioneel beheerder edits: a small markup with placeholders, never template code.

The text of a block is plain text in a few simple rules, written for a non-programmer:

- an empty line starts a new paragraph; a single line break stays a line break;
- a line ``## Kop`` is a heading; lines starting with ``- `` are a list;
- a paragraph starting with ``> `` is a box (like the box with a date);
- ``**vet**`` is bold;
- an invulveld (placeholder) is a name in square brackets, ``[naam inwoner]``; the letter
  shows its value. Which names a kind of letter knows is fixed in code (``blokken.py``).

Safe by construction: rendering escapes the whole text first, then puts in the placeholders'
values, each escaped too. The text never passes through Django's template engine, so template
syntax (``{{ }}``, ``{% %}``) or an attribute lookup (``[inwoner.bsn]``) typed by a beheerder is
printed as typed, never evaluated. Saving refuses such text anyway (``controleer``), so that a
beheerder sees at once that it does not work.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A placeholder: a name in square brackets, on one line.
INVULVELD = re.compile(r"\[([^\[\]\n]{1,80})\]")
# What looks like template code or an attribute lookup: refused when saving.
SJABLOONCODE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|__")
VET = re.compile(r"\*\*(.+?)\*\*")

MAX_TEKST = 5000
MAX_KOP = 200


@dataclass(frozen=True)
class Fout:
    """A refusal, said in B1 Dutch, for one field of the edit page (``veld``: 'onderwerp',
    or 'kop_<sleutel>' / 'tekst_<sleutel>' of a block)."""

    veld: str
    bericht: str


def invulvelden_in(tekst: str) -> list[str]:
    return [m.group(1) for m in INVULVELD.finditer(tekst)]


def controleer_tekst(tekst: str, *, veld: str, bekend: set[str], wat: str) -> list[Fout]:
    """What is wrong with ``tekst``: template code, attribute lookups, unknown placeholders."""
    fouten = []
    if len(tekst) > MAX_TEKST:
        fouten.append(Fout(veld, f"{wat} is te lang: niet meer dan {MAX_TEKST} tekens."))
    if SJABLOONCODE.search(tekst):
        fouten.append(
            Fout(
                veld,
                f"{wat} bevat tekens die op programmacode lijken ({{{{ }}}}, {{% %}}, {{# #}} of __). "
                "Die kunt u in een brief niet gebruiken. Gebruik alleen de invulvelden uit de lijst, "
                "zoals [kenmerk].",
            )
        )
    onbekend = []
    for naam in invulvelden_in(tekst):
        if naam not in bekend and naam not in onbekend:
            onbekend.append(naam)
    for naam in onbekend:
        extra = (
            " Een punt in een invulveld kan niet: u kunt alleen de invulvelden uit de lijst gebruiken."
            if "." in naam
            else " Kies een invulveld uit de lijst onder aan de pagina, en schrijf het precies zo."
        )
        fouten.append(Fout(veld, f"{wat}: het invulveld [{naam}] bestaat niet in deze brief.{extra}"))
    return fouten


def _regel(tekst: str, waarden: dict[str, str]) -> str:
    """One piece of text as HTML: escaped, bold applied, then the placeholders' escaped values."""
    html = VET.sub(r"<strong>\1</strong>", escape(tekst))
    # The names are matched on the escaped text; the values are escaped here.
    geescaped = {escape(naam): waarde for naam, waarde in waarden.items()}

    def invullen(m: re.Match) -> str:
        if m.group(1) in geescaped:
            return escape(geescaped[m.group(1)])
        return m.group(0)  # unknown: printed as typed (already escaped)

    return INVULVELD.sub(invullen, html)


def _alinea(regels: list[str], waarden: dict[str, str]) -> list[str]:
    """One paragraph of the text (no empty lines in it) as HTML parts."""
    if regels[0].startswith(">"):
        inhoud = "<br>".join(_regel(r.removeprefix(">").strip(), waarden) for r in regels)
        return [f'<div class="datumblok">{inhoud}</div>']
    delen: list[str] = []
    soort, groep = None, []  # a run of plain lines ("p") or of list items ("ul")
    for r in [*regels, None]:
        nieuw = None if r is None else "h2" if r.startswith("## ") else "ul" if r.startswith("- ") else "p"
        if groep and nieuw != soort:
            if soort == "p":
                delen.append("<p>" + "<br>".join(_regel(g, waarden) for g in groep) + "</p>")
            else:
                delen.append("<ul>" + "".join(f"<li>{_regel(g, waarden)}</li>" for g in groep) + "</ul>")
            groep = []
        if nieuw == "h2":
            delen.append(f"<h2>{_regel(r[3:].strip(), waarden)}</h2>")
        elif nieuw is not None:
            groep.append(r[2:].strip() if nieuw == "ul" else r.strip())
        soort = nieuw
    return delen


def naar_html(tekst: str, waarden: dict[str, str]) -> SafeString:
    """The text as HTML (see the module for the rules); ``waarden`` maps placeholder names to
    plain strings. Everything is escaped: nothing in the text or in a value becomes markup
    except what the rules above make."""
    delen = []
    for alinea in re.split(r"\n[ \t]*\n", tekst.replace("\r\n", "\n").strip()):
        regels = [r.rstrip() for r in alinea.split("\n") if r.strip()]
        if regels:
            delen += _alinea(regels, waarden)
    return mark_safe("\n".join(delen))  # noqa: S308 - every piece is escaped above
