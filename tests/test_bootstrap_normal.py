"""Issue 13: the large-sample normal limit of the Bayesian bootstrap (``bootstrap_index`` from
``NORMAL_LIMIT_N`` respondents on) agrees with the Gamma draws, is deterministic for a seed, is used
exactly from the threshold on, and is said in the method text of ``skm stats`` and the report."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from skm.analysis.score import load
from skm.analysis.stats import analyse
from skm.analysis.stats import numeric as num
from skm.analysis.stats.numeric import bootstrap_index, percentile_ci
from skm.render.prose import method_lines
from skm.text import Lang

DISDUKCAPIL = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
COLUMNS = [[0, 1], [2], [3, 4]]
WEIGHTS = [0.5, 0.25, 0.25]


def _answers(n: int, seed: int) -> npt.NDArray[np.float64]:
    """``n`` respondents × 5 questions on 1–4, correlated through a respondent effect, 5 % blanks."""
    rng = np.random.default_rng(seed)
    mood = rng.normal(0, 0.8, size=(n, 1))
    x = np.clip(np.round(2.9 + mood + rng.normal(0, 0.7, size=(n, 5))), 1, 4)
    x[rng.random((n, 5)) < 0.05] = np.nan
    return x


def _run(x: npt.NDArray[np.float64], limit: int | None, seed: int = 11, resamples: int = 4000) -> num.BootstrapDraws:
    return bootstrap_index(x, COLUMNS, WEIGHTS, 25, resamples=resamples, seed=seed, scale=(1, 4), normal_limit=limit)


def test_normal_limit_percentile_intervals_agree_with_gamma_draws() -> None:
    """Tolerance: each end of the 95 % interval within 0.25 standard deviations of the draws (the
    Monte-Carlo error of a 2.5 % quantile of 4 000 draws is ≈ 0.04 sd, for the difference of two
    independent runs ≈ 0.06 sd; the normal approximation's own error at n = 3 000 is far smaller)."""
    x = _answers(3000, seed=5)
    gamma = _run(x, None)
    normal = _run(x, 1000)
    assert normal.valid == gamma.valid == 4000
    pairs = [(gamma.ikm, normal.ikm), *((gamma.nrr[:, j], normal.nrr[:, j]) for j in range(len(COLUMNS)))]
    for g, z in pairs:
        sd = float(np.std(g))
        assert sd > 0
        g_ci, z_ci = percentile_ci(g), percentile_ci(z)
        assert g_ci is not None
        assert z_ci is not None
        assert abs(g_ci[0] - z_ci[0]) < 0.25 * sd
        assert abs(g_ci[1] - z_ci[1]) < 0.25 * sd
        assert abs(float(np.mean(g)) - float(np.mean(z))) < 0.1 * sd
        assert float(np.std(z)) == pytest.approx(sd, rel=0.1)


def test_normal_limit_is_deterministic_for_a_seed() -> None:
    x = _answers(1500, seed=2)
    a = _run(x, 100, seed=4, resamples=500)
    b = _run(x, 100, seed=4, resamples=500)
    c = _run(x, 100, seed=5, resamples=500)
    assert np.array_equal(a.ikm, b.ikm)
    assert np.array_equal(a.nrr, b.nrr, equal_nan=True)
    assert not np.array_equal(a.ikm, c.ikm)


def test_switch_is_used_exactly_from_the_threshold() -> None:
    x = _answers(800, seed=9)
    gamma = _run(x, None, resamples=300)
    at = _run(x, 800, resamples=300)  # n = threshold: the normal limit
    above = _run(x, 801, resamples=300)  # threshold above n: the Gamma draws, unchanged
    below = _run(x, 799, resamples=300)  # threshold below n: the normal limit
    assert np.array_equal(above.ikm, gamma.ikm)
    assert np.array_equal(above.nrr, gamma.nrr, equal_nan=True)
    assert not np.array_equal(at.ikm, gamma.ikm)
    assert np.array_equal(at.ikm, below.ikm)
    assert num.NORMAL_LIMIT_N == 20_000


def test_default_threshold_keeps_gamma_draws_below_it() -> None:
    x = _answers(500, seed=1)
    assert np.array_equal(
        bootstrap_index(x, COLUMNS, WEIGHTS, 25, resamples=200, seed=3, scale=(1, 4)).ikm, _run(x, None, 3, 200).ikm
    )


@pytest.mark.parametrize("lang", [Lang.ID, Lang.EN])
def test_method_text_says_so_exactly_when_used(monkeypatch: pytest.MonkeyPatch, lang: Lang) -> None:
    responses = load(DISDUKCAPIL)
    plain = analyse(responses, resamples=200, seed=3)
    assert "bootstrap_normal" not in method_lines(plain, lang)
    monkeypatch.setattr(num, "NORMAL_LIMIT_N", plain.respondents)
    switched = analyse(responses, resamples=200, seed=3)
    lines = method_lines(switched, lang)
    assert "Gamma" in lines["bootstrap_normal"]
    assert f"{plain.respondents}" in lines["bootstrap_normal"]
    assert switched.ikm_ci != plain.ikm_ci  # the draws did change
    assert switched.result.ikm == plain.result.ikm  # the point figures did not
