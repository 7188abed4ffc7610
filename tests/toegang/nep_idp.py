"""A small fake OpenID provider for the tests: the gemeente's real identity provider is outside our
control, so the tests talk to this one over real HTTP on 127.0.0.1, through the real
mozilla-django-oidc client and our backend.

It serves discovery, authorize (redirects back with a code and the state), token (an ID token
signed RS256 with a key made in the test), JWKS, userinfo and end_session. ``gebruiker`` holds
the claims it vouches for; ``sabotage`` makes it misbehave in one way, to prove the client
refuses: "handtekening" (signed with another key under the same kid), "nonce", "audience",
"issuer", "verlopen" (expired), "userinfo_sub" (userinfo about someone else), "alg_none".
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "keukentafel-test"
CLIENT_SECRET = "test-geheim-niet-echt"
KID = "nep-sleutel-1"


def _sleutel():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class NepIdp:
    def __init__(self):
        self.sleutel = _sleutel()
        self.andere_sleutel = _sleutel()
        self.gebruiker: dict = {}
        self.sabotage: str | None = None
        self.codes: dict[str, dict] = {}
        self.access_tokens: dict[str, dict] = {}
        self.verzoeken: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.issuer = f"{self.url}/realm"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "NepIdp":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what the provider says -------------------------------------------------------------

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "end_session_endpoint": f"{self.url}/logout",
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
        }

    def jwks(self) -> dict:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.sleutel.public_key()))
        return {"keys": [{**jwk, "kid": KID, "alg": "RS256", "use": "sig"}]}

    def id_token(self, verzoek: dict) -> str:
        nu = int(time.time())
        claims = {
            **self.gebruiker,
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": nu,
            "exp": nu + 300,
            "nonce": verzoek["nonce"],
        }
        sleutel = self.sleutel
        match self.sabotage:
            case "handtekening":
                sleutel = self.andere_sleutel
            case "nonce":
                claims["nonce"] = "een-andere-nonce"
            case "audience":
                claims["aud"] = "een-andere-app"
            case "issuer":
                claims["iss"] = "https://nep.example/realm"
            case "verlopen":
                claims["iat"], claims["exp"] = nu - 3600, nu - 1800
            case "alg_none":
                return jwt.encode(claims, None, algorithm="none", headers={"kid": KID})
        return jwt.encode(claims, sleutel, algorithm="RS256", headers={"kid": KID})

    def _handler(idp):  # the handler class closes over the provider
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, data, status=200):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                deel = urlsplit(self.path)
                vraag = {k: v[0] for k, v in parse_qs(deel.query).items()}
                idp.verzoeken.append(f"GET {deel.path}")
                if deel.path == "/realm/.well-known/openid-configuration":
                    return self._json(idp.discovery())
                if deel.path == "/jwks":
                    return self._json(idp.jwks())
                if deel.path == "/authorize":
                    if vraag.get("client_id") != CLIENT_ID or vraag.get("response_type") != "code":
                        return self._json({"error": "invalid_request"}, 400)
                    code = secrets.token_urlsafe(16)
                    idp.codes[code] = vraag
                    self.send_response(302)
                    terug = urlencode({"code": code, "state": vraag["state"]})
                    self.send_header("Location", f"{vraag['redirect_uri']}?{terug}")
                    self.end_headers()
                    return None
                if deel.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if token not in idp.access_tokens:
                        return self._json({"error": "invalid_token"}, 401)
                    info = dict(idp.access_tokens[token])
                    if idp.sabotage == "userinfo_sub":
                        info["sub"] = "iemand-anders"
                    return self._json(info)
                return self._json({"error": "not_found"}, 404)

            def do_POST(self):
                idp.verzoeken.append(f"POST {self.path}")
                lengte = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(lengte).decode()).items()}
                if self.path != "/token":
                    return self._json({"error": "not_found"}, 404)
                verzoek = idp.codes.pop(form.get("code", ""), None)
                if (
                    verzoek is None
                    or form.get("client_id") != CLIENT_ID
                    or form.get("client_secret") != CLIENT_SECRET
                    or form.get("redirect_uri") != verzoek["redirect_uri"]
                ):
                    return self._json({"error": "invalid_grant"}, 400)
                # PKCE (RFC 7636): the verifier must hash to the challenge sent to /authorize.
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
                if verzoek.get("code_challenge_method") != "S256" or challenge.decode() != verzoek.get(
                    "code_challenge"
                ):
                    return self._json({"error": "invalid_grant", "error_description": "PKCE"}, 400)
                access_token = secrets.token_urlsafe(16)
                idp.access_tokens[access_token] = dict(idp.gebruiker)
                return self._json(
                    {
                        "access_token": access_token,
                        "token_type": "Bearer",
                        "expires_in": 300,
                        "id_token": idp.id_token(verzoek),
                    }
                )

        return Handler
