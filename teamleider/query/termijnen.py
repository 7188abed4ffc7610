"""The dashboard's clocks: open dossiers per clock and state, the lists behind the counts,
running bezwaartermijnen and dwangsommen."""

from dataclasses import asdict
from datetime import date
from types import SimpleNamespace as Rij

from django.db.models import Count, F, Func, IntegerField, Q, Subquery, Sum, Value, Window
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus
from meldingen.constants import OPEN_STATUSSEN
from meldingen.models import Inwoner, Melding
from wmo.models import Medewerker, gelijkgestelde_dagen
from wmo.regels import dwangsom
from wmo.sjabloon import sjabloon
from wmo.termijnstatus import termijnstatus_case, termijnstatus_q

from .common import Filters, _dagen_tussen, aanvragen, beschikkingen, meldingen

STATEN = ("verlopen", "let_op", "op_schema")
KLOKKEN = {
    "plan": "Persoonlijk plan (7 dagen)",
    "onderzoek": "Onderzoek (6 weken)",
    "beslis": "Beslistermijn (2 weken)",
}
LIJST_MAX = 50


def termijnen_tellingen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Counts of open dossiers per clock and state: {klok: {staat: n}}. Two queries."""
    vandaag = vandaag or timezone.localdate()
    lopend = meldingen(user, filters).filter(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True)
    plan = termijnstatus_case("plan_deadline", "onderzoek_afgerond_op", vandaag)
    onderzoek = termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op", vandaag)
    m = lopend.annotate(plan_s=plan, onderzoek_s=onderzoek).aggregate(
        **{f"plan_{s}": Count("pk", filter=Q(plan_s=s)) for s in STATEN},
        **{f"onderzoek_{s}": Count("pk", filter=Q(onderzoek_s=s)) for s in STATEN},
    )
    beslis = termijnstatus_case("beslis_deadline", "besloten_op", vandaag, gemeente="gemeente")
    a = (
        aanvragen(user, filters)
        .filter(besloten_op__isnull=True)
        .annotate(s=beslis)
        .aggregate(
            **{f"beslis_{s}": Count("pk", filter=Q(s=s)) for s in (*STATEN, "opgeschort")},
        )
    )
    uit = {k: {s: m[f"{k}_{s}"] for s in STATEN} for k in ("plan", "onderzoek")}
    uit["beslis"] = {s: a[f"beslis_{s}"] for s in (*STATEN, "opgeschort")}
    return uit


LIJST_SORTERING = {
    "deadline": ("deadline", "id"),
    "-deadline": ("-deadline", "-id"),
    "inwoner": ("inwoner_naam", "id"),
    "consulent": ("consulent_naam", "deadline", "id"),
}


# What the dashboard's rows show of a melding and its inwoner (kenmerk, spoed, name, gemeente,
# consulent), read as values (issue 14: the three lists spent two thirds of their time building
# models; now each is one values query whose SQL is kept per shape, wmo.sjabloon). ``_melding``
# makes the row's melding: an object with what teamleider.templatetags.dashboard reads of it.
_MELDING = ("id", "ontvangen_op", "spoed", "inwoner_id", *(f"inwoner__{v}" for v in Inwoner.NAAM_VELDEN))
_TEAM = ("gemeente__naam", "consulent_id", *(f"consulent__{v}" for v in Medewerker.NAAM_VELDEN))


def _kolommen(pad: str, *, team: bool = True) -> list[str]:
    """The value paths of ``_melding``'s arguments, from a model whose melding is at ``pad``."""
    p = f"{pad}__" if pad else ""
    return [f"{p}{v}" for v in (*_MELDING, *(_TEAM if team else ()))]


def _melding(pk, ontvangen_op, spoed, inwoner_id, voornamen, tussenvoegsel, achternaam, *team) -> Rij:
    from meldingen.models import melding_kenmerk
    from meldingen.query import inwoner_naam
    from wmo.models import medewerker_naam

    melding = Rij(
        pk=pk,
        kenmerk=melding_kenmerk(pk, ontvangen_op),
        spoed=spoed,
        inwoner_id=inwoner_id,
        inwoner=Rij(naam=inwoner_naam(voornamen, tussenvoegsel, achternaam)),
    )
    if team:
        gemeente_naam, consulent_id, *consulent = team
        melding.gemeente = Rij(naam=gemeente_naam)
        melding.consulent = medewerker_naam(*consulent) if consulent_id else None
    return melding


def _afhankelijk() -> tuple:
    """What the kept SQL of these lists depends on besides its values (wmo.sjabloon)."""
    return (gelijkgestelde_dagen(), dwangsom.geldende_bedragen())


@sjabloon(_afhankelijk)
def _lijst_query(user, klok: str, staat: str, sorteer: str, vandaag: date, limit: int, **filters):
    filters = Filters(**filters)
    if klok == "beslis":
        return (
            aanvragen(user, filters)
            .filter(besloten_op__isnull=True)
            .filter(termijnstatus_q("beslis_deadline", "besloten_op", staat, vandaag))
            .annotate(dagen=_dagen_tussen(F("beslis_deadline"), Value(vandaag)))
            .order_by("beslis_deadline", "id")
            .values_list("beslis_deadline", "dagen", "pk", *_kolommen("melding"))[:limit]
        )
    veld = "plan_deadline" if klok == "plan" else "onderzoek_deadline"
    volgorde = {
        "deadline": F(veld),
        "inwoner_naam": F("inwoner__achternaam"),
        "consulent_naam": F("consulent__first_name"),
    }
    # The first ``limit`` meldingen in the chosen order, then their rows: the names and the
    # gemeente are joined to those 50, not to every melding in the state before the sort (482
    # for the largest team's overdue onderzoeken at 1M meldingen: 10-12 -> 5 ms, issue 14).
    eerste = (
        meldingen(user, filters)
        .filter(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True)
        .filter(termijnstatus_q(veld, "onderzoek_afgerond_op", staat, vandaag))
        .annotate(
            **{k: v for k, v in volgorde.items() if k in {o.lstrip("-") for o in LIJST_SORTERING[sorteer]}}
        )
        .order_by(*LIJST_SORTERING[sorteer])
        .values("pk")[:limit]
    )
    return (
        Melding.objects.filter(pk__in=eerste)
        .annotate(**volgorde, dagen=_dagen_tussen(F(veld), Value(vandaag)))
        .order_by(*LIJST_SORTERING[sorteer])
        .values_list("deadline", "dagen", Value(None, output_field=IntegerField()), *_kolommen(""))
    )


def termijnen_lijst(
    user,
    klok: str,
    staat: str,
    filters: Filters = Filters(),
    vandaag: date | None = None,
    sorteer: str = "deadline",
):
    """Open dossiers of one clock in one state, nearest deadline first, with days left (negative:
    days over). At most LIJST_MAX rows; one query."""
    vandaag = vandaag or timezone.localdate()
    rijen = _lijst_query.rijen(user, klok, staat, sorteer, vandaag, LIJST_MAX, **asdict(filters))
    return [
        _rij(
            _melding(*melding),
            deadline,
            dagen,
            staat,
            aanvraag=Rij(pk=aanvraag_pk) if klok == "beslis" else None,
        )
        for deadline, dagen, aanvraag_pk, *melding in rijen
    ]


def _rij(melding, deadline, dagen, status, aanvraag=None) -> dict:
    return {
        "melding": melding,
        "aanvraag": aanvraag,
        "deadline": deadline,
        "dagen": dagen,
        "dagen_over": -dagen if dagen is not None and dagen < 0 else None,
        "termijnstatus": status,
    }


@sjabloon(_afhankelijk)
def _bezwaar_query(user, vandaag: date, limit: int, **filters):
    lopend = beschikkingen(user, Filters(**filters)).filter(
        status=BeschikkingStatus.VERSTUURD,
        bezwaar_deadline__gte=vandaag,
    )
    return (
        lopend.annotate(
            dagen=_dagen_tussen(F("bezwaar_deadline"), Value(vandaag)),
            totaal=Subquery(lopend.order_by().values(n=Func(Value(1), function="COUNT"))[:1]),
        )
        .order_by("bezwaar_deadline", "id")
        .values_list(
            "totaal", "pk", "aanvraag_id", "bekendgemaakt_op", "bezwaar_deadline", "dagen",
            *_kolommen("aanvraag__melding", team=False),
        )[:limit]
    )  # fmt: skip


def bezwaartermijnen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Beschikkingen whose bezwaar clock (Awb 6:7) still runs: count and the nearest ones.

    One query: the total comes with the rows as an uncorrelated scalar subquery, which the database
    computes once over the beschikkingen alone. A window count did the same, but it needs every
    running beschikking joined to its aanvraag, melding and inwoner before the LIMIT (1,034 rows
    for the largest team at 1M meldingen, 50-90 ms); now the nearest 50 are read in index order.
    """
    vandaag = vandaag or timezone.localdate()
    rijen = _bezwaar_query.rijen(user, vandaag, LIJST_MAX, **asdict(filters))
    lijst = []
    for _totaal, pk, aanvraag_id, bekendgemaakt_op, bezwaar_deadline, dagen, *melding in rijen:
        m = _melding(*melding)
        lijst.append(
            Rij(
                pk=pk,
                aanvraag_id=aanvraag_id,
                aanvraag=Rij(pk=aanvraag_id, melding_id=m.pk, melding=m),
                bekendgemaakt_op=bekendgemaakt_op,
                bezwaar_deadline=bezwaar_deadline,
                dagen=dagen,
            )
        )
    return {"aantal": rijen[0][0] if rijen else 0, "lijst": lijst}


@sjabloon(_afhankelijk)
def _dwangsom_query(user, vandaag: date, limit: int, **filters):
    bedrag = dwangsom.bedrag_sql(
        F("dwangsom_vanaf"), dwangsom.peildatum_sql(F("besloten_op"), vandaag), dwangsom.geldende_bedragen()
    )
    return (
        aanvragen(user, Filters(**filters))
        .filter(ingebrekestelling_op__isnull=False)
        .annotate(
            bedrag=bedrag,
            totaal_aantal=Window(Count("pk")),
            totaal_open=Window(Count("pk", filter=Q(besloten_op__isnull=True))),
            totaal_bedrag=Window(Sum(bedrag)),
        )
        .order_by(F("besloten_op").desc(nulls_first=True), "dwangsom_vanaf")
        .values_list(
            "totaal_aantal", "totaal_open", "totaal_bedrag",
            "pk", "melding_id", "ingebrekestelling_op", "dwangsom_vanaf", "besloten_op", "bedrag",
            *_kolommen("melding", team=False),
        )[:limit]
    )  # fmt: skip


def dwangsommen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Ingebrekestellingen received for open aanvragen, or decided ones that cost a dwangsom:
    the first dwangsom day and the amount so far (euro cents), computed in SQL by the SQL twin
    of the rule (wmo.regels.dwangsom.bedrag_sql). One query: the totals come with the rows as
    window aggregates (computed before the LIMIT)."""
    vandaag = vandaag or timezone.localdate()
    rijen = _dwangsom_query.rijen(user, vandaag, LIJST_MAX, **asdict(filters))
    if not rijen:
        return {"aantal": 0, "open": 0, "bedrag": 0, "lijst": []}
    lijst = [
        Rij(
            pk=pk,
            melding_id=melding_id,
            melding=_melding(*melding),
            ingebrekestelling_op=ingebrekestelling_op,
            dwangsom_vanaf=dwangsom_vanaf,
            besloten_op=besloten_op,
            bedrag=bedrag,
        )
        for _a, _o, _b, pk, melding_id, ingebrekestelling_op, dwangsom_vanaf, besloten_op, bedrag, *melding in rijen
    ]
    aantal, open_, totaal_bedrag = rijen[0][:3]
    return {"aantal": aantal, "open": open_, "bedrag": totaal_bedrag or 0, "lijst": lijst}
