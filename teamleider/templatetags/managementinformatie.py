"""The rows of the management information's four tables and the bars of its chart, written in
Python (issue 14).

Twelve months, four tables and a chart: as template loops some five hundred variable lookups,
filters and escapes, about two thirds of the page's rendering (some 12 ms of CPU at 1M
meldingen, where counting the figures from the summary costs about as much). These tags write
the same HTML, byte for byte (tests/teamleider/test_mi_rijen.py renders the old loop bodies as
reference), from the rows of teamleider.query.managementinformatie and teamleider.grafiek.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from wmo.rijen import datum_tekst

register = template.Library()

_RIJ = '<tr class="utrecht-table__row">\n    <th scope="row" class="utrecht-table__header-cell">{}</th>'
_GETAL = '\n    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{}</td>'
_EINDE = "\n  </tr>"

TRECHTER = ("meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen", "zonder_aanvraag")
REDENEN = ("zonder_opgelost", "zonder_algemene_voorziening", "zonder_ingetrokken", "zonder_geen_wmo")
GESPREKKEN = ("huisbezoek", "telefonisch", "elders")


def _getal(n: int) -> str:
    """``{{ n }}`` of a count (an int: no thousands separator in this project's settings)."""
    return str(n)


def _dagen(waarde: float | None) -> str:
    """``{{ waarde|floatformat:"-1"|default:"–" }}``."""
    return floatformat(waarde, "-1") or "–"


def _procent(waarde: float | None) -> str:
    """``{% if waarde is None %}–{% else %}{{ waarde|floatformat:"-1" }}%{% endif %}``."""
    return "–" if waarde is None else f"{floatformat(waarde, '-1')}%"


def _rijen(rijen, cellen) -> SafeString:
    """A row per month: its name ("december 2026") and the cells ``cellen(row)`` gives, escaped."""
    delen = []
    for r in rijen:
        delen.append(format_html(_RIJ, datum_tekst(r["maand"], "F Y")))
        delen.extend(_GETAL.format(conditional_escape(c)) for c in cellen(r))
        delen.append(_EINDE)
    return mark_safe("".join(delen))  # noqa: S308 - every value is escaped above


@register.simple_tag
def trechter_rijen(rijen) -> SafeString:
    """The funnel: meldingen received and how far they got."""
    return _rijen(rijen, lambda r: [_getal(r[k]) for k in TRECHTER])


@register.simple_tag
def redenen_rijen(rijen) -> SafeString:
    """Meldingen ended without aanvraag, per reason."""
    return _rijen(rijen, lambda r: [_getal(r[k]) for k in REDENEN])


@register.simple_tag
def doorlooptijden_rijen(rijen) -> SafeString:
    """The two clocks: how many ended, median and 90th percentile in days, share on time."""

    def cellen(r):
        for klok in ("onderzoek", "beslis"):
            yield _getal(r[f"{klok}_n"])
            yield _dagen(r[f"{klok}_mediaan"])
            yield _dagen(r[f"{klok}_p90"])
            yield _procent(r[f"{klok}_op_tijd"])

    return _rijen(rijen, cellen)


@register.simple_tag
def gesprekken_rijen(rijen) -> SafeString:
    """Gesprekken held, by place."""
    return _rijen(rijen, lambda r: [_getal(r[k]) for k in GESPREKKEN])


@register.simple_tag
def staven(g: dict) -> SafeString:
    """The bars of a teamleider.grafiek.staafgrafiek, each with its value as title and its label."""
    return mark_safe(  # noqa: S308 - format_html escapes every value
        "".join(
            format_html(
                '<g>\n    <rect x="{}" y="{}" width="{}" height="{}" fill="#1b3a5c"><title>{}: {}</title></rect>'
                '\n    <text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#333">{}</text>\n  </g>',
                str(s["x"]),
                str(s["y"]),
                str(s["breedte"]),
                str(s["hoogte"]),
                s["label"],
                _getal(s["waarde"]),
                str(s["midden"]),
                _getal(g["label_y"]),
                s["label"],
            )
            for s in g["staven"]
        )
    )
