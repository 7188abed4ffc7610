"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('toegang', '0001_initial'), ('toegang', '0002_tweestapsgebeurtenis_reden')]

    initial = True

    dependencies = [
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tweestapsgebeurtenis',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(choices=[('ingericht', 'Tweestapsverificatie ingericht'), ('herstelcode_gebruikt', 'Herstelcode gebruikt'), ('hersteld', 'Tweestapsverificatie opnieuw ingesteld door beheer')], max_length=30, verbose_name='soort')),
                ('tijdstip', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='tijdstip')),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                ('medewerker', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tweestapsgebeurtenissen', to=settings.AUTH_USER_MODEL, verbose_name='medewerker')),
                ('reden', models.TextField(blank=True, max_length=500, verbose_name='reden')),
            ],
            options={
                'verbose_name': 'tweestapsgebeurtenis',
                'verbose_name_plural': 'tweestapsgebeurtenissen',
                'ordering': ['-tijdstip'],
                'indexes': [],
                'constraints': [],
            },
        ),
    ]
