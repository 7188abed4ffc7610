"""Status transitions: allowed ones go through the services, the rest are refused clearly."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meldingen import services
from meldingen.constants import OVERGANGEN, Afsluitreden, MeldingStatus
from tests.factories import MeldingFactory

pytestmark = pytest.mark.django_db

PAD = {
    MeldingStatus.ONTVANGEN: {},
    MeldingStatus.IN_ONDERZOEK: {"in_onderzoek": True},
    MeldingStatus.VERSLAG_VERSTUURD: {"verslag_verstuurd": True},
    MeldingStatus.AANVRAAG_ONTVANGEN: {"aanvraag_ontvangen": True},
}


def _zet(melding, naar, door):
    if naar == MeldingStatus.AFGESLOTEN:
        return services.melding_afsluiten(melding=melding, door=door, reden=Afsluitreden.OPGELOST)
    if naar == MeldingStatus.IN_ONDERZOEK:
        return services.melding_onderzoek_starten(melding=melding, door=door)
    return services.melding_status_zetten(melding=melding, door=door, naar=naar, reden="test")


@pytest.mark.parametrize("van", list(PAD))
@pytest.mark.parametrize("naar", [s for s in MeldingStatus.values if s != MeldingStatus.ONTVANGEN])
def test_elke_overgang_volgt_de_tabel(van, naar, consulent):
    melding = MeldingFactory(**PAD[van])
    assert melding.status == van
    if naar in OVERGANGEN[van]:
        assert _zet(melding, naar, consulent).status == naar
        melding.refresh_from_db()
        assert melding.status == naar
        assert melding.history.first().history_user == consulent
    else:
        with pytest.raises(ValidationError) as exc:
            _zet(melding, naar, consulent)
        assert "kan niet naar" in exc.value.messages[0]
        melding.refresh_from_db()
        assert melding.status == van


@pytest.mark.parametrize("eind", [MeldingStatus.AFGESLOTEN, MeldingStatus.BESLOTEN])
def test_eindstatus_is_definitief(eind, consulent):
    melding = MeldingFactory(aanvraag_ontvangen=eind == MeldingStatus.BESLOTEN)
    melding = _zet(melding, eind, consulent)
    for naar in MeldingStatus.values:
        if naar != MeldingStatus.ONTVANGEN:
            with pytest.raises(ValidationError):
                _zet(melding, naar, consulent)


def test_intrekken_vraagt_een_toelichting(consulent):
    melding = MeldingFactory()
    with pytest.raises(ValidationError) as exc:
        services.melding_afsluiten(melding=melding, door=consulent, reden=Afsluitreden.INGETROKKEN)
    assert "afsluit_toelichting" in exc.value.message_dict
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.ONTVANGEN


def test_afsluiten_via_het_scherm(client, rol_gebruiker, team):
    from wmo.constants import Rol

    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(team=team, consulent=consulent)
    client.force_login(consulent)
    url = reverse("meldingen:melding_afsluiten", args=[melding.pk])
    response = client.post(url, {"reden": "ingetrokken", "toelichting": ""})
    assert response.status_code == 200
    assert "intrekt" in " ".join(response.context["form"].errors["toelichting"])
    response = client.post(url, {"reden": "ingetrokken", "toelichting": "Afgezien vanwege de eigen bijdrage"})
    assert response.status_code == 302
    melding.refresh_from_db()
    assert (melding.status, melding.afsluitreden) == (MeldingStatus.AFGESLOTEN, "ingetrokken")
    # A second attempt is refused with a clear message, not a 500.
    response = client.post(reverse("meldingen:melding_onderzoek_starten", args=[melding.pk]), follow=True)
    assert "kan niet naar" in response.content.decode()


def test_database_weigert_afgesloten_zonder_reden(consulent):
    from django.db import IntegrityError, transaction

    melding = MeldingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(melding).objects.filter(pk=melding.pk).update(status=MeldingStatus.AFGESLOTEN)
