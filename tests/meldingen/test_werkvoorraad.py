"""Werkvoorraad and dossier: sorted by deadline, assignable, bounded query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.services import melding_onderzoek_starten
from tests.factories import MeldingFactory, TeamFactory, on_day
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


def _meldingen(team, n, **kw):
    gemeente = team.organisatie.gemeenten.first()
    return [
        MeldingFactory(
            team=team,
            inwoner__gemeente=gemeente,
            ontvangen_op=on_day(timezone.localdate() - timedelta(days=i * 3)),
            **kw,
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.LOKETMEDEWERKER, Rol.TEAMLEIDER])
def test_werkvoorraad_query_budget_onafhankelijk_van_aantal(
    client, rol_gebruiker, team, django_assert_max_num_queries, rol
):
    user = rol_gebruiker(rol)
    client.force_login(user)
    _meldingen(team, 2, consulent=user if rol == Rol.CONSULENT else None)
    # 12 for the meldingen, +1 for "Mijn vervolgafspraken" (gesprekken), +2 for nazorg and
    # voorzieningen that end soon (aanvragen): each one bounded query; +2 for the access log
    # (wmo.inzagelog: the lock with the chain's head, one insert for every inwoner listed); +2 for
    # the consulent's iWmo work (verzoeken of aanbieders, "aanbieder nog niet gestart"); +1 for the
    # consulent's signals from the BRP (brp.query.werkvoorraad_signalen).
    with django_assert_max_num_queries(21) as klein:
        client.get(reverse("werkvoorraad"))
    _meldingen(team, 12, consulent=user if rol == Rol.CONSULENT else None)
    _meldingen(team, 5)
    with django_assert_max_num_queries(21) as groot:
        response = client.get(reverse("werkvoorraad"))
    assert response.status_code == 200
    assert len(groot.captured_queries) == len(klein.captured_queries)


def test_wachtrij_gesorteerd_op_termijn_en_met_status(client, rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    oud, nieuw = _meldingen(team, 2)[1], None
    nieuw = MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    verlopen = MeldingFactory(
        team=team,
        inwoner__gemeente=team.organisatie.gemeenten.first(),
        ontvangen_op=on_day(timezone.localdate() - timedelta(days=60)),
    )
    client.force_login(consulent)
    response = client.get(reverse("werkvoorraad"))
    wachtrij = response.context["wachtrij"]
    assert wachtrij[0] == verlopen and wachtrij[0].termijnstatus == "verlopen"
    assert [m.onderzoek_deadline for m in wachtrij] == sorted(m.onderzoek_deadline for m in wachtrij)
    assert {oud, nieuw} <= set(wachtrij)
    assert "(verlopen)" in response.content.decode()


def test_toewijzen_vanuit_werkvoorraad_met_en_zonder_htmx(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = _meldingen(team, 1)[0]
    client.force_login(loket)
    url = reverse("meldingen:melding_toewijzen", args=[melding.pk])
    # Without JavaScript: a normal post and a redirect back.
    response = client.post(url, {"consulent": consulent.pk, "volgende": reverse("werkvoorraad")})
    assert response.status_code == 302 and response["Location"] == reverse("werkvoorraad")
    melding.refresh_from_db()
    assert melding.consulent == consulent
    # With htmx: the row comes back as a fragment.
    response = client.post(
        url, {"consulent": ""}, headers={"HX-Request": "true", "HX-Target": f"rij-{melding.pk}"}
    )
    html = response.content.decode()
    assert (
        response.status_code == 200
        and html.strip().startswith(f'<tr id="rij-{melding.pk}"')
        and "<html" not in html
    )
    melding.refresh_from_db()
    assert melding.consulent is None
    assert melding.history.first().history_change_reason == "Toegewezen aan de wachtrij van het team"


def test_toewijzen_aan_consulent_van_ander_team_geweigerd(client, rol_gebruiker, team):
    from tests.factories import TeamFactory

    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    ander = rol_gebruiker(Rol.CONSULENT, team=TeamFactory(organisatie=team.organisatie))
    melding = _meldingen(team, 1)[0]
    client.force_login(loket)
    response = client.post(reverse("meldingen:melding_toewijzen", args=[melding.pk]), {"consulent": ander.pk})
    assert response.status_code == 200
    assert "geldige keuze" in response.content.decode()
    melding.refresh_from_db()
    assert melding.consulent is None


def test_consulent_mag_niet_toewijzen(client, rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = _meldingen(team, 1)[0]
    client.force_login(consulent)
    assert (
        client.post(
            reverse("meldingen:melding_toewijzen", args=[melding.pk]), {"consulent": consulent.pk}
        ).status_code
        == 403
    )


def test_dossier_tijdlijn_en_query_budget(client, rol_gebruiker, team, django_assert_max_num_queries):
    consulent = rol_gebruiker(Rol.CONSULENT)
    eerste = _meldingen(team, 1)[0]
    inwoner = eerste.inwoner
    client.force_login(consulent)
    # 16 for the dossier itself, +6 for the later steps in the timeline (gesprek, triage,
    # aanvraag, beschikking, bezwaar history, and the names): fixed, whatever the dossier's size.
    with django_assert_max_num_queries(23) as klein:
        client.get(reverse("meldingen:dossier", args=[inwoner.pk]))
    for _ in range(6):
        m = MeldingFactory(team=team, inwoner=inwoner)
        melding_onderzoek_starten(melding=m, door=consulent)
    with django_assert_max_num_queries(23) as groot:
        response = client.get(reverse("meldingen:dossier", args=[inwoner.pk]))
    assert len(groot.captured_queries) == len(klein.captured_queries)
    tijdlijn = response.context["tijdlijn"]
    assert [g.tijdstip for g in tijdlijn] == sorted((g.tijdstip for g in tijdlijn), reverse=True)
    wat = [g.wat for g in tijdlijn]
    assert wat.count("Onderzoek gestart") == 6 and wat.count("Melding geregistreerd") == 7
    assert wat.count("Inwoner geregistreerd") == 1


def test_overige_meldingen_per_pagina(client, rol_gebruiker, team):
    from meldingen.views import PER_PAGINA

    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    ander_team = TeamFactory(organisatie=team.organisatie)
    gemeente = team.organisatie.gemeenten.first()
    for _ in range(PER_PAGINA + 1):
        MeldingFactory(team=ander_team, inwoner__gemeente=gemeente)
    client.force_login(loket)
    eerste = client.get(reverse("werkvoorraad"))
    tweede = client.get(reverse("werkvoorraad"), {"pagina": "2"})
    onzin = client.get(reverse("werkvoorraad"), {"pagina": "abc"})
    assert len(eerste.context["alle"]) == PER_PAGINA and eerste.context["meer"]
    assert len(tweede.context["alle"]) == 1 and not tweede.context["meer"]
    assert "Volgende 50" in eerste.content.decode() and "Vorige 50" in tweede.content.decode()
    assert onzin.status_code == 200 and onzin.context["pagina"] == 1


def test_wachtrij_toont_de_eerste_vijftig(client, rol_gebruiker, team):
    from meldingen.views import PER_PAGINA

    consulent = rol_gebruiker(Rol.CONSULENT)
    for _ in range(PER_PAGINA + 1):
        MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(consulent)
    response = client.get(reverse("werkvoorraad"))
    assert len(response.context["wachtrij"]) == PER_PAGINA and response.context["wachtrij_meer"]
    assert "Er wachten meer meldingen" in response.content.decode()
