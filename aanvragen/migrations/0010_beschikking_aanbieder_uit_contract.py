"""The aanbieder of a beschikking regel becomes a reference to wmo.Aanbieder (with its contract);
the name typed before stays as ``aanbieder_naam``, the name as printed in the letter."""

import django.db.models.deletion
from django.db import migrations, models


def namen_koppelen(apps, schema_editor):
    """Link an existing regel to the Aanbieder of exactly that name, when there is one."""
    Aanbieder = apps.get_model("wmo", "Aanbieder")
    BeschikkingRegel = apps.get_model("aanvragen", "BeschikkingRegel")
    per_naam = {a.naam.strip().lower(): a.pk for a in Aanbieder.objects.all()}
    for regel in BeschikkingRegel.objects.exclude(aanbieder_naam=""):
        pk = per_naam.get(regel.aanbieder_naam.strip().lower())
        if pk:
            BeschikkingRegel.objects.filter(pk=regel.pk).update(aanbieder_id=pk)


class Migration(migrations.Migration):
    dependencies = [
        ("aanvragen", "0009_tekstlengte_beschikking_en_bezwaar"),
        ("wmo", "0013_catalogus_geldigheid_en_aanbieders"),
    ]

    operations = [
        migrations.RenameField("beschikkingregel", "aanbieder", "aanbieder_naam"),
        migrations.RenameField("historicalbeschikkingregel", "aanbieder", "aanbieder_naam"),
        migrations.AlterField(
            model_name="beschikkingregel",
            name="aanbieder_naam",
            field=models.CharField(blank=True, max_length=200, verbose_name="naam aanbieder in de brief"),
        ),
        migrations.AlterField(
            model_name="historicalbeschikkingregel",
            name="aanbieder_naam",
            field=models.CharField(blank=True, max_length=200, verbose_name="naam aanbieder in de brief"),
        ),
        migrations.AddField(
            model_name="beschikkingregel",
            name="aanbieder",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wmo.aanbieder",
                verbose_name="aanbieder",
            ),
        ),
        migrations.AddField(
            model_name="historicalbeschikkingregel",
            name="aanbieder",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="wmo.aanbieder",
                verbose_name="aanbieder",
            ),
        ),
        migrations.RunPython(namen_koppelen, migrations.RunPython.noop),
        # The catalogue has validity periods instead of "actief" (wmo.models.Voorziening).
        migrations.AlterField(
            model_name="aangevraagdevoorziening",
            name="voorziening",
            field=models.ForeignKey(
                limit_choices_to={"soort": "maatwerk"},
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wmo.voorziening",
            ),
        ),
        migrations.AlterField(
            model_name="historicalaangevraagdevoorziening",
            name="voorziening",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"soort": "maatwerk"},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="wmo.voorziening",
            ),
        ),
    ]
