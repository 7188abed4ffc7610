"""The change history of beheer data: who changed what and when, for the page /beheer/wijzigingen/.

Read from the django-simple-history tables of the models in ``SOORTEN``, newest first, with the
changed fields (``diff_against`` with the row before it). Never dossier data: only beheer
models are in the list, and each kind says which rows the beheerder may see (their own
organisation; the catalogue, mandaten and equated days only for an execution organisation, as
in beheer.technisch). To add a beheer model: add one ``Soort`` line to ``SOORTEN``.

Queries: one for the page of rows over all kinds (a UNION), one for the count, and per kind on
the page at most three (its rows, the rows before them, the names behind changed foreign
keys): the same for 10 or 10 000 history rows.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils import formats, timezone

from aanvragen.models import Mandaat
from brp.models import BrpKoppeling
from wmo.constants import OrganisatieSoort, Rol
from wmo.models import (
    Aanbieder,
    Briefhoofdlogo,
    Contract,
    GelijkgesteldeDag,
    Gemeente,
    Medewerker,
    Organisatie,
    Team,
    Voorziening,
)
from zgw.models import ZgwKoppeling

from .models import Roltoekenning

PER_PAGINA = 50
MAX_WAARDE = 120


def _naam_medewerker(m) -> str:
    if m is None:
        return "onbekend"
    return f"{m.first_name} {m.last_name}".strip() or m.username


def _rol(rol: str) -> str:
    return Rol(rol).label if rol in Rol.values else rol


@dataclass(frozen=True)
class Soort:
    """One kind of beheer data in the change history."""

    sleutel: str  # in the URL: ?soort=team
    label: str
    model: type[models.Model]
    # The rows this beheerder may see, as a filter on the historical model.
    zichtbaar: Callable[[Medewerker], Q]
    # What the row is about, from the historical row itself (and its select_related).
    omschrijving: Callable[[models.Model], str]
    select_related: tuple[str, ...] = ()
    alleen_uitvoering: bool = False  # only for a beheerder of an execution organisation
    # Only rows with a reason: the services write one; a login (last_login) writes none.
    alleen_met_reden: bool = False
    verborgen: tuple[str, ...] = field(default=())  # never shown (besides the excluded password)


def _eigen_gemeenten(user) -> Q:
    return Q(
        id__in=Organisatie.gemeenten.through.objects.filter(organisatie_id=user.organisatie_id).values(
            "gemeente_id"
        )
    )


def _in_eigen_gemeenten(user) -> Q:
    return Q(
        gemeente_id__in=Organisatie.gemeenten.through.objects.filter(
            organisatie_id=user.organisatie_id
        ).values("gemeente_id")
    )


SOORTEN: tuple[Soort, ...] = (
    Soort("gemeente", "Gemeente", Gemeente, _eigen_gemeenten, lambda h: h.naam, alleen_uitvoering=True),
    Soort("organisatie", "Organisatie", Organisatie, lambda u: Q(id=u.organisatie_id), lambda h: h.naam),
    Soort("team", "Team", Team, lambda u: Q(organisatie_id=u.organisatie_id), lambda h: h.naam),
    Soort(
        "medewerker",
        "Medewerker",
        Medewerker,
        lambda u: Q(organisatie_id=u.organisatie_id, is_superuser=False),
        _naam_medewerker,
        alleen_met_reden=True,
        verborgen=("last_login",),
    ),
    Soort(
        "roltoekenning",
        "Rol",
        Roltoekenning,
        lambda u: Q(medewerker__organisatie_id=u.organisatie_id, medewerker__is_superuser=False),
        lambda h: f"{_rol(h.rol)} voor {_naam_medewerker(h.medewerker)}",
        select_related=("medewerker",),
    ),
    Soort(
        "voorziening",
        "Voorziening",
        Voorziening,
        lambda u: Q(),
        lambda h: f"{h.naam} ({h.iwmo_productcategorie})" if h.iwmo_productcategorie else h.naam,
        alleen_uitvoering=True,
    ),
    Soort(
        "mandaat",
        "Mandaat",
        Mandaat,
        lambda u: Q(),
        lambda h: f"{_rol(h.rol)}: {h.voorziening.naam if h.voorziening else 'verwijderde voorziening'}",
        select_related=("voorziening",),
        alleen_uitvoering=True,
    ),
    Soort(
        "brp",
        "BRP-koppeling",
        BrpKoppeling,
        _in_eigen_gemeenten,
        lambda h: f"BRP-koppeling van {h.gemeente.naam}" if h.gemeente else "BRP-koppeling",
        select_related=("gemeente",),
        alleen_uitvoering=True,
    ),
    Soort(
        "zaaksysteem",
        "Zaaksysteem-koppeling",
        ZgwKoppeling,
        _in_eigen_gemeenten,
        lambda h: f"Zaaksysteem van {h.gemeente.naam}" if h.gemeente else "Zaaksysteem",
        select_related=("gemeente",),
        alleen_uitvoering=True,
    ),
    Soort(
        "logo",
        "Logo in het briefhoofd",
        Briefhoofdlogo,
        _in_eigen_gemeenten,
        lambda h: f"Logo van {h.gemeente.naam}" if h.gemeente else "Logo",
        select_related=("gemeente",),
        alleen_uitvoering=True,
    ),
    Soort(
        "aanbieder",
        "Aanbieder",
        Aanbieder,
        lambda u: Q(),
        lambda h: f"{h.naam} (AGB {h.agb_code})",
        alleen_uitvoering=True,
    ),
    Soort(
        "contract",
        "Contract",
        Contract,
        _in_eigen_gemeenten,
        lambda h: (
            f"{h.aanbieder.naam if h.aanbieder else 'aanbieder'}: "
            f"{h.voorziening.naam if h.voorziening else 'product'} in {h.gemeente.naam if h.gemeente else ''}"
        ),
        select_related=("aanbieder", "voorziening", "gemeente"),
        alleen_uitvoering=True,
    ),
    Soort(
        "gelijkgestelde_dag",
        "Gelijkgestelde dag",
        GelijkgesteldeDag,
        lambda u: Q(),
        lambda h: formats.date_format(h.datum, "j F Y"),
        alleen_uitvoering=True,
    ),
)

SOORT_TYPE = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}


def soorten_voor(user) -> list[Soort]:
    if not user.organisatie_id:
        return []
    uitvoering = user.organisatie.soort == OrganisatieSoort.UITVOERING
    return [s for s in SOORTEN if uitvoering or not s.alleen_uitvoering]


def _rijen(soort: Soort, user) -> models.QuerySet:
    qs = soort.model.history.filter(soort.zichtbaar(user))
    if soort.alleen_met_reden:
        qs = qs.exclude(history_change_reason__isnull=True).exclude(history_change_reason="")
    return qs


@dataclass
class Veld:
    label: str
    oud: str
    nieuw: str


@dataclass
class Wijziging:
    soort: Soort
    rij: models.Model
    wanneer: datetime
    wie: str
    wat: str
    handeling: str
    reden: str
    velden: list[Veld]


def _tekst(model_field, waarde, namen: dict) -> str:
    if waarde is None or waarde == "":
        return "(leeg)"
    if isinstance(model_field, models.ForeignKey):
        return namen.get((model_field.related_model, waarde), f"nummer {waarde}")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(waarde, waarde))
    if isinstance(waarde, datetime):
        return formats.date_format(timezone.localtime(waarde), "j F Y H:i")
    if isinstance(waarde, date):
        return formats.date_format(waarde, "j F Y")
    tekst = str(waarde)
    return tekst if len(tekst) <= MAX_WAARDE else tekst[: MAX_WAARDE - 1] + "…"


def _naam_van(obj) -> str:
    if isinstance(obj, Medewerker):
        return _naam_medewerker(obj)
    return getattr(obj, "naam", None) or str(obj)


def pagina(user, *, soort: str | None, nummer) -> tuple[Page, list[Wijziging]]:
    """One page of the change history the user may see, newest first; ``soort`` filters a kind."""
    soorten = [s for s in soorten_voor(user) if soort in (None, s.sleutel)]
    if not soorten:
        return Paginator([], PER_PAGINA).get_page(1), []
    delen = [
        _rijen(s, user)
        .annotate(kt_soort=Value(s.sleutel, output_field=CharField()))
        .values_list("kt_soort", "history_id", "history_date")
        .order_by()
        for s in soorten
    ]
    alles = delen[0].union(*delen[1:], all=True) if len(delen) > 1 else delen[0]
    page = Paginator(alles.order_by("-history_date", "-history_id"), PER_PAGINA).get_page(nummer)
    per_soort = defaultdict(list)
    for sleutel, history_id, _datum in page.object_list:
        per_soort[sleutel].append(history_id)
    per_sleutel = {s.sleutel: s for s in soorten}
    rijen, vorige = {}, {}
    for sleutel, ids in per_soort.items():
        s = per_sleutel[sleutel]
        history = s.model.history
        eerder = (
            history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        for rij in (
            history.filter(history_id__in=ids)
            .select_related("history_user", *s.select_related)
            .annotate(kt_vorige=Subquery(eerder))
        ):
            rijen[sleutel, rij.history_id] = rij
        vorige_ids = [r.kt_vorige for (k, _i), r in rijen.items() if k == sleutel and r.kt_vorige]
        for rij in history.filter(history_id__in=vorige_ids):
            vorige[sleutel, rij.history_id] = rij
    # The diffs, and the names behind changed foreign keys (one query per related model).
    diffs, nodig = {}, defaultdict(set)
    for (sleutel, history_id), rij in rijen.items():
        oud = vorige.get((sleutel, rij.kt_vorige))
        if rij.history_type != "~" or oud is None:
            continue
        s = per_sleutel[sleutel]
        m2m = [f.name for f in s.model._meta.many_to_many]
        delta = rij.diff_against(oud, excluded_fields=[*m2m, *s.verborgen])
        diffs[sleutel, history_id] = delta.changes
        for change in delta.changes:
            model_field = s.model._meta.get_field(change.field)
            if isinstance(model_field, models.ForeignKey):
                nodig[model_field.related_model].update(v for v in (change.old, change.new) if v is not None)
    namen = {
        (model, pk): _naam_van(obj)
        for model, pks in nodig.items()
        for pk, obj in model._default_manager.in_bulk(pks).items()
    }
    lijst = []
    for sleutel, history_id, _datum in page.object_list:
        rij = rijen.get((sleutel, history_id))
        if rij is None:
            continue
        s = per_sleutel[sleutel]
        velden = []
        for change in diffs.get((sleutel, history_id), []):
            model_field = s.model._meta.get_field(change.field)
            velden.append(
                Veld(
                    label=str(model_field.verbose_name),
                    oud=_tekst(model_field, change.old, namen),
                    nieuw=_tekst(model_field, change.new, namen),
                )
            )
        lijst.append(
            Wijziging(
                soort=s,
                rij=rij,
                wanneer=rij.history_date,
                wie=_naam_medewerker(rij.history_user) if rij.history_user_id else "het systeem",
                wat=s.omschrijving(rij),
                handeling=SOORT_TYPE.get(rij.history_type, rij.history_type),
                reden=rij.history_change_reason or "",
                velden=velden,
            )
        )
    return page, lijst
