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


def catalogus_vullen(nep: NepZaaksysteem) -> dict[str, str]:
    """A Wmo catalogue in the fake Catalogi API, with what goes wrong in real ones next to it: a
    concept version, a zaaktype of another catalogue with its own types, a roltype that is not the
    initiator. Returns the URLs by a short name."""
    catalogus = f"{nep.api('catalogi')}catalogussen/wmo"
    elders = f"{nep.api('catalogi')}catalogussen/parkeren"
    t = nep.type_toevoegen
    melding = t(
        "zaaktypen",
        catalogus=catalogus,
        identificatie="WMO-MELDING",
        omschrijving="Wmo-melding",
        concept=False,
        beginGeldigheid="2026-01-01",
    )
    spoed = t(
        "zaaktypen",
        catalogus=catalogus,
        identificatie="WMO-SPOED",
        omschrijving="Wmo-melding spoed",
        concept=False,
    )
    concept = t(
        "zaaktypen",
        catalogus=catalogus,
        identificatie="WMO-NIEUW",
        omschrijving="Wmo-melding nieuw",
        concept=True,
    )
    parkeren = t(
        "zaaktypen",
        catalogus=elders,
        identificatie="PARKEREN",
        omschrijving="Parkeervergunning",
        concept=False,
    )
    urls = {
        "catalogus": catalogus,
        "melding": melding["url"],
        "spoed": spoed["url"],
        "concept": concept["url"],
    }
    urls["parkeren"] = parkeren["url"]
    for i, naam in enumerate(
        ("Ontvangen", "In onderzoek", "Verslag verstuurd", "Aanvraag ontvangen", "Besloten", "Afgesloten"), 1
    ):
        urls[f"status_{i}"] = t("statustypen", zaaktype=melding["url"], omschrijving=naam, volgnummer=i)[
            "url"
        ]
    urls["status_parkeren"] = t(
        "statustypen", zaaktype=parkeren["url"], omschrijving="Vergunning verleend", volgnummer=1
    )["url"]
    urls["initiator"] = t(
        "roltypen", zaaktype=melding["url"], omschrijving="Inwoner", omschrijvingGeneriek="initiator"
    )["url"]
    urls["behandelaar"] = t(
        "roltypen", zaaktype=melding["url"], omschrijving="Consulent", omschrijvingGeneriek="behandelaar"
    )["url"]
    urls["initiator_parkeren"] = t(
        "roltypen",
        zaaktype=parkeren["url"],
        omschrijving="Aanvrager parkeren",
        omschrijvingGeneriek="initiator",
    )["url"]
    urls["brief"] = t("informatieobjecttypen", catalogus=catalogus, omschrijving="Brief Wmo", concept=False)[
        "url"
    ]
    urls["brief_concept"] = t(
        "informatieobjecttypen", catalogus=catalogus, omschrijving="Brief in ontwerp", concept=True
    )["url"]
    urls["foto"] = t("informatieobjecttypen", catalogus=elders, omschrijving="Pasfoto", concept=False)["url"]
    urls["beschikking"] = t(
        "besluittypen",
        catalogus=catalogus,
        omschrijving="Wmo-beschikking",
        zaaktypen=[melding["url"]],
        concept=False,
    )["url"]
    urls["los_besluit"] = t(
        "besluittypen", catalogus=catalogus, omschrijving="Los besluit", zaaktypen=[], concept=False
    )["url"]
    melding["informatieobjecttypen"].append(urls["brief"])
    melding["besluittypen"].append(urls["beschikking"])
    return urls


def koppeling_met_catalogus(nep: NepZaaksysteem, urls: dict[str, str]) -> dict:
    """The settings of a koppeling whose types all come from the fake catalogue and belong together."""
    statussen = (
        "ontvangen",
        "in_onderzoek",
        "verslag_verstuurd",
        "aanvraag_ontvangen",
        "besloten",
        "afgesloten",
    )
    return koppeling_velden(nep) | {
        "catalogi_api": nep.api("catalogi"),
        "catalogus": urls["catalogus"],
        "zaaktype": urls["melding"],
        "zaaktype_spoed": "",
        "zaaktype_herindicatie": urls["melding"],
        "roltype_initiator": urls["initiator"],
        **{f"statustype_{s}": urls[f"status_{i}"] for i, s in enumerate(statussen, 1)},
        "informatieobjecttype": urls["brief"],
        "besluittype": urls["beschikking"],
    }
