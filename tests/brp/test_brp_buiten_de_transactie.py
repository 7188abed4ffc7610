"""No BRP request while a database transaction is open (wmo.persoonsgegevens, brp.client._post).

While Keukentafel waits for the BRP (up to the koppeling's timeout) it must hold no transaction:
no row lock on the melding, inwoner or beschikking a colleague may need, no connection "idle in
transaction". These tests run with real transactions (``transaction=True``: no wrapping test
transaction) and look at the database from inside the fake BRP's handler, which runs in the
server's own thread with its own database connection, while the request is in flight:

- ``pg_stat_activity`` shows no session of the test database "idle in transaction";
- the handler can take the row lock itself (``SELECT ... FOR UPDATE NOWAIT``) on the row the
  service locks (inwoner for a melding, melding for a letter, beschikking for the WMO301).

The BRP is outside our control: a fake server of the test's own (tests/brp/fake_brp.py) answers
after the published specification.
"""

from datetime import date, timedelta

import pytest
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from aanvragen import services as aanvraag_services
from aanvragen.models import Beschikking
from brp.models import InwonerBrp
from iwmo.codelijsten import Berichtcode
from iwmo.models import Bericht
from meldingen import services as melding_services
from meldingen.models import Inwoner, Melding
from tests.aanvragen.factories import BeschikkingFactory
from tests.brp.fake_brp import persoon
from tests.factories import InwonerFactory, MeldingFactory
from wmo.constants import Rol
from wmo.models import Brief, Inzage

pytestmark = pytest.mark.django_db(transaction=True)


def _kijker(model, pk_van):
    """A ``tijdens_verzoek`` for the fake BRP: what the database looks like while it is asked."""
    gezien = []

    def kijk(body):
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%%'"
                )
                wachtend = cursor.fetchone()[0]
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(
                        f'SELECT 1 FROM "{model._meta.db_table}" WHERE id = %s FOR UPDATE NOWAIT',  # noqa: S608
                        [pk_van()],
                    )
                    slot = "vrij"
            except OperationalError:  # LockNotAvailable: the service holds the row while it waits
                slot = "vast"
            gezien.append({"idle in transaction": wachtend, "rij": slot})
        finally:
            connection.close()  # the server thread's own connection

    return kijk, gezien


@pytest.fixture
def inwoner(gemeente):
    return InwonerFactory(
        gemeente=gemeente, bsn="999993653", straat="Kerkstraat", geboortedatum=date(1948, 3, 14)
    )


def test_melding_registreren_vraagt_de_brp_zonder_open_transactie(
    inwoner, loket, koppeling_voor, fake_brp, client
):
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon()]
    fake_brp.tijdens_verzoek, gezien = _kijker(Inwoner, lambda: inwoner.pk)
    client.force_login(loket)
    antwoord = client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]),
        {
            "team": loket.team_id,
            "ontvangen_datum": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "ontvangen_tijd": "10:30",
            "kanaal": "telefoon",
            "melder": "inwoner",
            "hulpvraag": "Ik kan mijn huis niet meer schoonhouden.",
        },
    )
    assert antwoord.status_code == 302
    assert gezien == [{"idle in transaction": 0, "rij": "vrij"}]
    # The melding still uses what the BRP said, and the lookup is in the access log.
    assert Inwoner.objects.get(pk=inwoner.pk).straat == "Grote Markt"
    assert InwonerBrp.objects.get(inwoner=inwoner).aanleiding == "melding geregistreerd"
    assert Inzage.objects.filter(inwoner=inwoner, wat="BRP: persoon opgevraagd").count() == 1


def test_een_brief_versturen_vraagt_de_brp_zonder_open_transactie(
    inwoner, consulent, koppeling_voor, fake_brp
):
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon()]
    fake_brp.tijdens_verzoek, gezien = _kijker(Melding, lambda: melding.pk)
    melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert gezien == [{"idle in transaction": 0, "rij": "vrij"}]
    assert "Grote Markt 2" in Brief.objects.get(melding=melding).ontvanger_adres
    assert Inzage.objects.filter(inwoner=inwoner, wat="BRP: persoon opgevraagd").count() == 1


def test_beschikking_met_wmo301_vraagt_de_brp_een_keer_zonder_open_transactie(
    consulent, koppeling_voor, fake_brp, settings, tmp_path
):
    """The beschikking's letter and its WMO301 come from one service call: one BRP request,
    made before its transaction, applied once (one history row on InwonerBrp)."""
    settings.IWMO_UITBOX = tmp_path
    beschikking = BeschikkingFactory(toegekend=True, door=consulent)
    inwoner = beschikking.aanvraag.melding.inwoner
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(bsn=inwoner.bsn)]
    fake_brp.tijdens_verzoek, gezien = _kijker(Beschikking, lambda: beschikking.pk)
    aanvraag_services.beschikking_versturen(beschikking=beschikking, door=consulent)
    assert gezien == [{"idle in transaction": 0, "rij": "vrij"}]
    assert len(fake_brp.verzoeken) == 1
    bericht = Bericht.objects.get(inwoner=inwoner)
    assert bericht.berichtcode == Berichtcode.WMO301
    assert (
        "Grote Markt 2"
        in Brief.objects.get(melding=beschikking.aanvraag.melding, soort="beschikking").ontvanger_adres
    )
    assert InwonerBrp.objects.get(inwoner=inwoner).history.count() == 1
    assert Inzage.objects.filter(inwoner=inwoner, wat="BRP: persoon opgevraagd").count() == 1


def test_binnen_een_transactie_wordt_de_brp_niet_gevraagd(inwoner, consulent, koppeling_voor, fake_brp):
    """A path that did not fetch first: the client refuses, the letter goes with the stored data."""
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon()]
    with transaction.atomic():
        melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    assert fake_brp.verzoeken == []
    assert "Kerkstraat" in Brief.objects.get(melding=melding).ontvanger_adres
    assert Inzage.objects.filter(
        inwoner=inwoner, wat="BRP: persoon opgevraagd, mislukt (transactie)"
    ).exists()


@pytest.mark.parametrize("als_queryset", [False, True])
def test_herverdelen_vraagt_vooraf_en_stopt_na_een_storing(
    gemeente, consulent, teamleider, rol_gebruiker, koppeling_voor, fake_brp, als_queryset
):
    """Several meldingen in one service call (the teamleider's page passes a locking queryset): each
    inwoner that gets a letter is asked before the transaction; once the BRP fails with a storing,
    the others of the same gemeente are not asked (each would wait as long), and the letters go out."""
    collega = rol_gebruiker(Rol.CONSULENT)
    meldingen = [
        MeldingFactory(
            inwoner=InwonerFactory(gemeente=gemeente, bsn=bsn),
            team=consulent.team,
            consulent=consulent,
            door=consulent,
        )
        for bsn in ("999993653", "999990019")
    ]
    koppeling_voor(gemeente)
    fake_brp.storing = "500"
    te_verdelen = meldingen
    if als_queryset:
        te_verdelen = (
            Melding.objects.filter(pk__in=[m.pk for m in meldingen])
            .select_for_update(of=("self",))
            .select_related("inwoner")
        )
    gewijzigd = melding_services.meldingen_herverdelen(
        meldingen=te_verdelen, consulent=collega, door=teamleider
    )
    assert len(gewijzigd) == 2
    assert len(fake_brp.verzoeken) == 1
    assert Brief.objects.filter(melding__in=meldingen, soort="nieuwe_contactpersoon").count() == 2
