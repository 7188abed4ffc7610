"""Each sent letter becomes a document of the zaak, a sent beschikking a besluit, and the
deadline engine's date the zaak's einddatumGepland (also on suspension, Awb 4:15).

The zaaksysteem is outside our control: a fake ZGW server of the test's own (nepzaaksysteem.py).
"""

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from aanvragen import services as aanvraag_services
from aanvragen.constants import OpschortingReden
from aanvragen.models import Aanvraag
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import InwonerFactory, MeldingFactory
from wmo.models import Brief
from zgw.constants import OpdrachtSoort, OpdrachtStatus
from zgw.models import Opdracht, ZgwZaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def melding(nu, koppeling, consulent, gemeente, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return MeldingFactory(
            inwoner=InwonerFactory(gemeente=gemeente),
            team=consulent.team,
            door=consulent,
            consulent=consulent,
            in_onderzoek=True,
            ontvangen_op=timezone.now() - timedelta(days=20),
        )


def test_verstuurde_beschikking_wordt_document_en_besluit(
    melding, koppeling, zaaksysteem, consulent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = BeschikkingFactory(verstuurd=True, door=consulent, aanvraag__melding=melding)
    beschikking.refresh_from_db()
    zaak = ZgwZaak.objects.get(melding=melding)

    # The letter: an enkelvoudiginformatieobject with the PDF inline (base64), linked to the zaak.
    brief = beschikking.brief
    eio = next(
        v["body"]
        for v in zaaksysteem.posts("enkelvoudiginformatieobjecten")
        if v["body"]["identificatie"] == f"{melding.kenmerk}-B{brief.pk}"
    )
    assert base64.b64decode(eio["inhoud"]) == bytes(brief.pdf)
    assert eio["formaat"] == "application/pdf" and eio["taal"] == "nld"
    assert eio["informatieobjecttype"] == koppeling.informatieobjecttype
    assert eio["bronorganisatie"] == "002220647"
    assert eio["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    document = Opdracht.objects.get(soort=OpdrachtSoort.DOCUMENT, brief=brief)
    assert document.status == OpdrachtStatus.VERZONDEN
    zio = [v["body"] for v in zaaksysteem.posts("zaakinformatieobjecten")]
    assert {"zaak": zaak.url, "informatieobject": document.urls["informatieobject"]} in [
        {"zaak": z["zaak"], "informatieobject": z["informatieobject"]} for z in zio
    ]

    # The besluit, linked to the zaak and to the letter's document; the bezwaar term as reactiedatum.
    [besluit] = zaaksysteem.posts("besluiten")
    assert besluit["body"]["zaak"] == zaak.url
    assert besluit["body"]["besluittype"] == koppeling.besluittype
    assert besluit["body"]["verantwoordelijkeOrganisatie"] == "001005650"
    assert besluit["body"]["identificatie"] == f"{melding.kenmerk}-BS{beschikking.pk}"
    assert besluit["body"]["datum"] == beschikking.bekendgemaakt_op.isoformat()
    assert besluit["body"]["uiterlijkeReactiedatum"] == beschikking.bezwaar_deadline.isoformat()
    [bio] = zaaksysteem.posts("besluitinformatieobjecten")
    besluit_opdracht = Opdracht.objects.get(soort=OpdrachtSoort.BESLUIT, beschikking=beschikking)
    assert bio["body"] == {
        "besluit": besluit_opdracht.urls["besluit"],
        "informatieobject": document.urls["informatieobject"],
    }
    # The document was made once, though both the letter and the besluit need it.
    assert (
        len(
            [
                v
                for v in zaaksysteem.posts("enkelvoudiginformatieobjecten")
                if v["body"]["identificatie"] == eio["identificatie"]
            ]
        )
        == 1
    )

    # The status 'besloten' comes after the documents and the besluit (an end status closes the zaak).
    volgorde = [v["resource"] for v in zaaksysteem.verzoeken if v["methode"] == "POST"]
    laatste_status = len(volgorde) - 1 - volgorde[::-1].index("statussen")
    assert volgorde.index("besluiten") < laatste_status
    assert zaaksysteem.posts("statussen")[-1]["body"]["statustype"] == koppeling.statustype_besloten

    # Every letter of the dossier went once (originals only), and nothing is left waiting.
    originelen = Brief.objects.filter(melding=melding, origineel__isnull=True).count()
    assert len(zaaksysteem.posts("enkelvoudiginformatieobjecten")) == originelen
    assert not Opdracht.objects.exclude(status=OpdrachtStatus.VERZONDEN).exists()


def test_opschorting_verschuift_einddatum_gepland(
    melding, koppeling, zaaksysteem, consulent, django_capture_on_commit_callbacks
):
    vandaag = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = aanvraag_services.aanvraag_registreren(
            melding=melding,
            door=consulent,
            ontvangen_op=vandaag - timedelta(days=10),
            grondslag="na_onderzoek",
        )
    aanvraag.refresh_from_db()
    zaak_url = ZgwZaak.objects.get(melding=melding).url
    patches = [v for v in zaaksysteem.verzoeken if v["methode"] == "PATCH"]
    assert [p["body"] for p in patches] == [{"einddatumGepland": aanvraag.beslis_deadline.isoformat()}]
    assert patches[0]["pad"] == zaak_url.removeprefix(zaaksysteem.basis)

    with django_capture_on_commit_callbacks(execute=True):
        opschorting = aanvraag_services.aanvraag_opschorten(
            aanvraag=aanvraag,
            door=consulent,
            reden=OpschortingReden.UITSTEL_MET_INSTEMMING,
            eerste_dag_stil=vandaag - timedelta(days=8),
            toelichting="De inwoner wil eerst met haar dochter overleggen.",
        )
    # Suspended without a known end: the APIs keep the last date (nothing to send yet).
    assert Aanvraag.objects.get(pk=aanvraag.pk).beslis_deadline is None
    assert len([v for v in zaaksysteem.verzoeken if v["methode"] == "PATCH"]) == 1

    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_services.opschorting_beeindigen(
            opschorting=opschorting, eerste_dag_weer=vandaag - timedelta(days=3), door=consulent
        )
    aanvraag = Aanvraag.objects.get(pk=aanvraag.pk)
    patches = [v["body"] for v in zaaksysteem.verzoeken if v["methode"] == "PATCH"]
    assert patches[-1] == {"einddatumGepland": aanvraag.beslis_deadline.isoformat()}
    assert patches[0] != patches[-1] and len(patches) == 2
    zaak = zaaksysteem.objecten["zaken"][zaak_url.rsplit("/", 1)[1]]
    assert zaak["einddatumGepland"] == aanvraag.beslis_deadline.isoformat()
