"""A gemeente's own letter texts: the version in use, checking and saving a new one, rendering.

A version (``wmo.models.BriefTekst``) holds the onderwerp and the text per block; a block it
does not hold uses its standard text (blokken.py). Saving checks every text (teksten.py: no
template code, only the kind's placeholders) and the legally required parts (the blocks marked
``verplicht``, with the article that requires them). A refusal names the part that is missing.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from wmo.constants import BriefSoort, Rol
from wmo.models import BriefTekst, Gemeente, Medewerker

from .blokken import BLOKKEN, Blok, Opbouw, veilig
from .soorten import SOORTEN
from .teksten import MAX_KOP, SJABLOONCODE, Fout, controleer_tekst, invulvelden_in, naar_html


def huidige_tekst(*, gemeente, soort: BriefSoort) -> BriefTekst | None:
    """The version in use for ``gemeente`` and ``soort`` (the newest), or None: the standard text."""
    if soort not in BLOKKEN or gemeente is None or gemeente.pk is None:
        return None
    return BriefTekst.objects.filter(gemeente=gemeente, soort=soort).order_by("-versie").first()


def standaard_blokken(soort: BriefSoort) -> dict[str, dict[str, str]]:
    return {b.sleutel: {"kop": b.kop, "tekst": b.standaard} for b in BLOKKEN[soort].tekstblokken}


def blok_tekst(blok: Blok, tekst: BriefTekst | None) -> dict[str, str]:
    """The heading and text of ``blok`` in version ``tekst`` (its standard one when not held)."""
    opgeslagen = (tekst.blokken or {}).get(blok.sleutel) if tekst is not None else None
    if not isinstance(opgeslagen, dict):
        return {"kop": blok.kop, "tekst": blok.standaard}
    return {"kop": str(opgeslagen.get("kop", "")), "tekst": str(opgeslagen.get("tekst", ""))}


def _waarden(opbouw: Opbouw, tekst: str, context: dict) -> dict[str, str]:
    """The values of the placeholders the text uses (only those: each is a function of the context)."""
    gebruikt = set(invulvelden_in(tekst))
    return {
        v.naam: str(veilig(v.waarde, context) or "") for v in opbouw.alle_invulvelden if v.naam in gebruikt
    }


def blokken_context(soort: BriefSoort, context: dict, tekst: BriefTekst | None) -> dict:
    """What the kind's template needs on top of ``context``: the blocks to print, in order
    (``blokken``: each a kop and either ``html`` or a ``partial``), the signature's HTML if a
    block takes that place, and the onderwerp of the version."""
    opbouw = BLOKKEN[soort]
    lijst, ondertekening = [], None
    for blok in opbouw.blokken:
        if not blok.toont(context):
            continue
        if not blok.is_tekst:
            lijst.append({"sleutel": blok.sleutel, "kop": blok.kop, "partial": blok.partial})
            continue
        deel = blok_tekst(blok, tekst)
        html = naar_html(deel["tekst"], _waarden(opbouw, deel["tekst"], context))
        if blok.plaats == "ondertekening":
            ondertekening = html
        else:
            lijst.append({"sleutel": blok.sleutel, "kop": deel["kop"], "html": html})
    extra = {"blokken": lijst, "ondertekening_html": ondertekening}
    if tekst is not None and tekst.onderwerp:
        extra["onderwerp"] = tekst.onderwerp
    return extra


# --- Checking and saving --------------------------------------------------------------------------


def _bevat(tekst: str, nodig: str) -> bool:
    if nodig.startswith("["):
        return nodig in tekst
    return nodig.lower() in tekst.lower()


def controleer(soort: BriefSoort, *, onderwerp: str, blokken: dict) -> list[Fout]:
    """Every reason to refuse this text, in the order of the page (empty: it may be saved)."""
    opbouw = BLOKKEN[soort]
    bekend = {v.naam for v in opbouw.alle_invulvelden}
    fouten = []
    onderwerp = onderwerp.strip()
    if not onderwerp:
        fouten.append(Fout("onderwerp", "Vul het onderwerp in. Dat is de kop boven de brief."))
    elif len(onderwerp) > 200:
        fouten.append(Fout("onderwerp", "Het onderwerp is te lang: niet meer dan 200 tekens."))
    elif SJABLOONCODE.search(onderwerp) or invulvelden_in(onderwerp):
        fouten.append(
            Fout(
                "onderwerp",
                "Het onderwerp is gewone tekst: invulvelden tussen [ ] en tekens die op programmacode "
                "lijken ({{ }}, {% %}, __) kunnen daar niet.",
            )
        )
    for blok in opbouw.tekstblokken:
        deel = blokken.get(blok.sleutel) or {}
        kop, tekst = str(deel.get("kop", "")).strip(), str(deel.get("tekst", "")).strip()
        if len(kop) > MAX_KOP:
            fouten.append(
                Fout(
                    f"kop_{blok.sleutel}",
                    f"De kop van ‘{blok.naam}’ is te lang: niet meer dan {MAX_KOP} tekens.",
                )
            )
        if SJABLOONCODE.search(kop) or invulvelden_in(kop):
            fouten.append(
                Fout(
                    f"kop_{blok.sleutel}",
                    f"De kop van ‘{blok.naam}’ is gewone tekst: invulvelden en tekens die op programmacode "
                    "lijken kunnen daar niet.",
                )
            )
        fouten += controleer_tekst(tekst, veld=f"tekst_{blok.sleutel}", bekend=bekend, wat=f"‘{blok.naam}’")
        if blok.verplicht:
            if not tekst:
                fouten.append(
                    Fout(
                        f"tekst_{blok.sleutel}",
                        f"{blok.verplicht} ontbreekt. Die is wettelijk verplicht ({blok.wet}). Zet de tekst "
                        "terug; u mag hem wel anders zeggen.",
                    )
                )
            else:
                for nodig in blok.moet_bevatten:
                    if not _bevat(tekst, nodig):
                        wat = f"het invulveld {nodig}" if nodig.startswith("[") else f"het woord ‘{nodig}’"
                        fouten.append(
                            Fout(
                                f"tekst_{blok.sleutel}",
                                f"{blok.verplicht} is niet compleet: {wat} ontbreekt. Dat is wettelijk "
                                f"verplicht ({blok.wet}). Zet het terug in de tekst.",
                            )
                        )
    return fouten


def schoon(soort: BriefSoort, blokken: dict) -> dict[str, dict[str, str]]:
    """Only the kind's text blocks, as stripped strings (line breaks as ``\\n``)."""
    uit = {}
    for blok in BLOKKEN[soort].tekstblokken:
        deel = blokken.get(blok.sleutel) or {}
        uit[blok.sleutel] = {
            "kop": str(deel.get("kop", "")).strip(),
            "tekst": str(deel.get("tekst", "")).replace("\r\n", "\n").strip(),
        }
    return uit


@transaction.atomic
def tekst_opslaan(
    *,
    gemeente: Gemeente,
    soort: BriefSoort,
    onderwerp: str,
    blokken: dict,
    door: Medewerker,
    toelichting: str = "",
) -> BriefTekst:
    """Save a new version of the text of ``soort`` for ``gemeente``; it is in use from now on.

    Refused (ValidationError, per field) when a text holds template code or an unknown
    placeholder, or when a legally required part is empty or incomplete (blokken.py names each
    part with its article: the bezwaarclausule, Awb 3:45; the rights at melding, Wmo 2015 art.
    2.3.2 lid 2 and 6; the legal basis, Awb 3:46/3:47 (a vast block); the signature under mandate,
    Awb 10:10). Who saved it and when is in the version itself.
    """
    # Who: a functioneel beheerder of an execution organisation that serves this gemeente (the
    # views check it too; this is the rule itself, so no other caller skips it).
    if not (
        door.is_active
        and door.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
        and door.organisatie_id
        and not door.organisatie.is_partner
        and gemeente.pk in door.gemeente_ids
    ):
        raise PermissionDenied("Alleen een functioneel beheerder van deze gemeente past brieven aan.")
    soort = BriefSoort(soort)
    if soort not in BLOKKEN:
        raise ValidationError("De tekst van deze brief kunt u nog niet aanpassen.")
    fouten = controleer(soort, onderwerp=onderwerp, blokken=blokken)
    if fouten:
        per_veld: dict[str, list[str]] = {}
        for f in fouten:
            per_veld.setdefault(f.veld, []).append(f.bericht)
        raise ValidationError(per_veld)
    # Lock the gemeente so two saves at once get versions n and n+1, not n twice.
    Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()
    laatste = BriefTekst.objects.filter(gemeente=gemeente, soort=soort).aggregate(m=Max("versie"))["m"] or 0
    return BriefTekst.objects.create(
        gemeente=gemeente,
        soort=soort,
        versie=laatste + 1,
        onderwerp=onderwerp.strip(),
        blokken=schoon(soort, blokken),
        toelichting=toelichting.strip()[:2000],
        gemaakt_door=door,
    )


def standaardtekst(soort: BriefSoort) -> BriefTekst:
    """The standard text as an unsaved version (for the edit page and "terug naar de standaardtekst")."""
    return BriefTekst(
        soort=soort, versie=0, onderwerp=str(SOORTEN[soort].onderwerp), blokken=standaard_blokken(soort)
    )
