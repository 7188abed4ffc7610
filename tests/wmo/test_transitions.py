"""The one guard for the transition tables (wmo.transitions)."""

import pytest

from gesprekken.constants import GESPREK_OVERGANGEN, GesprekStatus
from wmo.transitions import OvergangNietToegestaan, check_transition


def test_toegestane_overgang_gaat_stil_door():
    check_transition(GESPREK_OVERGANGEN, GesprekStatus.GEPLAND, GesprekStatus.GEVOERD, message="nooit")


def test_geweigerde_overgang_noemt_beide_statussen():
    with pytest.raises(OvergangNietToegestaan) as exc:
        check_transition(
            GESPREK_OVERGANGEN,
            "gevoerd",  # as read from the database: a plain str
            GesprekStatus.GEANNULEERD,
            labels=GesprekStatus,
            message="Van ‘%(van)s’ naar ‘%(naar)s’ mag niet.",
        )
    assert exc.value.messages == ["Van ‘Gevoerd’ naar ‘Geannuleerd’ mag niet."]
    assert exc.value.code == "overgang"


def test_geweigerde_overgang_bij_een_veld():
    with pytest.raises(OvergangNietToegestaan) as exc:
        check_transition(
            GESPREK_OVERGANGEN, GesprekStatus.GEVOERD, GesprekStatus.GEPLAND, message={"naar": "Al gevoerd."}
        )
    assert exc.value.message_dict == {"naar": ["Al gevoerd."]}
