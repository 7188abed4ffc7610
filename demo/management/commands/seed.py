"""Fill PostgreSQL with a region's worth of dossiers, for benchmarks and load tests.

``manage.py seed --meldingen 1000000`` makes 30 gemeenten, 10 execution organisations with
40 teams, 400 consulenten (plus a teamleider and a loketmedewerker per team), and meldingen
over ten years at every stage: open ones on every clock, meldingen ended without aanvraag,
aanvragen with beschikkingen (granted, partly granted, refused) and running bezwaar clocks,
ingebrekestellingen, gesprekken (at home, by phone, elsewhere) and a history row per
melding and aanvraag. Deadlines come from the deadline engine (wmo.termijnen), memoised per
date, the first dwangsom day from its rule (wmo.regels.dwangsom). Rows go in with COPY,
table by table, with explicit ids; sequences are moved on after.

Onderzoek, verslag and vervolgafspraken are not seeded (their models are still being built).

Not a test fixture: the rows skip the services (no letters, no full_clean) for speed, but they
satisfy every database constraint. Every seed user has the password given by --wachtwoord.
"""

import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus, Frequentie, Grondslag, Leveringsvorm, Uitkomst
from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Beschikking, BeschikkingRegel
from gesprekken.constants import GesprekStatus, Plaats
from gesprekken.models import Gesprek
from meldingen.constants import Afsluitreden, Kanaal, MeldingStatus
from meldingen.models import Inwoner, Melding
from wmo import termijnen
from wmo.constants import OrganisatieSoort, Rol, VoorzieningSoort
from wmo.models import Gemeente, Medewerker, Organisatie, Team, Voorziening, gelijkgestelde_dagen
from wmo.regels import dwangsom
from wmo.rollen import rollen_instellen
from wmo.validators import valid_bsns

MARKER = "S001"  # cbs_code of the first seed gemeente: present means "already seeded"

VOORNAMEN = (
    "Anna Bram Cor Daan Els Fatima Gerrit Hanneke Ingrid Jan Karin Lotte Mohamed Noor Oscar Petra "
    "Quinten Ria Sanne Thijs Umut Vera Willem Yasmin Zeynep Henk Truus Bep Kees Joke"
).split()
ACHTERNAMEN = (
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|"
    "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|"
    "van der Meer|Kaya|Yilmaz|El Amrani|Öztürk|Kramer"
).split("|")
STRATEN = (
    "Dorpsstraat Kerkweg Molenlaan Schoolstraat Stationsweg Julianalaan Beatrixstraat Lindenlaan".split()
)
HULPVRAGEN = (
    "Ik kan mijn huis niet meer schoonhouden.",
    "Ik kom de deur niet meer uit en zie bijna niemand.",
    "Boodschappen doen lukt niet meer sinds mijn val.",
    "Ik kan niet meer veilig douchen.",
    "Mijn man zorgt voor mij, maar hij kan het niet meer aan.",
    "Ik kan niet meer zelf naar de dagbesteding.",
)
MAATWERK = [
    ("Hulp bij het huishouden", "01", "uur"),
    ("Begeleiding individueel", "02", "uur"),
    ("Rolstoel (handbewogen)", "11", "stuk"),
    ("Scootmobiel", "12", "stuk"),
    ("Woningaanpassing (traplift, badkamer)", "13", "stuk"),
]


class Progress:
    """A progress bar on stderr: no dependency, one line, rewritten in place."""

    def __init__(self, label: str, total: int, out=sys.stderr, quiet=False):
        self.label, self.total, self.out, self.quiet = label, max(total, 1), out, quiet
        self.n, self.start, self.last = 0, time.monotonic(), 0.0

    def step(self, n: int = 1):
        self.n += n
        now = time.monotonic()
        if not self.quiet and (now - self.last > 0.5 or self.n >= self.total):
            self.last = now
            part = min(self.n / self.total, 1)
            bar = "#" * int(part * 30)
            self.out.write(
                f"\r{self.label:<24} [{bar:<30}] {self.n:>9}/{self.total} {part:6.1%} {now - self.start:6.1f}s"
            )
            self.out.flush()

    def done(self):
        if not self.quiet:
            self.out.write("\n")


def _columns(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields]


def _copy(model, rijen, progress: Progress | None = None) -> int:
    """COPY dicts (by field attname) into the model's table; missing fields get their default."""
    velden = _columns(model)
    defaults = {}
    for f in velden:
        if f.has_default():
            defaults[f.attname] = f.get_default()
        elif f.null:
            defaults[f.attname] = None
        else:
            defaults[f.attname] = "" if isinstance(f, models.CharField | models.TextField) else None
    kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden)
    namen = [f.attname for f in velden]
    n = 0
    with connection.cursor() as c:
        with c.cursor.copy(f"COPY {model._meta.db_table} ({kolommen}) FROM STDIN") as copy:
            for rij in rijen:
                copy.write_row([rij.get(a, defaults[a]) for a in namen])
                n += 1
                if progress and n % 5000 == 0:
                    progress.step(5000)
    if progress:
        progress.step(n % 5000)
    return n


def _next_id(model) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def _update_sequence(*modellen):
    with connection.cursor() as c:
        for model in modellen:
            tabel = model._meta.db_table
            c.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT COALESCE(MAX(id), 1) FROM {tabel}))",
                [tabel],
            )


class Command(BaseCommand):
    help = "Vult de database met veel realistische dossiers (voor benchmarks), met COPY."

    def add_arguments(self, parser):
        parser.add_argument(
            "--meldingen", type=int, default=10000, help="Aantal meldingen (standaard 10000)."
        )
        parser.add_argument("--gemeenten", type=int, default=30)
        parser.add_argument("--consulenten", type=int, default=400)
        parser.add_argument("--jaren", type=int, default=10, help="Over hoeveel jaar de meldingen lopen.")
        parser.add_argument("--zaad", type=int, default=2026, help="Startwaarde van de toevalsgenerator.")
        parser.add_argument(
            "--wachtwoord", default="keukentafel-bench", help="Wachtwoord van alle seed-gebruikers."
        )
        parser.add_argument("--stil", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("seed gebruikt COPY en werkt alleen met PostgreSQL.")
        if Gemeente.objects.filter(cbs_code=MARKER).exists():
            self.stdout.write("Seed-gegevens staan er al; er is niets toegevoegd.")
            return
        if opts["gemeenten"] < 1 or opts["consulenten"] < 1 or opts["meldingen"] < 0:
            raise CommandError("Gebruik positieve aantallen.")
        self.rnd = random.Random(opts["zaad"])
        self.stil = opts["stil"]
        self.vandaag = timezone.localdate()
        self.extra = gelijkgestelde_dagen()
        start = time.monotonic()
        with transaction.atomic():
            rollen_instellen()
            self._organisatie(opts)
            self._dossiers(opts)
        with connection.cursor() as c:
            c.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {opts['meldingen']} meldingen in {time.monotonic() - start:.1f} s "
                f"({sum(map(len, self.consulenten.values()))} consulenten, {len(self.teams)} teams, {opts['gemeenten']} gemeenten)."
            )
        )

    # --- organisation ---------------------------------------------------------------------

    def _organisatie(self, opts):
        n_gem = opts["gemeenten"]
        gemeenten = Gemeente.objects.bulk_create(
            [
                Gemeente(
                    naam=f"Seedgemeente {i + 1:02d}",
                    cbs_code=f"S{i + 1:03d}",
                    bezoekadres="Raadhuisplein 1",
                    postadres=f"Postbus {100 + i}",
                    postcode_plaats=f"{1000 + i * 10} AA Seedstad {i + 1}",
                    telefoon="14 0XX",
                    website=f"www.seedgemeente{i + 1}.example",
                    bezwaar_adres=f"College van B en W, Postbus {100 + i}",
                )
                for i in range(n_gem)
            ]
        )
        n_org = max(1, (n_gem + 2) // 3)
        organisaties = Organisatie.objects.bulk_create(
            [
                Organisatie(naam=f"Seed uitvoering {i + 1:02d}", soort=OrganisatieSoort.UITVOERING)
                for i in range(n_org)
            ]
        )
        door = Organisatie.gemeenten.through
        door.objects.bulk_create(
            [
                door(organisatie_id=organisaties[i % n_org].pk, gemeente_id=g.pk)
                for i, g in enumerate(gemeenten)
            ]
        )
        self.gemeenten_van = {
            o.pk: [g.pk for i, g in enumerate(gemeenten) if i % n_org == j]
            for j, o in enumerate(organisaties)
        }
        n_team = max(1, opts["consulenten"] // 10)
        self.teams = Team.objects.bulk_create(
            [
                Team(
                    naam=f"Seed Wmo-team {i + 1:02d}",
                    organisatie=organisaties[i % n_org],
                    telefoon="023 000 00 00",
                )
                for i in range(n_team)
            ]
        )
        wachtwoord = make_password(opts["wachtwoord"])
        groepen = {g.name: g.pk for g in Group.objects.all()}
        mensen, rollen = [], []
        for i in range(opts["consulenten"]):
            team = self.teams[i % n_team]
            mensen.append((f"seed-consulent-{i + 1}", team, Rol.CONSULENT))
        for i, team in enumerate(self.teams):
            mensen.append((f"seed-teamleider-{i + 1}", team, Rol.TEAMLEIDER))
            mensen.append((f"seed-loket-{i + 1}", team, Rol.LOKETMEDEWERKER))
        users = Medewerker.objects.bulk_create(
            [
                Medewerker(
                    username=naam,
                    first_name=self.rnd.choice(VOORNAMEN),
                    last_name=self.rnd.choice(ACHTERNAMEN),
                    team=team,
                    organisatie_id=team.organisatie_id,
                    password=wachtwoord,
                    telefoon="023 511 51 15",
                )
                for naam, team, _ in mensen
            ],
            batch_size=1000,
        )
        for u, (_, _, rol) in zip(users, mensen, strict=True):
            rollen.append(Medewerker.groups.through(medewerker_id=u.pk, group_id=groepen[rol]))
        Medewerker.groups.through.objects.bulk_create(rollen, batch_size=1000)
        self.consulenten = {t.pk: [] for t in self.teams}
        self.loket = {}
        for u, (_, team, rol) in zip(users, mensen, strict=True):
            if rol == Rol.CONSULENT:
                self.consulenten[team.pk].append(u.pk)
            elif rol == Rol.LOKETMEDEWERKER:
                self.loket[team.pk] = u.pk
        self.team_van_gemeente = {}
        for t in self.teams:
            for g in self.gemeenten_van[t.organisatie_id]:
                self.team_van_gemeente.setdefault(g, []).append(t.pk)
        self.gemeenten = [g.pk for g in gemeenten]
        self.voorzieningen = []
        for naam, cat, eenheid in MAATWERK:
            v, _ = Voorziening.objects.get_or_create(
                naam=naam,
                soort=VoorzieningSoort.MAATWERK,
                defaults={"iwmo_productcategorie": cat, "eenheid": eenheid},
            )
            self.voorzieningen.append(v)

    # --- dossiers -------------------------------------------------------------------------

    @cache  # noqa: B019 - one command run, bounded by the number of dates in ten years
    def _melding_deadlines(self, d: date) -> tuple[date, date]:
        return termijnen.persoonlijk_plan_deadline(d, self.extra), termijnen.onderzoek_deadline(d, self.extra)

    @cache  # noqa: B019
    def _beslis(self, d: date) -> date:
        return termijnen.beslis_deadline(d, [], self.extra)

    @cache  # noqa: B019
    def _bezwaar(self, d: date) -> date:
        return termijnen.bezwaar_deadline(d, self.extra)

    def _status(self, leeftijd: int) -> str:
        """A realistic stage for a melding received ``leeftijd`` days ago."""
        r = self.rnd.random()
        if leeftijd < 14:
            return (
                MeldingStatus.ONTVANGEN
                if r < 0.6
                else MeldingStatus.IN_ONDERZOEK
                if r < 0.95
                else MeldingStatus.AFGESLOTEN
            )
        if leeftijd < 60:
            if r < 0.1:
                return MeldingStatus.ONTVANGEN
            if r < 0.45:
                return MeldingStatus.IN_ONDERZOEK
            if r < 0.6:
                return MeldingStatus.VERSLAG_VERSTUURD
            if r < 0.8:
                return MeldingStatus.AANVRAAG_ONTVANGEN
            return MeldingStatus.AFGESLOTEN if r < 0.9 else MeldingStatus.BESLOTEN
        if leeftijd < 120:
            if r < 0.02:
                return MeldingStatus.IN_ONDERZOEK
            if r < 0.06:
                return MeldingStatus.AANVRAAG_ONTVANGEN
            return MeldingStatus.AFGESLOTEN if r < 0.4 else MeldingStatus.BESLOTEN
        return MeldingStatus.AFGESLOTEN if r < 0.35 else MeldingStatus.BESLOTEN

    def _dossiers(self, opts):
        rnd, vandaag = self.rnd, self.vandaag
        n = opts["meldingen"]
        dagen_terug = opts["jaren"] * 365
        n_inwoners = max(1, int(n * 0.7))
        bsns = valid_bsns(start=200_000_000)
        inwoner_id0 = _next_id(Inwoner)
        melding_id0 = _next_id(Melding)
        aanvraag_id = aanvraag_id0 = _next_id(Aanvraag)
        beschikking_id = _next_id(Beschikking)
        gevraagd_id = _next_id(AangevraagdeVoorziening)
        regel_id = _next_id(BeschikkingRegel)
        gesprek_id = _next_id(Gesprek)
        inwoner_gemeente = [rnd.choice(self.gemeenten) for _ in range(n_inwoners)]

        def inwoners():
            for i in range(n_inwoners):
                g = inwoner_gemeente[i]
                yield {
                    "id": inwoner_id0 + i,
                    "bsn": next(bsns),
                    "voornamen": rnd.choice(VOORNAMEN),
                    "achternaam": rnd.choice(ACHTERNAMEN),
                    "geboortedatum": date(1925, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 80)),
                    "straat": rnd.choice(STRATEN),
                    "huisnummer": rnd.randrange(1, 300),
                    "postcode": f"{1000 + rnd.randrange(0, 8999)}{rnd.choice('ABCDEFGHJK')}{rnd.choice('ABCDEFGHJK')}",
                    "woonplaats": f"Seedstad {g}",
                    "telefoon": "06 1234 5678",
                    "contactvoorkeur": "telefoon",
                    "gemeente_id": g,
                    "geen_clientervaringsonderzoek": rnd.random() < 0.03,
                }

        v = Progress("inwoners", n_inwoners, quiet=self.stil)
        _copy(Inwoner, inwoners(), v)
        v.done()

        aanvragen, beschikkingen, gevraagd, regels, gesprekken = [], [], [], [], []
        nu = timezone.now()

        def meldingen():
            nonlocal aanvraag_id, beschikking_id, gevraagd_id, regel_id, gesprek_id
            for i in range(n):
                inwoner = i if i < n_inwoners else rnd.randrange(n_inwoners)
                gemeente = inwoner_gemeente[inwoner]
                team = rnd.choice(self.team_van_gemeente[gemeente])
                # More recent meldingen weigh more (a growing caseload), every day of the ten years has some.
                leeftijd = int(dagen_terug * (rnd.random() ** 1.6))
                ontvangen = vandaag - timedelta(days=leeftijd)
                ontvangen_op = timezone.make_aware(
                    datetime.combine(ontvangen, dtime(8 + rnd.randrange(9), rnd.randrange(60)))
                )
                if ontvangen_op > nu:
                    ontvangen_op = nu - timedelta(minutes=rnd.randrange(1, 600))
                    ontvangen = timezone.localdate(ontvangen_op)
                status = self._status(leeftijd)
                plan, onderzoek = self._melding_deadlines(ontvangen)
                consulent = (
                    None
                    if (status == MeldingStatus.ONTVANGEN and rnd.random() < 0.5)
                    else rnd.choice(self.consulenten[team])
                )
                afgerond = None
                if status not in (MeldingStatus.ONTVANGEN, MeldingStatus.IN_ONDERZOEK):
                    afgerond = min(ontvangen + timedelta(days=rnd.randrange(5, 50)), vandaag)
                spoed = rnd.random() < 0.03
                mid = melding_id0 + i
                rij = {
                    "id": mid,
                    "inwoner_id": inwoner_id0 + inwoner,
                    "gemeente_id": gemeente,
                    "team_id": team,
                    "consulent_id": consulent,
                    "ontvangen_op": ontvangen_op,
                    "kanaal": rnd.choice(Kanaal.values),
                    "melder_is_inwoner": True,
                    "hulpvraag": rnd.choice(HULPVRAGEN),
                    "spoed": spoed,
                    "spoed_reden": "Mantelzorger valt plotseling weg." if spoed else "",
                    "status": status,
                    "afsluitreden": rnd.choice(Afsluitreden.values)
                    if status == MeldingStatus.AFGESLOTEN
                    else "",
                    "afsluit_toelichting": "Seed" if status == MeldingStatus.AFGESLOTEN else "",
                    "plan_deadline": plan,
                    "onderzoek_deadline": onderzoek,
                    "onderzoek_afgerond_op": afgerond,
                    # Closed without aanvraag on the day the onderzoek ended; besloten: set below.
                    "beeindigd_op": afgerond if status == MeldingStatus.AFGESLOTEN else None,
                    "geregistreerd_door_id": self.loket[team],
                    "geregistreerd_op": ontvangen_op,
                }
                # The melding's team, gemeente and consulent, copied onto its rows (meldingen.kopie).
                kopie = {"team_id": team, "gemeente_id": gemeente, "consulent_id": consulent}
                # A gesprek for most meldingen that got past the start.
                if status != MeldingStatus.ONTVANGEN and consulent and rnd.random() < 0.85:
                    r = rnd.random()
                    plaats = (
                        Plaats.THUIS if r < 0.8 else Plaats.TELEFONISCH if r < 0.95 else Plaats.GEMEENTEHUIS
                    )
                    if status == MeldingStatus.IN_ONDERZOEK and leeftijd < 21:
                        op = ontvangen + timedelta(days=rnd.randrange(leeftijd, leeftijd + 21))
                        gstatus = GesprekStatus.GEPLAND if op >= vandaag else GesprekStatus.GEVOERD
                    else:
                        op = min(ontvangen + timedelta(days=rnd.randrange(3, 21)), vandaag)
                        gstatus = GesprekStatus.GEVOERD
                    gesprekken.append(
                        {
                            "id": gesprek_id,
                            "melding_id": mid,
                            "gepland_op": timezone.make_aware(
                                datetime.combine(op, dtime(9 + rnd.randrange(8)))
                            ),
                            "plaats": plaats,
                            "telefonisch_reden": "Inwoner wil liever bellen."
                            if plaats == Plaats.TELEFONISCH
                            else "",
                            "consulent_id": consulent,
                            "status": gstatus,
                            "gepland_door_id": consulent,
                            "team_id": team,
                            "gemeente_id": gemeente,
                            "melding_consulent_id": consulent,
                        }
                    )
                    gesprek_id += 1
                if status in (MeldingStatus.AANVRAAG_ONTVANGEN, MeldingStatus.BESLOTEN):
                    a_ontvangen = afgerond
                    beslis = self._beslis(a_ontvangen)
                    besloten = None
                    if status == MeldingStatus.BESLOTEN:
                        besloten = min(a_ontvangen + timedelta(days=rnd.randrange(3, 25)), vandaag)
                        rij["beeindigd_op"] = besloten
                    ingebreke = dwangsom_vanaf = None
                    if besloten is None and beslis < vandaag - timedelta(days=3) and rnd.random() < 0.2:
                        ingebreke = min(beslis + timedelta(days=rnd.randrange(1, 10)), vandaag)
                        dwangsom_vanaf = dwangsom.eerste_dag(beslis, ingebreke)
                    aanvragen.append(
                        {
                            "id": aanvraag_id,
                            "melding_id": mid,
                            "ontvangen_op": a_ontvangen,
                            "grondslag": Grondslag.NA_ONDERZOEK,
                            "beslis_deadline": beslis,
                            "besloten_op": besloten,
                            "geregistreerd_door_id": consulent or self.loket[team],
                            "ingebrekestelling_op": ingebreke,
                            "dwangsom_vanaf": dwangsom_vanaf,
                            **kopie,
                        }
                    )
                    voorziening = rnd.choice(self.voorzieningen)
                    gevraagd.append(
                        {
                            "id": gevraagd_id,
                            "aanvraag_id": aanvraag_id,
                            "voorziening_id": voorziening.pk,
                            "resultaatgebied": rnd.randrange(1, 9),
                        }
                    )
                    if besloten:
                        beschikkingen.append(
                            {
                                "id": beschikking_id,
                                "aanvraag_id": aanvraag_id,
                                "status": BeschikkingStatus.VERSTUURD,
                                "opgesteld_door_id": consulent or self.loket[team],
                                "bekendgemaakt_op": besloten,
                                "bezwaar_deadline": self._bezwaar(besloten),
                                **kopie,
                            }
                        )
                        r = rnd.random()
                        uitkomst = (
                            Uitkomst.TOEGEKEND
                            if r < 0.8
                            else Uitkomst.GEDEELTELIJK
                            if r < 0.85
                            else Uitkomst.AFGEWEZEN
                        )
                        toegekend = uitkomst != Uitkomst.AFGEWEZEN
                        ingang = besloten + timedelta(days=7) if toegekend else None
                        regels.append(
                            {
                                "id": regel_id,
                                "beschikking_id": beschikking_id,
                                "aangevraagd_id": gevraagd_id,
                                "uitkomst": uitkomst,
                                "voorziening_id": voorziening.pk,
                                "omvang": 3 if toegekend else None,
                                "eenheid": voorziening.eenheid if toegekend else "",
                                "frequentie": Frequentie.PER_WEEK if toegekend else "",
                                "leveringsvorm": Leveringsvorm.ZIN if toegekend else "",
                                "aanbieder_naam": "Seedzorg BV" if toegekend else "",
                                "ingangsdatum": ingang,
                                "einddatum": ingang + timedelta(days=365 * rnd.randrange(1, 4))
                                if toegekend and rnd.random() < 0.6
                                else None,
                                "motivering": "Seed: besluit volgens het onderzoek.",
                                "afwijking_motivering": ""
                                if uitkomst == Uitkomst.TOEGEKEND
                                else "Seed: zie motivering.",
                                "eigen_bijdrage": True,
                            }
                        )
                        beschikking_id += 1
                        regel_id += 1
                    aanvraag_id += 1
                    gevraagd_id += 1
                yield rij

        v = Progress("meldingen", n, quiet=self.stil)
        _copy(Melding, meldingen(), v)
        v.done()
        for model, rijen, label in (
            (Gesprek, gesprekken, "gesprekken"),
            (Aanvraag, aanvragen, "aanvragen"),
            (AangevraagdeVoorziening, gevraagd, "aangevraagde voorz."),
            (Beschikking, beschikkingen, "beschikkingen"),
            (BeschikkingRegel, regels, "besluiten per voorz."),
        ):
            v = Progress(label, len(rijen), quiet=self.stil)
            _copy(model, rijen, v)
            v.done()
        _update_sequence(
            Inwoner, Melding, Gesprek, Aanvraag, AangevraagdeVoorziening, Beschikking, BeschikkingRegel
        )
        self._historie(melding_id0, aanvraag_id0)

    def _historie(self, melding_id0: int, aanvraag_id0: int):
        """One "+" history row per new melding and aanvraag, set-based (INSERT ... SELECT)."""
        for model, vanaf in ((Melding, melding_id0), (Aanvraag, aanvraag_id0)):
            hist = model.history.model
            velden = [f.column for f in model._meta.concrete_fields]
            kolommen = ", ".join(connection.ops.quote_name(c) for c in velden)
            with connection.cursor() as c:
                c.execute(
                    f"INSERT INTO {hist._meta.db_table} ({kolommen}, history_date, history_change_reason, "
                    f"history_type, history_user_id) SELECT {kolommen}, now(), 'Seed', '+', NULL "
                    f"FROM {model._meta.db_table} WHERE id >= %s",
                    [vanaf],
                )
