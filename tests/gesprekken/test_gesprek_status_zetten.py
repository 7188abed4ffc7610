"""A gesprek is "gevoerd" only once its planned moment has come, and only gevoerde gesprekken
reach the verslag (Wmo 2015 art. 2.3.2 lid 8: the verslag is the record of the onderzoek)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gesprekken import services
from gesprekken.constants import GesprekStatus
from tests.factories import MeldingFactory
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.pdf import pdf_tekst

pytestmark = pytest.mark.django_db


def _plannen(melding, consulent, op):
    return services.gesprek_plannen(melding=melding, door=consulent, consulent=consulent, gepland_op=op)


def test_gevoerd_voor_het_geplande_moment_geweigerd(melding, consulent):
    straks = timezone.now() + timedelta(minutes=5)
    gesprek = _plannen(melding, consulent, straks)
    with pytest.raises(ValidationError) as exc:
        services.gesprek_status_zetten(gesprek=gesprek, door=consulent, naar=GesprekStatus.GEVOERD)
    lokaal = timezone.localtime(straks)
    assert f"om {lokaal:%H:%M} uur" in exc.value.messages[0]
    assert "pas daarna vastleggen als gevoerd" in exc.value.messages[0]
    gesprek.refresh_from_db()
    assert gesprek.status == GesprekStatus.GEPLAND
    # cancelling is possible before the moment
    services.gesprek_status_zetten(gesprek=gesprek, door=consulent, naar=GesprekStatus.GEANNULEERD)


def test_gevoerd_na_het_geplande_moment(melding, consulent):
    gesprek = _plannen(melding, consulent, melding.ontvangen_op + timedelta(hours=1))
    gesprek = services.gesprek_status_zetten(gesprek=gesprek, door=consulent, naar=GesprekStatus.GEVOERD)
    assert gesprek.status == GesprekStatus.GEVOERD
    assert gesprek.history.first().history_user == consulent


def test_tijdzones_en_zomertijd(consulent, team):
    # 29 March 2026, 01:30 UTC = 03:30 in Amsterdam, just after the clocks went forward. A moment
    # given in UTC is compared as a moment, not as a wall-clock time.
    with time_machine.travel(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), tick=False):
        melding = MeldingFactory(
            team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
        )
        voorbij = _plannen(melding, consulent, datetime(2026, 3, 29, 1, 0, tzinfo=UTC))  # 03:00 local
        services.gesprek_status_zetten(gesprek=voorbij, door=consulent, naar=GesprekStatus.GEVOERD)
        komend = _plannen(melding, consulent, datetime(2026, 3, 29, 2, 0, tzinfo=UTC))  # 04:00 local
        with pytest.raises(ValidationError) as exc:
            services.gesprek_status_zetten(gesprek=komend, door=consulent, naar=GesprekStatus.GEVOERD)
    assert "29 maart 2026 om 04:00 uur" in exc.value.messages[0]


def test_scherm_toont_de_melding(client, melding, consulent):
    gesprek = _plannen(melding, consulent, timezone.now() + timedelta(hours=2))
    client.force_login(consulent)
    url = reverse("gesprekken:gesprek_status", args=[melding.pk, gesprek.pk])
    response = client.post(url, {"naar": GesprekStatus.GEVOERD}, follow=True)
    assert response.status_code == 200
    assert "pas daarna vastleggen als gevoerd" in response.content.decode()
    gesprek.refresh_from_db()
    assert gesprek.status == GesprekStatus.GEPLAND


def test_verslag_noemt_alleen_gevoerde_gesprekken(melding, onderzoek, consulent, catalogus):
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    gevoerd = _plannen(melding, consulent, melding.ontvangen_op + timedelta(hours=2))
    services.gesprek_status_zetten(gesprek=gevoerd, door=consulent, naar=GesprekStatus.GEVOERD)
    geannuleerd = _plannen(melding, consulent, melding.ontvangen_op + timedelta(days=1))
    services.gesprek_status_zetten(gesprek=geannuleerd, door=consulent, naar=GesprekStatus.GEANNULEERD)
    _plannen(melding, consulent, timezone.now() + timedelta(days=2))  # still to come
    tekst = pdf_tekst(bytes(services.verslag_versturen(onderzoek=onderzoek, door=consulent).brief.pdf))
    datum_gevoerd = f"{timezone.localtime(gevoerd.gepland_op).day} "
    assert "Wanneer en met wie" in tekst and "Wij hebben met u gepraat" in tekst
    assert tekst.count("(consulent)") == 1  # one gesprek listed: the one that took place
    assert datum_gevoerd in tekst
    assert "Verslag van ons onderzoek" in tekst


def test_verslag_zonder_gesprek_zegt_dat(melding, onderzoek, consulent, catalogus):
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    _plannen(melding, consulent, timezone.now() + timedelta(days=2))  # planned, not held
    tekst = pdf_tekst(bytes(services.verslag_versturen(onderzoek=onderzoek, door=consulent).brief.pdf))
    assert "Er is geen gesprek gevoerd." in tekst
    assert "Wij hebben daarvoor geen gesprek met u gevoerd" in tekst
    assert "Wij hebben met u gepraat" not in tekst
    assert "Verslag van ons onderzoek" in tekst and "gesprek met u gepraat" not in tekst
    assert "(consulent)" not in tekst
