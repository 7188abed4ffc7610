"""The privacy officer's pages: search the access log, and answer an AVG art. 15 inzageverzoek.

NEN 7513:2018 asks that the log can be read by whoever supervises it, selected by user, client,
period and action; AVG art. 15 gives the inwoner the right to know who received their data.
The officer's own searches and exports are rows in the same log (BIO 12.4.3: what supervisors
and administrators do is logged too). Thin: reads in privacy.query, writes through wmo.services.
"""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from wmo.constants import InzageActie, Rol
from wmo.export import csv_response
from wmo.services import inzage_vastleggen, inzages_vastleggen

from . import query
from .forms import ZoekForm

PER_PAGINA = 50
INWONERS_MAX = 10


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("pagina", 1)))
    except ValueError:
        return 1


def _rollen(rollen: str) -> str:
    namen = []
    for rol in filter(None, (r.strip() for r in rollen.split(","))):
        namen.append(str(Rol(rol).label) if rol in Rol.values else rol)
    return ", ".join(namen)


@permission_required("wmo.view_inzage", raise_exception=True)
def inzagelog(request):
    user = request.user
    form = ZoekForm(request.GET or None)
    rijen, inwoners, pagina, meer = [], [], _page_number(request), False
    if not form.is_bound or form.is_valid():
        d = form.cleaned_data if form.is_bound else {}
        start = (pagina - 1) * PER_PAGINA
        # A page at a time without a count over a large table: one row extra says "meer".
        rijen = list(query.zoeken(user, **d)[start : start + PER_PAGINA + 1])
        meer, rijen = len(rijen) > PER_PAGINA, rijen[:PER_PAGINA]
        if d.get("inwoner", "").strip():
            inwoners = list(
                query.inwoners_voor(user)
                .filter(query.inwoner_filter(d["inwoner"]))
                .order_by("achternaam", "voornamen", "pk")[:INWONERS_MAX]
            )
        wat = form.omschrijving() if form.is_bound else "inzagelog doorzocht"
        getoond = [r.inwoner_id for r in rijen] + [i.pk for i in inwoners]
        if any(getoond):
            inzages_vastleggen(
                medewerker=user,
                inwoner_ids=getoond,
                wat=wat,
                request=request,
                actie=InzageActie.ZOEKEN,
                object_type="inzage",
            )
        else:
            inzage_vastleggen(
                medewerker=user, inwoner=None, wat=wat, request=request, actie=InzageActie.ZOEKEN
            )
    for rij in rijen:
        rij.rollen_weergave = _rollen(rij.rollen)
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    context = {
        "form": form,
        "rijen": rijen,
        "inwoners": inwoners,
        "pagina": pagina,
        "meer": meer,
        "querystring": querystring.urlencode(),
    }
    return render(request, "privacy/inzagelog.html", context)


def _inwoner_of_404(request, pk):
    return get_object_or_404(query.inwoners_voor(request.user).select_related("gemeente"), pk=pk)


@permission_required("wmo.view_inzage", raise_exception=True)
def inzageverzoek(request, pk):
    """The answer to an inzageverzoek (AVG art. 15 lid 1 onder c: to whom the data were shown),
    as a page to print: per day who (name, role, organisation) did what. No IP address."""
    inwoner = _inwoner_of_404(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=inwoner,
        wat="inzageverzoek: overzicht wie de gegevens heeft bekeken",
        request=request,
        object=inwoner,
    )
    regels = query.overzicht_voor_inwoner(request.user, inwoner)
    for regel in regels:
        regel["rollen_weergave"] = _rollen(regel["rollen"])
        regel["actie_weergave"] = InzageActie(regel["actie"]).label
    context = {"inwoner": inwoner, "regels": regels, "vandaag": timezone.localdate()}
    return render(request, "privacy/inzageverzoek.html", context)


@permission_required("wmo.view_inzage", raise_exception=True)
def inzageverzoek_csv(request, pk):
    """Every row about one inwoner, for the inzageverzoek's file: who, role, organisation, when, what."""
    inwoner = _inwoner_of_404(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=inwoner,
        wat="inzageverzoek: alle inzages als CSV",
        request=request,
        actie=InzageActie.EXPORTEREN,
        object=inwoner,
    )
    rijen = (
        query.inzages_voor(request.user)
        .filter(inwoner=inwoner)
        .order_by("tijdstip", "id")
        .values_list("tijdstip", "medewerker_naam", "rollen", "organisatie_naam", "actie", "wat")
    )
    kop = ["Datum en tijd", "Medewerker", "Functie", "Organisatie", "Actie", "Wat"]
    data = (
        [
            timezone.localtime(t).strftime("%d-%m-%Y %H:%M:%S"),
            naam,
            _rollen(rollen),
            organisatie,
            InzageActie(actie).label,
            wat,
        ]
        for t, naam, rollen, organisatie, actie, wat in rijen.iterator(chunk_size=2000)
    )
    return csv_response(f"inzages-{inwoner.pk}-{timezone.localdate():%Y-%m-%d}.csv", kop, data)
