import re
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def bsn_elfproef(bsn: str) -> bool:
    """The BSN elfproef: 9 digits, sum of digit*weight (9..2, and -1 for the last) divisible by 11."""
    if not re.fullmatch(r"\d{9}", bsn or "") or bsn == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


def valid_bsns(start: int = 1) -> Iterator[str]:
    """Every valid BSN from ``start`` upwards, in order: for test persons, the demo and the seed.

    Per 8-digit prefix the one check digit that passes the elfproef is computed, not searched
    (a prefix whose check digit would be 10 has no valid BSN).
    """
    prefix = start // 10
    while prefix < 10**8:
        digits = f"{prefix:08d}"
        check = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        bsn = f"{digits}{check}"
        if check < 10 and int(bsn) >= start and bsn != "000000000":
            yield bsn
        prefix += 1


def validate_bsn(value: str) -> None:
    if not re.fullmatch(r"\d{9}", value or ""):
        raise ValidationError(_("Een BSN heeft precies 9 cijfers."), code="bsn_lengte")
    if not bsn_elfproef(value):
        raise ValidationError(
            _("Dit BSN klopt niet (de elfproef faalt). Controleer de cijfers."), code="bsn_elfproef"
        )


POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def normalize_postcode(value: str) -> str:
    m = POSTCODE_RE.match(value or "")
    return f"{m.group(1)}{m.group(2).upper()}" if m else (value or "").strip()


def validate_postcode(value: str) -> None:
    if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", value or ""):
        raise ValidationError(_("Vul een postcode in zoals 2011 AB."), code="postcode")


def validate_niet_in_toekomst(moment) -> None:
    """A melding's date received may lie in the past (taken on paper), never in the future."""
    from django.utils import timezone

    if moment and moment > timezone.now():
        raise ValidationError(_("De datum van ontvangst kan niet in de toekomst liggen."), code="toekomst")
