"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

from importlib import import_module

from django.db import migrations

m0007 = import_module("meldingen.migrations.0007_raadpleging_beeindigd_op")
m0009 = import_module("meldingen.migrations.0009_inwoner_naam_trigram")


class Migration(migrations.Migration):

    replaces = [('meldingen', '0008_open_meldingen_idx'), ('meldingen', '0009_inwoner_naam_trigram'), ('meldingen', '0010_inwoner_iwmo_gegevens')]

    dependencies = [
        ('meldingen', '0002_squashed_0007_raadpleging_beeindigd_op'),
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
        ('wmo', '0008_squashed_0014_gemeente_iwmo_start_signaal_werkdagen'),
    ]

    operations = [
        migrations.RunPython(m0007.beeindigd_op_vullen, migrations.RunPython.noop),
        migrations.RunPython(m0009.aanmaken, m0009.verwijderen),
    ]
