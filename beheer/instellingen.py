"""Gemeenten, the execution organisation and its partners, maintained by the functioneel beheerder.

The process, in plain words. The beheerder of an execution organisation keeps the details of
each gemeente the organisation serves: name, CBS code, addresses, the letterhead (logo, colour,
return address, the line above the signature), where bezwaar goes, the rechtbank, verordening and
mandaatregeling. Each gemeente also has settings that change the flow (``gemeente_instellingen_wijzigen``):

- een ondertekend verslag telt als aanvraag (Wmo 2015 art. 2.3.5 lid 2 leaves the form of the
  aanvraag to the gemeente; gesprekken.services.verslag_reactie_vastleggen reads it);
- which reasons let a melding go on without a broad gesprek (triage; gesprekken.services.triage_vastleggen
  refuses the others). "De inwoner wil geen gesprek" is always allowed: the gesprek is an offer to
  the inwoner (Wmo 2015 art. 2.3.2), not the gemeente's to force;
- from how many working days before a deadline a case shows "let op" (wmo.termijnstatus);
- after how many weeks the nazorg call is due (aanvragen.services.beschikking) and how many weeks
  before its einddatum a voorziening shows up for a herindicatie (aanvragen.query);
- after how many minutes without activity a medewerker is logged out (toegang.sessie, BIO 9.4.2),
  within 5 to 60 minutes.

The organisation page names the gemeenten the organisation serves (a gemeente with open
meldingen of the organisation cannot be let go) and the partner organisations working for
them, with per gemeente whether the partner may register meldingen (enforced in
meldingen.services.melding_registreren). Every change is one function here, checks who may
(an active functioneel beheerder of the execution organisation that serves the gemeente) and is
recorded in the history with who did it.
"""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.db import transaction

from gesprekken.constants import TriageReden
from meldingen.models import Melding
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import Briefhoofdlogo, Gemeente, Medewerker, Organisatie
from wmo.services import save_with_history

# --- Who may ----------------------------------------------------------------------------------


def is_uitvoeringsbeheerder(door: Medewerker) -> bool:
    """An active functioneel beheerder of an execution organisation (not of a partner)."""
    return bool(
        door.is_active
        and door.organisatie_id
        and door.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
        and door.organisatie.soort == OrganisatieSoort.UITVOERING
    )


def _mag_beheren(door: Medewerker, gemeente: Gemeente | None = None) -> None:
    if not is_uitvoeringsbeheerder(door) or (
        gemeente is not None and not door.organisatie.gemeenten.filter(pk=gemeente.pk).exists()
    ):
        raise ValidationError("U beheert deze gemeente niet.", code="geen_beheerder")


def _reden(tekst: str) -> str:
    """A change reason fits simple_history's column (100 characters)."""
    return tekst if len(tekst) <= 100 else tekst[:99] + "…"


def _wijzigingen(obj, velden: dict) -> list[str]:
    gewijzigd = []
    for naam, waarde in velden.items():
        if getattr(obj, naam) != waarde:
            setattr(obj, naam, waarde)
            gewijzigd.append(str(obj._meta.get_field(naam).verbose_name))
    return gewijzigd


# --- Gemeente: details and letterhead ---------------------------------------------------------

GEGEVENS = (
    "naam",
    "cbs_code",
    "bezoekadres",
    "postadres",
    "postcode_plaats",
    "telefoon",
    "website",
    "huiskleur",
    "retouradres",
    "ondertekening",
    "bezwaar_adres",
    "bezwaar_digitaal",
    "rechtbank",
    "rechtbank_adres",
    "verordening",
    "mandaatregeling",
    "ombudsman",
    "ombudsman_contact",
)


@transaction.atomic
def gemeente_gegevens_wijzigen(*, door: Medewerker, gemeente: Gemeente, **velden) -> Gemeente:
    """Change the details and letterhead of a gemeente the beheerder's organisation serves."""
    _mag_beheren(door, gemeente)
    onbekend = set(velden) - set(GEGEVENS)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    velden = {k: v.strip() if isinstance(v, str) else v for k, v in velden.items()}
    if "huiskleur" in velden:
        velden["huiskleur"] = velden["huiskleur"].upper()
    gewijzigd = _wijzigingen(gemeente, velden)
    if gewijzigd:
        save_with_history(gemeente, door=door, reden=_reden("Gewijzigd: " + ", ".join(gewijzigd)))
    return gemeente


@transaction.atomic
def gemeente_aanmaken(*, door: Medewerker, **velden) -> Gemeente:
    """A new gemeente, served from now on by the beheerder's execution organisation."""
    _mag_beheren(door)
    gemeente = Gemeente(**{k: v.strip() if isinstance(v, str) else v for k, v in velden.items()})
    save_with_history(gemeente, door=door, reden="Gemeente aangemaakt")
    organisatie = Organisatie.objects.select_for_update().get(pk=door.organisatie_id)
    organisatie._history_user = door
    organisatie.gemeenten.add(gemeente)
    _organisatie_vastleggen(organisatie, door=door, reden=f"Werkt nu voor {gemeente.naam}")
    return gemeente


# Uploaded logos: what is accepted, recognised by the content (never by name or content type).
LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000  # larger is refused before decoding (a "decompression bomb")
LOGO_MAX_BREEDTE, LOGO_MAX_HOOGTE = 800, 300  # stored at most this size (about 68 × 25 mm at 300 dpi)
LOGO_FORMATEN = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def logo_verwerken(inhoud: bytes) -> tuple[bytes, int, int]:
    """Check an uploaded logo by its content and make a clean PNG of it: (png, width, height).

    Only PNG and JPEG, recognised by their first bytes and decoded by Pillow with nothing but
    those decoders; an SVG (which can carry scripts), HTML or a renamed text file is refused.
    The image is drawn anew from its pixels, so no metadata (EXIF, GPS, comments) survives, and
    made at most LOGO_MAX_BREEDTE × LOGO_MAX_HOOGTE.
    """
    from PIL import Image, UnidentifiedImageError

    fout = ValidationError(
        {"logo": "Dit bestand is geen PNG- of JPG-afbeelding. Kies een logo als PNG of JPG (geen SVG)."},
        code="logo_soort",
    )
    if len(inhoud) > LOGO_MAX_BYTES:
        raise ValidationError(
            {"logo": "Dit bestand is groter dan 1 MB. Kies een kleiner logo."}, code="logo_groot"
        )
    formaat = next((f for magic, f in LOGO_FORMATEN.items() if inhoud.startswith(magic)), None)
    if formaat is None:
        raise fout
    try:
        with Image.open(io.BytesIO(inhoud), formats=[formaat]) as beeld:
            breedte, hoogte = beeld.size
            if breedte * hoogte > LOGO_MAX_PIXELS:
                raise ValidationError(
                    {
                        "logo": "Deze afbeelding heeft te veel pixels (meer dan 4000 × 4000). Kies een kleiner logo."
                    },
                    code="logo_groot",
                )
            beeld.load()
            rgba = beeld.convert("RGBA")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise fout from error
    rgba.thumbnail((LOGO_MAX_BREEDTE, LOGO_MAX_HOOGTE))
    schoon = Image.frombytes("RGBA", rgba.size, rgba.tobytes())  # only the pixels, nothing else
    uit = io.BytesIO()
    schoon.save(uit, format="PNG", optimize=True)
    return uit.getvalue(), schoon.width, schoon.height


@transaction.atomic
def briefhoofdlogo_opslaan(*, door: Medewerker, gemeente: Gemeente, inhoud: bytes) -> Briefhoofdlogo:
    """Put a new logo on the gemeente's letters (replacing the old one)."""
    _mag_beheren(door, gemeente)
    png, breedte, hoogte = logo_verwerken(inhoud)
    logo = Briefhoofdlogo.objects.select_for_update().filter(gemeente=gemeente).first() or Briefhoofdlogo(
        gemeente=gemeente
    )
    logo.png, logo.breedte, logo.hoogte = png, breedte, hoogte
    logo.sha256 = hashlib.sha256(png).hexdigest()
    save_with_history(logo, door=door, reden="Nieuw logo")
    return logo


@transaction.atomic
def briefhoofdlogo_verwijderen(*, door: Medewerker, gemeente: Gemeente) -> Gemeente:
    """The letters go out without a logo again (the history keeps who removed which one)."""
    _mag_beheren(door, gemeente)
    logo = Briefhoofdlogo.objects.select_for_update().filter(gemeente=gemeente).first()
    if logo is None:
        raise ValidationError("Deze gemeente heeft geen logo.")
    logo._history_user = door
    logo._change_reason = "Logo weggehaald"
    logo.delete()
    return gemeente


# --- Gemeente: settings that change the flow ---------------------------------------------------

# The inwoner's own choice not to talk is always a reason (see the module docstring).
TRIAGE_ALTIJD = (TriageReden.GESPREK_GEWEIGERD,)
TRIAGE_INSTELBAAR = tuple(r for r in TriageReden if r not in TRIAGE_ALTIJD)


@transaction.atomic
def gemeente_instellingen_wijzigen(
    *,
    door: Medewerker,
    gemeente: Gemeente,
    verslag_telt_als_aanvraag: bool,
    triage_toegestaan: list[str],
    let_op_werkdagen: int,
    nazorg_weken: int,
    einddatum_signaal_weken: int,
    sessie_inactief_minuten: int,
    iwmo_start_signaal_werkdagen: int | None = None,
) -> Gemeente:
    """Change the settings per gemeente; bounds are checked by the model (Dutch messages)."""
    _mag_beheren(door, gemeente)
    onbekend = set(triage_toegestaan) - set(TriageReden.values)
    if onbekend:
        raise ValidationError({"triage_toegestaan": "Kies alleen redenen uit de lijst."})
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    uitgesloten = sorted(r for r in TRIAGE_INSTELBAAR if r not in triage_toegestaan)
    gewijzigd = _wijzigingen(
        gemeente,
        {
            "verslag_telt_als_aanvraag": verslag_telt_als_aanvraag,
            "triage_uitgesloten": uitgesloten,
            "let_op_werkdagen": let_op_werkdagen,
            "nazorg_weken": nazorg_weken,
            "einddatum_signaal_weken": einddatum_signaal_weken,
            "sessie_inactief_minuten": sessie_inactief_minuten,
            **(
                {"iwmo_start_signaal_werkdagen": iwmo_start_signaal_werkdagen}
                if iwmo_start_signaal_werkdagen is not None
                else {}
            ),
        },
    )
    if gewijzigd:
        save_with_history(
            gemeente, door=door, reden=_reden("Instellingen gewijzigd: " + ", ".join(gewijzigd))
        )
    return gemeente


# --- The execution organisation and its partners ------------------------------------------------


def _organisatie_vastleggen(organisatie: Organisatie, *, door: Medewerker, reden: str) -> None:
    """Record an m2m change in the history (simple_history writes a row on save)."""
    save_with_history(organisatie, door=door, reden=reden)


@transaction.atomic
def organisatie_naam_wijzigen(*, door: Medewerker, naam: str) -> Organisatie:
    _mag_beheren(door)
    organisatie = Organisatie.objects.select_for_update().get(pk=door.organisatie_id)
    naam = naam.strip()
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de organisatie in."})
    if naam != organisatie.naam:
        organisatie.naam = naam
        _organisatie_vastleggen(organisatie, door=door, reden="Naam gewijzigd")
    return organisatie


def _open_meldingen(*, organisatie: Organisatie, gemeente: Gemeente) -> int:
    return Melding.objects.open().filter(gemeente=gemeente, team__organisatie=organisatie).count()


@transaction.atomic
def gemeente_loslaten(*, door: Medewerker, gemeente: Gemeente) -> Organisatie:
    """The execution organisation no longer serves ``gemeente``. Refused while the organisation has
    open meldingen there (they would be left without anyone), and for its last gemeente."""
    _mag_beheren(door, gemeente)
    organisatie = Organisatie.objects.select_for_update().get(pk=door.organisatie_id)
    if organisatie.gemeenten.count() <= 1:
        raise ValidationError("Dit is de enige gemeente van uw organisatie. Die kunt u niet weghalen.")
    if aantal := _open_meldingen(organisatie=organisatie, gemeente=gemeente):
        raise ValidationError(
            f"Uw organisatie heeft nog {aantal} open melding{'en' if aantal != 1 else ''} in {gemeente.naam}. "
            "Sluit die eerst af of draag ze over; daarna kunt u de gemeente weghalen."
        )
    organisatie._history_user = door
    organisatie.gemeenten.remove(gemeente)
    _organisatie_vastleggen(organisatie, door=door, reden=f"Werkt niet meer voor {gemeente.naam}")
    return organisatie


@transaction.atomic
def partner_wijzigen(
    *, door: Medewerker, partner: Organisatie, gemeenten: list[Gemeente], registreren: list[Gemeente]
) -> Organisatie:
    """For the gemeenten of the beheerder's organisation: which ones ``partner`` works for, and for
    which of those it may register meldingen. Its other gemeenten (of another execution
    organisation) stay as they are. A gemeente where the partner has open meldingen stays."""
    _mag_beheren(door)
    eigen = set(door.organisatie.gemeenten.values_list("pk", flat=True))
    partner = Organisatie.objects.select_for_update().get(pk=partner.pk)
    if not partner.is_partner:
        raise ValidationError("Dit is geen partnerorganisatie.")
    gekozen = {g.pk for g in gemeenten}
    mag = {g.pk for g in registreren}
    if not gekozen <= eigen or not mag <= eigen:
        raise ValidationError({"gemeenten": "Kies alleen gemeenten van uw eigen organisatie."})
    if not mag <= gekozen:
        raise ValidationError(
            {"registreren": "Een partner registreert alleen meldingen voor gemeenten waarvoor hij werkt."}
        )
    huidig = set(partner.gemeenten.values_list("pk", flat=True)) & eigen
    weg = huidig - gekozen
    for gemeente in Gemeente.objects.filter(pk__in=weg):
        if aantal := _open_meldingen(organisatie=partner, gemeente=gemeente):
            raise ValidationError(
                {
                    "gemeenten": f"{partner.naam} heeft nog {aantal} open melding{'en' if aantal != 1 else ''} "
                    f"in {gemeente.naam}. Die gemeente kan pas weg als ze zijn afgesloten of overgedragen."
                }
            )
    niet_mag = (eigen & gekozen) - mag
    oud_niet = set(partner.registreert_niet_voor.values_list("pk", flat=True))
    nieuw_niet = (oud_niet - eigen) | niet_mag
    if weg == set() and gekozen == huidig and nieuw_niet == oud_niet:
        return partner
    partner._history_user = door
    partner.gemeenten.remove(*weg)
    partner.gemeenten.add(*(gekozen - huidig))
    partner.registreert_niet_voor.set(nieuw_niet)
    _organisatie_vastleggen(partner, door=door, reden="Gemeenten en bevoegdheden gewijzigd")
    return partner
