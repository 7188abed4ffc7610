"""Judging the aanbieder's requests: WMO315 (verzoek om toewijzing) and WMO317 (verzoek om wijziging).

Processen.md, "Proces beoordelen Wmo": the gemeente judges a verzoek om toewijzing per requested
product and a verzoek om wijziging as a whole, and answers each with a toewijzingsbericht (WMO301)
or an antwoordbericht (WMO319). "Verzoek afwijzen": the antwoordbericht refers to the verzoek by
its ReferentieAanbieder, has VerzoekAntwoord 1 (verzoek afgewezen) and must say why
(RedenAfwijzingVerzoek).

A received verzoek lands on the werkvoorraad of the consulent of the inwoner's dossier, or in the
team's queue when the melding has no consulent (iwmo.ontvangst routes it to the melding).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from iwmo.codelijsten import Berichtcode
from iwmo.models import (
    Bericht,
    BerichtStatus,
    RedenAfwijzingVerzoek,
    Richting,
    Toewijzing,
    Verzoek,
    VerzoekStatus,
)
from iwmo.schema import (
    BASIS_NAMESPACE,
    BASISSCHEMA_XSD_VERSIE,
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    BERICHT_XSD_VERSIE,
    namespace,
    valideer,
)
from iwmo.transport import transport

VERZOEK_AFGEWEZEN = "1"  # iwmo:LDT_VerzoekAntwoord


def open_verzoeken_voor(user):
    """The open verzoeken the user judges: on their own meldingen, or in their team's queue."""
    from meldingen.models import Melding

    meldingen = Melding.objects.zichtbaar_voor(user)
    return (
        Verzoek.objects.filter(status=VerzoekStatus.OPEN, melding__in=meldingen)
        .filter(
            Q(melding__consulent=user) | Q(melding__consulent__isnull=True, melding__team_id=user.team_id)
        )
        .select_related("aanbieder", "inwoner", "melding")
        .order_by("aangemaakt_op", "id")
    )


def verzoeken_zichtbaar_voor(user):
    """Every verzoek of a melding the user may see (the detail page: a foreign id is 404)."""
    from meldingen.models import Melding

    return Verzoek.objects.filter(melding__in=Melding.objects.zichtbaar_voor(user))


def wmo319(*, verzoek: Verzoek, identificatie: str, dagtekening) -> bytes:
    """The antwoordbericht refusing `verzoek` (WMO319), built per wmo319.xsd."""
    ns = namespace("WMO319")
    e = etree.Element(f"{{{ns}}}Bericht", nsmap={None: ns, "iwmo": BASIS_NAMESPACE})
    header = etree.SubElement(e, f"{{{ns}}}Header")
    for naam, waarde in (
        ("BerichtCode", Berichtcode.WMO319.value),
        ("BerichtVersie", str(BERICHT_VERSIE)),
        ("BerichtSubversie", str(BERICHT_SUBVERSIE)),
        ("Afzender", verzoek.gemeente.cbs_code),
        ("Ontvanger", verzoek.aanbieder.agb_code),
    ):
        etree.SubElement(header, f"{{{ns}}}{naam}").text = waarde
    bid = etree.SubElement(header, f"{{{ns}}}BerichtIdentificatie")
    etree.SubElement(bid, f"{{{BASIS_NAMESPACE}}}Identificatie").text = identificatie
    etree.SubElement(bid, f"{{{BASIS_NAMESPACE}}}Dagtekening").text = dagtekening.isoformat()
    xsd = etree.SubElement(header, f"{{{ns}}}XsdVersie")
    etree.SubElement(xsd, f"{{{BASIS_NAMESPACE}}}BasisschemaXsdVersie").text = BASISSCHEMA_XSD_VERSIE
    etree.SubElement(xsd, f"{{{BASIS_NAMESPACE}}}BerichtXsdVersie").text = BERICHT_XSD_VERSIE
    antwoord = etree.SubElement(e, f"{{{ns}}}Antwoord")
    etree.SubElement(antwoord, f"{{{ns}}}ReferentieAanbieder").text = verzoek.referentie
    etree.SubElement(antwoord, f"{{{ns}}}VerzoekAntwoord").text = VERZOEK_AFGEWEZEN
    etree.SubElement(antwoord, f"{{{ns}}}RedenAfwijzingVerzoek").text = verzoek.reden_afwijzing
    return etree.tostring(e, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _open(verzoek: Verzoek) -> Verzoek:
    verzoek = Verzoek.objects.select_for_update().select_related("gemeente", "aanbieder").get(pk=verzoek.pk)
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError("Dit verzoek is al beoordeeld.")
    return verzoek


@transaction.atomic
def verzoek_afwijzen(*, verzoek: Verzoek, reden: str, toelichting: str = "", door) -> Verzoek:
    """Refuse the verzoek: a WMO319 with VerzoekAntwoord 1 and the RedenAfwijzingVerzoek goes out.

    The message is validated against wmo319.xsd before it is written; an invalid one is never sent.
    """
    verzoek = _open(verzoek)
    if reden not in RedenAfwijzingVerzoek.values:
        raise ValidationError({"reden_afwijzing": "Kies de reden waarom u het verzoek afwijst."})
    verzoek.reden_afwijzing = reden
    verzoek.toelichting = toelichting.strip()
    vandaag = timezone.localdate()
    antwoord = Bericht.objects.create(
        richting=Richting.UIT,
        soort="WMO319",
        berichtcode=Berichtcode.WMO319.value,
        afzender=verzoek.gemeente.cbs_code,
        ontvanger=verzoek.aanbieder.agb_code,
        dagtekening=vandaag,
        status=BerichtStatus.KLAARGEZET,
        gemeente=verzoek.gemeente,
        aanbieder=verzoek.aanbieder,
        inwoner_id=verzoek.inwoner_id,
        melding_id=verzoek.melding_id,
    )
    antwoord.identificatie = f"319-{antwoord.pk}"[:12]
    antwoord.bestandsnaam = f"WMO319_{antwoord.identificatie}.xml"
    antwoord.xml = wmo319(verzoek=verzoek, identificatie=antwoord.identificatie, dagtekening=vandaag)
    fouten = valideer("WMO319", antwoord.xml)
    if fouten:  # never sent; the consulent sees why and nothing changes
        raise ValidationError("Het antwoordbericht voldoet niet aan de iWmo-standaard: " + " ".join(fouten))
    transport().verstuur(antwoord)
    antwoord.status = BerichtStatus.VERZONDEN
    antwoord.verzonden_op = timezone.now()
    antwoord._history_user = door
    antwoord.save()
    verzoek.status = VerzoekStatus.AFGEWEZEN
    verzoek.antwoord = antwoord
    verzoek.beoordeeld_door = door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.full_clean()
    verzoek._history_user = door
    verzoek._change_reason = (
        f"Verzoek van {verzoek.aanbieder.naam} afgewezen: {verzoek.get_reden_afwijzing_display()}"[:100]
    )
    verzoek.save()
    return verzoek


@transaction.atomic
def verzoek_toekennen(*, verzoek: Verzoek, door) -> Verzoek:
    """Grant the verzoek: a WMO301 with the current toewijzingen of this client at this aanbieder.

    The toewijzing itself comes from a beschikking with the voorziening in natura at this aanbieder
    (the outgoing side makes a Toewijzing when that beschikking is sent); without one there is
    nothing to assign yet, and the consulent is told so.
    """
    verzoek = _open(verzoek)
    vandaag = timezone.localdate()
    toewijzingen = list(
        Toewijzing.objects.filter(
            gemeente=verzoek.gemeente, aanbieder=verzoek.aanbieder, inwoner_id=verzoek.inwoner_id
        ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    )
    if not toewijzingen:
        raise ValidationError(
            "Er is nog geen toewijzing bij deze aanbieder. Neem de voorziening in natura bij deze "
            "aanbieder op in een beschikking en verstuur die; daarna kunt u het verzoek toekennen."
        )
    verzoek.toewijzing = toewijzingen[0]
    verzoek.status = VerzoekStatus.TOEGEKEND
    verzoek.beoordeeld_door = door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.full_clean()
    verzoek._history_user = door
    verzoek._change_reason = f"Verzoek van {verzoek.aanbieder.naam} toegekend"[:100]
    verzoek.save()
    wmo301_na_verzoek(verzoek=verzoek, toewijzingen=toewijzingen)
    return verzoek


def wmo301_na_verzoek(*, verzoek: Verzoek, toewijzingen: list[Toewijzing]):
    """Queue the WMO301 that answers a granted verzoek, through the outgoing side's service.

    `iwmo.services.bericht_klaarzetten` (branch iwmo) builds, validates and queues the 301 with all
    current toewijzingen of the client at the aanbieder. Until that service is merged nothing is
    queued here (returns None).
    """
    try:
        from iwmo.services import bericht_klaarzetten
    except ImportError:  # the outgoing side is not merged yet
        return None
    return bericht_klaarzetten(
        gemeente=verzoek.gemeente,
        aanbieder=verzoek.aanbieder,
        inwoner=verzoek.inwoner,
        melding=verzoek.melding,
        gewijzigd=toewijzingen,
    )
