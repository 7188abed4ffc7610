"""The persoonlijk plan: uploaded as PDF or image, shown next to the hulpvraag, reading leaves a trace."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gesprekken.models import PersoonlijkPlan
from wmo.constants import Rol
from wmo.models import Inzage

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_plan_uploaden_tonen_en_inzage(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:persoonlijk_plan_toevoegen", args=[onderzoek.melding_id])
    response = client.post(
        url,
        {
            "plan-bestand": SimpleUploadedFile("plan.png", PNG, "image/png"),
            "plan-ontvangen_op": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    plan = PersoonlijkPlan.objects.get()
    assert plan.soort == "image/png" and plan.geregistreerd_door == consulent
    pagina = client.get(reverse("gesprekken:onderzoek", args=[onderzoek.melding_id])).content.decode()
    beeld = reverse("gesprekken:persoonlijk_plan", args=[onderzoek.melding_id, plan.pk])
    assert f'<img src="{beeld}"' in pagina
    response = client.get(beeld)
    assert response.status_code == 200 and response["Content-Type"] == "image/png" and response.content == PNG
    assert Inzage.objects.filter(medewerker=consulent, wat__startswith="persoonlijk plan").exists()


def test_geen_pdf_of_afbeelding_geweigerd_zonder_500(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:persoonlijk_plan_toevoegen", args=[onderzoek.melding_id])
    response = client.post(
        url,
        {
            "plan-bestand": SimpleUploadedFile("plan.pdf", b"MZ virus", "application/pdf"),
            "plan-ontvangen_op": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200 and "geen PDF, JPG of PNG" in response.content.decode()
    assert not PersoonlijkPlan.objects.exists()


def test_teamleider_mag_plan_niet_toevoegen(client, onderzoek, rol_gebruiker):
    client.force_login(rol_gebruiker(Rol.TEAMLEIDER))
    url = reverse("gesprekken:persoonlijk_plan_toevoegen", args=[onderzoek.melding_id])
    assert client.post(url, {}).status_code == 403
