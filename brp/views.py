"""BRP pages: the koppeling per gemeente in beheer, and the loket's search and take-over.

Thin: who may see what through the QuerySets and decorators (a gemeente outside the user's scope
is a 404), every request to the BRP through brp.services (which logs it). A BRP failure is a
Dutch message on the page, never a 500; the loket can always type the data itself.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from beheer import query as beheer_query
from beheer.views import uitvoering_required
from meldingen.forms import InwonerForm
from meldingen.models import Inwoner
from wmo.actions import call_for_form
from wmo.geheimen import geheim_status
from wmo.models import Gemeente

from . import services
from .client import BrpFout
from .forms import BrpKoppelingForm, BrpOvernemenForm, BrpZoekForm
from .models import BrpKoppeling

# --- Beheer ------------------------------------------------------------------------------------


def _gemeente(request, pk) -> Gemeente:
    return get_object_or_404(beheer_query.gemeenten_voor(request.user), pk=pk)


@uitvoering_required
def koppeling(request, pk):
    """The gemeente's BRP koppeling: settings, whether the secret is on the server, a test."""
    gemeente = _gemeente(request, pk)
    bestaand = BrpKoppeling.objects.filter(gemeente=gemeente).first()
    form = BrpKoppelingForm(request.POST or None, instance=bestaand or BrpKoppeling(gemeente=gemeente))
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in BrpKoppelingForm.Meta.fields}
        if call_for_form(
            form, services.brp_koppeling_opslaan, door=request.user, gemeente=gemeente, **velden
        ):
            messages.success(
                request, "De BRP-koppeling is opgeslagen. Test de verbinding om te zien of zij werkt."
            )
            return redirect("brp:koppeling", pk=gemeente.pk)
    geschiedenis = (
        list(bestaand.history.select_related("history_user").order_by("-history_date")[:10])
        if bestaand
        else []
    )
    return render(
        request,
        "brp/koppeling.html",
        {
            "gemeente": gemeente,
            "koppeling": bestaand,
            "form": form,
            "geheim_status": geheim_status(bestaand.geheim_naam) if bestaand else "",
            "geschiedenis": geschiedenis,
        },
    )


@require_POST
@uitvoering_required
def koppeling_testen(request, pk):
    gemeente = _gemeente(request, pk)
    try:
        services.brp_verbinding_testen(door=request.user, gemeente=gemeente, request=request)
    except BrpFout as fout:
        messages.error(request, f"De verbinding met de BRP werkt niet. {fout.melding}")
    else:
        messages.success(request, "De verbinding met de BRP werkt.")
    return redirect("brp:koppeling", pk=gemeente.pk)


# --- Loket -------------------------------------------------------------------------------------


def _gemeenten_met_koppeling(user) -> list[Gemeente]:
    return list(
        Gemeente.objects.filter(pk__in=user.gemeente_ids, brp_koppeling__actief=True).order_by("naam")
    )


@permission_required("meldingen.add_inwoner", raise_exception=True)
def zoeken(request):
    """ "Zoeken in de BRP": a POST (the BSN stays out of URLs and logs), answered with the results
    fragment for htmx or the whole page without JavaScript."""
    gemeenten = _gemeenten_met_koppeling(request.user)
    if not gemeenten:
        raise Http404
    form = BrpZoekForm(request.POST or None, gemeenten=gemeenten, prefix="brp")
    personen, fout, gezocht = [], "", False
    if request.method == "POST" and form.is_valid():
        gemeente = next(g for g in gemeenten if g.pk == form.cleaned_data["gemeente"])
        gezocht = True
        try:
            personen = services.brp_zoeken(
                door=request.user, gemeente=gemeente, vraag=form.zoekvraag(), request=request
            )
        except BrpFout as e:
            fout = e.melding
    context = {
        "form": form,
        "personen": personen,
        "fout": fout,
        "gezocht": gezocht,
        "gemeente_id": form.cleaned_data.get("gemeente") if gezocht else None,
    }
    template = "brp/zoeken.html"
    if request.htmx:
        template += "#resultaten"
    # 200 also with errors: htmx 2 swaps no 4xx answer, and the fragment shows the errors.
    return render(request, template, context)


@require_POST
@permission_required("meldingen.add_inwoner", raise_exception=True)
def overnemen(request):
    """The chosen person's full data from the BRP, as a filled inwoner form that the loket checks
    and saves (it posts to meldingen:inwoner_registreren). Known already: on to a melding."""
    gemeenten = _gemeenten_met_koppeling(request.user)
    form = BrpOvernemenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een persoon uit de zoekresultaten.")
        return redirect("meldingen:inwoner_registreren")
    gemeente = next((g for g in gemeenten if g.pk == form.cleaned_data["gemeente"]), None)
    if gemeente is None:
        raise Http404
    bsn = form.cleaned_data["bsn"]
    bekend = Inwoner.objects.met_toegang(request.user).filter(bsn=bsn).first()
    if bekend is not None:
        messages.info(
            request, f"{bekend.naam} staat al in Keukentafel. U kunt meteen een melding registreren."
        )
        return redirect("meldingen:melding_registreren", inwoner_id=bekend.pk)
    try:
        persoon = services.brp_raadplegen(door=request.user, gemeente=gemeente, bsn=bsn, request=request)
    except BrpFout as fout:
        messages.error(request, fout.melding)
        return redirect("meldingen:inwoner_registreren")
    if persoon is None:
        messages.error(request, "De BRP kent dit BSN niet. Vul de gegevens zelf in.")
        return redirect("meldingen:inwoner_registreren")
    initial = persoon.inwoner_velden() | {"gemeente": gemeente.pk}
    inwoner_form = InwonerForm(
        initial=initial, gemeenten=Gemeente.objects.filter(pk__in=request.user.gemeente_ids)
    )
    return render(
        request,
        "meldingen/inwoner_form.html",
        {
            "form": inwoner_form,
            "titel": "Nieuwe inwoner uit de BRP",
            "form_action": reverse("meldingen:inwoner_registreren"),
            "brp_persoon": persoon,
        },
    )
