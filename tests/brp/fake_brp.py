"""A small fake of the BRP API Personen (Haal Centraal BRP bevragen v2) for the tests.

The BRP is outside our control, so the tests start this server of their own: a threaded
``http.server`` on 127.0.0.1 (or HTTPS with a client certificate, ``tls=``) that implements the
one endpoint Keukentafel uses, ``POST /personen``, after the published specification
(specificatie/openapi.yaml of github.com/BRP-API/Haal-Centraal-BRP-bevragen, version 2):

- the body is JSON with ``type`` and ``fields`` (1 to 130 paths, pattern ``^[a-zA-Z0-9\\._]{1,200}$``);
  ``RaadpleegMetBurgerservicenummer`` needs ``burgerservicenummer`` (1 to 20 of 9 digits),
  ``ZoekMetPostcodeEnHuisnummer`` ``postcode`` + ``huisnummer`` (``geboortedatum`` optional),
  ``ZoekMetGeslachtsnaamEnGeboortedatum`` ``geslachtsnaam`` + ``geboortedatum``;
- a wrong request is a 400 ``application/problem+json`` with ``invalidParams``; a missing or
  wrong API key a 401 problem; a search answers ``PersoonBeperkt`` (no verblijfplaats,
  overlijden, curatele), filtered to the ``fields`` asked for; the automatic fields
  (``opschortingBijhouding``) always come along when present;
- ``gezag`` (version 2.2 and later, specificatie/brp-api/gezag/gezagsrelatie-v2.yaml): a list of
  gezagsrelaties with ``type`` (GezamenlijkOuderlijkGezag, EenhoofdigOuderlijkGezag,
  GezamenlijkGezag, Voogdij, TijdelijkGeenGezag, GezagNietTeBepalen), ``minderjarige`` and
  ``ouders`` / ``ouder`` / ``derde`` / ``derden`` with ``naam.volledigeNaam`` or ``toelichting``;
  asking any ``gezag`` path gives the whole of it (features/bevragen/persoon/gezag/fields.feature).

Every request is recorded (path, headers, body) so a test asserts what Keukentafel sends.
``storing`` makes it misbehave: "traag" (answers after 2 s), "500", "429", "kapot" (not JSON),
"doorverwijzen" (302 elsewhere). ``tijdens_verzoek`` (a callable, or None) runs in the server's
thread while a request is in flight, before the answer goes out: a test looks at the database
from there (its own connection) to see what Keukentafel holds while it waits for the BRP.
"""

import json
import re
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VELD = re.compile(r"^[a-zA-Z0-9\._]{1,200}$")
AUTOMATISCH = ("opschortingBijhouding", "geheimhoudingPersoonsgegevens", "inOnderzoek", "rni", "verificatie")
BEPERKT = ("burgerservicenummer", "naam", "geboorte", "geslacht", "adressering", "leeftijd")
API_KEY = "test-sleutel-123"


def persoon(
    bsn="999993653",
    voornamen="Anna Maria",
    voorvoegsel="de",
    geslachtsnaam="Vries",
    geboren="1948-03-14",
    straat="Grote Markt",
    huisnummer=2,
    huisletter="",
    postcode="2011RD",
    woonplaats="Haarlem",
    gemeente=("0392", "Haarlem"),
    overleden=None,
    curatele=False,
    buitenland=False,
    gezag=None,
):
    """A Persoon as the API gives it (only what Keukentafel may ask; the fake filters by fields)."""
    p = {
        "burgerservicenummer": bsn,
        "naam": {
            "voornamen": voornamen,
            "voorvoegsel": voorvoegsel,
            "geslachtsnaam": geslachtsnaam,
            "aanduidingNaamgebruik": {"code": "E", "omschrijving": "eigen geslachtsnaam"},
        },
        "geboorte": {"datum": {"type": "Datum", "datum": geboren, "langFormaat": "14 maart 1948"}},
        "geslacht": {"code": "V", "omschrijving": "vrouw"},
        "gemeenteVanInschrijving": {"code": gemeente[0], "omschrijving": gemeente[1]},
        "adressering": {
            "adresregel1": f"{straat} {huisnummer}{huisletter}",
            "adresregel2": f"{postcode[:4]} {postcode[4:]}  {woonplaats.upper()}",
        },
    }
    if buitenland:
        p["verblijfplaats"] = {"type": "VerblijfplaatsBuitenland", "verblijfadres": {"regel1": "Rue 1"}}
    else:
        p["verblijfplaats"] = {
            "type": "Adres",
            "verblijfadres": {
                "officieleStraatnaam": straat,
                "korteStraatnaam": straat[:24],
                "huisnummer": huisnummer,
                **({"huisletter": huisletter} if huisletter else {}),
                "postcode": postcode,
                "woonplaats": woonplaats,
            },
            "datumVan": {"type": "Datum", "datum": "2025-06-01", "langFormaat": "1 juni 2025"},
        }
    if overleden:
        p["overlijden"] = {"datum": {"type": "Datum", "datum": overleden, "langFormaat": overleden}}
        p["opschortingBijhouding"] = {"reden": {"code": "O", "omschrijving": "overlijden"}}
    if curatele:
        p["indicatieCurateleRegister"] = True
    if gezag is not None:
        p["gezag"] = gezag
    return p


def gezagsrelatie(soort, minderjarige="999993653", **velden):
    """One Gezagsrelatie as the API gives it (gezagsrelatie-v2.yaml): ``ouders=["naam", ...]``,
    ``ouder="naam"``, ``derde="naam"`` (None: an OnbekendeDerde), ``derden=[...]``, ``toelichting``."""

    def naam(n):
        return {"naam": {"volledigeNaam": n}}

    r = {"type": soort, "minderjarige": {"burgerservicenummer": minderjarige}}
    if "ouders" in velden:
        r["ouders"] = [naam(n) for n in velden["ouders"]]
    if "ouder" in velden:
        r["ouder"] = naam(velden["ouder"])
    if "derde" in velden:
        r["derde"] = (
            {"type": "BekendeDerde", **naam(velden["derde"])}
            if velden["derde"]
            else {"type": "OnbekendeDerde"}
        )
    if "derden" in velden:
        r["derden"] = [{"type": "BekendeDerde", **naam(n)} for n in velden["derden"]]
    if "toelichting" in velden:
        r["toelichting"] = velden["toelichting"]
    return r


def _filter(data, velden):
    """Keep only the asked paths (a path may end at an object: the whole object)."""
    uit = {}
    for pad in velden:
        bron, doel, delen = data, uit, pad.split(".")
        for i, deel in enumerate(delen):
            if isinstance(bron, list):
                break
            if not isinstance(bron, dict) or deel not in bron:
                break
            if i == len(delen) - 1:
                doel[deel] = bron[deel]
            else:
                doel = doel.setdefault(deel, {})
                bron = bron[deel]
                if isinstance(bron, dict) and "type" in bron:  # a polymorphic object keeps its type
                    doel["type"] = bron["type"]
    if "gezag" in data and any(pad.split(".")[0] == "gezag" for pad in velden):
        uit["gezag"] = data["gezag"]  # one gezag path asked: all of gezag (fields.feature)
    for veld in AUTOMATISCH:
        if veld in data:
            uit[veld] = data[veld]
    return uit


class FakeBrp:
    def __init__(self, *, tls: ssl.SSLContext | None = None):
        self.personen: list[dict] = []
        self.verzoeken: list[dict] = []
        self.storing = ""
        self.tijdens_verzoek = None
        self.api_key = API_KEY
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                fake._behandel(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        schema = "https" if isinstance(self.server.socket, ssl.SSLSocket) else "http"
        host = "localhost" if schema == "https" else "127.0.0.1"
        return f"{schema}://{host}:{self.server.server_address[1]}/haalcentraal/api/brp"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # --- the endpoint ---

    def _antwoord(self, h, status, data, content_type="application/json; charset=utf-8", headers=None):
        inhoud = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(inhoud)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(inhoud)

    def _probleem(self, h, status, title, code, invalid=None):
        data = {
            "type": "https://datatracker.ietf.org/doc/html/rfc7231",
            "title": title,
            "status": status,
            "code": code,
            "instance": h.path,
        }
        if invalid:
            data["invalidParams"] = invalid
        self._antwoord(h, status, data, content_type="application/problem+json")

    def _behandel(self, h):
        lengte = int(h.headers.get("Content-Length") or 0)
        ruw = h.rfile.read(lengte)
        try:
            body = json.loads(ruw)
        except ValueError:
            body = None
        cert = h.connection.getpeercert() if isinstance(h.connection, ssl.SSLSocket) else None
        self.verzoeken.append(
            {
                "pad": h.path,
                "headers": {k.lower(): v for k, v in h.headers.items()},
                "body": body,
                "cert": cert,
            }
        )
        if self.tijdens_verzoek is not None:
            self.tijdens_verzoek(body)
        if self.storing == "traag":
            time.sleep(2)
        if self.storing == "500":
            return self._probleem(h, 500, "Interne fout.", "serverError")
        if self.storing == "429":
            return self._probleem(h, 429, "Te veel verzoeken.", "tooManyRequests")
        if self.storing == "kapot":
            return self._antwoord(h, 200, b"<html>onderhoud</html>", content_type="text/html")
        if self.storing == "doorverwijzen":
            return self._antwoord(h, 302, b"", headers={"Location": "http://127.0.0.1:9/elders"})
        if not h.path.endswith("/haalcentraal/api/brp/personen"):
            return self._probleem(h, 404, "Opgevraagde resource bestaat niet.", "notFound")
        if self.api_key and h.headers.get("X-API-KEY") != self.api_key:
            return self._probleem(h, 401, "Niet correct geauthenticeerd.", "authentication")
        if not h.headers.get("Content-Type", "").startswith("application/json"):
            return self._probleem(h, 415, "Media Type wordt niet ondersteund.", "unsupportedMediaType")
        if not isinstance(body, dict):
            return self._probleem(h, 400, "Ten minste één parameter moet worden opgegeven.", "paramsRequired")
        velden = body.get("fields")
        if (
            not isinstance(velden, list)
            or not 1 <= len(velden) <= 130
            or not all(isinstance(v, str) and VELD.match(v) for v in velden)
        ):
            return self._probleem(
                h,
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [{"name": "fields", "code": "required", "reason": "Parameter is verplicht."}],
            )
        if any(v.split(".")[0] in AUTOMATISCH for v in velden):
            return self._probleem(
                h,
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [{"name": "fields", "code": "fields", "reason": "Automatisch geleverd veld."}],
            )
        soort = body.get("type")
        if soort == "RaadpleegMetBurgerservicenummer":
            bsns = body.get("burgerservicenummer")
            if (
                not isinstance(bsns, list)
                or not 1 <= len(bsns) <= 20
                or not all(isinstance(b, str) and re.fullmatch(r"[0-9]{9}", b) for b in bsns)
            ):
                return self._probleem(
                    h,
                    400,
                    "Een of meerdere parameters zijn niet correct.",
                    "paramsValidation",
                    [
                        {
                            "name": "burgerservicenummer",
                            "code": "pattern",
                            "reason": "Waarde voldoet niet aan patroon ^[0-9]{9}$.",
                        }
                    ],
                )
            gevonden = [p for p in self.personen if p["burgerservicenummer"] in bsns]
            return self._antwoord(h, 200, {"type": soort, "personen": [_filter(p, velden) for p in gevonden]})
        if soort == "ZoekMetPostcodeEnHuisnummer":
            postcode, nummer = body.get("postcode"), body.get("huisnummer")
            if (
                not isinstance(postcode, str)
                or not re.fullmatch(r"[1-9][0-9]{3}[ ]?[A-Za-z]{2}", postcode)
                or not isinstance(nummer, int)
            ):
                return self._probleem(
                    h,
                    400,
                    "Een of meerdere parameters zijn niet correct.",
                    "paramsValidation",
                    [{"name": "postcode", "code": "required", "reason": "Parameter is verplicht."}],
                )
            gevonden = [
                p
                for p in self.personen
                if p.get("verblijfplaats", {})
                .get("verblijfadres", {})
                .get("postcode", "")
                .replace(" ", "")
                .upper()
                == postcode.replace(" ", "").upper()
                and p["verblijfplaats"]["verblijfadres"].get("huisnummer") == nummer
                and ("geboortedatum" not in body or p["geboorte"]["datum"]["datum"] == body["geboortedatum"])
                and "overlijden" not in p
            ]
        elif soort == "ZoekMetGeslachtsnaamEnGeboortedatum":
            if not body.get("geslachtsnaam") or not body.get("geboortedatum"):
                return self._probleem(
                    h,
                    400,
                    "Een of meerdere parameters zijn niet correct.",
                    "paramsValidation",
                    [{"name": "geslachtsnaam", "code": "required", "reason": "Parameter is verplicht."}],
                )
            gevonden = [
                p
                for p in self.personen
                if p["naam"]["geslachtsnaam"].lower() == body["geslachtsnaam"].lower()
                and p["geboorte"]["datum"]["datum"] == body["geboortedatum"]
                and "overlijden" not in p
            ]
        else:
            return self._probleem(
                h,
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [{"name": "type", "code": "value", "reason": "Waarde is geen geldige zoek type."}],
            )
        if any(v.split(".")[0] not in BEPERKT for v in velden):
            return self._probleem(
                h,
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [
                    {
                        "name": "fields",
                        "code": "fields",
                        "reason": "Parameter bevat een niet bestaande veldnaam.",
                    }
                ],
            )
        beperkt = [{k: v for k, v in p.items() if k in BEPERKT or k in AUTOMATISCH} for p in gevonden]
        return self._antwoord(h, 200, {"type": soort, "personen": [_filter(p, velden) for p in beperkt]})
