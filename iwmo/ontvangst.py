"""Processing of incoming iWmo messages: WMO305 start zorg, WMO307 stop zorg, WMO315 verzoek om
toewijzing and WMO317 verzoek om wijziging.

Each file in the inbox is first stored as a Bericht (richting "in", status "ontvangen") with its
bytes, whatever they are, and only then archived by the transport: nothing is ever lost. The
processing runs as a django-tasks task per Bericht (`bericht_verwerken_taak`) and happens exactly
once: it locks the row and does nothing unless the status is still "ontvangen".

The checks follow the iWmo 3.2 technical rules (TR) with their retourcodes (WJ001):
- the official XSD (iwmo.schema.valideer): failing it is retourcode 0001 in the Header;
- the BerichtIdentificatie is unique per sender and kind (TR056, 9056): the unique constraint on
  Bericht decides, so two workers cannot both process it;
- the Ontvanger is one of our gemeenten (TR378, S300); the Dagtekening is not in the future
  (TR135, 8848);
- start/stop (TR019, 9019): the ToewijzingNummer is a toewijzing of ours, for this aanbieder and
  this client (BSN); a second start with the same key (TR074, 9074); a start while the current
  delivery was not stopped (TR326, 9326); a stop without a matching start (TR069, 9069); a stop
  after a definitive stop (TR415, 9415);
- verzoeken: the ReferentieAanbieder is unique for the aanbieder (TR347, 9347); no other verzoek
  of this aanbieder for this client is still open (TR374, 9374); a verzoek om wijziging names
  only current toewijzingen of this client (TR350, 9350 and TR351, 9351).
Processen.md: "Alleen bij een volledig goedgekeurd bericht wordt de start [stop, het verzoek]
verwerkt": a message with any rejection changes nothing. It is kept with status "niet verwerkt"
and its reason in plain Dutch (the beheer list "Niet verwerkte iWmo-berichten"), and can be
processed again once the cause is fixed (`bericht_opnieuw_verwerken`).

Every judged message gets its retour (306, 308, 316, 318; iwmo.retour) through the transport.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task
from lxml import etree

from iwmo import retour as retourbericht
from iwmo import retour_ontvangst
from iwmo.codelijsten import Berichtcode, RedenBeeindiging
from iwmo.levering import toewijzing_zorg_starten, toewijzing_zorg_stoppen
from iwmo.models import Bericht, BerichtStatus, Richting, Toewijzing, Verzoek, VerzoekSoort, VerzoekStatus
from iwmo.schema import BASIS_NAMESPACE, _parser, namespace, valideer
from iwmo.transport import Transport
from iwmo.transport import transport as standaard_transport
from wmo.models import Aanbieder, Gemeente

logger = logging.getLogger(__name__)

INKOMEND = ("WMO305", "WMO307", "WMO315", "WMO317")
ONBEKEND = "onbekend"

# StatusAanlevering (iwmo:LDT_StatusAanlevering): 1 eerste aanlevering, 2 gewijzigde aanlevering,
# 3 aanlevering moet verwijderd worden.
EERSTE, GEWIJZIGD, VERWIJDEREN = "1", "2", "3"


@dataclass
class Verslag:
    """What `verwerk_inbox` did: one Dutch line per file, and the counts."""

    regels: list[str] = field(default_factory=list)
    ontvangen: int = 0
    verwerkt: int = 0
    niet_verwerkt: int = 0

    def __iter__(self):
        return iter(self.regels)

    def __len__(self):
        return len(self.regels)

    def __str__(self):
        kop = (
            f"{self.ontvangen} bericht{'en' if self.ontvangen != 1 else ''} ontvangen: "
            f"{self.verwerkt} verwerkt, {self.niet_verwerkt} niet verwerkt."
        )
        return "\n".join([kop, *self.regels])


def verwerk_inbox(transport: Transport | None = None) -> Verslag:
    """Store every file of the inbox as a Bericht, archive it, and process it (a task per file)."""
    transport = transport or standaard_transport()
    verslag = Verslag()
    for naam, inhoud in transport.ontvangen():
        bericht = bericht_ontvangen(naam=naam, inhoud=inhoud)
        transport.gelezen(naam)  # stored (committed) first: archiving it can no longer lose it
        verslag.ontvangen += 1
        bericht_verwerken_taak.enqueue(bericht.pk)
        bericht.refresh_from_db(fields=["status", "reden", "soort"])
        if bericht.status == BerichtStatus.VERWERKT:
            verslag.verwerkt += 1
            verslag.regels.append(f"{naam}: {bericht.soort} verwerkt.")
        elif bericht.status == BerichtStatus.NIET_VERWERKT:
            verslag.niet_verwerkt += 1
            verslag.regels.append(f"{naam}: {bericht.soort} niet verwerkt. {bericht.reden}")
        else:
            verslag.regels.append(f"{naam}: ontvangen, de verwerking staat in de wachtrij.")
    return verslag


def _soort_van(inhoud: bytes) -> str:
    """The kind from the root element's namespace ('WMO305'), or 'onbekend'; never raises."""
    try:
        document = etree.fromstring(inhoud, _parser())
    except (etree.XMLSyntaxError, ValueError):
        return ONBEKEND
    for soort in (*INKOMEND, retour_ontvangst.SOORT):
        if document.tag == f"{{{namespace(soort)}}}Bericht":
            return soort
    return ONBEKEND


@transaction.atomic
def bericht_ontvangen(*, naam: str, inhoud: bytes) -> Bericht:
    """Keep an incoming file as it is, before anything else is done with it."""
    soort = _soort_van(inhoud)
    return Bericht.objects.create(
        richting=Richting.IN,
        soort=soort,
        berichtcode=Berichtcode[soort].value if soort in Berichtcode.names else "",
        xml=bytes(inhoud),
        bestandsnaam=naam[:200],
        status=BerichtStatus.ONTVANGEN,
    )


@task()
def bericht_verwerken_taak(bericht_id: int) -> str:
    """The django-tasks job: process one received Bericht (the worker of docker-compose runs it).

    An unexpected error rolls the processing back and leaves the message 'niet verwerkt' with a
    plain reason, so it shows in beheer's list and can be processed again; it is never lost.
    """
    try:
        return bericht_verwerken(bericht_id=bericht_id).status
    except Exception:
        logger.exception("iWmo-bericht %s: verwerken mislukt", bericht_id)
        Bericht.objects.filter(pk=bericht_id, status=BerichtStatus.ONTVANGEN).update(
            status=BerichtStatus.NIET_VERWERKT,
            reden="Bij het verwerken ging iets technisch mis. Probeer het opnieuw of meld het bij de leverancier.",
            verwerkt_op=timezone.now(),
        )
        return BerichtStatus.NIET_VERWERKT


def bericht_verwerken(*, bericht_id: int) -> Bericht:
    """Process a received Bericht exactly once: nothing happens unless its status is 'ontvangen'."""
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().get(pk=bericht_id, richting=Richting.IN)
        if bericht.status != BerichtStatus.ONTVANGEN:
            return bericht
        if bericht.soort == retour_ontvangst.SOORT:
            retour_ontvangst.retour_verwerken(bericht)  # a retour gets no retour
        else:
            _Verwerking(bericht).uitvoeren()
    return bericht


@transaction.atomic
def bericht_opnieuw_verwerken(*, bericht: Bericht, door) -> Bericht:
    """Process a 'niet verwerkt' message again after its cause was fixed (beheer's action).

    Still exactly once: the row is locked and only a 'niet verwerkt' message goes back to
    'ontvangen'. No second retour is sent: the aanbieder already had one for this message.
    """
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk, richting=Richting.IN)
    if bericht.status != BerichtStatus.NIET_VERWERKT:
        return bericht
    bericht.status = BerichtStatus.ONTVANGEN
    bericht._history_user = door
    bericht._change_reason = "Opnieuw verwerken"
    bericht.save(update_fields=["status"])
    if bericht.soort == retour_ontvangst.SOORT:
        retour_ontvangst.retour_verwerken(bericht)
    else:
        _Verwerking(bericht, retour_sturen=False).uitvoeren()
    return bericht


class _Afgekeurd(Exception):
    """The message as a whole cannot be judged further (header-level rejection)."""


def _tekst(element, pad: str) -> str:
    """The text at `pad` (local names joined by '/', the message or basisschema namespace)."""
    gevonden = element
    for deel in pad.split("/"):
        volgende = None
        for kind in gevonden:
            if isinstance(kind.tag, str) and etree.QName(kind).localname == deel:
                volgende = kind
                break
        if volgende is None:
            return ""
        gevonden = volgende
    return (gevonden.text or "").strip()


def _datum(waarde: str) -> date | None:
    try:
        return date.fromisoformat(waarde[:10])
    except ValueError:
        return None


def _kinderen(element, naam: str) -> list:
    return [e for e in element.iter() if isinstance(e.tag, str) and etree.QName(e).localname == naam]


class _Verwerking:
    """One run over one received Bericht: check, apply (only when all is approved), answer."""

    def __init__(self, bericht: Bericht, *, retour_sturen: bool = True):
        self.bericht = bericht
        self.retour_sturen = retour_sturen
        self.beoordeling = retourbericht.Beoordeling()
        self.redenen: list[str] = []
        self.document = None
        self.alleen_header = False

    # -- the steps ---------------------------------------------------------------------------

    def uitvoeren(self) -> None:
        b = self.bericht
        try:
            self._lezen()
            self._header()
            {
                "WMO305": self._start,
                "WMO307": self._stop,
                "WMO315": self._verzoek_om_toewijzing,
                "WMO317": self._verzoek_om_wijziging,
            }[b.soort]()
        except _Afgekeurd:
            pass
        b.status = BerichtStatus.VERWERKT if not self.redenen else BerichtStatus.NIET_VERWERKT
        b.reden = " ".join(self.redenen)
        b.verwerkt_op = timezone.now()
        b.save()
        if self.retour_sturen and self.document is not None and b.soort in INKOMEND:
            self._retour()

    def _niet(self, reden: str, code: str | None = None, element=None) -> None:
        self.redenen.append(reden)
        if code:
            if element is None:
                if code not in self.beoordeling.header:
                    self.beoordeling.header.append(code)
            else:
                self.beoordeling.afkeuren(element, code)

    def _lezen(self) -> None:
        b = self.bericht
        if b.soort not in INKOMEND:
            self._niet(
                "Dit bestand is geen iWmo-bericht dat de gemeente ontvangt (start zorg, stop zorg, "
                "verzoek om toewijzing of verzoek om wijziging), of het is geen leesbare XML."
            )
            raise _Afgekeurd
        xml = bytes(b.xml)
        fouten = valideer(b.soort, xml)
        try:
            self.document = etree.fromstring(xml, _parser())
        except (etree.XMLSyntaxError, ValueError):
            self.document = None
        if self.document is not None and self.document.getroottree().docinfo.doctype:
            self.document = None
        if fouten:
            self._header_velden(opslaan_identificatie=False)
            getoond = fouten[:5]
            meer = f" (en nog {len(fouten) - 5} fouten)" if len(fouten) > 5 else ""
            self._niet(
                "Het bericht voldoet niet aan het XSD van iWmo 3.2: " + " ".join(getoond) + meer,
                retourbericht.TECHNISCH_AFGEKEURD,
            )
            self.alleen_header = True
            if not self._header_bruikbaar():
                self.document = None  # no usable header: nobody to answer
            raise _Afgekeurd

    def _header_bruikbaar(self) -> bool:
        """Whether the header can be answered: all its elements there, with an aanbieder to send to."""
        if self.document is None:
            return False
        ns = namespace(self.bericht.soort)
        header = self.document.find(f"{{{ns}}}Header")
        if header is None:
            return False
        nodig = ("BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger", "XsdVersie")
        return (
            all(header.find(f"{{{ns}}}{n}") is not None for n in nodig)
            and bool(_tekst(header, "BerichtIdentificatie/Identificatie"))
            and self.bericht.afzender.isdigit()
            and len(self.bericht.afzender) == 8
        )

    def _header_velden(self, *, opslaan_identificatie: bool) -> None:
        b = self.bericht
        if self.document is None:
            return
        ns = namespace(b.soort)
        header = self.document.find(f"{{{ns}}}Header")
        if header is None:
            return
        b.afzender = _tekst(header, "Afzender")[:8]
        b.ontvanger = _tekst(header, "Ontvanger")[:8]
        b.dagtekening = _datum(_tekst(header, "BerichtIdentificatie/Dagtekening"))
        self.identificatie = _tekst(header, "BerichtIdentificatie/Identificatie")[:12]
        if opslaan_identificatie:
            b.identificatie = self.identificatie
        b.aanbieder = Aanbieder.objects.filter(agb_code=b.afzender).first() if b.afzender else None
        b.gemeente = Gemeente.objects.filter(cbs_code=b.ontvanger).first() if b.ontvanger else None

    def _header(self) -> None:
        b = self.bericht
        self._header_velden(opslaan_identificatie=False)
        # TR056 (9056): the identification is unique per sender and kind. The unique constraint
        # decides: a second worker or a resent file cannot claim it again.
        if not b.identificatie:
            try:
                with transaction.atomic():
                    Bericht.objects.filter(pk=b.pk).update(
                        identificatie=self.identificatie, afzender=b.afzender, dagtekening=b.dagtekening
                    )
                b.identificatie = self.identificatie
            except IntegrityError:
                self._niet(
                    f"Dit bericht is al eerder ontvangen: {b.soort} met identificatie {self.identificatie}"
                    f" van {b.dagtekening:%d-%m-%Y} van afzender {b.afzender}. Het is niet nog een keer verwerkt.",
                    "9056",
                )
                raise _Afgekeurd from None
        if b.gemeente is None:
            self._niet(
                f"De ontvanger {b.ontvanger} is geen gemeente waarvoor wij werken.",
                "S300",
            )
        if b.dagtekening and b.dagtekening > timezone.localdate():
            self._niet("De dagtekening van het bericht ligt in de toekomst.", "8848")
        if b.aanbieder is None:
            self._niet(
                f"De afzender {b.afzender} is geen aanbieder die wij kennen (AGB-code onbekend).",
                retourbericht.TECHNISCH_AFGEKEURD,
            )
        if self.redenen:
            raise _Afgekeurd
        ns = namespace(b.soort)
        self.client = self.document.find(f"{{{ns}}}Client")
        self.bsn = _tekst(self.client, "Bsn")
        from meldingen.models import Inwoner

        self.inwoner = Inwoner.objects.filter(bsn=self.bsn).first()
        b.inwoner = self.inwoner

    # -- WMO305 / WMO307 ----------------------------------------------------------------------

    def _toewijzing(self, product) -> Toewijzing | None:
        """TR019 (9019): the product must be linked to a toewijzing of ours for this client."""
        b = self.bericht
        nummer = _tekst(product, "ToewijzingNummer")
        if not nummer:
            self._niet(
                "Een product noemt geen toewijzingnummer; het hoort bij geen toewijzing.", "9019", product
            )
            return None
        if self.inwoner is None:
            self._niet(
                f"De cliënt met BSN eindigend op {self.bsn[-4:]} is bij ons niet bekend"
                f" (toewijzing {nummer}).",
                "9019",
                product,
            )
            return None
        toewijzing = (
            Toewijzing.objects.filter(gemeente=b.gemeente, nummer=int(nummer))
            .select_related("aanbieder")
            .first()
        )
        if toewijzing is None:
            self._niet(f"Toewijzing {nummer} bestaat niet bij gemeente {b.gemeente}.", "9019", product)
            return None
        if toewijzing.aanbieder_id != b.aanbieder.pk or toewijzing.inwoner_id != self.inwoner.pk:
            self._niet(f"Toewijzing {nummer} hoort niet bij deze aanbieder en deze cliënt.", "9019", product)
            return None
        b.melding_id = b.melding_id or _melding_id(toewijzing)
        return toewijzing

    def _start(self) -> None:
        uit_te_voeren = []
        for product in _kinderen(self.client, "StartProduct"):
            toewijzing = self._toewijzing(product)
            if toewijzing is None:
                continue
            begindatum = _datum(_tekst(product, "Begindatum"))
            status = _tekst(product, "StatusAanlevering")
            nummer = toewijzing.nummer
            if status == VERWIJDEREN:
                self._niet(
                    f"Toewijzing {nummer}: het verwijderen van een eerder startbericht wordt nog niet"
                    " automatisch verwerkt; verwerk het met de aanbieder.",
                    retourbericht.TECHNISCH_AFGEKEURD,
                    product,
                )
                continue
            if toewijzing.gestart_op == begindatum and toewijzing.gestopt_op is None and status == EERSTE:
                self._niet(f"Toewijzing {nummer}: deze start is al eerder ontvangen.", "9074", product)
                continue
            if (
                toewijzing.gestart_op
                and toewijzing.gestopt_op is None
                and toewijzing.gestart_op != begindatum
            ):
                self._niet(
                    f"Toewijzing {nummer}: de zorg is al gestart en nog niet gestopt.", "9326", product
                )
                continue
            if toewijzing.einddatum and begindatum > toewijzing.einddatum:
                self._niet(
                    f"Toewijzing {nummer}: de begindatum ligt na de einddatum van de toewijzing.",
                    "9019",
                    product,
                )
                continue
            uit_te_voeren.append((toewijzing, begindatum))
        if not self.redenen:
            for toewijzing, begindatum in uit_te_voeren:
                toewijzing_zorg_starten(toewijzing=toewijzing, begindatum=begindatum)
                self.bericht_koppelen(toewijzing)

    def _stop(self) -> None:
        uit_te_voeren = []
        for product in _kinderen(self.client, "StopProduct"):
            toewijzing = self._toewijzing(product)
            if toewijzing is None:
                continue
            nummer = toewijzing.nummer
            begindatum = _datum(_tekst(product, "Begindatum"))
            einddatum = _datum(_tekst(product, "Einddatum"))
            reden = _tekst(product, "RedenBeeindiging")
            status = _tekst(product, "StatusAanlevering")
            if status == VERWIJDEREN:
                self._niet(
                    f"Toewijzing {nummer}: het verwijderen van een eerder stopbericht wordt nog niet"
                    " automatisch verwerkt; verwerk het met de aanbieder.",
                    retourbericht.TECHNISCH_AFGEKEURD,
                    product,
                )
                continue
            if toewijzing.gestart_op is None or toewijzing.gestart_op != begindatum:
                self._niet(
                    f"Toewijzing {nummer}: er is geen start van de zorg op {begindatum:%d-%m-%Y} ontvangen.",
                    "9069",
                    product,
                )
                continue
            if (
                toewijzing.gestopt_op
                and toewijzing.reden_beeindiging != RedenBeeindiging.LEVERING_IS_TIJDELIJK_BEEINDIGD
                and status == EERSTE
            ):
                self._niet(f"Toewijzing {nummer}: de zorg is al definitief gestopt.", "9415", product)
                continue
            if einddatum < begindatum:
                self._niet(f"Toewijzing {nummer}: de einddatum ligt voor de begindatum.", "9069", product)
                continue
            uit_te_voeren.append((toewijzing, einddatum, reden))
        if not self.redenen:
            for toewijzing, einddatum, reden in uit_te_voeren:
                toewijzing_zorg_stoppen(toewijzing=toewijzing, einddatum=einddatum, reden=reden)
                self.bericht_koppelen(toewijzing)

    def bericht_koppelen(self, toewijzing: Toewijzing) -> None:
        self.bericht.toewijzingen.add(toewijzing)

    # -- WMO315 / WMO317 ----------------------------------------------------------------------

    def _dossier(self, element):
        """The melding a verzoek belongs to: of the toewijzing it names, else the inwoner's latest."""
        from meldingen.models import Melding

        if self.inwoner is None:
            self._niet(
                f"De cliënt met BSN eindigend op {self.bsn[-4:]} is bij ons niet bekend.",
                retourbericht.TECHNISCH_AFGEKEURD,
                element,
            )
            return None
        melding = (
            Melding.objects.filter(inwoner=self.inwoner, gemeente=self.bericht.gemeente)
            .order_by("-ontvangen_op", "-id")
            .first()
        )
        if melding is None:
            self._niet(
                "Deze cliënt heeft bij deze gemeente geen melding; er is geen consulent om het verzoek aan te geven.",
                retourbericht.TECHNISCH_AFGEKEURD,
                element,
            )
        return melding

    def _verzoek_controles(self, element, referentie: str) -> bool:
        b = self.bericht
        goed = True
        if Verzoek.objects.filter(aanbieder=b.aanbieder, referentie=referentie).exists():
            self._niet(f"Referentie {referentie} is al eerder gebruikt door deze aanbieder.", "9347", element)
            goed = False
        if (
            self.inwoner
            and Verzoek.objects.filter(
                aanbieder=b.aanbieder, inwoner=self.inwoner, status=VerzoekStatus.OPEN
            ).exists()
        ):
            self._niet(
                "Er is voor deze cliënt al een verzoek van deze aanbieder in behandeling.", "9374", element
            )
            goed = False
        return goed

    def _verzoek_om_toewijzing(self) -> None:
        melding = self._dossier(self.client)
        nieuw = []
        gezien = set()
        for product in _kinderen(self.client, "AangevraagdProduct"):
            referentie = _tekst(product, "ReferentieAanbieder")
            if referentie in gezien:
                self._niet(f"Referentie {referentie} staat twee keer in het bericht.", "9347", product)
                continue
            gezien.add(referentie)
            if not self._verzoek_controles(product, referentie):
                continue
            nieuw.append(
                {
                    "referentie": referentie,
                    "inhoud": {
                        "productcategorie": _tekst(product, "Product/Categorie"),
                        "productcode": _tekst(product, "Product/Code"),
                        "ingangsdatum": _tekst(product, "ToewijzingIngangsdatum"),
                        "einddatum": _tekst(product, "ToewijzingEinddatum"),
                        "volume": _tekst(product, "Omvang/Volume"),
                        "eenheid": _tekst(product, "Omvang/Eenheid"),
                        "frequentie": _tekst(product, "Omvang/Frequentie"),
                        "budget": _tekst(product, "Budget"),
                        "beschikkingnummer": _tekst(product, "BeschikkingNummer"),
                        "commentaar": _tekst(product, "Commentaar") or _tekst(self.client, "Commentaar"),
                    },
                }
            )
        if not self.redenen and melding is not None:
            self._verzoeken_maken(VerzoekSoort.TOEWIJZING, melding, nieuw)

    def _verzoek_om_wijziging(self) -> None:
        b = self.bericht
        verzoek = _kinderen(self.client, "Verzoek")[0]
        referentie = _tekst(verzoek, "ReferentieAanbieder")
        melding = self._dossier(verzoek)
        self._verzoek_controles(verzoek, referentie)
        genoemd = []
        for naam, code in (("OngewijzigdProduct", "9350"), ("TeWijzigenProduct", "9351")):
            for product in _kinderen(verzoek, naam):
                nummer = _tekst(product, "ToewijzingNummer")
                t = (
                    Toewijzing.objects.filter(
                        gemeente=b.gemeente, nummer=int(nummer), aanbieder=b.aanbieder, inwoner=self.inwoner
                    ).first()
                    if self.inwoner
                    else None
                )
                if t is None:
                    self._niet(
                        f"Toewijzing {nummer} is geen toewijzing van deze cliënt bij deze aanbieder.",
                        code,
                        product,
                    )
                    continue
                genoemd.append(
                    {
                        "toewijzing": t.nummer,
                        "soort": "ongewijzigd" if naam == "OngewijzigdProduct" else "wijzigen",
                        "ingangsdatum": _tekst(product, "GewensteIngangsdatum"),
                        "einddatum": _tekst(product, "Einddatum"),
                        "volume": _tekst(product, "Omvang/Volume"),
                        "eenheid": _tekst(product, "Omvang/Eenheid"),
                        "frequentie": _tekst(product, "Omvang/Frequentie"),
                    }
                )
        for product in _kinderen(verzoek, "NieuwProduct"):
            genoemd.append(
                {
                    "soort": "nieuw",
                    "productcategorie": _tekst(product, "Product/Categorie"),
                    "productcode": _tekst(product, "Product/Code"),
                    "ingangsdatum": _tekst(product, "GewensteIngangsdatum"),
                    "einddatum": _tekst(product, "Einddatum"),
                    "volume": _tekst(product, "Omvang/Volume"),
                    "eenheid": _tekst(product, "Omvang/Eenheid"),
                    "frequentie": _tekst(product, "Omvang/Frequentie"),
                }
            )
        if not self.redenen and melding is not None:
            inhoud = {"reden_verzoek": _tekst(verzoek, "RedenVerzoek"), "producten": genoemd}
            self._verzoeken_maken(
                VerzoekSoort.WIJZIGING, melding, [{"referentie": referentie, "inhoud": inhoud}]
            )

    def _verzoeken_maken(self, soort: str, melding, nieuw: list[dict]) -> None:
        b = self.bericht
        b.melding = melding
        for n in nieuw:
            verzoek = Verzoek(
                soort=soort,
                bericht=b,
                aanbieder=b.aanbieder,
                gemeente=b.gemeente,
                inwoner=self.inwoner,
                melding=melding,
                referentie=n["referentie"],
                inhoud=n["inhoud"],
            )
            verzoek.full_clean(exclude=["bericht"])
            verzoek._change_reason = f"{verzoek.get_soort_display()} ontvangen van {b.aanbieder.naam}"
            verzoek.save()

    # -- the answer ---------------------------------------------------------------------------

    def _retour(self) -> None:
        b = self.bericht
        if self.alleen_header and not self._header_bruikbaar():
            return
        retour_verzenden(
            heen=b,
            document=self.document,
            beoordeling=self.beoordeling,
            alleen_header=self.alleen_header,
        )


def _melding_id(toewijzing: Toewijzing) -> int | None:
    return (
        Toewijzing.objects.filter(pk=toewijzing.pk)
        .values_list("regel__beschikking__aanvraag__melding_id", flat=True)
        .first()
    )


def retour_verzenden(*, heen: Bericht, document, beoordeling, alleen_header: bool = False) -> Bericht:
    """Build the retour of `heen`, keep it as an outgoing Bericht and hand it to the transport."""
    soort = retourbericht.RETOUR_VAN[heen.soort]
    vandaag = timezone.localdate()
    uit = Bericht.objects.create(
        richting=Richting.UIT,
        soort=soort,
        berichtcode=Berichtcode[soort].value,
        afzender=(heen.gemeente.cbs_code if heen.gemeente else heen.ontvanger)[:8],
        ontvanger=heen.afzender,
        dagtekening=vandaag,
        status=BerichtStatus.KLAARGEZET,
        retour_van=heen,
        gemeente=heen.gemeente,
        aanbieder=heen.aanbieder,
        inwoner=heen.inwoner,
        melding=heen.melding,
    )
    uit.identificatie = f"{soort[3:]}-{uit.pk}"[:12]
    uit.xml = retourbericht.bouw_retour(
        document,
        soort=heen.soort,
        beoordeling=beoordeling,
        identificatie=uit.identificatie,
        dagtekening=vandaag,
        alleen_header=alleen_header,
    )
    uit.bestandsnaam = f"{soort}_{uit.identificatie}.xml"
    standaard_transport().verstuur(uit)
    uit.status = BerichtStatus.VERZONDEN
    uit.verzonden_op = timezone.now()
    uit.save()
    return uit


__all__ = [
    "BASIS_NAMESPACE",
    "Verslag",
    "bericht_ontvangen",
    "bericht_opnieuw_verwerken",
    "bericht_verwerken",
    "bericht_verwerken_taak",
    "retour_verzenden",
    "verwerk_inbox",
]
