"""The receivers of wmo.signals.persoonsgegevens_ophalen and persoonsgegevens_gebruiken, connected
in BrpConfig.ready. The first asks the BRP before a service's transaction opens; the second
applies the answer inside it (wmo.persoonsgegevens explains the two steps)."""

from brp import services
from wmo.persoonsgegevens import opgehaald


def bij_persoonsgegevens_ophalen(sender, *, inwoner, door, tas: dict, ronde: dict, **kwargs):
    """Ask the BRP now (no transaction is open) and leave the answer in the inwoner's ``tas``.
    After the BRP of a gemeente failed in a way that will not pass in a second (down, refused,
    time-out), the other inwoners of the same call are not asked: each would wait as long."""
    plat = ronde.get(("brp", inwoner.gemeente_id))
    if plat is not None:
        tas["brp"] = services.Opvraging(fout=plat, soort="overgeslagen")
        return
    opvraging = services.inwoner_opvragen(inwoner=inwoner, door=door)
    tas["brp"] = opvraging
    if opvraging is not None and opvraging.soort in services.STOPT_DE_RONDE:
        ronde[("brp", inwoner.gemeente_id)] = opvraging.fout


def bij_persoonsgegevens_gebruiken(sender, *, inwoner, door, aanleiding: str, **kwargs):
    """Refresh the inwoner from the BRP before its data are used; the outcome rides on the inwoner
    (``inwoner.brp_verversing``) for the page that asked. Never raises for a BRP failure.

    What was fetched before the transaction is applied once per service call: a second use in the
    same call (a letter and a WMO301) gets the same outcome, and its inwoner object the new values.
    Nothing fetched before: the BRP is asked now, which the client refuses inside a transaction."""
    if door is None or inwoner is None:
        return
    tas = opgehaald(inwoner)
    if tas is not None and "verversing" in tas:
        verversing = tas["verversing"]
        if verversing is not None:
            verversing.overnemen(inwoner)
    else:
        verversing = services.inwoner_bijwerken_uit_brp(
            inwoner=inwoner,
            door=door,
            aanleiding=aanleiding,
            melding_nieuw=getattr(sender, "__name__", "") == "Melding",  # sent right after it was saved
            **({"opvraging": tas["brp"]} if tas is not None and "brp" in tas else {}),
        )
        if tas is not None:
            tas["verversing"] = verversing
    inwoner.brp_verversing = verversing
