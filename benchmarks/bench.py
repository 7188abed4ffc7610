"""`make bench`: key pages at the scale of a region, on this machine, over loopback only.

1. Makes (or reuses) the bench database and seeds it (manage.py seed) when it holds no seed.
2. Picks 20 distinct medewerkers: 5 teamleiders and 15 consulenten of different teams (big and
   small ones). Each logs in through the real login: the password form, then the two-step code
   from a TOTP device the benchmark gives them (as tests/tweestaps.py does), with its own session.
3. Starts the app under gunicorn on 127.0.0.1 with benchmarks.settings: the app plus a floor page
   (the base layout for a logged-in medewerker, no data queries) and a Server-Timing header with
   the server time, the SQL time and the query count of every request.
4. 1 user: every page, one request at a time, rotating over the users that have it.
   20 users: all at once, each with its own session, each clicking through a working day's mix
   (the consulent mostly on the werkvoorraad and the onderzoek, the teamleider on the dashboard).
   The floor is part of both, so every ratio is within one run. Every loop is bounded in count
   and in time; the driver only ever talks to 127.0.0.1.
5. The load of the machine (loadavg before, after, and sampled during the run), the PostgreSQL
   settings, the PDF timings, and the table with the issue's targets marked PASS or MISS, written
   to benchmarks/resultaten.md.

Run: ``python benchmarks/bench.py [--meldingen 1000000] [--port 8765] [--klein]``; the database is
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kt_bench).
"""

import argparse
import http.client
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
HOST = "127.0.0.1"  # loopback only: never anything else
VLOER = "vloer"
MAX_TIJD_EEN = 30.0  # seconds per page, 1 user
MAX_TIJD_TWINTIG = 180.0  # seconds for the whole 20-user run
WACHTWOORD = "keukentafel-bench"  # every seed user's (seed --wachtwoord)
EEN_GEBRUIKER_VERZOEKEN = 20  # per page
TWINTIG_PER_GEBRUIKER = 40  # requests per user: 800 in all
TEAMLEIDERS, CONSULENTEN = 5, 15
PG_INSTELLINGEN = (
    "shared_buffers",
    "effective_cache_size",
    "random_page_cost",
    "work_mem",
    "maintenance_work_mem",
)

# A working day (weights per role): what a consulent and a teamleider open, and how often.
WERKDAG = {
    "consulent": {
        "werkvoorraad": 30,
        "onderzoek": 20,
        "melding": 15,
        "dossier": 15,
        "zoeken (naam)": 10,
        "zoeken (BSN)": 5,
        VLOER: 5,
    },
    "teamleider": {
        "dashboard": 25,
        "werkvoorraad": 15,
        "dashboard beslis verlopen": 10,
        "managementinformatie": 10,
        "MI-CSV": 5,
        "melding": 10,
        "dossier": 10,
        "zoeken (naam)": 10,
        VLOER: 5,
    },
}
PAGINAS = [
    VLOER,
    "werkvoorraad",
    "onderzoek",
    "melding",
    "dossier",
    "zoeken (naam)",
    "zoeken (BSN)",
    "dashboard",
    "dashboard beslis verlopen",
    "managementinformatie",
    "MI-CSV",
]

# --- pure parts (tested in tests/benchmarks/) ----------------------------------------------------


def percentiel(waarden, p: float) -> float:
    """The p-th percentile (0..1), linear between the closest ranks; NaN for no values."""
    if not waarden:
        return float("nan")
    s = sorted(waarden)
    k = (len(s) - 1) * p
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def server_timing(header: str | None) -> tuple[float, float, int] | None:
    """(app ms, sql ms, queries) from benchmarks.meting's Server-Timing header."""
    if not header:
        return None
    app = re.search(r"app;dur=([\d.]+)", header)
    sql = re.search(r'sql;dur=([\d.]+);desc="(\d+)"', header)
    if not (app and sql):
        return None
    return float(app.group(1)), float(sql.group(1)), int(sql.group(2))


def werkdag(rnd: random.Random, rol: str, n: int) -> list[str]:
    """``n`` page names drawn from the role's working day (WERKDAG)."""
    mix = WERKDAG[rol]
    return rnd.choices(list(mix), weights=list(mix.values()), k=n)


def gebruikersmix(
    teamleiders: list[tuple[int, int]], consulenten: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """20 distinct users, (user id, role): TEAMLEIDERS teamleiders and CONSULENTEN consulenten, each
    of a different team as far as the teams go. Inputs are (user id, team id), busiest team first;
    the teams are taken alternately from the busy and the quiet end, so big and small teams mix."""

    def afwisselend(rijen):
        uit = []
        rijen = list(rijen)
        while rijen:
            uit.append(rijen.pop(0))
            if rijen:
                uit.append(rijen.pop())
        return uit

    gekozen, teams = [], set()
    for rol, rijen, aantal in (
        ("teamleider", teamleiders, TEAMLEIDERS),
        ("consulent", consulenten, CONSULENTEN),
    ):
        rijen = afwisselend(rijen)
        eerst = [r for r in rijen if r[1] not in teams]
        rest = [r for r in rijen if r[1] in teams]
        n = 0
        for uid, team in eerst + rest:
            if n == aantal:
                break
            if any(uid == g for g, _ in gekozen):
                continue
            gekozen.append((uid, rol))
            teams.add(team)
            n += 1
    return gekozen


@dataclass
class Meting:
    """All requests of one page in one phase."""

    tijden: list[float] = field(default_factory=list)  # ms, successful requests
    app: list[float] = field(default_factory=list)  # ms, server time (Server-Timing)
    sql: list[float] = field(default_factory=list)  # ms, SQL time
    queries: list[int] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentiel(self.tijden, 0.5)

    @property
    def p95(self) -> float:
        return percentiel(self.tijden, 0.95)

    @property
    def sql_aandeel(self) -> float:
        return sum(self.sql) / sum(self.app) if sum(self.app) else float("nan")

    @property
    def max_queries(self) -> int | None:
        return max(self.queries) if self.queries else None


def _getal(x: float, fmt: str = ".1f") -> str:
    return "-" if x != x else format(x, fmt)  # NaN -> "-"


def tabel(een: dict[str, Meting], twintig: dict[str, Meting]) -> list[str]:
    """The markdown table: per page p50/p95 and the ratio to the floor, 1 and 20 users."""
    v1, v20 = een[VLOER], twintig.get(VLOER, Meting())
    regels = [
        "| pagina | queries | SQL-aandeel | 1 gebr. p50 ms | 1 gebr. p95 ms | p50 / vloer | 20 gebr. p50 ms"
        " | 20 gebr. p95 ms | p95 / vloer (20) | n (1 / 20) | fouten |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for naam in PAGINAS:
        if naam not in een:
            continue
        a, b = een[naam], twintig.get(naam, Meting())
        regels.append(
            f"| {naam} | {a.max_queries if a.max_queries is not None else '-'} | {_getal(a.sql_aandeel * 100, '.0f')} % | "
            f"{_getal(a.p50)} | {_getal(a.p95)} | {_getal(a.p50 / v1.p50)}x | "
            f"{_getal(b.p50)} | {_getal(b.p95)} | {_getal(b.p95 / v20.p95)}x | "
            f"{len(a.tijden)} / {len(b.tijden)} | {len(a.fouten) + len(b.fouten)} |"
        )
    return regels


def doelen(
    een: dict[str, Meting], twintig: dict[str, Meting], pdf: dict[str, tuple[float, float]]
) -> list[str]:
    """The issue's targets (issue 14), per page PASS or MISS, with the measured values."""
    v1, v20 = een[VLOER], twintig.get(VLOER, Meting())
    regels = []
    for naam in PAGINAS:
        if naam == VLOER or naam not in een:
            continue
        a, b = een[naam], twintig.get(naam, Meting())
        missers = []
        if not (a.p50 <= 3 * v1.p50 and a.p50 <= 40):
            missers.append(f"1 gebr. p50 {a.p50:.0f} ms (doel <= 3x vloer = {3 * v1.p50:.0f} ms en <= 40 ms)")
        if not a.p95 <= 120:
            missers.append(f"1 gebr. p95 {a.p95:.0f} ms (doel <= 120 ms)")
        if not b.p95 <= 2.5 * v20.p95:
            missers.append(f"20 gebr. p95 {b.p95:.0f} ms (doel <= 2,5x vloer = {2.5 * v20.p95:.0f} ms)")
        if a.fouten or b.fouten:
            missers.append(f"{len(a.fouten) + len(b.fouten)} fouten (doel 0)")
        if a.max_queries is None or a.max_queries > 12:
            missers.append(f"{a.max_queries} queries (doel <= 12)")
        if naam.startswith("dashboard") and a.sql:
            verhouding = percentiel(a.app, 0.5) / max(percentiel(a.sql, 0.5), 0.001)
            if verhouding > 3:
                missers.append(f"pagina {verhouding:.1f}x de eigen SQL (doel <= 3x)")
        regels.append(f"- {naam}: " + ("PASS" if not missers else "MISS: " + "; ".join(missers)))
    for naam, (_, p95) in pdf.items():
        if naam == "minimale pagina":
            continue
        regels.append(
            f"- PDF {naam}: " + ("PASS" if p95 <= 600 else f"MISS: p95 {p95:.0f} ms (doel <= 600 ms)")
        )
    return regels


BEGIN, EINDE = "<!-- bench: begin (make bench schrijft dit deel) -->", "<!-- bench: einde -->"


def invoegen(oud: str, meting: str) -> str:
    """The file with the measured part replaced: what stands outside the markers (the closing
    note, before/after per change) stays; a file without markers gets them around the table."""
    blok = f"{BEGIN}\n{meting.rstrip()}\n{EINDE}"
    if BEGIN in oud and EINDE in oud:
        voor, rest = oud.split(BEGIN, 1)
        return voor + blok + rest.split(EINDE, 1)[1]
    return blok + "\n"


# --- HTTP: one session per user ----------------------------------------------------------------


class Sessie:
    """One medewerker's browser: a keep-alive connection and its cookies (loopback only)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)

    def verzoek(self, methode: str, pad: str, data: dict | None = None):
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        for poging in (1, 2):
            try:
                self.conn.request(methode, pad, body=body, headers=headers)
                r = self.conn.getresponse()
                inhoud = r.read()
                break
            except (OSError, http.client.HTTPException) as e:
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
                # gunicorn closes a keep-alive connection after 2 idle seconds, as a browser sees
                # too: a GET on such a connection is sent again once, on a fresh one.
                gesloten = isinstance(
                    e, http.client.RemoteDisconnected | ConnectionResetError | BrokenPipeError
                )
                if poging == 2 or methode != "GET" or not gesloten:
                    raise
        for waarde in r.headers.get_all("Set-Cookie") or []:
            for naam, morsel in SimpleCookie(waarde).items():
                if morsel.value:
                    self.cookies[naam] = morsel.value
                else:
                    self.cookies.pop(naam, None)
        return r, inhoud

    def inloggen(self, username: str, wachtwoord: str, code) -> None:
        """The real login: password form, then the two-step code (``code()`` gives the current one)."""
        self.verzoek("GET", "/inloggen/")
        r, _ = self.verzoek("POST", "/inloggen/", {"username": username, "password": wachtwoord})
        if r.status != 302 or "tweestaps" not in (r.getheader("Location") or ""):
            raise RuntimeError(f"inloggen {username}: {r.status} {r.getheader('Location')}")
        self.verzoek("GET", "/toegang/tweestaps/")
        r, _ = self.verzoek("POST", "/toegang/tweestaps/", {"code": code()})
        if r.status != 302:
            raise RuntimeError(f"tweestaps {username}: {r.status}")
        r, _ = self.verzoek("GET", "/")
        if r.status != 200:
            raise RuntimeError(f"werkvoorraad na inloggen {username}: {r.status}")


def _meet(sessie: Sessie, pad: str, meting: Meting, slot: threading.Lock):
    t0 = time.perf_counter()
    try:
        r, _ = sessie.verzoek("GET", pad)
        fout = None if r.status == 200 else str(r.status)
        st = server_timing(r.getheader("Server-Timing"))
    except (OSError, http.client.HTTPException) as e:
        fout, st = type(e).__name__, None
    dt = (time.perf_counter() - t0) * 1000
    with slot:
        if fout:
            meting.fouten.append(f"{pad}: {fout}")
            return
        meting.tijden.append(dt)
        if st:
            meting.app.append(st[0])
            meting.sql.append(st[1])
            meting.queries.append(st[2])


class Belasting:
    """loadavg before, after, and sampled every second during the run (mean and max of the 1-min)."""

    def __init__(self):
        self.voor = os.getloadavg()
        self.monsters: list[float] = []
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, daemon=True)
        self._t.start()

    def _loop(self):
        while not self._stop.wait(1.0):
            self.monsters.append(os.getloadavg()[0])

    def stop(self):
        self._stop.set()
        self._t.join(2)
        self.na = os.getloadavg()

    def regel(self) -> str:
        m = self.monsters or [float("nan")]
        return (
            f"Belasting (loadavg 1/5/15 min): voor {self.voor[0]:.2f}/{self.voor[1]:.2f}/{self.voor[2]:.2f}, "
            f"tijdens gemiddeld {sum(m) / len(m):.2f} en hoogstens {max(m):.2f}, "
            f"na {self.na[0]:.2f}/{self.na[1]:.2f}/{self.na[2]:.2f} ({os.cpu_count()} cores)."
        )


# --- the app and the database ------------------------------------------------------------------


def _env(db_url: str):
    os.environ["DATABASE_URL"] = db_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
    os.environ.setdefault("CSRF_COOKIE_SECURE", "false")


def _database_maken(db_url: str):
    import psycopg

    naam = db_url.rsplit("/", 1)[1]
    beheer = db_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            conn.execute(f'CREATE DATABASE "{naam}"')


@contextmanager
def _gunicorn(port: int):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proces = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "wmo.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=BASIS,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                c = http.client.HTTPConnection(HOST, port, timeout=1)
                c.request("GET", "/inloggen/")
                c.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn start niet")
        yield proces
    finally:
        proces.terminate()
        try:
            proces.wait(10)
        except subprocess.TimeoutExpired:
            proces.kill()


def _gebruikers() -> list[tuple[object, str]]:
    """The 20 medewerkers (benchmarks' gebruikersmix over the seed's teams, busiest first)."""
    from django.db.models import Count, Q

    from meldingen.constants import OPEN_STATUSSEN
    from wmo.constants import Rol
    from wmo.models import Medewerker

    open_per_team = Q(team__meldingen__status__in=OPEN_STATUSSEN)
    teamleiders = list(
        Medewerker.objects.filter(groups__name=Rol.TEAMLEIDER, username__startswith="seed-")
        .annotate(n=Count("team__meldingen", filter=open_per_team))
        .order_by("-n", "pk")
        .values_list("pk", "team_id")
    )
    consulenten = list(
        Medewerker.objects.filter(groups__name=Rol.CONSULENT, username__startswith="seed-")
        .annotate(n=Count("meldingen", filter=Q(meldingen__status="in_onderzoek")))
        .filter(n__gt=0)
        .order_by("-n", "pk")
        .values_list("pk", "team_id")
    )
    # One consulent per team (the busiest of the team), teams busiest first.
    per_team = {}
    for uid, team in consulenten:
        per_team.setdefault(team, uid)
    consulenten = [(uid, team) for team, uid in per_team.items()]
    mix = gebruikersmix(teamleiders, consulenten)
    users = Medewerker.objects.in_bulk([uid for uid, _ in mix])
    return [(users[uid], rol) for uid, rol in mix]


def _paden(user, rol: str, rnd: random.Random) -> dict[str, list[str]]:
    """Per page the URLs this user opens: its own team's meldingen, dossiers and searches."""
    from demo.management.commands.seed import ACHTERNAMEN, splits_naam
    from gesprekken.models import Onderzoek
    from meldingen.constants import OPEN_STATUSSEN
    from meldingen.models import Melding

    if rol == "consulent":
        meldingen = Melding.objects.filter(consulent=user, status__in=OPEN_STATUSSEN)
    else:
        meldingen = Melding.objects.filter(team_id=user.team_id, status__in=OPEN_STATUSSEN)
    meldingen = list(meldingen.order_by("-pk").values_list("pk", "inwoner_id", "inwoner__bsn")[:20])
    onderzoeken = list(
        Onderzoek.objects.filter(melding__team_id=user.team_id, melding__status="in_onderzoek")
        .filter(**({"melding__consulent": user} if rol == "consulent" else {}))
        .order_by("-pk")
        .values_list("melding_id", flat=True)[:20]
    )
    namen = [splits_naam(a)[1] for a in ACHTERNAMEN[:40]]  # people search for common names most
    paden = {
        VLOER: ["/bench/vloer/"],
        "werkvoorraad": ["/"],
        "melding": [f"/meldingen/{m}/" for m, _, _ in meldingen],
        "dossier": [f"/inwoners/{i}/" for _, i, _ in meldingen],
        "zoeken (naam)": [f"/inwoners/?q={quote(n)}" for n in rnd.sample(namen, 10)],
        "zoeken (BSN)": [f"/inwoners/?q={b}" for _, _, b in meldingen],
        "onderzoek": [f"/meldingen/{m}/onderzoek/" for m in onderzoeken],
    }
    if rol == "teamleider":
        paden |= {
            "dashboard": ["/teamleider/"],
            "dashboard beslis verlopen": ["/teamleider/?klok=beslis&staat=verlopen"],
            "managementinformatie": ["/teamleider/managementinformatie/"],
            "MI-CSV": ["/teamleider/managementinformatie.csv"],
        }
    return {k: v for k, v in paden.items() if v}


def _totp(user):
    """A fresh confirmed TOTP device for ``user`` and a function giving its current code."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user, name="Bench").delete()
    apparaat = TOTPDevice.objects.create(user=user, name="Bench", confirmed=True)

    def code():
        t = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
        return f"{t.token():0{apparaat.digits}d}"

    return code


def _pg_instellingen() -> dict[str, str]:
    from django.db import connection

    with connection.cursor() as c:
        uit = {}
        for naam in PG_INSTELLINGEN:
            c.execute(f"SHOW {naam}")
            uit[naam] = c.fetchone()[0]
        c.execute("SHOW server_version")
        uit["versie"] = c.fetchone()[0]
    return uit


def _pdf_tijden(n: int = 10) -> dict[str, tuple[float, float]]:
    from aanvragen.models import Beschikking
    from wmo import brieven
    from wmo.constants import BriefSoort

    def meet(maak) -> list[float]:
        maak()  # warm (fonts, import)
        tijden = []
        for _ in range(n):
            t0 = time.perf_counter()
            maak()
            tijden.append(time.perf_counter() - t0)
        return tijden

    uit = {}
    import weasyprint

    uit["minimale pagina"] = meet(
        lambda: weasyprint.HTML(string="<html lang='nl'><title>x</title><p>Hallo</p></html>").write_pdf(
            pdf_variant="pdf/ua-1"
        )
    )
    b = (
        Beschikking.objects.filter(status="verstuurd", regels__isnull=False)
        .select_related("aanvraag__melding")
        .order_by("-pk")
        .first()
    )
    if b:
        from aanvragen.services.beschikking import beschikking_briefcontext

        melding = b.aanvraag.melding
        uit["beschikking"] = meet(
            lambda: brieven.render_brief(
                soort=BriefSoort.BESCHIKKING,
                melding=melding,
                context=beschikking_briefcontext(b, aanvraag=b.aanvraag),
            )
        )
    from gesprekken.models import Onderzoek
    from gesprekken.services import verslag_context

    onderzoek = Onderzoek.objects.filter(melding__status="in_onderzoek").select_related("melding").first()
    if onderzoek:
        uit["verslag"] = meet(
            lambda: brieven.render_brief(
                soort=BriefSoort.VERSLAG, melding=onderzoek.melding, context=verslag_context(onderzoek)
            )
        )
    return {k: (percentiel(v, 0.5) * 1000, percentiel(v, 0.95) * 1000) for k, v in uit.items()}


# --- main ----------------------------------------------------------------------------------------


def main():
    # Stop cleanly on SIGTERM too: the finally blocks stop gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meldingen", type=int, default=1_000_000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--uitvoer", default=str(BASIS / "benchmarks" / "resultaten.md"))
    parser.add_argument(
        "--klein", action="store_true", help="Weinig verzoeken (rooktest): 3 per pagina, 5 per gebruiker."
    )
    args = parser.parse_args()
    per_pagina = 3 if args.klein else EEN_GEBRUIKER_VERZOEKEN
    per_gebruiker = 5 if args.klein else TWINTIG_PER_GEBRUIKER
    db_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kt_bench")
    _env(db_url)
    _database_maken(db_url)
    import django

    django.setup()
    from django.core.management import call_command

    from demo.management.commands.seed import MARKER
    from meldingen.models import Melding
    from wmo.models import Gemeente

    call_command("migrate", verbosity=0)
    seed_tijd = None
    if not Gemeente.objects.filter(cbs_code=MARKER).exists():
        t0 = time.monotonic()
        call_command("seed", meldingen=args.meldingen)
        seed_tijd = time.monotonic() - t0
    # What the task mi_bijwerken does after a load (the bench runs no worker): the MI summary.
    call_command("mi_herberekenen", "--gemarkeerd", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # The seed hashes the password with the hasher of the settings it ran under; the bench logs in
    # under benchmarks.settings (the test settings' hasher): make the hash one this server checks.
    from django.contrib.auth.hashers import make_password

    from wmo.models import Medewerker

    Medewerker.objects.filter(username__startswith="seed-").update(password=make_password(WACHTWOORD))
    aantal = Melding.objects.count()
    rnd = random.Random(14)
    gebruikers = [(user, rol, _paden(user, rol, rnd), _totp(user)) for user, rol in _gebruikers()]
    pg = _pg_instellingen()
    from django.db import connections

    connections.close_all()  # the driver holds no connection while the app is measured
    een = {naam: Meting() for naam in PAGINAS}
    twintig = {naam: Meting() for naam in PAGINAS}
    slot = threading.Lock()
    with _gunicorn(args.port):
        sessies = []
        for user, rol, paden, code in gebruikers:
            s = Sessie(args.port)
            s.inloggen(user.username, WACHTWOORD, code)
            sessies.append((s, rol, paden))
        belasting = Belasting()
        # 1 user: each page in turn, one request at a time, over the users that have it.
        for naam in PAGINAS:
            met = [(s, p[naam]) for s, _, p in sessies if naam in p]
            if not met:
                een.pop(naam)
                continue
            for k in range(3):  # warm both workers (not counted)
                s, ps = met[k % len(met)]
                _meet(s, ps[0], Meting(), slot)
            einde = time.monotonic() + MAX_TIJD_EEN
            for k in range(per_pagina):
                if time.monotonic() > einde:
                    break
                s, ps = met[k % len(met)]
                _meet(s, ps[(k // len(met)) % len(ps)], een[naam], slot)
            print(f"1 gebruiker, {naam}: p50 {een[naam].p50:.0f} ms", file=sys.stderr)
        # 20 users at once, each its own working day.
        einde = time.monotonic() + MAX_TIJD_TWINTIG

        def werkdag_van(s: Sessie, rol: str, paden: dict, zaad: int):
            r = random.Random(zaad)
            for naam in werkdag(r, rol, per_gebruiker):
                if time.monotonic() > einde:
                    break
                if naam in paden:
                    _meet(s, r.choice(paden[naam]), twintig[naam], slot)

        threads = [
            threading.Thread(target=werkdag_van, args=(s, rol, paden, k))
            for k, (s, rol, paden) in enumerate(sessies)
        ]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(MAX_TIJD_TWINTIG + 70)
        duur20 = time.monotonic() - t0
        belasting.stop()
    pdf = _pdf_tijden(3 if args.klein else 10)
    n20 = sum(len(m.tijden) for m in twintig.values())

    regels = [
        "# Benchmark Keukentafel",
        "",
        f"Gemeten op {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {aantal} meldingen"
        + (f" (seed: {seed_tijd:.0f} s)" if seed_tijd else " (bestaande database)")
        + f". {len(sessies)} verschillende medewerkers ({sum(r == 'teamleider' for _, r, _ in sessies)} teamleiders,"
        f" {sum(r == 'consulent' for _, r, _ in sessies)} consulenten van verschillende teams), elk met een eigen"
        " sessie na inloggen met wachtwoord en tweestapscode. gunicorn gthread, 2 workers x 4 threads, 127.0.0.1.",
        "",
        belasting.regel(),
        "",
        f"PostgreSQL {pg.pop('versie')}: " + ", ".join(f"{k} = {v}" for k, v in pg.items()) + ".",
        "",
        f"20 gebruikers: {n20} verzoeken in {duur20:.0f} s ({n20 / duur20:.1f} per seconde), elk volgens de"
        " werkdag van zijn rol (benchmarks/bench.py, WERKDAG).",
        "",
        *tabel(een, twintig),
        "",
        "| PDF | p50 ms | p95 ms |",
        "|---|---:|---:|",
        *[f"| {naam} | {p50:.0f} | {p95:.0f} |" for naam, (p50, p95) in pdf.items()],
        "",
        "'vloer' is een pagina met alleen de basislayout voor een ingelogde medewerker (sessie, gebruiker,"
        " menu; geen gegevens), in dezelfde run gemeten. 'queries' is het hoogste aantal queries van een"
        " verzoek, 'SQL-aandeel' de SQL-tijd gedeeld door de servertijd (Server-Timing, bij 1 gebruiker).",
        "",
        "## Doelen (issue 14)",
        "",
        "1 gebruiker: p50 <= 3x de vloer en <= 40 ms, p95 <= 120 ms. 20 gebruikers: p95 <= 2,5x de p95 van de"
        " vloer bij 20 gebruikers, 0 fouten. <= 12 queries per pagina; dashboard <= 3x de eigen SQL."
        " PDF p95 <= 600 ms.",
        "",
        *doelen(een, twintig, pdf),
        "",
    ]
    fouten = [f for m in [*een.values(), *twintig.values()] for f in m.fouten]
    if fouten:
        regels += ["Voorbeelden van fouten: " + "; ".join(fouten[:5]), ""]
    tekst = "\n".join(regels)
    print(tekst)
    uitvoer = Path(args.uitvoer)
    oud = uitvoer.read_text(encoding="utf-8") if uitvoer.exists() else ""
    uitvoer.write_text(invoegen(oud, tekst), encoding="utf-8")


if __name__ == "__main__":
    main()
