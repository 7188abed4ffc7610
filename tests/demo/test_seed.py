"""manage.py seed: set-based, every row valid, idempotent, shaped like a region (small numbers)."""

import hashlib
import io
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef
from django.utils import timezone

from aanvragen.models import Aanvraag, Beschikking, BeschikkingRegel, Opschorting
from demo.management.commands.seed import ACHTERNAMEN, PLACEHOLDER_PDF, splits_naam
from gesprekken.models import Gesprek, Onderzoek, VerslagVersie
from meldingen.constants import OPEN_STATUSSEN, MeldingStatus
from meldingen.models import Inwoner, Melding
from wmo import termijnen
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief, Gemeente, Medewerker, Organisatie, Team, gelijkgestelde_dagen
from wmo.validators import bsn_elfproef

pytestmark = pytest.mark.django_db


def _seed(**kwargs):
    uit = io.StringIO()
    call_command(
        "seed",
        meldingen=kwargs.pop("meldingen", 600),
        gemeenten=kwargs.pop("gemeenten", 6),
        consulenten=kwargs.pop("consulenten", 20),
        stil=True,
        stdout=uit,
        **kwargs,
    )
    return uit.getvalue()


def _fks(tabel: str) -> set[str]:
    with connection.cursor() as c:
        c.execute(
            "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = %s::regclass", [tabel]
        )
        return {r[0] for r in c.fetchall()}


def _indexen(tabel: str) -> set[str]:
    with connection.cursor() as c:
        c.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [tabel])
        return {r[0] for r in c.fetchall()}


def test_seed_maakt_dossiers_in_elke_fase():
    fks, indexen = _fks("meldingen_melding"), _indexen("meldingen_melding")
    assert "Klaar: 600 meldingen" in _seed()
    assert Melding.objects.count() == 600
    assert Gemeente.objects.filter(cbs_code__startswith="S").count() == 6
    assert Medewerker.objects.filter(groups__name=Rol.CONSULENT).count() == 20
    # A teamleider and a loketmedewerker for every team, and every seed user can log in.
    teams = Team.objects.filter(naam__startswith="Seed").count()
    assert Medewerker.objects.filter(groups__name=Rol.TEAMLEIDER).count() == teams
    assert Medewerker.objects.get(username="seed-teamleider-1").check_password("keukentafel-bench")
    statussen = set(Melding.objects.values_list("status", flat=True))
    assert {MeldingStatus.AFGESLOTEN, MeldingStatus.BESLOTEN} <= statussen
    assert statussen & set(OPEN_STATUSSEN)
    assert Aanvraag.objects.exists() and Beschikking.objects.exists() and BeschikkingRegel.objects.exists()
    assert Gesprek.objects.exists() and Onderzoek.objects.exists() and VerslagVersie.objects.exists()
    assert Melding.history.filter(history_type="+").count() == 600
    assert (
        Melding.history.filter(history_type="~").count()
        == Melding.objects.exclude(status="ontvangen").count()
    )
    for model in (Aanvraag, Beschikking, Gesprek, Onderzoek, Opschorting, VerslagVersie):
        assert model.history.count() == model.objects.count(), model
    assert all(bsn_elfproef(b) for b in Inwoner.objects.values_list("bsn", flat=True))
    # Deadlines are the engine's, suspensions counted (Awb 4:15).
    extra = gelijkgestelde_dagen()
    for m in Melding.objects.all()[:50]:
        assert m.onderzoek_deadline == termijnen.onderzoek_deadline(m.ontvangen_datum, extra)
    for a in Aanvraag.objects.prefetch_related("opschortingen")[:200]:
        assert a.beslis_deadline == termijnen.beslis_deadline(
            a.ontvangen_op, [o.interval for o in a.opschortingen.all()], extra
        )
    # Every melding is handled by a team of an organisation that serves its gemeente, and its
    # consulent belongs to that team.
    bedient = Organisatie.gemeenten.through.objects.filter(
        organisatie=OuterRef("team__organisatie"), gemeente=OuterRef("gemeente")
    )
    assert not Melding.objects.filter(~Exists(bedient)).exists()
    assert not Melding.objects.filter(consulent__isnull=False).exclude(consulent__team=F("team")).exists()
    # The foreign keys and indexes dropped for the load are back.
    assert _fks("meldingen_melding") == fks and _indexen("meldingen_melding") == indexen


def test_elke_melding_heeft_samenhangende_rijen():
    _seed(meldingen=800)
    # One ontvangstbevestiging per melding; a verslag letter per verslag, a beschikking letter per
    # beschikking, each about the same melding; the PDF is the shared placeholder.
    bevestigingen = Brief.objects.filter(soort=BriefSoort.ONTVANGSTBEVESTIGING)
    assert sorted(bevestigingen.values_list("melding_id", flat=True)) == sorted(
        Melding.objects.values_list("pk", flat=True)
    )
    assert bytes(Brief.objects.first().pdf) == PLACEHOLDER_PDF
    for b in bevestigingen.select_related("melding__inwoner")[:100]:
        assert b.kenmerk == b.melding.kenmerk and b.ontvanger_naam == b.melding.inwoner.naam
        assert b.verstuurd_op == b.melding.ontvangen_op
        assert b.sha256 == hashlib.sha256(PLACEHOLDER_PDF).hexdigest()
    for v in VerslagVersie.objects.select_related("brief", "onderzoek")[:200]:
        assert v.brief.soort == BriefSoort.VERSLAG and v.brief.melding_id == v.onderzoek.melding_id
    for b in Beschikking.objects.select_related("brief", "aanvraag")[:200]:
        assert b.brief.soort == BriefSoort.BESCHIKKING and b.brief.melding_id == b.aanvraag.melding_id
        assert b.aanvraag.besloten_op == b.bekendgemaakt_op
    # Stages agree: an aanvraag only after the verslag, a beschikking only for besloten meldingen,
    # an onderzoek and gesprekken only with a consulent of the melding's team.
    assert not Aanvraag.objects.exclude(
        melding__status__in=[MeldingStatus.AANVRAAG_ONTVANGEN, MeldingStatus.BESLOTEN]
    ).exists()
    assert not Beschikking.objects.exclude(aanvraag__melding__status=MeldingStatus.BESLOTEN).exists()
    assert Melding.objects.filter(status=MeldingStatus.BESLOTEN).count() == Beschikking.objects.count()
    assert not Onderzoek.objects.filter(melding__status=MeldingStatus.ONTVANGEN).exists()
    assert not Gesprek.objects.exclude(consulent__team=F("melding__team")).exists()
    assert VerslagVersie.objects.filter(aanvraag__isnull=False).count() == Aanvraag.objects.count()
    assert Opschorting.objects.exists()
    # Team, gemeente (and consulent) on the rows below the melding equal the melding's, when the
    # models carry them (issue 14).
    for model, pad in ((Aanvraag, "melding"), (Beschikking, "aanvraag__melding"), (Gesprek, "melding")):
        for veld in ("team", "gemeente"):
            if any(f.name == veld for f in model._meta.concrete_fields):
                assert not model.objects.exclude(**{veld: F(f"{pad}__{veld}")}).exists(), (model, veld)
    # Nothing lies in the future that cannot.
    assert not Melding.objects.filter(ontvangen_op__gt=timezone.now()).exists()
    assert not Brief.objects.filter(verstuurd_op__gt=timezone.now()).exists()
    assert not Aanvraag.objects.filter(besloten_op__gt=timezone.localdate()).exists()


def test_de_regio_is_scheef_en_de_namen_zijn_echt():
    _seed(meldingen=2000, gemeenten=12, consulenten=60)
    per_gemeente = sorted(
        Melding.objects.values("gemeente").annotate(n=Count("pk")).values_list("n", flat=True), reverse=True
    )
    # One large city, small villages: the largest gemeente has several times the median's meldingen.
    assert per_gemeente[0] > 4 * per_gemeente[len(per_gemeente) // 2]
    # Teams differ in size (consulenten follow the work).
    grootte = list(
        Medewerker.objects.filter(groups__name=Rol.CONSULENT)
        .values("team")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert max(grootte) >= 3 * min(grootte)
    # Surnames: many distinct ones, the most common a few percent, a voorvoegsel for a good share,
    # stored apart as the BRP does.
    inwoners = list(Inwoner.objects.values_list("tussenvoegsel", "achternaam"))
    tellingen = Counter(inwoners)
    assert len(tellingen) > 100
    assert 0.01 < tellingen.most_common(1)[0][1] / len(inwoners) < 0.10
    voorvoegsels = Counter(tv for tv, _ in inwoners if tv)
    assert {"de", "van", "van der", "van den"} <= set(voorvoegsels)
    assert 0.15 < sum(voorvoegsels.values()) / len(inwoners) < 0.5
    assert not any(a[:1].islower() for _, a in inwoners)
    # Recent years weigh more.
    nu = timezone.now()
    recent = Melding.objects.filter(ontvangen_op__gte=nu - timedelta(days=730)).count()
    oud = Melding.objects.filter(ontvangen_op__lt=nu - timedelta(days=365 * 8)).count()
    assert recent > 2 * oud > 0


def test_voorvoegsel_los_van_de_naam():
    assert splits_naam("van der Meer") == ("van der", "Meer")
    assert splits_naam("in 't Veld") == ("in 't", "Veld")
    assert splits_naam("El Amrani") == ("", "El Amrani")
    assert splits_naam("Jansen") == ("", "Jansen")
    assert len(set(ACHTERNAMEN)) > 250


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
