"""After `manage.py demo` a processed 305 and 307 are there, with their 306 and 308 in the outbox."""

import pytest
from django.core.management import call_command

from iwmo.models import Bericht, BerichtStatus, Richting, Toewijzing

from .structuur import structuurfouten

pytestmark = pytest.mark.django_db


def test_demo_heeft_een_verwerkte_start_en_stop(mappen):
    call_command("demo")
    binnen = {b.soort: b for b in Bericht.objects.filter(richting=Richting.IN)}
    assert binnen["WMO305"].status == BerichtStatus.VERWERKT
    assert binnen["WMO307"].status == BerichtStatus.VERWERKT
    for heen, soort in ((binnen["WMO305"], "WMO306"), (binnen["WMO307"], "WMO308")):
        retour = Bericht.objects.get(retour_van=heen)
        assert (mappen.IWMO_UITBOX / retour.bestandsnaam).read_bytes() == bytes(retour.xml)
        assert structuurfouten(retour.xml, soort) == []
    toewijzing = Toewijzing.objects.get(berichten=binnen["WMO307"])
    # The outgoing side sent her toewijzing too (WMO301), before the aanbieder started.
    assert toewijzing.berichten.filter(soort="WMO301", status=BerichtStatus.VERZONDEN).exists()
    assert toewijzing.gestart_op and toewijzing.gestopt_op and toewijzing.reden_beeindiging == "20"
