"""Beheer pages of the catalogue (``/beheer/catalogus/``) and the aanbieders with their contracts
(``/beheer/aanbieders/``).

Thin, like beheer.views: writes through beheer.catalogus. Only a functioneel beheerder of an
execution organisation (a partner's beheerder gets a 403). The catalogue and the aanbieders are
shared by the organisation's gemeenten (wmo.models.Voorziening); a contract belongs to one
gemeente, and a contract of a gemeente the organisation does not serve is a 404.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from wmo.actions import call_for_form
from wmo.constants import VoorzieningSoort
from wmo.models import Aanbieder, Contract, Voorziening

from . import catalogus
from .catalogus_forms import (
    AanbiederForm,
    ContractForm,
    EinddatumForm,
    MandaatForm,
    NieuwePeriodeForm,
    VoorzieningForm,
)
from .views import PER_PAGINA, uitvoering_required

GELDIG_FILTERS = {
    "nu": "Geldig vandaag",
    "later": "Begint later",
    "voorbij": "Beëindigd",
    "alle": "Alle perioden",
}


def _geschiedenis(obj):
    return obj.history.select_related("history_user").order_by("-history_date")[:30]


# --- Catalogue -------------------------------------------------------------------------------


@uitvoering_required
def catalogus_lijst(request):
    vandaag = timezone.localdate()
    zoek = request.GET.get("zoek", "").strip()[:100]
    soort = request.GET.get("soort", "")
    geldig = request.GET.get("geldig", "nu")
    qs = Voorziening.objects.all()
    if soort in VoorzieningSoort.values:
        qs = qs.filter(soort=soort)
    if geldig == "nu":
        qs = qs.geldig_op(vandaag)
    elif geldig == "later":
        qs = qs.filter(geldig_vanaf__gt=vandaag)
    elif geldig == "voorbij":
        qs = qs.filter(geldig_tot__lt=vandaag)
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek)
            | Q(iwmo_productcode__iexact=zoek)
            | Q(iwmo_productcategorie=zoek)
            | Q(organisatie__icontains=zoek)
        )
    pagina = Paginator(qs.order_by("soort", "naam", "geldig_vanaf", "pk"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    context = {
        "pagina": pagina,
        "zoek": zoek,
        "soort": soort,
        "geldig": geldig,
        "soorten": VoorzieningSoort.choices,
        "geldig_filters": GELDIG_FILTERS.items(),
        "vandaag": vandaag,
    }
    return render(request, "beheer/catalogus/lijst.html", context)


@uitvoering_required
def voorziening_aanmaken(request):
    soort = request.GET.get("soort", VoorzieningSoort.MAATWERK)
    if soort not in VoorzieningSoort.values:
        soort = VoorzieningSoort.MAATWERK
    form = VoorzieningForm(request.POST or None, soort=soort, initial={"geldig_vanaf": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        nieuw = call_for_form(
            form, catalogus.voorziening_aanmaken, door=request.user, soort=soort, **form.cleaned_data
        )
        if nieuw:
            messages.success(request, f"{nieuw.naam} staat in de catalogus.")
            return redirect("beheer:voorziening", pk=nieuw.pk)
    titel = f"Nieuwe {VoorzieningSoort(soort).label.lower()}"
    return render(request, "beheer/catalogus/formulier.html", {"form": form, "titel": titel, "soort": soort})


def _voorziening_pagina(request, v, *, mandaat_form=None, status=200):
    perioden = list(catalogus.perioden(v))
    context = {
        "v": v,
        "perioden": perioden,
        "in_gebruik": catalogus.in_gebruik(v),
        "vandaag": timezone.localdate(),
        "mandaat_form": mandaat_form or (MandaatForm(voorziening=v) if v.is_maatwerk else None),
        "contracten": list(
            Contract.objects.filter(voorziening__reeks=v.reeks, gemeente_id__in=request.user.gemeente_ids)
            .select_related("aanbieder", "gemeente")
            .order_by("gemeente__naam", "aanbieder__naam", "geldig_vanaf")
        )
        if v.is_maatwerk
        else [],
        "laatste": perioden[-1].pk == v.pk,
        "geschiedenis": _geschiedenis(v),
    }
    return render(request, "beheer/catalogus/voorziening.html", context, status=status)


@uitvoering_required
def voorziening(request, pk):
    return _voorziening_pagina(request, get_object_or_404(Voorziening, pk=pk))


@uitvoering_required
def voorziening_wijzigen(request, pk):
    v = get_object_or_404(Voorziening, pk=pk)
    alleen_contact = catalogus.in_gebruik(v)
    form = VoorzieningForm(request.POST or None, instance=v, soort=v.soort, alleen_contact=alleen_contact)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, catalogus.voorziening_wijzigen, door=request.user, voorziening=v, **form.cleaned_data
        ):
            messages.success(request, "De wijziging is opgeslagen.")
            return redirect("beheer:voorziening", pk=v.pk)
    context = {"form": form, "v": v, "titel": f"{v.naam} wijzigen", "alleen_contact": alleen_contact}
    return render(request, "beheer/catalogus/formulier.html", context)


@uitvoering_required
def voorziening_nieuwe_periode(request, pk):
    v = get_object_or_404(Voorziening, pk=pk)
    form = NieuwePeriodeForm(request.POST or None, instance=v, soort=v.soort)
    if request.method == "POST" and form.is_valid():
        nieuw = call_for_form(
            form, catalogus.voorziening_nieuwe_periode, door=request.user, voorziening=v, **form.cleaned_data
        )
        if nieuw:
            messages.success(
                request,
                f"De nieuwe periode van {nieuw.naam} gaat in op {date_format(nieuw.geldig_vanaf, 'j F Y')}.",
            )
            return redirect("beheer:voorziening", pk=nieuw.pk)
    context = {"form": form, "v": v, "titel": f"{v.naam}: nieuwe periode", "periode": True}
    return render(request, "beheer/catalogus/formulier.html", context)


@uitvoering_required
def voorziening_beeindigen(request, pk):
    v = get_object_or_404(Voorziening, pk=pk)
    form = EinddatumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, catalogus.voorziening_beeindigen, door=request.user, voorziening=v, **form.cleaned_data
        ):
            messages.success(request, f"{v.naam} is beëindigd.")
            return redirect("beheer:voorziening", pk=v.pk)
    context = {
        "form": form,
        "titel": f"{v.naam} beëindigen",
        "uitleg": "Na de laatste dag kunnen consulenten dit product niet meer kiezen. Beschikkingen die "
        "het al noemen blijven zoals ze zijn; het product wordt nooit verwijderd.",
        "knop": "Beëindigen",
        "terug": "beheer:voorziening",
        "terug_pk": v.pk,
    }
    return render(request, "beheer/catalogus/bevestigen.html", context)


@require_POST
@uitvoering_required
def voorziening_mandaat(request, pk):
    v = get_object_or_404(Voorziening, pk=pk)
    form = MandaatForm(request.POST, voorziening=v)
    if form.is_valid():
        if call_for_form(
            form,
            catalogus.voorziening_mandaat_vastleggen,
            door=request.user,
            voorziening=v,
            mandaten=form.cleaned_data,
        ):
            messages.success(request, "Het mandaat is opgeslagen.")
            return redirect("beheer:voorziening", pk=v.pk)
    return _voorziening_pagina(request, v, mandaat_form=form)


# --- Aanbieders and contracts -------------------------------------------------------------------


@uitvoering_required
def aanbieders(request):
    zoek = request.GET.get("zoek", "").strip()[:100]
    actief = request.GET.get("actief", "ja")
    qs = Aanbieder.objects.all()
    if actief == "ja":
        qs = qs.filter(actief=True)
    elif actief == "nee":
        qs = qs.filter(actief=False)
    if zoek:
        qs = qs.filter(Q(naam__icontains=zoek) | Q(agb_code=zoek))
    pagina = Paginator(qs.order_by("naam", "pk"), PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "beheer/aanbieders/lijst.html", {"pagina": pagina, "zoek": zoek, "actief": actief})


@uitvoering_required
def aanbieder_aanmaken(request):
    form = AanbiederForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nieuw = call_for_form(form, catalogus.aanbieder_aanmaken, door=request.user, **form.cleaned_data)
        if nieuw:
            messages.success(request, f"{nieuw.naam} is toegevoegd. Leg nu de contracten vast.")
            return redirect("beheer:aanbieder", pk=nieuw.pk)
    return render(request, "beheer/aanbieders/formulier.html", {"form": form, "titel": "Nieuwe aanbieder"})


@uitvoering_required
def aanbieder(request, pk):
    a = get_object_or_404(Aanbieder, pk=pk)
    contracten = (
        a.contracten.filter(gemeente_id__in=request.user.gemeente_ids)
        .select_related("gemeente", "voorziening")
        .order_by("gemeente__naam", "voorziening__naam", "geldig_vanaf")
    )
    context = {
        "a": a,
        "contracten": list(contracten),
        "vandaag": timezone.localdate(),
        "geschiedenis": _geschiedenis(a),
    }
    return render(request, "beheer/aanbieders/aanbieder.html", context)


@uitvoering_required
def aanbieder_wijzigen(request, pk):
    a = get_object_or_404(Aanbieder, pk=pk)
    form = AanbiederForm(request.POST or None, instance=a)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, catalogus.aanbieder_wijzigen, door=request.user, aanbieder=a, **form.cleaned_data
        ):
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("beheer:aanbieder", pk=a.pk)
    context = {"form": form, "a": a, "titel": f"{a.naam} wijzigen"}
    return render(request, "beheer/aanbieders/formulier.html", context)


@uitvoering_required
def contract_aanmaken(request, pk):
    a = get_object_or_404(Aanbieder, pk=pk)
    form = ContractForm(
        request.POST or None,
        gemeente_ids=request.user.gemeente_ids,
        initial={"geldig_vanaf": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, catalogus.contract_aanmaken, door=request.user, aanbieder=a, **form.cleaned_data
        ):
            messages.success(request, "Het contract is vastgelegd.")
            return redirect("beheer:aanbieder", pk=a.pk)
    context = {"form": form, "a": a, "titel": f"Nieuw contract met {a.naam}"}
    return render(request, "beheer/aanbieders/formulier.html", context)


@uitvoering_required
def contract_beeindigen(request, pk):
    contract = get_object_or_404(
        Contract.objects.filter(gemeente_id__in=request.user.gemeente_ids).select_related(
            "aanbieder", "voorziening", "gemeente"
        ),
        pk=pk,
    )
    form = EinddatumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, catalogus.contract_beeindigen, door=request.user, contract=contract, **form.cleaned_data
        ):
            messages.success(request, "Het contract is beëindigd.")
            return redirect("beheer:aanbieder", pk=contract.aanbieder_id)
    context = {
        "form": form,
        "titel": f"Contract {contract.aanbieder.naam}: {contract.voorziening.naam} in {contract.gemeente} beëindigen",
        "uitleg": "Na de laatste dag kan de consulent deze aanbieder voor dit product in deze gemeente niet meer "
        "kiezen. Beschikkingen die al zijn genomen blijven zoals ze zijn.",
        "knop": "Beëindigen",
        "terug": "beheer:aanbieder",
        "terug_pk": contract.aanbieder_id,
    }
    return render(request, "beheer/catalogus/bevestigen.html", context)
