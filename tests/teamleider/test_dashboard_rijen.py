"""The dashboard's rows written in Python (teamleider.templatetags.dashboard) are byte for byte the
loop bodies the template had (kept here as the reference), for every kind of value a row can hold:
no deadline, days left or over, one day, spoed, no consulent, names to escape, empty dates, amounts
rounded half to even as widthratio does."""

import itertools
from datetime import date
from types import SimpleNamespace as Rij

import pytest
from django.template import engines

from teamleider.templatetags.dashboard import bezwaar_rij, dwangsom_rij, termijn_rij

OUD_TERMIJN = """{% load tijd %}<tr class="utrecht-table__row">
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{{ r.url }}">{{ r.melding.kenmerk }}</a>{% if r.melding.spoed %} <span class="kt-badge kt-badge--spoed">Spoed</span>{% endif %}</td>
      <td class="utrecht-table__cell">{{ r.melding.inwoner.naam }}<br><small>{{ r.melding.gemeente.naam }}</small></td>
      <td class="utrecht-table__cell">{{ r.melding.consulent|default:"Wachtrij" }}</td>
      <td class="utrecht-table__cell">{% if r.deadline %}{% termijn r.deadline r.termijnstatus %}{% else %}Opgeschort{% endif %}</td>
      <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{% if r.dagen is None %}–{% elif r.dagen_over %}{{ r.dagen_over }} dag{{ r.dagen_over|pluralize:"en" }} te laat{% else %}nog {{ r.dagen }} dag{{ r.dagen|pluralize:"en" }}{% endif %}</td>
    </tr>"""  # noqa: E501
OUD_BEZWAAR = """{% load tijd %}<tr class="utrecht-table__row">
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{{ b.melding_url }}">{{ b.aanvraag.melding.kenmerk }}</a></td>
      <td class="utrecht-table__cell">{{ b.aanvraag.melding.inwoner.naam }}</td>
      <td class="utrecht-table__cell">{{ b.bekendgemaakt_op|datum:"j F Y" }}</td>
      <td class="utrecht-table__cell">{{ b.bezwaar_deadline|datum:"j F Y" }}</td>
      <td class="utrecht-table__cell utrecht-table__cell--numeric-column">nog {{ b.dagen }} dag{{ b.dagen|pluralize:"en" }}</td>
    </tr>"""  # noqa: E501
OUD_DWANGSOM = """{% load tijd %}<tr class="utrecht-table__row">
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{{ a.melding_url }}">{{ a.melding.kenmerk }}</a></td>
      <td class="utrecht-table__cell">{{ a.melding.inwoner.naam }}</td>
      <td class="utrecht-table__cell">{{ a.ingebrekestelling_op|datum:"j F Y" }}</td>
      <td class="utrecht-table__cell">{{ a.dwangsom_vanaf|datum:"j F Y"|default:"–" }}</td>
      <td class="utrecht-table__cell">{{ a.besloten_op|datum:"j F Y"|default:"nog niet" }}</td>
      <td class="utrecht-table__cell utrecht-table__cell--numeric-column">€ {% widthratio a.bedrag 100 1 %}</td>
    </tr>"""  # noqa: E501


def _render(bron: str, **context) -> str:
    return engines["django"].from_string(bron).render(context)


def _melding(spoed=False, consulent="Fatima <El> Amrani"):
    return Rij(
        kenmerk="WMO-2026-000042",
        spoed=spoed,
        inwoner=Rij(naam='Jan & "Piet" <Bakker>'),
        gemeente=Rij(naam="Haarlem's"),
        consulent=consulent,
    )


@pytest.mark.parametrize(
    "dagen,spoed,consulent,deadline,status",
    list(
        itertools.product(
            [None, -12, -1, 0, 1, 14, 1200],
            [True, False],
            ["Fatima <El> Amrani", None],
            [date(2027, 3, 28), None],
            ["verlopen", "let_op", "op_schema"],
        )
    ),
)
def test_termijn_rij_is_de_oude_lus(dagen, spoed, consulent, deadline, status):
    r = {
        "url": "/meldingen/42/?a=1&b=2",
        "melding": _melding(spoed, consulent),
        "deadline": deadline,
        "termijnstatus": status,
        "dagen": dagen,
        "dagen_over": -dagen if dagen is not None and dagen < 0 else None,
    }
    assert termijn_rij(r) == _render(OUD_TERMIJN, r=r)


@pytest.mark.parametrize("dagen", [0, 1, 2, 42])
def test_bezwaar_rij_is_de_oude_lus(dagen):
    b = Rij(
        melding_url="/meldingen/7/",
        aanvraag=Rij(melding=_melding()),
        bekendgemaakt_op=date(2026, 12, 31),
        bezwaar_deadline=date(2027, 2, 11),
        dagen=dagen,
    )
    assert bezwaar_rij(b) == _render(OUD_BEZWAAR, b=b)


@pytest.mark.parametrize(
    "bedrag,vanaf,besloten",
    list(
        itertools.product(
            [None, 0, 49, 50, 150, 250, 1250, 145000, 123456789],
            [None, date(2026, 3, 1)],
            [None, date(2026, 10, 25)],
        )
    ),
)
def test_dwangsom_rij_is_de_oude_lus(bedrag, vanaf, besloten):
    a = Rij(
        melding_url="/meldingen/8/",
        melding=_melding(),
        ingebrekestelling_op=date(2026, 2, 1),
        dwangsom_vanaf=vanaf,
        besloten_op=besloten,
        bedrag=bedrag,
    )
    assert dwangsom_rij(a) == _render(OUD_DWANGSOM, a=a)
