from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Mandaat
from aanvragen.query import aflopende_voorzieningen
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import MeldingFactory, on_day
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Voorziening

pytestmark = pytest.mark.django_db


def _toegekend_tot(consulent, team, einddatum):
    v = Voorziening.objects.get_or_create(
        naam="Begeleiding", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="02"
    )[0]
    Mandaat.objects.get_or_create(voorziening=v, rol=Rol.CONSULENT)
    vandaag = timezone.localdate()
    melding = MeldingFactory(
        team=team, consulent=consulent, in_onderzoek=True, inwoner__gemeente=team.organisatie.gemeenten.first(),
        ontvangen_op=on_day(vandaag - timedelta(days=10)),
    )  # fmt: skip
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=vandaag, door=consulent)
    a = services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=v, resultaatgebied=8, door=consulent
    )
    b = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    services.beschikking_regel_vastleggen(
        beschikking=b, aangevraagd=a, door=consulent, uitkomst="toegekend", omvang=Decimal(2), eenheid="uur",
        frequentie="per_week", leveringsvorm="zin", aanbieder="Kennemerhart", ingangsdatum=vandaag,
        einddatum=einddatum, motivering="Begeleiding bij de administratie.",
    )  # fmt: skip
    services.beschikking_versturen(beschikking=b, door=consulent)
    return melding


def test_alleen_eigen_toegekende_voorzieningen_die_binnen_de_signaaltermijn_aflopen(
    team, rol_gebruiker, settings
):
    settings.EINDDATUM_SIGNAAL_WEKEN = 8
    consulent, collega = rol_gebruiker(Rol.CONSULENT), rol_gebruiker(Rol.CONSULENT)
    vandaag = timezone.localdate()
    binnenkort = _toegekend_tot(consulent, team, vandaag + timedelta(weeks=4))
    _toegekend_tot(consulent, team, vandaag + timedelta(weeks=20))  # later
    _toegekend_tot(consulent, team, None)  # onbepaald
    _toegekend_tot(collega, team, vandaag + timedelta(weeks=2))  # someone else's
    regels = list(aflopende_voorzieningen(consulent, vandaag))
    assert [r.beschikking.aanvraag.melding for r in regels] == [binnenkort]


def test_nazorg_na_toekenning_op_de_werkvoorraad(client, team, rol_gebruiker, settings):
    from django.urls import reverse

    from aanvragen.models import Beschikking

    settings.NAZORG_WEKEN = 6
    consulent = rol_gebruiker(Rol.CONSULENT)
    vandaag = timezone.localdate()
    melding = _toegekend_tot(consulent, team, vandaag + timedelta(weeks=6))
    beschikking = Beschikking.objects.get(aanvraag__melding=melding)
    assert beschikking.nazorg_op == vandaag + timedelta(weeks=6)  # ingangsdatum today + 6 weeks
    client.force_login(consulent)
    pagina = client.get(reverse("werkvoorraad")).content.decode()
    assert "Nazorg: bel de inwoner" in pagina and melding.inwoner.naam in pagina
    assert "Voorzieningen die binnenkort aflopen" in pagina
    url = reverse("aanvragen:nazorg_afronden", args=[beschikking.pk])
    response = client.post(url, {"notitie": " "})
    assert response.status_code == 200 and "notitie" in response.context["nazorg_form"].errors
    assert client.post(url, {"notitie": "Gaat goed, hulp komt op dinsdag."}).status_code == 302
    beschikking.refresh_from_db()
    assert beschikking.nazorg_gedaan_op == vandaag
    assert "Nazorg: bel de inwoner" not in client.get(reverse("werkvoorraad")).content.decode()
