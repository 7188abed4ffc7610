"""A send is idempotent: three posts at once, or a double click, make one letter (and one version).

"The same send" is defined once in wmo.brieven.versturen: the same kind of letter about the
same object, sent earlier the same day, with no change since. Each service locks the owning
row first, so the parallel posts run one after the other and the later ones find the first.

The parallel tests use real threads, each with its own PostgreSQL connection, through the
real stack (test client, views, services); hence ``transaction=True``. Nothing is faked.
"""

import threading
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from gesprekken import services as gesprek_services
from gesprekken.constants import Plaats
from gesprekken.models import Gesprek, VerslagVersie
from meldingen import services as melding_services
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import MeldingFactory, on_day
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.gesprekken.factories import OnderzoekFactory
from tests.tweestaps import TweestapsClient
from wmo.constants import BriefSoort, Rol, VoorzieningSoort
from wmo.models import Brief, Voorziening

PARALLEL = 3


def _originelen(melding, soort):
    return Brief.objects.filter(melding=melding, soort=soort, origineel__isnull=True)


def _post_in_parallel(user, url, data=None, n=PARALLEL):
    """POST ``url`` from ``n`` threads at the same moment; each its own client and connection."""
    barrier = threading.Barrier(n)
    statuses, errors = [], []

    def post():
        try:
            client = TweestapsClient()
            client.force_login(user)
            barrier.wait(timeout=30)
            statuses.append(client.post(url, data or {}).status_code)
        except Exception as e:  # noqa: BLE001 - reported below, with the test's failure
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    return statuses


@pytest.fixture
def onderzoek_klaar(team, consulent):
    hbh = Voorziening.objects.create(
        naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="01"
    )
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    onderzoek = OnderzoekFactory(melding=melding, door=consulent)
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=hbh)
    return onderzoek


@pytest.mark.django_db(transaction=True)
def test_drie_keer_tegelijk_verslag_versturen(onderzoek_klaar, consulent):
    url = reverse("gesprekken:verslag_versturen", args=[onderzoek_klaar.melding_id])
    assert _post_in_parallel(consulent, url) == [302] * PARALLEL
    assert VerslagVersie.objects.filter(onderzoek=onderzoek_klaar).count() == 1
    assert _originelen(onderzoek_klaar.melding, BriefSoort.VERSLAG).count() == 1


@pytest.mark.django_db(transaction=True)
def test_drie_keer_tegelijk_ontvangstbevestiging(team, consulent):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    url = reverse("meldingen:ontvangstbevestiging", args=[melding.pk])
    assert _post_in_parallel(consulent, url) == [302] * PARALLEL
    assert _originelen(melding, BriefSoort.ONTVANGSTBEVESTIGING).count() == 1


@pytest.mark.django_db(transaction=True)
def test_drie_keer_tegelijk_gesprek_plannen_met_uitnodiging(team, consulent):
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    moment = timezone.localtime() + timedelta(days=3)
    data = {
        "gesprek-gepland_op": moment.strftime("%Y-%m-%dT%H:%M"),
        "gesprek-plaats": Plaats.THUIS,
        "gesprek-consulent": consulent.pk,
        "gesprek-uitnodiging": "on",
    }
    url = reverse("gesprekken:gesprek_plannen", args=[melding.pk])
    assert _post_in_parallel(consulent, url, data) == [302] * PARALLEL
    assert Gesprek.objects.filter(melding=melding).count() == 1
    assert _originelen(melding, BriefSoort.UITNODIGING_GESPREK).count() == 1


@pytest.mark.django_db(transaction=True)
def test_drie_keer_tegelijk_toewijzen_geeft_een_brief_nieuwe_contactpersoon(team, rol_gebruiker, consulent):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    nieuw = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    url = reverse("meldingen:melding_toewijzen", args=[melding.pk])
    assert _post_in_parallel(loket, url, {"consulent": nieuw.pk}) == [302] * PARALLEL
    assert _originelen(melding, BriefSoort.NIEUWE_CONTACTPERSOON).count() == 1


@pytest.fixture
def aanvraag(team, consulent):
    melding = MeldingFactory(
        team=team, in_onderzoek=True, ontvangen_op=on_day(date(2026, 4, 1)),
        inwoner__gemeente=team.organisatie.gemeenten.first(),
    )  # fmt: skip
    return AanvraagFactory(melding=melding, door=consulent)  # beslistermijn until 6 May 2026


@pytest.mark.django_db(transaction=True)
def test_drie_keer_tegelijk_opschorten_beeindigen_en_verdagen(aanvraag, consulent):
    def actie(naam):
        return reverse("aanvragen:aanvraag_actie", args=[aanvraag.pk, naam])

    with time_machine.travel(on_day(date(2026, 4, 22), 12)):
        opschorten = {
            "opschorten-reden": "aanvulling_gevraagd",
            "opschorten-eerste_dag_stil": "2026-04-23",
            "opschorten-termijn_tot": "2026-05-06",
            "opschorten-toelichting": "Een verklaring van de huisarts",
        }
        assert _post_in_parallel(consulent, actie("opschorten"), opschorten) == [302] * PARALLEL
    assert aanvraag.opschortingen.count() == 1
    assert _originelen(aanvraag.melding, BriefSoort.VERZOEK_OM_AANVULLING).count() == 1
    with time_machine.travel(on_day(date(2026, 4, 30), 12)):
        data = {"beeindigen-eerste_dag_weer": "2026-04-30"}
        assert _post_in_parallel(consulent, actie("beeindigen"), data) == [302] * PARALLEL
    assert _originelen(aanvraag.melding, BriefSoort.OPSCHORTING_BEEINDIGD).count() == 1
    with time_machine.travel(on_day(date(2026, 5, 4), 12)):
        data = {"verdagen-verwachte_datum": "2026-05-26", "verdagen-reden": "Advies nodig"}
        assert _post_in_parallel(consulent, actie("verdagen"), data) == [302] * PARALLEL
    assert aanvraag.verdagingen.count() == 1
    assert _originelen(aanvraag.melding, BriefSoort.VERDAGINGSBERICHT).count() == 1


# --- Sequential: the second click is answered kindly; a change or another day sends again -------


@pytest.mark.django_db
def test_dubbelklik_op_verslag_versturen_zegt_dat_het_al_verstuurd_is(client, onderzoek_klaar, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:verslag_versturen", args=[onderzoek_klaar.melding_id])
    eerste = client.post(url, follow=True).content.decode()
    assert "Versie 1 van het verslag is gemaakt en bewaard." in eerste
    tweede = client.post(url, follow=True)
    assert tweede.status_code == 200
    assert "Deze brief is al verstuurd op" in tweede.content.decode()
    assert VerslagVersie.objects.filter(onderzoek=onderzoek_klaar).count() == 1
    # After a change the next send is a new version.
    onderzoek_klaar.refresh_from_db()
    gesprek_services.onderzoek_opslaan(
        onderzoek=onderzoek_klaar,
        door=consulent,
        versie=onderzoek_klaar.versie,
        eigen_oplossing="Een scootmobiel.",
    )
    assert "Versie 2 van het verslag" in client.post(url, follow=True).content.decode()


@pytest.mark.django_db
def test_ontvangstbevestiging_opnieuw_na_wijziging_of_op_een_andere_dag(team, consulent):
    melding = MeldingFactory(team=team, consulent=consulent)
    eerste = melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    tweede = melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert tweede == eerste and tweede.al_verstuurd == eerste and not hasattr(eerste, "al_verstuurd")
    # The inwoner moved: the letter states the address, so a new send is a new letter.
    inwoner = melding.inwoner
    melding_services.inwoner_wijzigen(inwoner=inwoner, door=consulent, straat="Nieuwe straat")
    derde = melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert derde != eerste and not hasattr(derde, "al_verstuurd")
    # The next day the same letter is asked again (lost in the post): a new letter, dated that day.
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        vierde = melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert vierde not in (eerste, derde) and not hasattr(vierde, "al_verstuurd")


@pytest.mark.django_db
def test_uitnodiging_per_gesprek(team, consulent):
    """Two gesprekken of one melding each get their own uitnodiging; asking twice for one does not."""
    melding = MeldingFactory(team=team, consulent=consulent)
    morgen = timezone.now() + timedelta(days=1)
    een = gesprek_services.gesprek_plannen(
        melding=melding, door=consulent, consulent=consulent, gepland_op=morgen
    )
    twee = gesprek_services.gesprek_plannen(
        melding=melding, door=consulent, consulent=consulent, gepland_op=morgen + timedelta(days=7)
    )
    brief_een = gesprek_services.uitnodiging_versturen(gesprek=een, door=consulent)
    brief_twee = gesprek_services.uitnodiging_versturen(gesprek=twee, door=consulent)
    assert brief_een != brief_twee and not hasattr(brief_twee, "al_verstuurd")
    assert gesprek_services.uitnodiging_versturen(gesprek=twee, door=consulent).al_verstuurd == brief_twee
    assert gesprek_services.uitnodiging_versturen(gesprek=een, door=consulent).al_verstuurd == brief_een
    assert _originelen(melding, BriefSoort.UITNODIGING_GESPREK).count() == 2
