"""The dashboard's figures and choice lists in one query (issue 14: at most 12 per page).

One UNION ALL of rows of one shape (soort, sleutel, volgorde, t1, t2, t3, n1 .. n6):

- ``gemeente``: the gemeenten of the filter (sleutel, naam);
- ``product``: the iWmo product categories of the filter (t1);
- ``consulent``: the consulenten of the team (the filter's choices and the workload table):
  names and the four workload figures, each a correlated count (few consulenten per team);
- ``melding`` and ``aanvraag``: the counts per clock and state (conditional aggregation over the
  stored, indexed deadline columns), only when they are not kept in wmo.teamcache.

Each part has no ORDER BY (SQLite refuses one inside a UNION): the order of gemeenten and
consulenten comes as a row number computed by the database, so it is the database's collation.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from django.db.models import CharField, Count, F, Func, IntegerField, OuterRef, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.lookups import Exact

from gesprekken.constants import AfspraakStatus, GesprekStatus
from gesprekken.models import Vervolgafspraak
from meldingen.constants import OPEN_STATUSSEN
from wmo.constants import Rol
from wmo.models import Gemeente, Medewerker, Voorziening, gelijkgestelde_dagen
from wmo.sjabloon import sjabloon
from wmo.termijnstatus import termijnstatus_case

from .common import Filters, _begin, aanvragen, gesprekken, meldingen
from .termijnen import STATEN
from .werklast import WERKLAST_SORTERING

N = 6  # numeric columns n1 .. n6
BESLIS_STATEN = (*STATEN, "opgeschort")


@dataclass
class Overzicht:
    keuzes: dict  # for teamleider.forms.FilterForm
    werklast: list = field(default_factory=list)  # Medewerker with the four figures
    tellingen: dict | None = None  # {klok: {staat: n}} as termijnen.termijnen_tellingen


def _tekst(waarde="") -> Value:
    return Value(waarde, output_field=CharField())


def _getal(waarde=0) -> Value:
    return Value(waarde, output_field=IntegerField())


def _rij(qs, soort: str, *, sleutel=None, volgorde=None, t=(), n=()):
    """``qs`` as rows of the common shape."""
    t = [*t, *[_tekst()] * (3 - len(t))]
    n = [*n, *[_getal()] * (N - len(n))]
    kolommen = {
        "r_soort": _tekst(soort),
        "r_sleutel": sleutel if sleutel is not None else _getal(),
        "r_volgorde": volgorde if volgorde is not None else _getal(),
        **{f"r_t{i + 1}": v for i, v in enumerate(t)},
        **{f"r_n{i + 1}": v for i, v in enumerate(n)},
    }
    gewoon = {k: v for k, v in kolommen.items() if not getattr(v, "contains_aggregate", False)}
    totalen = {k: v for k, v in kolommen.items() if k not in gewoon}
    qs = qs.order_by().annotate(**gewoon)
    if totalen:  # one row over the whole part: grouped by the constants only, so not grouped at all
        qs = qs.values(*gewoon).annotate(**totalen)
    return qs.values_list(*kolommen)


def _aantal(qs) -> Coalesce:
    """The number of rows of ``qs`` as a correlated scalar subquery."""
    return Coalesce(
        Subquery(qs.order_by().annotate(r_aantal=Func("pk", function="COUNT")).values("r_aantal")[:1]),
        0,
    )


@sjabloon(gelijkgestelde_dagen)
def _overzicht_query(user, vandaag: date, met_tellingen: bool, **filters):
    """The UNION of ``dashboard_overzicht``; its SQL is kept per shape (wmo.sjabloon): ``vandaag``
    is part of the shape (the week and the deadline states derive from it), the filters are values."""
    filters = Filters(**filters)
    maandag = vandaag - timedelta(days=vandaag.weekday())
    consulent = OuterRef("pk")
    open_meldingen = meldingen(user, filters).filter(status__in=OPEN_STATUSSEN, consulent=consulent)
    delen = [
        _rij(
            Gemeente.objects.filter(pk__in=user.gemeente_ids),
            "gemeente",
            sleutel=F("pk"),
            volgorde=Window(RowNumber(), order_by=[F("naam").asc(), F("pk").asc()]),
            t=[F("naam")],
        ),
        _rij(
            Voorziening.objects.exclude(iwmo_productcategorie="").distinct(),
            "product",
            t=[F("iwmo_productcategorie")],
        ),
        _rij(
            Medewerker.objects.filter(
                groups__name=Rol.CONSULENT,
                is_active=True,
                organisatie_id=user.organisatie_id,
                team_id=user.team_id,
            ),
            "consulent",
            sleutel=F("pk"),
            volgorde=Window(
                RowNumber(), order_by=[F("first_name").asc(), F("last_name").asc(), F("pk").asc()]
            ),
            t=[F("first_name"), F("last_name"), F("username")],
            n=[
                _aantal(open_meldingen),
                _aantal(
                    open_meldingen.filter(onderzoek_afgerond_op__isnull=True, onderzoek_deadline__lt=vandaag)
                ),
                _aantal(
                    gesprekken(user, filters).filter(
                        melding__status__in=OPEN_STATUSSEN,
                        consulent=consulent,
                        status=GesprekStatus.GEPLAND,
                        gepland_op__gte=_begin(maandag),
                        gepland_op__lt=_begin(maandag + timedelta(days=7)),
                    )
                ),
                _aantal(
                    Vervolgafspraak.objects.filter(
                        eigenaar=consulent, status=AfspraakStatus.OPEN, uiterlijk__lt=vandaag
                    )
                ),
            ],
        ),
    ]
    if met_tellingen:
        plan = termijnstatus_case("plan_deadline", "onderzoek_afgerond_op", vandaag)
        onderzoek = termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op", vandaag)
        beslis = termijnstatus_case("beslis_deadline", "besloten_op", vandaag, gemeente="gemeente")
        delen += [
            _rij(
                meldingen(user, filters).filter(
                    status__in=OPEN_STATUSSEN, onderzoek_afgerond_op__isnull=True
                ),
                "melding",
                n=[
                    *(Count("pk", filter=Exact(plan, Value(s))) for s in STATEN),
                    *(Count("pk", filter=Exact(onderzoek, Value(s))) for s in STATEN),
                ],
            ),
            _rij(
                aanvragen(user, filters).filter(besloten_op__isnull=True),
                "aanvraag",
                n=[Count("pk", filter=Exact(beslis, Value(s))) for s in BESLIS_STATEN],
            ),
        ]
    eerste, *rest = delen
    return eerste.union(*rest, all=True)


def dashboard_overzicht(user, filters: Filters, vandaag: date, *, met_tellingen: bool) -> Overzicht:
    rijen = sorted(
        _overzicht_query.rijen(user, vandaag, met_tellingen, **asdict(filters)),
        key=lambda r: (r[0], r[2], r[3]),
    )
    gemeenten, producten, consulenten = [], [], []
    per_soort = {}
    for soort, sleutel, _volgorde, t1, t2, t3, *n in rijen:
        if soort == "gemeente":
            gemeenten.append((sleutel, t1))
        elif soort == "product":
            producten.append(t1)
        elif soort == "consulent":
            c = Medewerker(pk=sleutel, first_name=t1, last_name=t2, username=t3)
            c.open_dossiers, c.onderzoek_verlopen, c.gesprekken_week, c.afspraken_verlopen = n[:4]
            consulenten.append(c)
        else:
            per_soort[soort] = n
    keuzes = {
        "gemeenten": gemeenten,
        "producten": producten,
        "consulenten": [(c.pk, str(c)) for c in consulenten] if user.team_id else [],
    }
    uit = Overzicht(keuzes=keuzes, werklast=consulenten)
    if met_tellingen:
        m = per_soort.get("melding", [0] * N)
        a = per_soort.get("aanvraag", [0] * N)
        uit.tellingen = {
            "plan": dict(zip(STATEN, m[:3], strict=True)),
            "onderzoek": dict(zip(STATEN, m[3:6], strict=True)),
            "beslis": dict(zip(BESLIS_STATEN, a[:4], strict=True)),
        }
    return uit


def werklast_gesorteerd(consulenten: list, filters: Filters, sorteer: str) -> list:
    """The workload rows of the team (one consulent's with the consulent filter), sorted like
    werklast.werklast: by name, then by the chosen figure (largest first)."""
    rijen = [c for c in consulenten if not filters.consulent or c.pk == filters.consulent]
    veld, *_ = WERKLAST_SORTERING[sorteer]
    rijen.sort(key=lambda c: (c.first_name, c.last_name, c.pk))
    if veld.startswith("-"):
        rijen.sort(key=lambda c: getattr(c, veld[1:]), reverse=True)
    return rijen
