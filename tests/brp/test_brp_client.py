"""brp.client against a fake BRP (tests/brp/fake_brp.py): the BRP is outside our control, so
this module starts a threaded http.server of its own that implements POST /personen after the
published OpenAPI specification, and asserts what Keukentafel sends and how it takes failures."""

import socket
import ssl
import subprocess
from datetime import date

import pytest

from brp import client
from brp.client import BrpFout, Verbinding
from brp.constants import Authenticatie
from tests.brp.fake_brp import API_KEY, FakeBrp, persoon


def _verbinding(fake, **kwargs) -> Verbinding:
    return Verbinding(
        basis_url=kwargs.pop("basis_url", fake.url),
        authenticatie=kwargs.pop("authenticatie", Authenticatie.API_SLEUTEL),
        header_naam=kwargs.pop("header_naam", "X-API-KEY"),
        geheim=kwargs.pop("geheim", API_KEY),
        timeout=kwargs.pop("timeout", 1.0),
    )


def test_raadplegen_stuurt_type_bsn_en_alleen_de_velden_die_keukentafel_bewaart(fake_brp):
    fake_brp.personen = [persoon(curatele=True)]
    p = client.raadplegen(_verbinding(fake_brp), "999993653")
    [verzoek] = fake_brp.verzoeken
    assert verzoek["pad"] == "/haalcentraal/api/brp/personen"
    assert verzoek["headers"]["x-api-key"] == API_KEY
    assert verzoek["headers"]["content-type"].startswith("application/json")
    assert verzoek["body"] == {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": ["999993653"],
        "fields": client.RAADPLEEG_VELDEN,
    }
    # Data minimisation: nothing about nationality, children, parents, kiesrecht or verblijfstitel.
    assert not {v.split(".")[0] for v in client.RAADPLEEG_VELDEN} & {
        "nationaliteiten",
        "kinderen",
        "ouders",
        "uitsluitingKiesrecht",
        "verblijfstitel",
        "aNummer",
    }
    assert (p.bsn, p.voornamen, p.tussenvoegsel, p.achternaam) == ("999993653", "Anna Maria", "de", "Vries")
    assert p.geboortedatum == date(1948, 3, 14)
    assert (p.geslacht, p.naamgebruik) == ("2", "1")
    assert (p.straat, p.huisnummer, p.postcode, p.woonplaats) == ("Grote Markt", 2, "2011RD", "Haarlem")
    assert (p.gemeente_code, p.overleden, p.curatele) == ("0392", False, True)


def test_raadplegen_van_een_onbekend_bsn_geeft_niemand(fake_brp):
    assert client.raadplegen(_verbinding(fake_brp), "123456782") is None


def test_overleden_volgt_uit_overlijden_en_opschorting(fake_brp):
    fake_brp.personen = [persoon(overleden="2026-03-01")]
    p = client.raadplegen(_verbinding(fake_brp), "999993653")
    assert p.overleden and p.overleden_op == date(2026, 3, 1)
    assert p.curatele is False  # asked for, not in the answer: not under curatele


def test_zoeken_op_postcode_huisnummer_en_geboortedatum(fake_brp):
    fake_brp.personen = [persoon(), persoon(bsn="999990019", geboren="1950-01-01", voornamen="Piet")]
    gevonden = client.zoeken_op_adres(
        _verbinding(fake_brp), postcode="2011RD", huisnummer=2, geboortedatum=date(1948, 3, 14)
    )
    assert [p.bsn for p in gevonden] == ["999993653"]
    assert fake_brp.verzoeken[0]["body"] == {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "2011RD",
        "huisnummer": 2,
        "geboortedatum": "1948-03-14",
        "fields": client.ZOEK_VELDEN,
    }
    assert gevonden[0].adresregels == ["Grote Markt 2", "2011 RD  HAARLEM"]
    assert gevonden[0].curatele is None  # a search does not ask for it


def test_zoeken_op_achternaam_en_geboortedatum(fake_brp):
    fake_brp.personen = [persoon()]
    gevonden = client.zoeken_op_naam(
        _verbinding(fake_brp), geslachtsnaam="vries", geboortedatum=date(1948, 3, 14)
    )
    assert [p.naam for p in gevonden] == ["Anna Maria de Vries"]
    assert fake_brp.verzoeken[0]["body"]["type"] == "ZoekMetGeslachtsnaamEnGeboortedatum"
    assert fake_brp.verzoeken[0]["body"]["geslachtsnaam"] == "vries"


def test_verbinding_testen_vraagt_alleen_een_bsn(fake_brp):
    client.verbinding_testen(_verbinding(fake_brp))
    assert fake_brp.verzoeken[0]["body"]["fields"] == ["burgerservicenummer"]


@pytest.mark.parametrize(
    ("storing", "soort", "woorden"),
    [
        ("500", "storing", "storing"),
        ("429", "te druk", "te veel vragen"),
        ("kapot", "antwoord", "niet kan lezen"),
        ("doorverwijzen", "instelling", "adres van de BRP klopt niet"),
    ],
)
def test_elke_fout_wordt_een_nederlandse_melding(fake_brp, storing, soort, woorden):
    fake_brp.storing = storing
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(_verbinding(fake_brp), "999993653")
    assert fout.value.soort == soort
    assert woorden in fout.value.melding
    assert "zelf invullen" in fout.value.melding
    assert len(fake_brp.verzoeken) == 1  # a redirect is not followed


def test_verkeerde_sleutel_is_401_met_problem_json(fake_brp):
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(_verbinding(fake_brp, geheim="fout"), "999993653")
    assert fout.value.soort == "geweigerd"
    assert "functioneel beheerder" in fout.value.melding
    assert "HTTP 401" in fout.value.technisch and "authentication" in fout.value.technisch


def test_een_vraag_die_de_brp_afwijst_geeft_de_reden_in_het_log(fake_brp):
    with pytest.raises(BrpFout) as fout:
        client.zoeken_op_adres(_verbinding(fake_brp), postcode="0000XX", huisnummer=1)
    assert fout.value.soort == "vraag"
    assert "postcode" in fout.value.technisch


def test_de_wachttijd_is_begrensd(fake_brp):
    fake_brp.storing = "traag"
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(_verbinding(fake_brp, timeout=0.3), "999993653")
    assert fout.value.soort == "time-out"
    assert "0.3 seconden" in fout.value.melding


def test_geen_verbinding():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(
            Verbinding(f"http://127.0.0.1:{poort}/brp", Authenticatie.API_SLEUTEL, "X-API-KEY", "x", 1.0),
            "999993653",
        )
    assert fout.value.soort == "verbinding"
    assert "niet bereiken" in fout.value.melding


def test_zonder_geheim_geen_verzoek(fake_brp):
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(_verbinding(fake_brp, geheim=None), "999993653")
    assert fout.value.soort == "instelling"
    assert fake_brp.verzoeken == []


# --- Client certificate (mutual TLS) --------------------------------------------------------


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def pki(tmp_path):
    """A CA, a server certificate for localhost and a client certificate, made with openssl."""
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Test CA",
        cwd=tmp_path,
    )
    for naam, cn in (("server", "localhost"), ("client", "Keukentafel test")):
        _openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f"{naam}.key",
            "-out",
            f"{naam}.csr",
            "-subj",
            f"/CN={cn}",
            cwd=tmp_path,
        )
        extra = tmp_path / f"{naam}.ext"
        extra.write_text(
            "subjectAltName=DNS:localhost\n" if naam == "server" else "extendedKeyUsage=clientAuth\n"
        )
        _openssl(
            "x509",
            "-req",
            "-in",
            f"{naam}.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            f"{naam}.pem",
            "-days",
            "2",
            "-extfile",
            f"{naam}.ext",
            cwd=tmp_path,
        )
    (tmp_path / "client-met-sleutel.pem").write_text(
        (tmp_path / "client.pem").read_text() + (tmp_path / "client.key").read_text()
    )
    return tmp_path


def test_clientcertificaat_gaat_mee_over_tls(pki, monkeypatch):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki / "server.pem", pki / "server.key")
    context.load_verify_locations(pki / "ca.pem")
    context.verify_mode = ssl.CERT_REQUIRED  # the fake refuses a connection without a client certificate
    fake = FakeBrp(tls=context).start()
    fake.api_key = ""  # this gateway authenticates by certificate only
    fake.personen = [persoon()]
    monkeypatch.setenv(
        "SSL_CERT_FILE", str(pki / "ca.pem")
    )  # trust the fake's CA, as a real PKIoverheid root
    try:
        verbinding = _verbinding(
            fake, authenticatie=Authenticatie.CERTIFICAAT, geheim=str(pki / "client-met-sleutel.pem")
        )
        assert client.raadplegen(verbinding, "999993653").achternaam == "Vries"
        [verzoek] = fake.verzoeken
        assert dict(x[0] for x in verzoek["cert"]["subject"])["commonName"] == "Keukentafel test"
        assert "x-api-key" not in verzoek["headers"]
        # Without the certificate the TLS handshake fails: a Dutch message, no 500.
        with pytest.raises(BrpFout) as fout:
            client.raadplegen(_verbinding(fake, geheim=API_KEY), "999993653")
        assert fout.value.soort in ("tls", "verbinding")
    finally:
        fake.stop()


def test_een_onleesbaar_certificaat_is_een_instelling(tmp_path, fake_brp):
    kapot = tmp_path / "kapot.pem"
    kapot.write_text("geen certificaat")
    with pytest.raises(BrpFout) as fout:
        client.raadplegen(
            _verbinding(fake_brp, authenticatie=Authenticatie.CERTIFICAAT, geheim=str(kapot)), "999993653"
        )
    assert fout.value.soort == "instelling"
    assert fake_brp.verzoeken == []
