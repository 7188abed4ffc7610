"""The dossier's timeline read in one query (issue 14) shows exactly what the per-table reading did.

``_per_tabel`` is the timeline as it was built before: one query per history table, the names
looked up afterwards, sorted in Python. A dossier with every step (melding, inwoner, gesprek,
triage, aanvraag, beschikking, bezwaar, toewijzing, letters), rows at the same moment in several
tables, a change without a reason, a user without a name, no user at all and a melding of another
team must give the same entries in the same order, on the page and from ``tijdlijn`` itself.
"""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag, Beschikking, Bezwaar
from aanvragen.services import bezwaar_registreren
from gesprekken import services as gesprek_services
from gesprekken.constants import TriageReden
from gesprekken.models import Gesprek, Triage
from iwmo.models import Toewijzing
from meldingen.constants import MeldingStatus
from meldingen.dossier import tijdlijn
from meldingen.models import Melding
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import MeldingFactory, TeamFactory
from wmo.constants import Rol
from wmo.models import Brief, Medewerker

pytestmark = pytest.mark.django_db


def _per_tabel(inwoner, meldingen, brieven):
    """The timeline as meldingen.dossier built it before issue 14 (one query per table)."""
    per_id = {m.pk: m for m in meldingen}
    items = []
    for h in Melding.history.filter(id__in=per_id).select_related("history_user"):
        wat = h.history_change_reason or (
            "Melding geregistreerd" if h.history_type == "+" else f"Status: {MeldingStatus(h.status).label}"
        )
        items.append(
            (h.history_date, wat, str(h.history_user) if h.history_user else "systeem", per_id[h.id], None)
        )
    for h in inwoner.history.select_related("history_user"):
        wat = h.history_change_reason or (
            "Inwoner geregistreerd" if h.history_type == "+" else "Gegevens inwoner gewijzigd"
        )
        items.append((h.history_date, wat, str(h.history_user) if h.history_user else "systeem", None, None))
    stappen = [
        (Gesprek, "melding_id", "Gesprek gepland"),
        (Triage, "melding_id", "Triage: verder zonder breed gesprek"),
        (Aanvraag, "melding_id", "Aanvraag geregistreerd"),
        (Beschikking, "aanvraag__melding_id", "Beschikking opgesteld"),
        (Bezwaar, "beschikking__aanvraag__melding_id", "Bezwaar ontvangen"),
        (Toewijzing, "regel__beschikking__aanvraag__melding_id", "Toewijzing aan de aanbieder"),
    ]
    namen = {m.pk: str(m) for m in Medewerker.objects.all()}
    for model, pad, standaard in stappen:
        rijen = model.history.filter(**{f"{pad}__in": per_id}).values_list(
            "history_date", "history_type", "history_change_reason", "history_user", pad
        )
        for datum, soort, reden, user_id, melding_id in rijen:
            if soort == "+" or reden:
                items.append(
                    (datum, reden or standaard, namen.get(user_id, "systeem"), per_id[melding_id], None)
                )
    for b in brieven:
        wat = (
            f"{'Kopie' if b.origineel_id else 'Brief'} verstuurd: {b.get_soort_display()}"
            f" aan {b.ontvanger_naam or inwoner.naam}"
            + (f" ({b.get_ontvanger_rol_display()})" if b.ontvanger_rol != "inwoner" else "")
        )
        items.append(
            (b.verstuurd_op, wat, str(b.verstuurd_door) if b.verstuurd_door else "systeem", b.melding, b.pk)
        )
    items.sort(key=lambda i: i[0], reverse=True)
    return items


def _als_rijen(gebeurtenissen):
    return [(g.tijdstip, g.wat, g.door, g.melding, g.brief_id) for g in gebeurtenissen]


@pytest.fixture
def dossier(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    naamloos = rol_gebruiker(Rol.CONSULENT, first_name="", last_name="")  # shown by username
    gemeente = team.organisatie.gemeenten.first()
    beschikking = BeschikkingFactory(
        verstuurd=True,
        door=consulent,
        aanvraag__melding__team=team,
        aanvraag__melding__consulent=consulent,
        aanvraag__melding__inwoner__gemeente=gemeente,
    )
    melding = beschikking.aanvraag.melding
    inwoner = melding.inwoner
    bezwaar_registreren(
        beschikking=beschikking, ontvangen_op=timezone.localdate(), gronden="Te weinig uren.", door=naamloos
    )
    regel = beschikking.regels.get()
    toewijzing = Toewijzing.objects.create(
        regel=regel,
        aanbieder=regel.aanbieder,
        gemeente=gemeente,
        inwoner=inwoner,
        nummer=900001,
        ingangsdatum=timezone.localdate(),
        toegewezen_op=timezone.now(),
    )
    toewijzing.save()  # a change without a reason: not in the timeline
    tweede = MeldingFactory(team=team, inwoner=inwoner, consulent=consulent)
    gesprek_services.gesprek_plannen(
        melding=tweede,
        door=consulent,
        consulent=consulent,
        gepland_op=timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=3), time(10))),
    )
    derde = MeldingFactory(team=team, inwoner=inwoner, consulent=naamloos)
    gesprek_services.triage_vastleggen(
        melding=derde, door=naamloos, reden=TriageReden.ENKELVOUDIG, toelichting="Alleen een traplift."
    )
    inwoner.telefoon = "06 8765 4321"
    inwoner.save()  # no user, no reason: "Gegevens inwoner gewijzigd" by "systeem"
    # Another team's melding of the same inwoner: not in the consulent's scope, not in the timeline.
    MeldingFactory(team=TeamFactory(organisatie=team.organisatie), inwoner=inwoner)
    # Rows of several tables at the very same moment: the order between them must hold too.
    zelfde = timezone.now() - timedelta(hours=1)
    for model in (Melding, Gesprek, Triage, Aanvraag, Beschikking, Bezwaar, Toewijzing):
        model.history.all().update(history_date=zelfde)
    inwoner.history.filter(history_type="+").update(history_date=zelfde)
    Brief.objects.filter(inwoner=inwoner).update(verstuurd_op=zelfde)
    return {"consulent": consulent, "inwoner": inwoner, "meldingen": [melding, tweede, derde]}


def test_tijdlijn_gelijk_aan_lezen_per_tabel(client, dossier):
    client.force_login(dossier["consulent"])
    response = client.get(reverse("meldingen:dossier", args=[dossier["inwoner"].pk]))
    assert response.status_code == 200
    context = response.context
    verwacht = _per_tabel(context["inwoner"], context["meldingen"], context["brieven"])
    assert _als_rijen(context["tijdlijn"]) == verwacht
    assert _als_rijen(tijdlijn(context["inwoner"], context["meldingen"], context["brieven"])) == verwacht
    # The dossier has what this test is about: every step, ties, the fallbacks for names.
    wat = [rij[1] for rij in verwacht]
    for stap in (
        "Melding geregistreerd",
        "Inwoner geregistreerd",
        "Gegevens inwoner gewijzigd",
        "Gesprek gepland",
        "Aanvraag geregistreerd",
        "Bezwaar ontvangen",
        "Toewijzing aan de aanbieder",
    ):
        assert stap in wat, stap
    assert any(w.startswith("Triage") for w in wat) and any(w.startswith("Brief verstuurd") for w in wat)
    assert any(w.startswith("Beschikking") for w in wat)
    door = {rij[2] for rij in verwacht}
    assert "systeem" in door and any(d.startswith("medewerker") for d in door)
    assert len({rij[0] for rij in verwacht}) < len(verwacht) - 10  # many at the same moment
    assert {rij[3] for rij in verwacht} - {None} == set(dossier["meldingen"])


def test_tijdlijn_zonder_zichtbare_meldingen_toont_de_inwoner(dossier):
    regels = tijdlijn(dossier["inwoner"], [], [])
    assert [g.wat for g in regels] == ["Gegevens inwoner gewijzigd", "Inwoner geregistreerd"]
    assert all(g.melding is None for g in regels)


def test_bewaarde_unie_is_die_van_de_orm(dossier):
    """The UNION compiled once with stand-in ids (meldingen.dossier._sql_en_params) is the ORM's
    own SQL with the dossier's ids in their places, from the cache as well as when compiled."""
    from meldingen import dossier as tl

    stappen = tl._STAPPEN()
    inwoner_id = dossier["inwoner"].pk
    tl._GECOMPILEERD.clear()
    for ids in ([m.pk for m in dossier["meldingen"]], [dossier["meldingen"][1].pk], []):
        orm_sql, orm_params = tl._unie(inwoner_id, ids, stappen).query.sql_with_params()
        for _ in range(2):  # compiled, then from the cache
            sql, params, _converters = tl._sql_en_params(inwoner_id, ids, stappen)
            assert (sql, [(type(p), p) for p in params]) == (orm_sql, [(type(p), p) for p in orm_params])
    assert len(tl._GECOMPILEERD) == 3
