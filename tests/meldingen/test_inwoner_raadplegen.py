"""Who may open an inwoner: a care relation, or a lookup with a reason that expires and is logged.

Partners see only the inwoners of their own meldingen (a 404 otherwise, also for wijzigen);
loket, consulent and teamleider of the execution organisation may open another inwoner of their
gemeenten after giving a reason ("Inzien zonder lopende melding").
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from meldingen import services
from meldingen.constants import Afsluitreden, RaadplegingReden
from meldingen.models import Raadpleging
from tests.factories import InwonerFactory, MeldingFactory, OrganisatieFactory, TeamFactory
from wmo.constants import Rol
from wmo.models import Inzage

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def _dossier(inwoner):
    return reverse("meldingen:dossier", args=[inwoner.pk])


def _wijzigen(inwoner):
    return reverse("meldingen:inwoner_wijzigen", args=[inwoner.pk])


def _raadplegen(inwoner, volgende=None):
    url = reverse("meldingen:inwoner_raadplegen", args=[inwoner.pk])
    return f"{url}?volgende={volgende}" if volgende else url


@pytest.fixture
def gemeente(team):
    return team.organisatie.gemeenten.first()


@pytest.fixture
def melding_ander_team(team, gemeente):
    """An inwoner of the organisation's gemeente whose melding another team of it handles."""
    return MeldingFactory(team=TeamFactory(organisatie=team.organisatie), inwoner__gemeente=gemeente)


@pytest.fixture
def partner(team, gemeente, rol_gebruiker):
    partner_team = TeamFactory(organisatie=OrganisatieFactory(partner=True, gemeenten=[gemeente]))
    return rol_gebruiker(Rol.LOKETMEDEWERKER, Rol.CONSULENT, team=partner_team)


# --- Partner organisation: only the inwoners of its own meldingen ---------------------------------


def test_partner_krijgt_404_op_inwoner_zonder_eigen_melding(client, partner, gemeente, team):
    haarlemmer = MeldingFactory(team=team, inwoner__gemeente=gemeente).inwoner
    zonder_melding = InwonerFactory(gemeente=gemeente)
    client.force_login(partner)
    for inwoner in (haarlemmer, zonder_melding):
        assert client.get(_dossier(inwoner)).status_code == 404
        assert client.get(_wijzigen(inwoner)).status_code == 404
        assert client.post(_wijzigen(inwoner), {"achternaam": "Anders"}).status_code == 404
        assert client.get(_raadplegen(inwoner)).status_code == 404
        assert client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.CONTACT}).status_code == 404
    assert not Raadpleging.objects.exists()
    haarlemmer.refresh_from_db()
    assert haarlemmer.achternaam != "Anders"


def test_partner_vindt_inwoner_zonder_bsn_en_mag_wel_melden(client, partner, gemeente, team):
    inwoner = MeldingFactory(team=team, inwoner__gemeente=gemeente, inwoner__achternaam="Zoekmans").inwoner
    client.force_login(partner)
    # Searching by the full BSN finds the inwoner; the results (the box keeps what was typed) do not show it.
    html = client.get(
        reverse("meldingen:inwoner_zoeken"),
        {"q": inwoner.bsn},
        headers={"HX-Request": "true", "HX-Target": "zoekresultaten"},
    ).content.decode()
    assert escape(inwoner.naam) in html and inwoner.bsn not in html.split("</caption>")[1]
    assert f"••••••{inwoner.bsn[-3:]}" in html
    assert f'href="{_dossier(inwoner)}"' not in html and _raadplegen(inwoner) not in html
    assert reverse("meldingen:melding_registreren", args=[inwoner.pk]) in html
    assert client.get(reverse("meldingen:melding_registreren", args=[inwoner.pk])).status_code == 200


def test_partner_ziet_en_wijzigt_inwoner_van_eigen_melding(client, partner, gemeente):
    melding = MeldingFactory(team=partner.team, inwoner__gemeente=gemeente)
    client.force_login(partner)
    response = client.get(_dossier(melding.inwoner))
    assert response.status_code == 200 and melding.inwoner.bsn in response.content.decode()
    assert client.get(_wijzigen(melding.inwoner)).status_code == 200


# --- Execution organisation: a care relation, or a reason -----------------------------------------


def test_consulent_van_ander_team_geeft_reden_en_ziet_dan_het_dossier(
    client, rol_gebruiker, melding_ander_team
):
    consulent = rol_gebruiker(Rol.CONSULENT)
    inwoner = melding_ander_team.inwoner
    client.force_login(consulent)
    # The search shows whom it found, the BSN masked, and the way in with a reason.
    html = client.get(reverse("meldingen:inwoner_zoeken"), {"q": inwoner.achternaam}).content.decode()
    assert inwoner.bsn not in html and f"••••••{inwoner.bsn[-3:]}" in html
    assert "Geen lopende melding" in html and _raadplegen(inwoner) in html
    # The dossier asks for a reason first.
    response = client.get(_dossier(inwoner))
    assert response.status_code == 302 and response["Location"] == _raadplegen(inwoner, "dossier")
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Inzien zonder lopende melding" in html and inwoner.bsn not in html
    response = client.post(
        _raadplegen(inwoner),
        {"reden": RaadplegingReden.CONTACT, "toelichting": "Belt over de wachttijd", "volgende": "dossier"},
    )
    assert response.status_code == 302 and response["Location"] == _dossier(inwoner)
    response = client.get(_dossier(inwoner))
    assert response.status_code == 200 and inwoner.bsn in response.content.decode()
    raadpleging = Raadpleging.objects.get()
    assert (raadpleging.medewerker, raadpleging.inwoner, raadpleging.reden, raadpleging.toelichting) == (
        consulent,
        inwoner,
        RaadplegingReden.CONTACT,
        "Belt over de wachttijd",
    )
    assert raadpleging.geldig_tot - raadpleging.tijdstip == timedelta(minutes=60)
    log = list(
        Inzage.objects.filter(medewerker=consulent, inwoner=inwoner)
        .order_by("tijdstip", "pk")
        .values_list("wat", flat=True)
    )
    assert log == [
        # The search text itself is not logged (it may hold a BSN or name; the log outlives anonymisation).
        "Zoekresultaat: gezocht op naam",
        "Inzien zonder lopende melding: vraag om reden",
        # Inzage.wat is short (cut with an ellipsis); the whole reason stays on the Raadpleging.
        services.inzage_wat(
            "Geraadpleegd zonder zorgrelatie: De inwoner of iemand namens de inwoner neemt contact op (Belt over de wachttijd)"
        ),
        "dossier",
    ]
    # Under the lookup the other team's meldingen stay out of sight.
    assert response.context["meldingen"] == []


@pytest.mark.parametrize("rol", [Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER])
def test_elke_dossierrol_mag_raadplegen(client, rol_gebruiker, gemeente, rol):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(rol_gebruiker(rol))
    assert client.get(_dossier(inwoner))["Location"] == _raadplegen(inwoner, "dossier")
    client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.POST})
    assert client.get(_dossier(inwoner)).status_code == 200


def test_beheerder_mag_niet_raadplegen(client, beheerder, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(beheerder)
    assert client.get(_raadplegen(inwoner)).status_code == 403
    assert client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.POST}).status_code == 403
    assert not Raadpleging.objects.exists()


def test_inwoner_van_andere_organisatie_blijft_404(client, loket):
    vreemd = MeldingFactory().inwoner  # other organisation, other gemeente
    client.force_login(loket)
    assert client.get(_raadplegen(vreemd)).status_code == 404
    assert client.post(_raadplegen(vreemd), {"reden": RaadplegingReden.POST}).status_code == 404
    assert client.get(_dossier(vreemd)).status_code == 404
    with pytest.raises(Exception, match="niet inzien"):
        services.inwoner_raadplegen(door=loket, inwoner=vreemd, reden=RaadplegingReden.POST)
    assert not Raadpleging.objects.exists()


def test_met_zorgrelatie_direct_naar_het_dossier(client, consulent, team, gemeente):
    inwoner = MeldingFactory(team=team, inwoner__gemeente=gemeente).inwoner
    client.force_login(consulent)
    assert client.get(_dossier(inwoner)).status_code == 200
    assert client.get(_raadplegen(inwoner))["Location"] == _dossier(inwoner)
    assert client.get(_raadplegen(inwoner, "wijzigen"))["Location"] == _wijzigen(inwoner)
    assert not Raadpleging.objects.exists()


def test_reden_verplicht_en_anders_met_toelichting(client, consulent, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(consulent)
    response = client.post(_raadplegen(inwoner), {"toelichting": "wat ik typte"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies waarom u het dossier wilt inzien." in html and "wat ik typte" in html
    response = client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.ANDERS, "toelichting": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["toelichting"] == ["Schrijf op waarom u het dossier wilt inzien."]
    assert re.search(r'value="anders"[^>]*checked', response.content.decode())
    response = client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.ANDERS, "toelichting": "x" * 201})
    assert "toelichting" in response.context["form"].errors
    response = client.post(_raadplegen(inwoner), {"reden": "gluren"})
    assert "reden" in response.context["form"].errors
    assert not Raadpleging.objects.exists()
    assert client.get(_dossier(inwoner)).status_code == 302


def test_lange_toelichting_past_in_het_log(client, consulent, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(consulent)
    client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.ANDERS, "toelichting": "y" * 200})
    assert Raadpleging.objects.get().toelichting == "y" * 200
    wat = Inzage.objects.get(wat__startswith="Geraadpleegd").wat
    assert wat.startswith("Geraadpleegd zonder zorgrelatie: Anders (yyy") and wat.endswith("…")
    assert len(wat) == Inzage._meta.get_field("wat").max_length


def test_volgende_alleen_dossier_of_wijzigen(client, loket, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(loket)
    assert client.get(_wijzigen(inwoner))["Location"] == _raadplegen(inwoner, "wijzigen")
    response = client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.POST, "volgende": "wijzigen"})
    assert response["Location"] == _wijzigen(inwoner)
    assert client.get(_wijzigen(inwoner)).status_code == 200
    ander = InwonerFactory(gemeente=gemeente)
    response = client.post(
        _raadplegen(ander), {"reden": RaadplegingReden.POST, "volgende": "https://example.org/"}
    )
    assert response["Location"] == _dossier(ander)


def test_raadpleging_verloopt(client, consulent, gemeente):
    """60 minutes by default, then a new reason; after travelling the test logs in again (a session
    may end after inactivity)."""
    inwoner = InwonerFactory(gemeente=gemeente)
    with time_machine.travel(datetime(2026, 10, 25, 2, 30, tzinfo=AMS), tick=False) as reis:  # the DST night
        client.force_login(consulent)
        client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.CONTACT})
        assert client.get(_dossier(inwoner)).status_code == 200
        reis.shift(timedelta(minutes=59))
        client.force_login(consulent)
        assert client.get(_dossier(inwoner)).status_code == 200
        assert client.get(_wijzigen(inwoner)).status_code == 200
        reis.shift(timedelta(minutes=2))
        client.force_login(consulent)
        assert client.get(_dossier(inwoner))["Location"] == _raadplegen(inwoner, "dossier")
        assert client.get(_wijzigen(inwoner))["Location"] == _raadplegen(inwoner, "wijzigen")


def test_raadpleging_geldt_alleen_voor_wie_hem_deed(client, rol_gebruiker, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    eerste, tweede = rol_gebruiker(Rol.CONSULENT), rol_gebruiker(Rol.CONSULENT)
    services.inwoner_raadplegen(door=eerste, inwoner=inwoner, reden=RaadplegingReden.OVERDRACHT)
    client.force_login(tweede)
    assert client.get(_dossier(inwoner)).status_code == 302


def test_oude_afgesloten_melding_geeft_geen_zorgrelatie_meer(client, consulent, team, gemeente, settings):
    settings.ZORGRELATIE_MAANDEN = 6
    with time_machine.travel(datetime(2026, 1, 12, 11, tzinfo=AMS), tick=False) as reis:
        melding = MeldingFactory(team=team, inwoner__gemeente=gemeente)
        services.melding_afsluiten(melding=melding, door=consulent, reden=Afsluitreden.GEEN_WMO)
        reis.move_to(datetime(2026, 7, 11, 11, tzinfo=AMS))
        client.force_login(consulent)
        assert client.get(_dossier(melding.inwoner)).status_code == 200
        reis.move_to(datetime(2026, 7, 12, 11, tzinfo=AMS))
        client.force_login(consulent)
        assert client.get(_dossier(melding.inwoner))["Location"] == _raadplegen(melding.inwoner, "dossier")
        # ... and the melding itself stays in the consulent's melding scope, as before.
        assert client.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200


# --- Query budgets ------------------------------------------------------------------------------


def test_query_budget_raadplegen(client, consulent, gemeente, django_assert_max_num_queries):
    """9 for every page here (session, user, its two-step device, permissions twice, roles,
    organisation, gemeenten, the inwoner with its access in one query), + the log row (chain lock
    and insert, wmo.inzagelog) and the header's team; the POST adds the check, the Raadpleging and its log row in a transaction."""
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(consulent)
    with django_assert_max_num_queries(12):
        assert client.get(_raadplegen(inwoner)).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.post(_raadplegen(inwoner), {"reden": RaadplegingReden.POST}).status_code == 302
    ander = InwonerFactory(gemeente=gemeente)
    with django_assert_max_num_queries(12):
        assert client.get(_raadplegen(ander)).status_code == 200
    with django_assert_max_num_queries(23):
        assert client.get(_dossier(inwoner)).status_code == 200


def test_query_budget_doorsturen_naar_reden(client, consulent, gemeente, django_assert_max_num_queries):
    inwoner = InwonerFactory(gemeente=gemeente)
    client.force_login(consulent)
    with django_assert_max_num_queries(9):
        assert client.get(_dossier(inwoner)).status_code == 302
