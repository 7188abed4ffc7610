"""Every write of the outgoing iWmo traffic: toewijzingen and the WMO301 that carries them.

The process in plain words (iWmo 3.2, processen.md "Toewijzen")
------------------------------------------------------------------
When a beschikking with help in natura ("zin") at an aanbieder is sent, each such regel becomes a
Toewijzing with its own ToewijzingNummer (unique per gemeente, TR332). Per client and aanbieder
one WMO301 is made that carries *all* toewijzingen of that client at that aanbieder that are valid
on or after the message date, plus those changed since the previous message (processen.md:
"Het toewijzingsbericht bevat voor 1 client altijd alle toewijzingen voor 1 aanbieder die op of na
de aanmaakdatum van het bericht geldig zijn, plus alle toewijzingen die gewijzigd zijn").

A voorziening that stops earlier (aanvragen.services.beschikking.voorziening_beeindigen) changes
its toewijzing's Einddatum with a RedenWijziging (WMO002) and a new Toewijzingsdatum/-tijd, and a
new WMO301 follows.

Before a message is written it is checked: first what the people involved can fix, in plain
Dutch ("De aanbieder heeft geen AGB-code"), then the official XSD. A message that fails is kept
as "afgekeurd" with the reason, shown on the dossier, and never sent. Sending is a django-tasks
task (iwmo.tasks) started after the transaction commits.
"""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aanvragen.constants import Leveringsvorm
from aanvragen.models import Beschikking, BeschikkingRegel
from iwmo import berichten
from iwmo.codelijsten import Berichtcode, RedenWijziging
from iwmo.models import Bericht, BerichtStatus, Richting, Toewijzing
from iwmo.schema import valideer
from iwmo.transport import transport
from meldingen.models import NAAMGEBRUIK_MET_PARTNER, Inwoner
from wmo.models import Aanbieder, Gemeente, Medewerker
from wmo.persoonsgegevens import vooraf_ophalen
from wmo.signals import persoonsgegevens_gebruiken

logger = logging.getLogger("keukentafel.iwmo")


def _in_natura(regel: BeschikkingRegel) -> bool:
    return regel.toegekend and regel.leveringsvorm == Leveringsvorm.ZIN and regel.aanbieder_id is not None


def _volgend_nummer(gemeente: Gemeente) -> int:
    """The next ToewijzingNummer of this gemeente (TR332: unique within the gemeente's domain).

    The gemeente row is locked, so two beschikkingen sent at once never take the same number.
    """
    Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()
    hoogste = Toewijzing.objects.filter(gemeente=gemeente).aggregate(m=Max("nummer"))["m"]
    return (hoogste or 0) + 1


@vooraf_ophalen(lambda a: a["beschikking"].aanvraag.melding.inwoner)
@transaction.atomic
def toewijzingen_bijwerken(beschikking: Beschikking, *, door: Medewerker | None = None) -> list[Bericht]:
    """A sent beschikking: a Toewijzing per regel in natura, and one WMO301 per (client, aanbieder).

    Idempotent: a regel that already has its toewijzing keeps it (and its number).
    """
    melding = beschikking.aanvraag.melding
    gemeente, inwoner = melding.gemeente, melding.inwoner
    nu = timezone.now()
    nieuw: dict[int, list[Toewijzing]] = {}
    for regel in beschikking.regels.select_related("voorziening", "aanbieder"):
        if not _in_natura(regel) or regel.toewijzingen.exists():
            continue
        toewijzing = Toewijzing(
            regel=regel,
            aanbieder_id=regel.aanbieder_id,
            gemeente=gemeente,
            inwoner=inwoner,
            nummer=_volgend_nummer(gemeente),
            ingangsdatum=regel.ingangsdatum,
            einddatum=regel.einddatum,
            toegewezen_op=nu,
        )
        toewijzing._history_user = door
        toewijzing.save()
        nieuw.setdefault(regel.aanbieder_id, []).append(toewijzing)
    return [
        bericht_klaarzetten(
            gemeente=gemeente,
            aanbieder=Aanbieder.objects.get(pk=aanbieder_id),
            inwoner=inwoner,
            melding=melding,
            gewijzigd=toewijzingen,
            door=door,
        )
        for aanbieder_id, toewijzingen in nieuw.items()
    ]


@vooraf_ophalen(lambda a: a["regel"].beschikking.aanvraag.melding.inwoner)
@transaction.atomic
def toewijzing_inkorten(
    *, regel: BeschikkingRegel, reden: str, door: Medewerker | None = None
) -> list[Bericht]:
    """The regel's einddatum moved forward: its toewijzing gets that Einddatum with RedenWijziging
    (WMO002) and a new Toewijzingsdatum/-tijd, and a new WMO301 goes to the aanbieder."""
    berichten_ = []
    melding = regel.beschikking.aanvraag.melding
    for toewijzing in Toewijzing.objects.select_for_update().filter(regel=regel):
        toewijzing.einddatum = regel.einddatum
        toewijzing.reden_wijziging = RedenWijziging(reden)
        toewijzing.toegewezen_op = timezone.now()
        toewijzing._history_user = door
        toewijzing._change_reason = f"Einddatum gewijzigd: {RedenWijziging(reden).label}"[:100]
        toewijzing.save()
        berichten_.append(
            bericht_klaarzetten(
                gemeente=toewijzing.gemeente,
                aanbieder=toewijzing.aanbieder,
                inwoner=toewijzing.inwoner,
                melding=melding,
                gewijzigd=[toewijzing],
                door=door,
            )
        )
    return berichten_


def _te_versturen(*, gemeente, aanbieder, inwoner, gewijzigd, op: date) -> list[Toewijzing]:
    """processen.md (Toewijzen): all toewijzingen of this client at this aanbieder valid on or after
    the message date, plus the changed ones (also when they ended before it)."""
    geldig = Toewijzing.objects.filter(gemeente=gemeente, aanbieder=aanbieder, inwoner=inwoner).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=op)
    )
    ids = set(geldig.values_list("pk", flat=True)) | {t.pk for t in gewijzigd}
    return list(Toewijzing.objects.filter(pk__in=ids).select_related("regel__voorziening").order_by("nummer"))


def controleer(*, gemeente, aanbieder, inwoner, toewijzingen) -> list[str]:
    """What stops the WMO301 from being made, in words the consulent can act on (B1).

    Checked before the XSD, so nobody has to read a schema error for something they can fix.
    """
    fouten = []
    if not (aanbieder.agb_code or "").strip():
        fouten.append(
            _("De aanbieder %(naam)s heeft geen AGB-code. Vraag de functioneel beheerder die in te vullen.")
            % {"naam": aanbieder.naam}
        )
    if not (gemeente.cbs_code or "").strip():
        fouten.append(
            _(
                "De gemeente %(naam)s heeft geen gemeentecode. Vraag de functioneel beheerder die in te vullen."
            )
            % {"naam": gemeente.naam}
        )
    if not inwoner.geslacht:
        fouten.append(
            _(
                "Het geslacht van de inwoner ontbreekt. Vul het in bij de gegevens van de inwoner (of kies ‘Onbekend’)."
            )
        )
    if inwoner.naamgebruik in NAAMGEBRUIK_MET_PARTNER and not inwoner.partner_achternaam.strip():
        fouten.append(_("De achternaam van de partner ontbreekt. Vul die in bij de gegevens van de inwoner."))
    if not inwoner.huisnummer:
        fouten.append(
            _("Het huisnummer van de inwoner ontbreekt. Vul het in bij de gegevens van de inwoner.")
        )
    for toewijzing in toewijzingen:
        regel, product = toewijzing.regel, toewijzing.regel.voorziening
        if not product.iwmo_productcategorie:
            fouten.append(
                _(
                    "Bij %(product)s staat in de catalogus geen iWmo-productcategorie. Vraag de functioneel beheerder die in te vullen."
                )
                % {"product": product.naam}
            )
        if berichten.eenheid(product) is None:
            fouten.append(
                _(
                    "Bij %(product)s staat in de catalogus geen iWmo-eenheid. Vraag de functioneel beheerder die in te vullen."
                )
                % {"product": product.naam}
            )
            continue
        if regel.omvang is None or not regel.frequentie:
            fouten.append(_("Bij %(product)s ontbreekt de omvang of hoe vaak.") % {"product": product.naam})
            continue
        try:
            berichten.omvang_van(toewijzing)
        except berichten.OmvangOnmogelijk:
            fouten.append(
                _(
                    "De omvang %(omvang)s bij %(product)s is geen heel getal. Een aanbieder kan alleen hele eenheden ontvangen."
                )
                % {"omvang": regel.omvang.normalize(), "product": product.naam}
            )
    return fouten


def bericht_klaarzetten(
    *, gemeente, aanbieder, inwoner: Inwoner, melding=None, gewijzigd, door: Medewerker | None = None
) -> Bericht:
    """Make the WMO301 for one client at one aanbieder: checked, validated, and ready to send.

    With ``door`` the inwoner's data are first refreshed from the BRP where the gemeente has a
    koppeling (wmo.signals), with what the calling service fetched before its transaction
    (wmo.persoonsgegevens.vooraf_ophalen); without a medewerker there is nobody to log the lookup for.

    Always recorded: "klaargezet" (sent by iwmo.tasks after commit), or "afgekeurd" with the
    reason in plain Dutch, shown on the dossier and never sent.
    """
    if door is not None:
        persoonsgegevens_gebruiken.send(
            sender=Bericht, inwoner=inwoner, door=door, aanleiding="iWmo-toewijzing"
        )
    vandaag = timezone.localdate()
    toewijzingen = _te_versturen(
        gemeente=gemeente, aanbieder=aanbieder, inwoner=inwoner, gewijzigd=gewijzigd, op=vandaag
    )
    bericht = Bericht.objects.create(
        richting=Richting.UIT,
        berichtcode=Berichtcode.WMO301,
        soort=Berichtcode.WMO301.label,
        dagtekening=vandaag,
        afzender=gemeente.cbs_code or "",
        ontvanger=aanbieder.agb_code or "",
        status=BerichtStatus.KLAARGEZET,
        gemeente=gemeente,
        aanbieder=aanbieder,
        inwoner=inwoner,
        melding=melding,
    )
    bericht.toewijzingen.set(toewijzingen)
    # BerichtIdentificatie: unique per sender and kind (TR056); the row's number is.
    bericht.identificatie = str(bericht.pk)
    bericht.bestandsnaam = f"WMO301_{bericht.afzender or 'gemeente'}_{bericht.ontvanger or 'aanbieder'}_{bericht.identificatie}_{vandaag:%Y%m%d}.xml"
    fouten = controleer(gemeente=gemeente, aanbieder=aanbieder, inwoner=inwoner, toewijzingen=toewijzingen)
    if not fouten:
        try:
            bericht.xml = berichten.wmo301(
                gemeente=gemeente,
                aanbieder=aanbieder,
                inwoner=inwoner,
                toewijzingen=toewijzingen,
                identificatie=bericht.identificatie,
                dagtekening=vandaag,
            )
        except Exception:  # never let a message block the beschikking; it is kept and shown
            logger.exception("WMO301 %s kon niet worden opgebouwd", bericht.pk)
            fouten = [
                _(
                    "Het bericht kon niet worden gemaakt door een technische fout. Meld dit bij de functioneel beheerder."
                )
            ]
        else:
            fouten = [
                _("Het bericht voldoet niet aan de iWmo-standaard: %(fout)s") % {"fout": fout}
                for fout in valideer("WMO301", bericht.xml)
            ]
    if fouten:
        bericht.status = BerichtStatus.AFGEKEURD
        bericht.reden = "\n".join(fouten)
    bericht._change_reason = "WMO301 afgekeurd, niet verzonden" if fouten else "WMO301 klaargezet"
    bericht.save()
    if not fouten:
        from iwmo.tasks import bericht_versturen

        transaction.on_commit(lambda: bericht_versturen.enqueue(bericht.pk))
    return bericht


@transaction.atomic
def bericht_versturen(bericht_id: int) -> Bericht:
    """Hand one klaargezet message to the gateway (iwmo.transport); once, with history.

    Validated again just before: an invalid message is never written to the outbox.
    """
    bericht = Bericht.objects.select_for_update().get(pk=bericht_id)
    if bericht.richting != Richting.UIT or bericht.status != BerichtStatus.KLAARGEZET:
        return bericht
    fouten = valideer(bericht.soort, bytes(bericht.xml))
    if fouten:
        bericht.status = BerichtStatus.AFGEKEURD
        bericht.reden = "\n".join(fouten)
        bericht._change_reason = "Afgekeurd bij versturen"
    else:
        transport().verstuur(bericht)
        bericht.status = BerichtStatus.VERZONDEN
        bericht.verzonden_op = timezone.now()
        bericht._change_reason = "Verzonden naar het gegevensknooppunt"
    bericht.save()
    return bericht


@vooraf_ophalen(lambda a: a["bericht"].inwoner)
@transaction.atomic
def bericht_opnieuw_maken(*, bericht: Bericht, door: Medewerker) -> Bericht:
    """After the cause is fixed (an AGB code, the inwoner's geslacht...): make the refused WMO301
    again with the toewijzingen it would have carried. The refused one stays, as it was."""
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.richting != Richting.UIT or bericht.status != BerichtStatus.AFGEKEURD:
        raise ValidationError(_("Alleen een afgekeurd bericht kan opnieuw worden gemaakt."))
    if (
        bericht.retouren.exists()
        or Bericht.objects.filter(
            richting=Richting.UIT, aanbieder=bericht.aanbieder, inwoner=bericht.inwoner, pk__gt=bericht.pk
        )
        .exclude(status=BerichtStatus.AFGEKEURD)
        .exists()
    ):
        raise ValidationError(_("Er is al een nieuwer bericht aan deze aanbieder gemaakt."))
    nieuw = bericht_klaarzetten(
        gemeente=bericht.gemeente,
        aanbieder=bericht.aanbieder,
        inwoner=bericht.inwoner,
        melding=bericht.melding,
        gewijzigd=list(bericht.toewijzingen.all()),
        door=door,
    )
    logger.info("WMO301 %s opnieuw gemaakt als %s door %s", bericht.pk, nieuw.pk, door)
    return nieuw


def klaargezette_versturen() -> list[Bericht]:
    """Send every message still klaargezet (e.g. the worker was down): for `manage.py iwmo`."""
    ids = Bericht.objects.filter(richting=Richting.UIT, status=BerichtStatus.KLAARGEZET).order_by("pk")
    return [bericht_versturen(pk) for pk in ids.values_list("pk", flat=True)]


def afgekeurde_berichten(melding) -> list[Bericht]:
    """The outgoing messages of this dossier that were not sent, with the reason: for the dossier page."""
    return list(
        Bericht.objects.filter(melding=melding, richting=Richting.UIT, status=BerichtStatus.AFGEKEURD)
        .select_related("aanbieder")
        .order_by("-aangemaakt_op")
    )


def beschrijving(toewijzing: Toewijzing) -> str:
    periode = date_format(toewijzing.ingangsdatum, "j F Y")
    if toewijzing.einddatum:
        periode += " tot en met " + date_format(toewijzing.einddatum, "j F Y")
    return f"{toewijzing.nummer}: {toewijzing.regel.voorziening.naam}, {periode}"
