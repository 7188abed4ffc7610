"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

from django.db import migrations


class Migration(migrations.Migration):

    replaces = [('meldingen', '0001_initial')]

    initial = True

    dependencies = [
    ]

    operations = [
    ]
