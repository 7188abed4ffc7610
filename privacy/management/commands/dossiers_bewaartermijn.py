"""`manage.py dossiers_bewaartermijn`: closed dossiers past their retention period.

Without options it only lists them (record number, gemeente, last day, kept until, number of
meldingen: no names, no BSN). With ``--anonimiseren --door GEBRUIKERSNAAM`` it anonymises each
in its own transaction and records who did it. The rule, the period and its legal basis:
``privacy.bewaartermijn``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from privacy.bewaartermijn import bewaren_tot, dossier_anonimiseren, verlopen_dossiers
from wmo.models import Medewerker


class Command(BaseCommand):
    help = (
        "Toont gesloten dossiers waarvan de bewaartermijn voorbij is "
        "(DOSSIER_BEWAARTERMIJN_JAREN na de laatste dag); met --anonimiseren worden ze geanonimiseerd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--anonimiseren",
            action="store_true",
            help="Anonimiseer de getoonde dossiers (één transactie per dossier).",
        )
        parser.add_argument(
            "--door",
            metavar="GEBRUIKERSNAAM",
            help="Wie het anonimiseren uitvoert (verplicht bij --anonimiseren); komt in de historie.",
        )

    def handle(self, *args, anonimiseren=False, door=None, **options):
        jaren = settings.DOSSIER_BEWAARTERMIJN_JAREN
        vandaag = timezone.localdate()
        medewerker = None
        if anonimiseren:
            if not door:
                raise CommandError("Zeg met --door GEBRUIKERSNAAM wie het anonimiseren uitvoert.")
            medewerker = Medewerker.objects.filter(username=door, is_active=True).first()
            if medewerker is None:
                raise CommandError(f"Er is geen actieve medewerker met gebruikersnaam ‘{door}’.")
        dossiers = list(verlopen_dossiers(vandaag=vandaag, jaren=jaren))
        self.stdout.write(
            f"Bewaartermijn {jaren} jaar: {len(dossiers)} gesloten dossier(s) voorbij de termijn "
            f"op {vandaag.isoformat()}."
        )
        for d in dossiers:
            self.stdout.write(
                f"inwoner {d.pk}  {d.gemeente.naam}  laatste dag {d.einde.isoformat()}  "
                f"bewaren tot en met {bewaren_tot(d.einde, jaren).isoformat()}  "
                f"{d.aantal_meldingen} melding(en)"
            )
        if not anonimiseren:
            return
        gedaan = 0
        for d in dossiers:
            resultaat = dossier_anonimiseren(inwoner=d, door=medewerker, vandaag=vandaag, jaren=jaren)
            if resultaat is not None:
                gedaan += 1
                self.stdout.write(f"inwoner {d.pk} geanonimiseerd: {resultaat.omschrijving}")
        self.stdout.write(f"{gedaan} dossier(s) geanonimiseerd.")
