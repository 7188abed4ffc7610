"""The whole funnel through the views, and the beschikking screens with mandate and four eyes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag, Beschikking, Mandaat
from meldingen.constants import MeldingStatus
from meldingen.models import Melding
from tests.aanvragen.factories import aanbieder_voor
from tests.factories import InwonerFactory
from tests.pdf import pdf_tekst
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Voorziening

pytestmark = pytest.mark.django_db


def _regel_post(prefix, **extra):
    data = {
        "uitkomst": "toegekend", "voorziening": extra.pop("voorziening"), "omvang": "3", "eenheid": "uur",
        "frequentie": "per_week", "leveringsvorm": "zin",
        "ingangsdatum": timezone.localdate().isoformat(), "motivering": "U kunt niet meer stofzuigen.",
        "eigen_bijdrage": "on",
    }  # fmt: skip
    data.update(extra)
    return {f"{prefix}-{k}": v for k, v in data.items()}


def test_van_melding_tot_beschikking_door_de_schermen(client, team, rol_gebruiker):
    """Loket registers, consulent plans the gesprek, records the onderzoek, sends the verslag,
    records the signed reaction (which is the aanvraag), decides and sends the beschikking."""
    from gesprekken.constants import Trede
    from gesprekken.models import Onderzoek
    from tests.gesprekken.conftest import ladder_invullen, resultaat

    loket, consulent = rol_gebruiker(Rol.LOKETMEDEWERKER), rol_gebruiker(Rol.CONSULENT)
    hbh = Voorziening.objects.create(
        naam="Hulp bij het huishouden",
        soort=VoorzieningSoort.MAATWERK,
        iwmo_productcategorie="01",
        eenheid="04",
    )
    Mandaat.objects.create(voorziening=hbh, rol=Rol.CONSULENT)
    inwoner = InwonerFactory(gemeente=team.organisatie.gemeenten.first())
    vandaag = timezone.localdate()

    client.force_login(loket)
    client.post(
        reverse("meldingen:melding_registreren", args=[inwoner.pk]),
        {"ontvangen_datum": (vandaag - timedelta(days=1)).isoformat(), "ontvangen_tijd": "10:00",
         "kanaal": "telefoon", "hulpvraag": "Ik kan mijn huis niet meer schoonhouden.", "melder": "inwoner",
         "team": team.pk, "consulent": consulent.pk},
    )  # fmt: skip
    melding = Melding.objects.get(inwoner=inwoner)

    client.force_login(consulent)
    assert client.post(reverse("gesprekken:onderzoek_openen", args=[melding.pk])).status_code == 302
    onderzoek = Onderzoek.objects.get(melding=melding)
    # The ladder rung by rung is tested through its autosave view in tests/gesprekken; here the
    # helper fills it, with hulp bij het huishouden as the maatwerkvoorziening.
    ladder_invullen(resultaat(onderzoek), consulent, maatwerk=hbh, tot=Trede.ALGEMENE_VOORZIENING)
    assert client.post(reverse("gesprekken:verslag_versturen", args=[melding.pk])).status_code == 302
    response = client.post(
        reverse("gesprekken:verslag_reactie", args=[melding.pk, 1]),
        {"reactie": "akkoord", "reactie_ontvangen_op": vandaag.isoformat(), "ondertekend": "on"},
    )
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get(melding=melding)  # the signed verslag is the aanvraag
    aangevraagd = aanvraag.voorzieningen.get()
    assert aangevraagd.voorziening == hbh

    response = client.post(reverse("aanvragen:beschikking_opstellen", args=[aanvraag.pk]))
    beschikking = Beschikking.objects.get(aanvraag=aanvraag)
    assert response["Location"] == reverse("aanvragen:beschikking", args=[beschikking.pk])
    pagina = client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    assert "Versie 1, verstuurd" in pagina  # the verslag beside the draft
    assert f"<title>Beschikking {melding.kenmerk} · Keukentafel</title>" in pagina
    url = reverse("aanvragen:beschikking_regel", args=[beschikking.pk, aangevraagd.pk])
    # Bad input: reported at the field, what was typed kept.
    response = client.post(
        url,
        _regel_post(f"regel{aangevraagd.pk}", voorziening=hbh.pk, aanbieder="", motivering="Mijn motivering"),
    )
    assert response.status_code == 200 and "Mijn motivering" in response.content.decode()
    assert "aanbieder" in response.context["blokken"][0]["form"].errors
    aanbieder = aanbieder_voor(aanvraag)  # contracted for this product in this gemeente
    post = _regel_post(f"regel{aangevraagd.pk}", voorziening=hbh.pk, aanbieder=aanbieder.pk)
    assert client.post(url, post).status_code == 302
    response = client.post(
        reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "versturen"]), follow=True
    )
    assert "De bezwaartermijn loopt" in response.content.decode()

    beschikking.refresh_from_db()
    melding.refresh_from_db()
    assert beschikking.status == "verstuurd" and melding.status == MeldingStatus.BESLOTEN
    assert melding.onderzoek_afgerond_op == vandaag  # the verslag met the onderzoek clock
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert f"{beschikking.bezwaar_deadline.day} " in tekst and "U kunt niet meer stofzuigen." in tekst
    dossier = client.get(reverse("meldingen:dossier", args=[inwoner.pk])).content.decode()
    for stap in ("Melding geregistreerd", "Brief verstuurd: Verslag van het onderzoek", "Aanvraag geregistreerd",
                 "Beschikking bekendgemaakt", "Brief verstuurd: Beschikking"):  # fmt: skip
        assert stap in dossier, stap
    response = client.post(
        reverse("aanvragen:bezwaar_registreren", args=[beschikking.pk]),
        {"ontvangen_op": vandaag.isoformat(), "gronden": "Ik heb meer uren nodig."},
    )
    assert response.status_code == 302
    assert "bezwaar ontvangen" in client.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    assert "Bezwaar ontvangen" in client.get(reverse("meldingen:dossier", args=[inwoner.pk])).content.decode()


def test_goedkeuren_via_het_scherm_en_geen_eigen_goedkeuring(
    client, team, rol_gebruiker, django_assert_max_num_queries
):
    from aanvragen import services
    from tests.aanvragen.factories import AanvraagFactory
    from tests.factories import MeldingFactory, on_day

    consulent, teamleider = rol_gebruiker(Rol.CONSULENT), rol_gebruiker(Rol.TEAMLEIDER)
    rolstoel = Voorziening.objects.create(
        naam="Rolstoel", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="11", verstrekking="bruikleen"
    )
    Mandaat.objects.create(voorziening=rolstoel, rol=Rol.TEAMLEIDER, vier_ogen=True)
    melding = MeldingFactory(
        team=team, in_onderzoek=True, inwoner__gemeente=team.organisatie.gemeenten.first(),
        ontvangen_op=on_day(timezone.localdate() - timedelta(days=10)),
    )  # fmt: skip
    aanvraag = AanvraagFactory(melding=melding, ontvangen_op=timezone.localdate(), door=consulent)
    a = services.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag, voorziening=rolstoel, resultaatgebied=6, door=consulent
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    client.force_login(consulent)
    client.post(
        reverse("aanvragen:beschikking_regel", args=[beschikking.pk, a.pk]),
        _regel_post(
            f"regel{a.pk}",
            voorziening=rolstoel.pk,
            eenheid="stuk",
            frequentie="eenmalig",
            omvang="1",
            aanbieder=aanbieder_voor(aanvraag, "Medipoint").pk,
        ),  # fmt: skip
    )
    pagina = client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    assert "Beschikking versturen" not in pagina and "Ter goedkeuring aanbieden" in pagina
    assert "geen mandaat voor: Rolstoel" in pagina
    client.post(reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "indienen"]))
    response = client.post(
        reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "goedkeuren"]), follow=True
    )
    assert "eigen concept" in response.content.decode()
    client.force_login(teamleider)
    # 22: the approver also sees what the onderzoek found (one query plus its prefetch); +2 for
    # the access log (wmo.inzagelog: the lock with the chain's head, one insert).
    with django_assert_max_num_queries(25):
        pagina = client.get(reverse("aanvragen:beschikking", args=[beschikking.pk])).content.decode()
    assert "Goedkeuren" in pagina and "Terugsturen" in pagina
    response = client.post(
        reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "terugsturen"]), {"opmerkingen": ""}
    )
    assert response.status_code == 200 and "opmerkingen" in response.context["terugsturen_form"].errors
    client.post(reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "goedkeuren"]))
    beschikking.refresh_from_db()
    assert beschikking.status == "goedgekeurd" and beschikking.goedgekeurd_door == teamleider
    client.force_login(consulent)
    client.post(reverse("aanvragen:beschikking_actie", args=[beschikking.pk, "versturen"]))
    beschikking.refresh_from_db()
    assert beschikking.status == "verstuurd"
    assert client.get(reverse("aanvragen:beschikking", args=[beschikking.pk + 999])).status_code == 404


def test_functioneel_beheerder_beheert_de_mandaten(client, rol_gebruiker):
    """On the product's beheer page (beheer.catalogus_views); /admin/ is for superusers only."""
    beheerder = rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    hbh = Voorziening.objects.create(
        naam="Hulp bij het huishouden", soort=VoorzieningSoort.MAATWERK, iwmo_productcategorie="01"
    )
    client.force_login(beheerder)
    assert client.get(reverse("beheer:voorziening", args=[hbh.pk])).status_code == 200
    response = client.post(
        reverse("beheer:voorziening_mandaat", args=[hbh.pk]), {"consulent": "vier_ogen", "teamleider": "geen"}
    )
    assert response.status_code == 302
    assert Mandaat.objects.get(voorziening=hbh).vier_ogen
    assert client.get("/beheer/technisch/aanvragen/mandaat/").status_code == 404  # moved to the beheer pages
    assert (
        client.get("/beheer/technisch/aanvragen/aanvraag/").status_code == 404
    )  # dossiers stay out of beheer
    assert client.get("/admin/aanvragen/mandaat/").status_code == 404
