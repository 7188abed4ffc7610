"""`manage.py dossiers_bewaartermijn`: closed dossiers past the period are listed and, with
--anonimiseren, anonymised; what runs is not touched; the history keeps no old BSN.

Time is frozen: a dossier ends on a chosen day (Thursday 11 March 2010) and the command runs
exactly 15 years later (the last day it is kept) and one day after that.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from aanvragen.models import Beschikking, BeschikkingRegel
from gesprekken.models import Onderzoek, PersoonlijkPlan, ResultaatOnderzoek
from gesprekken.services import persoonlijk_plan_opslaan
from meldingen.constants import Afsluitreden, MeldingStatus
from meldingen.models import Inwoner, Melding
from meldingen.services import melding_afsluiten
from privacy.bewaartermijn import GEANONIMISEERD, bewaren_tot, verlopen_dossiers
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import MedewerkerFactory, MeldingFactory, on_day
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
EINDE = date(2010, 3, 11)
LAATSTE_DAG = date(2025, 3, 11)  # EINDE + 15 years: still kept


@pytest.fixture(autouse=True)
def _vijftien_jaar(settings):
    settings.DOSSIER_BEWAARTERMIJN_JAREN = 15


def _op(d: date, hour: int = 12):
    return time_machine.travel(datetime(d.year, d.month, d.day, hour, tzinfo=AMS), tick=False)


def _afgesloten_dossier(*, hulpvraag="Ik val vaak in de badkamer."):
    """A melding received and closed on EINDE, with an onderzoek and a persoonlijk plan."""
    with _op(EINDE):
        consulent = MedewerkerFactory(rollen=[Rol.CONSULENT])
        melding = MeldingFactory(
            team=consulent.team,
            inwoner__gemeente=consulent.organisatie.gemeenten.first(),
            inwoner__achternaam="Zwanenburg-Oudeweetering",  # a name no page shows by chance
            ontvangen_op=on_day(EINDE, 9),
            hulpvraag=hulpvraag,
            door=consulent,
        )
        onderzoek = OnderzoekFactory(melding=melding, door=consulent)
        ladder_invullen(resultaat(onderzoek), consulent)
        persoonlijk_plan_opslaan(
            melding=melding,
            door=consulent,
            naam="plan-van-jan.pdf",
            inhoud=b"%PDF-1.4 plan",
            ontvangen_op=EINDE,
        )
        melding_afsluiten(
            melding=Melding.objects.get(pk=melding.pk),
            door=consulent,
            reden=Afsluitreden.INGETROKKEN,
            toelichting="Mijn dochter helpt nu.",
        )
    return Melding.objects.get(pk=melding.pk)


def _draai(*args, op: date) -> str:
    out = StringIO()
    with _op(op):
        call_command("dossiers_bewaartermijn", *args, stdout=out)
    return out.getvalue()


def test_bewaren_tot_telt_hele_jaren():
    assert bewaren_tot(EINDE, 15) == LAATSTE_DAG
    assert bewaren_tot(date(2012, 2, 29), 15) == date(2027, 2, 28)


def test_een_dag_binnen_de_termijn_blijft_een_dag_erna_wordt_geanonimiseerd():
    melding = _afgesloten_dossier()
    inwoner = melding.inwoner
    beheerder = MedewerkerFactory(username="archivaris")

    binnen = _draai("--anonimiseren", "--door", "archivaris", op=LAATSTE_DAG)
    assert "0 gesloten dossier(s)" in binnen and "0 dossier(s) geanonimiseerd" in binnen
    assert Inwoner.objects.get(pk=inwoner.pk).bsn == inwoner.bsn

    lijst = _draai(op=LAATSTE_DAG + timedelta(days=1))
    assert f"inwoner {inwoner.pk} " in lijst
    assert "laatste dag 2010-03-11" in lijst and "bewaren tot en met 2025-03-11" in lijst
    assert inwoner.bsn not in lijst and inwoner.achternaam not in lijst  # the list shows no personal data
    assert Inwoner.objects.get(pk=inwoner.pk).bsn == inwoner.bsn  # listing changes nothing

    uit = _draai("--anonimiseren", "--door", "archivaris", op=LAATSTE_DAG + timedelta(days=1))
    assert "1 dossier(s) geanonimiseerd" in uit
    na = Inwoner.objects.get(pk=inwoner.pk)
    assert na.bsn == f"A{inwoner.pk:08d}"
    assert (na.voornamen, na.achternaam, na.straat, na.postcode, na.telefoon) == (
        GEANONIMISEERD,
        GEANONIMISEERD,
        GEANONIMISEERD,
        "",
        "",
    )
    assert na.geboortedatum == date(inwoner.geboortedatum.year, 1, 1)
    # The free texts, the file, the record of who did it.
    m = Melding.objects.get(pk=melding.pk)
    assert (m.hulpvraag, m.afsluit_toelichting) == (GEANONIMISEERD, GEANONIMISEERD)
    r = ResultaatOnderzoek.objects.get(onderzoek__melding=m, gebied=1)
    assert r.wat_lukt_niet == GEANONIMISEERD and r.oplossing == GEANONIMISEERD
    assert ResultaatOnderzoek.objects.filter(onderzoek__melding=m, gebied=2).get().wat_lukt == ""  # was empty
    plan = PersoonlijkPlan.objects.get(melding=m)
    assert bytes(plan.inhoud) == b"" and plan.naam == GEANONIMISEERD
    laatste = na.history.order_by("-history_date", "-history_id").first()
    assert laatste.history_user == beheerder
    assert laatste.history_change_reason.startswith("Geanonimiseerd na de bewaartermijn: 1 meldingen")
    # What management information counts stays: the melding, its status, reason and dates.
    assert (m.status, m.afsluitreden, m.ontvangen_op, m.gemeente_id) == (
        MeldingStatus.AFGESLOTEN,
        Afsluitreden.INGETROKKEN,
        melding.ontvangen_op,
        melding.gemeente_id,
    )


def test_de_historie_bevat_geen_oude_gegevens():
    melding = _afgesloten_dossier(hulpvraag="Ik heb COPD en val vaak.")
    inwoner = melding.inwoner
    MedewerkerFactory(username="archivaris")
    assert inwoner.history.filter(bsn=inwoner.bsn).exists()  # the test can fail
    assert Melding.history.filter(hulpvraag__contains="COPD").exists()

    _draai("--anonimiseren", "--door", "archivaris", op=LAATSTE_DAG + timedelta(days=1))

    assert not Inwoner.history.filter(bsn=inwoner.bsn).exists()
    assert not Inwoner.history.filter(achternaam=inwoner.achternaam).exists()
    assert (
        not Inwoner.history.filter(geboortedatum=inwoner.geboortedatum)
        .exclude(geboortedatum=date(inwoner.geboortedatum.year, 1, 1))
        .exists()
    )
    assert not Melding.history.filter(hulpvraag__contains="COPD").exists()
    assert not Melding.history.filter(afsluit_toelichting__contains="dochter").exists()
    assert (
        not Onderzoek.history.filter(melding_id=melding.pk)
        .exclude(persoonlijk_plan__in=["", GEANONIMISEERD])
        .exists()
    )
    assert not ResultaatOnderzoek.history.filter(wat_lukt_niet__contains="Stofzuigen").exists()
    # The timeline keeps its steps: as many history rows as before, plus the record itself.
    assert Melding.history.filter(id=melding.pk).filter(status=MeldingStatus.AFGESLOTEN).exists()


def test_idempotent():
    melding = _afgesloten_dossier()
    MedewerkerFactory(username="archivaris")
    dag = LAATSTE_DAG + timedelta(days=1)
    _draai("--anonimiseren", "--door", "archivaris", op=dag)
    na_eerste = (
        list(Inwoner.history.filter(id=melding.inwoner_id).values()),
        list(Melding.history.filter(id=melding.pk).values()),
    )

    tweede = _draai("--anonimiseren", "--door", "archivaris", op=dag + timedelta(days=30))

    assert "0 gesloten dossier(s)" in tweede and "0 dossier(s) geanonimiseerd" in tweede
    assert (
        list(Inwoner.history.filter(id=melding.inwoner_id).values()),
        list(Melding.history.filter(id=melding.pk).values()),
    ) == na_eerste


def test_een_lopende_voorziening_wordt_niet_aangeraakt():
    """A beschikking of 2010 granting help for an indefinite time: the dossier is not closed."""
    with _op(EINDE):
        beschikking = BeschikkingFactory(verstuurd=True)
    melding = beschikking.aanvraag.melding
    inwoner = melding.inwoner
    assert melding.status == MeldingStatus.BESLOTEN  # closed: only the voorziening runs
    regel = BeschikkingRegel.objects.get(beschikking=beschikking)
    assert regel.einddatum is None
    brief_pdf = bytes(Brief.objects.get(pk=beschikking.brief_id).pdf)
    MedewerkerFactory(username="archivaris")

    uit = _draai("--anonimiseren", "--door", "archivaris", op=date(2040, 1, 1))

    assert f"inwoner {inwoner.pk} " not in uit
    assert Inwoner.objects.get(pk=inwoner.pk).bsn == inwoner.bsn
    assert BeschikkingRegel.objects.get(pk=regel.pk).motivering == regel.motivering
    assert bytes(Brief.objects.get(pk=beschikking.brief_id).pdf) == brief_pdf


def test_een_beeindigde_voorziening_telt_vanaf_haar_einddatum():
    """The same beschikking with an einddatum: the dossier ends on that day, its letter goes."""
    with _op(EINDE):
        beschikking = BeschikkingFactory(
            verstuurd=True, regel__einddatum=EINDE + timedelta(days=365), regel__omvang=Decimal("2")
        )
    inwoner = beschikking.aanvraag.melding.inwoner
    einde = EINDE + timedelta(days=365)
    with _op(bewaren_tot(einde, 15)):
        assert not verlopen_dossiers().filter(pk=inwoner.pk).exists()
    with _op(bewaren_tot(einde, 15) + timedelta(days=1)):
        assert verlopen_dossiers().get(pk=inwoner.pk).einde == einde
    MedewerkerFactory(username="archivaris")

    _draai("--anonimiseren", "--door", "archivaris", op=bewaren_tot(einde, 15) + timedelta(days=1))

    b = Beschikking.objects.get(pk=beschikking.pk)
    assert bytes(Brief.objects.get(pk=b.brief_id).pdf) == b""
    regel = BeschikkingRegel.objects.get(beschikking=b)
    assert regel.motivering == GEANONIMISEERD
    assert (regel.uitkomst, regel.voorziening_id, regel.omvang) == (
        "toegekend",
        regel.voorziening_id,
        Decimal("2"),
    )
    assert not BeschikkingRegel.history.filter(motivering__contains="longziekte").exists()


def test_een_open_melding_houdt_het_dossier_open():
    melding = _afgesloten_dossier()
    with _op(EINDE + timedelta(days=400)):
        MeldingFactory(
            inwoner=melding.inwoner, team=melding.team, ontvangen_op=on_day(EINDE + timedelta(days=400))
        )
    assert not verlopen_dossiers(vandaag=date(2040, 1, 1)).filter(pk=melding.inwoner_id).exists()


def test_anonimiseren_zegt_wie():
    _afgesloten_dossier()
    with pytest.raises(CommandError, match="--door"):
        _draai("--anonimiseren", op=LAATSTE_DAG + timedelta(days=1))
    with pytest.raises(CommandError, match="geen actieve medewerker"):
        _draai("--anonimiseren", "--door", "niemand", op=LAATSTE_DAG + timedelta(days=1))


def test_een_geanonimiseerd_dossier_opent_nog(client):
    """The melding and its (emptied) letters and plan still open for the team: no error page."""
    melding = _afgesloten_dossier()
    oude_naam = melding.inwoner.achternaam
    MedewerkerFactory(username="archivaris")
    _draai("--anonimiseren", "--door", "archivaris", op=LAATSTE_DAG + timedelta(days=1))
    consulent = MedewerkerFactory(
        team=melding.team, organisatie=melding.team.organisatie, rollen=[Rol.CONSULENT]
    )
    client.force_login(consulent)
    with _op(LAATSTE_DAG + timedelta(days=2)):
        pagina = client.get(reverse("meldingen:melding", args=[melding.pk]))
        plan = PersoonlijkPlan.objects.get(melding=melding)
        bestand = client.get(reverse("gesprekken:persoonlijk_plan", args=[melding.pk, plan.pk]))
    assert pagina.status_code == 200
    assert GEANONIMISEERD in pagina.content.decode() and oude_naam not in pagina.content.decode()
    assert bestand.status_code == 200 and bestand.content == b""
