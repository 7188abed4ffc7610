"""The maintained summary of the management information: count once, read per team.

The MI page asks, per month: how many meldingen came in and how far they got (the funnel), how
long the onderzoek and the beslistermijn took (median, 90th percentile, share on time) and how
many gesprekken were held where. Counting that from the dossiers reads the whole region's rows.
So the counts are kept per (team, gemeente, consulent, productgroep, month) in ``MiMaand``, with
day histograms for the two clocks, so a median over any set of buckets is still exact.

How it stays right:
- every save of a row that the figures depend on (melding, gesprek, verslag, aanvraag, asked
  voorziening, beschikking) marks its melding in ``MiVuil`` (``markeren``, connected in
  ``TeamleiderConfig.ready``); a melding that moves team also marks its old team. The saves
  are the services' own (each state change is one service), so marking needs no code in them.
- a read first turns marked meldingen into the (team, month) buckets they touch, from the
  data as it is then (so a later bulk update of a marked melding is seen too), counts every
  marked month, the current month and a partly chosen month directly from the dossiers
  (``feiten``), and asks the task ``mi_bijwerken`` to recount the marked buckets (``bijwerken``);
- ``alles_herberekenen`` (``manage.py mi_herberekenen``, the task ``mi_bijwerken``) recounts
  everything; the migration that creates the tables marks "everything" when dossiers exist.
Finished clocks never change when a day is equated to a feestdag (only running clocks are
recomputed: ``melding_deadlines_herberekenen``, ``beslis_deadlines_herberekenen``), so no
summary bucket depends on the table of equated days; the property test checks this.

The counting itself is one code path (``feiten`` and ``tellen``) for the summary and for the
direct count, and the percentile is PostgreSQL's PERCENTILE_CONT, taken from a histogram.
"""

import math
from collections import Counter, defaultdict
from datetime import date, timedelta

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from aanvragen.constants import BeschikkingStatus, Uitkomst
from gesprekken.constants import GesprekStatus, Plaats
from meldingen.constants import Afsluitreden, MeldingStatus

from .models import MiMaand, MiVuil
from .query.common import _begin

MAX_MARKERINGEN = 2000  # marked meldingen one request resolves

TELLERS = ("meldingen", "gesprek", "verslag", "aanvraag", "toegekend", "afgewezen")
TELLERS += ("onderzoek_n", "onderzoek_op_tijd", "beslis_n", "beslis_op_tijd")
TELLERS += ("huisbezoek", "telefonisch", "elders")
HISTOGRAMMEN = ("zonder", "onderzoek_dagen", "beslis_dagen")


def maand_van(d: date) -> date:
    return d.replace(day=1)


def einde_maand(m: date) -> date:
    return (m.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _lokale_maand(tijdstip) -> date:
    return timezone.localdate(tijdstip).replace(day=1)


def _perioden_q(veld: str, perioden, *, tijdstip: bool) -> Q:
    """``veld`` on a day of one of the (first, last) periods; local days for a moment."""
    q = Q(pk__in=[])
    for van, tot in perioden:
        if tijdstip:
            q |= Q(**{f"{veld}__gte": _begin(van), f"{veld}__lt": _begin(tot + timedelta(days=1))})
        else:
            q |= Q(**{f"{veld}__gte": van, f"{veld}__lte": tot})
    return q


def feiten(meldingen, aanvragen, gesprekken, perioden) -> dict[str, list[dict]]:
    """One row per counted thing in the periods: per melding received (the funnel), per
    onderzoek ended, per aanvraag decided and per gesprek held; each with its team, gemeente,
    consulent, melding and month. Four queries, whatever the number of periods."""
    from aanvragen.models import Aanvraag, BeschikkingRegel
    from gesprekken.models import Gesprek, VerslagVersie

    if not perioden:
        return {"trechter": [], "onderzoek": [], "beslis": [], "gesprek": []}
    regels = BeschikkingRegel.objects.filter(
        beschikking__aanvraag__melding=OuterRef("pk"), beschikking__status=BeschikkingStatus.VERSTUURD
    )
    trechter = list(
        meldingen.filter(_perioden_q("ontvangen_op", perioden, tijdstip=True))
        .annotate(
            met_gesprek=Exists(Gesprek.objects.filter(melding=OuterRef("pk"), status=GesprekStatus.GEVOERD)),
            met_verslag=Exists(VerslagVersie.objects.filter(onderzoek__melding=OuterRef("pk"))),
            met_aanvraag=Exists(Aanvraag.objects.filter(melding=OuterRef("pk"))),
            met_toegekend=Exists(regels.exclude(uitkomst=Uitkomst.AFGEWEZEN)),
            met_besluit=Exists(regels),
        )
        .order_by()
        .values(
            "pk", "team_id", "gemeente_id", "consulent_id", "ontvangen_op", "status", "afsluitreden",
            "met_gesprek", "met_verslag", "met_aanvraag", "met_toegekend", "met_besluit",
        )
    )  # fmt: skip
    onderzoek = list(
        meldingen.filter(_perioden_q("onderzoek_afgerond_op", perioden, tijdstip=False))
        .order_by()
        .values(
            "pk", "team_id", "gemeente_id", "consulent_id", "ontvangen_op", "onderzoek_afgerond_op",
            "onderzoek_deadline",
        )
    )  # fmt: skip
    beslis = list(
        aanvragen.filter(_perioden_q("besloten_op", perioden, tijdstip=False))
        .order_by()
        .values(
            "melding_id", "team_id", "gemeente_id", "consulent_id", "ontvangen_op", "besloten_op",
            "beslis_deadline",
        )
    )  # fmt: skip
    gesprek = list(
        gesprekken.filter(_perioden_q("gepland_op", perioden, tijdstip=True), status=GesprekStatus.GEVOERD)
        .order_by()
        .values("melding_id", "team_id", "gemeente_id", "melding_consulent_id", "gepland_op", "plaats")
    )
    for r in trechter:
        r["melding_id"], r["maand"] = r["pk"], _lokale_maand(r["ontvangen_op"])
    for r in onderzoek:
        r["melding_id"], r["maand"] = r["pk"], maand_van(r["onderzoek_afgerond_op"])
    for r in beslis:
        r["maand"] = maand_van(r["besloten_op"])
    for r in gesprek:
        r["consulent_id"], r["maand"] = r["melding_consulent_id"], _lokale_maand(r["gepland_op"])
    return {"trechter": trechter, "onderzoek": onderzoek, "beslis": beslis, "gesprek": gesprek}


def leeg() -> dict:
    return {**dict.fromkeys(TELLERS, 0), **{h: Counter() for h in HISTOGRAMMEN}}


def tellen(feiten_: dict[str, list[dict]], sleutels) -> dict:
    """{key: counts} where ``sleutels(row)`` names the keys a row counts under."""
    uit = defaultdict(leeg)
    for r in feiten_["trechter"]:
        for k in sleutels(r):
            t = uit[k]
            t["meldingen"] += 1
            t["gesprek"] += r["met_gesprek"]
            t["verslag"] += r["met_verslag"]
            t["aanvraag"] += r["met_aanvraag"]
            t["toegekend"] += r["met_toegekend"]
            t["afgewezen"] += r["met_besluit"] and not r["met_toegekend"]
            if r["status"] == MeldingStatus.AFGESLOTEN and r["afsluitreden"] in Afsluitreden.values:
                t["zonder"][r["afsluitreden"]] += 1
    for r in feiten_["onderzoek"]:
        dagen = (r["onderzoek_afgerond_op"] - timezone.localdate(r["ontvangen_op"])).days
        for k in sleutels(r):
            t = uit[k]
            t["onderzoek_n"] += 1
            t["onderzoek_op_tijd"] += r["onderzoek_afgerond_op"] <= r["onderzoek_deadline"]
            t["onderzoek_dagen"][dagen] += 1
    for r in feiten_["beslis"]:
        dagen = (r["besloten_op"] - r["ontvangen_op"]).days
        op_tijd = r["beslis_deadline"] is not None and r["besloten_op"] <= r["beslis_deadline"]
        for k in sleutels(r):
            t = uit[k]
            t["beslis_n"] += 1
            t["beslis_op_tijd"] += op_tijd
            t["beslis_dagen"][dagen] += 1
    plaats = {Plaats.THUIS: "huisbezoek", Plaats.TELEFONISCH: "telefonisch"}
    plaats |= {Plaats.GEMEENTEHUIS: "elders", Plaats.PARTNERLOCATIE: "elders"}
    for r in feiten_["gesprek"]:
        if r["plaats"] in plaats:
            for k in sleutels(r):
                uit[k][plaats[r["plaats"]]] += 1
    return uit


def optellen(doel: dict, bron: dict) -> None:
    """Add the counts ``bron`` (a MiMaand row's values or a ``leeg()``) to ``doel``."""
    for k in TELLERS:
        doel[k] += bron[k]
    for h in HISTOGRAMMEN:
        for waarde, n in bron[h].items():
            doel[h][waarde if h == "zonder" else int(waarde)] += n


def percentiel(histogram: Counter, fractie: float) -> float | None:
    """PERCENTILE_CONT(fractie) of the values a {value: count} histogram holds (PostgreSQL's
    definition: linear interpolation between the two nearest ranks)."""
    n = sum(histogram.values())
    if not n:
        return None
    positie = fractie * (n - 1)
    laag, hoog = math.floor(positie), math.ceil(positie)
    waarden, gezien = {}, 0
    for waarde in sorted(histogram):
        volgende = gezien + histogram[waarde]
        for rang in (laag, hoog):
            if gezien <= rang < volgende:
                waarden[rang] = waarde
        gezien = volgende
    return float(waarden[laag] + (waarden[hoog] - waarden[laag]) * (positie - laag))


# --- The summary: recount, mark, bring up to date ----------------------------------------------


def _samengevoegd(maanden) -> list[tuple[date, date]]:
    """Whole months as (first, last) day periods, neighbours merged."""
    perioden = []
    for m in sorted(set(maanden)):
        if perioden and perioden[-1][1] + timedelta(days=1) == m:
            perioden[-1] = (perioden[-1][0], einde_maand(m))
        else:
            perioden.append((m, einde_maand(m)))
    return perioden


def herberekenen(team_id: int, maanden) -> int:
    """Recount the buckets of one team in the given months (replaces them); returns rows written."""
    from aanvragen.models import AangevraagdeVoorziening, Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding

    maanden = sorted(set(maanden))
    f = feiten(
        Melding.objects.filter(team_id=team_id),
        Aanvraag.objects.filter(team_id=team_id),
        Gesprek.objects.filter(team_id=team_id),
        _samengevoegd(maanden),
    )
    ids = {r["melding_id"] for rijen in f.values() for r in rijen}
    producten = defaultdict(set)
    if ids:
        av = AangevraagdeVoorziening.objects.exclude(voorziening__iwmo_productcategorie="")
        av = (
            av.filter(aanvraag__melding_id__in=ids)
            if len(ids) <= 500
            else av.filter(aanvraag__team_id=team_id)
        )
        for melding_id, code in av.values_list("aanvraag__melding_id", "voorziening__iwmo_productcategorie"):
            producten[melding_id].add(code)

    def sleutels(r):
        basis = (r["gemeente_id"], r["consulent_id"], r["maand"])
        return [(*basis, p) for p in ("", *producten.get(r["melding_id"], ()))]

    tellingen = tellen(f, sleutels)
    MiMaand.objects.filter(team_id=team_id, maand__in=maanden).delete()
    rijen = [
        MiMaand(
            team_id=team_id,
            gemeente_id=gemeente_id,
            consulent_id=consulent_id,
            maand=maand,
            product=product,
            **{k: t[k] for k in TELLERS},
            **{h: {str(w): n for w, n in t[h].items()} for h in HISTOGRAMMEN},
        )
        for (gemeente_id, consulent_id, maand, product), t in tellingen.items()
    ]
    MiMaand.objects.bulk_create(rijen, batch_size=1000)
    return len(rijen)


def markeren(melding_id: int, *, oud_team_id: int | None = None) -> None:
    """Mark a melding (and, when it moved, its old team) to be counted again."""
    MiVuil.objects.create(melding_id=melding_id, team_id=oud_team_id)


def alles_markeren() -> None:
    """Mark everything (after a load that passed no save); the task recounts it after commit."""
    MiVuil.objects.create()
    _inplannen()


def _oplossen(markeringen: list[dict]) -> set[tuple[int, date]]:
    """The (team, month) buckets that the marked meldingen count in, now; plus their old team."""
    from aanvragen.models import Aanvraag
    from gesprekken.models import Gesprek
    from meldingen.models import Melding

    ids = {m["melding_id"] for m in markeringen}
    sleutels = set()
    maanden_per_melding = defaultdict(set)
    for r in Melding.objects.filter(pk__in=ids).values(
        "pk", "team_id", "ontvangen_op", "onderzoek_afgerond_op"
    ):
        maanden_per_melding[r["pk"]].add(_lokale_maand(r["ontvangen_op"]))
        if r["onderzoek_afgerond_op"]:
            maanden_per_melding[r["pk"]].add(maand_van(r["onderzoek_afgerond_op"]))
        sleutels |= {(r["team_id"], m) for m in maanden_per_melding[r["pk"]]}
    for r in Aanvraag.objects.filter(melding_id__in=ids, besloten_op__isnull=False).values(
        "melding_id", "team_id", "besloten_op"
    ):
        maanden_per_melding[r["melding_id"]].add(maand_van(r["besloten_op"]))
        sleutels.add((r["team_id"], maand_van(r["besloten_op"])))
    for r in Gesprek.objects.filter(melding_id__in=ids, status=GesprekStatus.GEVOERD).values(
        "melding_id", "team_id", "gepland_op"
    ):
        maanden_per_melding[r["melding_id"]].add(_lokale_maand(r["gepland_op"]))
        sleutels.add((r["team_id"], _lokale_maand(r["gepland_op"])))
    for m in markeringen:
        if m["team_id"] is not None:
            sleutels |= {(m["team_id"], maand) for maand in maanden_per_melding.get(m["melding_id"], ())}
    return sleutels


def _markeringen_oplossen(rijen: list[dict]) -> set[tuple[int, date]]:
    """Turn the marked meldingen ``rijen`` into (team, month) marks (claimed by deleting them;
    what the meldingen touch is read after the claim); returns the new marks."""
    MiVuil.objects.filter(pk__in=[r["pk"] for r in rijen]).delete()
    sleutels = _oplossen(rijen)
    MiVuil.objects.bulk_create([MiVuil(team_id=t, maand=m) for t, m in sleutels], batch_size=1000)
    return sleutels


def _inplannen() -> None:
    def inplannen():
        from .tasks import mi_bijwerken

        mi_bijwerken.enqueue()

    transaction.on_commit(inplannen)


def gemarkeerde_maanden(maanden) -> set[date]:
    """Of ``maanden``, those whose summary is not up to date (any team): the MI page counts them
    from the dossiers. Resolves the marked meldingen on the way (at most MAX_MARKERINGEN) and
    asks the task ``mi_bijwerken`` to recount. One query when nothing is marked, four when
    meldingen are; no recount in the request, so the page's budget does not depend on it."""
    maanden = set(maanden)
    if not maanden:
        return set()
    rijen = list(
        MiVuil.objects.filter(Q(maand__isnull=True) | Q(maand__in=maanden)).values(
            "pk", "melding_id", "team_id", "maand"
        )[: MAX_MARKERINGEN + 1]
    )
    if not rijen:
        return set()
    _inplannen()
    if len(rijen) > MAX_MARKERINGEN or any(r["melding_id"] is None and r["maand"] is None for r in rijen):
        return maanden  # too much to resolve now, or "everything": the task catches up
    per_melding = [r for r in rijen if r["melding_id"] is not None]
    vuil = {r["maand"] for r in rijen if r["maand"] is not None}
    if per_melding:
        with transaction.atomic(savepoint=False):
            vuil |= {m for _, m in _markeringen_oplossen(per_melding)}
    return vuil & maanden


def bijwerken(maanden) -> None:
    """Recount every team's marked buckets in ``maanden`` (the task)."""
    per_team = defaultdict(set)
    for team_id, maand in MiVuil.objects.filter(maand__in=maanden).values_list("team_id", "maand").distinct():
        per_team[team_id].add(maand)
    for team_id in sorted(per_team):
        with transaction.atomic():
            # Claim the marks first: a mark made meanwhile stays, and is counted next time.
            if MiVuil.objects.filter(team_id=team_id, maand__in=per_team[team_id]).delete()[0]:
                herberekenen(team_id, per_team[team_id])


def _alle_meldingen_oplossen() -> None:
    while rijen := list(
        MiVuil.objects.filter(melding_id__isnull=False).values("pk", "melding_id", "team_id")[:1000]
    ):
        with transaction.atomic():
            _markeringen_oplossen(rijen)


def alles_herberekenen(*, sinds: date | None = None) -> int:
    """Recount every team's closed months (from the month of ``sinds``) and clear their marks;
    returns the number of summary rows written."""
    from meldingen.models import Melding
    from wmo.models import Team

    huidige = maand_van(timezone.localdate())
    _alle_meldingen_oplossen()
    with transaction.atomic():
        alles = MiVuil.objects.filter(melding_id__isnull=True, maand__isnull=True)
        if alles.exists():
            sinds = None  # "everything" was marked: a partial recount would not clear it
            alles.delete()
        eerste = Melding.objects.order_by("ontvangen_op").values_list("ontvangen_op", flat=True).first()
        begin = _lokale_maand(eerste) if eerste else huidige
        if sinds:
            begin = max(begin, maand_van(sinds))
            MiMaand.objects.filter(maand__gte=begin).delete()
            MiVuil.objects.filter(maand__gte=begin).delete()
        else:
            MiMaand.objects.all().delete()
            MiVuil.objects.filter(maand__isnull=False).delete()
        maanden, m = [], begin
        while m < huidige:
            maanden.append(m)
            m = einde_maand(m) + timedelta(days=1)
        # The current month is always counted directly; its marks are kept for when it closes.
        MiVuil.objects.bulk_create(
            [MiVuil(team_id=t, maand=huidige) for t in Team.objects.values_list("pk", flat=True)]
        )
        geschreven = 0
        if maanden:
            for team_id in Team.objects.order_by("pk").values_list("pk", flat=True):
                geschreven += herberekenen(team_id, maanden)
    return geschreven


# --- Marking on save (connected in TeamleiderConfig.ready) ---------------------------------------

# model label -> (the fields whose change matters, how to reach the melding id)
GEVOLGD = {
    "meldingen.Melding": (
        ("team_id", "gemeente_id", "consulent_id", "ontvangen_op", "status", "afsluitreden",
         "onderzoek_afgerond_op", "onderzoek_deadline"),
        lambda o: o.pk,
    ),
    "gesprekken.Gesprek": (
        ("status", "plaats", "gepland_op", "melding_id"),
        lambda o: o.melding_id,
    ),
    "gesprekken.VerslagVersie": ((), lambda o: o.onderzoek.melding_id),
    "aanvragen.Aanvraag": (
        ("melding_id", "ontvangen_op", "besloten_op", "beslis_deadline"),
        lambda o: o.melding_id,
    ),
    "aanvragen.AangevraagdeVoorziening": (("voorziening_id", "aanvraag_id"), lambda o: o.aanvraag.melding_id),
    "aanvragen.Beschikking": (("status",), lambda o: o.aanvraag.melding_id),
    "aanvragen.BeschikkingRegel": (("uitkomst",), lambda o: o.beschikking.aanvraag.melding_id),
}  # fmt: skip


def _onthouden(sender, instance, **kwargs):
    velden, _ = GEVOLGD[sender._meta.label]
    instance._mi_oud = tuple(instance.__dict__.get(v) for v in velden)


def _na_opslaan(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    velden, melding_van = GEVOLGD[sender._meta.label]
    nu = tuple(instance.__dict__.get(v) for v in velden)
    oud = getattr(instance, "_mi_oud", None)
    instance._mi_oud = nu
    if not created and oud == nu:
        return
    if sender._meta.label == "aanvragen.BeschikkingRegel" and not created:
        if instance.beschikking.status != BeschikkingStatus.VERSTUURD:
            return  # a draft's outcome counts only once sent (the beschikking marks then)
    oud_team = oud[0] if sender._meta.label == "meldingen.Melding" and oud and oud[0] != nu[0] else None
    markeren(melding_van(instance), oud_team_id=oud_team)


def _na_verwijderen(sender, instance, **kwargs):
    """A deleted row can no longer be found from its melding: mark the buckets it counted in
    by what it held, and its melding (if that is not being deleted too)."""
    label = sender._meta.label
    maanden = set()
    if label == "meldingen.Melding":
        maanden.add(_lokale_maand(instance.ontvangen_op))
        if instance.onderzoek_afgerond_op:
            maanden.add(maand_van(instance.onderzoek_afgerond_op))
    elif label == "aanvragen.Aanvraag" and instance.besloten_op:
        maanden.add(maand_van(instance.besloten_op))
    elif label == "gesprekken.Gesprek":
        maanden.add(_lokale_maand(instance.gepland_op))
    team_id = getattr(instance, "team_id", None)
    rijen = [MiVuil(team_id=team_id, maand=m) for m in maanden if team_id]
    if label != "meldingen.Melding":
        try:
            rijen.append(MiVuil(melding_id=GEVOLGD[label][1](instance)))
        except ObjectDoesNotExist:
            pass  # the parent went first in a cascade; it marked its melding then
    MiVuil.objects.bulk_create(rijen)


def _productgroep_onthouden(sender, instance, **kwargs):
    instance._mi_productgroep = instance.__dict__.get("iwmo_productcategorie")


def _productgroep_gewijzigd(sender, instance, created, raw=False, **kwargs):
    """A voorziening moved to another iWmo productgroep: every product bucket may change."""
    oud = getattr(instance, "_mi_productgroep", None)
    instance._mi_productgroep = instance.iwmo_productcategorie
    if not created and not raw and oud != instance.iwmo_productcategorie:
        alles_markeren()


def verbinden() -> None:
    voorziening = apps.get_model("wmo.Voorziening")
    post_init.connect(_productgroep_onthouden, sender=voorziening, dispatch_uid="teamleider.mi.voorziening")
    post_save.connect(_productgroep_gewijzigd, sender=voorziening, dispatch_uid="teamleider.mi.voorziening")
    for label in GEVOLGD:
        model = apps.get_model(label)
        uid = f"teamleider.mi.{label}"
        post_init.connect(_onthouden, sender=model, dispatch_uid=uid)
        post_save.connect(_na_opslaan, sender=model, dispatch_uid=uid)
        post_delete.connect(_na_verwijderen, sender=model, dispatch_uid=uid)


def gemarkeerde_bijwerken() -> int:
    """Recount every marked closed month of every team (the task ``mi_bijwerken``, asked for by
    the MI page when it meets marks; also fine nightly); returns the number of months recounted."""
    _alle_meldingen_oplossen()
    if MiVuil.objects.filter(melding_id__isnull=True, maand__isnull=True).exists():
        alles_herberekenen()
        return MiMaand.objects.values("maand").distinct().count()
    huidige = maand_van(timezone.localdate())
    maanden = set(MiVuil.objects.filter(maand__lt=huidige).values_list("maand", flat=True).distinct())
    bijwerken(maanden)
    return len(maanden)
