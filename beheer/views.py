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
from django.views.decorators.http import require_POST

from wmo.actions import call_for_form, call_with_message
from wmo.constants import Rol

from . import query, services
from .constants import RoltoekenningStatus
from .forms import GoedkeurenForm, MedewerkerForm, RedenForm, RolAanvragenForm, WeigerenForm
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
        request.POST or None, initial=initial, organisatie_id=request.user.organisatie_id, bestaand=True
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


def _met_reden_bevestigen(request, m, *, vraag, service, succes, titel, uitleg, knop, **kwargs):
    """A confirmation page that asks why (deactivating, revoking a role): the reason goes to the
    service, which records it; on success back to the medewerker's page."""
    form = RedenForm(request.POST or None)
    form.fields["reden"].label = vraag
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, service, door=request.user, medewerker=m, reden=form.cleaned_data["reden"], **kwargs
        ):
            messages.success(request, succes)
            return redirect("beheer:medewerker", pk=m.pk)
    context = {"form": form, "medewerker": m, "titel": titel, "uitleg": uitleg, "knop": knop}
    return render(request, "beheer/bevestigen.html", context)


@beheerder_required
def medewerker_deactiveren(request, pk):
    m = _medewerker(request, pk)
    return _met_reden_bevestigen(
        request,
        m,
        vraag="Waarom is het account niet meer nodig?",
        service=services.medewerker_deactiveren,
        succes=f"Het account van {m} is gedeactiveerd. Inloggen kan niet meer.",
        titel=f"{m} deactiveren",
        uitleg="Na het deactiveren kan deze medewerker niet meer inloggen, ook niet in een sessie die nog open staat.",
        knop="Deactiveren",
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
