"""`manage.py iwmo`: send what is klaargezet, then process the inbox, and report what was done.

The worker (django-tasks, `manage.py db_worker`) sends each message right after the beschikking;
this command catches up whatever is still waiting (the worker was down) and reads the incoming
files (iwmo.ontvangst). Run it from cron, e.g. every 15 minutes.
"""

from django.core.management.base import BaseCommand

from iwmo import ontvangst, services
from iwmo.models import BerichtStatus


class Command(BaseCommand):
    help = "Verstuurt klaargezette iWmo-berichten en verwerkt de inbox."

    def add_arguments(self, parser):
        parser.add_argument("--alleen-versturen", action="store_true", help="Lees de inbox niet.")

    def handle(self, *args, alleen_versturen=False, **options):
        verstuurd = services.klaargezette_versturen()
        gelukt = [b for b in verstuurd if b.status == BerichtStatus.VERZONDEN]
        self.stdout.write(f"Verstuurd: {len(gelukt)} bericht(en).")
        for bericht in verstuurd:
            if bericht.status != BerichtStatus.VERZONDEN:
                self.stdout.write(
                    f"Niet verstuurd: {bericht} ({bericht.get_status_display()}): {bericht.reden}"
                )
        if alleen_versturen:
            return
        try:
            regels = ontvangst.verwerk_inbox()
        except NotImplementedError as fout:
            self.stdout.write(f"Inbox niet verwerkt: {fout}")
            return
        for regel in regels or []:
            self.stdout.write(str(regel))
        self.stdout.write(f"Inbox: {len(regels or [])} bestand(en) verwerkt.")
