"""Per kind of letter: its template, its title and subject, and the names its template reads.

One entry per ``BriefSoort``. The template is ``templates/brieven/<soort>/brief.html``: the
folder is named after the BriefSoort value; it prints the kind's blocks (``blokken.py``). The title is the PDF's document title (``<title>``,
what a screen reader announces); the onderwerp is the letter's heading (H1). Both are in words an
inwoner uses (B1), not the office's names for the kinds ("Verdagingsbericht", "Opschorting
beëindigd"): those stay in ``BriefSoort`` for the staff. ``velden`` are the
names the app puts in the context for this kind, on top of the shared ones of
``wmo.brieven.context``: together they are every placeholder the letter may use.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wmo.constants import BriefSoort


@dataclass(frozen=True)
class Brieftype:
    soort: BriefSoort
    titel: str
    onderwerp: str
    velden: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        return f"brieven/{self.soort.value}/brief.html"


SOORTEN: dict[BriefSoort, Brieftype] = {
    t.soort: t
    for t in (
        Brieftype(
            BriefSoort.ONTVANGSTBEVESTIGING,
            titel=_("Bevestiging van uw melding"),
            onderwerp=_("Wij hebben uw melding ontvangen"),
        ),
        Brieftype(
            BriefSoort.NIEUWE_CONTACTPERSOON,
            titel=_("Nieuwe contactpersoon"),
            onderwerp=_("U heeft een nieuwe contactpersoon"),
        ),
        Brieftype(
            BriefSoort.UITNODIGING_GESPREK,
            titel=_("Uitnodiging gesprek"),
            onderwerp=_("Uitnodiging voor een gesprek over uw melding"),
            velden=("gesprek", "plan_ontvangen"),
        ),
        Brieftype(
            BriefSoort.VERSLAG,
            # "onderzoek", not "gesprek": the verslag records the onderzoek (Wmo 2015 art. 2.3.2
            # lid 8), which may have been done without a gesprek (triage, spoed).
            titel=_("Verslag van het onderzoek"),
            onderwerp=_("Verslag van ons onderzoek"),
            velden=(
                "onderzoek",
                "resultaten",
                "gesprekken",
                "vervolgafspraken",
                "nummer",
                "maatwerk_gevraagd",
            ),
        ),
        Brieftype(
            BriefSoort.VERZOEK_OM_AANVULLING,
            titel=_("Wij hebben meer gegevens nodig"),
            onderwerp=_("Wij hebben meer gegevens nodig voor uw aanvraag"),
            velden=("aanvraag", "opschorting", "oude_deadline"),
        ),
        Brieftype(
            BriefSoort.OPSCHORTING_BEEINDIGD,
            titel=_("De tijd voor ons besluit loopt weer"),
            onderwerp=_("De tijd voor ons besluit loopt weer"),
            velden=("aanvraag", "opschorting", "reden_in_gewone_woorden", "dagen_stil"),
        ),
        Brieftype(
            BriefSoort.VERDAGINGSBERICHT,
            titel=_("Ons besluit komt later"),
            onderwerp=_("Ons besluit over uw aanvraag komt later"),
            velden=("aanvraag", "verdaging", "dwangsom"),
        ),
        Brieftype(
            BriefSoort.BESCHIKKING,
            titel=_("Ons besluit over uw aanvraag"),
            onderwerp=_("Ons besluit over uw aanvraag"),
            velden=("aanvraag", "beschikking", "regels", "gesprek_gevoerd", "verslag_verstuurd"),
        ),
    )
}
