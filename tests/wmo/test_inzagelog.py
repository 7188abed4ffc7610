"""The access log (NEN 7513, BIO 12.4.1-12.4.3): the row's fields, the hash chain and its
verification, append-only on PostgreSQL, retention with an anchored chain, concurrent writers."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.test import RequestFactory

from tests.factories import InwonerFactory, MedewerkerFactory, OrganisatieFactory, TeamFactory
from wmo import inzagelog
from wmo.clientip import client_ip
from wmo.constants import InzageActie, Rol
from wmo.models import AppendOnlyError, Inzage, InzageAnker
from wmo.services import inzage_vastleggen, inzages_vastleggen

pytestmark = pytest.mark.django_db


def _controleren() -> str:
    from io import StringIO

    uit = StringIO()
    call_command("inzagelog_controleren", stdout=uit)
    return uit.getvalue()


def _raw(sql, params=()):
    """Change the log behind the application's back, as an attacker with SQL would: the trigger
    is disabled for that one statement (a superuser can do that; the chain must still tell)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER TABLE
        cursor.execute("ALTER TABLE wmo_inzage DISABLE TRIGGER wmo_inzage_alleen_toevoegen")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE wmo_inzage ENABLE TRIGGER wmo_inzage_alleen_toevoegen")


@pytest.fixture
def medewerker(team):
    return MedewerkerFactory(
        team=team,
        organisatie=team.organisatie,
        rollen=[Rol.CONSULENT],
        first_name="Fatima",
        last_name="El Amrani",
    )


@pytest.fixture
def rijen(medewerker):
    inwoners = InwonerFactory.create_batch(3)
    inzage_vastleggen(medewerker=medewerker, inwoner=inwoners[0], wat="dossier")
    inzages_vastleggen(medewerker=medewerker, inwoner_ids=[i.pk for i in inwoners], wat="zoekresultaat")
    inzage_vastleggen(medewerker=medewerker, inwoner=inwoners[1], wat="dossier")
    return list(Inzage.objects.order_by("id"))


def test_een_rij_met_wie_wat_wanneer_welke_inwoner_en_waarvandaan(medewerker, settings):
    settings.VERTROUWDE_PROXIES = 1
    inwoner = InwonerFactory()
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    moment = datetime(2026, 4, 7, 12, 30, 15, 123456, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        rij = inzage_vastleggen(
            medewerker=medewerker,
            inwoner=inwoner,
            wat="dossier",
            request=request,
            actie=InzageActie.DOWNLOADEN,
            object=inwoner,
        )
    rij = Inzage.objects.get(pk=rij.pk)
    assert rij.tijdstip == moment
    assert (rij.medewerker, rij.medewerker_naam) == (medewerker, "Fatima El Amrani")
    assert (rij.organisatie, rij.organisatie_naam, rij.rollen) == (
        medewerker.organisatie,
        medewerker.organisatie.naam,
        "consulent",
    )
    assert (rij.inwoner, rij.object_type, rij.object_id) == (inwoner, "inwoner", inwoner.pk)
    assert (rij.actie, rij.wat, rij.ip_adres) == ("downloaden", "dossier", "203.0.113.7")
    assert rij.hash == inzagelog.regel_hash(inzagelog.GENESIS, rij)


def test_de_rij_blijft_kloppen_als_de_medewerker_verhuist(medewerker):
    inzage_vastleggen(medewerker=medewerker, inwoner=InwonerFactory(), wat="dossier")
    oud = medewerker.organisatie.naam
    nieuw_team = TeamFactory(organisatie=OrganisatieFactory(naam="Andere organisatie"))
    medewerker.team, medewerker.organisatie, medewerker.last_name = (
        nieuw_team,
        nieuw_team.organisatie,
        "Jansen",
    )
    medewerker.save()
    medewerker.groups.clear()
    rij = Inzage.objects.get()
    assert (rij.medewerker_naam, rij.organisatie_naam, rij.rollen) == ("Fatima El Amrani", oud, "consulent")
    assert "klopt: 1 rij(en)" in _controleren()


def test_een_lijst_is_een_insert_met_een_rij_per_inwoner(medewerker, django_assert_num_queries):
    inwoners = InwonerFactory.create_batch(3)
    ids = [inwoners[0].pk, inwoners[1].pk, inwoners[0].pk, inwoners[2].pk]
    medewerker.rollen  # noqa: B018 - the roles are read once per request anyway (the scope asks)
    with django_assert_num_queries(2):  # the writers' lock with the head of the chain, one insert
        inzages_vastleggen(medewerker=medewerker, inwoner_ids=ids, wat="werkvoorraad")
    assert list(Inzage.objects.order_by("id").values_list("inwoner_id", flat=True)) == [
        inwoners[0].pk,
        inwoners[1].pk,
        inwoners[2].pk,
    ]
    with django_assert_num_queries(0):
        assert inzages_vastleggen(medewerker=medewerker, inwoner_ids=[], wat="werkvoorraad") == 0


def test_controleren_slaagt_en_noemt_de_kop(rijen):
    uitvoer = _controleren()
    assert (
        f"klopt: {len(rijen)} rij(en) gecontroleerd; laatste rij {rijen[-1].id}, hash {rijen[-1].hash}"
        in uitvoer
    )


def test_een_gewijzigde_rij_wordt_gevonden(rijen):
    _raw("UPDATE wmo_inzage SET wat = 'niets bijzonders' WHERE id = %s", [rijen[2].id])
    with pytest.raises(CommandError, match=f"klopt niet vanaf rij {rijen[2].id}:") as fout:
        _controleren()
    assert fout.value.returncode == 1
    assert "2 rij(en) ervoor kloppen" in str(fout.value)


def test_een_verwijderde_rij_wordt_gevonden(rijen):
    _raw("DELETE FROM wmo_inzage WHERE id = %s", [rijen[1].id])
    with pytest.raises(CommandError, match=f"klopt niet vanaf rij {rijen[2].id}:"):
        _controleren()


def test_een_verwijderde_eerste_rij_wordt_gevonden(rijen):
    _raw("DELETE FROM wmo_inzage WHERE id = %s", [rijen[0].id])
    with pytest.raises(CommandError, match=f"rij {rijen[1].id}: de eerste rij past niet"):
        _controleren()


def test_alleen_toevoegen_in_django(rijen):
    rij = rijen[0]
    rij.wat = "anders"
    with pytest.raises(AppendOnlyError):
        rij.save()
    with pytest.raises(AppendOnlyError):
        rij.delete()
    with pytest.raises(AppendOnlyError):
        Inzage.objects.filter(pk=rij.pk).update(wat="anders")
    with pytest.raises(AppendOnlyError):
        Inzage.objects.all().delete()
    assert Inzage.objects.filter(wat="anders").count() == 0


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE wmo_inzage SET wat = 'anders'",
        "DELETE FROM wmo_inzage",
        "UPDATE wmo_inzageanker SET hash = 'x'",
        "DELETE FROM wmo_inzageanker",
    ],
)
def test_alleen_toevoegen_in_postgresql(rijen, sql):
    InzageAnker.objects.create(
        tot_en_met_id=0, hash="0" * 64, aantal=0, bewaard_vanaf=rijen[0].tijdstip, tijdstip=rijen[0].tijdstip
    )
    with (
        pytest.raises(DatabaseError, match="alleen-toevoegen"),
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute(sql)
    assert Inzage.objects.count() == len(rijen) and InzageAnker.objects.count() == 1
    # The purge's setting lets DELETE through for its own rows only, never UPDATE.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("SELECT set_config('keukentafel.inzagelog_opschonen_tot', %s, true)", [str(rijen[0].id)])
        c.execute("UPDATE wmo_inzage SET wat = 'anders' WHERE id = %s", [rijen[0].id])


def test_opschonen_na_de_bewaartermijn_en_de_keten_klopt_nog(medewerker, settings):
    settings.INZAGELOG_BEWAARTERMIJN_JAREN = 5
    inwoner = InwonerFactory()
    for moment in ("2020-03-01T10:00+01:00", "2021-06-01T10:00+02:00", "2022-06-01T10:00+02:00"):
        with time_machine.travel(datetime.fromisoformat(moment), tick=False):
            inzage_vastleggen(medewerker=medewerker, inwoner=inwoner, wat=f"dossier {moment[:4]}")
    with time_machine.travel(datetime.fromisoformat("2026-12-02T09:00+01:00"), tick=False):
        from io import StringIO

        uit = StringIO()
        call_command("inzagelog_opschonen", stdout=uit)
        assert "2 rij(en) van vóór 2 december 2021 verwijderd" in uit.getvalue()
        assert list(Inzage.objects.values_list("wat", flat=True)) == ["dossier 2022"]
        anker = InzageAnker.objects.get()
        assert anker.aantal == 2
        assert "klopt: 1 rij(en)" in _controleren()
        inzage_vastleggen(medewerker=medewerker, inwoner=inwoner, wat="dossier 2026")
        assert "klopt: 2 rij(en)" in _controleren()
        uit = StringIO()
        call_command("inzagelog_opschonen", stdout=uit)
        assert "Niets te verwijderen" in uit.getvalue()
    # Everything past the term: the next row chains on the anchor.
    with time_machine.travel(datetime.fromisoformat("2032-01-01T09:00+01:00"), tick=False):
        call_command("inzagelog_opschonen", stdout=StringIO())
        assert not Inzage.objects.exists() and InzageAnker.objects.count() == 2
        rij = inzage_vastleggen(medewerker=medewerker, inwoner=inwoner, wat="dossier 2032")
        assert rij.hash == inzagelog.regel_hash(InzageAnker.objects.order_by("-tot_en_met_id")[0].hash, rij)
        assert "klopt: 1 rij(en)" in _controleren()


def test_opschonen_weigert_een_gebroken_keten(rijen, settings):
    _raw("UPDATE wmo_inzage SET wat = 'weggepoetst' WHERE id = %s", [rijen[0].id])
    with time_machine.travel(rijen[-1].tijdstip + timedelta(days=365 * 10), tick=False):
        with pytest.raises(CommandError, match=f"vanaf rij {rijen[0].id}"):
            call_command("inzagelog_opschonen")
    assert Inzage.objects.count() == len(rijen) and not InzageAnker.objects.exists()


@pytest.mark.parametrize(
    ("proxies", "meta", "verwacht"),
    [
        (0, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "203.0.113.7"),
        # A client's own header before the proxy's address is ignored.
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7"}, "203.0.113.7"),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7, 10.0.0.2"},
            "203.0.113.7",
        ),
        (1, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "geen adres"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "2001:DB8::1"}, "2001:db8::1"),
    ],
)
def test_client_ip(settings, proxies, meta, verwacht):
    settings.VERTROUWDE_PROXIES = proxies
    assert client_ip(RequestFactory().get("/", **meta)) == verwacht


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_verzoeken_maken_een_keten(team):
    """Eight requests at once, each in its own connection and transaction: the lock serialises
    them, so the chain has no fork and verifies."""
    medewerker = MedewerkerFactory(team=team, organisatie=team.organisatie, rollen=[Rol.CONSULENT])
    inwoners = InwonerFactory.create_batch(3)
    start = threading.Barrier(8)
    fouten = []

    def verzoek(n):
        try:
            start.wait()
            for i in range(5):
                if i % 2:
                    inzages_vastleggen(
                        medewerker=medewerker, inwoner_ids=[x.pk for x in inwoners], wat=f"lijst {n}"
                    )
                else:
                    inzage_vastleggen(medewerker=medewerker, inwoner=inwoners[0], wat=f"dossier {n}")
        except Exception as e:  # pragma: no cover - reported below
            fouten.append(e)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=verzoek, args=(n,)) for n in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    assert Inzage.objects.count() == 8 * (3 * 1 + 2 * 3)
    assert len(set(Inzage.objects.values_list("hash", flat=True))) == Inzage.objects.count()
    assert inzagelog.controleren().in_orde


@pytest.mark.parametrize(
    "wat,ip,organisatie",
    [
        ("werkvoorraad", "192.0.2.7", True),
        ('zoekresultaat "Bakker" \\ é ü 漢字 \u2028 \x01\x1f\x7f\t\n😀', "", True),
        ("export", "2001:db8::1", False),
    ],
)
def test_een_lijst_maakt_dezelfde_rijen_als_een_rij_per_keer(medewerker, wat, ip, organisatie):
    """The list path serialises the shared fields once (inzagelog.toevoegen_per_inwoner): every row it
    writes must read back the same and hash the same as ``canonical`` says, escapes and all, and the
    chain must verify across single rows and lists."""
    if not organisatie:
        medewerker.organisatie = None
        medewerker.save()
    inwoners = InwonerFactory.create_batch(3)
    request = RequestFactory().get("/", REMOTE_ADDR=ip or "127.0.0.1")
    inzage_vastleggen(medewerker=medewerker, inwoner=inwoners[0], wat="dossier")
    with time_machine.travel(datetime(2026, 10, 25, 0, 59, 59, 123456, tzinfo=UTC), tick=False):
        aantal = inzages_vastleggen(
            medewerker=medewerker,
            inwoner_ids=[i.pk for i in inwoners],
            wat=wat,
            request=request if ip else None,
            actie=InzageActie.EXPORTEREN,
            object_type="melding",
        )
    inzage_vastleggen(medewerker=medewerker, inwoner=inwoners[1], wat="dossier")
    assert aantal == 3
    lijst = list(Inzage.objects.order_by("id")[1:4])
    assert [r.inwoner_id for r in lijst] == [i.pk for i in inwoners]
    vorige = Inzage.objects.order_by("id").first().hash
    for rij in lijst:
        assert rij.tijdstip == datetime(2026, 10, 25, 0, 59, 59, 123456, tzinfo=UTC)
        assert (rij.wat, rij.actie, rij.object_type, rij.object_id) == (
            wat[:200],
            "exporteren",
            "melding",
            None,
        )
        assert rij.ip_adres == (client_ip(request) if ip else "")
        assert rij.organisatie_id == (medewerker.organisatie_id if organisatie else None)
        assert rij.medewerker_naam == "Fatima El Amrani" and rij.rollen == "consulent"
        assert rij.hash == inzagelog.regel_hash(vorige, rij)
        vorige = rij.hash
    assert "klopt: 5 rij(en)" in _controleren()
