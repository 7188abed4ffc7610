"""The name search's indexes also hold the gemeente (meldingen.query.InwonerQuerySet.zoek), PostgreSQL only.

The search always asks a part of the name within the gemeenten a user may see. With a trigram
index on the name alone, PostgreSQL ANDed its matches with a bitmap of every inwoner of those
gemeenten (about 200,000 for the largest region at 1M meldingen, 11 ms of a 31 ms query for
"Smit"). A GIN index over (gemeente_id, UPPER(name)) answers both at once: btree_gin lets GIN
index the plain gemeente_id, and the planner adds the gemeente condition to each arm of the OR.
Measured on the 1M database, paired runs, execution median: Smit 25 -> 16 ms, Jansen 60 -> 40,
Bakker 32 -> 24, Visser 31 -> 25; planning time unchanged (1.4 ms). A GIN index serves any subset
of its columns, so a search without a gemeente condition still uses it: the old indexes of 0009
are replaced. btree_gin, like pg_trgm, is a trusted extension (PostgreSQL 13+).
"""

from django.db import migrations

NIEUW = [
    "CREATE INDEX IF NOT EXISTS inwoner_gemeente_achternaam_trgm ON meldingen_inwoner "
    "USING gin (gemeente_id, UPPER(achternaam) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_gemeente_voornamen_trgm ON meldingen_inwoner "
    "USING gin (gemeente_id, UPPER(voornamen) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_tussenvoegsel_upper_gemeente ON meldingen_inwoner "
    "(UPPER(tussenvoegsel), gemeente_id)",
]
OUD = [
    "CREATE INDEX IF NOT EXISTS inwoner_achternaam_trgm ON meldingen_inwoner "
    "USING gin (UPPER(achternaam) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_voornamen_trgm ON meldingen_inwoner "
    "USING gin (UPPER(voornamen) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_tussenvoegsel_upper ON meldingen_inwoner (UPPER(tussenvoegsel))",
]
OUDE_NAMEN = ("inwoner_achternaam_trgm", "inwoner_voornamen_trgm", "inwoner_tussenvoegsel_upper")
NIEUWE_NAMEN = (
    "inwoner_gemeente_achternaam_trgm",
    "inwoner_gemeente_voornamen_trgm",
    "inwoner_tussenvoegsel_upper_gemeente",
)


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for sql in NIEUW:
        schema_editor.execute(sql)
    for naam in OUDE_NAMEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


def terug(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in OUD:
        schema_editor.execute(sql)
    for naam in NIEUWE_NAMEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("meldingen", "0013_melding_team_periode_idx")]

    operations = [migrations.RunPython(aanmaken, terug)]
