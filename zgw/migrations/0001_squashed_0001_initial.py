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
import zgw.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('zgw', '0001_initial')]

    initial = True

    dependencies = [
        ('aanvragen', '0001_squashed_0011_kopie_team_gemeente'),
        ('meldingen', '0008_squashed_0010_inwoner_iwmo_gegevens'),
        ('wmo', '0001_squashed_0007_medewerker_oidc_sub'),
        ('wmo', '0008_squashed_0014_gemeente_iwmo_start_signaal_werkdagen'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalZgwKoppeling',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('actief', models.BooleanField(default=False, help_text='Aan: elke nieuwe melding wordt een zaak in het zaaksysteem. Uit: er gaat niets naar toe.', verbose_name='koppeling aan')),
                ('zaken_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/zaken/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Zaken API')),
                ('documenten_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/documenten/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Documenten API')),
                ('besluiten_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/besluiten/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Besluiten API')),
                ('client_id', models.CharField(help_text='De naam waaronder Keukentafel bekend is in het zaaksysteem.', max_length=100, verbose_name='client-id')),
                ('secret_naam', models.CharField(help_text='Bijvoorbeeld KT_ZGW_HAARLEM_SECRET. Het geheim zelf zet de technisch beheerder op de server.', max_length=64, validators=[wmo.geheimen.validate_geheim_naam], verbose_name='omgevingsvariabele met het geheim')),
                ('timeout_seconden', models.PositiveSmallIntegerField(default=10, help_text='Kies 1 tot en met 60.', verbose_name='wachttijd per verzoek (seconden)')),
                ('bronorganisatie', models.CharField(help_text='9 cijfers.', max_length=9, validators=[zgw.models.validate_rsin], verbose_name='RSIN bronorganisatie')),
                ('verantwoordelijke_organisatie', models.CharField(help_text='9 cijfers: meestal de gemeente zelf.', max_length=9, validators=[zgw.models.validate_rsin], verbose_name='RSIN verantwoordelijke organisatie')),
                ('zaaktype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een melding')),
                ('zaaktype_spoed', models.URLField(blank=True, help_text='Leeg: het zaaktype voor een melding.', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een melding met spoed')),
                ('zaaktype_herindicatie', models.URLField(blank=True, help_text='Leeg: het zaaktype voor een melding.', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een herindicatie')),
                ('roltype_initiator', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='roltype voor de inwoner (initiator)')),
                ('statustype_ontvangen', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Ontvangen’')),
                ('statustype_in_onderzoek', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘In onderzoek’')),
                ('statustype_verslag_verstuurd', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Verslag verstuurd’')),
                ('statustype_aanvraag_ontvangen', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Aanvraag ontvangen’')),
                ('statustype_besloten', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Besloten’')),
                ('statustype_afgesloten', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Afgesloten zonder aanvraag’')),
                ('informatieobjecttype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='informatieobjecttype voor brieven')),
                ('besluittype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='besluittype voor een beschikking')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('gemeente', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wmo.gemeente')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical koppeling met het zaaksysteem',
                'verbose_name_plural': 'historical koppelingen met het zaaksysteem',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ZgwKoppeling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actief', models.BooleanField(default=False, help_text='Aan: elke nieuwe melding wordt een zaak in het zaaksysteem. Uit: er gaat niets naar toe.', verbose_name='koppeling aan')),
                ('zaken_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/zaken/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Zaken API')),
                ('documenten_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/documenten/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Documenten API')),
                ('besluiten_api', models.URLField(help_text='Bijvoorbeeld https://openzaak.haarlem.nl/besluiten/api/v1/', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='adres van de Besluiten API')),
                ('client_id', models.CharField(help_text='De naam waaronder Keukentafel bekend is in het zaaksysteem.', max_length=100, verbose_name='client-id')),
                ('secret_naam', models.CharField(help_text='Bijvoorbeeld KT_ZGW_HAARLEM_SECRET. Het geheim zelf zet de technisch beheerder op de server.', max_length=64, validators=[wmo.geheimen.validate_geheim_naam], verbose_name='omgevingsvariabele met het geheim')),
                ('timeout_seconden', models.PositiveSmallIntegerField(default=10, help_text='Kies 1 tot en met 60.', verbose_name='wachttijd per verzoek (seconden)')),
                ('bronorganisatie', models.CharField(help_text='9 cijfers.', max_length=9, validators=[zgw.models.validate_rsin], verbose_name='RSIN bronorganisatie')),
                ('verantwoordelijke_organisatie', models.CharField(help_text='9 cijfers: meestal de gemeente zelf.', max_length=9, validators=[zgw.models.validate_rsin], verbose_name='RSIN verantwoordelijke organisatie')),
                ('zaaktype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een melding')),
                ('zaaktype_spoed', models.URLField(blank=True, help_text='Leeg: het zaaktype voor een melding.', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een melding met spoed')),
                ('zaaktype_herindicatie', models.URLField(blank=True, help_text='Leeg: het zaaktype voor een melding.', max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='zaaktype voor een herindicatie')),
                ('roltype_initiator', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='roltype voor de inwoner (initiator)')),
                ('statustype_ontvangen', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Ontvangen’')),
                ('statustype_in_onderzoek', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘In onderzoek’')),
                ('statustype_verslag_verstuurd', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Verslag verstuurd’')),
                ('statustype_aanvraag_ontvangen', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Aanvraag ontvangen’')),
                ('statustype_besloten', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Besloten’')),
                ('statustype_afgesloten', models.URLField(blank=True, max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='statustype ‘Afgesloten zonder aanvraag’')),
                ('informatieobjecttype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='informatieobjecttype voor brieven')),
                ('besluittype', models.URLField(max_length=300, validators=[django.core.validators.RegexValidator('^https?://', 'Vul een adres in dat begint met https:// (of http:// om te testen).')], verbose_name='besluittype voor een beschikking')),
                ('gemeente', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='zgw_koppeling', to='wmo.gemeente')),
            ],
            options={
                'verbose_name': 'koppeling met het zaaksysteem',
                'verbose_name_plural': 'koppelingen met het zaaksysteem',
                'indexes': [],
                'constraints': [models.CheckConstraint(condition=models.Q(('timeout_seconden__gte', 1), ('timeout_seconden__lte', 60)), name='zgw_koppeling_timeout_geldig')],
            },
        ),
        migrations.CreateModel(
            name='Opdracht',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(choices=[('zaak', 'Zaak aanmaken'), ('status', 'Status zetten'), ('document', 'Brief als document'), ('besluit', 'Beschikking als besluit'), ('einddatum', 'Geplande einddatum')], max_length=20, verbose_name='soort')),
                ('melding_status', models.CharField(blank=True, max_length=30, verbose_name='status in Keukentafel')),
                ('moment', models.DateTimeField(verbose_name='moment in Keukentafel')),
                ('einddatum', models.DateField(blank=True, null=True, verbose_name='geplande einddatum')),
                ('status', models.CharField(choices=[('wachtend', 'Wacht op verzenden'), ('verzonden', 'Verzonden'), ('niet_verzonden', 'Niet verzonden')], default='wachtend', max_length=20, verbose_name='status')),
                ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                ('volgende_poging', models.DateTimeField(blank=True, null=True, verbose_name='volgende poging')),
                ('laatste_fout', models.TextField(blank=True, verbose_name='laatste fout')),
                ('urls', models.JSONField(blank=True, default=dict, verbose_name='adressen in het zaaksysteem')),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                ('verzonden_op', models.DateTimeField(blank=True, null=True, verbose_name='verzonden op')),
                ('beschikking', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='aanvragen.beschikking')),
                ('brief', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wmo.brief')),
                ('door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('melding', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='zgw_opdrachten', to='meldingen.melding')),
                ('koppeling', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='opdrachten', to='zgw.zgwkoppeling')),
            ],
            options={
                'verbose_name': 'opdracht voor het zaaksysteem',
                'verbose_name_plural': 'opdrachten voor het zaaksysteem',
                'indexes': [models.Index(condition=models.Q(('status', 'verzonden'), _negated=True), fields=['melding', 'aangemaakt_op'], name='zgw_opdracht_open_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['wachtend', 'verzonden', 'niet_verzonden'])), name='zgw_opdracht_status'), models.CheckConstraint(condition=models.Q(('soort__in', ['zaak', 'status', 'document', 'besluit', 'einddatum'])), name='zgw_opdracht_soort'), models.CheckConstraint(condition=models.Q(models.Q(('soort', 'document'), _negated=True), ('brief__isnull', False), _connector='OR'), name='zgw_opdracht_document_met_brief'), models.CheckConstraint(condition=models.Q(models.Q(('soort', 'besluit'), _negated=True), ('beschikking__isnull', False), _connector='OR'), name='zgw_opdracht_besluit_met_beschikking'), models.UniqueConstraint(condition=models.Q(('soort', 'zaak')), fields=('melding',), name='zgw_opdracht_zaak_uniek'), models.UniqueConstraint(condition=models.Q(('soort', 'document')), fields=('brief',), name='zgw_opdracht_brief_uniek'), models.UniqueConstraint(condition=models.Q(('soort', 'besluit')), fields=('beschikking',), name='zgw_opdracht_besluit_uniek')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalOpdracht',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('soort', models.CharField(choices=[('zaak', 'Zaak aanmaken'), ('status', 'Status zetten'), ('document', 'Brief als document'), ('besluit', 'Beschikking als besluit'), ('einddatum', 'Geplande einddatum')], max_length=20, verbose_name='soort')),
                ('melding_status', models.CharField(blank=True, max_length=30, verbose_name='status in Keukentafel')),
                ('moment', models.DateTimeField(verbose_name='moment in Keukentafel')),
                ('einddatum', models.DateField(blank=True, null=True, verbose_name='geplande einddatum')),
                ('status', models.CharField(choices=[('wachtend', 'Wacht op verzenden'), ('verzonden', 'Verzonden'), ('niet_verzonden', 'Niet verzonden')], default='wachtend', max_length=20, verbose_name='status')),
                ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                ('volgende_poging', models.DateTimeField(blank=True, null=True, verbose_name='volgende poging')),
                ('laatste_fout', models.TextField(blank=True, verbose_name='laatste fout')),
                ('urls', models.JSONField(blank=True, default=dict, verbose_name='adressen in het zaaksysteem')),
                ('aangemaakt_op', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt op')),
                ('verzonden_op', models.DateTimeField(blank=True, null=True, verbose_name='verzonden op')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('beschikking', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='aanvragen.beschikking')),
                ('brief', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wmo.brief')),
                ('door', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('melding', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meldingen.melding')),
                ('koppeling', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='zgw.zgwkoppeling')),
            ],
            options={
                'verbose_name': 'historical opdracht voor het zaaksysteem',
                'verbose_name_plural': 'historical opdrachten voor het zaaksysteem',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ZgwZaak',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('identificatie', models.CharField(max_length=40, verbose_name='zaakidentificatie')),
                ('url', models.URLField(blank=True, max_length=300, verbose_name='zaak')),
                ('rol_url', models.URLField(blank=True, max_length=300, verbose_name='rol initiator')),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True)),
                ('koppeling', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='zaken', to='zgw.zgwkoppeling')),
                ('melding', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='zgw_zaak', to='meldingen.melding')),
            ],
            options={
                'verbose_name': 'zaak in het zaaksysteem',
                'verbose_name_plural': 'zaken in het zaaksysteem',
                'indexes': [],
                'constraints': [models.UniqueConstraint(fields=('koppeling', 'identificatie'), name='zgw_zaak_identificatie_uniek')],
            },
        ),
    ]
