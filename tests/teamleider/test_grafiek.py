"""The server-rendered bar chart: geometry and its text alternative."""

from teamleider.grafiek import staafgrafiek


def test_staven_naar_verhouding_en_tekstalternatief():
    g = staafgrafiek([("jan 2026", 10), ("feb 2026", 5), ("mrt 2026", 0)], titel="Meldingen per maand")
    hoogtes = [s["hoogte"] for s in g["staven"]]
    assert hoogtes[0] == 2 * hoogtes[1] and hoogtes[2] == 0
    assert all(s["y"] + s["hoogte"] == g["basis"] for s in g["staven"])
    assert g["beschrijving"] == "jan 2026: 10; feb 2026: 5; mrt 2026: 0"
    assert g["hoogste"] == 10


def test_zonder_gegevens():
    g = staafgrafiek([], titel="Leeg")
    assert g["staven"] == [] and g["beschrijving"] == ""
