"""Management information per month: the funnel, doorlooptijden and gesprekken held."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from django.db.models import Aggregate, Count, Exists, F, FloatField, JSONField, OuterRef, Q, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus, Uitkomst
from aanvragen.models import Aanvraag, BeschikkingRegel
from meldingen.constants import Afsluitreden, MeldingStatus
from teamleider.samenvatting import dagen, percentiel

from .common import Filters, _begin, _dagen_tussen, aanvragen, gesprekken, meldingen


class Percentiel(Aggregate):
    """PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY expr): median and 90th percentile in SQL."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fractie)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fractie: float, **extra):
        super().__init__(expression, fractie=float(fractie), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite (the quick start) has no percentiles: the page shows "–" and says why.
        return "NULL", []


class JsonLijst(Aggregate):
    """The group's JSON values as one JSON list, joined as text ('[' || STRING_AGG(x::text, ',')
    || ']'; GROUP_CONCAT on the SQLite of the quick start): the day histograms of a month's
    buckets in one value. JSONB_AGG, which builds the list as jsonb, cost the database 35% more
    for the 288 buckets of a teamleider's year at 1M."""

    function = "STRING_AGG"
    template = "'[' || %(function)s(CAST(%(expressions)s AS TEXT), ',') || ']'"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="'[' || GROUP_CONCAT(%(expressions)s, ',') || ']'", **extra_context
        )


def maanden(van: date, tot: date) -> list[date]:
    """First days of the months from ``van`` through ``tot``."""
    uit, d = [], van.replace(day=1)
    while d <= tot:
        uit.append(d)
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return uit


def managementinformatie(user, filters: Filters) -> dict:
    """Per month (of the date the melding was received, van..tot): meldingen in, the funnel and
    meldingen ended without aanvraag by reason; per month in which the clock ended: doorlooptijden
    (median, p90) and % on time; per month held: huisbezoek vs telefonisch.

    Closed whole months come from the maintained summary (teamleider.samenvatting: one query over
    the buckets in the user's scope, summed per month); the current month, a partly chosen month
    and a month with marked buckets (recounted by the task mi_bijwerken) are counted from the
    dossiers (one query, counted per month in the database). The same figures as
    ``managementinformatie_direct``, at the cost of the team's buckets instead of the region's
    rows. The current month's cost grows with the month: its funnel looks up each melding
    received (about 20 ms on 3 December at 1M for a team, about 110 ms for a whole month)."""
    from meldingen.query import scope
    from teamleider import samenvatting
    from teamleider.models import MiMaand

    huidige = timezone.localdate().replace(day=1)
    alle_maanden = maanden(filters.van, filters.tot)
    heel = [
        m
        for m in alle_maanden
        if m >= filters.van and samenvatting.einde_maand(m) <= filters.tot and m < huidige
    ]
    vuil = samenvatting.gemarkeerde_maanden(heel)
    uit_samenvatting = [m for m in heel if m not in vuil]
    tellingen = {m: samenvatting.leeg() for m in alle_maanden}
    voorwaarde = scope(user)
    if uit_samenvatting and voorwaarde is not None:
        rijen = MiMaand.objects.filter(voorwaarde, maand__in=uit_samenvatting, product=filters.product)
        if filters.gemeente:
            rijen = rijen.filter(gemeente_id=filters.gemeente)
        if filters.consulent:
            rijen = rijen.filter(consulent_id=filters.consulent)
        # Summed per month in the database; the histograms come as one JSON list per month
        # (merging them there, jsonb_each per bucket, took longer than adding them up here).
        per_maand = (
            rijen.order_by()
            .values("maand")
            .annotate(
                **{k: Sum(k) for k in samenvatting.TELLERS},
                **{h: JsonLijst(h) for h in samenvatting.HISTOGRAMMEN},
            )
        )
        for rij in per_maand:
            samenvatting.optellen(tellingen[rij["maand"]], rij)
    direct = [
        (max(m, filters.van), min(samenvatting.einde_maand(m), filters.tot))
        for m in alle_maanden
        if m not in uit_samenvatting
    ]
    zonder_periode = replace(filters, van=None, tot=None)
    for rij in samenvatting.feiten_per_maand(
        meldingen(user, zonder_periode),
        aanvragen(user, zonder_periode),
        gesprekken(user, zonder_periode),
        direct,
    ):
        samenvatting.optellen(tellingen[rij["maand"]], rij)
    rijen = [_rij(m, tellingen[m]) for m in alle_maanden]
    return {"rijen": rijen, "max_meldingen": max((r["meldingen"] for r in rijen), default=0)}


def _rij(maand: date, t: dict) -> dict:
    zonder = {f"zonder_{r.value}": t["zonder"].get(r.value, 0) for r in Afsluitreden}
    onderzoek, beslis = dagen(t["onderzoek_dagen"]), dagen(t["beslis_dagen"])
    return {
        "maand": maand,
        **{k: t[k] for k in ("meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen")},
        **zonder,
        "zonder_aanvraag": sum(zonder.values()),
        "onderzoek_n": t["onderzoek_n"],
        "onderzoek_mediaan": percentiel(onderzoek, 0.5),
        "onderzoek_p90": percentiel(onderzoek, 0.9),
        "onderzoek_op_tijd": _procent(t["onderzoek_op_tijd"], t["onderzoek_n"]),
        "beslis_n": t["beslis_n"],
        "beslis_mediaan": percentiel(beslis, 0.5),
        "beslis_p90": percentiel(beslis, 0.9),
        "beslis_op_tijd": _procent(t["beslis_op_tijd"], t["beslis_n"]),
        "huisbezoek": t["huisbezoek"],
        "telefonisch": t["telefonisch"],
        "elders": t["elders"],
    }


def managementinformatie_direct(user, filters: Filters) -> dict:
    """The same figures counted straight from the dossiers with SQL aggregates (PostgreSQL's
    PERCENTILE_CONT): the reference the summary is tested against.

    Per month (of the date the melding was received, van..tot): meldingen in, the funnel and
    meldingen ended without aanvraag by reason. Per month in which the clock ended (van..tot):
    doorlooptijden (median, p90) and % on time; per month held: huisbezoek vs telefonisch.
    Four queries, whatever the volume."""
    from gesprekken.constants import GesprekStatus, Plaats
    from gesprekken.models import Gesprek, VerslagVersie

    qs = meldingen(user, filters)
    # Funnel per melding (cohort by month received). "Toegekend": at least one voorziening
    # (partly) granted in a sent beschikking; "afgewezen": a sent beschikking, all refused.
    regels = BeschikkingRegel.objects.filter(
        beschikking__aanvraag__melding=OuterRef("pk"), beschikking__status=BeschikkingStatus.VERSTUURD
    )
    per_maand = {
        r["maand"].date() if isinstance(r["maand"], datetime) else r["maand"]: r
        for r in qs.annotate(
            maand=TruncMonth("ontvangen_op"),
            met_gesprek=Exists(Gesprek.objects.filter(melding=OuterRef("pk"), status=GesprekStatus.GEVOERD)),
            met_verslag=Exists(VerslagVersie.objects.filter(onderzoek__melding=OuterRef("pk"))),
            met_aanvraag=Exists(Aanvraag.objects.filter(melding=OuterRef("pk"))),
            met_toegekend=Exists(regels.exclude(uitkomst=Uitkomst.AFGEWEZEN)),
            met_besluit=Exists(regels),
        )
        .order_by()
        .values("maand")
        .annotate(
            meldingen=Count("pk"),
            gesprek=Count("pk", filter=Q(met_gesprek=True)),
            verslag=Count("pk", filter=Q(met_verslag=True)),
            aanvraag=Count("pk", filter=Q(met_aanvraag=True)),
            toegekend=Count("pk", filter=Q(met_toegekend=True)),
            afgewezen=Count("pk", filter=Q(met_besluit=True, met_toegekend=False)),
            **{
                f"zonder_{r.value}": Count(
                    "pk", filter=Q(status=MeldingStatus.AFGESLOTEN, afsluitreden=r.value)
                )
                for r in Afsluitreden
            },
        )
    }
    # The clocks and the gesprekken count by the month in which they ended or took place, so
    # they use the same filters except the period of receipt, and their own date in the period.
    zonder_periode = replace(filters, van=None, tot=None)
    alle = meldingen(user, zonder_periode)
    # Onderzoek clock, by month in which it ended.
    onderzoek = {
        _maand(r["maand"]): r
        for r in alle.filter(onderzoek_afgerond_op__gte=filters.van, onderzoek_afgerond_op__lte=filters.tot)
        .annotate(
            maand=TruncMonth("onderzoek_afgerond_op"),
            duur=_dagen_tussen(F("onderzoek_afgerond_op"), TruncDate("ontvangen_op")),
        )
        .order_by()
        .values("maand")
        .annotate(
            n=Count("pk"),
            op_tijd=Count("pk", filter=Q(onderzoek_afgerond_op__lte=F("onderzoek_deadline"))),
            mediaan=Percentiel("duur", 0.5),
            p90=Percentiel("duur", 0.9),
        )
    }
    # Beslistermijn, by month in which it was decided (the meldingen filter narrows by melding).
    beslis = {
        _maand(r["maand"]): r
        for r in aanvragen(user, zonder_periode)
        .filter(besloten_op__gte=filters.van, besloten_op__lte=filters.tot)
        .annotate(maand=TruncMonth("besloten_op"), duur=_dagen_tussen(F("besloten_op"), F("ontvangen_op")))
        .order_by()
        .values("maand")
        .annotate(
            n=Count("pk"),
            op_tijd=Count(
                "pk", filter=Q(beslis_deadline__isnull=False, besloten_op__lte=F("beslis_deadline"))
            ),
            mediaan=Percentiel("duur", 0.5),
            p90=Percentiel("duur", 0.9),
        )
    }
    # Gesprekken held, by month held: at home or by phone.
    gehouden = {
        _maand(r["maand"]): r
        for r in gesprekken(user, zonder_periode)
        .filter(
            status=GesprekStatus.GEVOERD,
            gepland_op__gte=_begin(filters.van),
            gepland_op__lt=_begin(filters.tot + timedelta(days=1)),
        )
        .annotate(maand=TruncMonth("gepland_op"))
        .order_by()
        .values("maand")
        .annotate(
            huisbezoek=Count("pk", filter=Q(plaats=Plaats.THUIS)),
            telefonisch=Count("pk", filter=Q(plaats=Plaats.TELEFONISCH)),
            elders=Count("pk", filter=Q(plaats__in=[Plaats.GEMEENTEHUIS, Plaats.PARTNERLOCATIE])),
        )
    }
    leeg_funnel = {
        "meldingen": 0,
        "gesprek": 0,
        "verslag": 0,
        "aanvraag": 0,
        "toegekend": 0,
        "afgewezen": 0,
        **{f"zonder_{r.value}": 0 for r in Afsluitreden},
    }
    leeg_klok = {"n": 0, "op_tijd": 0, "mediaan": None, "p90": None}
    rijen = []
    for maand in maanden(filters.van, filters.tot):
        f = {**leeg_funnel, **{k: v for k, v in per_maand.get(maand, {}).items() if k != "maand"}}
        o = {**leeg_klok, **onderzoek.get(maand, {})}
        b = {**leeg_klok, **beslis.get(maand, {})}
        g = {"huisbezoek": 0, "telefonisch": 0, "elders": 0, **gehouden.get(maand, {})}
        rijen.append(
            {
                "maand": maand,
                **f,
                "zonder_aanvraag": sum(f[f"zonder_{r.value}"] for r in Afsluitreden),
                "onderzoek_n": o["n"],
                "onderzoek_mediaan": o["mediaan"],
                "onderzoek_p90": o["p90"],
                "onderzoek_op_tijd": _procent(o["op_tijd"], o["n"]),
                "beslis_n": b["n"],
                "beslis_mediaan": b["mediaan"],
                "beslis_p90": b["p90"],
                "beslis_op_tijd": _procent(b["op_tijd"], b["n"]),
                "huisbezoek": g["huisbezoek"],
                "telefonisch": g["telefonisch"],
                "elders": g["elders"],
            }
        )
    return {"rijen": rijen, "max_meldingen": max((r["meldingen"] for r in rijen), default=0)}


def _maand(waarde) -> date:
    return waarde.date() if isinstance(waarde, datetime) else waarde


def _procent(teller: int, noemer: int) -> float | None:
    return round(100 * teller / noemer, 1) if noemer else None
