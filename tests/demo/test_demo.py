import pytest
from django.core.management import call_command

from meldingen.constants import MeldingStatus
from meldingen.models import Melding
from wmo.constants import Rol
from wmo.models import Medewerker, Voorziening

pytestmark = pytest.mark.django_db


def test_demo_laadt_alle_stadia_en_is_herhaalbaar():
    call_command("demo")
    call_command("demo")  # idempotent
    assert set(Melding.objects.values_list("status", flat=True)) == set(MeldingStatus.values)
    assert (
        Melding.objects.filter(spoed=True).exists()
        and Melding.objects.filter(consulent__isnull=True).exists()
    )
    for rol in Rol.values:
        assert Medewerker.objects.filter(groups__name=rol).exists()
    assert Medewerker.objects.get(username="loket").check_password("keukentafel-demo")
    assert set(
        Voorziening.objects.exclude(iwmo_productcategorie="").values_list("iwmo_productcategorie", flat=True)
    ) == {"01", "02", "11", "12", "13"}
