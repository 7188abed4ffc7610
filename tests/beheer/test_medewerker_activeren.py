"""A deactivated account comes back: with a reason, recorded, and without its old roles until a
second beheerder approves them again (four eyes); never one's own, never another organisation's."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from beheer import services
from beheer.constants import RoltoekenningStatus
from beheer.models import Roltoekenning
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def vertrokken(rol_gebruiker, beheerder_a):
    m = rol_gebruiker(Rol.CONSULENT, username="vertrokken", email="v@example.org")
    return services.medewerker_deactiveren(door=beheerder_a, medewerker=m, reden="Uit dienst")


def test_weer_actief_met_reden_en_rollen_opnieuw_aangevraagd(client, beheerder_a, beheerder_b, vertrokken):
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:medewerker", args=[vertrokken.pk])).content.decode()
    url = reverse("beheer:medewerker_activeren", args=[vertrokken.pk])
    assert url in pagina
    leeg = client.post(url, {"reden": ""})
    assert leeg.status_code == 200
    assert client.post(url, {"reden": "Terug na verlof"}).status_code == 302
    vertrokken.refresh_from_db()
    assert vertrokken.is_active and vertrokken.rollen == frozenset()
    assert vertrokken.history.latest().history_change_reason == "Weer actief: Terug na verlof"
    aanvraag = Roltoekenning.objects.get(medewerker=vertrokken, status=RoltoekenningStatus.AANGEVRAAGD)
    assert (aanvraag.rol, aanvraag.aangevraagd_door) == (Rol.CONSULENT, beheerder_a)
    # The second beheerder approves: then the role is back.
    services.rol_goedkeuren(door=beheerder_b, toekenning=aanvraag)
    vertrokken.__dict__.pop("rollen", None)
    assert vertrokken.rollen == {Rol.CONSULENT}


def test_niet_zichzelf_niet_dubbel_niet_van_een_ander(client, beheerder_a, vertrokken, buitenstaander):
    with pytest.raises(ValidationError, match="eigen account"):
        services.medewerker_activeren(door=beheerder_a, medewerker=beheerder_a, reden="x")
    services.medewerker_activeren(door=beheerder_a, medewerker=vertrokken, reden="Terug")
    with pytest.raises(ValidationError, match="al actief"):
        services.medewerker_activeren(door=beheerder_a, medewerker=vertrokken, reden="Terug")
    buitenstaander.is_active = False
    buitenstaander.save()
    client.force_login(beheerder_a)
    url = reverse("beheer:medewerker_activeren", args=[buitenstaander.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reden": "x"}).status_code == 404
    buitenstaander.refresh_from_db()
    assert not buitenstaander.is_active
