"""Free text that reaches a letter has a maximum: the form shows it with a counter (linked to the
field, a polite live region) and refuses more next to the field keeping what was typed, and the
service refuses it too."""

import pytest
from django.core.exceptions import ValidationError

from gesprekken.forms import ResultaatForm
from meldingen.forms import MeldingForm
from tests.factories import InwonerFactory, MeldingFactory
from wmo.constants import VoorzieningSoort
from wmo.models import Medewerker, Team
from wmo.tekstlengte import KORT, LANG, MIDDEL

pytestmark = pytest.mark.django_db


def test_het_formulier_toont_het_maximum_met_een_teller(client, loket, team):
    inwoner = InwonerFactory(gemeente=team.organisatie.gemeenten.first())
    client.force_login(loket)
    html = client.get(f"/inwoners/{inwoner.pk}/melding/").content.decode()
    assert f'maxlength="{LANG}"' in html
    assert (
        'aria-describedby="id_hulpvraag_teller"' in html
        or "id_hulpvraag_helptext id_hulpvraag_teller" in html
    )
    assert (
        f'id="id_hulpvraag_teller" aria-live="polite" data-teller-voor="id_hulpvraag">Niet meer dan {LANG} tekens.'
        in html
    )
    assert "js/tekenteller.js" in html


def test_te_lange_tekst_krijgt_een_melding_bij_het_veld_en_blijft_staan():
    te_lang = "x" * (LANG + 1)
    leeg = Team.objects.none()
    form = MeldingForm(data={"hulpvraag": te_lang}, teams=leeg, consulenten=Medewerker.objects.none())
    assert not form.is_valid()
    assert f"niet meer dan {LANG} tekens" in " ".join(form.errors["hulpvraag"])
    html = str(form["hulpvraag"])
    assert te_lang in html
    assert "id_hulpvraag_teller" in html and 'aria-invalid="true"' in html


def test_ladderformulier_heeft_maxima(consulent):
    melding = MeldingFactory(in_onderzoek=True)
    from gesprekken.models import Onderzoek, ResultaatOnderzoek

    onderzoek = Onderzoek.objects.create(melding=melding, gestart_door=consulent)
    resultaat = ResultaatOnderzoek.objects.create(onderzoek=onderzoek, gebied=1)
    form = ResultaatForm(
        resultaat=resultaat, voorzieningen={VoorzieningSoort.ALGEMEEN: [], VoorzieningSoort.MAATWERK: []}
    )
    assert form.fields["wat_lukt"].max_length == MIDDEL
    assert form.fields["t1_bevinding"].max_length == KORT
    assert form.fields["t1_waarom"].max_length == KORT


def test_de_service_weigert_te_lange_tekst(consulent):
    with pytest.raises(ValidationError) as fout:
        MeldingFactory(hulpvraag="x" * (LANG + 1))
    assert "hulpvraag" in fout.value.message_dict


@pytest.mark.parametrize(
    ("veld", "maximum"),
    [("motivering", "ZEER_LANG"), ("afwijking_motivering", "LANG"), ("pgb_motivering", "LANG")],
)
def test_de_beschikking_begrenst_haar_motivering(veld, maximum):
    """The service's full_clean refuses a motivering longer than the letter may carry."""
    from aanvragen.models import BeschikkingRegel
    from wmo import tekstlengte

    grens = getattr(tekstlengte, maximum)
    regel = BeschikkingRegel(**{veld: "x" * (grens + 1)})
    with pytest.raises(ValidationError) as fout:
        regel.clean_fields()
    assert veld in fout.value.message_dict
    regel = BeschikkingRegel(**{veld: "x" * grens})
    with pytest.raises(ValidationError) as fout:
        regel.clean_fields()  # other required fields are empty, but this one is fine
    assert veld not in fout.value.message_dict


def test_bezwaargronden_hebben_een_maximum_en_blijven_staan():
    from aanvragen.forms import BezwaarForm
    from wmo.tekstlengte import ZEER_LANG

    te_lang = "g" * (ZEER_LANG + 1)
    form = BezwaarForm(data={"ontvangen_op": "2026-11-30", "gronden": te_lang})
    assert not form.is_valid() and "gronden" in form.errors
    assert te_lang in str(form["gronden"])
    assert f'maxlength="{ZEER_LANG}"' in str(form["gronden"])
