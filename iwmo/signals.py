"""Receivers of the beschikking's signals (aanvragen.signals), connected in IwmoConfig.ready."""

from iwmo import services


def bij_beschikking_verstuurd(sender, *, beschikking, door=None, **kwargs):
    services.toewijzingen_bijwerken(beschikking, door=door)


def bij_voorziening_beeindigd(sender, *, regel, reden, door=None, **kwargs):
    services.toewijzing_inkorten(regel=regel, reden=reden, door=door)
