"""Verslag: rendered from the onderzoek, frozen per version, the reaction, and the verslag as aanvraag."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from aanvragen.constants import Grondslag
from aanvragen.models import Aanvraag
from gesprekken import services
from gesprekken.constants import Trede, VerslagReactie
from gesprekken.models import VerslagVersie
from meldingen.constants import MeldingStatus
from tests.factories import TeamFactory
from tests.gesprekken.conftest import ladder_invullen, resultaat
from tests.gesprekken.factories import OnderzoekFactory
from tests.pdf import pdf_tekst
from wmo.constants import BriefSoort, Resultaatgebied, Rol
from wmo.models import Brief

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingevuld(onderzoek, consulent, catalogus):
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=catalogus["hbh"])
    ladder_invullen(
        resultaat(onderzoek, Resultaatgebied.PRIMAIRE_LEVENSBEHOEFTEN),
        consulent,
        extra_velden={
            "te_bereiken_resultaat": "Elke week verse boodschappen in huis.",
            "oplossing": "Boodschappendienst en de buurman.",
        },
    )
    services.onderzoek_opslaan(
        onderzoek=onderzoek,
        door=consulent,
        versie=1,
        mantelzorger_naam="Anja (dochter)",
        mantelzorg_uren=6,
        mantelzorg_belasting=4,
        eigen_oplossing="Een scootmobiel.",
        eigen_oplossing_motivering="De boodschappendienst lost het tillen ook op.",
    )
    services.vervolgafspraak_toevoegen(
        onderzoek=onderzoek,
        door=consulent,
        actie="Boodschappendienst aanmelden",
        uiterlijk=timezone.localdate() + timedelta(days=7),
        eigenaar_anders="Anja (dochter)",
    )
    onderzoek.refresh_from_db()
    return onderzoek


def test_verslag_pdf_bevat_elk_resultaat_elke_trede_en_reactiedeel(ingevuld, consulent):
    versie = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    tekst = pdf_tekst(bytes(versie.brief.pdf))
    for gebied in (Resultaatgebied.SCHOON_HUIS, Resultaatgebied.PRIMAIRE_LEVENSBEHOEFTEN):
        assert str(gebied.label) in tekst
    assert str(Resultaatgebied.KLEDING.label) not in tekst  # not at stake: not in the verslag
    for trede in Trede:
        assert f"{trede.value}. " in tekst
    # the rungs in the inwoner's words (B1), not the legal names the staff screens use
    # (a label wraps in its cell, so only its start is one run of text)
    assert "5. Hulp via een" in tekst and "zorgverzekering" in tekst
    assert "6. Iets wat u" in tekst and "kopen" in tekst
    assert "Voorliggende voorzieningen" not in tekst and "Algemeen gebruikelijke voorzieningen" not in tekst
    assert "Uw reactie op dit verslag" in tekst and "Handtekening" in tekst
    assert "Ik vraag de voorziening aan" in tekst
    assert "wat de consulent vaststelde" in tekst.lower() and "hoe u het zelf ziet" in tekst.lower()
    assert "Boodschappendienst aanmelden" in tekst and "CAK" in tekst and "pgb" in tekst
    assert "cliëntondersteuner" in tekst
    assert "Pagina 1 van" in tekst


def test_versturen_bevriest_versie_en_haalt_onderzoekstermijn(ingevuld, consulent):
    versie = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    brief = versie.brief
    assert brief.soort == BriefSoort.VERSLAG and versie.nummer == 1 and versie.maatwerk_gevraagd
    assert brief.sha256 == hashlib.sha256(bytes(brief.pdf)).hexdigest()
    melding = ingevuld.melding
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.VERSLAG_VERSTUURD
    assert melding.onderzoek_afgerond_op == timezone.localdate()
    hash_v1, pdf_v1 = brief.sha256, bytes(brief.pdf)

    # A later edit and a correction: a new version, the first one unchanged.
    r = resultaat(ingevuld)
    services.resultaat_opslaan(
        resultaat=r,
        door=consulent,
        versie=r.versie,
        velden={"wat_lukt": "Gecorrigeerd: ook afwassen lukt."},
        treden={},
    )
    v2 = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    assert v2.nummer == 2
    assert "Gecorrigeerd: ook afwassen lukt." in pdf_tekst(bytes(v2.brief.pdf))
    eerste = Brief.objects.get(pk=brief.pk)
    assert eerste.sha256 == hash_v1 and bytes(eerste.pdf) == pdf_v1
    assert "Gecorrigeerd" not in pdf_tekst(pdf_v1)
    assert v2.brief.sha256 != hash_v1


def test_verslag_zonder_resultaatgebied_geweigerd(onderzoek, consulent):
    with pytest.raises(ValidationError):
        services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    assert not VerslagVersie.objects.exists()


def test_reactie_niet_akkoord_met_opmerkingen_bij_de_versie(ingevuld, consulent):
    versie = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    with pytest.raises(ValidationError) as exc:
        services.verslag_reactie_vastleggen(
            versie=versie,
            door=consulent,
            reactie=VerslagReactie.NIET_AKKOORD,
            ontvangen_op=timezone.localdate(),
        )
    assert "opmerkingen" in exc.value.message_dict
    versie = services.verslag_reactie_vastleggen(
        versie=versie,
        door=consulent,
        reactie=VerslagReactie.NIET_AKKOORD,
        ontvangen_op=timezone.localdate(),
        opmerkingen="Ik teken onder protest: 3 uur is te weinig.",
    )
    assert versie.status == VerslagReactie.NIET_AKKOORD
    r = resultaat(ingevuld)
    assert "protest" not in r.wat_lukt  # never merged into the onderzoek
    with pytest.raises(ValidationError):  # the reaction is final
        services.verslag_reactie_vastleggen(
            versie=versie, door=consulent, reactie=VerslagReactie.AKKOORD, ontvangen_op=timezone.localdate()
        )


def test_ondertekend_verslag_geldt_als_aanvraag(ingevuld, consulent, catalogus):
    assert ingevuld.melding.gemeente.verslag_telt_als_aanvraag  # the default
    versie = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    versie = services.verslag_reactie_vastleggen(
        versie=versie,
        door=consulent,
        reactie=VerslagReactie.AKKOORD,
        ontvangen_op=timezone.localdate(),
        ondertekend=True,
    )
    aanvraag = Aanvraag.objects.get(melding=ingevuld.melding)
    assert versie.aanvraag == aanvraag
    # The maatwerk proposed in the onderzoek is what the inwoner asks for, with its resultaat.
    assert [(v.voorziening, v.resultaatgebied) for v in aanvraag.voorzieningen.all()] == [
        (catalogus["hbh"], Resultaatgebied.SCHOON_HUIS)
    ]
    assert aanvraag.grondslag == Grondslag.NA_ONDERZOEK and aanvraag.ontvangen_op == timezone.localdate()
    ingevuld.melding.refresh_from_db()
    assert ingevuld.melding.status == MeldingStatus.AANVRAAG_ONTVANGEN


def test_verslag_telt_niet_als_aanvraag_als_gemeente_dat_niet_wil(ingevuld, consulent):
    gemeente = ingevuld.melding.gemeente
    gemeente.verslag_telt_als_aanvraag = False
    gemeente.save()
    versie = services.verslag_versturen(onderzoek=ingevuld, door=consulent)
    services.verslag_reactie_vastleggen(
        versie=versie,
        door=consulent,
        reactie=VerslagReactie.AKKOORD,
        ontvangen_op=timezone.localdate(),
        ondertekend=True,
    )
    assert not Aanvraag.objects.filter(melding=ingevuld.melding).exists()


def test_niet_ondertekend_of_zonder_maatwerk_geen_aanvraag(onderzoek, consulent):
    ladder_invullen(resultaat(onderzoek), consulent)  # no maatwerk proposed
    versie = services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    assert not versie.maatwerk_gevraagd
    services.verslag_reactie_vastleggen(
        versie=versie,
        door=consulent,
        reactie=VerslagReactie.AKKOORD,
        ontvangen_op=timezone.localdate(),
        ondertekend=True,
    )
    assert not Aanvraag.objects.exists()


def test_verslag_schermen(client, ingevuld, consulent):
    client.force_login(consulent)
    pk = ingevuld.melding_id
    response = client.get(reverse("gesprekken:verslag_voorbeeld", args=[pk]))
    assert response.status_code == 200 and "CONCEPT" in pdf_tekst(response.content)
    assert not VerslagVersie.objects.exists()
    response = client.post(reverse("gesprekken:verslag_versturen", args=[pk]))
    assert response.status_code == 302 and VerslagVersie.objects.count() == 1
    url = reverse("gesprekken:verslag_reactie", args=[pk, 1])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"reactie": "niet_akkoord", "reactie_ontvangen_op": "", "opmerkingen": "Klopt niet"}
    )
    assert response.status_code == 200 and "Klopt niet" in response.content.decode()
    response = client.post(
        url,
        {
            "reactie": "akkoord",
            "reactie_ontvangen_op": timezone.localdate().isoformat(),
            "ondertekend": "on",
            "aanvullingen": "Graag op dinsdag.",
        },
    )
    assert response.status_code == 302
    pagina = client.get(reverse("gesprekken:onderzoek", args=[pk])).content.decode()
    assert "Graag op dinsdag." in pagina and "Geldt als aanvraag." in pagina
    melding_pagina = client.get(reverse("meldingen:melding", args=[pk])).content.decode()
    assert "Versie 1" in melding_pagina and "akkoord" in melding_pagina


def test_eigen_oplossing_niet_gevolgd_vraagt_motivering(onderzoek, consulent):
    ladder_invullen(resultaat(onderzoek), consulent)
    services.onderzoek_opslaan(
        onderzoek=onderzoek,
        door=consulent,
        versie=1,
        eigen_oplossing="Een scootmobiel.",
        eigen_oplossing_gevolgd=False,
    )
    with pytest.raises(ValidationError) as exc:
        services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    assert "schrijf eerst op waarom" in exc.value.messages[0]
    services.onderzoek_opslaan(
        onderzoek=onderzoek,
        door=consulent,
        versie=2,
        eigen_oplossing_motivering="Tillen blijft het probleem.",
    )
    versie = services.verslag_versturen(onderzoek=onderzoek, door=consulent)
    assert "Tillen blijft het probleem." in pdf_tekst(bytes(versie.brief.pdf))


@pytest.mark.parametrize(
    ("rol", "eigen", "verwacht"),
    [
        (Rol.CONSULENT, True, 302),
        (Rol.TEAMLEIDER, True, 403),
        (Rol.LOKETMEDEWERKER, True, 403),
        (Rol.FUNCTIONEEL_BEHEERDER, True, 403),
        (Rol.CONSULENT, False, 404),
    ],
)
def test_toegang_verslag_versturen(client, rol_gebruiker, team, rol, eigen, verwacht):
    ander = team if eigen else TeamFactory()
    eigenaar = rol_gebruiker(Rol.CONSULENT, team=ander)
    onderzoek = OnderzoekFactory(melding__team=ander, door=eigenaar)
    ladder_invullen(resultaat(onderzoek), eigenaar)
    client.force_login(rol_gebruiker(rol))
    url = reverse("gesprekken:verslag_versturen", args=[onderzoek.melding_id])
    assert client.post(url).status_code == verwacht
    assert VerslagVersie.objects.count() == (1 if verwacht == 302 else 0)
