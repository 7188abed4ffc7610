"""One small HTTP client for the koppelingen (BRP, zaaksysteem): the standard library's ``urllib``,
with the rules every koppeling needs in one place.

- **No redirects are followed.** A 3xx is an error (``soort="doorverwijzing"``): urllib would
  otherwise send the request again to wherever ``Location`` points, with our ``Authorization`` or
  API-key header (urllib keeps every header but the content ones), and turn a POST into a GET.
  A koppeling's address is what beheer configured, nothing else.
- **Bounded answers:** at most ``max_bytes`` are read; a longer answer is an error
  (``soort="te groot"``), never a silently cut JSON document.
- **One error type.** Every failure becomes an ``HttpFout`` with a short ``soort`` (``time-out``,
  ``verbinding``, ``tls``, ``http``, ``doorverwijzing``, ``te groot``), the status and the first
  64 KiB of the error body where there is one; each koppeling turns it into its own Dutch message.
- ``probleem_delen`` reads an ``application/problem+json`` body (RFC 7807, as the Haal Centraal
  and ZGW APIs answer errors): title (or detail), code and up to five ``invalidParams``.
"""

import http.client
import json
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field

FOUT_MAX_BYTES = 64 * 1024


class HttpFout(Exception):
    def __init__(
        self,
        soort: str,
        technisch: str,
        *,
        status: int | None = None,
        inhoud: bytes = b"",
        locatie: str = "",
    ):
        super().__init__(technisch)
        self.soort = soort
        self.technisch = technisch[:500]
        self.status = status
        self.inhoud = inhoud
        self.locatie = locatie


@dataclass(frozen=True)
class Antwoord:
    status: int
    inhoud: bytes
    headers: dict = field(default_factory=dict)


class _GeenDoorsturen(urllib.request.HTTPRedirectHandler):
    """A redirect reaches the caller as an HTTPError with its 3xx status."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def verzoek(
    methode: str,
    url: str,
    *,
    headers: dict,
    timeout: float,
    data: bytes | None = None,
    context: ssl.SSLContext | None = None,
    max_bytes: int = 2 * 1024 * 1024,
) -> Antwoord:
    """Send one request; the answer of a 2xx, every other outcome an ``HttpFout``."""
    request = urllib.request.Request(url, data=data, headers=headers, method=methode)
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context or ssl.create_default_context()), _GeenDoorsturen
    )
    try:
        with opener.open(request, timeout=timeout) as antwoord:
            inhoud = antwoord.read(max_bytes + 1)
            status, kopregels = antwoord.status, dict(antwoord.headers.items())
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:
            locatie = e.headers.get("Location", "") if e.headers else ""
            raise HttpFout(
                "doorverwijzing",
                f"doorverwijzing {e.code} naar {locatie}"[:300],
                status=e.code,
                locatie=locatie,
            ) from None
        try:
            body = e.read(FOUT_MAX_BYTES) or b""
        except (OSError, http.client.HTTPException):
            body = b""
        raise HttpFout("http", f"HTTP {e.code}", status=e.code, inhoud=body) from None
    except TimeoutError as e:
        raise HttpFout("time-out", f"time-out: {e}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            raise HttpFout("time-out", f"time-out: {e.reason}") from None
        if isinstance(e.reason, ssl.SSLError):
            raise HttpFout("tls", f"tls: {e.reason}") from None
        raise HttpFout("verbinding", f"verbinding: {e.reason}") from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise HttpFout("verbinding", f"verbinding: {e}") from None
    if len(inhoud) > max_bytes:
        raise HttpFout("te groot", f"antwoord groter dan {max_bytes} bytes", status=status)
    return Antwoord(status=status, inhoud=inhoud, headers=kopregels)


def probleem_delen(inhoud: bytes) -> list[str]:
    """The readable parts of a problem+json body (RFC 7807), for logs and beheer; [] if it is none."""
    try:
        data = json.loads(inhoud.decode("utf-8")) if inhoud else None
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    delen = [str(data.get("title") or data.get("detail") or "")[:100], str(data.get("code") or "")[:25]]
    for p in (data.get("invalidParams") or [])[:5]:
        if isinstance(p, dict):
            delen.append(f"{p.get('name', '')}: {p.get('reason', '')}"[:100])
    return [d for d in delen if d]
