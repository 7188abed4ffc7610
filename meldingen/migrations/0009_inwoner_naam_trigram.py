"""Trigram indexes for the name search (meldingen.query.InwonerQuerySet.zoek), PostgreSQL only.

The search asks UPPER(achternaam) LIKE '%PART%' (icontains); a GIN index with gin_trgm_ops on
the same expression answers that without reading every inwoner of the gemeenten. The SQLite
quick start keeps the plain LIKE. pg_trgm is a trusted extension (PostgreSQL 13+), so the
database owner may create it.
"""

from django.db import migrations

INDEXEN = [
    "CREATE INDEX IF NOT EXISTS inwoner_achternaam_trgm ON meldingen_inwoner "
    "USING gin (UPPER(achternaam) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_voornamen_trgm ON meldingen_inwoner "
    "USING gin (UPPER(voornamen) gin_trgm_ops)",
    # tussenvoegsel__iexact: equality on the upper-cased value, so each OR arm has an index.
    "CREATE INDEX IF NOT EXISTS inwoner_tussenvoegsel_upper ON meldingen_inwoner (UPPER(tussenvoegsel))",
]


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for sql in INDEXEN:
        schema_editor.execute(sql)


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for naam in ("inwoner_achternaam_trgm", "inwoner_voornamen_trgm", "inwoner_tussenvoegsel_upper"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("meldingen", "0008_open_meldingen_idx")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
