"""Beheer pages: accounts and roles of the beheerder's own organisation.

Thin: reads in beheer.query (scoped to the organisation: an account of another organisation
is a 404), writes through beheer.services (which check the rules again and record them).
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from wmo.actions import call_for_form, call_with_message
from wmo.constants import InzageActie, Rol
from wmo.services import inzages_vastleggen

from . import overdracht, query, services, wijzigingen
from . import teams as teambeheer
from .constants import RoltoekenningStatus
from .forms import (
    WACHTRIJ,
    GoedkeurenForm,
    MedewerkerForm,
    OverdrachtForm,
    RedenForm,
    RolAanvragenForm,
    TeamForm,
    WeigerenForm,
)
from .secties import secties_voor

PER_PAGINA = 50


def beheerder_required(view):
    """Only a functioneel beheerder with an organisation opens these pages (403 for other roles;
    LoginRequiredMiddleware sends anonymous visitors to the login)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER) and user.organisatie_id):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def uitvoering_required(view):
    """Only a beheerder of an execution organisation (403 for a partner's beheerder): the catalogue,
    the aanbieders, the gemeenten and their letter texts are the gemeente's, not a partner's."""

    @wraps(view)
    @beheerder_required
    def wrapper(request, *args, **kwargs):
        if request.user.organisatie.is_partner:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _medewerker(request, pk):
    return get_object_or_404(query.medewerkers_voor(request.user), pk=pk)


@beheerder_required
def start(request):
    return render(
        request,
        "beheer/start.html",
        {
            "secties": secties_voor(request.user),
            "open_aanvragen": query.open_aanvragen_voor(request.user).count(),
        },
    )


@beheerder_required
def medewerkers(request):
    zoek = request.GET.get("zoek", "").strip()[:100]
    qs = query.medewerkers_voor(request.user)
    if zoek:
        qs = query.zoeken(qs, zoek)
    pagina = Paginator(qs.order_by("-is_active", "first_name", "last_name", "pk"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(request, "beheer/medewerkers.html", {"pagina": pagina, "zoek": zoek})


@beheerder_required
def medewerker_aanmaken(request):
    form = MedewerkerForm(request.POST or None, organisatie_id=request.user.organisatie_id)
    if request.method == "POST" and form.is_valid():
        nieuw = call_for_form(form, services.medewerker_aanmaken, door=request.user, **form.cleaned_data)
        if nieuw:
            messages.success(
                request,
                f"Account {nieuw.username} is gemaakt. {nieuw.email} krijgt een mail met een link om een "
                "wachtwoord te kiezen. Vraag nu een rol aan; een andere beheerder keurt die goed.",
            )
            return redirect("beheer:medewerker", pk=nieuw.pk)
    return render(request, "beheer/medewerker_form.html", {"form": form, "titel": "Nieuwe medewerker"})


@beheerder_required
def medewerker(request, pk):
    m = _medewerker(request, pk)
    toekenningen = list(query.roltoekenningen_voor(request.user).filter(medewerker=m))
    open_rollen = {t.rol for t in toekenningen if t.status == RoltoekenningStatus.AANGEVRAAGD}
    rollen = [g.name for g in m.groups.all()]
    zelf = m.pk == request.user.pk
    aan_te_vragen = [r for r in Rol.values if r not in rollen and r not in open_rollen]
    context = {
        "medewerker": m,
        "rollen": [(r, Rol(r).label if r in Rol.values else r) for r in rollen],
        "zelf": zelf,
        "toekenningen": toekenningen,
        "rol_uit_idp": services.rol_uit_idp(m),
        "rol_form": RolAanvragenForm(rollen=aan_te_vragen)
        if aan_te_vragen and m.is_active and not zelf and not services.rol_uit_idp(m)
        else None,
        "open_meldingen": overdracht.open_meldingen_van(m).count(),
        "geschiedenis": m.history.exclude(history_change_reason=None)
        .exclude(history_change_reason="")
        .select_related("history_user")
        .order_by("-history_date")[:50],
    }
    return render(request, "beheer/medewerker.html", context)


@beheerder_required
def medewerker_wijzigen(request, pk):
    m = _medewerker(request, pk)
    initial = {f: getattr(m, f) for f in ("first_name", "last_name", "email", "telefoon")} | {
        "team": m.team_id
    }
    form = MedewerkerForm(
        request.POST or None,
        initial=initial,
        organisatie_id=request.user.organisatie_id,
        bestaand=True,
        huidig_team_id=m.team_id,
    )
    if request.method == "POST" and form.is_valid():
        gewijzigd = call_for_form(
            form, services.medewerker_wijzigen, door=request.user, medewerker=m, **form.cleaned_data
        )
        if gewijzigd:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("beheer:medewerker", pk=m.pk)
    return render(
        request, "beheer/medewerker_form.html", {"form": form, "medewerker": m, "titel": f"{m} wijzigen"}
    )


def _met_reden_bevestigen(
    request, m, *, vraag, service, succes, titel, uitleg, knop, extra=None, daarna=None, **kwargs
):
    """A confirmation page that asks why (deactivating, revoking a role): the reason goes to the
    service, which records it; on success to ``daarna`` (default: the medewerker's page)."""
    form = RedenForm(request.POST or None)
    form.fields["reden"].label = vraag
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, service, door=request.user, medewerker=m, reden=form.cleaned_data["reden"], **kwargs
        ):
            messages.success(request, succes)
            return redirect(daarna or reverse("beheer:medewerker", args=[m.pk]))
    context = {"form": form, "medewerker": m, "titel": titel, "uitleg": uitleg, "knop": knop, **(extra or {})}
    return render(request, "beheer/bevestigen.html", context)


@beheerder_required
def medewerker_deactiveren(request, pk):
    """Deactivate; with open meldingen it warns and goes on to the handover (beheer.overdracht)."""
    m = _medewerker(request, pk)
    open_meldingen = overdracht.open_meldingen_van(m).count()
    succes = f"Het account van {m} is gedeactiveerd. Inloggen kan niet meer."
    if open_meldingen:
        succes += f" Er {_zijn(open_meldingen)} nog open: draag ze hieronder over."
    return _met_reden_bevestigen(
        request,
        m,
        vraag="Waarom is het account niet meer nodig?",
        service=services.medewerker_deactiveren,
        succes=succes,
        titel=f"{m} deactiveren",
        uitleg="Na het deactiveren kan deze medewerker niet meer inloggen, ook niet in een sessie die nog open staat.",
        knop="Deactiveren",
        extra={"open_meldingen": open_meldingen},
        daarna=reverse("beheer:meldingen_overdragen", args=[m.pk]) if open_meldingen else None,
    )


def _zijn(aantal: int) -> str:
    return "is 1 melding" if aantal == 1 else f"zijn {aantal} meldingen"


@beheerder_required
def medewerker_activeren(request, pk):
    m = _medewerker(request, pk)
    return _met_reden_bevestigen(
        request,
        m,
        vraag="Waarom is het account weer nodig?",
        service=services.medewerker_activeren,
        succes=f"Het account van {m} is weer actief. De rollen gelden pas als een andere beheerder ze opnieuw goedkeurt.",
        titel=f"{m} weer actief maken",
        uitleg="De medewerker kan daarna weer inloggen met het eigen wachtwoord en de eigen app. "
        "De rollen van vroeger komen niet vanzelf terug: ze worden opnieuw aangevraagd en gelden pas als een andere beheerder ze goedkeurt.",
        knop="Weer actief maken",
    )


@require_POST
@beheerder_required
def wachtwoordlink_versturen(request, pk):
    m = _medewerker(request, pk)
    if call_with_message(request, services.wachtwoordlink_versturen, door=request.user, medewerker=m):
        messages.success(
            request,
            f"Er is een link gemaild naar {m.email}. Het huidige wachtwoord werkt tot de link is gebruikt.",
        )
    return redirect("beheer:medewerker", pk=m.pk)


@beheerder_required
def rol_aanvragen(request, pk):
    m = _medewerker(request, pk)
    form = RolAanvragenForm(request.POST or None, rollen=Rol.values)
    if request.method == "POST" and form.is_valid():
        toekenning = call_for_form(
            form, services.rol_aanvragen, door=request.user, medewerker=m, **form.cleaned_data
        )
        if toekenning:
            messages.success(
                request,
                f"De rol {toekenning.get_rol_display().lower()} is aangevraagd. Een andere beheerder moet hem goedkeuren.",
            )
            return redirect("beheer:medewerker", pk=m.pk)
    return render(request, "beheer/rol_aanvragen.html", {"form": form, "medewerker": m})


@beheerder_required
def rol_intrekken(request, pk, rol):
    m = _medewerker(request, pk)
    if rol not in Rol.values:
        raise Http404
    naam = Rol(rol).label.lower()
    return _met_reden_bevestigen(
        request,
        m,
        vraag="Waarom wordt de rol ingetrokken?",
        service=services.rol_intrekken,
        succes=f"De rol {naam} is ingetrokken. Dat geldt meteen.",
        titel=f"Rol {naam} intrekken bij {m}",
        uitleg="De rol is meteen weg. Opnieuw geven kan alleen met een nieuwe aanvraag en de goedkeuring van een tweede beheerder.",
        knop="Rol intrekken",
        rol=rol,
    )


@beheerder_required
def rolaanvragen(request):
    return render(
        request,
        "beheer/rolaanvragen.html",
        {"aanvragen": query.open_aanvragen_voor(request.user)},
    )


@beheerder_required
def rolaanvraag(request, pk):
    toekenning = get_object_or_404(query.roltoekenningen_voor(request.user), pk=pk)
    goedkeuren_form = GoedkeurenForm(request.POST if request.POST.get("actie") == "goedkeuren" else None)
    weigeren_form = WeigerenForm(request.POST if request.POST.get("actie") == "weigeren" else None)
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "goedkeuren" and goedkeuren_form.is_valid():
            if call_for_form(
                goedkeuren_form,
                services.rol_goedkeuren,
                door=request.user,
                toekenning=toekenning,
                opmerking=goedkeuren_form.cleaned_data["opmerking"],
            ):
                messages.success(
                    request,
                    f"Goedgekeurd: {toekenning.medewerker} heeft nu de rol {toekenning.get_rol_display().lower()}.",
                )
                return redirect("beheer:rolaanvragen")
        elif actie == "weigeren" and weigeren_form.is_valid():
            if call_for_form(
                weigeren_form,
                services.rol_weigeren,
                door=request.user,
                toekenning=toekenning,
                reden=weigeren_form.cleaned_data["reden"],
            ):
                messages.success(request, "De aanvraag is geweigerd.")
                return redirect("beheer:rolaanvragen")
    return render(
        request,
        "beheer/rolaanvraag.html",
        {
            "toekenning": toekenning,
            "goedkeuren_form": goedkeuren_form,
            "weigeren_form": weigeren_form,
            "zelf_aangevraagd": toekenning.aangevraagd_door_id == request.user.pk,
            "voor_zelf": toekenning.medewerker_id == request.user.pk,
        },
    )


# --- Teams (beheer.teams) --------------------------------------------------------------------


def _team(request, pk):
    return get_object_or_404(query.teams_voor(request.user), pk=pk)


@beheerder_required
def teams(request):
    lijst = query.teams_met_bezetting(request.user).order_by("-actief", "naam")
    return render(request, "beheer/teams.html", {"teams": lijst})


@beheerder_required
def team_aanmaken(request):
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        team = call_for_form(form, teambeheer.team_aanmaken, door=request.user, **form.cleaned_data)
        if team:
            messages.success(request, f"Team {team.naam} is gemaakt.")
            return redirect("beheer:teams")
    return render(request, "beheer/team_form.html", {"form": form, "titel": "Nieuw team"})


@beheerder_required
def team_wijzigen(request, pk):
    team = _team(request, pk)
    form = TeamForm(
        request.POST or None, initial={"naam": team.naam, "telefoon": team.telefoon, "email": team.email}
    )
    if request.method == "POST" and form.is_valid():
        if call_for_form(form, teambeheer.team_wijzigen, door=request.user, team=team, **form.cleaned_data):
            messages.success(request, "De gegevens van het team zijn opgeslagen.")
            return redirect("beheer:teams")
    open_meldingen, actieve_leden = teambeheer.team_bezetting(team)
    context = {
        "form": form,
        "team": team,
        "titel": f"{team.naam} wijzigen",
        "open_meldingen": open_meldingen,
        "actieve_leden": actieve_leden,
    }
    return render(request, "beheer/team_form.html", context)


@beheerder_required
def team_deactiveren(request, pk):
    team = _team(request, pk)
    blokkade = teambeheer.blokkade_tekst(*teambeheer.team_bezetting(team)) if team.actief else ""
    form = RedenForm(request.POST or None)
    form.fields["reden"].label = "Waarom is het team niet meer nodig?"
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, teambeheer.team_deactiveren, door=request.user, team=team, reden=form.cleaned_data["reden"]
        ):
            messages.success(
                request,
                f"Team {team.naam} is uit gebruik. Er komen geen nieuwe meldingen of medewerkers meer in.",
            )
            return redirect("beheer:teams")
    return render(request, "beheer/team_deactiveren.html", {"form": form, "team": team, "blokkade": blokkade})


@require_POST
@beheerder_required
def team_activeren(request, pk):
    team = _team(request, pk)
    if call_with_message(request, teambeheer.team_activeren, door=request.user, team=team):
        messages.success(request, f"Team {team.naam} is weer in gebruik.")
    return redirect("beheer:teams")


# --- Handing over a consulent's open meldingen (beheer.overdracht) ---------------------------


@beheerder_required
def meldingen_overdragen(request, pk):
    """Counts and kenmerken only: the beheerder reads no dossier (see beheer.overdracht)."""
    m = _medewerker(request, pk)
    ontvangers = list(overdracht.ontvangers_voor(request.user, m))
    kenmerken, per_status = overdracht.overzicht(m)
    form = OverdrachtForm(request.POST or None, ontvangers=ontvangers, initial={"verwacht": len(kenmerken)})
    if request.method == "POST" and form.is_valid():
        keuze = form.cleaned_data["naar"]
        naar = None if keuze == WACHTRIJ else next(c for c in ontvangers if str(c.pk) == keuze)
        resultaat = call_for_form(
            form,
            overdracht.meldingen_overdragen,
            door=request.user,
            van=m,
            naar=naar,
            verwacht=form.cleaned_data["verwacht"],
        )
        if resultaat is not None:
            inzages_vastleggen(
                medewerker=request.user,
                inwoner_ids=resultaat.inwoner_ids,
                wat=f"melding overgedragen door beheer aan {naar or 'de wachtrij'}",
                request=request,
                actie=InzageActie.WIJZIGEN,
                object_type="melding",
            )
            if resultaat.meldingen == 0:
                messages.info(request, f"{m} had geen open meldingen meer: er is niets overgedragen.")
            else:
                wie = str(naar) if naar else "de wachtrij van hun team"
                aantal = "1 melding" if resultaat.meldingen == 1 else f"{resultaat.meldingen} meldingen"
                brieven = "1 brief" if resultaat.brieven == 1 else f"{resultaat.brieven} brieven"
                messages.success(request, f"{aantal} overgedragen aan {wie}, {brieven} verstuurd.")
            return redirect("beheer:medewerker", pk=m.pk)
    context = {"medewerker": m, "form": form, "kenmerken": kenmerken, "per_status": per_status}
    return render(request, "beheer/overdragen.html", context)


# --- Change history (beheer.wijzigingen) -----------------------------------------------------


@beheerder_required
def wijzigingen_lijst(request):
    soorten = wijzigingen.soorten_voor(request.user)
    soort = request.GET.get("soort") or None
    if soort not in {s.sleutel for s in soorten}:
        soort = None
    pagina, lijst = wijzigingen.pagina(request.user, soort=soort, nummer=request.GET.get("pagina"))
    return render(
        request,
        "beheer/wijzigingen.html",
        {"pagina": pagina, "lijst": lijst, "soorten": soorten, "soort": soort},
    )
