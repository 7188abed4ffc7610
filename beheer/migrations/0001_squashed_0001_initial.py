"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('beheer', '0001_initial')]

    initial = True

    dependencies = [
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalRoltoekenning',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('rol', models.CharField(choices=[('loketmedewerker', 'Loketmedewerker'), ('consulent', 'Consulent'), ('teamleider', 'Teamleider'), ('functioneel_beheerder', 'Functioneel beheerder'), ('privacy_functionaris', 'Functionaris gegevensbescherming')], max_length=30, verbose_name='rol')),
                ('status', models.CharField(choices=[('aangevraagd', 'Aangevraagd, wacht op een tweede beheerder'), ('goedgekeurd', 'Goedgekeurd: rol actief'), ('geweigerd', 'Geweigerd'), ('ingetrokken', 'Ingetrokken')], default='aangevraagd', max_length=20, verbose_name='status')),
                ('aangevraagd_op', models.DateTimeField(blank=True, null=True, verbose_name='aangevraagd op')),
                ('reden', models.TextField(blank=True, max_length=500, verbose_name='waarom deze rol')),
                ('beoordeeld_op', models.DateTimeField(blank=True, null=True, verbose_name='beoordeeld op')),
                ('beoordeling', models.TextField(blank=True, max_length=500, verbose_name='toelichting bij de beoordeling')),
                ('ingetrokken_op', models.DateTimeField(blank=True, null=True, verbose_name='ingetrokken op')),
                ('intrekkingsreden', models.TextField(blank=True, max_length=500, verbose_name='waarom ingetrokken')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('aangevraagd_door', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('beoordeeld_door', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ingetrokken_door', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('medewerker', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical roltoekenning',
                'verbose_name_plural': 'historical roltoekenningen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Roltoekenning',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rol', models.CharField(choices=[('loketmedewerker', 'Loketmedewerker'), ('consulent', 'Consulent'), ('teamleider', 'Teamleider'), ('functioneel_beheerder', 'Functioneel beheerder'), ('privacy_functionaris', 'Functionaris gegevensbescherming')], max_length=30, verbose_name='rol')),
                ('status', models.CharField(choices=[('aangevraagd', 'Aangevraagd, wacht op een tweede beheerder'), ('goedgekeurd', 'Goedgekeurd: rol actief'), ('geweigerd', 'Geweigerd'), ('ingetrokken', 'Ingetrokken')], default='aangevraagd', max_length=20, verbose_name='status')),
                ('aangevraagd_op', models.DateTimeField(blank=True, null=True, verbose_name='aangevraagd op')),
                ('reden', models.TextField(blank=True, max_length=500, verbose_name='waarom deze rol')),
                ('beoordeeld_op', models.DateTimeField(blank=True, null=True, verbose_name='beoordeeld op')),
                ('beoordeling', models.TextField(blank=True, max_length=500, verbose_name='toelichting bij de beoordeling')),
                ('ingetrokken_op', models.DateTimeField(blank=True, null=True, verbose_name='ingetrokken op')),
                ('intrekkingsreden', models.TextField(blank=True, max_length=500, verbose_name='waarom ingetrokken')),
                ('aangevraagd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('beoordeeld_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ingetrokken_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('medewerker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='roltoekenningen', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'roltoekenning',
                'verbose_name_plural': 'roltoekenningen',
                'ordering': ['-id'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'aangevraagd')), fields=('medewerker', 'rol'), name='roltoekenning_een_open_aanvraag', violation_error_message='Voor deze rol loopt al een aanvraag.'), models.UniqueConstraint(condition=models.Q(('status', 'goedgekeurd')), fields=('medewerker', 'rol'), name='roltoekenning_een_actieve'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'goedgekeurd'), _negated=True), models.Q(('aangevraagd_door__isnull', False), ('beoordeeld_door__isnull', False), models.Q(('beoordeeld_door', models.F('aangevraagd_door')), _negated=True)), _connector='OR'), name='roltoekenning_vier_ogen'), models.CheckConstraint(condition=models.Q(models.Q(('aangevraagd_door', models.F('medewerker')), _negated=True), models.Q(('beoordeeld_door', models.F('medewerker')), _negated=True), models.Q(('ingetrokken_door', models.F('medewerker')), _negated=True)), name='roltoekenning_niet_voor_zichzelf'), models.CheckConstraint(condition=models.Q(models.Q(('aangevraagd_door__isnull', False), ('beoordeeld_door__isnull', True), ('status', 'aangevraagd')), models.Q(('beoordeeld_door__isnull', False), ('status__in', ['goedgekeurd', 'geweigerd'])), models.Q(('ingetrokken_door__isnull', False), ('status', 'ingetrokken')), _connector='OR'), name='roltoekenning_velden_bij_status')],
                'indexes': [],
            },
        ),
    ]
