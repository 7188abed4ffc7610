"""`manage.py inzagelog_controleren`: verify the access log's hash chain (BIO 12.4.2, NEN 7513).

Recomputes every row's hash from the anchor (or the genesis) in id order. Exit code 0 and the
head of the chain (last id and hash: record it outside the database, so removing rows from the
end is noticed too); exit code 1 and the first broken row when a row was changed or removed.
"""

from django.core.management.base import BaseCommand, CommandError

from wmo import inzagelog


class Command(BaseCommand):
    help = "Controleert de hashketen van het inzagelog; noemt de eerste rij die niet klopt."

    def handle(self, *args, **options):
        controle = inzagelog.controleren()
        if not controle.in_orde:
            raise CommandError(
                f"Het inzagelog klopt niet vanaf rij {controle.fout_id}: {controle.fout}. "
                f"{controle.aantal} rij(en) ervoor kloppen.",
                returncode=1,
            )
        kop = f"laatste rij {controle.kop_id}, hash {controle.kop_hash}" if controle.kop_id else "geen rijen"
        self.stdout.write(f"Het inzagelog klopt: {controle.aantal} rij(en) gecontroleerd; {kop}.")
