import re
from collections.abc import Iterator
from datetime import date, datetime

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


def _years_from(d, years: int):
    """``d`` moved by whole years; 29 February becomes 28 February in a year without it."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


class DatumBereik:
    """A date (or moment) within a range that makes sense for its field, with a Dutch message.

    Every date field of every form gets one (wmo.forms.KeukentafelFormMixin): by default
    ``ALGEMEEN_VANAF`` to ``ALGEMEEN_TOT``, narrowed per field where the field's meaning
    allows (a birth date, a date received, a date planned). Without it a typo such as
    31-12-9999 reached the deadline engine, whose ``date + 6 weeks`` overflowed into a 500
    after part of the change was made. The range is checked against today in Amsterdam at
    the moment of validating, so a form left open overnight checks tomorrow's range.

    ``jaren_terug``/``jaren_vooruit`` count from today; ``niet_in_toekomst`` ends at today.
    """

    def __init__(
        self,
        *,
        vanaf=None,
        tot=None,
        jaren_terug: int | None = None,
        jaren_vooruit: int | None = None,
        niet_in_toekomst: bool = False,
    ):
        self.vanaf, self.tot = vanaf, tot
        self.jaren_terug, self.jaren_vooruit = jaren_terug, jaren_vooruit
        self.niet_in_toekomst = niet_in_toekomst

    def grenzen(self):
        """(first, last) allowed date today."""
        from django.utils import timezone

        vandaag = timezone.localdate()
        eerste = self.vanaf or ALGEMEEN_VANAF
        laatste = self.tot or ALGEMEEN_TOT
        if self.jaren_terug is not None:
            eerste = max(eerste, _years_from(vandaag, -self.jaren_terug))
        if self.jaren_vooruit is not None:
            laatste = min(laatste, _years_from(vandaag, self.jaren_vooruit))
        if self.niet_in_toekomst:
            laatste = min(laatste, vandaag)
        return eerste, laatste

    def __call__(self, value) -> None:
        from django.utils import timezone
        from django.utils.formats import date_format

        if value is None:
            return
        if isinstance(value, datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        eerste, laatste = self.grenzen()
        if value < eerste:
            raise ValidationError(
                _("Deze datum ligt te ver terug. Vul een datum in vanaf %(datum)s."),
                code="datum_te_vroeg",
                params={"datum": date_format(eerste, "j F Y")},
            )
        if value > laatste:
            if self.niet_in_toekomst and laatste == timezone.localdate():
                message = _(
                    "Deze datum kan niet in de toekomst liggen. Vul vandaag (%(datum)s) of eerder in."
                )
            else:
                message = _("Deze datum ligt te ver vooruit. Vul een datum in tot en met %(datum)s.")
            raise ValidationError(
                message, code="datum_te_laat", params={"datum": date_format(laatste, "j F Y")}
            )


# The widest range any date field accepts. Before 1900 no living inwoner was born and the
# deadline engine's feestdagen are not modelled (wmo.termijnen); after 2099 no term of
# this app can end (the longest, a voorziening's einddatum, is set for years, not decades).
ALGEMEEN_VANAF = date(1900, 1, 1)
ALGEMEEN_TOT = date(2099, 12, 31)


# --- Gemeente letterhead and settings (beheer.instellingen) ---------------------------------------

HEX_KLEUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
# WCAG 2.2 success criterion 1.4.3 (Contrast, minimum): text needs a contrast ratio of at least
# 4.5:1 with its background. Letters are printed on white.
MIN_CONTRAST = 4.5


def _lineair(kanaal: int) -> float:
    c = kanaal / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def contrast_op_wit(kleur: str) -> float:
    """The WCAG contrast ratio of a ``#RRGGBB`` colour against white (1 to 21)."""
    r, g, b = (int(kleur[i : i + 2], 16) for i in (1, 3, 5))
    luminantie = 0.2126 * _lineair(r) + 0.7152 * _lineair(g) + 0.0722 * _lineair(b)
    return 1.05 / (luminantie + 0.05)


def validate_huiskleur(value: str) -> None:
    """A colour for text on a white letter: ``#RRGGBB`` with a contrast of at least 4.5:1 (WCAG 1.4.3).

    Also what keeps the value safe inside the letter's stylesheet: nothing but # and six hex digits."""
    if not HEX_KLEUR_RE.fullmatch(value or ""):
        raise ValidationError(
            _("Schrijf de kleur als # met zes tekens (0-9 en A-F), bijvoorbeeld #1B3A5C."), code="kleur"
        )
    contrast = contrast_op_wit(value)
    if contrast < MIN_CONTRAST:
        raise ValidationError(
            _(
                "Deze kleur is te licht voor tekst op wit papier: het contrast is %(contrast)s op 1, "
                "het moet minstens 4,5 op 1 zijn. Kies een donkerdere kleur."
            )
            % {"contrast": f"{contrast:.1f}".replace(".", ",")},
            code="contrast",
        )


def validate_cbs_code(value: str) -> None:
    if not re.fullmatch(r"\d{4}", value or ""):
        raise ValidationError(
            _("De CBS-gemeentecode heeft precies 4 cijfers, bijvoorbeeld 0392."), code="cbs"
        )


def validate_ondertekening(value: str) -> None:
    """The line above the signer's name: it must say on whose behalf the letter is signed.

    A decision taken under mandate is taken in the name of the college (Awb 10:2) and says so
    (Awb 10:10: "namens" the bestuursorgaan); the beschikking prints this line above the name of
    who decided. Empty is fine: the letter then uses the standard line with "namens".
    """
    if value and "namens" not in value.lower():
        raise ValidationError(
            _(
                "Schrijf ‘namens’ in deze regel, bijvoorbeeld ‘namens het college van burgemeester en "
                "wethouders van Haarlem’. Een besluit onder mandaat zegt namens wie het is genomen "
                "(Algemene wet bestuursrecht artikel 10:10)."
            ),
            code="namens",
        )
