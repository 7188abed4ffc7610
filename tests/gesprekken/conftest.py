import pytest

from gesprekken import services
from gesprekken.constants import Oplossing, Trede
from gesprekken.models import ResultaatOnderzoek
from tests.factories import MeldingFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo.constants import Resultaatgebied, VoorzieningSoort
from wmo.models import Voorziening


@pytest.fixture
def catalogus(db):
    return {
        "boodschappendienst": Voorziening.objects.create(
            naam="Boodschappendienst", soort=VoorzieningSoort.ALGEMEEN
        ),
        "hbh": Voorziening.objects.create(
            naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="01"
        ),
    }


@pytest.fixture
def melding(team, consulent):
    return MeldingFactory(
        team=team,
        consulent=consulent,
        inwoner__gemeente=team.organisatie.gemeenten.first(),
        hulpvraag="Ik krijg mijn boodschappen niet meer thuis en het huis wordt vies.",
    )


@pytest.fixture
def onderzoek(melding, consulent):
    return OnderzoekFactory(melding=melding, door=consulent)


def ladder_invullen(resultaat, door, *, maatwerk=None, tot=Trede.ALGEMENE_VOORZIENING, extra_velden=None):
    """Answer the rungs up to ``tot`` and, when given, propose ``maatwerk`` on the last rung."""
    treden = {
        nr: {
            "besproken": True,
            "bevinding": f"Bevinding bij {Trede(nr).label.lower()}",
            "oplost": Oplossing.NIET,
            "waarom": f"Reden {nr}",
        }
        for nr in Trede.values
        if nr <= tot
    }
    if maatwerk is not None:
        treden[Trede.MAATWERK] = {
            "besproken": True,
            "bevinding": "Hulp bij het huishouden, 3 uur per week.",
            "oplost": Oplossing.HELEMAAL,
            "waarom": "",
            "voorziening": maatwerk,
        }
    velden = {
        "aan_de_orde": True,
        "wat_lukt": "Koken lukt nog.",
        "wat_lukt_niet": "Stofzuigen en de badkamer lukken niet meer.",
        "oorzaak_inwoner": "Sinds mijn longziekte ben ik snel moe.",
        "te_bereiken_resultaat": "Het huis is schoon: woonkamer, keuken, badkamer en slaapkamer elke week.",
        "oplossing": "Hulp bij het huishouden van de gemeente.",
        **(extra_velden or {}),
    }
    resultaat.refresh_from_db()
    return services.resultaat_opslaan(
        resultaat=resultaat, door=door, versie=resultaat.versie, velden=velden, treden=treden
    )


def resultaat(onderzoek, gebied=Resultaatgebied.SCHOON_HUIS) -> ResultaatOnderzoek:
    return ResultaatOnderzoek.objects.get(onderzoek=onderzoek, gebied=gebied)
