from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from aanvragen.query import aflopende_voorzieningen
from tests.aanvragen.factories import BeschikkingFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


def _toegekend_tot(consulent, team, einddatum):
    """A melding of ``consulent`` with a granted voorziening (from today) until ``einddatum``, sent."""
    beschikking = BeschikkingFactory(
        verstuurd=True, door=consulent, regel__einddatum=einddatum,
        aanvraag__melding__team=team, aanvraag__melding__consulent=consulent,
    )  # fmt: skip
    return beschikking.aanvraag.melding


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
    assert "Nazorg: bel de inwoner" in pagina and escape(melding.inwoner.naam) in pagina
    assert "Voorzieningen die binnenkort aflopen" in pagina
    url = reverse("aanvragen:nazorg_afronden", args=[beschikking.pk])
    response = client.post(url, {"notitie": " "})
    assert response.status_code == 200 and "notitie" in response.context["nazorg_form"].errors
    assert client.post(url, {"notitie": "Gaat goed, hulp komt op dinsdag."}).status_code == 302
    beschikking.refresh_from_db()
    assert beschikking.nazorg_gedaan_op == vandaag
    assert "Nazorg: bel de inwoner" not in client.get(reverse("werkvoorraad")).content.decode()
