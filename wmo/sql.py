"""SQL building blocks shared by the core's SQL twins and the apps' queries."""

from django.db.models import Func, IntegerField


class DagenTussen(Func):
    """Whole days from ``eerder`` to ``later``: ``date - date`` in PostgreSQL; julianday on the
    SQLite of the quick start (``make run``)."""

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )
