"""The sections of the beheer start page and menu, in one list (a later issue adds its own:
catalogue, letters, gemeenten). A plain list, no registry: add a line here."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Sectie:
    titel: str
    url_naam: str
    omschrijving: str
    alleen_uitvoering: bool = False  # only for a beheerder of an execution organisation

    @property
    def url(self) -> str:
        return reverse(self.url_naam)


SECTIES = (
    Sectie(
        "Medewerkers",
        "beheer:medewerkers",
        "Accounts van uw organisatie: aanmaken, wijzigen, deactiveren, link voor een wachtwoord.",
    ),
    Sectie(
        "Rolaanvragen",
        "beheer:rolaanvragen",
        "Rollen die een andere beheerder aanvroeg en die op uw goedkeuring wachten.",
    ),
    Sectie(
        "Catalogus",
        "beheer:catalogus",
        "Algemene voorzieningen (de sociale kaart) en maatwerkproducten, met hun perioden en mandaat.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Aanbieders",
        "beheer:aanbieders",
        "Zorgaanbieders met hun AGB-code, en hun contracten per gemeente en product.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Catalogus en instellingen",
        "beheer_technisch:index",
        "Bij KB gelijkgestelde dagen, gemeenten en teams.",
        alleen_uitvoering=True,
    ),
)


def secties_voor(user) -> list[Sectie]:
    uitvoering = bool(user.organisatie_id) and not user.organisatie.is_partner
    return [s for s in SECTIES if uitvoering or not s.alleen_uitvoering]
