"""The access log as NEN 7513 expects it: who (denormalised), what, which action, from where, and
a hash chain; append-only on PostgreSQL (wmo.inzagelog explains the design).

Existing rows get the medewerker's name, organisation and roles as they are when this migration
runs (the moment of those older accesses is no longer known), the action "raadplegen", and their
place in the chain, in id order, before the trigger makes the table append-only.
"""

import hashlib
import json
from datetime import UTC

import django.db.models.deletion
from django.db import migrations, models

GENESIS = "0" * 64
VELDEN = (
    "tijdstip",
    "medewerker_id",
    "medewerker_naam",
    "organisatie_id",
    "organisatie_naam",
    "rollen",
    "inwoner_id",
    "object_type",
    "object_id",
    "actie",
    "wat",
    "ip_adres",
)


def _hash(vorige, rij):
    # A frozen copy of wmo.inzagelog.regel_hash as it was when this migration was written.
    velden = {veld: getattr(rij, veld) for veld in VELDEN}
    velden["tijdstip"] = rij.tijdstip.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    tekst = json.dumps(velden, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((vorige + tekst).encode("utf-8")).hexdigest()


def bestaande_rijen_in_de_keten(apps, schema_editor):
    Inzage = apps.get_model("wmo", "Inzage")
    if schema_editor.connection.vendor == "postgresql":  # no pending FK checks before CREATE TRIGGER
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    vorige = GENESIS
    for rij in Inzage.objects.select_related("medewerker__organisatie").order_by("id").iterator(chunk_size=2000):
        m = rij.medewerker
        rij.medewerker_naam = f"{m.first_name} {m.last_name}".strip() or m.username
        rij.organisatie_id = m.organisatie_id
        rij.organisatie_naam = m.organisatie.naam if m.organisatie_id else ""
        rij.rollen = ", ".join(sorted(m.groups.values_list("name", flat=True)))
        rij.hash = _hash(vorige, rij)
        vorige = rij.hash
        rij.save(update_fields=["medewerker_naam", "organisatie", "organisatie_naam", "rollen", "hash"])


POSTGRESQL = """
-- The head of the chain for the next writer: the advisory lock first, then (a fresh snapshot per
-- statement in a VOLATILE function) the newest hash, the newest anchor, or the genesis.
CREATE OR REPLACE FUNCTION wmo_inzagelog_kop() RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    kop varchar;
BEGIN
    PERFORM pg_advisory_xact_lock(75132018);
    SELECT hash INTO kop FROM wmo_inzage ORDER BY id DESC LIMIT 1;
    IF kop IS NULL THEN
        SELECT hash INTO kop FROM wmo_inzageanker ORDER BY tot_en_met_id DESC LIMIT 1;
    END IF;
    RETURN coalesce(kop, repeat('0', 64));
END $$;

-- Append-only (BIO 12.4.2). Only inzagelog_opschonen may delete, and only the rows up to the id
-- it sets for its own transaction in keukentafel.inzagelog_opschonen_tot. TRUNCATE is not
-- blocked: Django's test runner empties tables with it (transactional and browser tests); it is
-- a table owner's statement, and the chain's head recorded outside shows it (wmo.inzagelog).
CREATE OR REPLACE FUNCTION wmo_inzage_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'wmo_inzage' AND OLD.id <= coalesce(
        nullif(current_setting('keukentafel.inzagelog_opschonen_tot', true), '')::bigint, 0
    ) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Het inzagelog is alleen-toevoegen: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER wmo_inzage_alleen_toevoegen BEFORE UPDATE OR DELETE ON wmo_inzage
    FOR EACH ROW EXECUTE FUNCTION wmo_inzage_alleen_toevoegen();
CREATE TRIGGER wmo_inzageanker_alleen_toevoegen BEFORE UPDATE OR DELETE ON wmo_inzageanker
    FOR EACH ROW EXECUTE FUNCTION wmo_inzage_alleen_toevoegen();
"""

POSTGRESQL_TERUG = """
DROP TRIGGER IF EXISTS wmo_inzage_alleen_toevoegen ON wmo_inzage;
DROP TRIGGER IF EXISTS wmo_inzageanker_alleen_toevoegen ON wmo_inzageanker;
DROP FUNCTION IF EXISTS wmo_inzage_alleen_toevoegen();
DROP FUNCTION IF EXISTS wmo_inzagelog_kop();
"""


def _postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)  # no parameters: the % in RAISE stays as it is

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0006_alter_historicalmelding_hulpvraag_and_more"),
        ("wmo", "0007_medewerker_oidc_sub"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="inzage",
            options={"ordering": ["-tijdstip", "-id"], "verbose_name": "inzage", "verbose_name_plural": "inzages"},
        ),
        migrations.AlterField(
            model_name="inzage",
            name="tijdstip",
            field=models.DateTimeField(db_index=True, verbose_name="tijdstip"),
        ),
        migrations.AlterField(
            model_name="inzage",
            name="wat",
            field=models.CharField(max_length=200, verbose_name="omschrijving"),
        ),
        migrations.AlterField(
            model_name="inzage",
            name="inwoner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="inzages",
                to="meldingen.inwoner",
            ),
        ),
        migrations.AddField(
            model_name="inzage",
            name="medewerker_naam",
            field=models.CharField(default="", max_length=300, verbose_name="naam medewerker"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="inzage",
            name="organisatie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wmo.organisatie",
            ),
        ),
        migrations.AddField(
            model_name="inzage",
            name="organisatie_naam",
            field=models.CharField(blank=True, max_length=200, verbose_name="organisatie"),
        ),
        migrations.AddField(
            model_name="inzage",
            name="rollen",
            field=models.CharField(blank=True, max_length=300, verbose_name="rollen"),
        ),
        migrations.AddField(
            model_name="inzage",
            name="object_type",
            field=models.CharField(blank=True, max_length=40, verbose_name="soort gegevens"),
        ),
        migrations.AddField(
            model_name="inzage",
            name="object_id",
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name="nummer"),
        ),
        migrations.AddField(
            model_name="inzage",
            name="actie",
            field=models.CharField(
                choices=[
                    ("raadplegen", "Raadplegen"),
                    ("zoeken", "Zoeken"),
                    ("exporteren", "Exporteren"),
                    ("downloaden", "Afdrukken of downloaden"),
                    ("wijzigen", "Wijzigen"),
                ],
                default="raadplegen",
                max_length=20,
                verbose_name="actie",
            ),
        ),
        migrations.AddField(
            model_name="inzage",
            name="ip_adres",
            field=models.CharField(blank=True, max_length=45, verbose_name="IP-adres"),
        ),
        migrations.AddField(
            model_name="inzage",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="inzage",
            index=models.Index(fields=["inwoner", "tijdstip"], name="inzage_inwoner_tijdstip_idx"),
        ),
        migrations.AddIndex(
            model_name="inzage",
            index=models.Index(fields=["medewerker", "tijdstip"], name="inzage_medewerker_tijdstip_idx"),
        ),
        migrations.AddConstraint(
            model_name="inzage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("actie__in", ["raadplegen", "zoeken", "exporteren", "downloaden", "wijzigen"])
                ),
                name="inzage_actie_geldig",
            ),
        ),
        migrations.CreateModel(
            name="InzageAnker",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("tot_en_met_id", models.PositiveBigIntegerField(verbose_name="tot en met rij")),
                ("hash", models.CharField(max_length=64, verbose_name="hash")),
                ("aantal", models.PositiveIntegerField(verbose_name="aantal verwijderd")),
                ("bewaard_vanaf", models.DateTimeField(verbose_name="bewaard vanaf")),
                ("tijdstip", models.DateTimeField(verbose_name="tijdstip")),
            ],
            options={
                "verbose_name": "anker van het inzagelog",
                "verbose_name_plural": "ankers van het inzagelog",
                "ordering": ["-tot_en_met_id"],
            },
        ),
        migrations.RunPython(bestaande_rijen_in_de_keten, migrations.RunPython.noop),
        migrations.RunPython(_postgresql(POSTGRESQL), _postgresql(POSTGRESQL_TERUG)),
    ]
