"""The list for the yearly cliëntervaringsonderzoek (Wmo 2015 art. 2.5.1)."""

from datetime import date

from django.db.models import CharField, F, Func, Q, Value

from aanvragen.constants import BeschikkingStatus, Uitkomst
from aanvragen.models import BeschikkingRegel
from meldingen.models import Melding


def clientervaringsonderzoek(
    user,
    *,
    jaar: int,
    gemeente: int | None = None,
    productgroep: str = "",
    aantal: int | None = None,
    zaad: str = "",
) -> list[dict]:
    """Inwoners who had a maatwerkvoorziening (granted in a sent beschikking) running at some
    point in ``jaar``, without those who opted out of research; one row per inwoner.

    ``aantal`` draws a random sample: ordered by md5(inwoner id + ``zaad``), so the same seed
    gives the same sample again (reproducible for the research bureau). One query.
    """
    from django.contrib.postgres.aggregates import StringAgg

    regels = BeschikkingRegel.objects.filter(
        beschikking__status=BeschikkingStatus.VERSTUURD,
        beschikking__aanvraag__melding__in=Melding.objects.zichtbaar_voor(user),
        ingangsdatum__lte=date(jaar, 12, 31),
    ).exclude(uitkomst=Uitkomst.AFGEWEZEN)
    regels = regels.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=date(jaar, 1, 1)))
    regels = regels.exclude(beschikking__aanvraag__melding__inwoner__geen_clientervaringsonderzoek=True)
    if gemeente:
        regels = regels.filter(beschikking__aanvraag__melding__gemeente_id=gemeente)
    if productgroep:
        regels = regels.filter(voorziening__iwmo_productcategorie=productgroep)
    inwoner = "beschikking__aanvraag__melding__inwoner"
    qs = (
        regels.order_by()
        .values(
            inwoner_id=F(f"{inwoner}__id"),
            bsn=F(f"{inwoner}__bsn"),
            voornamen=F(f"{inwoner}__voornamen"),
            tussenvoegsel=F(f"{inwoner}__tussenvoegsel"),
            achternaam=F(f"{inwoner}__achternaam"),
            geboortedatum=F(f"{inwoner}__geboortedatum"),
            straat=F(f"{inwoner}__straat"),
            huisnummer=F(f"{inwoner}__huisnummer"),
            huisnummer_toevoeging=F(f"{inwoner}__huisnummer_toevoeging"),
            postcode=F(f"{inwoner}__postcode"),
            woonplaats=F(f"{inwoner}__woonplaats"),
            gemeente=F("beschikking__aanvraag__melding__gemeente__naam"),
        )
        .annotate(
            productgroepen=StringAgg(
                "voorziening__iwmo_productcategorie",
                delimiter=" ",
                distinct=True,
                order_by="voorziening__iwmo_productcategorie",
            )
        )
    )
    if aantal:
        sleutel = Func(F("inwoner_id"), Value(zaad), function="CONCAT", output_field=CharField())
        qs = qs.order_by(Func(sleutel, function="MD5", output_field=CharField()), "inwoner_id")[:aantal]
    else:
        qs = qs.order_by("gemeente", "achternaam", "inwoner_id")
    return list(qs)
