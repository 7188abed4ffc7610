"""`manage.py zgw status` | `verzenden` | `opnieuw [--id N]`: the zaaksysteem outbox from the shell.

- status: per gemeente the koppeling and the counts of waiting, sent and not sent opdrachten, and
  the reasons of what was not sent;
- verzenden: send every due waiting opdracht now (for a cron job where no worker runs, or after
  an outage);
- opnieuw: put stopped opdrachten (all, or one by --id) back in the queue and send them.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from zgw import services
from zgw.constants import OpdrachtStatus
from zgw.models import Opdracht, ZgwKoppeling


class Command(BaseCommand):
    help = "De koppeling met het zaaksysteem (ZGW): status, verzenden, opnieuw."

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["status", "verzenden", "opnieuw"])
        parser.add_argument("--id", type=int, help="Alleen deze opdracht (bij opnieuw).")

    def handle(self, *args, actie, id=None, **options):
        if actie == "status":
            self._status()
        elif actie == "verzenden":
            aantal = services.alles_verzenden()
            self.stdout.write(f"{aantal} opdracht(en) geprobeerd.")
            self._status()
        else:
            opdrachten = Opdracht.objects.filter(status=OpdrachtStatus.NIET_VERZONDEN)
            if id is not None:
                opdrachten = opdrachten.filter(pk=id)
                if not opdrachten.exists():
                    raise CommandError(f"Er is geen niet verzonden opdracht met nummer {id}.")
            aantal = 0
            for opdracht in opdrachten:
                services.opdracht_opnieuw(opdracht=opdracht, door=None)
                aantal += 1
            services.alles_verzenden()
            self.stdout.write(f"{aantal} opdracht(en) opnieuw in de wachtrij gezet.")
            self._status()

    def _status(self):
        for k in (
            ZgwKoppeling.objects.select_related("gemeente")
            .annotate(
                wachtend=Count("opdrachten", filter=Q(opdrachten__status=OpdrachtStatus.WACHTEND)),
                verzonden=Count("opdrachten", filter=Q(opdrachten__status=OpdrachtStatus.VERZONDEN)),
                niet=Count("opdrachten", filter=Q(opdrachten__status=OpdrachtStatus.NIET_VERZONDEN)),
            )
            .order_by("gemeente__naam")
        ):
            self.stdout.write(
                f"{k.gemeente.naam}: koppeling {'aan' if k.actief else 'uit'}; geheim: {k.geheim_status}; "
                f"{k.wachtend} wachtend, {k.verzonden} verzonden, {k.niet} niet verzonden."
            )
        for o in (
            Opdracht.objects.exclude(status=OpdrachtStatus.VERZONDEN)
            .exclude(laatste_fout="")
            .select_related("melding")
            .order_by("aangemaakt_op", "pk")
        ):
            self.stdout.write(
                f"  opdracht {o.pk} ({o.get_soort_display()}, {o.melding.kenmerk}, {o.get_status_display()}, "
                f"{o.pogingen} pogingen): {o.laatste_fout}"
            )
