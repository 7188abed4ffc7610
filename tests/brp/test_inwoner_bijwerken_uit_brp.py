"""Refreshing a stored inwoner from the BRP (brp.services.inwoner_bijwerken_uit_brp) when a melding
is registered, before a letter and before an iWmo 301; the signals on the werkvoorraad; curatele
offered, never filled in. The BRP is outside our control: a fake server of the test's own
(tests/brp/fake_brp.py) answers after the published specification."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from brp import services
from brp.models import InwonerBrp
from meldingen import services as melding_services
from meldingen.models import Inwoner
from tests.aanvragen.factories import BeschikkingFactory
from tests.brp.fake_brp import persoon
from tests.factories import InwonerFactory, MeldingFactory
from wmo.models import Brief, Inzage

pytestmark = pytest.mark.django_db


@pytest.fixture
def inwoner(gemeente):
    return InwonerFactory(
        gemeente=gemeente,
        bsn="999993653",
        voornamen="Anna Maria",
        tussenvoegsel="de",
        achternaam="Vries",
        geboortedatum=date(1948, 3, 14),
        geslacht="2",
        straat="Kerkstraat",
        huisnummer=5,
        postcode="2011AA",
        woonplaats="Haarlem",
    )


def test_een_melding_werkt_de_inwoner_bij_met_geschiedenis_en_verschil(
    inwoner, consulent, koppeling_voor, fake_brp
):
    MeldingFactory(
        inwoner=inwoner, team=consulent.team, door=consulent
    )  # the earlier melding, no koppeling yet
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon()]
    MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    [verzoek] = fake_brp.verzoeken
    assert verzoek["body"]["burgerservicenummer"] == ["999993653"]
    inwoner = Inwoner.objects.get(pk=inwoner.pk)
    assert (inwoner.straat, inwoner.huisnummer, inwoner.postcode) == ("Grote Markt", 2, "2011RD")
    laatste = inwoner.history.first()
    assert laatste.history_change_reason == "Bijgewerkt uit de BRP (melding geregistreerd)"
    assert laatste.history_user == consulent
    brp = InwonerBrp.objects.get(inwoner=inwoner)
    assert brp.verschillen == [
        {
            "veld": "adres",
            "was": "Kerkstraat 5, 2011 AA Haarlem",
            "nu": "Grote Markt 2, 2011 RD Haarlem",
            "toelichting": "verhuisd sinds de vorige melding",
        }
    ]
    assert (brp.overleden, brp.verhuisd_buiten_gemeente, brp.curatele) == (False, False, False)
    assert brp.history.count() == 1
    assert Inzage.objects.filter(inwoner=inwoner, wat="BRP: persoon opgevraagd").count() == 1


def test_de_eerste_melding_zegt_alleen_verhuisd(inwoner, consulent, koppeling_voor, fake_brp):
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(geslachtsnaam="Jansen")]
    MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    verschillen = InwonerBrp.objects.get(inwoner=inwoner).verschillen
    assert verschillen[0] == {"veld": "achternaam", "was": "Vries", "nu": "Jansen"}
    assert verschillen[-1]["toelichting"] == "verhuisd"


def test_zonder_koppeling_geen_verzoek(inwoner, consulent, fake_brp):
    MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    assert fake_brp.verzoeken == []
    assert not InwonerBrp.objects.exists()


def test_overleden_en_verhuisd_buiten_de_gemeente_staan_op_de_werkvoorraad(
    inwoner, gemeente, consulent, koppeling_voor, fake_brp, client, django_assert_max_num_queries
):
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, consulent=consulent, door=consulent)
    ander = InwonerFactory(gemeente=gemeente, bsn="999990019")
    andere_melding = MeldingFactory(inwoner=ander, team=consulent.team, consulent=consulent, door=consulent)
    koppeling_voor(gemeente)
    fake_brp.personen = [
        persoon(overleden="2026-03-01"),
        persoon(bsn="999990019", gemeente=("0363", "Amsterdam"), postcode="1012AB", woonplaats="Amsterdam"),
    ]
    services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
    services.inwoner_bijwerken_uit_brp(inwoner=ander, door=consulent, aanleiding="test")
    assert InwonerBrp.objects.get(inwoner=inwoner).overleden
    assert InwonerBrp.objects.get(inwoner=ander).verhuisd_buiten_gemeente
    client.force_login(consulent)
    with django_assert_max_num_queries(40):
        html = client.get(reverse("werkvoorraad")).content.decode()
    assert "Signalen uit de BRP" in html
    assert f"{melding.kenmerk} {inwoner.naam}</a>: overleden" in html
    assert f"{andere_melding.kenmerk} {ander.naam}</a>: verhuisd buiten de gemeente" in html
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "volgens de BRP is Anna Maria de Vries overleden op 1 maart 2026" in html


def test_buitenland_houdt_het_adres_en_geeft_een_signaal(inwoner, consulent, koppeling_voor, fake_brp):
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(buitenland=True)]
    uitkomst = services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
    assert Inwoner.objects.get(pk=inwoner.pk).straat == "Kerkstraat"
    assert uitkomst.brp.verhuisd_buiten_gemeente
    assert uitkomst.verschillen[-1]["nu"] == "in het buitenland"


def test_een_lopende_voorziening_met_signaal_staat_op_de_werkvoorraad(
    consulent, koppeling_voor, fake_brp, client
):
    beschikking = BeschikkingFactory(
        verstuurd=True,
        door=consulent,
        aanvraag__melding__team=consulent.team,
        aanvraag__melding__consulent=consulent,
    )
    inwoner = beschikking.aanvraag.melding.inwoner
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(bsn=inwoner.bsn, overleden="2026-03-01")]
    services.inwoner_bijwerken_uit_brp(inwoner=inwoner, door=consulent, aanleiding="test")
    client.force_login(consulent)
    html = client.get(reverse("werkvoorraad")).content.decode()
    assert "Signalen uit de BRP" in html
    melding = beschikking.aanvraag.melding
    assert f"{melding.kenmerk} {inwoner.naam}</a>: overleden; er loopt nog een voorziening" in html


def test_curatele_wordt_aangeboden_en_nooit_stil_ingevuld(
    inwoner, consulent, loket, koppeling_voor, fake_brp, client
):
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(curatele=True)]
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    inwoner.refresh_from_db()
    assert inwoner.vertegenwoordiger_soort == ""
    assert InwonerBrp.objects.get(inwoner=inwoner).curatele is True
    client.force_login(loket)
    html = client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "De BRP meldt dat Anna Maria de Vries onder curatele staat" in html
    assert reverse("meldingen:inwoner_wijzigen", args=[inwoner.pk]) in html


def test_brp_plat_bij_het_registreren_de_melding_gaat_door(inwoner, loket, koppeling_voor, fake_brp, client):
    koppeling_voor(inwoner.gemeente)
    fake_brp.storing = "traag"
    client.force_login(loket)
    antwoord = client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]),
        {
            "team": loket.team_id,
            "ontvangen_datum": (timezone.localdate() - timedelta(days=2)).isoformat(),
            "ontvangen_tijd": "10:30",
            "kanaal": "telefoon",
            "melder": "inwoner",
            "hulpvraag": "Ik kan mijn huis niet meer schoonhouden.",
        },
        follow=True,
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert inwoner.meldingen.count() == 1, html[:3000]
    assert "De gegevens zijn niet bijgewerkt uit de BRP." in html
    assert Inzage.objects.filter(inwoner=inwoner, wat="BRP: persoon opgevraagd, mislukt (time-out)").exists()


def test_een_brief_gebruikt_de_gegevens_uit_de_brp(inwoner, consulent, koppeling_voor, fake_brp):
    melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon()]
    melding_services.ontvangstbevestiging_versturen(melding=melding, door=consulent)
    brief = Brief.objects.get(melding=melding)
    assert "Grote Markt 2" in brief.ontvanger_adres
    assert InwonerBrp.objects.get(inwoner=inwoner).aanleiding == "brief ontvangstbevestiging melding"


def test_een_iwmo_301_wordt_pas_gemaakt_na_bijwerken(consulent, koppeling_voor, fake_brp, settings, tmp_path):
    settings.IWMO_UITBOX = tmp_path
    beschikking = BeschikkingFactory(verstuurd=True, door=consulent)
    inwoner = beschikking.aanvraag.melding.inwoner
    koppeling_voor(inwoner.gemeente)
    fake_brp.personen = [persoon(bsn=inwoner.bsn)]
    from iwmo.models import Toewijzing
    from iwmo.services import bericht_klaarzetten

    toewijzingen = list(Toewijzing.objects.filter(inwoner=inwoner))
    bericht_klaarzetten(
        gemeente=inwoner.gemeente,
        aanbieder=beschikking.regels.get().aanbieder,
        inwoner=inwoner,
        melding=beschikking.aanvraag.melding,
        gewijzigd=toewijzingen,
        door=consulent,
    )
    assert fake_brp.verzoeken and fake_brp.verzoeken[0]["body"]["burgerservicenummer"] == [inwoner.bsn]
    assert InwonerBrp.objects.get(inwoner=inwoner).aanleiding == "iWmo-toewijzing"
    assert Inwoner.objects.get(pk=inwoner.pk).straat == "Grote Markt"


def test_na_de_bewaartermijn_gaat_wat_de_brp_zei_mee_weg(consulent, koppeling_voor, fake_brp, settings):
    """AVG art. 5 lid 1 onder e: the anonymisation of a closed dossier (privacy.bewaartermijn) also
    removes InwonerBrp and its history, whose differences hold old names and addresses."""
    import time_machine

    from meldingen.constants import Afsluitreden
    from privacy.bewaartermijn import dossier_anonimiseren

    settings.DOSSIER_BEWAARTERMIJN_JAREN = 15
    with time_machine.travel(date(2010, 3, 11), tick=False):
        gemeente = consulent.organisatie.gemeenten.get()
        koppeling_voor(gemeente)
        inwoner = InwonerFactory(gemeente=gemeente, bsn="999993653", straat="Kerkstraat")
        fake_brp.personen = [persoon()]
        melding = MeldingFactory(inwoner=inwoner, team=consulent.team, door=consulent)
        melding_services.melding_afsluiten(melding=melding, door=consulent, reden=Afsluitreden.OPGELOST)
    assert InwonerBrp.history.filter(inwoner_id=inwoner.pk).exists()
    with time_machine.travel(date(2025, 3, 12), tick=False):
        assert dossier_anonimiseren(inwoner=inwoner, door=consulent) is not None
    assert not InwonerBrp.objects.filter(inwoner_id=inwoner.pk).exists()
    assert not InwonerBrp.history.filter(inwoner_id=inwoner.pk).exists()
