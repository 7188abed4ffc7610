"""Onderzoek: the eight resultaatgebieden, the afwegingsladder in order, autosave and optimistic locking."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gesprekken import services
from gesprekken.constants import Oplossing, Trede
from gesprekken.models import LadderTrede, Onderzoek, ResultaatOnderzoek
from meldingen.constants import MeldingStatus
from tests.factories import TeamFactory
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Resultaatgebied, Rol
from wmo.models import Inzage

pytestmark = pytest.mark.django_db


def _post_data(form_prefix, versie, **velden):
    data = {f"{form_prefix}-versie": versie}
    data.update({f"{form_prefix}-{k}": v for k, v in velden.items()})
    return data


def test_onderzoek_openen_maakt_acht_resultaatgebieden_met_ladder_en_start_onderzoek(melding, consulent):
    assert melding.status == MeldingStatus.ONTVANGEN
    onderzoek = services.onderzoek_openen(melding=melding, door=consulent)
    assert onderzoek.resultaten.count() == 8
    assert LadderTrede.objects.filter(resultaat__onderzoek=onderzoek).count() == 64
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_ONDERZOEK
    # opening twice returns the same onderzoek
    assert services.onderzoek_openen(melding=melding, door=consulent) == onderzoek


def test_ladder_volgorde_maatwerk_pas_na_de_treden_erboven(onderzoek, consulent, catalogus):
    r = resultaat(onderzoek)
    with pytest.raises(ValidationError) as exc:
        ladder_invullen(r, consulent, maatwerk=catalogus["hbh"], tot=Trede.SOCIAAL_NETWERK)
    melding = exc.value.message_dict["t8_besproken"][0]
    assert "voorliggende voorzieningen" in melding and "algemene voorzieningen" in melding
    assert "eigen kracht" not in melding
    r.refresh_from_db()
    assert r.versie == 1 and not r.treden.get(trede=Trede.MAATWERK).besproken  # nothing saved
    ladder_invullen(r, consulent, maatwerk=catalogus["hbh"])
    assert r.treden.get(trede=Trede.MAATWERK).voorziening == catalogus["hbh"]
    assert r.ontbrekende_treden() == []


def test_ladder_voorziening_moet_bij_de_trede_passen(onderzoek, consulent, catalogus):
    r = resultaat(onderzoek)
    with pytest.raises(ValidationError) as exc:
        services.resultaat_opslaan(
            resultaat=r,
            door=consulent,
            versie=1,
            velden={},
            treden={Trede.ALGEMENE_VOORZIENING: {"voorziening": catalogus["hbh"]}},
        )
    assert "t7_voorziening" in exc.value.message_dict


def test_ladder_volgorde_in_het_scherm_toont_wat_ontbreekt(client, onderzoek, consulent, catalogus):
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r1"])
    data = _post_data(
        "r1",
        1,
        aan_de_orde="on",
        t1_besproken="on",
        t1_oplost=Oplossing.NIET,
        t8_besproken="on",
        t8_voorziening=catalogus["hbh"].pk,
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet beantwoord: gebruikelijke hulp" in html
    # what the user typed stays in the form
    assert 'name="r1-t8_besproken"' in html and "checked" in html
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 422 and "Niet opgeslagen" in response.content.decode()


def test_autosave_slaat_sectie_op_en_geeft_tijd_terug(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "algemeen"])
    response = client.post(
        url,
        _post_data(
            "algemeen", 1, mantelzorger_naam="Dochter Anja", mantelzorg_uren="6", mantelzorg_belasting="4"
        ),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Opgeslagen om" in html and "<html" not in html
    assert 'id="id_algemeen-versie" value="2" data-hx-swap-oob="true"' in html
    onderzoek.refresh_from_db()
    assert onderzoek.mantelzorger_naam == "Dochter Anja" and onderzoek.versie == 2
    assert onderzoek.history.first().history_user == consulent


def test_autosave_resultaat_zonder_javascript(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r3"])
    response = client.post(
        url, _post_data("r3", 1, aan_de_orde="on", wat_lukt_niet="Boodschappen tillen", t1_besproken="on")
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#sectie-r3")
    r = resultaat(onderzoek, Resultaatgebied.PRIMAIRE_LEVENSBEHOEFTEN)
    assert r.aan_de_orde and r.wat_lukt_niet == "Boodschappen tillen" and r.versie == 2
    assert r.treden.get(trede=Trede.EIGEN_KRACHT).besproken
    # Only the rung that changed is written, with its history; the others are left alone.
    assert LadderTrede.history.filter(resultaat_id=r.pk, history_type="~").count() == 1


def test_verouderde_versie_geweigerd_met_beide_teksten(client, onderzoek, consulent, rol_gebruiker, team):
    collega = rol_gebruiker(Rol.CONSULENT)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r1"])
    client.force_login(collega)
    assert client.post(url, _post_data("r1", 1, wat_lukt="Tekst van de collega")).status_code == 302
    client.force_login(consulent)
    response = client.post(
        url, _post_data("r1", 1, wat_lukt="Mijn tekst aan de keukentafel"), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Tekst van de collega" in html and "Mijn tekst aan de keukentafel" in html
    assert 'name="r1-versie" value="2"' in html  # "save mine anyway" is an explicit choice
    r = resultaat(onderzoek)
    assert r.wat_lukt == "Tekst van de collega" and r.versie == 2
    # Without JavaScript: the whole page, with both texts, and still 409.
    response = client.post(url, _post_data("r1", 1, wat_lukt="Mijn tekst aan de keukentafel"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Tekst van de collega" in html and "Mijn tekst aan de keukentafel" in html
    # "Save mine anyway" posts the user's text with the current versie: an explicit overwrite.
    data = dict(response.context["conflict"]["data"])
    assert client.post(url, data).status_code == 302
    r = resultaat(onderzoek)
    assert r.wat_lukt == "Mijn tekst aan de keukentafel" and r.versie == 3


def test_herhaalde_zelfde_tekst_is_geen_conflict(client, onderzoek, consulent):
    """A retry after a dropped connection may arrive twice: the same text is not a conflict."""
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "algemeen"])
    data = _post_data("algemeen", 1, wederkerigheid="Doet boodschappen voor de buurvrouw")
    assert client.post(url, data, headers={"HX-Request": "true"}).status_code == 200
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'value="2"' in response.content.decode()
    onderzoek.refresh_from_db()
    assert onderzoek.versie == 2


def test_verouderde_versie_in_service(onderzoek, consulent):
    services.onderzoek_opslaan(
        onderzoek=onderzoek, door=consulent, versie=1, wederkerigheid="Past op de kleinkinderen"
    )
    with pytest.raises(services.VersieConflict) as exc:
        services.onderzoek_opslaan(
            onderzoek=onderzoek, door=consulent, versie=1, wederkerigheid="Iets anders"
        )
    assert exc.value.actueel.wederkerigheid == "Past op de kleinkinderen"
    onderzoek.refresh_from_db()
    assert onderzoek.wederkerigheid == "Past op de kleinkinderen"


def test_slechte_invoer_geeft_geen_500(client, onderzoek, consulent):
    client.force_login(consulent)
    url = reverse("gesprekken:sectie", args=[onderzoek.melding_id, "algemeen"])
    response = client.post(
        url, _post_data("algemeen", "abc", mantelzorg_uren="veel", wederkerigheid="Mijn tekst")
    )
    assert response.status_code == 200 and "Mijn tekst" in response.content.decode()
    assert (
        client.post(reverse("gesprekken:sectie", args=[onderzoek.melding_id, "r99"]), {}).status_code == 404
    )
    assert (
        client.post(reverse("gesprekken:sectie", args=[onderzoek.melding_id, "xyz"]), {}).status_code == 404
    )


def test_onderzoek_pagina_query_budget_en_inzage(
    client, onderzoek, consulent, catalogus, django_assert_max_num_queries
):
    client.force_login(consulent)
    url = reverse("gesprekken:onderzoek", args=[onderzoek.melding_id])
    # +2 of them: the access log (wmo.inzagelog: the lock with the chain's head, one insert).
    with django_assert_max_num_queries(21) as klein:
        response = client.get(url)
    assert response.status_code == 200
    for gebied in Resultaatgebied.values:
        ladder_invullen(resultaat(onderzoek, gebied), consulent, maatwerk=catalogus["hbh"])
    for i in range(5):
        services.vervolgafspraak_toevoegen(
            onderzoek=onderzoek,
            door=consulent,
            actie=f"Actie {i}",
            uiterlijk=onderzoek.melding.onderzoek_deadline,
            eigenaar=consulent,
        )
    services.gesprek_plannen(
        melding=onderzoek.melding,
        door=consulent,
        consulent=consulent,
        gepland_op=onderzoek.melding.ontvangen_op,
        mantelzorger="Anja",
    )
    services.gesprek_plannen(
        melding=onderzoek.melding,
        door=consulent,
        consulent=consulent,
        gepland_op=onderzoek.melding.ontvangen_op,
    )
    services.persoonlijk_plan_opslaan(
        melding=onderzoek.melding,
        door=consulent,
        naam="plan.pdf",
        inhoud=b"%PDF-1.4 x",
        ontvangen_op=timezone.localdate(),
    )
    services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    with django_assert_max_num_queries(21) as groot:
        response = client.get(url)
    assert len(groot.captured_queries) == len(klein.captured_queries)
    html = response.content.decode()
    for gebied in Resultaatgebied:
        assert str(gebied.label) in html
    assert Inzage.objects.filter(medewerker=consulent, wat__startswith="onderzoek").count() == 2


@pytest.mark.parametrize(
    ("rol", "eigen", "verwacht_lezen", "verwacht_schrijven"),
    [
        (Rol.CONSULENT, True, 200, 302),
        (Rol.TEAMLEIDER, True, 200, 403),
        (Rol.LOKETMEDEWERKER, True, 403, 403),
        (Rol.FUNCTIONEEL_BEHEERDER, True, 403, 403),
        (Rol.CONSULENT, False, 404, 404),
    ],
)
def test_toegang_onderzoek(client, rol_gebruiker, team, rol, eigen, verwacht_lezen, verwacht_schrijven):
    ander_team = team if eigen else TeamFactory()
    consulent = rol_gebruiker(Rol.CONSULENT, team=ander_team)
    melding = OnderzoekFactory(melding__team=ander_team, door=consulent).melding
    client.force_login(rol_gebruiker(rol))
    assert client.get(reverse("gesprekken:onderzoek", args=[melding.pk])).status_code == verwacht_lezen
    response = client.post(
        reverse("gesprekken:sectie", args=[melding.pk, "algemeen"]), _post_data("algemeen", 1)
    )
    assert response.status_code == verwacht_schrijven


def test_onderzoek_niet_meer_te_wijzigen_na_afsluiten(onderzoek, consulent):
    from meldingen.services import melding_afsluiten

    melding_afsluiten(melding=onderzoek.melding, door=consulent, reden="opgelost")
    with pytest.raises(ValidationError):
        services.onderzoek_opslaan(
            onderzoek=Onderzoek.objects.get(pk=onderzoek.pk), door=consulent, versie=1, wederkerigheid="x"
        )
    assert ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).count() == 8


def test_onderzoek_nog_niet_geopend_verwijst_naar_de_melding(client, melding, consulent):
    from django.urls import reverse

    client.force_login(consulent)
    response = client.get(reverse("gesprekken:onderzoek", args=[melding.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("meldingen:melding", args=[melding.pk])
    assert "nog niet geopend" in response.content.decode()
