"""Letter texts per gemeente in beheer: edit, refuse what the law requires or what looks like code,
preview with demo data, keep every version; the next letter uses the new text, a sent one stays."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.urls import reverse

from meldingen.services import ontvangstbevestiging_versturen
from tests.aanvragen.test_beschikking_brief import hbh  # noqa: F401 - the fixture
from tests.factories import GemeenteFactory, MeldingFactory, OrganisatieFactory, TeamFactory
from tests.pdf import pdf_tekst
from wmo.brieven.blokken import BLOKKEN
from wmo.brieven.tekstversies import standaard_blokken, tekst_opslaan
from wmo.constants import BriefSoort, OrganisatieSoort, Rol
from wmo.models import Brief, BriefTekst

pytestmark = pytest.mark.django_db

OB = BriefSoort.ONTVANGSTBEVESTIGING
BS = BriefSoort.BESCHIKKING


@pytest.fixture
def beheerder(rol_gebruiker):
    return rol_gebruiker(
        Rol.FUNCTIONEEL_BEHEERDER, username="brievenbeheer", first_name="Bea", last_name="Heer"
    )


@pytest.fixture
def gemeente(beheerder):
    return beheerder.organisatie.gemeenten.get()


def _url(naam, gemeente, soort, *args):
    return reverse(f"beheer:{naam}", args=[gemeente.pk, soort.value, *args])


def _formulier(soort, **wijzig) -> dict:
    """The edit form as the page fills it with the standard text, with ``wijzig`` on top."""
    from wmo.brieven import SOORTEN

    data = {"onderwerp": str(SOORTEN[soort].onderwerp), "toelichting": ""}
    for sleutel, deel in standaard_blokken(soort).items():
        data[f"tekst_{sleutel}"] = deel["tekst"]
        if BLOKKEN[soort].blok(sleutel).plaats == "inhoud":
            data[f"kop_{sleutel}"] = deel["kop"]
    data.update(wijzig)
    return data


def test_lijst_toont_elke_soort_per_gemeente(client, beheerder, gemeente, django_assert_max_num_queries):
    tekst_opslaan(
        gemeente=gemeente,
        soort=OB,
        onderwerp="Uw melding is binnen",
        blokken=standaard_blokken(OB),
        door=beheerder,
    )
    client.force_login(beheerder)
    with django_assert_max_num_queries(12):
        pagina = client.get(reverse("beheer:brieven")).content.decode()
    assert f"Gemeente {gemeente.naam}" in pagina
    assert "Versie 1" in pagina and "Bea Heer" in pagina  # ontvangstbevestiging: in use, by whom
    assert "Standaardtekst" in pagina  # beschikking: no version yet
    assert "nog niet aan te passen" not in pagina  # every kind has blocks
    assert "Brieven" in client.get(reverse("beheer:start")).content.decode()  # the Sectie


def test_bewerken_slaat_een_versie_op_en_de_volgende_brief_gebruikt_hem(
    client, beheerder, gemeente, consulent, team
):
    melding = MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente)
    oud = ontvangstbevestiging_versturen(melding=melding, door=consulent)
    oud_bytes, oud_hash = bytes(oud.pdf), oud.sha256
    assert oud.tekst is None  # the standard text
    client.force_login(beheerder)
    pagina = client.get(_url("brief_tekst", gemeente, OB)).content.decode()
    assert "[termijn persoonlijk plan]" in pagina and "Invulvelden" in pagina
    assert "Vast deel" in pagina and "Wmo 2015 artikel 2.3.2 lid 2" in pagina
    data = _formulier(
        OB,
        onderwerp="Wij hebben uw melding goed ontvangen",
        kop_meenemen="Neem gerust iemand mee",
        tekst_meenemen="Neem gerust uw buurvrouw mee naar het gesprek in [gemeente].",
        toelichting="Vriendelijker gemaakt.",
    )
    response = client.post(_url("brief_tekst", gemeente, OB), data)
    assert response.status_code == 302
    versie = BriefTekst.objects.get(gemeente=gemeente, soort=OB)
    assert (versie.versie, versie.gemaakt_door, versie.toelichting) == (
        1,
        beheerder,
        "Vriendelijker gemaakt.",
    )

    nieuw = ontvangstbevestiging_versturen(
        melding=MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente), door=consulent
    )
    assert nieuw.tekst == versie
    tekst = pdf_tekst(bytes(nieuw.pdf))
    assert "Wij hebben uw melding goed ontvangen" in tekst
    assert f"Neem gerust uw buurvrouw mee naar het gesprek in {gemeente.naam}." in tekst
    assert "Neem gerust iemand mee" in tekst and "Ook een familielid" not in tekst
    assert "cliëntondersteuning" in tekst  # the other blocks: standard text
    # The letter sent before stays exactly as it was.
    oud.refresh_from_db()
    assert bytes(oud.pdf) == oud_bytes and oud.sha256 == oud_hash == hashlib.sha256(oud_bytes).hexdigest()
    assert oud.tekst is None
    # The dossier names the version the letter was sent with.
    client.force_login(consulent)
    dossier = client.get(reverse("meldingen:dossier", args=[nieuw.inwoner_id])).content.decode()
    assert "tekst versie 1" in dossier


def test_bezwaarclausule_weghalen_wordt_geweigerd(client, beheerder, gemeente):
    client.force_login(beheerder)
    response = client.post(_url("brief_tekst", gemeente, BS), _formulier(BS, tekst_bezwaar=""))
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "De tekst is niet opgeslagen" in pagina
    assert "De bezwaarclausule ontbreekt. Die is wettelijk verplicht (Awb artikel 3:45, 6:7)." in pagina
    assert 'aria-describedby="id_tekst_bezwaar_error' in pagina or "id_tekst_bezwaar_error" in pagina
    assert 'href="#id_tekst_bezwaar"' in pagina  # the error summary links to the textarea
    assert not BriefTekst.objects.exists()
    # Keeping the clause but dropping the date is refused too, and names the missing placeholder.
    zonder_datum = standaard_blokken(BS)["bezwaar"]["tekst"].replace("[uiterste datum bezwaar]", "zes weken")
    pagina = client.post(
        _url("brief_tekst", gemeente, BS),
        _formulier(BS, tekst_bezwaar=zonder_datum, tekst_klacht="Mijn eigen tekst."),
    ).content.decode()
    assert "De bezwaarclausule is niet compleet: het invulveld [uiterste datum bezwaar] ontbreekt" in pagina
    assert "Mijn eigen tekst." in pagina  # what was typed is kept
    assert not BriefTekst.objects.exists()


@pytest.mark.parametrize(
    "vijandig",
    [
        "Uw BSN: [inwoner.bsn]",
        "{{ settings.SECRET_KEY }}",
        "{% load static %}{% debug %}",
        "[melding.inwoner.bsn]",
        "{{ inwoner.__class__ }}",
        "[__class__]",
        "{# stil #}",
        "[geheim veld]",
    ],
)
def test_sjablooncode_en_opzoeken_worden_geweigerd(client, beheerder, gemeente, vijandig):
    client.force_login(beheerder)
    response = client.post(
        _url("brief_tekst", gemeente, OB), _formulier(OB, tekst_meenemen=f"Neem iemand mee. {vijandig}")
    )
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "bestaat niet in deze brief" in pagina or "op programmacode lijken" in pagina
    assert not BriefTekst.objects.exists()


def test_opgeslagen_vijandige_tekst_wordt_letterlijk_gedrukt(beheerder, gemeente, consulent, team, settings):
    # Text that got into the database without the check (directly): it renders inert.
    blokken = standaard_blokken(OB)
    blokken["meenemen"]["tekst"] = (
        "A {{ settings.SECRET_KEY }} B [inwoner.bsn] C {% now 'Y' %} D <b>vet</b> E [melding.inwoner.bsn]"
    )
    BriefTekst.objects.create(
        gemeente=gemeente, soort=OB, versie=1, onderwerp="X", blokken=blokken, gemaakt_door=beheerder
    )
    melding = MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente)
    tekst = pdf_tekst(bytes(ontvangstbevestiging_versturen(melding=melding, door=consulent).pdf))
    assert (
        "A {{ settings.SECRET_KEY }} B [inwoner.bsn] C {% now 'Y' %} D <b>vet</b> E [melding.inwoner.bsn]"
        in tekst
    )
    assert settings.SECRET_KEY not in tekst and melding.inwoner.bsn not in tekst


def test_voorbeeld_is_een_pdf_met_de_getypte_tekst(
    client, beheerder, gemeente, django_assert_max_num_queries
):
    client.force_login(beheerder)
    data = _formulier(BS, tekst_klacht="Een klacht? Bel [telefoon gemeente] en noem [kenmerk].")
    with django_assert_max_num_queries(12):
        response = client.post(_url("brief_voorbeeld", gemeente, BS), data)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    tekst = pdf_tekst(response.content)
    assert f"Een klacht? Bel {gemeente.telefoon} en noem WMO-2026-000123." in tekst
    assert "Jannie Voorbeeld" in tekst  # demo data, not a dossier
    assert "Stuur uw bezwaar uiterlijk op" in tekst and gemeente.bezwaar_adres in tekst
    assert not BriefTekst.objects.exists()  # a preview saves nothing
    # A stored version and the standard text have a preview too.
    ob = client.get(_url("brief_versie_voorbeeld", gemeente, OB, 0))
    assert ob.content.startswith(b"%PDF") and "Wij hebben uw melding ontvangen" in pdf_tekst(ob.content)


def test_versies_blijven_en_terugzetten_maakt_een_nieuwe(
    client, beheerder, gemeente, django_assert_max_num_queries
):
    eerste = tekst_opslaan(
        gemeente=gemeente, soort=OB, onderwerp="Eerste", blokken=standaard_blokken(OB), door=beheerder
    )
    tekst_opslaan(
        gemeente=gemeente,
        soort=OB,
        onderwerp="Tweede",
        blokken=standaard_blokken(OB),
        door=beheerder,
        toelichting="Beter",
    )
    client.force_login(beheerder)
    with django_assert_max_num_queries(12):
        pagina = client.get(_url("brief_versies", gemeente, OB)).content.decode()
    assert "Versie 2" in pagina and "(in gebruik)" in pagina and "Versie 1" in pagina and "Beter" in pagina
    with django_assert_max_num_queries(12):
        pagina = client.get(_url("brief_versie", gemeente, OB, 1)).content.decode()
    assert "Eerste" in pagina and "Deze versie terugzetten" in pagina
    assert client.post(_url("brief_versie_terugzetten", gemeente, OB, 1)).status_code == 302
    derde = BriefTekst.objects.get(gemeente=gemeente, soort=OB, versie=3)
    assert (derde.onderwerp, derde.blokken) == (eerste.onderwerp, eerste.blokken)
    client.post(_url("brief_versie_terugzetten", gemeente, OB, 0))
    vierde = BriefTekst.objects.get(gemeente=gemeente, soort=OB, versie=4)
    assert vierde.blokken == standaard_blokken(OB) and vierde.onderwerp == "Wij hebben uw melding ontvangen"
    assert BriefTekst.objects.filter(gemeente=gemeente, soort=OB).count() == 4  # nothing was overwritten
    with pytest.raises(ValidationError):
        eerste.save()  # a version never changes


def test_andere_gemeente_en_partner_zien_niets(client, beheerder, gemeente, rol_gebruiker):
    vreemd = OrganisatieFactory().gemeenten.get()
    client.force_login(beheerder)
    assert client.get(_url("brief_tekst", vreemd, OB)).status_code == 404
    assert client.get(_url("brief_versies", vreemd, OB)).status_code == 404
    assert client.post(_url("brief_voorbeeld", vreemd, OB), _formulier(OB)).status_code == 404
    assert client.post(_url("brief_versie_terugzetten", vreemd, OB, 0)).status_code == 404
    assert client.get(reverse("beheer:brief_tekst", args=[gemeente.pk, "bestaat_niet"])).status_code == 404
    partner_team = TeamFactory(organisatie__soort=OrganisatieSoort.PARTNER)
    partner = rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER, team=partner_team, username="partnerbeheer")
    client.force_login(partner)
    assert client.get(reverse("beheer:brieven")).status_code == 403
    consulent = rol_gebruiker(Rol.CONSULENT, username="gewoon")
    client.force_login(consulent)
    assert client.get(reverse("beheer:brieven")).status_code == 403


def test_verstuurde_brief_wijst_naar_zijn_versie(beheerder, gemeente, consulent, team):
    versie = tekst_opslaan(
        gemeente=gemeente, soort=OB, onderwerp="Binnen", blokken=standaard_blokken(OB), door=beheerder
    )
    brief = ontvangstbevestiging_versturen(
        melding=MeldingFactory(team=team, consulent=consulent, inwoner__gemeente=gemeente), door=consulent
    )
    assert Brief.objects.get(pk=brief.pk).tekst == versie
    with pytest.raises(ProtectedError):
        versie.delete()  # PROTECT: a sent letter keeps its text version


@pytest.mark.parametrize("soort", list(BriefSoort))
def test_elke_soort_is_aan_te_passen_met_voorbeeld(
    client, beheerder, gemeente, soort, django_assert_max_num_queries
):
    client.force_login(beheerder)
    with django_assert_max_num_queries(12):
        assert client.get(_url("brief_tekst", gemeente, soort)).status_code == 200
    eerste = BLOKKEN[soort].tekstblokken[0]
    data = _formulier(
        soort, **{f"tekst_{eerste.sleutel}": "Beste [aanhef],\n\nEen eigen zin van [gemeente]."}
    )
    response = client.post(_url("brief_voorbeeld", gemeente, soort), data)
    assert response.content.startswith(b"%PDF")
    tekst = pdf_tekst(response.content)
    assert f"Een eigen zin van {gemeente.naam}." in tekst
    assert "None" not in tekst and "Jannie Voorbeeld" in tekst  # demo data, complete
    assert client.post(_url("brief_tekst", gemeente, soort), data).status_code == 302
    assert BriefTekst.objects.get(gemeente=gemeente, soort=soort).versie == 1


def test_de_volgende_beschikking_gebruikt_de_nieuwe_tekst(rol_gebruiker, beheerder, hbh):  # noqa: F811
    from aanvragen import services
    from tests.aanvragen.test_beschikking_brief import _aanvraag, _besluit

    consulent = rol_gebruiker(Rol.CONSULENT, first_name="Joost", last_name="Verhoeven")
    aanvraag = _aanvraag(consulent, hbh)
    gemeente = aanvraag.melding.gemeente
    beheerder.organisatie.gemeenten.add(gemeente)
    blokken = standaard_blokken(BS)
    blokken["klacht"] = {
        "kop": "Niet tevreden?",
        "tekst": "Bel [telefoon gemeente]. De ombudsman: [ombudsman].",
    }
    blokken["bezwaar"]["tekst"] = blokken["bezwaar"]["tekst"].replace("Dan kunt u", "Dan mag u")
    versie = tekst_opslaan(
        gemeente=gemeente, soort=BS, onderwerp="Ons besluit", blokken=blokken, door=beheerder
    )
    beschikking = services.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    _besluit(beschikking, consulent)
    beschikking = services.beschikking_versturen(beschikking=beschikking, door=consulent)
    assert beschikking.brief.tekst == versie
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "Niet tevreden? Bel " + gemeente.telefoon in tekst and "Een klacht?" not in tekst
    assert "Dan mag u bezwaar maken" in tekst and "Stuur uw bezwaar uiterlijk op" in tekst
    assert "Joost Verhoeven consulent Wmo" in tekst  # the signature block, standard text
    assert "onder mandaat (Mandaatbesluit sociaal domein Teststad 2026)" in tekst


def test_alleen_een_beheerder_van_de_gemeente_slaat_een_tekst_op(rol_gebruiker):
    """The service holds the rule itself: a consulent, or a beheerder of an organisation that does
    not serve the gemeente, cannot save a letter text (the views answer 403/404 before that)."""
    beheerder = rol_gebruiker(Rol.FUNCTIONEEL_BEHEERDER)
    eigen = beheerder.organisatie.gemeenten.first()
    soort = BriefSoort.ONTVANGSTBEVESTIGING
    tekst = dict(soort=soort, onderwerp="Wij hebben uw melding ontvangen", blokken=standaard_blokken(soort))
    for wie, gemeente in ((rol_gebruiker(Rol.CONSULENT), eigen), (beheerder, GemeenteFactory())):
        with pytest.raises(PermissionDenied):
            tekst_opslaan(gemeente=gemeente, door=wie, **tekst)
    assert tekst_opslaan(gemeente=eigen, door=beheerder, **tekst).versie == 1
