"""Loket views: find or register an inwoner, register a melding, werkvoorraad, dossier.

Thin: scope through the QuerySets (a foreign id answers 404), writes through the services.
"""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.db.models import CharField, Value
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from wmo import brieven
from wmo.actions import call_for_form, call_with_message, message_for_send
from wmo.constants import InzageActie, Rol
from wmo.middleware import framed_by_own_pages
from wmo.models import Brief, Gemeente, gelijkgestelde_dagen
from wmo.query import consulenten_voor, teams_voor
from wmo.redirects import safe_next_url
from wmo.rijen import url_per_pk
from wmo.services import inzage_vastleggen, inzages_vastleggen
from wmo.sjabloon import sjabloon

from . import services
from .constants import MeldingStatus
from .dossier import tijdlijn
from .forms import (
    AfsluitenForm,
    InwonerForm,
    MeldingForm,
    RaadplegenForm,
    ToewijzenForm,
    WerkvoorraadToewijzenForm,
    ZoekForm,
)
from .models import Inwoner, Melding
from .query import WerkvoorraadRij, mag_raadplegen, zoekwijze

ZOEK_MAX = 25


@permission_required("meldingen.view_inwoner", raise_exception=True)
def inwoner_zoeken(request):
    """The loket's search: name, birth date and address of the gemeenten's inwoners, the BSN masked.

    Whether each result has a care relation with the user comes in the same query; the dossier
    opens directly then, otherwise after a reason (inwoner_raadplegen). The inwoners shown are
    logged in one insert (reading personal data leaves a trace, NEN 7513).
    """
    form = ZoekForm(request.GET or None)
    # Only what the form accepts reaches the query: no NUL byte, no megabytes (ZoekForm).
    q = form.cleaned_data["q"].strip() if form.is_bound and form.is_valid() else ""
    gevonden = list(Inwoner.objects.zoekresultaten(request.user, q, ZOEK_MAX + 1).select_related("gemeente"))
    resultaten = gevonden[:ZOEK_MAX]
    _zoekrijen_klaarmaken(resultaten)
    inzages_vastleggen(
        medewerker=request.user,
        inwoner_ids=[i.pk for i in resultaten],
        # How it was searched, not what: the log outlives the dossier's anonymisation (wmo.inzagelog).
        wat=f"Zoekresultaat: gezocht op {zoekwijze(q)}",
        request=request,
        actie=InzageActie.ZOEKEN,
        object_type="inwoner",
    )
    context = {
        "form": form,
        "q": q,
        "resultaten": resultaten,
        "meer": len(gevonden) > ZOEK_MAX,
        "mag_raadplegen": mag_raadplegen(request.user),
        "mag_melden": request.user.has_perm("meldingen.add_melding"),
    }
    template = "meldingen/inwoner_zoeken.html"
    if request.htmx and request.htmx.target == "zoekresultaten":
        template += "#resultaten"
    return render(request, template, context)


def _zoekrijen_klaarmaken(inwoners) -> None:
    """The links of each result row ({% zoekresultaat_rij %}), from URLs reversed once."""
    dossier_url = url_per_pk("meldingen:dossier")
    melding_registreren_url = url_per_pk("meldingen:melding_registreren")
    raadplegen_url = url_per_pk("meldingen:inwoner_raadplegen")
    for inwoner in inwoners:
        inwoner.dossier_url = dossier_url(inwoner.pk)
        inwoner.melding_registreren_url = melding_registreren_url(inwoner.pk)
        inwoner.raadplegen_url = raadplegen_url(inwoner.pk)


def _bsn_from_search(request) -> str:
    """The BSN the search page passes on (?bsn=...), when it is one: 9 digits, else nothing."""
    bsn = request.GET.get("bsn", "")
    return bsn if re.fullmatch(r"[0-9]{9}", bsn) else ""


@permission_required("meldingen.add_inwoner", raise_exception=True)
def inwoner_registreren(request):
    gemeenten = Gemeente.objects.filter(pk__in=request.user.gemeente_ids)
    form = InwonerForm(request.POST or None, gemeenten=gemeenten, initial={"bsn": _bsn_from_search(request)})
    if request.method == "POST" and form.is_valid():
        inwoner = call_for_form(form, services.inwoner_registreren, door=request.user, **form.cleaned_data)
        if inwoner:
            messages.success(request, f"{inwoner.naam} is geregistreerd.")
            return redirect("meldingen:melding_registreren", inwoner_id=inwoner.pk)
    return render(request, "meldingen/inwoner_form.html", {"form": form, "titel": "Nieuwe inwoner"})


def _inwoner_met_toegang(request, pk, *, volgende: str) -> Inwoner | HttpResponseRedirect:
    """The inwoner, when the user has a care relation with it or an active lookup with a reason.

    Otherwise: to the page that asks the reason (for who may look up, ``mag_raadplegen``), or a
    404 (a partner organisation without a melding of its own, or an inwoner outside the scope).
    """
    inwoner = get_object_or_404(
        Inwoner.objects.met_toegang(request.user).select_related("gemeente", "brp"), pk=pk
    )
    if inwoner.heeft_zorgrelatie or inwoner.heeft_raadpleging:
        return inwoner
    if mag_raadplegen(request.user):
        return redirect(f"{reverse('meldingen:inwoner_raadplegen', args=[pk])}?volgende={volgende}")
    raise Http404


# Where the reason page goes on to: a fixed choice, never a URL from the request.
RAADPLEGEN_VOLGENDE = {"dossier": "meldingen:dossier", "wijzigen": "meldingen:inwoner_wijzigen"}


@permission_required("meldingen.view_inwoner", raise_exception=True)
def inwoner_raadplegen(request, pk):
    """ "Inzien zonder lopende melding": the reason, then the dossier for RAADPLEGING_GELDIG_MINUTEN.

    Shows only what the search shows (name, birth date, address, the BSN masked), so the user
    can check it is the right person before giving a reason.
    """
    if not mag_raadplegen(request.user):
        raise Http404
    inwoner = get_object_or_404(Inwoner.objects.met_toegang(request.user).select_related("gemeente"), pk=pk)
    volgende = request.POST.get("volgende") or request.GET.get("volgende")
    volgende = volgende if volgende in RAADPLEGEN_VOLGENDE else "dossier"
    doel = reverse(RAADPLEGEN_VOLGENDE[volgende], args=[inwoner.pk])
    if inwoner.heeft_zorgrelatie or inwoner.heeft_raadpleging:
        return redirect(doel)
    form = RaadplegenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        raadpleging = call_for_form(
            form,
            services.inwoner_raadplegen,
            door=request.user,
            inwoner=inwoner,
            reden=form.cleaned_data["reden"],
            toelichting=form.cleaned_data["toelichting"],
            request=request,
        )
        if raadpleging:
            tot = time_format(timezone.localtime(raadpleging.geldig_tot), "H:i")
            messages.success(request, f"U kunt het dossier van {inwoner.naam} inzien tot {tot} uur.")
            return redirect(doel)
    if request.method == "GET":
        inzage_vastleggen(
            medewerker=request.user,
            inwoner=inwoner,
            wat="Inzien zonder lopende melding: vraag om reden",
            request=request,
            object=inwoner,
        )
    return render(
        request,
        "meldingen/inwoner_raadplegen.html",
        {
            "inwoner": inwoner,
            "form": form,
            "volgende": volgende,
            "minuten": settings.RAADPLEGING_GELDIG_MINUTEN,
        },
    )


@permission_required("meldingen.change_inwoner", raise_exception=True)
def inwoner_wijzigen(request, pk):
    inwoner = _inwoner_met_toegang(request, pk, volgende="wijzigen")
    if isinstance(inwoner, HttpResponseRedirect):
        return inwoner
    form = InwonerForm(
        request.POST or None,
        instance=inwoner,
        gemeenten=Gemeente.objects.filter(pk__in=request.user.gemeente_ids),
    )
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, services.inwoner_wijzigen, inwoner=inwoner, door=request.user, **form.cleaned_data
        ):
            inzage_vastleggen(
                medewerker=request.user,
                inwoner=inwoner,
                wat="gegevens inwoner",
                request=request,
                actie=InzageActie.WIJZIGEN,
                object=inwoner,
            )
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("meldingen:dossier", pk=inwoner.pk)
    inzage_vastleggen(
        medewerker=request.user, inwoner=inwoner, wat="gegevens inwoner", request=request, object=inwoner
    )
    return render(
        request,
        "meldingen/inwoner_form.html",
        {"form": form, "inwoner": inwoner, "titel": f"Gegevens van {inwoner.naam}"},
    )


@permission_required("meldingen.add_melding", raise_exception=True)
def melding_registreren(request, inwoner_id):
    # Every inwoner of the gemeenten: registering a melding needs no care relation, it makes one.
    inwoner = get_object_or_404(
        Inwoner.objects.met_toegang(request.user).select_related("gemeente"), pk=inwoner_id
    )
    teams = teams_voor(request.user)
    form = MeldingForm(
        request.POST or None,
        teams=teams,
        consulenten=consulenten_voor(request.user),
        initial={"team": request.user.team_id},
    )
    open_meldingen = Melding.objects.zichtbaar_voor(request.user).filter(inwoner=inwoner).open()
    if request.method == "POST" and form.is_valid():
        melding = call_for_form(
            form, services.melding_registreren, door=request.user, inwoner=inwoner, **form.service_kwargs()
        )
        if melding:
            messages.success(request, f"Melding {melding.kenmerk} is geregistreerd.")
            # Set by the BRP refresh (wmo.signals.persoonsgegevens_gebruiken) when it could not run.
            if fout := getattr(getattr(inwoner, "brp_verversing", None), "fout", ""):
                messages.warning(request, f"De gegevens zijn niet bijgewerkt uit de BRP. {fout}")
            return redirect("meldingen:melding", pk=melding.pk)
    inzage_vastleggen(
        medewerker=request.user, inwoner=inwoner, wat="melding registreren", request=request, object=inwoner
    )
    return render(
        request,
        "meldingen/melding_form.html",
        {
            "form": form,
            "inwoner": inwoner,
            "open_meldingen": open_meldingen,
            "heeft_toegang": inwoner.heeft_zorgrelatie or inwoner.heeft_raadpleging,
        },
    )


def _melding_of_404(request, pk, *related) -> Melding:
    qs = (
        Melding.objects.zichtbaar_voor(request.user)
        .select_related("inwoner", "inwoner__brp", "gemeente", "team", "consulent", *related)
        .met_termijnstatus()
    )
    return get_object_or_404(qs, pk=pk)


@permission_required("meldingen.view_melding", raise_exception=True)
def melding_detail(request, pk):
    # The triage and the onderzoek (one each at most) in the melding's own query, for the
    # gesprek block (gesprekken.query.gesprekken_van_melding); by name, not by import.
    melding = _melding_of_404(request, pk, "triage__besloten_door", "onderzoek")
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"melding {melding.kenmerk}",
        request=request,
        object=melding,
    )
    return render(request, "meldingen/melding_detail.html", _melding_context(request, melding))


def _melding_context(request, melding, **extra):
    user = request.user
    context = {
        "melding": melding,
        # With the verslag version a letter is (if any): the gesprek block lists the versions
        # from these letters instead of reading them again (gesprekken.query).
        "brieven": Brief.objects.filter(melding=melding)
        .defer("pdf")
        .select_related("verstuurd_door", "verslagversie"),
        "kan_toewijzen": user.has_perm("meldingen.toewijzen_melding") and melding.is_open,
        "kan_onderzoek_starten": user.has_perm("meldingen.change_melding")
        and melding.mag_naar(MeldingStatus.IN_ONDERZOEK),
        "kan_afsluiten": user.has_perm("meldingen.change_melding")
        and melding.mag_naar(MeldingStatus.AFGESLOTEN),
        "kan_brief": user.has_perm("wmo.add_brief") and melding.is_open,
        "kan_oppakken": _kan_oppakken(user, melding),
    }
    if context["kan_toewijzen"]:
        context["toewijzen_form"] = ToewijzenForm(
            initial={"consulent": melding.consulent_id},
            consulenten=consulenten_voor(user, melding.team),
        )
    context.update(extra)
    return context


def _toegewezen_melden(request, melding, consulent, toegewezen) -> None:
    """The message after assigning a melding (from its page or from the werkvoorraad)."""
    naam = consulent or "de wachtrij van het team"
    brief = "De inwoner krijgt een brief met de naam van de nieuwe contactpersoon."
    if getattr(toegewezen, "brief", None) is None:
        brief = "Er is geen brief verstuurd."
    messages.success(request, f"{melding.kenmerk} is toegewezen aan {naam}. {brief}")


@require_POST
@permission_required("meldingen.toewijzen_melding", raise_exception=True)
def melding_toewijzen(request, pk):
    melding = _melding_of_404(request, pk)
    form = ToewijzenForm(request.POST, consulenten=consulenten_voor(request.user, melding.team))
    toegewezen = None
    if form.is_valid():
        toegewezen = call_for_form(
            form,
            services.melding_toewijzen,
            melding=melding,
            door=request.user,
            consulent=form.cleaned_data["consulent"],
        )
    if form.errors:
        return render(
            request,
            "meldingen/melding_detail.html",
            _melding_context(request, melding, toewijzen_form=form),
            status=422 if request.htmx else 200,
        )
    _toegewezen_melden(request, melding, form.cleaned_data["consulent"], toegewezen)
    if request.htmx:
        if request.htmx.target and request.htmx.target.startswith("rij-"):
            (rij,) = WerkvoorraadRij.lezen(Melding.objects.filter(pk=melding.pk).voor_werkvoorraad())
            _rijen_klaarmaken([rij])
            return render(
                request,
                "meldingen/werkvoorraad.html#rij",
                {
                    "melding": rij,
                    "toewijzen_form": WerkvoorraadToewijzenForm(user=request.user),
                    "werkvoorraad_url": reverse("werkvoorraad"),
                },
            )
        return HttpResponseClientRedirect(reverse("meldingen:melding", args=[melding.pk]))
    return redirect(safe_next_url(request, reverse("meldingen:melding", args=[melding.pk])))


def _kan_oppakken(user, melding) -> bool:
    """The button shows where melding_oppakken would accept it (the service checks again)."""
    return (
        melding.is_open
        and melding.consulent_id is None
        and user.team_id is not None
        and melding.team_id == user.team_id
        and user.heeft_rol(Rol.CONSULENT)
        and user.has_perm("meldingen.change_melding")
    )


@require_POST
@permission_required("meldingen.change_melding", raise_exception=True)
def melding_oppakken(request, pk):
    """A consulent takes a queued melding of their team (from the melding page or the werkvoorraad)."""
    melding = _melding_of_404(request, pk)
    if call_with_message(request, services.melding_oppakken, melding=melding, door=request.user):
        messages.success(
            request, f"U heeft {melding.kenmerk} opgepakt. De melding staat nu bij Mijn meldingen."
        )
    return redirect(safe_next_url(request, reverse("meldingen:melding", args=[melding.pk])))


@require_POST
@permission_required("meldingen.change_melding", raise_exception=True)
def melding_onderzoek_starten(request, pk):
    melding = _melding_of_404(request, pk)
    if call_with_message(request, services.melding_onderzoek_starten, melding=melding, door=request.user):
        messages.success(request, "Het onderzoek is gestart.")
    return redirect("meldingen:melding", pk=melding.pk)


@permission_required("meldingen.change_melding", raise_exception=True)
def melding_afsluiten(request, pk):
    melding = _melding_of_404(request, pk)
    form = AfsluitenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form,
            services.melding_afsluiten,
            melding=melding,
            door=request.user,
            reden=form.cleaned_data["reden"],
            toelichting=form.cleaned_data["toelichting"],
        ):
            messages.success(request, f"Melding {melding.kenmerk} is afgesloten.")
            return redirect("meldingen:melding", pk=melding.pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"melding afsluiten {melding.kenmerk}",
        request=request,
        object=melding,
    )
    return render(request, "meldingen/melding_afsluiten.html", {"melding": melding, "form": form})


@require_POST
@permission_required("wmo.add_brief", raise_exception=True)
def ontvangstbevestiging_versturen(request, pk):
    melding = _melding_of_404(request, pk)
    brief = call_with_message(
        request, services.ontvangstbevestiging_versturen, melding=melding, door=request.user
    )
    if brief:
        message_for_send(request, brief, f"De ontvangstbevestiging ({brief.kenmerk}) is gemaakt en bewaard.")
    return redirect("meldingen:melding", pk=melding.pk)


@framed_by_own_pages  # shown beside the draft beschikking, on our own pages only
@permission_required("wmo.view_brief", raise_exception=True)
def brief_pdf(request, pk):
    """A stored letter as it was sent, for whoever may see its melding; reading it leaves a trace."""
    zichtbaar = Melding.objects.zichtbaar_voor(request.user)
    brief = get_object_or_404(Brief.objects.filter(melding__in=zichtbaar).select_related("inwoner"), pk=pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=brief.inwoner,
        wat=f"brief {brief.kenmerk}",
        request=request,
        actie=InzageActie.DOWNLOADEN,
        object=brief,
    )
    return brieven.brief_response(brief)


@permission_required("meldingen.view_inwoner", raise_exception=True)
def dossier(request, pk):
    """The inwoner's dossier, with a care relation or an active lookup (``_inwoner_met_toegang``).

    Under a lookup the meldingen listed are still only those of the user's melding scope: the
    lookup opens the inwoner's own data, not another team's meldingen.
    """
    inwoner = _inwoner_met_toegang(request, pk, volgende="dossier")
    if isinstance(inwoner, HttpResponseRedirect):
        return inwoner
    meldingen = list(
        Melding.objects.zichtbaar_voor(request.user)
        .filter(inwoner=inwoner)
        .voor_lijst()
        .order_by("-ontvangen_op")
    )
    brieven = list(
        Brief.objects.filter(melding__in=[m.pk for m in meldingen])
        .defer("pdf", "tekst__blokken")
        .select_related("verstuurd_door", "melding", "tekst")
    )
    inzage_vastleggen(
        medewerker=request.user, inwoner=inwoner, wat="dossier", request=request, object=inwoner
    )
    return render(
        request,
        "meldingen/dossier.html",
        {
            "inwoner": inwoner,
            "meldingen": meldingen,
            "brieven": brieven,
            "tijdlijn": tijdlijn(inwoner, meldingen, brieven),
            "kan_melden": request.user.has_perm("meldingen.add_melding"),
            "kan_wijzigen": request.user.has_perm("meldingen.change_inwoner"),
        },
    )


PER_PAGINA = 50


MAX_PAGINA = 10_000  # 500,000 meldingen: more than any region has open; beyond it the list is empty

# The sections of the werkvoorraad, each paged on its own: (name, query-string parameter).
# "pagina" stays the parameter of "overige", as links and bookmarks already use it.
SECTIES = (("mijn", "pagina_mijn"), ("wachtrij", "pagina_wachtrij"), ("alle", "pagina"))


def _page_number(request, parameter: str = "pagina") -> int:
    """The page from ?pagina=: plain digits from 1 to MAX_PAGINA; anything else is page 1
    ("-1", "abc", "١", a NUL byte) or the last page we count to (a number with 20 digits,
    which PostgreSQL would refuse as OFFSET)."""
    waarde = request.GET.get(parameter, "")
    if not (waarde.isascii() and waarde.isdigit()):
        return 1
    if len(waarde) > len(str(MAX_PAGINA)):  # int() of a long string is slow, or refused
        return MAX_PAGINA
    return min(max(1, int(waarde)), MAX_PAGINA)


def _rijen_klaarmaken(meldingen, gekozen: str = "") -> None:
    """The links of each row, from URLs reversed once (no {% url %} per row)."""
    melding_url, dossier_url = url_per_pk("meldingen:melding"), url_per_pk("meldingen:dossier")
    oppakken_url = url_per_pk("meldingen:melding_oppakken")
    for melding in meldingen:
        melding.url, melding.dossier_url = melding_url(melding.pk), dossier_url(melding.inwoner_id)
        melding.oppakken_url = oppakken_url(melding.pk)
        melding.gekozen = str(melding.pk) == gekozen


def _sectie_namen(user) -> list[str]:
    """The sections of the user's werkvoorraad, by role and team."""
    namen = []
    if user.heeft_rol(Rol.CONSULENT):
        namen.append("mijn")
    if user.team_id:
        namen.append("wachtrij")
    if user.heeft_rol(Rol.LOKETMEDEWERKER, Rol.TEAMLEIDER):
        namen.append("alle")
    return namen


def _werkvoorraad_delen(user) -> dict:
    """{section: its open meldingen, in werkvoorraad order}."""
    open_meldingen = Melding.objects.zichtbaar_voor(user).open().voor_werkvoorraad()
    filters = {
        "mijn": lambda qs: qs.filter(consulent=user),
        "wachtrij": lambda qs: qs.filter(consulent__isnull=True, team_id=user.team_id),
        "alle": lambda qs: qs.exclude(consulent=user).exclude(consulent__isnull=True, team_id=user.team_id),
    }
    return {naam: filters[naam](open_meldingen) for naam in _sectie_namen(user)}


def _sectie_stukken(delen: dict, paginas: dict) -> list:
    """Each section's page as rows, one row extra to know whether there is a next page (no count
    over a large table), with the section's name as the last column."""
    # The page's meldingen are found first (their ids, in the section's order), then joined to
    # what a row shows: not every melding of the section before the LIMIT (the largest team's
    # queue: 252 rows joined to their inwoner, gemeente and consulent for 51 shown, issue 14).
    return [
        Melding.objects.filter(
            pk__in=qs.values("pk")[(paginas[naam] - 1) * PER_PAGINA : paginas[naam] * PER_PAGINA + 1]
        )
        .voor_werkvoorraad()
        .annotate(sectie=Value(naam, output_field=CharField()))
        .values_list(*WerkvoorraadRij.PADEN, "sectie")
        for naam, qs in delen.items()
    ]


@sjabloon(gelijkgestelde_dagen)
def _secties_query(user, paginas: tuple):
    """Every section's page in ONE query: a UNION ALL of the slices (wmo.sjabloon keeps its SQL
    per shape; ``paginas`` ((name, page), ...) is part of the shape: Django writes the slices
    into the SQL as LIMIT and OFFSET)."""
    stukken = _sectie_stukken(_werkvoorraad_delen(user), dict(paginas))
    return stukken[0].union(*stukken[1:], all=True) if len(stukken) > 1 else stukken[0]


def _secties_lezen(user, paginas: dict) -> dict:
    """{section: its page of ``WerkvoorraadRij``}, in the werkvoorraad's order."""
    namen = _sectie_namen(user)
    if not namen:
        return {}
    if connection.features.supports_slicing_ordering_in_compound:
        rijen = _secties_query.rijen(user, tuple((naam, paginas[naam]) for naam in namen))
    else:  # SQLite (the quick start) refuses LIMIT inside a UNION: a query per section
        rijen = [rij for stuk in _sectie_stukken(_werkvoorraad_delen(user), paginas) for rij in stuk]
    per_sectie = {naam: [] for naam in namen}
    for *waarden, sectie in rijen:
        per_sectie[sectie].append(WerkvoorraadRij(*waarden))
    for lijst in per_sectie.values():  # the order of each slice, which a UNION does not keep
        lijst.sort(key=lambda m: (not m.spoed, m.onderzoek_deadline, m.pk))
    return per_sectie


def werkvoorraad(request, toewijzen_form=None):
    user = request.user
    if not user.heeft_rol(Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER):
        if user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER):
            return redirect("beheer:start")
        if user.heeft_rol(Rol.PRIVACY_FUNCTIONARIS):
            return redirect("privacy:inzagelog")
        return render(request, "meldingen/geen_rol.html", status=403)
    paginas = {naam: _page_number(request, parameter) for naam, parameter in SECTIES}
    gelezen = _secties_lezen(user, paginas)
    secties = {}
    for naam, parameter in SECTIES:
        lijst = gelezen.get(naam, [])
        meer, lijst = len(lijst) > PER_PAGINA, lijst[:PER_PAGINA]
        pagina = paginas[naam]
        secties[naam] = {
            "lijst": lijst,
            "pagina": pagina,
            "meer": meer,
            "vorige_url": _pagina_url(request, parameter, pagina - 1) if pagina > 1 else None,
            "volgende_url": _pagina_url(request, parameter, pagina + 1) if meer else None,
        }
    alle_rijen = [m for sectie in secties.values() for m in sectie["lijst"]]
    inzages_vastleggen(
        medewerker=user,
        inwoner_ids=[m.inwoner_id for m in alle_rijen],
        wat="werkvoorraad",
        request=request,
        object_type="melding",
    )
    kan_toewijzen = user.has_perm("meldingen.toewijzen_melding")
    if kan_toewijzen and toewijzen_form is None:
        toewijzen_form = WerkvoorraadToewijzenForm(user=user)
    _rijen_klaarmaken(alle_rijen, gekozen=request.POST.get("melding", "") if toewijzen_form else "")
    context = {
        "secties": secties,
        "mijn": secties["mijn"]["lijst"],
        "toon_mijn": user.heeft_rol(Rol.CONSULENT),
        "oppakken": user.heeft_rol(Rol.CONSULENT) and user.has_perm("meldingen.change_melding"),
        "wachtrij": secties["wachtrij"]["lijst"],
        "wachtrij_meer": secties["wachtrij"]["meer"],
        "alle": secties["alle"]["lijst"],
        "pagina": secties["alle"]["pagina"],
        "meer": secties["alle"]["meer"],
        "toewijzen_form": toewijzen_form if kan_toewijzen else None,
        # Once, not per row: each row's radio button points at the form's error about the choice.
        "melding_fout": bool(kan_toewijzen and toewijzen_form["melding"].errors),
        # Back to the same pages of each section after assigning or taking a melding.
        "werkvoorraad_url": (
            request.get_full_path()
            if request.method == "GET"
            else safe_next_url(request, reverse("werkvoorraad"))
        ),
    }
    return render(request, "meldingen/werkvoorraad.html", context)


def _pagina_url(request, parameter: str, pagina: int) -> str:
    """The werkvoorraad with one section on another page, the other sections where they are."""
    query = request.GET.copy()
    query[parameter] = str(pagina)
    return f"?{query.urlencode()}"


@require_POST
@permission_required("meldingen.toewijzen_melding", raise_exception=True)
def werkvoorraad_toewijzen(request):
    """The one assign control of the werkvoorraad: the chosen row (a radio button) to the chosen
    consulent, or back to the team's queue. Works without JavaScript (post, then redirect).
    A melding outside the user's scope is 404, as on its own page."""
    melding_id = request.POST.get("melding", "")
    if melding_id.isascii() and melding_id.isdigit() and len(melding_id) < 12:
        get_object_or_404(Melding.objects.zichtbaar_voor(request.user), pk=melding_id)
    form = WerkvoorraadToewijzenForm(request.POST, user=request.user)
    toegewezen = None
    if form.is_valid():
        melding = form.cleaned_data["melding"]
        toegewezen = call_for_form(
            form,
            services.melding_toewijzen,
            melding=melding,
            door=request.user,
            consulent=form.cleaned_data["consulent"],
        )
    if form.errors:
        return werkvoorraad(request, toewijzen_form=form)
    _toegewezen_melden(request, melding, form.cleaned_data["consulent"], toegewezen)
    return redirect(safe_next_url(request, reverse("werkvoorraad")))
