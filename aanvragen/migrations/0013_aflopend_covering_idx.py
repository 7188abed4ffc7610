"""Covering indexes for the werkvoorraad's "voorzieningen die aflopen" (aanvragen.query.
aflopende_voorzieningen), PostgreSQL only.

The list reads every sent beschikking of the consulent (1,431 for the busiest at 1M meldingen)
and, per beschikking, its regels, to keep those whose einddatum falls in the signal period. Both
reads went to the table rows (1,350 heap pages for the beschikkingen, one per regel). With the
columns the query needs in the index (INCLUDE) both are index-only scans: 9.5 -> 6.9 ms execution
for that consulent (EXPLAIN ANALYZE, issue 14). The SQLite quick start has no INCLUDE: nothing there.
"""

from django.db import migrations

INDEXEN = {
    "beschikking_verstuurd_consulent_idx": (
        "CREATE INDEX IF NOT EXISTS beschikking_verstuurd_consulent_idx ON aanvragen_beschikking "
        "(consulent_id) INCLUDE (id, gemeente_id, team_id, aanvraag_id) WHERE status = 'verstuurd'"
    ),
    "beschikkingregel_einde_idx": (
        "CREATE INDEX IF NOT EXISTS beschikkingregel_einde_idx ON aanvragen_beschikkingregel "
        "(beschikking_id) INCLUDE (id, einddatum, uitkomst, voorziening_id)"
    ),
}


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in INDEXEN.values():
        schema_editor.execute(sql)


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for naam in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("aanvragen", "0012_aanvraag_consulent_open_idx")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
