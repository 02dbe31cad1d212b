"""``skm stats``: published reference values, properties, flags and the CLI = API contract."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps
from typer.testing import CliRunner

from skm.analysis.stats import analyse, parse_period
from skm.analysis.stats.analyse import MIN_INTERVAL_N
from skm.analysis.stats.numeric import (
    alpha_if_deleted,
    bootstrap_index,
    cronbach_alpha,
    holm,
    item_total_r,
    kruskal_wallis,
    mann_whitney,
    margin_of_error_proportion,
    percentile_ci,
    r_critical,
    rounded_grade_units,
)
from skm.analysis.stats.quality import duplicate_rows, straight_lining
from skm.api import load
from skm.cli import app
from skm.core.calc import compute_ikm
from skm.core.instrument import PERMENPAN_14_2017, Element, Instrument, Question
from skm.core.periods import parse_date
from skm.errors import ExitCode
from skm.readers import responses_from_frame
from skm.readers.dates import filter_period
from skm.render.json import stats_to_dict

runner = CliRunner()

# mtcars (Henderson & Velleman 1981, R `datasets`): columns cyl, hp, gear, carb of the 32 cars.
# Published alpha: 0.09463206 — easystats/performance, tests/testthat/test-cronbachs_alpha.R
# (`cronbachs_alpha(mtcars[, c("cyl", "gear", "carb", "hp")])`), computed by R independently.
MTCARS = """6 110 4 4;6 110 4 4;4 93 4 1;6 110 3 1;8 175 3 2;6 105 3 1;8 245 3 4;4 62 4 2;4 95 4 2;6 123 4 4;
6 123 4 4;8 180 3 3;8 180 3 3;8 180 3 3;8 205 3 4;8 215 3 4;8 230 3 4;4 66 4 1;4 52 4 2;4 65 4 1;4 97 3 1;
8 150 3 2;8 150 3 2;8 245 3 4;8 175 3 2;4 66 4 1;4 91 5 2;4 113 5 2;8 264 5 4;6 175 5 6;8 335 5 8;4 109 4 2"""


def mtcars() -> np.ndarray:
    rows = [[float(v) for v in r.split()] for r in MTCARS.replace("\n", "").split(";")]
    return np.array(rows)


# ---------------------------------------------------------------- published values


def test_cronbach_alpha_mtcars_published_value() -> None:
    x = mtcars()
    assert x.shape == (32, 4)
    assert x.sum(axis=0).tolist() == [198, 4694, 118, 90]  # the data set's published column sums
    assert cronbach_alpha(x) == pytest.approx(0.09463206, abs=1e-8)


def test_alpha_if_deleted_and_item_total_r_follow_their_definitions() -> None:
    x = mtcars()
    deleted = alpha_if_deleted(x)
    for i in range(4):
        assert deleted[i] == pytest.approx(cronbach_alpha(np.delete(x, i, axis=1)))
    rs = item_total_r(x)
    for i in range(4):
        rest = x.sum(axis=1) - x[:, i]
        assert rs[i] == pytest.approx(sps.pearsonr(x[:, i], rest).statistic)


def test_alpha_undefined_cases() -> None:
    assert cronbach_alpha(np.ones((5, 3))) is None  # constant total
    assert cronbach_alpha(np.ones((5, 1))) is None  # one item
    assert item_total_r(np.ones((5, 3))) == [None, None, None]


@pytest.mark.parametrize(("n", "expected"), [(100, 0.1966), (30, 0.3610), (10, 0.6319), (26, 0.3882), (3, 0.9969)])
def test_r_table(n: int, expected: float) -> None:
    """The 'r tabel' printed in Indonesian statistics books (α = 0.05, two-tailed, df = n − 2)."""
    value = r_critical(n)
    assert value is not None
    assert round(value, 4) == expected


def test_r_table_undefined_below_three() -> None:
    assert r_critical(2) is None


def test_mann_whitney_conover_example() -> None:
    """Conover, Practical Nonparametric Statistics: U = 17 for these samples, exact p = 1/9."""
    result = mann_whitney([19, 22, 16, 29, 24], [20, 11, 17, 12])
    assert result is not None
    assert result.statistic == 17  # 17 of the 20 pairs have the first sample higher
    assert result.p_value == pytest.approx(1 / 9)
    assert result.effect == pytest.approx(2 * 17 / 20 - 1)


def test_kruskal_wallis_hand_computed() -> None:
    """Ranks 1–9 in three groups: H = 12/(9·10)·(6²+15²+24²)/3 − 3·10 = 7.2, p = e^(−3.6) (χ², 2 df)."""
    result = kruskal_wallis([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert result is not None
    assert result.statistic == pytest.approx(7.2)
    assert result.p_value == pytest.approx(math.exp(-3.6))
    assert result.effect == pytest.approx(7.2 / 8)


def test_kruskal_all_identical() -> None:
    result = kruskal_wallis([[4, 4], [4, 4, 4]])
    assert result is not None
    assert (result.statistic, result.p_value) == (0.0, 1.0)


def test_holm() -> None:
    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])


def test_margin_of_error_round_trips_krejcie_morgan() -> None:
    """Krejcie & Morgan give n = 278 for N = 1000 at d = 0.05: the achieved margin is ≈ 0.05."""
    assert margin_of_error_proportion(278, 1000) == pytest.approx(0.05, abs=2e-4)
    assert margin_of_error_proportion(1000, 1000) == 0.0


def test_rounded_grade_units_half_up() -> None:
    assert rounded_grade_units([88.305, 88.3049, 88.3, 76.605], 2).tolist() == [8831, 8830, 8830, 7661]


# ---------------------------------------------------------------- bootstrap and properties


answers_strategy = st.integers(min_value=5, max_value=40).flatmap(
    lambda n: st.lists(st.lists(st.integers(1, 4), min_size=4, max_size=4), min_size=n, max_size=n)
)


@settings(max_examples=40, deadline=None)
@given(answers_strategy, st.randoms(use_true_random=False))
def test_alpha_invariant_to_row_order(rows: list[list[int]], rnd: random.Random) -> None:
    x = np.array(rows, dtype=float)
    order = list(range(len(rows)))
    rnd.shuffle(order)
    shuffled = x[order]
    a, b = cronbach_alpha(x), cronbach_alpha(shuffled)
    assert (a is None and b is None) or a == pytest.approx(b)


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(answers_strategy, st.integers(0, 2**32 - 1))
def test_ci_contains_point_estimate_and_grades_sum_to_one(rows: list[list[int]], seed: int) -> None:
    instrument = Instrument(
        key="t4",
        title="t4",
        title_en="t4",
        elements=tuple(
            Element(f"U{i}", f"E{i}", f"E{i}", (Question(f"u{i}", "", ("a", "b", "c", "d")),), i) for i in range(1, 5)
        ),
        bands=PERMENPAN_14_2017.bands,
    )
    frame = pd.DataFrame(rows, columns=[f"U{i}" for i in range(1, 5)])
    result = analyse(responses_from_frame(frame, instrument=instrument), seed=seed, resamples=200)
    exact = compute_ikm(rows, instrument)
    assert result.result.ikm == exact.ikm
    if len(rows) < MIN_INTERVAL_N:  # too few: no interval, no grade stability, and a note says so
        assert result.ikm_ci is None
        assert result.grade_stability == {}
        assert all(e.low is None for e in result.nrr_ci)
        assert "stats-note-small-n" in [n.key for n in result.notes]
        return
    low, high = result.ikm_ci  # type: ignore[misc]
    point = float(result.result.ikm)
    assert low - 1e-9 <= point <= high + 1e-9
    assert high > low  # never collapses, even when every answer is the same
    for e in result.nrr_ci:
        assert e.low is not None
        assert e.high is not None
        assert e.low - 1e-9 <= float(e.nrr) <= e.high + 1e-9
    assert sum(result.grade_stability.values()) == pytest.approx(1.0)


def test_bootstrap_deterministic_with_seed() -> None:
    x = mtcars()[:, [0, 2, 3]]
    cols = [[0], [1], [2]]
    a = bootstrap_index(x, cols, [1 / 3] * 3, 25, resamples=500, seed=7)
    b = bootstrap_index(x, cols, [1 / 3] * 3, 25, resamples=500, seed=7)
    c = bootstrap_index(x, cols, [1 / 3] * 3, 25, resamples=500, seed=8)
    assert np.array_equal(a.ikm, b.ikm)
    assert not np.array_equal(a.ikm, c.ikm)
    assert a.ikm.shape == (500,)
    assert a.valid == 500


def test_bootstrap_matches_exact_rules_with_blanks_and_multi_question_elements() -> None:
    """A replicate that draws every respondent once equals the exact (calc) computation."""
    x = np.array([[4, 3, np.nan], [2, np.nan, 3], [3, 4, 4], [1, 2, 2]], dtype=float)
    cols = [[0, 1], [2]]
    draws = bootstrap_index(x, cols, [0.5, 0.5], 25, resamples=3000, seed=1)
    # the mean of the bootstrap distribution is close to the plug-in estimate
    q = np.nanmean(x, axis=0)
    plug_in = 25 * (0.5 * (q[0] + q[1]) / 2 + 0.5 * q[2])
    assert float(np.nanmean(draws.ikm)) == pytest.approx(plug_in, abs=1.0)
    # replicates without any answer for a question are reported as invalid, not as numbers
    assert draws.valid <= 3000
    ci = percentile_ci(draws.ikm)
    assert ci is not None
    assert ci[0] <= plug_in <= ci[1]


def test_every_bootstrap_replicate_follows_the_exact_rules() -> None:
    """Blanks and an element with two questions: every replicate is the exact computation with
    the respondents weighted by that replicate's Dirichlet weights (regenerated here from the
    same seed: one Gamma(c) per distinct answer pattern of c respondents, patterns in sorted order)."""
    x = np.array([[2, 3, 1], [4, np.nan, 3], [2, 3, 1]])
    draws = bootstrap_index(x, [[0, 1], [2]], [0.5, 0.5], 25, resamples=400, seed=3)
    patterns = np.array([[2, 3, 1], [4, np.nan, 3]])  # np.unique order (blank coded −1 sorts first? no: 2 < 4)
    w = np.random.default_rng(3).gamma(np.array([2.0, 1.0]), size=(400, 2))
    answered = np.isfinite(patterns)
    means = (w @ np.where(answered, patterns, 0)) / (w @ answered)
    expected = 25 * (0.5 * (means[:, 0] + means[:, 1]) / 2 + 0.5 * means[:, 2])
    assert np.allclose(draws.ikm, expected)
    assert draws.valid == 400  # q2 always has the answers of the first pattern
    # the exact figure with equal weights: every respondent counted once
    assert float(compute_ikm([[2, 3, 1], [4, None, 3], [2, 3, 1]], _two_question_instrument()).ikm) == pytest.approx(
        25 * (0.5 * ((8 / 3 + 3) / 2) + 0.5 * (5 / 3))
    )


def _two_question_instrument() -> Instrument:
    labels = ("a", "b", "c", "d")
    return Instrument(
        key="two",
        title="two",
        title_en="two",
        elements=(
            Element("U1", "Satu", "One", (Question("q1", "", labels), Question("q2", "", labels)), 1),
            Element("U2", "Dua", "Two", (Question("q3", "", labels),), 2),
        ),
        bands=PERMENPAN_14_2017.bands,
    )


def test_mahulu_point_figures_match_score(mahulu: Path) -> None:
    responses = load(mahulu)
    result = analyse(responses, resamples=500)
    assert str(result.result.ikm_display) == "92.84"
    assert result.respondents == 26
    assert result.reliability_n == 26
    assert result.cronbach_alpha == pytest.approx(0.9077, abs=5e-5)
    assert [i.valid for i in result.items].count(False) == 1  # U4 (cost) is answered 4 by almost everyone
    assert result.items[3].code == "U4"
    assert result.items[3].valid is False
    assert result.grade_stability["A"] > 0.9
    assert [i.discriminating for i in result.items].count(False) == 1  # U4: r = .296 < .30
    assert result.items[3].item_total_r == pytest.approx(0.296, abs=5e-4)


def test_other_instrument_is_generic() -> None:
    """Three elements, the first with two questions: nothing assumes nine elements."""
    labels = ("a", "b", "c", "d")
    instrument = Instrument(
        key="mini",
        title="mini",
        title_en="mini",
        elements=(
            Element("U1", "Satu", "One", (Question("u1a", "", labels), Question("u1b", "", labels)), 1),
            Element("U2", "Dua", "Two", (Question("u2", "", labels),), 2),
            Element("U3", "Tiga", "Three", (Question("u3", "", labels),), 3),
        ),
        bands=PERMENPAN_14_2017.bands,
    )
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(rng.integers(1, 5, size=(40, 4)), columns=["u1a", "u1b", "u2", "u3"])
    result = analyse(responses_from_frame(frame, instrument=instrument), resamples=300)
    assert [i.code for i in result.items] == ["U1", "U2", "U3"]
    assert list(stats_to_dict(result)["nrr_ci"]) == ["U1", "U2", "U3"]
    scores = np.column_stack([frame[["u1a", "u1b"]].mean(axis=1), frame["u2"], frame["u3"]])
    assert result.cronbach_alpha == pytest.approx(cronbach_alpha(scores))


# ---------------------------------------------------------------- quality checks


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026-TW1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-tw4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-S1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-S2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-01-15..2026-02-14", date(2026, 1, 15), date(2026, 2, 14)),
    ],
)
def test_parse_period(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["26", "2026-13", "2026-TW5", "2026-S3", "2026-03-01..2026-01-01", "x..y", "Q1"])
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="period"):
        parse_period(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15/02/2026", datetime(2026, 2, 15)),
        ("2025-11-12 05:45:53", datetime(2025, 11, 12, 5, 45, 53)),
        ("1/15/2026 10:00:00", datetime(2026, 1, 15, 10, 0)),
        ("05-01-2026 08.30", datetime(2026, 1, 5, 8, 30)),
        (46023, datetime(2026, 1, 1)),
        (datetime(2026, 3, 1, 9, 0), datetime(2026, 3, 1, 9, 0)),
        (date(2026, 3, 1), datetime(2026, 3, 1)),
        ("31/02/2026", None),
        ("kemarin", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_parse_date_missing_markers() -> None:
    assert parse_date(float("nan")) is None
    assert parse_date(pd.NaT) is None


def test_flags_with_real_date_cells_in_xlsx(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Timestamp", "Jenis Kelamin", "Usia", "Pendidikan", *[f"U{i}" for i in range(1, 10)]])
    sheet.append([datetime(2026, 1, 5, 8, 0), "L", 30, "SMA", 3, 4, 3, 2, 3, 4, 3, 3, 2])
    sheet.append([datetime(2026, 1, 5, 8, 10), "L", 30, "SMA", 3, 4, 3, 2, 3, 4, 3, 3, 2])
    sheet.append([datetime(2026, 5, 5, 8, 10), "P", 41, "S1", 3, 3, 3, 2, 3, 4, 3, 3, 2])
    path = tmp_path / "dates.xlsx"
    book.save(path)
    flags = {f.kind: f.rows for f in analyse(load(path), period="2026-TW1", resamples=100).flags}
    assert flags == {"straight-lining": (), "duplicate": (3,), "outside-period": (4,), "date-unreadable": ()}


def test_straight_lining() -> None:
    x = np.array([[4, 4, 4], [4, np.nan, 4], [4, 3, 4], [np.nan, np.nan, 2]])
    assert straight_lining(x).tolist() == [True, True, False, False]


def test_duplicate_rows_window() -> None:
    t0 = datetime(2026, 1, 6, 3, 0)
    keys = [("a", 4), ("a", 4), ("a", 4), ("b", 4)]
    moments = [t0, t0 + timedelta(minutes=10), t0 + timedelta(hours=5), t0]
    assert duplicate_rows(keys, moments) == [(1, 0)]
    assert duplicate_rows(keys) == [(1, 0), (2, 0)]


FLAGGED_CSV = """Tanggal,Jenis Kelamin,Usia,Pendidikan,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9
05/01/2026 08:00,L,30,SMA,KTP,3,4,3,2,3,4,3,3,2
05/01/2026 08:05,L,30,SMA,KTP,3,4,3,2,3,4,3,3,2
06/01/2026 09:00,P,41,S1,KTP,4,4,4,4,4,4,4,4,4
07/01/2026 10:00,P,25,SMA,KTP,2,3,3,3,2,3,4,3,3
10/04/2026 10:00,L,52,SD,KK,3,3,4,3,2,3,3,4,3
kemarin,P,33,D3,KTP,3,2,3,4,3,3,2,3,4
08/01/2026 10:00,L,36,S1,KTP,4,3,3,4,3,2,3,3,4
09/02/2026 11:00,P,29,SMP,KTP,2,2,3,3,3,3,4,4,3
"""


@pytest.fixture
def flagged(tmp_path: Path) -> Path:
    path = tmp_path / "flagged.csv"
    path.write_text(FLAGGED_CSV, encoding="utf-8")
    return path


def test_flags_on_constructed_file(flagged: Path) -> None:
    responses = load(flagged)
    result = analyse(responses, period="2026-TW1", by="layanan", resamples=200)
    flags = {f.kind: f for f in result.flags}
    # spreadsheet rows: the header is row 1, so the data rows are 2 … 9
    assert flags["straight-lining"].rows == ()  # row 4 answered 4 throughout, but nothing else is odd
    assert result.uniform_rows == 1
    assert flags["duplicate"].rows == (3,)
    assert flags["duplicate"].duplicate_of == ((3, 2),)
    assert flags["outside-period"].rows == (6,)
    assert flags["date-unreadable"].rows == (7,)
    assert flags["small-group"].rows == (6,)
    assert flags["small-group"].groups == (("KK", 1),)
    assert result.removed_rows == ()
    assert result.respondents == 8  # flags alone change nothing
    assert result.groups is not None
    assert result.groups.test is None  # one group left after the small one: nothing to test
    data = stats_to_dict(result)
    assert {f["kind"] for f in data["flags"]} == set(flags)
    assert all(set(f) >= {"kind", "rows"} for f in data["flags"])


class _Serial:
    """A stand-in for the thread pool of :func:`analyse`: each call run at once, in the caller's thread."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Any, *args: Any) -> Any:
        from concurrent.futures import Future

        done: Future[Any] = Future()
        done.set_result(fn(*args))
        return done


def test_checks_run_beside_the_figures_in_a_thread_that_ends(
    flagged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quality checks run in a thread of their own while the figures are computed: the same flags
    and notes, in the same order, as one after the other; no thread left; their error is raised."""
    import importlib
    import threading

    module = importlib.import_module("skm.analysis.stats.analyse")  # (the package's analyse is the function)
    responses = load(flagged)
    checks = module._flags
    ran_in: list[str] = []

    def recorded(*args: Any) -> Any:
        ran_in.append(threading.current_thread().name)
        return checks(*args)

    monkeypatch.setattr(module, "_flags", recorded)
    for kwargs in ({"by": "layanan"}, {"exclude_flagged": True}):
        beside = analyse(responses, period="2026-TW1", resamples=200, **kwargs)  # type: ignore[arg-type]
        assert ran_in[-1].startswith("skm-flags")
        assert not any(t.name.startswith("skm-flags") for t in threading.enumerate())
        with monkeypatch.context() as serial:
            serial.setattr(module, "ThreadPoolExecutor", _Serial)
            alone = analyse(responses, period="2026-TW1", resamples=200, **kwargs)  # type: ignore[arg-type]
        assert ran_in[-1] == threading.current_thread().name
        assert stats_to_dict(beside) == stats_to_dict(alone)
    assert [f.kind for f in beside.flags][-1] != "small-group"
    kinds = [f.kind for f in analyse(responses, period="2026-TW1", by="layanan", resamples=200).flags]
    assert kinds == ["straight-lining", "duplicate", "outside-period", "date-unreadable", "small-group"]
    bare = tmp_path / "bare.csv"  # no profile column (a check's note), three respondents (a figure's)
    bare.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "3,4,3,4,3,4,3,4,2\n" * 3)
    notes = [n.key for n in analyse(load(bare), resamples=200).notes]
    assert notes == ["stats-note-no-profile", "stats-note-small-n"]

    def broken(*args: Any) -> Any:
        raise RuntimeError("checks failed")

    monkeypatch.setattr(module, "_flags", broken)
    with pytest.raises(RuntimeError, match="checks failed"):
        analyse(responses, resamples=200)
    assert not any(t.name.startswith("skm-flags") for t in threading.enumerate())


def test_exclude_flagged_rescores(flagged: Path) -> None:
    responses = load(flagged)
    full = analyse(responses, period="2026-TW1", resamples=200)
    cut = analyse(responses, period="2026-TW1", resamples=200, exclude_flagged=True)
    assert cut.removed_rows == (3, 6, 7)  # the honest all-4 row 4 is kept
    assert cut.respondents == 5
    assert cut.rows_total == 8
    kept = [responses.frame.loc[r, list(PERMENPAN_14_2017.question_keys)].astype(int).tolist() for r in (2, 4, 5, 8, 9)]
    assert cut.result.ikm == compute_ikm(kept).ikm
    assert cut.result.ikm != full.result.ikm
    assert "3" in stats_to_dict(cut)["methods"]["exclusion"]


def test_two_groups_use_mann_whitney(flagged: Path) -> None:
    responses = load(flagged)
    result = analyse(responses, by="jenis kelamin", min_group=3, resamples=200)
    assert result.groups is not None
    test = result.groups.test
    assert test is not None
    assert test.test == "mann-whitney"
    frame = responses.frame
    keys = list(PERMENPAN_14_2017.question_keys)
    person = frame[keys].astype(float).mean(axis=1) * 25  # one question per element, weights 1/9
    gender = frame["Jenis Kelamin"]
    expected = sps.mannwhitneyu(person[gender == "L"], person[gender == "P"], alternative="two-sided")
    assert test.statistic == pytest.approx(expected.statistic)
    assert test.p_value == pytest.approx(expected.pvalue)
    assert [g.name for g in result.groups.groups] == ["L", "P"]
    for g in result.groups.groups:  # 4 respondents each: graded and tested, but too few for an interval
        assert g.ikm is not None
        assert g.respondents < MIN_INTERVAL_N
        assert g.ci is None
    small = analyse(responses, by="layanan", resamples=200)
    assert small.groups is not None
    assert [(g.name, g.respondents, g.ci is None) for g in small.groups.groups] == [("KK", 1, True), ("KTP", 7, True)]
    assert all(code == "U" + str(i) for i, (code, _, _) in enumerate(result.groups.elements, 1))


def test_exclude_flagged_refuses_to_remove_everything(tmp_path: Path) -> None:
    path = tmp_path / "same.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "4,4,4,4,4,4,4,4,4\n" * 3)
    assert analyse(load(path), exclude_flagged=True, resamples=100).removed_rows == ()  # all-4 alone: kept
    # the same all-4 answers sent in one minute by the same person: straight-lining with evidence
    header = "Tanggal,Jenis Kelamin,Usia,Pendidikan,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
    path.write_text(header + "05/01/2026 08:00,L,30,SMA,4,4,4,4,4,4,4,4,4\n" * 3)
    with pytest.raises(ValueError, match="remove all 3 rows"):
        analyse(load(path), exclude_flagged=True)
    code, _, _ = run("stats", str(path), "--exclude-flagged")
    assert code == ExitCode.USAGE


def test_single_respondent_has_undefined_reliability(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n3,4,3,2,3,4,3,3,2\n")
    result = analyse(load(path), resamples=100)
    assert result.cronbach_alpha is None
    assert all(i.valid is None and i.r_critical is None for i in result.items)
    assert result.ikm_ci is None  # one respondent: no "95 % interval" [x; x], no "0 % chance of another grade"
    assert result.grade_stability == {}
    assert stats_to_dict(result)["grade_stability"]["same_grade"] is None
    code, _, _ = run("stats", str(path), "--resamples", "100")
    assert code == ExitCode.OK


def test_period_without_date_column_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "nodate.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "3,4,3,2,3,4,3,3,2\n" * 3 + "4,4,3,2,3,4,3,3,2\n")
    result = analyse(load(path), period="2026", resamples=200)
    assert [n.key for n in result.notes] == ["stats-note-no-profile", "stats-note-no-date", "stats-note-small-n"]
    assert {f.kind for f in result.flags} == {"straight-lining"}


def test_previous_period_comparison(mahulu: Path, data_dir: Path) -> None:
    current = load(Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv")
    result = analyse(current, previous=load(mahulu), resamples=400)
    prev = result.previous
    assert prev is not None
    assert str(prev.ikm_previous) == "92.84"
    assert prev.difference == prev.ikm_current - prev.ikm_previous
    assert prev.ci is not None
    assert prev.ci[1] < 0  # this file is clearly lower than Mahulu
    assert prev.significant
    assert prev.test is not None
    assert prev.test.test == "bootstrap-difference"  # the difference shown is the difference tested
    assert prev.test.p_value < 0.05
    assert prev.rank_test is not None
    assert prev.rank_test.effect is not None
    assert prev.rank_test.effect < 0


def test_population_smaller_than_sample_is_an_error(mahulu: Path) -> None:
    with pytest.raises(ValueError, match="population"):
        analyse(load(mahulu), population=10)


# ---------------------------------------------------------------- CLI


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_json_equals_api(mahulu: Path) -> None:
    example = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
    args = ["--by", "layanan", "--previous", str(example), "--population", "300", "--period", "2025"]
    code, out, _ = run("stats", str(mahulu), *args, "--seed", "11", "--resamples", "300", "--format", "json")
    assert code == ExitCode.OK
    in_2025, _ = filter_period(load(mahulu), "2025")  # --period filters, as in skm score
    api = analyse(in_2025, by="layanan", previous=load(example), population=300, period="2025", seed=11, resamples=300)
    expected = json.loads(json.dumps(stats_to_dict(api)))
    assert json.loads(out) == expected
    for key in ("cronbach_alpha", "items", "ikm_ci", "nrr_ci", "grade_stability", "dissatisfied", "flags", "methods"):
        assert key in expected
    assert set(expected["items"][0]) >= {"code", "item_total_r", "r_critical", "valid", "alpha_if_deleted"}


def test_cli_table_indonesian_and_english(flagged: Path) -> None:
    code, out, _ = run("stats", str(flagged), "--resamples", "200", "--period", "2026-TW1")
    assert code == ExitCode.OK
    assert "Cronbach's alpha" in out
    assert "r tabel" in out
    assert "Kiriman ganda" in out
    assert "Metode" in out
    code, out, _ = run("stats", str(flagged), "--resamples", "200", "--lang", "en", "--exclude-flagged")
    assert code == ExitCode.OK
    assert "r critical" in out
    assert "1 of 8 rows removed" in out  # duplicate row 3 (the all-4 row 4 is kept: no other evidence)


@pytest.mark.parametrize(
    "args",
    [["--period", "2026-TW9"], ["--population", "3"], ["--by", "no-such-column"], ["--resamples", "10"]],
)
def test_cli_usage_errors(flagged: Path, args: list[str]) -> None:
    code, _, _ = run("stats", str(flagged), *args)
    assert code == ExitCode.USAGE


@pytest.mark.slow
def test_cli_writes_output_file(flagged: Path, tmp_path: Path) -> None:
    target = tmp_path / "stats.json"
    code, _, _ = run("stats", str(flagged), "--format", "json", "--resamples", "200", "-o", str(target))
    assert code == ExitCode.OK
    assert json.loads(target.read_text(encoding="utf-8"))["respondents"] == 8
    code, _, _ = run("stats", str(flagged), "--format", "json", "-o", str(target))
    assert code == ExitCode.OUTPUT_ERROR


def test_cli_defaults_equal_the_api_defaults() -> None:
    from skm.analysis.stats import DEFAULT_RESAMPLES, DEFAULT_SEED
    from skm.cli import stats as cli_stats

    assert (cli_stats.DEFAULT_SEED, cli_stats.DEFAULT_RESAMPLES) == (DEFAULT_SEED, DEFAULT_RESAMPLES)


@pytest.mark.slow
def test_stats_core_imports_no_cli_or_spreadsheet_libraries() -> None:
    code = (
        "import sys, skm.analysis.stats, skm.analysis.stats.numeric, skm.analysis.stats.quality; "
        "print(','.join(m for m in ['typer', 'rich', 'openpyxl', 'click'] if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_pingouin_cross_check() -> None:
    pingouin = pytest.importorskip("pingouin")
    x = mtcars()
    value, _ = pingouin.cronbach_alpha(data=pd.DataFrame(x))
    assert cronbach_alpha(x) == pytest.approx(value)


def test_summary_lines_for_the_report(mahulu: Path) -> None:
    from skm.render.prose import summary_lines

    example = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
    result = analyse(load(mahulu), previous=load(example), population=300, resamples=300)
    data = stats_to_dict(result)
    stability = data["grade_stability"]
    assert stability["same_grade"] == stability["shares"]["A"]
    lines = summary_lines(result)
    assert lines[0].startswith("IKM 92,84 (mutu A); interval kepercayaan 95% [")
    assert "bukan peluang bahwa mutu benar" in lines[0]
    assert "8 dari 9 unsur \u201cvalid\u201d menurut uji signifikansi (r hitung > r tabel 0,3882)" in lines[1]
    assert "8 dari 9 unsur berdaya beda cukup (r hitung ≥ 0,30)" in lines[1]
    assert any("berubah nyata" in line for line in lines)
    english = summary_lines(result, "en")
    assert "8 of 9 elements \u201cvalid\u201d by the significance test" in english[1]
    assert english[-1].startswith("All 26 rows are counted")


def test_cli_json_lists_skipped_cells(data_dir: Path) -> None:
    messy = Path(__file__).parent.parent / "examples" / "berantakan.csv"
    code, out, err = run("stats", str(messy), "--invalid", "skip", "--format", "json", "--resamples", "200")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert len(data["skipped_cells"]) == 3
    assert "3" in err


# ---------------------------------------------------------------- golden files (fixed seed)


def _golden_result(mahulu: Path):  # type: ignore[no-untyped-def]
    example = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
    return analyse(
        load(mahulu), by="layanan", previous=load(example), population=300, period="2025", seed=1, resamples=500
    )


def test_golden_json(mahulu: Path, golden) -> None:  # type: ignore[no-untyped-def]
    from skm.render.json import dumps

    golden("mahulu.stats.json", dumps(stats_to_dict(_golden_result(mahulu))) + "\n")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_table(mahulu: Path, golden, lang: str) -> None:  # type: ignore[no-untyped-def]
    import io

    from rich.console import Console

    from skm.render.stats_console import stats_renderable

    console = Console(file=io.StringIO(), width=120, color_system=None, legacy_windows=False, force_terminal=False)
    console.print(stats_renderable(_golden_result(mahulu), lang))
    golden(f"mahulu.stats.{lang}.txt", console.file.getvalue())


def test_cli_period_filters_like_score(flagged: Path) -> None:
    """--period keeps the respondents dated in the period and says how many were left out."""
    code, out, err = run("stats", str(flagged), "--resamples", "200", "--period", "2026-TW1", "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["respondents"] == 6  # row 6 (April) and row 7 ("kemarin") left out
    assert "2 responden di luar periode 2026-TW1" in " ".join(err.split())
    in_period, left_out = filter_period(load(flagged), "2026-TW1")
    assert left_out == 2
    api = analyse(in_period, period="2026-TW1", resamples=200)
    assert data == json.loads(json.dumps(stats_to_dict(api)))
    code, _, err = run("stats", str(flagged), "--resamples", "200", "--period", "2027")
    assert code == ExitCode.INVALID_DATA  # nobody in the period


def test_cli_previous_json_is_a_clear_usage_error(mahulu: Path, tmp_path: Path) -> None:
    """A JSON result has no respondents for the test and intervals: stats says so (exit 2)."""
    score_json = tmp_path / "before.json"
    code, out, _ = run("score", str(mahulu), "--format", "json")
    assert code == ExitCode.OK
    score_json.write_text(out, encoding="utf-8")
    code, _, err = run("stats", str(mahulu), "--resamples", "200", "--previous", str(score_json), "--lang", "en")
    assert code == ExitCode.USAGE
    text = " ".join(err.split())
    assert "needs the previous period's responses file" in text
    assert "skm report --previous" in text
    code, _, err = run("stats", str(mahulu), "--resamples", "200", "--previous", str(tmp_path / "none.json"))
    assert code == ExitCode.INPUT_ERROR


def test_a_score_passed_in_gives_the_same_statistics_and_is_ignored_when_rows_are_excluded(flagged: Path) -> None:
    """``skm report`` hands analyse the overall score it has already computed: the statistics are the
    same as when analyse computes it, and a score of other rows is never used once rows are excluded."""
    from skm.analysis.score import score_responses

    responses = load(flagged)
    scored = score_responses(responses)
    plain = stats_to_dict(analyse(responses, resamples=200))
    assert stats_to_dict(analyse(responses, resamples=200, scored=scored)) == plain
    excluded = stats_to_dict(analyse(responses, resamples=200, exclude_flagged=True))
    assert stats_to_dict(analyse(responses, resamples=200, exclude_flagged=True, scored=scored)) == excluded
    assert excluded["ikm"] != plain["ikm"] or excluded["respondents"] != plain["respondents"]


@pytest.mark.parametrize("df", [1, 2, 3, 7, 9, 10, 11, 28, 98, 998, 10_000, 999_998, 10**8])
@pytest.mark.parametrize("alpha", [0.1, 0.05, 0.01, 0.001])
def test_t_quantile_matches_scipy(df: int, alpha: float) -> None:
    """The standard-library t quantile of the 'r tabel' (no scipy.special on every report) equals scipy's."""
    from scipy import special

    from skm.analysis.stats.numeric import t_quantile_two_sided

    assert t_quantile_two_sided(df, alpha) == pytest.approx(float(special.stdtrit(df, 1 - alpha / 2)), rel=1e-9)


def test_a_report_with_statistics_imports_no_scipy(flagged: Path) -> None:
    code = (
        "import sys; from skm.api import load; from skm.analysis.stats import analyse; "
        f"analyse(load({str(flagged)!r}), by='layanan', resamples=100); print('scipy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
