"""Background work of the management information (django-tasks; the worker is `manage.py db_worker`)."""

from django_tasks import task

from . import samenvatting


@task()
def mi_bijwerken() -> int:
    """Recount the marked closed months of the MI summary; returns the months recounted."""
    return samenvatting.gemarkeerde_bijwerken()
