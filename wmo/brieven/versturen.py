"""Make a letter and keep it exactly as sent: render (wmo.pdf) and freeze in one function."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker
from wmo.pdf import render_pdf

from .context import brief_context
from .ontvangers import Ontvanger, ontvangers
from .soorten import SOORTEN


def render_brief(
    *,
    soort: BriefSoort,
    melding,
    context: dict | None = None,
    concept: bool = False,
    ontvanger: Ontvanger | None = None,
    origineel_naar: Ontvanger | None = None,
) -> bytes:
    """The letter as a tagged PDF, not stored; ``concept`` marks a preview that is not sent.

    Without ``ontvanger`` it is addressed to whoever gets the original (ontvangers.ontvangers).
    """
    brieftype = SOORTEN[soort]
    return render_pdf(
        brieftype.template,
        brief_context(
            brieftype,
            melding=melding,
            context=context,
            concept=concept,
            ontvanger=ontvanger,
            origineel_naar=origineel_naar,
        ),
    )


def brief_versturen(*, soort: BriefSoort, melding, door: Medewerker, context: dict | None = None) -> Brief:
    """Render the letter about ``melding`` and freeze it as sent: the original and each copy.

    The original goes to the inwoner, or to their curator or mentor; a bewindvoerder and a
    contactpersoon who asked for copies get a copy marked "Kopie" that names to whom the
    original went (wmo.regels.vertegenwoordiging, with the articles). Each PDF is its own Brief:
    the bytes, their SHA-256 (Brief.save), the moment, who sent it and to whom; a copy points to
    its original. Returns the original.

    Called inside the app's service, so the change of state and its letters are one transaction.
    ``context`` holds the kind's own velden (soorten.SOORTEN).
    """
    lijst = ontvangers(soort=soort, inwoner=melding.inwoner)
    nu = timezone.now()
    origineel = None
    for ontvanger in lijst:
        pdf = render_brief(
            soort=soort,
            melding=melding,
            context=context,
            ontvanger=ontvanger,
            origineel_naar=lijst[0] if ontvanger.kopie else None,
        )
        if not pdf.startswith(b"%PDF"):
            raise ValidationError("Dit is geen PDF.")
        brief = Brief.objects.create(
            soort=soort,
            kenmerk=melding.kenmerk,
            pdf=pdf,
            inwoner=melding.inwoner,
            melding=melding,
            verstuurd_op=nu,
            verstuurd_door=door,
            ontvanger_naam=ontvanger.naam,
            ontvanger_adres=ontvanger.adres,
            ontvanger_rol=ontvanger.rol,
            origineel=origineel,
        )
        origineel = origineel or brief
    return origineel
