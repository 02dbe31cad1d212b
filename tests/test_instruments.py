"""Built-in instruments: the 2017 default and the older KEP/25/M.PAN/2/2004 method."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from skm.core.calc import ScoringRules, Tally, WeightPolicy, compute_ikm, grade_band, score_tallies
from skm.core.instrument import (
    KEPMENPAN_25_2004,
    PERMENPAN_14_2017,
    builtin_instruments,
    get_instrument,
    instrument_aliases,
)

OFFICIAL_2004_NAMES = [
    "Prosedur pelayanan",
    "Persyaratan pelayanan",
    "Kejelasan petugas pelayanan",
    "Kedisiplinan petugas pelayanan",
    "Tanggung jawab petugas pelayanan",
    "Kemampuan petugas pelayanan",
    "Kecepatan pelayanan",
    "Keadilan mendapatkan pelayanan",
    "Kesopanan dan keramahan petugas",
    "Kewajaran biaya pelayanan",
    "Kepastian biaya pelayanan",
    "Kepastian jadwal pelayanan",
    "Kenyamanan lingkungan",
    "Keamanan pelayanan",
]


def test_2004_has_fourteen_official_elements_weighted_one_fourteenth() -> None:
    inst = KEPMENPAN_25_2004
    assert [e.name for e in inst.elements] == OFFICIAL_2004_NAMES
    assert inst.codes == tuple(f"U{i}" for i in range(1, 15))
    assert inst.question_keys == tuple(f"u{i}" for i in range(1, 15))
    assert set(inst.exact_weights()) == {Fraction(1, 14)}
    assert inst.conversion == 25
    assert all(len(e.labels) == 4 for e in inst.elements)


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("25.00", "D"),
        ("43.75", "D"),
        ("43.754", "D"),  # rounds to 43.75
        ("43.755", "C"),  # rounds to 43.76
        ("43.76", "C"),
        ("62.50", "C"),
        ("62.51", "B"),
        ("81.25", "B"),
        ("81.26", "A"),
        ("100", "A"),
    ],
)
def test_2004_band_boundaries(value: str, grade: str) -> None:
    assert grade_band(Decimal(value), KEPMENPAN_25_2004).grade == grade
    assert grade_band(Fraction(value), KEPMENPAN_25_2004).grade == grade


@pytest.mark.parametrize(
    ("grade", "performance"), [("A", "Sangat baik"), ("B", "Baik"), ("C", "Kurang baik"), ("D", "Tidak baik")]
)
def test_2004_performance_names(grade: str, performance: str) -> None:
    band = next(b for b in KEPMENPAN_25_2004.bands if b.grade == grade)
    assert band.performance == performance


def test_same_ikm_grades_differently_under_2004_and_2017() -> None:
    # 81.26 is B under 2017 (76.61 ≤ x < 88.31) and A under 2004 (> 81.25)
    assert grade_band(Decimal("81.26"), PERMENPAN_14_2017).grade == "B"
    assert grade_band(Decimal("81.26"), KEPMENPAN_25_2004).grade == "A"


def test_2004_scores_fourteen_elements() -> None:
    # every respondent answers 3 except element 14 (all 4): NI = (13·3 + 4)/14
    rows = [[3] * 13 + [4] for _ in range(5)]
    result = compute_ikm(rows, KEPMENPAN_25_2004)
    assert result.index == Fraction(43, 14)
    assert result.ikm == Fraction(43 * 25, 14)
    assert result.ikm_display == Decimal("76.79")
    assert result.grade == "B"


def test_2004_printed_weight_0071() -> None:
    rules = ScoringRules(weight=WeightPolicy.ROUNDED_3)
    assert set(rules.weights(KEPMENPAN_25_2004)) == {Fraction("0.071")}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("kepmenpan-25-2004", "kepmenpan-25-2004"),
        ("KEP/25/M.PAN/2/2004", "kepmenpan-25-2004"),
        ("2004", "kepmenpan-25-2004"),
        (" Permenpan-14-2017 ", "permenpan-14-2017"),
        ("permenpanrb_14_2017", "permenpan-14-2017"),
        ("2017", "permenpan-14-2017"),
    ],
)
def test_get_instrument_accepts_names_and_aliases(name: str, key: str) -> None:
    assert get_instrument(name).key == key


def test_unknown_instrument_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="kepmenpan-25-2004"):
        get_instrument("1999")


def test_every_alias_resolves() -> None:
    assert set(instrument_aliases().values()) == set(builtin_instruments())
    for alias in instrument_aliases():
        get_instrument(alias)


def test_tally_scores_for_2004_need_all_fourteen() -> None:
    tallies = {k: Tally((0, 0, 1, 0)) for k in KEPMENPAN_25_2004.question_keys}
    assert score_tallies(tallies, 1, KEPMENPAN_25_2004).ikm == 75
