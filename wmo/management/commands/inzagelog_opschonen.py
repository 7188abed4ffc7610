"""`manage.py inzagelog_opschonen`: remove access-log rows past INZAGELOG_BEWAARTERMIJN_JAREN.

NEN 7513:2018 par. 8.5 and AVG art. 5 lid 1 onder e: kept as long as needed, then removed. The
chain is verified first (a broken chain is evidence and is not purged) and anchored on the last
removed row, so ``inzagelog_controleren`` still passes. Run it e.g. monthly from cron.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from wmo import inzagelog


class Command(BaseCommand):
    help = "Verwijdert rijen van het inzagelog die ouder zijn dan de bewaartermijn."

    def handle(self, *args, **options):
        jaren = settings.INZAGELOG_BEWAARTERMIJN_JAREN
        if jaren < 2:
            raise CommandError(
                "INZAGELOG_BEWAARTERMIJN_JAREN is minder dan 2: NEN 7513 vraagt minstens 2 jaar."
            )
        nu = timezone.now()
        vanaf = inzagelog.bewaren_vanaf(timezone.localtime(nu), jaren)
        try:
            anker = inzagelog.opschonen(bewaard_vanaf=vanaf, tijdstip=nu)
        except ValueError as e:
            raise CommandError(str(e), returncode=1) from None
        datum = date_format(vanaf, "j F Y")
        if anker is None:
            self.stdout.write(f"Niets te verwijderen: geen rijen van vóór {datum}.")
            return
        self.stdout.write(
            f"{anker.aantal} rij(en) van vóór {datum} verwijderd; de keten begint nu na rij {anker.tot_en_met_id}."
        )
