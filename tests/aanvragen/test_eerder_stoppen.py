"""A granted voorziening stops earlier (voorziening_beeindigen, Wmo 2015 art. 2.3.10) through the
beschikking page; the aanbieder's toewijzing follows (iwmo, tested in tests/iwmo)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen import services
from tests.aanvragen.factories import BeschikkingFactory

pytestmark = pytest.mark.django_db


def test_eerder_stoppen_via_de_beschikking(client, consulent):
    beschikking = BeschikkingFactory(
        toegekend=True,
        door=consulent,
        aanvraag__melding__team=consulent.team,
        aanvraag__melding__inwoner__gemeente=consulent.team.organisatie.gemeenten.first(),
    )
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    regel = beschikking.regels.get()
    client.force_login(consulent)
    url = reverse("aanvragen:voorziening_beeindigen", args=[beschikking.pk, regel.pk])
    assert (
        "Hulp eerder laten stoppen"
        in client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    )

    # Bad input: the form comes back with a clear message and what was typed.
    response = client.post(url, {f"stop{regel.pk}-einddatum": "gisteren", f"stop{regel.pk}-reden": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies waarom de hulp eerder stopt." in html and 'value="gisteren"' in html

    voor_begin = regel.ingangsdatum - timedelta(days=1)
    response = client.post(
        url, {f"stop{regel.pk}-einddatum": voor_begin.strftime("%d-%m-%Y"), f"stop{regel.pk}-reden": "05"}
    )
    assert "kan niet voor de ingangsdatum" in response.content.decode()

    einde = timezone.localdate() + timedelta(days=7)
    response = client.post(
        url, {f"stop{regel.pk}-einddatum": einde.strftime("%d-%m-%Y"), f"stop{regel.pk}-reden": "07"}
    )
    assert response.status_code == 302
    regel.refresh_from_db()
    assert regel.einddatum == einde
    assert regel.history.first().history_change_reason.startswith("Voorziening eerder gestopt")
