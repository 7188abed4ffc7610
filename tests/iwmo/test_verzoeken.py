"""WMO315 and WMO317 arrive as work for the consulent; refusing sends a WMO319, granting a 301.

The gateway is faked by tmp folders; everything else is the real stack.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import etree

from iwmo.models import Bericht, BerichtStatus, Richting, Verzoek, VerzoekStatus
from iwmo.ontvangst import verwerk_inbox
from iwmo.schema import valideer
from iwmo.verzoeken import open_verzoeken_voor, verzoek_afwijzen, verzoek_toekennen
from tests.factories import MedewerkerFactory
from wmo.constants import Rol

from .berichten import ontleed, retourcodes, wmo315, wmo317
from .conftest import in_de_inbox

pytestmark = pytest.mark.django_db


def _basis(t):
    return {"inwoner": t.inwoner, "afzender": t.aanbieder.agb_code, "ontvanger": "0392"}


@pytest.fixture
def verzoek(toewijzing, mappen):
    in_de_inbox(
        mappen, "vot.xml", wmo315(**_basis(toewijzing), referenties=["REF-1"], ingangsdatum=date(2026, 4, 7))
    )
    verwerk_inbox()
    return Verzoek.objects.get()


def test_verzoek_om_toewijzing_komt_op_de_werkvoorraad_van_de_consulent(verzoek, toewijzing):
    melding = toewijzing.regel.beschikking.aanvraag.melding
    assert verzoek.melding == melding and verzoek.status == VerzoekStatus.OPEN
    assert verzoek.inhoud["productcategorie"] == "01"
    assert list(open_verzoeken_voor(melding.consulent)) == [verzoek]
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.VERWERKT
    retour = Bericht.objects.get(retour_van=heen)
    assert retour.soort == "WMO316"
    assert retourcodes(retour.xml, "AangevraagdProduct") == [["0200"]]


def test_zonder_consulent_in_de_wachtrij_van_het_team(toewijzing, mappen):
    melding = toewijzing.regel.beschikking.aanvraag.melding
    consulent = melding.consulent
    type(melding).objects.filter(pk=melding.pk).update(consulent=None)
    in_de_inbox(
        mappen, "vot.xml", wmo315(**_basis(toewijzing), referenties=["R"], ingangsdatum=date(2026, 4, 7))
    )
    verwerk_inbox()
    collega = MedewerkerFactory(
        team=consulent.team, organisatie=consulent.organisatie, rollen=[Rol.CONSULENT]
    )
    assert open_verzoeken_voor(collega).count() == 1
    vreemde = MedewerkerFactory(rollen=[Rol.CONSULENT])
    assert open_verzoeken_voor(vreemde).count() == 0


def test_referentie_twee_keer_9347_en_onderhanden_9374(verzoek, toewijzing, mappen):
    in_de_inbox(
        mappen,
        "vot2.xml",
        wmo315(
            **_basis(toewijzing), referenties=["REF-1"], ingangsdatum=date(2026, 4, 7), identificatie="VOT-2"
        ),
    )
    verwerk_inbox()
    tweede = Bericht.objects.get(bestandsnaam="vot2.xml")
    assert tweede.status == BerichtStatus.NIET_VERWERKT
    assert retourcodes(Bericht.objects.get(retour_van=tweede).xml, "AangevraagdProduct") == [["9347", "9374"]]
    assert Verzoek.objects.count() == 1


def test_afwijzen_stuurt_een_geldige_wmo319(verzoek, mappen):
    consulent = verzoek.melding.consulent
    verzoek = verzoek_afwijzen(
        verzoek=verzoek, reden="3", toelichting="Geen contract voor dit product.", door=consulent
    )
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    antwoord = verzoek.antwoord
    assert antwoord.soort == "WMO319" and antwoord.status == BerichtStatus.VERZONDEN
    assert valideer("WMO319", bytes(antwoord.xml)) == []
    doc = ontleed(antwoord.xml)
    ns = {"m": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"}
    assert doc.findtext("m:Antwoord/m:ReferentieAanbieder", namespaces=ns) == "REF-1"
    assert doc.findtext("m:Antwoord/m:VerzoekAntwoord", namespaces=ns) == "1"
    assert doc.findtext("m:Antwoord/m:RedenAfwijzingVerzoek", namespaces=ns) == "3"
    assert doc.findtext("m:Header/m:Afzender", namespaces=ns) == "0392"
    assert (mappen.IWMO_UITBOX / antwoord.bestandsnaam).exists()
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek=verzoek, reden="3", door=consulent)  # judged once


def test_afwijzen_zonder_reden_kan_niet(verzoek):
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek=verzoek, reden="", door=verzoek.melding.consulent)
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN and not Bericht.objects.filter(soort="WMO319").exists()


def test_toekennen_koppelt_de_toewijzing(verzoek, toewijzing):
    verzoek = verzoek_toekennen(verzoek=verzoek, door=verzoek.melding.consulent)
    assert verzoek.status == VerzoekStatus.TOEGEKEND and verzoek.toewijzing == toewijzing


def test_toekennen_zonder_toewijzing_zegt_wat_er_moet_gebeuren(verzoek, toewijzing):
    type(toewijzing).objects.filter(pk=toewijzing.pk).update(einddatum=date(2026, 4, 2))
    with pytest.raises(ValidationError, match="nog geen toewijzing"):
        verzoek_toekennen(verzoek=verzoek, door=verzoek.melding.consulent)


def test_verzoek_om_wijziging(toewijzing, mappen):
    in_de_inbox(
        mappen,
        "vow.xml",
        wmo317(
            **_basis(toewijzing),
            referentie="W-1",
            te_wijzigen=[toewijzing.nummer],
            ingangsdatum=date(2026, 4, 7),
        ),
    )
    verwerk_inbox()
    verzoek = Verzoek.objects.get()
    assert verzoek.soort == "wijziging"
    assert verzoek.inhoud["producten"][0]["toewijzing"] == toewijzing.nummer
    retour = Bericht.objects.get(retour_van=verzoek.bericht)
    assert retourcodes(retour.xml, "TeWijzigenProduct") == [["0200"]]


def test_verzoek_om_wijziging_met_onbekende_toewijzing_9351(toewijzing, mappen):
    in_de_inbox(
        mappen,
        "vow.xml",
        wmo317(**_basis(toewijzing), referentie="W-1", te_wijzigen=[123], ingangsdatum=date(2026, 4, 7)),
    )
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT and not Verzoek.objects.exists()
    assert retourcodes(Bericht.objects.get(retour_van=heen).xml, "TeWijzigenProduct") == [["9351"]]


# --- the page ---------------------------------------------------------------------------------


def test_pagina_afwijzen_en_query_budget(client, verzoek, django_assert_max_num_queries):
    consulent = verzoek.melding.consulent
    client.force_login(consulent)
    url = reverse("iwmo_ontvangst:verzoek", args=[verzoek.pk])
    with django_assert_max_num_queries(12):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert "Verzoek afwijzen" in antwoord.text
    # Without a reason: a Dutch message, nothing sent.
    antwoord = client.post(
        reverse("iwmo_ontvangst:verzoek_afwijzen", args=[verzoek.pk]), {"toelichting": "x"}
    )
    assert antwoord.status_code == 200
    assert "Kies de reden waarom u het verzoek afwijst." in antwoord.text
    assert "x</textarea>" in antwoord.text  # what was typed stays
    antwoord = client.post(
        reverse("iwmo_ontvangst:verzoek_afwijzen", args=[verzoek.pk]), {"reden_afwijzing": "7"}
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN


def test_werkvoorraad_toont_het_verzoek(client, verzoek):
    client.force_login(verzoek.melding.consulent)
    antwoord = client.get(reverse("werkvoorraad"))
    assert reverse("iwmo_ontvangst:verzoek", args=[verzoek.pk]) in antwoord.text
    assert "Verzoek om toewijzing van" in antwoord.text


@pytest.mark.parametrize(
    "rol", [Rol.CONSULENT, Rol.TEAMLEIDER, Rol.LOKETMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER]
)
def test_een_vreemd_verzoek_is_404_of_403(client, verzoek, rol):
    vreemde = MedewerkerFactory(rollen=[rol])
    client.force_login(vreemde)
    for naam in ("verzoek", "verzoek_toekennen", "verzoek_afwijzen"):
        url = reverse(f"iwmo_ontvangst:{naam}", args=[verzoek.pk])
        antwoord = client.post(url) if naam != "verzoek" else client.get(url)
        assert antwoord.status_code in (403, 404), naam
        if rol in (Rol.CONSULENT, Rol.TEAMLEIDER):
            assert antwoord.status_code == 404
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN


def test_toekennen_stuurt_301_met_referentie_aanbieder(
    verzoek, toewijzing, django_capture_on_commit_callbacks
):
    """Processen.md: the toewijzingsbericht answering a verzoek om toewijzing carries its ReferentieAanbieder."""
    with django_capture_on_commit_callbacks(execute=True):
        verzoek_toekennen(verzoek=verzoek, door=verzoek.melding.consulent)
    bericht = Bericht.objects.get(soort="WMO301")
    assert bericht.status == BerichtStatus.VERZONDEN, bericht.reden
    assert valideer("WMO301", bytes(bericht.xml)) == []
    product = ontleed(bytes(bericht.xml)).find(".//{*}ToegewezenProduct")
    kinderen = [etree.QName(k).localname for k in product]
    assert kinderen[:2] == ["ToewijzingNummer", "ReferentieAanbieder"]
    assert product.find("{*}ReferentieAanbieder").text == "REF-1"
