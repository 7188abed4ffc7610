"""What pages read from the query string without a form: search, paging, the BSN passed on, ids.

Each of these was a 500 (found by tests/invoer/test_vijandige_invoer.py or by reading every raw
``request.GET``/``request.POST``); each is now cleaned or validated first.
"""

import pytest
from django.urls import reverse

from meldingen.views import MAX_PAGINA, PER_PAGINA
from tests.factories import MeldingFactory
from wmo.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "q", ["\x00", "jan\x00sen", "x" * 5000, "2011AB 99999999999999999999", "2011 AB 1234567"]
)
def test_zoeken_met_nul_of_te_groot_getal(client, loket, q):
    """NUL: PostgreSQL refuses it in a text parameter (DataError). A 20-digit house number
    overflowed the integer column. Both now: a page with no results (and the form's error)."""
    client.force_login(loket)
    response = client.get(reverse("meldingen:inwoner_zoeken"), {"q": q})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("pagina", "verwacht"),
    [("-1", 1), ("0", 1), ("abc", 1), ("١", 1), ("\x00", 1), ("2", 2), ("99999999999999999999", MAX_PAGINA)],
)
def test_paginanummer(client, rol_gebruiker, team, pagina, verwacht, django_assert_max_num_queries):
    """A 20-digit page became an OFFSET PostgreSQL refuses (bigint out of range)."""
    client.force_login(rol_gebruiker(Rol.LOKETMEDEWERKER))
    with django_assert_max_num_queries(13):  # the page with the two-step check
        response = client.get(reverse("werkvoorraad"), {"pagina": pagina})
    assert response.status_code == 200 and response.context["pagina"] == verwacht
    assert PER_PAGINA * MAX_PAGINA < 2**31


@pytest.mark.parametrize("bsn", ["\x00", "<script>", "12345678", "9" * 50])
def test_bsn_uit_de_zoekpagina_alleen_als_het_een_bsn_is(client, loket, bsn):
    client.force_login(loket)
    response = client.get(reverse("meldingen:inwoner_registreren"), {"bsn": bsn})
    assert response.status_code == 200 and response.context["form"].initial["bsn"] == ""
    response = client.get(reverse("meldingen:inwoner_registreren"), {"bsn": "123456782"})
    assert response.context["form"].initial["bsn"] == "123456782"


@pytest.mark.parametrize("waarde", ["²", "١", "-1", "99999999999999999999", "\x00"])
def test_herverdelen_met_vreemde_ids(client, rol_gebruiker, team, waarde):
    """ "²" passed ``str.isdigit`` and then failed ``int()`` in the query: a 500. Now a 404."""
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    consulent = rol_gebruiker(Rol.CONSULENT)
    MeldingFactory(team=team, inwoner__gemeente=team.organisatie.gemeenten.first())
    client.force_login(teamleider)
    url = reverse("teamleider:herverdelen")
    assert client.get(url, {"van": waarde}).status_code == 404
    assert client.post(url, {"meldingen": [waarde], "consulent": consulent.pk}).status_code == 404


@pytest.mark.parametrize("sectie", ["r²", "r99999999999999999999", "r-1", "r١"])
def test_onbekende_sectie_van_het_onderzoek(client, team, consulent, sectie):
    from tests.gesprekken.factories import OnderzoekFactory

    melding = MeldingFactory(
        team=team, consulent=consulent, inwoner__gemeente=team.organisatie.gemeenten.first()
    )
    OnderzoekFactory(melding=melding, door=consulent)
    client.force_login(consulent)
    assert client.post(reverse("gesprekken:sectie", args=[melding.pk, sectie])).status_code == 404
