"""Who receives a letter: a curator or mentor gets the original, a bewindvoerder and a contactpersoon
who asked for copies get a marked copy, the bewindvoerder no verslag without consent, and every
letter records to whom it went (wmo.regels.vertegenwoordiging, BW boek 1, AVG art. 5 lid 1 onder c)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from meldingen import services
from meldingen.models import Inwoner
from tests.factories import InwonerFactory, MeldingFactory
from tests.pdf import pdf_tekst
from wmo import brieven
from wmo.constants import BriefSoort, Rol
from wmo.models import Brief
from wmo.regels import vertegenwoordiging as regel
from wmo.regels.vertegenwoordiging import OntvangerRol, Vertegenwoordiging, Vertegenwoordigt

pytestmark = pytest.mark.django_db

MENTOR = {
    "vertegenwoordiger_soort": Vertegenwoordiging.MENTOR,
    "vertegenwoordiger_naam": "Petra Smits",
    "vertegenwoordiger_adres": "Kerkplein 3",
    "vertegenwoordiger_postcode": "2011AB",
    "vertegenwoordiger_woonplaats": "Heemstede",
}
BEWIND = {
    **MENTOR,
    "vertegenwoordiger_soort": Vertegenwoordiging.BEWINDVOERDER,
    "vertegenwoordiger_naam": "Bewindvoering Kennemerland, t.a.v. Sander Mol",
}
KOPIE = {
    "contactpersoon_naam": "Rob de Wit",
    "contactpersoon_relatie": "zoon",
    "contactpersoon_adres": "Lindenlaan 8, 2012 CD Haarlem",
    "contactpersoon_krijgt_kopie": True,
}


def _sturen(consulent, soort=BriefSoort.ONTVANGSTBEVESTIGING, **inwoner):
    melding = MeldingFactory(consulent=consulent, team=consulent.team, inwoner=InwonerFactory(**inwoner))
    context = dict.fromkeys(brieven.SOORTEN[soort].velden)
    origineel = brieven.brief_versturen(soort=soort, melding=melding, door=consulent, context=context)
    return melding, origineel, list(Brief.objects.filter(melding=melding).order_by("pk"))


def test_wat_een_vertegenwoordiger_vertegenwoordigt():
    """Curator: persoon en geld (BW 1:381 lid 2 en 4); mentor: persoon (1:453); bewindvoerder: geld (1:441)."""
    assert regel.vertegenwoordigt(Vertegenwoordiging.CURATOR) == Vertegenwoordigt.BEIDE
    assert regel.vertegenwoordigt(Vertegenwoordiging.MENTOR) == Vertegenwoordigt.PERSOON
    assert regel.vertegenwoordigt(Vertegenwoordiging.BEWINDVOERDER) == Vertegenwoordigt.GELD
    assert regel.vertegenwoordigt("") is None
    assert regel.krijgt_origineel(Vertegenwoordiging.CURATOR) and regel.krijgt_origineel(
        Vertegenwoordiging.MENTOR
    )
    assert not regel.krijgt_origineel(Vertegenwoordiging.BEWINDVOERDER) and not regel.krijgt_origineel("")


def test_zonder_vertegenwoordiger_gaat_de_brief_naar_de_inwoner(consulent):
    melding, origineel, alle = _sturen(consulent)
    inwoner = melding.inwoner
    assert alle == [origineel]
    assert (origineel.ontvanger_naam, origineel.ontvanger_rol, origineel.origineel) == (
        inwoner.naam,
        OntvangerRol.INWONER,
        None,
    )
    assert origineel.ontvanger_adres.splitlines()[0] == inwoner.adresregel
    tekst = pdf_tekst(bytes(origineel.pdf))
    assert f"{inwoner.naam} {inwoner.adresregel}" in tekst and "KOPIE" not in tekst


def test_een_mentor_krijgt_het_origineel_op_eigen_adres(consulent):
    melding, origineel, alle = _sturen(consulent, **MENTOR)
    inwoner = melding.inwoner
    assert alle == [origineel]  # no separate copy to the inwoner: the mentor involves them (BW 1:454)
    assert (origineel.ontvanger_naam, origineel.ontvanger_rol) == ("Petra Smits", OntvangerRol.MENTOR)
    assert origineel.ontvanger_adres == "Kerkplein 3\n2011 AB  HEEMSTEDE"
    tekst = pdf_tekst(bytes(origineel.pdf))
    assert f"Petra Smits Mentor van {inwoner.naam} Kerkplein 3 2011 AB HEEMSTEDE" in tekst
    assert f"U krijgt deze brief omdat u de mentor bent van {inwoner.naam}." in tekst
    assert f"In de rest van deze brief bedoelen wij met ‘u’: {inwoner.naam}." in tekst
    assert inwoner.adresregel not in tekst
    assert "KOPIE" not in tekst
    assert "Beste Petra Smits," in tekst and f"Beste {inwoner.naam}" not in tekst  # greets who reads it


def test_curator_origineel_en_contactpersoon_een_kopie(consulent):
    melding, origineel, alle = _sturen(consulent, **MENTOR | {"vertegenwoordiger_soort": "curator"}, **KOPIE)
    inwoner = melding.inwoner
    assert len(alle) == 2 and alle[0] == origineel
    kopie = alle[1]
    assert origineel.ontvanger_rol == OntvangerRol.CURATOR and not origineel.is_kopie
    assert (kopie.ontvanger_naam, kopie.ontvanger_rol, kopie.origineel) == (
        "Rob de Wit",
        OntvangerRol.CONTACTPERSOON,
        origineel,
    )
    assert kopie.ontvanger_adres == "Lindenlaan 8\n2012 CD HAARLEM"
    assert kopie.verstuurd_op == origineel.verstuurd_op and kopie.sha256 != origineel.sha256
    assert "KOPIE" not in pdf_tekst(bytes(origineel.pdf))
    tekst = pdf_tekst(bytes(kopie.pdf))
    assert "KOPIE Rob de Wit Lindenlaan 8 2012 CD HAARLEM" in tekst
    assert f"Dit is een kopie van de brief aan Petra Smits, curator van {inwoner.naam}." in tekst
    assert f"omdat u contactpersoon bent van {inwoner.naam} en een kopie van onze brieven krijgt" in tekst
    assert "Wij hebben uw melding ontvangen" in tekst  # the letter itself, unchanged
    assert "Beste Petra Smits," in tekst  # a copy greets as the original does


def test_bewindvoerder_krijgt_een_kopie_en_de_inwoner_het_origineel(consulent):
    melding, origineel, alle = _sturen(consulent, **BEWIND)
    inwoner = melding.inwoner
    assert [b.ontvanger_rol for b in alle] == [OntvangerRol.INWONER, OntvangerRol.BEWINDVOERDER]
    assert origineel.ontvanger_naam == inwoner.naam and alle[1].origineel == origineel
    tekst = pdf_tekst(bytes(alle[1].pdf))
    assert f"KOPIE Bewindvoering Kennemerland, t.a.v. Sander Mol Bewindvoerder van {inwoner.naam}" in tekst
    assert f"Dit is een kopie van de brief aan {inwoner.naam}." in tekst
    assert f"omdat u de bewindvoerder bent van {inwoner.naam}" in tekst
    assert f"Beste {inwoner.naam}," in tekst  # the inwoner keeps the original, so its greeting


def test_bewindvoerder_krijgt_geen_verslag_zonder_toestemming(consulent):
    """AVG art. 5 lid 1 onder c: the verslag's health details not to a bewindvoerder (money only)."""
    melding, origineel, alle = _sturen(consulent, BriefSoort.VERSLAG, **BEWIND, **KOPIE)
    assert [b.ontvanger_rol for b in alle] == [OntvangerRol.INWONER, OntvangerRol.CONTACTPERSOON]


def test_bewindvoerder_krijgt_het_verslag_met_vastgelegde_toestemming(client, consulent, loket):
    inwoner = InwonerFactory(**BEWIND)
    services.inwoner_wijzigen(inwoner=inwoner, door=loket, toestemming_verslag_bewindvoerder=True)
    inwoner.refresh_from_db()
    vandaag = inwoner.toestemming_verslag_bewindvoerder_op
    assert vandaag is not None and inwoner.toestemming_verslag_bewindvoerder_door == loket
    assert inwoner.history.first().history_user == loket

    melding = MeldingFactory(consulent=consulent, team=consulent.team, inwoner=inwoner)
    context = dict.fromkeys(brieven.SOORTEN[BriefSoort.VERSLAG].velden)
    brieven.brief_versturen(soort=BriefSoort.VERSLAG, melding=melding, door=consulent, context=context)
    rollen = list(
        Brief.objects.filter(melding=melding).values_list("ontvanger_rol", flat=True).order_by("pk")
    )
    assert rollen == [OntvangerRol.INWONER, OntvangerRol.BEWINDVOERDER]

    # Saving again keeps the first date and who recorded it; withdrawing clears both.
    services.inwoner_wijzigen(inwoner=inwoner, door=consulent, toestemming_verslag_bewindvoerder=True)
    assert inwoner.toestemming_verslag_bewindvoerder_door == loket
    client.force_login(loket)  # the form says when and by whom the consent was recorded
    html = client.get(reverse("meldingen:inwoner_wijzigen", args=[inwoner.pk])).content.decode()
    assert (
        f"Vastgelegd op {inwoner.toestemming_verslag_bewindvoerder_op:%-d} " in html
        and escape(str(loket)) in html
    )
    services.inwoner_wijzigen(inwoner=inwoner, door=consulent, toestemming_verslag_bewindvoerder=False)
    inwoner.refresh_from_db()
    assert inwoner.toestemming_verslag_bewindvoerder_op is None
    assert inwoner.toestemming_verslag_bewindvoerder_door is None


def _post(gemeente, **extra):
    data = {
        "bsn": "111222333", "voornamen": "Truus", "achternaam": "Vermeulen", "geboortedatum": "12-03-1941",
        "straat": "Kleverparkweg", "huisnummer": "41", "postcode": "2023 cb", "woonplaats": "Haarlem", "geslacht": "2",
        "gemeente": gemeente.pk, "contactvoorkeur": "telefoon",
    }  # fmt: skip
    return data | extra


def test_loket_legt_vertegenwoordiger_vast_met_fouten_bij_het_veld(client, loket, team):
    client.force_login(loket)
    gemeente = team.organisatie.gemeenten.first()
    url = reverse("meldingen:inwoner_registreren")
    response = client.post(
        url, _post(gemeente, vertegenwoordiger_soort="mentor", vertegenwoordiger_naam="Petra")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {
        "vertegenwoordiger_adres",
        "vertegenwoordiger_postcode",
        "vertegenwoordiger_woonplaats",
    }
    html = response.content.decode()
    assert 'value="Petra"' in html and 'href="#id_vertegenwoordiger_adres"' in html
    assert "Een curator of mentor krijgt de brieven in plaats van de inwoner" in html

    # Consent for the verslag is for a bewindvoerder only.
    post = _post(
        gemeente, **MENTOR | {"vertegenwoordiger_postcode": "2011 ab"}, toestemming_verslag_bewindvoerder="on"
    )
    response = client.post(url, post)
    assert "alleen als de vertegenwoordiger een bewindvoerder is" in " ".join(
        response.context["form"].errors["toestemming_verslag_bewindvoerder"]
    )

    # A contactpersoon who gets copies needs an address to send them to.
    response = client.post(url, _post(gemeente, contactpersoon_naam="Rob", contactpersoon_krijgt_kopie="on"))
    assert "adres" in " ".join(response.context["form"].errors["contactpersoon_adres"])

    post = _post(
        gemeente, **BEWIND | {"vertegenwoordiger_postcode": "2011 ab"}, toestemming_verslag_bewindvoerder="on"
    )
    response = client.post(url, post)
    assert response.status_code == 302
    inwoner = Inwoner.objects.get(bsn="111222333")
    assert (
        inwoner.vertegenwoordiger_postcode == "2011AB" and inwoner.vertegenwoordigt == Vertegenwoordigt.GELD
    )
    assert inwoner.toestemming_verslag_bewindvoerder_door == loket


def test_dossier_toont_aan_wie_elke_brief_ging(client, rol_gebruiker, team):
    consulent = rol_gebruiker(Rol.CONSULENT)
    gemeente = team.organisatie.gemeenten.first()
    melding, origineel, alle = _sturen(consulent, **MENTOR, **KOPIE, gemeente=gemeente)
    client.force_login(consulent)
    html = client.get(reverse("meldingen:dossier", args=[melding.inwoner.pk])).content.decode()
    assert "aan Petra Smits (mentor)" in html
    assert "Kopie: Ontvangstbevestiging melding" in html and "aan Rob de Wit (contactpersoon)" in html
    assert "Petra Smits, mentor (mentorschap), voor de persoon (zorg en begeleiding)" in html
    detail = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "aan Rob de Wit (contactpersoon)" in detail
