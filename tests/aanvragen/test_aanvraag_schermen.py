"""The aanvraag screens through the real views: register, suspend, resume, notify, decide."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from aanvragen.models import Aanvraag
from tests.aanvragen.factories import AanvraagFactory
from tests.factories import MeldingFactory, on_day
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db


@pytest.fixture
def consulent_en_aanvraag(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, in_onderzoek=True, ontvangen_op=on_day(date(2026, 4, 1)),
        inwoner__gemeente=team.organisatie.gemeenten.first(),
    )  # fmt: skip
    return consulent, AanvraagFactory(melding=melding, door=consulent)  # beslistermijn until 6 May 2026


def _actie(aanvraag, actie):
    return reverse("aanvragen:aanvraag_actie", args=[aanvraag.pk, actie])


def test_aanvraag_registreren_via_het_scherm(client, team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    melding = MeldingFactory(
        team=team, in_onderzoek=True, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    client.force_login(consulent)
    url = reverse("aanvragen:aanvraag_registreren", args=[melding.pk])
    response = client.post(url, {"ontvangen_op": "", "grondslag": "na_onderzoek"})
    assert response.status_code == 200 and "ontvangen_op" in response.context["form"].errors
    response = client.post(
        url, {"ontvangen_op": melding.ontvangen_datum.isoformat(), "grondslag": "na_onderzoek"}
    )
    aanvraag = Aanvraag.objects.get(melding=melding)
    assert response["Location"] == reverse("aanvragen:aanvraag", args=[aanvraag.pk])
    pagina = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert reverse("aanvragen:aanvraag", args=[aanvraag.pk]) in pagina
    assert (
        f'datetime="{aanvraag.beslis_deadline:%Y-%m-%d}"' in pagina
    )  # the beslistermijn shown with the melding


def test_opschorten_zonder_termijn_geweigerd_met_reden_en_invoer_bewaard(client, consulent_en_aanvraag):
    consulent, aanvraag = consulent_en_aanvraag
    client.force_login(consulent)
    post = {
        "opschorten-reden": "aanvulling_gevraagd",
        "opschorten-eerste_dag_stil": "2026-04-23",
        "opschorten-termijn_tot": "",
        "opschorten-toelichting": "Een verklaring van de huisarts",
    }
    with time_machine.travel(on_day(date(2026, 4, 22), 12)):
        response = client.post(_actie(aanvraag, "opschorten"), post)
    assert response.status_code == 200
    fouten = response.context["forms"]["opschorten"].errors
    assert "termijn" in " ".join(fouten["termijn_tot"]).lower()
    assert "Een verklaring van de huisarts" in response.content.decode()
    assert not aanvraag.opschortingen.exists()


@pytest.mark.parametrize("dagen_voor_morgen", [1, 3])
def test_opschorten_voor_de_dag_na_het_verzoek_geweigerd_naast_het_veld(
    client, consulent_en_aanvraag, dagen_voor_morgen
):
    # Awb 4:15 lid 1 onder a: the request is the letter sent today, so the clock stands still
    # from tomorrow at the earliest; today or an earlier day is refused next to the field.
    consulent, aanvraag = consulent_en_aanvraag
    client.force_login(consulent)
    with time_machine.travel(on_day(date(2026, 4, 24), 12)):
        te_vroeg = date(2026, 4, 25) - timedelta(days=dagen_voor_morgen)
        post = {
            "opschorten-reden": "aanvulling_gevraagd",
            "opschorten-eerste_dag_stil": te_vroeg.isoformat(),
            "opschorten-termijn_tot": "2026-05-08",
            "opschorten-toelichting": "Een verklaring van de huisarts",
        }
        response = client.post(_actie(aanvraag, "opschorten"), post)
    assert response.status_code == 200
    fout = " ".join(response.context["forms"]["opschorten"].errors["eerste_dag_stil"])
    assert "pas stil vanaf de dag na het verzoek (Awb 4:15 lid 1 onder a)" in fout
    assert "vandaag, 24 april 2026" in fout and "Vul 25 april 2026 of later in" in fout
    inhoud = response.content.decode()
    assert "Een verklaring van de huisarts" in inhoud and te_vroeg.isoformat() in inhoud
    assert (
        'aria-describedby="id_opschorten-eerste_dag_stil_error' in inhoud or "eerste_dag_stil_error" in inhoud
    )
    assert not aanvraag.opschortingen.exists() and not Brief.objects.exists()


def test_opschorten_beeindigen_en_verdagen(client, consulent_en_aanvraag):
    consulent, aanvraag = consulent_en_aanvraag
    client.force_login(consulent)
    with time_machine.travel(on_day(date(2026, 4, 22), 12)):  # the request goes out on 22 April
        response = client.post(
            _actie(aanvraag, "opschorten"),
            {
                "opschorten-reden": "aanvulling_gevraagd",
                "opschorten-eerste_dag_stil": "2026-04-23",
                "opschorten-termijn_tot": "2026-05-06",
                "opschorten-toelichting": "Een verklaring van de huisarts",
            },
        )
    assert response.status_code == 302
    assert Brief.objects.filter(melding=aanvraag.melding, soort=BriefSoort.VERZOEK_OM_AANVULLING).exists()
    with time_machine.travel(on_day(date(2026, 4, 30), 12)):  # dates are bound to around today
        response = client.post(_actie(aanvraag, "beeindigen"), {"beeindigen-eerste_dag_weer": "2026-04-30"})
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(
        2026, 5, 12
    )  # 6 May, moved on by the days the clock stood still (Awb 4:15)
    with time_machine.travel(on_day(date(2026, 5, 4), 12)):  # before the beslistermijn ends
        response = client.post(
            _actie(aanvraag, "verdagen"),
            {"verdagen-verwachte_datum": "2026-05-26", "verdagen-reden": "Advies nodig"},
        )
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.beslis_deadline == date(2026, 5, 12)  # Awb 4:14 does not move the statutory deadline
    pagina = client.get(reverse("aanvragen:aanvraag", args=[aanvraag.pk])).content.decode()
    assert "26 mei 2026" in pagina and "12 mei 2026" in pagina


def test_rollen_en_vreemde_aanvraag(client, consulent_en_aanvraag, rol_gebruiker):
    _, aanvraag = consulent_en_aanvraag
    vreemd = AanvraagFactory()
    client.force_login(rol_gebruiker(Rol.LOKETMEDEWERKER))
    assert client.get(reverse("aanvragen:aanvraag", args=[aanvraag.pk])).status_code == 200
    assert client.post(_actie(aanvraag, "besluit"), {"besluit-besloten_op": "2026-05-01"}).status_code == 403
    client.force_login(rol_gebruiker(Rol.CONSULENT))
    assert client.get(reverse("aanvragen:aanvraag", args=[vreemd.pk])).status_code == 404
    assert client.post(_actie(vreemd, "besluit"), {"besluit-besloten_op": "2026-05-01"}).status_code == 404
    assert client.post(_actie(aanvraag, "onzin"), {}).status_code == 404
    client.force_login(rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER))
    assert client.get(reverse("aanvragen:aanvraag", args=[aanvraag.pk])).status_code == 403


def test_besluit_en_query_budget(client, consulent_en_aanvraag, django_assert_max_num_queries):
    consulent, aanvraag = consulent_en_aanvraag
    client.force_login(consulent)
    url = reverse("aanvragen:aanvraag", args=[aanvraag.pk])
    # +2 of them: the access log (wmo.inzagelog: the lock with the chain's head, one insert).
    # Dates are bound to around today (wmo.validators.DatumBereik): decide on 12 May 2026 itself.
    with time_machine.travel(on_day(date(2026, 5, 12), 15)):
        with django_assert_max_num_queries(19) as voor:
            client.get(url)
        response = client.post(_actie(aanvraag, "besluit"), {"besluit-besloten_op": "2026-05-12"})
        assert response.status_code == 302
        with django_assert_max_num_queries(19) as na:
            pagina = client.get(url).content.decode()
    assert "23 juni 2026" in pagina  # bezwaar until (Awb 6:7, 6:8)
    assert len(na.captured_queries) <= len(voor.captured_queries) + 1
