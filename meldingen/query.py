"""Reads: who may see which inwoner and melding (the one place of that rule), and search."""

import calendar
import re
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Upper
from django.utils import timezone

from wmo.constants import Rol
from wmo.validators import POSTCODE_RE

from .constants import OPEN_STATUSSEN

# Postcode with an optional house number as typed in the search box ("2023 CB 41", "2023cb").
_POSTCODE_ZOEK = re.compile(r"([1-9]\d{3})\s*([A-Za-z]{2})\s*(\d{1,6})?\s*\w*", flags=re.ASCII)


class InwonerQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "InwonerQuerySet":
        """Inwoners of the gemeenten the user's organisation serves; nobody else's.

        Partner organisations may find inwoners of their gemeenten (to avoid duplicates when
        they register a melding), but see only their own meldingen (MeldingQuerySet).
        The functioneel beheerder sees no dossier at all.
        """
        if not user.is_authenticated or not user.heeft_rol(
            Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER
        ):
            return self.none()
        return self.filter(gemeente_id__in=user.gemeente_ids)

    def met_zorgrelatie(self, user) -> "InwonerQuerySet":
        """Inwoners with whom the user has a care relation: one query (a subquery on meldingen).

        A care relation is a melding in the user's melding scope (``MeldingQuerySet.zichtbaar_voor``:
        a partner organisation's own teams, the consulent's team, the loket's gemeenten) that is
        open, or that ended (besloten or afgesloten) less than ZORGRELATIE_MAANDEN months ago.
        Wmo 2015 art. 5.1.1 and AVG art. 5 lid 1 onder c: the dossier is opened for the task,
        not because the inwoner lives in the gemeente.

        The default of 6 months: after the beschikking the inwoner has 6 weeks for bezwaar (Awb
        6:7), the college then decides within 12 weeks (Awb 7:10 lid 1, with an advisory
        committee), and the nazorg call comes about 6 weeks after the help starts (NAZORG_WEKEN):
        6 + 12 + 6 = 24 weeks, about 6 months, in which the team still works for the inwoner.
        Choice: a running voorziening alone is no care relation; a herindicatie starts with a new
        melding, and a question in between is a lookup with a reason (Raadpleging).
        """
        return self.zichtbaar_voor(user).filter(Exists(_zorgrelatie_meldingen(user)))

    def met_toegang(self, user) -> "InwonerQuerySet":
        """Annotate ``heeft_zorgrelatie`` and ``heeft_raadpleging`` (an active lookup with a reason
        by this user), within ``zichtbaar_voor``; the views decide with both, in the same query."""
        from .models import Raadpleging

        raadpleging = Raadpleging.objects.filter(
            inwoner=OuterRef("pk"), medewerker_id=user.pk, geldig_tot__gt=timezone.now()
        )
        return self.zichtbaar_voor(user).annotate(
            heeft_zorgrelatie=Exists(_zorgrelatie_meldingen(user)), heeft_raadpleging=Exists(raadpleging)
        )

    def zoek(self, q: str) -> "InwonerQuerySet":
        """Find by BSN, birth date (dd-mm-jjjj), postcode + house number, or (part of) the name."""
        q = (q or "").strip()
        if not q:
            return self.none()
        if re.fullmatch(r"\d{9}", q):
            return self.filter(bsn=q)
        geboren = _parse_date(q)
        if geboren:
            return self.filter(geboortedatum=geboren)
        m = _POSTCODE_ZOEK.fullmatch(q)
        if m and POSTCODE_RE.match(f"{m.group(1)}{m.group(2)}"):
            qs = self.filter(postcode=f"{m.group(1)}{m.group(2).upper()}")
            return qs.filter(huisnummer=int(m.group(3))) if m.group(3) else qs
        filters = Q()
        for deel in q.split():
            filters &= (
                Q(achternaam__icontains=deel) | Q(voornamen__icontains=deel) | Q(tussenvoegsel__iexact=deel)
            )
        # On PostgreSQL trigram indexes answer the parts of the name (migration
        # meldingen.0009_inwoner_naam_trigram). Sorted by the upper-cased name, which no index
        # holds: the planner then first finds the few matching inwoners and sorts those,
        # instead of walking the whole name index and filtering each row (issue 14).
        return self.filter(filters).order_by(Upper("achternaam"), Upper("voornamen"), "pk")

    def zoekresultaten(self, user, q: str, aantal: int) -> "InwonerQuerySet":
        """The first ``aantal`` of ``zoek(q)`` within ``zichtbaar_voor``, with ``met_toegang``'s
        annotations, in ``zoek``'s order.

        One query in two levels: the matching inwoners are found, sorted and cut off first, and
        only those few get their care relation checked. In one level PostgreSQL expects to check
        the care relation for every match before the LIMIT, so it first hashes all of the team's
        open and recent meldingen (about 100 ms for a common surname at 1M meldingen, issue 14),
        where a check per shown row is a few index probes.
        """
        gevonden = self.zichtbaar_voor(user).zoek(q)
        volgorde = gevonden.query.order_by or self.model._meta.ordering
        return self.met_toegang(user).filter(pk__in=gevonden.values("pk")[:aantal]).order_by(*volgorde)


def _zorgrelatie_meldingen(user):
    from .models import Melding

    grens = maanden_terug(timezone.localdate(), settings.ZORGRELATIE_MAANDEN)
    return (
        Melding.objects.zichtbaar_voor(user)
        .filter(inwoner=OuterRef("pk"))
        .filter(Q(status__in=OPEN_STATUSSEN) | Q(beeindigd_op__gt=grens))
    )


def maanden_terug(dag: date, maanden: int) -> date:
    """The same day ``maanden`` months earlier (31 May minus 3 months is 28 or 29 February)."""
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    return date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


def mag_raadplegen(user) -> bool:
    """Whether the user may open a dossier without a care relation, for a reason (Raadpleging).

    The loketmedewerker, consulent and teamleider of the gemeente's execution organisation may.
    A partner organisation may not: it sees the inwoners of its own meldingen only. The
    functioneel beheerder opens no dossier at all.
    """
    return bool(
        user.is_authenticated
        and user.organisatie_id
        and user.heeft_rol(Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER)
        and not user.organisatie.is_partner
    )


def zoekwijze(q: str) -> str:
    """How ``InwonerQuerySet.zoek`` reads ``q``, in words for the access log (never the value)."""
    q = (q or "").strip()
    if re.fullmatch(r"\d{9}", q):
        return "BSN"
    if _parse_date(q):
        return "geboortedatum"
    m = _POSTCODE_ZOEK.fullmatch(q)
    if m and POSTCODE_RE.match(f"{m.group(1)}{m.group(2)}"):
        return "postcode"
    return "naam"


def _parse_date(text: str) -> date | None:
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def scope(user, *, consulent: str = "consulent", pad: str = "") -> Q | None:
    """The scope of each role, in one place (least privilege: health data), as a condition on
    ``team``, ``gemeente`` and the responsible ``consulent``; None: nothing at all.

    - partner organisation: only meldingen handled by one of its own teams;
    - loketmedewerker: every melding of the gemeenten its organisation serves;
    - consulent and teamleider: their own team's meldingen, plus any assigned to them;
    - functioneel beheerder and anyone without a dossier role: nothing.

    Melding holds these fields; Aanvraag, Beschikking and Gesprek hold a copy (meldingen.kopie),
    so their lists are scoped by the same rule without reading the meldingen (``consulent``
    names the copy of the responsible consulent on the row; ``pad`` is the path from the row
    to the model that holds the fields, e.g. "beschikking__").
    """
    if not user.is_authenticated or not user.organisatie_id:
        return None
    if user.organisatie.is_partner:
        if not user.heeft_rol(Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER):
            return None
        return Q(**{f"{pad}team__organisatie_id": user.organisatie_id})
    voorwaarde = Q(pk__in=[])
    if user.heeft_rol(Rol.LOKETMEDEWERKER):
        voorwaarde |= Q(**{f"{pad}gemeente_id__in": user.gemeente_ids})
    if user.heeft_rol(Rol.CONSULENT, Rol.TEAMLEIDER):
        voorwaarde |= Q(**{f"{pad}gemeente_id__in": user.gemeente_ids, f"{pad}team_id": user.team_id}) | Q(
            **{f"{pad}{consulent}": user}
        )
    return voorwaarde


class MeldingQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "MeldingQuerySet":
        """The meldingen the user may see (``scope`` holds the rule)."""
        voorwaarde = scope(user)
        return self.none() if voorwaarde is None else self.filter(voorwaarde)

    def open(self) -> "MeldingQuerySet":
        return self.filter(status__in=OPEN_STATUSSEN)

    def voor_lijst(self) -> "MeldingQuerySet":
        return (
            self.select_related("inwoner", "consulent", "team", "gemeente")
            .met_termijnstatus()
            .order_by("-spoed", "onderzoek_deadline", "id")  # spoed first, then the nearest deadline
        )

    def voor_werkvoorraad(self) -> "MeldingQuerySet":
        """The order and deadline state of a werkvoorraad list; read its rows with
        ``WerkvoorraadRij.lezen`` (values, not model instances: issue 14)."""
        return self.met_termijnstatus().order_by("-spoed", "onderzoek_deadline", "id")

    def met_termijnstatus(self) -> "MeldingQuerySet":
        """Annotate ``termijnstatus`` of the onderzoek clock in SQL from the stored deadline."""
        from wmo.termijnstatus import termijnstatus_case

        return self.annotate(termijnstatus=termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op"))


def inwoner_naam(voornamen: str, tussenvoegsel: str, achternaam: str) -> str:
    """``Inwoner.naam`` from its columns (for a row read without the Inwoner)."""
    return " ".join(p for p in (voornamen, tussenvoegsel, achternaam) if p)


class WerkvoorraadRij:
    """A melding as a werkvoorraad row shows it (meldingen.templatetags.werkvoorraad), read as
    values: building each row's Melding with its Inwoner, Medewerker and Gemeente cost about
    14 ms of CPU per 100 rows at 1M meldingen, a tuple per row about one (issue 14). The names
    are those of the Melding where they exist, so the row reads like one; the view adds the
    links (``url``, ``dossier_url``, ``oppakken_url``) and ``gekozen``."""

    # (attribute, path of the value from the melding); the order of the values read.
    KOLOMMEN = (
        ("pk", "pk"),
        ("ontvangen_op", "ontvangen_op"),
        ("spoed", "spoed"),
        ("status", "status"),
        ("onderzoek_deadline", "onderzoek_deadline"),
        ("termijnstatus", "termijnstatus"),
        ("team_id", "team_id"),
        ("consulent_id", "consulent_id"),
        ("inwoner_id", "inwoner_id"),
        ("voornamen", "inwoner__voornamen"),
        ("tussenvoegsel", "inwoner__tussenvoegsel"),
        ("achternaam", "inwoner__achternaam"),
        ("gemeente_naam", "gemeente__naam"),
        ("consulent_voornaam", "consulent__first_name"),
        ("consulent_achternaam", "consulent__last_name"),
        ("consulent_gebruikersnaam", "consulent__username"),
    )
    PADEN = tuple(pad for _, pad in KOLOMMEN)
    __slots__ = (*(naam for naam, _ in KOLOMMEN), "url", "dossier_url", "oppakken_url", "gekozen")

    def __init__(self, *waarden):
        for (naam, _), waarde in zip(self.KOLOMMEN, waarden, strict=True):
            setattr(self, naam, waarde)
        self.gekozen = False

    @classmethod
    def lezen(cls, meldingen: "MeldingQuerySet") -> list["WerkvoorraadRij"]:
        """The rows of ``meldingen`` (a ``voor_werkvoorraad`` queryset), in its order."""
        return [cls(*waarden) for waarden in meldingen.values_list(*cls.PADEN)]

    @property
    def kenmerk(self) -> str:
        from .models import melding_kenmerk  # meldingen.models imports this module

        return melding_kenmerk(self.pk, self.ontvangen_op)

    @property
    def inwoner_naam(self) -> str:
        return inwoner_naam(self.voornamen, self.tussenvoegsel, self.achternaam)

    @property
    def consulent_naam(self) -> str:
        """``str(melding.consulent)``; '' without a consulent."""
        from wmo.models import medewerker_naam

        if self.consulent_id is None:
            return ""
        return medewerker_naam(
            self.consulent_voornaam, self.consulent_achternaam, self.consulent_gebruikersnaam
        )
