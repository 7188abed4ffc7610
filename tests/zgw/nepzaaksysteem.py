"""A small fake zaaksysteem: the ZGW endpoints Keukentafel uses, in one threaded http.server.

The gemeente's zaaksysteem (Open Zaak or another implementation of the VNG ZGW APIs) is outside
our control, so the tests run this stand-in. It follows the published specifications where
Keukentafel depends on them (Zaken API 1.5, Documenten API 1.4, Besluiten API 1.0):
- every request must carry a JWT-ZGW token (HS256, the shared secret; claims iss, iat, client_id,
  user_id, user_representation), checked with PyJWT (an implementation independent of ours);
  without a valid one: 403 with problem details;
- the Zaken API asks for ``Accept-Crs`` on every request and ``Content-Crs`` with a body:
  without them 412 (Precondition Failed), as the specification's parameters prescribe;
- the required fields of each resource: a missing one is 400 with ``invalidParams``;
- list endpoints filter on the query parameters the specification names; ``zaken``, ``rollen``,
  ``statussen``, ``enkelvoudiginformatieobjecten`` and ``besluiten`` are paginated
  (``{"count", "next", "previous", "results"}``), ``zaakinformatieobjecten`` and
  ``besluitinformatieobjecten`` return a plain list; POST answers 201 with the object and its
  ``url``; PATCH on a zaak changes only the given fields.

The Catalogi API 1.x (only read by Keukentafel; scope ``catalogi.lezen``): ``zaaktypen``,
``statustypen``, ``roltypen``, ``informatieobjecttypen`` and ``besluittypen``, each a paginated list
(``pagina_grootte`` per page, ``?page=``, ``next``/``previous`` as absolute URLs; a page that does
not exist is 404) with the filters of the specification (``catalogus``, ``zaaktype``,
``omschrijvingGeneriek``, ``zaaktypen``, ``identificatie``) and ``status`` (``definitief``, the
default: ``concept`` false; ``concept``; ``alles``; for statustypen and roltypen it is their
zaaktype's), and a GET per object. Tests fill it with ``type_toevoegen``; a zaaktype's
``statustypen`` and ``roltypen`` follow from the types that name it, as the API derives them.
No Accept-Crs there (the Catalogi API has no geometry).

For failure tests: ``storing`` answers every request with 503; ``verbreek_na_aanmaken`` holds
resource names whose next POST is stored and then the connection is dropped without an answer
(the zaaksysteem created it, Keukentafel never heard); ``doorverwijzen`` (an address) answers
every request with 302 to it.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt

VERPLICHT = {
    ("zaken", "zaken"): ("bronorganisatie", "verantwoordelijkeOrganisatie", "zaaktype", "startdatum"),
    ("zaken", "rollen"): ("zaak", "betrokkeneType", "roltype", "roltoelichting"),
    ("zaken", "statussen"): ("zaak", "statustype", "datumStatusGezet"),
    ("zaken", "zaakinformatieobjecten"): ("zaak", "informatieobject"),
    ("documenten", "enkelvoudiginformatieobjecten"): (
        "bronorganisatie",
        "creatiedatum",
        "titel",
        "auteur",
        "taal",
        "informatieobjecttype",
    ),
    ("besluiten", "besluiten"): ("verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"),
    ("besluiten", "besluitinformatieobjecten"): ("besluit", "informatieobject"),
}
CATALOGI = ("zaaktypen", "statustypen", "roltypen", "informatieobjecttypen", "besluittypen")
GEPAGINEERD = {"zaken", "rollen", "statussen", "enkelvoudiginformatieobjecten", "besluiten", *CATALOGI}
FILTERS = {
    "zaken": ("identificatie", "bronorganisatie"),
    "rollen": ("zaak", "betrokkeneType", "roltype"),
    "statussen": ("zaak", "statustype"),
    "zaakinformatieobjecten": ("zaak", "informatieobject"),
    "enkelvoudiginformatieobjecten": ("identificatie", "bronorganisatie"),
    "besluiten": ("identificatie", "verantwoordelijkeOrganisatie"),
    "besluitinformatieobjecten": ("besluit", "informatieobject"),
    "zaaktypen": ("catalogus", "identificatie"),
    "statustypen": ("zaaktype",),
    "roltypen": ("zaaktype", "omschrijvingGeneriek"),
    "informatieobjecttypen": ("catalogus",),
    "besluittypen": ("catalogus",),
}
# Filters on a list attribute: the object matches when the value is in it.
LIJST_FILTERS = {"besluittypen": ("zaaktypen",)}
STATUS_FILTER = {"definitief": False, "concept": True}


class NepZaaksysteem:
    def __init__(self, *, client_id: str, secret: str):
        self.client_id = client_id
        self.secret = secret
        self.objecten: dict[str, dict[str, dict]] = {naam: {} for _api, naam in VERPLICHT} | {
            naam: {} for naam in CATALOGI
        }
        self.pagina_grootte = 100
        self.vertraging = 0.0
        self.volgende_basis: str | None = None  # a misconfigured server naming another host in ``next``
        self.verzoeken: list[dict] = []
        self.storing = False
        self.verbreek_na_aanmaken: set[str] = set()
        self.doorverwijzen: str | None = None
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.basis = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def api(self, naam: str) -> str:
        return f"{self.basis}/{naam}/api/v1/"

    def type_toevoegen(self, resource: str, **velden) -> dict:
        """Put a catalogue type in the Catalogi API; its url is returned with it. A statustype or
        roltype is added to its zaaktype's ``statustypen``/``roltypen``."""
        sleutel = str(uuid.uuid4())
        obj = {"url": f"{self.api('catalogi')}{resource}/{sleutel}", **velden}
        if resource == "zaaktypen":
            obj = {"statustypen": [], "roltypen": [], "informatieobjecttypen": [], "besluittypen": [], **obj}
        self.objecten[resource][sleutel] = obj
        if resource in ("statustypen", "roltypen"):
            zaaktype = self._op_url("zaaktypen", velden["zaaktype"])
            if zaaktype is not None:
                zaaktype[resource].append(obj["url"])
        return obj

    def _op_url(self, resource: str, url: str) -> dict | None:
        return next((o for o in self.objecten[resource].values() if o["url"] == url), None)

    def catalogi_verzoeken(self) -> list[dict]:
        return [v for v in self.verzoeken if v["api"] == "catalogi"]

    def _is_concept(self, resource: str, obj: dict) -> bool:
        if "concept" in obj:
            return bool(obj["concept"])
        zaaktype = self._op_url("zaaktypen", obj.get("zaaktype", ""))
        return bool(zaaktype and zaaktype.get("concept"))

    def posts(self, resource: str) -> list[dict]:
        return [v for v in self.verzoeken if v["methode"] == "POST" and v["resource"] == resource]

    def _handler(self):
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _antwoord(self, status: int, inhoud=None):
                data = json.dumps(inhoud).encode() if inhoud is not None else b""
                self.send_response(status)
                self.send_header(
                    "Content-Type", "application/json" if status < 400 else "application/problem+json"
                )
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _probleem(self, status: int, titel: str, params=()):
                self._antwoord(
                    status,
                    {
                        "type": "about:blank",
                        "code": "fout",
                        "title": titel,
                        "status": status,
                        "invalidParams": [{"name": n, "code": "required", "reason": r} for n, r in params],
                    },
                )

            def _pagina(self, delen, query: dict, gevonden: list):
                """One page of ``pagina_grootte`` (DRF's PageNumberPagination, as the ZGW APIs)."""
                grootte = nep.pagina_grootte
                try:
                    pagina = int(query.get("page", "1"))
                except ValueError:
                    pagina = 0
                laatste = max(1, -(-len(gevonden) // grootte))
                if not 1 <= pagina <= laatste:
                    return self._probleem(404, "Ongeldige pagina.")

                def adres(n):
                    if not 1 <= n <= laatste:
                        return None
                    return f"{nep.volgende_basis or nep.basis}{delen.path}?{urlencode({**query, 'page': n})}"

                return self._antwoord(
                    200,
                    {
                        "count": len(gevonden),
                        "next": adres(pagina + 1),
                        "previous": adres(pagina - 1),
                        "results": gevonden[(pagina - 1) * grootte : pagina * grootte],
                    },
                )

            def _verwerk(self, methode: str):
                delen = urlsplit(self.path)
                stukken = [s for s in delen.path.split("/") if s]
                lengte = int(self.headers.get("Content-Length") or 0)
                ruw = self.rfile.read(lengte) if lengte else b""
                body = json.loads(ruw) if ruw else None
                claims, fout = None, None
                autorisatie = self.headers.get("Authorization", "")
                try:
                    token = autorisatie.removeprefix("Bearer ")
                    header = jwt.get_unverified_header(token)
                    claims = jwt.decode(token, nep.secret, algorithms=["HS256"])
                except jwt.PyJWTError as e:
                    header, fout = None, str(e)
                verzoek = {
                    "methode": methode,
                    "pad": delen.path,
                    "query": {k: v[0] for k, v in parse_qs(delen.query).items()},
                    "headers": dict(self.headers),
                    "body": body,
                    "claims": claims,
                    "jwt_header": header,
                    "api": stukken[0] if stukken else "",
                    "resource": stukken[3] if len(stukken) > 3 else "",
                }
                with nep._lock:
                    nep.verzoeken.append(verzoek)
                if nep.vertraging:
                    time.sleep(nep.vertraging)
                if nep.storing:
                    return self._probleem(503, "Service Unavailable")
                if nep.doorverwijzen:
                    self.send_response(302)
                    self.send_header("Location", nep.doorverwijzen)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if fout or claims.get("client_id") != nep.client_id or claims.get("iss") != nep.client_id:
                    return self._probleem(403, "Niet geautoriseerd")
                if (
                    len(stukken) < 4
                    or stukken[1:3] != ["api", "v1"]
                    or (
                        (stukken[0], stukken[3]) not in VERPLICHT
                        and not (stukken[0] == "catalogi" and stukken[3] in CATALOGI)
                    )
                ):
                    return self._probleem(404, "Niet gevonden")
                api, resource = stukken[0], stukken[3]
                if api == "zaken":
                    if not self.headers.get("Accept-Crs"):
                        return self._probleem(412, "Accept-Crs ontbreekt")
                    if body is not None and not self.headers.get("Content-Crs"):
                        return self._probleem(412, "Content-Crs ontbreekt")
                winkel = nep.objecten[resource]
                if methode == "GET" and len(stukken) == 4:
                    query = verzoek["query"]
                    gevonden = [
                        o
                        for o in winkel.values()
                        if all(o.get(f) == query[f] for f in FILTERS[resource] if f in query)
                        and all(
                            query[f] in o.get(f, []) for f in LIJST_FILTERS.get(resource, ()) if f in query
                        )
                    ]
                    if api == "catalogi":
                        status = query.get("status", "definitief")
                        if status != "alles":
                            if status not in STATUS_FILTER:
                                return self._probleem(400, "Invalid input.", [("status", "Ongeldige keuze.")])
                            gevonden = [
                                o for o in gevonden if nep._is_concept(resource, o) == STATUS_FILTER[status]
                            ]
                    if resource in GEPAGINEERD:
                        return self._pagina(delen, query, gevonden)
                    return self._antwoord(200, gevonden)
                if methode == "GET" and len(stukken) == 5:
                    if stukken[4] not in winkel:
                        return self._probleem(404, "Niet gevonden")
                    return self._antwoord(200, winkel[stukken[4]])
                if api == "catalogi" and methode != "GET":
                    return self._probleem(403, "Keukentafel heeft alleen de scope catalogi.lezen")
                if methode == "POST" and len(stukken) == 4:
                    ontbreekt = [
                        (v, "Dit veld is vereist.")
                        for v in VERPLICHT[(api, resource)]
                        if not (body or {}).get(v)
                    ]
                    if ontbreekt:
                        return self._probleem(400, "Invalid input.", ontbreekt)
                    sleutel = str(uuid.uuid4())
                    obj = {**body, "url": f"{nep.basis}/{api}/api/v1/{resource}/{sleutel}", "uuid": sleutel}
                    obj.pop("inhoud", None)
                    with nep._lock:
                        winkel[sleutel] = obj
                    if resource in nep.verbreek_na_aanmaken:
                        nep.verbreek_na_aanmaken.discard(resource)
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return None
                    return self._antwoord(201, obj)
                if methode == "PATCH" and len(stukken) == 5 and stukken[4] in winkel:
                    winkel[stukken[4]].update(body or {})
                    return self._antwoord(200, winkel[stukken[4]])
                return self._probleem(405, "Methode niet toegestaan")

            def do_GET(self):
                self._verwerk("GET")

            def do_POST(self):
                self._verwerk("POST")

            def do_PATCH(self):
                self._verwerk("PATCH")

        return Handler
