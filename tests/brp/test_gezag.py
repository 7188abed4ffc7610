"""Gezag over a minor from the BRP (BRP API Personen 2.2+, ``gezag``): asked only for a stored
inwoner who is a minor today, parsed per type, stored on InwonerBrp with history, shown to the
loket as "wie krijgt de brieven" and never written into the vertegenwoordiger by itself; the
letter rule for the ouder of voogd met gezag (BW boek 1 art. 233, 245, 247; wmo.regels.vertegenwoordiging).

The BRP is outside our control: a fake server of the test's own (tests/brp/fake_brp.py) answers
after the published specification (specificatie/brp-api/gezag/gezagsrelatie-v2.yaml).
"""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from brp import client, services
from brp.constants import GezagSoort
from brp.models import InwonerBrp
from meldingen.forms import InwonerForm
from meldingen.models import Inwoner
from tests.brp.fake_brp import gezagsrelatie, persoon
from tests.factories import InwonerFactory, MeldingFactory
from wmo import brieven
from wmo.constants import BriefSoort
from wmo.models import Gemeente
from wmo.regels import vertegenwoordiging as regel
from wmo.regels.vertegenwoordiging import OntvangerRol, Vertegenwoordiging

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 5, 12)
KIND_BSN = "999990019"


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel(date(2026, 5, 12), tick=False):
        yield


def _kind(gemeente, geboren=date(2015, 9, 1), **velden):
    return InwonerFactory(
        gemeente=gemeente,
        bsn=KIND_BSN,
        voornamen="Daan",
        tussenvoegsel="",
        achternaam="Bakker",
        geboortedatum=geboren,
        **velden,
    )


def _brp_kind(gezag, geboren="2015-09-01"):
    return persoon(
        bsn=KIND_BSN, voornamen="Daan", voorvoegsel="", geslachtsnaam="Bakker", geboren=geboren, gezag=gezag
    )


def test_minderjarig_tot_de_achttiende_verjaardag():
    """BW art. 1:233: minderjarig is who has not reached 18; born on 29 February: 18 on 1 March."""
    assert regel.minderjarig(date(2008, 5, 13), VANDAAG)
    assert not regel.minderjarig(date(2008, 5, 12), VANDAAG)
    assert regel.minderjarig(date(2008, 2, 29), date(2026, 2, 28))
    assert not regel.minderjarig(date(2008, 2, 29), date(2026, 3, 1))
    assert not regel.minderjarig(None, VANDAAG)


@pytest.mark.parametrize(
    ("geboren", "gevraagd"),
    [
        (date(2015, 9, 1), True),
        (date(2008, 5, 13), True),
        (date(2008, 5, 12), False),
        (date(1948, 3, 14), False),
    ],
)
def test_gezag_wordt_alleen_voor_een_minderjarige_gevraagd(
    gemeente, consulent, koppeling_voor, fake_brp, geboren, gevraagd
):
    """Data minimisation (AVG art. 5 lid 1 onder c): the request's fields hold ``gezag`` only for a minor."""
    koppeling_voor(gemeente)
    inwoner = _kind(gemeente, geboren=geboren)
    fake_brp.personen = [_brp_kind([gezagsrelatie("EenhoofdigOuderlijkGezag", KIND_BSN, ouder="Eva Bakker")])]
    services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
    [verzoek] = fake_brp.verzoeken
    velden = verzoek["body"]["fields"]
    assert ("gezag" in velden) is gevraagd
    assert [v for v in velden if v != "gezag"] == client.RAADPLEEG_VELDEN
    brp = InwonerBrp.objects.get(inwoner=inwoner)
    if gevraagd:
        assert (brp.gezag_soort, brp.gezaghebbenden) == (GezagSoort.EENHOOFDIG_OUDERLIJK, ["Eva Bakker"])
    else:
        assert (brp.gezag_soort, brp.gezaghebbenden) == ("", [])


def test_de_zoekvraag_aan_het_loket_vraagt_geen_gezag(gemeente, loket, koppeling_voor, fake_brp):
    koppeling_voor(gemeente)
    fake_brp.personen = [_brp_kind([gezagsrelatie("Voogdij", KIND_BSN, derden=["Stichting Jeugdzorg"])])]
    services.brp_raadplegen(door=loket, gemeente=gemeente, bsn=KIND_BSN)
    assert "gezag" not in fake_brp.verzoeken[0]["body"]["fields"]


@pytest.mark.parametrize(
    ("relatie", "soort", "namen"),
    [
        (
            gezagsrelatie("GezamenlijkOuderlijkGezag", KIND_BSN, ouders=["Eva Bakker", "Tim de Boer"]),
            GezagSoort.GEZAMENLIJK_OUDERLIJK,
            ("Eva Bakker", "Tim de Boer"),
        ),
        (
            gezagsrelatie("TweehoofdigOuderlijkGezag", KIND_BSN, ouders=["Eva Bakker", "Tim de Boer"]),
            GezagSoort.GEZAMENLIJK_OUDERLIJK,
            ("Eva Bakker", "Tim de Boer"),
        ),
        (
            gezagsrelatie("EenhoofdigOuderlijkGezag", KIND_BSN, ouder="Eva Bakker"),
            GezagSoort.EENHOOFDIG_OUDERLIJK,
            ("Eva Bakker",),
        ),
        (
            gezagsrelatie("GezamenlijkGezag", KIND_BSN, ouder="Eva Bakker", derde="Joost Smit"),
            GezagSoort.GEZAMENLIJK,
            ("Eva Bakker", "Joost Smit"),
        ),
        (
            gezagsrelatie("GezamenlijkGezag", KIND_BSN, ouder="Eva Bakker", derde=None),
            GezagSoort.GEZAMENLIJK,
            ("Eva Bakker", "een ander (naam niet bekend in de BRP)"),
        ),
        (
            gezagsrelatie("Voogdij", KIND_BSN, derden=["Stichting Jeugdzorg"]),
            GezagSoort.VOOGDIJ,
            ("Stichting Jeugdzorg",),
        ),
        (
            gezagsrelatie("Voogdij", KIND_BSN, derden=[]),
            GezagSoort.VOOGDIJ,
            ("een voogd (naam niet bekend in de BRP)",),
        ),
        (
            gezagsrelatie("TijdelijkGeenGezag", KIND_BSN, toelichting="Tijdelijk geen gezag"),
            GezagSoort.TIJDELIJK_GEEN,
            (),
        ),
        (
            gezagsrelatie("GezagNietTeBepalen", KIND_BSN, toelichting="Gezag is niet te bepalen"),
            GezagSoort.NIET_TE_BEPALEN,
            (),
        ),
        # About another child (the gezag this person has over their own children): not about them.
        (
            gezagsrelatie("EenhoofdigOuderlijkGezag", "999993653", ouder="Daan Bakker"),
            GezagSoort.ONBEKEND,
            (),
        ),
        ({"type": "Onzin", "minderjarige": {"burgerservicenummer": KIND_BSN}}, GezagSoort.ONBEKEND, ()),
    ],
)
def test_elk_soort_gezag_wordt_gelezen(fake_brp, relatie, soort, namen):
    fake_brp.personen = [_brp_kind([relatie])]
    verbinding = client.Verbinding(
        basis_url=fake_brp.url,
        authenticatie="api_sleutel",
        header_naam="X-API-KEY",
        geheim=fake_brp.api_key,
        timeout=1,
    )
    p = client.raadplegen(verbinding, KIND_BSN, velden=client.raadpleeg_velden(date(2015, 9, 1), VANDAAG))
    assert p.gezag == client.Gezag(soort=soort, gezaghebbenden=namen)


def test_zonder_gezag_in_het_antwoord_is_het_onbekend_en_zonder_vraag_niets(fake_brp):
    fake_brp.personen = [_brp_kind(None)]
    verbinding = client.Verbinding(
        basis_url=fake_brp.url,
        authenticatie="api_sleutel",
        header_naam="X-API-KEY",
        geheim=fake_brp.api_key,
        timeout=1,
    )
    assert client.raadplegen(
        verbinding, KIND_BSN, velden=[*client.RAADPLEEG_VELDEN, "gezag"]
    ).gezag == client.Gezag(soort=GezagSoort.ONBEKEND)
    assert client.raadplegen(verbinding, KIND_BSN).gezag is None


def test_gezag_wordt_aangeboden_nooit_stil_ingevuld_en_heeft_geschiedenis(
    gemeente, consulent, loket, koppeling_voor, fake_brp, client
):
    inwoner = _kind(gemeente)
    koppeling_voor(gemeente)
    fake_brp.personen = [
        _brp_kind(
            [gezagsrelatie("GezamenlijkOuderlijkGezag", KIND_BSN, ouders=["Eva Bakker", "Tim de Boer"])]
        )
    ]
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    inwoner.refresh_from_db()
    assert inwoner.vertegenwoordiger_soort == ""
    client.force_login(loket)
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert (
        "Volgens de BRP hebben Eva Bakker en Tim de Boer het gezag over Daan Bakker "
        "(gezamenlijk ouderlijk gezag (beide ouders)). Brieven over een kind gaan naar wie het gezag heeft."
        in html
    )
    assert "Vul de ouder of voogd met gezag in bij de gegevens van de inwoner" in html
    # The BRP changes its word (a court gave voogdij): stored with history, the old one kept there.
    fake_brp.personen = [_brp_kind([gezagsrelatie("Voogdij", KIND_BSN, derden=["Stichting Jeugdzorg"])])]
    services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
    brp = InwonerBrp.objects.get(inwoner=inwoner)
    assert (brp.gezag_soort, brp.gezaghebbenden) == (GezagSoort.VOOGDIJ, ["Stichting Jeugdzorg"])
    assert [h.gezag_soort for h in brp.history.order_by("history_date")] == [
        GezagSoort.GEZAMENLIJK_OUDERLIJK,
        GezagSoort.VOOGDIJ,
    ]
    # Once the loket filled in the gezag, the page says what the BRP says without offering it again.
    Inwoner.objects.filter(pk=inwoner.pk).update(
        vertegenwoordiger_soort=Vertegenwoordiging.GEZAG,
        vertegenwoordiger_naam="Stichting Jeugdzorg",
        vertegenwoordiger_adres="Postbus 1",
        vertegenwoordiger_postcode="2000AA",
        vertegenwoordiger_woonplaats="Haarlem",
    )
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "Volgens de BRP heeft Stichting Jeugdzorg het gezag over Daan Bakker (voogdij)." in html
    assert "Vul de ouder of voogd met gezag in" not in html


@pytest.mark.parametrize(
    ("relatie", "tekst"),
    [
        (
            gezagsrelatie("TijdelijkGeenGezag", KIND_BSN, toelichting="Tijdelijk geen gezag"),
            "Let op: Volgens de BRP heeft op dit moment niemand het gezag over Daan Bakker.",
        ),
        (
            gezagsrelatie("GezagNietTeBepalen", KIND_BSN, toelichting="Gezag niet te bepalen"),
            "Let op: De BRP kan niet zeggen wie het gezag heeft over Daan Bakker.",
        ),
        (None, "Let op: De BRP gaf niet door wie het gezag heeft over Daan Bakker."),
    ],
)
def test_gezag_niet_bekend_vraagt_om_te_controleren(
    gemeente, consulent, loket, koppeling_voor, fake_brp, client, relatie, tekst
):
    inwoner = _kind(gemeente)
    koppeling_voor(gemeente)
    fake_brp.personen = [_brp_kind([relatie] if relatie else None)]
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    client.force_login(loket)
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert tekst in html
    assert "Zoek uit wie het gezag heeft voordat u een brief stuurt" in html


def test_een_volwassene_krijgt_geen_gezag_getoond_en_het_oude_gezag_verdwijnt(
    gemeente, consulent, loket, koppeling_voor, fake_brp, client
):
    inwoner = _kind(gemeente, geboren=date(2008, 5, 13))  # 18 tomorrow
    koppeling_voor(gemeente)
    fake_brp.personen = [
        _brp_kind(
            [gezagsrelatie("EenhoofdigOuderlijkGezag", KIND_BSN, ouder="Eva Bakker")], geboren="2008-05-13"
        )
    ]
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    assert InwonerBrp.objects.get(inwoner=inwoner).gezag_soort == GezagSoort.EENHOOFDIG_OUDERLIJK
    with time_machine.travel(date(2026, 5, 13), tick=False):
        services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
        assert "gezag" not in fake_brp.verzoeken[-1]["body"]["fields"]
        brp = InwonerBrp.objects.get(inwoner=inwoner)
        assert (brp.gezag_soort, brp.gezaghebbenden) == ("", [])
        client.force_login(loket)
        html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
        assert "het gezag over" not in html


GEZAG = {
    "vertegenwoordiger_soort": Vertegenwoordiging.GEZAG,
    "vertegenwoordiger_naam": "Eva Bakker",
    "vertegenwoordiger_adres": "Kerkplein 3",
    "vertegenwoordiger_postcode": "2011AB",
    "vertegenwoordiger_woonplaats": "Haarlem",
}


def test_de_ouder_met_gezag_krijgt_het_origineel_tot_het_kind_18_is(gemeente, consulent):
    """BW art. 1:245 lid 4 (gezag: persoon en vermogen) and 1:233 (18 years): the original to the
    one with gezag while the child is a minor, to the inwoner from the 18th birthday."""
    assert regel.krijgt_origineel(Vertegenwoordiging.GEZAG)
    inwoner = _kind(gemeente, geboren=date(2008, 5, 13), **GEZAG)
    [ontvanger] = brieven.ontvangers(soort=BriefSoort.ONTVANGSTBEVESTIGING, inwoner=inwoner)
    assert (ontvanger.naam, ontvanger.rol, ontvanger.kopie) == ("Eva Bakker", OntvangerRol.GEZAG, False)
    assert ontvanger.is_vertegenwoordiger
    with time_machine.travel(date(2026, 5, 13), tick=False):
        [ontvanger] = brieven.ontvangers(soort=BriefSoort.ONTVANGSTBEVESTIGING, inwoner=inwoner)
        assert (ontvanger.naam, ontvanger.rol) == ("Daan Bakker", OntvangerRol.INWONER)


def test_een_brief_aan_de_ouder_met_gezag(gemeente, consulent):
    from tests.pdf import pdf_tekst
    from wmo.models import Brief

    melding = MeldingFactory(consulent=consulent, team=consulent.team, inwoner=_kind(gemeente, **GEZAG))
    context = dict.fromkeys(brieven.SOORTEN[BriefSoort.ONTVANGSTBEVESTIGING].velden)
    brieven.brief_versturen(
        soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding, door=consulent, context=context
    )
    brief = Brief.objects.get(melding=melding)
    assert (brief.ontvanger_naam, brief.ontvanger_rol) == ("Eva Bakker", OntvangerRol.GEZAG)
    tekst = pdf_tekst(bytes(brief.pdf))
    assert "U krijgt deze brief omdat u de ouder of voogd met gezag bent van Daan Bakker." in tekst


def test_gezag_kiezen_kan_alleen_bij_een_kind(gemeente):
    volwassene = InwonerFactory(gemeente=gemeente, geboortedatum=date(1990, 1, 1))
    data = {**_formdata(volwassene), **GEZAG}
    form = InwonerForm(data=data, instance=volwassene, gemeenten=Gemeente.objects.all())
    assert not form.is_valid()
    assert form.errors["vertegenwoordiger_soort"] == [
        "Een ouder of voogd met gezag kan alleen bij een kind onder de 18 jaar. "
        "Kies een andere soort vertegenwoordiger, of geen."
    ]
    kind = _kind(gemeente)
    form = InwonerForm(data={**_formdata(kind), **GEZAG}, instance=kind, gemeenten=Gemeente.objects.all())
    assert "vertegenwoordiger_soort" not in form.errors


def _formdata(inwoner) -> dict:
    from django.forms.models import model_to_dict

    data = {k: v for k, v in model_to_dict(inwoner).items() if v is not None}
    data["geboortedatum"] = inwoner.geboortedatum.isoformat()
    return data
