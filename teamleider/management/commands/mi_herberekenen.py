"""`manage.py mi_herberekenen`: count the summary behind the management information again.

Without options every closed month of every team is counted again from the dossiers (after an
import, a restore, or when the summary is first filled). ``--sinds 2026-01`` recounts from that
month on; ``--gemarkeerd`` only recounts what the services marked (what the task mi_bijwerken
does). The current month is always counted directly by the MI page.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from teamleider import samenvatting


def _maand(tekst: str) -> date:
    try:
        jaar, maand = (int(deel) for deel in tekst.split("-"))
        return date(jaar, maand, 1)
    except ValueError:
        raise CommandError(f"Geef de maand als jjjj-mm, bijvoorbeeld 2026-01 (niet '{tekst}').") from None


class Command(BaseCommand):
    help = "Telt de managementinformatie per maand opnieuw uit de dossiers."

    def add_arguments(self, parser):
        parser.add_argument("--sinds", type=_maand, help="Eerste maand die opnieuw geteld wordt (jjjj-mm).")
        parser.add_argument("--gemarkeerd", action="store_true", help="Alleen de gemarkeerde maanden.")

    def handle(self, *args, sinds=None, gemarkeerd=False, **options):
        if gemarkeerd:
            n = samenvatting.gemarkeerde_bijwerken()
            self.stdout.write(f"{n} gemarkeerde maand(en) opnieuw geteld.")
            return
        n = samenvatting.alles_herberekenen(sinds=sinds)
        self.stdout.write(f"Managementinformatie opnieuw geteld: {n} rij(en).")
