"""Demo data: Haarlem and Zandvoort sharing one execution organisation, a partner organisation,
a user per role, the catalogue, and inwoners with meldingen at every stage (realistic cases from Wmo practice).

Idempotent: when the demo gemeenten exist already, it does nothing.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from aanvragen import services as av
from aanvragen.constants import Grondslag
from aanvragen.models import Mandaat
from beheer import services as beheer_services
from beheer import teams as teambeheer
from beheer.instellingen import briefhoofdlogo_opslaan
from gesprekken import services as gs
from iwmo import services as iwmo_services
from iwmo.demo_ontvangst import demo_start_en_stop
from meldingen import services as ms
from meldingen.constants import Afsluitreden, Kanaal, MelderRelatie, MeldingStatus
from toegang.services import tweestaps_demo_inrichten
from wmo.brieven.tekstversies import standaard_blokken, tekst_opslaan
from wmo.constants import BriefSoort, OrganisatieSoort, Resultaatgebied, Rol, VoorzieningSoort
from wmo.models import Aanbieder, Contract, Gemeente, Medewerker, Organisatie, Team, Voorziening
from wmo.regels.vertegenwoordiging import Vertegenwoordiging
from wmo.validators import valid_bsns

DEMO_WACHTWOORD = "keukentafel-demo"

GEBRUIKERS = [
    # username, first, last, rollen, team key, staff
    ("loket", "Sanne", "de Wit", [Rol.LOKETMEDEWERKER], "haarlem", False),
    ("consulent", "Fatima", "El Amrani", [Rol.CONSULENT], "haarlem", False),
    ("consulent2", "Joost", "Verhoeven", [Rol.CONSULENT], "haarlem", False),
    ("zandvoort", "Ingrid", "Kramer", [Rol.CONSULENT], "zandvoort", False),
    ("teamleider", "Marco", "Bakker", [Rol.TEAMLEIDER], "haarlem", False),
    ("beheerder", "Anouk", "Visser", [Rol.FUNCTIONEEL_BEHEERDER], "haarlem", False),
    # A second beheerder: a role takes effect only when another beheerder approves (four eyes).
    ("beheerder2", "Bram", "de Jong", [Rol.FUNCTIONEEL_BEHEERDER], "haarlem", False),
    ("partner", "Peter", "Smit", [Rol.LOKETMEDEWERKER, Rol.CONSULENT], "partner", False),
    ("privacy", "Lotte", "Jansen", [Rol.PRIVACY_FUNCTIONARIS], "haarlem", False),
]

# The sociale kaart: naam, who offers it, phone, website, resultaatgebieden, cost for the inwoner.
# Organisations and numbers are made up for the demo.
ALGEMEEN = [
    ("Maaltijdservice", "Stichting Maaltijd Thuis Kennemerland", "023 555 01 10", "https://www.example.org/maaltijd",
     [3], "€ 7,50 per maaltijd"),
    ("Boodschappendienst", "Stichting Welzijn Kennemerland", "023 531 44 00", "https://www.example.org/welzijn",
     [3], "gratis; u betaalt de boodschappen"),
    ("Klussendienst", "Stichting Welzijn Kennemerland", "023 531 44 00", "https://www.example.org/welzijn",
     [2, 6], "€ 5 per klus plus materiaal"),
    ("Scootmobielpool", "Scootmobielpool Haarlem", "023 555 02 20", "https://www.example.org/scootmobielpool",
     [7], "€ 2,50 per rit"),
    ("Collectief vervoer (Regiotaxi)", "Regiotaxi Kennemerland", "0900 123 45 67", "https://www.example.org/regiotaxi",
     [7, 8], "het tarief van het openbaar vervoer"),
    ("BUUV-burenhulp", "BUUV Haarlem", "023 555 03 30", "https://www.example.org/buuv", [3, 6, 8], "gratis"),
    ("Respijtzorg en mantelzorgondersteuning", "Mantelzorg Kennemerland", "023 555 04 40",
     "https://www.example.org/mantelzorg", [5, 8], "gratis"),
    ("Ontmoetingscentrum en inloop", "Stichting Welzijn Kennemerland", "023 531 44 00",
     "https://www.example.org/welzijn", [8], "gratis; koffie € 1"),
    ("Was- en strijkservice", "Wasserij De Spaarne (sociale firma)", "023 555 05 50",
     "https://www.example.org/wasserij", [4], "€ 9 per wasmand"),
]  # fmt: skip
# Aanbieders with a contract for zorg in natura. Names and AGB codes are made up (8 digits, the
# format of the AGB register); the contracts hold in both demo gemeenten.
AANBIEDERS = [
    ("Thuiszorg Kennemerland", "75750101", "Petra de Wit", "023 555 10 10", ("01",)),
    ("Zorgbalans Begeleiding", "75750202", "Ahmed Benali", "023 555 20 20", ("02",)),
    ("Medipoint", "41015010", "Klantenservice", "088 102 01 00", ("11", "12", "13")),
]
# iWmo productcode per product (the gemeente's own product list) and the WMO757 frequentie.
PRODUCTCODES = {
    "Hulp bij het huishouden": ("01A01", "2"),
    "Hulp bij het huishouden plus (zorg voor gezin)": ("01A02", "2"),
    "Begeleiding individueel": ("02A01", "2"),
    "Begeleiding groep (dagbesteding)": ("02A02", "2"),
    "Rolstoel (handbewogen)": ("11R01", "6"),
    "Elektrische rolstoel": ("11R02", "6"),
    "Scootmobiel": ("12S01", "6"),
    "Vervoersvoorziening (Wmo-taxi, persoonsgebonden)": ("12V01", "6"),
    "Woningaanpassing (traplift, badkamer)": ("13W01", "6"),
    "Verhuiskostenvergoeding": ("13W02", "6"),
}
# The demo's units in the WJ756 code list (kilometers have no code: counted as stuks).
EENHEID_CODE = {"uur": "04", "dagdeel": "16", "stuk": "82", "kilometer": "82", "euro": "83"}
# The legal basis per product (Awb 3:47 lid 2). The Wmo 2015 articles are the real ones; the
# Verordening article numbers and the beleidsregels are the DEMO gemeente's own numbering (made
# up for this demo, not taken from Haarlem's published verordening), and so are the pgb tarieven.
RUIM = "Wmo 2015 art. 2.3.5 lid 3 en art. 1.1.1 (maatwerkvoorziening)"
ROLSTOEL_VRIJ = "Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 4 onder d: geen bijdrage voor een rolstoel"
MAATWERK = [
    # naam, iWmo productcategorie, eenheid, gebruikelijke omvang, verordening-artikel (demo),
    # beleidsregel (demo), pgb-tarief per eenheid (demo), eigen bijdrage vrijstelling, verstrekking
    ("Hulp bij het huishouden", "01", "uur", "3 uur per week", "artikel 10",
     "Beleidsregels Wmo Haarlem 2026, paragraaf 3 (normenkader huishoudelijke ondersteuning)", "29.60", "", ""),
    ("Hulp bij het huishouden plus (zorg voor gezin)", "01", "uur", "5 uur per week", "artikel 10",
     "Beleidsregels Wmo Haarlem 2026, paragraaf 3 (normenkader huishoudelijke ondersteuning)", "29.60", "", ""),
    ("Begeleiding individueel", "02", "uur", "2 uur per week", "artikel 11", "", "52.80", "", ""),
    ("Begeleiding groep (dagbesteding)", "02", "dagdeel", "2 dagdelen per week", "artikel 11", "", "41.20", "", ""),
    ("Rolstoel (handbewogen)", "11", "stuk", "1 stuk", "artikel 12",
     "Beleidsregels Wmo Haarlem 2026, paragraaf 5 (één rolstoel per persoon)", None, ROLSTOEL_VRIJ, "bruikleen"),
    ("Elektrische rolstoel", "11", "stuk", "1 stuk", "artikel 12",
     "Beleidsregels Wmo Haarlem 2026, paragraaf 5 (één rolstoel per persoon)", None, ROLSTOEL_VRIJ, "bruikleen"),
    ("Scootmobiel", "12", "stuk", "1 stuk", "artikel 13", "", None, "", "bruikleen"),
    ("Vervoersvoorziening (Wmo-taxi, persoonsgebonden)", "12", "kilometer", "1500 km per jaar", "artikel 13",
     "", "0.45", "", ""),
    ("Woningaanpassing (traplift, badkamer)", "13", "stuk", "eenmalig", "artikel 14", "", None, "", "eigendom"),
    ("Verhuiskostenvergoeding", "13", "euro", "eenmalig", "artikel 14", "", "1.00", "", "geld"),
]  # fmt: skip


# Geslacht (iWmo COD046: 1 mannelijk, 2 vrouwelijk) of the demo's inwoners, by first name.
GESLACHT = {
    "Geertruida Maria": "2", "Hendrik": "1", "Ellen": "2", "Cornelis": "1", "Petra": "2", "Johanna": "2",
    "Willem": "1", "Aaltje": "2", "Ayse": "2", "Gerard": "1", "Maria": "2", "Sem": "1", "Theo": "1",
}  # fmt: skip

# The demo's inwoners get the valid BSNs from here upwards (the range used for test persons).
BSN_START = 999_990_001


def demo_logo(gemeente: Gemeente) -> bytes:
    """A simple logo drawn with Pillow: a shield in the gemeente's colour and its name."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    beeld = Image.new("RGBA", (640, 160), (255, 255, 255, 0))
    teken = ImageDraw.Draw(beeld)
    teken.polygon([(10, 10), (120, 10), (120, 90), (65, 150), (10, 90)], fill=gemeente.huiskleur)
    teken.rectangle((30, 40, 100, 60), fill="white")
    teken.text((145, 35), gemeente.naam, fill=gemeente.huiskleur, font=ImageFont.load_default(size=72))
    uit = io.BytesIO()
    beeld.save(uit, format="PNG")
    return uit.getvalue()


class Command(BaseCommand):
    help = "Laadt demogegevens: gemeenten, organisaties, gebruikers per rol, catalogus en meldingen."

    def handle(self, *args, **options):
        if Gemeente.objects.filter(cbs_code="0392").exists():
            self.stdout.write("Demogegevens staan er al.")
            return
        try:
            with transaction.atomic():  # all or nothing: a failure leaves the database as it was
                self._load()
        except (ValidationError, IntegrityError) as e:
            raise CommandError(
                "De demogegevens zijn niet geladen; de database is niet gewijzigd. "
                f"Reden: {'; '.join(getattr(e, 'messages', [str(e)]))}"
            ) from e
        # The toewijzing of the demo's beschikking in natura (iWmo WMO301) goes into the outbox now,
        # so a newcomer sees the traffic after `make run` without a worker running.
        verstuurd = [b for b in iwmo_services.klaargezette_versturen() if b.status == "verzonden"]
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))
        for bericht in verstuurd:
            self.stdout.write(
                f"iWmo-bericht {bericht.soort} {bericht.identificatie} staat in {settings.IWMO_UITBOX}."
            )

    def _load(self):
        haarlem = Gemeente.objects.create(
            naam="Haarlem", cbs_code="0392", bezoekadres="Zijlsingel 1, Haarlem",
            postadres="Postbus 511", postcode_plaats="2003 PB Haarlem", telefoon="14 023",
            website="www.haarlem.nl",
            bezwaar_adres="Het college van burgemeester en wethouders van Haarlem, Postbus 511, 2003 PB Haarlem",
            verordening="Verordening maatschappelijke ondersteuning Haarlem 2026",
            mandaatregeling="Mandaatbesluit sociaal domein Haarlem 2026",
            bezwaar_digitaal="www.haarlem.nl/bezwaar",
            rechtbank="Rechtbank Noord-Holland", rechtbank_adres="Postbus 1621, 2003 BR Haarlem",
            huiskleur="#8A1538", retouradres="Postbus 511, 2003 PB Haarlem",
            ondertekening="namens het college van burgemeester en wethouders van Haarlem",
        )  # fmt: skip
        zandvoort = Gemeente.objects.create(
            naam="Zandvoort", cbs_code="0473", bezoekadres="Swaluestraat 2, Zandvoort",
            postadres="Postbus 2", postcode_plaats="2040 AA Zandvoort", telefoon="14 023",
            website="www.zandvoort.nl",
            bezwaar_adres="Het college van burgemeester en wethouders van Zandvoort, Postbus 2, 2040 AA Zandvoort",
            verordening="Verordening maatschappelijke ondersteuning Zandvoort 2026",
            mandaatregeling="Mandaatbesluit sociaal domein Zandvoort 2026",
            rechtbank="Rechtbank Noord-Holland", rechtbank_adres="Postbus 1621, 2003 BR Haarlem",
            huiskleur="#00577A", retouradres="Postbus 2, 2040 AA Zandvoort",
            # Zandvoort chose otherwise: a simple single question still gets a gesprek, and
            # "let op" comes a little earlier (beheer, Instellingen).
            triage_uitgesloten=["enkelvoudig"], let_op_werkdagen=7, nazorg_weken=8,
        )  # fmt: skip
        uitvoering = Organisatie.objects.create(
            naam="Sociaal Domein Haarlem-Zandvoort", soort=OrganisatieSoort.UITVOERING
        )
        uitvoering.gemeenten.set([haarlem, zandvoort])
        partner = Organisatie.objects.create(
            naam="Stichting Welzijn Kennemerland", soort=OrganisatieSoort.PARTNER
        )
        partner.gemeenten.set([haarlem])
        teams = {
            "haarlem": Team.objects.create(naam="Wmo-team Haarlem", organisatie=uitvoering, telefoon="023 511 51 15", email="wmo@haarlem.nl"),
            "zandvoort": Team.objects.create(naam="Wmo-team Zandvoort", organisatie=uitvoering, telefoon="023 574 01 00", email="wmo@zandvoort.nl"),
            "partner": Team.objects.create(naam="Toegang Welzijn", organisatie=partner, telefoon="023 531 44 00"),
        }  # fmt: skip
        users = {}
        # One hash for the one public demo password: hashing it per user (PBKDF2, ~0.5 s each) was
        # almost half of the demo's time, and the demo must stay quick on a loaded machine.
        wachtwoord = make_password(DEMO_WACHTWOORD)
        for username, first, last, rollen, team_key, staff in GEBRUIKERS:
            team = teams[team_key]
            u = Medewerker(
                username=username, first_name=first, last_name=last, team=team, organisatie=team.organisatie,
                is_staff=staff, email=f"{username}@example.org", telefoon="023 511 51 15",
            )  # fmt: skip
            u.password = wachtwoord
            u.save()
            u.groups.set(Group.objects.filter(name__in=rollen))
            users[username] = u
            # Two-step verification: set up on first login with an authenticator app, or (DEBUG
            # only) the shared demo secret from TWEESTAPS_DEMO_GEHEIM (README, "Inloggen").
            if settings.TWEESTAPS_DEMO_GEHEIM:
                tweestaps_demo_inrichten(medewerker=u, geheim=settings.TWEESTAPS_DEMO_GEHEIM)
        for gemeente in (haarlem, zandvoort):  # a generated logo on the letters (never downloaded)
            briefhoofdlogo_opslaan(door=users["beheerder"], gemeente=gemeente, inhoud=demo_logo(gemeente))
        sinds = date(2025, 1, 1)
        for naam, organisatie, telefoon, website, gebieden, kosten in ALGEMEEN:
            Voorziening.objects.create(
                naam=naam, soort=VoorzieningSoort.ALGEMEEN, geldig_vanaf=sinds, organisatie=organisatie,
                telefoon=telefoon, website=website, resultaatgebieden=gebieden, kosten=kosten,
            )  # fmt: skip
        for naam, cat, eenheid, omvang, artikel, beleidsregel, tarief, vrij, verstrekking in MAATWERK:
            Voorziening.objects.create(
                naam=naam,
                soort=VoorzieningSoort.MAATWERK,
                geldig_vanaf=sinds,
                iwmo_productcategorie=cat,
                iwmo_productcode=PRODUCTCODES[naam][0],
                frequentie=PRODUCTCODES[naam][1],
                eenheid=EENHEID_CODE[eenheid],
                pgb_toegestaan=tarief is not None,
                gebruikelijke_omvang=omvang,
                wettelijke_grondslag=RUIM,
                verordening_artikel=artikel,
                beleidsregel=beleidsregel,
                pgb_tarief=Decimal(tarief) if tarief else None,
                eigen_bijdrage=not vrij,
                geen_eigen_bijdrage_grond=vrij,
                verstrekking=verstrekking,
            )
        # The mandaatregeling: consulenten decide hulp bij het huishouden and begeleiding; the
        # teamleider decides everything; woningaanpassingen always with four eyes.
        for v in Voorziening.objects.filter(soort=VoorzieningSoort.MAATWERK):
            if v.iwmo_productcategorie in ("01", "02"):
                Mandaat.objects.create(voorziening=v, rol=Rol.CONSULENT)
            Mandaat.objects.create(
                voorziening=v, rol=Rol.TEAMLEIDER, vier_ogen=v.iwmo_productcategorie == "13"
            )

        for naam, agb, contact, telefoon, categorieen in AANBIEDERS:
            aanbieder = Aanbieder.objects.create(
                naam=naam, agb_code=agb, contactpersoon=contact, telefoon=telefoon, email="info@example.org"
            )
            for v in Voorziening.objects.filter(iwmo_productcategorie__in=categorieen):
                for gemeente in (haarlem, zandvoort):
                    Contract.objects.create(
                        aanbieder=aanbieder, gemeente=gemeente, voorziening=v, geldig_vanaf=sinds
                    )

        self._brieftekst(haarlem, users["beheerder"])
        self._dossiers(haarlem, zandvoort, teams, users)
        self._beheer(teams, users)
        # iWmo: a processed start and stop zorg (WMO305, WMO307) with their 306/308 in the outbox.
        demo_start_en_stop()

    def _beheer(self, teams, users):
        """Beheer history to look at (/beheer/teams/, /beheer/wijzigingen/): a team taken out of use
        and a consulent who left, whose account the beheerder can make active again."""
        beheerder = users["beheerder"]
        oud = teambeheer.team_aanmaken(door=beheerder, naam="Wmo-team Schalkwijk", telefoon="023 511 52 00")
        teambeheer.team_deactiveren(door=beheerder, team=oud, reden="Samengevoegd met Wmo-team Haarlem")
        vertrokken = Medewerker(
            username="kvos", first_name="Kees", last_name="Vos", team=teams["haarlem"],
            organisatie=teams["haarlem"].organisatie, email="kvos@example.org",
        )  # fmt: skip
        vertrokken.set_unusable_password()
        vertrokken.save()
        vertrokken.groups.set(Group.objects.filter(name=Rol.CONSULENT))
        beheer_services.medewerker_deactiveren(door=beheerder, medewerker=vertrokken, reden="Uit dienst")

    def _brieftekst(self, haarlem, beheerder):
        """Haarlem's own text for the ontvangstbevestiging (version 1 in beheer, Brieven)."""
        blokken = standaard_blokken(BriefSoort.ONTVANGSTBEVESTIGING)
        blokken["meenemen"] = {
            "kop": "Neem iemand mee naar het gesprek",
            "tekst": (
                "Uw mantelzorger of iemand anders die u helpt, mag bij het gesprek zijn. Ook een familielid "
                "of iemand die u vertrouwt mag erbij zijn.\n\n"
                "Spreekt u liever een andere taal? Zeg het ons. Dan regelen wij een tolk."
            ),
        }
        tekst_opslaan(
            gemeente=haarlem,
            soort=BriefSoort.ONTVANGSTBEVESTIGING,
            onderwerp="Wij hebben uw melding ontvangen",
            blokken=blokken,
            toelichting="Zin over een tolk toegevoegd.",
            door=beheerder,
        )

    def _dossiers(self, haarlem, zandvoort, teams, users):
        bsns = valid_bsns(start=BSN_START)
        loket, fatima, joost = users["loket"], users["consulent"], users["consulent2"]
        vandaag = timezone.localdate()

        def inwoner(
            voornamen,
            achternaam,
            geboren,
            straat,
            nr,
            postcode,
            plaats,
            gemeente,
            tussen="",
            **extra,
        ):
            return ms.inwoner_registreren(
                door=loket, bsn=next(bsns), voornamen=voornamen, tussenvoegsel=tussen, achternaam=achternaam,
                geboortedatum=geboren, straat=straat, huisnummer=nr, postcode=postcode, woonplaats=plaats,
                gemeente=gemeente, telefoon=extra.pop("telefoon", "06 1234 5678"),
                geslacht=extra.pop("geslacht", GESLACHT.get(voornamen, "0")), **extra,
            )  # fmt: skip

        def melding(
            inw,
            dagen_geleden,
            hulpvraag,
            *,
            team=teams["haarlem"],
            consulent=None,
            door=loket,
            **kw,
        ):
            # 10:15 on that day, but never later than now: at night "today at 10:15" is still to come.
            ontvangen = min(
                timezone.make_aware(datetime.combine(vandaag - timedelta(days=dagen_geleden), time(10, 15))),
                timezone.now(),
            )
            return ms.melding_registreren(
                door=door, inwoner=inw, team=team, consulent=consulent, ontvangen_op=ontvangen,
                kanaal=kw.pop("kanaal", Kanaal.TELEFOON), hulpvraag=hulpvraag, **kw,
            )  # fmt: skip

        def naar(m, *statussen, door=fatima):
            for s in statussen:
                if s == MeldingStatus.IN_ONDERZOEK:
                    m = ms.melding_onderzoek_starten(melding=m, door=door)
                else:
                    m = ms.melding_status_zetten(
                        melding=m, door=door, naar=s, reden=f"Demo: {MeldingStatus(s).label}"
                    )
            return m

        # 1. Wants a scootmobiel, real problem: groceries. Solved by boodschappendienst + network.
        jansen = inwoner(
            "Geertruida Maria",
            "Jansen",
            date(1941, 3, 12),
            "Kleverparkweg",
            41,
            "2023CB",
            "Haarlem",
            haarlem,
        )
        m = melding(
            jansen,
            30,
            "Ik krijg mijn boodschappen niet meer thuis. De tassen zijn te zwaar en de winkel is ver. Ik dacht aan een scootmobiel.",
            consulent=fatima,
        )
        naar(m, MeldingStatus.IN_ONDERZOEK)
        ms.melding_afsluiten(
            melding=m,
            door=fatima,
            reden=Afsluitreden.ALGEMENE_VOORZIENING,
            toelichting="Boodschappendienst van de buurt, dochter haalt op zaterdag de zware boodschappen.",
        )

        # 2. Man, 52, complex leg fracture; withdraws after hearing the eigen bijdrage.
        dekker = inwoner(
            "Hendrik",
            "Dekker",
            date(1974, 8, 2),
            "Rijksstraatweg",
            212,
            "2022DG",
            "Haarlem",
            haarlem,
        )
        m = melding(
            dekker,
            21,
            "Mijn been is op drie plekken gebroken. Ik kan het huis niet schoonhouden en niet naar boven.",
            consulent=joost,
        )
        ms.melding_afsluiten(
            melding=m,
            door=joost,
            reden=Afsluitreden.INGETROKKEN,
            toelichting="Afgezien vanwege de eigen bijdrage; zoon helpt zes weken. Terugbellen over twee weken afgesproken.",
        )

        # 3. Woman, 54, emphysema: huishouden and the bathroom, one onderzoek.
        bos = inwoner("Ellen", "Bos", date(1972, 1, 23), "Schoterweg", 7, "2021HZ", "Haarlem", haarlem, tussen="van den",
                      contactpersoon_naam="Rob van den Bos", contactpersoon_relatie="echtgenoot", contactpersoon_telefoon="06 2345 6789")  # fmt: skip
        m = melding(
            bos,
            12,
            "Door mijn longen ben ik snel buiten adem. Stofzuigen en douchen lukken niet meer zonder hulp.",
            consulent=fatima,
        )
        naar(m, MeldingStatus.IN_ONDERZOEK)

        # 4. Man, 70, stroke, wheelchair: aanvraag in, decision taken.
        hoek = inwoner(
            "Cornelis",
            "Hoek",
            date(1956, 5, 30),
            "Zijlweg",
            118,
            "2015BH",
            "Haarlem",
            haarlem,
            tussen="van der",
            # A contactpersoon who asked for copies: every letter also goes to her, marked "Kopie".
            contactpersoon_naam="Anja van der Hoek", contactpersoon_relatie="dochter",
            contactpersoon_telefoon="06 3456 7890", contactpersoon_adres="Rijksstraatweg 12, 2022 DB Haarlem",
            contactpersoon_krijgt_kopie=True,
        )  # fmt: skip
        m = melding(hoek, 50, "Na mijn beroerte zit ik in een rolstoel. Ik wil een zware rolstoel voor binnen en een lichte om mee te nemen.",
                    consulent=fatima, melder_is_inwoner=False, melder_naam="Anja van der Hoek", melder_relatie=MelderRelatie.KIND,
                    melder_telefoon="06 3456 7890", toestemming_inwoner=True)  # fmt: skip
        naar(m, MeldingStatus.IN_ONDERZOEK, MeldingStatus.VERSLAG_VERSTUURD)
        self._rolstoel_beschikking(m, fatima, users["teamleider"])

        # 5. Woman, 56, dwarslaesie, moving house: verslag sent.
        meijer = inwoner("Petra", "Meijer", date(1970, 11, 4), "Tolweg", 3, "2041BA", "Zandvoort", zandvoort)
        m = melding(meijer, 35, "Ik verhuis naar een gelijkvloerse woning. Daar moet de badkamer en de keuken aangepast worden voor mijn rolstoel.",
                    team=teams["zandvoort"], consulent=users["zandvoort"])  # fmt: skip
        naar(m, MeldingStatus.IN_ONDERZOEK, MeldingStatus.VERSLAG_VERSTUURD, door=users["zandvoort"])

        # 6. Herindicatie hulp bij het huishouden (hours may go from 8 to 3).
        visser = inwoner(
            "Johanna",
            "Visser",
            date(1938, 6, 17),
            "Gedempte Oude Gracht",
            90,
            "2011GT",
            "Haarlem",
            haarlem,
            # Mentorschap (BW 1:450): the mentor gets the letters instead of mevrouw Visser.
            vertegenwoordiger_soort=Vertegenwoordiging.MENTOR,
            vertegenwoordiger_naam="Stichting Mentorschap Kennemerland, t.a.v. Ineke Brouwer",
            vertegenwoordiger_adres="Zijlsingel 2", vertegenwoordiger_postcode="2013DN",
            vertegenwoordiger_woonplaats="Haarlem", vertegenwoordiger_telefoon="023 534 00 00",
        )  # fmt: skip
        m = melding(
            visser,
            20,
            "Mijn indicatie voor hulp bij het huishouden loopt af. Ik heb de hulp nog steeds nodig.",
            consulent=joost,
            bekend=True,
            kanaal=Kanaal.EMAIL,
        )
        ms.ontvangstbevestiging_versturen(melding=m, door=loket)  # to the mentor
        # Herindicatie of an unchanged situation: triage straight to the aanvraag.
        naar(m, MeldingStatus.AANVRAAG_ONTVANGEN, door=joost)

        # 7. 76-year-old mantelzorger of his wife in a care home, overloaded.
        smits = inwoner(
            "Willem", "Smits", date(1950, 2, 8), "Amsterdamstraat", 15, "2032PM", "Haarlem", haarlem
        )
        m = melding(
            smits,
            0,
            "Ik zorg elke dag voor mijn vrouw in het verpleeghuis en doe alles alleen. Ik ben op. Ik slaap slecht.",
            kanaal=Kanaal.BALIE,
        )
        ms.ontvangstbevestiging_versturen(melding=m, door=loket)  # sent the day it came in

        # 8. Spoed: hulp bij het huishouden after hospital discharge, reported by the wijkverpleegkundige.
        mulder = inwoner(
            "Aaltje",
            "Mulder",
            date(1945, 9, 9),
            "Kennemerstraat",
            22,
            "2042JK",
            "Zandvoort",
            zandvoort,
        )
        melding(mulder, 1, "Komt morgen thuis uit het ziekenhuis na een heupoperatie. Woont alleen, kan de eerste weken niets in huis doen.",
                team=teams["zandvoort"], spoed=True, spoed_reden="Ontslag uit ziekenhuis morgen, geen netwerk in de buurt.",
                melder_is_inwoner=False, melder_naam="Jolanda de Graaf", melder_relatie=MelderRelatie.WIJKVERPLEGING,
                melder_organisatie="Zorgbalans wijkverpleging", melder_telefoon="023 891 00 00", toestemming_inwoner=True,
                kanaal=Kanaal.PARTNER)  # fmt: skip

        # 9. A partner organisation registers a melding and will hold the gesprek.
        yilmaz = inwoner(
            "Ayse", "Yilmaz", date(1962, 4, 1), "Planetenlaan", 150, "2024EV", "Haarlem", haarlem
        )
        melding(yilmaz, 5, "Ik kom de deur bijna niet meer uit en zie niemand. Ik wil weer mensen ontmoeten.",
                team=teams["partner"], consulent=users["partner"], door=users["partner"], kanaal=Kanaal.PARTNER)  # fmt: skip

        # 10. Overdue: received 7 weeks ago, onderzoek still not finished.
        peters = inwoner("Gerard", "Peters", date(1948, 12, 24), "Dreef", 9, "2012HR", "Haarlem", haarlem)
        m = melding(
            peters,
            49,
            "Ik val vaak in huis en kom de trap niet meer op. Mijn slaapkamer is boven.",
            consulent=joost,
        )
        naar(m, MeldingStatus.IN_ONDERZOEK, door=joost)

        # 11. Waiting in the team queue, close to its deadline.
        de_boer = inwoner(
            "Maria",
            "Boer",
            date(1952, 7, 14),
            "Spaarndamseweg",
            301,
            "2021KP",
            "Haarlem",
            haarlem,
            tussen="de",
        )
        melding(
            de_boer,
            38,
            "Ik kan niet meer zelf met de bus naar de dagbesteding. Mijn man kan mij niet meer brengen.",
        )
        # 12. Fresh one in the queue.
        # Beschermingsbewind (BW 1:431): the bewindvoerder gets copies, but no verslag without consent.
        kok = inwoner("Sem", "Kok", date(1988, 10, 3), "Oranjestraat", 12, "2042NJ", "Zandvoort", zandvoort,
                      vertegenwoordiger_soort=Vertegenwoordiging.BEWINDVOERDER,
                      vertegenwoordiger_naam="Kennemer Bewindvoering, t.a.v. Sander Mol",
                      vertegenwoordiger_adres="Kinderhuissingel 6", vertegenwoordiger_postcode="2013AS",
                      vertegenwoordiger_woonplaats="Haarlem")  # fmt: skip
        m = melding(
            kok,
            0,
            "Na een ongeluk heb ik hersenletsel. Ik raak het overzicht kwijt over post en geld.",
            team=teams["zandvoort"],
            kanaal=Kanaal.WEB,
        )
        ms.ontvangstbevestiging_versturen(melding=m, door=loket)

        # 13. Known from before, no melding now. Every role of the execution organisation finds him
        #     (BSN masked) and opens his dossier only with a reason ("Inzien zonder lopende
        #     melding", logged); the partner finds him too, may register a melding, and gets a 404
        #     on his dossier. The other case for each role: consulent, consulent2 and teamleider
        #     open Haarlem's dossiers directly and Zandvoort's with a reason (zandvoort: the other
        #     way round); the partner opens only mevrouw Yilmaz (case 9).
        inwoner("Theo", "Vries", date(1947, 1, 19), "Kruisweg", 55, "2011LC", "Haarlem", haarlem, tussen="de")

    def _rolstoel_beschikking(self, melding, consulent, teamleider):
        """Domein.md: wants a heavy and a light wheelchair, policy allows one. One is granted,
        the other refused with motivering; the inwoner objects."""
        vandaag = timezone.localdate()
        # What the onderzoek found (resultaat 6 and the rungs that did not solve it): the
        # beschikking's motivering refers to it (Awb 3:46).
        onderzoek = gs.onderzoek_openen(melding=melding, door=consulent)
        resultaat = onderzoek.resultaten.get(gebied=Resultaatgebied.VERPLAATSEN_HUIS)
        niet = "niet"
        gs.resultaat_opslaan(
            resultaat=resultaat, door=consulent, versie=resultaat.versie,
            velden={
                "aan_de_orde": True,
                "wat_lukt_niet": "Na de beroerte kan meneer niet meer lopen, ook niet met een rollator.",
                "te_bereiken_resultaat": "Meneer verplaatst zich zelfstandig in en om zijn huis.",
            },
            treden={
                1: {"besproken": True, "oplost": niet, "bevinding": "Meneer oefent met de fysiotherapeut.",
                    "waarom": "Lopen lukt voorlopig niet meer."},
                2: {"besproken": True, "oplost": niet, "bevinding": "Meneer woont alleen."},
                3: {"besproken": True, "oplost": "gedeeltelijk", "bevinding": "Zijn dochter helpt twee keer per week.",
                    "waarom": "Zij kan hem niet elke dag verplaatsen."},
                4: {"besproken": True, "oplost": niet, "bevinding": "Buren helpen met boodschappen, niet met verplaatsen."},
                5: {"besproken": True, "oplost": niet, "bevinding": "De zorgverzekering geeft alleen een rolstoel voor kort gebruik.",
                    "waarom": "Meneer heeft de rolstoel blijvend nodig."},
                6: {"besproken": True, "oplost": niet, "bevinding": "Een rolstoel is geen gewoon product dat iedereen koopt."},
                7: {"besproken": True, "oplost": niet, "bevinding": "De rolstoelpool leent alleen voor een dag uit."},
            },
        )  # fmt: skip
        aanvraag = av.aanvraag_registreren(
            melding=melding,
            ontvangen_op=vandaag - timedelta(days=9),
            grondslag=Grondslag.NA_ONDERZOEK,
            door=consulent,
        )
        licht = Voorziening.objects.get(naam="Rolstoel (handbewogen)")
        zwaar = Voorziening.objects.get(naam="Elektrische rolstoel")
        gevraagd_licht = av.aanvraag_voorziening_toevoegen(
            aanvraag=aanvraag, voorziening=licht, resultaatgebied=Resultaatgebied.VERPLAATSEN_HUIS, door=consulent,
            toelichting="Lichte rolstoel om mee te nemen in de auto van zijn dochter.",
        )  # fmt: skip
        gevraagd_zwaar = av.aanvraag_voorziening_toevoegen(
            aanvraag=aanvraag, voorziening=zwaar, resultaatgebied=Resultaatgebied.VERPLAATSEN_HUIS, door=consulent,
            toelichting="Zware rolstoel voor binnen.",
        )  # fmt: skip
        beschikking = av.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
        av.beschikking_regel_vastleggen(
            beschikking=beschikking, aangevraagd=gevraagd_licht, door=consulent, uitkomst="toegekend",
            omvang=1, eenheid="stuk", frequentie="eenmalig", leveringsvorm="zin", aanbieder=Aanbieder.objects.get(naam="Medipoint"),
            gevraagd="een lichte rolstoel om mee te nemen, in natura",
            ingangsdatum=vandaag + timedelta(days=7),
            motivering="Na uw beroerte kunt u niet meer lopen. Uw dochter, uw buren, de zorgverzekering en de "
            "rolstoelpool lossen dit niet op (zie hierboven). Met een lichte rolstoel kunt u zich in en om het huis "
            "verplaatsen, en hij past in de auto van uw dochter.",
        )  # fmt: skip
        av.beschikking_regel_vastleggen(
            beschikking=beschikking, aangevraagd=gevraagd_zwaar, door=consulent, uitkomst="afgewezen",
            motivering="U krijgt één rolstoel. Die kunt u binnen en buiten gebruiken.",
            afwijking_motivering="Ons beleid geeft één rolstoel per persoon. Uw woning is gelijkvloers; de lichte "
            "rolstoel past door alle deuren. Een tweede rolstoel is daarom niet nodig.",
        )  # fmt: skip
        av.beschikking_indienen(beschikking=beschikking, door=consulent)
        av.beschikking_goedkeuren(beschikking=beschikking, door=teamleider)
        beschikking = av.beschikking_versturen(beschikking=beschikking, door=teamleider)
        av.bezwaar_registreren(
            beschikking=beschikking, ontvangen_op=vandaag, door=consulent,
            gronden="Meneer heeft de zware rolstoel nodig omdat hij de lichte niet zelf kan voortbewegen.",
        )  # fmt: skip
