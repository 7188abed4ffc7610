"""The management information's rows and bars written in Python
(teamleider.templatetags.managementinformatie) are byte for byte the loop bodies the templates
had (kept here as the reference), for every kind of value a row can hold: no clock ended (no
median, no share), whole and broken days, 0 and 100 percent, counts of thousands, labels to escape.
"""

import itertools
from datetime import date

import pytest
from django.template import engines
from django.utils import translation

from teamleider.grafiek import staafgrafiek
from teamleider.templatetags.managementinformatie import (
    doorlooptijden_rijen,
    gesprekken_rijen,
    redenen_rijen,
    staven,
    trechter_rijen,
)

OUD_TRECHTER = """{% for r in rijen %}<tr class="utrecht-table__row">
    <th scope="row" class="utrecht-table__header-cell">{{ r.maand|date:"F Y" }}</th>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.meldingen }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.gesprek }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.verslag }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.aanvraag }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.toegekend }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.afgewezen }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.zonder_aanvraag }}</td>
  </tr>{% endfor %}"""
OUD_REDENEN = """{% for r in rijen %}<tr class="utrecht-table__row">
    <th scope="row" class="utrecht-table__header-cell">{{ r.maand|date:"F Y" }}</th>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.zonder_opgelost }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.zonder_algemene_voorziening }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.zonder_ingetrokken }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.zonder_geen_wmo }}</td>
  </tr>{% endfor %}"""  # noqa: E501
OUD_DOORLOOPTIJDEN = """{% for r in rijen %}<tr class="utrecht-table__row">
    <th scope="row" class="utrecht-table__header-cell">{{ r.maand|date:"F Y" }}</th>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.onderzoek_n }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.onderzoek_mediaan|floatformat:"-1"|default:"–" }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.onderzoek_p90|floatformat:"-1"|default:"–" }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{% if r.onderzoek_op_tijd is None %}–{% else %}{{ r.onderzoek_op_tijd|floatformat:"-1" }}%{% endif %}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.beslis_n }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.beslis_mediaan|floatformat:"-1"|default:"–" }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.beslis_p90|floatformat:"-1"|default:"–" }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{% if r.beslis_op_tijd is None %}–{% else %}{{ r.beslis_op_tijd|floatformat:"-1" }}%{% endif %}</td>
  </tr>{% endfor %}"""  # noqa: E501
OUD_GESPREKKEN = """{% for r in rijen %}<tr class="utrecht-table__row">
    <th scope="row" class="utrecht-table__header-cell">{{ r.maand|date:"F Y" }}</th>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.huisbezoek }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.telefonisch }}</td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{{ r.elders }}</td>
  </tr>{% endfor %}"""
OUD_STAVEN = """{% for s in g.staven %}<g>
    <rect x="{{ s.x|stringformat:'s' }}" y="{{ s.y|stringformat:'s' }}" width="{{ s.breedte|stringformat:'s' }}" height="{{ s.hoogte|stringformat:'s' }}" fill="#1b3a5c"><title>{{ s.label }}: {{ s.waarde }}</title></rect>
    <text x="{{ s.midden|stringformat:'s' }}" y="{{ g.label_y }}" text-anchor="middle" font-size="10" fill="#333">{{ s.label }}</text>
  </g>{% endfor %}"""  # noqa: E501

TELLERS = ["meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen", "zonder_aanvraag"]
TELLERS += ["zonder_opgelost", "zonder_algemene_voorziening", "zonder_ingetrokken", "zonder_geen_wmo"]
TELLERS += ["onderzoek_n", "beslis_n", "huisbezoek", "telefonisch", "elders"]


def _render(bron: str, **context) -> str:
    return engines["django"].from_string(bron).render(context)


def _rijen() -> list[dict]:
    """Months of two years with counts from 0 to tens of thousands and every kind of clock value."""
    dagen = [None, 0.0, 7.0, 26.5, 19.099999999999998, 123.45]
    procenten = [None, 0.0, 100.0, 85.9, 33.3]
    rijen = []
    for i, (mediaan, p90, op_tijd) in enumerate(itertools.product(dagen, dagen[::-1], procenten)):
        maand = date(2025 + i % 2, i % 12 + 1, 1)
        rij = {
            "maand": maand,
            **{k: (i * 997 + j * 13) % (10 ** (1 + (i + j) % 5)) for j, k in enumerate(TELLERS)},
        }
        for klok, verschuiving in (("onderzoek", 0), ("beslis", 1)):
            rij[f"{klok}_mediaan"] = dagen[(dagen.index(mediaan) + verschuiving) % len(dagen)]
            rij[f"{klok}_p90"] = p90
            rij[f"{klok}_op_tijd"] = op_tijd
        rijen.append(rij)
    return rijen


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize(
    "tag,oud",
    [
        (trechter_rijen, OUD_TRECHTER),
        (redenen_rijen, OUD_REDENEN),
        (doorlooptijden_rijen, OUD_DOORLOOPTIJDEN),
        (gesprekken_rijen, OUD_GESPREKKEN),
    ],
)
def test_rijen_zijn_de_oude_lus(tag, oud, taal):
    rijen = _rijen()
    with translation.override(taal):
        assert tag(rijen) == _render(oud, rijen=rijen)
        assert tag([]) == _render(oud, rijen=[]) == ""


@pytest.mark.parametrize(
    "waarden",
    [
        [],
        [("jan 2026", 0)],
        [("mrt 2026", 12345), ("apr 2026", 7), ("mei 2026", 0)],
        [(f"<m{i}> & '{i}\"", i * 31 % 17) for i in range(35)],
    ],
)
def test_staven_zijn_de_oude_lus(waarden):
    g = staafgrafiek(waarden, titel="Meldingen per maand")
    assert staven(g) == _render(OUD_STAVEN, g=g)
