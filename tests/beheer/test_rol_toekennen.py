"""Role grants with four eyes (BIO 9.2.2/9.2.3): one beheerder asks, another approves; nobody
for their own account; revoking is immediate; superuser is never on offer."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.html import escape

from beheer import services
from beheer.constants import RoltoekenningStatus
from beheer.models import Roltoekenning
from wmo.constants import Rol
from wmo.models import Medewerker

pytestmark = pytest.mark.django_db


def _rollen(user) -> set[str]:
    return set(Medewerker.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_a_vraagt_aan_en_b_keurt_goed_dan_is_de_rol_actief(client, beheerder_a, beheerder_b, collega):
    client.force_login(beheerder_a)
    response = client.post(
        reverse("beheer:rol_aanvragen", args=[collega.pk]),
        {"rol": Rol.CONSULENT, "reden": "Nieuw in het team"},
    )
    assert response.status_code == 302
    toekenning = Roltoekenning.objects.get(medewerker=collega)
    assert toekenning.status == RoltoekenningStatus.AANGEVRAAGD
    assert _rollen(collega) == set()  # not before the second person approves

    client.force_login(beheerder_b)
    response = client.post(reverse("beheer:rolaanvraag", args=[toekenning.pk]), {"actie": "goedkeuren"})
    assert response.status_code == 302
    toekenning.refresh_from_db()
    assert toekenning.status == RoltoekenningStatus.GOEDGEKEURD
    assert (toekenning.aangevraagd_door, toekenning.beoordeeld_door) == (beheerder_a, beheerder_b)
    assert _rollen(collega) == {Rol.CONSULENT}
    assert [h.history_user for h in toekenning.history.order_by("history_date")] == [beheerder_a, beheerder_b]

    pagina = client.get(reverse("beheer:medewerker", args=[collega.pk])).content.decode()
    assert (
        "Nieuw in het team" in pagina
        and escape(str(beheerder_a)) in pagina
        and escape(str(beheerder_b)) in pagina
    )


def test_a_vraagt_aan_en_keurt_zelf_goed_wordt_geweigerd(client, beheerder_a, beheerder_b, collega):
    toekenning = services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="Werk")
    with pytest.raises(ValidationError, match="andere beheerder"):
        services.rol_goedkeuren(door=beheerder_a, toekenning=toekenning)

    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:rolaanvraag", args=[toekenning.pk])).content.decode()
    assert 'value="goedkeuren"' not in pagina  # no button
    response = client.post(reverse("beheer:rolaanvraag", args=[toekenning.pk]), {"actie": "goedkeuren"})
    assert response.status_code == 200 and "andere beheerder" in response.content.decode()
    toekenning.refresh_from_db()
    assert toekenning.status == RoltoekenningStatus.AANGEVRAAGD
    assert _rollen(collega) == set()


def test_de_database_weigert_een_goedkeuring_zonder_tweede_persoon(beheerder_a, collega):
    """Also a path around the service cannot approve one's own request (CheckConstraint)."""
    toekenning = services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="Werk")
    with pytest.raises(IntegrityError), transaction.atomic():
        Roltoekenning.objects.filter(pk=toekenning.pk).update(
            status=RoltoekenningStatus.GOEDGEKEURD, beoordeeld_door=beheerder_a
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Roltoekenning.objects.create(
            medewerker=beheerder_a, rol=Rol.CONSULENT, aangevraagd_door=beheerder_a, reden="zelf"
        )


def test_niemand_vraagt_een_rol_voor_zichzelf_aan(client, beheerder_a, beheerder_b):
    with pytest.raises(ValidationError, match="uzelf"):
        services.rol_aanvragen(
            door=beheerder_a, medewerker=beheerder_a, rol=Rol.CONSULENT, reden="Even kijken"
        )
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:medewerker", args=[beheerder_a.pk])).content.decode()
    assert "Rol aanvragen" not in pagina and "intrekken" not in pagina
    response = client.post(
        reverse("beheer:rol_aanvragen", args=[beheerder_a.pk]), {"rol": Rol.CONSULENT, "reden": "Even kijken"}
    )
    assert response.status_code == 200 and "uzelf" in response.content.decode()
    assert _rollen(beheerder_a) == {Rol.FUNCTIONEEL_BEHEERDER}
    assert not Roltoekenning.objects.exists()


def test_niemand_keurt_een_rol_voor_zichzelf_goed(beheerder_a, collega):
    toekenning = services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="x")
    collega.groups.add(Group.objects.get(name=Rol.FUNCTIONEEL_BEHEERDER))  # became beheerder meanwhile
    collega = Medewerker.objects.get(pk=collega.pk)
    with pytest.raises(ValidationError, match="uzelf"):
        services.rol_goedkeuren(door=collega, toekenning=toekenning)


def test_een_rol_voor_iemand_van_een_andere_organisatie_geeft_404(client, beheerder_a, buitenstaander):
    client.force_login(beheerder_a)
    for url in [
        reverse("beheer:medewerker", args=[buitenstaander.pk]),
        reverse("beheer:rol_aanvragen", args=[buitenstaander.pk]),
        reverse("beheer:rol_intrekken", args=[buitenstaander.pk, Rol.CONSULENT]),
        reverse("beheer:medewerker_wijzigen", args=[buitenstaander.pk]),
        reverse("beheer:medewerker_deactiveren", args=[buitenstaander.pk]),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"rol": Rol.CONSULENT, "reden": "x"}).status_code == 404, url
    assert (
        client.post(reverse("beheer:wachtwoordlink_versturen", args=[buitenstaander.pk])).status_code == 404
    )
    with pytest.raises(ValidationError):
        services.rol_aanvragen(door=beheerder_a, medewerker=buitenstaander, rol=Rol.CONSULENT, reden="x")
    assert not Roltoekenning.objects.exists()


def test_een_aanvraag_van_een_andere_organisatie_geeft_404(client, beheerder_a, buitenstaander, db):
    from tests.factories import MedewerkerFactory

    andere_beheerder = MedewerkerFactory(
        team=buitenstaander.team, organisatie=buitenstaander.organisatie, rollen=[Rol.FUNCTIONEEL_BEHEERDER]
    )
    toekenning = services.rol_aanvragen(
        door=andere_beheerder, medewerker=buitenstaander, rol=Rol.CONSULENT, reden="x"
    )
    client.force_login(beheerder_a)
    assert client.get(reverse("beheer:rolaanvraag", args=[toekenning.pk])).status_code == 404
    assert (
        client.post(reverse("beheer:rolaanvraag", args=[toekenning.pk]), {"actie": "goedkeuren"}).status_code
        == 404
    )
    assert str(buitenstaander) not in client.get(reverse("beheer:rolaanvragen")).content.decode()


def test_superuser_is_nooit_een_keuze(client, beheerder_a, beheerder_b, collega):
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:medewerker", args=[collega.pk])).content.decode()
    assert "superuser" not in pagina.lower() and "staff" not in pagina.lower()
    response = client.post(
        reverse("beheer:rol_aanvragen", args=[collega.pk]), {"rol": "superuser", "reden": "x"}
    )
    assert response.status_code == 200 and "rol" in response.context["form"].errors
    client.post(
        reverse("beheer:medewerker_wijzigen", args=[collega.pk]),
        {"first_name": "A", "last_name": "B", "email": collega.email, "team": collega.team_id,
         "is_superuser": "on", "is_staff": "on", "groups": "1"},
    )  # fmt: skip
    collega.refresh_from_db()
    assert not collega.is_superuser and not collega.is_staff and _rollen(collega) == set()


def test_weigeren_met_reden(client, beheerder_a, beheerder_b, collega):
    toekenning = services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.TEAMLEIDER, reden="x")
    client.force_login(beheerder_b)
    url = reverse("beheer:rolaanvraag", args=[toekenning.pk])
    response = client.post(url, {"actie": "weigeren", "weigeren-reden": ""})
    assert response.status_code == 200 and response.context["weigeren_form"].errors
    response = client.post(url, {"actie": "weigeren", "weigeren-reden": "Geen teamleider"})
    assert response.status_code == 302
    toekenning.refresh_from_db()
    assert toekenning.status == RoltoekenningStatus.GEWEIGERD and toekenning.beoordeling == "Geen teamleider"
    assert _rollen(collega) == set()
    with pytest.raises(ValidationError):  # decided once
        services.rol_goedkeuren(door=beheerder_b, toekenning=toekenning)


def test_intrekken_geldt_meteen_en_wordt_vastgelegd(client, beheerder_a, beheerder_b, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)  # given outside these pages (before they existed)
    consulent_client = client.__class__()
    consulent_client.force_login(consulent)
    assert consulent_client.get(reverse("meldingen:inwoner_zoeken")).status_code == 200

    client.force_login(beheerder_a)
    url = reverse("beheer:rol_intrekken", args=[consulent.pk, Rol.CONSULENT])
    assert client.post(url, {"reden": ""}).status_code == 200  # a reason is needed
    assert client.post(url, {"reden": "Uit dienst per vandaag"}).status_code == 302
    assert _rollen(consulent) == set()
    assert consulent_client.get(reverse("meldingen:inwoner_zoeken")).status_code in (403, 404)
    toekenning = Roltoekenning.objects.get(medewerker=consulent)
    assert toekenning.status == RoltoekenningStatus.INGETROKKEN
    assert (toekenning.ingetrokken_door, toekenning.intrekkingsreden) == (
        beheerder_a,
        "Uit dienst per vandaag",
    )
    pagina = client.get(reverse("beheer:medewerker", args=[consulent.pk])).content.decode()
    assert "Uit dienst per vandaag" in pagina and "buiten deze pagina" in pagina


def test_een_goedgekeurde_rol_intrekken_sluit_de_toekenning(beheerder_a, beheerder_b, collega):
    toekenning = services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="x")
    services.rol_goedkeuren(door=beheerder_b, toekenning=toekenning)
    services.rol_intrekken(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="Klaar")
    toekenning.refresh_from_db()
    assert toekenning.status == RoltoekenningStatus.INGETROKKEN and Roltoekenning.objects.count() == 1
    assert _rollen(collega) == set()


def test_eigen_rollen_intrekken_kan_niet(client, beheerder_a, beheerder_b):
    with pytest.raises(ValidationError, match="eigen rollen"):
        services.rol_intrekken(
            door=beheerder_a, medewerker=beheerder_a, rol=Rol.FUNCTIONEEL_BEHEERDER, reden="x"
        )
    client.force_login(beheerder_a)
    url = reverse("beheer:rol_intrekken", args=[beheerder_a.pk, Rol.FUNCTIONEEL_BEHEERDER])
    assert client.post(url, {"reden": "x"}).status_code == 200
    assert _rollen(beheerder_a) == {Rol.FUNCTIONEEL_BEHEERDER}


@pytest.mark.parametrize(
    ("heeft", "vraag"),
    [(Rol.FUNCTIONEEL_BEHEERDER, Rol.CONSULENT), (Rol.CONSULENT, Rol.FUNCTIONEEL_BEHEERDER)],
)
def test_beheer_en_dossiers_niet_op_een_account(beheerder_a, rol_gebruiker, heeft, vraag):
    """Segregation of duties (BIO 6.1.2): also with four eyes a beheerder gets no dossier role."""
    iemand = rol_gebruiker(heeft)
    with pytest.raises(ValidationError, match="account"):
        services.rol_aanvragen(door=beheerder_a, medewerker=iemand, rol=vraag, reden="x")


def test_andere_rollen_mogen_niet_in_beheer(client, consulent, teamleider):
    for user in (consulent, teamleider):
        client.force_login(user)
        assert client.get(reverse("beheer:start")).status_code == 403
        assert client.get(reverse("beheer:medewerker", args=[user.pk])).status_code == 403
        assert "/beheer/" not in client.get(reverse("werkvoorraad")).content.decode()


def test_met_single_sign_on_komen_de_rollen_uit_de_identity_provider(client, beheerder_a, collega, settings):
    """The provider's group administration is the second person (toegang.oidc sets the roles at
    every login), so no local grant for an account that logs in through it."""
    settings.OIDC_ENABLED = True
    Medewerker.objects.filter(pk=collega.pk).update(oidc_sub="idp-123")
    collega.refresh_from_db()
    with pytest.raises(ValidationError, match="identity provider"):
        services.rol_aanvragen(door=beheerder_a, medewerker=collega, rol=Rol.CONSULENT, reden="x")
    client.force_login(beheerder_a)
    pagina = client.get(reverse("beheer:medewerker", args=[collega.pk])).content.decode()
    assert "identity provider" in pagina and "Rol aanvragen" not in pagina
