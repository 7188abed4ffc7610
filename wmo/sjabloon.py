"""A list's SQL compiled once per shape and reused with each request's values (issue 14).

Building and compiling the QuerySet of a page's list (scope, filters, deadline states, a UNION of
sections) costs several ms of CPU per query at every request, while the database runs it in well
under that. A ``Sjabloon`` (template) builds its query once per *shape* with stand-in values,
learns which SQL parameter is which value, and from then on fills each request's own values into
the kept SQL.

How it stays correct (health data: a wrong parameter would show another team's dossiers):

- The builder gets the request's values only through its arguments: the user, as a stand-in
  ``Medewerker`` whose pk, team, organisation and gemeenten are sentinels (its roles and the kind
  of organisation are the real ones), and named values (numbers, dates, strings, tuples of them).
  Anything else it reads of the user is the stand-in's empty default, the same for every user.
- It builds the query twice, with two different sets of sentinels. Every parameter must then be
  the sentinel of the same value in both, or the same constant in both, and the SQL text must be
  the same. A value derived from an input (a date plus a week), the clock, or an input written
  into the SQL text itself fails that, and the shape is not kept: the query is built and compiled
  every time, as without a Sjabloon.
- Building may not query the database (a value read there could change later): not kept either.
- The shape holds what changes the SQL's structure: the user's roles, kind of organisation,
  whether it has a team and organisation, how many gemeenten; each value's type (and length);
  None, booleans and falsy values ("", 0) as they are, so a builder may branch on an input's
  truth (any other branch on a value is what the check below catches); the caller's ``vorm`` (e.g. page numbers, which Django writes
  into the SQL as LIMIT/OFFSET); and the day, so a constant derived from "today" is kept one day.
- With ``settings.SQL_SJABLOON_CONTROLE`` (on in the tests) every reuse is compared with the
  query built for the real values, and a difference raises: the whole test suite checks it.

Only on PostgreSQL; on SQLite (the quick start) the query is built every time.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

_ONGESCHIKT = object()  # a shape whose query cannot be kept (see the module's docstring)
_MAX_VORMEN = 256


class _DatabaseGelezen(Exception):
    pass


class SjabloonVerschil(AssertionError):
    """The kept SQL differs from the query built for the real values (SQL_SJABLOON_CONTROLE)."""


class Sjabloon:
    """``Sjabloon(bouw)``: ``bouw(user, *vorm, **waarden)`` returns the QuerySet (values_list, or
    a UNION of them); ``rijen(user, *vorm, **waarden)`` returns its rows as tuples, kept or not.

    ``afhankelijk``: functions of no arguments whose (hashable) results the builder depends on
    besides its arguments, such as ``wmo.models.gelijkgestelde_dagen`` for the deadline states:
    their results are part of the shape, asked before building (then read from their own memory
    within the request, not from the database). Use the decorator ``sjabloon(*afhankelijk)``."""

    def __init__(
        self,
        bouw: Callable[..., QuerySet],
        afhankelijk: tuple[Callable[[], object], ...] = (),
        *,
        voorbereid: bool = False,
    ):
        self.bouw = bouw
        self.afhankelijk = afhankelijk
        self.voorbereid = voorbereid
        self.naam = f"{bouw.__module__}.{bouw.__qualname__}"
        self._vormen: dict[tuple, object] = {}

    def __repr__(self):
        return f"<Sjabloon {self.naam}>"

    def rijen(self, user, *vorm, **waarden) -> list[tuple]:
        gevuld = None
        if connections["default"].vendor == "postgresql":
            gevuld = self._gevuld(user, vorm, waarden)
        voorbereid = False
        if gevuld is None:  # built for these values, read the same way
            try:
                sql, params, converters = _compileren(self.bouw(user, *vorm, **waarden))
            except EmptyResultSet:
                return []
        else:
            sql, params, converters = gevuld
            voorbereid = self.voorbereid and settings.SQL_SJABLOON_VOORBEREIDEN
        verbinding = connections["default"]
        with verbinding.cursor() as cursor:
            rijen = _voorbereid_lezen(cursor, sql, params) if voorbereid else _lezen(cursor, sql, params)
        if converters:  # as the ORM applies them (none for these columns on PostgreSQL today)
            rijen = [list(r) for r in rijen]
            for rij in rijen:
                for positie, (functies, expressie) in converters.items():
                    for functie in functies:
                        rij[positie] = functie(rij[positie], expressie, verbinding)
            rijen = [tuple(r) for r in rijen]
        return rijen

    # -- the kept SQL ---------------------------------------------------------------------------

    def _gevuld(self, user, vorm: tuple, waarden: dict):
        """(sql, params, converters) of the kept shape with the real values; None when
        the shape cannot be kept."""
        try:
            sleutel, invoer = _vorm_en_invoer(user, vorm, waarden)
        except TypeError:
            return None
        sleutel += tuple(f() for f in self.afhankelijk)
        plan = self._vormen.get(sleutel)
        if plan is None:
            plan = self._leren(user, vorm, waarden)
            if len(self._vormen) >= _MAX_VORMEN:
                self._vormen.clear()
            self._vormen[sleutel] = plan
        if plan is _ONGESCHIKT:
            return None
        sql, posities, converters = plan
        params = [invoer[naam] if naam is not None else constante for naam, constante in posities]
        if getattr(settings, "SQL_SJABLOON_CONTROLE", False):
            echt_sql, echt_params = self.bouw(user, *vorm, **waarden).query.get_compiler("default").as_sql()
            if (echt_sql, list(echt_params)) != (sql, params):
                raise SjabloonVerschil(
                    f"{self.naam}: kept SQL differs from the real query\n{sql}\n{params}\n"
                    f"--- real:\n{echt_sql}\n{list(echt_params)}"
                )
        return sql, params, converters

    def _leren(self, user, vorm: tuple, waarden: dict):
        """Build twice with different sentinels; the SQL and which parameter is which value."""
        gecompileerd = []
        sets = [_sentinels(user, waarden, s) for s in (0, 1)]
        namen_per_set = [namen for _, _, namen in sets]
        try:
            with connections["default"].execute_wrapper(_geen_query):
                for plaats_user, plaats_waarden, _namen in sets:
                    gecompileerd.append(_compileren(self.bouw(plaats_user, *vorm, **plaats_waarden)))
        except (_DatabaseGelezen, EmptyResultSet):
            return _ONGESCHIKT
        (sql_a, params_a, converters), (sql_b, params_b, _) = gecompileerd
        if sql_a != sql_b or len(params_a) != len(params_b):
            return _ONGESCHIKT
        posities = []
        for pa, pb in zip(params_a, params_b, strict=True):
            try:
                na, nb = namen_per_set[0].get(pa), namen_per_set[1].get(pb)
            except TypeError:  # an unhashable parameter (a list): not a value of ours
                return _ONGESCHIKT
            if na is not None or nb is not None:
                if na != nb or type(pa) is not type(pb):
                    return _ONGESCHIKT
                posities.append((na, None))
            elif type(pa) is type(pb) and pa == pb:
                posities.append((None, pa))
            else:
                return _ONGESCHIKT
        return sql_a, posities, converters


def sjabloon(
    *afhankelijk: Callable[[], object], voorbereid: bool = False
) -> Callable[[Callable[..., QuerySet]], Sjabloon]:
    """Decorator: ``@sjabloon(gelijkgestelde_dagen)`` above a builder makes it a ``Sjabloon``.

    ``voorbereid``: the kept SQL runs as a prepared statement on the connection (PostgreSQL
    plans it for its first executions and then keeps a generic plan when that costs no more), so
    the planning is saved as well. Only for small lists whose best plan does not depend on the
    values, such as the lists of one consulent: planning their joins cost 1.3-2.4 ms of a
    0.1-0.7 ms query (issue 14: iWmo lists 2.6 -> 0.2 ms, BRP signals 2.0 -> 0.2 ms; the
    vervolgafspraken 2.0 -> 0.5 ms over 20 users, not for the busiest consulent's 100 rows,
    which cost their reading). Not for a team's lists, where a generic plan was slower for
    the largest team. Off with settings.SQL_SJABLOON_VOORBEREIDEN (behind a pooler in
    transaction mode, which does not keep prepared statements per client)."""
    return lambda bouw: Sjabloon(bouw, afhankelijk, voorbereid=voorbereid)


def _lezen(cursor, sql: str, params: list) -> list[tuple]:
    cursor.execute(sql, params)
    return cursor.fetchall()


def _voorbereid_lezen(cursor, sql: str, params: list) -> list[tuple]:
    """``_lezen`` as a prepared statement (psycopg, server-side parameters). The query goes
    through Django's cursor as any other (counted, logged, through every execute wrapper); only
    the innermost step runs it on a psycopg cursor that prepares it."""
    import psycopg

    uit: dict = {}

    def uitvoeren(execute, sql, params, many, context):
        with psycopg.Cursor(context["connection"].connection) as c:
            c.execute(sql, params, prepare=True)
            uit["rijen"] = c.fetchall()
        if context["connection"].queries_logged:
            # Django's query log (DEBUG, the tests' query checks) reads the statement from the
            # cursor that would have run it: give it the statement with its values, composed as
            # psycopg's ClientCursor composes it (mogrify).
            django_cursor = context["cursor"].cursor
            django_cursor._query = SimpleNamespace(query=django_cursor.mogrify(sql, params).encode())

    with cursor.db.execute_wrapper(uitvoeren):
        cursor.execute(sql, params)
    return uit["rijen"]


def _compileren(qs: QuerySet) -> tuple[str, list, dict]:
    """The QuerySet's SQL, parameters and the converters the ORM applies to its columns. Rows
    are read as tuples, whatever kind of values_list (flat, named) it is."""
    if qs.db != "default":
        raise ValueError("wmo.sjabloon reads the default database only")
    compiler = qs.query.get_compiler("default")
    sql, params = compiler.as_sql()
    kolommen = [expressie for expressie, _sql, _alias in compiler.select[: compiler.col_count]]
    return sql, list(params), compiler.get_converters(kolommen)


def _geen_query(execute, sql, params, many, context):
    raise _DatabaseGelezen(sql)


# -- values, stand-ins and sentinels ------------------------------------------------------------


def _platte_waarden(user, waarden: dict) -> dict:
    """The request's values by name, flat: the user's, then each named value (a tuple per item)."""
    plat = {
        "user.pk": user.pk,
        "user.team_id": user.team_id,
        "user.organisatie_id": user.organisatie_id,
    }
    for k, g in enumerate(user.gemeente_ids):
        plat[f"user.gemeente_ids[{k}]"] = g
    for naam, waarde in waarden.items():
        if isinstance(waarde, tuple | list):
            for k, w in enumerate(waarde):
                plat[f"{naam}[{k}]"] = w
        else:
            plat[naam] = waarde
    return plat


def _vast(waarde) -> bool:
    """A value that is part of the shape itself, not stood in for: None, a bool, and every falsy
    value (0, "", an empty tuple), as a builder may branch on an input's truth."""
    return waarde is None or isinstance(waarde, bool) or not waarde


def _soort(waarde) -> object:
    """What of a value belongs to the shape: its type (and length); a ``_vast`` value itself.
    TypeError for a value a sentinel cannot stand in for."""
    if _vast(waarde):
        return waarde
    if isinstance(waarde, datetime):
        raise TypeError("a datetime is not kept (a sentinel for it could collide with the clock)")
    if isinstance(waarde, int | str | date):
        return type(waarde).__name__
    if isinstance(waarde, tuple | list):
        return tuple(_soort(w) for w in waarde)
    raise TypeError(f"no sentinel for {type(waarde).__name__}")


def _vorm_en_invoer(user, vorm: tuple, waarden: dict) -> tuple[tuple, dict]:
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        raise TypeError("only a logged-in medewerker")
    organisatie = user.organisatie if user.organisatie_id else None
    sleutel = (
        timezone.localdate(),
        user.rollen,
        organisatie.soort if organisatie else None,
        user.team_id is None,
        user.is_active,
        len(user.gemeente_ids),
        vorm,
        tuple((naam, _soort(w)) for naam, w in sorted(waarden.items())),
    )
    plat = _platte_waarden(user, waarden)
    return sleutel, {naam: w for naam, w in plat.items() if not _vast(w)}


def _sentinel(waarde, s: int, k: int):
    """Sentinel number k of set s, of the type of ``waarde``: values no real row or constant has."""
    if isinstance(waarde, int):
        return 1_900_000_000 + s * 100_000 + k
    if isinstance(waarde, date):
        return date(1901, 1, 1) + timedelta(days=s * 1_000 + k)
    return f"\u2063sjabloon-{s}-{k}\u2063"  # invisible separators around it: no real text


def _sentinels(user, waarden: dict, s: int):
    """The stand-in user and values of set ``s``, and {sentinel: name}."""
    from wmo.models import Medewerker, Organisatie

    namen: dict = {}
    teller = iter(range(10_000))

    def plaats(naam, waarde):
        if _vast(waarde):
            return waarde
        sentinel = _sentinel(waarde, s, next(teller))
        namen[sentinel] = naam
        return sentinel

    plaats_user = Medewerker(
        pk=plaats("user.pk", user.pk),
        team_id=plaats("user.team_id", user.team_id),
        organisatie_id=plaats("user.organisatie_id", user.organisatie_id),
        is_active=user.is_active,
    )
    plaats_user.__dict__["rollen"] = user.rollen
    plaats_user.__dict__["gemeente_ids"] = tuple(
        plaats(f"user.gemeente_ids[{k}]", g) for k, g in enumerate(user.gemeente_ids)
    )
    if user.organisatie_id:
        Medewerker.organisatie.field.set_cached_value(
            plaats_user, Organisatie(pk=plaats_user.organisatie_id, soort=user.organisatie.soort)
        )
    plaats_waarden = {}
    for naam, waarde in waarden.items():
        if isinstance(waarde, tuple | list) and waarde:
            plaats_waarden[naam] = type(waarde)(plaats(f"{naam}[{k}]", w) for k, w in enumerate(waarde))
        else:
            plaats_waarden[naam] = plaats(naam, waarde)
    return plaats_user, plaats_waarden, namen
