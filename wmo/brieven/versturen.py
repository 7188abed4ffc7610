"""Make a letter and keep it exactly as sent: render (wmo.pdf) and freeze in one function."""

from datetime import datetime
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wmo.constants import BriefSoort
from wmo.models import Brief, Medewerker
from wmo.pdf import render_pdf
from wmo.signals import persoonsgegevens_gebruiken

from .blokken import BLOKKEN
from .context import brief_context
from .ontvangers import Ontvanger, ontvangers
from .soorten import SOORTEN
from .tekstversies import blokken_context, huidige_tekst

T = TypeVar("T")

# render_brief without ``tekst``: look up the gemeente's version in use.
HUIDIGE = object()


def render_brief(
    *,
    soort: BriefSoort,
    melding,
    context: dict | None = None,
    concept: bool = False,
    ontvanger: Ontvanger | None = None,
    origineel_naar: Ontvanger | None = None,
    tekst=HUIDIGE,
) -> bytes:
    """The letter as a tagged PDF, not stored; ``concept`` marks a preview that is not sent.

    Without ``ontvanger`` it is addressed to whoever gets the original (ontvangers.ontvangers).
    ``tekst`` is the text version (wmo.models.BriefTekst, saved or not; None: the standard text);
    without it, the gemeente's version in use (tekstversies.huidige_tekst).
    """
    brieftype = SOORTEN[soort]
    inhoud = brief_context(
        brieftype,
        melding=melding,
        context=context,
        concept=concept,
        ontvanger=ontvanger,
        origineel_naar=origineel_naar,
    )
    if soort in BLOKKEN:
        if tekst is HUIDIGE:
            tekst = huidige_tekst(gemeente=melding.gemeente, soort=soort)
        inhoud.update(blokken_context(soort, inhoud, tekst))
    return render_pdf(brieftype.template, inhoud)


def brief_versturen(*, soort: BriefSoort, melding, door: Medewerker, context: dict | None = None) -> Brief:
    """Render the letter about ``melding`` and freeze it as sent: the original and each copy.

    The original goes to the inwoner, or to their curator or mentor; a bewindvoerder and a
    contactpersoon who asked for copies get a copy marked "Kopie" that names to whom the
    original went (wmo.regels.vertegenwoordiging, with the articles). Each PDF is its own Brief:
    the bytes, their SHA-256 (Brief.save), the moment, who sent it and to whom; a copy points to
    its original. Returns the original.

    Called inside the app's service, so the change of state and its letters are one transaction.
    ``context`` holds the kind's own velden (soorten.SOORTEN). Before rendering, the inwoner's data
    are refreshed from the BRP where the gemeente has a koppeling (wmo.signals), with what the
    calling service fetched before its transaction opened: decorate it with
    ``wmo.persoonsgegevens.vooraf_ophalen``, or the BRP is not asked (never inside a transaction).
    """
    persoonsgegevens_gebruiken.send(
        sender=Brief,
        inwoner=melding.inwoner,
        door=door,
        aanleiding=f"brief {BriefSoort(soort).label.lower()}",
    )
    lijst = ontvangers(soort=soort, inwoner=melding.inwoner)
    # The gemeente's text version in use; each letter records it (Brief.tekst; None: standard text).
    tekst = huidige_tekst(gemeente=melding.gemeente, soort=soort)
    nu = timezone.now()
    origineel = None
    for ontvanger in lijst:
        pdf = render_brief(
            soort=soort,
            melding=melding,
            context=context,
            ontvanger=ontvanger,
            origineel_naar=lijst[0] if ontvanger.kopie else None,
            tekst=tekst,
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
            tekst=tekst,
        )
        origineel = origineel or brief
    return origineel


# --- The same send twice ------------------------------------------------------------------
#
# A double click, a retry after a slow answer or three tabs posting at once must not make three
# letters (and three versions of a verslag). Every service that sends a letter first locks the
# row that owns it (select_for_update), so sends about one object run one after the other;
# then it asks ``eerder_verstuurd`` whether this send already happened. "The same send" is:
# the same kind of letter about the same melding, sent earlier TODAY (Europe/Amsterdam), with no
# change since to anything the letter states (the service names those objects' history). The
# second call then returns what the first made, marked with ``al_verstuurd``, and the view says
# "Deze brief is al verstuurd op ...". A letter asked for on another day is a new letter: its
# date differs, and a letter that got lost in the post must be sendable again.


def last_change(*histories) -> datetime | None:
    """The newest ``history_date`` in the given django-simple-history querysets (None if all empty)."""
    momenten = [m for qs in histories if (m := qs.aggregate(m=Max("history_date"))["m"]) is not None]
    return max(momenten, default=None)


def eerder_verstuurd(*, soort: BriefSoort, melding, sinds: datetime | None = None) -> Brief | None:
    """The original of the newest letter of ``soort`` about ``melding`` if it went out today
    and at or after ``sinds`` (the last change to what it states); else None. Call it with the
    owning row locked, so a parallel send waits and then finds this one."""
    brief = (
        Brief.objects.filter(soort=soort, melding=melding, origineel__isnull=True)
        .defer("pdf")
        .order_by("-verstuurd_op", "-pk")
        .first()
    )
    if brief is None or timezone.localdate(brief.verstuurd_op) != timezone.localdate():
        return None
    if sinds is not None and brief.verstuurd_op < sinds:
        return None
    return brief


def als_herhaling(obj: T, brief: Brief) -> T:
    """Mark ``obj`` (the letter, or the object the send made) as made by an earlier, identical send."""
    obj.al_verstuurd = brief
    return obj


def al_verstuurd_bericht(obj) -> str | None:
    """For the view: the friendly answer to a repeated send, or None when this send was new."""
    brief = getattr(obj, "al_verstuurd", None)
    if brief is None:
        return None
    moment = timezone.localtime(brief.verstuurd_op)
    return _("Deze brief is al verstuurd op %(datum)s om %(tijd)s uur. Er is geen nieuwe brief gemaakt.") % {
        "datum": date_format(moment, "j F Y"),
        "tijd": date_format(moment, "H:i"),
    }
