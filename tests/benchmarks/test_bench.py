"""benchmarks/bench.py's pure parts (percentiles, table, targets, the user mix, the working day)
and the floor page with its Server-Timing header (benchmarks.settings). The end-to-end run is
``make bench-klein`` (it needs gunicorn and a database of its own, too slow for the suite)."""

import io
import math
import random
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import F
from django.urls import clear_url_caches
from django.utils import timezone

from benchmarks.bench import (
    CONSULENTEN,
    PAGINAS,
    TEAMLEIDERS,
    VLOER,
    Meting,
    doelen,
    gebruikersmix,
    invoegen,
    percentiel,
    server_timing,
    tabel,
    werkdag,
)


def test_percentiel():
    assert percentiel([5], 0.95) == 5
    assert percentiel([1, 2, 3, 4], 0.5) == 2.5
    assert percentiel(list(range(1, 101)), 0.95) == pytest.approx(95.05)
    assert percentiel([3, 1, 2], 0.0) == 1 and percentiel([3, 1, 2], 1.0) == 3
    assert math.isnan(percentiel([], 0.5))


def test_server_timing_lezen():
    assert server_timing('app;dur=12.5, sql;dur=3.0;desc="7"') == (12.5, 3.0, 7)
    assert server_timing(None) is None
    assert server_timing("app;dur=1") is None


def test_werkdag_volgt_de_rol():
    rnd = random.Random(1)
    consulent = Counter(werkdag(rnd, "consulent", 4000))
    teamleider = Counter(werkdag(rnd, "teamleider", 4000))
    assert consulent.most_common(1)[0][0] == "werkvoorraad"
    assert "onderzoek" in consulent and "dashboard" not in consulent
    assert teamleider.most_common(1)[0][0] == "dashboard"
    assert {"managementinformatie", "MI-CSV", VLOER} <= set(teamleider)
    assert set(consulent) | set(teamleider) == set(PAGINAS)


def test_twintig_verschillende_gebruikers_van_verschillende_teams():
    teamleiders = [(100 + t, t) for t in range(40)]
    consulenten = [(1000 + t, t) for t in range(40)]
    mix = gebruikersmix(teamleiders, consulenten)
    assert len(mix) == TEAMLEIDERS + CONSULENTEN == 20
    assert len({uid for uid, _ in mix}) == 20
    assert Counter(rol for _, rol in mix) == {"teamleider": TEAMLEIDERS, "consulent": CONSULENTEN}
    teams = [uid % 100 if uid < 1000 else uid - 1000 for uid, _ in mix]
    assert len(set(teams)) == 20
    # Busy and quiet teams both: the busiest and the quietest team are in.
    assert 0 in teams and 39 in teams
    # Fewer teams than users: teams repeat, users never.
    mix = gebruikersmix(teamleiders[:3], [(1000 + k, k % 3) for k in range(30)])
    assert len({uid for uid, _ in mix}) == len(mix) == 3 + CONSULENTEN


def _meting(ms, n=20, sql=None, queries=5, fouten=0):
    m = Meting(
        tijden=[ms] * n, app=[ms] * n, sql=[sql if sql is not None else ms / 2] * n, queries=[queries] * n
    )
    m.fouten = ["/x: 500"] * fouten
    return m


def test_tabel_en_doelen():
    een = {VLOER: _meting(10), "werkvoorraad": _meting(25), "dashboard": _meting(90, sql=20, queries=14)}
    twintig = {VLOER: _meting(100), "werkvoorraad": _meting(200), "dashboard": _meting(400, fouten=1)}
    regels = tabel(een, twintig)
    assert regels[0].startswith("| pagina | queries | SQL-aandeel")
    werkvoorraad = next(r for r in regels if r.startswith("| werkvoorraad"))
    assert "| 2.5x |" in werkvoorraad and "| 2.0x |" in werkvoorraad and "50 %" in werkvoorraad
    uitkomst = doelen(een, twintig, {"minimale pagina": (9, 10), "beschikking": (100, 700)})
    assert "- werkvoorraad: PASS" in uitkomst
    dashboard = next(r for r in uitkomst if r.startswith("- dashboard"))
    assert dashboard.startswith("- dashboard: MISS")
    for deel in ("1 gebr. p50 90 ms", "20 gebr. p95 400 ms", "1 fouten", "14 queries", "4.5x de eigen SQL"):
        assert deel in dashboard
    assert "- PDF beschikking: MISS: p95 700 ms (doel <= 600 ms)" in uitkomst


@pytest.fixture
def bench_urls(settings):
    """benchmarks.settings' additions on top of the test settings."""
    settings.ROOT_URLCONF = "benchmarks.urls"
    settings.MIDDLEWARE = ["benchmarks.meting.ServerTimingMiddleware", *settings.MIDDLEWARE]
    clear_url_caches()
    yield
    clear_url_caches()


@pytest.mark.django_db
def test_vloer_is_de_basislayout_zonder_gegevens(
    client, consulent, bench_urls, django_assert_max_num_queries
):
    client.force_login(consulent)
    client.get("/bench/vloer/")  # the session's first request writes its activity moment
    with django_assert_max_num_queries(7) as queries:
        response = client.get("/bench/vloer/")
    assert response.status_code == 200
    assert b'aria-label="Hoofdmenu"' in response.content and b"Vloer" in response.content
    # Only the session, the medewerker and its team, roles and two-step device: no dossier data.
    tabellen = " ".join(q["sql"] for q in queries.captured_queries)
    for data in ("meldingen_", "aanvragen_", "gesprekken_", "wmo_brief"):
        assert data not in tabellen
    app, sql, n = server_timing(response["Server-Timing"])
    assert n == len(queries.captured_queries) and 0 <= sql <= app


@pytest.mark.django_db
def test_vloer_alleen_na_inloggen(client, bench_urls):
    assert client.get("/bench/vloer/").status_code == 302


def test_vloer_bestaat_niet_buiten_de_bench(client):
    from django.urls import NoReverseMatch, reverse

    with pytest.raises(NoReverseMatch):
        reverse("bench_vloer")


def test_meting_vervangt_alleen_het_gemeten_deel():
    eerste = invoegen("", "# Tabel 1")
    assert eerste.count("<!-- bench: begin") == 1 and "# Tabel 1" in eerste
    met_notitie = "Inleiding\n" + eerste + "\n## Slotnotitie\nVoor en na.\n"
    tweede = invoegen(met_notitie, "# Tabel 2")
    assert "# Tabel 1" not in tweede and "# Tabel 2" in tweede
    assert tweede.startswith("Inleiding\n") and tweede.endswith("## Slotnotitie\nVoor en na.\n")


# --- the seed at a small size: the invariants the benchmark relies on -------------------------
# manage.py seed is set-based SQL (demo/management/commands/seed.py); these checks read the rows it
# made back through the models and compare them with the services' own rules: the copies of
# meldingen.kopie, the deadline engine (wmo.termijnen, wmo.regels), the stages of a dossier.
# Nothing is faked. Two moments: the night the clocks go back, and the new year's first half hour
# (the kenmerk takes the year of receipt in Amsterdam).

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(
    params=[
        datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM),
        datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM),
    ],
    ids=["wintertijd", "nieuwjaar"],
)
def kleine_regio(request, db):
    with time_machine.travel(request.param, tick=True):
        uit = io.StringIO()
        call_command("seed", meldingen=1500, gemeenten=8, consulenten=40, stil=True, stdout=uit)
        assert "Klaar: 1500 meldingen" in uit.getvalue()
        yield


def test_seed_kopieen_en_termijnen_kloppen(kleine_regio):
    from aanvragen.models import Aanvraag, Beschikking, Opschorting
    from gesprekken.models import Gesprek
    from meldingen import kopie
    from meldingen.models import Melding
    from wmo import termijnen
    from wmo.models import gelijkgestelde_dagen
    from wmo.regels import dwangsom

    # Team, gemeente and consulent on Aanvraag, Beschikking and Gesprek equal the melding's.
    assert kopie.afwijkingen() == {label: [] for label in kopie.KOPIEEN}
    assert Aanvraag.objects.exists() and Beschikking.objects.exists() and Gesprek.objects.exists()
    # Every stored deadline is what the engine computes (a sample of each kind).
    extra = gelijkgestelde_dagen()
    for m in Melding.objects.order_by("?")[:150]:
        assert m.plan_deadline == termijnen.persoonlijk_plan_deadline(m.ontvangen_datum, extra)
        assert m.onderzoek_deadline == termijnen.onderzoek_deadline(m.ontvangen_datum, extra)
    opgeschort = Aanvraag.objects.filter(opschortingen__isnull=False).distinct()
    assert opgeschort.exists() and Opschorting.objects.filter(eerste_dag_weer__isnull=False).exists()
    steekproef = list(opgeschort[:50]) + list(Aanvraag.objects.order_by("?")[:150])
    for a in Aanvraag.objects.filter(pk__in=[a.pk for a in steekproef]).prefetch_related("opschortingen"):
        intervallen = [o.interval for o in a.opschortingen.all()]
        assert a.beslis_deadline == termijnen.beslis_deadline(a.ontvangen_op, intervallen, extra), a.pk
        assert a.dwangsom_vanaf == dwangsom.vanaf(a.beslis_deadline, a.ingebrekestelling_op), a.pk
    assert Aanvraag.objects.filter(dwangsom_vanaf__isnull=False).exists()
    for b in Beschikking.objects.order_by("?")[:150]:
        assert b.bezwaar_deadline == termijnen.bezwaar_deadline(b.bekendgemaakt_op, extra)


def test_seed_samenhang_en_verdeling(kleine_regio):
    from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking, BeschikkingRegel
    from gesprekken.models import Onderzoek, VerslagVersie
    from meldingen.constants import MeldingStatus
    from meldingen.models import Inwoner, Melding
    from wmo.constants import BriefSoort
    from wmo.models import Brief
    from wmo.validators import bsn_elfproef

    n = Melding.objects.count()
    assert n == 1500
    # Every aanvraag has a melding in a stage after the verslag, and a verslag that asked for it;
    # every beschikking one aanvraag of a besloten melding, with its regel and letter.
    aanvragen = Aanvraag.objects.count()
    assert (
        Aanvraag.objects.filter(
            melding__status__in=[MeldingStatus.AANVRAAG_ONTVANGEN, MeldingStatus.BESLOTEN]
        ).count()
        == aanvragen
        == VerslagVersie.objects.filter(aanvraag__isnull=False, maatwerk_gevraagd=True).count()
        == AangevraagdeVoorziening.objects.count()
    )
    besloten = Melding.objects.filter(status=MeldingStatus.BESLOTEN)
    assert besloten.count() == Beschikking.objects.count() == BeschikkingRegel.objects.count()
    assert not besloten.exclude(beeindigd_op=F("aanvragen__besloten_op")).exists()
    assert Aanvraag.objects.filter(besloten_op__isnull=False).count() == besloten.count()
    assert Onderzoek.objects.count() == Melding.objects.exclude(status=MeldingStatus.ONTVANGEN).count()
    assert Brief.objects.filter(soort=BriefSoort.ONTVANGSTBEVESTIGING).count() == n
    assert Brief.objects.filter(soort=BriefSoort.VERSLAG).count() == VerslagVersie.objects.count()
    # Each melding's letters carry its kenmerk (year of receipt in Amsterdam).
    for b in Brief.objects.select_related("melding").order_by("?")[:100]:
        assert b.kenmerk == b.melding.kenmerk
    # Every stage occurs, in plausible shares: most meldingen of ten years are ended.
    statussen = Counter(Melding.objects.values_list("status", flat=True))
    assert set(statussen) == set(MeldingStatus.values)
    assert 0.5 < (statussen[MeldingStatus.BESLOTEN] + statussen[MeldingStatus.AFGESLOTEN]) / n < 0.99
    assert 0.2 < aanvragen / n < 0.8
    # A skewed region: the city has far more meldingen than the median gemeente.
    per_gemeente = sorted(Counter(Melding.objects.values_list("gemeente_id", flat=True)).values())
    assert per_gemeente[-1] > 3 * per_gemeente[len(per_gemeente) // 2]
    # Inwoners: unique valid BSNs, most with one melding, some with a second.
    bsns = list(Inwoner.objects.values_list("bsn", flat=True))
    assert len(set(bsns)) == len(bsns) and all(bsn_elfproef(b) for b in bsns)
    assert 0.6 < len(bsns) / n < 0.8
    # History: a "+" row for every melding, aanvraag and beschikking, a "~" row for every melding
    # that moved on, none in the future.
    assert Melding.history.filter(history_type="+").count() == n
    assert Melding.history.filter(history_type="~").count() == n - statussen[MeldingStatus.ONTVANGEN]
    assert Aanvraag.history.count() == aanvragen and Beschikking.history.count() == besloten.count()
    assert not Melding.history.filter(history_date__gt=timezone.now()).exists()
    assert not Melding.objects.filter(ontvangen_op__gt=timezone.now()).exists()


def test_seed_markeert_de_mi_samenvatting(db):
    """The load passes no save(), so no signal marks the MI summary: the seed marks everything, and
    MI counts directly (equal to the direct computation) until mi_herberekenen has run."""
    from teamleider.models import MiVuil

    MiVuil.objects.all().delete()
    call_command("seed", meldingen=200, gemeenten=3, consulenten=6, stil=True, stdout=io.StringIO())
    assert MiVuil.objects.filter(melding_id=None, team_id=None).exists()


@pytest.mark.django_db(transaction=True)
def test_seed_zet_indexen_en_sleutels_terug_over_twee_verbindingen():
    """From the command line the load commits first; the history rows, the indexes, the keys
    (added NOT VALID, then validated) and ANALYZE then run over two connections of their own:
    afterwards every index and key is there again and validated."""
    from django.db import connection

    from demo.management.commands.seed import Command

    tabellen = [m._meta.db_table for m in Command.GELADEN]

    def schema():
        with connection.cursor() as c:
            c.execute(
                "SELECT conrelid::regclass::text, conname, convalidated FROM pg_constraint "
                "WHERE conrelid = ANY(%s::regclass[]) UNION ALL "
                "SELECT tablename, indexname, true FROM pg_indexes WHERE tablename = ANY(%s)",
                [tabellen, tabellen],
            )
            return set(c.fetchall())

    voor = schema()
    assert not connection.in_atomic_block
    uit = io.StringIO()
    call_command("seed", meldingen=300, gemeenten=4, consulenten=12, werkers=2, stil=True, stdout=uit)
    assert "historie, indexen, sleutels en analyze (2 verbindingen)" in uit.getvalue()
    assert schema() == voor
    from meldingen import kopie

    assert kopie.afwijkingen() == {label: [] for label in kopie.KOPIEEN}
