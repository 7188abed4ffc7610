"""Spoed: a voorlopige voorziening before the onderzoek is done (Wmo 2015 art. 2.3.3), written once.

The rule in plain words
-----------------------
When an inwoner needs help at once, the college provides a temporary maatwerkvoorziening
while awaiting the outcome of the onderzoek (Wmo 2015 art. 2.3.3). In Keukentafel the loket
marks the melding as spoed, with the reason written down; on such a melding, and only
there, an aanvraag may come in as a spoed aanvraag (Grondslag "spoed"). Whatever is granted
on it is a voorlopige voorziening with an einddatum. The onderzoek goes on: the spoed
aanvraag and its beschikking do not move the melding's status forward (no "aanvraag
ontvangen", no "besloten"); the regular aanvraag after the verslag does that.

Who applies it
--------------
- meldingen.models.Melding.clean: ``reden_ontbreekt``;
- aanvragen.models.Aanvraag.clean: ``aanvraag_toegestaan``;
- aanvragen.models.BeschikkingRegel.clean: ``einddatum_ontbreekt``;
- aanvragen.services: ``besluit_voorlopig_ontbreekt`` when a decision is recorded,
  ``onderzoek_gaat_door`` when an aanvraag is registered and when it is decided.

Pure: callers pass booleans and dates (``Aanvraag.is_spoed`` says whether the aanvraag came
in as spoed); the messages the inwoner and consulent see stay with the callers.
"""

from datetime import date


def reden_ontbreekt(*, spoed: bool, reden: str) -> bool:
    """A melding marked spoed must say why (the ground for a spoed aanvraag under art. 2.3.3)."""
    return spoed and not (reden or "").strip()


def aanvraag_toegestaan(*, spoed_aanvraag: bool, melding_spoed: bool) -> bool:
    """A spoed aanvraag (art. 2.3.3) is only allowed on a melding marked spoed; any other
    aanvraag is not this rule's business."""
    return not spoed_aanvraag or melding_spoed


def besluit_voorlopig_ontbreekt(*, spoed_aanvraag: bool, toegekend: bool, voorlopig: bool) -> bool:
    """On a spoed aanvraag, what is granted (fully or partly) is a voorlopige voorziening
    (art. 2.3.3: "in afwachting van de uitkomst van het onderzoek"); a refusal is not."""
    return spoed_aanvraag and toegekend and not voorlopig


def einddatum_ontbreekt(*, voorlopig: bool, einddatum: date | None) -> bool:
    """A voorlopige voorziening is temporary (art. 2.3.3), so it always has an einddatum."""
    return voorlopig and einddatum is None


def onderzoek_gaat_door(*, spoed_aanvraag: bool) -> bool:
    """Whether the onderzoek goes on after this aanvraag (art. 2.3.3): after a spoed aanvraag
    it does, so registering or deciding it does not move the melding's status forward."""
    return spoed_aanvraag
