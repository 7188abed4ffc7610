"""Plan the gesprek (with uitnodiging), or record a triage decision instead."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from gesprekken import services
from gesprekken.constants import GesprekStatus, Plaats, TriageReden
from gesprekken.models import Gesprek, Triage
from tests.factories import MeldingFactory, TeamFactory
from tests.pdf import pdf_tekst
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db


def _morgen(uur=10):
    return (timezone.localtime() + timedelta(days=1)).replace(hour=uur, minute=30, second=0, microsecond=0)


def test_gesprek_thuis_krijgt_adres_van_inwoner_en_uitnodiging(melding, consulent, loket):
    gesprek = services.gesprek_plannen(
        melding=melding,
        door=loket,
        consulent=consulent,
        gepland_op=_morgen(),
        clientondersteuner="Els",
        clientondersteuner_organisatie="MEE",
    )
    assert melding.inwoner.adresregel in gesprek.adres
    brief = services.uitnodiging_versturen(gesprek=gesprek, door=loket)
    assert brief.soort == BriefSoort.UITNODIGING_GESPREK
    tekst = pdf_tekst(bytes(brief.pdf))
    for stuk in (
        "Neem iemand mee",
        "cliëntondersteuner",
        "persoonlijk plan",
        "Els (cliëntondersteuner, MEE)",
        melding.kenmerk,
    ):
        assert stuk in tekst


def test_telefonisch_alleen_met_reden_en_mantelzorger_alleen_met_toestemming(melding, consulent):
    with pytest.raises(ValidationError) as exc:
        services.gesprek_plannen(
            melding=melding,
            door=consulent,
            consulent=consulent,
            gepland_op=_morgen(),
            plaats=Plaats.TELEFONISCH,
        )
    assert "telefonisch_reden" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.gesprek_plannen(
            melding=melding,
            door=consulent,
            consulent=consulent,
            gepland_op=_morgen(),
            mantelzorger="Anja",
            alleen_mantelzorger=True,
        )
    assert "toestemming_inwoner" in exc.value.message_dict
    services.gesprek_plannen(
        melding=melding,
        door=consulent,
        consulent=consulent,
        gepland_op=_morgen(),
        plaats=Plaats.TELEFONISCH,
        telefonisch_reden="Inwoner ligt in het ziekenhuis",
    )
    tweede = services.gesprek_plannen(
        melding=melding,
        door=consulent,
        consulent=consulent,
        gepland_op=_morgen(14),
        mantelzorger="Anja",
        alleen_mantelzorger=True,
        toestemming_inwoner=True,
    )
    assert melding.gesprekken.count() == 2  # several contacts make up one onderzoek
    with time_machine.travel(tweede.gepland_op + timedelta(hours=1)):  # held only once its moment came
        services.gesprek_status_zetten(gesprek=tweede, door=consulent, naar=GesprekStatus.GEVOERD)
    with pytest.raises(ValidationError):
        services.gesprek_status_zetten(gesprek=tweede, door=consulent, naar=GesprekStatus.GEANNULEERD)


def test_gesprek_plannen_scherm_loket(client, melding, consulent, loket):
    client.force_login(loket)
    url = reverse("gesprekken:gesprek_plannen", args=[melding.pk])
    assert client.get(url).status_code == 200
    data = {
        "gesprek-gepland_op": _morgen().strftime("%Y-%m-%dT%H:%M"),
        "gesprek-plaats": "telefonisch",
        "gesprek-consulent": consulent.pk,
        "gesprek-uitnodiging": "on",
    }
    response = client.post(url, data)
    assert (
        response.status_code == 200
        and "Schrijf op waarom het gesprek telefonisch is." in response.content.decode()
    )
    assert 'aria-describedby="id_gesprek-telefonisch_reden_error' in response.content.decode()
    data["gesprek-telefonisch_reden"] = "Inwoner is doof; zoon belt mee"
    response = client.post(url, data)
    assert response.status_code == 302
    assert Brief.objects.filter(melding=melding, soort=BriefSoort.UITNODIGING_GESPREK).count() == 1
    pagina = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "Telefonisch" in pagina and "Reden: Inwoner is doof" in pagina
    # garbage date: no 500, input kept
    response = client.post(url, {**data, "gesprek-gepland_op": "morgen"})
    assert response.status_code == 200 and "Inwoner is doof" in response.content.decode()


@pytest.mark.parametrize(
    ("rol", "eigen", "verwacht"),
    [
        (Rol.LOKETMEDEWERKER, True, 200),
        (Rol.CONSULENT, True, 200),
        (Rol.TEAMLEIDER, True, 403),
        (Rol.FUNCTIONEEL_BEHEERDER, True, 403),
        (Rol.CONSULENT, False, 404),
    ],
)
def test_toegang_gesprek_plannen(client, rol_gebruiker, team, rol, eigen, verwacht):
    ander = team if eigen else TeamFactory()
    melding = MeldingFactory(team=ander, inwoner__gemeente=ander.organisatie.gemeenten.first())
    client.force_login(rol_gebruiker(rol))
    assert client.get(reverse("gesprekken:gesprek_plannen", args=[melding.pk])).status_code == verwacht


def test_triage_vastleggen_met_reden_en_wie(client, melding, consulent):
    with pytest.raises(ValidationError):
        services.triage_vastleggen(
            melding=melding, door=consulent, reden=TriageReden.NA_ZIEKENHUIS, toelichting=" "
        )
    client.force_login(consulent)
    url = reverse("gesprekken:triage", args=[melding.pk])
    response = client.post(
        url, {"triage-reden": TriageReden.NA_ZIEKENHUIS, "triage-toelichting": "Twee weken hulp na ontslag"}
    )
    assert response.status_code == 302
    triage = Triage.objects.get(melding=melding)
    assert triage.besloten_door == consulent
    pagina = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert (
        "Geen gesprek (triage)" in pagina
        and "Twee weken hulp na ontslag" in pagina
        and escape(str(consulent)) in pagina
    )
    with pytest.raises(ValidationError):
        services.gesprek_plannen(melding=melding, door=consulent, consulent=consulent, gepland_op=_morgen())
    with pytest.raises(ValidationError):
        services.onderzoek_openen(melding=melding, door=consulent)
    assert not Gesprek.objects.exists()


def test_loket_mag_geen_triage(client, melding, loket):
    client.force_login(loket)
    assert client.get(reverse("gesprekken:triage", args=[melding.pk])).status_code == 403


def test_melding_pagina_toont_acties_per_rol(client, melding, loket, consulent):
    client.force_login(loket)
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "Gesprek plannen" in html and "Onderzoek vastleggen" not in html and "triage" not in html
    client.force_login(consulent)
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert (
        "Gesprek plannen" in html and "Onderzoek vastleggen" in html and "Geen gesprek nodig (triage)" in html
    )
    response = client.post(reverse("gesprekken:onderzoek_openen", args=[melding.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "gesprekken:onderzoek", args=[melding.pk]
    )
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "Onderzoek bekijken en vastleggen" in html
