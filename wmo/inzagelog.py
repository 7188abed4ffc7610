"""The access log's tamper evidence and retention: the hash chain, its verification, the purge.

What is logged and why (NEN 7513:2018, BIO 12.4.1): see ``wmo.models.Inzage``. Here lives how
the log protects itself (BIO 12.4.2, protection of log information):

- **Hash chain.** Every row stores ``sha256(previous row's hash + canonical serialisation of its
  own fields)``. The canonical serialisation is JSON with sorted keys, no spaces and the moment in
  UTC with microseconds; ``id`` and ``hash`` are not part of it (the chain's order is the id
  order). A changed row no longer matches its hash, and a removed row breaks the row after it.
  The first row chains on the genesis (64 zeros) or, after a purge, on the last removed hash.
- **One writer at a time.** A row needs the previous hash, so inserts are serialised: on
  PostgreSQL the database function ``wmo_inzagelog_kop()`` (migration 0008) takes the
  transaction-level advisory lock ``INZAGELOG_LOCK`` and then reads the last hash, in one round
  trip and with a fresh snapshot after the lock (a VOLATILE PL/pgSQL function takes a new
  snapshot per statement, so it sees a row another request committed while it waited). The
  lock is held until the transaction commits, so the ids follow the chain. Per page that is one
  lock query and one insert (a list is one bulk insert). On SQLite (``make run``) the database
  serialises writers itself.
- **Append-only.** ``Inzage.save()`` refuses an update and ``delete()`` refuses; on PostgreSQL a
  trigger refuses UPDATE and DELETE (TRUNCATE, a table owner's statement that Django's test runner
  uses to empty tables, is left to the database privileges and the recorded head). The only exception is the purge: it sets the
  transaction-local setting ``keukentafel.inzagelog_opschonen_tot`` to the last id it may
  remove, and the trigger lets DELETE through for rows up to that id, in that transaction only.
  Choice: this protects against mistakes and against the application's own database user going
  astray through the ORM; it is no barrier for a database superuser, who can disable triggers.
  Against that the chain gives evidence, and ``inzagelog_controleren`` prints the head (last id
  and hash) so an operator can record it outside the database (a syslog or ticket), which also
  reveals rows removed from the end.
- **Retention.** NEN 7513:2018 par. 8.5: at least 2 years, at most as long as the dossier it is
  about. The minister set 5 years as the minimum for zorgaanbieders (Besluit elektronische
  gegevensverwerking door zorgaanbieders art. 5 lid 2, Stcrt. 2019, 38007). The Wmo has no such
  rule; we follow the same 5 years by default (``INZAGELOG_BEWAARTERMIJN_JAREN``): long enough to
  answer an inwoner's AVG art. 15 question "who looked at my file" for the years that matter
  and to investigate an incident, and shorter than the Wmo dossier itself is kept, as AVG art. 5
  lid 1 onder e asks. ``inzagelog_opschonen`` verifies the chain first (evidence is never
  purged unverified), removes the rows past the term and anchors the chain (``InzageAnker``).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction

from .models import Inzage, InzageAnker

GENESIS = "0" * 64
# The key of the advisory lock that serialises writers of the chain (any fixed bigint; 7513 for NEN 7513).
INZAGELOG_LOCK = 75132018  # also in migration 0008 (wmo_inzagelog_kop)

# The fields that are hashed, in the row's own words. Never change this list or their rendering
# without migrating the chain: old rows would no longer verify.
VELDEN = (
    "tijdstip",
    "medewerker_id",
    "medewerker_naam",
    "organisatie_id",
    "organisatie_naam",
    "rollen",
    "inwoner_id",
    "object_type",
    "object_id",
    "actie",
    "wat",
    "ip_adres",
)

# The same fields by model field name, for QuerySet.only().
_ONLY = (
    "id",
    "hash",
    "tijdstip",
    "medewerker",
    "medewerker_naam",
    "organisatie",
    "organisatie_naam",
    "rollen",
)
_ONLY += ("inwoner", "object_type", "object_id", "actie", "wat", "ip_adres")


def _moment(waarde: datetime) -> str:
    return waarde.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(inzage: Inzage) -> str:
    """The row's fields as one canonical text (sorted keys, no spaces, UTC moment)."""
    velden = {veld: getattr(inzage, veld) for veld in VELDEN}
    velden["tijdstip"] = _moment(inzage.tijdstip)
    return json.dumps(velden, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def regel_hash(vorige: str, inzage: Inzage) -> str:
    return hashlib.sha256((vorige + canonical(inzage)).encode("utf-8")).hexdigest()


def _startpunt() -> tuple[int, str]:
    """(last purged id, its hash) of the newest anchor, or (0, genesis)."""
    anker = InzageAnker.objects.order_by("-tot_en_met_id").first()
    return (anker.tot_en_met_id, anker.hash) if anker else (0, GENESIS)


def _keten_kop() -> str:
    """The hash to chain on, with the writers' lock held until the transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT wmo_inzagelog_kop()")
            return cursor.fetchone()[0]
    laatste = Inzage.objects.order_by("-id").values_list("hash", flat=True).first()
    return laatste or _startpunt()[1]


def toevoegen(rijen: list[Inzage], *, tijdstip: datetime) -> list[Inzage]:
    """Chain and insert ``rijen`` (unsaved) in one insert; the moment is set under the lock."""
    if not rijen:
        return []
    # No savepoint inside a caller's transaction: a failed insert fails that transaction anyway,
    # and a page pays two queries (the lock with the head, the insert), not four.
    with transaction.atomic(savepoint=False):
        vorige = _keten_kop()
        for rij in rijen:
            rij.tijdstip = tijdstip
            rij.hash = regel_hash(vorige, rij)
            vorige = rij.hash
        return Inzage.objects.bulk_create(rijen)


def _json(waarde) -> str:
    return json.dumps(waarde, ensure_ascii=False)


def toevoegen_per_inwoner(velden: dict, inwoner_ids: list[int], *, tijdstip: datetime) -> int:
    """One row per inwoner of a list (``velden``: the other fields, the same for every row), chained
    and inserted like ``toevoegen`` without a model object per row: a werkvoorraad or dashboard
    logs hundreds of inwoners per page, and building, hashing and saving a model per row was a
    quarter of such a page's time (issue 14). The canonical text is the one ``canonical`` makes
    (a test holds them equal): every field but ``inwoner_id`` is serialised once, the row's own
    number is put in between; on PostgreSQL one INSERT … SELECT over unnest. Returns the number of rows written."""
    if not inwoner_ids:
        return 0
    waarden = {veld: velden.get(veld) for veld in VELDEN if veld not in ("tijdstip", "inwoner_id")}
    waarden["tijdstip"] = _moment(tijdstip)
    delen = sorted(waarden.items())
    voor = "{" + "".join(f"{_json(k)}:{_json(v)}," for k, v in delen if k < "inwoner_id") + '"inwoner_id":'
    na = "".join(f",{_json(k)}:{_json(v)}" for k, v in delen if k > "inwoner_id") + "}"
    kolommen = ["tijdstip", *(k for k in waarden if k != "tijdstip")]
    vast = [connection.ops.adapt_datetimefield_value(tijdstip), *(waarden[k] for k in kolommen[1:])]
    insert = f"INSERT INTO {Inzage._meta.db_table} ({', '.join(kolommen)}, inwoner_id, hash) "
    with transaction.atomic(savepoint=False):
        vorige = _keten_kop()
        hashes = []
        for pk in inwoner_ids:
            vorige = hashlib.sha256(f"{vorige}{voor}{int(pk)}{na}".encode()).hexdigest()
            hashes.append(vorige)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # one statement; ids in the chain's order
                cursor.execute(
                    f"{insert} SELECT {', '.join(['%s'] * len(kolommen))}, u.i, u.h "
                    "FROM unnest(%s::bigint[], %s::varchar[]) WITH ORDINALITY AS u(i, h, n) ORDER BY u.n",
                    [*vast, list(inwoner_ids), hashes],
                )
            else:
                cursor.executemany(
                    f"{insert} VALUES ({', '.join(['%s'] * (len(kolommen) + 2))})",
                    [(*vast, pk, h) for pk, h in zip(inwoner_ids, hashes, strict=True)],
                )
    return len(hashes)


@dataclass
class Controle:
    """The result of verifying the chain: rows checked, the first broken row, the head."""

    aantal: int
    fout_id: int | None
    fout: str
    kop_id: int | None
    kop_hash: str

    @property
    def in_orde(self) -> bool:
        return self.fout_id is None


def controleren() -> Controle:
    """Recompute the whole chain from the anchor (or genesis), in id order, a chunk at a time."""
    vanaf, vorige = _startpunt()
    aantal, kop_id = 0, None
    rijen = Inzage.objects.filter(id__gt=vanaf).order_by("id").only(*_ONLY)
    for rij in rijen.iterator(chunk_size=2000):
        verwacht = regel_hash(vorige, rij)
        if rij.hash != verwacht:
            uitleg = (
                "de inhoud van deze rij is gewijzigd, of een rij ervoor is verwijderd of gewijzigd"
                if aantal or vanaf
                else "de eerste rij past niet op het begin van de keten (gewijzigd, of rijen ervoor verwijderd)"
            )
            return Controle(aantal, rij.id, uitleg, kop_id, vorige)
        vorige, kop_id, aantal = rij.hash, rij.id, aantal + 1
    return Controle(aantal, None, "", kop_id, vorige)


def opschonen(*, bewaard_vanaf: datetime, tijdstip: datetime) -> InzageAnker | None:
    """Remove the rows written before ``bewaard_vanaf`` and anchor the chain on the last one.

    Refuses when the chain does not verify (the evidence stays). Rows are removed from the start
    of the chain only: up to the newest row older than ``bewaard_vanaf`` (ids follow the moment,
    which is set under the writers' lock).
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # no new rows while the chain is cut
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INZAGELOG_LOCK])
        controle = controleren()
        if not controle.in_orde:
            raise ValueError(f"De keten klopt niet vanaf rij {controle.fout_id}: er is niets verwijderd.")
        vanaf, _ = _startpunt()
        laatste = (
            Inzage.objects.filter(id__gt=vanaf, tijdstip__lt=bewaard_vanaf)
            .order_by("-id")
            .only("id", "hash")
            .first()
        )
        if laatste is None:
            return None
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT set_config('keukentafel.inzagelog_opschonen_tot', %s, true)", [str(laatste.id)]
                )
            cursor.execute(f"DELETE FROM {Inzage._meta.db_table} WHERE id <= %s", [laatste.id])
            aantal = cursor.rowcount
        return InzageAnker.objects.create(
            tot_en_met_id=laatste.id,
            hash=laatste.hash,
            aantal=aantal,
            bewaard_vanaf=bewaard_vanaf,
            tijdstip=tijdstip,
        )


def bewaren_vanaf(nu: datetime, jaren: int) -> datetime:
    """The moment ``jaren`` years before ``nu`` (29 February counts back to 28 February)."""
    try:
        return nu.replace(year=nu.year - jaren)
    except ValueError:
        return nu.replace(year=nu.year - jaren, day=28)
