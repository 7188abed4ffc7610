"""Signals of the shared core, so the core can announce a change without importing an app.

``gelijkgestelde_dagen_gewijzigd``: a day equated to a feestdag (Algemene termijnenwet art. 3
lid 3) was added or removed, so stored deadlines may have moved. Sent by ``wmo.feestdagen``
inside its transaction; the apps that store deadlines connect a receiver in their
``AppConfig.ready()`` that recomputes them and returns ``(clock name, changed rows)``.


``persoonsgegevens_gebruiken``: an inwoner's personal data are about to be used: a melding was
registered, a letter or an iWmo 301 is being made. Sent with ``inwoner``, ``door`` (the medewerker)
and ``aanleiding`` (a few words for the history). The brp app refreshes the data from the BRP
when the inwoner's gemeente has a koppeling; without one, nothing happens.
"""

from django.dispatch import Signal

gelijkgestelde_dagen_gewijzigd = Signal()
persoonsgegevens_gebruiken = Signal()
