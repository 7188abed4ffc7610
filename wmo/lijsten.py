"""Several short lists of a page from different tables in ONE query (issue 14: at most 12 queries
per page). Two shapes:

- ``modellen_lezen``: model instances, each list with its own columns (the onderzoek page);
- ``rijen_lezen``: rows with the same named columns for every list, each list sliced (the
  werkvoorraad's signals).

Both are a UNION ALL with a row number over each list's own ORDER BY (a UNION does not keep it).
For lists of tens of rows, never for large ones.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection, connections, models
from django.db.models import F, QuerySet, Value, Window
from django.db.models.functions import Cast, RowNumber


@dataclass(frozen=True)
class Lijst:
    """One small list for ``modellen_lezen``: its QuerySet (filter and order; the model's
    Meta.ordering when it has none), the fields left unread (as ``defer``) and the foreign keys
    read with it, each with the fields of it left unread (as ``select_related`` with ``defer``)."""

    qs: QuerySet
    zonder: tuple[str, ...] = ()
    met: dict[str, tuple[str, ...]] = field(default_factory=dict)


def modellen_lezen(**lijsten: Lijst) -> dict[str, list]:
    """Several small lists of different tables in ONE query (issue 14), as model instances the
    same as the ORM gives each list on its own (``Model.from_db``, the related objects cached).

    A UNION ALL in which each list has its own columns (NULL in the rows of the others), a
    discriminator, and the row number in the list's own order. For lists of a page (tens of rows),
    not for large ones: every row carries the width of all lists."""
    kolommen: list[tuple[int, str, models.Field]] = []  # (list, path, field)
    plannen = []  # per list: [(foreign key or None, model, attnames, first column, columns)]
    for nr, lijst in enumerate(lijsten.values()):
        model = lijst.qs.model
        delen = [(None, model, lijst.zonder)] + [
            (fk, model._meta.get_field(fk).related_model, zonder) for fk, zonder in lijst.met.items()
        ]
        plan = []
        for fk, deel_model, zonder in delen:
            velden = [f for f in deel_model._meta.concrete_fields if f.name not in zonder]
            plan.append((fk, deel_model, [f.attname for f in velden], len(kolommen), len(velden)))
            kolommen += [(nr, f.name if fk is None else f"{fk}__{f.name}", f) for f in velden]
        plannen.append(plan)
    db = next(iter(lijsten.values())).qs.db
    sleutel, params = _vorm(lijsten, db)
    if (gecompileerd := _GECOMPILEERD.get(sleutel)) is not None:
        sql, converters = gecompileerd
    else:
        sql, converters, params = _compileren(lijsten, kolommen, db, sleutel, params)
    verbinding = connections[db]
    with verbinding.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    uit: dict[str, list] = {naam: [] for naam in lijsten}
    lijst_namen = list(lijsten)
    for rij in rijen:
        if converters:
            rij = list(rij)
            for positie, (functies, expressie) in converters.items():
                for functie in functies:
                    rij[positie] = functie(rij[positie], expressie, verbinding)
        waarden = rij[2:]
        (fk, model, attnames, begin, n), *gerelateerd = plannen[rij[0]]
        obj = model.from_db(db, attnames, waarden[begin : begin + n])
        for fk, deel_model, attnames, begin, n in gerelateerd:
            deel = waarden[begin : begin + n]
            leeg = deel[attnames.index(deel_model._meta.pk.attname)] is None  # a NULL foreign key
            model._meta.get_field(fk).set_cached_value(
                obj, None if leeg else deel_model.from_db(db, attnames, deel)
            )
        uit[lijst_namen[rij[0]]].append(obj)
    return uit


# The compiled UNION per shape of the lists: building it (hundreds of annotations) cost about
# 16 ms of CPU per onderzoek page, where running it costs well under one (issue 14).
_GECOMPILEERD: dict[tuple, tuple[str, dict]] = {}
_GECOMPILEERD_MAX = 64


def _vorm(lijsten: dict[str, Lijst], db: str) -> tuple[tuple, list]:
    """The lists' shape (everything the UNION's SQL depends on) and the UNION's parameters.

    Each list's own query (its filter and order; cheap to compile) is part of the shape; its
    parameters are the list's part of the UNION's, after the list's number."""
    sleutel: list = [db]
    params: list = []
    for nr, lijst in enumerate(lijsten.values()):
        sql, eigen = lijst.qs.query.get_compiler(db).as_sql()
        sleutel.append((lijst.qs.model, sql, lijst.zonder, tuple(lijst.met.items())))
        params += [nr, *eigen]
    return tuple(sleutel), params


def _compileren(lijsten, kolommen, db, sleutel, params) -> tuple[str, dict, list]:
    """The UNION's SQL and its converters (as the ORM applies them), kept for this shape when its
    parameters are exactly the lists' own (checked, not assumed) on PostgreSQL."""
    namen = [f"lijst_k{i}" for i in range(len(kolommen))]  # no clash with any model's fields
    stukken = []
    for nr, lijst in enumerate(lijsten.values()):
        volgorde = lijst.qs.query.order_by or lijst.qs.model._meta.ordering
        annotaties = {
            "lijst_nr": Value(nr, output_field=models.IntegerField()),
            "lijst_rij": Window(RowNumber(), order_by=[_orde(o) for o in volgorde] or None),
        }
        for naam, (van, pad, veld) in zip(namen, kolommen, strict=True):
            # A typed NULL: PostgreSQL types a column of NULLs as text before it meets the others.
            annotaties[naam] = F(pad) if van == nr else Cast(Value(None), output_field=veld)
        stukken.append(
            lijst.qs.annotate(**annotaties).values_list("lijst_nr", "lijst_rij", *namen).order_by()
        )
    unie = stukken[0].union(*stukken[1:], all=True).order_by("lijst_nr", "lijst_rij")
    compiler = unie.query.get_compiler(db)
    sql, unie_params = compiler.as_sql()
    kolom_select = compiler.select[: compiler.col_count]
    converters = compiler.get_converters([expressie for expressie, _sql, _alias in kolom_select])
    # The rows are read as values_list gives them; Django puts its columns in the order asked for
    # (a Django upgrade that does not fails tests/gesprekken/test_onderzoek_lezen.py here).
    if [alias for _expressie, _sql, alias in kolom_select] != ["lijst_nr", "lijst_rij", *namen]:
        raise AssertionError("wmo.lijsten: the UNION's columns are not in the order asked for")
    if list(unie_params) != params:
        # Parameters this module does not place (an expression with its own): the ORM's SQL and
        # parameters as they are, compiled again each time.
        return sql, converters, list(unie_params)
    if connections[db].vendor == "postgresql":
        if len(_GECOMPILEERD) >= _GECOMPILEERD_MAX:
            _GECOMPILEERD.clear()
        _GECOMPILEERD[sleutel] = (sql, converters)
    return sql, converters, params


def _orde(volgorde):
    """An ordering as order_by() takes it ("-nummer", "gepland_op" or an expression)."""
    if not isinstance(volgorde, str):
        return volgorde
    return F(volgorde[1:]).desc() if volgorde.startswith("-") else F(volgorde).asc()


def _stukken(delen: dict, limit: int) -> list:
    """Each list of ``delen`` as a slice of rows: (list name, row number, *columns)."""
    stukken = []
    for soort, (qs, kolommen) in delen.items():
        alle = {
            "lijst": Value(soort, output_field=models.CharField()),
            "volgorde": Window(RowNumber(), order_by=list(qs.query.order_by)),
            **{f"kolom_{k}": F(v) if isinstance(v, str) else v for k, v in kolommen.items()},
        }
        namen = [f"lijsten_{k}" for k in alle]
        stukken.append(
            qs.annotate(**{f"lijsten_{k}": v for k, v in alle.items()}).values_list(*namen)[:limit]
        )
    return stukken


def _indelen(rijen, soorten, sleutels) -> dict[str, list[SimpleNamespace]]:
    uit = {soort: [] for soort in soorten}
    for soort, _volgorde, *waarden in sorted(rijen, key=lambda r: (r[0], r[1])):
        uit[soort].append(SimpleNamespace(**dict(zip(sleutels, waarden, strict=True))))
    return uit


def rijen_lezen(delen: dict, limit: int) -> dict[str, list[SimpleNamespace]]:
    """Several short lists from different tables in ONE query (issue 14): a UNION ALL of the
    slices. ``delen`` maps a list's name to (queryset, columns): each queryset with its own scope,
    filter and order, the columns {name: field path or expression} the same names (and types) for
    every list. Each row comes back as an object with those attributes, in the list's own order
    (a row number over the queryset's ORDER BY; a UNION does not keep it). On SQLite (the quick
    start), which refuses a LIMIT inside a UNION, one query per list."""
    stukken = _stukken(delen, limit)
    if len(stukken) > 1 and connection.features.supports_slicing_ordering_in_compound:
        rijen = list(stukken[0].union(*stukken[1:], all=True))
    else:
        rijen = [rij for stuk in stukken for rij in stuk]
    return _indelen(rijen, list(delen), _sleutels(delen))


def _sleutels(delen: dict) -> list[str]:
    sleutels = {tuple(kolommen) for _qs, kolommen in delen.values()}
    if len(sleutels) != 1:
        raise ValueError("wmo.lijsten: every list needs the same column names")
    return list(sleutels.pop())


class KeptRijen:
    """``rijen_lezen`` of the lists that ``bouw(user, **waarden)`` makes, with the UNION's SQL kept
    per shape (wmo.sjabloon): the lists are built and compiled once per shape, not per request.
    Their names and columns must not depend on the user or the values (checked when built)."""

    def __init__(self, bouw, limit: int, afhankelijk=(), *, voorbereid: bool = False):
        from .sjabloon import Sjabloon

        self.bouw, self.limit = bouw, limit
        self._vorm: tuple | None = None  # (list names, column names), from the first build
        self.sjabloon = Sjabloon(self._unie, afhankelijk, voorbereid=voorbereid)
        self.sjabloon.naam = f"{bouw.__module__}.{bouw.__qualname__}"

    def _delen(self, user, **waarden) -> dict:
        delen = self.bouw(user, **waarden)
        vorm = (tuple(delen), tuple(_sleutels(delen)))
        if self._vorm not in (None, vorm):
            raise ValueError(f"{self.sjabloon.naam}: the lists' names or columns changed")
        self._vorm = vorm
        return delen

    def _unie(self, user, **waarden):
        stukken = _stukken(self._delen(user, **waarden), self.limit)
        return stukken[0].union(*stukken[1:], all=True) if len(stukken) > 1 else stukken[0]

    def lezen(self, user, **waarden) -> dict[str, list[SimpleNamespace]]:
        if not connection.features.supports_slicing_ordering_in_compound:
            return rijen_lezen(self._delen(user, **waarden), self.limit)
        rijen = self.sjabloon.rijen(user, **waarden)
        soorten, sleutels = self._vorm
        return _indelen(rijen, soorten, sleutels)
