"""Beheer pages for the letter texts per gemeente (wmo.brieven.blokken, tekstversies).

Only a functioneel beheerder of an execution organisation, for the gemeenten it serves: another
gemeente, or a kind of letter whose text cannot be edited, answers 404. Every change is a new
version through wmo.brieven.tekstversies.tekst_opslaan; the page itself only shows and forwards.
"""

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from wmo.actions import call_for_form, call_with_message
from wmo.brieven import SOORTEN, pdf_response
from wmo.brieven.blokken import BLOKKEN, bewerkbaar
from wmo.brieven.tekstversies import blok_tekst, huidige_tekst, schoon, standaardtekst, tekst_opslaan
from wmo.constants import BriefSoort
from wmo.models import BriefTekst, Gemeente

from .brieven import BriefTekstForm, voorbeeld_pdf
from .views import uitvoering_required


def _gemeenten(request):
    return Gemeente.objects.filter(organisaties=request.user.organisatie_id).order_by("naam")


def _gemeente_en_soort(request, gemeente_id: int, soort: str) -> tuple[Gemeente, BriefSoort]:
    gemeente = get_object_or_404(_gemeenten(request), pk=gemeente_id)
    if soort not in BriefSoort.values or not bewerkbaar(BriefSoort(soort)):
        raise Http404
    return gemeente, BriefSoort(soort)


def _versie(gemeente, soort, versie: int) -> BriefTekst:
    """Version ``versie`` (0: the standard text, unsaved)."""
    if versie == 0:
        return standaardtekst(soort)
    return get_object_or_404(
        BriefTekst.objects.select_related("gemaakt_door"), gemeente=gemeente, soort=soort, versie=versie
    )


@uitvoering_required
def brieven(request):
    gemeenten = list(_gemeenten(request))
    nieuwste = BriefTekst.objects.filter(
        gemeente__in=gemeenten,
        versie=Subquery(
            BriefTekst.objects.filter(gemeente=OuterRef("gemeente"), soort=OuterRef("soort"))
            .order_by("-versie")
            .values("versie")[:1]
        ),
    ).select_related("gemaakt_door")
    in_gebruik = {(t.gemeente_id, t.soort): t for t in nieuwste}
    rijen = [
        {
            "gemeente": g,
            "soorten": [
                {
                    "soort": s,
                    "titel": s.label,
                    "bewerkbaar": bewerkbaar(s),
                    "tekst": in_gebruik.get((g.pk, s.value)),
                }
                for s in BriefSoort
            ],
        }
        for g in gemeenten
    ]
    return render(request, "beheer/briefteksten/lijst.html", {"rijen": rijen})


@uitvoering_required
def brief_tekst(request, gemeente, soort):
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    huidig = huidige_tekst(gemeente=gemeente, soort=soort)
    form = BriefTekstForm(
        request.POST or None,
        soort=soort,
        initial=BriefTekstForm.initial_uit(huidig or standaardtekst(soort)),
    )
    if request.method == "POST" and form.is_valid():
        nieuw = call_for_form(
            form,
            tekst_opslaan,
            gemeente=gemeente,
            soort=soort,
            onderwerp=form.cleaned_data["onderwerp"],
            blokken=form.blokken(),
            toelichting=form.cleaned_data["toelichting"],
            door=request.user,
        )
        if nieuw:
            messages.success(
                request,
                f"Versie {nieuw.versie} van de {soort.label.lower()} voor {gemeente.naam} is opgeslagen. "
                "De volgende brief gebruikt deze tekst.",
            )
            return redirect("beheer:brief_versies", gemeente=gemeente.pk, soort=soort.value)
    opbouw = BLOKKEN[soort]
    return render(
        request,
        "beheer/briefteksten/bewerken.html",
        {
            "gemeente": gemeente,
            "soort": soort,
            "huidig": huidig,
            "form": form,
            "blokken": [
                {
                    "blok": b,
                    "kop_veld": form[f"kop_{b.sleutel}"] if f"kop_{b.sleutel}" in form.fields else None,
                    "tekst_veld": form[f"tekst_{b.sleutel}"] if b.is_tekst else None,
                }
                for b in opbouw.blokken
            ],
            "invulvelden": opbouw.alle_invulvelden,
        },
    )


@require_POST
@uitvoering_required
def brief_voorbeeld(request, gemeente, soort):
    """The PDF of the text as typed (not saved), with demo data."""
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    form = BriefTekstForm(request.POST, soort=soort)
    form.is_valid()  # only to read what was typed; the text is rendered inert, whatever it holds
    data = {k: v for k, v in form.cleaned_data.items()}
    tekst = BriefTekst(
        gemeente=gemeente,
        soort=soort,
        versie=0,
        onderwerp=(data.get("onderwerp") or "").strip() or str(SOORTEN[soort].onderwerp),
        blokken=schoon(
            soort,
            {
                b.sleutel: {
                    "kop": data.get(f"kop_{b.sleutel}", ""),
                    "tekst": data.get(f"tekst_{b.sleutel}", ""),
                }
                for b in BLOKKEN[soort].tekstblokken
            },
        ),
    )
    pdf = voorbeeld_pdf(gemeente=gemeente, tekst=tekst, soort=soort)
    return pdf_response(pdf, bestandsnaam=f"voorbeeld-{soort.value}.pdf")


@uitvoering_required
def brief_versies(request, gemeente, soort):
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    versies = BriefTekst.objects.filter(gemeente=gemeente, soort=soort).select_related("gemaakt_door")
    versies = list(versies.order_by("-versie")[:200])
    return render(
        request,
        "beheer/briefteksten/versies.html",
        {"gemeente": gemeente, "soort": soort, "versies": versies},
    )


@uitvoering_required
def brief_versie(request, gemeente, soort, versie):
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    tekst = _versie(gemeente, soort, versie)
    huidig = huidige_tekst(gemeente=gemeente, soort=soort)
    delen = [{"blok": b, **(blok_tekst(b, tekst) if b.is_tekst else {})} for b in BLOKKEN[soort].blokken]
    return render(
        request,
        "beheer/briefteksten/versie.html",
        {
            "gemeente": gemeente,
            "soort": soort,
            "tekst": tekst,
            "delen": delen,
            "in_gebruik": (huidig.versie if huidig else 0) == tekst.versie,
        },
    )


@uitvoering_required
def brief_versie_voorbeeld(request, gemeente, soort, versie):
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    tekst = _versie(gemeente, soort, versie)
    pdf = voorbeeld_pdf(gemeente=gemeente, tekst=tekst if versie else None, soort=soort)
    return pdf_response(pdf, bestandsnaam=f"voorbeeld-{soort.value}-versie-{versie}.pdf")


@require_POST
@uitvoering_required
def brief_versie_terugzetten(request, gemeente, soort, versie):
    """A new version equal to ``versie`` (0: the standard text)."""
    gemeente, soort = _gemeente_en_soort(request, gemeente, soort)
    tekst = _versie(gemeente, soort, versie)
    nieuw = call_with_message(
        request,
        tekst_opslaan,
        gemeente=gemeente,
        soort=soort,
        onderwerp=tekst.onderwerp,
        blokken=tekst.blokken,
        toelichting="Terug naar de standaardtekst." if versie == 0 else f"Versie {versie} teruggezet.",
        door=request.user,
    )
    if nieuw:
        messages.success(
            request,
            f"Versie {nieuw.versie} is opgeslagen: gelijk aan {'de standaardtekst' if versie == 0 else f'versie {versie}'}.",
        )
    return redirect("beheer:brief_versies", gemeente=gemeente.pk, soort=soort.value)
