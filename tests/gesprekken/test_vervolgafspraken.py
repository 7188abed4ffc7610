"""Vervolgafspraken: who does what by when, on the owner's werkvoorraad."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gesprekken import services
from gesprekken.constants import AfspraakStatus
from gesprekken.models import Vervolgafspraak
from tests.factories import MedewerkerFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


def test_vervolgafspraak_op_werkvoorraad_van_eigenaar(client, onderzoek, consulent, rol_gebruiker):
    collega = rol_gebruiker(Rol.CONSULENT)
    services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=consulent,
        actie="Terugbellen over de eigen bijdrage",
        uiterlijk=timezone.localdate() + timedelta(days=3),
        eigenaar=collega,
    )
    client.force_login(collega)
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert "Mijn vervolgafspraken" in html and "Terugbellen over de eigen bijdrage" in html
    client.force_login(consulent)
    assert "Terugbellen over de eigen bijdrage" not in client.get(reverse("werkvoorraad")).content.decode()
    client.force_login(collega)
    afspraak = Vervolgafspraak.objects.get()
    response = client.post(
        reverse("gesprekken:vervolgafspraak_afronden", args=[afspraak.pk]),
        {"volgende": reverse("werkvoorraad")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("werkvoorraad")
    afspraak.refresh_from_db()
    assert afspraak.status == AfspraakStatus.GEDAAN and afspraak.afgerond_op == timezone.localdate()
    assert "Terugbellen" not in client.get(reverse("werkvoorraad")).content.decode()


def test_vervolgafspraak_toevoegen_scherm_en_fouten(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:vervolgafspraak_toevoegen", args=[onderzoek.melding_id])
    response = client.post(
        url, {"afspraak-actie": "Offerte traplift opvragen", "afspraak-uiterlijk": "gisteren"}
    )
    assert response.status_code == 200 and "Offerte traplift opvragen" in response.content.decode()
    response = client.post(
        url,
        {
            "afspraak-actie": "Offerte traplift opvragen",
            "afspraak-uiterlijk": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200 and "Kies wie dit doet" in response.content.decode()
    response = client.post(
        url,
        {
            "afspraak-actie": "Offerte traplift opvragen",
            "afspraak-uiterlijk": timezone.localdate().isoformat(),
            "afspraak-eigenaar": consulent.pk,
        },
    )
    assert response.status_code == 302
    assert Vervolgafspraak.objects.get().eigenaar == consulent


def test_eigenaar_uit_andere_organisatie_geweigerd(onderzoek, consulent):
    vreemde = MedewerkerFactory()
    with pytest.raises(ValidationError):
        services.vervolgafspraak_toevoegen(
            onderzoek=onderzoek, door=consulent, actie="x", uiterlijk=timezone.localdate(), eigenaar=vreemde
        )


def test_afronden_van_vreemde_afspraak_geeft_404(client, rol_gebruiker, team):
    from tests.factories import TeamFactory

    ander_team = TeamFactory()
    vreemde_consulent = rol_gebruiker(Rol.CONSULENT, team=ander_team)
    onderzoek = OnderzoekFactory(melding__team=ander_team, door=vreemde_consulent)
    afspraak = services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=vreemde_consulent,
        actie="x",
        uiterlijk=timezone.localdate(),
        eigenaar=vreemde_consulent,
    )
    client.force_login(rol_gebruiker(Rol.CONSULENT))
    assert client.post(reverse("gesprekken:vervolgafspraak_afronden", args=[afspraak.pk])).status_code == 404


def test_werkvoorraad_vervolgafspraken_constant_aantal_queries(
    client, onderzoek, consulent, django_assert_max_num_queries
):
    def afspraken(n):
        for i in range(n):
            services.vervolgafspraak_toevoegen(
                onderzoek=onderzoek,
                door=consulent,
                actie=f"Actie {i}",
                uiterlijk=timezone.localdate(),
                eigenaar=consulent,
            )

    client.force_login(consulent)
    afspraken(1)
    # 12 for the meldingen, +1 vervolgafspraken, +2 nazorg and ending voorzieningen (aanvragen),
    # +2 the access log (wmo.inzagelog: the lock with the chain's head, one insert), +2 iWmo
    # (verzoeken of aanbieders, toewijzingen whose aanbieder has not started).
    with django_assert_max_num_queries(20) as klein:
        client.get(reverse("werkvoorraad"))
    afspraken(10)
    with django_assert_max_num_queries(20) as groot:
        response = client.get(reverse("werkvoorraad"))
    assert len(groot.captured_queries) == len(klein.captured_queries)
    assert response.content.decode().count(">Actie ") == 11
