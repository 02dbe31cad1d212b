"""Issue 16: the statistics of ``skm stats`` checked against independent values (scipy on exact
integers, hand computations, a coverage simulation) — ties, small samples, grade stability,
item discrimination, flags, comparisons, post-stratification, importance–performance and the
share dissatisfied."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from skm.analysis.score import load, score_responses
from skm.analysis.stats import analyse
from skm.analysis.stats.analyse import MIN_INTERVAL_N, answer_matrix, exact_rank_keys
from skm.analysis.stats.design import clustering, quadrant
from skm.analysis.stats.numeric import bootstrap_index, percentile_ci, wilson_interval
from skm.core.calc import compute_ikm
from skm.core.instrument import KEPMENPAN_25_2004, PERMENPAN_14_2017
from skm.readers import responses_from_frame
from skm.readers.instrument_file import load_instrument_file
from skm.render.json import stats_to_dict

EXAMPLES = Path(__file__).parent.parent / "examples"
DISDUKCAPIL = EXAMPLES / "disdukcapil_tw1_2026.csv"
HARAPAN = EXAMPLES / "harapan_2026.csv"
HARAPAN_TOML = EXAMPLES / "instrumen_harapan.toml"
POPULATIONS = {"Izin Usaha": 400, "Izin Bangunan": 900, "Izin Reklame": 1100}


# ---------------------------------------------------------------- 1. ties


def test_kruskal_wallis_ranks_exact_scores_like_scipy_on_integers() -> None:
    """Equal weights: a respondent's IKM-scale score orders like the integer sum of the answers, so
    scipy on those integers (ties exact) is the independent value: H = 2.0249, p = .5673."""
    responses = load(DISDUKCAPIL)
    result = analyse(responses, by="Jenis Layanan", resamples=100)
    assert result.groups is not None
    assert result.groups.test is not None
    answers = answer_matrix(responses)
    complete = np.isfinite(answers).all(axis=1)
    sums = np.nansum(answers, axis=1).astype(int)
    labels = responses.frame["Jenis Layanan"].to_numpy()
    expected = sps.kruskal(*[sums[(labels == g) & complete] for g in sorted(set(labels))])
    assert result.groups.test.statistic == pytest.approx(expected.statistic, rel=1e-12)
    assert result.groups.test.p_value == pytest.approx(expected.pvalue, rel=1e-12)
    assert round(result.groups.test.statistic, 4) == 2.0249
    assert round(result.groups.test.p_value, 4) == 0.5673


def test_float_scores_are_not_ties_but_exact_keys_are() -> None:
    """The bug: 1/9-weighted float sums of the same answers in another order differ in the last
    bits. The exact keys of equal scores are equal, whatever the order of the answers."""
    rows = np.array([[2, 4, 3, 1, 4, 3, 4, 1, 1], [3, 4, 1, 3, 1, 4, 4, 2, 1], [3, 3, 3, 3, 3, 3, 3, 3, 2]], float)
    floats = 25 * (rows @ np.full(9, 1 / 9))
    assert floats[0] != floats[1]  # 25 · 23/9 both, but 63.888888888888886 and 63.88888888888889
    person, elements = exact_rank_keys(rows, PERMENPAN_14_2017, PERMENPAN_14_2017.exact_weights())
    assert person[0] == person[1]
    assert person[2] > person[0]  # 26/9 > 23/9
    assert elements.shape == (3, 9)


def test_mann_whitney_period_comparison_with_ties_matches_scipy_on_integers(mahulu: Path) -> None:
    current, previous = load(DISDUKCAPIL), load(mahulu)
    result = analyse(current, previous=previous, resamples=200)
    assert result.previous is not None
    assert result.previous.rank_test is not None

    def sums(responses: object) -> np.ndarray:
        a = answer_matrix(responses)  # type: ignore[arg-type]
        return np.nansum(a, axis=1)[np.isfinite(a).all(axis=1)].astype(int)

    expected = sps.mannwhitneyu(sums(current), sums(previous), alternative="two-sided")
    assert result.previous.rank_test.statistic == pytest.approx(expected.statistic)
    assert result.previous.rank_test.p_value == pytest.approx(expected.pvalue, rel=1e-12)
    for j, change in enumerate(result.previous.elements):  # per element: integer answers, scipy directly
        a, b = answer_matrix(current)[:, j], answer_matrix(previous)[:, j]
        element = sps.mannwhitneyu(a[np.isfinite(a)], b[np.isfinite(b)], alternative="two-sided")
        assert change.rank_test is not None
        assert change.rank_test.p_value == pytest.approx(element.pvalue, rel=1e-12)


def test_exact_keys_with_unequal_weights_and_fourteen_elements() -> None:
    """1/14 weights (2004 method): keys order exactly like Fractions computed by hand."""
    rng = np.random.default_rng(5)
    rows = rng.integers(1, 5, size=(60, 14)).astype(float)
    rows[:20] = rows[20:40][:, ::-1]  # many equal sums in different orders
    person, _ = exact_rank_keys(rows, KEPMENPAN_25_2004, KEPMENPAN_25_2004.exact_weights())
    exact = [25 * sum(Fraction(int(v), 14) for v in row) for row in rows]
    assert sps.rankdata(person).tolist() == sps.rankdata([float(e * 14) for e in exact]).tolist()


# ---------------------------------------------------------------- 2. small samples, coverage


def _nine(rows: list[list[int]]) -> object:
    return responses_from_frame(pd.DataFrame(rows, columns=[f"U{i}" for i in range(1, 10)]))


def test_five_nearly_all_four_respondents_get_no_interval_and_a_note() -> None:
    rows = [[4] * 9] * 4 + [[4, 4, 4, 4, 3, 4, 4, 4, 4]]
    result = analyse(_nine(rows), resamples=200)  # type: ignore[arg-type]
    assert result.ikm_ci is None
    assert result.grade_stability == {}
    assert any(n.key == "stats-note-small-n" for n in result.notes)
    data = stats_to_dict(result)
    assert data["intervals_given"] is False
    assert data["min_interval_n"] == MIN_INTERVAL_N
    assert any("5" in n for n in data["notes"])


def test_interval_does_not_collapse_at_the_ceiling() -> None:
    result = analyse(_nine([[4] * 9] * MIN_INTERVAL_N), resamples=500)  # type: ignore[arg-type]
    assert result.ikm_ci is not None
    low, high = result.ikm_ci
    assert high == 100.0  # holds the exact IKM
    assert 75 < low < 99  # but says that 100 from ten people is not a certainty
    assert result.grade_stability["A"] < 1.0
    for e in result.nrr_ci:
        assert e.low is not None
        assert e.low < 4.0


@pytest.mark.slow
def test_bootstrap_intervals_cover_at_n_100() -> None:
    """Seeded simulation: 400 samples of n = 100 from a population with correlated answers; the
    95 % interval (Bayesian bootstrap, weak prior, 400 resamples) holds the true IKM 93–97 % of
    the time."""
    rng = np.random.default_rng(12345)
    size = 200_000
    mood = rng.normal(0.3, 0.6, size=size)
    base = np.array([3.2, 3.0, 2.8, 3.5, 3.1, 3.2, 3.3, 2.9, 3.0])
    population = np.clip(np.rint(base + mood[:, None] + rng.normal(0, 0.5, size=(size, 9))), 1, 4)
    truth = 25 * population.mean()
    columns = [[j] for j in range(9)]
    hits = 0
    samples = 400
    for r in range(samples):
        sample = population[rng.integers(0, size, size=100)]
        draws = bootstrap_index(sample, columns, [1 / 9] * 9, 25, resamples=400, seed=r, scale=(1, 4))
        ci = percentile_ci(draws.ikm)
        assert ci is not None
        point = 25 * sample.mean()
        hits += min(ci[0], point) <= truth <= max(ci[1], point)
    assert 0.93 <= hits / samples <= 0.97


# ---------------------------------------------------------------- 3. grade stability


def test_grade_figure_is_named_stability_not_probability(mahulu: Path) -> None:
    data = stats_to_dict(analyse(load(mahulu), resamples=300))
    assert "grade_probability" not in data
    assert "grade_other_probability" not in data
    stability = data["grade_stability"]
    assert stability["grade"] == "A"
    assert sum(stability["shares"].values()) == pytest.approx(1.0, abs=1e-3)
    assert "BUKAN peluang" in data["methods"]["grade_stability"]


# ---------------------------------------------------------------- 4. validity wording


def test_discrimination_does_not_flip_with_more_respondents(mahulu: Path) -> None:
    """Mahulu U4: r = .296. Twice the same respondents make it \u201cvalid\u201d by the r-table
    test (a significance test), while its discrimination (r ≥ .30) stays what it is."""
    responses = load(mahulu)
    once = analyse(responses, resamples=100)
    doubled = responses_from_frame(pd.concat([responses.frame[list(PERMENPAN_14_2017.question_keys)]] * 2))
    twice = analyse(doubled, resamples=100)
    u4, u4_twice = once.items[3], twice.items[3]
    assert u4.item_total_r == pytest.approx(u4_twice.item_total_r)
    x = answer_matrix(responses)
    rest = x.sum(axis=1) - x[:, 3]
    assert u4.item_total_r == pytest.approx(sps.pearsonr(x[:, 3], rest).statistic)
    assert (u4.valid, u4_twice.valid) == (False, True)
    assert u4.discriminating is False
    assert u4_twice.discriminating is False
    item = stats_to_dict(once)["items"][3]
    assert item["valid"] is False
    assert item["discriminating"] is False


# ---------------------------------------------------------------- 5. flags


def test_honest_uniform_answers_are_not_excluded(mahulu: Path) -> None:
    responses = load(mahulu)
    full = analyse(responses, resamples=100)
    cut = analyse(responses, resamples=100, exclude_flagged=True)
    straight = next(f for f in full.flags if f.kind == "straight-lining")
    duplicates = next(f for f in full.flags if f.kind == "duplicate")
    assert full.uniform_rows == 13
    assert len(straight.rows) < full.uniform_rows  # only those with other evidence
    involved = {r for pair in duplicates.duplicate_of for r in pair}
    minutes = {}
    for row, moment in zip(responses.frame.index, responses.frame["created_at"], strict=True):
        minutes.setdefault(pd.Timestamp(moment).floor("min"), []).append(int(row))
    same_minute = {r for rows in minutes.values() if len(rows) > 1 for r in rows}
    assert set(straight.rows) <= involved | same_minute
    assert len(cut.removed_rows) < 14
    assert cut.result.grade == "A"


def test_duplicates_need_identifying_columns(tmp_path: Path) -> None:
    path = tmp_path / "few.csv"
    lines = ["Tanggal,Jenis Kelamin,U1,U2,U3,U4,U5,U6,U7,U8,U9"]
    lines += [f"05/01/2026,{'L' if i % 2 else 'P'},4,4,4,4,4,4,4,4,4" for i in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = analyse(load(path), resamples=100)
    kinds = {f.kind: f.rows for f in result.flags}
    assert "duplicate" not in kinds
    assert kinds["straight-lining"] == ()
    note = next(n for n in result.notes if n.key == "stats-note-few-identifying")
    assert "Jenis Kelamin" in note.text("en")
    assert "3" in note.text("en")


# ---------------------------------------------------------------- 6. consistency


def test_one_shape_for_comparisons_and_the_verdict_tests_what_is_shown(mahulu: Path) -> None:
    result = analyse(load(mahulu), by="layanan", previous=load(DISDUKCAPIL), min_group=2, resamples=400)
    data = stats_to_dict(result)
    for element in data["comparison"]["elements"] + data["previous"]["elements"]:
        assert {"code", "test", "p_holm", "significant"} <= set(element)
        assert element["test"] is None or {"test", "p_value", "statistic"} <= set(element["test"])
    previous = data["previous"]
    assert previous["test"]["test"] == "bootstrap-difference"
    assert previous["rank_test"]["test"] == "mann-whitney"
    low, high = previous["difference_ci"]
    assert previous["significant"] == (not low <= 0 <= high)
    assert previous["test"]["statistic"] == previous["difference"]


def test_alpha_says_how_many_rows_it_used(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    answers = rng.integers(2, 5, size=(150, 9)).astype(object)
    answers[rng.random((150, 9)) < 0.06] = None
    frame = pd.DataFrame(answers, columns=[f"U{i}" for i in range(1, 10)])
    result = analyse(responses_from_frame(frame), resamples=100)
    complete = int(frame.notna().all(axis=1).sum())
    assert result.reliability_n == complete < 0.9 * 150
    assert result.reliability_total == 150
    note = next(n for n in result.notes if n.key == "stats-note-listwise")
    assert f"{complete} of 150" in note.text("en")


# ---------------------------------------------------------------- 7. post-stratification


def test_post_stratified_ikm_weights_services_by_population() -> None:
    responses = load(HARAPAN, instrument=HARAPAN_TOML)
    result = analyse(responses, service_populations=POPULATIONS, resamples=400)
    ps = result.post_stratified
    assert ps is not None
    frame = responses.frame
    keys = list(responses.instrument.question_keys)
    total = sum(POPULATIONS.values())
    expected = sum(
        Fraction(n, total) * compute_ikm(frame[frame["Jenis Layanan"] == s][keys].astype(int).values.tolist()).ikm
        for s, n in POPULATIONS.items()
    )
    assert float(ps.ikm) == pytest.approx(float(expected), abs=0.005)
    assert str(ps.ikm) == "71.05"
    assert ps.grade == "C"
    assert str(result.result.ikm_display) == "78.70"  # the pooled IKM, beside it
    counts = frame["Jenis Layanan"].value_counts()
    w = np.concatenate([np.full(counts[s], n / total / counts[s]) for s, n in POPULATIONS.items()])
    assert ps.design_effect == pytest.approx(len(w) * (w**2).sum() / w.sum() ** 2)
    assert ps.ci is not None
    assert ps.ci[0] < float(ps.ikm) < ps.ci[1]
    data = stats_to_dict(result, "en")
    assert data["post_stratified"]["ikm"] == 71.05
    assert [s["service"] for s in data["post_stratified"]["strata"]] == list(POPULATIONS)


def test_post_stratification_needs_every_service(tmp_path: Path) -> None:
    responses = load(HARAPAN, instrument=HARAPAN_TOML)
    missing = analyse(responses, service_populations={"Izin Usaha": 400}, resamples=100)
    assert missing.post_stratified is None
    assert any(n.key == "stats-note-service-unlisted" for n in missing.notes)
    extra = analyse(responses, service_populations={**POPULATIONS, "Izin Lain": 50}, resamples=100)
    assert extra.post_stratified is None
    assert "Izin Lain" in next(n for n in extra.notes if n.key == "stats-note-service-empty").text("id")


def test_clustering_design_effect_limits() -> None:
    labels = ["a"] * 20 + ["b"] * 20
    same_means = np.array([1.0, 2.0] * 10 + [1.0, 2.0] * 10)
    c = clustering("s", same_means, labels, 1.5, (1.2, 1.8), (0.0, 3.0))
    assert c is not None
    assert c.icc == 0
    assert c.design_effect == 1
    assert c.ci == (1.2, 1.8)
    apart = np.array([1.0] * 20 + [3.0] * 20)
    c = clustering("s", apart, labels, 2.0, (1.9, 2.1), (0.0, 3.0))
    assert c is not None
    assert c.icc == pytest.approx(1.0)
    assert c.design_effect == pytest.approx(20.0)
    assert c.ci == pytest.approx((2.0 - 20**0.5 * 0.1, 2.0 + 20**0.5 * 0.1))


# ---------------------------------------------------------------- 8. importance–performance


def test_expectation_questions_are_read_but_never_scored() -> None:
    instrument = load_instrument_file(HARAPAN_TOML)
    assert instrument.question_keys == PERMENPAN_14_2017.question_keys
    assert instrument.expectation_keys == tuple(f"h{i}" for i in range(1, 10))
    assert instrument.elements[0].expectations[0].labels[-1] == "Sangat penting"
    responses = load(HARAPAN, instrument=HARAPAN_TOML)
    plain = load(HARAPAN)
    assert score_responses(responses).ikm == score_responses(plain).ikm


def test_importance_performance_quadrants_match_pandas() -> None:
    responses = load(HARAPAN, instrument=HARAPAN_TOML)
    result = analyse(responses, resamples=100)
    ip = result.importance
    assert ip is not None
    frame = pd.read_csv(HARAPAN)
    performance = frame[[f"U{i}" for i in range(1, 10)]].mean().to_numpy()
    expectation = frame[[f"H{i}" for i in range(1, 10)]].mean().to_numpy()
    x, y = performance.mean(), expectation.mean()
    assert ip.performance_mean == pytest.approx(x)
    assert ip.expectation_mean == pytest.approx(y)
    for e, p, h in zip(ip.elements, performance, expectation, strict=True):
        assert e.performance == pytest.approx(p)
        assert e.expectation == pytest.approx(h)
        assert e.gap == pytest.approx(p - h)
        expected = (
            ("pertahankan" if p >= x else "prioritas-utama")
            if h >= y
            else ("berlebihan" if p >= x else "prioritas-rendah")
        )
        assert e.quadrant == expected
    assert {e.quadrant for e in ip.elements} == {"pertahankan", "prioritas-utama", "prioritas-rendah", "berlebihan"}
    data = stats_to_dict(result, "en")["importance"]
    assert data["elements"][2]["quadrant_label"] == "First priority"  # U3: expected most, delivered least


def test_quadrant_boundaries() -> None:
    assert quadrant(3.0, 3.5, 3.0, 3.0) == "pertahankan"
    assert quadrant(2.9, 3.0, 3.0, 3.0) == "prioritas-utama"
    assert quadrant(2.9, 2.9, 3.0, 3.0) == "prioritas-rendah"
    assert quadrant(3.1, 2.9, 3.0, 3.0) == "berlebihan"


def test_expectation_kind_in_toml(tmp_path: Path) -> None:
    path = tmp_path / "i.toml"
    path.write_text(
        'base = "permenpan-14-2017"\n[[elements]]\ncode = "U1"\n'
        '  [[elements.questions]]\n  key = "u1"\n'
        '  [[elements.questions]]\n  kind = "expectation"\n  key = "harapan1"\n'
        '[[elements]]\ncode = "U2"\n',
        encoding="utf-8",
    )
    instrument = load_instrument_file(path)
    assert instrument.question_keys == ("u1", "u2")
    assert instrument.expectation_keys == ("harapan1",)


# ---------------------------------------------------------------- 9. share dissatisfied


def test_share_dissatisfied_with_wilson_interval_matches_scipy() -> None:
    responses = load(DISDUKCAPIL)
    result = analyse(responses, resamples=100)
    answers = answer_matrix(responses)
    for j, d in enumerate(result.dissatisfied):
        column = answers[:, j][np.isfinite(answers[:, j])]
        assert d.count == int((column <= 2).sum())
        assert d.answered == column.size
        ci = sps.binomtest(d.count, d.answered).proportion_ci(method="wilson")
        assert d.ci == pytest.approx((ci.low, ci.high))
    low, high = wilson_interval(0, 10)  # type: ignore[misc]
    assert low == 0
    assert high == pytest.approx(0.2775, abs=5e-5)


# ---------------------------------------------------------------- the report


def _report(tmp_path: Path, fmt: str, *extra: str) -> str:
    from typer.testing import CliRunner

    from skm.cli import app

    target = tmp_path / f"laporan.{fmt}"
    services = [a for name, n in POPULATIONS.items() for a in ("--service-population", f"{name}={n}")]
    args = ["report", str(HARAPAN), "--instrument", str(HARAPAN_TOML), *services, "-f", fmt, "-o", str(target)]
    result = CliRunner().invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def test_report_shows_post_stratified_ikm_and_quadrants(tmp_path: Path) -> None:
    md = _report(tmp_path, "md")
    assert "| IKM gabungan (tiap responden sama bobot) | 78,70 |" in md
    assert "| IKM terbobot populasi layanan | 71,05 |" in md
    assert "| U3 | Waktu Penyelesaian | 2,73 | 3,60 | -0,87 | \\[-1,02; -0,71\\] | 75,9 | Prioritas utama |" in md
    assert "Tidak puas per unsur" in md
    html = _report(tmp_path, "html", "--lang", "en")
    section = html[html.index('id="sec-importance"') :]
    svg = section[section.index("<svg") : section.index("</svg>")]
    for name in ("First priority", "Keep up", "Low priority", "Possible overkill"):
        assert name in svg
    assert svg.count("<circle") == 9
    assert "IKM weighted by service population" in html


def test_cli_service_population_json_equals_api() -> None:
    import json

    from typer.testing import CliRunner

    from skm.analysis.stats import stats
    from skm.cli import app

    services = [a for name, n in POPULATIONS.items() for a in ("--service-population", f"{name}={n}")]
    args = ["stats", str(HARAPAN), "--instrument", str(HARAPAN_TOML), *services, "--resamples", "200"]
    result = CliRunner().invoke(app, [*args, "--format", "json", "--seed", "3"])
    assert result.exit_code == 0, result.output
    api = stats(HARAPAN, instrument=HARAPAN_TOML, service_populations=POPULATIONS, resamples=200, seed=3)
    assert json.loads(result.stdout) == json.loads(json.dumps(stats_to_dict(api)))
    assert json.loads(result.stdout)["post_stratified"]["grade"] == "C"


def test_gap_interval_agrees_with_a_paired_t_interval() -> None:
    """No blanks: the gap is the mean of each respondent's performance − expectation, so the paired
    t interval (scipy) is an independent check of the bootstrap interval."""
    result = analyse(load(HARAPAN, instrument=HARAPAN_TOML), resamples=2000)
    assert result.importance is not None
    frame = pd.read_csv(HARAPAN)
    for i, e in enumerate(result.importance.elements, 1):
        differences = (frame[f"U{i}"] - frame[f"H{i}"]).to_numpy(dtype=float)
        low, high = sps.t.interval(0.95, differences.size - 1, differences.mean(), sps.sem(differences))
        assert e.gap == pytest.approx(differences.mean())
        assert e.gap_ci is not None
        assert e.gap_ci[0] == pytest.approx(low, abs=0.03)
        assert e.gap_ci[1] == pytest.approx(high, abs=0.03)
