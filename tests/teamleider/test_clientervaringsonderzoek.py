"""The list for the cliëntervaringsonderzoek (Wmo 2015 art. 2.5.1) and CSV safety."""

from datetime import date

import pytest
from django.urls import reverse

from aanvragen.constants import Uitkomst
from meldingen.models import Inwoner
from teamleider.export import pseudoniem, veilige_cel
from teamleider.query.clientervaringsonderzoek import clientervaringsonderzoek
from tests.factories import InwonerFactory, MeldingFactory, TeamFactory
from wmo.models import Inzage

pytestmark = pytest.mark.django_db

URL = reverse("teamleider:clientervaringsonderzoek")


@pytest.fixture
def voorzieningen(melding_in, besluit, product, teamleider):
    """2026: P (granted, group 01), Q (granted 02, and a refused 01), R (granted, but opted out),
    S (ended 31 December 2025), T (only refused). Plus one of another team (out of scope)."""
    hbh, begeleiding = product("01"), product("02", "Begeleiding")

    def met(regels, achternaam, einddatum=None, opt_out=False):
        melding = melding_in(ontvangen=date(2025, 11, 3), in_onderzoek=True)
        Inwoner.objects.filter(pk=melding.inwoner_id).update(
            achternaam=achternaam, geen_clientervaringsonderzoek=opt_out
        )
        besluit(
            melding,
            ontvangen_op=date(2025, 12, 1),
            besloten_op=date(2025, 12, 10),
            regels=regels,
            ingangsdatum=date(2025, 12, 15),
            einddatum=einddatum,
        )
        return melding.inwoner

    p = met([(hbh, Uitkomst.TOEGEKEND)], '=HYPERLINK("http://x")')
    q = met([(begeleiding, Uitkomst.GEDEELTELIJK)], "Quist")
    met([(hbh, Uitkomst.TOEGEKEND)], "Ruis", opt_out=True)
    met([(hbh, Uitkomst.TOEGEKEND)], "Smit", einddatum=date(2025, 12, 31))
    met([(hbh, Uitkomst.AFGEWEZEN)], "Tol")
    MeldingFactory(team=TeamFactory(), inwoner=InwonerFactory())
    return {"p": p, "q": q}


def test_wie_in_de_lijst_staat(voorzieningen, teamleider, vers):
    rijen = clientervaringsonderzoek(vers(teamleider), jaar=2026)
    assert sorted(r["inwoner_id"] for r in rijen) == sorted([voorzieningen["p"].pk, voorzieningen["q"].pk])
    per_inwoner = {r["inwoner_id"]: r["productgroepen"] for r in rijen}
    assert per_inwoner[voorzieningen["q"].pk] == "02"
    assert len(clientervaringsonderzoek(vers(teamleider), jaar=2026, productgroep="01")) == 1
    # 2025: S counts too (its voorziening ran until 31 December 2025), R still opted out.
    assert len(clientervaringsonderzoek(vers(teamleider), jaar=2025)) == 3
    assert clientervaringsonderzoek(vers(teamleider), jaar=2024) == []


def test_steekproef_is_herhaalbaar(voorzieningen, teamleider, vers):
    user = vers(teamleider)
    een = clientervaringsonderzoek(user, jaar=2025, aantal=2, zaad="2026-cevo")
    twee = clientervaringsonderzoek(user, jaar=2025, aantal=2, zaad="2026-cevo")
    assert len(een) == 2
    assert [r["inwoner_id"] for r in een] == [r["inwoner_id"] for r in twee]


def test_gepseudonimiseerd_zonder_naam_of_bsn(voorzieningen, client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL, {"jaar": 2026, "variant": "gepseudonimiseerd", "zaad": "abc"})
    assert response.status_code == 200
    tekst = response.content.decode("utf-8-sig")
    regels = tekst.splitlines()
    assert regels[0] == "Pseudoniem;Gemeente;Productgroepen;Leeftijdsgroep"
    assert len(regels) == 3
    for inwoner in voorzieningen.values():
        assert inwoner.bsn not in tekst
        assert pseudoniem(inwoner.bsn, "abc") in tekst
    assert "HYPERLINK" not in tekst and not Inzage.objects.exists()


def test_adressen_veilig_en_met_spoor(voorzieningen, client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL, {"jaar": 2026, "variant": "adressen"})
    tekst = response.content.decode("utf-8-sig")
    # A mailing list: name and address, no BSN and no care products (AVG art. 5 lid 1 onder c).
    regels = tekst.splitlines()
    assert (
        regels[0]
        == "Voornamen;Tussenvoegsel;Achternaam;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Gemeente"
    )
    assert len(regels) == 3
    for inwoner in (voorzieningen["p"], voorzieningen["q"]):
        assert inwoner.bsn not in tekst
        assert inwoner.straat in tekst and inwoner.postcode in tekst
    assert "BSN" not in tekst and "Productgroepen" not in tekst
    # A name that looks like a formula is written as text (CSV injection).
    assert ';"\'=HYPERLINK(""http://x"")";' in tekst
    assert ";=HYPERLINK" not in tekst and ';"=HYPERLINK' not in tekst
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {
        voorzieningen["p"].pk,
        voorzieningen["q"].pk,
    }
    assert set(Inzage.objects.values_list("actie", "object_type", "wat", "medewerker_id")) == {
        ("exporteren", "inwoner", "Steekproef cliëntervaringsonderzoek", teamleider.pk)
    }


def test_formulier_zonder_jaar(client, teamleider):
    client.force_login(teamleider)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Download CSV" in response.content.decode()
    response = client.get(URL, {"jaar": "1999"})
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "waarde,verwacht",
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Jansen", "Jansen"),
        (-2, -2),
        (1.5, 1.5),
        (None, ""),
        (True, "ja"),
        (date(2026, 4, 7), "2026-04-07"),
    ],
)
def test_veilige_cel(waarde, verwacht):
    assert veilige_cel(waarde) == verwacht
