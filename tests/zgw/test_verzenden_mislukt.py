"""When the zaaksysteem is down or answers wrongly: Keukentafel carries on, the outbox retries with
exponential backoff, stops after MAX_POGINGEN, and never sends anything twice, not even when the
zaaksysteem created something but its answer was lost.

The zaaksysteem is outside our control: a fake ZGW server of the test's own (nepzaaksysteem.py)
can be down (503) or drop the connection right after it stored a new object.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meldingen.constants import MeldingStatus
from tests.factories import InwonerFactory, MeldingFactory
from zgw import services
from zgw.constants import MAX_POGINGEN, OpdrachtSoort, OpdrachtStatus
from zgw.models import Opdracht, ZgwKoppeling, ZgwZaak

from .conftest import CLIENT_ID, SECRET
from .nepzaaksysteem import NepZaaksysteem

pytestmark = pytest.mark.django_db


def _melding(gemeente, consulent, capture):
    with capture(execute=True):
        return MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente), team=consulent.team, door=consulent)


def _later(minuten: int):
    return time_machine.travel(timezone.now() + timedelta(minutes=minuten), tick=True)


def test_storing_houdt_keukentafel_niet_op_en_wordt_later_verzonden(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    zaaksysteem.storing = True
    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    assert melding.pk and melding.status == MeldingStatus.ONTVANGEN  # Keukentafel did its work

    zaak_opdracht = Opdracht.objects.get(soort=OpdrachtSoort.ZAAK)
    assert zaak_opdracht.status == OpdrachtStatus.WACHTEND
    assert zaak_opdracht.pogingen == 1
    assert "HTTP 503" in zaak_opdracht.laatste_fout
    assert timedelta(seconds=55) < zaak_opdracht.volgende_poging - timezone.now() <= timedelta(seconds=60)
    # The status waits behind the zaak: the order is kept, it was not tried.
    assert Opdracht.objects.get(soort=OpdrachtSoort.STATUS).pogingen == 0

    zaaksysteem.storing = False
    aantal = len(zaaksysteem.verzoeken)
    assert services.alles_verzenden() == 0  # not due yet: the backoff is respected
    assert len(zaaksysteem.verzoeken) == aantal
    with _later(2):
        assert services.alles_verzenden() == 2
    assert set(Opdracht.objects.values_list("status", flat=True)) == {OpdrachtStatus.VERZONDEN}
    assert len(zaaksysteem.objecten["zaken"]) == 1 and len(zaaksysteem.objecten["statussen"]) == 1


def test_backoff_verdubbelt_en_stopt_na_max_pogingen(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks, client, beheerder
):
    zaaksysteem.storing = True
    _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    opdracht = Opdracht.objects.get(soort=OpdrachtSoort.ZAAK)
    wachttijden = []
    poging_op = timezone.now()
    while opdracht.status == OpdrachtStatus.WACHTEND:
        wachttijden.append(round((opdracht.volgende_poging - poging_op).total_seconds() / 60))
        poging_op = opdracht.volgende_poging + timedelta(seconds=1)
        with time_machine.travel(poging_op, tick=False):
            services.alles_verzenden()
        opdracht.refresh_from_db()
    assert wachttijden == [1, 2, 4, 8, 16, 32, 64]
    assert opdracht.status == OpdrachtStatus.NIET_VERZONDEN and opdracht.pogingen == MAX_POGINGEN
    assert opdracht.volgende_poging is None

    # Beheer sees it, with the reason, and sends it again once the zaaksysteem is back.
    zaaksysteem.storing = False
    client.force_login(beheerder)
    pagina = client.get("/beheer/zaaksysteem/niet-verzonden/")
    assert "Gestopt na 8 pogingen" in pagina.text and "HTTP 503" in pagina.text
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(f"/beheer/zaaksysteem/opdrachten/{opdracht.pk}/opnieuw/")
    assert antwoord.status_code == 302
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtStatus.VERZONDEN
    assert opdracht.history.filter(history_change_reason="Opnieuw (beheer)", history_user=beheerder).exists()
    assert set(Opdracht.objects.values_list("status", flat=True)) == {OpdrachtStatus.VERZONDEN}
    assert "Alles is verzonden" in client.get("/beheer/zaaksysteem/niet-verzonden/").text


@pytest.mark.parametrize("resource", ["zaken", "rollen", "statussen"])
def test_verloren_antwoord_maakt_geen_tweede(
    resource, nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    """The zaaksysteem stored the object, then the connection broke before we stored its URL (as a
    crash of our worker at that moment would): the next attempt finds it by lookup."""
    zaaksysteem.verbreek_na_aanmaken = {resource}
    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    assert len(zaaksysteem.objecten[resource]) == 1
    mislukt = Opdracht.objects.exclude(laatste_fout="").get()
    assert "niet bereikbaar" in mislukt.laatste_fout or "antwoord" in mislukt.laatste_fout

    with _later(2):
        services.alles_verzenden()
    assert set(Opdracht.objects.values_list("status", flat=True)) == {OpdrachtStatus.VERZONDEN}
    for naam in ("zaken", "rollen", "statussen"):
        assert len(zaaksysteem.objecten[naam]) == 1, naam
    assert len(zaaksysteem.posts(resource)) == 1
    zaak = ZgwZaak.objects.get(melding=melding)
    [(sleutel, opgeslagen)] = zaaksysteem.objecten["zaken"].items()
    assert zaak.url == opgeslagen["url"]


def test_verloren_antwoord_bij_document_maakt_geen_tweede(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    from meldingen.services import ontvangstbevestiging_versturen

    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    zaaksysteem.verbreek_na_aanmaken = {"enkelvoudiginformatieobjecten"}
    with django_capture_on_commit_callbacks(execute=True):
        ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert Opdracht.objects.get(soort=OpdrachtSoort.DOCUMENT).status == OpdrachtStatus.WACHTEND
    with _later(2):
        services.alles_verzenden()
    document = Opdracht.objects.get(soort=OpdrachtSoort.DOCUMENT)
    assert document.status == OpdrachtStatus.VERZONDEN
    assert len(zaaksysteem.objecten["enkelvoudiginformatieobjecten"]) == 1
    assert len(zaaksysteem.objecten["zaakinformatieobjecten"]) == 1
    assert document.urls["informatieobject"] in {
        o["url"] for o in zaaksysteem.objecten["enkelvoudiginformatieobjecten"].values()
    }


def test_tweede_verzendtaak_stuurt_niets_dubbel(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    """A task enqueued twice for the same melding (two changes close together) sends each opdracht once."""
    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    aantal = len(zaaksysteem.verzoeken)
    services.opdrachten_verzenden(melding_id=melding.pk)
    services.melding_bijwerken(melding_id=melding.pk, status=MeldingStatus.ONTVANGEN)
    assert len(zaaksysteem.verzoeken) == aantal
    assert Opdracht.objects.count() == 2


def test_fout_van_de_api_staat_in_gewone_taal(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    ZgwKoppeling.objects.filter(pk=koppeling.pk).update(zaaktype="")
    _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    fout = Opdracht.objects.get(soort=OpdrachtSoort.ZAAK).laatste_fout
    assert fout.startswith("Het zaaksysteem weigerde POST /zaken/api/v1/zaken: HTTP 400")
    assert "zaaktype: Dit veld is vereist." in fout


def test_doorverwijzing_wordt_niet_gevolgd_en_het_token_gaat_niet_mee(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks
):
    # The zaaksysteem answers 302 to another host (here to the first request, the search for an
    # existing zaak): urllib would send the request there again,
    # Authorization header included (and a POST as a GET). Keukentafel does not follow it.
    with NepZaaksysteem(client_id=CLIENT_ID, secret=SECRET) as elders:
        zaaksysteem.doorverwijzen = elders.api("zaken") + "zaken"
        _melding(gemeente, consulent, django_capture_on_commit_callbacks)
        assert elders.verzoeken == []
    opdracht = Opdracht.objects.get(soort=OpdrachtSoort.ZAAK)
    assert opdracht.status == OpdrachtStatus.WACHTEND and opdracht.pogingen == 1
    assert opdracht.laatste_fout.startswith("Het zaaksysteem stuurde GET /zaken/api/v1/zaken door (HTTP 302)")
    assert "volgt geen doorverwijzing" in opdracht.laatste_fout
    assert len(zaaksysteem.verzoeken) == 1  # the first request stopped the opdracht


def test_geheim_ontbreekt_op_de_server(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.delenv("KT_ZGW_TEST_SECRET")
    _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    assert (
        "zet KT_ZGW_TEST_SECRET in de omgeving" in Opdracht.objects.get(soort=OpdrachtSoort.ZAAK).laatste_fout
    )
    assert zaaksysteem.verzoeken == []  # no request without a token


def test_verkeerd_geheim_wordt_geweigerd(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setenv("KT_ZGW_TEST_SECRET", "een ander geheim dat de server niet kent, 32+ tekens")
    _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    assert "HTTP 403" in Opdracht.objects.get(soort=OpdrachtSoort.ZAAK).laatste_fout


def test_beheercommando(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks, capsys
):
    zaaksysteem.storing = True
    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    Opdracht.objects.filter(soort=OpdrachtSoort.ZAAK).update(status=OpdrachtStatus.NIET_VERZONDEN, pogingen=8)
    call_command("zgw", "status")
    uit = capsys.readouterr().out
    assert (
        "Haarlem: koppeling aan; geheim: Ingesteld op de server; 1 wachtend, 0 verzonden, 1 niet verzonden."
        in uit
    )
    assert (
        f"({OpdrachtSoort.ZAAK.label}, {melding.kenmerk}, Niet verzonden, 8 pogingen): Het zaaksysteem weigerde"
        in uit
    )
    zaaksysteem.storing = False
    call_command("zgw", "opnieuw")
    assert "1 opdracht(en) opnieuw in de wachtrij gezet." in capsys.readouterr().out
    assert set(Opdracht.objects.values_list("status", flat=True)) == {OpdrachtStatus.VERZONDEN}


def test_pagina_werkt_als_het_zaaksysteem_onbereikbaar_is(
    nu, koppeling, zaaksysteem, consulent, gemeente, django_capture_on_commit_callbacks, client
):
    """Through the real view: the consulent starts the onderzoek while nothing listens at the
    zaaksysteem's address; the page answers as always and the opdracht waits with its reason."""
    melding = _melding(gemeente, consulent, django_capture_on_commit_callbacks)
    ZgwKoppeling.objects.filter(pk=koppeling.pk).update(zaken_api="http://127.0.0.1:9/zaken/api/v1/")
    client.force_login(consulent)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("meldingen:melding_onderzoek_starten", args=[melding.pk]))
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_ONDERZOEK
    status = Opdracht.objects.get(melding_status=MeldingStatus.IN_ONDERZOEK)
    assert status.status == OpdrachtStatus.WACHTEND and status.pogingen == 1
    assert "niet bereikbaar" in status.laatste_fout
