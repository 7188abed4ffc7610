"""Reads of the teamleider's dashboard: clocks, workload and management information.

Everything starts from ``Melding.objects.zichtbaar_voor(user)`` (the one scope rule) and is
set-based: counts, medians and percentiles are computed by PostgreSQL, one query per block,
so the number of queries does not grow with the number of dossiers.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import (
    Aggregate,
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Greatest, Least, TruncDate, TruncMonth
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus, Uitkomst
from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking, BeschikkingRegel
from meldingen.constants import OPEN_STATUSSEN, Afsluitreden, MeldingStatus
from meldingen.models import Melding
from wmo.constants import Rol
from wmo.models import Medewerker
from wmo.termijnstatus import termijnstatus_case

STATEN = ("verlopen", "let_op", "op_schema")
KLOKKEN = {
    "plan": "Persoonlijk plan (7 dagen)",
    "onderzoek": "Onderzoek (6 weken)",
    "beslis": "Beslistermijn (2 weken)",
}
LIJST_MAX = 50


@dataclass(frozen=True)
class Filters:
    gemeente: int | None = None
    consulent: int | None = None
    product: str = ""  # iWmo productcategorie, e.g. "01"
    van: date | None = None  # melding received on or after
    tot: date | None = None  # melding received on or before


class DagenTussen(Func):
    """Whole days from ``eerder`` to ``later``: ``date - date`` in PostgreSQL; julianday on the
    SQLite of the quick start (``make run``)."""

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _dagen_tussen(later, eerder) -> Func:
    return DagenTussen(later, eerder)


def _begin(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time.min))


def meldingen(user, filters: Filters = Filters()):
    """The user's meldingen narrowed by the dashboard filters."""
    qs = Melding.objects.zichtbaar_voor(user)
    if filters.gemeente:
        qs = qs.filter(gemeente_id=filters.gemeente)
    if filters.consulent:
        qs = qs.filter(consulent_id=filters.consulent)
    if filters.van:
        qs = qs.filter(ontvangen_op__gte=_begin(filters.van))
    if filters.tot:
        qs = qs.filter(ontvangen_op__lt=_begin(filters.tot + timedelta(days=1)))
    if filters.product:
        qs = qs.filter(
            Exists(
                AangevraagdeVoorziening.objects.filter(
                    aanvraag__melding=OuterRef("pk"), voorziening__iwmo_productcategorie=filters.product
                )
            )
        )
    return qs


def aanvragen(user, filters: Filters = Filters()):
    return Aanvraag.objects.filter(melding__in=meldingen(user, filters))


# --- Termijnen -------------------------------------------------------------------------------


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
    beslis = termijnstatus_case("beslis_deadline", "besloten_op", vandaag)
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
WERKLAST_SORTERING = {
    "open": ("-open_dossiers", "first_name", "last_name"),
    "naam": ("first_name", "last_name", "id"),
    "verlopen": ("-onderzoek_verlopen", "first_name", "last_name"),
    "gesprekken": ("-gesprekken_week", "first_name", "last_name"),
    "afspraken": ("-afspraken_verlopen", "first_name", "last_name"),
}


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
            .annotate(termijnstatus=termijnstatus_case("beslis_deadline", "besloten_op", vandaag))
            .filter(termijnstatus=staat)
            .annotate(
                deadline=F("beslis_deadline"), dagen=_dagen_tussen(F("beslis_deadline"), Value(vandaag))
            )
            .select_related("melding__inwoner", "melding__consulent", "melding__gemeente")
            .order_by("beslis_deadline", "id")
        )
        return [_rij(a.melding, a.deadline, a.dagen, a.termijnstatus, aanvraag=a) for a in qs[:LIJST_MAX]]
    veld = "plan_deadline" if klok == "plan" else "onderzoek_deadline"
    qs = (
        meldingen(user, filters)
        .filter(status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True)
        .annotate(termijnstatus=termijnstatus_case(veld, "onderzoek_afgerond_op", vandaag))
        .filter(termijnstatus=staat)
        .annotate(
            deadline=F(veld),
            dagen=_dagen_tussen(F(veld), Value(vandaag)),
            inwoner_naam=F("inwoner__achternaam"),
            consulent_naam=F("consulent__first_name"),
        )
        .select_related("inwoner", "consulent", "gemeente")
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

    One query: the total comes with the rows as a window count (computed before the LIMIT).
    """
    vandaag = vandaag or timezone.localdate()
    lijst = list(
        Beschikking.objects.filter(
            aanvraag__melding__in=meldingen(user, filters),
            status=BeschikkingStatus.VERSTUURD,
            bezwaar_deadline__gte=vandaag,
        )
        .select_related("aanvraag__melding__inwoner")
        .annotate(
            dagen=_dagen_tussen(F("bezwaar_deadline"), Value(vandaag)),
            totaal=Window(Count("pk")),
        )
        .order_by("bezwaar_deadline", "id")[:LIJST_MAX]
    )
    return {"aantal": lijst[0].totaal if lijst else 0, "lijst": lijst}


def _dwangsom_cent(vanaf, tot):
    """Awb 4:17 in SQL: the same tiers as wmo.termijnen.dwangsom_bedrag (settings.DWANGSOM_BEDRAGEN).

    Days from ``vanaf`` through ``tot`` inclusive, capped at the sum of the tiers (42 days).
    """
    tiers = [tuple(t) for t in settings.DWANGSOM_BEDRAGEN]
    max_dagen = sum(p for p, _ in tiers)
    dagen = Least(Greatest(_dagen_tussen(tot, vanaf) + 1, Value(0)), Value(max_dagen))
    totaal = Value(0)
    eerder = 0
    for periode, cent in tiers:
        deel = Least(Greatest(dagen - eerder, Value(0)), Value(periode))
        totaal = totaal + deel * cent
        eerder += periode
    return Coalesce(totaal, Value(0), output_field=IntegerField())


def dwangsommen(user, filters: Filters = Filters(), vandaag: date | None = None) -> dict:
    """Ingebrekestellingen received for open aanvragen, or decided ones that cost a dwangsom:
    the first dwangsom day and the amount so far (euro cents), computed in SQL. Two queries."""
    vandaag = vandaag or timezone.localdate()
    tot = Coalesce(F("besloten_op"), Value(vandaag), output_field=DateField())
    bedrag = Case(
        When(dwangsom_vanaf__isnull=True, then=Value(0)),
        default=_dwangsom_cent(F("dwangsom_vanaf"), tot),
        output_field=IntegerField(),
    )
    qs = aanvragen(user, filters).filter(ingebrekestelling_op__isnull=False)
    totaal = qs.aggregate(
        aantal=Count("pk"),
        open=Count("pk", filter=Q(besloten_op__isnull=True)),
        bedrag=Coalesce(Sum(bedrag), 0),
    )
    lijst = list(
        qs.annotate(bedrag=bedrag)
        .select_related("melding__inwoner")
        .order_by(F("besloten_op").desc(nulls_first=True), "dwangsom_vanaf")[:LIJST_MAX]
    )
    return {**totaal, "lijst": lijst}


# --- Workload --------------------------------------------------------------------------------


def werklast(
    user, filters: Filters = Filters(), vandaag: date | None = None, sorteer: str = "open"
) -> list[Medewerker]:
    """Consulenten of the teamleider's team with open dossiers, onderzoek overdue, gesprekken
    planned this week (for open meldingen in scope) and overdue vervolgafspraken. Four grouped queries, whatever the size of
    the team or the caseload; the figures are joined to the (few) consulenten of the team."""
    from gesprekken.constants import AfspraakStatus, GesprekStatus
    from gesprekken.models import Gesprek, Vervolgafspraak

    vandaag = vandaag or timezone.localdate()
    maandag = vandaag - timedelta(days=vandaag.weekday())
    qs = Medewerker.objects.filter(
        groups__name=Rol.CONSULENT, is_active=True, organisatie_id=user.organisatie_id, team_id=user.team_id
    )
    if filters.consulent:
        qs = qs.filter(pk=filters.consulent)
    consulenten = list(qs)
    ids = [c.pk for c in consulenten]
    dossiers = {
        r["consulent"]: r
        for r in meldingen(user, filters)
        .filter(consulent__in=ids, status__in=OPEN_STATUSSEN)
        .order_by()
        .values("consulent")
        .annotate(
            n=Count("pk"),
            verlopen=Count(
                "pk", filter=Q(onderzoek_afgerond_op__isnull=True, onderzoek_deadline__lt=vandaag)
            ),
        )
    }
    gesprekken = dict(
        Gesprek.objects.filter(
            melding__in=meldingen(user, filters).filter(status__in=OPEN_STATUSSEN),
            consulent__in=ids,
            status=GesprekStatus.GEPLAND,
            gepland_op__gte=_begin(maandag),
            gepland_op__lt=_begin(maandag + timedelta(days=7)),
        )
        .order_by()
        .values("consulent")
        .annotate(n=Count("pk"))
        .values_list("consulent", "n")
    )
    afspraken = dict(
        Vervolgafspraak.objects.filter(eigenaar__in=ids, status=AfspraakStatus.OPEN, uiterlijk__lt=vandaag)
        .order_by()
        .values("eigenaar")
        .annotate(n=Count("pk"))
        .values_list("eigenaar", "n")
    )
    for c in consulenten:
        c.open_dossiers = dossiers.get(c.pk, {}).get("n", 0)
        c.onderzoek_verlopen = dossiers.get(c.pk, {}).get("verlopen", 0)
        c.gesprekken_week = gesprekken.get(c.pk, 0)
        c.afspraken_verlopen = afspraken.get(c.pk, 0)
    veld, *_ = WERKLAST_SORTERING[sorteer]
    consulenten.sort(key=lambda c: (c.first_name, c.last_name, c.pk))
    if veld.startswith("-"):
        consulenten.sort(key=lambda c: getattr(c, veld[1:]), reverse=True)
    return consulenten


def open_meldingen_van(user, consulent_id: int | None, filters: Filters = Filters()):
    """Open meldingen of one consulent (or the team queue) for reassigning, at most 200."""
    qs = meldingen(user, filters).filter(status__in=OPEN_STATUSSEN)
    qs = qs.filter(consulent_id=consulent_id) if consulent_id else qs.filter(consulent__isnull=True)
    return qs.voor_lijst()[:200]


# --- Management information ------------------------------------------------------------------


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


def maanden(van: date, tot: date) -> list[date]:
    """First days of the months from ``van`` through ``tot``."""
    uit, d = [], van.replace(day=1)
    while d <= tot:
        uit.append(d)
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return uit


def managementinformatie(user, filters: Filters) -> dict:
    """Per month (of the date the melding was received, van..tot): meldingen in, the funnel and
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
    alle = meldingen(user, replace(filters, van=None, tot=None))
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
        for r in Aanvraag.objects.filter(
            melding__in=alle, besloten_op__gte=filters.van, besloten_op__lte=filters.tot
        )
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
    gesprekken = {
        _maand(r["maand"]): r
        for r in Gesprek.objects.filter(
            melding__in=alle,
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
        g = {"huisbezoek": 0, "telefonisch": 0, "elders": 0, **gesprekken.get(maand, {})}
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


# --- Cliëntervaringsonderzoek (Wmo 2015 art. 2.5.1) ------------------------------------------


def clientervaringsonderzoek(
    user,
    *,
    jaar: int,
    gemeente: int | None = None,
    productgroep: str = "",
    aantal: int | None = None,
    zaad: str = "",
) -> list[dict]:
    """Inwoners who had a maatwerkvoorziening (granted in a sent beschikking) running at some
    point in ``jaar``, without those who opted out of research; one row per inwoner.

    ``aantal`` draws a random sample: ordered by md5(inwoner id + ``zaad``), so the same seed
    gives the same sample again (reproducible for the research bureau). One query.
    """
    from django.contrib.postgres.aggregates import StringAgg

    regels = BeschikkingRegel.objects.filter(
        beschikking__status=BeschikkingStatus.VERSTUURD,
        beschikking__aanvraag__melding__in=Melding.objects.zichtbaar_voor(user),
        ingangsdatum__lte=date(jaar, 12, 31),
    ).exclude(uitkomst=Uitkomst.AFGEWEZEN)
    regels = regels.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=date(jaar, 1, 1)))
    regels = regels.exclude(beschikking__aanvraag__melding__inwoner__geen_clientervaringsonderzoek=True)
    if gemeente:
        regels = regels.filter(beschikking__aanvraag__melding__gemeente_id=gemeente)
    if productgroep:
        regels = regels.filter(voorziening__iwmo_productcategorie=productgroep)
    inwoner = "beschikking__aanvraag__melding__inwoner"
    qs = (
        regels.order_by()
        .values(
            inwoner_id=F(f"{inwoner}__id"),
            bsn=F(f"{inwoner}__bsn"),
            voornamen=F(f"{inwoner}__voornamen"),
            tussenvoegsel=F(f"{inwoner}__tussenvoegsel"),
            achternaam=F(f"{inwoner}__achternaam"),
            geboortedatum=F(f"{inwoner}__geboortedatum"),
            straat=F(f"{inwoner}__straat"),
            huisnummer=F(f"{inwoner}__huisnummer"),
            huisnummer_toevoeging=F(f"{inwoner}__huisnummer_toevoeging"),
            postcode=F(f"{inwoner}__postcode"),
            woonplaats=F(f"{inwoner}__woonplaats"),
            gemeente=F("beschikking__aanvraag__melding__gemeente__naam"),
        )
        .annotate(
            productgroepen=StringAgg(
                "voorziening__iwmo_productcategorie",
                delimiter=" ",
                distinct=True,
                order_by="voorziening__iwmo_productcategorie",
            )
        )
    )
    if aantal:
        sleutel = Func(F("inwoner_id"), Value(zaad), function="CONCAT", output_field=CharField())
        qs = qs.order_by(Func(sleutel, function="MD5", output_field=CharField()), "inwoner_id")[:aantal]
    else:
        qs = qs.order_by("gemeente", "achternaam", "inwoner_id")
    return list(qs)
