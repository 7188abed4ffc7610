"""The client of the BRP API Personen (Haal Centraal BRP bevragen, version 2): one endpoint.

``POST {basis_url}/personen`` with a JSON body whose ``type`` chooses the question
(specificatie/openapi.yaml of github.com/BRP-API/Haal-Centraal-BRP-bevragen, ``PersonenQuery``):

- ``RaadpleegMetBurgerservicenummer``: the person with this BSN (a ``Persoon``);
- ``ZoekMetPostcodeEnHuisnummer`` (optionally with ``geboortedatum``) and
  ``ZoekMetGeslachtsnaamEnGeboortedatum``: the people found (a ``PersoonBeperkt`` each).

``fields`` is required and is kept to what Keukentafel stores (AVG art. 5 lid 1 onder c, data
minimisation; the BRP's "Experiment dataminimalisatie"): name, birth, sex, address, death,
gemeente van inschrijving and the curatele indication, and ``gezag`` only for a stored inwoner who
is a minor today (``raadpleeg_velden``). Fields the API always adds
(``opschortingBijhouding``, ``geheimhoudingPersoonsgegevens``, ``inOnderzoek``) may not be asked
for; ``opschortingBijhouding`` with reden "O" also says a person died.

Every failure (time-out, no connection, TLS, 4xx with ``application/problem+json``, 5xx, an
answer that is not the JSON the specification promises) becomes one ``BrpFout``; so does a request
asked for while a database transaction is open, which is never sent (``_post``) with a Dutch
message at B1 level for the loket, and the technical reason for the log. No redirects are
followed (the key would go along to another host). The request goes through ``wmo.http`` (the
standard library's ``urllib``), with an ``ssl`` context that carries the client certificate when
the koppeling uses one.
"""

import json
import ssl
from dataclasses import dataclass, field
from datetime import date

from wmo import http
from wmo.persoonsgegevens import transactie_open
from wmo.regels.vertegenwoordiging import minderjarig

from .constants import Authenticatie, GezagSoort

RAADPLEGEN = "RaadpleegMetBurgerservicenummer"
ZOEK_POSTCODE = "ZoekMetPostcodeEnHuisnummer"
ZOEK_NAAM = "ZoekMetGeslachtsnaamEnGeboortedatum"

# What a search shows, to pick the right person (PersoonBeperkt offers no more than this).
ZOEK_VELDEN = [
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    "adressering.adresregel1",
    "adressering.adresregel2",
]
# What the inwoner form and the signals need of one person (Persoon).
RAADPLEEG_VELDEN = [
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "naam.aanduidingNaamgebruik",
    "partners.naam.voorvoegsel",
    "partners.naam.geslachtsnaam",
    "geboorte.datum",
    "geslacht",
    "verblijfplaats.verblijfadres",
    "verblijfplaats.datumVan",
    "overlijden.datum",
    "gemeenteVanInschrijving",
    "indicatieCurateleRegister",
]
# Gezag (BRP API Personen 2.2 and later). Asking any gezag path gives the whole gezagsrelatie
# (features/bevragen/persoon/gezag/fields.feature), so the honest question is "gezag".
GEZAG_VELD = "gezag"


def raadpleeg_velden(geboortedatum: date | None, op: date) -> list[str]:
    """The fields to ask about a stored inwoner: ``gezag`` only when the inwoner is a minor on ``op``.

    Data minimisation (AVG art. 5 lid 1 onder c): who has gezag matters only for a minor (gezag
    ends at 18, BW art. 1:233 and 1:245 lid 1; wmo.regels.vertegenwoordiging), so for an adult it
    is not asked, and not for a search at the loket (a stored inwoner's birth date decides)."""
    if minderjarig(geboortedatum, op):
        return [*RAADPLEEG_VELDEN, GEZAG_VELD]
    return list(RAADPLEEG_VELDEN)


# A BSN for "Verbinding testen": a person of the RvIG test set (proefomgeving); a production BRP
# answers 200 with no one, which proves the connection and the authorisation just as well.
TEST_BSN = "999993653"
MAX_ANTWOORD = 2 * 1024 * 1024  # bytes: more than 20 persons ever need

# BRP (Waardetabel) codes to Keukentafel's iWmo codes: geslacht (COD046), naamgebruik (COD700).
GESLACHT = {"M": "1", "V": "2", "O": "0"}
NAAMGEBRUIK = {"E": "1", "P": "2", "V": "3", "N": "4"}

BIJ_HAND = "U kunt de gegevens zelf invullen."


class BrpFout(Exception):
    """Any failure of a BRP request: ``melding`` for the loket (Dutch, B1), ``technisch`` for the log."""

    def __init__(self, melding: str, *, technisch: str = "", soort: str = "fout"):
        super().__init__(melding)
        self.melding = melding
        self.technisch = technisch[:500]
        self.soort = soort  # short, for the access log: time-out, verbinding, geweigerd, ...


@dataclass(frozen=True)
class Verbinding:
    basis_url: str
    authenticatie: str
    header_naam: str
    geheim: str | None
    timeout: float


@dataclass(frozen=True)
class Gezag:
    """Who has gezag over this minor according to the BRP: the kind and the names (volledigeNaam).
    No BSN: Keukentafel needs the name to offer it to the loket, nothing more."""

    soort: str  # a GezagSoort value
    gezaghebbenden: tuple[str, ...] = ()


@dataclass
class BrpPersoon:
    """One person as the BRP gave it, in Keukentafel's terms."""

    bsn: str
    voornamen: str = ""
    tussenvoegsel: str = ""
    achternaam: str = ""
    geboortedatum: date | None = None
    geslacht: str = ""
    naamgebruik: str = ""
    partner_tussenvoegsel: str = ""
    partner_achternaam: str = ""
    straat: str = ""
    huisnummer: int | None = None
    huisnummer_toevoeging: str = ""
    postcode: str = ""
    woonplaats: str = ""
    adres_sinds: date | None = None
    buitenland: bool = False
    adresregels: list[str] = field(default_factory=list)
    overleden: bool = False
    overleden_op: date | None = None
    gemeente_code: str = ""
    gemeente_naam: str = ""
    curatele: bool | None = None
    gezag: "Gezag | None" = None  # None: not asked (an adult, or a search)

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def bsn_laatste_cijfers(self) -> str:
        return self.bsn[-3:]

    def inwoner_velden(self) -> dict:
        """The Inwoner fields the BRP fills (only those it gave: the rest stays as it is)."""
        velden = {
            "bsn": self.bsn,
            "voornamen": self.voornamen,
            "tussenvoegsel": self.tussenvoegsel,
            "achternaam": self.achternaam,
            "geboortedatum": self.geboortedatum,
            "geslacht": self.geslacht,
        }
        if self.naamgebruik:
            velden["naamgebruik"] = self.naamgebruik
            velden["partner_tussenvoegsel"] = self.partner_tussenvoegsel if self.naamgebruik != "1" else ""
            velden["partner_achternaam"] = self.partner_achternaam if self.naamgebruik != "1" else ""
        if self.straat and self.huisnummer and self.postcode:
            velden |= {
                "straat": self.straat,
                "huisnummer": self.huisnummer,
                "huisnummer_toevoeging": self.huisnummer_toevoeging,
                "postcode": self.postcode,
                "woonplaats": self.woonplaats,
            }
        return {k: v for k, v in velden.items() if v not in ("", None)}


def _post(verbinding: Verbinding, body: dict) -> dict:
    """POST the query, return the parsed JSON body; every failure becomes a BrpFout."""
    # The one place of the rule: no BRP request while a database transaction is open. Its locks
    # and connection would wait for the BRP (up to the timeout); services fetch first
    # (wmo.persoonsgegevens.vooraf_ophalen) and a path that does not is told, never made to wait.
    if transactie_open():
        raise BrpFout(
            "De BRP is nu niet gevraagd. De gegevens die er staan zijn gebruikt. "
            "Meld dit bij de functioneel beheerder.",
            technisch="BRP-verzoek niet verstuurd: er is een databasetransactie open",
            soort="transactie",
        )
    url = verbinding.basis_url.rstrip("/") + "/personen"
    headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
    context = ssl.create_default_context()
    if not verbinding.geheim:
        raise BrpFout(
            "De BRP-koppeling is niet compleet: het geheim staat niet op de server. "
            f"Vraag de functioneel beheerder om dit te regelen. {BIJ_HAND}",
            technisch="geheim niet gevonden in de omgeving",
            soort="instelling",
        )
    if verbinding.authenticatie == Authenticatie.CERTIFICAAT:
        try:
            context.load_cert_chain(verbinding.geheim)
        except (OSError, ssl.SSLError, ValueError) as e:
            raise BrpFout(
                "Het certificaat voor de BRP kan niet worden gelezen. "
                f"Vraag de functioneel beheerder om dit te controleren. {BIJ_HAND}",
                technisch=f"certificaat: {e}",
                soort="instelling",
            ) from None
    else:
        headers[verbinding.header_naam] = verbinding.geheim
    try:
        antwoord = http.verzoek(
            "POST",
            url,
            data=json.dumps(body).encode("utf-8"),
            headers=headers,
            timeout=verbinding.timeout,
            context=context,
            max_bytes=MAX_ANTWOORD,
        )
    except http.HttpFout as e:
        raise _fout(verbinding, e) from None
    if antwoord.status != 200:
        raise _onleesbaar(f"status {antwoord.status}, {len(antwoord.inhoud)} bytes")
    try:
        data = json.loads(antwoord.inhoud.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise _onleesbaar(f"geen JSON: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("personen", []), list):
        raise _onleesbaar("geen object met een lijst personen")
    return data


def _onleesbaar(technisch: str) -> BrpFout:
    return BrpFout(
        f"De BRP gaf een antwoord dat Keukentafel niet kan lezen. Probeer het later nog eens. {BIJ_HAND}",
        technisch=f"antwoord: {technisch}",
        soort="antwoord",
    )


def _fout(verbinding: Verbinding, e: http.HttpFout) -> BrpFout:
    """The loket's message for each kind of failure (wmo.http)."""
    if e.soort == "time-out":
        return BrpFout(
            f"De BRP geeft geen antwoord binnen {verbinding.timeout:g} seconden. Probeer het later nog eens. "
            f"{BIJ_HAND}",
            technisch=e.technisch,
            soort="time-out",
        )
    if e.soort == "tls":
        return BrpFout(
            "De beveiligde verbinding met de BRP lukt niet. "
            f"Vraag de functioneel beheerder om de instellingen te controleren. {BIJ_HAND}",
            technisch=e.technisch,
            soort="tls",
        )
    if e.soort == "verbinding":
        return BrpFout(
            f"Keukentafel kan de BRP nu niet bereiken. Probeer het later nog eens. {BIJ_HAND}",
            technisch=e.technisch,
            soort="verbinding",
        )
    if e.soort == "te groot":
        return _onleesbaar(e.technisch)
    if e.soort == "doorverwijzing":
        return BrpFout(
            f"Het adres van de BRP klopt niet. Vraag de functioneel beheerder om dit te controleren. {BIJ_HAND}",
            technisch=e.technisch,
            soort="instelling",
        )
    technisch = "; ".join([f"HTTP {e.status}", *http.probleem_delen(e.inhoud)])
    if e.status == 400:
        return BrpFout(
            "De BRP kan met deze gegevens niet zoeken. Kijk of alles goed is ingevuld.",
            technisch=technisch,
            soort="vraag",
        )
    if e.status in (401, 403):
        return BrpFout(
            "Keukentafel mag deze gegevens niet opvragen bij de BRP. Vraag de functioneel beheerder om de "
            f"sleutel of het certificaat en de autorisatie te controleren. {BIJ_HAND}",
            technisch=technisch,
            soort="geweigerd",
        )
    if e.status == 429:
        return BrpFout(
            f"De BRP krijgt nu te veel vragen. Probeer het over een minuut nog eens. {BIJ_HAND}",
            technisch=technisch,
            soort="te druk",
        )
    return BrpFout(
        f"De BRP heeft nu een storing. Probeer het later nog eens. {BIJ_HAND}",
        technisch=technisch,
        soort="storing",
    )


# --- Reading the answer ------------------------------------------------------------------------


def _dict(waarde) -> dict:
    return waarde if isinstance(waarde, dict) else {}


def _tekst(waarde, lengte: int = 200) -> str:
    return waarde.strip()[:lengte] if isinstance(waarde, str) else ""


def _datum(waarde) -> date | None:
    """A full date (type "Datum") or nothing: a partly unknown date is not a date here."""
    waarde = _dict(waarde)
    if waarde.get("type") != "Datum":
        return None
    try:
        return date.fromisoformat(str(waarde.get("datum", "")))
    except ValueError:
        return None


def persoon(data: dict, *, volledig: bool = False, gezag_gevraagd: bool = False) -> BrpPersoon | None:
    """One entry of ``personen`` in Keukentafel's terms (None without a valid BSN)."""
    data = _dict(data)
    bsn = _tekst(data.get("burgerservicenummer"), 9)
    if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
        return None
    naam = _dict(data.get("naam"))
    p = BrpPersoon(
        bsn=bsn,
        voornamen=_tekst(naam.get("voornamen")),
        tussenvoegsel=_tekst(naam.get("voorvoegsel"), 20),
        achternaam=_tekst(naam.get("geslachtsnaam")),
        geboortedatum=_datum(_dict(data.get("geboorte")).get("datum")),
        geslacht=GESLACHT.get(_dict(data.get("geslacht")).get("code"), ""),
        naamgebruik=NAAMGEBRUIK.get(_dict(naam.get("aanduidingNaamgebruik")).get("code"), ""),
    )
    partners = data.get("partners")
    if isinstance(partners, list) and partners:
        partnernaam = _dict(_dict(partners[0]).get("naam"))
        p.partner_tussenvoegsel = _tekst(partnernaam.get("voorvoegsel"), 10)
        p.partner_achternaam = _tekst(partnernaam.get("geslachtsnaam"))
    verblijf = _dict(data.get("verblijfplaats"))
    if verblijf.get("type") == "Adres" or ("type" not in verblijf and "verblijfadres" in verblijf):
        adres = _dict(verblijf.get("verblijfadres"))
        p.straat = _tekst(adres.get("officieleStraatnaam")) or _tekst(adres.get("korteStraatnaam"))
        nummer = adres.get("huisnummer")
        p.huisnummer = nummer if isinstance(nummer, int) and 0 < nummer < 100000 else None
        p.huisnummer_toevoeging = (
            _tekst(adres.get("huisletter"), 1) + _tekst(adres.get("huisnummertoevoeging"), 4)
        )[:10]
        p.postcode = _tekst(adres.get("postcode"), 7).replace(" ", "").upper()
        p.woonplaats = _tekst(adres.get("woonplaats"), 100)
        p.adres_sinds = _datum(verblijf.get("datumVan"))
    elif verblijf.get("type") == "VerblijfplaatsBuitenland":
        p.buitenland = True
    adressering = _dict(data.get("adressering"))
    p.adresregels = [r for r in (_tekst(adressering.get(k), 50) for k in ("adresregel1", "adresregel2")) if r]
    overlijden = _dict(data.get("overlijden"))
    opschorting = _dict(_dict(data.get("opschortingBijhouding")).get("reden"))
    p.overleden_op = _datum(overlijden.get("datum"))
    p.overleden = bool(overlijden) or opschorting.get("code") == "O"
    gemeente = _dict(data.get("gemeenteVanInschrijving"))
    p.gemeente_code = _tekst(gemeente.get("code"), 4)
    p.gemeente_naam = _tekst(gemeente.get("omschrijving"), 100)
    # The API leaves out a value it does not have: in an answer that asked for it, no
    # indicatieCurateleRegister means "not under curatele"; a search does not ask (None).
    curatele = data.get("indicatieCurateleRegister")
    if volledig:
        p.curatele = curatele is True
    if volledig and gezag_gevraagd:
        p.gezag = _gezag(data.get("gezag"), bsn)
    return p


# Gezagsrelatie.type to GezagSoort; "TweehoofdigOuderlijkGezag" is the name before version 2.2
# (gezagsrelatie-v1.yaml) of what is now GezamenlijkOuderlijkGezag.
GEZAG_TYPES = {s.value: s for s in GezagSoort if s != GezagSoort.ONBEKEND} | {
    "TweehoofdigOuderlijkGezag": GezagSoort.GEZAMENLIJK_OUDERLIJK
}


def _gezagnaam(waarde) -> str:
    return _tekst(_dict(_dict(waarde).get("naam")).get("volledigeNaam"), 200)


def _gezag(relaties, bsn: str) -> Gezag:
    """The gezagsrelatie about this person as the minor (``gezag`` also lists the gezag a person has
    over their own children; those are not about them). None about them: ONBEKEND."""
    relaties = relaties if isinstance(relaties, list) else []
    over = [
        r
        for r in map(_dict, relaties[:20])
        if _dict(r.get("minderjarige")).get("burgerservicenummer") == bsn and r.get("type") in GEZAG_TYPES
    ]
    if not over:
        return Gezag(soort=GezagSoort.ONBEKEND)
    relatie = over[0]
    soort = GEZAG_TYPES[relatie["type"]]
    if soort == GezagSoort.GEZAMENLIJK_OUDERLIJK:
        ouders = relatie.get("ouders") if isinstance(relatie.get("ouders"), list) else []
        namen = [_gezagnaam(o) for o in ouders[:2]]
    elif soort == GezagSoort.EENHOOFDIG_OUDERLIJK:
        namen = [_gezagnaam(relatie.get("ouder"))]
    elif soort == GezagSoort.GEZAMENLIJK:
        derde = _dict(relatie.get("derde"))
        namen = [_gezagnaam(relatie.get("ouder"))]
        namen.append(_gezagnaam(derde) if derde.get("type") == "BekendeDerde" else "")
        if derde.get("type") == "OnbekendeDerde" or not namen[-1]:
            namen[-1] = "een ander (naam niet bekend in de BRP)"
    elif soort == GezagSoort.VOOGDIJ:
        derden = relatie.get("derden") if isinstance(relatie.get("derden"), list) else []
        namen = [_gezagnaam(d) for d in derden[:2]] or ["een voogd (naam niet bekend in de BRP)"]
    else:  # TijdelijkGeenGezag, GezagNietTeBepalen: nobody to name
        namen = []
    return Gezag(soort=soort, gezaghebbenden=tuple(n for n in namen if n))


def _personen(data: dict, *, volledig: bool = False, gezag_gevraagd: bool = False) -> list[BrpPersoon]:
    return [
        p
        for p in (
            persoon(d, volledig=volledig, gezag_gevraagd=gezag_gevraagd)
            for d in data.get("personen", [])[:50]
        )
        if p is not None
    ]


# --- The questions -----------------------------------------------------------------------------


def raadplegen(verbinding: Verbinding, bsn: str, *, velden: list[str] | None = None) -> BrpPersoon | None:
    """RaadpleegMetBurgerservicenummer: the person, or None when the BRP does not know the BSN."""
    velden = velden or RAADPLEEG_VELDEN
    data = _post(verbinding, {"type": RAADPLEGEN, "burgerservicenummer": [bsn], "fields": velden})
    gevonden = [
        p for p in _personen(data, volledig=True, gezag_gevraagd=GEZAG_VELD in velden) if p.bsn == bsn
    ]
    return gevonden[0] if gevonden else None


def zoeken_op_adres(
    verbinding: Verbinding, *, postcode: str, huisnummer: int, geboortedatum: date | None = None
) -> list[BrpPersoon]:
    """ZoekMetPostcodeEnHuisnummer (+ geboortedatum): everyone living at the address."""
    body = {"type": ZOEK_POSTCODE, "postcode": postcode, "huisnummer": huisnummer, "fields": ZOEK_VELDEN}
    if geboortedatum:
        body["geboortedatum"] = geboortedatum.isoformat()
    return _personen(_post(verbinding, body))


def zoeken_op_naam(verbinding: Verbinding, *, geslachtsnaam: str, geboortedatum: date) -> list[BrpPersoon]:
    """ZoekMetGeslachtsnaamEnGeboortedatum."""
    body = {
        "type": ZOEK_NAAM,
        "geslachtsnaam": geslachtsnaam,
        "geboortedatum": geboortedatum.isoformat(),
        "fields": ZOEK_VELDEN,
    }
    return _personen(_post(verbinding, body))


def verbinding_testen(verbinding: Verbinding) -> None:
    """One harmless question (only the BSN of a test person): raises BrpFout when it fails."""
    _post(
        verbinding, {"type": RAADPLEGEN, "burgerservicenummer": [TEST_BSN], "fields": ["burgerservicenummer"]}
    )
