"""The teamleider's exports: CSV (wmo.export) and the research pseudonym."""

import hmac
from hashlib import sha256

from django.conf import settings

from wmo.export import GEVAARLIJK, csv_response, veilige_cel

__all__ = ["GEVAARLIJK", "csv_response", "pseudoniem", "veilige_cel"]


def pseudoniem(bsn: str, zaad: str) -> str:
    """A stable pseudonym for one export: HMAC-SHA256 of the BSN under a key derived from the
    SECRET_KEY and the export's seed. The research bureau cannot reverse it; the gemeente can
    re-derive it with the same seed to answer a question about a respondent."""
    sleutel = sha256(f"{settings.SECRET_KEY}:cevo:{zaad}".encode()).digest()
    return hmac.new(sleutel, bsn.encode(), sha256).hexdigest()[:16]
