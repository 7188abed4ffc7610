"""Shared setup of the zaaksysteem tests: a fake ZGW server of the test's own and a koppeling to it.

The zaaksysteem is outside our control: tests/zgw/nepzaaksysteem.py stands in for it (a real
HTTP server on 127.0.0.1, checked against the specifications). Nothing of ours is faked.
"""

from datetime import datetime

import pytest
import time_machine
from django.utils import timezone

from tests.factories import GemeenteFactory, MedewerkerFactory
from wmo.constants import Rol
from zgw.models import ZgwKoppeling

from .nepzaaksysteem import NepZaaksysteem

# Tuesday 7 April 2026 (after Easter Monday), in the afternoon; the clock ticks (HTTP timeouts).
NU = datetime(2026, 4, 7, 14, 0, tzinfo=timezone.get_fixed_timezone(120))
SECRET = "geheim-van-de-test-0123456789abcdef"
CLIENT_ID = "keukentafel-test"
ZAAKTYPE = "https://catalogi.example/catalogi/api/v1/zaaktypen/wmo-melding"


@pytest.fixture
def nu():
    with time_machine.travel(NU, tick=True):
        yield NU


@pytest.fixture
def zaaksysteem():
    with NepZaaksysteem(client_id=CLIENT_ID, secret=SECRET) as nep:
        yield nep


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(naam="Haarlem", cbs_code="0392")


def koppeling_velden(nep: NepZaaksysteem) -> dict:
    catalogus = "https://catalogi.example/catalogi/api/v1"
    return {
        "actief": True,
        "zaken_api": nep.api("zaken"),
        "documenten_api": nep.api("documenten"),
        "besluiten_api": nep.api("besluiten"),
        "client_id": CLIENT_ID,
        "secret_naam": "KT_ZGW_TEST_SECRET",
        "timeout_seconden": 5,
        "bronorganisatie": "002220647",
        "verantwoordelijke_organisatie": "001005650",
        "zaaktype": ZAAKTYPE,
        "zaaktype_spoed": f"{catalogus}/zaaktypen/wmo-spoed",
        "roltype_initiator": f"{catalogus}/roltypen/initiator",
        **{
            f"statustype_{s}": f"{catalogus}/statustypen/{s}"
            for s in (
                "ontvangen",
                "in_onderzoek",
                "verslag_verstuurd",
                "aanvraag_ontvangen",
                "besloten",
                "afgesloten",
            )
        },
        "informatieobjecttype": f"{catalogus}/informatieobjecttypen/brief",
        "besluittype": f"{catalogus}/besluittypen/wmo-beschikking",
    }


@pytest.fixture
def koppeling(gemeente, zaaksysteem, monkeypatch):
    monkeypatch.setenv("KT_ZGW_TEST_SECRET", SECRET)
    return ZgwKoppeling.objects.create(gemeente=gemeente, **koppeling_velden(zaaksysteem))


@pytest.fixture
def consulent(db, gemeente):
    medewerker = MedewerkerFactory(rollen=[Rol.CONSULENT], first_name="Sanne", last_name="de Vries")
    medewerker.organisatie.gemeenten.add(gemeente)
    return medewerker


@pytest.fixture
def beheerder(consulent):
    return MedewerkerFactory(team=None, organisatie=consulent.organisatie, rollen=[Rol.FUNCTIONEEL_BEHEERDER])
