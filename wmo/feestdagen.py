"""Days equated to feestdagen by Royal Decree (Algemene termijnenwet art. 3 lid 3).

The functioneel beheerder keeps them in the table GelijkgesteldeDag (with the decree's
reference). Adding or removing one changes deadlines, so every stored open deadline is
recomputed at once, in a set-based pass per clock (by the apps that store them, through the
signal ``wmo.signals.gelijkgestelde_dagen_gewijzigd``).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import GelijkgesteldeDag, Medewerker
from .signals import gelijkgestelde_dagen_gewijzigd


def opgeslagen_deadlines_herberekenen() -> dict[str, int]:
    """Recompute every stored deadline whose clock still runs; returns changed rows per clock.

    The core imports no app: the apps that store deadlines (meldingen, aanvragen) receive
    ``gelijkgestelde_dagen_gewijzigd`` and each receiver answers ``(clock name, changed rows)``.
    """
    antwoorden = gelijkgestelde_dagen_gewijzigd.send(sender=GelijkgesteldeDag)
    return dict(antwoord for _, antwoord in antwoorden)


@transaction.atomic
def gelijkgestelde_dag_toevoegen(
    *, datum: date, omschrijving: str, door: Medewerker | None = None
) -> dict[str, int]:
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Noem het Koninklijk Besluit en de vindplaats."})
    dag = GelijkgesteldeDag(datum=datum, omschrijving=omschrijving.strip())
    dag.full_clean()
    dag._history_user = door
    dag.save()
    return opgeslagen_deadlines_herberekenen()


@transaction.atomic
def gelijkgestelde_dag_verwijderen(*, datum: date, door: Medewerker | None = None) -> dict[str, int]:
    dag = GelijkgesteldeDag.objects.filter(datum=datum).first()
    if dag is None:
        raise ValidationError({"datum": f"{datum:%d-%m-%Y} staat niet in de tabel met gelijkgestelde dagen."})
    dag._history_user = door
    dag.delete()
    return opgeslagen_deadlines_herberekenen()
