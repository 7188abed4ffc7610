"""Incoming iWmo messages (iwmo.ontvangst): start and stop zorg, broken and repeated files.

The gateway is faked by tmp folders (the folder transport); everything else is the real stack.
"""

from datetime import date

import pytest

from iwmo.models import Bericht, BerichtStatus, Richting
from iwmo.ontvangst import bericht_opnieuw_verwerken, verwerk_inbox
from iwmo.schema import valideer
from meldingen.dossier import tijdlijn

from .berichten import retourcodes, wmo305, wmo307
from .conftest import in_de_inbox

pytestmark = pytest.mark.django_db


def _start(t, **kwargs):
    velden = {
        "inwoner": t.inwoner,
        "afzender": t.aanbieder.agb_code,
        "ontvanger": "0392",
        "nummers": [t.nummer],
        "begindatum": date(2026, 4, 6),
    }
    return wmo305(**{**velden, **kwargs})


def _retour(heen):
    return Bericht.objects.get(retour_van=heen)


def test_voorbeelden_zijn_geldig(toewijzing):
    assert valideer("WMO305", _start(toewijzing)) == []
    xml = wmo307(
        inwoner=toewijzing.inwoner,
        afzender="41000001",
        ontvanger="0392",
        nummers=[1],
        begindatum=date(2026, 4, 6),
        einddatum=date(2026, 4, 7),
    )
    assert valideer("WMO307", xml) == []


def test_start_zorg_zet_gestart_op_en_stuurt_306_met_0200(toewijzing, mappen):
    in_de_inbox(mappen, "start.xml", _start(toewijzing))
    verslag = verwerk_inbox()
    assert (verslag.ontvangen, verslag.verwerkt, verslag.niet_verwerkt) == (1, 1, 0)
    toewijzing.refresh_from_db()
    assert toewijzing.gestart_op == date(2026, 4, 6)
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.VERWERKT and heen.soort == "WMO305"
    assert list(heen.toewijzingen.all()) == [toewijzing]
    retour = _retour(heen)
    assert retour.soort == "WMO306" and retour.status == BerichtStatus.VERZONDEN
    assert (mappen.IWMO_UITBOX / retour.bestandsnaam).read_bytes() == bytes(retour.xml)
    assert retourcodes(retour.xml, "Client") == [["0200"]]
    assert retourcodes(retour.xml, "StartProduct") == [["0200"]]
    assert retourcodes(retour.xml, "Header") == [[]]  # no header codes: nothing wrong there
    # The file left the inbox for its archive.
    assert not (mappen.IWMO_INBOX / "start.xml").exists()
    # The dossier timeline says it in plain Dutch.
    melding = toewijzing.regel.beschikking.aanvraag.melding
    regels = [g.wat for g in tijdlijn(toewijzing.inwoner, [melding], [])]
    assert f"Zorg gestart door {toewijzing.aanbieder.naam} op 6 april 2026 (toewijzing 900001)" in regels


def test_tweede_run_doet_niets(toewijzing, mappen):
    in_de_inbox(mappen, "start.xml", _start(toewijzing))
    verwerk_inbox()
    assert len(verwerk_inbox()) == 0
    assert Bericht.objects.count() == 2  # the 305 and its 306


def test_stop_zorg_zet_gestopt_op_en_reden_en_stuurt_308(toewijzing, mappen):
    in_de_inbox(mappen, "1.xml", _start(toewijzing))
    in_de_inbox(
        mappen,
        "2.xml",
        wmo307(
            inwoner=toewijzing.inwoner,
            afzender=toewijzing.aanbieder.agb_code,
            ontvanger="0392",
            nummers=[900001],
            begindatum=date(2026, 4, 6),
            einddatum=date(2026, 4, 7),
            reden="20",
        ),
    )
    verwerk_inbox()
    toewijzing.refresh_from_db()
    assert (toewijzing.gestopt_op, toewijzing.reden_beeindiging) == (date(2026, 4, 7), "20")
    stop = Bericht.objects.get(soort="WMO307")
    assert stop.status == BerichtStatus.VERWERKT
    assert retourcodes(_retour(stop).xml, "StopProduct") == [["0200"]]
    melding = toewijzing.regel.beschikking.aanvraag.melding
    regels = [g.wat for g in tijdlijn(toewijzing.inwoner, [melding], [])]
    assert any(r.startswith("Zorg tijdelijk gestopt door") and "7 april 2026" in r for r in regels)


def test_stop_zonder_start_9069(toewijzing, mappen):
    in_de_inbox(
        mappen,
        "stop.xml",
        wmo307(
            inwoner=toewijzing.inwoner,
            afzender=toewijzing.aanbieder.agb_code,
            ontvanger="0392",
            nummers=[900001],
            begindatum=date(2026, 4, 6),
            einddatum=date(2026, 4, 7),
        ),
    )
    verwerk_inbox()
    toewijzing.refresh_from_db()
    assert toewijzing.gestopt_op is None
    stop = Bericht.objects.get(soort="WMO307")
    assert stop.status == BerichtStatus.NIET_VERWERKT
    assert retourcodes(_retour(stop).xml, "StopProduct") == [["9069"]]


def test_onbekend_toewijzingnummer_9019_niet_verwerkt_en_later_opnieuw(toewijzing, mappen):
    in_de_inbox(mappen, "start.xml", _start(toewijzing, nummers=[900002]))
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT
    assert "Toewijzing 900002 bestaat niet" in heen.reden
    retour = _retour(heen)
    assert retourcodes(retour.xml, "StartProduct") == [["9019"]]
    assert retourcodes(retour.xml, "Client") == [["0200"]]
    # The cause is fixed: the toewijzing now exists. Processing again applies it, once.
    toewijzing.nummer = 900002
    toewijzing.save()
    bericht_opnieuw_verwerken(bericht=heen, door=None)
    bericht_opnieuw_verwerken(bericht=heen, door=None)
    heen.refresh_from_db()
    toewijzing.refresh_from_db()
    assert heen.status == BerichtStatus.VERWERKT and heen.reden == ""
    assert toewijzing.gestart_op == date(2026, 4, 6)
    assert Bericht.objects.filter(retour_van=heen).count() == 1  # no second retour
    assert toewijzing.history.filter(history_change_reason__startswith="Zorg gestart").count() == 1


def test_onbekende_client_9019(toewijzing, mappen):
    from tests.factories import InwonerFactory

    vreemde = InwonerFactory.build(bsn="999990135")
    in_de_inbox(mappen, "start.xml", _start(toewijzing, inwoner=vreemde))
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT
    assert "niet bekend" in heen.reden
    assert retourcodes(_retour(heen).xml, "StartProduct") == [["9019"]]
    toewijzing.refresh_from_db()
    assert toewijzing.gestart_op is None


def test_toewijzing_van_een_andere_client_9019(toewijzing, mappen):
    from tests.factories import InwonerFactory

    ander = InwonerFactory(gemeente=toewijzing.gemeente)
    in_de_inbox(mappen, "start.xml", _start(toewijzing, inwoner=ander))
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT
    assert "hoort niet bij deze aanbieder en deze cliënt" in heen.reden


def test_herhaalde_identificatie_9056(toewijzing, mappen):
    in_de_inbox(mappen, "a.xml", _start(toewijzing))
    verwerk_inbox()
    in_de_inbox(mappen, "b.xml", _start(toewijzing))
    verwerk_inbox()
    tweede = Bericht.objects.get(richting=Richting.IN, bestandsnaam="b.xml")
    assert tweede.status == BerichtStatus.NIET_VERWERKT
    assert "al eerder ontvangen" in tweede.reden
    retour = _retour(tweede)
    codes = retourcodes(retour.xml, "Header")
    assert codes == [["9056"]]
    assert retourcodes(retour.xml, "StartProduct") == [["0233"]]  # not judged below the header
    assert toewijzing.history.filter(history_change_reason__startswith="Zorg gestart").count() == 1


def test_verkeerde_ontvanger_s300(toewijzing, mappen):
    in_de_inbox(mappen, "start.xml", _start(toewijzing, ontvanger="0363"))
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT
    assert "0363 is geen gemeente waarvoor wij werken" in heen.reden
    assert retourcodes(_retour(heen).xml, "Header") == [["S300"]]
    toewijzing.refresh_from_db()
    assert toewijzing.gestart_op is None


def test_xsd_fout_0001_alleen_header(toewijzing, mappen):
    xml = _start(toewijzing).replace(b"<StatusAanlevering>1<", b"<StatusAanlevering>7<")
    in_de_inbox(mappen, "fout.xml", xml)
    verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT
    assert heen.reden.startswith("Het bericht voldoet niet aan het XSD van iWmo 3.2")
    retour = _retour(heen)
    assert retourcodes(retour.xml, "Header") == [["0001"]]
    assert retourcodes(retour.xml, "Client") == []  # Client 0..1: left out when not judged
    assert bytes(heen.xml) == xml  # kept as received


@pytest.mark.parametrize("inhoud", [b"", b"geen xml", b"<a>", b"\xff\xfe", b"<Bericht xmlns='urn:x'/>"])
def test_onleesbaar_bestand_wordt_bewaard(toewijzing, mappen, inhoud):
    in_de_inbox(mappen, "rommel.xml", inhoud)
    verslag = verwerk_inbox()
    heen = Bericht.objects.get(richting=Richting.IN)
    assert heen.status == BerichtStatus.NIET_VERWERKT and heen.soort == "onbekend"
    assert bytes(heen.xml) == inhoud
    assert verslag.niet_verwerkt == 1
    assert not Bericht.objects.filter(retour_van=heen).exists()  # nobody to answer
