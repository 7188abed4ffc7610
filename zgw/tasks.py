"""Background work of the zaaksysteem traffic (django-tasks; the worker is `manage.py db_worker`)."""

from django_tasks import task

from zgw import services


@task()
def opdrachten_verzenden_taak(melding_id: int) -> int:
    """Send the waiting opdrachten of one melding; returns how many were tried."""
    return len(services.opdrachten_verzenden(melding_id=melding_id))
