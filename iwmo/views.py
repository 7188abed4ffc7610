"""Pages of the iWmo traffic: the messages of one dossier (its own team's people) and of one
aanbieder (the functioneel beheerder: kenmerk only, no dossier content), and a message's XML."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from iwmo import services
from iwmo.models import Bericht, BerichtStatus
from meldingen.models import Melding
from wmo.constants import Rol
from wmo.models import Aanbieder
from wmo.services import inzage_vastleggen

PER_PAGINA = 50


def _berichten():
    return Bericht.objects.select_related("aanbieder", "melding").prefetch_related("toewijzingen", "retouren")


def _melding_of_404(request, pk) -> Melding:
    return get_object_or_404(Melding.objects.zichtbaar_voor(request.user).select_related("inwoner"), pk=pk)


@permission_required("meldingen.view_melding", raise_exception=True)
def dossier_berichten(request, pk):
    melding = _melding_of_404(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat="iWmo-berichten",
        request=request,
        object=melding,
    )
    berichten = list(_berichten().filter(melding=melding).order_by("-aangemaakt_op", "-pk"))
    return render(
        request,
        "iwmo/dossier.html",
        {
            "melding": melding,
            "berichten": berichten,
            "kan_opnieuw": request.user.has_perm("aanvragen.change_aanvraag"),
        },
    )


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def bericht_opnieuw(request, pk):
    bericht = get_object_or_404(
        Bericht.objects.filter(melding__in=Melding.objects.zichtbaar_voor(request.user)), pk=pk
    )
    try:
        nieuw = services.bericht_opnieuw_maken(bericht=bericht, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        if nieuw.status == BerichtStatus.AFGEKEURD:
            messages.error(
                request, "Het bericht is opnieuw gemaakt, maar kan nog steeds niet worden verstuurd."
            )
        else:
            messages.success(request, "Het bericht is opnieuw gemaakt en wordt verstuurd.")
    return redirect("iwmo:dossier", pk=bericht.melding_id)


def _is_beheerder_uitvoering(user) -> bool:
    return user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER) and not user.organisatie.is_partner


def aanbieder_berichten(request, pk):
    """The functioneel beheerder's view: the traffic with one aanbieder in the own gemeenten;
    the dossier only by kenmerk (no name, BSN or XML)."""
    if not _is_beheerder_uitvoering(request.user):
        raise PermissionDenied
    aanbieder = get_object_or_404(Aanbieder, pk=pk)
    berichten = list(
        _berichten()
        .filter(aanbieder=aanbieder, gemeente_id__in=request.user.gemeente_ids)
        .order_by("-aangemaakt_op", "-pk")[:PER_PAGINA]
    )
    return render(request, "iwmo/aanbieder.html", {"aanbieder": aanbieder, "berichten": berichten})


@permission_required("meldingen.view_melding", raise_exception=True)
def bericht_xml(request, pk):
    """The message as sent or received: only for who may see the dossier (it holds BSN and name)."""
    bericht = get_object_or_404(
        Bericht.objects.filter(melding__in=Melding.objects.zichtbaar_voor(request.user)).select_related(
            "melding__inwoner"
        ),
        pk=pk,
    )
    if not bericht.xml:
        return HttpResponse(
            "Dit bericht heeft geen inhoud: het is niet gemaakt.",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=bericht.melding.inwoner,
        wat=f"iWmo-bericht {bericht}",
        request=request,
        object=bericht.melding,
    )
    antwoord = HttpResponse(bytes(bericht.xml), content_type="application/xml")
    naam = bericht.bestandsnaam or f"{bericht.soort}_{bericht.pk}.xml"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
