"""Numeric building blocks of ``skm stats`` on plain numpy arrays (no pandas, no I/O).

Every function here takes arrays of answers (rows = respondents, columns = items) and returns
floats or arrays, so each one is unit-tested against published values. Blanks are ``NaN``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

__all__ = [
    "NORMAL_LIMIT_N",
    "BootstrapDraws",
    "TestResult",
    "alpha_if_deleted",
    "bootstrap_index",
    "bootstrap_p",
    "bootstrap_patterns",
    "cronbach_alpha",
    "holm",
    "item_total_r",
    "kruskal_wallis",
    "mann_whitney",
    "margin_of_error_mean",
    "margin_of_error_proportion",
    "percentile_ci",
    "r_critical",
    "rounded_grade_units",
    "weighted_var",
    "wilson_interval",
]

FloatArray = npt.NDArray[np.float64]

# bootstrap replicates are generated in chunks of at most this many counts (memory bound)
_CHUNK_CELLS = 2_000_000
# weak prior of the Bayesian bootstrap: this many pseudo-respondents, spread over the answer values
PRIOR_MASS = 0.5
#: from this many respondents on, :func:`bootstrap_index` draws the sums of the Gamma weights from their
#: normal limit (same mean and covariance) instead of one Gamma per distinct answer pattern. The limit
#: already agrees with the Gamma draws at 3 000 respondents (``tests/test_bootstrap_normal.py``); below
#: 20 000 the Gamma draws cost at most 2 000 × 20 000 variables (the 100 000-row benchmark file has
#: ≈ 24 000 distinct patterns: 2 s of Gamma draws, against 0.03 s for the limit)
NORMAL_LIMIT_N = 20_000


def weighted_var(values: FloatArray, counts: FloatArray, n: float) -> npt.NDArray[np.float64]:
    """Sample variance (ddof = 1) of ``values`` (per row, or per column of a matrix) where row p stands
    for ``counts[p]`` respondents (``n`` in all)."""
    mean = counts @ values / n
    centred = values - mean
    out: npt.NDArray[np.float64] = (counts @ (centred * centred)) / (n - 1)
    return out


def _constant(values: FloatArray, counts: FloatArray) -> bool:
    """All the rows that stand for at least one respondent carry the same value."""
    present = values[counts > 0]
    return bool(present.size == 0 or present.min() == present.max())


def cronbach_alpha(items: npt.ArrayLike, counts: npt.ArrayLike | None = None) -> float | None:
    """Cronbach's alpha of a complete ``n × k`` matrix: ``k/(k−1) · (1 − Σ s²ᵢ / s²_total)``.

    Sample variances (ddof = 1). ``None`` when it is undefined (k < 2, n < 2 or a constant total).
    With ``counts``, row p of ``items`` is a distinct row given by ``counts[p]`` respondents (the
    same alpha as on the rows repeated, from weighted sums).
    """
    if counts is not None:
        return _alpha_weighted(np.asarray(items, dtype=np.float64), np.asarray(counts, dtype=np.float64))
    x = np.asarray(items, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] < 2 or x.shape[0] < 2:
        return None
    k = x.shape[1]
    total_var = float(x.sum(axis=1).var(ddof=1))
    if total_var == 0:
        return None
    item_var = float(x.var(axis=0, ddof=1).sum())
    return float(k / (k - 1) * (1 - item_var / total_var))


def _alpha_weighted(x: FloatArray, w: FloatArray) -> float | None:
    n = float(w.sum())
    if x.ndim != 2 or x.shape[1] < 2 or n < 2:
        return None
    k = x.shape[1]
    total = x.sum(axis=1)
    if _constant(total, w):
        return None
    total_var = float(weighted_var(total, w, n))
    item_var = float(weighted_var(x, w, n).sum())
    return float(k / (k - 1) * (1 - item_var / total_var))


def alpha_if_deleted(items: npt.ArrayLike, counts: npt.ArrayLike | None = None) -> list[float | None]:
    """Alpha of the remaining items when each item in turn is left out (``counts`` as in
    :func:`cronbach_alpha`)."""
    if counts is not None:
        x, w = np.asarray(items, dtype=np.float64), np.asarray(counts, dtype=np.float64)
        n = float(w.sum())
        k = x.shape[1] if x.ndim == 2 else 0
        if k - 1 < 2 or n < 2:
            return [cronbach_alpha(np.delete(x, i, axis=1), w) for i in range(k)]
        total = x.sum(axis=1)
        item_var = weighted_var(x, w, n)
        out_w: list[float | None] = []
        for i in range(k):
            rest_total = total - x[:, i]
            if _constant(rest_total, w):
                out_w.append(None)
                continue
            rest = float(item_var.sum() - item_var[i])
            out_w.append(float((k - 1) / (k - 2) * (1 - rest / float(weighted_var(rest_total, w, n)))))
        return out_w
    x = np.asarray(items, dtype=np.float64)
    n, k = x.shape if x.ndim == 2 else (0, 0)
    if k - 1 < 2 or n < 2:
        return [cronbach_alpha(np.delete(x, i, axis=1)) for i in range(k)]
    # the same formula as cronbach_alpha on the k − 1 remaining columns, without copying them
    total = x.sum(axis=1)
    item_var = x.var(axis=0, ddof=1)
    out: list[float | None] = []
    for i in range(k):
        total_var = float((total - x[:, i]).var(ddof=1))
        rest = float(item_var.sum() - item_var[i])
        out.append(None if total_var == 0 else float((k - 1) / (k - 2) * (1 - rest / total_var)))
    return out


def item_total_r(items: npt.ArrayLike, counts: npt.ArrayLike | None = None) -> list[float | None]:
    """Corrected item–total Pearson r: each item against the sum of the *other* items.

    ``None`` where r is undefined (the item or the rest-total is constant). ``counts`` as in
    :func:`cronbach_alpha`.
    """
    if counts is not None:
        x, w = np.asarray(items, dtype=np.float64), np.asarray(counts, dtype=np.float64)
        n = float(w.sum())
        total = x.sum(axis=1)
        out_w: list[float | None] = []
        for i in range(x.shape[1]):
            item, rest = x[:, i], total - x[:, i]
            if n < 3 or _constant(item, w) or _constant(rest, w):
                out_w.append(None)
                continue
            a, b = item - (w @ item) / n, rest - (w @ rest) / n
            r = float((w @ (a * b)) / np.sqrt((w @ (a * a)) * (w @ (b * b))))
            out_w.append(max(-1.0, min(1.0, r)))  # as numpy.corrcoef, clipped to [-1, 1]
        return out_w
    x = np.asarray(items, dtype=np.float64)
    total = x.sum(axis=1)
    out: list[float | None] = []
    for i in range(x.shape[1]):
        item, rest = x[:, i], total - x[:, i]
        if x.shape[0] < 3 or item.std() == 0 or rest.std() == 0:
            out.append(None)
            continue
        out.append(float(np.corrcoef(item, rest)[0, 1]))
    return out


def r_critical(n: int, alpha: float = 0.05) -> float | None:
    """Critical Pearson r, two-tailed, df = n − 2: ``r = t / sqrt(df + t²)``, t = t(1 − α/2; df).

    Reproduces the usual "r tabel" (n = 30 → 0.3610, n = 100 → 0.1966). ``None`` for n < 3.
    """
    df = n - 2
    if df < 1:
        return None
    t = t_quantile_two_sided(df, alpha)
    return t / math.sqrt(df + t * t)


def _lgamma_step(x: float, a: float) -> float:
    """lgamma(x + a) − lgamma(x) without the cancellation of two large logarithms: from x = 10 on,
    Stirling's series written with log1p (a ≤ x)."""
    if x < 10:
        return math.lgamma(x + a) - math.lgamma(x)

    def series(z: float) -> float:
        return 1 / (12 * z) - 1 / (360 * z**3) + 1 / (1260 * z**5) - 1 / (1680 * z**7)

    return (x - 0.5) * math.log1p(a / x) + a * math.log(x + a) - a + series(x + a) - series(x)


def _betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), by its continued fraction (modified
    Lentz), on the side where it converges fast."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _betainc(b, a, 1.0 - x)
    small, large = min(a, b), max(a, b)
    log_front = _lgamma_step(large, small) - math.lgamma(small) + a * math.log(x) + b * math.log1p(-x)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 100_000):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-16:
            break
    return math.exp(log_front) * h / a


def t_quantile_two_sided(df: int, alpha: float) -> float:
    """The t with P(|T| > t) = ``alpha`` for Student's t with ``df`` degrees of freedom (the two-sided
    critical value, scipy's ``stdtrit(df, 1 − α/2)`` to ≈ 1e-12), by bisection to the last bit
    (standard library only: scipy.special costs ≈ 0.5 s to import on every report for two numbers)."""
    # P(|T| ≤ t) = I_y(1/2, df/2) with y = t² / (df + t²): solved for y, small where t is, so that
    # t = sqrt(df·y / (1 − y)) keeps its precision at any df
    a, b, target = 0.5, df / 2, 1 - alpha
    low, high = 0.0, 1.0
    for _ in range(200):
        mid = (low + high) / 2
        if mid in (low, high):
            break
        if _betainc(a, b, mid) < target:
            low = mid
        else:
            high = mid
    y = (low + high) / 2
    return math.sqrt(df * y / (1 - y))


@dataclass(frozen=True)
class BootstrapDraws:
    """Bootstrap replicates of each element's NRR and of the index (×conversion)."""

    nrr: FloatArray  # shape (B, k); NaN where a replicate has no answers for an element
    ikm: FloatArray  # shape (B,)

    @property
    def valid(self) -> int:
        """Replicates where every element had an answer."""
        return int(np.isfinite(self.ikm).sum())


def _chunks(resamples: int, n: int) -> list[int]:
    size = max(1, _CHUNK_CELLS // max(n, 1))
    return [min(size, resamples - start) for start in range(0, resamples, size)]


def unique_rows(coded: FloatArray) -> tuple[FloatArray, npt.NDArray[np.intp]]:
    """``numpy.unique(coded, axis=0, return_inverse=True)`` (the distinct rows in lexicographic order
    and each row's index among them), by sorting one integer per row when the cells are small
    integers (answers, -1 for a blank): the same result, a 1-D sort instead of a sort of rows."""
    n, q = coded.shape
    if n and q:
        low, high = float(coded.min()), float(coded.max())
        base = int(high - low) + 1
        if np.array_equal(coded, np.round(coded)) and q * math.log2(max(base, 2)) < 62:
            digits = (coded - low).astype(np.int64)
            key = np.zeros(n, dtype=np.int64)
            for j in range(q):  # the first column most significant: the order of the rows
                key = key * base + digits[:, j]
            keys, first, inverse = np.unique(key, return_index=True, return_inverse=True)
            del keys
            return coded[first], inverse.reshape(-1)
    patterns, inverse = np.unique(coded, axis=0, return_inverse=True)
    return patterns, inverse.reshape(-1)


def bootstrap_index(
    answers: npt.ArrayLike,
    element_columns: Sequence[Sequence[int]],
    weights: Sequence[float],
    conversion: float,
    *,
    resamples: int,
    seed: int,
    scale: tuple[int, int] | None = None,
    prior: float = PRIOR_MASS,
    normal_limit: int | None = NORMAL_LIMIT_N,
) -> BootstrapDraws:
    """Respondent-level Bayesian bootstrap of the NRRs and the IKM, with a weak prior.

    ``answers`` is ``n × q`` (NaN for a blank); ``element_columns[j]`` lists the question
    columns of element j. Each replicate gives every respondent a random weight (Rubin's
    Bayesian bootstrap: weights ~ Dirichlet(1, …, 1)) and recomputes every question mean over
    answered cells, each element's NRR as the mean of its question means, and IKM =
    conversion × Σ wⱼ·NRRⱼ — the same rules as the exact computation.

    With ``scale = (low, high)`` a weak prior is added: ``prior`` pseudo-respondents in all
    (``prior / levels`` for each answer value, all questions answered with that value), with
    Dirichlet weights like the real respondents. Without it, five respondents who all answer 4
    give every replicate an IKM of exactly 100 and an "interval" [100; 100]; with it the
    interval stays below the ceiling, and at n = 100 the prior moves the draws by about 1 %
    of the distance to the scale's middle.

    Respondents with identical answers are interchangeable: the weights of a pattern's c
    respondents sum to a Gamma(c) variable, so a replicate draws one Gamma per distinct
    answer pattern (the same distribution, much faster). Deterministic for a given data set
    and ``seed`` (``numpy.random.default_rng``).

    With ``n ≥ normal_limit`` respondents (:data:`NORMAL_LIMIT_N`; ``None`` never) the replicate's
    sums are drawn from their large-sample normal limit instead: with ``z_p = (values_p, answered_p)``
    and ``W_p ~ Gamma(c_p)`` independent, ``S = Σ W_p z_p`` has mean ``Σ c_p z_p`` and covariance
    ``Σ c_p z_p z_pᵀ`` exactly, and is drawn as that normal vector (``B × 2q`` standard normals,
    same seed); the question means, NRRs and IKM are the same ratios of ``S``.
    """
    x = np.asarray(answers, dtype=np.float64)
    coded = np.where(np.isfinite(x), x, -1.0)
    patterns, pattern_of = unique_rows(coded)
    counts = np.bincount(pattern_of, minlength=patterns.shape[0])
    return bootstrap_patterns(
        patterns,
        counts,
        element_columns,
        weights,
        conversion,
        resamples=resamples,
        seed=seed,
        scale=scale,
        prior=prior,
        normal_limit=normal_limit,
    )


def bootstrap_patterns(
    patterns: FloatArray,
    counts: npt.ArrayLike,
    element_columns: Sequence[Sequence[int]],
    weights: Sequence[float],
    conversion: float,
    *,
    resamples: int,
    seed: int,
    scale: tuple[int, int] | None = None,
    prior: float = PRIOR_MASS,
    normal_limit: int | None = NORMAL_LIMIT_N,
) -> BootstrapDraws:
    """:func:`bootstrap_index` of respondents given as their distinct answer ``patterns`` (``m × q``,
    -1 for a blank, in the order of :func:`unique_rows`) and the respondents per pattern: the same
    draws, without looking at the respondents again."""
    shape = np.asarray(counts, dtype=np.float64)
    n = int(shape.sum())
    q = patterns.shape[1]
    if scale is not None and prior > 0 and n:
        levels = np.arange(scale[0], scale[1] + 1, dtype=np.float64)
        patterns = np.vstack([patterns, np.repeat(levels[:, None], q, axis=1)])
        shape = np.concatenate([shape, np.full(levels.size, prior / levels.size)])
    m = patterns.shape[0]
    answered = (patterns >= 0).astype(np.float64)
    values = np.where(patterns >= 0, patterns, 0.0)
    rng = np.random.default_rng(seed)
    if normal_limit is not None and n >= normal_limit and m:
        means = _normal_limit_means(values, answered, shape, resamples, rng)
        return _draws(means, element_columns, weights, conversion)
    means_parts: list[FloatArray] = []
    for size in _chunks(resamples, m):
        weight = rng.gamma(shape, size=(size, m)) if m else np.empty((size, 0))
        sums = weight @ values  # (size, q)
        dens = weight @ answered
        with np.errstate(invalid="ignore", divide="ignore"):
            means_parts.append(np.where(dens > 0, sums / np.where(dens > 0, dens, 1.0), np.nan))
    means = np.concatenate(means_parts, axis=0) if means_parts else np.empty((0, q))
    return _draws(means, element_columns, weights, conversion)


def _draws(
    means: FloatArray, element_columns: Sequence[Sequence[int]], weights: Sequence[float], conversion: float
) -> BootstrapDraws:
    """Each replicate's NRRs (mean of the element's question means) and IKM from its question means."""
    nrr = np.column_stack([means[:, list(cols)].mean(axis=1) for cols in element_columns])
    ikm = conversion * (nrr @ np.asarray(weights, dtype=np.float64))
    return BootstrapDraws(nrr=nrr, ikm=ikm)


def _normal_limit_means(
    values: FloatArray, answered: FloatArray, shape: FloatArray, resamples: int, rng: np.random.Generator
) -> FloatArray:
    """Question means of ``resamples`` replicates whose sums ``S = Σ W_p z_p`` (``W_p ~ Gamma(c_p)``) are
    drawn from the normal law with their exact mean ``Σ c_p z_p`` and covariance ``Σ c_p z_p z_pᵀ``."""
    q = values.shape[1]
    z = np.hstack([values, answered])  # (m, 2q)
    mean = shape @ z
    cov = (z * shape[:, None]).T @ z
    eigenvalues, vectors = np.linalg.eigh(cov)  # positive semi-definite: a root that tolerates rank loss
    root = vectors * np.sqrt(np.clip(eigenvalues, 0.0, None))
    sums = mean + rng.standard_normal((resamples, 2 * q)) @ root.T
    num_, den = sums[:, :q], sums[:, q:]
    with np.errstate(invalid="ignore", divide="ignore"):
        means: FloatArray = np.where(den > 0, num_ / np.where(den > 0, den, 1.0), np.nan)
    return means


def bootstrap_p(draws: npt.ArrayLike) -> float | None:
    """Two-sided bootstrap p-value of a difference: 2 · (1 + min(#draws ≤ 0, #draws ≥ 0)) / (B + 1),
    capped at 1 (never 0: with B draws nothing below 1/B can be claimed).

    Below 0.05 when 0 lies outside the 95 % percentile interval of the same draws (up to one
    draw), so the verdict and the interval shown agree.
    """
    d = np.asarray(draws, dtype=np.float64)
    d = d[np.isfinite(d)]
    if d.size == 0:
        return None
    tail = min(int((d <= 0).sum()), int((d >= 0).sum()))
    return float(min(1.0, 2 * (1 + tail) / (d.size + 1)))


def wilson_interval(count: int, n: int, level: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion ``count / n`` (never collapses at 0 or 1)."""
    if n <= 0:
        return None
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)  # scipy.stats.norm.ppf (to the last bit or two)
    p = count / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # at count 0 (n) the lower (upper) limit is exactly 0 (1): centre and half are equal there
    low = 0.0 if count <= 0 else max(0.0, centre - half)
    high = 1.0 if count >= n else min(1.0, centre + half)
    return low, high


def percentile_ci(draws: npt.ArrayLike, level: float = 0.95) -> tuple[float, float] | None:
    """Percentile interval of the finite draws (linear interpolation between order statistics)."""
    d = np.asarray(draws, dtype=np.float64)
    d = d[np.isfinite(d)]
    if d.size == 0:
        return None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(d, [tail, 100 - tail])
    return float(low), float(high)


def rounded_grade_units(values: npt.ArrayLike, decimals: int) -> npt.NDArray[np.int64]:
    """Values rounded half up to ``decimals`` places, as integers of 10^-decimals.

    Float replicates are first rounded to 9 decimals so that a mathematically exact tie
    (e.g. 88.305) computed as 88.30499999… still rounds up, as the exact ``calc`` does.
    """
    scaled = np.round(np.asarray(values, dtype=np.float64) * 10**decimals, 9 - decimals)
    units: npt.NDArray[np.int64] = np.floor(scaled + 0.5).astype(np.int64)
    return units


@dataclass(frozen=True)
class TestResult:
    """A rank test: statistic, two-sided p-value and effect size (with its name)."""

    test: str  # "mann-whitney" or "kruskal-wallis"
    statistic: float
    p_value: float
    effect: float | None
    effect_name: str  # "rank-biserial" or "epsilon-squared"
    sizes: tuple[int, ...]


def mann_whitney(x: npt.ArrayLike, y: npt.ArrayLike) -> TestResult | None:
    """Two-sided Mann–Whitney U (scipy ``method='auto'``: exact for small samples without ties).

    ``statistic`` is U of the first sample; rank-biserial r = 2·U₁/(n₁n₂) − 1 (positive when
    the first sample tends to be higher). ``None`` when a sample is empty.
    """
    a = np.asarray(x, dtype=np.float64)
    b = np.asarray(y, dtype=np.float64)
    a, b = a[np.isfinite(a)], b[np.isfinite(b)]
    if a.size == 0 or b.size == 0:
        return None
    from scipy import stats as sps  # noqa: PLC0415 - scipy.stats (~0.5 s to import) only for rank tests

    res = sps.mannwhitneyu(a, b, alternative="two-sided", method="auto")
    u1 = float(res.statistic)
    p = float(res.pvalue)
    if not math.isfinite(p):  # all values identical
        p = 1.0
    return TestResult("mann-whitney", u1, p, 2 * u1 / (a.size * b.size) - 1, "rank-biserial", (a.size, b.size))


def kruskal_wallis(groups: Sequence[npt.ArrayLike]) -> TestResult | None:
    """Kruskal–Wallis H (tie-corrected, chi-square p) with epsilon² = H / (n − 1).

    (Tomczak & Tomczak 2014: ε² = H / ((n² − 1)/(n + 1)).) All values identical → H = 0, p = 1.
    """
    arrays = [np.asarray(g, dtype=np.float64) for g in groups]
    arrays = [a[np.isfinite(a)] for a in arrays]
    arrays = [a for a in arrays if a.size]
    if len(arrays) < 2:
        return None
    sizes = tuple(int(a.size) for a in arrays)
    n = sum(sizes)
    if np.unique(np.concatenate(arrays)).size == 1:
        return TestResult("kruskal-wallis", 0.0, 1.0, 0.0, "epsilon-squared", sizes)
    from scipy import stats as sps  # noqa: PLC0415 - scipy.stats only for rank tests

    res = sps.kruskal(*arrays)
    h = float(res.statistic)
    return TestResult("kruskal-wallis", h, float(res.pvalue), h / (n - 1), "epsilon-squared", sizes)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values (step-down, monotone, capped at 1)."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def margin_of_error_proportion(n: int, population: int, z: float = 1.959963984540054, p: float = 0.5) -> float:
    """Worst-case margin of a proportion: ``z·sqrt(p(1−p)/n)·sqrt((N−n)/(N−1))``."""
    if population <= 1 or n >= population:
        return 0.0
    return z * math.sqrt(p * (1 - p) / n) * math.sqrt((population - n) / (population - 1))


def margin_of_error_mean(sd: float, n: int, population: int, z: float = 1.959963984540054) -> float:
    """Margin of a mean: ``z·s/sqrt(n)·sqrt((N−n)/(N−1))`` (finite population correction)."""
    if population <= 1 or n >= population:
        return 0.0
    return z * sd / math.sqrt(n) * math.sqrt((population - n) / (population - 1))
