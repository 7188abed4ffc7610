"""The receiver of wmo.signals.persoonsgegevens_gebruiken, connected in BrpConfig.ready."""

from brp import services


def bij_persoonsgegevens_gebruiken(sender, *, inwoner, door, aanleiding: str, **kwargs):
    """Refresh the inwoner from the BRP before its data are used; the outcome rides on the inwoner
    (``inwoner.brp_verversing``) for the page that asked. Never raises for a BRP failure."""
    if door is None or inwoner is None:
        return
    inwoner.brp_verversing = services.inwoner_bijwerken_uit_brp(
        inwoner=inwoner,
        door=door,
        aanleiding=aanleiding,
        melding_nieuw=getattr(sender, "__name__", "") == "Melding",  # sent right after it was saved
    )
