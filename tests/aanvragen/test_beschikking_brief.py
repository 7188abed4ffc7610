"""The beschikking letter holds up in bezwaar: legal basis per voorziening (Awb 3:47 lid 2),
motivering from the onderzoek (Awb 3:46), signer under mandate (Awb 10:10), a complete pgb
(Wmo 2015 art. 2.3.6, 2.3.10), eigen bijdrage from the catalogue (Uitvoeringsbesluit Wmo 2015
art. 3.8 lid 4), what was asked beside what is granted, and a complete bezwaar clause."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Mandaat
from gesprekken.constants import Oplossing, Trede
from gesprekken.models import LadderTrede, Onderzoek, ResultaatOnderzoek
from tests.aanvragen.factories import AanvraagFactory, aanbieder_voor
from tests.factories import MeldingFactory, on_day
from tests.pdf import pdf_tekst
from wmo.constants import Resultaatgebied, Rol, Verstrekking, VoorzieningSoort
from wmo.models import Voorziening

pytestmark = pytest.mark.django_db

ROLSTOEL_VRIJ = "Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4 onder d"


@pytest.fixture
def hbh(db):
    v = Voorziening.objects.create(
        naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="01",
        eenheid="04", verordening_artikel="artikel 10", pgb_tarief=Decimal("29.60"),
        beleidsregel="Beleidsregels Wmo 2026, paragraaf 3",
    )  # fmt: skip
    Mandaat.objects.create(voorziening=v, rol=Rol.CONSULENT)
    return v


@pytest.fixture
def rolstoel(db):
    v = Voorziening.objects.create(
        naam="Rolstoel", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="11", eenheid="stuk",
        verordening_artikel="artikel 12", eigen_bijdrage=False, geen_eigen_bijdrage_grond=ROLSTOEL_VRIJ,
        verstrekking=Verstrekking.BRUIKLEEN,
    )  # fmt: skip
    Mandaat.objects.create(voorziening=v, rol=Rol.TEAMLEIDER, vier_ogen=True)
    return v


def _aanvraag(door, voorziening, gebied=Resultaatgebied.SCHOON_HUIS):
    vandaag = timezone.localdate()
    melding = MeldingFactory(
        in_onderzoek=True, ontvangen_op=on_day(vandaag - timedelta(days=20)),
        inwoner__gemeente__verordening="Verordening maatschappelijke ondersteuning Teststad 2026",
        inwoner__gemeente__mandaatregeling="Mandaatbesluit sociaal domein Teststad 2026",
        inwoner__gemeente__bezwaar_digitaal="www.teststad.nl/bezwaar",
        inwoner__gemeente__rechtbank="Rechtbank Noord-Holland",
    )  # fmt: skip
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=vandaag - timedelta(days=2), door=door)
    services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=voorziening, resultaatgebied=gebied, door=door
    )
    return aanvraag


def _besluit(beschikking, door, **velden):
    basis = {
        "uitkomst": "toegekend", "omvang": Decimal("3"), "eenheid": "uur", "frequentie": "per_week",
        "leveringsvorm": "zin", "aanbieder": "Thuiszorg Kennemerland",
        "ingangsdatum": timezone.localdate() + timedelta(days=5),
        "motivering": "U kunt door uw longziekte niet meer stofzuigen en dweilen.",
    }  # fmt: skip
    basis.update(velden)
    basis["aanbieder"] = aanbieder_voor(beschikking.aanvraag, basis["aanbieder"])
    return services.beschikking_regel_vastleggen(
        beschikking=beschikking, aangevraagd=beschikking.aanvraag.voorzieningen.get(), door=door, **basis
    )


def test_vier_ogen_de_goedkeurder_ondertekent_namens_het_college(rol_gebruiker, rolstoel):
    consulent = rol_gebruiker(Rol.CONSULENT, first_name="Fatima", last_name="El Amrani")
    teamleider = rol_gebruiker(Rol.TEAMLEIDER, first_name="Marco", last_name="Bakker")
    aanvraag = _aanvraag(consulent, rolstoel, Resultaatgebied.VERPLAATSEN_HUIS)
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    _besluit(
        beschikking, consulent, omvang=Decimal("1"), eenheid="stuk", frequentie="eenmalig", aanbieder="Medipoint",
        motivering="U kunt niet meer lopen.",
    )  # fmt: skip
    services.beschikking_indienen(beschikking=beschikking, door=consulent)
    services.beschikking_goedkeuren(beschikking=beschikking, door=teamleider)
    beschikking = services.beschikking_versturen(
        beschikking=beschikking, door=consulent
    )  # sent by the consulent

    assert (beschikking.besloten_door, beschikking.besloten_functie) == (teamleider, "teamleider Wmo")
    assert "Mandaatbesluit sociaal domein Teststad 2026" in beschikking.mandaat_grond
    assert "vier ogen" in beschikking.mandaat_grond and "Fatima El Amrani" in beschikking.mandaat_grond
    assert "Marco Bakker" in beschikking.history.first().history_change_reason
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    handtekening = tekst[tekst.index("Met vriendelijke groet") :]
    assert "namens het college van burgemeester en wethouders van" in handtekening
    assert "Marco Bakker teamleider Wmo" in handtekening and "El Amrani" not in handtekening
    assert "onder mandaat (Mandaatbesluit sociaal domein Teststad 2026)" in handtekening
    # Rolstoel: no eigen bijdrage by law, on loan, not "1 stuk eenmalig zonder einddatum".
    assert "geen eigen bijdrage" in tekst and ROLSTOEL_VRIJ in tekst and "CAK" not in tekst
    assert "in bruikleen" in tekst and "zonder einddatum" not in tekst and "1 stuk" not in tekst
    # Legal basis per voorziening (Awb 3:47 lid 2), from the catalogue.
    assert (
        "Wmo 2015 art. 2.3.5 lid 3; Verordening maatschappelijke ondersteuning Teststad 2026, artikel 12"
        in tekst
    )


def test_zelf_besluiten_onder_mandaat_tekent_de_consulent(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT, first_name="Joost", last_name="Verhoeven")
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(consulent, hbh), door=consulent)
    _besluit(beschikking, consulent)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    assert (beschikking.besloten_door, beschikking.besloten_functie) == (consulent, "consulent Wmo")
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "Joost Verhoeven consulent Wmo" in tekst
    # Eigen bijdrage follows the catalogue (hbh: yes), with the articles.
    assert beschikking.regels.get().eigen_bijdrage is True
    assert "eigen bijdrage" in tekst and "CAK" in tekst and "2.1.4" in tekst
    assert "Beleidsregels Wmo 2026, paragraaf 3" in tekst
    # Zorg in natura: the aanbieder and how contact is made, no hard-coded week.
    start = beschikking.regels.get().ingangsdatum
    assert "Thuiszorg Kennemerland neemt vóór" in tekst and str(start.year) in tekst
    assert "binnen een week" not in tekst


def test_eigen_bijdrage_kan_niet_worden_overschreven(rol_gebruiker, rolstoel):
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(teamleider, rolstoel), door=teamleider)
    regel = _besluit(
        beschikking,
        teamleider,
        omvang=Decimal("1"),
        eenheid="stuk",
        frequentie="eenmalig",
        eigen_bijdrage=True,
    )
    assert regel.eigen_bijdrage is False  # the catalogue's exemption wins


def test_pgb_bedrag_svb_besteding_kwaliteit_en_terugvordering(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(consulent, hbh), door=consulent)
    regel = _besluit(
        beschikking, consulent, leveringsvorm="pgb", aanbieder="", pgb_kan_beheren=True, pgb_kwaliteit=True,
        pgb_motivering="Mevrouw wil haar vaste hulp houden.",
    )  # fmt: skip
    assert (regel.pgb_tarief, regel.pgb_bedrag) == (Decimal("29.60"), Decimal("88.80"))
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "€ 88,80 per week" in tekst and "3 uur per week × € 29,60 per uur" in tekst
    assert "Sociale Verzekeringsbank (SVB)" in tekst and "trekkingsrecht" in tekst
    assert "Waaraan mag u het pgb uitgeven?" in tekst and "niet uitgeven aan andere dingen" in tekst
    assert "veilig" in tekst and "2.3.6 lid 2" in tekst
    assert "terugvragen" in tekst and "2.3.10" in tekst


def test_pgb_zonder_tarief_in_de_catalogus_wordt_geweigerd(rol_gebruiker, hbh):
    hbh.pgb_tarief = None
    hbh.save()
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(consulent, hbh), door=consulent)
    with pytest.raises(ValidationError) as exc:
        _besluit(
            beschikking, consulent, leveringsvorm="pgb", pgb_kan_beheren=True, pgb_kwaliteit=True,
            pgb_motivering="Eigen hulp.",
        )  # fmt: skip
    assert "pgb-tarief" in exc.value.message_dict["leveringsvorm"][0]


def test_gedeeltelijk_toegekend_noemt_wat_gevraagd_is(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(consulent, hbh), door=consulent)
    velden = {
        "uitkomst": "gedeeltelijk_toegekend",
        "afwijking_motivering": "Drie uur is genoeg voor een schoon huis.",
    }
    with pytest.raises(ValidationError) as exc:
        _besluit(beschikking, consulent, **velden)
    assert "gevraagd" in exc.value.message_dict
    _besluit(beschikking, consulent, gevraagd="8 uur per week, als pgb", **velden)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "U vroeg: hulp bij het huishouden, 8 uur per week, als pgb." in tekst
    assert "U krijgt een deel van wat u vroeg: hulp bij het huishouden, 3 uur per week" in tekst
    assert "Waarom anders dan u vroeg? Drie uur is genoeg voor een schoon huis." in tekst


def test_bezwaarclausule_volledig(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = services.beschikking_opstellen(aanvraag=_aanvraag(consulent, hbh), door=consulent)
    _besluit(beschikking, consulent)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "digitaal bezwaar maken via www.teststad.nl/bezwaar" in tekst
    assert "6:7 en 6:8" in tekst and "zes weken" in tekst
    assert "voorzieningenrechter van de Rechtbank Noord-Holland" in tekst
    assert "alleen als u eerst bezwaar heeft gemaakt" in tekst and "8:81" in tekst
    assert "griffierecht" in tekst and "8:82" in tekst
    assert "de Nationale ombudsman" in tekst and "9:18" in tekst and "Wet Nationale ombudsman" in tekst


def test_motivering_noemt_wat_het_onderzoek_vond(rol_gebruiker, hbh):
    consulent = rol_gebruiker(Rol.CONSULENT)
    aanvraag = _aanvraag(consulent, hbh)
    onderzoek = Onderzoek.objects.create(melding=aanvraag.melding, gestart_door=consulent)
    resultaat = ResultaatOnderzoek.objects.create(
        onderzoek=onderzoek, gebied=Resultaatgebied.SCHOON_HUIS, aan_de_orde=True,
        wat_lukt_niet="Stofzuigen en dweilen.", te_bereiken_resultaat="Een schoon en leefbaar huis.",
    )  # fmt: skip
    LadderTrede.objects.create(
        resultaat=resultaat, trede=Trede.MANTELZORG, besproken=True, oplost=Oplossing.NIET,
        bevinding="Uw man werkt fulltime.", waarom="Hij kan het niet naast zijn werk.",
    )  # fmt: skip
    LadderTrede.objects.create(
        resultaat=resultaat, trede=Trede.EIGEN_KRACHT, besproken=True, oplost=Oplossing.HELEMAAL
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    _besluit(beschikking, consulent)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "Wat ons onderzoek liet zien." in tekst and "Wat niet meer lukt: Stofzuigen en dweilen." in tekst
    assert "Hulp van een mantelzorger: Uw man werkt fulltime. Hij kan het niet naast zijn werk." in tekst
    assert "Wat u zelf kunt" not in tekst  # a rung that solves it is not a reason for maatwerk
    # There was an onderzoek but no gesprek gevoerd and no verslag sent: no "verslag van ons gesprek".
    assert "verslag van ons gesprek" not in tekst


def test_beslisformulier_toont_catalogus_en_onderzoek(client, team, rol_gebruiker, rolstoel):
    """The consulent sees on the decision form what the catalogue puts in the letter (no
    eigen bijdrage for a rolstoel, and why; the legal basis) and that no onderzoek was recorded."""
    from django.urls import reverse

    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    gemeente = team.organisatie.gemeenten.first()
    gemeente.verordening = "Verordening maatschappelijke ondersteuning Teststad 2026"
    gemeente.save()
    melding = MeldingFactory(
        team=team, in_onderzoek=True, inwoner__gemeente=gemeente,
        ontvangen_op=on_day(timezone.localdate() - timedelta(days=10)),
    )  # fmt: skip
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=timezone.localdate(), door=teamleider)
    services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag,
        voorziening=rolstoel,
        resultaatgebied=Resultaatgebied.VERPLAATSEN_HUIS,
        door=teamleider,
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=teamleider)
    client.force_login(teamleider)
    pagina = client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    assert "Uit de catalogus" in pagina and f"Nee: {ROLSTOEL_VRIJ}" in pagina
    assert (
        "Wmo 2015 art. 2.3.5 lid 3; Verordening maatschappelijke ondersteuning Teststad 2026, artikel 12"
        in pagina
    )
    assert "In bruikleen" in pagina and "Geen onderzoek van dit resultaat vastgelegd" in pagina
    assert 'name="regel' in pagina and "eigen_bijdrage" not in pagina  # not a field to tick
