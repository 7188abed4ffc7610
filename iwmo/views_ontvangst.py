"""Pages of the incoming iWmo traffic: a verzoek of an aanbieder to judge (consulent), and the
list of messages that were not processed (functioneel beheerder, under /beheer/)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from beheer.views import uitvoering_required
from iwmo import verzoeken
from iwmo.forms_ontvangst import VerzoekAfwijzenForm
from iwmo.models import Bericht, BerichtStatus, Richting, VerzoekStatus
from iwmo.ontvangst import bericht_opnieuw_verwerken
from wmo.actions import call_for_form, call_with_message
from wmo.constants import Rol

PER_PAGINA = 100


def _verzoek(request, pk):
    if not request.user.heeft_rol(Rol.CONSULENT, Rol.TEAMLEIDER):
        raise PermissionDenied
    return get_object_or_404(
        verzoeken.verzoeken_zichtbaar_voor(request.user).select_related(
            "aanbieder", "inwoner", "melding", "bericht", "antwoord", "beoordeeld_door", "toewijzing"
        ),
        pk=pk,
    )


def _mag_beoordelen(user, verzoek) -> bool:
    return verzoek.status == VerzoekStatus.OPEN and user.heeft_rol(Rol.CONSULENT)


def verzoek_detail(request, pk, afwijzen_form=None):
    verzoek = _verzoek(request, pk)
    return render(
        request,
        "iwmo/verzoek.html",
        {
            "verzoek": verzoek,
            "kan_beoordelen": _mag_beoordelen(request.user, verzoek),
            "afwijzen_form": afwijzen_form or VerzoekAfwijzenForm(),
        },
    )


@require_POST
def verzoek_toekennen(request, pk):
    verzoek = _verzoek(request, pk)
    if not _mag_beoordelen(request.user, verzoek):
        raise PermissionDenied
    if call_with_message(request, verzoeken.verzoek_toekennen, verzoek=verzoek, door=request.user):
        messages.success(request, "Het verzoek is toegekend. De aanbieder krijgt een toewijzingsbericht.")
    return redirect("iwmo_ontvangst:verzoek", pk=verzoek.pk)


@require_POST
def verzoek_afwijzen(request, pk):
    verzoek = _verzoek(request, pk)
    if not _mag_beoordelen(request.user, verzoek):
        raise PermissionDenied
    form = VerzoekAfwijzenForm(request.POST)
    if form.is_valid() and call_for_form(
        form,
        verzoeken.verzoek_afwijzen,
        verzoek=verzoek,
        reden=form.cleaned_data["reden_afwijzing"],
        toelichting=form.cleaned_data["toelichting"],
        door=request.user,
    ):
        messages.success(request, "Het verzoek is afgewezen. De aanbieder krijgt een antwoordbericht.")
        return redirect("iwmo_ontvangst:verzoek", pk=verzoek.pk)
    return verzoek_detail(request, pk, afwijzen_form=form)


# --- beheer: "Niet verwerkte iWmo-berichten" -------------------------------------------------------


def _niet_verwerkt(user):
    """Received messages not processed, of the gemeenten of the beheerder's organisation; a file that
    could not even be read has no gemeente and shows to every beheerder of an execution organisation."""
    return Bericht.objects.filter(richting=Richting.IN, status=BerichtStatus.NIET_VERWERKT).filter(
        Q(gemeente_id__in=user.gemeente_ids) | Q(gemeente__isnull=True)
    )


@uitvoering_required
def niet_verwerkt(request):
    berichten = list(
        _niet_verwerkt(request.user)
        .select_related("aanbieder")
        .only(
            "id",
            "soort",
            "afzender",
            "aangemaakt_op",
            "dagtekening",
            "reden",
            "bestandsnaam",
            "aanbieder__naam",
            "identificatie",
        )
        .order_by("-aangemaakt_op", "-id")[: PER_PAGINA + 1]
    )
    return render(
        request,
        "iwmo/niet_verwerkt.html",
        {"berichten": berichten[:PER_PAGINA], "meer": len(berichten) > PER_PAGINA},
    )


@uitvoering_required
def bericht_downloaden(request, pk):
    bericht = get_object_or_404(
        Bericht.objects.filter(richting=Richting.IN).filter(
            Q(gemeente_id__in=request.user.gemeente_ids) | Q(gemeente__isnull=True)
        ),
        pk=pk,
    )
    response = HttpResponse(bytes(bericht.xml), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="iwmo-bericht-{bericht.pk}.xml"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@uitvoering_required
def bericht_opnieuw(request, pk):
    bericht = get_object_or_404(_niet_verwerkt(request.user), pk=pk)
    bericht = bericht_opnieuw_verwerken(bericht=bericht, door=request.user)
    if bericht.status == BerichtStatus.VERWERKT:
        messages.success(request, f"Het bericht {bericht.soort} is nu verwerkt.")
    else:
        messages.error(request, f"Het bericht is nog steeds niet verwerkt: {bericht.reden}")
    return redirect("iwmo_beheer:niet_verwerkt")
