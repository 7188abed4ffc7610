"""Letters to the inwoner: what each kind says, the context they share, sending and serving.

The process in plain words
--------------------------
Every letter is about a melding and is meant for its inwoner; the original goes to the
inwoner or to their curator or mentor, and a bewindvoerder or a contactpersoon who asked for
copies gets a copy (``ontvangers.py``, the rule in ``wmo.regels.vertegenwoordiging``). The app whose step it is decides
when a letter goes out and what is particular to it (the verslag's findings, the
beschikking's regels); inside its own service, in the same transaction as the change of
state, it calls ``brief_versturen(soort=BriefSoort.X, melding=..., door=..., context={...})``.
This module adds what every letter shares (``context.py``: letterhead, address, date,
kenmerk, contact), renders the tagged PDF (``wmo.pdf.render_pdf``) and keeps it exactly as
sent: the bytes, their SHA-256, the moment and who sent it (``wmo.models.Brief``). A stored
letter is served as it was sent (``brief_response``); a preview that is not sent is
``render_brief(..., concept=True)``.

Where the texts live
--------------------
Per ``BriefSoort`` (``soorten.SOORTEN``): the title, the onderwerp (the heading) and the
names of its own context (``velden``). Its text is a list of blocks (``blokken.BLOKKEN``):
texts a functioneel beheerder may change per gemeente, each with a standard text in code, and
fixed parts the system makes (template partials beside ``templates/brieven/<soort>/brief.html``).
The layout around it (letterhead, address block, date and kenmerk, signature, page footer) is
``templates/brieven/basis.html``, with shared paragraphs such as ``_contact.html`` beside it;
the layout is not editable.

A gemeente's own text is a version (``wmo.models.BriefTekst``, ``tekstversies.py``): the
onderwerp and the text per block, saved through ``tekst_opslaan``, which refuses template code,
placeholders the kind does not know and a legally required part that is missing. The texts use
a small markup with placeholders (``teksten.py``) that never reaches the template engine. Every
letter records the version it was sent with (``Brief.tekst``; None: the standard text).

The core imports no app: the melding and the objects in ``context`` are read by attribute.
"""

from .context import GEDEELD, brief_context
from .ontvangers import Ontvanger, ontvangers
from .responses import brief_response, pdf_response
from .soorten import SOORTEN, Brieftype
from .versturen import (
    al_verstuurd_bericht,
    als_herhaling,
    brief_versturen,
    eerder_verstuurd,
    last_change,
    render_brief,
)

__all__ = [
    "GEDEELD",
    "al_verstuurd_bericht",
    "als_herhaling",
    "eerder_verstuurd",
    "last_change",
    "Ontvanger",
    "SOORTEN",
    "Brieftype",
    "brief_context",
    "brief_response",
    "brief_versturen",
    "ontvangers",
    "pdf_response",
    "render_brief",
]
