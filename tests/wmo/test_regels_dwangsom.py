"""wmo.regels.dwangsom: the dwangsom bij niet tijdig beslissen (Awb 4:17), in Python and its SQL twin."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Value
from django.db.models.sql import Query
from hypothesis import given
from hypothesis import strategies as st

from wmo.regels import dwangsom
from wmo.regels.dwangsom import HUIDIGE_DWANGSOM, DwangsomBedragen
from wmo.termijnen import beslis_deadline

D = date
DAG = timedelta(days=1)
datums = st.dates(min_value=D(1990, 1, 1), max_value=D(2150, 12, 31))


# --- when it starts (lid 3) -------------------------------------------------------------


def test_eerste_dag():
    # Deadline Wed 6 May 2026; ingebrekestelling received Mon 11 May: the college may
    # decide through Mon 25 May; the dwangsom is due from Tue 26 May.
    assert dwangsom.eerste_dag(D(2026, 5, 6), D(2026, 5, 11)) == D(2026, 5, 26)
    assert dwangsom.eerste_dag(D(2026, 5, 6), D(2026, 5, 7)) == D(2026, 5, 22)


def test_eerste_dag_zonder_atw():
    # Received Fri 8 May 2026: the first day is Sat 23 May, not moved by the Atw.
    assert dwangsom.eerste_dag(D(2026, 5, 6), D(2026, 5, 8)) == D(2026, 5, 23)


@pytest.mark.parametrize("ontvangen", [D(2026, 5, 6), D(2026, 4, 30)])
def test_premature_ingebrekestelling(ontvangen):
    assert not dwangsom.heeft_gevolg(D(2026, 5, 6), ontvangen)
    assert dwangsom.vanaf(D(2026, 5, 6), ontvangen) is None
    with pytest.raises(ValueError, match="prematuur"):
        dwangsom.eerste_dag(D(2026, 5, 6), ontvangen)


@pytest.mark.parametrize(
    ("deadline", "ingebrekestelling", "verwacht"),
    [
        (D(2026, 5, 6), D(2026, 5, 11), D(2026, 5, 26)),  # after the term: + 15 days
        (D(2026, 5, 6), D(2026, 5, 6), None),  # on the last day: premature
        (None, D(2026, 5, 11), None),  # the clock stands still: the term has not passed
        (D(2026, 5, 6), None, None),  # no ingebrekestelling
        (None, None, None),
    ],
)
def test_vanaf_is_wat_wordt_opgeslagen(deadline, ingebrekestelling, verwacht):
    assert dwangsom.vanaf(deadline, ingebrekestelling) == verwacht


# --- how much (lid 1 and 2) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("dagen", "cent"),
    [
        (-5, 0),
        (0, 0),
        (1, 2300),
        (14, 14 * 2300),
        (15, 14 * 2300 + 3500),
        (28, 14 * 2300 + 14 * 3500),
        (29, 14 * 2300 + 14 * 3500 + 4500),
        (42, 144200),
        (43, 144200),  # capped at 42 days
        (365, 144200),
    ],
)
def test_bedrag(dagen, cent):
    eerste = D(2026, 5, 26)
    peildatum = eerste + (dagen - 1) * DAG  # inclusive: the decision day counts
    assert dwangsom.bedrag(eerste, peildatum) == cent
    assert dwangsom.dagen(eerste, peildatum) == min(max(dagen, 0), 42)


def test_geen_eerste_dag_geen_dwangsom():
    assert dwangsom.bedrag(None, D(2026, 6, 10)) == 0


def test_scenario():
    deadline = beslis_deadline(D(2026, 4, 21))
    eerste = dwangsom.eerste_dag(deadline, D(2026, 5, 11))
    # decided Wed 10 June: 26 May..10 June is 16 days (weekends and Pinksteren count)
    assert dwangsom.bedrag(eerste, D(2026, 6, 10)) == 14 * 2300 + 2 * 3500
    assert dwangsom.bedrag(eerste, eerste) == 2300  # decided on the first day itself
    assert dwangsom.bedrag(eerste, eerste - DAG) == 0  # decided in the two weeks


def test_peildatum_is_het_besluit_of_vandaag():
    assert dwangsom.peildatum(D(2026, 6, 10), D(2026, 7, 1)) == D(2026, 6, 10)
    assert dwangsom.peildatum(None, D(2026, 7, 1)) == D(2026, 7, 1)


def test_huidige_bedragen():
    assert HUIDIGE_DWANGSOM == DwangsomBedragen()
    assert HUIDIGE_DWANGSOM.max_dagen == 42


def test_eigen_bedragen():
    bedragen = DwangsomBedragen(((10, 1000), (5, 2000)))
    eerste = D(2030, 1, 1)
    assert bedragen.max_dagen == 15
    assert dwangsom.bedrag(eerste, eerste + 11 * DAG, bedragen) == 10 * 1000 + 2 * 2000
    assert dwangsom.bedrag(eerste, eerste + 99 * DAG, bedragen) == 10 * 1000 + 5 * 2000


@pytest.mark.parametrize("per_dag", [(), ((0, 2300),), ((14, -1),)])
def test_ongeldige_bedragen(per_dag):
    with pytest.raises(ValueError):
        DwangsomBedragen(per_dag)


def test_geldende_bedragen_komen_uit_de_instellingen(settings):
    assert dwangsom.geldende_bedragen() == HUIDIGE_DWANGSOM
    settings.DWANGSOM_BEDRAGEN = [(10, 5000)]
    assert dwangsom.geldende_bedragen() == DwangsomBedragen(((10, 5000),))


@given(datums, st.integers(1, 60))
def test_groeit_per_dag_met_het_dagbedrag(eerste, n):
    verschil = dwangsom.bedrag(eerste, eerste + n * DAG) - dwangsom.bedrag(eerste, eerste + (n - 1) * DAG)
    dagbedrag = 2300 if n < 14 else 3500 if n < 28 else 4500 if n < 42 else 0
    assert verschil == dagbedrag


# --- the SQL twin gives what the Python rule gives -----------------------------------------


def _in_sql(expressie):
    """Evaluate one expression in the database: SELECT <expressie>."""
    query = Query(None)
    query.add_annotation(expressie, "waarde")
    sql, params = query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


EIGEN = DwangsomBedragen(((10, 1000), (5, 2000), (3, 0)))


@pytest.mark.django_db
@pytest.mark.parametrize("bedragen", [HUIDIGE_DWANGSOM, EIGEN], ids=["wet", "eigen"])
@pytest.mark.parametrize("dagen_gelopen", [-5, -1, 0, 1, 9, 10, 13, 14, 15, 17, 18, 28, 41, 42, 43, 100])
def test_bedrag_in_sql_gelijk_aan_python(dagen_gelopen, bedragen):
    eerste = D(2026, 5, 26)
    tot = eerste + dagen_gelopen * DAG
    verwacht = dwangsom.bedrag(eerste, tot, bedragen)
    assert _in_sql(dwangsom.bedrag_sql(Value(eerste), Value(tot), bedragen)) == verwacht


@pytest.mark.django_db
def test_bedrag_in_sql_zonder_eerste_dag_is_nul():
    assert _in_sql(dwangsom.bedrag_sql(Value(None), Value(D(2026, 6, 10)))) == dwangsom.bedrag(
        None, D(2026, 6, 10)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("besloten_op", [None, D(2026, 6, 10)])
def test_peildatum_in_sql_gelijk_aan_python(besloten_op):
    vandaag = D(2026, 7, 1)
    assert _in_sql(dwangsom.peildatum_sql(Value(besloten_op), vandaag)) == dwangsom.peildatum(
        besloten_op, vandaag
    )
