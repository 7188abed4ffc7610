"""What each opdracht sends, per the ZGW API specifications (Zaken API 1.x, Documenten API 1.x,
Besluiten API 1.x), always looking up before creating (exactly once; see zgw.services).

Endpoints used:
- Zaken API: GET/POST ``zaken`` (lookup by identificatie + bronorganisatie), PATCH ``zaken/{uuid}``
  (einddatumGepland); GET/POST ``rollen`` (initiator, natuurlijk_persoon with inpBsn); GET/POST
  ``statussen``; GET/POST ``zaakinformatieobjecten``.
- Documenten API: GET/POST ``enkelvoudiginformatieobjecten`` (lookup by identificatie +
  bronorganisatie; the PDF inline as base64 ``inhoud``).
- Besluiten API: GET/POST ``besluiten`` (lookup by identificatie + verantwoordelijkeOrganisatie);
  GET/POST ``besluitinformatieobjecten``.
"""

import base64
from datetime import datetime

from django.utils import timezone

from .client import ZgwClient, ZgwFout, endpoint
from .constants import OpdrachtSoort
from .models import Opdracht, ZgwZaak
from .services import melding_soort

VERTROUWELIJK = "vertrouwelijk"  # Wmo data are about health: never more open than this


def _zelfde_moment(tekst: str | None, moment: datetime) -> bool:
    try:
        gezet = datetime.fromisoformat((tekst or "").replace("Z", "+00:00"))
    except ValueError:
        return False
    if timezone.is_naive(gezet):
        gezet = timezone.make_aware(gezet, timezone.get_default_timezone())
    return abs((gezet - moment).total_seconds()) < 1


def zaak_verzekeren(zaak: ZgwZaak, client: ZgwClient, opdracht: Opdracht | None = None) -> str:
    """The zaak's URL: stored, found by our identificatie, or created; and its initiator rol."""
    k = zaak.koppeling
    melding = zaak.melding
    if not zaak.url:
        gevonden = client.zoek(
            endpoint(k.zaken_api, "zaken"),
            identificatie=zaak.identificatie,
            bronorganisatie=k.bronorganisatie,
        )
        if gevonden:
            zaak.url = gevonden[0]["url"]
        else:
            body = {
                "identificatie": zaak.identificatie,
                "bronorganisatie": k.bronorganisatie,
                "verantwoordelijkeOrganisatie": k.verantwoordelijke_organisatie,
                "zaaktype": k.zaaktype_voor(melding_soort(melding)),
                "omschrijving": f"Wmo-melding {melding.kenmerk}"[:80],
                "registratiedatum": timezone.localdate().isoformat(),
                "startdatum": melding.ontvangen_datum.isoformat(),
                "vertrouwelijkheidaanduiding": VERTROUWELIJK,
            }
            einddatum = opdracht.einddatum if opdracht and opdracht.soort == OpdrachtSoort.ZAAK else None
            if einddatum:
                body["einddatumGepland"] = einddatum.isoformat()
            zaak.url = client.maak(endpoint(k.zaken_api, "zaken"), body)["url"]
        zaak.save(update_fields=["url"])
    if not zaak.rol_url:
        bsn = melding.inwoner.bsn
        rollen = client.zoek(
            endpoint(k.zaken_api, "rollen"),
            zaak=zaak.url,
            betrokkeneType="natuurlijk_persoon",
            roltype=k.roltype_initiator,
        )
        bestaand = [r for r in rollen if (r.get("betrokkeneIdentificatie") or {}).get("inpBsn") == bsn]
        if bestaand:
            zaak.rol_url = bestaand[0]["url"]
        else:
            zaak.rol_url = client.maak(
                endpoint(k.zaken_api, "rollen"),
                {
                    "zaak": zaak.url,
                    "betrokkeneType": "natuurlijk_persoon",
                    "roltype": k.roltype_initiator,
                    "roltoelichting": "De inwoner voor wie de melding is",
                    # Data minimisation: the BSN identifies; the zaaksysteem has the BRP for the rest.
                    "betrokkeneIdentificatie": {"inpBsn": bsn},
                },
            )["url"]
        zaak.save(update_fields=["rol_url"])
    return zaak.url


def document_verzekeren(opdracht: Opdracht, zaak: ZgwZaak, client: ZgwClient, brief) -> str:
    """The letter as enkelvoudiginformatieobject, linked to the zaak; returns the document's URL."""
    k = zaak.koppeling
    zaak_url = zaak_verzekeren(zaak, client)
    identificatie = f"{zaak.identificatie}-B{brief.pk}"
    eio_url = opdracht.urls.get("informatieobject") if opdracht.soort == OpdrachtSoort.DOCUMENT else None
    if not eio_url:
        gevonden = client.zoek(
            endpoint(k.documenten_api, "enkelvoudiginformatieobjecten"),
            identificatie=identificatie,
            bronorganisatie=k.bronorganisatie,
        )
        if gevonden:
            eio_url = gevonden[0]["url"]
        else:
            verstuurd = timezone.localdate(brief.verstuurd_op)
            eio_url = client.maak(
                endpoint(k.documenten_api, "enkelvoudiginformatieobjecten"),
                {
                    "identificatie": identificatie,
                    "bronorganisatie": k.bronorganisatie,
                    "creatiedatum": verstuurd.isoformat(),
                    "verzenddatum": verstuurd.isoformat(),
                    "titel": f"{brief.get_soort_display()} {zaak.identificatie}"[:200],
                    "vertrouwelijkheidaanduiding": VERTROUWELIJK,
                    "auteur": (brief.verstuurd_door.get_full_name() or "Keukentafel")[:200],
                    "status": "definitief",
                    "formaat": "application/pdf",
                    "taal": "nld",
                    "bestandsnaam": f"{identificatie}.pdf",
                    "inhoud": base64.b64encode(bytes(brief.pdf)).decode("ascii"),
                    "informatieobjecttype": k.informatieobjecttype,
                    "indicatieGebruiksrecht": False,
                },
            )["url"]
        if opdracht.soort == OpdrachtSoort.DOCUMENT:
            opdracht.urls["informatieobject"] = eio_url
    links = client.zoek(
        endpoint(k.zaken_api, "zaakinformatieobjecten"), zaak=zaak_url, informatieobject=eio_url
    )
    if links:
        zio_url = links[0]["url"]
    else:
        zio_url = client.maak(
            endpoint(k.zaken_api, "zaakinformatieobjecten"),
            {"zaak": zaak_url, "informatieobject": eio_url, "titel": brief.get_soort_display()[:200]},
        )["url"]
    if opdracht.soort == OpdrachtSoort.DOCUMENT:
        opdracht.urls["zaakinformatieobject"] = zio_url
    return eio_url


def _status(opdracht: Opdracht, zaak: ZgwZaak, client: ZgwClient) -> None:
    from meldingen.constants import MeldingStatus

    k = zaak.koppeling
    statustype = k.statustype_voor(opdracht.melding_status)
    if not statustype:  # the mapping was emptied after it was queued: nothing to send
        return
    zaak_url = zaak_verzekeren(zaak, client)
    for status in client.zoek(endpoint(k.zaken_api, "statussen"), zaak=zaak_url, statustype=statustype):
        if _zelfde_moment(status.get("datumStatusGezet"), opdracht.moment):
            opdracht.urls["status"] = status["url"]
            return
    opdracht.urls["status"] = client.maak(
        endpoint(k.zaken_api, "statussen"),
        {
            "zaak": zaak_url,
            "statustype": statustype,
            "datumStatusGezet": opdracht.moment.isoformat(),
            "statustoelichting": str(MeldingStatus(opdracht.melding_status).label),
        },
    )["url"]


def _besluit(opdracht: Opdracht, zaak: ZgwZaak, client: ZgwClient) -> None:
    k = zaak.koppeling
    beschikking = opdracht.beschikking
    zaak_url = zaak_verzekeren(zaak, client)
    identificatie = f"{zaak.identificatie}-BS{beschikking.pk}"
    besluit_url = opdracht.urls.get("besluit")
    if not besluit_url:
        gevonden = client.zoek(
            endpoint(k.besluiten_api, "besluiten"),
            identificatie=identificatie,
            verantwoordelijkeOrganisatie=k.verantwoordelijke_organisatie,
        )
        if gevonden:
            besluit_url = gevonden[0]["url"]
        else:
            datum = beschikking.bekendgemaakt_op or timezone.localdate()
            body = {
                "identificatie": identificatie,
                "verantwoordelijkeOrganisatie": k.verantwoordelijke_organisatie,
                "besluittype": k.besluittype,
                "zaak": zaak_url,
                "datum": datum.isoformat(),
                "ingangsdatum": datum.isoformat(),
                "verzenddatum": datum.isoformat(),
                "toelichting": f"Beschikking Wmo 2015 over {zaak.identificatie}",
            }
            if beschikking.bezwaar_deadline:
                # "De datum tot wanneer verweer tegen het besluit mogelijk is": the bezwaar term (Awb 6:7).
                body["uiterlijkeReactiedatum"] = beschikking.bezwaar_deadline.isoformat()
            besluit_url = client.maak(endpoint(k.besluiten_api, "besluiten"), body)["url"]
        opdracht.urls["besluit"] = besluit_url
    if beschikking.brief_id:
        eio_url = document_verzekeren(opdracht, zaak, client, beschikking.brief)
        links = client.zoek(
            endpoint(k.besluiten_api, "besluitinformatieobjecten"),
            besluit=besluit_url,
            informatieobject=eio_url,
        )
        opdracht.urls["besluitinformatieobject"] = (
            links[0]["url"]
            if links
            else client.maak(
                endpoint(k.besluiten_api, "besluitinformatieobjecten"),
                {"besluit": besluit_url, "informatieobject": eio_url},
            )["url"]
        )


def _einddatum(opdracht: Opdracht, zaak: ZgwZaak, client: ZgwClient) -> None:
    zaak_url = zaak_verzekeren(zaak, client)
    client.wijzig(zaak_url, {"einddatumGepland": opdracht.einddatum.isoformat()})


def uitvoeren(opdracht: Opdracht, zaak: ZgwZaak, client: ZgwClient) -> None:
    """Send one opdracht; raises ZgwFout. URLs the zaaksysteem returned are stored as they come."""
    if opdracht.soort == OpdrachtSoort.ZAAK:
        opdracht.urls["zaak"] = zaak_verzekeren(zaak, client, opdracht)
        opdracht.urls["rol"] = zaak.rol_url
    elif opdracht.soort == OpdrachtSoort.STATUS:
        _status(opdracht, zaak, client)
    elif opdracht.soort == OpdrachtSoort.DOCUMENT:
        document_verzekeren(opdracht, zaak, client, opdracht.brief)
    elif opdracht.soort == OpdrachtSoort.BESLUIT:
        _besluit(opdracht, zaak, client)
    elif opdracht.soort == OpdrachtSoort.EINDDATUM:
        _einddatum(opdracht, zaak, client)
    else:  # pragma: no cover - the CheckConstraint keeps other kinds out
        raise ZgwFout(f"Onbekende soort opdracht: {opdracht.soort}")
