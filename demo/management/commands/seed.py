"""Fill PostgreSQL with a region's worth of dossiers, for benchmarks and load tests.

``manage.py seed --meldingen 1000000`` makes a region that looks like one:

- 30 gemeenten of skewed size (Zipf-like: one large city with about a quarter of the meldingen,
  then towns, then small villages); the city has its own execution organisation, the others share
  one per three neighbours. 400 consulenten over about 40 teams, team size following the work
  (the city's teams are large, a village team has a few consulenten), plus a teamleider and a
  loketmedewerker per team.
- inwoners with realistic name frequencies: a few hundred surnames with Zipf-like weights (de Jong
  and Jansen common, a long tail), a quarter of them with a voorvoegsel ("de", "van", "van der",
  "van den", "ter", "in 't" ...) stored in ``tussenvoegsel`` as the BRP does, and first names of
  the generations that use the Wmo most.
- meldingen over ten years, weighted to recent years (a growing caseload), at every stage: open
  ones on every clock, meldingen ended without aanvraag, onderzoeken (a gesprek or two, the
  resultaatgebied at stake, vervolgafspraken while open) with a verslag sent as a letter,
  aanvragen with opschortingen (Awb 4:15, counted in the beslistermijn), ingebrekestellingen,
  beschikkingen (granted, partly granted, refused) with their letter and running bezwaar clocks.
- letters (wmo.Brief): an ontvangstbevestiging per melding, a verslag and a beschikking where
  they were sent. The PDF bytes are ONE small shared placeholder (a valid one-page PDF without
  text), not a rendered letter: rendering a million letters would take hours, and no page reads
  the bytes except the download itself. Its SHA-256 is the placeholder's.
- history rows (django-simple-history): a "+" row for every seeded row of every model with a
  history, at the moment it was made, and a "~" row for every melding that moved on.

Deadlines come from the deadline engine (wmo.termijnen), the first dwangsom day from its rule
(wmo.regels.dwangsom), suspensions through wmo.regels.opschorting: the engine is asked once per
distinct input (a date received, a suspension, a date of bekendmaking) and its answers are
joined in (Command._engine_tabel), so no rule is written a second time in SQL. The columns
``team``/``gemeente``/``consulent`` on Aanvraag, Beschikking and Gesprek (meldingen.kopie) are
the melding's, set in the same statement that makes the row.

Speed and memory: the dossiers are made in PostgreSQL, set-based: INSERT ... SELECT over
generate_series and one staging table (seed_m, a row per melding with its stage, dates, random
draws and the dense ids of the rows under it), random() seeded by --zaad. No dossier row passes
through Python, so the command's memory stays flat (about 80 MB at any size). Before the load
the foreign keys and secondary indexes of the tables it fills are dropped, after it they are
recreated in one pass each (an index build and one anti-join per foreign key) and everything
is ANALYZEd: with the foreign keys in place PostgreSQL would queue one deferred check per row
until COMMIT (that queue once cost most of the time and over a gigabyte at 1M). The dossiers
load in one transaction: a failure leaves the database as it was. From the command line the
rest then runs over --werkers connections (2: both cores; ``terugzetten``): the history load
(one transaction) on one while the others build the dossier tables' indexes, the foreign keys
added NOT VALID and then VALIDATEd, every table ANALYZEd, the largest first, never a statement
that would wait for another's lock. Inside a transaction (the tests) all of it stays in that
one. The seed's sessions SET what a bulk load wants (LAAD_INSTELLINGEN, HERBOUW_INSTELLINGEN:
temp_buffers and work_mem for the staging tables, maintenance_work_mem for the builds, WAL
compression, no synchronous commit); the server's configuration is not touched. ``--profiel``
prints the time of every statement, the slowest first (see benchmarks/resultaten.md).

Measured and left out (200,000 meldingen): loading UNLOGGED and then SET LOGGED costs more than
it saves (the rewrite writes the table and its WAL again: wmo_brief 1.8 + 3.7 s against 3.5 s
logged), and a foreign key that is not VALIDATEd would leave the catalogue saying so.

The load marks the management-information summary "count everything" (teamleider.samenvatting):
until ``manage.py mi_herberekenen`` or the task mi_bijwerken has counted it, MI counts directly.
The summary is not counted here: at 1M that takes far longer than the load (benchmarks/bench.py
runs it as a step of its own and reports its time).

Not a test fixture: the rows skip the services (no full_clean) for speed, but they satisfy every
database constraint. Every seed user has the password given by --wachtwoord.
"""

import hashlib
import random
import sys
import threading
import time
from bisect import bisect
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, connections, models, transaction
from django.utils import timezone

from aanvragen.constants import (
    BeschikkingStatus,
    Frequentie,
    Grondslag,
    Leveringsvorm,
    OpschortingReden,
    Uitkomst,
)
from aanvragen.models import (
    AangevraagdeVoorziening,
    Aanvraag,
    Beschikking,
    BeschikkingRegel,
    Opschorting,
)
from gesprekken.constants import AfspraakStatus, GesprekStatus, Plaats, VerslagReactie
from gesprekken.models import Gesprek, Onderzoek, ResultaatOnderzoek, VerslagVersie, Vervolgafspraak
from meldingen.constants import Afsluitreden, Kanaal, MeldingStatus
from meldingen.models import Inwoner, Melding
from teamleider import samenvatting
from wmo import termijnen
from wmo.constants import BriefSoort, OrganisatieSoort, Rol, VoorzieningSoort
from wmo.models import Brief, Gemeente, Medewerker, Organisatie, Team, Voorziening, gelijkgestelde_dagen
from wmo.regels import dwangsom, opschorting
from wmo.regels.vertegenwoordiging import OntvangerRol
from wmo.rollen import rollen_instellen

MARKER = "S001"  # cbs_code of the first seed gemeente: present means "already seeded"
LOOKUP = 8192  # slots of a lookup array for a skewed choice in SQL (see opzoek)

# A valid one-page PDF without text: the shared placeholder for every seeded letter.
PLACEHOLDER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PLACEHOLDER_SHA256 = hashlib.sha256(PLACEHOLDER_PDF).hexdigest()

# Surnames roughly in the order of the CBS frequency list, with voorvoegsels as the BRP stores
# them (lower case before the name), and names of families that came in the last sixty years.
ACHTERNAMEN = """
de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|
de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|
van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|
van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems|van Vliet|van de Ven|
Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters|de Jonge|Kuipers|
van Veen|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten|van Wijk|Postma|Martens|Vink|
de Ruiter|Timmermans|Groen|Gerritsen|Jonker|van Loon|Boer|van der Velde|Willemsen|Smeets|
de Lange|de Vos|Bosch|van Dongen|Schipper|de Koning|van der Laan|Koning|van der Velden|Driessen|
van Doorn|Hermans|Evers|van den Bosch|van der Meulen|Hofman|Bosman|Wolters|Sanders|
van der Horst|Mol|Kuijpers|Molenaar|van de Pol|de Leeuw|Verbeek|Brink|Lammers|Claassen|Dam|
van Rijn|Verschuren|de Kok|Kooistra|van Es|Wouters|van Wijngaarden|Boersma|van der Zee|
Meijers|Bijl|Hoogendoorn|Verhagen|Geerts|van Vliet|Heijnen|van Beek|Mertens|Bakkers|
van der Berg|de Wilde|van Rooij|Wijnen|Franken|Nijhuis|van Os|Kuijper|Stam|Rutten|Aarts|
van Gils|Hoogland|Zwart|Goossens|van Zanten|ter Horst|te Velde|van 't Hof|in 't Veld|
van der Ploeg|van der Wijk|Pronk|Hoekman|de Bakker|Dijkman|Verweij|Spijker|van Kampen|
van Hout|Schuurman|Veldhuis|Bruijn|Koopman|Tromp|van Ginkel|ten Hove|ten Brink|op den Kamp|
van Zuilen|Vonk|Wuyts|Nieuwenhuis|Bouwman|van Hees|de Rooij|Boon|van Eijk|Kroon|Huijbregts|
van Schaik|Hartman|Oosterhuis|van Duijn|Smink|Arts|Slot|van Noort|Hamers|Brands|Meulenbelt|
Baas|Jaspers|van der Steen|Bouma|Terpstra|Kloosterman|Zijlstra|Wiersma|Hoekstra|Bakhuis|
de Korte|Kramers|Lubbers|van Straaten|Fransen|van Eck|Jongman|Ros|van den Akker|de Waal|
van Berkel|Nijland|Vogel|Reinders|van Dalen|Damen|Sluiter|van der Kolk|Gijsbers|Ooms|
uit den Bogaard|van den Hoek|Rietveld|Brinkman|Buitenhuis|van de Water|Haverkamp|Hulshof|
Yilmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Arslan|Doğan|El Amrani|Benali|Bouzid|
Ait Taleb|El Idrissi|Boukhari|Haddou|Ouali|Nguyen|Tran|Pinas|Sanches|Martina|Rosario|
Wong|Chen|Li|Kowalski|Nowak|Lewandowski|Ramdin|Ramkisoen|Jagesar|Mahabier|Sewnath|Kartosen
""".replace("\n", "").split("|")
VOORNAMEN = """
Johannes|Maria|Cornelis|Johanna|Hendrik|Anna|Jan|Hendrika|Pieter|Wilhelmina|Willem|Elisabeth|
Gerrit|Cornelia|Jacobus|Geertruida|Adrianus|Catharina|Theodorus|Margaretha|Petrus|Petronella|
Antonius|Adriana|Gerardus|Jacoba|Dirk|Aaltje|Klaas|Grietje|Henk|Truus|Bep|Kees|Joke|Riet|
Ans|Gerard|Wim|Annie|Piet|Toos|Jannie|Nel|Mies|Sjaak|Ton|Marijke|Ineke|Hans|Ria|Els|Ingrid|
Karin|Petra|Mohamed|Fatima|Ahmed|Khadija|Mustafa|Ayşe|Hatice|Rachid|Aicha|Mehmet|Emine|
Anton|Lotte|Sanne|Daan|Noor|Thijs|Bram|Fenna|Jeroen|Sandra|Monique|Marco|Wendy|Sjoerd
""".replace("\n", "").split("|")
# Place names: stem + ending, unique, so the region reads like one.
PLAATS_STAM = (
    "Zee Molen Linden Eiken Heide Water Zand Kerk Brug Vliet Dijk Bos Ven Hoorn Riet Meer Kolk Holt".split()
)
PLAATS_EINDE = "dam wijk veen horst broek dorp hoven zijl woude rade beek berg hem lo sloot".split()
STRATEN = (
    "Dorpsstraat Kerkweg Molenlaan Schoolstraat Stationsweg Julianalaan Beatrixstraat Lindenlaan "
    "Kastanjelaan Wilhelminastraat Nieuwstraat Raadhuisplein Parallelweg Vijverlaan Prinses Irenestraat"
).split()
HULPVRAGEN = (
    ("Ik kan mijn huis niet meer schoonhouden.", 1),
    ("Mijn huis is niet meer geschikt sinds ik in een rolstoel zit.", 2),
    ("Boodschappen doen lukt niet meer sinds mijn val.", 3),
    ("Ik kan niet meer veilig douchen.", 2),
    ("Ik kom de deur niet meer uit en zie bijna niemand.", 8),
    ("Mijn man zorgt voor mij, maar hij kan het niet meer aan.", 1),
    ("Ik kan niet meer zelf naar de dagbesteding.", 7),
    ("Ik kom niet meer zelf de trap op.", 6),
)
MAATWERK = [
    ("Hulp bij het huishouden", "01", "uur"),
    ("Begeleiding individueel", "02", "uur"),
    ("Rolstoel (handbewogen)", "11", "stuk"),
    ("Scootmobiel", "12", "stuk"),
    ("Woningaanpassing (traplift, badkamer)", "13", "stuk"),
]
# The city's share: gemeente i (from 1) weighs 1 / i**GEMEENTE_SKEW.
GEMEENTE_SKEW = 1.1
# Surnames and first names: rank r weighs 1 / r**NAAM_SKEW. With ~300 surnames 0.5 gives the most
# common one about 3 % (the CBS list has de Jong at 0.5 % of a far longer tail).
NAAM_SKEW = 0.5
TEAM_SKEW = 0.6  # within one organisation, team j (from 1) weighs 1 / j**TEAM_SKEW
TEAMGROOTTE = 10  # consulenten per team, on average


def zipf_gewichten(n: int, skew: float) -> list[float]:
    """Cumulative Zipf-like weights for ranks 1..n (for ``bisect``)."""
    return list(accumulate(1 / (r**skew) for r in range(1, n + 1)))


def kies(rnd: random.Random, cum: list[float]) -> int:
    """An index drawn with the cumulative weights ``cum``."""
    return bisect(cum, rnd.random() * cum[-1])


def splits_naam(volledig: str) -> tuple[str, str]:
    """'van der Meer' -> ('van der', 'Meer'): lower-case leading words are the voorvoegsel."""
    woorden = volledig.split(" ")
    i = 0
    while i < len(woorden) - 1 and (woorden[i][:1].islower() or woorden[i] == "'t"):
        i += 1
    return " ".join(woorden[:i]), " ".join(woorden[i:])


def opzoek(cum: list[float], slots: int = LOOKUP) -> list[int]:
    """A skewed choice as an array for SQL: slot s holds the index whose cumulative weight covers
    (s + 0.5) / slots of the total, so ``arr[1 + floor(random() * slots)]`` draws with the weights
    ``cum`` (to 1 / slots; a rank lighter than that may not occur)."""
    return [min(bisect(cum, (s + 0.5) / slots * cum[-1]), len(cum) - 1) for s in range(slots)]


# The stage of a melding received ``leeftijd`` days ago (SQL over seed_m1 as m): young ones open
# on every clock, older ones ended, with or without aanvraag.
STATUS_SQL = """CASE
    WHEN m.leeftijd < 14 THEN CASE WHEN m.r_status < 0.6 THEN %(st_ontvangen)s
        WHEN m.r_status < 0.95 THEN %(st_in_onderzoek)s ELSE %(st_afgesloten)s END
    WHEN m.leeftijd < 60 THEN CASE WHEN m.r_status < 0.1 THEN %(st_ontvangen)s
        WHEN m.r_status < 0.45 THEN %(st_in_onderzoek)s WHEN m.r_status < 0.6 THEN %(st_verslag_verstuurd)s
        WHEN m.r_status < 0.8 THEN %(st_aanvraag_ontvangen)s WHEN m.r_status < 0.9 THEN %(st_afgesloten)s
        ELSE %(st_besloten)s END
    WHEN m.leeftijd < 120 THEN CASE WHEN m.r_status < 0.02 THEN %(st_in_onderzoek)s
        WHEN m.r_status < 0.06 THEN %(st_aanvraag_ontvangen)s WHEN m.r_status < 0.4 THEN %(st_afgesloten)s
        ELSE %(st_besloten)s END
    ELSE CASE WHEN m.r_status < 0.35 THEN %(st_afgesloten)s ELSE %(st_besloten)s END
END"""
# An aanvraag follows the verslag of an onderzoek (columns of seed_m2, unqualified).
HEEFT_AANVRAAG = (
    "(status IN (%(st_aanvraag_ontvangen)s, %(st_besloten)s) AND consulent_id IS NOT NULL "
    "AND afgerond IS NOT NULL)"
)


class Progress:
    """A progress bar on stderr: no dependency, one line, rewritten in place."""

    def __init__(self, label: str, total: int, out=sys.stderr, quiet=False):
        self.label, self.total, self.out, self.quiet = label, max(total, 1), out, quiet
        self.n, self.start, self.last = 0, time.monotonic(), 0.0

    def step(self, n: int = 1):
        self.n += n
        now = time.monotonic()
        if not self.quiet and (now - self.last > 0.5 or self.n >= self.total):
            self.last = now
            part = min(self.n / self.total, 1)
            bar = "#" * int(part * 30)
            self.out.write(
                f"\r{self.label:<24} [{bar:<30}] {self.n:>9}/{self.total} {part:6.1%} {now - self.start:6.1f}s"
            )
            self.out.flush()

    def done(self):
        if not self.quiet:
            self.out.write("\n")


@cache
def _kolommen(model) -> tuple[str, list[str], dict]:
    """The column list (for INSERT), the attnames in that order and each field's value when not given."""
    velden = list(model._meta.concrete_fields)
    defaults = {}
    for f in velden:
        if f.has_default():
            defaults[f.attname] = f.get_default()
        elif f.null:
            defaults[f.attname] = None
        else:
            defaults[f.attname] = "" if isinstance(f, models.CharField | models.TextField) else None
    kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden)
    return kolommen, [f.attname for f in velden], defaults


def heeft_veld(model, naam: str) -> bool:
    return any(f.name == naam for f in model._meta.concrete_fields)


def _next_id(model) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def _update_sequence(*modellen):
    with connection.cursor() as c:
        for model in modellen:
            tabel = model._meta.db_table
            c.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT COALESCE(MAX(id), 1) FROM {tabel}))",
                [tabel],
            )


# Session settings of the seed's own connections (SET, never the server's configuration). Each is
# tried on its own: a server that refuses one (wal_compression needs a superuser, lz4 a build with
# it) loads just as well without it.
LAAD_INSTELLINGEN = (
    # The staging tables (seed_m: a row per melding) are temporary: in local buffers, not on disk.
    "temp_buffers = '1GB'",
    # Window functions and hash joins over a million staging rows, in memory rather than in batches.
    "work_mem = '256MB'",
    "synchronous_commit = off",
    "wal_compression = lz4",
)
HERBOUW_INSTELLINGEN = (
    # An index build sorts in memory; a key check (VALIDATE) hashes with this as its work_mem.
    "maintenance_work_mem = '512MB'",
    "synchronous_commit = off",
    # An index build writes every page to the WAL once: compressed, far less to write.
    "wal_compression = lz4",
)


def instellen(cursor, instellingen, lokaal: bool) -> None:
    """SET (LOCAL, inside the load's transaction) each of ``instellingen``, skipping any the server
    refuses (in a savepoint, so the transaction goes on)."""
    for instelling in instellingen:
        try:
            with transaction.atomic(using=cursor.db.alias):
                cursor.execute(f"SET {'LOCAL ' if lokaal else ''}{instelling}")
        except DatabaseError:
            pass


def losmaken(tabellen: list[str]) -> list[tuple[str, str, str]]:
    """Drop the foreign keys, unique constraints and secondary indexes of ``tabellen`` and return
    what recreates them: (kind, table, statement), kind "index", "uniek" (a unique constraint)
    or "sleutel" (a foreign key).

    Primary keys stay (the ids are given, and checked per row as they come in); every foreign key
    points at one. The constraints come back exactly as they were (pg_get_constraintdef; foreign
    keys DEFERRABLE INITIALLY DEFERRED as Django makes them) and are validated then.
    """
    q = connection.ops.quote_name
    with connection.cursor() as c:
        # Rows made before (the organisation) still have their deferred checks queued; ALTER
        # TABLE refuses a table with pending trigger events, so run those checks now.
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute(
            "SELECT contype, conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype IN ('f', 'u') AND conrelid = ANY(%s::regclass[]) ORDER BY contype",
            [tabellen],
        )
        sleutels = c.fetchall()
        c.execute(
            "SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
            [tabellen],
        )
        indexen = c.fetchall()
        # Foreign keys ('f') first, then unique constraints ('u').
        for _, tabel, naam, _ in sleutels:
            c.execute(f"ALTER TABLE {tabel} DROP CONSTRAINT {q(naam)}")
        for naam, _, _ in indexen:
            c.execute(f"DROP INDEX {naam}")
    return [("index", tabel, d) for _, tabel, d in indexen] + [
        ("uniek" if soort == "u" else "sleutel", tabel, f"ALTER TABLE {tabel} ADD CONSTRAINT {q(naam)} {d}")
        for soort, tabel, naam, d in sleutels
    ]


def terugzetten(taken: list[tuple[str, str, str]], tijden: list, werkers: int = 1, historie=None) -> None:
    """Recreate what ``losmaken`` dropped, then ANALYZE; ``tijden`` receives (seconds, kind,
    statement) of each.

    ``historie`` (with more than one werker): tasks that each fill one history table (``tabel``),
    run first, on these connections, beside the rebuild of the dossier tables; a history table's
    own indexes and ANALYZE wait for its task.

    ``werkers`` 1: on this connection, in its transaction (a failure rolls the whole load back):
    indexes, then the foreign keys (ADD CONSTRAINT checks every row), then ANALYZE.

    More: the load must be committed. The foreign keys are added NOT VALID first (no check, a
    moment each), then the index builds, the key checks (VALIDATE CONSTRAINT) and ANALYZE of every
    table are spread over that many connections of their own (threads, each statement its own
    transaction), the largest tables first, so both cores work until the end. A statement only
    starts when it does not wait for a lock another one holds: VALIDATE and ANALYZE take SHARE
    UPDATE EXCLUSIVE (one at a time per table, and not during an index build on it), index builds
    on one table run side by side, ADD UNIQUE locks the table (alone, not while the history load
    reads it); a table is ANALYZEd after its indexes (expression indexes have
    statistics). A statement that fails there is run again here, alone.
    """

    def een(cursor, soort, statement):
        t0 = time.monotonic()
        if callable(statement):
            statement()
        else:
            cursor.execute(statement)
        tijden.append((time.monotonic() - t0, soort, str(statement)))

    if werkers <= 1:
        with connection.cursor() as c:
            instellen(c, HERBOUW_INSTELLINGEN, lokaal=True)
            for soorten in (("index", "uniek"), ("sleutel",)):
                for soort, _, statement in taken:
                    if soort in soorten:
                        een(c, soort, statement)
            c.execute("SET CONSTRAINTS ALL DEFERRED")
            een(c, "analyze", "ANALYZE")
        return

    uitvoeren = [t for t in taken if t[0] != "sleutel"]
    with connection.cursor() as c:
        c.execute(
            "SELECT relid::regclass::text, pg_total_relation_size(relid) FROM pg_stat_user_tables "
            "WHERE schemaname = current_schema()"
        )
        grootte = dict(c.fetchall())
        with transaction.atomic():
            for soort, tabel, statement in taken:
                if soort == "sleutel":
                    c.execute(f"{statement} NOT VALID")
                    naam = statement.split(" ADD CONSTRAINT ", 1)[1].split(" FOREIGN KEY", 1)[0]
                    uitvoeren.append(("sleutel", tabel, f"ALTER TABLE {tabel} VALIDATE CONSTRAINT {naam}"))
    uitvoeren += [("analyze", tabel, f"ANALYZE {tabel}") for tabel in grootte]
    # The history tables are empty until ``historie`` ran: until then nothing touches them.
    historie = historie or []
    niet_klaar = {h.tabel for h in historie}
    for h in historie:
        uitvoeren.append(("historie", h.tabel, h))
        # The longest chains (a load, then its index builds) first, the largest of them first.
        grootte[h.tabel] = 1e15 + grootte.get(h.model._meta.db_table, 0)
    open_taken = sorted(uitvoeren, key=lambda t: -grootte.get(t[1], 0))
    bezig: list[tuple[str, str]] = []
    indexen_over = {t[1]: 0 for t in open_taken}
    for soort, tabel, _ in open_taken:
        indexen_over[tabel] += soort in ("index", "uniek")
    mislukt, fouten = [], []
    wacht = threading.Condition()

    def mag(taak) -> bool:
        soort, tabel, _ = taak
        if (tabel in niet_klaar and soort != "historie") or (soort == "analyze" and indexen_over[tabel]):
            return False
        if soort == "uniek" and any(s == "historie" for s, _ in bezig):
            return False  # ADD UNIQUE locks out readers, and the history load reads every table
        return not any(t == tabel and not (s == soort == "index") for s, t in bezig)

    def historie_klaar(c, tabel):
        """Order the history table's tasks by its size, now that it is filled."""
        c.execute("SELECT pg_total_relation_size(%s::regclass)", [tabel])
        grootte[tabel] = c.fetchone()[0]
        open_taken.sort(key=lambda t: -grootte.get(t[1], 0))
        niet_klaar.discard(tabel)

    def werker():
        verbinding = connections["default"]  # this thread's own connection
        try:
            with verbinding.cursor() as c:
                instellen(c, HERBOUW_INSTELLINGEN, lokaal=False)
                while True:
                    with wacht:
                        taak = None
                        while open_taken and not (taak := next((t for t in open_taken if mag(t)), None)):
                            wacht.wait()
                        if taak is None:
                            return
                        open_taken.remove(taak)
                        bezig.append(taak[:2])
                    try:
                        een(c, taak[0], taak[2])
                    except DatabaseError as e:
                        if taak[0] == "historie":
                            fouten.append(e)  # not run again: the command reports it
                        else:
                            mislukt.append(taak)
                    finally:
                        with wacht:
                            if taak[0] == "historie":
                                historie_klaar(c, taak[1])
                            bezig.remove(taak[:2])
                            indexen_over[taak[1]] -= taak[0] in ("index", "uniek")
                            wacht.notify_all()
        finally:
            verbinding.close()

    with ThreadPoolExecutor(werkers) as pool:
        for f in [pool.submit(werker) for _ in range(werkers)]:
            f.result()
    if fouten:
        raise fouten[0]
    if mislukt:
        with connection.cursor() as c:
            instellen(c, HERBOUW_INSTELLINGEN, lokaal=False)
            for soort, _, statement in mislukt:
                een(c, soort, statement)


class Command(BaseCommand):
    help = "Vult de database met een regio vol realistische dossiers (voor benchmarks), set-based in SQL."

    def add_arguments(self, parser):
        parser.add_argument(
            "--meldingen", type=int, default=10000, help="Aantal meldingen (standaard 10000)."
        )
        parser.add_argument("--gemeenten", type=int, default=30)
        parser.add_argument("--consulenten", type=int, default=400)
        parser.add_argument("--jaren", type=int, default=10, help="Over hoeveel jaar de meldingen lopen.")
        parser.add_argument("--zaad", type=int, default=2026, help="Startwaarde van de toevalsgenerator.")
        parser.add_argument(
            "--wachtwoord", default="keukentafel-bench", help="Wachtwoord van alle seed-gebruikers."
        )
        parser.add_argument("--stil", action="store_true", help="Geen voortgangsbalk.")
        parser.add_argument(
            "--werkers",
            type=int,
            default=2,
            help="Verbindingen die na het laden de indexen en sleutels terugzetten (standaard 2).",
        )
        parser.add_argument(
            "--profiel", action="store_true", help="Toon de traagste indexen en sleutels na het laden."
        )

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("seed werkt alleen met PostgreSQL (set-based SQL).")
        if Gemeente.objects.filter(cbs_code=MARKER).exists():
            self.stdout.write("Seed-gegevens staan er al; er is niets toegevoegd.")
            return
        if opts["gemeenten"] < 1 or opts["consulenten"] < 1 or opts["meldingen"] < 0:
            raise CommandError("Gebruik positieve aantallen.")
        self.rnd = random.Random(opts["zaad"])
        self.stil = opts["stil"]
        self.vandaag = timezone.localdate()
        # Looked up once: timezone.make_aware and TextChoices.values cost more per call than the row.
        self.zone = timezone.get_current_timezone()
        self.kanalen = list(Kanaal.values)
        self.afsluitredenen = list(Afsluitreden.values)
        self.nu = timezone.now()
        self.extra = gelijkgestelde_dagen()
        start = self._begin = time.monotonic()
        self.fasen = {}
        # Outside a transaction (the command line) the load commits before the rebuild, which then
        # uses several connections; inside one (the tests) all of it stays in that transaction.
        parallel = opts["werkers"] > 1 and not connection.in_atomic_block
        with transaction.atomic():
            rollen_instellen()
            self._organisatie(opts)
            self._fase("organisatie")
            tabellen = [m._meta.db_table for m in self.GELADEN] + [
                m.history.model._meta.db_table for m in self.GELADEN if hasattr(m, "history")
            ]
            tijden = self.tijden = []
            taken = losmaken(tabellen)
            self._dossiers(opts)
            # The load passes no save(): the MI summary is marked "count everything" (manage.py
            # mi_herberekenen or the task mi_bijwerken fills it; until then MI counts directly).
            samenvatting.alles_markeren()
            if not parallel:
                self._historie()
                self._fase("historie")
                terugzetten(taken, tijden)
                self._fase("indexen, sleutels en analyze")
        self._fase("commit")
        if parallel:
            # The load is committed; the indexes and keys are rebuilt over several connections.
            # Should that fail, the rows are there without some of them: drop the database and
            # seed again (the marker gemeente makes a second run a no-op).
            try:
                terugzetten(
                    taken,
                    tijden,
                    werkers=opts["werkers"],
                    historie=[Historie(self, m) for m in self.GELADEN if hasattr(m, "history")],
                )
            except DatabaseError as e:
                raise CommandError(
                    f"De gegevens staan erin, maar een index of sleutel kon niet terug: {e}. "
                    "Verwijder de database en draai seed opnieuw."
                ) from e
            self._fase(f"historie, indexen, sleutels en analyze ({opts['werkers']} verbindingen)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {opts['meldingen']} meldingen in {time.monotonic() - start:.1f} s "
                f"({sum(map(len, self.consulenten.values()))} consulenten, {len(self.teams)} teams, "
                f"{opts['gemeenten']} gemeenten)."
            )
        )
        self.stdout.write("Fasen: " + ", ".join(f"{naam} {sec:.1f} s" for naam, sec in self.fasen.items()))
        if opts["profiel"]:
            for soort in ("laden", "historie", "index", "uniek", "sleutel", "analyze"):
                deel = [t for t in tijden if t[1] == soort]
                self.stdout.write(f"{len(deel)} x {soort}: {sum(t[0] for t in deel):.1f} s")
            for sec, _, definitie in sorted(tijden, reverse=True)[:25]:
                self.stdout.write(f"  {sec:6.2f} s  {definitie[:110]}")

    def _fase(self, naam: str):
        """Record how long the phase that ends now took (printed at the end)."""
        nu = time.monotonic()
        self.fasen[naam] = nu - getattr(self, "_fase_start", self._begin)
        self._fase_start = nu

    # The tables the load fills (their foreign keys and indexes are dropped during the load).
    GELADEN = (
        Inwoner,
        Melding,
        Brief,
        Gesprek,
        Onderzoek,
        ResultaatOnderzoek,
        Vervolgafspraak,
        VerslagVersie,
        Aanvraag,
        AangevraagdeVoorziening,
        Opschorting,
        Beschikking,
        BeschikkingRegel,
    )

    # --- organisation ---------------------------------------------------------------------

    def _organisatie(self, opts):
        rnd = self.rnd
        n_gem = opts["gemeenten"]
        namen = [s + e.lower() for s in PLAATS_STAM for e in PLAATS_EINDE]
        rnd.shuffle(namen)
        while len(namen) < n_gem:
            namen.append(f"Seedplaats {len(namen) + 1}")
        bestaand = set(Gemeente.objects.values_list("naam", flat=True))
        namen = [n if n not in bestaand else f"{n} (seed)" for n in namen[:n_gem]]
        gemeenten = Gemeente.objects.bulk_create(
            [
                Gemeente(
                    naam=namen[i],
                    cbs_code=f"S{i + 1:03d}",
                    bezoekadres="Raadhuisplein 1",
                    postadres=f"Postbus {100 + i}",
                    postcode_plaats=f"{1000 + i * 10} AA {namen[i].upper()}",
                    telefoon="14 0XX",
                    website=f"www.{namen[i].lower().replace(' ', '')}.example",
                    bezwaar_adres=f"College van B en W, Postbus {100 + i}",
                )
                for i in range(n_gem)
            ]
        )
        # Gemeente i (from 1) weighs 1 / i**skew: the first is the city.
        gewicht = [1 / (i + 1) ** GEMEENTE_SKEW for i in range(n_gem)]
        # The city has its own organisation; the others share one per three neighbours.
        groepen = [[0]] + [list(range(i, min(i + 3, n_gem))) for i in range(1, n_gem, 3)]
        organisaties = Organisatie.objects.bulk_create(
            [
                Organisatie(
                    naam=f"Seed uitvoering {gemeenten[g[0]].naam}" + (" e.o." if len(g) > 1 else ""),
                    soort=OrganisatieSoort.UITVOERING,
                )
                for g in groepen
            ]
        )
        door = Organisatie.gemeenten.through
        door.objects.bulk_create(
            [
                door(organisatie_id=o.pk, gemeente_id=gemeenten[g].pk)
                for o, groep in zip(organisaties, groepen, strict=True)
                for g in groep
            ]
        )
        # Teams: at least one per organisation, the rest by the organisation's share of the work.
        n_team = max(len(groepen), opts["consulenten"] // TEAMGROOTTE)
        org_gewicht = [sum(gewicht[g] for g in groep) for groep in groepen]
        per_org = _verdeel(n_team, org_gewicht, minimum=1)
        teams, team_gewicht = [], []
        for o, groep_gewicht, aantal in zip(organisaties, org_gewicht, per_org, strict=True):
            binnen = [1 / (j + 1) ** TEAM_SKEW for j in range(aantal)]
            for j in range(aantal):
                teams.append(
                    Team(
                        naam=f"Seed Wmo-team {o.naam.removeprefix('Seed uitvoering ')}"
                        + (f" {j + 1}" if aantal > 1 else ""),
                        organisatie=o,
                        telefoon="023 000 00 00",
                    )
                )
                team_gewicht.append(groep_gewicht * binnen[j] / sum(binnen))
        self.teams = Team.objects.bulk_create(teams)
        # Consulenten follow the work, at least one per team.
        per_team = _verdeel(max(opts["consulenten"], len(teams)), team_gewicht, minimum=1)
        wachtwoord = make_password(opts["wachtwoord"])
        groepen_rol = {g.name: g.pk for g in Group.objects.all()}
        voornaam_cum = zipf_gewichten(len(VOORNAMEN), NAAM_SKEW)
        achternaam_cum = zipf_gewichten(len(ACHTERNAMEN), NAAM_SKEW)
        mensen = []
        nr = 0
        for team, aantal in zip(self.teams, per_team, strict=True):
            for _ in range(aantal):
                nr += 1
                mensen.append((f"seed-consulent-{nr}", team, Rol.CONSULENT))
        for i, team in enumerate(self.teams):
            mensen.append((f"seed-teamleider-{i + 1}", team, Rol.TEAMLEIDER))
            mensen.append((f"seed-loket-{i + 1}", team, Rol.LOKETMEDEWERKER))

        def mens(naam, team):
            tv, achternaam = splits_naam(ACHTERNAMEN[kies(rnd, achternaam_cum)])
            return Medewerker(
                username=naam,
                first_name=VOORNAMEN[kies(rnd, voornaam_cum)],
                last_name=f"{tv} {achternaam}".strip(),
                team=team,
                organisatie_id=team.organisatie_id,
                password=wachtwoord,
                telefoon="023 511 51 15",
                email=f"{naam}@seed.example",
            )

        users = Medewerker.objects.bulk_create(
            [mens(naam, team) for naam, team, _ in mensen], batch_size=1000
        )
        Medewerker.groups.through.objects.bulk_create(
            [
                Medewerker.groups.through(medewerker_id=u.pk, group_id=groepen_rol[rol])
                for u, (_, _, rol) in zip(users, mensen, strict=True)
            ],
            batch_size=1000,
        )
        self.consulenten = {t.pk: [] for t in self.teams}
        self.loket = {}
        for u, (_, team, rol) in zip(users, mensen, strict=True):
            if rol == Rol.CONSULENT:
                self.consulenten[team.pk].append(u.pk)
            elif rol == Rol.LOKETMEDEWERKER:
                self.loket[team.pk] = u.pk
        # Per gemeente: its teams (of the organisation that serves it) with cumulative weights.
        self.teams_van_gemeente = {}
        for o, groep in zip(organisaties, groepen, strict=True):
            ids = [t.pk for t in self.teams if t.organisatie_id == o.pk]
            w = [team_gewicht[k] for k, t in enumerate(self.teams) if t.organisatie_id == o.pk]
            for g in groep:
                self.teams_van_gemeente[gemeenten[g].pk] = (ids, list(accumulate(w)))
        self.gemeenten = [g.pk for g in gemeenten]
        self.gemeente_cum = list(accumulate(gewicht))
        self.gemeente_naam = {g.pk: g.naam for g in gemeenten}
        self.voorzieningen = []
        for naam, cat, eenheid in MAATWERK:
            v, _ = Voorziening.objects.get_or_create(
                naam=naam,
                soort=VoorzieningSoort.MAATWERK,
                defaults={"iwmo_productcategorie": cat, "eenheid": eenheid},
            )
            self.voorzieningen.append(v)

    # --- dossiers: set-based in PostgreSQL ------------------------------------------------
    #
    # Every dossier row is made by INSERT ... SELECT over generate_series: no row passes through
    # Python. The random draws use PostgreSQL's random() after setseed(--zaad); the skewed
    # choices (gemeente, team, names, hulpvraag) go through lookup arrays of LOOKUP slots made
    # from the same cumulative weights as before (an inverse distribution function: slot s holds
    # the index whose cumulative weight covers (s + 0.5) / LOOKUP). Dense ids for the rows that
    # others point to come from running counts over the staging table seed_m.
    #
    # Deadlines are the engine's own (wmo.termijnen, wmo.regels): the distinct inputs (dates of
    # receipt, suspensions, dates of bekendmaking, ingebrekestellingen) are read back, the engine
    # computes each once in Python and the answers go into a small temporary table that the
    # INSERT joins (_engine_tabel). So no rule of the law is written a second time in SQL.

    def _dossiers(self, opts):
        n = opts["meldingen"]
        self.dagen_terug = opts["jaren"] * 365
        n_inwoners = max(1, int(n * 0.7))
        self.ids = {m: _next_id(m) for m in self.GELADEN}
        self.eerste = dict(self.ids)
        with connection.cursor() as c:
            instellen(c, LAAD_INSTELLINGEN, lokaal=True)
            c.execute("SELECT setseed(%s)", [(opts["zaad"] % 2000) / 1000 - 1])
        self._hulptabellen()
        self._fase("hulptabellen")
        if n:
            self._inwoners(n_inwoners)
            self._fase("inwoners")
            self._meldingen_staging(n, n_inwoners)
            self._fase("meldingen (staging)")
            self._meldingen_en_alles_eronder()
            self._fase("meldingen en alles eronder")
        _update_sequence(*self.GELADEN)

    def _sql(self, sql: str, params: dict | None = None) -> int:
        """Run one statement with the shared parameters (and ``params``); return its rowcount."""
        t0 = time.monotonic()
        with connection.cursor() as c:
            c.execute(sql, {**self.p, **(params or {})})
            self._meet(t0, sql)
            return c.rowcount

    def _meet(self, t0: float, sql: str):
        """Record how long one load statement took (--profiel prints the slowest)."""
        self.tijden.append((time.monotonic() - t0, "laden", " ".join(sql.split())))

    def _waarde(self, sql: str, params: dict | None = None):
        with connection.cursor() as c:
            c.execute(sql, {**self.p, **(params or {})})
            return c.fetchone()[0]

    def _insert(self, model, waarden: dict[str, str], van: str, params: dict | None = None) -> int:
        """INSERT INTO the model's table (every concrete column) SELECT ``waarden`` (attname ->
        SQL expression) FROM ``van``; a column not in ``waarden`` gets its field's default."""
        extra = dict(params or {})
        select = []
        for f in model._meta.concrete_fields:
            if f.attname in waarden:
                select.append(waarden[f.attname])
                continue
            _, _, defaults = _kolommen(model)
            sleutel = f"standaard_{f.attname}"
            extra[sleutel] = f.get_db_prep_save(defaults[f.attname], connection)
            select.append(f"%({sleutel})s::{f.db_type(connection)}")
        onbekend = set(waarden) - {f.attname for f in model._meta.concrete_fields}
        if onbekend:
            raise CommandError(f"{model.__name__} heeft geen velden {sorted(onbekend)}.")
        kolommen, _, _ = _kolommen(model)
        return self._sql(
            f"INSERT INTO {model._meta.db_table} ({kolommen}) SELECT {', '.join(select)} FROM {van}", extra
        )

    def _engine_tabel(self, naam: str, sleutels: str, kolommen: str, functie) -> int:
        """A temporary table ``naam`` (``kolommen``: the keys, then the answers) with the engine's
        answer ``functie(*key)`` for every distinct key the query ``sleutels`` returns."""
        t0 = time.monotonic()
        with connection.cursor() as c:
            c.execute(sleutels, self.p)
            rijen = [(*k, *functie(*k)) for k in c.fetchall()]
            self._meet(t0, f"engine {naam}")
            c.execute(f"CREATE TEMPORARY TABLE {naam} ({kolommen}) ON COMMIT DROP")
            with c.cursor.copy(f"COPY {naam} FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij)
            c.execute(f"ANALYZE {naam}")
        return len(rijen)

    def _hulptabellen(self):
        """The organisation as lookup tables (per gemeente its teams, per team its consulenten
        and loket) and the shared parameters of every statement."""
        gemeente_naam = self.gemeente_naam
        with connection.cursor() as c:
            c.execute(
                "CREATE TEMPORARY TABLE seed_gemeente (gemeente_id bigint PRIMARY KEY, naam text, "
                "teams bigint[]) ON COMMIT DROP"
            )
            with c.cursor.copy("COPY seed_gemeente FROM STDIN") as copy:
                for g, (ids, cum) in self.teams_van_gemeente.items():
                    copy.write_row((g, gemeente_naam[g], [ids[k] for k in opzoek(cum)]))
            c.execute(
                "CREATE TEMPORARY TABLE seed_team (team_id bigint PRIMARY KEY, consulenten bigint[], "
                "loket bigint) ON COMMIT DROP"
            )
            with c.cursor.copy("COPY seed_team FROM STDIN") as copy:
                for t, consulenten in self.consulenten.items():
                    copy.write_row((t, consulenten, self.loket[t]))
            c.execute("ANALYZE seed_gemeente")
            c.execute("ANALYZE seed_team")
        achternamen = [splits_naam(a) for a in ACHTERNAMEN]
        self.p = {
            "zone": str(self.zone),
            "nu": self.nu,
            "vandaag": self.vandaag,
            "slots": LOOKUP,
            "gemeente_opzoek": [self.gemeenten[k] for k in opzoek(self.gemeente_cum)],
            "voornaam_opzoek": [k + 1 for k in opzoek(zipf_gewichten(len(VOORNAMEN), NAAM_SKEW))],
            "achternaam_opzoek": [k + 1 for k in opzoek(zipf_gewichten(len(ACHTERNAMEN), NAAM_SKEW))],
            "hulp_opzoek": [k + 1 for k in opzoek(zipf_gewichten(len(HULPVRAGEN), 0.7))],
            "voornamen": VOORNAMEN,
            "tussenvoegsels": [tv for tv, _ in achternamen],
            "achternamen": [a for _, a in achternamen],
            "straten": STRATEN,
            "hulpvragen": [h for h, _ in HULPVRAGEN],
            "gebieden": [g for _, g in HULPVRAGEN],
            "kanalen": self.kanalen,
            "afsluitredenen": self.afsluitredenen,
            "voorzieningen": [v.pk for v in self.voorzieningen],
            "eenheden": [v.eenheid for v in self.voorzieningen],
            "pdf": PLACEHOLDER_PDF,
            "sha256": PLACEHOLDER_SHA256,
            **{f"st_{s.name.lower()}": s.value for s in MeldingStatus},
        }

    def _inwoners(self, n_inwoners: int):
        """Inwoners: gemeente and names from the skewed lookups, a valid BSN each (the 8-digit
        prefixes from 20000000 up with the check digit of the elfproef, as valid_bsns gives them)."""
        # 10 of 11 prefixes have a check digit below 10: a few more prefixes than inwoners suffice.
        self.p |= {"n_inwoners": n_inwoners, "inwoner0": self.eerste[Inwoner]}
        self._sql(
            """
            CREATE TEMPORARY TABLE seed_bsn ON COMMIT DROP AS
            SELECT row_number() OVER (ORDER BY p) - 1 AS k, lpad((p * 10 + c)::text, 9, '0') AS bsn
            FROM (SELECT p, mod(9 * (p / 10000000) + 8 * mod(p / 1000000, 10) + 7 * mod(p / 100000, 10)
                         + 6 * mod(p / 10000, 10) + 5 * mod(p / 1000, 10) + 4 * mod(p / 100, 10)
                         + 3 * mod(p / 10, 10) + 2 * mod(p, 10), 11) AS c
                  FROM generate_series(20000000::bigint, 20000000 + %(n_inwoners)s * 12 / 10 + 100) p) x
            WHERE c < 10
            """
        )
        self._insert(
            Inwoner,
            {
                "id": "%(inwoner0)s + x.k",
                "bsn": "b.bsn",
                "voornamen": "(%(voornamen)s::text[])[x.v]",
                "tussenvoegsel": "(%(tussenvoegsels)s::text[])[x.a]",
                "achternaam": "(%(achternamen)s::text[])[x.a]",
                # Wmo users are mostly old: born 1925..1990, more of them early.
                "geboortedatum": "date '1925-01-01' + floor(365 * 65 * power(x.r_geboren, 1.5))::int",
                "straat": "(%(straten)s::text[])[1 + floor(x.r_straat * cardinality(%(straten)s::text[]))::int]",
                "huisnummer": "x.huisnummer",
                "postcode": "x.postcode",
                "woonplaats": "g.naam",
                "telefoon": "'06 1234 5678'",
                "contactvoorkeur": "'telefoon'",
                "gemeente_id": "x.gemeente_id",
                "geen_clientervaringsonderzoek": "x.r_ceo < 0.03",
            },
            """
            (SELECT k,
                (%(gemeente_opzoek)s::bigint[])[1 + floor(random() * %(slots)s)::int] AS gemeente_id,
                (%(voornaam_opzoek)s::int[])[1 + floor(random() * %(slots)s)::int] AS v,
                (%(achternaam_opzoek)s::int[])[1 + floor(random() * %(slots)s)::int] AS a,
                random() AS r_geboren, random() AS r_straat, 1 + floor(random() * 299)::int AS huisnummer,
                (1000 + floor(random() * 8999)::int)::text
                    || substr('ABCDEFGHJK', 1 + floor(random() * 10)::int, 1)
                    || substr('ABCDEFGHJK', 1 + floor(random() * 10)::int, 1) AS postcode,
                random() AS r_ceo
             FROM generate_series(0, %(n_inwoners)s - 1) k) x
            JOIN seed_bsn b ON b.k = x.k
            JOIN seed_gemeente g ON g.gemeente_id = x.gemeente_id
            """,
        )

    def _meldingen_staging(self, n: int, n_inwoners: int):
        """seed_m: one row per melding with everything its rows need (stage, dates, the random
        draws of the later steps and the dense ids of the rows under it)."""
        self.p |= {"n": n, "melding0": self.eerste[Melding], "dagen_terug": self.dagen_terug}
        # 1. The draws, the inwoner (the first n_inwoners meldingen one each, the rest a second
        # melding of a random inwoner), its gemeente, a team serving it, the moment of receipt.
        self._sql(
            """
            CREATE TEMPORARY TABLE seed_m1 ON COMMIT DROP AS
            SELECT a.*, i.gemeente_id, g.teams[1 + floor(a.r_team * %(slots)s)::int] AS team_id,
                CASE WHEN a.ontvangen_op0 > %(nu)s THEN %(nu)s - make_interval(mins => a.later)
                     ELSE a.ontvangen_op0 END AS ontvangen_op
            FROM (SELECT k, CASE WHEN k < %(n_inwoners)s THEN k
                                 ELSE floor(random() * %(n_inwoners)s)::int END AS inw,
                     leeftijd,
                     ((%(vandaag)s::date - leeftijd) + make_time(8 + floor(random() * 9)::int,
                        floor(random() * 60)::int, 0)) AT TIME ZONE %(zone)s AS ontvangen_op0,
                     1 + floor(random() * 599)::int AS later,
                     random() AS r_team, random() AS r_status, random() AS r_zonder_consulent,
                     random() AS r_consulent, 5 + floor(random() * 45)::int AS afgerond_na,
                     random() < 0.03 AS spoed,
                     (%(hulp_opzoek)s::int[])[1 + floor(random() * %(slots)s)::int] AS hulp,
                     (%(kanalen)s::text[])[1 + floor(random() * cardinality(%(kanalen)s::text[]))::int] AS kanaal,
                     (%(afsluitredenen)s::text[])[1 + floor(random() * cardinality(%(afsluitredenen)s::text[]))::int]
                        AS afsluitreden,
                     random() AS r_twee_gesprekken, random() AS r_vervolg, random() AS r_opschorting,
                     1 + floor(random() * 19)::int AS weer_na, 3 + floor(random() * 22)::int AS besloten_na,
                     random() AS r_ingebreke, 1 + floor(random() * 9)::int AS ingebreke_na,
                     random() AS r_mantelzorger, random() AS r_wederkerig, random() AS r_eigen,
                     floor(random() * 60)::int AS min_verslag, floor(random() * 60)::int AS min_beschikking,
                     1 + floor(random() * cardinality(%(voorzieningen)s::bigint[]))::int AS voorziening,
                     1 + floor(random() * 8)::int AS resultaatgebied,
                     random() AS r_uitkomst, random() AS r_einde, 1 + floor(random() * 3)::int AS einde_jaren
                  FROM (SELECT k, floor(%(dagen_terug)s * power(random(), 1.6))::int AS leeftijd
                        FROM generate_series(0, %(n)s - 1) k) s) a
            JOIN meldingen_inwoner i ON i.id = %(inwoner0)s + a.inw
            JOIN seed_gemeente g ON g.gemeente_id = i.gemeente_id
            """
        )
        # 2. The stage (by age, as _status did), the consulent of the team, the onderzoek's end.
        self._sql(
            f"""
            CREATE TEMPORARY TABLE seed_m2 ON COMMIT DROP AS
            SELECT s.*,
                CASE WHEN s.status NOT IN (%(st_ontvangen)s, %(st_in_onderzoek)s)
                     THEN LEAST(s.ontvangen + s.afgerond_na, %(vandaag)s::date) END AS afgerond,
                CASE WHEN s.status = %(st_ontvangen)s AND s.r_zonder_consulent < 0.5 THEN NULL
                     ELSE t.consulenten[1 + floor(s.r_consulent * cardinality(t.consulenten))::int]
                END AS consulent_id,
                t.loket AS loket_id
            FROM (SELECT m.*, (m.ontvangen_op AT TIME ZONE %(zone)s)::date AS ontvangen, {STATUS_SQL} AS status
                  FROM seed_m1 m) s
            JOIN seed_team t ON t.team_id = s.team_id
            """
        )
        # The Awb 4:15 suspension of an aanvraag, by the engine: asked the day after the aanvraag,
        # first day still the day after the request, term of two weeks.
        self._engine_tabel(
            "seed_opschorting",
            f"SELECT DISTINCT afgerond FROM seed_m2 WHERE afgerond IS NOT NULL AND {HEEFT_AANVRAAG}",
            "a date PRIMARY KEY, stil date, termijn_tot date, uiterste date",
            self._opschorting,
        )
        # 3. Aanvraag, suspension, besluit; dense ids of the rows under the melding.
        self._sql(
            f"""
            CREATE TEMPORARY TABLE seed_m ON COMMIT DROP AS
            SELECT s.*,
                CASE WHEN s.heeft_onderzoek THEN count(*) FILTER (WHERE s.heeft_onderzoek) OVER w END AS o_nr,
                CASE WHEN s.heeft_verslag THEN count(*) FILTER (WHERE s.heeft_verslag) OVER w END AS v_nr,
                CASE WHEN s.heeft_aanvraag THEN count(*) FILTER (WHERE s.heeft_aanvraag) OVER w END AS a_nr,
                CASE WHEN s.besloten IS NOT NULL THEN count(*) FILTER (WHERE s.besloten IS NOT NULL) OVER w
                END AS b_nr,
                CASE WHEN s.stil IS NOT NULL THEN count(*) FILTER (WHERE s.stil IS NOT NULL) OVER w END AS op_nr
            FROM (SELECT t.*,
                    CASE WHEN t.status = %(st_besloten)s
                         THEN LEAST(GREATEST(t.afgerond + t.besloten_na, COALESCE(t.weer, t.afgerond)),
                                    %(vandaag)s::date) END AS besloten
                  FROM (SELECT m.*, m.consulent_id IS NOT NULL AND m.status <> %(st_ontvangen)s AS heeft_onderzoek,
                            m.consulent_id IS NOT NULL AND m.afgerond IS NOT NULL AS heeft_verslag,
                            {HEEFT_AANVRAAG} AS heeft_aanvraag,
                            o.stil, o.termijn_tot, o.uiterste,
                            CASE WHEN o.stil IS NOT NULL AND LEAST(o.stil + m.weer_na, o.uiterste) <= %(vandaag)s::date
                                 THEN LEAST(o.stil + m.weer_na, o.uiterste) END AS weer
                        FROM seed_m2 m
                        LEFT JOIN seed_opschorting o ON o.a = m.afgerond AND {HEEFT_AANVRAAG}
                            AND m.r_opschorting < 0.1 AND m.afgerond + 3 < %(vandaag)s::date) t) s
            WINDOW w AS (ORDER BY s.k)
            """
        )
        self._sql("DROP TABLE seed_m1")
        self._sql("DROP TABLE seed_m2")
        self._sql("ANALYZE seed_m")
        # The engine's clocks for every distinct input.
        self._engine_tabel(
            "seed_melding_termijn",
            "SELECT DISTINCT ontvangen FROM seed_m",
            "d date PRIMARY KEY, plan date, onderzoek date",
            self._melding_deadlines,
        )
        # The beslistermijn: per date received and the first day the clock ran again (the date
        # received itself stands for "no suspension").
        self._engine_tabel(
            "seed_beslis",
            "SELECT DISTINCT afgerond, COALESCE(weer, uiterste, afgerond) FROM seed_m WHERE heeft_aanvraag",
            "a date, weer date, beslis date, PRIMARY KEY (a, weer)",
            lambda a, weer: (self._beslis(a, *(self._opschorting(a)[0], weer) if weer != a else ()),),
        )
        self._engine_tabel(
            "seed_bezwaar",
            "SELECT DISTINCT besloten FROM seed_m WHERE besloten IS NOT NULL",
            "d date PRIMARY KEY, bezwaar date",
            lambda d: (self._bezwaar(d),),
        )
        # Ingebrekestellingen (Awb 4:17): a fifth of the aanvragen past their deadline, undecided.
        self._sql(
            """
            CREATE TEMPORARY TABLE seed_a ON COMMIT DROP AS
            SELECT m.k, b.beslis,
                CASE WHEN m.besloten IS NULL AND b.beslis < %(vandaag)s::date - 3 AND m.r_ingebreke < 0.2
                     THEN LEAST(b.beslis + m.ingebreke_na, %(vandaag)s::date) END AS ingebreke
            FROM seed_m m
            JOIN seed_beslis b ON b.a = m.afgerond AND b.weer = COALESCE(m.weer, m.uiterste, m.afgerond)
            WHERE m.heeft_aanvraag
            """
        )
        self._engine_tabel(
            "seed_dwangsom",
            "SELECT DISTINCT beslis, ingebreke FROM seed_a WHERE ingebreke IS NOT NULL",
            "beslis date, ingebreke date, vanaf date, PRIMARY KEY (beslis, ingebreke)",
            lambda beslis, ingebreke: (dwangsom.eerste_dag(beslis, ingebreke),),
        )
        self.aantal = {
            naam: self._waarde(f"SELECT COALESCE(max({naam}), 0) FROM seed_m")
            for naam in ("o_nr", "v_nr", "a_nr", "b_nr", "op_nr")
        }

    def _opschorting(self, a: date) -> tuple[date, date, date]:
        """(first day still, last day of the term, first day the clock runs again at the latest)
        for information asked the day after aanvraag ``a`` with a term of two weeks (Awb 4:15)."""
        stil = opschorting.eerste_dag_na_verzoek(a + timedelta(days=1))
        termijn_tot = stil + timedelta(days=13)
        return (
            stil,
            termijn_tot,
            opschorting.uiterste_dag_weer(aanvulling_gevraagd=True, termijn_tot=termijn_tot),
        )

    def _meldingen_en_alles_eronder(self):
        e, aantal = self.eerste, self.aantal
        self.p |= {
            "onderzoek0": e[Onderzoek],
            "resultaat0": e[ResultaatOnderzoek],
            "verslag0": e[VerslagVersie],
            "aanvraag0": e[Aanvraag],
            "gevraagd0": e[AangevraagdeVoorziening],
            "opschorting0": e[Opschorting],
            "beschikking0": e[Beschikking],
            "regel0": e[BeschikkingRegel],
            "gesprek0": e[Gesprek],
            "vervolg0": e[Vervolgafspraak],
            # Letters: the verslagen, then the beschikkingen, then one ontvangstbevestiging each.
            "brief_verslag0": e[Brief],
            "brief_beschikking0": e[Brief] + aantal["v_nr"],
            "brief_bevestiging0": e[Brief] + aantal["v_nr"] + aantal["b_nr"],
        }
        kenmerk = (
            "'WMO-' || extract(year FROM m.ontvangen)::int || '-' "
            "|| lpad((%(melding0)s + m.k)::text, greatest(6, length((%(melding0)s + m.k)::text)), '0')"
        )
        naam = "concat_ws(' ', i.voornamen, nullif(i.tussenvoegsel, ''), i.achternaam)"
        v = Progress("meldingen (+ alles)", 9, quiet=self.stil)
        self._insert(
            Melding,
            {
                "id": "%(melding0)s + m.k",
                "inwoner_id": "%(inwoner0)s + m.inw",
                "gemeente_id": "m.gemeente_id",
                "team_id": "m.team_id",
                "consulent_id": "m.consulent_id",
                "ontvangen_op": "m.ontvangen_op",
                "kanaal": "m.kanaal",
                "melder_is_inwoner": "true",
                "hulpvraag": "(%(hulpvragen)s::text[])[m.hulp]",
                "spoed": "m.spoed",
                "spoed_reden": "CASE WHEN m.spoed THEN 'Mantelzorger valt plotseling weg.' ELSE '' END",
                "status": "m.status",
                "afsluitreden": "CASE WHEN m.status = %(st_afgesloten)s THEN m.afsluitreden ELSE '' END",
                "afsluit_toelichting": "CASE WHEN m.status = %(st_afgesloten)s THEN 'Seed' ELSE '' END",
                "plan_deadline": "t.plan",
                "onderzoek_deadline": "t.onderzoek",
                "onderzoek_afgerond_op": "m.afgerond",
                # Closed without aanvraag on the day the onderzoek ended; besloten on the besluit.
                "beeindigd_op": "CASE WHEN m.status = %(st_afgesloten)s THEN m.afgerond ELSE m.besloten END",
                "geregistreerd_door_id": "m.loket_id",
                "geregistreerd_op": "m.ontvangen_op",
            },
            "seed_m m JOIN seed_melding_termijn t ON t.d = m.ontvangen",
        )
        v.step()
        self._insert(
            Onderzoek,
            {
                "id": "%(onderzoek0)s + m.o_nr - 1",
                "melding_id": "%(melding0)s + m.k",
                "mantelzorger_naam": "CASE WHEN m.r_mantelzorger < 0.4 THEN 'Partner' ELSE '' END",
                "wederkerigheid": "CASE WHEN m.r_wederkerig < 0.2 THEN 'Past op de kleinkinderen.' ELSE '' END",
                "eigen_oplossing": "CASE WHEN m.r_eigen < 0.3 THEN 'Zelf iemand zoeken.' ELSE '' END",
                "gestart_door_id": "m.consulent_id",
                "gestart_op": "m.ontvangen_op + interval '1 day'",
            },
            "seed_m m WHERE m.heeft_onderzoek",
        )
        self._insert(
            ResultaatOnderzoek,
            {
                "id": "%(resultaat0)s + m.o_nr - 1",
                "onderzoek_id": "%(onderzoek0)s + m.o_nr - 1",
                "gebied": "(%(gebieden)s::int[])[m.hulp]",
                "aan_de_orde": "true",
                "wat_lukt_niet": "(%(hulpvragen)s::text[])[m.hulp]",
                "oorzaak_inwoner": "'Sinds de val gaat het niet meer.'",
                "te_bereiken_resultaat": "CASE WHEN m.afgerond IS NOT NULL "
                "THEN 'De inwoner woont weer veilig en schoon.' ELSE '' END",
                "oplossing": "CASE WHEN m.afgerond IS NOT NULL THEN 'Maatwerkvoorziening.' ELSE '' END",
            },
            "seed_m m WHERE m.heeft_onderzoek",
        )
        v.step()
        # Gesprekken: one, or two for a fifth; each held (or planned) with a chance of 0.85. An
        # onderzoek still young has them ahead; the others had them within three weeks.
        gesprek = self._gesprek_scope()
        self._insert(
            Gesprek,
            {
                "id": "%(gesprek0)s + row_number() OVER (ORDER BY x.k, x.g) - 1",
                "melding_id": "%(melding0)s + x.k",
                "gepland_op": f"CASE WHEN x.gstatus = '{GesprekStatus.GEVOERD}' AND x.moment > %(nu)s "
                "THEN %(nu)s - interval '1 hour' ELSE x.moment END",
                "plaats": "x.plaats",
                "telefonisch_reden": f"CASE WHEN x.plaats = '{Plaats.TELEFONISCH}' "
                "THEN 'Inwoner wil liever bellen.' ELSE '' END",
                "consulent_id": "x.consulent_id",
                "status": "x.gstatus",
                "gepland_door_id": "x.consulent_id",
                **gesprek,
            },
            f"""
            (SELECT y.*, (y.op + make_time(9 + y.uur, 0, 0)) AT TIME ZONE %(zone)s AS moment,
                CASE WHEN y.jong AND y.op >= %(vandaag)s::date THEN '{GesprekStatus.GEPLAND}'
                     ELSE '{GesprekStatus.GEVOERD}' END AS gstatus
             FROM (SELECT m.k, g, m.consulent_id, m.team_id, m.gemeente_id,
                      m.status = %(st_in_onderzoek)s AND m.leeftijd < 21 AS jong,
                      CASE WHEN m.status = %(st_in_onderzoek)s AND m.leeftijd < 21
                           THEN m.ontvangen + m.leeftijd + floor(random() * 21)::int + 7 * g
                           ELSE LEAST(m.ontvangen + 3 + floor(random() * 18)::int + 7 * g, %(vandaag)s::date)
                      END AS op,
                      floor(random() * 8)::int AS uur,
                      CASE WHEN r < 0.8 THEN '{Plaats.THUIS}' WHEN r < 0.95 THEN '{Plaats.TELEFONISCH}'
                           ELSE '{Plaats.GEMEENTEHUIS}' END AS plaats
                   FROM (SELECT m.*, g, random() AS r, random() AS r_houden
                         FROM seed_m m CROSS JOIN generate_series(0, 1) g
                         WHERE m.heeft_onderzoek AND (g = 0 OR m.r_twee_gesprekken >= 0.8)) m
                   WHERE m.r_houden <= 0.85) y) x
            """,
        )
        v.step()
        # What is still to be done shows on the consulent's werkvoorraad.
        self._insert(
            Vervolgafspraak,
            {
                "id": "%(vervolg0)s + row_number() OVER (ORDER BY m.k) - 1",
                "onderzoek_id": "%(onderzoek0)s + m.o_nr - 1",
                "actie": "'Offerte traplift opvragen.'",
                "eigenaar_id": "m.consulent_id",
                "uiterlijk": "%(vandaag)s::date - 5 + floor(random() * 25)::int",
                "status": f"'{AfspraakStatus.OPEN}'",
            },
            "seed_m m WHERE m.heeft_onderzoek AND m.status = %(st_in_onderzoek)s AND m.r_vervolg < 0.5",
        )
        v.step()
        # The verslag, sent as a letter the day the onderzoek ended.
        self._insert(
            Brief,
            {
                "id": "%(brief_verslag0)s + m.v_nr - 1",
                "soort": f"'{BriefSoort.VERSLAG}'",
                "kenmerk": kenmerk,
                "inwoner_id": "i.id",
                "melding_id": "%(melding0)s + m.k",
                "pdf": "%(pdf)s",
                "sha256": "%(sha256)s",
                "verstuurd_op": "LEAST((m.afgerond + make_time(10, m.min_verslag, 0)) AT TIME ZONE %(zone)s, "
                "%(nu)s - interval '1 minute')",
                "verstuurd_door_id": "m.consulent_id",
                "ontvanger_naam": naam,
            },
            "seed_m m JOIN meldingen_inwoner i ON i.id = %(inwoner0)s + m.inw WHERE m.heeft_verslag",
        )
        akkoord = f"m.status <> '{MeldingStatus.VERSLAG_VERSTUURD}'"
        self._insert(
            VerslagVersie,
            {
                "id": "%(verslag0)s + m.v_nr - 1",
                "onderzoek_id": "%(onderzoek0)s + m.o_nr - 1",
                "nummer": "1",
                "brief_id": "%(brief_verslag0)s + m.v_nr - 1",
                "maatwerk_gevraagd": "m.heeft_aanvraag",
                "status": f"CASE WHEN {akkoord} THEN '{VerslagReactie.AKKOORD}' ELSE '{VerslagReactie.AFWACHTEN}' END",
                "reactie_ontvangen_op": f"CASE WHEN {akkoord} THEN m.afgerond END",
                "ondertekend": akkoord,
                "reactie_vastgelegd_door_id": f"CASE WHEN {akkoord} THEN m.consulent_id END",
                "aanvraag_id": "CASE WHEN m.heeft_aanvraag THEN %(aanvraag0)s + m.a_nr - 1 END",
            },
            "seed_m m WHERE m.heeft_verslag",
        )
        v.step()
        self._insert(
            Aanvraag,
            {
                "id": "%(aanvraag0)s + m.a_nr - 1",
                "melding_id": "%(melding0)s + m.k",
                "ontvangen_op": "m.afgerond",
                "grondslag": f"'{Grondslag.NA_ONDERZOEK}'",
                "beslis_deadline": "a.beslis",
                "besloten_op": "m.besloten",
                "geregistreerd_door_id": "m.consulent_id",
                "ingebrekestelling_op": "a.ingebreke",
                "dwangsom_vanaf": "d.vanaf",
                **self._scope(Aanvraag),
            },
            "seed_m m JOIN seed_a a ON a.k = m.k "
            "LEFT JOIN seed_dwangsom d ON d.beslis = a.beslis AND d.ingebreke = a.ingebreke",
        )
        self._insert(
            AangevraagdeVoorziening,
            {
                "id": "%(gevraagd0)s + m.a_nr - 1",
                "aanvraag_id": "%(aanvraag0)s + m.a_nr - 1",
                "voorziening_id": "(%(voorzieningen)s::bigint[])[m.voorziening]",
                "resultaatgebied": "m.resultaatgebied",
            },
            "seed_m m WHERE m.heeft_aanvraag",
        )
        # Awb 4:15: about one aanvraag in ten waits for information asked with a term of two weeks.
        self._insert(
            Opschorting,
            {
                "id": "%(opschorting0)s + m.op_nr - 1",
                "aanvraag_id": "%(aanvraag0)s + m.a_nr - 1",
                "reden": f"'{OpschortingReden.AANVULLING_GEVRAAGD}'",
                "eerste_dag_stil": "m.stil",
                "eerste_dag_weer": "m.weer",
                "termijn_tot": "m.termijn_tot",
                "toelichting": "'Medische verklaring van de huisarts.'",
            },
            "seed_m m WHERE m.stil IS NOT NULL",
        )
        v.step()
        self._insert(
            Brief,
            {
                "id": "%(brief_beschikking0)s + m.b_nr - 1",
                "soort": f"'{BriefSoort.BESCHIKKING}'",
                "kenmerk": kenmerk,
                "inwoner_id": "i.id",
                "melding_id": "%(melding0)s + m.k",
                "pdf": "%(pdf)s",
                "sha256": "%(sha256)s",
                "verstuurd_op": "LEAST((m.besloten + make_time(11, m.min_beschikking, 0)) AT TIME ZONE %(zone)s, "
                "%(nu)s - interval '1 minute')",
                "verstuurd_door_id": "m.consulent_id",
                "ontvanger_naam": naam,
            },
            "seed_m m JOIN meldingen_inwoner i ON i.id = %(inwoner0)s + m.inw WHERE m.besloten IS NOT NULL",
        )
        self._insert(
            Beschikking,
            {
                "id": "%(beschikking0)s + m.b_nr - 1",
                "aanvraag_id": "%(aanvraag0)s + m.a_nr - 1",
                "status": f"'{BeschikkingStatus.VERSTUURD}'",
                "opgesteld_door_id": "m.consulent_id",
                "besloten_door_id": "m.consulent_id",
                "besloten_functie": "'Wmo-consulent'",
                "bekendgemaakt_op": "m.besloten",
                "bezwaar_deadline": "z.bezwaar",
                "brief_id": "%(brief_beschikking0)s + m.b_nr - 1",
                **self._scope(Beschikking),
            },
            "seed_m m JOIN seed_bezwaar z ON z.d = m.besloten",
        )
        v.step()
        toegekend = f"m.uitkomst <> '{Uitkomst.AFGEWEZEN}'"
        self._insert(
            BeschikkingRegel,
            {
                "id": "%(regel0)s + m.b_nr - 1",
                "beschikking_id": "%(beschikking0)s + m.b_nr - 1",
                "aangevraagd_id": "%(gevraagd0)s + m.a_nr - 1",
                "uitkomst": "m.uitkomst",
                "voorziening_id": "(%(voorzieningen)s::bigint[])[m.voorziening]",
                "omvang": f"CASE WHEN {toegekend} THEN 3 END",
                "eenheid": f"CASE WHEN {toegekend} THEN (%(eenheden)s::text[])[m.voorziening] ELSE '' END",
                "frequentie": f"CASE WHEN {toegekend} THEN '{Frequentie.PER_WEEK}' ELSE '' END",
                "leveringsvorm": f"CASE WHEN {toegekend} THEN '{Leveringsvorm.ZIN}' ELSE '' END",
                "aanbieder_naam": f"CASE WHEN {toegekend} THEN 'Seedzorg BV' ELSE '' END",
                "ingangsdatum": f"CASE WHEN {toegekend} THEN m.besloten + 7 END",
                "einddatum": f"CASE WHEN {toegekend} AND m.r_einde < 0.6 "
                "THEN m.besloten + 7 + 365 * m.einde_jaren END",
                "motivering": "'Seed: besluit volgens het onderzoek.'",
                "afwijking_motivering": f"CASE WHEN m.uitkomst = '{Uitkomst.TOEGEKEND}' THEN '' "
                "ELSE 'Seed: zie motivering.' END",
                "eigen_bijdrage": "true",
            },
            f"""
            (SELECT m.*, CASE WHEN m.r_uitkomst < 0.8 THEN '{Uitkomst.TOEGEKEND}'
                              WHEN m.r_uitkomst < 0.85 THEN '{Uitkomst.GEDEELTELIJK}'
                              ELSE '{Uitkomst.AFGEWEZEN}' END AS uitkomst
             FROM seed_m m WHERE m.besloten IS NOT NULL) m
            """,
        )
        v.step()
        # One ontvangstbevestiging per melding, sent by the loket on the day of the melding (Wmo
        # 2015 art. 2.3.2 lid 1). The kenmerk is Melding.kenmerk's.
        self._insert(
            Brief,
            {
                "id": "%(brief_bevestiging0)s + m.k",
                "soort": f"'{BriefSoort.ONTVANGSTBEVESTIGING}'",
                "kenmerk": kenmerk,
                "inwoner_id": "i.id",
                "melding_id": "%(melding0)s + m.k",
                "pdf": "%(pdf)s",
                "sha256": "%(sha256)s",
                "verstuurd_op": "m.ontvangen_op",
                "verstuurd_door_id": "m.loket_id",
                "ontvanger_naam": naam,
                "ontvanger_adres": "''",
                "ontvanger_rol": f"'{OntvangerRol.INWONER}'",
            },
            "seed_m m JOIN meldingen_inwoner i ON i.id = %(inwoner0)s + m.inw",
        )
        v.step()
        v.done()

    def _scope(self, model) -> dict[str, str]:
        """Team, gemeente and consulent of the melding on Aanvraag and Beschikking (meldingen.kopie)."""
        return {
            f"{veld}_id": f"m.{bron}_id"
            for veld, bron in (("team", "team"), ("gemeente", "gemeente"), ("consulent", "consulent"))
            if heeft_veld(model, veld)
        }

    def _gesprek_scope(self) -> dict[str, str]:
        return {
            f"{veld}_id": f"x.{bron}_id"
            for veld, bron in (("team", "team"), ("gemeente", "gemeente"), ("melding_consulent", "consulent"))
            if heeft_veld(Gesprek, veld)
        }

    @cache  # noqa: B019 - one command run, bounded by the number of dates in ten years
    def _melding_deadlines(self, d: date) -> tuple[date, date]:
        return termijnen.persoonlijk_plan_deadline(d, self.extra), termijnen.onderzoek_deadline(d, self.extra)

    @cache  # noqa: B019
    def _beslis(self, d: date, stil: date | None = None, weer: date | None = None) -> date | None:
        return termijnen.beslis_deadline(d, [(stil, weer)] if stil else [], self.extra)

    @cache  # noqa: B019
    def _bezwaar(self, d: date) -> date:
        return termijnen.bezwaar_deadline(d, self.extra)

    # When each kind of row came about (for its "+" history row); default: the moment of the load.
    HISTORIE_MOMENT = {
        Melding: "ontvangen_op",
        Gesprek: "gepland_op - interval '7 days'",
        Onderzoek: "gestart_op",
        Aanvraag: "ontvangen_op + time '12:00'",
        AangevraagdeVoorziening: None,
        Opschorting: "eerste_dag_stil + time '09:00'",
        Beschikking: "bekendgemaakt_op + time '11:00'",
    }

    def _historie(self):
        """History rows, set-based (INSERT ... SELECT): "+" for every seeded row of a model with a
        history, at the moment it came about, and "~" for every melding that moved on (its final
        state, on the day it last changed)."""
        v = Progress("historie", len(self.GELADEN), quiet=self.stil)
        for model in self.GELADEN:
            if hasattr(model, "history"):
                self._historie_model(model)
            v.step()
        v.done()

    def _historie_model(self, model):
        """The history rows of one model (one history table)."""
        moment = self.HISTORIE_MOMENT.get(model) or "%s::timestamptz"
        self._historie_rijen(model, "+", moment)
        if model is Melding:
            self._historie_rijen(
                Melding,
                "~",
                "COALESCE(beeindigd_op, onderzoek_afgerond_op, ontvangen_op::date) + time '15:00'",
                where=f"status <> '{MeldingStatus.ONTVANGEN}'",
            )

    def _historie_rijen(self, model, soort: str, moment: str, where: str = "TRUE"):
        hist = model.history.model
        hist_kolommen = {f.column for f in hist._meta.concrete_fields}
        velden = [f.column for f in model._meta.concrete_fields if f.column in hist_kolommen]
        kolommen = ", ".join(connection.ops.quote_name(c) for c in velden)
        t0 = time.monotonic()
        with connection.cursor() as c:
            c.execute(
                f"INSERT INTO {hist._meta.db_table} ({kolommen}, history_date, history_change_reason, "
                f"history_type, history_user_id) SELECT {kolommen}, LEAST({moment}, %s::timestamptz), 'Seed', "
                f"%s, NULL FROM {model._meta.db_table} WHERE id >= %s AND {where}",
                # "Now" is Python's clock (time-machine in the tests), not the database server's.
                [*([self.nu] if "%s" in moment else []), self.nu, soort, self.eerste[model]],
            )
            self._meet(t0, f"historie {hist._meta.db_table} {soort}")


class Historie:
    """The history rows of one model as a task of ``terugzetten``: on a worker's own connection,
    in a transaction of its own, after the dossiers are committed."""

    def __init__(self, command, model):
        self.command, self.model = command, model
        self.tabel = model.history.model._meta.db_table

    def __call__(self):
        with transaction.atomic():
            with connection.cursor() as c:
                instellen(c, LAAD_INSTELLINGEN[1:], lokaal=True)
            self.command._historie_model(self.model)

    def __str__(self):
        return f"historie {self.tabel}"


def _verdeel(totaal: int, gewichten: list[float], minimum: int = 0) -> list[int]:
    """Split ``totaal`` over ``gewichten`` (largest remainder), each at least ``minimum``."""
    rest = totaal - minimum * len(gewichten)
    som = sum(gewichten)
    exact = [rest * w / som for w in gewichten]
    delen = [int(x) for x in exact]
    for k in sorted(range(len(exact)), key=lambda k: exact[k] - delen[k], reverse=True)[: rest - sum(delen)]:
        delen[k] += 1
    return [d + minimum for d in delen]
