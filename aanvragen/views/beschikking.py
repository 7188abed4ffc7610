"""Beschikking screens: the decision per voorziening, approval within mandate, sending; then
bezwaar and nazorg on the sent beschikking.

Thin, like views/aanvraag.py: scope through the aanvraag (a foreign id answers 404), every
write through aanvragen.services, and a refused action shows its form again with the reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from aanvragen import mandaat, services
from aanvragen.constants import BeschikkingStatus
from aanvragen.forms import BezwaarForm, EerderStoppenForm, NazorgForm, RegelForm, TerugsturenForm
from aanvragen.models import Aanvraag, Beschikking, BeschikkingRegel
from gesprekken.models import VerslagVersie
from wmo.actions import call_for_form, call_with_message
from wmo.services import inzage_vastleggen

from .aanvraag import _aanvraag_of_404


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def beschikking_opstellen(request, pk):
    aanvraag = _aanvraag_of_404(request, pk)
    beschikking = call_with_message(
        request, services.beschikking_opstellen, aanvraag=aanvraag, door=request.user
    )
    if not beschikking:
        return redirect("aanvragen:aanvraag", pk=aanvraag.pk)
    return redirect("aanvragen:beschikking", pk=beschikking.pk)


def _beschikking_of_404(request, pk) -> Beschikking:
    qs = Beschikking.objects.filter(
        aanvraag__in=Aanvraag.objects.zichtbaar_voor(request.user)
    ).select_related(
        "aanvraag__melding__inwoner",
        "aanvraag__melding__gemeente",  # its verordening, beside a draft's regels
        "opgesteld_door",
        "goedgekeurd_door",
        "besloten_door",
        "brief",
    )
    return get_object_or_404(qs, pk=pk)


def _render_beschikking(
    request,
    beschikking,
    *,
    regel_forms=None,
    terugsturen_form=None,
    bezwaar_form=None,
    nazorg_form=None,
    stoppen_forms=None,
):
    user = request.user
    # Each requested voorziening with its regel (one at most) in one query (issue 14).
    aangevraagd = list(
        beschikking.aanvraag.voorzieningen.select_related(
            "voorziening", "regel__voorziening", "regel__aanbieder"
        )
    )
    regels = {
        a.pk: a.regel
        for a in aangevraagd
        if getattr(a, "regel", None) is not None and a.regel.beschikking_id == beschikking.pk
    }
    # The beschikking's regels in their order (BeschikkingRegel.Meta.ordering: aangevraagd_id)
    # and the user's mandates for them, read once for every mandate question below.
    regel_lijst = [regels[pk] for pk in sorted(regels)]
    mandaten = mandaat.mandaten_voor(user, regel_lijst) if regel_lijst else {}
    gelezen = {"regels": regel_lijst, "mandaten": mandaten}
    concept = beschikking.status == BeschikkingStatus.CONCEPT
    kan_wijzigen = concept and user.has_perm("aanvragen.change_aanvraag")
    regel_forms = regel_forms or {}
    blokken = []
    bevindingen = (
        {}
        if beschikking.is_verstuurd
        else services.onderzoek_bevindingen(melding=beschikking.aanvraag.melding)
    )
    for a in aangevraagd:
        form = regel_forms.get(a.pk)
        if form is None and kan_wijzigen:
            form = RegelForm(
                instance=regels.get(a.pk),
                prefix=f"regel{a.pk}",
                initial={"voorziening": a.voorziening_id},
                gemeente_id=beschikking.aanvraag.melding.gemeente_id,
            )
        regel = regels.get(a.pk)
        stoppen = (stoppen_forms or {}).get(regel.pk) if regel else None
        if (
            stoppen is None
            and regel
            and beschikking.is_verstuurd
            and regel.toegekend
            and user.has_perm("aanvragen.change_aanvraag")
        ):
            stoppen = EerderStoppenForm(prefix=f"stop{regel.pk}")
        blokken.append(
            {
                "stoppen_form": stoppen,
                "aangevraagd": a,
                "regel": regel,
                "form": form,
                # Shown beside the form: what the catalogue decides for the letter (eigen
                # bijdrage, legal basis, pgb tarief) and what the onderzoek found (Awb 3:46).
                "product": regel.voorziening if regel else a.voorziening,
                "bevindingen": bevindingen.get(a.resultaatgebied),
            }
        )
    compleet = len(regels) == len(aangevraagd)
    beoordelen = beschikking.status == BeschikkingStatus.TER_GOEDKEURING and mandaat.mag_goedkeuren(
        user, beschikking, **gelezen
    )
    context = {
        "beschikking": beschikking,
        "aanvraag": beschikking.aanvraag,
        "melding": beschikking.aanvraag.melding,
        "blokken": blokken,
        "kan_wijzigen": kan_wijzigen,
        "kan_versturen": compleet
        and user.has_perm("aanvragen.change_aanvraag")
        and (
            beschikking.status == BeschikkingStatus.GOEDGEKEURD
            or (concept and mandaat.mag_zelf_besluiten(user, beschikking, **gelezen))
        ),
        "kan_indienen": compleet and kan_wijzigen,
        "kan_beoordelen": beoordelen,
        "terugsturen_form": terugsturen_form or TerugsturenForm(),
        "ontbrekend_mandaat": mandaat.ontbrekend_mandaat(user, beschikking, **gelezen) if regels else [],
        # Shown with a sent beschikking (or a posted bezwaar form) only: not read for a draft.
        "bezwaren": list(beschikking.bezwaren.all())
        if beschikking.is_verstuurd or (bezwaar_form is not None and bezwaar_form.is_bound)
        else [],
        # The toewijzing to the aanbieder (iwmo, iWmo WMO301) that could not be sent, and why:
        # through the reverse relation, so this app does not import iwmo.
        "toewijzing_niet_verstuurd": list(
            beschikking.aanvraag.melding.iwmo_berichten.filter(richting="uit", status="afgekeurd")
            .select_related("aanbieder")
            .order_by("-pk")
        )
        if beschikking.is_verstuurd
        else [],
        # The approver reads the verslag beside the draft (the latest version as sent).
        "verslag": VerslagVersie.objects.filter(onderzoek__melding=beschikking.aanvraag.melding)
        .select_related("brief")
        .order_by("-nummer")
        .first(),
        # A posted form comes back (with its error) even when it would not be offered now.
        "nazorg_form": nazorg_form
        or (
            NazorgForm()
            if beschikking.nazorg_op
            and not beschikking.nazorg_gedaan_op
            and user.has_perm("aanvragen.change_aanvraag")
            else None
        ),
        "bezwaar_form": bezwaar_form
        or (
            BezwaarForm() if beschikking.is_verstuurd and user.has_perm("aanvragen.change_aanvraag") else None
        ),
    }
    return render(request, "aanvragen/beschikking/detail.html", context)


@permission_required("aanvragen.view_aanvraag", raise_exception=True)
def beschikking_detail(request, pk):
    beschikking = _beschikking_of_404(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=beschikking.aanvraag.melding.inwoner,
        wat="beschikking",
        request=request,
        object=beschikking,
    )
    return _render_beschikking(request, beschikking)


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def beschikking_regel(request, pk, aangevraagd_id):
    beschikking = _beschikking_of_404(request, pk)
    aangevraagd = get_object_or_404(beschikking.aanvraag.voorzieningen, pk=aangevraagd_id)
    bestaand = BeschikkingRegel.objects.filter(aangevraagd=aangevraagd).first()
    form = RegelForm(
        request.POST,
        instance=bestaand,
        prefix=f"regel{aangevraagd.pk}",
        gemeente_id=beschikking.aanvraag.melding.gemeente_id,
    )
    if form.is_valid():
        if call_for_form(
            form,
            services.beschikking_regel_vastleggen,
            beschikking=beschikking,
            aangevraagd=aangevraagd,
            door=request.user,
            **form.cleaned_data,
        ):
            messages.success(request, f"Het besluit over {aangevraagd.voorziening} is opgeslagen.")
            return redirect("aanvragen:beschikking", pk=beschikking.pk)
    return _render_beschikking(request, beschikking, regel_forms={aangevraagd.pk: form})


BESCHIKKING_ACTIES = {
    "indienen": (services.beschikking_indienen, "De beschikking is ter goedkeuring aangeboden."),
    "goedkeuren": (services.beschikking_goedkeuren, "De beschikking is goedgekeurd."),
    "terugsturen": (services.beschikking_terugsturen, "De beschikking is teruggestuurd met uw opmerkingen."),
    "versturen": (services.beschikking_versturen, "De beschikking is verstuurd. De bezwaartermijn loopt."),
}


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def nazorg_afronden(request, pk):
    beschikking = _beschikking_of_404(request, pk)
    form = NazorgForm(request.POST)
    if form.is_valid():
        if call_for_form(
            form,
            services.beschikking_nazorg_afronden,
            beschikking=beschikking,
            door=request.user,
            **form.cleaned_data,
        ):
            messages.success(request, "De nazorg is vastgelegd.")
            return redirect("aanvragen:beschikking", pk=beschikking.pk)
    return _render_beschikking(request, beschikking, nazorg_form=form)


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def voorziening_beeindigen(request, pk, regel_id):
    """A granted voorziening stops earlier; the aanbieder is told (iWmo toewijzing with RedenWijziging)."""
    beschikking = _beschikking_of_404(request, pk)
    regel = get_object_or_404(beschikking.regels, pk=regel_id)
    form = EerderStoppenForm(request.POST, prefix=f"stop{regel.pk}")
    if form.is_valid():
        if call_for_form(
            form, services.voorziening_beeindigen, regel=regel, door=request.user, **form.cleaned_data
        ):
            messages.success(
                request,
                f"{regel.voorziening} stopt op {date_format(form.cleaned_data['einddatum'], 'j F Y')}. De aanbieder krijgt bericht.",
            )
            return redirect("aanvragen:beschikking", pk=beschikking.pk)
    return _render_beschikking(request, beschikking, stoppen_forms={regel.pk: form})


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def bezwaar_registreren(request, pk):
    beschikking = _beschikking_of_404(request, pk)
    form = BezwaarForm(request.POST)
    if form.is_valid():
        if call_for_form(
            form,
            services.bezwaar_registreren,
            beschikking=beschikking,
            door=request.user,
            **form.cleaned_data,
        ):
            messages.success(request, "Het bezwaar is geregistreerd.")
            return redirect("aanvragen:beschikking", pk=beschikking.pk)
    return _render_beschikking(request, beschikking, bezwaar_form=form)


@require_POST
@permission_required("aanvragen.change_aanvraag", raise_exception=True)
def beschikking_actie(request, pk, actie):
    if actie not in BESCHIKKING_ACTIES:
        raise Http404
    beschikking = _beschikking_of_404(request, pk)
    service, bericht = BESCHIKKING_ACTIES[actie]
    if actie == "terugsturen":  # the only one with a form: a refusal shows it again
        form = TerugsturenForm(request.POST)
        if not form.is_valid() or not call_for_form(
            form,
            service,
            beschikking=beschikking,
            door=request.user,
            opmerkingen=form.cleaned_data["opmerkingen"],
        ):
            return _render_beschikking(request, beschikking, terugsturen_form=form)
        messages.success(request, bericht)
    elif call_with_message(request, service, beschikking=beschikking, door=request.user):
        messages.success(request, bericht)
    return redirect("aanvragen:beschikking", pk=beschikking.pk)
