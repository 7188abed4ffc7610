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
        "Teams",
        "beheer:teams",
        "Teams van uw organisatie: naam, telefoon en e-mail voor brieven, en teams uit gebruik nemen.",
    ),
    Sectie(
        "Gemeenten",
        "beheer:gemeenten",
        "Gegevens en briefhoofd van elke gemeente, en de instellingen die de werkwijze bepalen.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Organisatie en partners",
        "beheer:organisatie",
        "Voor welke gemeenten uw organisatie werkt, en wat partnerorganisaties mogen.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Brieven",
        "beheer:brieven",
        "De tekst van elke brief per gemeente: aanpassen, voorbeeld bekijken, eerdere versies.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "iWmo-berichten",
        "iwmo_beheer:niet_verwerkt",
        "Ontvangen iWmo-berichten die niet verwerkt zijn, met de reden; downloaden en opnieuw verwerken.",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Zaaksysteem",
        "zgw_beheer:koppelingen",
        "De koppeling met het zaaksysteem per gemeente (ZGW), en wat niet verzonden kon worden.",
        alleen_uitvoering=True,
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
        "Gelijkgestelde dagen",
        "beheer_technisch:index",
        "De dagen die bij Koninklijk Besluit gelijk staan aan een feestdag (termijnen).",
        alleen_uitvoering=True,
    ),
    Sectie(
        "Wijzigingen",
        "beheer:wijzigingen",
        "Wie wat wanneer veranderde in de beheergegevens.",
    ),
)


def secties_voor(user) -> list[Sectie]:
    uitvoering = bool(user.organisatie_id) and not user.organisatie.is_partner
    return [s for s in SECTIES if uitvoering or not s.alleen_uitvoering]
