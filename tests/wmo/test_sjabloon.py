"""wmo.sjabloon: a list's SQL kept per shape and filled with each request's values (issue 14).

These tests run with SQL_SJABLOON_CONTROLE off where they check what the kept SQL itself returns
(with it on, every reuse is also compared with a fresh build, as in the rest of the suite)."""

import os
from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Melding
from tests.factories import MeldingFactory, TeamFactory
from wmo import sjabloon as sj
from wmo.constants import Rol
from wmo.models import GelijkgesteldeDag
from wmo.sjabloon import Sjabloon, SjabloonVerschil

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "postgres" not in os.environ.get("DATABASE_URL", "postgres"), reason="kept only on PostgreSQL"
    ),
]

ZONDER_CONTROLE = override_settings(SQL_SJABLOON_CONTROLE=False)


def _gehouden(s: Sjabloon) -> list[bool]:
    return [plan is not sj._ONGESCHIKT for plan in s._vormen.values()]


def _meldingen_van(user, tot):
    """The user's visible meldingen received up to ``tot``, newest first: scope, a date value."""
    return (
        Melding.objects.zichtbaar_voor(user)
        .filter(ontvangen_op__date__lte=tot)
        .order_by("-pk")
        .values_list("pk", flat=True)
    )


def _twee_teams(rol_gebruiker):
    andere = TeamFactory()
    a = rol_gebruiker(Rol.CONSULENT)
    b = rol_gebruiker(Rol.CONSULENT, team=andere)
    van_a = [
        MeldingFactory(team=a.team, inwoner__gemeente=a.team.organisatie.gemeenten.first()).pk
        for _ in range(2)
    ]
    van_b = [MeldingFactory(team=andere, inwoner__gemeente=andere.organisatie.gemeenten.first()).pk]
    return a, b, van_a, van_b


def test_de_bewaarde_sql_geeft_elke_gebruiker_zijn_eigen_rijen(rol_gebruiker):
    """The shape is learned from the first user; a user of another team of another organisation
    then gets the same SQL with their own values, and sees only their own team's meldingen."""
    a, b, van_a, van_b = _twee_teams(rol_gebruiker)
    s = Sjabloon(_meldingen_van)
    vandaag = timezone.localdate()
    with ZONDER_CONTROLE:
        assert sorted(s.rijen(a, tot=vandaag)) == sorted((pk,) for pk in van_a)
        assert _gehouden(s) == [True]
        assert sorted(s.rijen(b, tot=vandaag)) == [(pk,) for pk in van_b]
        assert s.rijen(b, tot=vandaag - timedelta(days=400)) == []
    assert _gehouden(s) == [True]  # one shape: the same roles, one gemeente each


def test_de_vorm_scheidt_rollen_en_aantal_gemeenten(rol_gebruiker):
    a, b, _, _ = _twee_teams(rol_gebruiker)
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    s = Sjabloon(_meldingen_van)
    vandaag = timezone.localdate()
    for user in (a, b, loket):
        s.rijen(user, tot=vandaag)
    assert len(s._vormen) == 2  # the loket's scope is another condition


def test_een_afgeleide_waarde_wordt_niet_bewaard(rol_gebruiker):
    """A value computed from an input (a day later) is no sentinel and differs between the two
    builds: the shape is not kept, and every call builds the query for its own values."""
    a, _, van_a, _ = _twee_teams(rol_gebruiker)

    def bouw(user, tot):
        return _meldingen_van(user, tot + timedelta(days=1))

    s = Sjabloon(bouw)
    with ZONDER_CONTROLE:
        assert sorted(s.rijen(a, tot=timezone.localdate())) == sorted((pk,) for pk in van_a)
    assert _gehouden(s) == [False]


def test_een_waarde_in_de_sql_tekst_wordt_niet_bewaard(rol_gebruiker):
    """Django writes a slice into the SQL as LIMIT: an input used that way changes the text."""
    a, _, van_a, _ = _twee_teams(rol_gebruiker)
    s = Sjabloon(lambda user, aantal: _meldingen_van(user, timezone.localdate())[: aantal - 1_899_999_990])
    with ZONDER_CONTROLE:
        assert len(s.rijen(a, aantal=1_900_000_000)) == len(van_a)
    assert _gehouden(s) == [False]


def test_een_bouwer_die_de_database_leest_wordt_niet_bewaard(rol_gebruiker):
    a, _, van_a, _ = _twee_teams(rol_gebruiker)

    def bouw(user):
        team_ids = list(Melding.objects.filter(pk__in=van_a).values_list("team_id", flat=True))
        return Melding.objects.filter(team_id__in=team_ids).values_list("pk")

    s = Sjabloon(bouw)
    with ZONDER_CONTROLE:
        assert sorted(s.rijen(a)) == sorted((pk,) for pk in van_a)
    assert _gehouden(s) == [False]


def test_de_controle_vindt_een_bewaarde_waarde_die_niet_van_de_invoer_komt(rol_gebruiker):
    """What the builder reads besides its arguments is kept as a constant. The check (on in the
    tests) compares every reuse with a fresh build, and names the difference."""
    a, _, van_a, _ = _twee_teams(rol_gebruiker)
    buiten = {"team_id": a.team_id}
    s = Sjabloon(lambda user: Melding.objects.filter(team_id=buiten["team_id"]).values_list("pk"))
    s.rijen(a)
    buiten["team_id"] += 1
    with pytest.raises(SjabloonVerschil, match="kept SQL differs"):
        s.rijen(a)


def test_een_nieuwe_dag_is_een_nieuwe_vorm(rol_gebruiker):
    """A constant derived from today inside the builder is kept for that day only."""
    a, _, van_a, _ = _twee_teams(rol_gebruiker)
    # The factory's meldingen were received three days ago: four days back lies before them.
    s = Sjabloon(lambda user: _meldingen_van(user, timezone.localdate() - timedelta(days=4)))
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False), ZONDER_CONTROLE:
        assert sorted(s.rijen(a)) == sorted((pk,) for pk in van_a)  # two days on: after them
    with ZONDER_CONTROLE:
        assert s.rijen(a) == []
    assert len(s._vormen) == 2


def test_gelijkgestelde_dagen_horen_bij_de_vorm(consulent, client):
    """The werkvoorraad's sections depend on the equated days (the 'let op' boundaries): a day
    added by beheer makes a new shape, not a stale one (the check would raise)."""
    from meldingen.views import _secties_query

    MeldingFactory(team=consulent.team, inwoner__gemeente=consulent.team.organisatie.gemeenten.first())
    client.force_login(consulent)
    _secties_query._vormen.clear()
    assert client.get(reverse("werkvoorraad")).status_code == 200
    assert _gehouden(_secties_query) == [True]
    GelijkgesteldeDag.objects.create(datum=timezone.localdate() + timedelta(days=1), omschrijving="Brugdag")
    assert client.get(reverse("werkvoorraad")).status_code == 200
    assert _gehouden(_secties_query) == [True, True]


def test_werkvoorraad_bewaart_zijn_vormen(consulent, client):
    """The werkvoorraad's lists are kept (not silently rebuilt each time)."""
    from aanvragen.query import _SIGNALEN
    from brp.query import _signalen
    from gesprekken.query import _open_vervolgafspraken
    from iwmo.templatetags.iwmo_werkvoorraad import _LIJSTEN
    from meldingen.views import _secties_query

    for s in (_secties_query, _SIGNALEN.sjabloon, _signalen, _open_vervolgafspraken, _LIJSTEN.sjabloon):
        s._vormen.clear()
    client.force_login(consulent)
    for _ in range(2):
        assert client.get(reverse("werkvoorraad")).status_code == 200
    for s in (_secties_query, _SIGNALEN.sjabloon, _signalen, _open_vervolgafspraken, _LIJSTEN.sjabloon):
        assert _gehouden(s) == [True], s


def test_zonder_ingelogde_gebruiker_wordt_niets_bewaard():
    from django.contrib.auth.models import AnonymousUser

    s = Sjabloon(lambda user: Melding.objects.values_list("pk"))
    assert s.rijen(AnonymousUser()) == []
    assert s._vormen == {}


def test_een_bouwer_mag_op_de_waarheid_van_een_waarde_kiezen(rol_gebruiker):
    """None, "" and 0 are part of the shape (a builder may branch on them); other values stand in."""
    a, _, van_a, _ = _twee_teams(rol_gebruiker)

    def bouw(user, kanaal, na_pk):
        qs = Melding.objects.zichtbaar_voor(user)
        if kanaal:
            qs = qs.filter(kanaal=kanaal)
        if na_pk:
            qs = qs.filter(pk__gt=na_pk)
        return qs.order_by("pk").values_list("pk")

    s = Sjabloon(bouw)
    eerste, tweede = sorted(van_a)
    with ZONDER_CONTROLE:
        assert s.rijen(a, kanaal="", na_pk=0) == [(eerste,), (tweede,)]
        assert s.rijen(a, kanaal="telefoon", na_pk=eerste) == [(tweede,)]
        assert s.rijen(a, kanaal="brief", na_pk=0) == []
        assert s.rijen(a, kanaal="", na_pk=tweede) == []
    assert _gehouden(s) == [True, True, True, True]


def test_voorbereid_geeft_dezelfde_rijen_en_telt_als_query(rol_gebruiker, django_assert_num_queries):
    """A prepared kept query reads the same rows, and goes through Django's cursor like any other
    (counted, so the query budgets still hold)."""
    from django.db import connection

    a, b, van_a, van_b = _twee_teams(rol_gebruiker)
    gewoon, voorbereid = Sjabloon(_meldingen_van), Sjabloon(_meldingen_van, voorbereid=True)
    vandaag = timezone.localdate()
    for user in (a, b, a, b, a, b, a):  # past the custom plans PostgreSQL makes first
        verwacht = gewoon.rijen(user, tot=vandaag)
        with django_assert_num_queries(1) as gevangen:
            assert voorbereid.rijen(user, tot=vandaag) == verwacht
        # The log shows the statement with its values, as for any other query.
        assert f'"team_id" = {user.team_id}' in gevangen.captured_queries[0]["sql"]
    assert _gehouden(voorbereid) == [True]
    assert connection.connection.prepared_max and connection.connection.prepare_threshold == 1_000_000
