"""Retention: closed Wmo dossiers past their period are anonymised, and what is counted stays.

The rule, in plain words. A dossier is the inwoner with everything recorded about them. It is
*closed* when every melding is closed (afgesloten or besloten), every aanvraag is decided, and no
granted voorziening runs any more (every regel that is not afgewezen has an einddatum before
today; a regel without einddatum runs for an indefinite time). It *ends* on the last day
something happened in it: the last change of a melding (its closing), the decision on an
aanvraag, the beschikking's publication, the nazorg, a bezwaar, or the end of a voorziening.
It is kept up to and including ``einde + DOSSIER_BEWAARTERMIJN_JAREN`` years; from the next day it
is *past its period* and ``manage.py dossiers_bewaartermijn`` lists it.

Legal basis, and the choice made:

- Archiefwet 1995 art. 3 (archives in good order) and art. 5 (destroying is allowed, and then
  required, only under a selectielijst), with Archiefbesluit 1995 art. 2 and 3.
- The "Selectielijst gemeenten en intergemeentelijke organen 2020" (VNG) sets the period per
  process result, counted from a brondatum; for providing a Wmo maatwerkvoorziening the
  brondatum is the end of the voorziening. The exact entry (its number and years) could not be
  confirmed from the sources available while this was built. CHOICE: a default of 15 years
  after the end of the dossier, the longer of the periods in use for care and support files, so
  that nothing is destroyed before the list allows it; a gemeente sets
  ``DOSSIER_BEWAARTERMIJN_JAREN`` to the period its archivist reads in the selectielijst. A
  jurist or archivist must confirm the number before the command runs with ``--anonimiseren``.
- AVG art. 5 lid 1 onder e (storage limitation) and art. 17: after the period the personal data
  go; anonymising rather than deleting keeps the counts for management information (Wmo 2015
  art. 2.5.1 and the gemeente's own accountability): meldingen, dates, statuses, products,
  outcomes and the gemeente stay; who the inwoner is and what they told us does not.

What anonymising does (``dossier_anonimiseren``, one transaction per dossier):

- the inwoner: BSN replaced by ``A`` + the record number (never a valid BSN, so it cannot meet a
  real person's; it also marks the dossier as done, which makes the command idempotent), names
  and address and contact details and representatives replaced or emptied, the birth date
  reduced to 1 January of the birth year (CHOICE: the age group of the cliëntervaringsonderzoek
  and management information stays; the exact day goes);
- every free text of the dossier (hulpvraag, melder, gesprek, triage, onderzoek, resultaten,
  ladder, verslag reactions, vervolgafspraken, aanvraag, opschorting, verdaging, beschikking,
  motivering, bezwaar, nazorg): a text that was filled becomes "Geanonimiseerd", an empty one
  stays empty (so the database's rules about required texts still hold and a reader sees that
  something was removed);
- the stored letters (``Brief.pdf``, with addressee) and persoonlijk plan files: their bytes
  deleted; the row stays with its kind and date (a count);
- the django-simple-history rows of all those objects get the same treatment, so the history
  holds no old BSN, name or text either; their dates and statuses stay (the timeline).

Left alone on purpose: the access log (``wmo.Inzage``): NEN 7513 and BIO 12.4 require that it
cannot be altered; it has its own retention (the privacy part of this work). Staff names stay:
they are not the inwoner's data and the history must still say who did what.

The record of anonymising: a history row on the inwoner ("Geanonimiseerd na de bewaartermijn",
with who ran it, when, and how many objects), and a log line; neither holds personal data.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Greatest, TruncDate
from django.utils import timezone

from aanvragen.constants import Uitkomst
from aanvragen.models import (
    AangevraagdeVoorziening,
    Aanvraag,
    Beschikking,
    BeschikkingRegel,
    Bezwaar,
    Opschorting,
    Verdaging,
)
from brp.models import InwonerBrp
from gesprekken.models import (
    Gesprek,
    LadderTrede,
    Onderzoek,
    PersoonlijkPlan,
    ResultaatOnderzoek,
    Triage,
    VerslagVersie,
    Vervolgafspraak,
)
from meldingen.constants import OPEN_STATUSSEN
from meldingen.models import Inwoner, Melding
from wmo.models import Brief, Medewerker

logger = logging.getLogger("keukentafel.bewaartermijn")

GEANONIMISEERD = "Geanonimiseerd"
BSN_PREFIX = "A"  # an anonymised BSN: "A" + 8 digits of the record number (a BSN has 9 digits)


def bewaren_tot(einde: date, jaren: int) -> date:
    """The last day a dossier that ended on ``einde`` is kept (29 February → 28 February)."""
    try:
        return einde.replace(year=einde.year + jaren)
    except ValueError:
        return einde.replace(year=einde.year + jaren, day=28)


def grens(vandaag: date, jaren: int) -> date:
    """Dossiers that ended before this day are past their period today."""
    try:
        return vandaag.replace(year=vandaag.year - jaren)
    except ValueError:  # 29 February: a dossier of 28 February ends its period today
        return vandaag.replace(year=vandaag.year - jaren, day=28)


def _max(qs, veld) -> Subquery:
    return Subquery(qs.values("_i").annotate(m=Max(veld)).values("m")[:1], output_field=models.DateField())


def dossiers_met_einde(vandaag: date):
    """Closed (on ``vandaag``), not yet anonymised dossiers, annotated with ``einde`` (their last
    day) and ``aantal_meldingen``. One query (a subquery per source of the end date; PostgreSQL's
    GREATEST skips the sources a dossier does not have)."""
    tz = timezone.get_default_timezone()
    per_inwoner = {"_i": OuterRef("pk")}
    meldingen = Melding.history.model.objects.annotate(_i=F("inwoner_id")).filter(**per_inwoner)
    aanvragen = Aanvraag.objects.annotate(_i=F("melding__inwoner_id")).filter(**per_inwoner)
    beschikkingen = Beschikking.objects.annotate(_i=F("aanvraag__melding__inwoner_id")).filter(**per_inwoner)
    regels = BeschikkingRegel.objects.annotate(_i=F("beschikking__aanvraag__melding__inwoner_id")).filter(
        **per_inwoner
    )
    bezwaren = Bezwaar.objects.annotate(_i=F("beschikking__aanvraag__melding__inwoner_id")).filter(
        **per_inwoner
    )
    lopend = regels.exclude(uitkomst=Uitkomst.AFGEWEZEN).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)
    )
    return (
        Inwoner.objects.exclude(bsn__startswith=BSN_PREFIX)
        .filter(Exists(Melding.objects.filter(inwoner=OuterRef("pk"))))
        .exclude(Exists(Melding.objects.filter(inwoner=OuterRef("pk"), status__in=OPEN_STATUSSEN)))
        .exclude(Exists(aanvragen.filter(besloten_op__isnull=True)))
        .exclude(Exists(lopend))
        .annotate(
            einde=Greatest(
                _max(meldingen, TruncDate("history_date", tzinfo=tz)),
                _max(aanvragen, "besloten_op"),
                _max(beschikkingen, "bekendgemaakt_op"),
                _max(beschikkingen, "nazorg_gedaan_op"),
                _max(regels, "einddatum"),
                _max(bezwaren, "ontvangen_op"),
                output_field=models.DateField(),
            ),
            aantal_meldingen=Subquery(
                Melding.objects.filter(inwoner=OuterRef("pk"))
                .values("inwoner_id")
                .annotate(n=models.Count("pk"))
                .values("n")[:1],
                output_field=models.IntegerField(),
            ),
        )
    )


def verlopen_dossiers(*, vandaag: date | None = None, jaren: int | None = None):
    """The closed dossiers past their retention period today, oldest first."""
    vandaag = vandaag or timezone.localdate()
    jaren = settings.DOSSIER_BEWAARTERMIJN_JAREN if jaren is None else jaren
    return (
        dossiers_met_einde(vandaag)
        .filter(einde__lt=grens(vandaag, jaren))
        .select_related("gemeente")
        .order_by("einde", "pk")
    )


# --- Anonymising --------------------------------------------------------------------------------

# Free texts and personal fields per model (besides every TextField, which is free text by nature).
TEKSTVELDEN: dict[type[models.Model], tuple[str, ...]] = {
    Melding: ("melder_naam", "melder_organisatie", "melder_telefoon"),
    Gesprek: (
        "adres",
        "mantelzorger",
        "clientondersteuner",
        "tolk",
        "vertegenwoordiger",
        "tweede_professional",
    ),
    Triage: (),
    Onderzoek: ("mantelzorger_naam",),
    ResultaatOnderzoek: (),
    LadderTrede: (),
    VerslagVersie: (),
    Vervolgafspraak: ("eigenaar_anders",),
    Aanvraag: (),
    AangevraagdeVoorziening: (),
    Opschorting: (),
    Verdaging: (),
    Beschikking: (),
    BeschikkingRegel: (),
    Bezwaar: (),
    Brief: ("ontvanger_naam",),
    PersoonlijkPlan: ("naam",),
}

INWONER_LEEG = (
    "tussenvoegsel",
    "huisnummer_toevoeging",
    "postcode",
    "telefoon",
    "email",
    "vertegenwoordiger_naam",
    "vertegenwoordiger_adres",
    "vertegenwoordiger_postcode",
    "vertegenwoordiger_woonplaats",
    "vertegenwoordiger_telefoon",
    "vertegenwoordiger_email",
    "contactpersoon_naam",
    "contactpersoon_relatie",
    "contactpersoon_telefoon",
    "contactpersoon_email",
    "contactpersoon_adres",
)
INWONER_MARKER = ("voornamen", "achternaam", "straat", "woonplaats")


def _tekstvelden(model) -> list[str]:
    velden = {f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)}
    return sorted(velden | set(TEKSTVELDEN[model]))


def _wissen(veld: str, model) -> models.Expression | Value:
    """A filled text becomes the marker, an empty one stays empty (an e-mail field: empty)."""
    if isinstance(model._meta.get_field(veld), models.EmailField):
        return Value("")
    return models.Case(models.When(**{veld: ""}, then=Value("")), default=Value(GEANONIMISEERD))


def _model_en_historie(model, ids, wijzigingen: dict) -> None:
    """Apply the same change to the rows and to their django-simple-history rows."""
    model.objects.filter(pk__in=ids).update(**wijzigingen)
    historie = getattr(model, "history", None)
    if historie is not None:
        historie.model.objects.filter(id__in=ids).update(**wijzigingen)


@dataclass(frozen=True)
class Geanonimiseerd:
    inwoner_id: int
    einde: date
    aantallen: dict[str, int]

    @property
    def omschrijving(self) -> str:
        return ", ".join(f"{n} {naam}" for naam, n in self.aantallen.items() if n)


@transaction.atomic
def dossier_anonimiseren(*, inwoner: Inwoner, door: Medewerker, vandaag: date | None = None, jaren=None):
    """Anonymise one closed dossier past its period (see the module docstring); None when it is
    not (any more) past its period, e.g. anonymised already or a new melding came in."""
    inwoner = Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    dossier = verlopen_dossiers(vandaag=vandaag, jaren=jaren).filter(pk=inwoner.pk).first()
    if dossier is None:
        return None
    ids: dict[type[models.Model], list[int]] = {}
    ids[Melding] = list(Melding.objects.filter(inwoner=inwoner).values_list("pk", flat=True))
    m = ids[Melding]
    ids[Gesprek] = list(Gesprek.objects.filter(melding__in=m).values_list("pk", flat=True))
    ids[Triage] = list(Triage.objects.filter(melding__in=m).values_list("pk", flat=True))
    ids[Onderzoek] = list(Onderzoek.objects.filter(melding__in=m).values_list("pk", flat=True))
    ids[ResultaatOnderzoek] = list(
        ResultaatOnderzoek.objects.filter(onderzoek__in=ids[Onderzoek]).values_list("pk", flat=True)
    )
    ids[LadderTrede] = list(
        LadderTrede.objects.filter(resultaat__in=ids[ResultaatOnderzoek]).values_list("pk", flat=True)
    )
    ids[VerslagVersie] = list(
        VerslagVersie.objects.filter(onderzoek__in=ids[Onderzoek]).values_list("pk", flat=True)
    )
    ids[Vervolgafspraak] = list(
        Vervolgafspraak.objects.filter(onderzoek__in=ids[Onderzoek]).values_list("pk", flat=True)
    )
    ids[PersoonlijkPlan] = list(PersoonlijkPlan.objects.filter(melding__in=m).values_list("pk", flat=True))
    ids[Aanvraag] = list(Aanvraag.objects.filter(melding__in=m).values_list("pk", flat=True))
    a = ids[Aanvraag]
    ids[AangevraagdeVoorziening] = list(
        AangevraagdeVoorziening.objects.filter(aanvraag__in=a).values_list("pk", flat=True)
    )
    ids[Opschorting] = list(Opschorting.objects.filter(aanvraag__in=a).values_list("pk", flat=True))
    ids[Verdaging] = list(Verdaging.objects.filter(aanvraag__in=a).values_list("pk", flat=True))
    ids[Beschikking] = list(Beschikking.objects.filter(aanvraag__in=a).values_list("pk", flat=True))
    ids[BeschikkingRegel] = list(
        BeschikkingRegel.objects.filter(beschikking__in=ids[Beschikking]).values_list("pk", flat=True)
    )
    ids[Bezwaar] = list(Bezwaar.objects.filter(beschikking__in=ids[Beschikking]).values_list("pk", flat=True))
    ids[Brief] = list(Brief.objects.filter(inwoner=inwoner).values_list("pk", flat=True))

    for model, pks in ids.items():
        if pks:
            _model_en_historie(model, pks, {v: _wissen(v, model) for v in _tekstvelden(model)})
    # The files themselves: the letters as sent and the persoonlijk plan (no history of bytes).
    Brief.objects.filter(pk__in=ids[Brief]).update(pdf=b"", sha256="")
    PersoonlijkPlan.objects.filter(pk__in=ids[PersoonlijkPlan]).update(inhoud=b"", sha256="")

    # What the BRP said (brp.InwonerBrp: the signals, and old names and addresses in its list of
    # differences) goes entirely, with its history; the deletion's own history row as well.
    InwonerBrp.objects.filter(inwoner_id=inwoner.pk).delete()
    InwonerBrp.history.filter(inwoner_id=inwoner.pk).delete()

    geboren = inwoner.geboortedatum
    persoon = {
        "bsn": Value(f"{BSN_PREFIX}{inwoner.pk:08d}"),
        "geboortedatum": Value(date(geboren.year, 1, 1)),
        "huisnummer": Value(0),
        **{v: Value("") for v in INWONER_LEEG},
        **{v: Value(GEANONIMISEERD) for v in INWONER_MARKER},
        "toestemming_verslag_bewindvoerder_op": None,
        "toestemming_verslag_bewindvoerder_door": None,
        "contactpersoon_krijgt_kopie": False,
        "vertegenwoordiger_soort": "",
    }
    _model_en_historie(Inwoner, [inwoner.pk], persoon)

    aantallen = {
        "meldingen": len(ids[Melding]),
        "aanvragen": len(ids[Aanvraag]),
        "beschikkingen": len(ids[Beschikking]),
        "brieven": len(ids[Brief]),
        "persoonlijke plannen": len(ids[PersoonlijkPlan]),
    }
    resultaat = Geanonimiseerd(inwoner_id=inwoner.pk, einde=dossier.einde, aantallen=aantallen)
    # The record: a history row on the inwoner (who, when, how many), never the old data. The
    # BSN and postcode no longer pass their validators on purpose, so they are left out of the check.
    inwoner.refresh_from_db()
    inwoner.full_clean(exclude=["bsn", "postcode"])
    inwoner._history_user = door
    inwoner._change_reason = f"Geanonimiseerd na de bewaartermijn: {resultaat.omschrijving}"
    inwoner.save()
    logger.info(
        "Dossier van inwoner %s geanonimiseerd door %s (einde %s): %s",
        inwoner.pk,
        door.username,
        dossier.einde.isoformat(),
        resultaat.omschrijving,
    )
    return resultaat
