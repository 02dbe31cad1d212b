"""Sample sizes: the published Krejcie & Morgan table, Slovin, Cochran, allocation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skm.core.sampling import Method, Rounding, allocate, sample_size

# Krejcie & Morgan (1970), Table 1: population N → sample S (all 90 rows)
KM_TABLE = (
    "10 10, 15 14, 20 19, 25 24, 30 28, 35 32, 40 36, 45 40, 50 44, 55 48, 60 52, 65 56, 70 59, 75 63, "
    "80 66, 85 70, 90 73, 95 76, 100 80, 110 86, 120 92, 130 97, 140 103, 150 108, 160 113, 170 118, "
    "180 123, 190 127, 200 132, 210 136, 220 140, 230 144, 240 148, 250 152, 260 155, 270 159, 280 162, "
    "290 165, 300 169, 320 175, 340 181, 360 186, 380 191, 400 196, 420 201, 440 205, 460 210, 480 214, "
    "500 217, 550 226, 600 234, 650 242, 700 248, 750 254, 800 260, 850 265, 900 269, 950 274, 1000 278, "
    "1100 285, 1200 291, 1300 297, 1400 302, 1500 306, 1600 310, 1700 313, 1800 317, 1900 320, 2000 322, "
    "2200 327, 2400 331, 2600 335, 2800 338, 3000 341, 3500 346, 4000 351, 4500 354, 5000 357, 6000 361, "
    "7000 364, 8000 367, 9000 368, 10000 370, 15000 375, 20000 377, 30000 379, 40000 380, 50000 381, "
    "75000 382, 1000000 384"
)
ROWS = [tuple(int(x) for x in pair.split()) for pair in KM_TABLE.split(", ")]


@pytest.mark.parametrize(("population", "expected"), ROWS)
def test_krejcie_morgan_reproduces_the_published_table(population: int, expected: int) -> None:
    size = sample_size(population)
    assert size.sample == expected
    assert size.method is Method.KREJCIE_MORGAN
    assert size.rounding is Rounding.HALF_UP
    assert size.chi_square == Fraction("3.841")


def test_rounding_up_differs_from_the_table_in_many_rows() -> None:
    differ = [n for n, s in ROWS if sample_size(n, rounding=Rounding.UP).sample != s]
    assert 40 <= len(differ) <= 46
    assert sample_size(50, rounding=Rounding.UP).sample == 45


def test_slovin() -> None:
    size = sample_size(1000, method=Method.SLOVIN, margin=0.05)
    assert size.exact == Fraction(1000, Fraction(7, 2))  # 1000 / (1 + 1000 · 0.0025)
    assert size.sample == 286
    assert size.rounding is Rounding.UP
    assert sample_size(1000, method=Method.SLOVIN, margin=0.1).sample == 91


def test_cochran_with_finite_population_correction() -> None:
    size = sample_size(1000, method=Method.COCHRAN)
    n0 = Fraction("3.841") * Fraction(1, 4) / Fraction(1, 400)
    assert size.exact == n0 / (1 + (n0 - 1) / 1000)
    assert size.sample == 278


def test_other_confidence_levels() -> None:
    assert sample_size(1000, confidence=0.99).chi_square == Fraction("6.635")
    assert sample_size(1000, confidence=0.99).sample > 278


@pytest.mark.parametrize("population", [0, -5])
def test_population_must_be_positive(population: int) -> None:
    with pytest.raises(ValueError, match="population"):
        sample_size(population)


@pytest.mark.parametrize("margin", [0, 1, -0.1, 1.5])
def test_margin_must_be_inside_zero_one(margin: float) -> None:
    with pytest.raises(ValueError, match="margin"):
        sample_size(100, margin=margin)


def test_population_must_be_whole() -> None:
    with pytest.raises(TypeError):
        sample_size(10.5)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=10**7))
def test_sample_never_exceeds_population_and_never_exceeds_384(population: int) -> None:
    s = sample_size(population).sample
    assert 1 <= s <= min(population, 384)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_sample_grows_with_population(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert sample_size(lo).sample <= sample_size(hi).sample


@given(
    st.integers(min_value=0, max_value=2000),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(min_value=1, max_value=5000), min_size=1),
)
def test_allocation_adds_up(total: int, populations: dict[str, int]) -> None:
    shares = allocate(total, populations)
    assert sum(shares.values()) == total
    grand = sum(populations.values())
    for key, share in shares.items():
        assert abs(Fraction(share) - Fraction(total * populations[key], grand)) < 1


def test_allocation_example() -> None:
    assert allocate(300, {"KTP-el": 1200, "KK": 300, "Akta": 500}) == {"KTP-el": 180, "KK": 45, "Akta": 75}
