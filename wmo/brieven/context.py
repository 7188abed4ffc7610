"""The context every letter shares: letterhead, address block, date, kenmerk and contact.

Built from the melding passed in, by attribute access only (the core imports no app): its
inwoner (the address block), gemeente (letterhead and signature), team and consulent (the
contact; without a consulent the letter names the team) and kenmerk; and the recipient
(``ontvanger``: the inwoner, or their curator or mentor; a copy also names to whom the
original went). The date is today in the
gemeente's time zone; basis.html writes it as "7 april 2026".
"""

from django.utils import timezone

from .ontvangers import Ontvanger, ontvangers
from .soorten import Brieftype

# Every name the shared context holds: a letter's template may use these and its own velden.
GEDEELD = (
    "melding",
    "inwoner",
    "gemeente",
    "team",
    "contact",
    "datum",
    "kenmerk",
    "titel",
    "onderwerp",
    "concept",
    "ontvanger",
    "origineel_naar",
    "aanhef",
)


def brief_context(
    brieftype: Brieftype,
    *,
    melding,
    context: dict | None = None,
    concept: bool = False,
    ontvanger: Ontvanger | None = None,
    origineel_naar: Ontvanger | None = None,
) -> dict:
    """The shared context for a letter about ``melding``, with the kind's own ``context`` on top.

    ``context`` holds exactly the kind's velden (soorten.SOORTEN) and may override a shared
    value (the uitnodiging names the gesprek's consulent as contact). A missing or unknown name
    is a programming error: it would print as nothing in the letter.

    ``ontvanger`` is who this copy of the letter is addressed to (default: the original's
    recipient, ontvangers.ontvangers); a copy also names ``origineel_naar``.
    """
    context = context or {}
    ontbreekt = set(brieftype.velden) - set(context)
    onbekend = set(context) - set(brieftype.velden) - set(GEDEELD)
    if ontbreekt or onbekend:
        raise TypeError(
            f"Letter {brieftype.soort.value}: missing {sorted(ontbreekt)}, unknown {sorted(onbekend)}"
        )
    if ontvanger is None:
        ontvanger = ontvangers(soort=brieftype.soort, inwoner=melding.inwoner)[0]
    # "Beste ...": whoever the original is addressed to (the inwoner, or the mentor or curator who
    # receives the letter in their place); a copy greets as the original does.
    aanhef = (origineel_naar if ontvanger.kopie and origineel_naar else ontvanger).naam
    return {
        "aanhef": aanhef,
        "ontvanger": ontvanger,
        "origineel_naar": origineel_naar,
        "melding": melding,
        "inwoner": melding.inwoner,
        "gemeente": melding.gemeente,
        "team": melding.team,
        "contact": melding.consulent,
        "datum": timezone.localdate(),
        "kenmerk": melding.kenmerk,
        "titel": brieftype.titel,
        "onderwerp": brieftype.onderwerp,
        "concept": concept,
        **context,
    }
