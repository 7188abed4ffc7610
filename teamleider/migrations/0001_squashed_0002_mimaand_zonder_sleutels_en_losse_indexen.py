"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

from importlib import import_module

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

m0001 = import_module("teamleider.migrations.0001_mi_samenvatting")


class Migration(migrations.Migration):

    replaces = [('teamleider', '0001_mi_samenvatting'), ('teamleider', '0002_mimaand_zonder_sleutels_en_losse_indexen')]

    initial = True

    dependencies = [
        ('meldingen', '0008_squashed_0010_inwoner_iwmo_gegevens'),
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
        ('wmo', '0008_squashed_0014_gemeente_iwmo_start_signaal_werkdagen'),
    ]

    operations = [
        migrations.CreateModel(
            name='MiVuil',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('melding_id', models.BigIntegerField(null=True)),
                ('team_id', models.BigIntegerField(null=True)),
                ('maand', models.DateField(null=True)),
            ],
            options={
                'verbose_name': 'managementinformatie opnieuw te tellen',
                'verbose_name_plural': 'managementinformatie opnieuw te tellen',
                'indexes': [models.Index(fields=['maand'], name='mivuil_maand_idx')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='MiMaand',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('product', models.CharField(blank=True, max_length=2, verbose_name='productgroep (iWmo)')),
                ('maand', models.DateField(verbose_name='maand')),
                ('meldingen', models.PositiveIntegerField(default=0)),
                ('gesprek', models.PositiveIntegerField(default=0)),
                ('verslag', models.PositiveIntegerField(default=0)),
                ('aanvraag', models.PositiveIntegerField(default=0)),
                ('toegekend', models.PositiveIntegerField(default=0)),
                ('afgewezen', models.PositiveIntegerField(default=0)),
                ('zonder', models.JSONField(default=dict)),
                ('onderzoek_n', models.PositiveIntegerField(default=0)),
                ('onderzoek_op_tijd', models.PositiveIntegerField(default=0)),
                ('onderzoek_dagen', models.JSONField(default=dict)),
                ('beslis_n', models.PositiveIntegerField(default=0)),
                ('beslis_op_tijd', models.PositiveIntegerField(default=0)),
                ('beslis_dagen', models.JSONField(default=dict)),
                ('huisbezoek', models.PositiveIntegerField(default=0)),
                ('telefonisch', models.PositiveIntegerField(default=0)),
                ('elders', models.PositiveIntegerField(default=0)),
                ('consulent', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('gemeente', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wmo.gemeente')),
                ('team', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wmo.team')),
            ],
            options={
                'verbose_name': 'managementinformatie per maand',
                'verbose_name_plural': 'managementinformatie per maand',
                'indexes': [models.Index(fields=['team', 'product', 'maand'], name='mimaand_team_idx')],
                'constraints': [],
            },
        ),
        migrations.RunPython(m0001.alles_markeren, migrations.RunPython.noop),
    ]
