"""The onderzoek page reads its gebieden with their ladders in two queries, and its four small
lists (gesprekken, plannen, vervolgafspraken, versies) in one (issue 14): the same objects as the
ORM gives each on its own, also for a gebied without rungs and an afspraak without a medewerker."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekken import services
from gesprekken.constants import Trede
from gesprekken.models import LadderTrede, ResultaatOnderzoek
from gesprekken.views import _resultaten_met_ladder
from wmo import lijsten
from wmo.lijsten import Lijst, modellen_lezen

from .conftest import ladder_invullen, resultaat

pytestmark = pytest.mark.django_db


def _zoals_prefetch(onderzoek):
    return [
        (r.pk, r.gebied, r.aan_de_orde, [(t.pk, t.trede, t.besproken, t.bevinding) for t in r.treden.all()])
        for r in ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).prefetch_related("treden")
    ]


def _gelezen(resultaten):
    return [
        (r.pk, r.gebied, r.aan_de_orde, [(t.pk, t.trede, t.besproken, t.bevinding) for t in r.treden.all()])
        for r in resultaten
    ]


def test_twee_queries_ook_met_een_gebied_zonder_treden(onderzoek, consulent, django_assert_num_queries):
    ladder_invullen(resultaat(onderzoek), consulent)
    with django_assert_num_queries(2):
        gelezen = _gelezen(_resultaten_met_ladder(onderzoek))
    assert gelezen == _zoals_prefetch(onderzoek)
    assert len(gelezen) == 8 and all(len(treden) == len(Trede.values) for *_, treden in gelezen)
    assert any(besproken for *_, treden in gelezen for _, _, besproken, _ in treden)
    LadderTrede.objects.filter(resultaat=resultaat(onderzoek)).delete()
    with django_assert_num_queries(2):
        _gelezen(_resultaten_met_ladder(onderzoek))


def test_gebied_zonder_treden_blijft_zichtbaar(client, onderzoek, consulent):
    zonder = ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).order_by("gebied")[3]
    LadderTrede.objects.filter(resultaat=zonder).delete()
    gelezen = _gelezen(_resultaten_met_ladder(onderzoek))
    assert gelezen == _zoals_prefetch(onderzoek) and len(gelezen) == 8
    client.force_login(consulent)
    pagina = client.get(reverse("gesprekken:onderzoek", args=[onderzoek.melding_id])).content.decode()
    assert f'id="kop-r{zonder.gebied}"' in pagina


def _zoals_orm(obj, met=()):
    """Every field read, and of each related object given to select_related its fields."""
    velden = {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname in obj.__dict__
    }
    return (type(obj), velden, {fk: _zoals_orm(getattr(obj, fk)) if getattr(obj, fk) else None for fk in met})


def test_vier_lijsten_in_een_query(onderzoek, consulent, catalogus, django_assert_num_queries):
    melding = onderzoek.melding
    vandaag = timezone.localdate()
    for dagen in (3, 1):
        services.gesprek_plannen(
            melding=melding,
            door=consulent,
            consulent=consulent,
            gepland_op=timezone.now() + timedelta(days=dagen),
        )
    for naam, inhoud in (("plan.pdf", b"%PDF-1.4 plan"), ("foto.png", b"\x89PNG plan")):
        services.persoonlijk_plan_opslaan(
            melding=melding, door=consulent, naam=naam, inhoud=inhoud, ontvangen_op=vandaag
        )
    services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=consulent,
        actie="Bellen",
        uiterlijk=vandaag + timedelta(days=9),
        eigenaar=consulent,
    )
    services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek, door=consulent, actie="Folder", uiterlijk=vandaag, eigenaar_anders="De dochter"
    )
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    verwacht = {
        "gesprekken": [_zoals_orm(g, ["consulent"]) for g in melding.gesprekken.select_related("consulent")],
        "plannen": [_zoals_orm(p) for p in melding.persoonlijke_plannen.defer("inhoud")],
        "vervolgafspraken": [
            _zoals_orm(a, ["eigenaar"]) for a in onderzoek.vervolgafspraken.select_related("eigenaar")
        ],
        "versies": [
            _zoals_orm(v, ["brief"]) for v in onderzoek.versies.select_related("brief").defer("brief__pdf")
        ],
    }
    assert [len(v) for v in verwacht.values()] == [2, 2, 2, 1]
    # Twice: the first call compiles the UNION, the second runs the SQL kept for this shape.
    lijsten._GECOMPILEERD.clear()
    for keer in range(2):
        with django_assert_num_queries(1):
            gelezen = modellen_lezen(
                gesprekken=Lijst(melding.gesprekken.all(), met={"consulent": ()}),
                plannen=Lijst(melding.persoonlijke_plannen.all(), zonder=("inhoud",)),
                vervolgafspraken=Lijst(onderzoek.vervolgafspraken.all(), met={"eigenaar": ()}),
                versies=Lijst(onderzoek.versies.all(), met={"brief": ("pdf",)}),
            )
        assert len(lijsten._GECOMPILEERD) == 1, keer
        with django_assert_num_queries(0):
            assert {
                "gesprekken": [_zoals_orm(g, ["consulent"]) for g in gelezen["gesprekken"]],
                "plannen": [_zoals_orm(p) for p in gelezen["plannen"]],
                "vervolgafspraken": [_zoals_orm(a, ["eigenaar"]) for a in gelezen["vervolgafspraken"]],
                "versies": [_zoals_orm(v, ["brief"]) for v in gelezen["versies"]],
            } == verwacht
        assert gelezen["vervolgafspraken"][0].eigenaar is None  # the earliest, with "De dochter"


def test_bewaarde_sql_met_andere_waarden(onderzoek, consulent, django_assert_num_queries):
    """The SQL kept for a shape reads another onderzoek's lists with that onderzoek's values."""
    from tests.factories import MeldingFactory
    from tests.gesprekken.factories import OnderzoekFactory

    ander = OnderzoekFactory(
        melding=MeldingFactory(
            team=onderzoek.melding.team, inwoner__gemeente=onderzoek.melding.inwoner.gemeente
        ),
        door=consulent,
    )
    for o, actie in ((onderzoek, "Eerste"), (ander, "Tweede")):
        services.vervolgafspraak_toevoegen(
            onderzoek=o, door=consulent, actie=actie, uiterlijk=timezone.localdate(), eigenaar=consulent
        )
    lijsten._GECOMPILEERD.clear()
    for o, actie in ((onderzoek, "Eerste"), (ander, "Tweede"), (onderzoek, "Eerste")):
        with django_assert_num_queries(1):
            gelezen = modellen_lezen(
                afspraken=Lijst(o.vervolgafspraken.all(), met={"eigenaar": ()}),
                versies=Lijst(o.versies.all(), met={"brief": ("pdf",)}),
            )
        assert [a.actie for a in gelezen["afspraken"]] == [actie]
        assert gelezen["afspraken"][0].eigenaar == consulent and gelezen["versies"] == []
    assert len(lijsten._GECOMPILEERD) == 1
