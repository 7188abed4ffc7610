"""The management information's SQL, direct count against the maintained summary, on a seeded DB.

Run: ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/kt_mi_bench python benchmarks/mi.py`` on a
database filled by ``manage.py seed``. For the busiest teamleider (and a loketmedewerker, who sees
every gemeente of the organisation) it times, per period (12 and 36 months), the direct count
(``managementinformatie_direct``, what the page did before), the summary after
``mi_herberekenen``, and the fallback while "everything" is marked: median of 5 runs, SQL time
and query count, and checks that the figures agree.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wmo.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402

from meldingen.constants import OPEN_STATUSSEN  # noqa: E402
from teamleider import samenvatting  # noqa: E402
from teamleider.forms import FilterForm  # noqa: E402
from teamleider.models import MiVuil  # noqa: E402
from teamleider.query.managementinformatie import managementinformatie, managementinformatie_direct  # noqa: E402
from wmo.constants import Rol  # noqa: E402
from wmo.models import Medewerker  # noqa: E402

HERHALINGEN = 5


class SqlKlok:
    def __init__(self):
        self.tijd, self.aantal = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.tijd += time.perf_counter() - t0
            self.aantal += 1


def meet(functie, user, filters):
    metingen = []
    for _ in range(HERHALINGEN):
        klok = SqlKlok()
        t0 = time.perf_counter()
        with connection.execute_wrapper(klok):
            uit = functie(user, filters)
        metingen.append((time.perf_counter() - t0, klok.tijd, klok.aantal))
    totaal = statistics.median(m[0] for m in metingen) * 1000
    sql = statistics.median(m[1] for m in metingen) * 1000
    return uit, f"{totaal:7.1f} ms totaal, {sql:7.1f} ms SQL, {metingen[-1][2]:2d} queries"


def gelijk(a, b) -> bool:
    for x, y in zip(a["rijen"], b["rijen"], strict=True):
        for k in x:
            if isinstance(y[k], float) and x[k] is not None and abs(x[k] - y[k]) < 1e-9:
                continue
            if x[k] != y[k]:
                return False
    return True


def main():
    open_per_team = Q(team__meldingen__status__in=OPEN_STATUSSEN)
    leider = (
        Medewerker.objects.filter(groups__name=Rol.TEAMLEIDER, username__startswith="seed-")
        .annotate(n=Count("team__meldingen", filter=open_per_team))
        .order_by("-n", "pk")
        .first()
    )
    loket = Medewerker.objects.filter(groups__name=Rol.LOKETMEDEWERKER, username__startswith="seed-").first()
    print(f"meldingen in de database: {leider.team.meldingen.model.objects.count()}")
    t0 = time.perf_counter()
    rijen = samenvatting.alles_herberekenen()
    print(f"mi_herberekenen: {rijen} rijen in {time.perf_counter() - t0:.1f} s")
    for user, wie in ((leider, "teamleider (drukste team)"), (loket, "loketmedewerker (alle gemeenten)")):
        if user is None:
            continue
        for maanden in (12, 36):
            filters = FilterForm({}, user=user).filters(standaard_maanden=maanden)
            direct, t_direct = meet(managementinformatie_direct, user, filters)
            samen, t_samen = meet(managementinformatie, user, filters)
            MiVuil.objects.create()  # "everything" marked: the page counts directly
            terug, t_terug = meet(managementinformatie, user, filters)
            MiVuil.objects.filter(melding_id__isnull=True, maand__isnull=True).delete()
            print(f"{wie}, {maanden} maanden:")
            print(f"  direct (voorheen)     {t_direct}")
            print(f"  samenvatting          {t_samen}   gelijk: {gelijk(samen, direct)}")
            print(f"  alles gemarkeerd      {t_terug}   gelijk: {gelijk(terug, direct)}")


if __name__ == "__main__":
    main()
