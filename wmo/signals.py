"""Signals of the shared core, so the core can announce a change without importing an app.

``gelijkgestelde_dagen_gewijzigd``: a day equated to a feestdag (Algemene termijnenwet art. 3
lid 3) was added or removed, so stored deadlines may have moved. Sent by ``wmo.feestdagen``
inside its transaction; the apps that store deadlines connect a receiver in their
``AppConfig.ready()`` that recomputes them and returns ``(clock name, changed rows)``.


``persoonsgegevens_gebruiken``: an inwoner's personal data are about to be used: a melding was
registered, a letter or an iWmo 301 is being made. Sent with ``inwoner``, ``door`` (the medewerker)
and ``aanleiding`` (a few words for the history). The brp app refreshes the data from the BRP
when the inwoner's gemeente has a koppeling; without one, nothing happens. It applies what was
fetched by ``persoonsgegevens_ophalen`` before the transaction (wmo.persoonsgegevens).

``persoonsgegevens_ophalen``: sent by ``wmo.persoonsgegevens.vooraf_ophalen`` BEFORE a service
opens its transaction, with ``inwoner``, ``door``, ``tas`` (a dict per inwoner where a receiver
leaves what it fetched, read back inside the transaction) and ``ronde`` (a dict shared by the
fetches of one service call). The brp app asks the BRP here, so no transaction waits for it.
"""

from django.dispatch import Signal

gelijkgestelde_dagen_gewijzigd = Signal()
persoonsgegevens_gebruiken = Signal()
persoonsgegevens_ophalen = Signal()
