"""The exchange with the gemeente's gateway (GGk, Gemeentelijk Gegevensknooppunt): one small interface.

Whatever carries the files (a folder the GGk's client watches, later perhaps a web service),
the rest of the app only calls `verstuur`, `ontvangen` and `gelezen`. The default, `MapTransport`,
writes each outgoing message as a file into IWMO_UITBOX and reads incoming files from IWMO_INBOX;
a file that has been handled moves into the inbox's `archief` subfolder, so it is never read twice
and never lost.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

ARCHIEF = "archief"


class Transport(Protocol):
    def verstuur(self, bericht) -> str:
        """Hand an outgoing Bericht (its `bestandsnaam` and `xml`) to the gateway; returns where it went."""

    def ontvangen(self) -> Iterable[tuple[str, bytes]]:
        """The incoming files not yet handled: (name, content), oldest name first."""

    def gelezen(self, naam: str) -> None:
        """Mark an incoming file as handled (archive it): it is not offered again."""


def _veilige_naam(naam: str) -> str:
    """Only a plain file name: never a path outside the folder."""
    schoon = Path(naam).name
    if not schoon or schoon in (".", "..") or schoon != naam:
        raise ValueError(f"Ongeldige bestandsnaam: {naam!r}")
    return schoon


class MapTransport:
    """Files in folders: IWMO_UITBOX for outgoing, IWMO_INBOX for incoming (created when needed)."""

    def __init__(self, uitbox: Path | str | None = None, inbox: Path | str | None = None):
        self.uitbox = Path(uitbox or settings.IWMO_UITBOX)
        self.inbox = Path(inbox or settings.IWMO_INBOX)

    def verstuur(self, bericht) -> str:
        self.uitbox.mkdir(parents=True, exist_ok=True)
        naam = _veilige_naam(bericht.bestandsnaam)
        doel = self.uitbox / naam
        inhoud = bericht.xml.encode("utf-8") if isinstance(bericht.xml, str) else bytes(bericht.xml)
        # Write beside it and rename: the gateway never picks up a half-written file.
        tijdelijk = self.uitbox / f".{naam}.deel"
        tijdelijk.write_bytes(inhoud)
        tijdelijk.replace(doel)
        return str(doel)

    def ontvangen(self) -> Iterable[tuple[str, bytes]]:
        if not self.inbox.is_dir():
            return []
        return [
            (pad.name, pad.read_bytes())
            for pad in sorted(self.inbox.iterdir())
            if pad.is_file() and not pad.name.startswith(".")
        ]

    def gelezen(self, naam: str) -> None:
        naam = _veilige_naam(naam)
        archief = self.inbox / ARCHIEF
        archief.mkdir(parents=True, exist_ok=True)
        doel = archief / naam
        volgnummer = 1
        while doel.exists():  # the same name twice (a resent file): keep both
            doel = archief / f"{Path(naam).stem}.{volgnummer}{Path(naam).suffix}"
            volgnummer += 1
        (self.inbox / naam).replace(doel)


def transport() -> Transport:
    """The configured transport (IWMO_TRANSPORT, a dotted path; MapTransport by default)."""
    return import_string(settings.IWMO_TRANSPORT)()
