"""A melding becomes a zaak with the inwoner as initiator, and each status change a status.

The zaaksysteem is outside our control: a fake ZGW server of the test's own (nepzaaksysteem.py)
answers per the specifications and records every request, so the test asserts what Keukentafel
sent: the JWT (signature and claims), the CRS headers, the bodies, and the URLs it stored.
"""

from datetime import date, datetime

import jwt
import pytest

from meldingen import services as melding_services
from meldingen.constants import MeldingStatus
from tests.factories import InwonerFactory, MeldingFactory
from zgw import services as zgw_services
from zgw.constants import OpdrachtSoort, OpdrachtStatus
from zgw.models import Opdracht, ZgwZaak

from .conftest import CLIENT_ID, SECRET, ZAAKTYPE

pytestmark = pytest.mark.django_db


def _melding(gemeente, consulent, **kwargs):
    return MeldingFactory(
        inwoner=InwonerFactory(gemeente=gemeente), team=consulent.team, door=consulent, **kwargs
    )


def test_melding_wordt_zaak_met_initiator_en_status(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melding = _melding(gemeente, consulent)

    zaak = ZgwZaak.objects.get(melding=melding)
    assert zaak.identificatie == melding.kenmerk
    [post_zaak] = zaaksysteem.posts("zaken")
    body = post_zaak["body"]
    assert body["identificatie"] == melding.kenmerk
    assert body["bronorganisatie"] == "002220647"
    assert body["verantwoordelijkeOrganisatie"] == "001005650"
    assert body["zaaktype"] == ZAAKTYPE
    assert body["startdatum"] == melding.ontvangen_datum.isoformat()
    assert body["einddatumGepland"] == melding.onderzoek_deadline.isoformat()
    assert body["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert zaak.url and zaak.url == zaaksysteem.objecten["zaken"][zaak.url.rsplit("/", 1)[1]]["url"]

    # JWT-ZGW: HS256 with the shared secret, the claims of the standard; who caused it.
    assert post_zaak["jwt_header"] == {"alg": "HS256", "typ": "JWT"}
    claims = jwt.decode(
        post_zaak["headers"]["Authorization"].removeprefix("Bearer "), SECRET, algorithms=["HS256"]
    )
    assert claims["iss"] == claims["client_id"] == CLIENT_ID
    assert claims["user_id"] == consulent.username
    assert claims["user_representation"] == "Sanne de Vries"
    assert abs(claims["iat"] - int(nu.timestamp())) < 60
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            post_zaak["headers"]["Authorization"][7:],
            "een ander geheim, ook lang genoeg voor HS256",
            algorithms=["HS256"],
        )
    assert post_zaak["headers"]["Accept-Crs"] == post_zaak["headers"]["Content-Crs"] == "EPSG:4326"

    # Looked up (by our identificatie) before it was created.
    zoek = [v for v in zaaksysteem.verzoeken if v["methode"] == "GET" and v["resource"] == "zaken"]
    assert zoek[0]["query"] == {"identificatie": melding.kenmerk, "bronorganisatie": "002220647"}

    [rol] = zaaksysteem.posts("rollen")
    assert rol["body"]["zaak"] == zaak.url
    assert rol["body"]["betrokkeneType"] == "natuurlijk_persoon"
    assert rol["body"]["roltype"] == koppeling.roltype_initiator
    assert rol["body"]["betrokkeneIdentificatie"] == {"inpBsn": melding.inwoner.bsn}
    assert zaak.rol_url == zaaksysteem.objecten["rollen"][zaak.rol_url.rsplit("/", 1)[1]]["url"]

    [status] = zaaksysteem.posts("statussen")
    assert status["body"]["statustype"] == koppeling.statustype_ontvangen
    assert status["body"]["zaak"] == zaak.url
    assert datetime.fromisoformat(status["body"]["datumStatusGezet"]) == melding.ontvangen_op
    assert set(Opdracht.objects.values_list("soort", "status")) == {
        (OpdrachtSoort.ZAAK, OpdrachtStatus.VERZONDEN),
        (OpdrachtSoort.STATUS, OpdrachtStatus.VERZONDEN),
    }


def test_statuswijziging_wordt_status(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melding = _melding(gemeente, consulent)
    with django_capture_on_commit_callbacks(execute=True):
        melding = melding_services.melding_onderzoek_starten(melding=melding, door=consulent)
    statussen = [v["body"]["statustype"] for v in zaaksysteem.posts("statussen")]
    assert statussen == [koppeling.statustype_ontvangen, koppeling.statustype_in_onderzoek]
    assert len(zaaksysteem.posts("zaken")) == 1
    # Saving the melding again without a new status sends nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        melding_services.melding_toewijzen(melding=melding, door=consulent, consulent=consulent)
    assert len(zaaksysteem.posts("statussen")) == 2


def test_spoed_krijgt_eigen_zaaktype(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _melding(gemeente, consulent, spoed=True, spoed_reden="Ontslag uit het ziekenhuis morgen")
    assert zaaksysteem.posts("zaken")[0]["body"]["zaaktype"] == koppeling.zaaktype_spoed


def test_zonder_actieve_koppeling_gaat_er_niets_heen(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    koppeling.actief = False
    koppeling.save()
    with django_capture_on_commit_callbacks(execute=True):
        melding = _melding(gemeente, consulent, in_onderzoek=True)
    assert melding.status == MeldingStatus.IN_ONDERZOEK
    assert zaaksysteem.verzoeken == []
    assert not Opdracht.objects.exists() and not ZgwZaak.objects.exists()


def test_teruggedraaide_wijziging_stuurt_niets(nu, koppeling, zaaksysteem, consulent, gemeente):
    """Without a commit (the test's transaction is never committed) nothing is queued or sent."""
    _melding(gemeente, consulent)
    assert zaaksysteem.verzoeken == []
    assert not Opdracht.objects.exists()


def test_melding_van_voor_de_koppeling_krijgt_zaak_bij_de_volgende_wijziging(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    koppeling.actief = False
    koppeling.save()
    with django_capture_on_commit_callbacks(execute=True):
        melding = _melding(gemeente, consulent)
    koppeling.actief = True
    koppeling.save()
    with django_capture_on_commit_callbacks(execute=True):
        melding_services.melding_onderzoek_starten(melding=melding, door=consulent)
    assert len(zaaksysteem.posts("zaken")) == 1
    assert [v["body"]["statustype"] for v in zaaksysteem.posts("statussen")] == [
        koppeling.statustype_ontvangen,
        koppeling.statustype_in_onderzoek,
    ]
    assert date.fromisoformat(zaaksysteem.posts("zaken")[0]["body"]["startdatum"]) == melding.ontvangen_datum


def test_status_zonder_statustype_gaat_niet_heen(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    koppeling.statustype_in_onderzoek = ""
    koppeling.save()
    with django_capture_on_commit_callbacks(execute=True):
        melding = _melding(gemeente, consulent)
    with django_capture_on_commit_callbacks(execute=True):
        melding_services.melding_onderzoek_starten(melding=melding, door=consulent)
    assert [v["body"]["statustype"] for v in zaaksysteem.posts("statussen")] == [
        koppeling.statustype_ontvangen
    ]
    opdracht = Opdracht.objects.get(melding_status=MeldingStatus.IN_ONDERZOEK)
    assert opdracht.status == OpdrachtStatus.VERZONDEN and opdracht.urls == {}


def test_zonder_koppeling_kost_een_wijziging_een_query(nu, consulent, gemeente, django_assert_num_queries):
    """The price for gemeenten without a zaaksysteem: one SELECT after each commit (plus the savepoint)."""
    melding = _melding(gemeente, consulent)
    with django_assert_num_queries(3):  # SAVEPOINT, the koppeling, RELEASE
        assert (
            zgw_services.melding_bijwerken(melding_id=melding.pk, status=MeldingStatus.IN_ONDERZOEK) is None
        )
