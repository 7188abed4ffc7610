"""Reads of aanvragen: open ones, who may see them, and their deadline state for the dashboards."""

from django.db import models

from wmo.lijsten import KeptRijen


class AanvraagQuerySet(models.QuerySet):
    def open(self) -> "AanvraagQuerySet":
        """Not decided yet: the beslistermijn still matters."""
        return self.filter(besloten_op__isnull=True)

    def zichtbaar_voor(self, user) -> "AanvraagQuerySet":
        """Exactly the aanvragen of the meldingen the user may see: the rule of meldingen.query.scope
        on the aanvraag's copy of the melding's team, gemeente and consulent (meldingen.kopie)."""
        from meldingen.query import scope

        voorwaarde = scope(user)
        return self.none() if voorwaarde is None else self.filter(voorwaarde)

    def met_termijnstatus(self) -> "AanvraagQuerySet":
        """Annotate ``termijnstatus`` of the beslistermijn in SQL (wmo.termijnstatus): gehaald or
        te laat gehaald once decided, "opgeschort" while there is no deadline."""
        from wmo.termijnstatus import termijnstatus_case

        return self.annotate(
            termijnstatus=termijnstatus_case("beslis_deadline", "besloten_op", gemeente="gemeente")
        )


def _eigen(user, pad: str = ""):
    """The user's own dossiers: in scope and assigned to the user, read from the beschikking's copy
    of its melding's team, gemeente and consulent (meldingen.kopie)."""
    from django.db.models import Q

    from meldingen.query import scope

    voorwaarde = scope(user, pad=pad)
    return Q(pk__in=[]) if voorwaarde is None else voorwaarde & Q(**{f"{pad}consulent": user})


def aflopende_voorzieningen(user, vandaag):
    """Granted voorzieningen of the user's own dossiers that end within the gemeente's
    ``einddatum_signaal_weken`` (default EINDDATUM_SIGNAAL_WEKEN): time to plan a herindicatie (or
    to let the voorziening end on purpose). The period is read in SQL from the joined gemeente:
    einddatum - weeks * 7 days <= vandaag, so no query per gemeente."""
    from datetime import timedelta

    from django.db.models import DateField, DurationField, ExpressionWrapper, F, IntegerField
    from django.db.models.functions import Cast

    from .models import BeschikkingRegel

    return (
        BeschikkingRegel.objects.alias(
            signaal_vanaf=Cast(
                F("einddatum")
                - ExpressionWrapper(
                    # Cast: SQLite multiplies a duration only by a plain IntegerField, not by the
                    # PositiveSmallIntegerField the setting is (the quick start runs on SQLite).
                    Cast("beschikking__gemeente__einddatum_signaal_weken", IntegerField())
                    * timedelta(weeks=1),
                    output_field=DurationField(),
                ),
                output_field=DateField(),
            )
        )
        .filter(
            beschikking__status="verstuurd",
            einddatum__gte=vandaag,
            signaal_vanaf__lte=vandaag,
        )
        .filter(_eigen(user, pad="beschikking__"))
        .exclude(uitkomst="afgewezen")
        .select_related("voorziening", "beschikking__aanvraag__melding__inwoner")
        .order_by("einddatum", "pk")
    )


def open_nazorg(user):
    """Evaluation calls still to make in the user's own dossiers, the most urgent first."""

    from .models import Beschikking

    return (
        Beschikking.objects.filter(_eigen(user), nazorg_op__isnull=False, nazorg_gedaan_op__isnull=True)
        .select_related("aanvraag__melding__inwoner")
        .order_by("nazorg_op", "pk")
    )


def aanvragen_van_melding(melding) -> list:
    """The melding's aanvragen with their beslistermijn state, for the melding page (one query)."""
    from .models import Aanvraag

    return list(
        Aanvraag.objects.filter(melding=melding)
        .select_related("beschikking")
        .met_termijnstatus()
        .annotate(aantal_bezwaren=models.Count("beschikking__bezwaren"))
        .order_by("-ontvangen_op", "-id")
    )


def _signalen_delen(user, vandaag) -> dict:
    """The lists of ``werkvoorraad_signalen``: {name: (queryset, columns)} for wmo.lijsten."""
    from django.db.models import CharField, Value

    def kolommen(pad: str, **eigen) -> dict:
        inwoner = f"{pad}aanvraag__melding__inwoner"
        return {
            "pk": "pk",
            "inwoner_id": f"{pad}aanvraag__melding__inwoner_id",
            "voornamen": f"{inwoner}__voornamen",
            "tussenvoegsel": f"{inwoner}__tussenvoegsel",
            "achternaam": f"{inwoner}__achternaam",
            **eigen,
        }

    return {
        "nazorg": (
            open_nazorg(user),
            kolommen("", datum="nazorg_op", voorziening=Value("", output_field=CharField())),
        ),
        "aflopend": (
            aflopende_voorzieningen(user, vandaag),
            kolommen("beschikking__", datum="einddatum", voorziening="voorziening__naam"),
        ),
    }


# The lists' UNION is built and compiled once per shape, not per request (issue 14).
_SIGNALEN = KeptRijen(_signalen_delen, limit=50)


def werkvoorraad_signalen(user, vandaag) -> dict:
    """For the consulent's werkvoorraad: nazorg calls to make, and granted voorzieningen ending
    soon, in one query whose SQL is kept per shape (wmo.lijsten.KeptRijen): rows with what the
    list shows, at most 50 per list."""
    from meldingen.query import inwoner_naam

    lijsten = _SIGNALEN.lezen(user, vandaag=vandaag)
    for rij in (*lijsten["nazorg"], *lijsten["aflopend"]):
        rij.inwoner_naam = inwoner_naam(rij.voornamen, rij.tussenvoegsel, rij.achternaam)
    return lijsten
