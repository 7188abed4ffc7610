"""Print the OIDC_OP_* settings for .env from the provider's discovery document."""

import requests
from django.core.management.base import BaseCommand, CommandError

# Discovery key -> our setting (OpenID Connect Discovery 1.0, section 3; RP-Initiated Logout 1.0).
INSTELLINGEN = {
    "issuer": "OIDC_OP_ISSUER",
    "authorization_endpoint": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "OIDC_OP_TOKEN_ENDPOINT",
    "userinfo_endpoint": "OIDC_OP_USER_ENDPOINT",
    "jwks_uri": "OIDC_OP_JWKS_ENDPOINT",
    "end_session_endpoint": "OIDC_OP_LOGOUT_ENDPOINT",
}
PAD = "/.well-known/openid-configuration"


class Command(BaseCommand):
    help = (
        "Haalt het discovery-document van de identity provider op en drukt de regels OIDC_OP_* "
        "af voor .env. Geef de issuer of het volledige adres van het document."
    )

    def add_arguments(self, parser):
        parser.add_argument("issuer", help="Bijvoorbeeld https://login.example.nl/realms/gemeente")

    def handle(self, *args, issuer: str, **options):
        url = issuer if issuer.rstrip("/").endswith(PAD) else issuer.rstrip("/") + PAD
        try:
            antwoord = requests.get(url, timeout=10)
            antwoord.raise_for_status()
            document = antwoord.json()
        except (requests.RequestException, ValueError) as exc:
            raise CommandError(f"Het discovery-document op {url} is niet op te halen: {exc}") from exc
        ontbreekt = [
            sleutel
            for sleutel in INSTELLINGEN
            if sleutel != "end_session_endpoint" and not document.get(sleutel)
        ]
        if ontbreekt:
            raise CommandError(f"Het discovery-document op {url} mist: {', '.join(ontbreekt)}")
        for sleutel, instelling in INSTELLINGEN.items():
            self.stdout.write(f"{instelling}={document.get(sleutel) or ''}")
        if "RS256" not in document.get("id_token_signing_alg_values_supported", ["RS256"]):
            self.stderr.write(
                "Let op: deze provider noemt RS256 niet; zet OIDC_RP_SIGN_ALGO op een algoritme dat hij wel noemt."
            )
