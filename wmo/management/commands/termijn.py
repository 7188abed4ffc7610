"""`manage.py termijn`: the statutory clocks on the command line, for beheer and verification.

Prints one ISO date (or a list) and exits 0; bad input gives a clear message and exit code 2.
"""

import argparse
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wmo import termijnen
from wmo.feestdagen import gelijkgestelde_dag_toevoegen, gelijkgestelde_dag_verwijderen
from wmo.models import gelijkgestelde_dagen
from wmo.regels import opschorting as opschorting_regel


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"‘{text}’ is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-04-21."
        ) from None


def opschorting(text: str) -> tuple[date, date]:
    van, sep, tot = text.partition("/")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"‘{text}’: schrijf de opschorting als VAN/TOT, bijvoorbeeld 2026-04-23/2026-04-30."
        )
    return iso_date(van), iso_date(tot)


def jaar(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"‘{text}’ is geen jaar tussen 1900 en 2200.")
    return int(text)


class Command(BaseCommand):
    help = "Rekent wettelijke termijnen uit (Wmo 2015, Awb, Algemene termijnenwet) en beheert gelijkgestelde dagen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
        p = sub.add_parser("persoonlijk-plan", help="7 dagen na ontvangst van de melding (Wmo art. 2.3.2)")
        p.add_argument("datum", type=iso_date, help="datum van ontvangst van de melding")
        p = sub.add_parser("onderzoek", help="6 weken na ontvangst van de melding (Wmo art. 2.3.2)")
        p.add_argument("datum", type=iso_date, help="datum van ontvangst van de melding")
        p = sub.add_parser(
            "beslissing",
            help="2 weken na ontvangst van de aanvraag, plus opschorting (Wmo art. 2.3.5, Awb 4:15)",
        )
        p.add_argument("datum", type=iso_date, help="datum van ontvangst van de aanvraag")
        p.add_argument(
            "--opschorting",
            type=opschorting,
            action="append",
            default=[],
            metavar="VAN/TOT",
            help="eerste dag dat de termijn stilstaat / eerste dag dat hij weer loopt (mag vaker)",
        )
        p = sub.add_parser("bezwaar", help="6 weken na bekendmaking van de beschikking (Awb 6:7, 6:8)")
        p.add_argument("datum", type=iso_date, help="datum van bekendmaking")
        p = sub.add_parser("feestdagen", help="alle Atw-dagen van een jaar, met de gelijkgestelde dagen")
        p.add_argument("jaar", type=jaar)
        p = sub.add_parser(
            "feestdag-toevoegen", help="een bij KB gelijkgestelde dag toevoegen (Atw art. 3 lid 3)"
        )
        p.add_argument("datum", type=iso_date)
        p.add_argument("--omschrijving", required=True, help="het Koninklijk Besluit, met vindplaats")
        p = sub.add_parser("feestdag-verwijderen", help="een gelijkgestelde dag verwijderen")
        p.add_argument("datum", type=iso_date)

    def handle(self, *args, opdracht, **options):
        datum = options.get("datum")
        for van, tot in options.get("opschorting", []):
            if not opschorting_regel.einde_na_begin(van, tot):
                raise CommandError(
                    f"Opschorting {van}/{tot}: TOT (eerste dag dat de termijn weer loopt) moet na VAN liggen.",
                    returncode=2,
                )
        extra = gelijkgestelde_dagen()
        if opdracht == "persoonlijk-plan":
            self.stdout.write(termijnen.persoonlijk_plan_deadline(datum, extra).isoformat())
        elif opdracht == "onderzoek":
            self.stdout.write(termijnen.onderzoek_deadline(datum, extra).isoformat())
        elif opdracht == "beslissing":
            self.stdout.write(termijnen.beslis_deadline(datum, options["opschorting"], extra).isoformat())
        elif opdracht == "bezwaar":
            self.stdout.write(termijnen.bezwaar_deadline(datum, extra).isoformat())
        elif opdracht == "feestdagen":
            dagen = set(termijnen.atw_feestdagen(options["jaar"])) | {
                d for d in extra if d.year == options["jaar"]
            }
            for d in sorted(dagen):
                self.stdout.write(d.isoformat())
        elif opdracht == "feestdag-toevoegen":
            self._beheer(gelijkgestelde_dag_toevoegen, datum=datum, omschrijving=options["omschrijving"])
        elif opdracht == "feestdag-verwijderen":
            self._beheer(gelijkgestelde_dag_verwijderen, datum=datum)

    def _beheer(self, service, **kwargs):
        try:
            gewijzigd = service(**kwargs)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages), returncode=2) from None
        self.stderr.write(
            f"Termijnen herberekend: {gewijzigd['meldingen']} meldingen, {gewijzigd['aanvragen']} aanvragen, "
            f"{gewijzigd['beschikkingen']} bezwaartermijnen aangepast."
        )
        self.stdout.write(kwargs["datum"].isoformat())
