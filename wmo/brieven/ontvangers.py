"""To whom a letter goes: the original and its copies, from the inwoner's record.

The rule (who represents whom, who gets the original, the bewindvoerder and the verslag) is
``wmo.regels.vertegenwoordiging``, with its articles; this turns an inwoner into the list of
recipients, read by attribute (the core imports no app).
"""

from dataclasses import dataclass

from django.utils import timezone

from wmo.constants import BriefSoort
from wmo.regels import vertegenwoordiging as regel
from wmo.regels.vertegenwoordiging import OntvangerRol, Vertegenwoordiging


@dataclass(frozen=True)
class Ontvanger:
    """One recipient as printed in the address block."""

    naam: str
    adresregels: tuple[str, ...]
    rol: OntvangerRol
    kopie: bool = False

    @property
    def is_vertegenwoordiger(self) -> bool:
        return self.rol in (
            OntvangerRol.CURATOR,
            OntvangerRol.MENTOR,
            OntvangerRol.BEWINDVOERDER,
            OntvangerRol.GEZAG,
        )

    @property
    def adres(self) -> str:
        return "\n".join(r for r in self.adresregels if r)


def _inwoner(inwoner) -> Ontvanger:
    plaats = f"{inwoner.postcode_weergave}  {inwoner.woonplaats.upper()}"
    return Ontvanger(inwoner.naam, (inwoner.adresregel, plaats), OntvangerRol.INWONER)


def _vertegenwoordiger(inwoner, *, kopie: bool) -> Ontvanger:
    return Ontvanger(
        inwoner.vertegenwoordiger_naam,
        tuple(inwoner.vertegenwoordiger_adresregels),
        OntvangerRol(inwoner.vertegenwoordiger_soort),
        kopie=kopie,
    )


def _contactpersoon(inwoner) -> Ontvanger:
    # The contactpersoon's address is one free-text field; a comma starts a new line on the envelope.
    # The place on the last line in capitals, as on the other address blocks (PostNL's convention).
    regels = [r.strip() for r in inwoner.contactpersoon_adres.split(",") if r.strip()]
    if len(regels) > 1:
        regels[-1] = regels[-1].upper()
    regels = tuple(regels)
    return Ontvanger(inwoner.contactpersoon_naam, regels, OntvangerRol.CONTACTPERSOON, kopie=True)


def ontvangers(*, soort: BriefSoort, inwoner) -> list[Ontvanger]:
    """The original's recipient first, then the copies (wmo.regels.vertegenwoordiging)."""
    soort_vt = regel.geldende_soort(
        inwoner.vertegenwoordiger_soort, geboortedatum=inwoner.geboortedatum, op=timezone.localdate()
    )
    if soort_vt and regel.krijgt_origineel(soort_vt):
        lijst = [_vertegenwoordiger(inwoner, kopie=False)]
    else:
        lijst = [_inwoner(inwoner)]
    if soort_vt == Vertegenwoordiging.BEWINDVOERDER and regel.bewindvoerder_krijgt_kopie(
        is_verslag=soort == BriefSoort.VERSLAG,
        toestemming=inwoner.toestemming_verslag_bewindvoerder_op is not None,
    ):
        lijst.append(_vertegenwoordiger(inwoner, kopie=True))
    if inwoner.contactpersoon_krijgt_kopie:
        lijst.append(_contactpersoon(inwoner))
    return lijst
