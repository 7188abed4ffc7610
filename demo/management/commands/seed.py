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

Deadlines come from the deadline engine (wmo.termijnen), memoised per date, the first dwangsom
day from its rule (wmo.regels.dwangsom), suspensions through wmo.regels.opschorting. The
columns ``team``/``gemeente``/``consulent`` on Aanvraag, Beschikking and Gesprek are filled
with the melding's when the models have them.

Speed and memory (1M meldingen: a few minutes, bounded memory): rows are generated per chunk of
meldingen and go in with COPY, table by table, with explicit ids; nothing is kept between chunks
but a few small arrays per inwoner. Before the load the foreign keys and secondary indexes of
the tables it fills are dropped, after it they are recreated in one pass each (an index build
and one anti-join per foreign key) and everything is ANALYZEd. With the foreign keys in place,
PostgreSQL queues one deferred check per row until COMMIT (that queue cost most of the time and
over a gigabyte at 1M). All of it is one transaction: a failure leaves the database as it was.

Not a test fixture: the rows skip the services (no full_clean) for speed, but they satisfy every
database constraint. Every seed user has the password given by --wachtwoord.
"""

import hashlib
import random
import sys
import time
from array import array
from bisect import bisect
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as dtime
from functools import cache
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
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
from wmo.validators import valid_bsns

MARKER = "S001"  # cbs_code of the first seed gemeente: present means "already seeded"
CHUNK = 20_000  # meldingen generated and copied per round: memory stays flat

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
    """The COPY column list, the attnames in that order and each field's value when not given."""
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


def _copy(model, rijen) -> int:
    """COPY dicts (by field attname) into the model's table; missing fields get their default."""
    kolommen, namen, defaults = _kolommen(model)
    n = 0
    with connection.cursor() as c:
        with c.cursor.copy(f"COPY {model._meta.db_table} ({kolommen}) FROM STDIN") as copy:
            for rij in rijen:
                copy.write_row([rij.get(a, defaults[a]) for a in namen])
                n += 1
    return n


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


@contextmanager
def zonder_fk_en_indexen(tabellen: list[str]):
    """Drop the foreign keys, unique constraints and secondary indexes of ``tabellen``; recreate
    them afterwards.

    Primary keys stay (the ids are given, and checked per row as they come in). The constraints
    come back exactly as they were (pg_get_constraintdef; foreign keys DEFERRABLE INITIALLY
    DEFERRED as Django makes them), unique ones before the foreign keys, and are validated then:
    one index build or one anti-join each. Call inside a transaction: on an error everything,
    the DROPs included, is rolled back.
    """
    with connection.cursor() as c:
        # Rows made before (the organisation) still have their deferred checks queued; ALTER
        # TABLE refuses a table with pending trigger events, so run those checks now.
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype IN ('f', 'u') AND conrelid = ANY(%s::regclass[]) ORDER BY contype",
            [tabellen],
        )
        fks = c.fetchall()
        c.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
            [tabellen],
        )
        indexen = c.fetchall()
        # Foreign keys ('f') first, then unique constraints ('u'); recreated the other way round.
        for tabel, naam, _ in fks:
            c.execute(f"ALTER TABLE {tabel} DROP CONSTRAINT {connection.ops.quote_name(naam)}")
        for naam, _ in indexen:
            c.execute(f"DROP INDEX {naam}")
    yield
    with connection.cursor() as c:
        c.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definitie in indexen:
            c.execute(definitie)
        for tabel, naam, definitie in reversed(fks):
            c.execute(f"ALTER TABLE {tabel} ADD CONSTRAINT {connection.ops.quote_name(naam)} {definitie}")
        c.execute("SET CONSTRAINTS ALL DEFERRED")


class Command(BaseCommand):
    help = "Vult de database met een regio vol realistische dossiers (voor benchmarks), met COPY."

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

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("seed gebruikt COPY en werkt alleen met PostgreSQL.")
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
        with transaction.atomic():
            rollen_instellen()
            self._organisatie(opts)
            self._fase("organisatie")
            tabellen = [m._meta.db_table for m in self.GELADEN] + [
                m.history.model._meta.db_table for m in self.GELADEN if hasattr(m, "history")
            ]
            with zonder_fk_en_indexen(tabellen):
                self._dossiers(opts)
            self._fase("indexen en sleutels terug")
            # COPY passes no save: the MI summary is marked "count everything" (manage.py
            # mi_herberekenen or the task mi_bijwerken fills it; until then MI counts directly).
            samenvatting.alles_markeren()
        self._fase("commit")
        with connection.cursor() as c:
            c.execute("ANALYZE")
        self._fase("analyze")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {opts['meldingen']} meldingen in {time.monotonic() - start:.1f} s "
                f"({sum(map(len, self.consulenten.values()))} consulenten, {len(self.teams)} teams, "
                f"{opts['gemeenten']} gemeenten)."
            )
        )
        self.stdout.write("Fasen: " + ", ".join(f"{naam} {sec:.1f} s" for naam, sec in self.fasen.items()))

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

    # --- dossiers -------------------------------------------------------------------------

    @cache  # noqa: B019 - one command run, bounded by the number of dates in ten years
    def _melding_deadlines(self, d: date) -> tuple[date, date]:
        return termijnen.persoonlijk_plan_deadline(d, self.extra), termijnen.onderzoek_deadline(d, self.extra)

    @cache  # noqa: B019
    def _beslis(self, d: date, stil: date | None = None, weer: date | None = None) -> date | None:
        return termijnen.beslis_deadline(d, [(stil, weer)] if stil else [], self.extra)

    @cache  # noqa: B019
    def _bezwaar(self, d: date) -> date:
        return termijnen.bezwaar_deadline(d, self.extra)

    def _status(self, leeftijd: int) -> str:
        """A realistic stage for a melding received ``leeftijd`` days ago."""
        r = self.rnd.random()
        if leeftijd < 14:
            return (
                MeldingStatus.ONTVANGEN
                if r < 0.6
                else MeldingStatus.IN_ONDERZOEK
                if r < 0.95
                else MeldingStatus.AFGESLOTEN
            )
        if leeftijd < 60:
            if r < 0.1:
                return MeldingStatus.ONTVANGEN
            if r < 0.45:
                return MeldingStatus.IN_ONDERZOEK
            if r < 0.6:
                return MeldingStatus.VERSLAG_VERSTUURD
            if r < 0.8:
                return MeldingStatus.AANVRAAG_ONTVANGEN
            return MeldingStatus.AFGESLOTEN if r < 0.9 else MeldingStatus.BESLOTEN
        if leeftijd < 120:
            if r < 0.02:
                return MeldingStatus.IN_ONDERZOEK
            if r < 0.06:
                return MeldingStatus.AANVRAAG_ONTVANGEN
            return MeldingStatus.AFGESLOTEN if r < 0.4 else MeldingStatus.BESLOTEN
        return MeldingStatus.AFGESLOTEN if r < 0.35 else MeldingStatus.BESLOTEN

    def _dossiers(self, opts):
        rnd = self.rnd
        n = opts["meldingen"]
        self.dagen_terug = opts["jaren"] * 365
        n_inwoners = max(1, int(n * 0.7))
        bsns = valid_bsns(start=200_000_000)
        self.ids = {m: _next_id(m) for m in self.GELADEN}
        self.eerste = dict(self.ids)
        # (field on the row, field of the melding): the melding's consulent is `consulent` on
        # Aanvraag and Beschikking, `melding_consulent` on Gesprek (whose `consulent` holds the gesprek).
        self.scope = {
            m: [
                (veld, bron)
                for veld, bron in (
                    ("team", "team"),
                    ("gemeente", "gemeente"),
                    ("melding_consulent" if m is Gesprek else "consulent", "consulent"),
                )
                if heeft_veld(m, veld)
            ]
            for m in (Aanvraag, Beschikking, Gesprek)
        }
        self.hulp_cum = zipf_gewichten(len(HULPVRAGEN), 0.7)
        voornaam_cum = zipf_gewichten(len(VOORNAMEN), NAAM_SKEW)
        achternaam_cum = zipf_gewichten(len(ACHTERNAMEN), NAAM_SKEW)
        achternamen = [splits_naam(a) for a in ACHTERNAMEN]
        # Per inwoner only what a melding needs later: gemeente and name (as indexes). Small arrays.
        self.inw_gemeente = array("I")
        self.inw_voornaam = array("H")
        self.inw_achternaam = array("H")
        inwoner_id0 = self.ids[Inwoner]

        def inwoners():
            for i in range(n_inwoners):
                g = self.gemeenten[kies(rnd, self.gemeente_cum)]
                v, a = kies(rnd, voornaam_cum), kies(rnd, achternaam_cum)
                self.inw_gemeente.append(g)
                self.inw_voornaam.append(v)
                self.inw_achternaam.append(a)
                tv, achternaam = achternamen[a]
                yield {
                    "id": inwoner_id0 + i,
                    "bsn": next(bsns),
                    "voornamen": VOORNAMEN[v],
                    "tussenvoegsel": tv,
                    "achternaam": achternaam,
                    # Wmo users are mostly old: born 1925..1990, more of them early.
                    "geboortedatum": date(1925, 1, 1) + timedelta(days=int(365 * 65 * rnd.random() ** 1.5)),
                    "straat": STRATEN[rnd.randrange(len(STRATEN))],
                    "huisnummer": rnd.randrange(1, 300),
                    "postcode": f"{1000 + rnd.randrange(0, 8999)}{rnd.choice('ABCDEFGHJK')}{rnd.choice('ABCDEFGHJK')}",
                    "woonplaats": self.gemeente_naam[g],
                    "telefoon": "06 1234 5678",
                    "contactvoorkeur": "telefoon",
                    "gemeente_id": g,
                    "geen_clientervaringsonderzoek": rnd.random() < 0.03,
                }

        v = Progress("inwoners", n_inwoners, quiet=self.stil)
        v.step(_copy(Inwoner, inwoners()))
        v.done()
        self._fase("inwoners")
        self.ids[Inwoner] += n_inwoners
        self.n_inwoners = n_inwoners
        self.achternamen = achternamen
        v = Progress("meldingen (+ alles)", n, quiet=self.stil)
        for start in range(0, n, CHUNK):
            rijen = {m: [] for m in self.GELADEN if m is not Inwoner}
            for i in range(start, min(n, start + CHUNK)):
                self._melding(i, rijen)
            for model, lijst in rijen.items():
                _copy(model, lijst)
            v.step(min(n, start + CHUNK) - start)
        v.done()
        self._fase("meldingen en alles eronder")
        _update_sequence(*self.GELADEN)
        self._ontvangstbevestigingen()
        self._fase("ontvangstbevestigingen")
        self._historie()
        self._fase("historie")

    def _nieuw_id(self, model) -> int:
        pk = self.ids[model]
        self.ids[model] = pk + 1
        return pk

    def _op(self, d: date, uur: int = 9) -> datetime:
        """A moment on day ``d`` (Amsterdam), never in the future."""
        moment = datetime.combine(d, dtime(uur, self.rnd.randrange(60)), tzinfo=self.zone)
        return min(moment, self.nu - timedelta(minutes=1))

    def _brief(self, rijen, soort, *, melding: dict, kenmerk: str, op: datetime, door: int) -> int:
        pk = self._nieuw_id(Brief)
        inw = melding["inwoner_id"] - self.eerste[Inwoner]
        tv, achternaam = self.achternamen[self.inw_achternaam[inw]]
        rijen[Brief].append(
            {
                "id": pk,
                "soort": soort,
                "kenmerk": kenmerk,
                "inwoner_id": melding["inwoner_id"],
                "melding_id": melding["id"],
                "pdf": PLACEHOLDER_PDF,
                "sha256": PLACEHOLDER_SHA256,
                "verstuurd_op": op,
                "verstuurd_door_id": door,
                "ontvanger_naam": " ".join(
                    p for p in (VOORNAMEN[self.inw_voornaam[inw]], tv, achternaam) if p
                ),
            }
        )
        return pk

    def _met_scope(self, model, rij: dict, melding: dict) -> dict:
        """Team, gemeente and consulent of the melding on the rows that carry them (issue 14)."""
        for veld, bron in self.scope[model]:
            rij.setdefault(f"{veld}_id", melding[f"{bron}_id"])
        return rij

    def _melding(self, i: int, rijen: dict):
        rnd, vandaag = self.rnd, self.vandaag
        inwoner = i if i < self.n_inwoners else rnd.randrange(self.n_inwoners)
        gemeente = self.inw_gemeente[inwoner]
        team_ids, team_cum = self.teams_van_gemeente[gemeente]
        team = team_ids[kies(rnd, team_cum)]
        # More recent meldingen weigh more (a growing caseload), every day of the ten years has some.
        leeftijd = int(self.dagen_terug * (rnd.random() ** 1.6))
        ontvangen = vandaag - timedelta(days=leeftijd)
        ontvangen_op = datetime.combine(
            ontvangen, dtime(8 + rnd.randrange(9), rnd.randrange(60)), tzinfo=self.zone
        )
        if ontvangen_op > self.nu:
            ontvangen_op = self.nu - timedelta(minutes=rnd.randrange(1, 600))
            ontvangen = ontvangen_op.astimezone(self.zone).date()
        status = self._status(leeftijd)
        plan, onderzoek_deadline = self._melding_deadlines(ontvangen)
        consulenten = self.consulenten[team]
        consulent = (
            None
            if (status == MeldingStatus.ONTVANGEN and rnd.random() < 0.5)
            else consulenten[rnd.randrange(len(consulenten))]
        )
        afgerond = None
        if status not in (MeldingStatus.ONTVANGEN, MeldingStatus.IN_ONDERZOEK):
            afgerond = min(ontvangen + timedelta(days=rnd.randrange(5, 50)), vandaag)
        spoed = rnd.random() < 0.03
        mid = self._nieuw_id(Melding)
        hulpvraag, gebied = HULPVRAGEN[kies(rnd, self.hulp_cum)]
        loket = self.loket[team]
        melding = {
            "id": mid,
            "inwoner_id": self.eerste[Inwoner] + inwoner,
            "gemeente_id": gemeente,
            "team_id": team,
            "consulent_id": consulent,
            "ontvangen_op": ontvangen_op,
            "kanaal": self.kanalen[rnd.randrange(len(self.kanalen))],
            "melder_is_inwoner": True,
            "hulpvraag": hulpvraag,
            "spoed": spoed,
            "spoed_reden": "Mantelzorger valt plotseling weg." if spoed else "",
            "status": status,
            "afsluitreden": self.afsluitredenen[rnd.randrange(len(self.afsluitredenen))]
            if status == MeldingStatus.AFGESLOTEN
            else "",
            "afsluit_toelichting": "Seed" if status == MeldingStatus.AFGESLOTEN else "",
            "plan_deadline": plan,
            "onderzoek_deadline": onderzoek_deadline,
            "onderzoek_afgerond_op": afgerond,
            # Closed without aanvraag on the day the onderzoek ended; besloten: set below.
            "beeindigd_op": afgerond if status == MeldingStatus.AFGESLOTEN else None,
            "geregistreerd_door_id": loket,
            "geregistreerd_op": ontvangen_op,
        }
        rijen[Melding].append(melding)
        kenmerk = f"WMO-{ontvangen.year}-{mid:06d}"
        # The ontvangstbevestiging: set-based after the load (_ontvangstbevestigingen).
        if status == MeldingStatus.ONTVANGEN or not consulent:
            return
        # The onderzoek: one or two gesprekken, the resultaatgebied at stake, a verslag when done.
        oid = self._nieuw_id(Onderzoek)
        rijen[Onderzoek].append(
            {
                "id": oid,
                "melding_id": mid,
                "mantelzorger_naam": "Partner" if rnd.random() < 0.4 else "",
                "wederkerigheid": "Past op de kleinkinderen." if rnd.random() < 0.2 else "",
                "eigen_oplossing": "Zelf iemand zoeken." if rnd.random() < 0.3 else "",
                "gestart_door_id": consulent,
                "gestart_op": ontvangen_op + timedelta(days=1),
            }
        )
        rijen[ResultaatOnderzoek].append(
            {
                "id": self._nieuw_id(ResultaatOnderzoek),
                "onderzoek_id": oid,
                "gebied": gebied,
                "aan_de_orde": True,
                "wat_lukt_niet": hulpvraag,
                "oorzaak_inwoner": "Sinds de val gaat het niet meer.",
                "te_bereiken_resultaat": "De inwoner woont weer veilig en schoon." if afgerond else "",
                "oplossing": "Maatwerkvoorziening." if afgerond else "",
            }
        )
        for g in range(1 if rnd.random() < 0.8 else 2):
            if rnd.random() > 0.85:
                continue
            r = rnd.random()
            plaats = Plaats.THUIS if r < 0.8 else Plaats.TELEFONISCH if r < 0.95 else Plaats.GEMEENTEHUIS
            if status == MeldingStatus.IN_ONDERZOEK and leeftijd < 21:
                op = ontvangen + timedelta(days=rnd.randrange(leeftijd, leeftijd + 21) + 7 * g)
                gstatus = GesprekStatus.GEPLAND if op >= vandaag else GesprekStatus.GEVOERD
            else:
                op = min(ontvangen + timedelta(days=rnd.randrange(3, 21) + 7 * g), vandaag)
                gstatus = GesprekStatus.GEVOERD
            gepland_op = datetime.combine(op, dtime(9 + rnd.randrange(8)), tzinfo=self.zone)
            if gstatus == GesprekStatus.GEVOERD and gepland_op > self.nu:
                gepland_op = self.nu - timedelta(hours=1)
            rijen[Gesprek].append(
                self._met_scope(
                    Gesprek,
                    {
                        "id": self._nieuw_id(Gesprek),
                        "melding_id": mid,
                        "gepland_op": gepland_op,
                        "plaats": plaats,
                        "telefonisch_reden": "Inwoner wil liever bellen."
                        if plaats == Plaats.TELEFONISCH
                        else "",
                        "consulent_id": consulent,
                        "status": gstatus,
                        "gepland_door_id": consulent,
                    },
                    melding,
                )
            )
        if status == MeldingStatus.IN_ONDERZOEK:
            # What is still to be done shows on the consulent's werkvoorraad.
            if rnd.random() < 0.5:
                rijen[Vervolgafspraak].append(
                    {
                        "id": self._nieuw_id(Vervolgafspraak),
                        "onderzoek_id": oid,
                        "actie": "Offerte traplift opvragen.",
                        "eigenaar_id": consulent,
                        "uiterlijk": vandaag + timedelta(days=rnd.randrange(-5, 20)),
                        "status": AfspraakStatus.OPEN,
                    }
                )
            return
        if not afgerond:
            return
        aanvraag_volgt = status in (MeldingStatus.AANVRAAG_ONTVANGEN, MeldingStatus.BESLOTEN)
        verslag_op = self._op(afgerond, 10)
        brief = self._brief(
            rijen, BriefSoort.VERSLAG, melding=melding, kenmerk=kenmerk, op=verslag_op, door=consulent
        )
        reactie = (
            VerslagReactie.AFWACHTEN if status == MeldingStatus.VERSLAG_VERSTUURD else VerslagReactie.AKKOORD
        )
        verslag = {
            "id": self._nieuw_id(VerslagVersie),
            "onderzoek_id": oid,
            "nummer": 1,
            "brief_id": brief,
            "maatwerk_gevraagd": aanvraag_volgt,
            "status": reactie,
            "reactie_ontvangen_op": afgerond if reactie == VerslagReactie.AKKOORD else None,
            "ondertekend": reactie == VerslagReactie.AKKOORD,
            "reactie_vastgelegd_door_id": consulent if reactie == VerslagReactie.AKKOORD else None,
        }
        rijen[VerslagVersie].append(verslag)
        if not aanvraag_volgt:
            return
        self._aanvraag(rijen, melding, kenmerk, afgerond, status, consulent or loket, verslag)

    def _aanvraag(self, rijen, melding, kenmerk, a_ontvangen, status, door, verslag):
        rnd, vandaag = self.rnd, self.vandaag
        aid = self._nieuw_id(Aanvraag)
        verslag["aanvraag_id"] = aid
        # Awb 4:15: about one aanvraag in ten waits for information asked with a term of two weeks.
        stil = weer = None
        if rnd.random() < 0.1 and a_ontvangen + timedelta(days=3) < vandaag:
            stil = opschorting.eerste_dag_na_verzoek(a_ontvangen + timedelta(days=1))
            termijn_tot = stil + timedelta(days=13)
            uiterste = opschorting.uiterste_dag_weer(aanvulling_gevraagd=True, termijn_tot=termijn_tot)
            weer = min(stil + timedelta(days=rnd.randrange(1, 20)), uiterste)
            if weer > vandaag:
                weer = None  # still waiting: the clock runs again at the latest the day after the term
            rijen[Opschorting].append(
                {
                    "id": self._nieuw_id(Opschorting),
                    "aanvraag_id": aid,
                    "reden": OpschortingReden.AANVULLING_GEVRAAGD,
                    "eerste_dag_stil": stil,
                    "eerste_dag_weer": weer,
                    "termijn_tot": termijn_tot,
                    "toelichting": "Medische verklaring van de huisarts.",
                }
            )
            weer_telt = opschorting.interval(stil, weer, uiterste)[1]
            beslis = self._beslis(a_ontvangen, stil, weer_telt)
        else:
            beslis = self._beslis(a_ontvangen)
        besloten = None
        if status == MeldingStatus.BESLOTEN:
            besloten = min(
                max(a_ontvangen + timedelta(days=rnd.randrange(3, 25)), weer or a_ontvangen), vandaag
            )
            melding["beeindigd_op"] = besloten
        ingebreke = dwangsom_vanaf = None
        if besloten is None and beslis and beslis < vandaag - timedelta(days=3) and rnd.random() < 0.2:
            ingebreke = min(beslis + timedelta(days=rnd.randrange(1, 10)), vandaag)
            dwangsom_vanaf = dwangsom.eerste_dag(beslis, ingebreke)
        rijen[Aanvraag].append(
            self._met_scope(
                Aanvraag,
                {
                    "id": aid,
                    "melding_id": melding["id"],
                    "ontvangen_op": a_ontvangen,
                    "grondslag": Grondslag.NA_ONDERZOEK,
                    "beslis_deadline": beslis,
                    "besloten_op": besloten,
                    "geregistreerd_door_id": door,
                    "ingebrekestelling_op": ingebreke,
                    "dwangsom_vanaf": dwangsom_vanaf,
                },
                melding,
            )
        )
        voorziening = self.voorzieningen[rnd.randrange(len(self.voorzieningen))]
        gevraagd_id = self._nieuw_id(AangevraagdeVoorziening)
        rijen[AangevraagdeVoorziening].append(
            {
                "id": gevraagd_id,
                "aanvraag_id": aid,
                "voorziening_id": voorziening.pk,
                "resultaatgebied": rnd.randrange(1, 9),
            }
        )
        if not besloten:
            return
        bid = self._nieuw_id(Beschikking)
        brief = self._brief(
            rijen,
            BriefSoort.BESCHIKKING,
            melding=melding,
            kenmerk=kenmerk,
            op=self._op(besloten, 11),
            door=door,
        )
        rijen[Beschikking].append(
            self._met_scope(
                Beschikking,
                {
                    "id": bid,
                    "aanvraag_id": aid,
                    "status": BeschikkingStatus.VERSTUURD,
                    "opgesteld_door_id": door,
                    "besloten_door_id": door,
                    "besloten_functie": "Wmo-consulent",
                    "bekendgemaakt_op": besloten,
                    "bezwaar_deadline": self._bezwaar(besloten),
                    "brief_id": brief,
                },
                melding,
            )
        )
        r = rnd.random()
        uitkomst = (
            Uitkomst.TOEGEKEND if r < 0.8 else Uitkomst.GEDEELTELIJK if r < 0.85 else Uitkomst.AFGEWEZEN
        )
        toegekend = uitkomst != Uitkomst.AFGEWEZEN
        ingang = besloten + timedelta(days=7) if toegekend else None
        rijen[BeschikkingRegel].append(
            {
                "id": self._nieuw_id(BeschikkingRegel),
                "beschikking_id": bid,
                "aangevraagd_id": gevraagd_id,
                "uitkomst": uitkomst,
                "voorziening_id": voorziening.pk,
                "omvang": 3 if toegekend else None,
                "eenheid": voorziening.eenheid if toegekend else "",
                "frequentie": Frequentie.PER_WEEK if toegekend else "",
                "leveringsvorm": Leveringsvorm.ZIN if toegekend else "",
                "aanbieder_naam": "Seedzorg BV" if toegekend else "",
                "ingangsdatum": ingang,
                "einddatum": ingang + timedelta(days=365 * rnd.randrange(1, 4))
                if toegekend and rnd.random() < 0.6
                else None,
                "motivering": "Seed: besluit volgens het onderzoek.",
                "afwijking_motivering": "" if uitkomst == Uitkomst.TOEGEKEND else "Seed: zie motivering.",
                "eigen_bijdrage": True,
            }
        )

    def _ontvangstbevestigingen(self):
        """One ontvangstbevestiging per melding, sent by the loket on the day of the melding (Wmo
        2015 art. 2.3.2 lid 1): set-based (INSERT ... SELECT), a million rows without Python.
        The kenmerk is Melding.kenmerk's (year of receipt in Amsterdam, id in six digits or more)."""
        with connection.cursor() as c:
            c.execute(
                f"""
                INSERT INTO {Brief._meta.db_table} (soort, kenmerk, inwoner_id, melding_id, pdf, sha256,
                    verstuurd_op, verstuurd_door_id, ontvanger_naam, ontvanger_adres, ontvanger_rol)
                SELECT %s, 'WMO-' || extract(year FROM m.ontvangen_op AT TIME ZONE %s)::int || '-'
                        || lpad(m.id::text, greatest(6, length(m.id::text)), '0'),
                    m.inwoner_id, m.id, %s, %s, m.ontvangen_op, m.geregistreerd_door_id,
                    concat_ws(' ', i.voornamen, nullif(i.tussenvoegsel, ''), i.achternaam), '', %s
                FROM {Melding._meta.db_table} m JOIN {Inwoner._meta.db_table} i ON i.id = m.inwoner_id
                WHERE m.id >= %s
                """,
                [
                    BriefSoort.ONTVANGSTBEVESTIGING,
                    str(self.zone),
                    PLACEHOLDER_PDF,
                    PLACEHOLDER_SHA256,
                    OntvangerRol.INWONER,
                    self.eerste[Melding],
                ],
            )

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
            if not hasattr(model, "history"):
                v.step()
                continue
            moment = self.HISTORIE_MOMENT.get(model) or "now()"
            self._historie_rijen(model, "+", moment)
            v.step()
        self._historie_rijen(
            Melding,
            "~",
            "COALESCE(beeindigd_op, onderzoek_afgerond_op, ontvangen_op::date) + time '15:00'",
            where=f"status <> '{MeldingStatus.ONTVANGEN}'",
        )
        v.done()

    def _historie_rijen(self, model, soort: str, moment: str, where: str = "TRUE"):
        hist = model.history.model
        hist_kolommen = {f.column for f in hist._meta.concrete_fields}
        velden = [f.column for f in model._meta.concrete_fields if f.column in hist_kolommen]
        kolommen = ", ".join(connection.ops.quote_name(c) for c in velden)
        with connection.cursor() as c:
            c.execute(
                f"INSERT INTO {hist._meta.db_table} ({kolommen}, history_date, history_change_reason, "
                f"history_type, history_user_id) SELECT {kolommen}, LEAST({moment}, now()), 'Seed', %s, NULL "
                f"FROM {model._meta.db_table} WHERE id >= %s AND {where}",
                [soort, self.eerste[model]],
            )


def _verdeel(totaal: int, gewichten: list[float], minimum: int = 0) -> list[int]:
    """Split ``totaal`` over ``gewichten`` (largest remainder), each at least ``minimum``."""
    rest = totaal - minimum * len(gewichten)
    som = sum(gewichten)
    exact = [rest * w / som for w in gewichten]
    delen = [int(x) for x in exact]
    for k in sorted(range(len(exact)), key=lambda k: exact[k] - delen[k], reverse=True)[: rest - sum(delen)]:
        delen[k] += 1
    return [d + minimum for d in delen]
