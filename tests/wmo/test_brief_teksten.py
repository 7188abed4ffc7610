"""The engine of the editable letter texts: the small markup, the placeholders, the checks."""

import pytest

from wmo.brieven import SOORTEN
from wmo.brieven.blokken import BLOKKEN
from wmo.brieven.teksten import invulvelden_in, naar_html
from wmo.brieven.tekstversies import controleer, standaard_blokken
from wmo.constants import BriefSoort


def test_opmaak_alinea_kop_lijst_kader_vet():
    html = naar_html(
        "Beste [naam],\n\nregel een\nregel twee **vet**\n\n## Een kop\n- een\n- twee\n\n> Op **[datum]**", {
            "naam": "Jan", "datum": "7 april 2026"
        },
    )  # fmt: skip
    assert html == (
        "<p>Beste Jan,</p>\n<p>regel een<br>regel twee <strong>vet</strong></p>\n<h2>Een kop</h2>\n"
        "<ul><li>een</li><li>twee</li></ul>\n"
        '<div class="datumblok">Op <strong>7 april 2026</strong></div>'
    )


def test_alles_wordt_ge_escaped_ook_de_waarden():
    html = naar_html("<script>x</script> [naam] {{ a }} [onbekend.veld]", {"naam": "<b>**Jan**</b>"})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;**Jan**&lt;/b&gt;" in html  # a value is never markup, also not bold
    assert "{{ a }}" in html and "[onbekend.veld]" in html  # printed as typed, not evaluated


@pytest.mark.parametrize("soort", list(BriefSoort))
def test_de_standaardtekst_van_elke_soort_is_geldig(soort):
    """The standard texts follow their own rules: known placeholders only, every legal part complete."""
    assert controleer(soort, onderwerp=str(SOORTEN[soort].onderwerp), blokken=standaard_blokken(soort)) == []


@pytest.mark.parametrize("soort", list(BriefSoort))
def test_verplichte_delen_noemen_hun_wet(soort):
    opbouw = BLOKKEN[soort]
    namen = {v.naam for v in opbouw.alle_invulvelden}
    assert len(namen) == len(opbouw.alle_invulvelden), "a placeholder name twice in one kind"
    for blok in opbouw.blokken:
        if blok.verplicht:
            assert blok.wet, blok.sleutel
        if blok.is_tekst:
            assert set(invulvelden_in(blok.standaard)) <= namen
        else:
            assert blok.partial and blok.uitleg


def test_weigeringen_noemen_het_deel_en_het_artikel():
    blokken = standaard_blokken(BriefSoort.BESCHIKKING)
    blokken["bezwaar"]["tekst"] = ""
    blokken["ondertekening"]["tekst"] = "Groeten, [naam ondertekenaar]"
    blokken["klacht"]["tekst"] = "Zie [inwoner.bsn] en {% debug %}"
    fouten = {
        f.veld: f.bericht for f in controleer(BriefSoort.BESCHIKKING, onderwerp="{{ x }}", blokken=blokken)
    }
    assert fouten["tekst_bezwaar"].startswith("De bezwaarclausule ontbreekt. Die is wettelijk verplicht (Awb")
    assert (
        "[ondertekening gemeente]" in fouten["tekst_ondertekening"]
        and "10:10" in fouten["tekst_ondertekening"]
    )
    assert "programmacode" in fouten["tekst_klacht"] or "[inwoner.bsn]" in fouten["tekst_klacht"]
    assert "onderwerp" in fouten
    ontvangst = standaard_blokken(BriefSoort.ONTVANGSTBEVESTIGING)
    ontvangst["persoonlijk_plan"]["tekst"] = "U mag een plan maken."
    ontvangst["clientondersteuning"]["tekst"] = ""
    fouten = {
        f.veld: f.bericht
        for f in controleer(BriefSoort.ONTVANGSTBEVESTIGING, onderwerp="X", blokken=ontvangst)
    }
    assert (
        "[termijn persoonlijk plan]" in fouten["tekst_persoonlijk_plan"]
        and "2.3.2 lid 2" in fouten["tekst_persoonlijk_plan"]
    )
    assert (
        "cliëntondersteuning ontbreekt" in fouten["tekst_clientondersteuning"]
        and "lid 6" in fouten["tekst_clientondersteuning"]
    )


def test_de_regel_bij_de_ondertekening_zegt_namens_wie():
    """The beschikking's signature prints the gemeente's own line (beheer); that line must say
    "namens" (Awb 10:10), so the letter always names on whose behalf it is signed."""
    from django.core.exceptions import ValidationError

    from wmo.validators import validate_ondertekening

    validate_ondertekening("")  # empty: the standard line, which says it
    validate_ondertekening("Namens het college van burgemeester en wethouders van Haarlem")
    with pytest.raises(ValidationError, match="10:10"):
        validate_ondertekening("Het college van burgemeester en wethouders van Haarlem")
