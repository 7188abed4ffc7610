"""Beheer pages of the zaaksysteem connection: the settings per gemeente and the opdrachten that
were not sent ("Zaaksysteem: niet verzonden") with their reason and an "Opnieuw" button.

Only a functioneel beheerder of an execution organisation, for its own gemeenten (another
gemeente, or an opdracht of another gemeente, is a 404). The list shows the melding by kenmerk
only: no name or BSN, as iWmo's beheer list does.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from beheer import query
from beheer.views import uitvoering_required
from wmo.actions import call_for_form, call_with_message

from . import catalogi, services
from .client import ZgwFout
from .constants import MAX_POGINGEN, OpdrachtStatus
from .forms import KoppelingForm
from .models import Opdracht, ZgwKoppeling

PER_PAGINA = 100


@uitvoering_required
def koppelingen(request):
    gemeenten = list(query.gemeenten_voor(request.user).select_related("zgw_koppeling"))
    return render(request, "zgw/koppelingen.html", {"gemeenten": gemeenten})


@uitvoering_required
def koppeling(request, pk):
    """The settings form. Two buttons post it: "Opslaan" saves (the service checks the catalogue
    types), "Typen ophalen" reads the lists of the Catalogi API and shows the form again with the
    type fields as lists; nothing is saved then and what was typed stays."""
    gemeente = get_object_or_404(query.gemeenten_voor(request.user), pk=pk)
    bestaand = ZgwKoppeling.objects.filter(gemeente=gemeente).first()
    ophalen = request.method == "POST" and request.POST.get("actie") == "ophalen"
    form = KoppelingForm(
        request.POST if request.method == "POST" else None, instance=bestaand, ophalen=ophalen
    )
    keuzes = None
    if ophalen and form.is_valid():
        try:
            keuzes = catalogi.keuzes_ophalen(form.verbinding(), door=request.user)
        except ZgwFout as fout:
            form.add_service_error(ValidationError({"catalogi_api": f"De typen zijn niet opgehaald. {fout}"}))
        else:
            form.toon_keuzes(keuzes)
    elif request.method == "POST" and form.is_valid():
        velden = {naam: form.cleaned_data[naam] for naam in form.fields}
        opgeslagen = call_for_form(
            form, services.koppeling_opslaan, gemeente=gemeente, door=request.user, **velden
        )
        if opgeslagen:
            messages.success(request, f"De koppeling met het zaaksysteem van {gemeente.naam} is opgeslagen.")
            if opgeslagen.catalogi_storing:
                messages.warning(
                    request,
                    "De typen zijn niet gecontroleerd, want de Catalogi API gaf geen antwoord: "
                    f"{opgeslagen.catalogi_storing} De koppeling is opgeslagen zoals u de adressen invulde. "
                    "Sla later nog eens op om de typen te laten controleren.",
                )
            return redirect("zgw_beheer:koppelingen")
        if form.cleaned_data.get("catalogi_api") and any(n in form.errors for n in catalogi.TYPE_VELDEN):
            # Refused types: show the lists again to choose from (when the Catalogi API answers).
            try:
                keuzes = catalogi.keuzes_ophalen(form.verbinding(), door=request.user)
            except ZgwFout:
                keuzes = None
            else:
                form.toon_keuzes(keuzes)
    return render(
        request,
        "zgw/koppeling.html",
        {"form": form, "gemeente": gemeente, "koppeling": bestaand, "ophalen": ophalen, "keuzes": keuzes},
    )


def _niet_verzonden(user):
    """Opdrachten that failed at least once and are not sent, of the beheerder's own gemeenten."""
    return (
        Opdracht.objects.filter(koppeling__gemeente_id__in=user.gemeente_ids)
        .exclude(status=OpdrachtStatus.VERZONDEN)
        .exclude(laatste_fout="")
    )


@uitvoering_required
def niet_verzonden(request):
    opdrachten = list(
        _niet_verzonden(request.user)
        .select_related("koppeling__gemeente", "melding")
        .only(
            "id",
            "soort",
            "status",
            "pogingen",
            "volgende_poging",
            "laatste_fout",
            "aangemaakt_op",
            "koppeling__gemeente__naam",
            "melding__id",
            "melding__ontvangen_op",
        )
        .order_by("-aangemaakt_op", "-id")[: PER_PAGINA + 1]
    )
    return render(
        request,
        "zgw/niet_verzonden.html",
        {
            "opdrachten": opdrachten[:PER_PAGINA],
            "meer": len(opdrachten) > PER_PAGINA,
            "max_pogingen": MAX_POGINGEN,
        },
    )


@require_POST
@uitvoering_required
def opnieuw(request, pk):
    opdracht = get_object_or_404(_niet_verzonden(request.user), pk=pk)
    if call_with_message(request, services.opdracht_opnieuw, opdracht=opdracht, door=request.user):
        opdracht.refresh_from_db()
        if opdracht.status == OpdrachtStatus.VERZONDEN:
            messages.success(request, "De opdracht is nu verzonden naar het zaaksysteem.")
        elif opdracht.laatste_fout:
            messages.error(request, f"Het is nog niet gelukt: {opdracht.laatste_fout}")
        else:
            messages.success(request, "De opdracht staat klaar en wordt zo verzonden.")
    return redirect("zgw_beheer:niet_verzonden")
