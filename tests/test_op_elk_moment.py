"""Keukentafel works at every moment of the year: the night, the DST switches, New Year, 29 February.

"Today" is the date in Europe/Amsterdam (``timezone.localdate()``), never the UTC date: between
00:00 and 01:00 (winter) or 02:00 (summer) Amsterdam time the two differ. Nothing is ever created
in the future. Each moment is frozen with time-machine; the whole suite can also be run at one
of them with ``KEUKENTAFEL_NU`` (see tests/conftest.py).
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag, Beschikking, Bezwaar
from demo.management.commands.demo import BSN_START
from meldingen import services as melding_services
from meldingen.constants import Kanaal
from meldingen.models import Inwoner, Melding
from tests.factories import InwonerFactory, MeldingFactory, on_day
from wmo import termijnen
from wmo.models import Brief, Gemeente, Medewerker
from wmo.validators import valid_bsns

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")

MOMENTEN = {
    # just after midnight: the UTC date is still yesterday
    "nacht": datetime(2026, 12, 2, 0, 30, tzinfo=AMS),
    "voor tien uur": datetime(2026, 12, 2, 9, 59, tzinfo=AMS),
    # 28 March 2027, 02:00 -> 03:00: the first minutes of summer time
    "zomertijd begint": datetime(2027, 3, 28, 3, 5, tzinfo=AMS),
    # 31 October 2027, 03:00 -> 02:00: 02:30 happens twice; fold=1 is the second (winter) time
    "wintertijd, eerste 02:30": datetime(2027, 10, 31, 2, 30, tzinfo=AMS),
    "wintertijd, tweede 02:30": datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=AMS),
    "oudjaarsavond": datetime(2026, 12, 31, 23, 59, 30, tzinfo=AMS),
    "nieuwjaarsnacht": datetime(2027, 1, 1, 0, 30, tzinfo=AMS),
    "schrikkeldag": datetime(2028, 2, 29, 0, 30, tzinfo=AMS),
    "Koningsdag": datetime(2027, 4, 27, 0, 30, tzinfo=AMS),
}


@pytest.fixture(params=MOMENTEN.values(), ids=MOMENTEN.keys())
def moment(request):
    with time_machine.travel(request.param, tick=False):
        yield request.param


def test_vandaag_is_de_datum_in_amsterdam(moment):
    assert timezone.localdate() == moment.date()
    if moment.hour == 0:  # the UTC date is the day before: using it would be a bug
        assert datetime.now(UTC).date() == moment.date() - timedelta(days=1)


def test_melding_van_nu_telt_vanaf_vandaag_in_amsterdam(moment, loket, team):
    inwoner = InwonerFactory()
    team.organisatie.gemeenten.add(inwoner.gemeente)
    melding = melding_services.melding_registreren(
        door=loket, inwoner=inwoner, team=team, ontvangen_op=timezone.now(), kanaal=Kanaal.TELEFOON,
        hulpvraag="Ik kan niet meer koken.",
    )  # fmt: skip
    melding.refresh_from_db()  # the database gives the moment back in UTC
    assert melding.ontvangen_datum == moment.date()
    assert melding.kenmerk.startswith(f"WMO-{moment.year}-")
    assert melding.onderzoek_deadline == termijnen.onderzoek_deadline(moment.date())
    assert melding.ontvangen_op <= timezone.now()


def test_melding_een_minuut_in_de_toekomst_wordt_geweigerd(moment, loket, team):
    inwoner = InwonerFactory()
    team.organisatie.gemeenten.add(inwoner.gemeente)
    with pytest.raises(Exception, match="toekomst"):
        melding_services.melding_registreren(
            door=loket, inwoner=inwoner, team=team, ontvangen_op=timezone.now() + timedelta(minutes=1),
            kanaal=Kanaal.TELEFOON, hulpvraag="Ik kan niet meer koken.",
        )  # fmt: skip


def test_gesprek_toont_de_tijd_in_amsterdam(moment, consulent):
    from gesprekken import services as gesprek_services
    from gesprekken.constants import Plaats
    from gesprekken.models import Gesprek

    melding = MeldingFactory(team=consulent.team, consulent=consulent)
    gesprek_services.gesprek_plannen(
        melding=melding,
        door=consulent,
        consulent=consulent,
        gepland_op=moment + timedelta(days=2),
        plaats=Plaats.THUIS,
    )
    gesprek = Gesprek.objects.get(melding=melding)
    assert str(gesprek).endswith(f"{moment + timedelta(days=2):%d-%m-%Y %H:%M}")


def test_factories_maken_niets_in_de_toekomst(moment):
    melding = MeldingFactory(ontvangen_op=on_day(timezone.localdate()))
    assert melding.ontvangen_op <= timezone.now()
    assert MeldingFactory().ontvangen_op <= timezone.now()


def test_demo_op_elk_moment(moment, client):
    call_command("demo")
    nu, vandaag = timezone.now(), timezone.localdate()
    assert Melding.objects.exists()
    assert not Melding.objects.filter(ontvangen_op__gt=nu).exists()
    assert not Brief.objects.filter(verstuurd_op__gt=nu).exists()
    assert not Aanvraag.objects.filter(ontvangen_op__gt=vandaag).exists()
    assert not Bezwaar.objects.filter(ontvangen_op__gt=vandaag).exists()
    assert Beschikking.objects.filter(bezwaar_deadline__isnull=False).exists()
    # The fresh melding of "today" counts from today's Amsterdam date.
    vers = Melding.objects.get(inwoner__achternaam="Kok")
    assert vers.onderzoek_deadline == termijnen.onderzoek_deadline(vandaag)
    # The teamleider's and the consulent's first pages work at this moment.
    for username, pagina in (("teamleider", "teamleider:dashboard"), ("consulent", "werkvoorraad")):
        client.force_login(Medewerker.objects.get(username=username))
        assert client.get(reverse(pagina)).status_code == 200


def test_demo_is_alles_of_niets(capsys):
    """A demo that cannot finish leaves nothing behind and says why, in Dutch."""
    # A BSN the demo uses is already taken by someone else in another gemeente.
    InwonerFactory(bsn=next(valid_bsns(start=BSN_START)))
    with pytest.raises(CommandError, match="niet geladen; de database is niet gewijzigd"):
        call_command("demo")
    assert not Gemeente.objects.filter(naam="Haarlem").exists()
    assert Inwoner.objects.count() == 1 and not Medewerker.objects.filter(username="loket").exists()
