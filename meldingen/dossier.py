"""The dossier's timeline: everything that happened to an inwoner's meldingen, in time order.

Built from the history tables (who did what, when, why), read in one UNION ALL query with
the names, and the letters sent: a fixed number of queries whatever the dossier's size.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import CharField, F, IntegerField, Q, Value

from .constants import MeldingStatus
from .models import Inwoner, Melding


@dataclass(frozen=True)
class Gebeurtenis:
    tijdstip: datetime
    wat: str
    door: str
    melding: Melding | None = None
    brief_id: int | None = None


def tijdlijn(inwoner: Inwoner, meldingen: list[Melding], brieven) -> list[Gebeurtenis]:
    per_id = {m.pk: m for m in meldingen}
    items: list[Gebeurtenis] = []
    stappen = _STAPPEN()
    for bron, datum, soort, reden, status, melding_id, voornaam, achternaam, gebruikersnaam in _historie(
        inwoner, per_id, stappen
    ):
        if bron == _MELDING:
            standaard = "Melding geregistreerd" if soort == "+" else f"Status: {MeldingStatus(status).label}"
        elif bron == _INWONER:
            standaard = "Inwoner geregistreerd" if soort == "+" else "Gegevens inwoner gewijzigd"
        else:
            standaard = stappen[bron - _STAP][2]
        # str(Medewerker): the full name, else the username; no user is the system.
        door = f"{voornaam or ''} {achternaam or ''}".strip() or gebruikersnaam or "systeem"
        items.append(Gebeurtenis(datum, reden or standaard, door, per_id.get(melding_id)))
    for b in brieven:
        items.append(
            Gebeurtenis(
                b.verstuurd_op,
                f"{'Kopie' if b.origineel_id else 'Brief'} verstuurd: {b.get_soort_display()}"
                f" aan {b.ontvanger_naam or inwoner.naam}"
                + (f" ({b.get_ontvanger_rol_display()})" if b.ontvanger_rol != "inwoner" else ""),
                _naam(b.verstuurd_door),
                b.melding,
                b.pk,
            )
        )
    # Stable: at the same moment a letter comes after the history, as the history comes in its order.
    items.sort(key=lambda g: g.tijdstip, reverse=True)
    return items


# Where a history row comes from; at the same moment the rows keep this order (melding first).
_MELDING, _INWONER, _STAP = 0, 1, 2


def _historie(inwoner: Inwoner, per_id: dict, stappen: list):
    """Every history row of the timeline in ONE query (issue 14): a UNION ALL over the history
    tables of the melding, the inwoner and the later steps, with the name of who did it, newest
    first. Rows: (bron, datum, soort, reden, status, melding_id, voornaam, achternaam, username).

    Of the later steps only creations and the changes that say what they were (a change reason)."""
    sql, params, converters = _sql_en_params(inwoner.pk, list(per_id), stappen)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    if converters:  # as the ORM applies them to values_list's rows
        rijen = [list(rij) for rij in rijen]
        for rij in rijen:
            for positie, (functies, expressie) in converters.items():
                for functie in functies:
                    rij[positie] = functie(rij[positie], expressie, connection)
    return [tuple(rij[:-1]) for rij in rijen]


# The compiled UNION per shape (the number of meldingen, the steps): building and compiling its
# seven annotated parts cost about 8 ms of CPU per dossier at 1M, running it well under one
# (issue 14). Compiled once with stand-in ids, whose places in the parameters then take the
# dossier's own ids; tests/meldingen/test_dossier.py holds the result equal to the ORM's own SQL
# and parameters for the real ids.
_GECOMPILEERD: dict[tuple, tuple[str, tuple]] = {}
_GECOMPILEERD_MAX = 64
# Stand-in ids: negative (no row has one) and within a 32-bit integer field (Django drops an
# out-of-range value from a lookup, which would change the SQL).
_PLAATSHOUDER = -2_000_000_000


def _sql_en_params(inwoner_id: int, melding_ids: list[int], stappen: list) -> tuple[str, list, dict]:
    """The UNION's SQL, its parameters and the converters of its columns (compiler.get_converters)."""
    sleutel = (len(melding_ids), tuple(model for model, _pad, _standaard in stappen))
    if (bewaard := _GECOMPILEERD.get(sleutel)) is not None:
        sql, sjabloon, converters = bewaard
        waarden = {_PLAATSHOUDER + i: w for i, w in enumerate([inwoner_id, *melding_ids])}
        # A stand-in keeps its parameter's type (the driver's Int8 or a plain int).
        params = [type(p)(waarden[p]) if isinstance(p, int) and p in waarden else p for p in sjabloon]
        return sql, params, converters
    plaatsen = [_PLAATSHOUDER + i for i in range(len(melding_ids) + 1)]
    unie = _unie(plaatsen[0], plaatsen[1:], stappen)
    compiler = unie.query.get_compiler(unie.db)
    sql, sjabloon = compiler.as_sql()
    if connection.vendor != "postgresql" or not set(plaatsen) <= set(sjabloon):
        # An id not passed as a parameter (checked, not assumed), or SQLite (the quick start):
        # the ORM's own SQL each time.
        unie = _unie(inwoner_id, melding_ids, stappen)
        compiler = unie.query.get_compiler(unie.db)
        sql, params = compiler.as_sql()
        return sql, list(params), compiler.get_converters(_kolommen(compiler))
    if len(_GECOMPILEERD) >= _GECOMPILEERD_MAX:
        _GECOMPILEERD.clear()
    _GECOMPILEERD[sleutel] = (sql, tuple(sjabloon), compiler.get_converters(_kolommen(compiler)))
    return _sql_en_params(inwoner_id, melding_ids, stappen)


def _kolommen(compiler) -> list:
    return [expressie for expressie, _sql, _alias in compiler.select[: compiler.col_count]]


def _unie(inwoner_id: int, melding_ids: list[int], stappen: list):
    """The timeline's UNION ALL as a QuerySet (see ``_historie``)."""
    tekst, getal = CharField(), IntegerField()

    def rijen(historie, bron: int, melding_id, status=None):
        # Prefixed names: an annotation may not share a name with a field of any of the models.
        kolommen = {
            "tl_bron": Value(bron, output_field=getal),
            "tl_datum": F("history_date"),
            "tl_soort": F("history_type"),
            "tl_reden": F("history_change_reason"),
            "tl_status": status if status is not None else Value(None, output_field=tekst),
            "tl_melding": melding_id,
            "tl_voornaam": F("history_user__first_name"),
            "tl_achternaam": F("history_user__last_name"),
            "tl_username": F("history_user__username"),
            "tl_volgnummer": F("history_id"),
        }
        return historie.annotate(**kolommen).values_list(*kolommen).order_by()

    delen = [
        rijen(Inwoner.history.filter(id=inwoner_id), _INWONER, Value(None, output_field=getal)),
    ]
    if melding_ids:
        delen.append(rijen(Melding.history.filter(id__in=melding_ids), _MELDING, F("id"), F("status")))
        toegelicht = Q(history_type="+") | Q(history_change_reason__gt="")  # a reason, not null nor ""
        for i, (model, melding_pad, _standaard) in enumerate(stappen):
            historie = model.history.filter(toegelicht, **{f"{melding_pad}__in": melding_ids})
            delen.append(rijen(historie, _STAP + i, F(melding_pad)))
    return delen[0].union(*delen[1:], all=True).order_by("-tl_datum", "tl_bron", "-tl_volgnummer")


def _STAPPEN():
    from django.apps import apps

    from aanvragen.models import Aanvraag, Beschikking, Bezwaar
    from gesprekken.models import Gesprek, Triage

    stappen = [
        (Gesprek, "melding_id", "Gesprek gepland"),
        (Triage, "melding_id", "Triage: verder zonder breed gesprek"),
        (Aanvraag, "melding_id", "Aanvraag geregistreerd"),
        (Beschikking, "aanvraag__melding_id", "Beschikking opgesteld"),
        (Bezwaar, "beschikking__aanvraag__melding_id", "Bezwaar ontvangen"),
    ]
    # iWmo (on top of the flow, so named by string, not imported): the toewijzing at the aanbieder
    # and the start and stop of the zorg it reported ("Zorg gestart door ... op 7 april 2026").
    if apps.is_installed("iwmo"):
        toewijzing = apps.get_model("iwmo", "Toewijzing")
        stappen.append(
            (toewijzing, "regel__beschikking__aanvraag__melding_id", "Toewijzing aan de aanbieder")
        )
    return stappen


def _naam(user) -> str:
    return str(user) if user else "systeem"
