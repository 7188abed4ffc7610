"""The maintained summary of the management information: count once, read per team.

The MI page asks, per month: how many meldingen came in and how far they got (the funnel), how
long the onderzoek and the beslistermijn took (median, 90th percentile, share on time) and how
many gesprekken were held where. Counting that from the dossiers reads the whole region's rows.
So the counts are kept per (team, gemeente, consulent, productgroep, month) in ``MiMaand``, with
day histograms for the two clocks, so a median over any set of buckets is still exact.

How it stays right:
- every save of a row that the figures depend on (melding, gesprek, verslag, aanvraag, asked
  voorziening, beschikking) marks its melding in ``MiVuil`` (``markeren``, connected in
  ``TeamleiderConfig.ready``); a melding that moves team also marks its old team. The saves
  are the services' own (each state change is one service), so marking needs no code in them.
- a read first turns marked meldingen into the (team, month) buckets they touch, from the
  data as it is then (so a later bulk update of a marked melding is seen too), counts every
  marked month, the current month and a partly chosen month directly from the dossiers
  (``feiten_per_maand``), and asks the task ``mi_bijwerken`` to recount the marked buckets (``bijwerken``);
- ``alles_herberekenen`` (``manage.py mi_herberekenen``, the task ``mi_bijwerken``) recounts
  everything; the migration that creates the tables marks "everything" when dossiers exist.
Finished clocks never change when a day is equated to a feestdag (only running clocks are
recomputed: ``melding_deadlines_herberekenen``, ``beslis_deadlines_herberekenen``), so no
summary bucket depends on the table of equated days; the property test checks this.

The facts are defined once (``_feiten_querysets``: a row per melding received, onderzoek
ended, aanvraag decided, gesprek held) and counted by one SQL (``_tellen_sql``): per month for
the page's open months (``feiten_per_maand``: one query, a row per month back, the UNION's SQL
kept per shape), per bucket into the summary (``_samenvatting_schrijven``: one INSERT ...
SELECT, histograms built as JSON there), so neither moves a fact row through Python. The percentile is PostgreSQL's PERCENTILE_CONT, taken
from a histogram.
"""

import json
import math
from collections import defaultdict
from datetime import date, timedelta

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, connections, transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, TruncDate, TruncMonth
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus, Uitkomst
from gesprekken.constants import GesprekStatus, Plaats
from meldingen.constants import Afsluitreden, MeldingStatus
from wmo.sql import DagenTussen

from .models import MiMaand, MiVuil
from .query.common import _begin

MAX_MARKERINGEN = 2000  # marked meldingen one request resolves
PLAATSEN = {
    Plaats.THUIS: "huisbezoek",
    Plaats.TELEFONISCH: "telefonisch",
    Plaats.GEMEENTEHUIS: "elders",
    Plaats.PARTNERLOCATIE: "elders",
}

TELLERS = ("meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen")
TELLERS += ("onderzoek_n", "onderzoek_op_tijd", "beslis_n", "beslis_op_tijd")
TELLERS += ("huisbezoek", "telefonisch", "elders")
HISTOGRAMMEN = ("zonder", "onderzoek_dagen", "beslis_dagen")


def maand_van(d: date) -> date:
    return d.replace(day=1)


def einde_maand(m: date) -> date:
    return (m.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _lokale_maand(tijdstip) -> date:
    return timezone.localdate(tijdstip).replace(day=1)


def _perioden_q(veld: str, perioden, *, tijdstip: bool) -> Q:
    """``veld`` on a day of one of the (first, last) periods; local days for a moment."""
    q = Q(pk__in=[])
    for van, tot in perioden:
        if tijdstip:
            q |= Q(**{f"{veld}__gte": _begin(van), f"{veld}__lt": _begin(tot + timedelta(days=1))})
        else:
            q |= Q(**{f"{veld}__gte": van, f"{veld}__lte": tot})
    return q


# The columns of a fact row, the same in each of the four kinds (so they form one UNION ALL):
# kind ("t" funnel, "o" onderzoek ended, "b" aanvraag decided, "g" gesprek held), melding, team,
# gemeente, consulent and month (local) it counts under, the funnel's steps (a gesprek held, a
# verslag, how far its aanvragen got: ``mi_stap``), the reason a melding was closed without
# aanvraag, the clock's whole days and whether it was on time, and where a gesprek was held
# ("huisbezoek", "telefonisch", "elders").
KOLOMMEN = ("mi_soort", "mi_melding", "mi_team", "mi_gemeente", "mi_consulent", "mi_maand")
KOLOMMEN += ("mi_gesprek", "mi_verslag", "mi_stap", "mi_reden")
KOLOMMEN += ("mi_dagen", "mi_op_tijd", "mi_plaats")


def _bronnen(meldingen, aanvragen, gesprekken, perioden) -> list:
    """The rows the four kinds of facts come from, in the periods (the WHERE of each kind):
    meldingen received, meldingen whose onderzoek ended, aanvragen decided, gesprekken held."""
    return [
        meldingen.filter(_perioden_q("ontvangen_op", perioden, tijdstip=True)),
        meldingen.filter(_perioden_q("onderzoek_afgerond_op", perioden, tijdstip=False)),
        aanvragen.filter(_perioden_q("besloten_op", perioden, tijdstip=False)),
        gesprekken.filter(
            _perioden_q("gepland_op", perioden, tijdstip=True),
            status=GesprekStatus.GEVOERD,
            plaats__in=list(PLAATSEN),
        ),
    ]


def _feiten_querysets(meldingen, aanvragen, gesprekken, perioden) -> list:
    """The four kinds of fact rows as querysets with the columns KOLOMMEN, in that order."""
    return _feiten_uit(_bronnen(meldingen, aanvragen, gesprekken, perioden))


def _feiten_uit(bronnen) -> list:
    """The fact rows (columns KOLOMMEN) of the four ``_bronnen``, as querysets."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek, VerslagVersie

    tz = timezone.get_current_timezone()
    onwaar = Value(False, output_field=BooleanField())
    geen_getal = Cast(Value(None), output_field=IntegerField())
    geen_tekst = Cast(Value(None), output_field=CharField())

    def rijen(qs, **kolommen):
        leeg = {
            "mi_gesprek": onwaar, "mi_verslag": onwaar, "mi_stap": geen_getal, "mi_reden": geen_tekst,
            "mi_dagen": geen_getal, "mi_op_tijd": onwaar, "mi_plaats": geen_tekst,
        }  # fmt: skip
        kolommen = {**leeg, **kolommen}
        return qs.order_by().annotate(**{k: kolommen[k] for k in KOLOMMEN}).values(*KOLOMMEN)

    def maand(veld, *, tijdstip: bool):
        return Cast(TruncMonth(veld, tzinfo=tz) if tijdstip else TruncMonth(veld), output_field=DateField())

    # How far the melding's aanvragen got, in one look at them (three EXISTS, each starting at the
    # aanvragen, cost the funnel of a busy month a quarter more, issue 14): NULL no aanvraag, 0 no
    # beschikking sent, 1 sent and every voorziening refused, 2 a voorziening (partly) granted.
    verstuurd = Q(beschikking__status=BeschikkingStatus.VERSTUURD, beschikking__regels__isnull=False)
    stap = Subquery(
        Aanvraag.objects.filter(melding=OuterRef("pk"))
        .order_by()
        .values("melding")
        .annotate(
            stap=Max(
                Case(
                    When(verstuurd & ~Q(beschikking__regels__uitkomst=Uitkomst.AFGEWEZEN), then=Value(2)),
                    When(verstuurd, then=Value(1)),
                    default=Value(0),
                )
            )
        )
        .values("stap"),
        output_field=IntegerField(),
    )
    sleutel = {"mi_melding": F("pk"), "mi_team": F("team_id"), "mi_gemeente": F("gemeente_id")}
    sleutel["mi_consulent"] = F("consulent_id")
    ontvangen, afgerond, besloten, gehouden = bronnen
    trechter = rijen(
        ontvangen,
        mi_soort=Value("t"),
        **sleutel,
        mi_maand=maand("ontvangen_op", tijdstip=True),
        mi_gesprek=Exists(Gesprek.objects.filter(melding=OuterRef("pk"), status=GesprekStatus.GEVOERD)),
        mi_verslag=Exists(VerslagVersie.objects.filter(onderzoek__melding=OuterRef("pk"))),
        mi_stap=stap,
        mi_reden=Case(
            When(
                status=MeldingStatus.AFGESLOTEN, afsluitreden__in=Afsluitreden.values, then=F("afsluitreden")
            ),
            default=geen_tekst,
        ),
    )
    onderzoek = rijen(
        afgerond,
        mi_soort=Value("o"),
        **sleutel,
        mi_maand=maand("onderzoek_afgerond_op", tijdstip=False),
        mi_dagen=DagenTussen(F("onderzoek_afgerond_op"), TruncDate("ontvangen_op", tzinfo=tz)),
        mi_op_tijd=ExpressionWrapper(
            Q(onderzoek_afgerond_op__lte=F("onderzoek_deadline")), output_field=BooleanField()
        ),
    )
    beslis = rijen(
        besloten,
        mi_soort=Value("b"),
        mi_melding=F("melding_id"),
        mi_team=F("team_id"),
        mi_gemeente=F("gemeente_id"),
        mi_consulent=F("consulent_id"),
        mi_maand=maand("besloten_op", tijdstip=False),
        mi_dagen=DagenTussen(F("besloten_op"), F("ontvangen_op")),
        mi_op_tijd=ExpressionWrapper(
            Q(beslis_deadline__isnull=False, besloten_op__lte=F("beslis_deadline")),
            output_field=BooleanField(),
        ),
    )
    gesprek = rijen(
        gehouden,
        mi_soort=Value("g"),
        mi_melding=F("melding_id"),
        mi_team=F("team_id"),
        mi_gemeente=F("gemeente_id"),
        mi_consulent=F("melding_consulent_id"),
        mi_maand=maand("gepland_op", tijdstip=True),
        mi_plaats=Case(*[When(plaats=p, then=Value(k)) for p, k in PLAATSEN.items()], default=geen_tekst),
    )
    return [trechter, onderzoek, beslis, gesprek]


# The compiled UNION of the facts per shape (issue 14). Building and compiling its four querysets
# (some sixty annotations, five EXISTS) cost about 10 ms of CPU per MI page, where compiling the
# four WHEREs alone costs about 1. The UNION's SQL depends only on the WHEREs' SQL (scope,
# filters, number of periods) and the time zone; its parameters are, per kind, the constants of
# its columns followed by its WHERE's own. Kept on PostgreSQL only when that holds for the UNION
# compiled (checked, not assumed), as wmo.lijsten keeps its UNION.
_GECOMPILEERD: dict[tuple, tuple[str, list[list]]] = {}
_GECOMPILEERD_MAX = 64


def _feiten_sql(meldingen, aanvragen, gesprekken, perioden) -> tuple[str, list]:
    """The UNION ALL of the fact rows (``_feiten_querysets``) as SQL and parameters."""
    bronnen = _bronnen(meldingen, aanvragen, gesprekken, perioden)
    db = bronnen[0].db
    waar = [b.order_by().values_list("pk").query.get_compiler(db).as_sql() for b in bronnen]
    sleutel = (db, timezone.get_current_timezone_name(), *(sql for sql, _ in waar))
    if bewaard := _GECOMPILEERD.get(sleutel):
        sql, constanten = bewaard
        return sql, [p for vast, (_, eigen) in zip(constanten, waar, strict=True) for p in (*vast, *eigen)]
    querysets = _feiten_uit(bronnen)
    eerste, *andere = querysets
    sql, params = eerste.union(*andere, all=True).query.get_compiler(db).as_sql()
    constanten = []
    for qs, (_, eigen) in zip(querysets, waar, strict=True):
        _, deel = qs.query.get_compiler(db).as_sql()
        n = len(deel) - len(eigen)
        if n < 0 or list(deel[n:]) != list(eigen):
            return sql, list(params)  # a WHERE's parameters are not the tail of its kind's
        constanten.append(list(deel[:n]))
    samengesteld = [p for vast, (_, eigen) in zip(constanten, waar, strict=True) for p in (*vast, *eigen)]
    if samengesteld == list(params) and connections[db].vendor == "postgresql":
        if len(_GECOMPILEERD) >= _GECOMPILEERD_MAX:
            _GECOMPILEERD.clear()
        _GECOMPILEERD[sleutel] = (sql, constanten)
    return sql, list(params)


def feiten_per_maand(meldingen, aanvragen, gesprekken, perioden) -> list[dict]:
    """The facts of the periods counted per month in the database, one row per month shaped as
    MiMaand's values ("maand", TELLERS, HISTOGRAMMEN with the JSON's text keys): the MI page's
    open months. One query, whatever the periods; the same counting as the summary's
    (``_tellen_sql``), so the page moves a row per month, not one per fact, through Python."""
    if not perioden:
        return []
    feiten_sql, params = _feiten_sql(meldingen, aanvragen, gesprekken, perioden)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH feiten AS ({feiten_sql}), {_tellen_sql('feiten', 'mi_maand')}", params)
        rijen = cursor.fetchall()
    uit = []
    for maand, *waarden in rijen:
        rij = dict(zip((*_TELLERS_SQL, *HISTOGRAMMEN), waarden, strict=True))
        for k in _TELLERS_SQL:  # PostgreSQL sums a bigint to a numeric (Decimal)
            rij[k] = int(rij[k])
        for h in HISTOGRAMMEN:  # psycopg as Django sets it up, and SQLite, hand back JSON's text
            if isinstance(rij[h], str):
                rij[h] = json.loads(rij[h])
        # SQLite hands back the text of a date
        rij["maand"] = date.fromisoformat(maand[:10]) if isinstance(maand, str) else maand
        uit.append(rij)
    return uit


def leeg() -> dict:
    """Counts of nothing; the histograms keyed by the JSON's text (``optellen``)."""
    return {**dict.fromkeys(TELLERS, 0), **{h: {} for h in HISTOGRAMMEN}}


def optellen(doel: dict, bron: dict) -> None:
    """Add the counts ``bron`` to ``doel`` (a ``leeg()``): a MiMaand row's values, a sum of them
    per month (a histogram then a list of the rows' histograms) or a ``feiten_per_maand`` row.
    Histogram values stay the JSON's text keys here (``dagen`` makes them days)."""
    for k in TELLERS:
        doel[k] += bron[k]
    for h in HISTOGRAMMEN:
        opgeteld = doel[h]
        delen = bron[h]
        for deel in delen if isinstance(delen, list) else (delen,):
            for waarde, n in deel.items():
                opgeteld[waarde] = opgeteld.get(waarde, 0) + n


def dagen(histogram: dict) -> dict[int, int]:
    """A day histogram as ``optellen`` sums it ({"12": 3}) keyed by whole days ({12: 3})."""
    return {int(waarde): n for waarde, n in histogram.items()}


def percentiel(histogram: dict, fractie: float) -> float | None:
    """PERCENTILE_CONT(fractie) of the values a {value: count} histogram holds (PostgreSQL's
    definition: linear interpolation between the two nearest ranks)."""
    n = sum(histogram.values())
    if not n:
        return None
    positie = fractie * (n - 1)
    laag, hoog = math.floor(positie), math.ceil(positie)
    waarden, gezien = {}, 0
    for waarde in sorted(histogram):
        volgende = gezien + histogram[waarde]
        for rang in (laag, hoog):
            if gezien <= rang < volgende:
                waarden[rang] = waarde
        gezien = volgende
    return float(waarden[laag] + (waarden[hoog] - waarden[laag]) * (positie - laag))


# --- The summary: recount, mark, bring up to date ----------------------------------------------


def _samengevoegd(maanden) -> list[tuple[date, date]]:
    """Whole months as (first, last) day periods, neighbours merged."""
    perioden = []
    for m in sorted(set(maanden)):
        if perioden and perioden[-1][1] + timedelta(days=1) == m:
            perioden[-1] = (perioden[-1][0], einde_maand(m))
        else:
            perioden.append((m, einde_maand(m)))
    return perioden


# Per fact row: the counters of MiMaand as SQL over KOLOMMEN (a funnel row carries the steps).
_TELLERS_SQL = {
    "meldingen": "mi_soort = 't'",
    "gesprek": "mi_soort = 't' AND mi_gesprek",
    "verslag": "mi_soort = 't' AND mi_verslag",
    "aanvraag": "mi_soort = 't' AND mi_stap IS NOT NULL",
    "toegekend": "mi_soort = 't' AND mi_stap = 2",
    "afgewezen": "mi_soort = 't' AND mi_stap = 1",
    "onderzoek_n": "mi_soort = 'o'",
    "onderzoek_op_tijd": "mi_soort = 'o' AND mi_op_tijd",
    "beslis_n": "mi_soort = 'b'",
    "beslis_op_tijd": "mi_soort = 'b' AND mi_op_tijd",
    "huisbezoek": "mi_plaats = 'huisbezoek'",
    "telefonisch": "mi_plaats = 'telefonisch'",
    "elders": "mi_plaats = 'elders'",
}
_SLEUTEL = "mi_team, mi_gemeente, mi_consulent, product, mi_maand"
_KOLOMMEN_SAMENVATTING = ", ".join(
    ["team_id", "gemeente_id", "consulent_id", "product", "maand", *_TELLERS_SQL]
)


def _tellen_sql(bron: str, sleutel: str) -> str:
    """The tail of a WITH that counts the fact rows of the CTE ``bron`` per ``sleutel`` (its key
    columns) as MiMaand holds them: the counters of _TELLERS_SQL, then the histograms of the
    reasons closed and of the two clocks' days as JSON (jsonb_object_agg; json_group_object on
    the SQLite of the quick start). First per key and histogram value, then per key: one pass of
    grouping, no join (a bucket's consulent may be NULL). The summary counts per bucket and
    product (``_samenvatting_schrijven``), the MI page its open months per month
    (``feiten_per_maand``)."""
    postgres = connection.vendor == "postgresql"
    json_agg, json_leeg = ("JSONB_OBJECT_AGG", "'{}'::jsonb") if postgres else ("JSON_GROUP_OBJECT", "'{}'")

    def histogram(soort):
        return f"COALESCE({json_agg}(waarde, n) FILTER (WHERE soort = '{soort}'), {json_leeg})"

    tellers = ", ".join(f"SUM(CASE WHEN {v} THEN 1 ELSE 0 END) AS {k}" for k, v in _TELLERS_SQL.items())
    opgeteld = ", ".join(f"SUM({k})" for k in _TELLERS_SQL)
    n = len(sleutel.split(","))
    return f"""waarden AS (
            SELECT {sleutel},
                CASE WHEN mi_soort = 't' AND mi_reden IS NOT NULL THEN 'z'
                    WHEN mi_soort IN ('o', 'b') THEN mi_soort END AS soort,
                CASE WHEN mi_soort = 't' THEN mi_reden
                    WHEN mi_soort IN ('o', 'b') THEN CAST(mi_dagen AS TEXT) END AS waarde,
                COUNT(*) AS n, {tellers}
            FROM {bron} GROUP BY {", ".join(str(i) for i in range(1, n + 3))}
        )
        SELECT {sleutel}, {opgeteld}, {histogram("z")}, {histogram("o")}, {histogram("b")}
        FROM waarden GROUP BY {", ".join(str(i) for i in range(1, n + 1))}"""


def _samenvatting_schrijven(meldingen, aanvragen, gesprekken, perioden) -> int:
    """Count the facts of ``perioden`` into MiMaand rows in the database itself: one INSERT ...
    SELECT that groups per (team, gemeente, consulent, productgroep, month) and builds the day
    histograms as JSON (jsonb_object_agg; json_group_object on the SQLite of the quick start).
    A fact counts under product "" and under each productgroep its melding asked for.
    Returns the rows written. The caller deletes the rows it replaces first."""
    from aanvragen.models import AangevraagdeVoorziening

    if not perioden:
        return 0
    eerste, *andere = _feiten_querysets(meldingen, aanvragen, gesprekken, perioden)
    feiten_sql, feiten_params = eerste.union(*andere, all=True).query.sql_with_params()
    producten_sql, producten_params = (
        AangevraagdeVoorziening.objects.exclude(voorziening__iwmo_productcategorie="")
        .order_by()
        .values_list("aanvraag__melding_id", "voorziening__iwmo_productcategorie")
        .distinct()
        .query.sql_with_params()
    )
    sql = f"""
        INSERT INTO {MiMaand._meta.db_table} ({_KOLOMMEN_SAMENVATTING}, zonder, onderzoek_dagen, beslis_dagen)
        WITH feiten AS ({feiten_sql}),
        producten (mi_melding, product) AS ({producten_sql}),
        per_product AS (
            SELECT feiten.*, '' AS product FROM feiten
            UNION ALL
            SELECT feiten.*, producten.product FROM feiten JOIN producten USING (mi_melding)
        ),
        {_tellen_sql("per_product", _SLEUTEL)}
    """
    postgres = connection.vendor == "postgresql"
    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            # The planner expects far more rows than a fact has products, and would spend longer
            # compiling the plan (JIT) than running it; the groups fit in memory.
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, (*feiten_params, *producten_params))
        return cursor.rowcount


def herberekenen(team_id: int, maanden) -> int:
    """Recount the buckets of one team in the given months (replaces them); returns rows written."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding

    maanden = sorted(set(maanden))
    MiMaand.objects.filter(team_id=team_id, maand__in=maanden).delete()
    return _samenvatting_schrijven(
        Melding.objects.filter(team_id=team_id),
        Aanvraag.objects.filter(team_id=team_id),
        Gesprek.objects.filter(team_id=team_id),
        _samengevoegd(maanden),
    )


def markeren(melding_id: int, *, oud_team_id: int | None = None) -> None:
    """Mark a melding (and, when it moved, its old team) to be counted again."""
    MiVuil.objects.create(melding_id=melding_id, team_id=oud_team_id)


def alles_markeren() -> None:
    """Mark everything (after a load that passed no save); the task recounts it after commit."""
    MiVuil.objects.create()
    _inplannen()


def _oplossen(markeringen: list[dict]) -> set[tuple[int, date]]:
    """The (team, month) buckets that the marked meldingen count in, now; plus their old team."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding

    ids = {m["melding_id"] for m in markeringen}
    sleutels = set()
    maanden_per_melding = defaultdict(set)
    for r in Melding.objects.filter(pk__in=ids).values(
        "pk", "team_id", "ontvangen_op", "onderzoek_afgerond_op"
    ):
        maanden_per_melding[r["pk"]].add(_lokale_maand(r["ontvangen_op"]))
        if r["onderzoek_afgerond_op"]:
            maanden_per_melding[r["pk"]].add(maand_van(r["onderzoek_afgerond_op"]))
        sleutels |= {(r["team_id"], m) for m in maanden_per_melding[r["pk"]]}
    for r in Aanvraag.objects.filter(melding_id__in=ids, besloten_op__isnull=False).values(
        "melding_id", "team_id", "besloten_op"
    ):
        maanden_per_melding[r["melding_id"]].add(maand_van(r["besloten_op"]))
        sleutels.add((r["team_id"], maand_van(r["besloten_op"])))
    for r in Gesprek.objects.filter(melding_id__in=ids, status=GesprekStatus.GEVOERD).values(
        "melding_id", "team_id", "gepland_op"
    ):
        maanden_per_melding[r["melding_id"]].add(_lokale_maand(r["gepland_op"]))
        sleutels.add((r["team_id"], _lokale_maand(r["gepland_op"])))
    for m in markeringen:
        if m["team_id"] is not None:
            sleutels |= {(m["team_id"], maand) for maand in maanden_per_melding.get(m["melding_id"], ())}
    return sleutels


def _markeringen_oplossen(rijen: list[dict]) -> set[tuple[int, date]]:
    """Turn the marked meldingen ``rijen`` into (team, month) marks (claimed by deleting them;
    what the meldingen touch is read after the claim); returns the new marks."""
    MiVuil.objects.filter(pk__in=[r["pk"] for r in rijen]).delete()
    sleutels = _oplossen(rijen)
    MiVuil.objects.bulk_create([MiVuil(team_id=t, maand=m) for t, m in sleutels], batch_size=1000)
    return sleutels


def _inplannen() -> None:
    def inplannen():
        from .tasks import mi_bijwerken

        mi_bijwerken.enqueue()

    transaction.on_commit(inplannen)


def gemarkeerde_maanden(maanden) -> set[date]:
    """Of ``maanden``, those whose summary is not up to date (any team): the MI page counts them
    from the dossiers. Resolves the marked meldingen on the way (at most MAX_MARKERINGEN) and
    asks the task ``mi_bijwerken`` to recount. One query on PostgreSQL, marked or not (a read
    and the resolving in one statement); on SQLite one when nothing is marked, six when meldingen
    are. No recount in the request, so the page's budget does not depend on it."""
    maanden = set(maanden)
    if not maanden:
        return set()
    if connection.vendor == "postgresql":
        n, alles, vuil = _markeringen_oplossen_in_sql(maanden)
        if n:
            _inplannen()
        if n > MAX_MARKERINGEN or alles:
            return maanden  # too much to resolve now, or "everything": the task catches up
        return set(vuil) & maanden
    rijen = list(
        MiVuil.objects.filter(Q(maand__isnull=True) | Q(maand__in=maanden)).values(
            "pk", "melding_id", "team_id", "maand"
        )[: MAX_MARKERINGEN + 1]
    )
    if not rijen:
        return set()
    _inplannen()
    if len(rijen) > MAX_MARKERINGEN or any(r["melding_id"] is None and r["maand"] is None for r in rijen):
        return maanden  # too much to resolve now, or "everything": the task catches up
    per_melding = [r for r in rijen if r["melding_id"] is not None]
    vuil = {r["maand"] for r in rijen if r["maand"] is not None}
    if per_melding:
        with transaction.atomic(savepoint=False):
            vuil |= {m for _, m in _markeringen_oplossen(per_melding)}
    return vuil & maanden


def _markeringen_oplossen_in_sql(maanden) -> tuple[int, bool, list[date]]:
    """``gemarkeerde_maanden`` in one PostgreSQL statement: read the marks that matter for
    ``maanden`` (at most MAX_MARKERINGEN + 1); unless there are too many or "everything" is
    marked, claim the marked meldingen (delete), turn them into the (team, month) marks they
    touch now (as ``_oplossen``: months received, onderzoek ended, decided, gesprek held; under
    the current team and the old one) and write those. Returns (marks read, "everything" marked,
    the marked months)."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding

    vuil, melding, aanvraag, gesprek = (x._meta.db_table for x in (MiVuil, Melding, Aanvraag, Gesprek))
    sql = f"""
        WITH kandidaten AS MATERIALIZED (
            SELECT id, melding_id, team_id, maand FROM {vuil}
            WHERE maand IS NULL OR maand = ANY(%(maanden)s) LIMIT %(grens)s
        ),
        toestand AS (
            SELECT COUNT(*) AS n, COALESCE(BOOL_OR(melding_id IS NULL AND maand IS NULL), FALSE) AS alles
            FROM kandidaten
        ),
        geclaimd AS (
            DELETE FROM {vuil} v USING kandidaten k, toestand t
            WHERE v.id = k.id AND k.melding_id IS NOT NULL AND t.n <= %(max)s AND NOT t.alles
            RETURNING v.melding_id, v.team_id
        ),
        geraakt AS (
            SELECT id AS melding_id, team_id, DATE_TRUNC('month', ontvangen_op AT TIME ZONE %(tz)s)::date AS maand
            FROM {melding} WHERE id IN (SELECT melding_id FROM geclaimd)
            UNION
            SELECT id, team_id, DATE_TRUNC('month', onderzoek_afgerond_op)::date FROM {melding}
            WHERE id IN (SELECT melding_id FROM geclaimd) AND onderzoek_afgerond_op IS NOT NULL
            UNION
            SELECT melding_id, team_id, DATE_TRUNC('month', besloten_op)::date FROM {aanvraag}
            WHERE melding_id IN (SELECT melding_id FROM geclaimd) AND besloten_op IS NOT NULL
            UNION
            SELECT melding_id, team_id, DATE_TRUNC('month', gepland_op AT TIME ZONE %(tz)s)::date
            FROM {gesprek} WHERE melding_id IN (SELECT melding_id FROM geclaimd) AND status = %(gevoerd)s
        ),
        nieuw AS (
            INSERT INTO {vuil} (team_id, maand)
            SELECT team_id, maand FROM geraakt
            UNION
            SELECT c.team_id, r.maand FROM geclaimd c JOIN geraakt r USING (melding_id)
            WHERE c.team_id IS NOT NULL
            RETURNING maand
        )
        SELECT t.n, t.alles,
            ARRAY(SELECT maand FROM kandidaten WHERE maand IS NOT NULL UNION SELECT maand FROM nieuw)
        FROM toestand t
    """
    params = {
        "maanden": sorted(maanden),
        "grens": MAX_MARKERINGEN + 1,
        "max": MAX_MARKERINGEN,
        "tz": timezone.get_current_timezone_name(),
        "gevoerd": GesprekStatus.GEVOERD.value,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def bijwerken(maanden) -> None:
    """Recount every team's marked buckets in ``maanden`` (the task)."""
    per_team = defaultdict(set)
    for team_id, maand in MiVuil.objects.filter(maand__in=maanden).values_list("team_id", "maand").distinct():
        per_team[team_id].add(maand)
    for team_id in sorted(per_team):
        with transaction.atomic():
            # Claim the marks first: a mark made meanwhile stays, and is counted next time.
            if MiVuil.objects.filter(team_id=team_id, maand__in=per_team[team_id]).delete()[0]:
                herberekenen(team_id, per_team[team_id])


def _alle_meldingen_oplossen() -> None:
    while rijen := list(
        MiVuil.objects.filter(melding_id__isnull=False).values("pk", "melding_id", "team_id")[:1000]
    ):
        with transaction.atomic():
            _markeringen_oplossen(rijen)


def alles_herberekenen(*, sinds: date | None = None) -> int:
    """Recount every team's closed months (from the month of ``sinds``) and clear their marks;
    returns the number of summary rows written."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding
    from wmo.models import Team

    huidige = maand_van(timezone.localdate())
    _alle_meldingen_oplossen()
    with transaction.atomic():
        alles = MiVuil.objects.filter(melding_id__isnull=True, maand__isnull=True)
        if alles.exists():
            sinds = None  # "everything" was marked: a partial recount would not clear it
            alles.delete()
        eerste = Melding.objects.order_by("ontvangen_op").values_list("ontvangen_op", flat=True).first()
        begin = _lokale_maand(eerste) if eerste else huidige
        if sinds:
            begin = max(begin, maand_van(sinds))
            MiMaand.objects.filter(maand__gte=begin).delete()
            MiVuil.objects.filter(maand__gte=begin).delete()
        else:
            MiMaand.objects.all().delete()
            MiVuil.objects.filter(maand__isnull=False).delete()
        maanden, m = [], begin
        while m < huidige:
            maanden.append(m)
            m = einde_maand(m) + timedelta(days=1)
        # The current month is always counted directly; its marks are kept for when it closes.
        MiVuil.objects.bulk_create(
            [MiVuil(team_id=t, maand=huidige) for t in Team.objects.values_list("pk", flat=True)]
        )
        if not maanden:
            return 0
        # Every team at once: the counting is one statement in the database.
        return _samenvatting_schrijven(
            Melding.objects.all(),
            Aanvraag.objects.all(),
            Gesprek.objects.all(),
            [(begin, huidige - timedelta(days=1))],
        )


# --- Marking on save (connected in TeamleiderConfig.ready) ---------------------------------------

# model label -> (the fields whose change matters, how to reach the melding id)
GEVOLGD = {
    "meldingen.Melding": (
        ("team_id", "gemeente_id", "consulent_id", "ontvangen_op", "status", "afsluitreden",
         "onderzoek_afgerond_op", "onderzoek_deadline"),
        lambda o: o.pk,
    ),
    "gesprekken.Gesprek": (
        ("status", "plaats", "gepland_op", "melding_id"),
        lambda o: o.melding_id,
    ),
    "gesprekken.VerslagVersie": ((), lambda o: o.onderzoek.melding_id),
    "aanvragen.Aanvraag": (
        ("melding_id", "ontvangen_op", "besloten_op", "beslis_deadline"),
        lambda o: o.melding_id,
    ),
    "aanvragen.AangevraagdeVoorziening": (("voorziening_id", "aanvraag_id"), lambda o: o.aanvraag.melding_id),
    "aanvragen.Beschikking": (("status",), lambda o: o.aanvraag.melding_id),
    "aanvragen.BeschikkingRegel": (("uitkomst",), lambda o: o.beschikking.aanvraag.melding_id),
}  # fmt: skip


def _onthouden(sender, instance, **kwargs):
    velden, _ = GEVOLGD[sender._meta.label]
    instance._mi_oud = tuple(instance.__dict__.get(v) for v in velden)


def _na_opslaan(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    velden, melding_van = GEVOLGD[sender._meta.label]
    nu = tuple(instance.__dict__.get(v) for v in velden)
    oud = getattr(instance, "_mi_oud", None)
    instance._mi_oud = nu
    if not created and oud == nu:
        return
    if sender._meta.label == "aanvragen.BeschikkingRegel" and not created:
        if instance.beschikking.status != BeschikkingStatus.VERSTUURD:
            return  # a draft's outcome counts only once sent (the beschikking marks then)
    oud_team = oud[0] if sender._meta.label == "meldingen.Melding" and oud and oud[0] != nu[0] else None
    markeren(melding_van(instance), oud_team_id=oud_team)


def _na_verwijderen(sender, instance, **kwargs):
    """A deleted row can no longer be found from its melding: mark the buckets it counted in
    by what it held, and its melding (if that is not being deleted too)."""
    label = sender._meta.label
    maanden = set()
    if label == "meldingen.Melding":
        maanden.add(_lokale_maand(instance.ontvangen_op))
        if instance.onderzoek_afgerond_op:
            maanden.add(maand_van(instance.onderzoek_afgerond_op))
    elif label == "aanvragen.Aanvraag" and instance.besloten_op:
        maanden.add(maand_van(instance.besloten_op))
    elif label == "gesprekken.Gesprek":
        maanden.add(_lokale_maand(instance.gepland_op))
    team_id = getattr(instance, "team_id", None)
    rijen = [MiVuil(team_id=team_id, maand=m) for m in maanden if team_id]
    if label != "meldingen.Melding":
        try:
            rijen.append(MiVuil(melding_id=GEVOLGD[label][1](instance)))
        except ObjectDoesNotExist:
            pass  # the parent went first in a cascade; it marked its melding then
    MiVuil.objects.bulk_create(rijen)


def _productgroep_onthouden(sender, instance, **kwargs):
    instance._mi_productgroep = instance.__dict__.get("iwmo_productcategorie")


def _productgroep_gewijzigd(sender, instance, created, raw=False, **kwargs):
    """A voorziening moved to another iWmo productgroep: every product bucket may change."""
    oud = getattr(instance, "_mi_productgroep", None)
    instance._mi_productgroep = instance.iwmo_productcategorie
    if not created and not raw and oud != instance.iwmo_productcategorie:
        alles_markeren()


def verbinden() -> None:
    voorziening = apps.get_model("wmo.Voorziening")
    post_init.connect(_productgroep_onthouden, sender=voorziening, dispatch_uid="teamleider.mi.voorziening")
    post_save.connect(_productgroep_gewijzigd, sender=voorziening, dispatch_uid="teamleider.mi.voorziening")
    for label in GEVOLGD:
        model = apps.get_model(label)
        uid = f"teamleider.mi.{label}"
        post_init.connect(_onthouden, sender=model, dispatch_uid=uid)
        post_save.connect(_na_opslaan, sender=model, dispatch_uid=uid)
        post_delete.connect(_na_verwijderen, sender=model, dispatch_uid=uid)


def gemarkeerde_bijwerken() -> int:
    """Recount every marked closed month of every team (the task ``mi_bijwerken``, asked for by
    the MI page when it meets marks; also fine nightly); returns the number of months recounted."""
    _alle_meldingen_oplossen()
    if MiVuil.objects.filter(melding_id__isnull=True, maand__isnull=True).exists():
        alles_herberekenen()
        return MiMaand.objects.values("maand").distinct().count()
    huidige = maand_van(timezone.localdate())
    maanden = set(MiVuil.objects.filter(maand__lt=huidige).values_list("maand", flat=True).distinct())
    bijwerken(maanden)
    return len(maanden)
