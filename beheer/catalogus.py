"""Every write to the catalogue, its mandaten, the aanbieders and their contracts.

The process in plain words
--------------------------
The functioneel beheerder of an execution organisation keeps one catalogue for all gemeenten the
organisation serves (wmo.models.Voorziening explains the validity periods). A product nobody used
yet is edited freely (``voorziening_wijzigen``). Once an aanvraag, a beschikking or an onderzoek
names it, only the contact details of the sociale kaart may still change; anything else (tarief,
eenheid, grondslag, eigen bijdrage) changes from a date with ``voorziening_nieuwe_periode``: the
current period ends the day before, the next starts with the new values and the same mandaten.
A product that stops is ended (``voorziening_beeindigen``), never deleted.

The mandaat per product (``voorziening_mandaat_vastleggen``) is the college's mandaatregeling
(Awb 10:3): which role decides and whether a second person approves (four eyes). It holds for
every period of the product.

Aanbieders (``aanbieder_aanmaken``, ``aanbieder_wijzigen``) are identified by their AGB code; a
``Contract`` says for which product, in which gemeente of the beheerder's organisation and from
when to when they deliver zorg in natura (``contract_aanmaken``, ``contract_beeindigen``). The
beschikking offers only aanbieders with a contract (aanvragen.models.BeschikkingRegel).
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import date_format

from aanvragen.models import AangevraagdeVoorziening, BeschikkingRegel, Mandaat
from gesprekken.models import LadderTrede
from wmo.constants import Rol, VoorzieningSoort
from wmo.models import Aanbieder, Contract, Gemeente, Medewerker, Voorziening
from wmo.services import save_with_history

# What may still change once a period is used: how to reach the organisation of the sociale kaart
# and the description. None of it is part of what a beschikking or verslag told the inwoner.
WIJZIGBAAR_IN_GEBRUIK = (
    "omschrijving", "organisatie", "telefoon", "email", "website", "adres", "resultaatgebieden", "kosten",
)  # fmt: skip

MANDAAT_ROLLEN = (Rol.CONSULENT, Rol.TEAMLEIDER)


def _datum(d: date) -> str:
    return date_format(d, "j F Y")


def in_gebruik(voorziening: Voorziening) -> bool:
    """Whether an aanvraag, a beschikking or an onderzoek names this period (three small queries)."""
    return (
        AangevraagdeVoorziening.objects.filter(voorziening=voorziening).exists()
        or BeschikkingRegel.objects.filter(voorziening=voorziening).exists()
        or LadderTrede.objects.filter(voorziening=voorziening).exists()
    )


def perioden(voorziening: Voorziening) -> models.QuerySet:
    return Voorziening.objects.filter(reeks=voorziening.reeks).order_by("geldig_vanaf")


def _eerste_overlap(andere: models.QuerySet, periode):
    """The first of ``andere`` whose period [geldig_vanaf, geldig_tot] overlaps ``periode``'s
    (an empty geldig_tot runs on without end), or None. Used for catalogue periods and contracts."""
    if periode.geldig_tot is not None:
        andere = andere.filter(geldig_vanaf__lte=periode.geldig_tot)
    return andere.filter(
        models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=periode.geldig_vanaf)
    ).first()


def _geen_overlap(voorziening: Voorziening) -> None:
    """Periods of one product never overlap (one product has one set of values on a day)."""
    botsing = _eerste_overlap(perioden(voorziening).exclude(pk=voorziening.pk), voorziening)
    if botsing:
        raise ValidationError(
            {
                "geldig_vanaf": f"Deze periode overlapt met de periode vanaf {_datum(botsing.geldig_vanaf)}. Een product heeft op "
                "elke dag één set gegevens; kies andere datums."
            }
        )


@transaction.atomic
def voorziening_aanmaken(*, door: Medewerker, **velden) -> Voorziening:
    """A new product in the catalogue (its first period)."""
    voorziening = Voorziening(**velden)
    save_with_history(voorziening, door=door, reden="Product toegevoegd aan de catalogus")
    if voorziening.soort == VoorzieningSoort.MAATWERK:
        # Without a mandaat nobody may decide on it; the consulent's is the usual start.
        Mandaat.objects.create(voorziening=voorziening, rol=Rol.CONSULENT, vier_ogen=False)
    return voorziening


@transaction.atomic
def voorziening_wijzigen(*, door: Medewerker, voorziening: Voorziening, **velden) -> Voorziening:
    """Change a period. A used period only in WIJZIGBAAR_IN_GEBRUIK; the rest needs a new period."""
    voorziening = Voorziening.objects.select_for_update().get(pk=voorziening.pk)
    gewijzigd = {naam for naam, waarde in velden.items() if getattr(voorziening, naam) != waarde}
    if gewijzigd - set(WIJZIGBAAR_IN_GEBRUIK) and in_gebruik(voorziening):
        raise ValidationError(
            "Dit product is al gebruikt in een aanvraag, beschikking of onderzoek. Wat daarin stond mag niet "
            "veranderen. Maak een nieuwe periode vanaf een datum met de nieuwe gegevens."
        )
    for naam, waarde in velden.items():
        setattr(voorziening, naam, waarde)
    _geen_overlap(voorziening)
    save_with_history(voorziening, door=door, reden="Product gewijzigd")
    return voorziening


@transaction.atomic
def voorziening_nieuwe_periode(
    *, door: Medewerker, voorziening: Voorziening, vanaf: date, **velden
) -> Voorziening:
    """From ``vanaf`` the product has the values in ``velden``: the period valid until then ends the
    day before, the new one starts on ``vanaf`` (until the old end, if it had one) with the same
    mandaten. Earlier decisions keep the period they were made with."""
    huidige = Voorziening.objects.select_for_update().get(pk=voorziening.pk)
    later = perioden(huidige).filter(geldig_vanaf__gt=huidige.geldig_vanaf).first()
    if later:
        raise ValidationError(
            f"Er is al een latere periode (vanaf {_datum(later.geldig_vanaf)}). Maak de nieuwe periode vanuit de laatste."
        )
    if vanaf is None or vanaf <= huidige.geldig_vanaf:
        raise ValidationError(
            {
                "vanaf": f"Kies een datum na {_datum(huidige.geldig_vanaf)}, de begindatum van de huidige periode."
            }
        )
    if huidige.geldig_tot is not None and vanaf > huidige.geldig_tot:
        raise ValidationError(
            {"vanaf": f"Het product is beëindigd op {_datum(huidige.geldig_tot)}. Kies een datum daarvóór."}
        )
    mandaten = list(huidige.mandaten.all())
    nieuw = Voorziening.objects.get(pk=huidige.pk)
    nieuw.pk = None
    nieuw._state.adding = True
    for naam, waarde in velden.items():
        setattr(nieuw, naam, waarde)
    nieuw.geldig_vanaf = vanaf
    nieuw.geldig_tot = huidige.geldig_tot
    huidige.geldig_tot = vanaf - timedelta(days=1)
    save_with_history(huidige, door=door, reden=f"Periode beëindigd: nieuwe periode vanaf {_datum(vanaf)}")
    save_with_history(nieuw, door=door, reden=f"Nieuwe periode vanaf {_datum(vanaf)}")
    for m in mandaten:
        save_with_history(
            Mandaat(voorziening=nieuw, rol=m.rol, vier_ogen=m.vier_ogen),
            door=door,
            reden="Mandaat overgenomen",
        )
    return nieuw


@transaction.atomic
def voorziening_beeindigen(*, door: Medewerker, voorziening: Voorziening, tot: date) -> Voorziening:
    """The product is no longer offered after ``tot`` (its last period ends then)."""
    huidige = Voorziening.objects.select_for_update().get(pk=voorziening.pk)
    later = perioden(huidige).filter(geldig_vanaf__gt=huidige.geldig_vanaf).first()
    if later:
        raise ValidationError(f"Er is een latere periode (vanaf {_datum(later.geldig_vanaf)}). Beëindig die.")
    if tot is None or tot < huidige.geldig_vanaf:
        raise ValidationError(
            {
                "tot": f"De einddatum ligt vóór de begindatum ({_datum(huidige.geldig_vanaf)}). Kies een datum op of na de begindatum."
            }
        )
    huidige.geldig_tot = tot
    save_with_history(huidige, door=door, reden=f"Product beëindigd per {_datum(tot)}")
    return huidige


@transaction.atomic
def voorziening_mandaat_vastleggen(
    *, door: Medewerker, voorziening: Voorziening, mandaten: dict[str, str]
) -> Voorziening:
    """The mandaatregeling for this product (Awb 10:3), for every period of it. ``mandaten`` maps a
    role to "geen", "alleen" (decides alone) or "vier_ogen" (a second person approves)."""
    if voorziening.soort != VoorzieningSoort.MAATWERK:
        raise ValidationError("Alleen over een maatwerkvoorziening wordt besloten; die heeft een mandaat.")
    if not any(mandaten.get(rol) in ("alleen", "vier_ogen") for rol in MANDAAT_ROLLEN):
        raise ValidationError(
            "Geef ten minste één rol mandaat. Zonder mandaat kan niemand over dit product besluiten."
        )
    for periode in perioden(voorziening).select_for_update():
        bestaand = {m.rol: m for m in periode.mandaten.all()}
        for rol in MANDAAT_ROLLEN:
            keuze = mandaten.get(rol, "geen")
            m = bestaand.get(rol)
            if keuze == "geen":
                if m:
                    m._history_user = door
                    m._change_reason = "Mandaat ingetrokken"
                    m.delete()
                continue
            m = m or Mandaat(voorziening=periode, rol=rol)
            if m.pk and m.vier_ogen == (keuze == "vier_ogen"):
                continue
            m.vier_ogen = keuze == "vier_ogen"
            save_with_history(m, door=door, reden="Mandaat vastgelegd")
    return voorziening


@transaction.atomic
def aanbieder_aanmaken(*, door: Medewerker, **velden) -> Aanbieder:
    aanbieder = Aanbieder(**velden)
    save_with_history(aanbieder, door=door, reden="Aanbieder toegevoegd")
    return aanbieder


@transaction.atomic
def aanbieder_wijzigen(*, door: Medewerker, aanbieder: Aanbieder, **velden) -> Aanbieder:
    """Change the details. A beschikking keeps the name it printed (BeschikkingRegel.aanbieder_naam);
    ``actief`` off means the beschikking no longer offers this aanbieder."""
    aanbieder = Aanbieder.objects.select_for_update().get(pk=aanbieder.pk)
    for naam, waarde in velden.items():
        setattr(aanbieder, naam, waarde)
    save_with_history(aanbieder, door=door, reden="Aanbieder gewijzigd")
    return aanbieder


def _eigen_gemeente(door: Medewerker, gemeente: Gemeente) -> None:
    if gemeente.pk not in door.gemeente_ids:
        raise ValidationError({"gemeente": "Kies een gemeente waarvoor uw organisatie werkt."})


def _contract_geen_overlap(contract: Contract) -> None:
    andere = Contract.objects.filter(
        aanbieder=contract.aanbieder_id,
        gemeente=contract.gemeente_id,
        voorziening__reeks=contract.voorziening.reeks,
    ).exclude(pk=contract.pk)
    botsing = _eerste_overlap(andere, contract)
    if botsing:
        raise ValidationError(
            {
                "geldig_vanaf": f"Er is al een contract voor dit product in deze gemeente vanaf {_datum(botsing.geldig_vanaf)}. "
                "Contracten mogen niet overlappen; beëindig eerst het oude of kies andere datums."
            }
        )


@transaction.atomic
def contract_aanmaken(
    *,
    door: Medewerker,
    aanbieder: Aanbieder,
    gemeente: Gemeente,
    voorziening: Voorziening,
    geldig_vanaf: date,
    geldig_tot: date | None = None,
) -> Contract:
    """The aanbieder delivers this product in natura in this gemeente in this period."""
    _eigen_gemeente(door, gemeente)
    if voorziening.soort != VoorzieningSoort.MAATWERK:
        raise ValidationError({"voorziening": "Een contract is voor een maatwerkvoorziening."})
    contract = Contract(
        aanbieder=aanbieder, gemeente=gemeente, voorziening=voorziening, geldig_vanaf=geldig_vanaf,
        geldig_tot=geldig_tot,
    )  # fmt: skip
    contract.full_clean()
    _contract_geen_overlap(contract)
    save_with_history(contract, door=door, reden=f"Contract voor {voorziening.naam} in {gemeente}"[:100])
    return contract


@transaction.atomic
def contract_beeindigen(*, door: Medewerker, contract: Contract, tot: date) -> Contract:
    """The contract ends after ``tot``; decisions made before keep their aanbieder."""
    contract = Contract.objects.select_for_update().select_related("voorziening").get(pk=contract.pk)
    _eigen_gemeente(door, contract.gemeente)
    if tot is None or tot < contract.geldig_vanaf:
        raise ValidationError(
            {
                "tot": f"De einddatum ligt vóór de begindatum ({_datum(contract.geldig_vanaf)}). Kies een datum op of na de begindatum."
            }
        )
    contract.geldig_tot = tot
    save_with_history(contract, door=door, reden=f"Contract beëindigd per {_datum(tot)}")
    return contract
