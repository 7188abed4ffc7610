"""Reads of gesprekken for the pages of other steps: the melding page and the werkvoorraad."""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import F, QuerySet, Value, Window
from django.db.models.functions import Cast, RowNumber

from meldingen.models import Melding
from wmo.models import Brief

from .constants import AfspraakStatus
from .models import Gesprek, Onderzoek, Triage, Vervolgafspraak


def gesprekken_van_melding(melding, brieven=None) -> dict:
    """What the melding page shows of this step: gesprekken, triage, onderzoek and its versions.

    One query for the gesprekken when the melding was read with ``select_related("triage",
    "onderzoek")`` and ``brieven`` are the melding's letters read with
    ``select_related("verslagversie")`` (the melding page, issue 14); else up to four."""
    triage = _een(
        melding, "triage", lambda: Triage.objects.filter(melding=melding).select_related("besloten_door")
    )
    onderzoek = _een(
        melding,
        "onderzoek",
        lambda: Onderzoek.objects.filter(melding=melding).only("id", "melding_id", "gestart_op"),
    )
    if onderzoek is None:
        versies = []
    elif brieven is not None and all(Brief.verslagversie.is_cached(b) for b in brieven):
        # Every version is a letter of this melding (gesprekken.services.verslag_versturen).
        versies = [
            b.verslagversie
            for b in brieven
            if getattr(b, "verslagversie", None) is not None and b.verslagversie.onderzoek_id == onderzoek.pk
        ]
        versies.sort(key=lambda v: v.nummer, reverse=True)  # VerslagVersie.Meta.ordering
    else:
        versies = list(onderzoek.versies.select_related("brief").defer("brief__pdf"))
    return {
        "gesprekken": list(Gesprek.objects.filter(melding=melding).select_related("consulent")),
        "triage": triage,
        "onderzoek": onderzoek,
        "versies": versies,
    }


def _een(melding, naam: str, lezen):
    """The melding's one related ``naam`` (a reverse one-to-one): from the melding's own query
    when it joined it (None when there is none), else read with ``lezen()``."""
    if getattr(Melding, naam).is_cached(melding):
        return getattr(melding, naam, None)
    return lezen().first()


def open_vervolgafspraken_van(user, *, limit: int = 100) -> list[Vervolgafspraak]:
    """Open vervolgafspraken owned by the user, within the dossiers the user may see (one query)."""
    return list(
        Vervolgafspraak.objects.filter(
            eigenaar=user,
            status=AfspraakStatus.OPEN,
            onderzoek__melding__in=Melding.objects.zichtbaar_voor(user),
        )
        .select_related("onderzoek__melding__inwoner")
        .order_by("uiterlijk", "id")[:limit]
    )


@dataclass(frozen=True)
class Lijst:
    """One small list for ``lijsten_lezen``: its QuerySet (filter and order; the model's
    Meta.ordering when it has none), the fields left unread (as ``defer``) and the foreign keys
    read with it, each with the fields of it left unread (as ``select_related`` with ``defer``)."""

    qs: QuerySet
    zonder: tuple[str, ...] = ()
    met: dict[str, tuple[str, ...]] = field(default_factory=dict)


def lijsten_lezen(**lijsten: Lijst) -> dict[str, list]:
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
    uit: dict[str, list] = {naam: [] for naam in lijsten}
    lijst_namen = list(lijsten)
    db = stukken[0].db
    for rij in stukken[0].union(*stukken[1:], all=True).order_by("lijst_nr", "lijst_rij"):
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


def _orde(volgorde):
    """An ordering as order_by() takes it ("-nummer", "gepland_op" or an expression)."""
    if not isinstance(volgorde, str):
        return volgorde
    return F(volgorde[1:]).desc() if volgorde.startswith("-") else F(volgorde).asc()
