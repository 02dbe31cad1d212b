"""Core arithmetic on the reference's cases (../shared/skm-reference.md)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from skm.core.calc import (
    NoAnswersError,
    ScoringRules,
    Tally,
    WeightPolicy,
    compute_ikm,
    grade_band,
    round_half_up,
    score_tallies,
    tally_values,
)
from skm.core.instrument import PERMENPAN_14_2017


def tallies_with_nrr(nrr: str) -> dict[str, Tally]:
    """Nine elements whose NRR is exactly ``nrr`` (a 4-decimal value between 1 and 4)."""
    value = Fraction(nrr)
    n = 10_000
    total = int(value * n)
    # n answers summing to `total`: some 3s and some 4s (value between 3 and 4)
    fours = total - 3 * n
    counts = (0, 0, n - fours, fours)
    return {k: Tally(counts) for k in PERMENPAN_14_2017.question_keys}


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("88.305", 2, "88.31"),
        ("88.30499", 2, "88.30"),
        ("76.605", 2, "76.61"),
        ("1/3", 4, "0.3333"),
        ("2/3", 4, "0.6667"),
        ("0.00005", 4, "0.0001"),
        ("100", 2, "100.00"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    assert round_half_up(Fraction(value), places) == Decimal(expected)


def test_round_half_up_negative_ties_away_from_zero() -> None:
    assert round_half_up(Fraction("-2.5"), 0) == Decimal(-3)


def _round_half_up_by_fractions(value: Fraction | int, places: int) -> Decimal:
    """``round_half_up`` as first written, in Fraction arithmetic: the reference of the integer one."""
    scaled = abs(Fraction(value)) * 10**places
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = -1 if value < 0 else 1
    return Decimal(sign * whole).scaleb(-places)


@given(
    st.one_of(
        st.fractions(),
        st.builds(Fraction, st.integers(-(10**80), 10**80), st.integers(1, 10**80)),
        st.integers(-(10**30), 10**30),
    ),
    st.integers(0, 8),
)
@example(Fraction(-1, 2000), 2)  # rounds to zero: "0.00", not "-0.00"
@example(Fraction(-5, 2), 0)
@example(Fraction(17661, 200), 2)  # 88.305: a tie
def test_round_half_up_equals_the_fraction_arithmetic(value: Fraction | int, places: int) -> None:
    fast, reference = round_half_up(value, places), _round_half_up_by_fractions(value, places)
    assert fast.as_tuple() == reference.as_tuple()  # the same digits, sign and exponent


@pytest.mark.parametrize(
    ("nrr", "ikm", "grade"),
    [("3.5322", "88.31", "A"), ("3.0641", "76.60", "C"), ("3.0642", "76.61", "B"), ("2.6", "65.00", "C")],
)
def test_reference_boundaries(nrr: str, ikm: str, grade: str) -> None:
    result = score_tallies(tallies_with_nrr(nrr) if Fraction(nrr) >= 3 else _low(nrr), 10_000)
    assert result.ikm_display == Decimal(ikm)
    assert result.grade == grade


def _low(nrr: str) -> dict[str, Tally]:
    value = Fraction(nrr)
    n = 10_000
    total = int(value * n)
    threes = total - 2 * n
    return {k: Tally((0, n - threes, threes, 0)) for k in PERMENPAN_14_2017.question_keys}


def test_binary_floats_would_have_dropped_the_grade() -> None:
    # the naive float computation gives 88.30499… and rounds to 88.30 (grade B) …
    naive = sum([3.5322 * (1 / 9)] * 9) * 25
    assert naive < 88.305
    assert round(naive, 2) == 88.30
    # … while the exact computation gives 88.305 → 88.31 → A
    result = score_tallies(tallies_with_nrr("3.5322"), 10_000)
    assert result.ikm == Fraction("88.305")
    assert result.grade == "A"


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.305", "A"),
        ("88.3049", "B"),
        ("76.61", "B"),
        ("76.605", "B"),
        ("76.6049", "C"),
        ("65.00", "C"),
        ("64.995", "C"),
        ("64.9949", "D"),
        ("25", "D"),
    ],
)
def test_grade_bands_have_no_gaps(value: str, grade: str) -> None:
    assert grade_band(Fraction(value)).grade == grade


def test_band_labels() -> None:
    assert grade_band(Fraction(90)).performance == "Sangat baik"
    assert grade_band(Fraction(80)).performance == "Baik"
    assert grade_band(Fraction(70)).performance == "Kurang baik"
    assert grade_band(Fraction(50)).performance == "Tidak baik"


@pytest.mark.parametrize(
    ("policy", "ikm"),
    [(WeightPolicy.EXACT, "100.00"), (WeightPolicy.ROUNDED_3, "99.90"), (WeightPolicy.ROUNDED_2, "99.00")],
)
def test_perfect_survey_under_each_weight(policy: WeightPolicy, ikm: str) -> None:
    result = compute_ikm([[4] * 9] * 3, rules=ScoringRules(weight=policy))
    assert result.ikm_display == Decimal(ikm)


def test_all_ones_is_25() -> None:
    result = compute_ikm([[1] * 9])
    assert result.ikm == 25
    assert result.grade == "D"


def test_blanks_are_left_out_not_zero() -> None:
    rows: list[list[int | None]] = [[4] * 9, [None] + [2] * 8]
    result = compute_ikm(rows)
    u1 = result.element("U1")
    assert u1.answered == 1
    assert u1.nrr == 4
    assert result.element("U2").nrr == 3
    assert result.respondents == 2


def test_element_without_answers_is_an_error() -> None:
    with pytest.raises(NoAnswersError) as info:
        compute_ikm([[None] + [3] * 8])
    assert info.value.codes == ("U1",)


def test_out_of_scale_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        tally_values([5])
    with pytest.raises(ValueError, match="outside"):
        tally_values([0])


def test_mapping_rows_and_priority() -> None:
    rows = [{"u1": 2, "u2": 3, "u3": 4, "u4": 4, "u5": 4, "u6": 4, "u7": 4, "u8": 1, "u9": 4}]
    result = compute_ikm(rows)
    assert result.priority[:3] == ("U8", "U1", "U2")


def test_priority_ties_keep_code_order() -> None:
    result = compute_ikm([[3] * 9])
    assert result.priority == PERMENPAN_14_2017.codes


def test_element_values_are_exact() -> None:
    result = compute_ikm([[4] * 9, [3] * 9, [3] * 9])
    e = result.element("U1")
    assert e.sum == 10
    assert e.nrr == Fraction(10, 3)
    assert e.weighted == Fraction(10, 27)
    assert e.nrr_display == Decimal("3.3333")
    assert e.converted_display == Decimal("83.33")
    assert e.grade == "B"
    assert result.index == Fraction(10, 3)


def test_legacy_nrr_rounding_changes_only_when_asked() -> None:
    rows = [[4] * 9, [3] * 9, [3] * 9]
    exact = compute_ikm(rows)
    legacy = compute_ikm(rows, rules=ScoringRules(nrr_decimals=2))
    assert exact.index == Fraction(10, 3)
    assert legacy.index == Fraction("3.33")
    assert legacy.rules.is_legacy
    assert not exact.rules.is_legacy


def test_tallies_add() -> None:
    assert Tally((1, 0, 2, 0)) + Tally((0, 1, 0, 1)) == Tally((1, 1, 2, 1))
