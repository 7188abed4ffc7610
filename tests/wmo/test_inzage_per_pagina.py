"""Every page that shows an inwoner's personal or health data writes exactly its row(s) in the
access log, with who, what, which action and from where (NEN 7513:2018; BIO 12.4.1)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen import services as aanvraag_services
from gesprekken import services as gesprek_services
from tests.aanvragen.factories import AanvraagFactory, VoorzieningFactory
from tests.factories import InwonerFactory, MeldingFactory
from tests.gesprekken.factories import OnderzoekFactory
from wmo import brieven
from wmo.constants import BriefSoort, Rol
from wmo.models import Inzage

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def user(rol_gebruiker):
    """A loketmedewerker who is also consulent: every dossier page is open to them."""
    return rol_gebruiker(Rol.LOKETMEDEWERKER, Rol.CONSULENT, first_name="Sanne", last_name="de Wit")


@pytest.fixture
def dossier(team, user):
    melding = MeldingFactory(team=team, consulent=user, inwoner__gemeente=team.organisatie.gemeenten.first())
    onderzoek = OnderzoekFactory(melding=melding, door=user)
    brief = brieven.brief_versturen(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding, door=user)
    plan = gesprek_services.persoonlijk_plan_opslaan(
        melding=melding, door=user, naam="plan.png", inhoud=PNG, ontvangen_op=timezone.localdate()
    )
    aanvraag = AanvraagFactory(
        melding=melding, ontvangen_op=timezone.localdate(), door=user, voorzieningen=[VoorzieningFactory()]
    )
    beschikking = aanvraag_services.beschikking_opstellen(aanvraag=aanvraag, door=user)
    return {
        "inwoner": melding.inwoner,
        "melding": melding,
        "onderzoek": onderzoek,
        "brief": brief,
        "persoonlijkplan": plan,
        "aanvraag": aanvraag,
        "beschikking": beschikking,
    }


# url name, its arguments (keys of the dossier), the object logged, the action, the description.
PAGINAS = [
    ("meldingen:dossier", ["inwoner"], "inwoner", "raadplegen", "dossier"),
    ("meldingen:inwoner_wijzigen", ["inwoner"], "inwoner", "raadplegen", "gegevens inwoner"),
    ("meldingen:melding_registreren", ["inwoner"], "inwoner", "raadplegen", "melding registreren"),
    ("meldingen:melding", ["melding"], "melding", "raadplegen", "melding {kenmerk}"),
    ("meldingen:melding_afsluiten", ["melding"], "melding", "raadplegen", "melding afsluiten {kenmerk}"),
    ("meldingen:brief_pdf", ["brief"], "brief", "downloaden", "brief {brief}"),
    ("gesprekken:gesprek_plannen", ["melding"], "melding", "raadplegen", "gesprek plannen {kenmerk}"),
    ("gesprekken:triage", ["melding"], "melding", "raadplegen", "triage {kenmerk}"),
    ("gesprekken:onderzoek", ["melding"], "onderzoek", "raadplegen", "onderzoek {kenmerk}"),
    ("gesprekken:verslag_voorbeeld", ["melding"], "onderzoek", "downloaden", "verslag concept {kenmerk}"),
    (
        "gesprekken:persoonlijk_plan",
        ["melding", "persoonlijkplan"],
        "persoonlijkplan",
        "downloaden",
        "persoonlijk plan {kenmerk}",
    ),
    (
        "aanvragen:aanvraag_registreren",
        ["melding"],
        "melding",
        "raadplegen",
        "aanvraag registreren {kenmerk}",
    ),
    ("aanvragen:aanvraag", ["aanvraag"], "aanvraag", "raadplegen", "aanvraag {aanvraag}"),
    ("aanvragen:beschikking", ["beschikking"], "beschikking", "raadplegen", "beschikking"),
]


@pytest.mark.parametrize(("naam", "args", "object", "actie", "wat"), PAGINAS, ids=[p[0] for p in PAGINAS])
def test_elke_pagina_laat_precies_haar_rij_na(client, user, dossier, naam, args, object, actie, wat):
    client.force_login(user)
    voor = Inzage.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client.get(reverse(naam, args=[dossier[a].pk for a in args]))
    assert response.status_code == 200
    rij = Inzage.objects.get(id__gt=voor)  # exactly one row
    verwacht = wat.format(
        kenmerk=dossier["melding"].kenmerk, brief=dossier["brief"].kenmerk, aanvraag=dossier["aanvraag"].pk
    )
    assert (rij.medewerker, rij.medewerker_naam, rij.rollen) == (
        user,
        "Sanne de Wit",
        "consulent, loketmedewerker",
    )
    assert (rij.organisatie, rij.organisatie_naam) == (user.organisatie, user.organisatie.naam)
    assert (rij.inwoner, rij.actie, rij.wat, rij.ip_adres) == (
        dossier["inwoner"],
        actie,
        verwacht,
        "127.0.0.1",
    )
    assert (rij.object_type, rij.object_id) == (object, dossier[object].pk)


def test_inwoner_wijzigen_opslaan_is_wijzigen(client, user, dossier):
    inwoner = dossier["inwoner"]
    url = reverse("meldingen:inwoner_wijzigen", args=[inwoner.pk])
    client.force_login(user)
    form = client.get(url).context["form"]
    data = {}
    for naam in form.fields:
        waarde = form[naam].value()
        if waarde in (None, False):
            continue
        data[naam] = waarde.isoformat() if hasattr(waarde, "isoformat") else waarde
    data["achternaam"] = "Nieuwenhuis"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    rij = Inzage.objects.get(actie="wijzigen")
    assert (rij.inwoner, rij.object_type, rij.wat) == (inwoner, "inwoner", "gegevens inwoner")
    assert Inzage.objects.filter(actie="raadplegen").count() == 1  # the GET before it


def test_zoekresultaten_een_rij_per_getoonde_inwoner(client, user, team):
    gemeente = team.organisatie.gemeenten.first()
    gevonden = [InwonerFactory(gemeente=gemeente, achternaam="Zoekmans") for _ in range(3)]
    InwonerFactory(gemeente=gemeente, achternaam="Anders")
    client.force_login(user)
    client.get(reverse("meldingen:inwoner_zoeken"), {"q": "zoekmans"}, headers={"HX-Request": "true"})
    rijen = Inzage.objects.all()
    assert {r.inwoner_id for r in rijen} == {i.pk for i in gevonden} and len(rijen) == 3
    assert {(r.actie, r.wat, r.object_type) for r in rijen} == {
        ("zoeken", "Zoekresultaat: gezocht op naam", "inwoner")
    }
    client.get(reverse("meldingen:inwoner_zoeken"), {"q": "niemand-heet-zo"})
    client.get(reverse("meldingen:inwoner_zoeken"))
    assert Inzage.objects.count() == 3  # nothing shown, nothing logged


def test_werkvoorraad_een_rij_per_inwoner_in_de_lijst(client, user, team):
    gemeente = team.organisatie.gemeenten.first()
    eigen = MeldingFactory(team=team, consulent=user, inwoner__gemeente=gemeente)
    wachtrij = MeldingFactory(team=team, inwoner__gemeente=gemeente)
    tweede = MeldingFactory(team=team, inwoner=eigen.inwoner)  # the same inwoner twice: one row
    client.force_login(user)
    client.get(reverse("werkvoorraad"))
    rijen = Inzage.objects.all()
    assert sorted(r.inwoner_id for r in rijen) == sorted(
        {eigen.inwoner_id, wachtrij.inwoner_id, tweede.inwoner_id}
    )
    assert {(r.actie, r.wat) for r in rijen} == {("raadplegen", "werkvoorraad")}


def test_teamleider_lijsten_met_namen(client, rol_gebruiker, team):
    teamleider = rol_gebruiker(Rol.TEAMLEIDER)
    gemeente = team.organisatie.gemeenten.first()
    open_melding = MeldingFactory(team=team, inwoner__gemeente=gemeente)
    client.force_login(teamleider)
    client.get(reverse("teamleider:herverdelen"))
    assert list(Inzage.objects.values_list("inwoner_id", "wat", "actie")) == [
        (open_melding.inwoner_id, "herverdelen", "raadplegen")
    ]
    response = client.get(reverse("teamleider:dashboard"), {"klok": "onderzoek", "staat": "op_schema"})
    getoond = {r["melding"].inwoner_id for r in response.context["lijst"]}
    assert (
        getoond
        and set(Inzage.objects.filter(wat="teamleider dashboard").values_list("inwoner_id", flat=True))
        == getoond
    )
