"""`manage.py termijn` as a person or a script would call it: stdout, exit codes."""

import subprocess
import sys
from datetime import date

import pytest
from django.core.management import call_command

from tests.factories import MeldingFactory, on_day
from wmo.models import GelijkgesteldeDag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("args", "uit"),
    [
        (["persoonlijk-plan", "2026-12-24"], "2026-12-31"),
        (["onderzoek", "2026-02-20"], "2026-04-07"),
        (["beslissing", "2026-04-21"], "2026-05-06"),
        (["beslissing", "2026-04-21", "--opschorting", "2026-04-23/2026-04-30"], "2026-05-12"),
        (["bezwaar", "2026-05-12"], "2026-06-23"),
    ],
)
def test_voorbeelden_uit_domein(capsys, args, uit):
    call_command("termijn", *args)
    assert capsys.readouterr().out.strip() == uit


def test_feestdagen_2026(capsys):
    call_command("termijn", "feestdagen", "2026")
    assert capsys.readouterr().out.split() == [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05",
        "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26",
    ]  # fmt: skip


def test_gelijkgestelde_dag_toevoegen_en_verwijderen_herberekent(capsys):
    # A melding received Monday 4 May 2026 has its plan window end on Monday 11 May; make
    # that day an equated day and the stored deadline moves to Tuesday 12 May.
    melding = MeldingFactory(ontvangen_op=on_day(date(2026, 5, 4)))
    assert melding.plan_deadline == date(2026, 5, 11)
    call_command("termijn", "feestdag-toevoegen", "2026-05-11", "--omschrijving", "KB test, Stcrt. 2026, 1")
    melding.refresh_from_db()
    assert melding.plan_deadline == date(2026, 5, 12)
    assert GelijkgesteldeDag.objects.get().omschrijving == "KB test, Stcrt. 2026, 1"
    call_command("termijn", "feestdagen", "2026")
    assert "2026-05-11" in capsys.readouterr().out.split()
    call_command("termijn", "feestdag-verwijderen", "2026-05-11")
    melding.refresh_from_db()
    assert melding.plan_deadline == date(2026, 5, 11)


def _run(*args):
    return subprocess.run(
        [sys.executable, "manage.py", "termijn", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )


def _env():
    import os

    from django.db import connection

    db = connection.settings_dict  # the test database, so the subprocess never touches another
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "wmo.settings.test", "DATABASE_URL": url}


@pytest.mark.parametrize(
    ("args", "tekst"),
    [
        (["onderzoek", "2026-02-30"], "geen datum"),
        (["onderzoek", "gisteren"], "geen datum"),
        (["beslissing", "2026-04-21", "--opschorting", "2026-04-30/2026-04-23"], "moet na VAN"),
        (["beslissing", "2026-04-21", "--opschorting", "2026-04-23"], "VAN/TOT"),
        (["bestaat-niet", "2026-01-01"], "invalid choice"),
        (["feestdagen", "twintig"], "geen jaar"),
    ],
)
def test_foute_invoer_exit_2_met_duidelijke_melding(args, tekst):
    result = _run(*args)
    assert result.returncode == 2
    assert tekst in result.stderr
    assert result.stdout == ""
