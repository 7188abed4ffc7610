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

m0006 = import_module("wmo.migrations.0006_catalogus_grondslag_en_gemeente_rechtsbescherming")
m0008 = import_module("wmo.migrations.0008_inzagelog")
m0013 = import_module("wmo.migrations.0013_catalogus_geldigheid_en_aanbieders")


class Migration(migrations.Migration):

    replaces = [('wmo', '0008_inzagelog'), ('wmo', '0009_historicalmedewerker_zonder_password'), ('wmo', '0010_team_actief'), ('wmo', '0011_gemeente_briefhoofd_en_instellingen'), ('wmo', '0012_brieftekst'), ('wmo', '0013_catalogus_geldigheid_en_aanbieders'), ('wmo', '0014_gemeente_iwmo_start_signaal_werkdagen')]

    dependencies = [
        ('meldingen', '0002_squashed_0007_raadpleging_beeindigd_op'),
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
    ]

    operations = [
        migrations.CreateModel(
            name='Inzage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tijdstip', models.DateTimeField(db_index=True, verbose_name='tijdstip')),
                ('wat', models.CharField(max_length=200, verbose_name='omschrijving')),
                ('inwoner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='inzages', to='meldingen.inwoner')),
                ('medewerker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('medewerker_naam', models.CharField(max_length=300, verbose_name='naam medewerker')),
                ('organisatie', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wmo.organisatie')),
                ('organisatie_naam', models.CharField(blank=True, max_length=200, verbose_name='organisatie')),
                ('rollen', models.CharField(blank=True, max_length=300, verbose_name='rollen')),
                ('object_type', models.CharField(blank=True, max_length=40, verbose_name='soort gegevens')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='nummer')),
                ('actie', models.CharField(choices=[('raadplegen', 'Raadplegen'), ('zoeken', 'Zoeken'), ('exporteren', 'Exporteren'), ('downloaden', 'Afdrukken of downloaden'), ('wijzigen', 'Wijzigen')], default='raadplegen', max_length=20, verbose_name='actie')),
                ('ip_adres', models.CharField(blank=True, max_length=45, verbose_name='IP-adres')),
                ('hash', models.CharField(editable=False, max_length=64, verbose_name='hash')),
            ],
            options={
                'verbose_name': 'inzage',
                'verbose_name_plural': 'inzages',
                'ordering': ['-tijdstip', '-id'],
                'indexes': [models.Index(fields=['inwoner', 'tijdstip'], name='inzage_inwoner_tijdstip_idx'), models.Index(fields=['medewerker', 'tijdstip'], name='inzage_medewerker_tijdstip_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('actie__in', ['raadplegen', 'zoeken', 'exporteren', 'downloaden', 'wijzigen'])), name='inzage_actie_geldig')],
            },
        ),
        migrations.CreateModel(
            name='Brief',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(choices=[('ontvangstbevestiging', 'Ontvangstbevestiging melding'), ('verzoek_om_aanvulling', 'Verzoek om aanvulling'), ('opschorting_beeindigd', 'Opschorting beëindigd'), ('verdagingsbericht', 'Verdagingsbericht'), ('uitnodiging_gesprek', 'Uitnodiging gesprek'), ('verslag', 'Verslag van het onderzoek'), ('beschikking', 'Beschikking'), ('nieuwe_contactpersoon', 'Nieuwe contactpersoon')], max_length=40, verbose_name='soort')),
                ('kenmerk', models.CharField(max_length=40, verbose_name='kenmerk')),
                ('pdf', models.BinaryField(verbose_name='pdf')),
                ('sha256', models.CharField(editable=False, max_length=64, verbose_name='SHA-256')),
                ('verstuurd_op', models.DateTimeField(db_index=True, verbose_name='verstuurd op')),
                ('inwoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='brieven', to='meldingen.inwoner')),
                ('melding', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='brieven', to='meldingen.melding')),
                ('verstuurd_door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ontvanger_adres', models.TextField(blank=True, verbose_name='adres ontvanger')),
                ('ontvanger_naam', models.CharField(blank=True, max_length=200, verbose_name='ontvanger')),
                ('ontvanger_rol', models.CharField(choices=[('inwoner', 'inwoner'), ('curator', 'curator'), ('mentor', 'mentor'), ('bewindvoerder', 'bewindvoerder'), ('contactpersoon', 'contactpersoon')], default='inwoner', max_length=20, verbose_name='rol ontvanger')),
                ('origineel', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='kopieen', to='wmo.brief', verbose_name='kopie van')),
                ('tekst', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='brieven', to='wmo.brieftekst', verbose_name='tekstversie')),
            ],
            options={
                'verbose_name': 'brief',
                'verbose_name_plural': 'brieven',
                'ordering': ['-verstuurd_op'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.RunPython(m0006.rolstoelen_zonder_bijdrage, migrations.RunPython.noop),
        migrations.RunPython(m0008.bestaande_rijen_in_de_keten, migrations.RunPython.noop),
        migrations.RunPython(m0008._postgresql(m0008.POSTGRESQL), m0008._postgresql(m0008.POSTGRESQL_TERUG)),
        migrations.RunPython(m0013.periodes_en_codes, migrations.RunPython.noop),
    ]
