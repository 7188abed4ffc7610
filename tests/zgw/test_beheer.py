"""Beheer pages of the zaaksysteem connection: the settings per gemeente (scoped, validated in B1,
secret never shown), and the list "Zaaksysteem: niet verzonden" (scoped, with its reason).

The zaaksysteem itself is not needed here: nothing is sent from these pages except by "Opnieuw",
which tests/zgw/test_verzenden_mislukt.py covers against the fake server.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import GemeenteFactory, MeldingFactory
from zgw.constants import OpdrachtSoort, OpdrachtStatus
from zgw.models import Opdracht, ZgwKoppeling

from .conftest import koppeling_velden

pytestmark = pytest.mark.django_db


class _Nep:
    """Only the addresses, for a form: no server is started."""

    def api(self, naam):
        return f"https://openzaak.haarlem.example/{naam}/api/v1/"


def _post_data(**wijzig):
    data = {k: v for k, v in koppeling_velden(_Nep()).items()}
    data.update(wijzig)
    return {k: ("on" if v is True else v) for k, v in data.items() if v is not False}


def test_koppeling_instellen(client, beheerder, gemeente, django_assert_max_num_queries, monkeypatch):
    client.force_login(beheerder)
    url = reverse("zgw_beheer:koppeling", args=[gemeente.pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    monkeypatch.setenv("KT_ZGW_TEST_SECRET", "het geheim zelf")
    with django_assert_max_num_queries(20):
        antwoord = client.post(url, _post_data())
    assert antwoord.status_code == 302
    koppeling = ZgwKoppeling.objects.get(gemeente=gemeente)
    assert koppeling.actief and koppeling.secret_naam == "KT_ZGW_TEST_SECRET"
    assert koppeling.history.get().history_user == beheerder
    with django_assert_max_num_queries(12):
        lijst = client.get(reverse("zgw_beheer:koppelingen"))
    assert "Ingesteld op de server" in lijst.text and "het geheim zelf" not in lijst.text
    assert "het geheim zelf" not in client.get(url).text


def test_foute_invoer_geeft_uitleg_en_houdt_wat_er_stond(client, beheerder, gemeente):
    client.force_login(beheerder)
    url = reverse("zgw_beheer:koppeling", args=[gemeente.pk])
    antwoord = client.post(
        url,
        _post_data(
            bronorganisatie="123456789", secret_naam="SECRET_KEY", zaken_api="ftp://x", client_id="kt-1"
        ),
    )
    assert antwoord.status_code == 200
    assert "Een RSIN heeft 9 cijfers en moet kloppen volgens de elfproef" in antwoord.text
    assert "beginnend met KT_" in antwoord.text
    assert 'value="kt-1"' in antwoord.text and 'value="123456789"' in antwoord.text
    assert 'aria-describedby="id_bronorganisatie_error' in antwoord.text
    assert not ZgwKoppeling.objects.exists()


def test_timeout_buiten_bereik(client, beheerder, gemeente):
    client.force_login(beheerder)
    antwoord = client.post(
        reverse("zgw_beheer:koppeling", args=[gemeente.pk]), _post_data(timeout_seconden="600")
    )
    assert antwoord.status_code == 200 and not ZgwKoppeling.objects.exists()


def test_gemeente_van_een_ander_is_404_en_consulent_mag_niet(client, beheerder, consulent):
    vreemd = GemeenteFactory()
    client.force_login(beheerder)
    assert client.get(reverse("zgw_beheer:koppeling", args=[vreemd.pk])).status_code == 404
    client.force_login(consulent)
    assert client.get(reverse("zgw_beheer:koppelingen")).status_code == 403


def test_niet_verzonden_lijst(client, beheerder, consulent, gemeente, django_assert_max_num_queries):
    koppeling = ZgwKoppeling.objects.create(gemeente=gemeente, **koppeling_velden(_Nep()))
    meldingen = [
        MeldingFactory(team=consulent.team, door=consulent, inwoner__gemeente=gemeente) for _ in range(3)
    ]
    for i, melding in enumerate(meldingen):
        Opdracht.objects.create(
            soort=OpdrachtSoort.ZAAK,
            koppeling=koppeling,
            melding=melding,
            moment=timezone.now(),
            status=OpdrachtStatus.NIET_VERZONDEN if i else OpdrachtStatus.WACHTEND,
            pogingen=8 if i else 2,
            volgende_poging=None if i else timezone.now(),
            laatste_fout=f"Het zaaksysteem is niet bereikbaar ({i}).",
        )
    # Sent, or waiting without a failure: not on the list.
    Opdracht.objects.create(
        soort=OpdrachtSoort.STATUS, koppeling=koppeling, melding=meldingen[0], moment=timezone.now()
    )
    vreemde_koppeling = ZgwKoppeling.objects.create(
        gemeente=GemeenteFactory(naam="Elders"), **koppeling_velden(_Nep())
    )
    vreemd = Opdracht.objects.create(
        soort=OpdrachtSoort.ZAAK,
        koppeling=vreemde_koppeling,
        melding=MeldingFactory(inwoner__gemeente=vreemde_koppeling.gemeente),
        moment=timezone.now(),
        status=OpdrachtStatus.NIET_VERZONDEN,
        laatste_fout="Vreemd",
    )
    client.force_login(beheerder)
    with django_assert_max_num_queries(10):
        antwoord = client.get(reverse("zgw_beheer:niet_verzonden"))
    assert antwoord.status_code == 200
    assert antwoord.text.count("Het zaaksysteem is niet bereikbaar") == 3
    assert "Gestopt na 8 pogingen" in antwoord.text and "2 keer geprobeerd" in antwoord.text
    assert meldingen[1].kenmerk in antwoord.text
    assert meldingen[1].inwoner.bsn not in antwoord.text  # the kenmerk only, no personal data
    assert "Vreemd" not in antwoord.text
    assert client.post(reverse("zgw_beheer:opnieuw", args=[vreemd.pk])).status_code == 404
