"""Regie: "aanbieder nog niet gestart" after the gemeente's number of werkdagen, with frozen time.

Counted in werkdagen of the Algemene termijnenwet calendar: a toewijzing on Thursday 2 April 2026
with 5 werkdagen skips Goede Vrijdag (3 April), the weekend and tweede Paasdag (6 April) and
signals on Monday 13 April.
"""

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from iwmo.regie import niet_gestart, niet_gestart_per_aanbieder, niet_gestart_voor_consulent
from meldingen.models import Melding
from wmo.constants import Rol
from wmo.feestdagen import gelijkgestelde_dag_toevoegen

pytestmark = pytest.mark.django_db


@pytest.fixture
def op_2_april(toewijzing):
    # The fixture's toewijzing is of 30 March: move it to Thursday 2 April (the service recomputes).
    toewijzing.toegewezen_op = timezone.make_aware(datetime.combine(date(2026, 4, 2), time(16, 30)))
    toewijzing.ingangsdatum = date(2026, 4, 2)
    toewijzing.save()
    return toewijzing


def test_signaaldatum_over_goede_vrijdag_weekend_en_paasmaandag(op_2_april):
    assert op_2_april.start_signaal_op == date(2026, 4, 13)


def test_zichtbaar_vanaf_de_signaaldatum_niet_ervoor(op_2_april):
    consulent = op_2_april.regel.beschikking.aanvraag.melding.consulent
    with time_machine.travel(
        datetime(2026, 4, 12, 23, 30, tzinfo=timezone.get_fixed_timezone(120)), tick=False
    ):
        assert not niet_gestart().exists()
    with time_machine.travel(
        datetime(2026, 4, 13, 0, 30, tzinfo=timezone.get_fixed_timezone(120)), tick=False
    ):
        assert list(niet_gestart_voor_consulent(consulent)) == [op_2_april]
        per = list(niet_gestart_per_aanbieder(Melding.objects.all()))
        assert per == [
            {
                "aanbieder__naam": op_2_april.aanbieder.naam,
                "aanbieder__agb_code": op_2_april.aanbieder.agb_code,
                "aantal": 1,
            }
        ]


def test_een_start_haalt_het_signaal_weg(op_2_april):
    op_2_april.gestart_op = date(2026, 4, 8)
    op_2_april.save()
    assert op_2_april.start_signaal_op is None


def test_latere_ingangsdatum_telt_vanaf_de_ingangsdatum(op_2_april):
    op_2_april.ingangsdatum = date(2026, 5, 1)  # Friday; 5 mei is a feestdag: 4, 6, 7, 8, 11 May
    op_2_april.save()
    assert op_2_april.start_signaal_op == date(2026, 5, 11)


def test_instelling_en_gelijkgestelde_dag_rekenen_opnieuw(op_2_april):
    gemeente = op_2_april.gemeente
    gemeente.iwmo_start_signaal_werkdagen = 3
    gemeente.save()
    op_2_april.refresh_from_db()
    assert op_2_april.start_signaal_op == date(2026, 4, 9)
    gelijkgestelde_dag_toevoegen(datum=date(2026, 4, 8), omschrijving="KB test, Stcrt. 2026, 1")
    op_2_april.refresh_from_db()
    assert op_2_april.start_signaal_op == date(2026, 4, 10)


def test_dashboard_en_werkvoorraad(client, op_2_april, django_assert_max_num_queries):
    melding = op_2_april.regel.beschikking.aanvraag.melding
    with time_machine.travel(
        datetime(2026, 4, 14, 10, 0, tzinfo=timezone.get_fixed_timezone(120)), tick=False
    ):
        client.force_login(melding.consulent)
        antwoord = client.get(reverse("werkvoorraad"))
        assert "Aanbieder nog niet gestart" in antwoord.text
        assert f"nog niet gestart met toewijzing {op_2_april.nummer}" in antwoord.text
        from tests.factories import MedewerkerFactory

        teamleider = MedewerkerFactory(
            team=melding.team, organisatie=melding.team.organisatie, rollen=[Rol.TEAMLEIDER]
        )
        client.force_login(teamleider)
        antwoord = client.get(reverse("teamleider:dashboard"))
        assert antwoord.status_code == 200
        assert f"{op_2_april.aanbieder.naam} ({op_2_april.aanbieder.agb_code})" in antwoord.text
