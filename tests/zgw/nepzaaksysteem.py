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

For failure tests: ``storing`` answers every request with 503; ``verbreek_na_aanmaken`` holds
resource names whose next POST is stored and then the connection is dropped without an answer
(the zaaksysteem created it, Keukentafel never heard); ``doorverwijzen`` (an address) answers
every request with 302 to it.
"""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

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
GEPAGINEERD = {"zaken", "rollen", "statussen", "enkelvoudiginformatieobjecten", "besluiten"}
FILTERS = {
    "zaken": ("identificatie", "bronorganisatie"),
    "rollen": ("zaak", "betrokkeneType", "roltype"),
    "statussen": ("zaak", "statustype"),
    "zaakinformatieobjecten": ("zaak", "informatieobject"),
    "enkelvoudiginformatieobjecten": ("identificatie", "bronorganisatie"),
    "besluiten": ("identificatie", "verantwoordelijkeOrganisatie"),
    "besluitinformatieobjecten": ("besluit", "informatieobject"),
}


class NepZaaksysteem:
    def __init__(self, *, client_id: str, secret: str):
        self.client_id = client_id
        self.secret = secret
        self.objecten: dict[str, dict[str, dict]] = {naam: {} for _api, naam in VERPLICHT}
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
                    or (stukken[0], stukken[3]) not in VERPLICHT
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
                    ]
                    if resource in GEPAGINEERD:
                        return self._antwoord(
                            200, {"count": len(gevonden), "next": None, "previous": None, "results": gevonden}
                        )
                    return self._antwoord(200, gevonden)
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
