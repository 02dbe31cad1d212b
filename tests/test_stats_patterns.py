"""Issue 13: ``skm stats`` computes every figure that depends on a respondent's answers alone once per
distinct answer pattern (:class:`skm.analysis.stats.patterns.AnswerPatterns`), weighted by the
respondents per pattern. Each pattern-based computation is checked against the per-respondent one it
replaces, on generated data: exactly where the arithmetic per row is the same (patterns, bootstrap
draws, counts, the service ICC), to floating tolerance where a sum over respondents becomes a
weighted sum over patterns (alpha, item–total r, alpha if deleted, the margin's standard deviation)."""

from __future__ import annotations

import math
from datetime import datetime
from unittest.mock import patch

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skm.analysis.score import load
from skm.analysis.stats import analyse, design
from skm.analysis.stats import numeric as num
from skm.analysis.stats.analyse import (
    MIN_INTERVAL_N,
    _element_columns,
    answer_matrix,
    answer_patterns,
    element_scores,
    exact_rank_keys,
    exact_rank_keys_of,
    respondent_ikm,
)
from skm.analysis.stats.columns import duplicate_pairs
from skm.analysis.stats.patterns import AnswerPatterns
from skm.analysis.stats.quality import duplicate_rows, straight_lining
from skm.core.instrument import PERMENPAN_14_2017

KEYS = [f"U{i}" for i in range(1, 10)]
SETTINGS = settings(max_examples=40, deadline=None)

# few distinct rows, so that respondents share patterns
_ROW = st.lists(st.sampled_from([None, 1, 2, 3, 3, 4, 4]), min_size=9, max_size=9)
_ROWS = st.lists(st.sampled_from([[4] * 9, [3] * 9, [3, 4, 3, 4, 3, 4, 3, 4, None]]) | _ROW, min_size=1, max_size=70)
_SERVICES = st.sampled_from(["Izin A", "Izin B", " Izin B ", "Izin C"])


def _responses(rows: list[list[int | None]], services: list[str]) -> object:
    rows = [[3, 4, 2, 3, 4, 3, 1, 4, 3], *rows]  # at least one respondent
    frame = pd.DataFrame(
        {"Jenis Layanan": [services[i % len(services)] for i in range(len(rows))]}
        | {k: [r[j] for r in rows] for j, k in enumerate(KEYS)}
    )
    return load(frame, invalid="skip")


@SETTINGS
@given(_ROWS, st.lists(_SERVICES, min_size=1, max_size=4))
def test_patterns_of_the_frame_are_the_unique_rows_of_the_answer_matrix(
    rows: list[list[int | None]], services: list[str]
) -> None:
    responses = _responses(rows, services)
    matrix = answer_matrix(responses)  # type: ignore[arg-type]
    patterns = answer_patterns(responses)  # type: ignore[arg-type]
    expected, inverse = num.unique_rows(np.where(np.isfinite(matrix), matrix, -1.0))
    assert np.array_equal(patterns.coded, expected)
    assert np.array_equal(patterns.pattern_of, inverse)
    assert np.array_equal(patterns.counts, np.bincount(inverse, minlength=expected.shape[0]))
    assert np.array_equal(patterns.matrix(), matrix, equal_nan=True)
    assert patterns.respondents == matrix.shape[0]
    # a subset of the respondents: the patterns of those rows, in the same order
    chosen = np.arange(matrix.shape[0]) % 3 != 1
    sub, direct = patterns.subset(chosen), AnswerPatterns.of_matrix(matrix[chosen])
    assert np.array_equal(sub.coded, direct.coded)
    assert np.array_equal(sub.counts, direct.counts)
    assert np.array_equal(sub.pattern_of, direct.pattern_of)


def test_patterns_of_other_columns_fall_back_to_sorting_rows() -> None:
    """Columns that are not small whole numbers (never from a reader) still give numpy's unique rows."""
    frame = pd.DataFrame({"a": [2.5, None, 2.5, 1.0], "b": pd.array([1, 2, 1, None], dtype="Int64")})
    patterns = AnswerPatterns.of_frame(frame, ["a", "b"])
    coded = np.array([[2.5, 1.0], [-1.0, 2.0], [2.5, 1.0], [1.0, -1.0]])
    expected, inverse = np.unique(coded, axis=0, return_inverse=True)
    assert np.array_equal(patterns.coded, expected)
    assert np.array_equal(patterns.pattern_of, inverse.reshape(-1))
    assert patterns.counts.tolist() == [1, 1, 2]
    wide = pd.DataFrame({k: [0, 30000, None] for k in "abcde"})  # 5 columns of 30 001 values: beyond 62 bits
    assert AnswerPatterns.of_frame(wide, list("abcde")).counts.tolist() == [1, 1, 1]


@SETTINGS
@given(_ROWS, st.integers(0, 2**31), st.sampled_from([None, 1, 10]))
def test_bootstrap_of_patterns_draws_what_the_bootstrap_of_respondents_draws(
    rows: list[list[int | None]], seed: int, limit: int | None
) -> None:
    x = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
    columns = _element_columns(PERMENPAN_14_2017)
    args = (columns, [1 / 9] * 9, 25)
    kw = {"resamples": 120, "seed": seed, "scale": (1, 4), "normal_limit": limit}
    expected = num.bootstrap_index(x, *args, **kw)  # type: ignore[arg-type]
    patterns = AnswerPatterns.of_matrix(x)
    got = num.bootstrap_patterns(patterns.coded, patterns.counts, *args, **kw)  # type: ignore[arg-type]
    assert np.array_equal(got.nrr, expected.nrr, equal_nan=True)
    assert np.array_equal(got.ikm, expected.ikm, equal_nan=True)


_SCORE = st.sampled_from([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])  # halves: sums of scores are exact in floats


@SETTINGS
@given(
    st.lists(st.lists(_SCORE, min_size=4, max_size=4), min_size=1, max_size=12),
    st.lists(st.integers(0, 6), min_size=12, max_size=12),
    st.integers(1, 4),
)
def test_weighted_reliability_equals_reliability_of_the_repeated_rows(
    distinct: list[list[float]], repeat: list[int], k: int
) -> None:
    x = np.array(distinct, dtype=np.float64)[:, :k]
    counts = np.array(repeat[: x.shape[0]], dtype=np.int64)
    rows = np.repeat(x, counts, axis=0)

    def same(a: float | None, b: float | None) -> None:
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert a == pytest.approx(b, rel=1e-9, abs=1e-9)

    same(num.cronbach_alpha(x, counts), num.cronbach_alpha(rows))
    for got, want in zip(num.item_total_r(x, counts), num.item_total_r(rows), strict=True):
        same(got, want)
    for got, want in zip(num.alpha_if_deleted(x, counts), num.alpha_if_deleted(rows), strict=True):
        same(got, want)


@SETTINGS
@given(_ROWS, st.lists(_SERVICES, min_size=1, max_size=4))
@example(  # an ICC one bit apart (0.2857142857142857 against …861): compared up to rounding
    [
        [4] * 9,
        [1] * 9,
        [3] * 9,
        *([None] * 8 + [v] for v in (1, 2, 3, 4)),
        [None] * 7 + [1, None],
        [None] * 6 + [1, None, None],
    ],
    ["Izin A", "Izin B"],
)
def test_figures_from_patterns_equal_the_figures_from_respondents(
    rows: list[list[int | None]], services: list[str]
) -> None:
    """analyse() (patterns) against the per-respondent functions on the answer matrix."""
    responses = _responses(rows, services)
    instrument = PERMENPAN_14_2017
    result = analyse(responses, resamples=100, population=10_000)  # type: ignore[arg-type]
    matrix = answer_matrix(responses)  # type: ignore[arg-type]
    scores = element_scores(matrix, instrument)
    complete = scores[np.isfinite(scores).all(axis=1)]
    assert result.reliability_n == complete.shape[0]
    want = num.cronbach_alpha(complete)
    assert (result.cronbach_alpha is None) == (want is None)
    if want is not None:
        assert result.cronbach_alpha == pytest.approx(want, rel=1e-9, abs=1e-12)
    rs = num.item_total_r(complete) if complete.shape[0] else [None] * 9
    for item, r in zip(result.items, rs, strict=True):
        assert (item.item_total_r is None) == (r is None)
        if r is not None:
            assert item.item_total_r == pytest.approx(r, rel=1e-9, abs=1e-12)
    assert result.dissatisfied == design.dissatisfied(scores, instrument, 0.95)
    assert result.uniform_rows == int(straight_lining(matrix).sum())
    person = respondent_ikm(scores, [float(w) for w in result.result.weights], instrument.conversion)
    finite = person[np.isfinite(person)]
    assert result.margin is not None
    if finite.size > 1:
        sd = float(finite.std(ddof=1))
        assert result.margin.ikm == pytest.approx(
            num.margin_of_error_mean(sd, int(finite.size), 10_000), rel=1e-9, abs=1e-12
        )
    else:
        assert result.margin.ikm is None
    if result.respondents >= MIN_INTERVAL_N:
        labels = responses.frame["Jenis Layanan"].map(lambda v: str(v).strip()).to_numpy(dtype=object)  # type: ignore[attr-defined]
        ci = result.ikm_ci
        expected = design.clustering("Jenis Layanan", person, labels, float(result.result.ikm), ci, (25.0, 100.0))
        # the same figures up to rounding: the patterns' person scores may differ from the matrix's in the
        # last bit (hypothesis found an ICC of 0.2857142857142857 against …861)
        assert (result.clustering is None) == (expected is None)
        if result.clustering is not None and expected is not None:
            got, want = result.clustering, expected
            assert (got.column, got.clusters) == (want.column, want.clusters)
            for name in ("mean_size", "icc", "design_effect", "effective_n"):
                assert getattr(got, name) == pytest.approx(getattr(want, name), rel=1e-9, abs=1e-12), name
            assert (got.ci is None) == (want.ci is None)
            if got.ci is not None and want.ci is not None:
                assert got.ci == pytest.approx(want.ci, rel=1e-9, abs=1e-12)
    keys = exact_rank_keys(matrix, instrument, result.result.weights)
    of_patterns = exact_rank_keys_of(answer_patterns(responses), instrument, result.result.weights)  # type: ignore[arg-type]
    for a, b in zip(keys, of_patterns, strict=True):
        assert np.array_equal(a, b, equal_nan=True)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([0, 3, 1, 7, 63]), max_size=40) | st.lists(st.integers(-2, 200), max_size=40))
def test_first_seen_numbers_labels_as_factorize(labels: list[int]) -> None:
    """A few small codes (a pass each) or any integers (hashed): numbered as they first appear."""
    given = np.array(labels, dtype=np.intp)
    assert design._first_seen(given).tolist() == pd.factorize(given)[0].tolist()


@SETTINGS
@given(
    st.lists(st.floats(25, 100, allow_nan=False) | st.just(math.nan), min_size=2, max_size=40),
    st.lists(st.sampled_from([3, 1, 7]), min_size=2, max_size=40),
)
def test_clustering_of_codes_is_clustering_of_labels(person: list[float], codes: list[int]) -> None:
    n = min(len(person), len(codes))
    values = np.array(person[:n])
    labels = np.array([f"layanan {c}" for c in codes[:n]], dtype=object)
    expected = design.clustering("s", values, labels, 80.0, (78.0, 82.0), (25.0, 100.0))
    got = design.clustering_codes("s", values, np.array(codes[:n]), 80.0, (78.0, 82.0), (25.0, 100.0))
    assert got == expected


@SETTINGS
@given(_ROWS)
def test_dissatisfied_of_patterns_counts_the_respondents(rows: list[list[int | None]]) -> None:
    x = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
    patterns = AnswerPatterns.of_matrix(x)
    by_pattern = element_scores(patterns.answers, PERMENPAN_14_2017)
    expected = design.dissatisfied(element_scores(x, PERMENPAN_14_2017), PERMENPAN_14_2017, 0.95)
    assert design.dissatisfied(by_pattern, PERMENPAN_14_2017, 0.95, patterns.counts) == expected


class _Times:
    """A stand-in for :class:`~skm.analysis.stats.columns.Moments` with a parsed date column (or none)."""

    def __init__(self, array: npt.NDArray[np.datetime64] | None) -> None:
        self.array = array
        self.present = array is not None

    def values(self, positions: list[int] | None = None) -> list[datetime | None] | None:
        if self.array is None:
            return None
        chosen = self.array if positions is None else self.array[positions]
        return [None if np.isnat(v) else v.item() for v in chosen]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 2), st.none() | st.integers(0, 400)),
        min_size=1,
        max_size=60,
    ),
    st.booleans(),
)
def test_duplicate_pairs_on_arrays_are_the_pairs_of_duplicate_rows(
    rows: list[tuple[int, int, int | None]], dated: bool
) -> None:
    """Keys of two columns, times a few minutes apart (some missing, some equal): the array search
    pairs each copy with the earlier row duplicate_rows pairs it with."""
    start = np.datetime64("2026-01-05T08:00:00", "us")
    times = np.array([np.datetime64("NaT", "us") if m is None else start + np.timedelta64(m, "m") for _, _, m in rows])
    codes = [np.array([a for a, _, _ in rows], dtype=np.int64), np.array([b for _, b, _ in rows], dtype=np.int64)]
    moments = _Times(times if dated else None)
    keys = [(a, b) for a, b, _ in rows]
    expected = duplicate_rows(keys, moments.values())
    assert duplicate_pairs(codes, moments) == expected  # type: ignore[arg-type]
    # the same through the one-by-one comparison (no integer key): the reference path
    many = [c * 10**12 for c in codes] * 4  # 8 columns of 2**40: beyond 62 bits
    assert duplicate_pairs(many, moments) == expected  # type: ignore[arg-type]
    with patch("skm.analysis.stats.columns._LADDER_BITS", 8):  # the times ranked, not placed
        assert duplicate_pairs(codes, moments) == expected  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.none() | st.integers(0, 3 * 1440), min_size=1, max_size=50), st.integers(0, 59))
def test_same_minute_counted_in_a_table_is_same_minute(minutes: list[int | None], second: int) -> None:
    """Times within a few days (a table of minutes) or far apart (sorted), in time order (neighbours)
    or not; midnight never matches."""
    from skm.analysis.stats.columns import Moments
    from skm.analysis.stats.quality import same_minute

    given = iter(sorted(m for m in minutes if m is not None))
    in_order = [None if m is None else next(given) for m in minutes]  # a form's export: in time order
    for spread, chosen, day in (
        (1, minutes, "2026-01-05"),
        (10_000, minutes, "2026-01-05"),
        (1, in_order, "2026-01-05"),
        (10_000, in_order, "2026-01-05"),
        (1, minutes, "1969-12-30"),  # before 1970: negative microseconds (floor, not truncation)
    ):
        start = np.datetime64(f"{day}T00:00:00", "us")
        times = np.array(
            [
                np.datetime64("NaT", "us")
                if m is None
                else start + np.timedelta64(m * spread, "m") + np.timedelta64(second if m % 2 else 0, "s")
                for m in chosen
            ]
        )
        moments = Moments.__new__(Moments)
        moments.present, moments.array, moments._values = True, times, None
        assert moments.same_minute().tolist() == same_minute(moments.values() or [])


def test_patterns_of_blank_and_zero_columns() -> None:
    frame = pd.DataFrame(
        {"a": pd.array([None, None, None], dtype="Int8"), "b": pd.array([0, 2, 0], dtype="Int8"), "c": [1.0, 1.0, None]}
    )
    patterns = AnswerPatterns.of_frame(frame, ["a", "b", "c"])
    assert patterns.coded.tolist() == [[-1.0, 0.0, -1.0], [-1.0, 0.0, 1.0], [-1.0, 2.0, 1.0]]
    assert patterns.pattern_of.tolist() == [1, 2, 0]
    assert patterns.counts.tolist() == [1, 1, 1]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.none() | st.sampled_from(["KTP-el", "ktp-el", "Akta", " Akta", "", "Kartu Keluarga"]), max_size=40))
def test_distinct_counts_of_an_arrow_column_are_the_distinct_values_in_order(values: list[str | None]) -> None:
    """The report's profile counts: Arrow's value_counts gives the distinct values in order of first
    appearance with their counts, every missing value last, as the per-value count does."""
    from skm.analysis.facts import distinct_counts

    expected = distinct_counts(values)  # plain Python values: one by one
    present = [(v, n) for v, n in expected if v is not None]
    missing = sum(n for v, n in expected if v is None)
    want = [*present, *([(None, missing)] if missing else [])]
    for dtype in ("str", pd.StringDtype("python"), pd.StringDtype("pyarrow")):
        assert distinct_counts(pd.Series(values, dtype=dtype)) == want


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.integers(-1, 6), min_size=3, max_size=3), min_size=1, max_size=40), st.integers(-3, 3))
def test_row_keys_are_the_codes_in_mixed_radix(rows: list[list[int]], shift: int) -> None:
    """One integer per row: each column's code less its least, in the radix of its span."""
    from skm.analysis.stats.columns import _row_keys

    codes = [np.array([r[j] + shift * j for r in rows], dtype=np.int64) for j in range(3)]
    expected = [0] * len(rows)
    for c in codes:
        low, base = int(c.min()), int(c.max()) - int(c.min()) + 1
        expected = [k * base + int(v) - low for k, v in zip(expected, c.tolist(), strict=True)]
    key = _row_keys([codes[0].astype(np.int32), *codes[1:]])
    assert key is not None
    assert key.tolist() == expected


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.none() | st.integers(0, 7), min_size=3, max_size=3), min_size=1, max_size=30),
    st.sampled_from(["Int8", "Int64", "float64"]),
    st.sampled_from([None, -1, -2]),
)
def test_patterns_of_one_byte_and_wider_columns_are_the_unique_rows(
    rows: list[list[int | None]], dtype: str, negative: int | None
) -> None:
    """Blanks, zeros and a negative answer (the sorted fallback; -1 as an answer, not a blank) in
    one-byte or wider columns."""
    if negative is not None:
        rows[0][0] = negative
    frame = pd.DataFrame({k: pd.array([r[j] for r in rows], dtype="Int64").astype(dtype) for j, k in enumerate("abc")})
    matrix = np.array([[np.nan if v is None else float(v) for v in r] for r in rows])
    from skm.analysis.stats.patterns import _small_whole_numbers

    for j, k in enumerate("abc"):  # each column: small whole numbers, or None with a negative answer
        cells = [r[j] for r in rows]
        given = [v for v in cells if v is not None]
        found = _small_whole_numbers(frame[k])
        if any(v < 0 for v in given):
            assert found is None
        else:
            assert found is not None
            assert found[0].tolist() == [-1 if v is None else v for v in cells]
            assert found[1:] == ((min(given), max(given)) if given else (0, -1))
    patterns = AnswerPatterns.of_frame(frame, list("abc"))
    expected = AnswerPatterns.of_matrix(matrix)
    assert np.array_equal(patterns.coded, expected.coded)
    assert np.array_equal(patterns.pattern_of, expected.pattern_of)
    assert np.array_equal(patterns.counts, expected.counts)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([math.nan, 1.0, 2.0, 4.0, math.inf, -math.inf]), min_size=3, max_size=3),
        max_size=30,
    ),
    st.integers(0, 3),
)
def test_straight_lining_column_by_column_is_the_row_reduction(rows: list[list[float]], minimum: int) -> None:
    """Blanks (NaN), infinities and rows of blanks: the flags of a reduction per row."""
    x = np.array(rows, dtype=np.float64).reshape(len(rows), 3)
    count = np.isfinite(x).sum(axis=1)
    expected = (count >= minimum) & (np.fmin.reduce(x, axis=1) == np.fmax.reduce(x, axis=1))
    assert straight_lining(x, minimum).tolist() == expected.tolist()
