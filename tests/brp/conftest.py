"""The fake BRP (tests/brp/fake_brp.py: the BRP is outside our control) and a koppeling to it."""

import pytest

from brp.models import BrpKoppeling
from tests.brp.fake_brp import API_KEY, FakeBrp


@pytest.fixture
def gemeente(consulent):
    """The consulent's gemeente with its CBS code (the BRP's gemeenteVanInschrijving is compared
    with it). The loket and beheer modules use their own."""
    g = consulent.organisatie.gemeenten.get()
    g.cbs_code = "0392"
    g.save()
    return g


@pytest.fixture
def fake_brp():
    server = FakeBrp().start()
    yield server
    server.stop()


@pytest.fixture
def brp_sleutel(monkeypatch):
    monkeypatch.setenv("KT_BRP_TEST_API_KEY", API_KEY)
    return API_KEY


@pytest.fixture
def koppeling_voor(fake_brp, brp_sleutel):
    def maak(gemeente, **velden):
        return BrpKoppeling.objects.create(
            gemeente=gemeente,
            basis_url=fake_brp.url,
            geheim_naam="KT_BRP_TEST_API_KEY",
            timeout_seconden=velden.pop("timeout_seconden", 1),
            **velden,
        )

    return maak
