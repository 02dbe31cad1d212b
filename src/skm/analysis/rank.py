"""``skm rank``: evaluate and rank many service units honestly.

Every unit is reduced, as soon as it is read, to integer tallies per question (the exact index
comes from :func:`skm.core.calc.score_tallies`) and a vector of bootstrap replicates of its IKM
(:func:`skm.analysis.stats.numeric.bootstrap_index`, respondent-level, seed fixed per unit), so
memory grows with the number of units, not with the number of responses.

The method, exactly (also in ``docs/rank.md`` and in every output):

* **Rank** — competition ranking on the displayed IKM (rounded half up to 2 decimals): a unit's
  rank is 1 + the number of units with a higher displayed IKM (1, 2, 2, 4). Units with fewer
  than ``min_respondents`` respondents, or with an element nobody answered, are not ranked.
* **Interval** — the 95 % percentile interval of the unit's bootstrap replicates (B replicates of
  the respondent-level Bayesian bootstrap: each respondent gets a Dirichlet(1, …, 1) weight, the
  continuous form of resampling with replacement; unit ``u`` uses seed ``crc32(u) + seed``, so
  adding a unit never changes another unit's interval).
* **Units from a tallies file** (``skm score --format tallies``) — marginal counts cannot be
  resampled by respondent (the covariance between questions is lost), so their standard error
  is the conservative bound ``se = conversion · Σ aₖ sₖ / √nₖ`` over questions k (aₖ the
  element's weight divided by its number of questions, sₖ the sample standard deviation of the
  question's answers and nₖ its answered count): it holds whatever the correlation between
  questions, since ``|Cov(X̄ₖ, X̄ₗ)| ≤ σₖσₗ / √(nₖnₗ)``, blanks included. Their interval is
  ``IKM ± z·se`` clipped to the scale (25–100), their replicates for the rank range are B normal
  draws ``IKM + se·N(0, 1)`` seeded like the bootstrap, and the Holm groups use the same se.
  Conservative: they are separated less often, never more. ``UnitRank.interval_method`` says
  which method a unit's interval comes from.
* **Rank interval** — replicate b of every unit together forms one joint replicate of the
  whole ranking (units are independent samples); the unit's rank in each joint replicate
  (1 + units strictly higher) gives a distribution whose 2.5 % and 97.5 % points are shown.
* **Rank group** — every pair of ranked units is compared with a two-sided z test on the
  difference of their IKMs, ``z = (IKMᵢ − IKMⱼ) / sqrt(seᵢ² + seⱼ²)`` with bootstrap standard
  errors; the p-values of all pairs are corrected together with Holm's step-down method at
  α = 0.05. Walking the units from the highest exact IKM down, the first unit leads group 1; each
  next unit joins the current group unless it differs significantly from the group's leader, in
  which case it leads a new group. Units in one group cannot be told apart from their leader.
"""

from __future__ import annotations

import math
import statistics
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from skm.analysis.score import find_column
from skm.analysis.stats.numeric import bootstrap_index, percentile_ci
from skm.core.calc import IkmResult, NoAnswersError, Tally, round_half_up, score_tallies
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.sampling import sample_size
from skm.core.tallies import GroupTally, TallySet
from skm.errors import ExitCode, InvalidPolicy, Issue, IssueCode, Severity, SkmError, combined_failure
from skm.readers.combine import FILE_COLUMN, expand_paths
from skm.readers.files import CSV_SUFFIXES, EXCEL_SUFFIXES, PARQUET_SUFFIXES
from skm.readers.headers import match_profile
from skm.readers.table import read_responses
from skm.readers.tallies import is_tallies_file, read_tallies
from skm.readers.units import UnitInfo, ancestors, read_units_file
from skm.text import Lang, t

if TYPE_CHECKING:
    import pandas as pd

    from skm.readers import Responses
    from skm.readers.cells import LabelBook

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_MIN_RESPONDENTS",
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "INTERVAL_BOOTSTRAP",
    "INTERVAL_TALLIES",
    "Change",
    "Comparison",
    "ParentRollup",
    "PreviousUnit",
    "Ranking",
    "UnitRank",
    "UnitSummary",
    "compare",
    "holm_reject",
    "rank_groups",
    "rank_paths",
    "rank_responses",
    "rank_summaries",
    "summarise_tallies",
    "summarise_unit",
    "tallies_se_bound",
]

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 20170101
DEFAULT_ALPHA = 0.05
DEFAULT_MIN_RESPONDENTS = 5
LEVEL = 0.95
INTERVAL_BOOTSTRAP = "bootstrap"  # respondent-level bootstrap (units read from responses)
INTERVAL_TALLIES = "tallies-bound"  # conservative bound on the se (units read from a tallies file)

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class UnitSummary:
    """What is kept of one unit's responses: tallies, counts and bootstrap replicates."""

    unit: str
    respondents: int
    tallies: dict[str, Tally]
    draws: FloatArray  # (B,) IKM replicates; empty when the unit cannot be scored
    skipped_cells: int = 0
    warnings: int = 0
    method: str = INTERVAL_BOOTSTRAP  # how the interval is made: INTERVAL_BOOTSTRAP or INTERVAL_TALLIES
    se: float | None = None  # the standard error bound of a unit from tallies (None: from the draws)


@dataclass(frozen=True)
class UnitRank:
    """One row of the league table."""

    unit: str
    name: str
    parent: str | None
    chain: tuple[str, ...]  # parents, nearest first
    respondents: int
    result: IkmResult | None
    ci: tuple[Decimal, Decimal] | None
    se: float | None
    rank: int | None
    rank_interval: tuple[int, int] | None
    rank_group: int | None
    population: int | None
    minimum_sample: int | None
    flags: tuple[str, ...]
    interval_method: str = INTERVAL_BOOTSTRAP  # INTERVAL_BOOTSTRAP or INTERVAL_TALLIES

    @property
    def ikm(self) -> Decimal | None:
        """The displayed (graded) IKM."""
        return None if self.result is None else self.result.ikm_display

    @property
    def grade(self) -> str | None:
        """Mutu pelayanan."""
        return None if self.result is None else self.result.grade

    @property
    def sample_met(self) -> bool | None:
        """Whether the respondents reach the Krejcie & Morgan minimum (None without a population)."""
        return None if self.minimum_sample is None else self.respondents >= self.minimum_sample

    @property
    def weakest(self) -> str | None:
        """Code of the element with the lowest NRR (ties in code order)."""
        return None if self.result is None else self.result.priority[0]


@dataclass(frozen=True)
class ParentRollup:
    """A parent (OPD, regency, province) or the whole: pooled index and mean of unit indices."""

    unit: str
    name: str
    parent: str | None
    depth: int
    units: int
    respondents: int
    pooled: IkmResult
    mean_of_units: Fraction

    @property
    def mean_display(self) -> Decimal:
        """The mean of unit IKMs rounded half up to 2 decimals."""
        return round_half_up(self.mean_of_units, self.pooled.instrument.grade_decimals)


@dataclass(frozen=True)
class PreviousUnit:
    """A unit's result in the previous period (from files or from ``skm rank --format json``)."""

    unit: str
    name: str
    ikm: Decimal | None
    grade: str | None
    rank: int | None


@dataclass(frozen=True)
class Change:
    """One unit present in both periods."""

    unit: str
    name: str
    ikm_before: Decimal | None
    ikm_now: Decimal | None
    grade_before: str | None
    grade_now: str | None
    rank_before: int | None
    rank_now: int | None

    @property
    def ikm_change(self) -> Decimal | None:
        """Displayed IKM now minus before."""
        return None if self.ikm_now is None or self.ikm_before is None else self.ikm_now - self.ikm_before

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive when the unit moved up)."""
        return None if self.rank_now is None or self.rank_before is None else self.rank_before - self.rank_now


@dataclass(frozen=True)
class Comparison:
    """The ranking against a previous period, matched by unit key."""

    source: str
    changes: tuple[Change, ...]
    only_now: tuple[str, ...]
    only_before: tuple[str, ...]


@dataclass(frozen=True)
class Ranking:
    """The result of ``skm rank``."""

    instrument: Instrument
    units: tuple[UnitRank, ...]  # in league-table order
    parents: tuple[ParentRollup, ...]
    pooled: ParentRollup | None
    weakest_element: str | None  # lowest NRR of the pooled whole
    weakest_counts: dict[str, int]  # element code → units whose weakest element it is
    without_data: tuple[str, ...]  # units-file leaves that have no responses
    resamples: int
    seed: int
    alpha: float
    min_respondents: int
    pairs: int
    comparison: Comparison | None = None
    reading_issues: tuple[Issue, ...] = ()  # warnings and skipped cells met while reading
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def unit(self, key: str) -> UnitRank:
        """A unit's row by key."""
        for u in self.units:
            if u.unit == key:
                return u
        raise KeyError(key)

    @property
    def groups(self) -> int:
        """Number of rank groups."""
        return max((u.rank_group for u in self.units if u.rank_group is not None), default=0)


# --- per unit ---------------------------------------------------------------------------


def unit_seed(unit: str, seed: int) -> int:
    """The bootstrap seed of one unit: independent of which other units are ranked."""
    return (zlib.crc32(unit.encode("utf-8")) + seed) % 2**32


def _tallies(answers: FloatArray, keys: Sequence[str], instrument: Instrument) -> dict[str, Tally]:
    """Integer tallies per question from an answers matrix (NaN = blank); the readers have
    already checked every value is on the scale."""
    low, size = instrument.scale_min, instrument.scale_max - instrument.scale_min + 1
    out: dict[str, Tally] = {}
    for j, key in enumerate(keys):
        column = answers[:, j]
        values = column[np.isfinite(column)].astype(np.int64) - low
        counts = np.bincount(values, minlength=size)[:size]
        out[key] = Tally(tuple(int(c) for c in counts), low)
    return out


def summarise_unit(
    unit: str,
    frame: pd.DataFrame,
    instrument: Instrument = PERMENPAN_14_2017,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    skipped_cells: int = 0,
    warnings: int = 0,
) -> UnitSummary:
    """Reduce one unit's canonical frame (columns ``u1``…) to tallies and bootstrap replicates."""
    keys = [k for k in instrument.question_keys if k in frame.columns]
    answers = frame[keys].to_numpy(dtype=np.float64, na_value=np.nan)
    tallies = _tallies(answers, keys, instrument)
    draws: FloatArray = np.empty(0)
    scorable = len(frame) > 0 and all(
        q.key in tallies and tallies[q.key].answered > 0 for e in instrument.elements for q in e.questions
    )
    if scorable and resamples > 0:
        columns = [[keys.index(q.key) for q in e.questions] for e in instrument.elements]
        weights = [float(w) for w in instrument.exact_weights()]
        # many small matrix products: one BLAS thread is several times faster than a contended pool
        with threadpool_limits(1, user_api="blas"):
            draws = bootstrap_index(
                answers,
                columns,
                weights,
                float(instrument.conversion),
                resamples=resamples,
                seed=unit_seed(unit, seed),
                normal_limit=None,  # rank's method text describes the Gamma draws at every size
            ).ikm
    return UnitSummary(unit, len(frame), tallies, draws, skipped_cells, warnings)


def tallies_se_bound(tallies: Mapping[str, Tally], instrument: Instrument = PERMENPAN_14_2017) -> float:
    """An upper bound on the standard error of the IKM that holds for any correlation between
    questions: ``conversion · Σₖ aₖ sₖ / √nₖ``.

    IKM = conversion · Σₖ aₖ X̄ₖ over questions k, with aₖ = element weight / questions of the
    element and X̄ₖ the mean of the nₖ answers to k. Since ``|Cov(X̄ₖ, X̄ₗ)| ≤ σₖσₗ/√(nₖnₗ)`` (also
    when blanks make the answered sets differ), ``Var(IKM) ≤ conversion² (Σ aₖ σₖ/√nₖ)²``. σₖ is
    estimated by the sample standard deviation of the tally (n − 1 in the denominator; a question
    answered once gets half the scale's range, the largest standard deviation possible on it).
    Returns NaN when a question has no answers (the unit cannot be scored).
    """
    half_range = (instrument.scale_max - instrument.scale_min) / 2
    total = 0.0
    for element, weight in zip(instrument.elements, instrument.exact_weights(), strict=True):
        share = float(weight) / len(element.questions)
        for question in element.questions:
            tally = tallies.get(question.key)
            n = 0 if tally is None else tally.answered
            if tally is None or n == 0:
                return math.nan
            mean = tally.total / n
            squares = sum(c * (tally.scale_min + i - mean) ** 2 for i, c in enumerate(tally.counts))
            sd = math.sqrt(squares / (n - 1)) if n > 1 else half_range
            total += share * sd / math.sqrt(n)
    return float(instrument.conversion) * total


def summarise_tallies(
    unit: str,
    group: GroupTally,
    instrument: Instrument = PERMENPAN_14_2017,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> UnitSummary:
    """A unit read from a tallies file: its exact tallies, the se bound of :func:`tallies_se_bound`
    and B normal replicates ``IKM + se·N(0, 1)`` (seeded like :func:`summarise_unit`'s bootstrap)."""
    low, size = instrument.scale_min, instrument.scale_max - instrument.scale_min + 1
    tallies = {k: group.tallies.get(k, Tally((0,) * size, low)) for k in instrument.question_keys}
    draws: FloatArray = np.empty(0)
    se: float | None = None
    try:
        ikm = float(score_tallies(tallies, group.respondents, instrument).ikm)
    except NoAnswersError:
        ikm = math.nan
    if group.respondents > 0 and math.isfinite(ikm):
        se = tallies_se_bound(tallies, instrument)
        if resamples > 0:
            rng = np.random.default_rng(unit_seed(unit, seed))
            draws = ikm + se * rng.standard_normal(resamples)
    return UnitSummary(unit, group.respondents, tallies, draws, method=INTERVAL_TALLIES, se=se)


def _normal_ci(ikm: float, se: float, instrument: Instrument) -> tuple[float, float]:
    """``IKM ± z·se`` (z the normal quantile of :data:`LEVEL`), clipped to the index's range."""
    z = statistics.NormalDist().inv_cdf(1 - (1 - LEVEL) / 2)
    low = float(instrument.conversion * instrument.scale_min)
    high = float(instrument.conversion * instrument.scale_max)
    return max(low, ikm - z * se), min(high, ikm + z * se)


# --- statistics across units -------------------------------------------------------------


def _holm_threshold(p: FloatArray, alpha: float) -> float:
    """Holm's step-down at ``alpha``: hypotheses with p below the returned value are rejected.

    Sorted ascending, p₍ₖ₎ (k = 0…m−1) is rejected while every p₍ⱼ₎ ≤ α/(m − j) for j ≤ k; the
    first failure stops it (its p is the threshold). Sorts ``p`` in place.
    """
    m = p.size
    p.sort()
    failing = np.nonzero(p > alpha / (m - np.arange(m)))[0]
    return float(p[failing[0]]) if failing.size else math.inf


def holm_reject(p_values: npt.ArrayLike, alpha: float = DEFAULT_ALPHA) -> npt.NDArray[np.bool_]:
    """Which hypotheses Holm's step-down method rejects at ``alpha`` (vectorised, any size).

    Equivalent to a Holm-adjusted p-value ≤ α.
    """
    p = np.asarray(p_values, dtype=np.float64)
    rejected: npt.NDArray[np.bool_] = p < _holm_threshold(p.copy(), alpha)
    return rejected


def _pair_p(estimates: FloatArray, se: FloatArray, i: int, js: npt.NDArray[np.int64]) -> FloatArray:
    """Two-sided normal p-values of unit ``i`` against units ``js``."""
    from scipy.special import erfc  # noqa: PLC0415

    diff = estimates[i] - estimates[js]
    scale = np.sqrt(se[i] ** 2 + se[js] ** 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(scale > 0, np.abs(diff) / np.where(scale > 0, scale, 1.0), np.where(diff == 0, 0.0, np.inf))
    p: FloatArray = erfc(z / math.sqrt(2.0))
    return p


def rank_groups(estimates: Sequence[float], se: Sequence[float], alpha: float = DEFAULT_ALPHA) -> list[int]:
    """Rank groups of units given in descending order of IKM (see the module docstring).

    All n(n−1)/2 pairwise p-values are Holm-corrected together; the groups are then formed by
    walking down from the top, starting a new group at the first unit that differs
    significantly from the current group's leader. Memory: one array of n(n−1)/2 p-values.
    """
    n = len(estimates)
    if n == 0:
        return []
    est = np.asarray(estimates, dtype=np.float64)
    s = np.asarray(se, dtype=np.float64)
    every = np.empty(n * (n - 1) // 2)
    start = 0
    for i in range(n - 1):
        every[start : start + n - 1 - i] = _pair_p(est, s, i, np.arange(i + 1, n, dtype=np.int64))
        start += n - 1 - i
    threshold = _holm_threshold(every, alpha) if every.size else math.inf
    del every
    groups = [1] * n
    leader, group = 0, 1
    for j in range(1, n):
        p = float(_pair_p(est, s, leader, np.array([j], dtype=np.int64))[0])
        if p < threshold:  # significantly different from the leader
            group += 1
            leader = j
        groups[j] = group
    return groups


def _rank_intervals(draws: FloatArray) -> list[tuple[int, int]]:
    """2.5 % and 97.5 % points of each unit's rank over joint replicates (rows = replicates)."""
    b, n = draws.shape
    ranks = np.zeros((b, n), dtype=np.int64)
    for r in range(b):
        row = draws[r]
        finite = np.isfinite(row)
        ordered = np.sort(row[finite])
        # 1 + number strictly higher
        ranks[r] = 1 + ordered.size - np.searchsorted(ordered, row, side="right")
        ranks[r, ~finite] = 0
    out = []
    for u in range(n):
        valid = ranks[:, u][ranks[:, u] > 0]
        if valid.size == 0:
            out.append((0, 0))
            continue
        low, high = np.quantile(valid, [(1 - LEVEL) / 2, 1 - (1 - LEVEL) / 2], method="inverted_cdf")
        out.append((int(low), int(high)))
    return out


# --- the ranking --------------------------------------------------------------------------


def _score(summary: UnitSummary, instrument: Instrument) -> IkmResult | None:
    try:
        return score_tallies(summary.tallies, summary.respondents, instrument)
    except NoAnswersError:
        return None


def _se(draws: FloatArray) -> float:
    finite = draws[np.isfinite(draws)]
    return float(np.std(finite, ddof=1)) if finite.size > 1 else 0.0


def _unit_se(summary: UnitSummary) -> float:
    """The standard error the rank groups use: the bound of a unit from tallies, else the
    standard deviation of the bootstrap replicates."""
    if summary.method == INTERVAL_TALLIES and summary.se is not None:
        return summary.se
    return _se(summary.draws)


def _add(tallies: dict[str, Tally], more: Mapping[str, Tally]) -> None:
    for key, tally in more.items():
        tallies[key] = tallies[key] + tally if key in tallies else tally


def _unit_flags(
    s: UnitSummary, r: IkmResult | None, minimum: int | None, min_respondents: int, *, unlisted: bool
) -> tuple[str, ...]:
    """The flags of one unit's league-table row (their sentences are in the rank catalogue)."""
    flags: list[str] = []
    if r is None:
        flags.append("not-scored")
    elif s.respondents < min_respondents:
        flags.append("few-respondents")
    if minimum is not None and s.respondents < minimum:
        flags.append("below-minimum")
    if s.skipped_cells:
        flags.append("skipped-cells")
    if s.warnings:
        flags.append("reading-warnings")
    if unlisted:
        flags.append("not-in-units-file")
    return tuple(flags)


def rank_summaries(
    summaries: Sequence[UnitSummary],
    *,
    units: Mapping[str, UnitInfo] | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    min_respondents: int = DEFAULT_MIN_RESPONDENTS,
    alpha: float = DEFAULT_ALPHA,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Ranking:
    """Rank units already reduced by :func:`summarise_unit`."""
    info = dict(units or {})
    results = [_score(s, instrument) for s in summaries]
    ranked = [
        i
        for i, (s, r) in enumerate(zip(summaries, results, strict=True))
        if r is not None and s.respondents >= min_respondents
    ]
    bootstrapped = resamples > 0 and all(summaries[i].draws.size for i in ranked)

    # league-table order: displayed IKM descending, then exact IKM, then key
    def order_key(i: int) -> tuple[Any, ...]:
        r = results[i]
        if r is None:
            return (1, 0, 0, summaries[i].unit)
        return (0, -r.ikm_display, -r.ikm, summaries[i].unit)

    ranked.sort(key=order_key)
    displayed = [results[i].ikm_display for i in ranked]  # type: ignore[union-attr]
    rank_of: dict[int, int] = {}
    for pos, i in enumerate(ranked):
        rank_of[i] = 1 if pos == 0 else (rank_of[ranked[pos - 1]] if displayed[pos] == displayed[pos - 1] else pos + 1)
    se_of: dict[int, float] = {}
    group_of: dict[int, int] = {}
    interval_of: dict[int, tuple[int, int]] = {}
    if bootstrapped and ranked:
        se_of = {i: _unit_se(summaries[i]) for i in ranked}
        exact = [float(r.ikm) for i in ranked if (r := results[i]) is not None]
        group_of = dict(zip(ranked, rank_groups(exact, [se_of[i] for i in ranked], alpha), strict=True))
        joint = np.column_stack([summaries[i].draws for i in ranked])
        interval_of = dict(zip(ranked, _rank_intervals(joint), strict=True))
    rows: list[UnitRank] = []
    rest = sorted((i for i in range(len(summaries)) if i not in rank_of), key=order_key)
    for i in [*ranked, *rest]:
        s, r = summaries[i], results[i]
        meta = info.get(s.unit)
        population = meta.population if meta else None
        minimum = sample_size(population).sample if population else None
        flags = _unit_flags(s, r, minimum, min_respondents, unlisted=bool(info) and meta is None)
        ci: tuple[float, float] | None = None
        if r is not None and s.method == INTERVAL_TALLIES and s.se is not None:
            ci = _normal_ci(float(r.ikm), s.se, instrument)
        elif r is not None and s.draws.size:
            ci = percentile_ci(s.draws, LEVEL)
        rows.append(
            UnitRank(
                unit=s.unit,
                name=meta.name if meta else s.unit,
                parent=meta.parent if meta else None,
                chain=ancestors(s.unit, info) if meta else (),
                respondents=s.respondents,
                result=r,
                ci=None if ci is None else (round_half_up(Fraction(ci[0]), 2), round_half_up(Fraction(ci[1]), 2)),
                se=se_of.get(i),
                rank=rank_of.get(i),
                rank_interval=interval_of.get(i),
                rank_group=group_of.get(i),
                population=population,
                minimum_sample=minimum,
                flags=flags,
                interval_method=s.method,
            )
        )
    # roll-up: every ancestor of a scored unit, and the whole
    members: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.result is None:
            continue
        for parent in row.chain:
            members.setdefault(parent, []).append(i)
    summary_of = {s.unit: s for s in summaries}

    def rollup(key: str, name: str, parent: str | None, depth: int, idx: list[int]) -> ParentRollup:
        tallies: dict[str, Tally] = {}
        respondents = 0
        for i in idx:
            _add(tallies, summary_of[rows[i].unit].tallies)
            respondents += rows[i].respondents
        pooled = score_tallies(tallies, respondents, instrument)
        mean = sum((rows[i].result.ikm for i in idx), Fraction(0)) / len(idx)  # type: ignore[union-attr]
        return ParentRollup(key, name, parent, depth, len(idx), respondents, pooled, mean)

    parents = [
        rollup(key, info[key].name, info[key].parent, len(ancestors(key, info)), idx) for key, idx in members.items()
    ]
    parents.sort(key=lambda p: (p.depth, -p.pooled.ikm, p.unit))
    scored = [i for i, row in enumerate(rows) if row.result is not None]
    whole = rollup("*", "*", None, -1, scored) if scored else None
    counts: dict[str, int] = {}
    for row in rows:
        if row.weakest is not None:
            counts[row.weakest] = counts.get(row.weakest, 0) + 1
    with_data = {s.unit for s in summaries}
    has_children = {u.parent for u in info.values() if u.parent}
    without = tuple(sorted(k for k in info if k not in with_data and k not in has_children))
    n = len(ranked)
    return Ranking(
        instrument=instrument,
        units=tuple(rows),
        parents=tuple(parents),
        pooled=whole,
        weakest_element=whole.pooled.priority[0] if whole else None,
        weakest_counts=counts,
        without_data=without,
        resamples=resamples,
        seed=seed,
        alpha=alpha,
        min_respondents=min_respondents,
        pairs=n * (n - 1) // 2,
    )


def compare(ranking: Ranking, previous: Iterable[PreviousUnit], source: str) -> Ranking:
    """The ranking with its change against a previous period (units matched by key)."""
    before = {p.unit: p for p in previous}
    now = {u.unit: u for u in ranking.units}
    changes = tuple(
        Change(u.unit, u.name, before[u.unit].ikm, u.ikm, before[u.unit].grade, u.grade, before[u.unit].rank, u.rank)
        for u in ranking.units
        if u.unit in before
    )
    comparison = Comparison(
        source=source,
        changes=changes,
        only_now=tuple(u.unit for u in ranking.units if u.unit not in before),
        only_before=tuple(sorted(k for k in before if k not in now)),
    )
    from dataclasses import replace  # noqa: PLC0415

    return replace(ranking, comparison=comparison)


def previous_from_ranking(ranking: Ranking) -> list[PreviousUnit]:
    """A ranking as the previous period of another."""
    return [PreviousUnit(u.unit, u.name, u.ikm, u.grade, u.rank) for u in ranking.units]


def previous_from_json(data: Mapping[str, Any]) -> list[PreviousUnit]:
    """Units of a ``skm rank --format json`` document; ``ValueError`` when it is not one."""
    units = data.get("units")
    if not isinstance(units, list):
        msg = "no 'units' list"
        raise ValueError(msg)
    out = []
    for row in units:
        if not isinstance(row, dict) or "unit" not in row:
            msg = "a unit without 'unit'"
            raise ValueError(msg)
        ikm = row.get("ikm")
        rank = row.get("rank")
        out.append(
            PreviousUnit(
                str(row["unit"]),
                str(row.get("name") or row["unit"]),
                None if ikm is None else Decimal(str(ikm)),
                None if row.get("grade") is None else str(row["grade"]),
                None if rank is None else int(rank),
            )
        )
    return out


# --- reading -------------------------------------------------------------------------------


def _unit_names(paths: Sequence[Path]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for path in paths:
        stem = path.stem
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem} ({seen[stem]})")
    return out


def _counts(responses: Responses) -> tuple[int, int]:
    errors = len(responses.errors)
    warnings = sum(1 for i in responses.issues if i.severity is Severity.WARNING)
    return errors, warnings


def summarise_responses(
    responses: Responses,
    unit_column: str,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> list[UnitSummary]:
    """One summary per value of ``unit_column`` (blank values are the unit ``(kosong)``)."""

    column = find_column(responses, unit_column)
    frame = responses.frame
    labels = frame[column].map(lambda v: "(kosong)" if v is None or v != v else str(v).strip())  # noqa: PLR0124
    out = []
    for name, part in frame.groupby(labels, sort=True):
        out.append(summarise_unit(str(name), part, responses.instrument, resamples=resamples, seed=seed))
    return out


def rank_responses(
    responses: Responses,
    unit_column: str,
    *,
    units: Mapping[str, UnitInfo] | None = None,
    min_respondents: int = DEFAULT_MIN_RESPONDENTS,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    alpha: float = DEFAULT_ALPHA,
) -> Ranking:
    """Rank the units named by ``unit_column`` of already-read responses."""
    summaries = summarise_responses(responses, unit_column, resamples=resamples, seed=seed)
    return rank_summaries(
        summaries,
        units=units,
        instrument=responses.instrument,
        min_respondents=min_respondents,
        alpha=alpha,
        resamples=resamples,
        seed=seed,
    )


@dataclass(frozen=True)
class _FileTask:
    name: str
    path: Path
    instrument: Instrument
    sheet: str | int | None
    invalid: InvalidPolicy | str
    labels: LabelBook | None
    resamples: int
    seed: int
    column_map: Mapping[str, str] | None = None


@dataclass(frozen=True)
class _FileDone:
    summary: UnitSummary | None
    issues: tuple[Issue, ...]
    failure: tuple[IssueCode, ExitCode, tuple[Issue, ...], dict[str, object]] | None
    read_seconds: float
    summarise_seconds: float
    tallies: TallySet | None = None  # the file is a tallies file: its units are made by the caller


def _failure(exc: SkmError) -> tuple[IssueCode, ExitCode, tuple[Issue, ...], dict[str, object]]:
    return (exc.code, exc.exit_code, exc.issues, dict(exc.params))


def _summarise_file(task: _FileTask) -> _FileDone:
    """Read one unit file and summarise it; errors come back as values (they cross processes).
    A tallies file is read, not summarised (it may hold several units)."""

    clock = time.perf_counter()
    try:
        if is_tallies_file(task.path):
            tallies = read_tallies([task.path], task.instrument)
            return _FileDone(None, (), None, time.perf_counter() - clock, 0.0, tallies)
        responses = read_responses(
            task.path,
            sheet=task.sheet,
            instrument=task.instrument,
            invalid=task.invalid,
            labels=task.labels,
            column_map=task.column_map,
        )
    except SkmError as exc:
        return _FileDone(None, (), _failure(exc), time.perf_counter() - clock, 0.0)
    read = time.perf_counter() - clock
    skipped, warnings = _counts(responses)
    summary = summarise_unit(
        task.name,
        responses.frame,
        task.instrument,
        resamples=task.resamples,
        seed=task.seed,
        skipped_cells=skipped,
        warnings=warnings,
    )
    return _FileDone(summary, tuple(responses.issues), None, read, time.perf_counter() - clock - read)


def _summarise_files(tasks: list[_FileTask], jobs: int) -> Iterable[_FileDone]:
    if jobs <= 1 or len(tasks) < 2 * jobs:
        return map(_summarise_file, tasks)
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # forkserver: no fork of a process that holds BLAS threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("forkserver")) as pool:
        return list(pool.map(_summarise_file, tasks, chunksize=max(1, min(32, len(tasks) // (4 * jobs)))))


_RESPONSES_SUFFIXES = CSV_SUFFIXES | EXCEL_SUFFIXES | PARQUET_SUFFIXES


def _same_column(a: str, b: str) -> bool:
    """Whether two column names name the same column (case and spaces ignored, or the same
    profile attribute, as ``--unit-column`` finds a responses column)."""
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return x == y or (match_profile(x) is not None and match_profile(x) == match_profile(y))


def _unit_value(column: str, value: str) -> str:
    """A group value as a unit key: blank is ``(kosong)`` (as for a unit column of responses); a
    file name of the per-file column (``skm score FOLDER --format tallies``) loses its suffix, so
    the unit is named as ``skm rank FOLDER`` names it."""
    text = value.strip()
    if not text:
        return "(kosong)"
    if column.strip().lower() == FILE_COLUMN and Path(text).suffix.lower() in _RESPONSES_SUFFIXES:
        return text[: -len(Path(text).suffix)]
    return text


def tally_units(
    tallies: TallySet, *, name: str, file: str, unit_column: str | None = None, lang: Lang = Lang.ID
) -> dict[str, GroupTally]:
    """The units of one tallies file: one per value of its group column (``unit_column`` chooses
    one of several, pooling over the others), or the whole file as the unit ``name`` when it has
    no group column. Raises :class:`SkmError` (usage) when the unit column is ambiguous or absent."""
    columns = list(tallies.group_by)
    listed = ", ".join(columns) or "-"
    if unit_column is None:
        if not columns:
            return {name: tallies.total()}
        if len(columns) > 1:
            raise SkmError(
                IssueCode.INVALID_OPTION,
                ExitCode.USAGE,
                reason=t("rank-tallies-several-groups", lang, file=file, columns=listed),
            )
        index = 0
    else:
        found = [i for i, c in enumerate(columns) if _same_column(unit_column, c)]
        if not found:
            raise SkmError(
                IssueCode.INVALID_OPTION,
                ExitCode.USAGE,
                reason=t("rank-tallies-unknown-column", lang, file=file, column=unit_column, columns=listed),
            )
        index = found[0]
    units: dict[str, GroupTally] = {}
    for group, part in tallies.groups.items():
        key = _unit_value(columns[index], group[index])
        units[key] = units[key] + part if key in units else part
    return units


@dataclass
class _Collected:
    """Units met while reading: tallies per unit (with their files) and response units' files."""

    tallies: dict[str, GroupTally] = field(default_factory=dict)
    tally_files: dict[str, list[str]] = field(default_factory=dict)
    response_files: dict[str, list[str]] = field(default_factory=dict)

    def add_tallies(self, units: Mapping[str, GroupTally], file: str) -> None:
        for unit, part in units.items():
            self.tallies[unit] = self.tallies[unit] + part if unit in self.tallies else part
            self.tally_files.setdefault(unit, []).append(file)

    def add_responses(self, unit: str, file: str) -> None:
        files = self.response_files.setdefault(unit, [])
        if file not in files:
            files.append(file)

    def conflicts(self, lang: Lang) -> list[SkmError]:
        """Units in both a tallies file and responses (most likely the same respondents twice): one
        usage error naming each such unit with its files."""
        both = [u for u in sorted(self.tallies) if u in self.response_files]
        if not both:
            return []
        shown = [f"{u} ({', '.join(self.tally_files[u])} / {', '.join(self.response_files[u])})" for u in both[:20]]
        more = [t("rank-more-units", lang, count=len(both) - 20)] if len(both) > 20 else []
        reason = t("rank-tallies-and-responses", lang, units="; ".join(shown + more))
        return [SkmError(IssueCode.INVALID_OPTION, ExitCode.USAGE, reason=reason)]


def read_summaries(
    paths: Sequence[Path],
    *,
    unit_column: str | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    sheet: str | int | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | None = None,
    column_map: Mapping[str, str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    jobs: int = 1,
    lang: Lang = Lang.ID,
    timings: dict[str, float] | None = None,
) -> tuple[list[UnitSummary], list[Issue]]:
    """Read every file (folders expanded) into unit summaries; every file is read before failing.

    Without ``unit_column`` each file is one unit named by its stem and its rows are dropped as
    soon as it is summarised; ``jobs`` > 1 reads and summarises files in that many processes (the
    result is identical: each unit's bootstrap seed depends only on its name). With
    ``unit_column``, the files' rows are grouped by that column (a unit may span several files).
    Tallies files (``skm score --format tallies``, recognised by their columns) may be among the
    files: their units (:func:`tally_units`) are summarised by :func:`summarise_tallies`, and the
    same unit in several tallies files is pooled; a unit both in a tallies file and in responses
    is refused (most likely the same respondents twice).
    Also returns the reading issues (warnings, skipped cells) of every file; ``timings`` (if
    given) receives the seconds spent reading and summarising (summed over processes).
    """
    import pandas as pd  # noqa: PLC0415

    files = expand_paths(paths)
    summaries: list[UnitSummary] = []
    failures: list[SkmError] = []
    issues: list[Issue] = []
    spent = {"read": 0.0, "summarise": 0.0}
    parts: dict[str, list[pd.DataFrame]] = {}
    seen = _Collected()

    def add_tallies(tallies: TallySet, name: str, path: Path) -> None:
        try:
            units = tally_units(tallies, name=name, file=path.name, unit_column=unit_column, lang=lang)
            seen.add_tallies(units, path.name)
        except SkmError as exc:
            failures.append(exc)

    if unit_column is None:
        tasks = [
            _FileTask(name, path, instrument, sheet, invalid, labels, resamples, seed, column_map)
            for name, path in zip(_unit_names(files), files, strict=True)
        ]
        for task, done in zip(tasks, _summarise_files(tasks, jobs), strict=True):
            spent["read"] += done.read_seconds
            spent["summarise"] += done.summarise_seconds
            issues.extend(done.issues)
            if done.failure is not None:
                code, exit_code, problems, params = done.failure
                failures.append(SkmError(code, exit_code, issues=problems, **params))
            elif done.tallies is not None:
                add_tallies(done.tallies, task.name, task.path)
            elif done.summary is not None:
                summaries.append(done.summary)
                seen.add_responses(task.name, task.path.name)
    else:
        for path, name in zip(files, _unit_names(files), strict=True):
            clock = time.perf_counter()
            try:
                if is_tallies_file(path):
                    add_tallies(read_tallies([path], instrument), name, path)
                    continue
                responses = read_responses(
                    path, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels, column_map=column_map
                )
            except SkmError as exc:
                failures.append(exc)
                continue
            finally:
                spent["read"] += time.perf_counter() - clock
            issues.extend(responses.issues)
            try:
                column = find_column(responses, unit_column)
            except SkmError as exc:
                failures.append(exc)
                continue
            frame = responses.frame
            labels_of = frame[column].map(lambda v: "(kosong)" if v is None or v != v else str(v).strip())  # noqa: PLR0124
            for unit, part in frame.groupby(labels_of, sort=False):
                parts.setdefault(str(unit), []).append(part[list(instrument.question_keys)])
                seen.add_responses(str(unit), path.name)
    failures.extend(seen.conflicts(lang))
    if failures:
        raise combined_failure(failures)
    clock = time.perf_counter()
    for unit in sorted(parts):
        frame = pd.concat(parts.pop(unit)) if len(parts[unit]) > 1 else parts.pop(unit)[0]
        summaries.append(summarise_unit(unit, frame, instrument, resamples=resamples, seed=seed))
    for unit in sorted(seen.tallies):
        summaries.append(summarise_tallies(unit, seen.tallies[unit], instrument, resamples=resamples, seed=seed))
    spent["summarise"] += time.perf_counter() - clock
    if timings is not None:
        timings.update(spent)
    return summaries, issues


def rank_paths(
    paths: Sequence[str | Path],
    *,
    unit_column: str | None = None,
    units_file: str | Path | None = None,
    previous: str | Path | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    sheet: str | int | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | None = None,
    column_map: Mapping[str, str] | None = None,
    min_respondents: int = DEFAULT_MIN_RESPONDENTS,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    alpha: float = DEFAULT_ALPHA,
    lang: Lang = Lang.ID,
    jobs: int = 1,
) -> Ranking:
    """Read, summarise and rank; the same result ``skm rank`` prints. Raises :class:`SkmError`.

    ``paths`` are responses files, folders or tallies files (``skm score --format tallies``), in
    any mix; ``previous`` the same, or a ``skm rank --format json`` file. ``column_map`` is
    ``--map`` (column → question) for responses files. ``ranking.timings`` holds the seconds
    spent reading, summarising and ranking.
    """
    units = read_units_file(Path(units_file), lang) if units_file is not None else None
    options: dict[str, Any] = {
        "unit_column": unit_column,
        "instrument": instrument,
        "sheet": sheet,
        "invalid": invalid,
        "labels": labels,
        "column_map": column_map,
        "resamples": resamples,
        "seed": seed,
    }
    spent: dict[str, float] = {}
    summaries, issues = read_summaries([Path(p) for p in paths], jobs=jobs, lang=lang, timings=spent, **options)
    read_done = time.perf_counter()
    ranking = rank_summaries(
        summaries,
        units=units,
        instrument=instrument,
        min_respondents=min_respondents,
        alpha=alpha,
        resamples=resamples,
        seed=seed,
    )
    ranking.timings.update({**spent, "rank": time.perf_counter() - read_done})
    if issues:
        from dataclasses import replace  # noqa: PLC0415

        ranking = replace(ranking, reading_issues=tuple(issues))
    if previous is not None:
        prior = load_previous(
            Path(previous), units=units, min_respondents=min_respondents, lang=lang, jobs=jobs, **options
        )
        ranking = compare(ranking, prior, str(previous))
    return ranking


def load_previous(
    path: Path,
    *,
    units: Mapping[str, UnitInfo] | None,
    min_respondents: int,
    lang: Lang,
    jobs: int = 1,
    **options: Any,
) -> list[PreviousUnit]:
    """The previous period: a ``skm rank --format json`` file, or response or tallies files ranked alike."""
    if path.is_file() and path.suffix.lower() == ".json":
        import json  # noqa: PLC0415

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return previous_from_json(data)
        except (ValueError, OSError) as exc:
            raise SkmError(
                IssueCode.UNREADABLE,
                ExitCode.INPUT_ERROR,
                file=str(path),
                kind=t("rank-json-kind", lang),
                reason=str(exc)[:200],
            ) from exc
    summaries, _ = read_summaries([path], jobs=jobs, lang=lang, **{**options, "resamples": 0})
    instrument = options["instrument"]
    before = rank_summaries(
        summaries,
        units=units,
        instrument=instrument,
        min_respondents=min_respondents,
        resamples=0,  # only IKM, grade and rank are compared
        seed=options["seed"],
    )
    return previous_from_ranking(before)
