"""Every write and every BRP request of this app: the koppeling in beheer, the loket's lookups,
and the refresh of an inwoner's data with the signals it yields.

The process in plain words. The functioneel beheerder connects a gemeente to the BRP (address,
how Keukentafel signs in, the name of the environment variable with the secret, a bounded
wait). At the loket a medewerker searches the BRP by BSN, by postcode and huisnummer (and
birth date), or by surname and birth date; choosing a person fills the inwoner form, which the
medewerker checks and saves. Whenever the data are used (a melding registered, a letter or an
iWmo 301 made) Keukentafel asks the BRP again and updates the inwoner (Wet BRP art. 1.7: the
gemeente uses the authentic data), records what changed ("verhuisd sinds de vorige melding")
and stores two signals for the consulent: overleden, and verhuisd buiten de gemeente. The BRP is
asked before the service opens its transaction (``inwoner_opvragen``, through
wmo.persoonsgegevens) and the answer applied inside it (``inwoner_bijwerken_uit_brp``), so no
transaction, row lock or connection waits for the BRP.
Curatele is shown to the loket, never written into the vertegenwoordiger by itself (the BRP
knows that a curator exists, not who it is; wmo.regels.vertegenwoordiging decides the letters).
For a minor the BRP's ``gezag`` (who has gezag: ouders, ouder en derde, voogd) is asked and
offered the same way: "wie krijgt de brieven", filled in only by the loket.

Every request leaves a row in the access log, success or failure (a BRP lookup is an inzage
too: NEN 7513:2018, BIO 12.4.1). When the BRP fails the loket gets a Dutch message and types the
data itself; a refresh that fails never stops the melding, letter or message.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from beheer.instellingen import is_uitvoeringsbeheerder
from meldingen.models import Inwoner
from wmo.constants import InzageActie
from wmo.geheimen import geheim
from wmo.models import Gemeente, Medewerker
from wmo.services import inzage_vastleggen, inzages_vastleggen, save_with_history

from . import client
from .client import BrpFout, BrpPersoon
from .models import BrpKoppeling, InwonerBrp

logger = logging.getLogger(__name__)


# --- The koppeling (beheer) --------------------------------------------------------------------


def actieve_koppeling(gemeente_id: int | None) -> BrpKoppeling | None:
    if gemeente_id is None:
        return None
    return BrpKoppeling.objects.filter(gemeente_id=gemeente_id, actief=True).first()


def _mag_beheren(door: Medewerker, gemeente: Gemeente) -> None:
    if not is_uitvoeringsbeheerder(door) or not door.organisatie.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError("U beheert deze gemeente niet.", code="geen_beheerder")


@transaction.atomic
def brp_koppeling_opslaan(
    *,
    door: Medewerker,
    gemeente: Gemeente,
    actief: bool,
    basis_url: str,
    authenticatie: str,
    header_naam: str,
    geheim_naam: str,
    timeout_seconden: int,
) -> BrpKoppeling:
    """Create or change the gemeente's BRP koppeling (history records who and what, never a secret)."""
    _mag_beheren(door, gemeente)
    koppeling = BrpKoppeling.objects.select_for_update().filter(gemeente=gemeente).first()
    koppeling = koppeling or BrpKoppeling(gemeente=gemeente)
    koppeling.actief = actief
    koppeling.basis_url = basis_url.strip()
    koppeling.authenticatie = authenticatie
    koppeling.header_naam = header_naam.strip()
    koppeling.geheim_naam = geheim_naam.strip()
    koppeling.timeout_seconden = timeout_seconden
    save_with_history(koppeling, door=door, reden="BRP-koppeling opgeslagen")
    return koppeling


def _verbinding(koppeling: BrpKoppeling) -> client.Verbinding:
    return client.Verbinding(
        basis_url=koppeling.basis_url,
        authenticatie=koppeling.authenticatie,
        header_naam=koppeling.header_naam,
        geheim=geheim(koppeling.geheim_naam),
        timeout=float(koppeling.timeout_seconden),
    )


def _log(*, door, request, wat: str, actie=InzageActie.RAADPLEGEN, inwoner=None, inwoner_ids=None) -> None:
    """The access-log trace of one BRP request: one row, or one per known inwoner it showed."""
    wat = f"BRP: {wat}"[:200]
    if inwoner_ids:
        inzages_vastleggen(
            medewerker=door, inwoner_ids=inwoner_ids, wat=wat, request=request, actie=actie, object_type="brp"
        )
    else:
        inzage_vastleggen(medewerker=door, inwoner=inwoner, wat=wat, request=request, actie=actie)


def brp_verbinding_testen(
    *, door: Medewerker, gemeente: Gemeente, request: HttpRequest | None = None
) -> None:
    """ "Verbinding testen" in beheer: one question with a test BSN; raises BrpFout when it fails."""
    _mag_beheren(door, gemeente)
    koppeling = BrpKoppeling.objects.filter(gemeente=gemeente).first()
    if koppeling is None:
        raise BrpFout("Sla eerst de instellingen van de koppeling op.", soort="instelling")
    try:
        client.verbinding_testen(_verbinding(koppeling))
    except BrpFout as fout:
        _log(
            door=door, request=request, wat=f"verbinding getest voor {gemeente.naam}, mislukt ({fout.soort})"
        )
        logger.warning("BRP-verbinding %s mislukt: %s", gemeente.naam, fout.technisch)
        raise
    _log(door=door, request=request, wat=f"verbinding getest voor {gemeente.naam}, gelukt")


# --- At the loket ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Zoekvraag:
    """One of the three questions the loket may ask (brp.forms.BrpZoekForm builds it)."""

    wijze: str  # "bsn", "adres" or "naam"
    bsn: str = ""
    postcode: str = ""
    huisnummer: int | None = None
    geboortedatum: date | None = None
    geslachtsnaam: str = ""

    @property
    def omschrijving(self) -> str:
        """How it was searched, never what (the log outlives the dossier, as in meldingen.query.zoekwijze)."""
        return {
            "bsn": "BSN",
            "adres": "postcode en huisnummer" + (" en geboortedatum" if self.geboortedatum else ""),
            "naam": "achternaam en geboortedatum",
        }[self.wijze]


def brp_zoeken(
    *, door: Medewerker, gemeente: Gemeente, vraag: Zoekvraag, request: HttpRequest | None = None
) -> list[BrpPersoon]:
    """The loket's search in the BRP of ``gemeente``; logged with the inwoners Keukentafel knows."""
    koppeling = actieve_koppeling(gemeente.pk)
    if koppeling is None or gemeente.pk not in door.gemeente_ids:
        raise BrpFout("Voor deze gemeente is er geen koppeling met de BRP.", soort="instelling")
    verbinding = _verbinding(koppeling)
    try:
        if vraag.wijze == "bsn":
            gevonden = client.raadplegen(verbinding, vraag.bsn, velden=client.ZOEK_VELDEN)
            personen = [gevonden] if gevonden else []
        elif vraag.wijze == "adres":
            personen = client.zoeken_op_adres(
                verbinding,
                postcode=vraag.postcode,
                huisnummer=vraag.huisnummer,
                geboortedatum=vraag.geboortedatum,
            )
        else:
            personen = client.zoeken_op_naam(
                verbinding, geslachtsnaam=vraag.geslachtsnaam, geboortedatum=vraag.geboortedatum
            )
    except BrpFout as fout:
        _log(
            door=door,
            request=request,
            wat=f"gezocht op {vraag.omschrijving}, mislukt ({fout.soort})",
            actie=InzageActie.ZOEKEN,
        )
        logger.warning("BRP-zoekvraag %s mislukt: %s", gemeente.naam, fout.technisch)
        raise
    bekend = list(Inwoner.objects.filter(bsn__in=[p.bsn for p in personen]).values_list("pk", flat=True))
    _log(
        door=door,
        request=request,
        wat=f"gezocht op {vraag.omschrijving}, {len(personen)} gevonden",
        actie=InzageActie.ZOEKEN,
        inwoner_ids=bekend,
    )
    return personen


def brp_raadplegen(
    *,
    door: Medewerker,
    gemeente: Gemeente,
    bsn: str,
    request: HttpRequest | None = None,
    inwoner=None,
    koppeling: BrpKoppeling | None = None,
    velden: list[str] | None = None,
) -> BrpPersoon | None:
    """The full data of one person (what the inwoner form needs); logged, success or failure.
    ``velden``: the fields to ask (client.RAADPLEEG_VELDEN without)."""
    koppeling = koppeling or actieve_koppeling(gemeente.pk)
    if koppeling is None:
        raise BrpFout("Voor deze gemeente is er geen koppeling met de BRP.", soort="instelling")
    try:
        gevonden = client.raadplegen(_verbinding(koppeling), bsn, velden=velden)
    except BrpFout as fout:
        _log(door=door, request=request, wat=f"persoon opgevraagd, mislukt ({fout.soort})", inwoner=inwoner)
        logger.warning("BRP-raadpleging %s mislukt: %s", gemeente.naam, fout.technisch)
        raise
    _log(
        door=door,
        request=request,
        wat="persoon opgevraagd" if gevonden else "persoon opgevraagd, niet gevonden",
        inwoner=inwoner,
    )
    return gevonden


# --- Refreshing a stored inwoner -----------------------------------------------------------------

# The fields the BRP is the source of, with how a difference is said to the medewerker.
BRP_VELDEN = {
    "voornamen": "voornamen",
    "tussenvoegsel": "tussenvoegsel",
    "achternaam": "achternaam",
    "geboortedatum": "geboortedatum",
    "geslacht": "geslacht",
    "naamgebruik": "naamgebruik",
    "partner_tussenvoegsel": "tussenvoegsel partner",
    "partner_achternaam": "achternaam partner",
}
ADRES_VELDEN = ("straat", "huisnummer", "huisnummer_toevoeging", "postcode", "woonplaats")


def _adres(waarden: dict) -> str:
    postcode = str(waarden.get("postcode") or "")
    postcode = f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode
    regel = f"{waarden.get('straat', '')} {waarden.get('huisnummer', '')}{waarden.get('huisnummer_toevoeging', '')}"
    return f"{regel.strip()}, {postcode} {waarden.get('woonplaats', '')}".strip(" ,")


def _weergave(waarde) -> str:
    if isinstance(waarde, date):
        from django.utils.formats import date_format

        return date_format(waarde, "j F Y")
    return str(waarde)


@dataclass
class Verversing:
    """The outcome of one refresh, for the page that asked (the same is stored on InwonerBrp)."""

    gelukt: bool
    fout: str = ""
    verschillen: list[dict] = field(default_factory=list)
    brp: InwonerBrp | None = None
    toegepast: dict = field(default_factory=dict)  # the inwoner's fields as they are after the refresh

    def overnemen(self, inwoner: Inwoner) -> None:
        """Give another Python object of the same inwoner the refreshed values (no query)."""
        for veld, waarde in self.toegepast.items():
            setattr(inwoner, veld, waarde)


def _label(veld: str, waarde) -> str:
    """A value as the medewerker knows it: the label of a code (geslacht "2" is "Vrouwelijk")."""
    keuzes = dict(Inwoner._meta.get_field(veld).choices or [])
    return str(keuzes.get(waarde, _weergave(waarde)))


def _verschillen(inwoner: Inwoner, nieuw: dict, *, eerder_gemeld, buitenland: bool) -> list[dict]:
    """What the BRP says differently; ``eerder_gemeld`` (a callable: one query, only for a move)
    says whether the move happened since an earlier melding."""
    verschillen = []
    for veld, label in BRP_VELDEN.items():
        if veld in nieuw and nieuw[veld] != getattr(inwoner, veld):
            verschillen.append(
                {"veld": label, "was": _label(veld, getattr(inwoner, veld)), "nu": _label(veld, nieuw[veld])}
            )
    oud_adres = {v: getattr(inwoner, v) for v in ADRES_VELDEN}
    nieuw_adres = {v: nieuw.get(v, oud_adres[v]) for v in ADRES_VELDEN}
    if buitenland or oud_adres != nieuw_adres:
        verschillen.append(
            {
                "veld": "adres",
                "was": _adres(oud_adres),
                "nu": "in het buitenland" if buitenland else _adres(nieuw_adres),
                "toelichting": "verhuisd sinds de vorige melding" if eerder_gemeld() else "verhuisd",
            }
        )
    return verschillen


# Failures after which a round of fetches (one service call, several inwoners of one gemeente)
# stops asking: the BRP is down or refuses us, so the next request would only wait as long.
STOPT_DE_RONDE = {"time-out", "verbinding", "tls", "storing", "te druk", "instelling", "geweigerd"}


@dataclass
class Opvraging:
    """What one BRP lookup for a stored inwoner gave: the person, or the loket's message."""

    gevonden: BrpPersoon | None = None
    fout: str = ""
    soort: str = ""


def inwoner_opvragen(
    *, inwoner: Inwoner, door: Medewerker, request: HttpRequest | None = None
) -> Opvraging | None:
    """Step 1 of a refresh: ask the BRP about a stored inwoner (None: the gemeente has no koppeling).

    Only the HTTP request and its access-log row (NEN 7513:2018; the row is written whether the
    lookup worked or not). Run it with no transaction open (wmo.persoonsgegevens: services fetch
    before their transaction); inside one the client refuses to send it (brp.client._post) and
    this returns that as a failure. Never raises a BrpFout.
    """
    koppeling = actieve_koppeling(inwoner.gemeente_id)
    if koppeling is None:
        return None
    try:
        gevonden = brp_raadplegen(
            door=door,
            gemeente=inwoner.gemeente,
            bsn=inwoner.bsn,
            request=request,
            inwoner=inwoner,
            koppeling=koppeling,
            # gezag only for a minor (data minimisation, AVG art. 5 lid 1 onder c)
            velden=client.raadpleeg_velden(inwoner.geboortedatum, timezone.localdate()),
        )
    except BrpFout as fout:
        return Opvraging(fout=fout.melding, soort=fout.soort)
    if gevonden is None:
        return Opvraging(
            fout="De BRP kent dit BSN niet. Controleer het BSN van de inwoner.", soort="onbekend"
        )
    return Opvraging(gevonden=gevonden)


NU_OPVRAGEN = object()


def inwoner_bijwerken_uit_brp(
    *,
    inwoner: Inwoner,
    door: Medewerker,
    aanleiding: str,
    request: HttpRequest | None = None,
    melding_nieuw: bool = False,
    opvraging: Opvraging | None = NU_OPVRAGEN,
) -> Verversing | None:
    """Refresh a stored inwoner from the BRP of its gemeente (None: the gemeente has no koppeling).

    ``opvraging`` is what ``inwoner_opvragen`` fetched before the caller's transaction opened
    (wmo.persoonsgegevens); without it the BRP is asked now, which only works with no transaction
    open. A BRP failure is returned, never raised: the melding, letter or message goes on with the
    stored data.
    """
    if opvraging is NU_OPVRAGEN:
        opvraging = inwoner_opvragen(inwoner=inwoner, door=door, request=request)
    if opvraging is None:
        return None
    if opvraging.gevonden is None:
        return Verversing(gelukt=False, fout=opvraging.fout)
    return _toepassen(
        inwoner=inwoner,
        gevonden=opvraging.gevonden,
        door=door,
        aanleiding=aanleiding,
        melding_nieuw=melding_nieuw,
    )


@transaction.atomic
def _toepassen(
    *, inwoner: Inwoner, gevonden: BrpPersoon, door: Medewerker, aanleiding: str, melding_nieuw: bool
) -> Verversing:
    """Step 2 of a refresh, database only (a few short writes in the caller's transaction).

    The name, birth date, sex and address the BRP gives replace the stored ones (with history,
    reason "Bijgewerkt uit de BRP"); a living abroad or an address Keukentafel cannot hold keeps
    the stored address and says so. The signals overleden and verhuisd buiten de gemeente (the
    BRP's gemeenteVanInschrijving is not the inwoner's gemeente) and the curatele indication are
    stored on InwonerBrp with history, and for a minor what the BRP says about gezag.
    """
    # "Since the previous melding": a melding before this one (the one just registered not counted).
    eerder_gemeld = lambda: inwoner.meldingen.count() > (1 if melding_nieuw else 0)  # noqa: E731
    nieuw = gevonden.inwoner_velden()
    nieuw.pop("bsn", None)
    verschillen = _verschillen(inwoner, nieuw, eerder_gemeld=eerder_gemeld, buitenland=gevonden.buitenland)
    if verschillen:
        oud = {v: getattr(inwoner, v) for v in nieuw}
        for veld, waarde in nieuw.items():
            setattr(inwoner, veld, waarde)
        try:
            with transaction.atomic():
                save_with_history(inwoner, door=door, reden=f"Bijgewerkt uit de BRP ({aanleiding})"[:100])
        except ValidationError as e:
            for veld, waarde in oud.items():  # the stored data stay; the difference is still shown
                setattr(inwoner, veld, waarde)
            logger.warning("BRP-gegevens van inwoner %s niet overgenomen: %s", inwoner.pk, e)
            for v in verschillen:
                v["toelichting"] = (
                    v.get("toelichting", "") + " (niet overgenomen: pas het zelf aan)"
                ).strip()
    gemeente_code = inwoner.gemeente.cbs_code or ""
    brp = InwonerBrp.objects.select_for_update().filter(inwoner=inwoner).first() or InwonerBrp(
        inwoner=inwoner
    )
    brp.bijgewerkt_op = timezone.now()
    brp.aanleiding = aanleiding[:100]
    brp.overleden = gevonden.overleden
    brp.overleden_op = gevonden.overleden_op
    brp.verhuisd_buiten_gemeente = not gevonden.overleden and (
        gevonden.buitenland
        or bool(gevonden.gemeente_code and gemeente_code and gevonden.gemeente_code != gemeente_code.zfill(4))
    )
    brp.gemeente_van_inschrijving = gevonden.gemeente_naam or gevonden.gemeente_code
    brp.curatele = gevonden.curatele
    # Gezag only as asked (a minor); an adult's earlier gezag is not kept.
    brp.gezag_soort = gevonden.gezag.soort if gevonden.gezag else ""
    brp.gezaghebbenden = list(gevonden.gezag.gezaghebbenden) if gevonden.gezag else []
    brp.verschillen = verschillen
    save_with_history(brp, door=door, reden=f"BRP ({aanleiding})"[:100])
    toegepast = {v: getattr(inwoner, v) for v in nieuw}
    return Verversing(gelukt=True, verschillen=verschillen, brp=brp, toegepast=toegepast)
