"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
import wmo.geheimen
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('brp', '0001_initial')]

    initial = True

    dependencies = [
        ('meldingen', '0008_squashed_0010_inwoner_iwmo_gegevens'),
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
        ('wmo', '0008_squashed_0014_gemeente_iwmo_start_signaal_werkdagen'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalBrpKoppeling',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('actief', models.BooleanField(default=True, verbose_name='koppeling gebruiken')),
                ('basis_url', models.URLField(help_text='Het adres zonder /personen, bijvoorbeeld https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp.', max_length=300, verbose_name='adres van de BRP API')),
                ('authenticatie', models.CharField(choices=[('api_sleutel', 'API-sleutel in een header'), ('certificaat', 'Clientcertificaat (PKIoverheid)')], default='api_sleutel', max_length=20, verbose_name='manier van aanmelden')),
                ('header_naam', models.CharField(blank=True, default='X-API-KEY', help_text='Alleen bij een API-sleutel: in welke header de sleutel meegaat.', max_length=60, validators=[django.core.validators.RegexValidator("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,60}$", 'Gebruik alleen letters, cijfers en streepjes, zoals X-API-KEY.')], verbose_name='naam van de header')),
                ('geheim_naam', models.CharField(help_text='De naam van de omgevingsvariabele op de server, zoals KT_BRP_HAARLEM_API_KEY. Bij een certificaat staat daarin het pad naar het PEM-bestand met certificaat en sleutel.', max_length=64, validators=[wmo.geheimen.validate_geheim_naam], verbose_name='omgevingsvariabele met het geheim')),
                ('timeout_seconden', models.PositiveSmallIntegerField(default=5, help_text='Hoe lang Keukentafel op de BRP wacht, van 1 tot 30 seconden.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(30)], verbose_name='wachttijd in seconden')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('gemeente', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wmo.gemeente')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical BRP-koppeling',
                'verbose_name_plural': 'historical BRP-koppelingen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalInwonerBrp',
            fields=[
                ('bijgewerkt_op', models.DateTimeField(verbose_name='laatst bijgewerkt uit de BRP')),
                ('aanleiding', models.CharField(blank=True, max_length=100, verbose_name='aanleiding')),
                ('overleden', models.BooleanField(default=False, verbose_name='overleden')),
                ('overleden_op', models.DateField(blank=True, null=True, verbose_name='datum van overlijden')),
                ('verhuisd_buiten_gemeente', models.BooleanField(default=False, verbose_name='verhuisd buiten de gemeente')),
                ('gemeente_van_inschrijving', models.CharField(blank=True, max_length=100, verbose_name='gemeente van inschrijving')),
                ('curatele', models.BooleanField(blank=True, null=True, verbose_name='onder curatele volgens de BRP')),
                ('verschillen', models.JSONField(blank=True, default=list, verbose_name='verschillen bij de laatste keer')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('inwoner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meldingen.inwoner')),
            ],
            options={
                'verbose_name': 'historical BRP-gegevens van een inwoner',
                'verbose_name_plural': 'historical BRP-gegevens van inwoners',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='InwonerBrp',
            fields=[
                ('inwoner', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='brp', serialize=False, to='meldingen.inwoner')),
                ('bijgewerkt_op', models.DateTimeField(verbose_name='laatst bijgewerkt uit de BRP')),
                ('aanleiding', models.CharField(blank=True, max_length=100, verbose_name='aanleiding')),
                ('overleden', models.BooleanField(default=False, verbose_name='overleden')),
                ('overleden_op', models.DateField(blank=True, null=True, verbose_name='datum van overlijden')),
                ('verhuisd_buiten_gemeente', models.BooleanField(default=False, verbose_name='verhuisd buiten de gemeente')),
                ('gemeente_van_inschrijving', models.CharField(blank=True, max_length=100, verbose_name='gemeente van inschrijving')),
                ('curatele', models.BooleanField(blank=True, null=True, verbose_name='onder curatele volgens de BRP')),
                ('verschillen', models.JSONField(blank=True, default=list, verbose_name='verschillen bij de laatste keer')),
            ],
            options={
                'verbose_name': 'BRP-gegevens van een inwoner',
                'verbose_name_plural': 'BRP-gegevens van inwoners',
                'indexes': [models.Index(condition=models.Q(('overleden', True), ('verhuisd_buiten_gemeente', True), _connector='OR'), fields=['inwoner'], name='inwonerbrp_signaal_idx')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='BrpKoppeling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actief', models.BooleanField(default=True, verbose_name='koppeling gebruiken')),
                ('basis_url', models.URLField(help_text='Het adres zonder /personen, bijvoorbeeld https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp.', max_length=300, verbose_name='adres van de BRP API')),
                ('authenticatie', models.CharField(choices=[('api_sleutel', 'API-sleutel in een header'), ('certificaat', 'Clientcertificaat (PKIoverheid)')], default='api_sleutel', max_length=20, verbose_name='manier van aanmelden')),
                ('header_naam', models.CharField(blank=True, default='X-API-KEY', help_text='Alleen bij een API-sleutel: in welke header de sleutel meegaat.', max_length=60, validators=[django.core.validators.RegexValidator("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,60}$", 'Gebruik alleen letters, cijfers en streepjes, zoals X-API-KEY.')], verbose_name='naam van de header')),
                ('geheim_naam', models.CharField(help_text='De naam van de omgevingsvariabele op de server, zoals KT_BRP_HAARLEM_API_KEY. Bij een certificaat staat daarin het pad naar het PEM-bestand met certificaat en sleutel.', max_length=64, validators=[wmo.geheimen.validate_geheim_naam], verbose_name='omgevingsvariabele met het geheim')),
                ('timeout_seconden', models.PositiveSmallIntegerField(default=5, help_text='Hoe lang Keukentafel op de BRP wacht, van 1 tot 30 seconden.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(30)], verbose_name='wachttijd in seconden')),
                ('gemeente', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='brp_koppeling', to='wmo.gemeente')),
            ],
            options={
                'verbose_name': 'BRP-koppeling',
                'verbose_name_plural': 'BRP-koppelingen',
                'constraints': [models.CheckConstraint(condition=models.Q(('timeout_seconden__gte', 1), ('timeout_seconden__lte', 30)), name='brpkoppeling_timeout_begrensd'), models.CheckConstraint(condition=models.Q(('authenticatie__in', ['api_sleutel', 'certificaat'])), name='brpkoppeling_authenticatie_geldig')],
                'indexes': [],
            },
        ),
    ]
