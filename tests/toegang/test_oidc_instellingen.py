"""The OIDC settings: the group lists, the system check, and the discovery command (against the
fake provider, tests/toegang/nep_idp.py, because the real one is outside our control)."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from toegang.oidc import check_instellingen, koppelingen, rollen_voor, teamnaam_voor


def test_koppelingen_splitst_op_het_laatste_isteken():
    assert koppelingen(["wmo-loket=loketmedewerker", " cn=wmo-consulent = consulent "]) == {
        "wmo-loket": "loketmedewerker",
        "cn=wmo-consulent": "consulent",
    }
    for fout in (["wmo-loket"], ["=consulent"], ["wmo-loket="]):
        with pytest.raises(ValueError):
            koppelingen(fout)


@override_settings(
    OIDC_ROL_GROEPEN=["a=consulent", "b=teamleider", "c=superuser"],
    OIDC_TEAM_GROEPEN=["t1=Team Een", "t2=Team Twee"],
)
def test_rollen_en_team_uit_groepen():
    assert rollen_voor(["a", "c", "onbekend"]) == {"consulent"}  # "superuser" is no role
    assert rollen_voor([]) == set()
    assert teamnaam_voor(["t2", "t1"]) == "Team Een"  # the first in the setting's order
    assert teamnaam_voor(["x"]) is None


def test_check_uit_zegt_niets():
    assert check_instellingen() == []


def test_check_aan_noemt_wat_ontbreekt_of_fout_is():
    with override_settings(
        OIDC_ENABLED=True,
        OIDC_RP_CLIENT_ID="kt",
        OIDC_RP_SIGN_ALGO="HS256",
        OIDC_RP_SCOPES="email profile",
        OIDC_ROL_GROEPEN=["wmo=beheerder", "kapot"],
    ):
        fouten = check_instellingen()
    ids = sorted(f.id for f in fouten)
    assert ids.count("toegang.E001") == 7  # everything but the client id and the role groups
    assert {"toegang.E002", "toegang.E003", "toegang.E004"} <= set(ids)
    with override_settings(OIDC_ENABLED=True, OIDC_ROL_GROEPEN=["wmo=beheerder"]):
        assert "toegang.E005" in [f.id for f in check_instellingen()]


def test_discovery_drukt_de_instellingen_af(nep_idp, capsys):
    call_command("oidc_discovery", nep_idp.issuer)
    regels = capsys.readouterr().out.splitlines()
    assert regels == [
        f"OIDC_OP_ISSUER={nep_idp.issuer}",
        f"OIDC_OP_AUTHORIZATION_ENDPOINT={nep_idp.url}/authorize",
        f"OIDC_OP_TOKEN_ENDPOINT={nep_idp.url}/token",
        f"OIDC_OP_USER_ENDPOINT={nep_idp.url}/userinfo",
        f"OIDC_OP_JWKS_ENDPOINT={nep_idp.url}/jwks",
        f"OIDC_OP_LOGOUT_ENDPOINT={nep_idp.url}/logout",
    ]


def test_discovery_onbereikbaar_is_een_nette_fout(nep_idp):
    with pytest.raises(CommandError, match="niet op te halen"):
        call_command("oidc_discovery", f"{nep_idp.url}/bestaat-niet")
