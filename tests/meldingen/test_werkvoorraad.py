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
    assert wachtrij[0].pk == verlopen.pk and wachtrij[0].termijnstatus == "verlopen"
    assert [m.onderzoek_deadline for m in wachtrij] == sorted(m.onderzoek_deadline for m in wachtrij)
    assert {oud.pk, nieuw.pk} <= {m.pk for m in wachtrij}
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
    # 11, the history of every step in the timeline (with the names) being one query: fixed,
    # whatever the dossier's size (tests/wmo/test_query_budget.py).
    with django_assert_max_num_queries(11) as klein:
        client.get(reverse("meldingen:dossier", args=[inwoner.pk]))
    for _ in range(6):
        m = MeldingFactory(team=team, inwoner=inwoner)
        melding_onderzoek_starten(melding=m, door=consulent)
    with django_assert_max_num_queries(11) as groot:
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


# --- The one assign control (issue 14): choose a row, then assign; no form per row ----------


def test_een_toewijsknop_voor_de_hele_lijst(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    rol_gebruiker(Rol.CONSULENT)
    meldingen = _meldingen(team, 5)
    client.force_login(loket)
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert html.count('id="toewijzen"') == 1 and html.count(">Toewijzen</button>") == 1
    assert html.count('name="melding"') == 5 and html.count('form="toewijzen"') == 5
    for melding in meldingen:
        assert f'aria-label="Kies {melding.kenmerk}"' in html
        assert f'href="{reverse("meldingen:melding", args=[melding.pk])}"' in html
        assert f'href="{reverse("meldingen:dossier", args=[melding.inwoner_id])}"' in html


def test_toewijzen_met_de_ene_knop_zonder_javascript(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = _meldingen(team, 2)[1]
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:werkvoorraad_toewijzen"),
        {"melding": melding.pk, "consulent": consulent.pk, "volgende": "/?pagina_wachtrij=1"},
    )
    assert response.status_code == 302 and response["Location"] == "/?pagina_wachtrij=1"
    melding.refresh_from_db()
    assert melding.consulent == consulent
    assert melding.history.first().history_change_reason.startswith("Toegewezen aan")
    pagina = client.get(response["Location"]).content.decode()
    assert f"{melding.kenmerk} is toegewezen aan {consulent}" in pagina


def test_toewijzen_zonder_gekozen_rij_zegt_wat_te_doen_en_bewaart_de_keuze(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    consulent = rol_gebruiker(Rol.CONSULENT)
    _meldingen(team, 1)
    client.force_login(loket)
    response = client.post(reverse("meldingen:werkvoorraad_toewijzen"), {"consulent": consulent.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_melding_error"' in html and "Kies eerst een melding in de lijst." in html
    assert 'aria-describedby="id_melding_error"' in html  # the radios point at the message
    assert f'<option value="{consulent.pk}" selected>' in html


def test_toewijzen_aan_consulent_van_ander_team_met_de_ene_knop(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    ander = rol_gebruiker(Rol.CONSULENT, team=TeamFactory(organisatie=team.organisatie))
    melding = _meldingen(team, 1)[0]
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:werkvoorraad_toewijzen"), {"melding": melding.pk, "consulent": ander.pk}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "werkt niet in het team van" in html
    assert f'value="{melding.pk}" form="toewijzen" aria-label="Kies {melding.kenmerk}" checked' in html
    melding.refresh_from_db()
    assert melding.consulent is None


def test_toewijzen_van_melding_buiten_bereik_is_404(client, rol_gebruiker, team):
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    vreemd = MeldingFactory()  # another organisation and gemeente
    client.force_login(loket)
    response = client.post(
        reverse("meldingen:werkvoorraad_toewijzen"), {"melding": vreemd.pk, "consulent": ""}
    )
    assert response.status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.consulent is None


def test_elke_lijst_heeft_eigen_paginas(client, rol_gebruiker, team):
    from meldingen.views import PER_PAGINA

    consulent = rol_gebruiker(Rol.CONSULENT)
    _meldingen(team, PER_PAGINA + 1)  # the team's queue: two pages
    _meldingen(team, 2, consulent=consulent)
    client.force_login(consulent)
    eerste = client.get(reverse("werkvoorraad"))
    assert len(eerste.context["wachtrij"]) == PER_PAGINA and len(eerste.context["mijn"]) == 2
    html = eerste.content.decode()
    assert '<nav aria-label="Pagina\'s van de wachtrij van mijn team">' in html
    assert 'href="?pagina_wachtrij=2#kop-wachtrij">Volgende 50</a>' in html
    tweede = client.get(reverse("werkvoorraad"), {"pagina_wachtrij": "2"})
    assert len(tweede.context["wachtrij"]) == 1 and len(tweede.context["mijn"]) == 2
    assert "Wachtrij van mijn team (pagina 2)" in tweede.content.decode()
    assert 'href="?pagina_wachtrij=1#kop-wachtrij">Vorige 50</a>' in tweede.content.decode()
