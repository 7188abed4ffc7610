"""Make a letter and keep it exactly as sent: render (wmo.pdf) and freeze in one function."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker
from wmo.pdf import render_pdf

from .context import brief_context
from .soorten import SOORTEN


def render_brief(*, soort: BriefSoort, melding, context: dict | None = None, concept: bool = False) -> bytes:
    """The letter as a tagged PDF, not stored; ``concept`` marks a preview that is not sent."""
    brieftype = SOORTEN[soort]
    return render_pdf(
        brieftype.template, brief_context(brieftype, melding=melding, context=context, concept=concept)
    )


def brief_versturen(*, soort: BriefSoort, melding, door: Medewerker, context: dict | None = None) -> Brief:
    """Render the letter about ``melding`` to its inwoner and freeze it as sent: the PDF bytes,
    their SHA-256 (Brief.save), the moment and who sent it.

    Called inside the app's service, so the change of state and its letter are one transaction.
    ``context`` holds the kind's own velden (soorten.SOORTEN).
    """
    pdf = render_brief(soort=soort, melding=melding, context=context)
    if not pdf.startswith(b"%PDF"):
        raise ValidationError("Dit is geen PDF.")
    return Brief.objects.create(
        soort=soort,
        kenmerk=melding.kenmerk,
        pdf=pdf,
        inwoner=melding.inwoner,
        melding=melding,
        verstuurd_op=timezone.now(),
        verstuurd_door=door,
    )
