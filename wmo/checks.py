"""System checks of the project (run by ``manage.py check`` and before ``migrate``)."""

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database)
def half_vervangen_migraties(app_configs=None, databases=None, **kwargs):
    """A database part-way through migrations that a squashed migration replaces.

    Our squashed migrations (scripts/squash_migrations.py) hold each model in its final form, so
    Django's fallback to the old migrations for a partly applied set cannot build the old states
    (a KeyError deep in the migration state). Said plainly instead, with what to do. A database
    that applied all or none of a replaced set is fine: production, CI and a fresh quick start.
    """
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    fouten = []
    for alias in databases or []:
        connection = connections[alias]
        recorder = MigrationRecorder(connection)
        if not recorder.has_table():
            continue
        toegepast = set(recorder.applied_migrations())
        loader = MigrationLoader(None, ignore_no_migrations=True)
        for sleutel, migratie in loader.disk_migrations.items():
            vervangt = {tuple(v) for v in migratie.replaces or ()}
            if not vervangt:
                continue
            gedaan = vervangt & toegepast
            if gedaan and gedaan != vervangt and sleutel not in toegepast:
                ontbreekt = sorted(f"{app}.{naam}" for app, naam in vervangt - gedaan)
                fouten.append(
                    Error(
                        f"De database '{alias}' is halverwege de migraties die {sleutel[0]}.{sleutel[1]} "
                        f"samenvat (nog niet gedaan: {', '.join(ontbreekt)}).",
                        hint=(
                            "Migreer deze database eerst met een versie van Keukentafel van vóór de "
                            "samengevatte migraties (december 2026), of maak hem opnieuw aan "
                            "(de snelstart: verwijder het SQLite-bestand en start 'make run')."
                        ),
                        id="keukentafel.E001",
                    )
                )
    return fouten
