"""Figures of ``skm stats`` that depend on who was asked: share dissatisfied per element,
the IKM post-stratified by service population, the design effect of respondents clustered by
service, and the importance–performance analysis of expectation (harapan) questions.

numpy only, on the arrays :mod:`skm.analysis.stats.analyse` takes from the responses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from skm.analysis.stats import numeric as num
from skm.core.calc import grade_band, round_half_up
from skm.core.instrument import Instrument

__all__ = [
    "DISSATISFIED_BELOW",
    "Clustering",
    "Dissatisfied",
    "ImportanceElement",
    "ImportancePerformance",
    "PostStratified",
    "Stratum",
    "clustering",
    "clustering_codes",
    "dissatisfied",
    "importance_performance",
    "post_stratified_ikm",
]

FloatArray = npt.NDArray[np.float64]

#: an element score below the scale's middle (1–2 on 1–4, 1–2 on 1–5) counts as dissatisfied
DISSATISFIED_BELOW = "middle"


@dataclass(frozen=True)
class Dissatisfied:
    """Respondents whose element score is below the scale's middle, with a Wilson interval."""

    code: str
    count: int
    answered: int
    ci: tuple[float, float] | None

    @property
    def share(self) -> float | None:
        """``count / answered`` (``None`` when nobody answered)."""
        return self.count / self.answered if self.answered else None


def dissatisfied(
    scores: FloatArray, instrument: Instrument, level: float, counts: npt.ArrayLike | None = None
) -> tuple[Dissatisfied, ...]:
    """Per element: respondents whose element score (mean of the element's answered questions)
    is below the middle of the scale — answers 1–2 on the 1–4 scale — with a Wilson interval.

    With ``counts``, row p of ``scores`` stands for ``counts[p]`` respondents (answer patterns)."""
    middle = (instrument.scale_min + instrument.scale_max) / 2
    weight = np.ones(scores.shape[0], dtype=np.int64) if counts is None else np.asarray(counts, dtype=np.int64)
    out = []
    for j, e in enumerate(instrument.elements):
        column = scores[:, j]
        known = np.isfinite(column)
        answered = int(weight[known].sum())
        count = int(weight[known & (column < middle)].sum())
        out.append(Dissatisfied(e.code, count, answered, num.wilson_interval(count, answered, level)))
    return tuple(out)


# --------------------------------------------------------------------------- post-stratification


@dataclass(frozen=True)
class Stratum:
    """One service: its population, respondents and exact IKM."""

    name: str
    population: int
    respondents: int
    ikm: Decimal
    share: Fraction  # population / total population


@dataclass(frozen=True)
class PostStratified:
    """The IKM with each service weighted by its share of the population (not of the sample)."""

    column: str
    strata: tuple[Stratum, ...]
    ikm: Decimal  # exact Σ (N_s/N)·IKM_s, rounded half up like the IKM
    grade: str
    ci: tuple[float, float] | None  # stratified Bayesian bootstrap
    design_effect: float  # Kish: n·Σwᵢ² / (Σwᵢ)², wᵢ = N_s/n_s
    effective_n: float


def post_stratified_ikm(
    column: str,
    strata: Sequence[tuple[str, int, int, Fraction]],
    instrument: Instrument,
    draws: Sequence[FloatArray] | None,
    level: float,
) -> PostStratified:
    """``strata`` = (service, population, respondents, exact IKM); ``draws`` = bootstrap IKMs
    of each service (same order, same length), or ``None`` when no interval is given."""
    total = sum(p for _, p, _, _ in strata)
    shares = [Fraction(p, total) for _, p, _, _ in strata]
    exact = sum((s * ikm for s, (_, _, _, ikm) in zip(shares, strata, strict=True)), Fraction(0))
    n = sum(r for _, _, r, _ in strata)
    weights = [(float(s) / r, r) for s, (_, _, r, _) in zip(shares, strata, strict=True)]
    sum_w = sum(w * r for w, r in weights)
    sum_w2 = sum(w * w * r for w, r in weights)
    deff = n * sum_w2 / (sum_w * sum_w) if sum_w else 1.0
    ci = None
    if draws is not None:
        combined = sum((float(s) * d for s, d in zip(shares, draws, strict=True)), np.zeros_like(draws[0]))
        ci = num.percentile_ci(combined, level)
        if ci is not None:  # as every interval of skm stats: widened where needed to hold the exact figure
            ci = (min(ci[0], float(exact)), max(ci[1], float(exact)))
    return PostStratified(
        column=column,
        strata=tuple(
            Stratum(name, population, respondents, round_half_up(ikm, instrument.grade_decimals), share)
            for (name, population, respondents, ikm), share in zip(strata, shares, strict=True)
        ),
        ikm=round_half_up(exact, instrument.grade_decimals),
        grade=grade_band(exact, instrument).grade,
        ci=ci,
        design_effect=deff,
        effective_n=n / deff,
    )


# --------------------------------------------------------------------------- clustering


@dataclass(frozen=True)
class Clustering:
    """Respondents grouped by service: intra-class correlation and the design effect it implies."""

    column: str
    clusters: int
    mean_size: float
    icc: float  # ANOVA estimator, negative values set to 0
    design_effect: float  # 1 + (m̄ − 1)·ICC
    effective_n: float
    ci: tuple[float, float] | None  # the pooled IKM's interval widened by √deff around the IKM


def clustering(
    column: str,
    person: FloatArray,
    labels: Sequence[str] | npt.NDArray[np.object_],
    ikm: float,
    ci: tuple[float, float] | None,
    bounds: tuple[float, float],
) -> Clustering | None:
    """One-way ANOVA intra-class correlation of respondent IKM-scale scores by service.

    ``None`` with fewer than two services or fewer than one respondent more than services.
    """
    import pandas as pd  # noqa: PLC0415 - a hash of the labels, not a sort

    names = np.asarray(labels, dtype=object)
    codes, _ = pd.factorize(names)
    return clustering_codes(column, person, codes, ikm, ci, bounds)


def clustering_codes(
    column: str,
    person: FloatArray,
    labels: npt.NDArray[np.integer],
    ikm: float,
    ci: tuple[float, float] | None,
    bounds: tuple[float, float],
) -> Clustering | None:
    """:func:`clustering` with the services given as integer codes (equal codes, same service)."""
    values = np.asarray(person, dtype=np.float64)
    keep = np.isfinite(values)
    given = np.asarray(labels)
    if given.shape != values.shape:
        msg = "one label per respondent"
        raise ValueError(msg)
    codes = _first_seen(given[keep])  # services numbered as they first appear (the order of the sums)
    kept = values[keep]
    sizes = np.bincount(codes).astype(np.float64) if codes.size else np.empty(0)
    n, k = float(sizes.sum()), sizes.size
    if k < 2 or n <= k:
        return None
    grand = float(kept.mean())
    means = np.bincount(codes, weights=kept) / sizes
    ssb = float((sizes * (means - grand) ** 2).sum())
    ssw = float(((kept - means[codes]) ** 2).sum())
    msb, msw = ssb / (k - 1), ssw / (n - k)
    n0 = (n - float((sizes**2).sum()) / n) / (k - 1)
    denominator = msb + (n0 - 1) * msw
    icc = max(0.0, (msb - msw) / denominator) if denominator > 0 else 0.0
    mean_size = n / k
    deff = 1 + (mean_size - 1) * icc
    widened = None
    if ci is not None:
        factor = deff**0.5
        widened = (
            max(bounds[0], ikm - factor * (ikm - ci[0])),
            min(bounds[1], ikm + factor * (ci[1] - ikm)),
        )
    return Clustering(column, k, mean_size, icc, deff, n / deff, widened)


# at most this many distinct small codes are renumbered by a pass each (more: hashed by pandas)
_FIRST_SEEN_PASSES = 64


def _first_seen(labels: npt.NDArray[np.integer]) -> npt.NDArray[np.intp]:
    """``pd.factorize(labels)[0]``: each label numbered as it first appears. Labels that are a few
    small non-negative codes (the services) are renumbered from where each first appears (one
    comparison pass a code), without hashing a million integers."""
    import pandas as pd  # noqa: PLC0415 - a hash of the codes, not a sort

    small = labels.size and labels.dtype.kind == "i" and int(labels.min()) >= 0
    if small and int(labels.max()) < _FIRST_SEEN_PASSES:
        top = int(labels.max()) + 1
        present = np.bincount(labels, minlength=top) > 0
        first = {int(c): int(np.argmax(labels == c)) for c in np.flatnonzero(present)}
        table = np.zeros(top, dtype=np.intp)
        for number, c in enumerate(sorted(first, key=first.__getitem__)):
            table[c] = number
        renumbered: npt.NDArray[np.intp] = table[labels]
        return renumbered
    codes, _ = pd.factorize(labels)
    return np.asarray(codes, dtype=np.intp)


# --------------------------------------------------------------------------- importance–performance

QUADRANTS = ("prioritas-utama", "pertahankan", "prioritas-rendah", "berlebihan")


@dataclass(frozen=True)
class ImportanceElement:
    """One element: mean performance (its NRR), mean expectation, gap and quadrant."""

    code: str
    performance: float
    expectation: float | None
    answered: int  # respondents who answered an expectation question of the element
    quadrant: str | None
    gap_ci: tuple[float, float] | None = None  # paired bootstrap interval of the gap

    @property
    def gap(self) -> float | None:
        """Performance − expectation (negative: below what respondents expect)."""
        return None if self.expectation is None else self.performance - self.expectation

    @property
    def conformity(self) -> float | None:
        """Performance / expectation (tingkat kesesuaian), as a fraction."""
        return None if not self.expectation else self.performance / self.expectation


@dataclass(frozen=True)
class ImportancePerformance:
    """Importance–performance analysis: the quadrant of each element around the two means."""

    elements: tuple[ImportanceElement, ...]
    performance_mean: float  # cross-hair: mean of the elements' performance
    expectation_mean: float  # cross-hair: mean of the elements' expectation
    invalid_cells: int  # expectation cells that are not a whole number of the scale (left blank)


def quadrant(performance: float, expectation: float, x_mean: float, y_mean: float) -> str:
    """Quadrant of an element: high expectation and low performance is the first priority."""
    if expectation >= y_mean:
        return "pertahankan" if performance >= x_mean else "prioritas-utama"
    return "berlebihan" if performance >= x_mean else "prioritas-rendah"


def importance_performance(
    expectations: FloatArray,
    element_columns: Sequence[Sequence[int]],
    instrument: Instrument,
    performance: Mapping[str, float],
    invalid_cells: int,
) -> ImportancePerformance | None:
    """``expectations`` is ``n × e`` (NaN blank) for the instrument's expectation keys;
    ``element_columns[j]`` lists element j's expectation columns (empty when it has none).
    An element's expectation = mean of its expectation questions' means (like an NRR)."""
    rows: list[tuple[str, float, float | None, int]] = []
    for e, cols in zip(instrument.elements, element_columns, strict=True):
        if not cols:
            rows.append((e.code, performance[e.code], None, 0))
            continue
        part = expectations[:, list(cols)]
        answered = int(np.isfinite(part).any(axis=1).sum())
        counts = np.isfinite(part).sum(axis=0)
        if not counts.all():
            rows.append((e.code, performance[e.code], None, answered))
            continue
        means = np.nansum(part, axis=0) / counts
        rows.append((e.code, performance[e.code], float(means.mean()), answered))
    scored = [(p, x) for _, p, x, _ in rows if x is not None]
    if not scored:
        return None
    x_mean = float(np.mean([p for p, _ in scored]))
    y_mean = float(np.mean([x for _, x in scored]))
    return ImportancePerformance(
        tuple(
            ImportanceElement(code, p, x, n, None if x is None else quadrant(p, x, x_mean, y_mean))
            for code, p, x, n in rows
        ),
        x_mean,
        y_mean,
        invalid_cells,
    )
