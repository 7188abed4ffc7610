"""Beheer pages for the gemeenten, the execution organisation and its partners.

Thin, like beheer.views: reads in beheer.query (a gemeente the organisation does not serve, or a
partner that works for none of its gemeenten, is a 404), writes through beheer.instellingen.
Only a functioneel beheerder of an execution organisation (a partner's beheerder gets a 403).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gesprekken.constants import TriageReden
from wmo.actions import call_for_form, call_with_message
from wmo.models import Briefhoofdlogo

from . import instellingen, query
from .forms import (
    GemeenteAanmakenForm,
    GemeenteGegevensForm,
    GemeenteInstellingenForm,
    LogoForm,
    OrganisatieForm,
    PartnerForm,
)
from .views import uitvoering_required


def _gemeente(request, pk):
    return get_object_or_404(query.gemeenten_voor(request.user), pk=pk)


@uitvoering_required
def gemeenten(request):
    return render(request, "beheer/gemeenten/lijst.html", {"gemeenten": query.gemeenten_voor(request.user)})


@uitvoering_required
def gemeente_aanmaken(request):
    form = GemeenteAanmakenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if nieuw := call_for_form(
            form, instellingen.gemeente_aanmaken, door=request.user, **form.cleaned_data
        ):
            messages.success(
                request, f"De gemeente {nieuw.naam} is gemaakt. Uw organisatie werkt nu voor deze gemeente."
            )
            return redirect("beheer:gemeente", pk=nieuw.pk)
    return render(request, "beheer/gemeenten/formulier.html", {"form": form, "titel": "Nieuwe gemeente"})


@uitvoering_required
def gemeente(request, pk):
    g = _gemeente(request, pk)
    logo = Briefhoofdlogo.objects.filter(gemeente=g).only("breedte", "hoogte", "gemeente").first()
    context = {
        "gemeente": g,
        "logo": logo,
        "triage_toegestaan": [r.label.lower() for r in TriageReden if g.triage_toegestaan(r.value)],
        "geschiedenis": sorted(
            [
                *g.history.select_related("history_user").order_by("-history_date")[:20],
                *Briefhoofdlogo.history.filter(gemeente_id=g.pk).select_related("history_user")[:20],
            ],
            key=lambda h: h.history_date,
            reverse=True,
        )[:20],
    }
    return render(request, "beheer/gemeenten/gemeente.html", context)


@uitvoering_required
def gemeente_gegevens(request, pk):
    g = _gemeente(request, pk)
    titel = f"Gegevens en briefhoofd van {g.naam}"  # before the form puts what was typed on g
    form = GemeenteGegevensForm(request.POST or None, instance=g)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, instellingen.gemeente_gegevens_wijzigen, door=request.user, gemeente=g, **form.cleaned_data
        ):
            messages.success(request, "De gegevens zijn opgeslagen. Nieuwe brieven gebruiken ze meteen.")
            return redirect("beheer:gemeente", pk=g.pk)
    return render(
        request,
        "beheer/gemeenten/formulier.html",
        {"form": form, "gemeente": g, "titel": titel},
    )


@uitvoering_required
def gemeente_instellingen(request, pk):
    g = _gemeente(request, pk)
    form = GemeenteInstellingenForm(
        request.POST if request.method == "POST" else None, initial=GemeenteInstellingenForm.initial_voor(g)
    )
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form,
            instellingen.gemeente_instellingen_wijzigen,
            door=request.user,
            gemeente=g,
            **form.service_kwargs(),
        ):
            messages.success(request, "De instellingen zijn opgeslagen.")
            return redirect("beheer:gemeente", pk=g.pk)
    return render(request, "beheer/gemeenten/instellingen.html", {"form": form, "gemeente": g})


@uitvoering_required
def gemeente_logo(request, pk):
    g = _gemeente(request, pk)
    form = LogoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["logo"]
        if bestand.size > instellingen.LOGO_MAX_BYTES:  # refused before the whole file is read
            form.add_service_error(
                ValidationError({"logo": "Dit bestand is groter dan 1 MB. Kies een kleiner logo."})
            )
        elif call_for_form(
            form, instellingen.briefhoofdlogo_opslaan, door=request.user, gemeente=g, inhoud=bestand.read()
        ):
            messages.success(request, "Het logo is opgeslagen. Nieuwe brieven hebben het nieuwe logo.")
            return redirect("beheer:gemeente", pk=g.pk)
    return render(request, "beheer/gemeenten/logo.html", {"form": form, "gemeente": g})


@require_POST
@uitvoering_required
def gemeente_logo_weghalen(request, pk):
    g = _gemeente(request, pk)
    if call_with_message(request, instellingen.briefhoofdlogo_verwijderen, door=request.user, gemeente=g):
        messages.success(request, "Het logo is weggehaald. Nieuwe brieven hebben geen logo.")
    return redirect("beheer:gemeente", pk=g.pk)


@uitvoering_required
def organisatie(request):
    org = request.user.organisatie
    form = OrganisatieForm(request.POST or None, initial={"naam": org.naam})
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, instellingen.organisatie_naam_wijzigen, door=request.user, **form.cleaned_data
        ):
            messages.success(request, "De naam is opgeslagen.")
            return redirect("beheer:organisatie")
    context = {
        "organisatie": org,
        "form": form,
        "gemeenten": query.gemeenten_voor(request.user),
        "partners": query.partners_voor(request.user),
    }
    return render(request, "beheer/gemeenten/organisatie.html", context)


@require_POST
@uitvoering_required
def gemeente_loslaten(request, pk):
    g = _gemeente(request, pk)
    if call_with_message(request, instellingen.gemeente_loslaten, door=request.user, gemeente=g):
        messages.success(request, f"Uw organisatie werkt niet meer voor {g.naam}.")
    return redirect("beheer:organisatie")


@uitvoering_required
def partner(request, pk):
    p = get_object_or_404(query.partners_voor(request.user), pk=pk)
    eigen = list(query.gemeenten_voor(request.user))
    werkt = {g.pk for g in p.gemeenten.all()}
    niet = {g.pk for g in p.registreert_niet_voor.all()}
    initial = {f"werkt_{g.pk}": g.pk in werkt for g in eigen} | {
        f"registreert_{g.pk}": g.pk in werkt and g.pk not in niet for g in eigen
    }
    # All boxes unticked posts nothing but the token: still a bound form.
    form = PartnerForm(request.POST if request.method == "POST" else None, initial=initial, gemeenten=eigen)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, instellingen.partner_wijzigen, door=request.user, partner=p, **form.service_kwargs()
        ):
            messages.success(request, f"Opgeslagen wat {p.naam} mag.")
            return redirect("beheer:organisatie")
    return render(request, "beheer/gemeenten/partner.html", {"form": form, "partner": p, "gemeenten": eigen})
