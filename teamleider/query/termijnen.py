"""The dashboard's clocks: open dossiers per clock and state, the lists behind the counts,
running bezwaartermijnen and dwangsommen."""

from datetime import date

from django.db.models import Count, F, Func, Q, Subquery, Sum, Value, Window
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus
from meldingen.constants import OPEN_STATUSSEN
from meldingen.models import Inwoner
from wmo.models import Medewerker
from wmo.regels import dwangsom
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
# consulent), for QuerySet.only(): a row no longer builds four whole models with every column
# (the inwoner alone has 40) to show five values. Issue 14: the three lists spent two thirds of
# their time building models. A field the template reads beyond these costs a query per row,
# which the dashboard's query budget test would catch.
_MELDING = ("ontvangen_op", "spoed", "inwoner", "gemeente", "consulent")


def _alleen(pad: str, *, consulent: bool = True) -> list[str]:
    """The fields of ``_MELDING`` and what hangs from it, from a model whose melding is at ``pad``."""
    p = f"{pad}__" if pad else ""
    velden = [f"{p}{v}" for v in _MELDING] + [f"{p}inwoner__{v}" for v in Inwoner.NAAM_VELDEN]
    if consulent:
        velden += [f"{p}gemeente__naam"] + [f"{p}consulent__{v}" for v in Medewerker.NAAM_VELDEN]
    return velden


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
    if klok == "beslis":
        qs = (
            aanvragen(user, filters)
            .filter(besloten_op__isnull=True)
            .filter(termijnstatus_q("beslis_deadline", "besloten_op", staat, vandaag))
            .annotate(
                termijnstatus=Value(staat),
                deadline=F("beslis_deadline"),
                dagen=_dagen_tussen(F("beslis_deadline"), Value(vandaag)),
            )
            .select_related("melding__inwoner", "melding__consulent", "melding__gemeente")
            .only("melding", "beslis_deadline", "besloten_op", *_alleen("melding"))
            .order_by("beslis_deadline", "id")
        )
        return [_rij(a.melding, a.deadline, a.dagen, a.termijnstatus, aanvraag=a) for a in qs[:LIJST_MAX]]
    veld = "plan_deadline" if klok == "plan" else "onderzoek_deadline"
    qs = (
        meldingen(user, filters)
        .filter(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True)
        .filter(termijnstatus_q(veld, "onderzoek_afgerond_op", staat, vandaag))
        .annotate(
            termijnstatus=Value(staat),
            deadline=F(veld),
            dagen=_dagen_tussen(F(veld), Value(vandaag)),
            inwoner_naam=F("inwoner__achternaam"),
            consulent_naam=F("consulent__first_name"),
        )
        .select_related("inwoner", "consulent", "gemeente")
        .only(veld, "onderzoek_afgerond_op", *_alleen(""))
        .order_by(*LIJST_SORTERING[sorteer])
    )
    return [_rij(m, m.deadline, m.dagen, m.termijnstatus) for m in qs[:LIJST_MAX]]


def _rij(melding, deadline, dagen, status, aanvraag=None) -> dict:
    return {
        "melding": melding,
        "aanvraag": aanvraag,
        "deadline": deadline,
        "dagen": dagen,
        "dagen_over": -dagen if dagen is not None and dagen < 0 else None,
        "termijnstatus": status,
    }


def bezwaartermijnen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Beschikkingen whose bezwaar clock (Awb 6:7) still runs: count and the nearest ones.

    One query: the total comes with the rows as an uncorrelated scalar subquery, which the database
    computes once over the beschikkingen alone. A window count did the same, but it needs every
    running beschikking joined to its aanvraag, melding and inwoner before the LIMIT (1,034 rows
    for the largest team at 1M meldingen, 50-90 ms); now the nearest 50 are read in index order.
    """
    vandaag = vandaag or timezone.localdate()
    lopend = beschikkingen(user, filters).filter(
        status=BeschikkingStatus.VERSTUURD,
        bezwaar_deadline__gte=vandaag,
    )
    lijst = list(
        lopend.select_related("aanvraag__melding__inwoner")
        .only(
            "aanvraag__melding",
            "bekendgemaakt_op",
            "bezwaar_deadline",
            *_alleen("aanvraag__melding", consulent=False),
        )
        .annotate(
            dagen=_dagen_tussen(F("bezwaar_deadline"), Value(vandaag)),
            totaal=Subquery(lopend.order_by().values(n=Func(Value(1), function="COUNT"))[:1]),
        )
        .order_by("bezwaar_deadline", "id")[:LIJST_MAX]
    )
    return {"aantal": lijst[0].totaal if lijst else 0, "lijst": lijst}


def dwangsommen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Ingebrekestellingen received for open aanvragen, or decided ones that cost a dwangsom:
    the first dwangsom day and the amount so far (euro cents), computed in SQL by the SQL twin
    of the rule (wmo.regels.dwangsom.bedrag_sql). One query: the totals come with the rows as
    window aggregates (computed before the LIMIT)."""
    vandaag = vandaag or timezone.localdate()
    bedrag = dwangsom.bedrag_sql(
        F("dwangsom_vanaf"), dwangsom.peildatum_sql(F("besloten_op"), vandaag), dwangsom.geldende_bedragen()
    )
    lijst = list(
        aanvragen(user, filters)
        .filter(ingebrekestelling_op__isnull=False)
        .annotate(
            bedrag=bedrag,
            totaal_aantal=Window(Count("pk")),
            totaal_open=Window(Count("pk", filter=Q(besloten_op__isnull=True))),
            totaal_bedrag=Window(Sum(bedrag)),
        )
        .select_related("melding__inwoner")
        .only(
            "melding",
            "ingebrekestelling_op",
            "dwangsom_vanaf",
            "besloten_op",
            *_alleen("melding", consulent=False),
        )
        .order_by(F("besloten_op").desc(nulls_first=True), "dwangsom_vanaf")[:LIJST_MAX]
    )
    if not lijst:
        return {"aantal": 0, "open": 0, "bedrag": 0, "lijst": lijst}
    eerste = lijst[0]
    return {
        "aantal": eerste.totaal_aantal,
        "open": eerste.totaal_open,
        "bedrag": eerste.totaal_bedrag or 0,
        "lijst": lijst,
    }
