"""Reads: who may see which inwoner and melding (the one place of that rule), and search."""

import re
from datetime import date, datetime

from django.db import models
from django.db.models import Q

from wmo.constants import Rol
from wmo.validators import POSTCODE_RE

from .constants import OPEN_STATUSSEN


class InwonerQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "InwonerQuerySet":
        """Inwoners of the gemeenten the user's organisation serves; nobody else's.

        Partner organisations may find inwoners of their gemeenten (to avoid duplicates when
        they register a melding), but see only their own meldingen (MeldingQuerySet).
        The functioneel beheerder sees no dossier at all.
        """
        if not user.is_authenticated or not user.heeft_rol(
            Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER
        ):
            return self.none()
        return self.filter(gemeente_id__in=user.gemeente_ids)

    def zoek(self, q: str) -> "InwonerQuerySet":
        """Find by BSN, birth date (dd-mm-jjjj), postcode + house number, or (part of) the name."""
        q = (q or "").strip()
        if not q:
            return self.none()
        if re.fullmatch(r"\d{9}", q):
            return self.filter(bsn=q)
        geboren = _parse_date(q)
        if geboren:
            return self.filter(geboortedatum=geboren)
        m = re.fullmatch(r"([1-9]\d{3})\s*([A-Za-z]{2})\s*(\d{1,6})?\s*\w*", q, flags=re.ASCII)
        if m and POSTCODE_RE.match(f"{m.group(1)}{m.group(2)}"):
            qs = self.filter(postcode=f"{m.group(1)}{m.group(2).upper()}")
            return qs.filter(huisnummer=int(m.group(3))) if m.group(3) else qs
        filters = Q()
        for deel in q.split():
            filters &= (
                Q(achternaam__icontains=deel) | Q(voornamen__icontains=deel) | Q(tussenvoegsel__iexact=deel)
            )
        return self.filter(filters)


def _parse_date(text: str) -> date | None:
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class MeldingQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "MeldingQuerySet":
        """The scope of each role, in one place (least privilege: health data).

        - partner organisation: only meldingen handled by one of its own teams;
        - loketmedewerker: every melding of the gemeenten its organisation serves;
        - consulent and teamleider: their own team's meldingen, plus any assigned to them;
        - functioneel beheerder and anyone without a dossier role: nothing.
        """
        if not user.is_authenticated or not user.organisatie_id:
            return self.none()
        if user.organisatie.is_partner:
            if not user.heeft_rol(Rol.LOKETMEDEWERKER, Rol.CONSULENT, Rol.TEAMLEIDER):
                return self.none()
            return self.filter(team__organisatie_id=user.organisatie_id)
        scope = Q(pk__in=[])
        if user.heeft_rol(Rol.LOKETMEDEWERKER):
            scope |= Q(gemeente_id__in=user.gemeente_ids)
        if user.heeft_rol(Rol.CONSULENT, Rol.TEAMLEIDER):
            scope |= Q(gemeente_id__in=user.gemeente_ids, team_id=user.team_id) | Q(consulent=user)
        return self.filter(scope)

    def open(self) -> "MeldingQuerySet":
        return self.filter(status__in=OPEN_STATUSSEN)

    def voor_lijst(self) -> "MeldingQuerySet":
        return (
            self.select_related("inwoner", "consulent", "team", "gemeente")
            .met_termijnstatus()
            .order_by("-spoed", "onderzoek_deadline", "id")  # spoed first, then the nearest deadline
        )

    def met_termijnstatus(self) -> "MeldingQuerySet":
        """Annotate ``termijnstatus`` of the onderzoek clock in SQL from the stored deadline."""
        from wmo.termijnstatus import termijnstatus_case

        return self.annotate(termijnstatus=termijnstatus_case("onderzoek_deadline", "onderzoek_afgerond_op"))
