"""iwmo.transport.MapTransport: outgoing files into IWMO_UITBOX, incoming from IWMO_INBOX (tmp folders)."""

from types import SimpleNamespace

import pytest

from iwmo.transport import MapTransport, transport


@pytest.fixture
def mappen(tmp_path, settings):
    settings.IWMO_UITBOX = tmp_path / "data" / "uitbox"
    settings.IWMO_INBOX = tmp_path / "data" / "inbox"
    return settings


def test_verstuur_schrijft_het_bestand_in_de_uitbox_en_maakt_de_map(mappen):
    pad = transport().verstuur(SimpleNamespace(bestandsnaam="WMO301_1.xml", xml=b"<Bericht/>"))
    assert (mappen.IWMO_UITBOX / "WMO301_1.xml").read_bytes() == b"<Bericht/>"
    assert pad == str(mappen.IWMO_UITBOX / "WMO301_1.xml")
    # Nothing half-written stays behind.
    assert [p.name for p in mappen.IWMO_UITBOX.iterdir()] == ["WMO301_1.xml"]


def test_verstuur_ook_tekst_of_memoryview(mappen):
    t = MapTransport()
    t.verstuur(SimpleNamespace(bestandsnaam="a.xml", xml="<Bericht>é</Bericht>"))
    t.verstuur(SimpleNamespace(bestandsnaam="b.xml", xml=memoryview(b"<B/>")))
    assert (mappen.IWMO_UITBOX / "a.xml").read_bytes() == "<Bericht>é</Bericht>".encode()
    assert (mappen.IWMO_UITBOX / "b.xml").read_bytes() == b"<B/>"


@pytest.mark.parametrize("naam", ["../buiten.xml", "/tmp/x.xml", "", "sub/a.xml"])
def test_geen_pad_buiten_de_map(mappen, naam):
    with pytest.raises(ValueError):
        MapTransport().verstuur(SimpleNamespace(bestandsnaam=naam, xml=b"x"))


def test_ontvangen_en_gelezen_archiveert(mappen):
    t = MapTransport()
    assert list(t.ontvangen()) == []  # no inbox yet: nothing, no error
    mappen.IWMO_INBOX.mkdir(parents=True)
    (mappen.IWMO_INBOX / "b.xml").write_bytes(b"2")
    (mappen.IWMO_INBOX / "a.xml").write_bytes(b"1")
    (mappen.IWMO_INBOX / ".a.xml.deel").write_bytes(b"half")
    assert list(t.ontvangen()) == [("a.xml", b"1"), ("b.xml", b"2")]
    t.gelezen("a.xml")
    assert list(t.ontvangen()) == [("b.xml", b"2")]
    assert (mappen.IWMO_INBOX / "archief" / "a.xml").read_bytes() == b"1"
    # The same name again (a resent file): both are kept.
    (mappen.IWMO_INBOX / "a.xml").write_bytes(b"1 opnieuw")
    t.gelezen("a.xml")
    assert sorted(p.name for p in (mappen.IWMO_INBOX / "archief").iterdir()) == ["a.1.xml", "a.xml"]
