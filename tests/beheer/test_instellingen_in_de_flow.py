"""Each setting per gemeente changes the flow it claims to change, and the letterhead is in the letter."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from aanvragen import services as aanvraag_services
from aanvragen.query import aflopende_voorzieningen
from beheer import instellingen
from gesprekken import services as gesprek_services
from gesprekken.constants import TriageReden
from gesprekken.models import Triage
from meldingen.models import Melding
from tests.aanvragen.factories import BeschikkingFactory
from tests.factories import GemeenteFactory, InwonerFactory, MeldingFactory, on_day
from tests.pdf import pdf_tekst
from wmo.brieven import render_brief
from wmo.constants import BriefSoort, Rol
from wmo.termijnstatus import termijnstatus_case

pytestmark = pytest.mark.django_db


# --- Triage: only the reasons the gemeente allows -------------------------------------------------


def test_triage_met_een_reden_die_de_gemeente_niet_toestaat_wordt_geweigerd(client, consulent):
    melding = MeldingFactory(team=consulent.team)
    melding.gemeente.triage_uitgesloten = [TriageReden.ENKELVOUDIG]
    melding.gemeente.save()
    with pytest.raises(ValidationError, match="staat deze reden niet toe"):
        gesprek_services.triage_vastleggen(
            melding=melding, door=consulent, reden=TriageReden.ENKELVOUDIG, toelichting="Alleen een stok"
        )
    client.force_login(consulent)
    url = reverse("gesprekken:triage", args=[melding.pk])
    formulier = client.get(url).content.decode()
    assert f'value="{TriageReden.ENKELVOUDIG}"' not in formulier
    assert f'value="{TriageReden.NA_ZIEKENHUIS}"' in formulier
    response = client.post(url, {"triage-reden": TriageReden.ENKELVOUDIG, "triage-toelichting": "Stok"})
    assert response.status_code == 200 and not Triage.objects.filter(melding=melding).exists()
    # An allowed reason goes on as before.
    client.post(url, {"triage-reden": TriageReden.NA_ZIEKENHUIS, "triage-toelichting": "Na ontslag"})
    assert Triage.objects.get(melding=melding).reden == TriageReden.NA_ZIEKENHUIS


# --- "Let op": the gemeente's number of working days ----------------------------------------------


def test_let_op_volgt_de_gemeente():
    vandaag = date(2026, 11, 25)  # a Wednesday
    ruim, krap = GemeenteFactory(let_op_werkdagen=10), GemeenteFactory(let_op_werkdagen=2)
    # Melding 20 Oct -> onderzoek deadline 1 Dec: 4 working days after 25 Nov.
    a = MeldingFactory(inwoner=InwonerFactory(gemeente=ruim), ontvangen_op=on_day(date(2026, 10, 20)))
    b = MeldingFactory(inwoner=InwonerFactory(gemeente=krap), ontvangen_op=on_day(date(2026, 10, 20)))
    assert a.onderzoek_deadline == b.onderzoek_deadline == date(2026, 12, 1)
    status = dict(
        Melding.objects.annotate(
            s=termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op", vandaag)
        ).values_list("pk", "s")
    )
    assert status == {a.pk: "let_op", b.pk: "op_schema"}
    krap.let_op_werkdagen = 4
    krap.save()
    status = dict(
        Melding.objects.annotate(
            s=termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op", vandaag)
        ).values_list("pk", "s")
    )
    assert status[b.pk] == "let_op"  # exactly 4 working days left counts


def test_werkvoorraad_leest_de_drempel_zonder_extra_query(client, rol_gebruiker, django_assert_num_queries):
    """The list joins the gemeente; more gemeenten with other thresholds cost no extra query."""
    loket = rol_gebruiker(Rol.LOKETMEDEWERKER)
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 25, 10)), tick=False):
        gemeente = loket.organisatie.gemeenten.get()
        MeldingFactory(team=loket.team, inwoner=InwonerFactory(gemeente=gemeente))
        client.force_login(loket)
        client.get(reverse("werkvoorraad"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as een:
            client.get(reverse("werkvoorraad"))
        for n in (2, 9, 15):
            tweede = GemeenteFactory(let_op_werkdagen=n)
            loket.organisatie.gemeenten.add(tweede)
            MeldingFactory(team=loket.team, inwoner=InwonerFactory(gemeente=tweede))
        with CaptureQueriesContext(connection) as meer:
            client.get(reverse("werkvoorraad"))
        assert len(meer) == len(een)


# --- Nazorg and the einddatum signal --------------------------------------------------------------


def test_nazorg_volgt_de_gemeente(rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent)
    gemeente = beschikking.aanvraag.melding.gemeente
    gemeente.nazorg_weken = 10
    gemeente.save()
    beschikking = aanvraag_services.beschikking_versturen(beschikking=beschikking, door=consulent)
    assert beschikking.nazorg_op == timezone.localdate() + timedelta(weeks=10)


def test_einddatum_signaal_volgt_de_gemeente(team, rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    vandaag = timezone.localdate()
    beschikking = BeschikkingFactory(
        verstuurd=True, door=consulent, regel__einddatum=vandaag + timedelta(weeks=10),
        aanvraag__melding__team=team, aanvraag__melding__consulent=consulent,
    )  # fmt: skip
    gemeente = beschikking.aanvraag.melding.gemeente
    gemeente.einddatum_signaal_weken = 8
    gemeente.save()
    assert list(aflopende_voorzieningen(consulent, vandaag)) == []
    gemeente.einddatum_signaal_weken = 10  # exactly 10 weeks ahead: shown
    gemeente.save()
    assert [r.beschikking for r in aflopende_voorzieningen(consulent, vandaag)] == [beschikking]


# --- The letterhead in the letter's PDF ------------------------------------------------------------


def _logo_png() -> bytes:
    beeld = Image.new("RGB", (400, 120), (255, 255, 255))
    beeld.paste((138, 21, 56), (0, 0, 120, 120))
    uit = io.BytesIO()
    beeld.save(uit, format="PNG")
    return uit.getvalue()


def test_briefhoofd_in_de_brief(beheerder):
    gemeente = beheerder.organisatie.gemeenten.get()
    instellingen.gemeente_gegevens_wijzigen(
        door=beheerder,
        gemeente=gemeente,
        retouradres="Postbus 511, 2003 PB Haarlem",
        ondertekening="namens het college van burgemeester en wethouders van Haarlem",
        huiskleur="#8A1538",
    )
    instellingen.briefhoofdlogo_opslaan(door=beheerder, gemeente=gemeente, inhoud=_logo_png())
    gemeente.refresh_from_db()
    melding = MeldingFactory(team=beheerder.team, inwoner=InwonerFactory(gemeente=gemeente))
    pdf = render_brief(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding)
    tekst = pdf_tekst(pdf)
    assert "Retouradres: Postbus 511, 2003 PB Haarlem" in tekst
    assert "namens het college van burgemeester en wethouders van Haarlem," in tekst
    afbeeldingen = PdfReader(io.BytesIO(pdf)).pages[0].images  # the letterhead on the first page
    assert len(afbeeldingen) == 1 and afbeeldingen[0].image.size == (400, 120)


def test_zonder_instellingen_blijft_de_brief_zoals_hij_was():
    melding = MeldingFactory()
    gemeente = melding.gemeente
    tekst = pdf_tekst(render_brief(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding))
    assert f"Retouradres: {gemeente.postadres}, {gemeente.postcode_plaats}" in tekst
    assert f"namens het college van burgemeester en wethouders van {gemeente.naam}," in tekst
    assert not [
        img
        for p in PdfReader(
            io.BytesIO(render_brief(soort=BriefSoort.ONTVANGSTBEVESTIGING, melding=melding))
        ).pages
        for img in p.images
    ]


def test_beschikking_noemt_de_ondertekening_en_wie_onder_mandaat_besloot(rol_gebruiker):
    consulent = rol_gebruiker(Rol.CONSULENT)
    beschikking = BeschikkingFactory(toegekend=True, door=consulent)
    gemeente = beschikking.aanvraag.melding.gemeente
    gemeente.ondertekening = "namens het college van B&W van Testdorp"
    gemeente.mandaatregeling = "Mandaatbesluit sociaal domein 2026"
    gemeente.save()
    beschikking = aanvraag_services.beschikking_versturen(beschikking=beschikking, door=consulent)
    tekst = pdf_tekst(bytes(beschikking.brief.pdf))
    assert "namens het college van B&W van Testdorp," in tekst
    assert consulent.get_full_name() in tekst
    assert "Dit besluit is genomen onder mandaat (Mandaatbesluit sociaal domein 2026)" in tekst
