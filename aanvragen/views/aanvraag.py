"""Aanvraag screens: register, the beslistermijn with its suspensions and notices, the decision date.

Thin: scope through AanvraagQuerySet.zichtbaar_voor (a foreign id answers 404), every write
through aanvragen.services, and a refused action shows its form again with the reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanvragen import services
from aanvragen.forms import (
    AangevraagdForm,
    AanvraagForm,
    BeeindigenForm,
    BesluitForm,
    IngebrekestellingForm,
    OpschortenForm,
    VerdagenForm,
)
from aanvragen.models import AangevraagdeVoorziening, Aanvraag, Opschorting
from meldingen.models import Melding
from wmo.actions import call_for_form, message_for_send
from wmo.models import Brief
from wmo.services import inzage_vastleggen

BRIEF_SOORTEN = ("verzoek_om_aanvulling", "opschorting_beeindigd", "verdagingsbericht", "beschikking")
ACTIE_FORMS = {
    "voorziening": AangevraagdForm,
    "opschorten": OpschortenForm,
    "beeindigen": BeeindigenForm,
    "verdagen": VerdagenForm,
    "ingebrekestelling": IngebrekestellingForm,
    "besluit": BesluitForm,
}


@permission_required("aanvragen.add_aanvraag", raise_exception=True)
def aanvraag_registreren(request, melding_id):
    melding = get_object_or_404(
        Melding.objects.zichtbaar_voor(request.user).select_related("inwoner"), pk=melding_id
    )
    form = AanvraagForm(request.POST or None, initial={"ontvangen_op": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        aanvraag = call_for_form(
            form, services.aanvraag_registreren, melding=melding, door=request.user, **form.cleaned_data
        )
        if aanvraag:
            messages.success(request, "De aanvraag is geregistreerd. De beslistermijn loopt.")
            return redirect("aanvragen:aanvraag", pk=aanvraag.pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"aanvraag registreren {melding.kenmerk}",
        request=request,
        object=melding,
    )
    return render(request, "aanvragen/aanvraag/form.html", {"form": form, "melding": melding})


def _aanvraag_of_404(request, pk) -> Aanvraag:
    qs = (
        Aanvraag.objects.zichtbaar_voor(request.user)
        .met_termijnstatus()
        .select_related("melding__inwoner", "melding__gemeente", "beschikking")
        .prefetch_related(
            Prefetch("opschortingen", queryset=Opschorting.objects.order_by("eerste_dag_stil")),
            "verdagingen",
            Prefetch("voorzieningen", queryset=AangevraagdeVoorziening.objects.select_related("voorziening")),
        )
    )
    return get_object_or_404(qs, pk=pk)


def _detail(request, aanvraag, *, status=200, **bound):
    kan_wijzigen = request.user.has_perm("aanvragen.change_aanvraag") and aanvraag.is_open
    opschortingen = list(aanvraag.opschortingen.all())
    lopend = next((o for o in opschortingen if o.is_open), None)
    heeft_beschikking = hasattr(aanvraag, "beschikking")
    aangeboden = {
        "voorziening": not heeft_beschikking,
        "beeindigen": lopend is not None,
        "opschorten": lopend is None,
        "verdagen": True,
        "ingebrekestelling": not aanvraag.ingebrekestelling_op,
        "besluit": not heeft_beschikking,
    }
    # The forms offered now; a posted one always comes back, with its error and what was typed,
    # also when it is no longer offered (a double click, or someone else acted meanwhile).
    forms = {
        naam: bound.get(naam) or cls()
        for naam, cls in ACTIE_FORMS.items()
        if naam in bound or (kan_wijzigen and aangeboden[naam])
    }
    context = {
        "aanvraag": aanvraag,
        "melding": aanvraag.melding,
        "opschortingen": opschortingen,
        "lopende_opschorting": lopend,
        "verdagingen": list(aanvraag.verdagingen.all()),
        "voorzieningen": list(aanvraag.voorzieningen.all()),
        "heeft_beschikking": heeft_beschikking,
        "brieven": Brief.objects.filter(melding=aanvraag.melding, soort__in=BRIEF_SOORTEN).defer("pdf"),
        "kan_wijzigen": kan_wijzigen,
        "forms": forms,
        "dwangsom_tot_nu": aanvraag.dwangsom_tot_nu() / 100,
    }
    return render(request, "aanvragen/aanvraag/detail.html", context, status=status)


@permission_required("aanvragen.view_aanvraag", raise_exception=True)
def aanvraag_detail(request, pk):
    aanvraag = _aanvraag_of_404(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=aanvraag.melding.inwoner,
        wat=f"aanvraag {aanvraag.pk}",
        request=request,
        object=aanvraag,
    )
    return _detail(request, aanvraag)


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def aanvraag_actie(request, pk, actie):
    """One endpoint per action on the clock; the form names the action, the service decides."""
    if actie not in ACTIE_FORMS:
        raise Http404
    aanvraag = _aanvraag_of_404(request, pk)
    form = ACTIE_FORMS[actie](request.POST)
    if form.is_valid():
        gedaan = call_for_form(
            form, _perform_actie, actie=actie, aanvraag=aanvraag, data=form.cleaned_data, door=request.user
        )
        if gedaan:
            resultaat, bericht = gedaan
            message_for_send(request, resultaat, bericht)
            return redirect("aanvragen:aanvraag", pk=aanvraag.pk)
    return _detail(request, aanvraag, **{actie: form})


def _perform_actie(*, actie: str, aanvraag: Aanvraag, data: dict, door) -> tuple[object, str]:
    """Call the action's service; (its result, the success message). A repeated send comes back
    marked (wmo.brieven.versturen) and the view says so instead of the success message."""
    if actie == "voorziening":
        gedaan = services.aanvraag_voorziening_toevoegen(aanvraag=aanvraag, door=door, **data)
        return gedaan, "De gevraagde voorziening is toegevoegd."
    if actie == "opschorten":
        gedaan = services.aanvraag_opschorten(aanvraag=aanvraag, door=door, **data)
        return gedaan, "De beslistermijn staat stil. De brief is gemaakt als u om aanvulling vroeg."
    if actie == "beeindigen":
        # The open one; after a double click the first post already ended it: then the last one,
        # and the service recognises the repeat (or refuses with the date it ran again).
        lopend = aanvraag.opschortingen.filter(eerste_dag_weer__isnull=True).first() or (
            aanvraag.opschortingen.order_by("-eerste_dag_stil", "-pk").first()
        )
        if lopend is None:
            raise ValidationError("Er loopt geen opschorting.")
        gedaan = services.opschorting_beeindigen(opschorting=lopend, door=door, **data)
        return gedaan, "De beslistermijn loopt weer. De inwoner krijgt een brief met de nieuwe datum."
    if actie == "verdagen":
        gedaan = services.aanvraag_verdagen(aanvraag=aanvraag, door=door, **data)
        return gedaan, "Het verdagingsbericht is gemaakt. De wettelijke termijn blijft hetzelfde."
    if actie == "ingebrekestelling":
        gedaan = services.aanvraag_ingebrekestelling_registreren(aanvraag=aanvraag, door=door, **data)
        return gedaan, "De ingebrekestelling is vastgelegd."
    gedaan = services.aanvraag_besloten(aanvraag=aanvraag, door=door, **data)
    return gedaan, "Het besluit is vastgelegd. De bezwaartermijn loopt."
