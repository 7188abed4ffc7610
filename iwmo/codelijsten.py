"""The iWmo 3.2 code lists the message traffic uses (Zorginstituut Nederland, iStandaarden).

Generated once from the enumerations in iwmo/xsd/basisschema.xsd (release 3.2, BasisschemaXsdVersie
1.0.0): the labels are the schema's own words. COD002 (berichtcode) is a Vektis list that the
schema does not enumerate; it is copied from the published list. The catalogue's lists (WMO020,
WJ756, WMO757) live in wmo.codelijsten, because the core uses them.
"""

from django.db import models

# The person's code lists and WMO002 sit in the core: the Inwoner (meldingen) records the first,
# the beschikking (aanvragen) the reason a voorziening ends early.
from wmo.codelijsten import (  # noqa: F401
    AdresSoort,
    Communicatievorm,
    Geslacht,
    JuridischeStatus,
    NaamGebruik,
    RedenWijziging,
    WettelijkeVertegenwoordiging,
)


class RedenBeeindiging(models.TextChoices):
    """WMO588 Reden beëindiging."""

    OVERLIJDEN = "02", "Overlijden"
    LEVERING_VOLGENS_PLAN_BEEINDIGD = "19", "Levering volgens plan beeindigd"
    LEVERING_IS_TIJDELIJK_BEEINDIGD = "20", "Levering is tijdelijk beeindigd"
    LEVERING_IS_EENZIJDIG_DOOR_CLIENT = "21", "Levering is eenzijdig door client beeindigd"
    LEVERING_IS_EENZIJDIG_DOOR_AANBIEDER = "22", "Levering is eenzijdig door aanbieder beeindigd"
    LEVERING_IS_IN_OVEREENSTEMMING_VOORTIJDIG = "23", "Levering is in overeenstemming voortijdig beeindigd"
    VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE = "31", "Verhuizing naar een andere gemeente"
    GEINITIEERD_DOOR_DE_GEMEENTE = "36", "Geinitieerd door de gemeente"
    IN_VERBAND_MET_WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    OVERSTAP_NAAR_ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    UITSTROOM_NAAR_ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


class Retourcode(models.TextChoices):
    """WJ001 Retourcode (the schema's full list)."""

    C_0001 = "0001", "0001 Bericht is afgekeurd om technische redenen."
    C_0200 = "0200", "0200 Geen opmerking over deze berichtklasse."
    C_0233 = "0233", "0233 Berichtklasse is niet beoordeeld."
    C_0611 = "0611", "0611 Het ingediende tarief komt niet overeen met het contractuele tarief"
    C_8001 = "8001", "8001 Declaratie is volledig toegewezen."
    C_8017 = "8017", "8017 Van deze credit prestatie is geen debet prestatie bekend."
    C_8021 = "8021", "8021 Referentienummer prestatie is reeds aangeleverd."
    C_8187 = "8187", "8187 De prestatie hoort niet bij deze client."
    C_8214 = (
        "8214",
        "8214 DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
    )
    C_8848 = "8848", "8848 Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen."
    C_9019 = "9019", "9019 Het regie bericht kan niet gekoppeld worden aan een toewijzing."
    C_9056 = "9056", "9056 Identificatie moet per berichtsoort uniek zijn voor de verzendende partij."
    C_9063 = "9063", "9063 Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is."
    C_9069 = "9069", "9069 Er is geen actueel startbericht met dezelfde sleutel."
    C_9071 = "9071", "9071 Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is"
    C_9074 = "9074", "9074 Er is al een eerder bericht ontvangen met dezelfde sleutel."
    C_9307 = "9307", "9307 Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    C_9308 = "9308", "9308 Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    C_9319 = "9319", "9319 De ProductPeriode valt niet geheel binnen een DeclaratiePeriode."
    C_9321 = "9321", "9321 Het ingediende volume overschrijdt het toegewezen volume."
    C_9322 = "9322", "9322 De som van de ingediende volumes overschrijdt het toegewezen volume"
    C_9326 = "9326", "9326 De actuele levering is nog niet gestopt met een Stopbericht."
    C_9332 = "9332", "9332 Toewijzing heeft geen uniek nummer binnen wettelijk domein."
    C_9333 = "9333", "9333 Declaratienummer is niet uniek"
    C_9338 = (
        "9338",
        "9338 Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer",
    )
    C_9339 = (
        "9339",
        "9339 ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
    )
    C_9340 = (
        "9340",
        "9340 ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
    )
    C_9341 = "9341", "9341 Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct"
    C_9346 = (
        "9346",
        "9346 Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
    )
    C_9347 = "9347", "9347 ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein"
    C_9349 = (
        "9349",
        "9349 Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct",
    )
    C_9350 = (
        "9350",
        "9350 OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
    )
    C_9351 = (
        "9351",
        "9351 TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
    )
    C_9355 = (
        "9355",
        "9355 ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging",
    )
    C_9357 = (
        "9357",
        "9357 GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
    )
    C_9359 = "9359", "9359 Er is al een toewijzing gestuurd met deze ReferentieAanbieder."
    C_9360 = (
        "9360",
        "9360 Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
    )
    C_9361 = "9361", "9361 Het product komt vaker voor met overlappende zorgperiodes."
    C_9365 = (
        "9365",
        "9365 Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft.",
    )
    C_9366 = "9366", "9366 ProductReferentie komt niet voor in een Declaratiebericht"
    C_9367 = (
        "9367",
        "9367 De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie",
    )
    C_9369 = (
        "9369",
        "9369 Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
    )
    C_9373 = (
        "9373",
        "9373 Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing",
    )
    C_9374 = "9374", "9374 Er is al een verzoek onderhanden."
    C_9375 = (
        "9375",
        "9375 Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is",
    )
    C_9379 = (
        "9379",
        "9379 ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld",
    )
    C_9384 = "9384", '9384 Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)'
    C_9385 = "9385", "9385 Toewijzing heeft goedgekeurde declaratieregels"
    C_9387 = (
        "9387",
        "9387 Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand",
    )
    C_9388 = (
        "9388",
        "9388 Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
    )
    C_9389 = "9389", "9389 Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie"
    C_9390 = "9390", "9390 Er is al een Prestatie met gelijk ProductReferentie met waarde Credit"
    C_9411 = (
        "9411",
        "9411 Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
    )
    C_9412 = (
        "9412",
        "9412 Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is",
    )
    C_9413 = (
        "9413",
        "9413 StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
    )
    C_9414 = (
        "9414",
        "9414 Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum",
    )
    C_9415 = (
        "9415",
        "9415 Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
    )
    C_S300 = "S300", "S300 Gemeentecode komt niet voor in de lijst van CBS."
    C_S329 = "S329", "S329 ProductCode hoort niet bij de ProductCategorie."


class Berichtcode(models.TextChoices):
    """COD002 (Vektis) Berichtcode: the header's BerichtCode per message kind."""

    WMO301 = "414", "WMO301"
    WMO302 = "415", "WMO302"
    WMO305 = "418", "WMO305"
    WMO306 = "419", "WMO306"
    WMO307 = "420", "WMO307"
    WMO308 = "421", "WMO308"
    WMO315 = "444", "WMO315"
    WMO316 = "445", "WMO316"
    WMO317 = "480", "WMO317"
    WMO318 = "481", "WMO318"
    WMO319 = "482", "WMO319"
    WMO320 = "483", "WMO320"
    WMO323 = "484", "WMO323"
    WMO325 = "485", "WMO325"
