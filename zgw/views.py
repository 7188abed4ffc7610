"""Beheer pages of the zaaksysteem connection: the settings per gemeente and the opdrachten that
were not sent ("Zaaksysteem: niet verzonden") with their reason and an "Opnieuw" button.

Only a functioneel beheerder of an execution organisation, for its own gemeenten (another
gemeente, or an opdracht of another gemeente, is a 404). The list shows the melding by kenmerk
only: no name or BSN, as iWmo's beheer list does.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from beheer import query
from beheer.views import uitvoering_required
from wmo.actions import call_for_form, call_with_message

from . import services
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
    gemeente = get_object_or_404(query.gemeenten_voor(request.user), pk=pk)
    bestaand = ZgwKoppeling.objects.filter(gemeente=gemeente).first()
    form = KoppelingForm(request.POST if request.method == "POST" else None, instance=bestaand)
    if request.method == "POST" and form.is_valid():
        velden = {naam: form.cleaned_data[naam] for naam in form.fields}
        if call_for_form(form, services.koppeling_opslaan, gemeente=gemeente, door=request.user, **velden):
            messages.success(request, f"De koppeling met het zaaksysteem van {gemeente.naam} is opgeslagen.")
            return redirect("zgw_beheer:koppelingen")
    return render(request, "zgw/koppeling.html", {"form": form, "gemeente": gemeente, "koppeling": bestaand})


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
