"""Reads of aanvragen: open ones, who may see them, and their deadline state for the dashboards."""

from django.db import models


class AanvraagQuerySet(models.QuerySet):
    def open(self) -> "AanvraagQuerySet":
        """Not decided yet: the beslistermijn still matters."""
        return self.filter(besloten_op__isnull=True)

    def zichtbaar_voor(self, user) -> "AanvraagQuerySet":
        """Exactly the aanvragen of the meldingen the user may see (MeldingQuerySet holds the rule)."""
        from meldingen.models import Melding

        return self.filter(melding__in=Melding.objects.zichtbaar_voor(user))

    def met_termijnstatus(self) -> "AanvraagQuerySet":
        """Annotate ``termijnstatus`` of the beslistermijn in SQL (wmo.termijnstatus): gehaald or
        te laat gehaald once decided, "opgeschort" while there is no deadline."""
        from wmo.termijnstatus import termijnstatus_case

        return self.annotate(termijnstatus=termijnstatus_case("beslis_deadline", "besloten_op"))
