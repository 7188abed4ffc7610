"""Bekendmaking of the beschikking starts the bezwaar clock (Awb 6:7, 6:8), stored and kept current."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Beschikking
from tests.aanvragen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db


def test_bekendmaking_zet_de_bezwaartermijn(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=date(2026, 5, 12), door=consulent)
    beschikking = Beschikking.objects.get(aanvraag=aanvraag)
    assert (beschikking.bekendgemaakt_op, beschikking.bezwaar_deadline) == (
        date(2026, 5, 12),
        date(2026, 6, 23),
    )
    assert beschikking.history.get().history_user == consulent


def test_gelijkgestelde_dag_herberekent_lopende_bezwaartermijnen(consulent):
    vandaag = timezone.localdate()
    aanvraag = AanvraagFactory(
        door=consulent,
        ontvangen_op=vandaag,
        melding__ontvangen_op=timezone.now() - timezone.timedelta(days=1),
    )
    services.aanvraag_besloten(aanvraag=aanvraag, besloten_op=vandaag, door=consulent)
    beschikking = Beschikking.objects.get()
    oud = beschikking.bezwaar_deadline
    call_command("termijn", "feestdag-toevoegen", oud.isoformat(), "--omschrijving", "KB test")
    beschikking.refresh_from_db()
    assert beschikking.bezwaar_deadline > oud
    call_command("termijn", "feestdag-verwijderen", oud.isoformat())
    beschikking.refresh_from_db()
    assert beschikking.bezwaar_deadline == oud
