"""The maintained MI summary gives the same figures as counting the dossiers directly.

Property-based (hypothesis): random dossiers of two teams in two gemeenten (funnel, onderzoek
clock, aanvragen with one or two productgroepen, gesprekken at home, by phone or elsewhere,
meldingen closed without aanvraag), changed afterwards through the services (a gesprek held, a
melding closed, a melding moved to the other team, a day equated to a feestdag added), and
after every round the MI of random filters (gemeente, consulent, productgroep, any period, also
cut through a month) equals ``managementinformatie_direct``, the SQL count with PostgreSQL's
PERCENTILE_CONT. Nothing is faked.
"""

import os
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from aanvragen import services as aanvraag_services
from aanvragen.constants import Grondslag, Uitkomst
from aanvragen.models import AangevraagdeVoorziening, BeschikkingRegel
from gesprekken.constants import GesprekStatus, Plaats
from gesprekken.models import Gesprek
from meldingen import services as melding_services
from meldingen.constants import OPEN_STATUSSEN, Afsluitreden, MeldingStatus
from meldingen.kopie import kopie_van
from meldingen.models import Melding
from teamleider.models import MiMaand, MiVuil
from teamleider.query.common import Filters
from teamleider.query.managementinformatie import managementinformatie, managementinformatie_direct
from teamleider.samenvatting import percentiel
from teamleider.tasks import mi_bijwerken
from tests.factories import GemeenteFactory, InwonerFactory, MeldingFactory, TeamFactory, on_day
from wmo import feestdagen
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import GelijkgesteldeDag, Medewerker, Voorziening

pytestmark = pytest.mark.django_db

NU = datetime(2026, 11, 18, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
BEGIN = date(2025, 9, 1)
VANDAAG = NU.date()
DAGEN = (VANDAAG - BEGIN).days


@pytest.fixture
def _nu():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def wereld(_nu, team, rol_gebruiker):
    """Two teams of one organisation serving two gemeenten, two consulenten each, two products."""
    tweede_team = TeamFactory(organisatie=team.organisatie)
    gemeenten = [team.organisatie.gemeenten.get(), GemeenteFactory()]
    team.organisatie.gemeenten.add(gemeenten[1])
    consulenten = {
        t.pk: [rol_gebruiker(Rol.CONSULENT, team=t) for _ in range(2)] for t in (team, tweede_team)
    }
    producten = [
        Voorziening.objects.create(naam=n, soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie=c)
        for c, n in (("01", "Hulp bij het huishouden"), ("02", "Begeleiding"))
    ]
    leiders = [rol_gebruiker(Rol.TEAMLEIDER, team=t) for t in (team, tweede_team)]
    return {
        "teams": [team, tweede_team],
        "gemeenten": gemeenten,
        "consulenten": consulenten,
        "producten": producten,
        "leiders": leiders,
    }


def _dag(offset: int) -> date:
    return min(BEGIN + timedelta(days=offset), VANDAAG)


dossier = st.fixed_dictionaries(
    {
        "dag": st.integers(0, DAGEN),
        "team": st.integers(0, 1),
        "gemeente": st.integers(0, 1),
        "consulent": st.one_of(st.none(), st.integers(0, 1)),
        "afgerond": st.one_of(st.none(), st.integers(0, 70)),
        "gesprek": st.one_of(
            st.none(), st.tuples(st.integers(0, 30), st.sampled_from(Plaats.values), st.booleans())
        ),
        "aanvraag": st.one_of(
            st.none(),
            st.tuples(
                st.integers(0, 50),
                st.one_of(st.none(), st.integers(0, 30)),
                st.sampled_from([(0,), (1,), (0, 1)]),
                st.sampled_from([Uitkomst.TOEGEKEND, Uitkomst.AFGEWEZEN]),
            ),
        ),
        "afsluiten": st.one_of(st.none(), st.sampled_from(Afsluitreden.values)),
    }
)

wijziging = st.tuples(
    st.sampled_from(["gesprek", "afsluiten", "verhuizen", "aanvraag"]),
    st.integers(0, 10**6),
    st.integers(0, 60),
)

filters = st.fixed_dictionaries(
    {
        "leider": st.integers(0, 1),
        "gemeente": st.one_of(st.none(), st.integers(0, 1)),
        "consulent": st.one_of(st.none(), st.integers(0, 3)),
        "product": st.sampled_from(["", "01", "02"]),
        "van": st.integers(0, DAGEN),
        "lengte": st.integers(0, 450),
    }
)


def _besluit(melding, door, ontvangen: date, besloten: date | None, producten, uitkomst):
    aanvraag = aanvraag_services.aanvraag_registreren(
        melding=melding, ontvangen_op=ontvangen, grondslag=Grondslag.NA_ONDERZOEK, door=door
    )
    if besloten:
        aanvraag = aanvraag_services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=besloten, door=door)
    for voorziening in producten:
        gevraagd = AangevraagdeVoorziening.objects.create(
            aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=1
        )
        if besloten:
            BeschikkingRegel.objects.create(
                beschikking=aanvraag.beschikking,
                aangevraagd=gevraagd,
                uitkomst=uitkomst,
                voorziening=voorziening,
                motivering="test",
                ingangsdatum=besloten if uitkomst != Uitkomst.AFGEWEZEN else None,
            )


def _gesprek(melding, door, op: date, plaats: str, gevoerd: bool):
    Gesprek.objects.create(
        melding=melding,
        gepland_op=on_day(op, hour=23 if op.day % 2 else 0),  # near midnight: the local month counts
        plaats=plaats,
        telefonisch_reden="Liever bellen." if plaats == Plaats.TELEFONISCH else "",
        adres="Dorpsstraat 1" if plaats == Plaats.PARTNERLOCATIE else "",
        consulent=melding.consulent or door,
        gepland_door=door,
        status=GesprekStatus.GEVOERD if gevoerd else GesprekStatus.GEPLAND,
        **kopie_van(melding, "gesprekken.Gesprek"),
    )


def _maak(w, d):
    team = w["teams"][d["team"]]
    leider = w["leiders"][d["team"]]
    consulent = None if d["consulent"] is None else w["consulenten"][team.pk][d["consulent"]]
    ontvangen = _dag(d["dag"])
    melding = MeldingFactory(
        team=team,
        inwoner=InwonerFactory(gemeente=w["gemeenten"][d["gemeente"]]),
        consulent=consulent,
        door=leider,
        in_onderzoek=True,
        ontvangen_op=on_day(ontvangen, hour=0 if d["dag"] % 3 == 0 else 10),
    )
    if d["gesprek"]:
        na, plaats, gevoerd = d["gesprek"]
        _gesprek(melding, leider, min(ontvangen + timedelta(days=na), VANDAAG), plaats, gevoerd)
    if d["aanvraag"]:
        na, beslis, producten, uitkomst = d["aanvraag"]
        ontvangen_aanvraag = min(ontvangen + timedelta(days=na), VANDAAG)
        besloten = None if beslis is None else ontvangen_aanvraag + timedelta(days=beslis)
        besloten = besloten if besloten and besloten <= VANDAAG else None
        _besluit(
            melding, leider, ontvangen_aanvraag, besloten, [w["producten"][i] for i in producten], uitkomst
        )
    elif d["afsluiten"]:
        melding_services.melding_afsluiten(
            melding=melding, door=leider, reden=d["afsluiten"], toelichting="test"
        )
    if d["afgerond"] is not None:
        # As the existing MI tests do: the clock's end written straight after registration.
        klaar = min(ontvangen + timedelta(days=d["afgerond"]), VANDAAG)
        Melding.objects.filter(pk=melding.pk).update(onderzoek_afgerond_op=klaar)


def _wijzig(w, soort: str, keuze: int, na: int):
    """Change an existing dossier through the services and ordinary saves (no bulk update)."""
    meldingen = list(Melding.objects.order_by("pk"))
    melding = meldingen[keuze % len(meldingen)]
    leider = w["leiders"][[t.pk for t in w["teams"]].index(melding.team_id)]
    op = min(melding.ontvangen_datum + timedelta(days=na), VANDAAG)
    if soort == "gesprek":
        _gesprek(melding, leider, op, Plaats.THUIS, True)
    elif soort == "afsluiten" and melding.status == MeldingStatus.IN_ONDERZOEK:
        melding_services.melding_afsluiten(
            melding=melding, door=leider, reden=Afsluitreden.OPGELOST, toelichting="t"
        )
    elif soort == "aanvraag" and melding.status == MeldingStatus.IN_ONDERZOEK:
        _besluit(melding, leider, op, op, w["producten"][1:], Uitkomst.TOEGEKEND)
    elif soort == "verhuizen" and melding.status in OPEN_STATUSSEN:
        ander = next(t for t in w["teams"] if t.pk != melding.team_id)
        consulent = w["consulenten"][ander.pk][keuze % 2] if keuze % 3 else None
        melding_services.melding_toewijzen(melding=melding, door=leider, consulent=consulent, team=ander)


def _filters(w, f) -> tuple[Medewerker, Filters]:
    leider = Medewerker.objects.get(pk=w["leiders"][f["leider"]].pk)  # fresh: gemeente_ids are cached
    alle_consulenten = [c for t in w["teams"] for c in w["consulenten"][t.pk]]
    van = _dag(f["van"])
    return leider, Filters(
        gemeente=None if f["gemeente"] is None else w["gemeenten"][f["gemeente"]].pk,
        consulent=None if f["consulent"] is None else alle_consulenten[f["consulent"]].pk,
        product=f["product"],
        van=van,
        tot=min(van + timedelta(days=f["lengte"]), VANDAAG),
    )


def _gelijk(user, f: Filters):
    uit, verwacht = managementinformatie(user, f)["rijen"], managementinformatie_direct(user, f)["rijen"]
    assert len(uit) == len(verwacht)
    for a, b in zip(uit, verwacht, strict=True):
        assert a.keys() == b.keys()
        for k in a:
            assert a[k] == (pytest.approx(b[k]) if isinstance(b[k], float) else b[k]), (a["maand"], k, f)


@hypothesis_settings(
    max_examples=int(os.environ.get("MI_VOORBEELDEN", 10)),
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example builds dossiers
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    dossiers=st.lists(dossier, min_size=1, max_size=6),
    wijzigingen=st.lists(wijziging, max_size=4),
    gelijkgesteld=st.one_of(st.none(), st.integers(0, DAGEN)),
    vragen=st.lists(filters, min_size=2, max_size=4),
)
def test_samenvatting_is_gelijk_aan_direct_tellen(wereld, dossiers, wijzigingen, gelijkgesteld, vragen):
    for d in dossiers:
        _maak(wereld, d)
    _gelijk(*_filters(wereld, vragen[0]))  # marked months counted directly, the rest summary
    _taak()
    _gelijk(*_filters(wereld, vragen[0]))  # summary after the task
    for soort, keuze, na in wijzigingen:
        _wijzig(wereld, soort, keuze, na)
    if gelijkgesteld is not None:
        dag = _dag(gelijkgesteld)
        if not GelijkgesteldeDag.objects.filter(datum=dag).exists():
            feestdagen.gelijkgestelde_dag_toevoegen(datum=dag, omschrijving="KB test, Stcrt. 2026, 1")
    for f in vragen:
        _gelijk(*_filters(wereld, f))
    _taak()
    for f in vragen:
        _gelijk(*_filters(wereld, f))
    # The whole period: every closed month from the summary alone.
    _gelijk(*_filters(wereld, {**vragen[0], "van": 0, "lengte": 10**4}))
    assert not MiVuil.objects.filter(maand__lt=date(2026, 11, 1)).exists()


def _taak():
    assert mi_bijwerken.enqueue().return_value >= 0  # the immediate backend runs it now


def test_herberekenen_vult_de_samenvatting_en_wist_de_markeringen(wereld):
    _maak(wereld, {"dag": 10, "team": 0, "gemeente": 0, "consulent": 0, "afgerond": 20, "gesprek": (3, Plaats.THUIS, True),
                   "aanvraag": (5, 10, (0, 1), Uitkomst.TOEGEKEND), "afsluiten": None})  # fmt: skip
    assert MiVuil.objects.exists()
    call_command("mi_herberekenen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not MiVuil.objects.filter(maand__lt=date(2026, 11, 1)).exists()
    # One row per product ("" = all, 01, 02) in September (received, gesprek, onderzoek, besluit).
    assert sorted(MiMaand.objects.filter(maand=date(2025, 9, 1)).values_list("product", flat=True)) == [
        "",
        "01",
        "02",
    ]
    _gelijk(
        *_filters(
            wereld,
            {"leider": 0, "gemeente": None, "consulent": None, "product": "02", "van": 0, "lengte": 500},
        )
    )


def test_een_verhuisde_melding_telt_bij_het_nieuwe_team(wereld):
    _maak(wereld, {"dag": 40, "team": 0, "gemeente": 1, "consulent": None, "afgerond": 10, "gesprek": None,
                   "aanvraag": None, "afsluiten": None})  # fmt: skip
    call_command("mi_herberekenen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    oud, nieuw = (_filters(wereld, {"leider": i, "gemeente": None, "consulent": None, "product": "", "van": 0,
                                    "lengte": 500}) for i in (0, 1))  # fmt: skip
    assert sum(r["meldingen"] for r in managementinformatie(*oud)["rijen"]) == 1
    _wijzig(wereld, "verhuizen", 0, 0)
    assert sum(r["meldingen"] for r in managementinformatie(*oud)["rijen"]) == 0
    assert sum(r["onderzoek_n"] for r in managementinformatie(*nieuw)["rijen"]) == 1
    _gelijk(*oud)
    _gelijk(*nieuw)


def test_percentiel_zoals_postgresql():
    assert percentiel({}, 0.5) is None
    assert percentiel({10: 1, 20: 1}, 0.9) == pytest.approx(19.0)
    assert percentiel({3: 1, 50: 1}, 0.5) == 26.5
    assert percentiel({7: 3}, 0.9) == 7.0


def test_mi_pagina_kost_evenveel_queries_bij_meer_dossiers(wereld, client, django_assert_max_num_queries):
    """The query budget of the page does not grow with the data: 1 dossier or 15, 12 months."""
    leider = wereld["leiders"][0]
    client.force_login(leider)
    url = reverse("teamleider:managementinformatie")
    for aantal in (1, 15):
        for i in range(aantal):
            _maak(wereld, {"dag": 30 * i % DAGEN, "team": i % 2, "gemeente": i % 2, "consulent": i % 2 or None,
                           "afgerond": 12, "gesprek": (2, Plaats.THUIS, True),
                           "aanvraag": (3, 9, (0,), Uitkomst.TOEGEKEND), "afsluiten": None})  # fmt: skip
        call_command("mi_herberekenen", "--gemarkeerd", stdout=open("/dev/null", "w"))  # noqa: SIM115
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_de_bewaarde_sql_van_de_feiten_is_die_van_de_orm(wereld):
    """``_feiten_sql`` keeps the compiled UNION of the facts per shape and puts in the parameters
    of another teamleider, period or filter value: the same SQL and parameters as compiling anew."""
    from teamleider import samenvatting
    from teamleider.query.common import aanvragen, gesprekken, meldingen

    _maak(wereld, {"dag": 10, "team": 0, "gemeente": 0, "consulent": 0, "afgerond": 20, "gesprek": (3, Plaats.THUIS, True),
                   "aanvraag": (5, 10, (0, 1), Uitkomst.TOEGEKEND), "afsluiten": None})  # fmt: skip
    gemeenten, producten = wereld["gemeenten"], ["01", "02"]
    vragen = [
        (leider, filters, perioden)
        for leider in wereld["leiders"]
        for filters in (
            Filters(),
            *(Filters(gemeente=g.pk, product=p) for g in gemeenten for p in producten),
        )
        for perioden in (
            [(date(2025, 9, 5), date(2025, 9, 30))],
            [(date(2025, 10, 1), date(2025, 10, 31))],
            [(date(2025, 9, 1), date(2025, 9, 30)), (date(2026, 11, 1), date(2026, 11, 18))],
        )
    ]

    def sql(leider, filters, perioden):
        leider = Medewerker.objects.get(pk=leider.pk)  # fresh: gemeente_ids are cached
        qs = (meldingen(leider, filters), aanvragen(leider, filters), gesprekken(leider, filters))
        return samenvatting._feiten_sql(*qs, perioden)

    verwacht = []
    for vraag in vragen:
        samenvatting._GECOMPILEERD.clear()
        verwacht.append(sql(*vraag))
    samenvatting._GECOMPILEERD.clear()
    for vraag, (sql_, params) in zip(vragen, verwacht, strict=True):
        assert sql(*vraag) == (sql_, params)
    # Shapes shared: both teamleiders, each period of one month, each gemeente and product (kept on
    # PostgreSQL only; the SQLite of the quick start compiles anew).
    if connection.vendor == "postgresql":
        assert 0 < len(samenvatting._GECOMPILEERD) <= 4
