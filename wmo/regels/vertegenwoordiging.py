"""Who receives a letter: the wettelijk vertegenwoordiger, copies, and data minimisation, written once.

The rule in plain words
-----------------------
A letter is meant for the inwoner. Who gets it on paper depends on who legally acts for them:

- **Curator** (curatele, BW boek 1 art. 378). The curandus cannot perform legal acts
  (art. 1:381 lid 2); for care ("verzorging, verpleging, behandeling en begeleiding") art.
  1:453 and 1:454 apply by analogy (art. 1:381 lid 4). The curator represents the inwoner in
  matters of person and money: the original of every letter goes to the curator.
- **Mentor** (mentorschap, art. 1:450). The mentor represents the inwoner in matters of care
  (art. 1:453) and involves the inwoner in what he does (art. 1:454). Wmo support is such a
  matter: the original of every letter goes to the mentor.
- **Bewindvoerder** (beschermingsbewind, art. 1:431). The bewindvoerder represents the inwoner
  only for the goods under bewind, i.e. money (art. 1:441 lid 1). The inwoner stays competent
  in matters of care, so the inwoner keeps the original; the bewindvoerder gets a copy, because
  Wmo decisions have money consequences (eigen bijdrage, pgb).
- **Ouder of voogd met gezag** (a minor, BW boek 1 titel 14). A minor is under gezag (art.
  1:245 lid 1): ouderlijk gezag of one or both parents, or voogdij (art. 1:245 lid 2 and 3). Gezag
  concerns the person and the property of the minor (art. 1:245 lid 4), and the one with gezag
  represents the minor in civil matters (art. 1:245 lid 4; for voogdij art. 1:337 lid 1); ouderlijk
  gezag includes the care and upbringing (art. 1:247 lid 1). A Wmo voorziening for a child (a
  woningaanpassing) is such a matter: the original of every letter goes to the one with gezag.
  Gezag ends when the child turns 18 (art. 1:233: minderjarig is who has not reached 18), so from
  that day on the original goes to the inwoner again, whatever is still recorded (``minderjarig``).
- **Contactpersoon who asked for copies** (``Inwoner.contactpersoon_krijgt_kopie``): a copy of
  every letter, marked "Kopie", saying to whom the original went.

Choices made here (the law does not spell them out; a jurist may review them):

- Under curatele or mentorschap the inwoner does not get a separate copy: the vertegenwoordiger
  involves the inwoner (art. 1:454 lid 1, by analogy for the curator through art. 1:381 lid 4).
- Gezag is its own kind (``GEZAG``), not a mentor or curator: those are measures for adults
  (art. 1:378, 1:450), and the BRP says who has gezag (``gezag``, BRP API Personen 2.x), which
  brp offers to the loket; it is never written into the vertegenwoordiger by itself. Two parents
  with gezamenlijk gezag: one is recorded and gets the original; the other parent can be the
  contactpersoon with copies (the same known limit as below). Recorded only for a minor.
- One wettelijk vertegenwoordiger per inwoner is recorded (the loket's form). An inwoner with
  both a mentor and a bewindvoerder has the mentor recorded as vertegenwoordiger and the
  bewindvoerder as contactpersoon with copies; that is a known limit.
- **Data minimisation** (AVG art. 5 lid 1 onder c; health data are a special category, AVG art.
  9): the verslag describes the inwoner's health and daily life, which is not needed for
  managing money. A bewindvoerder gets **no copy of the verslag at all** unless the inwoner
  consented, and that consent is recorded with its date and who recorded it
  (``Inwoner.toestemming_verslag_bewindvoerder_op`` / ``_door``). We chose "no verslag" over a
  version without health details: a verslag without its findings says nothing a bewindvoerder
  needs, and leaving parts out by hand is where mistakes happen. All other letters (also the
  beschikking, which sets the eigen bijdrage) go to the bewindvoerder as a copy.
- A contactpersoon gets copies only when the inwoner asked for it (the flag), including the
  verslag: the inwoner chose that person.

Pure: the callers pass plain values; ``wmo.brieven.ontvangers`` turns an inwoner into the list
of recipients with this module.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

MEERDERJARIG_OP = 18  # years; BW art. 1:233


class Vertegenwoordiging(models.TextChoices):
    """The kind of wettelijk vertegenwoordiger (BW boek 1 titels 16, 19 and 20)."""

    CURATOR = "curator", _("Curator (curatele)")
    MENTOR = "mentor", _("Mentor (mentorschap)")
    BEWINDVOERDER = "bewindvoerder", _("Bewindvoerder (beschermingsbewind)")
    GEZAG = "gezag", _("Ouder of voogd met gezag (kind onder 18)")


class Vertegenwoordigt(models.TextChoices):
    """What the vertegenwoordiger acts for."""

    PERSOON = "persoon", _("de persoon (zorg en begeleiding)")
    GELD = "geld", _("geld en bezit")
    BEIDE = "beide", _("de persoon en geld en bezit")


class OntvangerRol(models.TextChoices):
    """In which role a recipient got a letter (stored on every Brief)."""

    INWONER = "inwoner", _("inwoner")
    CURATOR = "curator", _("curator")
    MENTOR = "mentor", _("mentor")
    BEWINDVOERDER = "bewindvoerder", _("bewindvoerder")
    GEZAG = "gezag", _("ouder of voogd met gezag")
    CONTACTPERSOON = "contactpersoon", _("contactpersoon")


# What each kind represents: curator art. 1:381 lid 2 en 4 BW; mentor art. 1:453 BW; bewindvoerder art. 1:441
# lid 1 BW; gezag art. 1:245 lid 4 BW (person and property).
VERTEGENWOORDIGT = {
    Vertegenwoordiging.CURATOR: Vertegenwoordigt.BEIDE,
    Vertegenwoordiging.GEZAG: Vertegenwoordigt.BEIDE,
    Vertegenwoordiging.MENTOR: Vertegenwoordigt.PERSOON,
    Vertegenwoordiging.BEWINDVOERDER: Vertegenwoordigt.GELD,
}


def minderjarig(geboortedatum: date | None, op: date) -> bool:
    """Under 18 on ``op`` (BW art. 1:233; marriage before 18 is not possible, art. 1:31). Without a
    birth date: not known to be a minor (False)."""
    if geboortedatum is None:
        return False
    try:
        achttiende = geboortedatum.replace(year=geboortedatum.year + MEERDERJARIG_OP)
    except ValueError:  # born on 29 February: 18 on 1 March in a year without one
        achttiende = date(geboortedatum.year + MEERDERJARIG_OP, 3, 1)
    return op < achttiende


def geldende_soort(soort: str, *, geboortedatum: date | None, op: date) -> str:
    """The kind of vertegenwoordiger that counts on ``op``: gezag ends at 18 (art. 1:233, 1:245 lid 1),
    so a recorded GEZAG over an inwoner who is no longer a minor counts as none."""
    if soort == Vertegenwoordiging.GEZAG and not minderjarig(geboortedatum, op):
        return ""
    return soort


def vertegenwoordigt(soort: str) -> Vertegenwoordigt | None:
    """What a vertegenwoordiger of ``soort`` represents; None without one."""
    return VERTEGENWOORDIGT.get(soort) if soort else None


def krijgt_origineel(soort: str) -> bool:
    """Whether the vertegenwoordiger gets the original instead of the inwoner.

    Yes when they represent the person (curator, mentor, ouder of voogd met gezag): Wmo support is
    care (art. 1:453 BW, for the curator through art. 1:381 lid 4; gezag art. 1:245 lid 4, 1:247). A bewindvoerder (money only, art. 1:441) gets a copy.
    """
    return vertegenwoordigt(soort) in (Vertegenwoordigt.PERSOON, Vertegenwoordigt.BEIDE)


def bewindvoerder_krijgt_kopie(*, is_verslag: bool, toestemming: bool) -> bool:
    """Data minimisation (AVG art. 5 lid 1 onder c): the verslag only with the inwoner's consent."""
    return toestemming or not is_verslag
