"""`manage.py iwmo`: sends what is still klaargezet (the worker was down) into the outbox folder."""

from io import StringIO

import pytest
from django.core.management import call_command

from aanvragen import services as aanvraag_services
from iwmo.models import Bericht, BerichtStatus
from tests.aanvragen.factories import BeschikkingFactory

pytestmark = pytest.mark.django_db


def test_het_commando_verstuurt_wat_klaarstaat_en_maar_een_keer(settings):
    beschikking = BeschikkingFactory(toegekend=True)
    # Sent without running the after-commit task: the message waits.
    aanvraag_services.beschikking_versturen(beschikking=beschikking, door=beschikking.opgesteld_door)
    assert Bericht.objects.get().status == BerichtStatus.KLAARGEZET
    uit = StringIO()
    call_command("iwmo", "--alleen-versturen", stdout=uit)
    assert "Verstuurd: 1 bericht(en)." in uit.getvalue()
    bericht = Bericht.objects.get()
    assert bericht.status == BerichtStatus.VERZONDEN and bericht.verzonden_op
    assert [p.name for p in settings.IWMO_UITBOX.iterdir()] == [bericht.bestandsnaam]
    uit = StringIO()
    call_command("iwmo", "--alleen-versturen", stdout=uit)
    assert "Verstuurd: 0 bericht(en)." in uit.getvalue()
