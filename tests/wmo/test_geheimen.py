"""Secrets of outside connections come from the environment: beheer only ever sees a name."""

import pytest
from django.core.exceptions import ValidationError

from wmo.geheimen import geheim, geheim_status, validate_geheim_naam


def test_the_value_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("KT_BRP_TEST_KEY", "s3cret")
    assert geheim("KT_BRP_TEST_KEY") == "s3cret"
    assert geheim_status("KT_BRP_TEST_KEY") == "Ingesteld op de server"
    assert "s3cret" not in geheim_status("KT_BRP_TEST_KEY")


def test_a_missing_variable_is_reported_not_guessed(monkeypatch):
    monkeypatch.delenv("KT_BRP_ONTBREEKT", raising=False)
    assert geheim("KT_BRP_ONTBREEKT") is None
    assert "KT_BRP_ONTBREEKT" in geheim_status("KT_BRP_ONTBREEKT")
    assert geheim_status("") == "Niet ingesteld"


@pytest.mark.parametrize("naam", ["SECRET_KEY", "DATABASE_URL", "kt_klein", "KT_", "KT_A-B", "KT_A B"])
def test_only_kt_names_are_accepted_so_no_other_process_secret_can_leak(monkeypatch, naam):
    monkeypatch.setenv("SECRET_KEY", "django-secret")
    assert geheim(naam) is None
    with pytest.raises(ValidationError):
        validate_geheim_naam(naam)


def test_a_good_name_passes():
    validate_geheim_naam("KT_ZGW_HAARLEM_SECRET")
