"""Background work of the iWmo traffic (django-tasks; the worker is `manage.py db_worker`)."""

from django_tasks import task

from iwmo import services


@task()
def bericht_versturen(bericht_id: int) -> str:
    """Send one klaargezet message to the gateway; returns its status."""
    return services.bericht_versturen(bericht_id).status
