"""The system check for a database part-way through migrations a squashed migration replaces."""

import pytest
from django.db.migrations.recorder import MigrationRecorder

from wmo.checks import half_vervangen_migraties

pytestmark = pytest.mark.django_db


def test_een_volledig_gemigreerde_database_is_in_orde():
    assert half_vervangen_migraties(databases=["default"]) == []


def test_halverwege_een_samengevatte_reeks_zegt_wat_te_doen():
    # As a database migrated up to meldingen 0009 looks (before 0010 existed).
    MigrationRecorder.Migration.objects.filter(
        app="meldingen", name__in=["0010_inwoner_iwmo_gegevens", "0008_squashed_0010_inwoner_iwmo_gegevens"]
    ).delete()
    fouten = half_vervangen_migraties(databases=["default"])
    assert [f.id for f in fouten] == ["keukentafel.E001"]
    assert "meldingen.0010_inwoner_iwmo_gegevens" in fouten[0].msg
    assert "make run" in fouten[0].hint
