"""`make bench`: key pages at the scale of a region, on this machine, over loopback only.

1. Makes (or reuses) the bench database and seeds it (manage.py seed) when it holds fewer
   meldingen than asked.
2. Starts the app under gunicorn on 127.0.0.1 and logs in as the teamleider of the busiest team.
3. Measures each key page: p50, p95 and requests per second at 1 and at 20 concurrent users.
   Every loop is bounded in count and in time; the driver stops by itself and only ever talks
   to 127.0.0.1.
4. Times the raw SQL behind the dashboard pages (the statements the page runs, replayed), so
   page time / SQL time shows what Django and the template add; EXPLAINs each statement and
   lists sequential scans over meldingen_melding.
5. Times the PDF of a beschikking and a verslag against WeasyPrint rendering a minimal page.
6. Prints a table and writes it to benchmarks/resultaten.md.

Run: ``python benchmarks/bench.py [--meldingen 1000000] [--port 8765]``; the database is
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kt_bench).
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
HOST = "127.0.0.1"  # loopback only: never anything else
MAX_TIJD_PER_METING = 30.0  # seconds, per page and concurrency level
EEN_GEBRUIKER_VERZOEKEN = 30
TWINTIG_GEBRUIKERS_VERZOEKEN = 15  # per user: 300 per page
GROTE_TABEL = 10_000  # rows: a sequential scan over a smaller table is not reported


def _env(db_url: str):
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wmo.settings.test")
    os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
    os.environ.setdefault("CSRF_COOKIE_SECURE", "false")


def _database_maken(db_url: str):
    import psycopg

    naam = db_url.rsplit("/", 1)[1]
    beheer = db_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            conn.execute(f'CREATE DATABASE "{naam}"')


def _percentiel(waarden, p):
    if not waarden:
        return float("nan")
    s = sorted(waarden)
    k = (len(s) - 1) * p
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


# --- load driver -------------------------------------------------------------------------------


def _meten(port: int, pad: str, cookie: str, gebruikers: int, per_gebruiker: int) -> dict:
    """``gebruikers`` threads, each at most ``per_gebruiker`` GETs, all within MAX_TIJD_PER_METING."""
    tijden, fouten = [], []
    slot = threading.Lock()
    einde = time.monotonic() + MAX_TIJD_PER_METING

    def gebruiker():
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        for _ in range(per_gebruiker):
            if time.monotonic() > einde:
                break
            t0 = time.perf_counter()
            try:
                conn.request("GET", pad, headers={"Cookie": cookie, "Host": HOST})
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException) as e:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                r = e
            dt = time.perf_counter() - t0
            with slot:
                (tijden if ok else fouten).append(dt if ok else str(getattr(r, "status", r)))
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=gebruiker) for _ in range(gebruikers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(MAX_TIJD_PER_METING + 35)
    duur = time.perf_counter() - start
    return {
        "n": len(tijden),
        "fouten": len(fouten),
        "p50": _percentiel(tijden, 0.5) * 1000,
        "p95": _percentiel(tijden, 0.95) * 1000,
        "rps": len(tijden) / duur if duur else 0,
        "foutvoorbeeld": fouten[:3],
    }


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


# --- in-process: login, SQL replay, EXPLAIN, PDF ------------------------------------------------


def _teamleider():
    from django.db.models import Count

    from meldingen.constants import OPEN_STATUSSEN
    from meldingen.models import Melding
    from wmo.constants import Rol
    from wmo.models import Medewerker

    team = (
        Melding.objects.filter(status__in=OPEN_STATUSSEN, team__naam__startswith="Seed")
        .values("team")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    return Medewerker.objects.filter(groups__name=Rol.TEAMLEIDER, team_id=team["team"]).first()


def _sessie_cookie(user) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def _sql_en_explain(user, pad: str, herhalingen: int = 20) -> dict:
    """Run the page in-process, capture its SQL, replay it ``herhalingen`` times, EXPLAIN each."""
    import json

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get(pad)  # warm
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200, (pad, response.status_code)
    statements = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    tijden = []
    with connection.cursor() as c:
        for _ in range(herhalingen):
            t0 = time.perf_counter()
            for sql in statements:
                c.execute(sql)
                c.fetchall()
            tijden.append(time.perf_counter() - t0)
        seq = []
        for sql in statements:
            c.execute("EXPLAIN (FORMAT JSON) " + sql)
            plan = c.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            seq += _seq_scans(plan[0]["Plan"])
        # Only large tables matter: reading a table of a few hundred rows whole is the right plan.
        c.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s", [GROTE_TABEL])
        groot = {r[0] for r in c.fetchall()}
    return {
        "queries": len(ctx.captured_queries),
        "sql_p50": statistics.median(tijden) * 1000,
        "seq_scans": sorted(set(seq) & groot),
    }


def _seq_scans(node) -> list[str]:
    uit = []
    if node.get("Node Type") == "Seq Scan":
        uit.append(node.get("Relation Name", "?"))
    for kind in node.get("Plans", []):
        uit += _seq_scans(kind)
    return uit


def _pdf_tijden(n: int = 10) -> dict:
    from django.db import transaction

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
        .first()
    )
    if b:
        from aanvragen.services.beschikking import beschikking_briefcontext

        melding = b.aanvraag.melding

        def beschikking():
            return brieven.render_brief(
                soort=BriefSoort.BESCHIKKING,
                melding=melding,
                context=beschikking_briefcontext(b, aanvraag=b.aanvraag),
            )

        uit["beschikking"] = meet(beschikking)
    try:
        from gesprekken.models import Onderzoek
        from gesprekken.services import verslag_context
        from meldingen.models import Melding

        with transaction.atomic():
            m = Melding.objects.filter(status="in_onderzoek", consulent__isnull=False).first()
            onderzoek = Onderzoek.objects.create(
                melding=m, gestart_door=m.consulent, persoonlijk_plan="Ik wil zelf blijven koken."
            )
            uit["verslag"] = meet(
                lambda: brieven.render_brief(
                    soort=BriefSoort.VERSLAG, melding=m, context=verslag_context(onderzoek)
                )
            )
            transaction.set_rollback(True)
    except Exception as e:  # the verslag is still being built by another engineer
        uit["verslag (niet gemeten: " + type(e).__name__ + ")"] = []
    return {k: (_percentiel(v, 0.5) * 1000, _percentiel(v, 0.95) * 1000) for k, v in uit.items()}


# --- main ----------------------------------------------------------------------------------------


def main():
    # Stop cleanly on SIGTERM too: the finally blocks stop gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meldingen", type=int, default=1_000_000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--uitvoer", default=str(BASIS / "benchmarks" / "resultaten.md"))
    args = parser.parse_args()
    db_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kt_bench")
    _env(db_url)
    _database_maken(db_url)
    import django

    django.setup()
    from django.core.management import call_command

    from meldingen.models import Melding

    call_command("migrate", verbosity=0)
    seed_tijd = None
    if not Melding.objects.filter(team__naam__startswith="Seed").exists():
        t0 = time.monotonic()
        call_command("seed", meldingen=args.meldingen)
        seed_tijd = time.monotonic() - t0
    aantal = Melding.objects.count()
    user = _teamleider()
    cookie = _sessie_cookie(user)
    from meldingen.constants import OPEN_STATUSSEN

    m = Melding.objects.filter(team_id=user.team_id, status__in=OPEN_STATUSSEN).order_by("-pk").first()
    paginas = [
        ("werkvoorraad", "/"),
        ("dashboard", "/teamleider/"),
        ("dashboard beslis verlopen", "/teamleider/?klok=beslis&staat=verlopen"),
        ("managementinformatie", "/teamleider/managementinformatie/"),
        ("MI-CSV", "/teamleider/managementinformatie.csv"),
        ("dossier", f"/inwoners/{m.inwoner_id}/"),
        ("melding", f"/meldingen/{m.pk}/"),
        ("zoeken (naam)", "/inwoners/?q=Dijkstra"),
        ("zoeken (BSN)", f"/inwoners/?q={m.inwoner.bsn}"),
    ]
    sql = {naam: _sql_en_explain(user, pad) for naam, pad in paginas}
    resultaten = {}
    with _gunicorn(args.port):
        for naam, pad in paginas:
            _meten(args.port, pad, cookie, 1, 3)  # warm both workers
            een = _meten(args.port, pad, cookie, 1, EEN_GEBRUIKER_VERZOEKEN)
            twintig = _meten(args.port, pad, cookie, 20, TWINTIG_GEBRUIKERS_VERZOEKEN)
            resultaten[naam] = (een, twintig)
            print(
                f"{naam}: 1 gebruiker p50 {een['p50']:.0f} ms, 20 gebruikers p95 {twintig['p95']:.0f} ms",
                file=sys.stderr,
            )
    pdf = _pdf_tijden()

    regels = [
        "# Benchmark Keukentafel",
        "",
        f"Gemeten op {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {aantal} meldingen"
        + (f" (seed: {seed_tijd:.0f} s)" if seed_tijd else " (bestaande database)")
        + f"; teamleider van team {user.team_id}. gunicorn gthread, 2 workers x 4 threads, 127.0.0.1.",
        "",
        "| pagina | queries | 1 gebr. p50 ms | 1 gebr. p95 ms | 1 gebr. rps | 20 gebr. p50 ms | 20 gebr. p95 ms"
        " | 20 gebr. rps | fouten | SQL ms | pagina/SQL | seq scan |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for naam, _ in paginas:
        een, twintig = resultaten[naam]
        s = sql[naam]
        ratio = een["p50"] / s["sql_p50"] if s["sql_p50"] else float("nan")
        regels.append(
            f"| {naam} | {s['queries']} | {een['p50']:.1f} | {een['p95']:.1f} | {een['rps']:.1f} | "
            f"{twintig['p50']:.1f} | {twintig['p95']:.1f} | {twintig['rps']:.1f} | {een['fouten'] + twintig['fouten']} | "
            f"{s['sql_p50']:.1f} | {ratio:.1f}x | {', '.join(s['seq_scans']) or '-'} |"
        )
    regels += ["", "| PDF | p50 ms | p95 ms |", "|---|---:|---:|"]
    for naam, (p50, p95) in pdf.items():
        regels.append(f"| {naam} | {p50:.0f} | {p95:.0f} |")
    regels += [
        "",
        "Doelen (issue 6): p50 <= 40 ms en p95 <= 120 ms bij 1 gebruiker; p95 <= 400 ms bij 20 gebruikers zonder"
        " fouten; dashboard <= 3x de SQL; PDF p95 <= 600 ms. 'SQL ms' is de tijd van alle SELECTs die de pagina"
        " doet, opnieuw uitgevoerd (mediaan van 20); 'seq scan' noemt tabellen met meer dan 10.000 rijen die"
        " PostgreSQL volgens EXPLAIN helemaal leest. De machine wordt gedeeld: andere processen (tests) kunnen"
        " tijdens de meting meedraaien.",
        "",
    ]
    tekst = "\n".join(regels)
    print(tekst)
    Path(args.uitvoer).write_text(tekst, encoding="utf-8")


if __name__ == "__main__":
    main()
