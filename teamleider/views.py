"""Teamleider views: dashboard, reassigning, management information, research sample.

Thin: reads in teamleider.query, one module per page (scoped by Melding.objects.zichtbaar_voor),
writes through meldingen.services. Filters are plain GET forms (bookmarkable); htmx swaps only the results.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from meldingen import services as melding_services
from meldingen.constants import OPEN_STATUSSEN, Afsluitreden
from wmo import teamcache
from wmo.actions import call_for_form
from wmo.constants import InzageActie, Rol
from wmo.query import consulenten_voor
from wmo.rijen import url_per_pk
from wmo.services import inzages_vastleggen
from wmo.termijnstatus import TERMIJNSTATUS_LABELS

from .export import csv_response, pseudoniem
from .forms import FilterForm, HerverdelenForm, OnderzoekForm
from .grafiek import staafgrafiek
from .query import clientervaringsonderzoek as cevo_query
from .query import common, termijnen, werklast
from .query import dashboard as dashboard_query
from .query import managementinformatie as mi_query


def teamleider_required(view):
    """Only a teamleider opens these pages (403 for everyone else, also when not logged in)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not request.user.heeft_rol(Rol.TEAMLEIDER):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _querystring(request, **extra) -> str:
    params = request.GET.copy()
    for k, v in extra.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = v
    return params.urlencode()


@teamleider_required
def dashboard(request):
    user = request.user
    klok = request.GET.get("klok", "onderzoek")
    staat = request.GET.get("staat", "verlopen")
    sorteer = request.GET.get("sorteer", "deadline")
    werklast_sorteer = request.GET.get("werklast", "open")
    if (
        klok not in termijnen.KLOKKEN
        or staat not in (*termijnen.STATEN, "opgeschort")
        or sorteer not in termijnen.LIJST_SORTERING
        or werklast_sorteer not in werklast.WERKLAST_SORTERING
    ):
        raise Http404
    vandaag = timezone.localdate()

    def figuren(filters):
        """The filter's choices, the workload and the counts per clock: one query. The counts are
        kept briefly per team, forgotten by every change (wmo.teamcache); when kept, the query
        leaves them out."""
        gelezen = {}

        def bereken():
            gelezen["o"] = dashboard_query.dashboard_overzicht(user, filters, vandaag, met_tellingen=True)
            return gelezen["o"].tellingen

        tellingen = teamcache.onthouden(
            user.team_id, "dashboard-tellingen", f"{user.pk}:{filters}:{vandaag}", bereken
        )
        o = gelezen.get("o") or dashboard_query.dashboard_overzicht(
            user, filters, vandaag, met_tellingen=False
        )
        o.tellingen = tellingen
        return o

    # The figures need the filters and the form needs the choices that come with the figures: read
    # with the filters as given; only when the form refuses one (or reads it otherwise) the figures
    # are read once more, with the filters the form accepted.
    voorlopig = FilterForm.voorlopige_filters(request.GET)
    o = figuren(voorlopig)
    form = FilterForm(request.GET or None, user=user, keuzes=o.keuzes)
    filters = form.filters()
    if filters != voorlopig:
        o = figuren(filters)
    tellingen = o.tellingen
    rijen = [
        {
            "klok": k,
            "label": label,
            "cellen": [
                {
                    "staat": s,
                    "aantal": tellingen[k].get(s),
                    "qs": _querystring(request, klok=k, staat=s),
                    "actief": (k, s) == (klok, staat),
                }
                for s in (*termijnen.STATEN, "opgeschort")
            ],
        }
        for k, label in termijnen.KLOKKEN.items()
    ]
    context = {
        "form": form,
        "rijen": rijen,
        "staten": [(s, TERMIJNSTATUS_LABELS[s]) for s in (*termijnen.STATEN, "opgeschort")],
        "klok": klok,
        "klok_label": termijnen.KLOKKEN[klok],
        "staat": staat,
        "staat_label": TERMIJNSTATUS_LABELS[staat],
        "lijst": termijnen.termijnen_lijst(user, klok, staat, filters, vandaag, sorteer),
        "sorteer": sorteer,
        "lijst_sortering": {
            **{s: _querystring(request, sorteer=s) for s in termijnen.LIJST_SORTERING},
            "deadline_omgekeerd": _querystring(request, sorteer="-deadline"),
        },
        "werklast_sorteer": werklast_sorteer,
        "werklast_sortering": {s: _querystring(request, werklast=s) for s in werklast.WERKLAST_SORTERING},
        "lijst_max": termijnen.LIJST_MAX,
        "bezwaar": termijnen.bezwaartermijnen(user, filters, vandaag),
        "dwangsom": termijnen.dwangsommen(user, filters, vandaag),
        "werklast": dashboard_query.werklast_gesorteerd(o.werklast, filters, werklast_sorteer),
        "vandaag": vandaag,
        "querystring": _querystring(request),
    }
    # The links of the rows, from URLs reversed once (a {% url %} per row made the page
    # template-bound, issue 14).
    melding_url = url_per_pk("meldingen:melding")
    for r in context["lijst"]:
        r["url"] = melding_url(r["melding"].pk)
    for b in context["bezwaar"]["lijst"]:
        b.melding_url = melding_url(b.aanvraag.melding_id)
    for a in context["dwangsom"]["lijst"]:
        a.melding_url = melding_url(a.melding_id)
    context["herverdelen_url"] = reverse("teamleider:herverdelen")
    # The lists show inwoners by name: one row in the access log per inwoner shown (NEN 7513).
    inzages_vastleggen(
        medewerker=user,
        inwoner_ids=[
            *(r["melding"].inwoner_id for r in context["lijst"]),
            *(b.aanvraag.melding.inwoner_id for b in context["bezwaar"]["lijst"]),
            *(a.melding.inwoner_id for a in context["dwangsom"]["lijst"]),
        ],
        wat="teamleider dashboard",
        request=request,
        object_type="melding",
    )
    template = "teamleider/dashboard.html"
    if request.htmx and request.htmx.target == "dashboard-inhoud":
        template += "#inhoud"
    return render(request, template, context)


def herverdeeld_bericht(gewijzigd, consulent) -> str:
    """Say what really happened: how many meldingen moved and how many letters went out. A letter
    "nieuwe contactpersoon" is only made when the inwoner had a consulent before (issue 15)."""
    if not gewijzigd:
        return f"Er is niets veranderd: de gekozen meldingen waren al van {consulent}."
    brieven = sum(1 for m in gewijzigd if getattr(m, "brief", None) is not None)
    zonder = len(gewijzigd) - brieven
    aantal = len(gewijzigd)
    delen = [f"{aantal} {'melding gaat' if aantal == 1 else 'meldingen gaan'} naar {consulent}."]
    if brieven == 1:
        delen.append("1 inwoner krijgt een brief met de naam van de nieuwe contactpersoon.")
    elif brieven:
        delen.append(f"{brieven} inwoners krijgen een brief met de naam van hun nieuwe contactpersoon.")
    if zonder and not brieven:
        delen.append("Er is geen brief verstuurd, want er was nog geen contactpersoon.")
    elif zonder:
        woord = "melding" if zonder == 1 else "meldingen"
        delen.append(f"Voor {zonder} {woord} is geen brief verstuurd, want er was nog geen contactpersoon.")
    return " ".join(delen)


@teamleider_required
def herverdelen(request):
    """Give one or many open meldingen of a consulent (or the team queue) to another consulent."""
    user = request.user
    if not user.has_perm("meldingen.toewijzen_melding"):
        raise PermissionDenied
    consulenten = consulenten_voor(user, user.team)
    van = request.POST.get("van") or request.GET.get("van") or ""
    van_consulent = None
    if van:
        try:
            if not (van.isascii() and van.isdigit()):
                raise ValueError(van)
            van_consulent = consulenten.get(pk=int(van))
        except (ValueError, consulenten.model.DoesNotExist):
            raise Http404 from None
    scope = common.meldingen(user).filter(status__in=OPEN_STATUSSEN)
    if request.method == "POST":
        gekozen = request.POST.getlist("meldingen")
        if not all(p.isascii() and p.isdigit() for p in gekozen) or scope.filter(
            pk__in=gekozen
        ).count() != len(set(gekozen)):
            raise Http404  # a melding outside the user's scope (or closed): as if it does not exist
    lijst = werklast.open_meldingen_van(user, van_consulent.pk if van_consulent else None)
    form = HerverdelenForm(
        request.POST or None,
        meldingen=scope,
        consulenten=consulenten.exclude(pk=van_consulent.pk) if van_consulent else consulenten,
    )
    if request.method == "POST" and form.is_valid():
        gewijzigd = call_for_form(
            form,
            melding_services.meldingen_herverdelen,
            meldingen=form.cleaned_data["meldingen"]
            .select_for_update(of=("self",))
            .select_related("inwoner"),
            consulent=form.cleaned_data["consulent"],
            door=user,
        )
        if gewijzigd is not None:
            messages.success(request, herverdeeld_bericht(gewijzigd, form.cleaned_data["consulent"]))
            url = reverse("teamleider:herverdelen")
            return redirect(f"{url}?{urlencode({'van': van})}" if van else url)
    lijst = list(lijst)
    inzages_vastleggen(
        medewerker=user,
        inwoner_ids=[m.inwoner_id for m in lijst],
        wat="herverdelen",
        request=request,
        object_type="melding",
    )
    status = 422 if request.method == "POST" and request.htmx else 200
    return render(
        request,
        "teamleider/herverdelen.html",
        {
            "form": form,
            "lijst": lijst,
            "van_consulent": van_consulent,
            "consulenten": consulenten,
            "van": van,
        },
        status=status,
    )


def _mi_context(request):
    form = FilterForm(request.GET or None, user=request.user)
    filters = form.filters(standaard_maanden=12)
    mi = mi_query.managementinformatie(request.user, filters)
    return form, filters, mi


MI_KOLOMMEN = [
    ("maand", "Maand"),
    ("meldingen", "Meldingen ontvangen"),
    ("gesprek", "Met gesprek"),
    ("verslag", "Met verslag"),
    ("aanvraag", "Met aanvraag"),
    ("toegekend", "Toegekend (helemaal of deels)"),
    ("afgewezen", "Afgewezen"),
    ("zonder_aanvraag", "Afgesloten zonder aanvraag"),
    *[(f"zonder_{r.value}", f"Zonder aanvraag: {r.label}") for r in Afsluitreden],
    ("onderzoek_n", "Onderzoek klaar"),
    ("onderzoek_mediaan", "Onderzoek: mediaan dagen"),
    ("onderzoek_p90", "Onderzoek: 90e percentiel dagen"),
    ("onderzoek_op_tijd", "Onderzoek: % op tijd"),
    ("beslis_n", "Besloten"),
    ("beslis_mediaan", "Beslissen: mediaan dagen"),
    ("beslis_p90", "Beslissen: 90e percentiel dagen"),
    ("beslis_op_tijd", "Beslissen: % op tijd"),
    ("huisbezoek", "Gesprekken thuis"),
    ("telefonisch", "Gesprekken telefonisch"),
    ("elders", "Gesprekken elders"),
]


@teamleider_required
def managementinformatie(request):
    form, filters, mi = _mi_context(request)
    grafiek = staafgrafiek(
        [(date_format(r["maand"], "b Y"), r["meldingen"]) for r in mi["rijen"]],
        titel="Meldingen per maand",
    )
    context = {
        "form": form,
        "filters": filters,
        "rijen": mi["rijen"],
        "grafiek": grafiek,
        "redenen": list(Afsluitreden),
        "querystring": _querystring(request),
    }
    template = "teamleider/managementinformatie.html"
    if request.htmx and request.htmx.target == "mi-inhoud":
        template += "#inhoud"
    return render(request, template, context)


@teamleider_required
def managementinformatie_csv(request):
    _, filters, mi = _mi_context(request)
    rijen = (
        [r["maand"].strftime("%Y-%m") if k == "maand" else r[k] for k, _ in MI_KOLOMMEN] for r in mi["rijen"]
    )
    naam = f"managementinformatie-{filters.van:%Y-%m}-{filters.tot:%Y-%m}.csv"
    return csv_response(naam, [label for _, label in MI_KOLOMMEN], rijen)


@teamleider_required
def clientervaringsonderzoek(request):
    """The list for the yearly cliëntervaringsonderzoek (Wmo 2015 art. 2.5.1), as CSV."""
    user = request.user
    initial = {"jaar": timezone.localdate().year - 1, "variant": "gepseudonimiseerd"}
    form = OnderzoekForm(request.GET if "jaar" in request.GET else None, user=user, initial=initial)
    if not form.is_bound or not form.is_valid():
        return render(request, "teamleider/clientervaringsonderzoek.html", {"form": form})
    d = form.cleaned_data
    zaad = d["zaad"] or ""
    rijen = cevo_query.clientervaringsonderzoek(
        user,
        jaar=d["jaar"],
        gemeente=d["gemeente"].pk if d["gemeente"] else None,
        productgroep=d["productgroep"],
        aantal=d["aantal"],
        zaad=zaad,
    )
    naam = f"clientervaringsonderzoek-{d['jaar']}"
    if d["variant"] == "adressen":
        # A mailing list: name and address only, no BSN and no productgroepen (AVG art. 5 lid 1
        # onder c, data minimisation: an envelope needs neither). Names and addresses leave the
        # system: one row in the access log per inwoner (one insert).
        inzages_vastleggen(
            medewerker=user,
            inwoner_ids=[r["inwoner_id"] for r in rijen],
            wat="Steekproef cliëntervaringsonderzoek",
            request=request,
            actie=InzageActie.EXPORTEREN,
            object_type="inwoner",
        )
        kop = ["Voornamen", "Tussenvoegsel", "Achternaam", "Straat", "Huisnummer", "Toevoeging"]
        kop += ["Postcode", "Woonplaats", "Gemeente"]
        data = (
            [
                r["voornamen"],
                r["tussenvoegsel"],
                r["achternaam"],
                r["straat"],
                r["huisnummer"],
                r["huisnummer_toevoeging"],
                r["postcode"],
                r["woonplaats"],
                r["gemeente"],  # the sender of the invitation
            ]
            for r in rijen
        )
        return csv_response(f"{naam}-adressen.csv", kop, data)
    jaar = d["jaar"]
    data = (
        [
            pseudoniem(r["bsn"], zaad),
            r["gemeente"],
            r["productgroepen"],
            _leeftijdsgroep(jaar - r["geboortedatum"].year),
        ]
        for r in rijen
    )
    return csv_response(
        f"{naam}-gepseudonimiseerd.csv", ["Pseudoniem", "Gemeente", "Productgroepen", "Leeftijdsgroep"], data
    )


def _leeftijdsgroep(leeftijd: int) -> str:
    if leeftijd < 18:
        return "jonger dan 18"
    if leeftijd >= 85:
        return "85 of ouder"
    if leeftijd < 65:
        return "18 tot 65"
    return "65 tot 75" if leeftijd < 75 else "75 tot 85"
