"""The gemeente's zaaktypecatalogus (ZGW Catalogi API 1.x, scope ``catalogi.lezen``): the lists
beheer picks the catalogue types from, and the check that the chosen types belong together.

Keukentafel stores the types as URLs (ZgwKoppeling). Pasting them by hand let a typo through
until the first zaak failed; with the Catalogi API set:

- ``keuzes_ophalen`` reads the definitive zaaktypen, informatieobjecttypen and besluittypen of the
  catalogus (``GET /zaaktypen?catalogus=&status=definitief``, ``/informatieobjecttypen``,
  ``/besluittypen``), and for the chosen zaaktype its statustypen (``GET /statustypen?zaaktype=``)
  and initiator roltypen (``GET /roltypen?zaaktype=&omschrijvingGeneriek=initiator``); every list
  is paginated and read to its end (ZgwClient.alle).
- ``typen_controleren`` reads the chosen zaaktypen and the roltype and checks what the
  specification links: a zaaktype is definitief (``concept`` false; Open Zaak refuses a zaak of a
  concept zaaktype), the statustypen are in ``zaaktype.statustypen``, the informatieobjecttype in
  ``zaaktype.informatieobjecttypen``, the besluittype in ``zaaktype.besluittypen``, and
  ``roltype.zaaktype`` is the zaaktype with ``omschrijvingGeneriek`` "initiator". It returns a
  Dutch message per field; when the Catalogi API does not answer it raises ZgwFout, and the caller
  decides (beheer saves what was typed, and says it was not checked).

The statustypen, roltype, informatieobjecttype and besluittype are checked against the zaaktype for
a melding. The koppeling has one set of them for all its zaaktypen, so a different zaaktype for
spoed or herindicatie must list them too (``zaaktype.statustypen``, ``.roltypen``, ...), or the
zaaksysteem would refuse the status, rol, document and besluit of those zaken.
"""

from dataclasses import dataclass, field

from .client import ZgwClient, ZgwFout, endpoint
from .models import ZgwKoppeling

ZAAKTYPE_VELDEN = ("zaaktype", "zaaktype_spoed", "zaaktype_herindicatie")
STATUSTYPE_VELDEN = (
    "statustype_ontvangen",
    "statustype_in_onderzoek",
    "statustype_verslag_verstuurd",
    "statustype_aanvraag_ontvangen",
    "statustype_besloten",
    "statustype_afgesloten",
)
# The fields read from the Catalogi API, and the fields needed to reach it.
TYPE_VELDEN = (
    *ZAAKTYPE_VELDEN,
    "roltype_initiator",
    *STATUSTYPE_VELDEN,
    "informatieobjecttype",
    "besluittype",
)
VERBINDING_VELDEN = ("catalogi_api", "catalogus", "client_id", "secret_naam", "timeout_seconden")


@dataclass(frozen=True)
class Keuze:
    url: str
    label: str


@dataclass
class Keuzes:
    """What beheer can pick from; the statustypen and roltypen are those of ``zaaktype`` ('' when
    no zaaktype was chosen yet)."""

    zaaktypen: list[Keuze] = field(default_factory=list)
    informatieobjecttypen: list[Keuze] = field(default_factory=list)
    besluittypen: list[Keuze] = field(default_factory=list)
    statustypen: list[Keuze] = field(default_factory=list)
    roltypen: list[Keuze] = field(default_factory=list)
    zaaktype: str = ""
    zaaktype_omschrijving: str = ""

    def voor_veld(self, naam: str) -> list[Keuze] | None:
        """The choices for one form field; None when there is nothing to choose from yet."""
        if naam in ZAAKTYPE_VELDEN:
            return self.zaaktypen
        if naam == "informatieobjecttype":
            return self.informatieobjecttypen
        if naam == "besluittype":
            return self.besluittypen
        if not self.zaaktype:
            return None
        if naam in STATUSTYPE_VELDEN:
            return self.statustypen
        if naam == "roltype_initiator":
            return self.roltypen
        return None


class CatalogiClient(ZgwClient):
    """The same token as for the other APIs (client id and secret of the koppeling), on behalf of
    the beheerder for the zaaksysteem's audit trail. A 401/403 says which scope is needed."""

    def verzoek(self, methode: str, url: str, **kwargs):
        try:
            return super().verzoek(methode, url, **kwargs)
        except ZgwFout as fout:
            if fout.status in (401, 403):
                raise ZgwFout(
                    f"{fout} Geef Keukentafel in het zaaksysteem de scope catalogi.lezen.", status=fout.status
                ) from None
            raise


def client(koppeling: ZgwKoppeling, door) -> ZgwClient:
    return CatalogiClient(
        koppeling,
        user_id=door.get_username(),
        user_representation=door.get_full_name() or door.get_username(),
    )


def _label(obj: dict, *, extra: str = "") -> str:
    omschrijving = str(obj.get("omschrijving") or "").strip() or "(zonder omschrijving)"
    delen = [str(x) for x in (obj.get("identificatie"), extra) if x]
    if obj.get("beginGeldigheid"):
        delen.append(f"geldig vanaf {_datum(obj['beginGeldigheid'])}")
    return f"{omschrijving} ({', '.join(delen)})" if delen else omschrijving


MAANDEN = ("januari februari maart april mei juni juli augustus september oktober november december").split()


def _datum(iso: str) -> str:
    """'2026-04-07' -> '7 april 2026' (a date of the API as it is written; no time zone involved)."""
    try:
        jaar, maand, dag = (int(x) for x in str(iso)[:10].split("-"))
        return f"{dag} {MAANDEN[maand - 1]} {jaar}"
    except (ValueError, IndexError):
        return str(iso)[:10]


def _keuzes(objecten: list[dict], **kwargs) -> list[Keuze]:
    keuzes = [
        Keuze(str(o["url"]), _label(o, **kwargs)) for o in objecten if isinstance(o, dict) and o.get("url")
    ]
    return sorted(keuzes, key=lambda k: k.label.casefold())


def keuzes_ophalen(koppeling: ZgwKoppeling, *, door) -> Keuzes:
    """The lists for beheer (raises ZgwFout when the Catalogi API does not answer)."""
    api = koppeling.catalogi_api
    zgw = client(koppeling, door)
    per_catalogus = {"catalogus": koppeling.catalogus} if koppeling.catalogus else {}
    zaaktypen = zgw.alle(endpoint(api, "zaaktypen"), **per_catalogus, status="definitief")
    keuzes = Keuzes(
        zaaktypen=_keuzes(zaaktypen),
        informatieobjecttypen=_keuzes(
            zgw.alle(endpoint(api, "informatieobjecttypen"), **per_catalogus, status="definitief")
        ),
        besluittypen=_keuzes(zgw.alle(endpoint(api, "besluittypen"), **per_catalogus, status="definitief")),
    )
    gekozen = next((z for z in zaaktypen if isinstance(z, dict) and z.get("url") == koppeling.zaaktype), None)
    if gekozen is None:
        return keuzes
    keuzes.zaaktype = koppeling.zaaktype
    keuzes.zaaktype_omschrijving = str(gekozen.get("omschrijving") or "")
    statustypen = zgw.alle(endpoint(api, "statustypen"), zaaktype=koppeling.zaaktype)
    statustypen = sorted(
        (s for s in statustypen if isinstance(s, dict) and s.get("url")),
        key=lambda s: (int(s.get("volgnummer") or 0), str(s.get("omschrijving") or "")),
    )
    keuzes.statustypen = [
        Keuze(str(s["url"]), f"{s.get('volgnummer')}. {s.get('omschrijving') or '(zonder omschrijving)'}")
        for s in statustypen
    ]
    keuzes.roltypen = _keuzes(
        zgw.alle(endpoint(api, "roltypen"), zaaktype=koppeling.zaaktype, omschrijvingGeneriek="initiator")
    )
    return keuzes


def _onder(url: str, basis: str) -> bool:
    return url.startswith(basis.rstrip("/") + "/")


def _lees(zgw: ZgwClient, url: str) -> dict | None:
    """One catalogue object; None when the API says it does not exist (404, 410) or it is no object.
    Any other failure (no answer, time-out, 5xx, 403) is raised: the Catalogi API did not answer."""
    try:
        antwoord = zgw.verzoek("GET", url)
    except ZgwFout as fout:
        if fout.status in (400, 404, 410):
            return None
        raise
    return antwoord if isinstance(antwoord, dict) and antwoord.get("url") else None


def typen_controleren(koppeling: ZgwKoppeling, *, door) -> dict[str, str]:
    """Field name -> what is wrong with it ({} when all is well); raises ZgwFout when the Catalogi
    API does not answer. Only the fields that are filled in are checked."""
    api = koppeling.catalogi_api
    zgw = client(koppeling, door)
    fouten: dict[str, str] = {}
    gelezen: dict[str, dict] = {}
    for naam in ZAAKTYPE_VELDEN:
        url = getattr(koppeling, naam)
        if not url:
            continue
        if not _onder(url, api):
            fouten[naam] = (
                "Dit adres hoort niet bij de Catalogi API die hierboven staat. Kies het zaaktype uit de lijst."
            )
            continue
        zaaktype = gelezen.get(url) or _lees(zgw, url)
        if zaaktype is None:
            fouten[naam] = "Dit zaaktype bestaat niet in de Catalogi API. Kies het zaaktype uit de lijst."
            continue
        gelezen[url] = zaaktype
        if zaaktype.get("concept", True) is not False:
            fouten[naam] = (
                f"Het zaaktype ‘{zaaktype.get('omschrijving', '')}’ is nog een concept. Publiceer het eerst in "
                "de catalogus, of kies een definitief zaaktype."
            )
        elif koppeling.catalogus and zaaktype.get("catalogus") != koppeling.catalogus:
            fouten[naam] = "Dit zaaktype hoort bij een andere catalogus dan de catalogus die hierboven staat."

    zaaktype = gelezen.get(koppeling.zaaktype)
    if zaaktype is None:
        return fouten  # the rest is checked against the zaaktype: first that one must be right
    naam_zaaktype = zaaktype.get("omschrijving", "")
    lijsten = {
        **dict.fromkeys(STATUSTYPE_VELDEN, ("statustypen", "Dit statustype")),
        "informatieobjecttype": ("informatieobjecttypen", "Dit informatieobjecttype"),
        "besluittype": ("besluittypen", "Dit besluittype"),
    }
    for naam, (lijst, wat) in lijsten.items():
        url = getattr(koppeling, naam)
        if url and url not in (zaaktype.get(lijst) or []):
            fouten[naam] = (
                f"{wat} hoort niet bij het zaaktype ‘{naam_zaaktype}’. Kies er een uit de lijst, of koppel het "
                "in de catalogus aan het zaaktype."
            )

    # A zaak of the spoed or herindicatie zaaktype gets the same statustypen, roltype,
    # informatieobjecttype and besluittype: the zaaksysteem refuses them unless that zaaktype has
    # them too (each belongs to one zaaktype in the Catalogi API).
    for naam in ZAAKTYPE_VELDEN[1:]:
        ander = gelezen.get(getattr(koppeling, naam))
        if naam in fouten or ander is None or ander is zaaktype:
            continue
        lijsten_ander = {**lijsten, "roltype_initiator": ("roltypen", "")}
        vreemd = [
            str(ZgwKoppeling._meta.get_field(n).verbose_name)
            for n, (lijst, _wat) in lijsten_ander.items()
            if getattr(koppeling, n) and getattr(koppeling, n) not in (ander.get(lijst) or [])
        ]
        if vreemd:
            fouten[naam] = (
                f"Het zaaktype ‘{ander.get('omschrijving', '')}’ kent niet alle typen hieronder "
                f"({', '.join(vreemd)}): het zaaksysteem zou die bij deze zaken weigeren. Laat dit veld leeg, "
                "dan krijgen ook deze meldingen het zaaktype voor een melding."
            )

    url = koppeling.roltype_initiator
    if url:
        roltype = _lees(zgw, url) if _onder(url, api) else None
        if roltype is None:
            fouten["roltype_initiator"] = (
                "Dit roltype bestaat niet in de Catalogi API. Kies het roltype uit de lijst."
            )
        elif roltype.get("zaaktype") != koppeling.zaaktype:
            fouten["roltype_initiator"] = f"Dit roltype hoort niet bij het zaaktype ‘{naam_zaaktype}’."
        elif roltype.get("omschrijvingGeneriek") != "initiator":
            fouten["roltype_initiator"] = (
                "Dit roltype is niet voor de initiator (de inwoner die de melding deed): kies een roltype "
                "met ‘omschrijving generiek’ initiator."
            )
    return fouten
