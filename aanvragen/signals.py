"""Signals of the beschikking, so what sits on top (iwmo: the toewijzing to the aanbieder) can
act on a sent or changed decision without the flow importing it."""

from django.dispatch import Signal

# beschikking_versturen sent the beschikking (kwargs: beschikking, door); sent inside its transaction.
beschikking_verstuurd = Signal()

# voorziening_beeindigen moved the einddatum of a granted regel forward (kwargs: regel, reden, door).
voorziening_beeindigd = Signal()
