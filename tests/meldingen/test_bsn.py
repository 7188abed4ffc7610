from itertools import islice

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from wmo.validators import bsn_elfproef, valid_bsns, validate_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_geldige_bsn(bsn):
    assert bsn_elfproef(bsn)
    validate_bsn(bsn)


@pytest.mark.parametrize(
    ("bsn", "fout"),
    [
        ("123456789", "elfproef"),
        ("12345678", "9 cijfers"),
        ("1234567890", "9 cijfers"),
        ("12345678a", "9 cijfers"),
        ("000000000", "elfproef"),
    ],
)
def test_ongeldige_bsn_geeft_nederlandse_melding(bsn, fout):
    with pytest.raises(ValidationError) as exc:
        validate_bsn(bsn)
    assert fout in exc.value.messages[0]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_elfproef_is_de_som_modulo_elf(bsn):
    som = sum(int(c) * w for c, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    assert bsn_elfproef(bsn) == (som % 11 == 0 and bsn != "000000000")


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 8), st.integers(1, 9))
def test_een_cijfer_fout_wordt_altijd_gevonden(bsn, pos, delta):
    if not bsn_elfproef(bsn):
        return
    fout = bsn[:pos] + str((int(bsn[pos]) + delta) % 10) + bsn[pos + 1 :]
    assert not bsn_elfproef(fout)


@given(st.integers(0, 999_999_000))
def test_valid_bsns_geeft_elk_geldig_bsn_vanaf_start_op_volgorde(start):
    """The one generator of test BSNs (factories, demo, seed): computed, yet the same as searching."""
    gezocht = [f"{n:09d}" for n in range(start, min(start + 200, 10**9)) if bsn_elfproef(f"{n:09d}")]
    assert list(islice(valid_bsns(start=start), len(gezocht))) == gezocht


def test_valid_bsns_houdt_op_bij_negen_cijfers():
    assert list(valid_bsns(start=999_999_900)) == [
        f"{n}" for n in range(999_999_900, 10**9) if bsn_elfproef(f"{n}")
    ]
