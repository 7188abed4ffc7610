"""A notice of delay (Awb 4:14 lid 3): recorded and told, but the statutory deadline stays."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Verdaging
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import on_day
from wmo.constants import BriefSoort
from wmo.models import Brief

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _voor_de_beslisdatum():
    """The notice goes out before the beslistermijn of these aanvragen (6 May 2026) ends, as Awb
    4:14 lid 3 asks; the new dates lie after that day."""
    with time_machine.travel(on_day(date(2026, 5, 1), 12)):
        yield


def _middag(dag):
    """Noon on ``dag`` (Amsterdam); on_day would cap it at the travelled-to now."""
    return timezone.make_aware(datetime.combine(dag, time(12)))


REDEN = "Wij wachten nog op het advies van de ergotherapeut over de aanpassing van uw badkamer."


def test_verdaging_laat_de_wettelijke_termijn_staan(consulent, brief_tekst):
    aanvraag = AanvraagFactory(
        ontvangen_op=date(2026, 4, 21),
        melding__team=consulent.team,
        melding__consulent=consulent,
        door=consulent,
    )
    verdaging = services.aanvraag_verdagen(
        aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
    )
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 6)  # unchanged: it still counts for the dwangsom
    assert services.beslis_deadlines_herberekenen() == 0
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 6)
    assert verdaging.gemeld_op == timezone.localdate()
    assert aanvraag.laatste_verdaging == verdaging
    assert verdaging.history.get().history_user == consulent

    tekst = brief_tekst(aanvraag, BriefSoort.VERDAGINGSBERICHT)
    assert "Wij moeten uiterlijk op 6 mei 2026 een besluit nemen" in tekst
    assert "U krijgt ons besluit uiterlijk op 3 juni 2026" in tekst
    assert REDEN in tekst
    assert "Na 6 mei 2026 mag u ons een brief sturen" in tekst
    assert "Dat heet een ingebrekestelling" in tekst and "Dat heet een dwangsom" in tekst
    assert "twee weken nadat wij uw brief hebben ontvangen" in tekst  # Awb 4:17 lid 3
    assert "voor ten hoogste 42 dagen" in tekst  # Awb 4:17 lid 1, from the amounts in force
    assert str(consulent) in tekst and aanvraag.melding.kenmerk in tekst
    assert Brief.objects.get(soort=BriefSoort.VERDAGINGSBERICHT).verstuurd_door == consulent


def test_tweede_verdaging_is_de_laatste(consulent):
    aanvraag = AanvraagFactory(door=consulent)
    services.aanvraag_verdagen(
        aanvraag=aanvraag, verwachte_datum=date(2026, 5, 20), reden=REDEN, door=consulent
    )
    tweede = services.aanvraag_verdagen(
        aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
    )
    assert aanvraag.laatste_verdaging == tweede
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 6)


def test_verdaging_tijdens_opschorting_zonder_einde(consulent, brief_tekst):
    aanvraag = AanvraagFactory(door=consulent, opgeschort=True)  # overmacht from 23 April, without end
    services.aanvraag_verdagen(
        aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
    )
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline is None
    tekst = brief_tekst(aanvraag, BriefSoort.VERDAGINGSBERICHT)
    assert "binnen een vaste tijd" in tekst and "3 juni 2026" in tekst


@pytest.mark.parametrize(
    ("verwachte_datum", "reden", "veld", "tekst"),
    [
        (date(2026, 5, 6), REDEN, "verwachte_datum", "De wettelijke beslisdatum is 6 mei 2026"),
        (date(2026, 6, 3), " ", "reden", "waarom"),
        (None, REDEN, "verwachte_datum", ""),
    ],
)
def test_ongeldige_verdaging_wordt_geweigerd(consulent, verwachte_datum, reden, veld, tekst):
    aanvraag = AanvraagFactory(door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_verdagen(
            aanvraag=aanvraag, verwachte_datum=verwachte_datum, reden=reden, door=consulent
        )
    assert tekst in " ".join(exc.value.message_dict[veld])
    assert not Verdaging.objects.exists() and not Brief.objects.exists()


def test_besloten_aanvraag_wordt_niet_verdaagd(consulent):
    aanvraag = AanvraagFactory(besloten=True, door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.aanvraag_verdagen(
            aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
        )
    assert "al besloten op 21 april 2026" in exc.value.messages[0]


def test_maximum_komt_uit_de_geldende_bedragen(consulent, brief_tekst, settings):
    # The legislature changes the amounts and days (Awb 4:17 lid 2): the letter follows settings.
    settings.DWANGSOM_BEDRAGEN = ((14, 2300), (14, 3500))
    aanvraag = AanvraagFactory(door=consulent)
    services.aanvraag_verdagen(
        aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
    )
    tekst = brief_tekst(aanvraag, BriefSoort.VERDAGINGSBERICHT)
    # "42 dagen", not "42": a random postcode, house number or team name may hold those digits
    assert "voor ten hoogste 28 dagen" in tekst and "42 dagen" not in tekst


def test_na_de_beslisdatum_zegt_de_brief_dat_het_niet_gelukt_is(consulent, brief_tekst):
    aanvraag = AanvraagFactory(door=consulent)  # beslistermijn until 6 May 2026
    with time_machine.travel(_middag(date(2026, 5, 8))):
        services.aanvraag_verdagen(
            aanvraag=aanvraag, verwachte_datum=date(2026, 6, 3), reden=REDEN, door=consulent
        )
    tekst = brief_tekst(aanvraag, BriefSoort.VERDAGINGSBERICHT)
    assert "Wij hadden uiterlijk op 6 mei 2026 een besluit moeten nemen. Dat is ons niet gelukt." in tekst
    assert "Wij moeten uiterlijk op" not in tekst


@pytest.mark.parametrize("dagen", [0, -1])
def test_nieuwe_datum_ligt_na_vandaag(consulent, dagen):
    aanvraag = AanvraagFactory(door=consulent)
    with time_machine.travel(_middag(date(2026, 6, 3))), pytest.raises(ValidationError) as exc:
        services.aanvraag_verdagen(
            aanvraag=aanvraag,
            verwachte_datum=date(2026, 6, 3) + timedelta(days=dagen),
            reden=REDEN,
            door=consulent,
        )
    assert "na vandaag (3 juni 2026)" in " ".join(exc.value.message_dict["verwachte_datum"])
    assert not Verdaging.objects.exists() and not Brief.objects.exists()
