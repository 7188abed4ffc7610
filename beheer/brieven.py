"""Letter texts in beheer: the form per kind, and the preview with demo data.

The preview never reads a dossier: the inwoner, the melding, the team and the consulent are
unsaved objects with made-up data, only the gemeente (its letterhead, bezwaar address) is real.
Nothing here is saved; the text is rendered through the same path as a real letter
(wmo.brieven.render_brief with ``tekst``), so the preview shows what an inwoner would get.
"""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django import forms
from django.utils import timezone

from meldingen.models import Inwoner, Melding
from wmo.brieven import render_brief
from wmo.brieven.blokken import BLOKKEN
from wmo.constants import BriefSoort
from wmo.forms import KeukentafelForm
from wmo.models import BriefTekst, Gemeente, Medewerker, Team


class BriefTekstForm(KeukentafelForm):
    """The onderwerp, one heading and one textarea per text block, and why it changed.

    The form only carries what was typed; tekst_opslaan checks it (placeholders, template code,
    the legally required parts) and its refusal is shown next to the block it is about.
    """

    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        help_text="De kop boven de brief. Gewone tekst, zonder invulvelden.",
    )

    def __init__(self, *args, soort: BriefSoort, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = soort
        for blok in BLOKKEN[soort].tekstblokken:
            uitleg = []
            if blok.wanneer:
                uitleg.append(blok.wanneer)
            if blok.verplicht:
                moet = ", ".join(blok.moet_bevatten)
                uitleg.append(
                    f"Wettelijk verplicht ({blok.wet}): mag niet leeg zijn"
                    + (f" en moet {moet} bevatten." if moet else ".")
                )
            if blok.plaats == "inhoud":
                self.fields[f"kop_{blok.sleutel}"] = forms.CharField(
                    label=f"Kop boven ‘{blok.naam}’",
                    max_length=200,
                    required=False,
                    help_text="Leeg: geen kop.",
                    # Fields added here come after the mixin gave the form's fields their classes.
                    widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
                )
            self.fields[f"tekst_{blok.sleutel}"] = forms.CharField(
                label=f"Tekst: {blok.naam}",
                required=False,
                strip=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 8, "cols": 80, "class": "utrecht-textarea"}),
                help_text=" ".join(uitleg),
            )
            if blok.verplicht:
                # Not "(niet verplicht)" beside a legal part: its help text says what it must hold, and
                # tekst_opslaan's refusal names the part (a plain "Dit veld is verplicht" would not).
                self.fields[f"tekst_{blok.sleutel}"].voorwaardelijk = True
        self.fields["toelichting"] = forms.CharField(
            label="Waarom verandert u de tekst?",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2, "cols": 80, "class": "utrecht-textarea"}),
            help_text="Dit ziet u terug in de lijst met versies.",
        )

    @staticmethod
    def initial_uit(tekst: BriefTekst) -> dict:
        from wmo.brieven.tekstversies import blok_tekst

        initial = {"onderwerp": tekst.onderwerp}
        for blok in BLOKKEN[tekst.soort].tekstblokken:
            deel = blok_tekst(blok, tekst)
            initial[f"kop_{blok.sleutel}"] = deel["kop"]
            initial[f"tekst_{blok.sleutel}"] = deel["tekst"]
        return initial

    def blokken(self) -> dict:
        data = self.cleaned_data
        return {
            b.sleutel: {
                "kop": data.get(f"kop_{b.sleutel}", "") or "",
                "tekst": data.get(f"tekst_{b.sleutel}", "") or "",
            }
            for b in BLOKKEN[self.soort].tekstblokken
        }


# --- Preview with demo data ------------------------------------------------------------------------

DEMO_KENMERK = "WMO-2026-000123"


def _demo_melding(gemeente: Gemeente) -> Melding:
    vandaag = timezone.localdate()
    inwoner = Inwoner(
        gemeente=gemeente,
        voornamen="Jannie",
        achternaam="Voorbeeld",
        straat="Voorbeeldstraat",
        huisnummer=12,
        postcode="1234AB",
        woonplaats=gemeente.postcode_plaats.split()[-1] if gemeente.postcode_plaats else "Voorbeeld",
        telefoon="06 12345678",
    )
    team = Team(naam="Team Wmo (voorbeeld)", telefoon="14 023", email="wmo@voorbeeld.invalid")
    consulent = Medewerker(first_name="Sanne", last_name="Voorbeeld", telefoon="023 123 45 67")
    return Melding(
        inwoner=inwoner,
        gemeente=gemeente,
        team=team,
        consulent=consulent,
        ontvangen_op=timezone.now() - timedelta(days=2),
        plan_deadline=vandaag + timedelta(days=5),
        onderzoek_deadline=vandaag + timedelta(days=40),
        melder_is_inwoner=True,
        spoed=False,
        hulpvraag="Ik kan mijn huis niet meer schoonhouden. (Dit is een voorbeeld.)",
    )


def _demo_beschikking(melding: Melding) -> dict:
    vandaag = timezone.localdate()
    voorziening = SimpleNamespace(
        naam="Hulp bij het huishouden",
        verstrekking="",
        geen_eigen_bijdrage_grond="",
        wettelijke_grondslag="Wmo 2015 artikel 2.3.5",
        verordening_artikel="artikel 8",
        beleidsregel="",
    )
    regel = SimpleNamespace(
        aangevraagd=SimpleNamespace(voorziening=voorziening),
        voorziening=voorziening,
        voorlopig=False,
        uitkomst="toegekend",
        toegekend=True,
        anders_dan_gevraagd=False,
        gevraagd="",
        is_eenmalig=False,
        omvang=Decimal("3"),
        eenheid="uur",
        get_frequentie_display="per week",
        ingangsdatum=vandaag + timedelta(days=14),
        einddatum=None,
        leveringsvorm="zin",
        aanbieder_naam="Thuiszorg Voorbeeld",
        eigen_bijdrage=True,
        bevindingen=None,
        bevindingen_bij="",
        motivering="Dit is een voorbeeld van de motivering die de consulent schrijft.",
        afwijking_motivering="",
    )
    return {
        "aanvraag": SimpleNamespace(ontvangen_op=vandaag - timedelta(days=10)),
        "beschikking": SimpleNamespace(
            bezwaar_deadline=vandaag + timedelta(days=42),
            besloten_door=Medewerker(first_name="Marco", last_name="Voorbeeld"),
            besloten_functie="teamleider Wmo",
            heeft_eigen_bijdrage=True,
        ),
        "regels": [regel],
        "gesprek_gevoerd": True,
        "verslag_verstuurd": True,
    }


def _demo_velden(soort: BriefSoort, melding: Melding) -> dict:
    """Made-up values for the kind's own velden (wmo.brieven.soorten)."""
    vandaag = timezone.localdate()
    aanvraag = SimpleNamespace(
        ontvangen_op=vandaag - timedelta(days=10), beslis_deadline=vandaag + timedelta(days=4)
    )
    opschorting = SimpleNamespace(
        toelichting="Een verklaring van uw huisarts over uw gezondheid.",
        termijn_tot=vandaag + timedelta(days=14),
        eerste_dag_stil=vandaag + timedelta(days=1),
        eerste_dag_weer=vandaag,
    )
    if soort == BriefSoort.BESCHIKKING:
        return _demo_beschikking(melding)
    if soort == BriefSoort.UITNODIGING_GESPREK:
        gesprek = SimpleNamespace(
            gepland_op=timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
            + timedelta(days=7),
            plaats="thuis",
            adres="Voorbeeldstraat 12",
            get_plaats_display="Bij u thuis",
            consulent=melding.consulent,
            aanwezigen=["Anja Voorbeeld (dochter)"],
        )
        return {"gesprek": gesprek, "plan_ontvangen": False}
    if soort == BriefSoort.VERZOEK_OM_AANVULLING:
        return {
            "aanvraag": aanvraag,
            "opschorting": opschorting,
            "oude_deadline": vandaag + timedelta(days=4),
        }
    if soort == BriefSoort.OPSCHORTING_BEEINDIGD:
        opschorting.eerste_dag_stil = vandaag - timedelta(days=7)
        return {
            "aanvraag": aanvraag,
            "opschorting": opschorting,
            "reden_in_gewone_woorden": "wij wachtten op gegevens van u",
            "dagen_stil": 7,
        }
    if soort == BriefSoort.VERDAGINGSBERICHT:
        verdaging = SimpleNamespace(
            reden="Wij wachten op een advies van een arts.", verwachte_datum=vandaag + timedelta(days=42)
        )
        return {"aanvraag": aanvraag, "verdaging": verdaging, "dwangsom": SimpleNamespace(max_dagen=42)}
    if soort == BriefSoort.VERSLAG:
        trede = SimpleNamespace(
            trede=1,
            trede_in_brief="Wat u zelf kunt",
            besproken=True,
            bevinding="Stofzuigen lukt niet meer.",
            voorziening=None,
            waarom="",
            oplost="nee",
            get_oplost_display="Nee",
        )
        resultaat = SimpleNamespace(
            get_gebied_display="Wonen in een schoon en leefbaar huis",
            wat_lukt="Afwassen en koken.",
            wat_lukt_niet="Stofzuigen en dweilen.",
            oorzaak_inwoner="",
            te_bereiken_resultaat="Een schoon huis.",
            treden=SimpleNamespace(all=[trede]),
            oplossing="",
        )
        gesprek = SimpleNamespace(
            gepland_op=timezone.now() - timedelta(days=3),
            get_plaats_display="Bij u thuis",
            alleen_mantelzorger=False,
            consulent=melding.consulent,
            aanwezigen=[],
        )
        return {
            "onderzoek": SimpleNamespace(),
            "resultaten": [resultaat],
            "gesprekken": [gesprek],
            "vervolgafspraken": [],
            "nummer": 1,
            "maatwerk_gevraagd": True,
        }
    return {}


def voorbeeld_pdf(*, gemeente: Gemeente, tekst: BriefTekst | None, soort: BriefSoort) -> bytes:
    """The letter of ``soort`` in text version ``tekst`` (None: standard), with demo data."""
    melding = _demo_melding(gemeente)
    context = {"kenmerk": DEMO_KENMERK} | _demo_velden(soort, melding)
    return render_brief(soort=soort, melding=melding, context=context, concept=True, tekst=tekst)
