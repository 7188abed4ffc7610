"""Demo: a processed WMO305 (start zorg) and WMO307 (stop zorg), with their 306 and 308 in the outbox.

Called by `manage.py demo` at its end, so that a newcomer sees the incoming traffic after
`make run`: mevrouw Jansen (Haarlem) gets hulp bij het huishouden in natura from Thuiszorg
Kennemerland; the aanbieder reports the start, and later a temporary stop (she is in hospital,
WMO588 reden 20). Both messages go through the inbox processing of iwmo.ontvangst exactly as a
file from the gateway would, and the retour messages are written into IWMO_UITBOX.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from aanvragen import services as av
from aanvragen.constants import Grondslag
from iwmo.codelijsten import Berichtcode
from iwmo.models import Bericht, Toewijzing
from iwmo.ontvangst import bericht_ontvangen, bericht_verwerken
from iwmo.schema import BASIS_NAMESPACE, namespace
from meldingen import services as ms
from meldingen.constants import Kanaal
from meldingen.models import Inwoner
from wmo.constants import Resultaatgebied
from wmo.models import Aanbieder, Gemeente, Medewerker, Voorziening
from wmo.validators import valid_bsns

# A BSN range of its own (the demo starts at 999 990 001, the tests at 900 000 000).
BSN_START = 999_995_001
AANBIEDER = "Thuiszorg Kennemerland"


def _aanbieder_bericht(
    soort: str, *, toewijzing: Toewijzing, identificatie: str, dagtekening: date, product: str
):
    inwoner = toewijzing.inwoner
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="{namespace(soort)}" xmlns:iwmo="{BASIS_NAMESPACE}">
  <Header>
    <BerichtCode>{Berichtcode[soort].value}</BerichtCode>
    <BerichtVersie>3</BerichtVersie>
    <BerichtSubversie>2</BerichtSubversie>
    <Afzender>{toewijzing.aanbieder.agb_code}</Afzender>
    <Ontvanger>{toewijzing.gemeente.cbs_code}</Ontvanger>
    <BerichtIdentificatie>
      <iwmo:Identificatie>{identificatie}</iwmo:Identificatie>
      <iwmo:Dagtekening>{dagtekening.isoformat()}</iwmo:Dagtekening>
    </BerichtIdentificatie>
    <XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </XsdVersie>
  </Header>
  <Client>
    <Bsn>{inwoner.bsn}</Bsn>
    <Geboortedatum><iwmo:Datum>{inwoner.geboortedatum.isoformat()}</iwmo:Datum></Geboortedatum>
    <Geslacht>2</Geslacht>
    <Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>{inwoner.achternaam}</iwmo:Achternaam></iwmo:Geslachtsnaam></Naam>
    {product}
  </Client>
</Bericht>
""".encode()


def _toewijzing(regel, *, op) -> Toewijzing:
    """The toewijzing the outgoing side made when the beschikking was sent; made here when that side
    is not there (then with the next number of the gemeente)."""
    bestaand = Toewijzing.objects.filter(regel=regel).first()
    if bestaand:
        return bestaand
    gemeente = regel.beschikking.aanvraag.melding.gemeente
    hoogste = Toewijzing.objects.filter(gemeente=gemeente).aggregate(m=Max("nummer"))["m"] or 0
    return Toewijzing.objects.create(
        regel=regel,
        aanbieder=regel.aanbieder,
        gemeente=gemeente,
        inwoner=regel.beschikking.aanvraag.melding.inwoner,
        nummer=hoogste + 1,
        ingangsdatum=regel.ingangsdatum,
        einddatum=regel.einddatum,
        toegewezen_op=op,
    )


def demo_start_en_stop() -> list[Bericht]:
    """The demo dossier with a started and temporarily stopped delivery; returns the two messages."""
    vandaag = timezone.localdate()
    haarlem = Gemeente.objects.get(cbs_code="0392")
    consulent = Medewerker.objects.get(username="consulent")
    loket = Medewerker.objects.get(username="loket")
    aanbieder = Aanbieder.objects.get(naam=AANBIEDER)
    bsn = next(b for b in valid_bsns(start=BSN_START) if not Inwoner.objects.filter(bsn=b).exists())
    inwoner = ms.inwoner_registreren(
        door=loket, bsn=bsn, voornamen="Marja", achternaam="Jansen", geboortedatum=date(1941, 6, 12),
        straat="Kleverparkweg", huisnummer=18, postcode="2023CE", woonplaats="Haarlem", gemeente=haarlem,
        telefoon="06 3456 7890", geslacht="2",
    )  # fmt: skip
    melding = ms.melding_registreren(
        door=loket,
        inwoner=inwoner,
        team=consulent.team,
        consulent=consulent,
        ontvangen_op=timezone.make_aware(datetime.combine(vandaag - timedelta(days=35), time(9, 45))),
        kanaal=Kanaal.TELEFOON,
        hulpvraag="Sinds mijn heupoperatie kan ik niet meer stofzuigen en het bed verschonen.",
    )
    melding = ms.melding_onderzoek_starten(melding=melding, door=consulent)
    aanvraag = av.aanvraag_registreren(
        melding=melding,
        ontvangen_op=vandaag - timedelta(days=21),
        grondslag=Grondslag.NA_ONDERZOEK,
        door=consulent,
    )
    voorziening = (
        Voorziening.objects.filter(iwmo_productcategorie="01", soort="maatwerk").order_by("id").first()
    )
    gevraagd = av.aanvraag_voorziening_toevoegen(
        aanvraag=aanvraag,
        voorziening=voorziening,
        resultaatgebied=Resultaatgebied.SCHOON_HUIS,
        door=consulent,
    )
    beschikking = av.beschikking_opstellen(aanvraag=aanvraag, door=consulent)
    regel = av.beschikking_regel_vastleggen(
        beschikking=beschikking, aangevraagd=gevraagd, door=consulent, uitkomst="toegekend",
        omvang=3, eenheid="uur", frequentie="per_week", leveringsvorm="zin", aanbieder=aanbieder,
        ingangsdatum=vandaag - timedelta(days=14),
        motivering="Na uw heupoperatie kunt u het huis niet schoonhouden. Uw zoon woont ver weg en de "
        "buren helpen al met boodschappen. Daarom krijgt u hulp bij het huishouden.",
    )  # fmt: skip
    av.beschikking_versturen(beschikking=beschikking, door=consulent)
    toewijzing = _toewijzing(regel, op=timezone.now())
    start = vandaag - timedelta(days=12)
    stop = vandaag - timedelta(days=3)
    berichten = []
    for soort, naam, dagtekening, product in (
        (
            "WMO305",
            "START-0001",
            start,
            f"<StartProducten><StartProduct><ToewijzingNummer>{toewijzing.nummer}</ToewijzingNummer>"
            f"<Begindatum>{start.isoformat()}</Begindatum><StatusAanlevering>1</StatusAanlevering>"
            "</StartProduct></StartProducten>",
        ),
        (
            "WMO307",
            "STOP-0001",
            stop,
            f"<StopProducten><StopProduct><ToewijzingNummer>{toewijzing.nummer}</ToewijzingNummer>"
            f"<Begindatum>{start.isoformat()}</Begindatum><RedenBeeindiging>20</RedenBeeindiging>"
            f"<Einddatum>{stop.isoformat()}</Einddatum><StatusAanlevering>1</StatusAanlevering>"
            "</StopProduct></StopProducten>",
        ),
    ):
        xml = _aanbieder_bericht(
            soort, toewijzing=toewijzing, identificatie=naam, dagtekening=dagtekening, product=product
        )
        bericht = bericht_ontvangen(naam=f"{soort}_{aanbieder.agb_code}_{naam}.xml", inhoud=xml)
        berichten.append(bericht_verwerken(bericht_id=bericht.pk))
    return berichten
