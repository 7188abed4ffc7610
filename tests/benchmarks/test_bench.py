"""benchmarks/bench.py's pure parts (percentiles, table, targets, the user mix, the working day)
and the floor page with its Server-Timing header (benchmarks.settings). The end-to-end run is
``make bench-klein`` (it needs gunicorn and a database of its own, too slow for the suite)."""

import math
import random
from collections import Counter

import pytest
from django.urls import clear_url_caches

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
