"""Talking to the ZGW APIs: the JWT the standard prescribes and one small JSON-over-HTTP client.

Authentication (VNG "API's voor Zaakgericht werken", Autorisaties: JWT-ZGW): every request carries
``Authorization: Bearer <JWT>``, signed with HS256 and the secret shared with the zaaksysteem, with
the claims ``iss`` and ``client_id`` (our client id), ``iat`` (now), ``user_id`` and
``user_representation`` (who in Keukentafel caused it, for the zaaksysteem's audit trail). The
token is made per request, so ``iat`` is always fresh (Open Zaak refuses old tokens). HS256 is a
few lines of hmac; no dependency is needed for it.

The Zaken API works with geometry and asks every client to say which coordinate system it means:
``Accept-Crs`` and ``Content-Crs`` (EPSG:4326) go with each request to it.

The Catalogi API (only read, scope ``catalogi.lezen``) takes the same token; its lists are
paginated and ``alle`` follows ``next``.

Requests go through ``wmo.http``: no redirect is followed (the token would go along), answers
are bounded. Any failure (no answer, a timeout, an HTTP error or redirect, an answer that is no
JSON) becomes a ZgwFout with a plain Dutch reason, which the outbox keeps and beheer shows.
"""

import base64
import hashlib
import hmac
import json
import urllib.parse
from datetime import datetime

from django.utils import timezone

from wmo import http
from wmo.geheimen import geheim

ANTWOORD_MAX_BYTES = 2 * 1024 * 1024  # a list page of the APIs is far smaller


class ZgwFout(Exception):
    """The zaaksysteem did not do what was asked; the message says why, in Dutch. ``status`` is the
    HTTP status when the API answered with an error (404: the object does not exist)."""

    def __init__(self, bericht: str, *, status: int | None = None):
        super().__init__(bericht)
        self.status = status


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_token(*, client_id: str, secret: str, user_id: str, user_representation: str, nu: datetime) -> str:
    """A JWT-ZGW token: HS256 over the header and the claims, base64url without padding (RFC 7515)."""
    header = {"alg": "HS256", "typ": "JWT"}
    claims = {
        "iss": client_id,
        "iat": int(nu.timestamp()),
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_representation,
    }
    deel = ".".join(_b64url(json.dumps(x, separators=(",", ":")).encode("utf-8")) for x in (header, claims))
    handtekening = hmac.new(secret.encode("utf-8"), deel.encode("ascii"), hashlib.sha256).digest()
    return f"{deel}.{_b64url(handtekening)}"


def endpoint(basis: str, resource: str) -> str:
    """``https://oz/zaken/api/v1/`` + ``zaken`` (a base with or without its closing slash)."""
    return basis.rstrip("/") + "/" + resource


class ZgwClient:
    def __init__(self, koppeling, *, user_id: str = "keukentafel", user_representation: str = "Keukentafel"):
        self.koppeling = koppeling
        self.user_id = user_id
        self.user_representation = user_representation
        self.secret = geheim(koppeling.secret_naam)

    def _token(self) -> str:
        if not self.secret:
            raise ZgwFout(
                f"Het geheim van de koppeling staat niet op de server: zet {self.koppeling.secret_naam} in de "
                "omgeving van de server."
            )
        return jwt_token(
            client_id=self.koppeling.client_id,
            secret=self.secret,
            user_id=self.user_id,
            user_representation=self.user_representation,
            nu=timezone.now(),
        )

    def _eigen_adres(self, url: str) -> None:
        """Our token only goes to the APIs beheer configured, never to an address an answer names."""
        basissen = (
            self.koppeling.zaken_api,
            self.koppeling.documenten_api,
            self.koppeling.besluiten_api,
            self.koppeling.catalogi_api,
        )
        if not any(url.startswith(b.rstrip("/") + "/") for b in basissen if b):
            raise ZgwFout(f"Het zaaksysteem noemde een adres buiten de ingestelde API's: {url[:200]}")

    def verzoek(self, methode: str, url: str, *, params: dict | None = None, body: dict | None = None):
        self._eigen_adres(url)
        if params:
            url = f"{url}?{urllib.parse.urlencode(params)}"
        headers = {"Authorization": f"Bearer {self._token()}", "Accept": "application/json"}
        if url.startswith(self.koppeling.zaken_api.rstrip("/") + "/"):
            headers |= {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            inhoud = http.verzoek(
                methode,
                url,
                data=data,
                headers=headers,
                timeout=self.koppeling.timeout_seconden,
                max_bytes=ANTWOORD_MAX_BYTES,
            ).inhoud
        except http.HttpFout as fout:
            raise ZgwFout(
                _fout(methode, url, fout, self.koppeling.timeout_seconden),
                status=fout.status if fout.soort == "http" else None,
            ) from None
        if not inhoud:
            return None
        try:
            return json.loads(inhoud)
        except ValueError:
            raise ZgwFout(
                f"Het zaaksysteem gaf een antwoord dat geen JSON is ({methode} {url[:200]})."
            ) from None

    def zoek(self, url: str, **params) -> list[dict]:
        """A GET on a list endpoint: the results, whether the API pages them ({"results": ...}) or not."""
        antwoord = self.verzoek("GET", url, params=params)
        if isinstance(antwoord, dict):
            return list(antwoord.get("results") or [])
        return list(antwoord or [])

    def alle(self, url: str, *, max_paginas: int = 20, **params) -> list[dict]:
        """Every result of a paginated list endpoint ({"count", "next", "previous", "results"}),
        following ``next`` (which must stay on a configured API: our token goes along) at most
        ``max_paginas`` pages."""
        resultaten: list[dict] = []
        volgende: str | None = url
        for _pagina in range(max_paginas):
            antwoord = self.verzoek("GET", volgende, params=params if volgende == url else None)
            if not isinstance(antwoord, dict):
                return resultaten + list(antwoord or [])
            resultaten.extend(antwoord.get("results") or [])
            volgende = antwoord.get("next")
            if not volgende:
                return resultaten
        raise ZgwFout(
            f"De lijst {url[:200]} heeft meer dan {max_paginas} pagina's; Keukentafel leest er niet meer."
        )

    def maak(self, url: str, body: dict) -> dict:
        antwoord = self.verzoek("POST", url, body=body)
        if not isinstance(antwoord, dict) or not antwoord.get("url"):
            raise ZgwFout("Het zaaksysteem gaf geen adres terug van wat het maakte.")
        return antwoord

    def wijzig(self, url: str, body: dict) -> dict:
        return self.verzoek("PATCH", url, body=body)


def _fout(methode: str, url: str, fout: http.HttpFout, timeout) -> str:
    """The reason beheer reads, e.g. '400 ... bij POST /zaken/api/v1/zaken: zaaktype: Het zaaktype is
    niet gepubliceerd.' (the API's own problem details, RFC 7807, with invalidParams, when it gives them)."""
    pad = urllib.parse.urlsplit(url).path
    if fout.soort == "time-out":
        return f"Het zaaksysteem antwoordde niet binnen {timeout} seconden."
    if fout.soort in ("verbinding", "tls"):
        return f"Het zaaksysteem is niet bereikbaar ({fout.technisch})."
    if fout.soort == "doorverwijzing":
        return (
            f"Het zaaksysteem stuurde {methode} {pad} door (HTTP {fout.status}) naar {fout.locatie[:200]}. "
            "Keukentafel volgt geen doorverwijzing: het token zou meegaan. Controleer het adres van de API."
        )
    if fout.soort == "te groot":
        return f"Het antwoord van het zaaksysteem op {methode} {pad} is te groot ({fout.technisch})."
    uitleg = "; ".join(http.probleem_delen(fout.inhoud))
    tekst = f"Het zaaksysteem weigerde {methode} {pad}: HTTP {fout.status}"
    return f"{tekst} ({uitleg[:500]})." if uitleg else f"{tekst}."
