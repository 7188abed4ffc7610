"""manage.py seed: set-based, every row valid, idempotent (tested with a small number)."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Exists, F, OuterRef

from aanvragen.models import Aanvraag, Beschikking, BeschikkingRegel
from gesprekken.models import Gesprek
from meldingen.constants import OPEN_STATUSSEN, MeldingStatus
from meldingen.models import Inwoner, Melding
from wmo import termijnen
from wmo.constants import Rol
from wmo.models import Gemeente, Medewerker, Organisatie, gelijkgestelde_dagen
from wmo.validators import bsn_elfproef

pytestmark = pytest.mark.django_db


def _seed(**kwargs):
    uit = io.StringIO()
    call_command(
        "seed",
        meldingen=kwargs.pop("meldingen", 600),
        gemeenten=6,
        consulenten=20,
        stil=True,
        stdout=uit,
        **kwargs,
    )
    return uit.getvalue()


def test_seed_maakt_dossiers_in_elke_fase():
    assert "Klaar: 600 meldingen" in _seed()
    assert Melding.objects.count() == 600
    assert Gemeente.objects.filter(cbs_code__startswith="S").count() == 6
    assert Medewerker.objects.filter(groups__name=Rol.CONSULENT).count() == 20
    assert Medewerker.objects.filter(groups__name=Rol.TEAMLEIDER).count() == 2
    statussen = set(Melding.objects.values_list("status", flat=True))
    assert {MeldingStatus.AFGESLOTEN, MeldingStatus.BESLOTEN} <= statussen
    assert statussen & set(OPEN_STATUSSEN)
    assert Aanvraag.objects.exists() and Beschikking.objects.exists() and BeschikkingRegel.objects.exists()
    assert Gesprek.objects.exists()
    assert Melding.history.count() == 600
    assert Aanvraag.history.count() == Aanvraag.objects.count()
    assert all(bsn_elfproef(b) for b in Inwoner.objects.values_list("bsn", flat=True))
    # Deadlines are the engine's.
    extra = gelijkgestelde_dagen()
    for m in Melding.objects.all()[:50]:
        assert m.onderzoek_deadline == termijnen.onderzoek_deadline(m.ontvangen_datum, extra)
    for a in Aanvraag.objects.all()[:50]:
        assert a.beslis_deadline == termijnen.beslis_deadline(a.ontvangen_op, [], extra)
    # Every melding is handled by a team of an organisation that serves its gemeente, and its
    # consulent belongs to that team.
    bedient = Organisatie.gemeenten.through.objects.filter(
        organisatie=OuterRef("team__organisatie"), gemeente=OuterRef("gemeente")
    )
    assert not Melding.objects.filter(~Exists(bedient)).exists()
    assert not Melding.objects.filter(consulent__isnull=False).exclude(consulent__team=F("team")).exists()


def test_seed_nog_een_keer_voegt_niets_toe():
    _seed(meldingen=50)
    assert "staan er al" in _seed(meldingen=50)
    assert Melding.objects.count() == 50


def test_nieuwe_rijen_krijgen_een_vrij_id():
    _seed(meldingen=20)
    # The sequences moved on: a normal insert after the COPY does not collide.
    m = Melding.objects.order_by("-pk").first()
    Melding.objects.filter(pk=m.pk).update(hulpvraag="x")
    from tests.factories import MeldingFactory

    assert MeldingFactory().pk > m.pk
