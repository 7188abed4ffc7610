"""Gesprek, onderzoek and verslag views.

Thin: every object is reached through ``Melding.objects.zichtbaar_voor`` (a foreign id answers
404) and every write goes through ``gesprekken.services``. Every form also posts without
JavaScript; htmx only makes the onderzoek sections save themselves.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from meldingen.models import Melding
from wmo import brieven
from wmo.actions import call_for_form, call_with_message, message_for_send
from wmo.constants import BriefSoort, InzageActie
from wmo.lijsten import Lijst, modellen_lezen
from wmo.models import Medewerker
from wmo.query import consulenten_voor
from wmo.redirects import safe_next_url
from wmo.services import inzage_vastleggen

from . import offline, services
from .constants import GebiedStaat, GesprekStatus, Trede
from .forms import (
    GesprekForm,
    OnderzoekForm,
    PersoonlijkPlanForm,
    ReactieForm,
    ResultaatForm,
    TriageForm,
    VervolgafspraakForm,
)
from .models import (
    Gesprek,
    LadderTrede,
    Onderzoek,
    PersoonlijkPlan,
    ResultaatOnderzoek,
    VerslagVersie,
    Vervolgafspraak,
)


def _melding(request, pk) -> Melding:
    qs = Melding.objects.zichtbaar_voor(request.user).select_related(
        "inwoner", "gemeente", "team", "consulent"
    )
    return get_object_or_404(qs, pk=pk)


# What the actions on an onderzoek read of its melding besides the inwoner (letters, services).
MELDING_VOLLEDIG = ("melding__gemeente", "melding__team", "melding__consulent")


def _onderzoek(request, pk, *, met=MELDING_VOLLEDIG) -> Onderzoek:
    zichtbaar = Melding.objects.zichtbaar_voor(request.user)
    qs = Onderzoek.objects.filter(melding__in=zichtbaar).select_related("melding__inwoner", *met)
    return get_object_or_404(qs, melding_id=pk)


def _redirect_to_onderzoek(melding_pk, anker=""):
    url = reverse("gesprekken:onderzoek", args=[melding_pk])
    return redirect(f"{url}#{anker}" if anker else url)


# --- Plan the gesprek, triage ------------------------------------------------------------------


@permission_required("gesprekken.add_gesprek", raise_exception=True)
def gesprek_plannen(request, pk):
    melding = _melding(request, pk)
    form = GesprekForm(
        request.POST or None,
        consulenten=consulenten_voor(request.user, melding.team),
        # The melding's consulent, else the consulent who plans it (issue 15: no empty choice first).
        initial={"consulent": melding.consulent_id or request.user.pk},
    )
    if request.method == "POST" and form.is_valid():

        def plannen_en_uitnodigen():
            gesprek = services.gesprek_plannen(melding=melding, door=request.user, **form.service_kwargs())
            brief = None
            if form.cleaned_data["uitnodiging"]:
                brief = services.uitnodiging_versturen(gesprek=gesprek, door=request.user)
            return gesprek, brief

        if gepland := call_for_form(form, plannen_en_uitnodigen):
            gesprek, brief = gepland
            if getattr(gesprek, "al_gepland", False):
                # The same plan posted twice (a double click): one gesprek, one letter.
                tekst = "Dit gesprek was al gepland. Er is geen tweede gesprek gemaakt."
                if brief is not None:
                    tekst += " De uitnodiging is al gemaakt."
                messages.info(request, tekst)
                return redirect("meldingen:melding", pk=melding.pk)
            tekst = "Het gesprek is gepland."
            if brief is not None:
                tekst += " De uitnodiging is gemaakt en bewaard bij de brieven."
            messages.success(request, tekst)
            return redirect("meldingen:melding", pk=melding.pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"gesprek plannen {melding.kenmerk}",
        request=request,
        object=melding,
    )
    return render(request, "gesprekken/gesprek_form.html", {"form": form, "melding": melding})


@require_POST
@permission_required("gesprekken.change_gesprek", raise_exception=True)
def gesprek_status(request, pk, gesprek_pk):
    melding = _melding(request, pk)
    gesprek = get_object_or_404(Gesprek, melding=melding, pk=gesprek_pk)
    naar = request.POST.get("naar", "")
    if naar not in (GesprekStatus.GEVOERD, GesprekStatus.GEANNULEERD):
        messages.error(request, "Kies gevoerd of geannuleerd.")
    elif call_with_message(
        request, services.gesprek_status_zetten, gesprek=gesprek, door=request.user, naar=naar
    ):
        messages.success(request, f"Het gesprek is {GesprekStatus(naar).label.lower()}.")
    return redirect("meldingen:melding", pk=melding.pk)


@require_POST
@permission_required("gesprekken.add_gesprek", raise_exception=True)
@permission_required("wmo.add_brief", raise_exception=True)
def uitnodiging_versturen(request, pk, gesprek_pk):
    melding = _melding(request, pk)
    gesprek = get_object_or_404(Gesprek, melding=melding, pk=gesprek_pk)
    if brief := call_with_message(
        request, services.uitnodiging_versturen, gesprek=gesprek, door=request.user
    ):
        message_for_send(request, brief, "De uitnodiging is gemaakt en bewaard bij de brieven.")
    return redirect("meldingen:melding", pk=melding.pk)


@permission_required("gesprekken.add_triage", raise_exception=True)
def triage_vastleggen(request, pk):
    melding = _melding(request, pk)
    form = TriageForm(request.POST or None, gemeente=melding.gemeente)
    if request.method == "POST" and form.is_valid():
        if call_for_form(
            form, services.triage_vastleggen, melding=melding, door=request.user, **form.cleaned_data
        ):
            messages.success(request, "Het triagebesluit is vastgelegd.")
            return redirect("meldingen:melding", pk=melding.pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"triage {melding.kenmerk}",
        request=request,
        object=melding,
    )
    return render(request, "gesprekken/triage_form.html", {"form": form, "melding": melding})


# --- The onderzoek page ---------------------------------------------------------------------


@require_POST
@permission_required("gesprekken.add_onderzoek", raise_exception=True)
def onderzoek_openen(request, pk):
    melding = _melding(request, pk)
    if not call_with_message(request, services.onderzoek_openen, melding=melding, door=request.user):
        return redirect("meldingen:melding", pk=melding.pk)
    return _redirect_to_onderzoek(melding.pk)


def _medewerkers(user):
    return Medewerker.objects.filter(organisatie_id=user.organisatie_id, is_active=True).order_by(
        "first_name", "last_name"
    )


def _gebied(resultaat, **extra) -> dict:
    """One resultaatgebied for the navigation: its state and the rung reached (treden prefetched)."""
    treden = list(resultaat.treden.all())
    trede = resultaat.bereikte_trede(treden)
    return {
        "resultaat": resultaat,
        "sectie": f"r{resultaat.gebied}",
        "staat": GebiedStaat(resultaat.staat(treden)),
        "trede": Trede(trede) if trede else None,
        **extra,
    }


def _afgesproken(gebieden: list[dict]) -> list[dict]:
    """The gebieden with a te bereiken resultaat or an agreed solution: "Wat is afgesproken"."""
    return [g for g in gebieden if g["resultaat"].te_bereiken_resultaat or g["resultaat"].oplossing]


def _resultaten_met_ladder(onderzoek) -> list[ResultaatOnderzoek]:
    """The onderzoek's resultaatgebieden, each with its rungs (two queries, whatever the size).

    One query joining the rungs to their gebied was tried (issue 14); it needs Django's private
    prefetch cache and fell back to these two queries whenever a gebied has no rungs yet, which is
    the usual onderzoek (the 1M benchmark measured 13 queries on the page where the test world
    showed 11). Two plain queries keep the page at 12 in both."""
    return list(
        ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).prefetch_related(
            Prefetch("treden", queryset=LadderTrede.objects.order_by("trede"))
        )
    )


def _onderzoek_context(request, onderzoek, *, gebonden=None, **extra):
    """The whole onderzoek page. ``gebonden`` replaces one section's form by the posted one."""
    resultaten = _resultaten_met_ladder(onderzoek)
    voorzieningen = services.voorzieningen_per_soort()
    secties = {"algemeen": OnderzoekForm(instance=onderzoek, prefix="algemeen")}
    for r in resultaten:
        secties[f"r{r.gebied}"] = ResultaatForm(resultaat=r, voorzieningen=voorzieningen)
    if gebonden is not None:
        secties[gebonden[0]] = gebonden[1]
    melding = onderzoek.melding
    context = {
        "melding": melding,
        "melding_pk": melding.pk,
        "onderzoek": onderzoek,
        "algemeen_form": secties.pop("algemeen"),
        "gebieden": [
            _gebied(
                r,
                form=secties[f"r{r.gebied}"],
                ontbreekt=r.ontbrekende_treden(r.treden.all()),
                url=reverse("gesprekken:sectie", args=[melding.pk, f"r{r.gebied}"]),
                naam=r.get_gebied_display(),
            )
            for r in resultaten
        ],
        # Four small lists in one query (wmo.lijsten.modellen_lezen, issue 14).
        **modellen_lezen(
            gesprekken=Lijst(melding.gesprekken.all(), met={"consulent": ()}),
            plannen=Lijst(melding.persoonlijke_plannen.all(), zonder=("inhoud",)),
            vervolgafspraken=Lijst(onderzoek.vervolgafspraken.all(), met={"eigenaar": ()}),
            versies=Lijst(onderzoek.versies.all(), met={"brief": ("pdf",)}),
        ),
        "kan_bewerken": request.user.has_perm("gesprekken.change_onderzoek")
        and melding.status in services.ONDERZOEK_BEWERKBAAR,
        "kan_versturen": request.user.has_perm("gesprekken.versturen_verslag")
        and request.user.has_perm("wmo.add_brief")
        and melding.status in services.ONDERZOEK_BEWERKBAAR,
        "maatwerk": Trede.MAATWERK,
    }
    if context["kan_bewerken"]:
        # "Klaarzetten voor offline": only a visit the consulent may fill in (gesprekken.offline).
        context["offline_tot"] = offline.beschikbaar_tot(
            geplande_gesprekken=[
                g.gepland_op for g in context["gesprekken"] if g.status == GesprekStatus.GEPLAND
            ],
            vandaag=timezone.localdate(),
        )
    if context["kan_bewerken"] and request.user.has_perm("gesprekken.add_vervolgafspraak"):
        context.setdefault(
            "afspraak_form",
            VervolgafspraakForm(
                # Only to show the choices (a name each): the organisation's ~130 medewerkers read
                # whole cost 1.3 ms more CPU at 1M (4.3 -> 2.9 ms for the field, issue 14). A post
                # validates against the full rows (the service reads the eigenaar's organisatie).
                medewerkers=_medewerkers(request.user).only("id", *Medewerker.NAAM_VELDEN),
                initial={"eigenaar": request.user.pk},
            ),
        )
    if request.user.has_perm("gesprekken.add_persoonlijkplan") and melding.is_open:
        context.setdefault("plan_form", PersoonlijkPlanForm(initial={"ontvangen_op": timezone.localdate()}))
    context["afgesproken"] = _afgesproken(context["gebieden"])
    context.update(extra)
    return context


@permission_required("gesprekken.view_onderzoek", raise_exception=True)
def onderzoek(request, pk):
    try:
        # The page shows nothing of the melding's gemeente, team or consulent: three joins less
        # (at 1M 1.4 ms CPU and about 1 ms of planning less, issue 14).
        onderzoek = _onderzoek(request, pk, met=())
    except Http404:
        # A visible melding whose onderzoek is not opened yet: say so where it can be opened.
        melding = get_object_or_404(Melding.objects.zichtbaar_voor(request.user), pk=pk)
        messages.info(request, "Het onderzoek is nog niet geopend. Open het hier met ‘Onderzoek vastleggen’.")
        return redirect("meldingen:melding", pk=melding.pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=onderzoek.melding.inwoner,
        wat=f"onderzoek {onderzoek.melding.kenmerk}",
        request=request,
        object=onderzoek,
    )
    return render(request, "gesprekken/onderzoek.html", _onderzoek_context(request, onderzoek))


def _differences(form, vers_form) -> list[tuple[str, str, str]]:
    """(label, your text, the saved text) for every field that differs: both texts, side by side."""
    rijen = []
    for naam, field in form.fields.items():
        if naam == "versie":
            continue
        mijn = form.cleaned_data.get(naam)
        hun = vers_form[naam].initial if naam in vers_form.fields else None
        mijn_s = "" if mijn in (None, False) else str(getattr(mijn, "pk", mijn))
        hun_s = "" if hun in (None, False) else str(getattr(hun, "pk", hun))
        if mijn_s != hun_s:
            label = str(field.label)
            if naam.startswith("t") and naam[1].isdigit():
                label = f"{Trede(int(naam[1])).label}: {label}"
            if hasattr(field, "choices"):
                keuzes = {str(k): str(v) for k, v in field.choices}
                mijn_s, hun_s = keuzes.get(mijn_s, mijn_s), keuzes.get(hun_s, hun_s)
            if isinstance(mijn, bool) or isinstance(hun, bool):
                mijn_s, hun_s = ("ja" if mijn else "nee"), ("ja" if hun else "nee")
            rijen.append((label, mijn_s, hun_s))
    return rijen


def _saved_response(request, pk, sectie, prefix, versie):
    tijd = timezone.localtime()
    if request.htmx:
        context = {"sectie": sectie, "tijd": tijd, "versie": versie, "prefix": prefix}
        if sectie != "algemeen":
            # The navigation's state of this gebied and "Wat is afgesproken" follow what was just
            # saved (out of band): the same two queries that read this gebied alone would need.
            gebieden = [
                _gebied(r)
                for r in ResultaatOnderzoek.objects.filter(onderzoek__melding_id=pk).prefetch_related(
                    Prefetch("treden", queryset=LadderTrede.objects.order_by("trede"))
                )
            ]
            context["g"] = next(g for g in gebieden if g["sectie"] == sectie)
            context["afgesproken"] = _afgesproken(gebieden)
        return render(request, "gesprekken/onderzoek.html#opgeslagen", context)
    messages.success(request, f"Opgeslagen om {tijd:%H:%M}.")
    return _redirect_to_onderzoek(pk, f"sectie-{sectie}")


@require_POST
@permission_required("gesprekken.change_onderzoek", raise_exception=True)
def sectie_opslaan(request, pk, sectie):
    """Save one section (autosave with htmx, or a normal submit). 409 on a stale versie."""
    onderzoek = _onderzoek(request, pk)
    voorzieningen = None
    if sectie == "algemeen":
        form = OnderzoekForm(request.POST, instance=Onderzoek.objects.get(pk=onderzoek.pk), prefix="algemeen")
    elif re.fullmatch(r"r[0-9]{1,2}", sectie):
        resultaat = get_object_or_404(
            ResultaatOnderzoek.objects.prefetch_related("treden"), onderzoek=onderzoek, gebied=int(sectie[1:])
        )
        voorzieningen = services.voorzieningen_per_soort()
        form = ResultaatForm(request.POST, resultaat=resultaat, voorzieningen=voorzieningen)
    else:
        raise Http404
    status = 200
    conflict = None
    if form.is_valid():
        try:
            if sectie == "algemeen":
                opgeslagen = services.onderzoek_opslaan(
                    onderzoek=onderzoek,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    **form.service_kwargs(),
                )
            else:
                opgeslagen = services.resultaat_opslaan(
                    resultaat=resultaat, door=request.user, **form.service_kwargs()
                )
        except services.VersieConflict as e:
            actueel = e.actueel
            if sectie == "algemeen":
                vers = OnderzoekForm(instance=actueel, prefix="algemeen")
            else:
                actueel = ResultaatOnderzoek.objects.prefetch_related("treden").get(pk=actueel.pk)
                vers = ResultaatForm(resultaat=actueel, voorzieningen=voorzieningen)
            prefix = form.prefix
            verschillen = _differences(form, vers)
            if not verschillen:
                # The same text was already saved (a retry after a dropped connection): no conflict.
                return _saved_response(request, pk, sectie, form.prefix, actueel.versie)
            conflict = {
                "verschillen": verschillen,
                "versie": actueel.versie,
                "data": [
                    (k, v if k != f"{prefix}-versie" else str(actueel.versie))
                    for k, waarden in request.POST.lists()
                    if k != "csrfmiddlewaretoken"
                    for v in waarden
                ],
            }
            status = 409
        except ValidationError as e:
            form.add_service_error(e)
            status = 422
        else:
            return _saved_response(request, pk, sectie, form.prefix, opgeslagen.versie)
    else:
        status = 422
    extra = {"sectie": sectie, "conflict": conflict, "form": form, "melding_pk": pk}
    if request.htmx:
        return render(request, "gesprekken/onderzoek.html#probleem", extra, status=status)
    context = _onderzoek_context(request, onderzoek, gebonden=(sectie, form), fout_sectie=sectie, **extra)
    return render(request, "gesprekken/onderzoek.html", context, status=409 if conflict else 200)


@login_not_required  # no personal data: the same script for everyone; pages decide what is kept
def offline_sw(request):
    """The service worker that keeps a visit prepared for offline use (gesprekken.offline).

    Served from a stable URL, not from static files: the manifest storage gives static files a new
    name with every change, and a service worker is found again by its URL. Its scope is
    /meldingen/ (the onderzoek pages), within the directory of this URL, so no
    ``Service-Worker-Allowed`` header is needed. CSP ``script-src 'self'`` covers it (``worker-src``
    falls back to it).
    """
    return render(request, "gesprekken/offline-sw.js", content_type="text/javascript; charset=utf-8")


@permission_required("gesprekken.view_onderzoek", raise_exception=True)
def samen_lezen(request, pk):
    """What has been written so far, calm and in large type, to read back with the inwoner.

    Read-only, in everyday words: no rung numbers, no codes. Reading it is logged (NEN 7513) like
    the onderzoek page itself.
    """
    onderzoek = _onderzoek(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=onderzoek.melding.inwoner,
        wat=f"onderzoek samen lezen {onderzoek.melding.kenmerk}",
        request=request,
        object=onderzoek,
    )
    resultaten = ResultaatOnderzoek.objects.filter(onderzoek=onderzoek).prefetch_related(
        Prefetch("treden", queryset=LadderTrede.objects.select_related("voorziening").order_by("trede"))
    )
    gebieden = [g for g in map(_gebied, resultaten) if g["staat"] != GebiedStaat.NIET_BESPROKEN]
    return render(
        request,
        "gesprekken/samen_lezen.html",
        {
            "melding": onderzoek.melding,
            "onderzoek": onderzoek,
            "gebieden": gebieden,
            "vervolgafspraken": list(onderzoek.vervolgafspraken.select_related("eigenaar")),
        },
    )


# --- Verslag -------------------------------------------------------------------------------


@permission_required("gesprekken.view_onderzoek", raise_exception=True)
def verslag_voorbeeld(request, pk):
    """The verslag as it would be sent now: not stored, marked as a concept."""
    onderzoek = _onderzoek(request, pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=onderzoek.melding.inwoner,
        wat=f"verslag concept {onderzoek.melding.kenmerk}",
        request=request,
        actie=InzageActie.DOWNLOADEN,
        object=onderzoek,
    )
    pdf = brieven.render_brief(
        soort=BriefSoort.VERSLAG,
        melding=onderzoek.melding,
        context=services.verslag_context(onderzoek),
        concept=True,
    )
    return brieven.pdf_response(pdf, bestandsnaam=f"verslag-concept-{onderzoek.melding.kenmerk}.pdf")


@require_POST
@permission_required("gesprekken.versturen_verslag", raise_exception=True)
@permission_required("wmo.add_brief", raise_exception=True)
def verslag_versturen(request, pk):
    onderzoek = _onderzoek(request, pk)
    versie = call_with_message(request, services.verslag_versturen, onderzoek=onderzoek, door=request.user)
    if versie:
        message_for_send(request, versie, f"Versie {versie.nummer} van het verslag is gemaakt en bewaard.")
    return _redirect_to_onderzoek(pk, "verslag")


@permission_required("gesprekken.versturen_verslag", raise_exception=True)
def verslag_reactie(request, pk, nummer):
    onderzoek = _onderzoek(request, pk)
    versie = get_object_or_404(
        VerslagVersie.objects.select_related("brief").defer("brief__pdf"), onderzoek=onderzoek, nummer=nummer
    )
    form = ReactieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vastgelegd = call_for_form(
            form,
            services.verslag_reactie_vastleggen,
            versie=versie,
            door=request.user,
            **form.service_kwargs(),
        )
        if vastgelegd:
            tekst = "De reactie is bij deze versie van het verslag bewaard."
            if vastgelegd.aanvraag_id:
                tekst += " Het ondertekende verslag geldt als aanvraag: de aanvraag is geregistreerd."
            messages.success(request, tekst)
            return _redirect_to_onderzoek(pk, "verslag")
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=onderzoek.melding.inwoner,
        wat=f"verslag versie {versie.nummer} {onderzoek.melding.kenmerk}",
        request=request,
        object=versie,
    )
    return render(
        request,
        "gesprekken/reactie_form.html",
        {"form": form, "melding": onderzoek.melding, "onderzoek": onderzoek, "versie": versie},
    )


# --- Vervolgafspraken -----------------------------------------------------------------------


@require_POST
@permission_required("gesprekken.add_vervolgafspraak", raise_exception=True)
def vervolgafspraak_toevoegen(request, pk):
    onderzoek = _onderzoek(request, pk)
    form = VervolgafspraakForm(request.POST, medewerkers=_medewerkers(request.user))
    if form.is_valid():
        if call_for_form(
            form,
            services.vervolgafspraak_toevoegen,
            onderzoek=onderzoek,
            door=request.user,
            **form.cleaned_data,
        ):
            messages.success(request, "De vervolgafspraak is toegevoegd.")
            return _redirect_to_onderzoek(pk, "vervolgafspraken")
    context = _onderzoek_context(request, onderzoek, afspraak_form=form)
    return render(request, "gesprekken/onderzoek.html", context)


@require_POST
@permission_required("gesprekken.change_vervolgafspraak", raise_exception=True)
def vervolgafspraak_afronden(request, afspraak_pk):
    zichtbaar = Melding.objects.zichtbaar_voor(request.user)
    afspraak = get_object_or_404(
        Vervolgafspraak.objects.filter(onderzoek__melding__in=zichtbaar).select_related("onderzoek"),
        pk=afspraak_pk,
    )
    if call_with_message(request, services.vervolgafspraak_afronden, afspraak=afspraak, door=request.user):
        messages.success(request, "De vervolgafspraak staat op gedaan.")
    onderzoek_url = reverse("gesprekken:onderzoek", args=[afspraak.onderzoek.melding_id])
    return redirect(safe_next_url(request, f"{onderzoek_url}#vervolgafspraken"))


# --- Persoonlijk plan -------------------------------------------------------------------------


@require_POST
@permission_required("gesprekken.add_persoonlijkplan", raise_exception=True)
def persoonlijk_plan_toevoegen(request, pk):
    onderzoek = _onderzoek(request, pk)
    form = PersoonlijkPlanForm(request.POST, request.FILES)
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        if bestand.size > services.PLAN_MAX_BYTES:  # refused before the whole file is read
            form.add_service_error(ValidationError({"bestand": "Dit bestand is groter dan 10 MB."}))
        elif call_for_form(
            form,
            services.persoonlijk_plan_opslaan,
            melding=onderzoek.melding,
            door=request.user,
            naam=bestand.name,
            inhoud=bestand.read(),
            ontvangen_op=form.cleaned_data["ontvangen_op"],
        ):
            messages.success(request, "Het persoonlijk plan is bewaard.")
            return _redirect_to_onderzoek(pk, "kop-plan")
    return render(
        request, "gesprekken/onderzoek.html", _onderzoek_context(request, onderzoek, plan_form=form)
    )


@permission_required("gesprekken.view_persoonlijkplan", raise_exception=True)
def persoonlijk_plan_bekijken(request, pk, plan_pk):
    melding = _melding(request, pk)
    plan = get_object_or_404(PersoonlijkPlan, melding=melding, pk=plan_pk)
    inzage_vastleggen(
        medewerker=request.user,
        inwoner=melding.inwoner,
        wat=f"persoonlijk plan {melding.kenmerk}",
        request=request,
        actie=InzageActie.DOWNLOADEN,
        object=plan,
    )
    response = HttpResponse(bytes(plan.inhoud), content_type=plan.soort)
    response["Content-Disposition"] = f'inline; filename="persoonlijk-plan-{melding.kenmerk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
