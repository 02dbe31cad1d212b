"""``analyse(responses, …) -> StatsResult``: reliability, validity, uncertainty, comparisons
and data-quality flags of one responses table, each with the method that produced it.

Takes the pandas frame of :class:`~skm.readers.Responses` apart into numpy arrays and calls
the numeric functions of :mod:`skm.analysis.stats.numeric` and :mod:`skm.analysis.stats.quality`.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from skm.analysis.codes import factorized_with_missing, warm
from skm.analysis.score import find_column, load, score_responses
from skm.analysis.stats import design
from skm.analysis.stats import numeric as num
from skm.analysis.stats.patterns import AnswerPatterns
from skm.analysis.stats.quality import DUPLICATE_WINDOW, straight_lining
from skm.core.calc import IkmResult, ScoringRules, round_half_up
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import Period, parse_period
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
from skm.readers.dates import filter_period
from skm.text import Lang, t


class StatsArgumentError(SkmError, ValueError):
    """An argument of :func:`analyse` that cannot be used (exit 2, usage); also a ``ValueError``."""

    def __init__(self, code: IssueCode, **params: Any) -> None:
        super().__init__(code, ExitCode.USAGE, **params)

    def __str__(self) -> str:
        return t(self.code.value, Lang.EN, **self.params)


if TYPE_CHECKING:
    from pathlib import Path

    import numpy.typing as npt
    import pandas as pd

    from skm.readers import Responses
    from skm.readers.cells import LabelBook

__all__ = [
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "EXCLUDABLE",
    "MIN_INTERVAL_N",
    "ElementChange",
    "ElementInterval",
    "Flag",
    "GroupComparison",
    "GroupSummary",
    "ItemStat",
    "Margin",
    "Note",
    "PeriodComparison",
    "StatsResult",
    "analyse",
    "stats",
]

DEFAULT_SEED = 20170614  # date of PermenPANRB 14/2017; any fixed number makes results repeatable
DEFAULT_RESAMPLES = 2000
SIGNIFICANCE = 0.05
CONFIDENCE = 0.95
# flags whose rows --exclude-flagged removes (small groups are a property of a group, not of a row)
EXCLUDABLE = frozenset({"straight-lining", "duplicate", "outside-period", "date-unreadable"})
_NO_DUPLICATE_KEYS = frozenset({"date", "suggestion"})
# profile columns that tell respondents apart (a service or unit is shared by many honest people)
_NOT_IDENTIFYING = frozenset({"date", "suggestion", "service", "unit"})
#: duplicates are looked for only with at least this many identifying profile columns
MIN_IDENTIFYING_COLUMNS = 3
#: below this many respondents (or answers to an element) no interval and no grade stability is given
MIN_INTERVAL_N = 10
#: item discrimination: a corrected item–total r of at least this is the usual rule of thumb
DISCRIMINATION = 0.30
#: warn when the listwise-complete rows used by alpha leave out more than this share
LISTWISE_WARNING = 0.10


@dataclass(frozen=True)
class Note:
    """A sentence about a check that could not run or a figure to read with care."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang | str) -> str:
        """The sentence in ``lang``."""
        return t(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class ItemStat:
    """Validity and reliability figures of one element."""

    code: str
    name: str
    name_en: str
    item_total_r: float | None
    r_critical: float | None
    valid: bool | None  # r > r critical: a significance test (depends on n), the usual "valid"
    alpha_if_deleted: float | None
    discriminating: bool | None = None  # r ≥ 0.30: item discrimination (does not depend on n)


@dataclass(frozen=True)
class ElementInterval:
    """An element's exact NRR and its bootstrap interval."""

    code: str
    nrr: Decimal
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Flag:
    """A data-quality finding: the spreadsheet rows it concerns."""

    kind: str
    rows: tuple[int, ...]
    excludable: bool
    duplicate_of: tuple[tuple[int, int], ...] = ()  # (row, earlier row) for duplicates
    groups: tuple[tuple[str, int], ...] = ()  # (group, respondents) for small groups


@dataclass(frozen=True)
class Margin:
    """Margin of error achieved for a known population (finite population correction)."""

    population: int
    sample: int
    proportion: float  # worst case p = 0.5, as a fraction
    ikm: float | None  # on the 25–100 scale


@dataclass(frozen=True)
class GroupSummary:
    """One group of a comparison."""

    name: str
    respondents: int
    ikm: Decimal | None
    grade: str | None
    small: bool  # fewer than min_group: reported, not graded, not tested
    ci: tuple[float, float] | None = None  # bootstrap interval of the group's IKM (graded groups)


@dataclass(frozen=True)
class GroupComparison:
    """Rank test between groups of a column, on the IKM scale and per element."""

    column: str
    min_group: int
    groups: tuple[GroupSummary, ...]
    test: num.TestResult | None
    elements: tuple[tuple[str, num.TestResult | None, float | None], ...]  # code, test, Holm p


@dataclass(frozen=True)
class ElementChange:
    """Change of one element's NRR from the previous period.

    ``test`` is the bootstrap test of the difference shown (it decides ``significant``);
    ``rank_test`` is a Mann–Whitney test of the answers, reported beside it.
    """

    code: str
    current: Decimal
    previous: Decimal
    difference: Decimal
    ci: tuple[float, float] | None
    test: num.TestResult | None
    p_holm: float | None
    significant: bool
    rank_test: num.TestResult | None = None


@dataclass(frozen=True)
class PeriodComparison:
    """This period against ``--previous``."""

    source: str
    respondents: int
    ikm_current: Decimal
    ikm_previous: Decimal
    grade_previous: str
    difference: Decimal
    ci: tuple[float, float] | None
    test: num.TestResult | None  # bootstrap test of the difference (decides ``significant``)
    significant: bool
    elements: tuple[ElementChange, ...]
    rank_test: num.TestResult | None = None  # Mann–Whitney of respondent scores, beside it


@dataclass(frozen=True)
class StatsResult:
    """Everything ``skm stats`` reports. Floats are unrounded; renderers round them."""

    source: str
    instrument: Instrument
    result: IkmResult  # the exact index of the rows analysed
    rows_total: int
    removed_rows: tuple[int, ...]
    exclude_flagged: bool
    reliability_n: int
    cronbach_alpha: float | None
    items: tuple[ItemStat, ...]
    ikm_ci: tuple[float, float] | None
    nrr_ci: tuple[ElementInterval, ...]
    grade_stability: dict[str, float]  # share of bootstrap IKMs in each grade ({} below MIN_INTERVAL_N)
    seed: int
    resamples: int
    resamples_valid: int
    flags: tuple[Flag, ...]
    margin: Margin | None = None
    groups: GroupComparison | None = None
    previous: PeriodComparison | None = None
    period: Period | None = None
    notes: tuple[Note, ...] = field(default=())  # checks that could not run, figures to read with care
    duplicate_columns: tuple[str, ...] = ()  # profile columns compared for duplicates
    has_dates: bool = False  # a date column exists (duplicates must be close in time)
    dissatisfied: tuple[design.Dissatisfied, ...] = ()
    post_stratified: design.PostStratified | None = None
    clustering: design.Clustering | None = None
    importance: design.ImportancePerformance | None = None
    uniform_rows: int = 0  # rows with identical answers throughout (flagged only with other evidence)
    reliability_total: int = 0  # respondents before listwise deletion

    @property
    def intervals_given(self) -> bool:
        """Enough respondents for intervals and grade stability (``MIN_INTERVAL_N``)."""
        return self.respondents >= MIN_INTERVAL_N

    @property
    def prior_respondents(self) -> float:
        """Weight of the bootstrap's weak prior, in respondents (spread over the answer values)."""
        return num.PRIOR_MASS

    @property
    def normal_limit_n(self) -> int:
        """From this many respondents on, the bootstrap draws its sums from their normal limit."""
        return num.NORMAL_LIMIT_N

    @property
    def bootstrap_normal_limit(self) -> bool:
        """The normal limit drew some of the bootstrap (this file's or the previous file's respondents)."""
        counts = [self.respondents, self.previous.respondents if self.previous is not None else 0]
        return max(counts) >= num.NORMAL_LIMIT_N

    @property
    def min_identifying_columns(self) -> int:
        """The fewest identifying profile columns with which duplicates are looked for."""
        return MIN_IDENTIFYING_COLUMNS

    @property
    def min_interval_n(self) -> int:
        """The fewest respondents for which intervals are given."""
        return MIN_INTERVAL_N

    @property
    def discrimination_threshold(self) -> float:
        """The item-discrimination rule of thumb (r ≥ 0.30)."""
        return DISCRIMINATION

    @property
    def respondents(self) -> int:
        """Respondents analysed (after any exclusion)."""
        return self.result.respondents

    @property
    def confidence(self) -> float:
        """Level of every interval (0.95)."""
        return CONFIDENCE

    @property
    def significance(self) -> float:
        """The p-value below which a change is called significant (0.05)."""
        return SIGNIFICANCE

    @property
    def duplicate_window_minutes(self) -> int:
        """How close in time two identical rows must be to count as duplicates (with a date column)."""
        return int(DUPLICATE_WINDOW.total_seconds() // 60)


# ---------------------------------------------------------------- frame → arrays


def answer_matrix(responses: Responses) -> npt.NDArray[np.float64]:
    """``n × q`` float matrix of the instrument's questions, NaN for blanks."""
    frame = responses.frame
    keys = responses.instrument.question_keys
    matrix: npt.NDArray[np.float64] = np.empty((len(frame), len(keys)), dtype=np.float64)
    for j, k in enumerate(keys):  # filled column by column: no list of columns, no stacked copy
        matrix[:, j] = frame[k].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    return matrix


def answer_patterns(responses: Responses) -> AnswerPatterns:
    """The distinct answer patterns of the responses, their counts and each respondent's pattern
    (:class:`~skm.analysis.stats.patterns.AnswerPatterns`; ``matrix()`` is :func:`answer_matrix`)."""
    return AnswerPatterns.of_frame(responses.frame, responses.instrument.question_keys)


def _element_columns(instrument: Instrument) -> list[list[int]]:
    position = {k: i for i, k in enumerate(instrument.question_keys)}
    return [[position[q.key] for q in e.questions] for e in instrument.elements]


def element_scores(answers: npt.NDArray[np.float64], instrument: Instrument) -> npt.NDArray[np.float64]:
    """Per respondent and element: the mean of the element's answered questions (NaN if none)."""
    cols = _element_columns(instrument)
    out = np.full((answers.shape[0], len(cols)), np.nan)
    for j, c in enumerate(cols):
        part = answers[:, c]
        count = np.isfinite(part).sum(axis=1)
        total = np.where(np.isfinite(part), part, 0.0).sum(axis=1)
        out[:, j] = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    return out


def respondent_ikm(scores: npt.NDArray[np.float64], weights: list[float], conversion: int) -> npt.NDArray[np.float64]:
    """Respondent-level score on the IKM scale: conversion × Σ wⱼ·scoreⱼ (NaN if an element is blank)."""
    return np.asarray(conversion * (scores @ np.asarray(weights)), dtype=np.float64)


def exact_rank_keys(
    answers: npt.NDArray[np.float64], instrument: Instrument, weights: Sequence[Fraction]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Rank keys of the respondent scores, computed exactly: ``(person, elements)``.

    A respondent's element score (mean of its answered questions) and IKM-scale score
    (conversion × Σ wⱼ·scoreⱼ) are computed as :class:`~fractions.Fraction`, so that scores
    that are equal are *equal* (in floating point 1/9-weighted sums of the same answers in a
    different order differ in the last bits and would not be ties). Each distinct exact value
    is replaced by its dense rank (0, 1, 2 … as a float; NaN for a blank), which orders and
    ties exactly like the exact values: rank tests give the same statistic on the keys as on
    the exact scores. Keys are comparable only within one call (pass every sample at once).
    """
    return exact_rank_keys_of(AnswerPatterns.of_matrix(answers), instrument, weights)


def exact_rank_keys_of(
    patterns: AnswerPatterns, instrument: Instrument, weights: Sequence[Fraction]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """:func:`exact_rank_keys` of respondents given as their answer patterns (each pattern's scores
    computed once)."""
    cols = _element_columns(instrument)
    n = patterns.respondents
    pattern_of = patterns.pattern_of
    person: list[Fraction | None] = []
    element_values: list[list[Fraction | None]] = []
    for row in patterns.coded.astype(np.int64).tolist():
        scores: list[Fraction | None] = []
        for c in cols:
            given = [row[i] for i in c if row[i] >= 0]
            scores.append(Fraction(sum(given), len(given)) if given else None)
        element_values.append(scores)
        if any(s is None for s in scores):
            person.append(None)
        else:
            person.append(
                instrument.conversion
                * sum((w * s for w, s in zip(weights, scores, strict=True) if s is not None), Fraction(0))
            )

    def dense(values: list[Fraction | None]) -> npt.NDArray[np.float64]:
        order = {v: float(i) for i, v in enumerate(sorted({v for v in values if v is not None}))}
        return np.array([np.nan if v is None else order[v] for v in values], dtype=np.float64)

    person_keys = dense(person)[pattern_of] if n else np.empty(0)
    element_keys = np.full((n, len(cols)), np.nan)
    for j in range(len(cols)):
        if n:
            element_keys[:, j] = dense([e[j] for e in element_values])[pattern_of]
    return person_keys, element_keys


# ---------------------------------------------------------------- pieces


def _bootstrap(
    patterns: AnswerPatterns, instrument: Instrument, weights: Sequence[Fraction], seed: int, resamples: int
) -> num.BootstrapDraws:
    """The Bayesian bootstrap of :func:`~skm.analysis.stats.numeric.bootstrap_index` with the weak prior
    on the instrument's scale, from the respondents' answer patterns."""
    return num.bootstrap_patterns(
        patterns.coded,
        patterns.counts,
        _element_columns(instrument),
        [float(w) for w in weights],
        instrument.conversion,
        resamples=resamples,
        seed=seed,
        scale=(instrument.scale_min, instrument.scale_max),
        normal_limit=num.NORMAL_LIMIT_N,
    )


def _interval(draws: npt.NDArray[np.float64], point: float) -> tuple[float, float] | None:
    """The 95 % percentile interval of the draws, widened where needed to hold the exact figure.

    The weak prior pulls the draws slightly towards the middle of the scale; at the scale's ends
    (everyone answered 4) the interval would otherwise lie just beside the exact IKM of 100.
    """
    ci = num.percentile_ci(draws, CONFIDENCE)
    return None if ci is None else (min(ci[0], point), max(ci[1], point))


def _reliability(
    scores: npt.NDArray[np.float64], counts: npt.NDArray[np.int64], instrument: Instrument
) -> tuple[int, float | None, list[ItemStat]]:
    """Alpha, item–total r and alpha if deleted of the listwise-complete respondents, from the element
    scores of each answer pattern (``scores``) and the respondents per pattern (``counts``)."""
    keep = np.isfinite(scores).all(axis=1) & (counts > 0)
    complete, weight = scores[keep], counts[keep]
    n = int(weight.sum())
    alpha = num.cronbach_alpha(complete, weight)
    rs = num.item_total_r(complete, weight) if n else [None] * scores.shape[1]
    deleted = num.alpha_if_deleted(complete, weight) if n else [None] * scores.shape[1]
    crit = num.r_critical(n)
    items = [
        ItemStat(
            e.code,
            e.name,
            e.name_en,
            r,
            crit,
            None if r is None or crit is None else r > crit,
            d,
            None if r is None else r >= DISCRIMINATION,
        )
        for e, r, d in zip(instrument.elements, rs, deleted, strict=True)
    ]
    return n, alpha, items


def _grade_stability(draws: npt.NDArray[np.float64], instrument: Instrument) -> dict[str, float]:
    finite = draws[np.isfinite(draws)]
    places = instrument.grade_decimals
    units = num.rounded_grade_units(finite, places)
    assigned = np.full(units.shape, len(instrument.bands) - 1)
    open_ = np.ones(units.shape, dtype=bool)
    for i, band in enumerate(instrument.bands):
        lower = float(band.lower.scaleb(places))
        hit = open_ & ((units >= lower) if band.inclusive else (units > lower))
        assigned[hit] = i
        open_ &= ~hit
    total = max(int(finite.size), 1)
    return {b.grade: float((assigned == i).sum()) / total for i, b in enumerate(instrument.bands)}


def _small_groups(responses: Responses, by_column: str, min_group: int) -> Flag:
    """Rows of the groups of ``by_column`` smaller than ``min_group`` (not graded, not tested)."""
    rows = [int(r) for r in responses.frame.index]
    labels = _labels(responses, by_column)
    sizes = labels.value_counts()
    small = sorted((str(g), int(n)) for g, n in sizes.items() if n < min_group)
    small_names = {g for g, _ in small}
    return Flag(
        "small-group",
        tuple(r for r, g in zip(rows, labels, strict=True) if g in small_names),
        False,
        groups=tuple(small),
    )


def _flags(
    responses: Responses,
    patterns: AnswerPatterns,
    period: Period | None,
) -> tuple[list[Flag], list[Note], int]:
    """The flags, the notes of checks that could not run, and the number of uniform rows.

    Column by column on arrays (:mod:`skm.analysis.stats.columns`): each column's distinct values are
    normalised once, and only the rows whose whole key repeats are compared one by one."""
    from skm.analysis.stats.columns import Moments, column_codes, duplicate_pairs, repeated_text  # noqa: PLC0415

    rows = np.asarray(responses.frame.index, dtype=np.int64)
    n = rows.shape[0]
    flags: list[Flag] = []
    notes: list[Note] = []
    moments = Moments(responses)
    frame = responses.frame
    identifying = [c for name, c in responses.profile.items() if name not in _NOT_IDENTIFYING]
    duplicated = np.zeros(n, dtype=bool)
    duplicate_flag = None
    if len(identifying) >= MIN_IDENTIFYING_COLUMNS:
        profile_cols = [c for name, c in responses.profile.items() if name not in _NO_DUPLICATE_KEYS]
        codes = [column_codes(frame[c], _norm) for c in profile_cols]
        codes.append(patterns.pattern_of.astype(np.int64))  # equal answers ⇔ equal pattern
        pairs = duplicate_pairs(codes, moments)
        duplicated[[i for i, _ in pairs]] = True  # the copies (the first submission is not evidence)
        duplicate_flag = Flag(
            "duplicate",
            tuple(sorted(int(rows[i]) for i, _ in pairs)),
            True,
            duplicate_of=tuple(sorted((int(rows[i]), int(rows[j])) for i, j in pairs)),
        )
    elif identifying:
        notes.append(
            Note(
                "stats-note-few-identifying",
                (("columns", ", ".join(identifying)), ("minimum", MIN_IDENTIFYING_COLUMNS)),
            )
        )
    else:
        notes.append(Note("stats-note-no-profile", (("minimum", MIN_IDENTIFYING_COLUMNS),)))
    # uniform answers are normal in a satisfied population: flagged only with other evidence
    straight_patterns = np.asarray(straight_lining(patterns.answers), dtype=bool)
    straight = straight_patterns[patterns.pattern_of]
    minute = moments.same_minute() if moments.present else np.zeros(n, dtype=bool)
    suggestion = responses.profile.get("suggestion")
    text = repeated_text(frame[suggestion]) if suggestion is not None else np.zeros(n, dtype=bool)
    evidence = minute | text | duplicated
    flags.append(Flag("straight-lining", tuple(rows[straight & evidence].tolist()), True))
    if duplicate_flag is not None:
        flags.append(duplicate_flag)
    if period is not None:
        if not moments.present:
            notes.append(Note("stats-note-no-date"))
        else:
            outside, unreadable = moments.outside(period)
            flags.append(Flag("outside-period", tuple(rows[outside].tolist()), True))
            flags.append(Flag("date-unreadable", tuple(rows[unreadable].tolist()), True))
    return flags, notes, int(patterns.counts[straight_patterns].sum())


def _norm(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.lower().split())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _group_label(v: object) -> str:
    return "(kosong)" if v is None else str(v).strip()


def _labels(responses: Responses, column: str) -> pd.Series[str]:
    """Each row's group label; a typed (non-object) column is labelled once per distinct value."""
    import pandas as pd  # noqa: PLC0415

    series = responses.frame[column]
    if series.dtype == object:
        return series.map(_group_label)
    codes, names = _label_codes(responses, column)
    return pd.Series(np.array(names, dtype=object)[codes], index=series.index, name=series.name, dtype="str")


def _label_codes(responses: Responses, column: str) -> tuple[npt.NDArray[np.intp], list[str]]:
    """Each row's group label as a code into the distinct labels (rows with equal labels share a
    code): the labels of :func:`_labels` without a Python string per row for a typed column."""
    import pandas as pd  # noqa: PLC0415

    series = responses.frame[column]
    if series.dtype == object:
        codes, uniques = pd.factorize(series.map(_group_label), sort=False)
        return codes.astype(np.intp), [str(v) for v in uniques.tolist()]
    if pd.api.types.is_string_dtype(series.dtype):  # the column's codes, shared with its other consumers
        raw, found = factorized_with_missing(series)
    else:
        raw, uniques = pd.factorize(series, sort=False, use_na_sentinel=False)
        found = uniques.tolist()
    index: dict[str, int] = {}
    mapped = np.array([index.setdefault(_group_label(v), len(index)) for v in found], dtype=np.intp)
    return mapped[raw] if len(mapped) else np.zeros(len(raw), dtype=np.intp), list(index)


def _group_comparison(
    responses: Responses,
    column: str,
    scores: npt.NDArray[np.float64],
    person: npt.NDArray[np.float64],
    rules: ScoringRules,
    min_group: int,
    patterns: AnswerPatterns,
    bootstrap: tuple[int, int],
) -> GroupComparison:

    scored = score_responses(responses, rules=rules, by=column, min_group=min_group)
    labels = _labels(responses, column).to_numpy()
    summaries = []
    tested: list[str] = []
    instrument = responses.instrument
    seed, resamples = bootstrap
    for g in scored.groups:
        graded = g.result is not None and not g.small
        ci = None
        if graded and g.result is not None and g.respondents >= MIN_INTERVAL_N:
            draws = _bootstrap(patterns.subset(labels == g.group), instrument, g.result.weights, seed, resamples)
            ci = _interval(draws.ikm, float(g.result.ikm))
        summaries.append(
            GroupSummary(
                g.group,
                g.respondents,
                g.result.ikm_display if graded and g.result else None,
                g.result.grade if graded and g.result else None,
                g.small,
                ci,
            )
        )
        if not g.small:
            tested.append(g.group)

    def test(values: npt.NDArray[np.float64]) -> num.TestResult | None:
        parts = [values[labels == g] for g in tested]
        if len(parts) == 2:
            return num.mann_whitney(parts[0], parts[1])
        if len(parts) > 2:
            return num.kruskal_wallis(parts)
        return None

    overall = test(person)
    per_element = [test(scores[:, j]) for j in range(scores.shape[1])]
    ps = [t.p_value for t in per_element if t is not None]
    adjusted = iter(num.holm(ps))
    elements = tuple(
        (e.code, t, next(adjusted) if t is not None else None)
        for e, t in zip(responses.instrument.elements, per_element, strict=True)
    )
    return GroupComparison(column, min_group, tuple(summaries), overall, elements)


def _difference_test(draws: npt.NDArray[np.float64], difference: float, sizes: tuple[int, int]) -> num.TestResult:
    p = num.bootstrap_p(draws)
    return num.TestResult("bootstrap-difference", difference, 1.0 if p is None else p, None, "", sizes)


def _period_comparison(
    current: Responses,
    result: IkmResult,
    draws: num.BootstrapDraws,
    previous: Responses,
    rules: ScoringRules,
    seed: int,
    resamples: int,
) -> PeriodComparison:
    """The change shown (difference of the exact IKMs and NRRs) is what is tested: significant
    when the bootstrap p of the difference (Holm-adjusted per element) is below 0.05, i.e. when
    the 95 % interval shown leaves out 0. Mann–Whitney on exact scores is reported beside it."""

    instrument = current.instrument
    if previous.instrument.codes != instrument.codes:
        raise StatsArgumentError(IssueCode.STATS_OTHER_INSTRUMENT)
    prev_result = score_responses(previous, rules=rules)
    prev_answers = answer_matrix(previous)
    prev_draws = _bootstrap(answer_patterns(previous), instrument, result.weights, seed + 1, resamples)
    cur_answers = answer_matrix(current)
    n_cur = cur_answers.shape[0]
    person_keys, element_keys = exact_rank_keys(np.vstack([cur_answers, prev_answers]), instrument, result.weights)
    cur_scores, prev_scores = element_keys[:n_cur], element_keys[n_cur:]
    rank_test = num.mann_whitney(person_keys[:n_cur], person_keys[n_cur:])
    sizes = (result.respondents, prev_result.respondents)
    enough = min(sizes) >= MIN_INTERVAL_N
    difference = round_half_up(result.ikm - prev_result.ikm, instrument.grade_decimals)
    test = _difference_test(draws.ikm - prev_draws.ikm, float(difference), sizes) if enough else None
    changes = []
    diffs = [round_half_up(c.nrr - p.nrr, 4) for c, p in zip(result.elements, prev_result.elements, strict=True)]
    tests = [
        _difference_test(draws.nrr[:, j] - prev_draws.nrr[:, j], float(diffs[j]), sizes) if enough else None
        for j in range(len(instrument.elements))
    ]
    adjusted = iter(num.holm([t.p_value for t in tests if t is not None]))
    for j, (cur_e, prev_e) in enumerate(zip(result.elements, prev_result.elements, strict=True)):
        t = tests[j]
        p_holm = next(adjusted) if t is not None else None
        changes.append(
            ElementChange(
                cur_e.code,
                cur_e.nrr_display,
                prev_e.nrr_display,
                diffs[j],
                _interval(draws.nrr[:, j] - prev_draws.nrr[:, j], float(cur_e.nrr - prev_e.nrr)) if enough else None,
                t,
                p_holm,
                p_holm is not None and p_holm < SIGNIFICANCE,
                num.mann_whitney(cur_scores[:, j], prev_scores[:, j]),
            )
        )
    return PeriodComparison(
        source=previous.source,
        respondents=prev_result.respondents,
        ikm_current=result.ikm_display,
        ikm_previous=prev_result.ikm_display,
        grade_previous=prev_result.grade,
        difference=difference,
        ci=_interval(draws.ikm - prev_draws.ikm, float(result.ikm - prev_result.ikm)) if enough else None,
        test=test,
        significant=test is not None and test.p_value < SIGNIFICANCE,
        elements=tuple(changes),
        rank_test=rank_test,
    )


# ---------------------------------------------------------------- entry point


def _expectations(responses: Responses) -> tuple[npt.NDArray[np.float64], list[list[int]], int, list[str]] | None:
    """The expectation answers (``n × e``, NaN blank), each element's columns in it, the number of
    cells that are not an answer of the scale (left blank) and the keys without a column."""
    import re  # noqa: PLC0415

    instrument = responses.instrument
    keys = instrument.expectation_keys
    if not keys:
        return None

    def fold(text: object) -> str:
        return re.sub(r"[\s._\-]", "", str(text).lower())

    columns = {fold(c): c for c in responses.frame.columns if isinstance(c, str)}
    missing = [k.upper() for k in keys if fold(k) not in columns]
    n = len(responses.frame)
    values = np.full((n, len(keys)), np.nan)
    invalid = 0
    questions = [q for e in instrument.elements for q in e.expectations]
    for j, (key, question) in enumerate(zip(keys, questions, strict=True)):
        column = columns.get(fold(key))
        if column is None:
            continue
        labels = {" ".join(label.lower().split()): i + instrument.scale_min for i, label in enumerate(question.labels)}
        for i, cell in enumerate(responses.frame[column].tolist()):
            if cell is None or (isinstance(cell, float) and cell != cell):  # noqa: PLR0124 - NaN
                continue
            text = " ".join(str(cell).lower().split())
            if not text:
                continue
            number = labels.get(text)
            if number is None:
                try:
                    as_float = float(text.replace(",", "."))
                except ValueError:
                    as_float = float("nan")
                if as_float.is_integer() and instrument.scale_min <= as_float <= instrument.scale_max:
                    number = int(as_float)
            if number is None:
                invalid += 1
            else:
                values[i, j] = number
    position = {k: j for j, k in enumerate(keys)}
    columns_of = [[position[q.key] for q in e.expectations] for e in instrument.elements]
    return values, columns_of, invalid, missing


def _gap_intervals(
    importance: design.ImportancePerformance,
    answers: npt.NDArray[np.float64],
    expectations: npt.NDArray[np.float64],
    columns_of: list[list[int]],
    instrument: Instrument,
    seed: int,
    resamples: int,
) -> design.ImportancePerformance:
    """Each gap's 95 % interval: one Bayesian bootstrap of the performance and expectation answers
    together (the same respondent weights for both, so the pairing is kept; seed + 100)."""
    q = answers.shape[1]
    both = np.hstack([answers, expectations])
    performance = _element_columns(instrument)
    paired = [j for j, cols in enumerate(columns_of) if cols]
    columns = [*performance, *([q + c for c in columns_of[j]] for j in paired)]
    draws = num.bootstrap_index(
        both,
        columns,
        [0.0] * len(columns),
        1,
        resamples=resamples,
        seed=seed + 100,
        scale=(instrument.scale_min, instrument.scale_max),
        normal_limit=num.NORMAL_LIMIT_N,
    )
    k = len(performance)
    cis: dict[int, tuple[float, float] | None] = {}
    for position, j in enumerate(paired):
        gap = importance.elements[j].gap
        if gap is not None:
            cis[j] = _interval(draws.nrr[:, j] - draws.nrr[:, k + position], gap)
    return replace(
        importance,
        elements=tuple(replace(e, gap_ci=cis.get(j)) for j, e in enumerate(importance.elements)),
    )


def _post_stratify(
    responses: Responses,
    result: IkmResult,
    rules: ScoringRules,
    patterns: AnswerPatterns,
    populations: dict[str, int],
    seed: int,
    resamples: int,
) -> tuple[design.PostStratified | None, list[Note]]:

    column = responses.profile.get("service")
    if column is None:
        return None, [Note("stats-note-no-service")]

    def fold(name: str) -> str:
        return " ".join(name.split()).casefold()

    scored = score_responses(responses, rules=rules, by=column, min_group=1)
    answered = {fold(g.group): g for g in scored.groups if g.result is not None and g.respondents}
    listed = {fold(name): (name, n) for name, n in populations.items()}
    unlisted = sorted(g.group for key, g in answered.items() if key not in listed)
    empty = sorted(name for key, (name, _) in listed.items() if key not in answered)
    if unlisted or empty:
        notes = []
        if unlisted:
            notes.append(Note("stats-note-service-unlisted", (("services", ", ".join(unlisted)),)))
        if empty:
            notes.append(Note("stats-note-service-empty", (("services", ", ".join(empty)),)))
        return None, notes
    label_codes, names = _label_codes(responses, column)
    folded = np.array([fold(name) for name in names], dtype=object)
    strata = []
    draws = []
    for k, (key, (name, population)) in enumerate(listed.items()):
        group = answered[key]
        assert group.result is not None
        strata.append((name, population, group.respondents, group.result.ikm))
        if result.respondents >= MIN_INTERVAL_N:  # independent draws per service: seeds seed + 2, seed + 3 …
            rows = (folded == key)[label_codes] if len(folded) else np.zeros(len(label_codes), dtype=bool)
            subset = patterns.subset(rows)
            draws.append(_bootstrap(subset, responses.instrument, result.weights, seed + 2 + k, resamples).ikm)
    ps = design.post_stratified_ikm(
        column, strata, responses.instrument, draws if result.respondents >= MIN_INTERVAL_N else None, CONFIDENCE
    )
    return ps, []


def _margin(population: int, n: int, person: npt.NDArray[np.float64], counts: npt.NDArray[np.int64]) -> Margin:
    """The margin of error reached for a known population (finite population correction); ``person``
    is each answer pattern's respondent score, ``counts`` its respondents."""
    if population < n:
        raise StatsArgumentError(IssueCode.STATS_BAD_POPULATION, population=population, respondents=n)
    keep = np.isfinite(person) & (counts > 0)
    values, weight = person[keep], counts[keep].astype(np.float64)
    size = int(weight.sum())
    sd = float(np.sqrt(num.weighted_var(values, weight, size))) if size > 1 else None
    return Margin(
        population,
        n,
        num.margin_of_error_proportion(n, population),
        None if sd is None else num.margin_of_error_mean(sd, size, population),
    )


def _importance(
    responses: Responses,
    result: IkmResult,
    patterns: AnswerPatterns,
    notes: list[Note],
    bootstrap: tuple[int, int] | None,
) -> design.ImportancePerformance | None:
    """Importance–performance from the expectation questions, if the instrument has them; gap
    intervals when ``bootstrap`` (seed, resamples) is given (enough respondents)."""
    expected = _expectations(responses)
    if expected is None:
        return None
    instrument = responses.instrument
    values, columns_of, invalid, missing = expected
    if missing:
        notes.append(Note("stats-note-no-expectation", (("columns", ", ".join(missing)),)))
    importance = design.importance_performance(
        values, columns_of, instrument, {e.code: float(e.nrr) for e in result.elements}, invalid
    )
    if importance is not None and bootstrap is not None:
        importance = _gap_intervals(importance, patterns.matrix(), values, columns_of, instrument, *bootstrap)
    return importance


def _nrr_intervals(result: IkmResult, draws: num.BootstrapDraws, *, enough: bool) -> tuple[ElementInterval, ...]:
    """Each element's NRR with its bootstrap interval (none below the minimum n)."""
    return tuple(
        ElementInterval(
            e.code,
            e.nrr_display,
            *(
                (_interval(draws.nrr[:, j], float(e.nrr)) if enough and e.answered >= MIN_INTERVAL_N else None)
                or (None, None)
            ),
        )
        for j, e in enumerate(result.elements)
    )


def _clustering(
    responses: Responses,
    result: IkmResult,
    person: npt.NDArray[np.float64],
    ikm_ci: tuple[float, float] | None,
) -> design.Clustering | None:
    """The design effect of respondents clustered by service, when there is a service column."""
    service = responses.profile.get("service")
    if service is None:
        return None
    instrument = responses.instrument
    return design.clustering_codes(
        service,
        person,
        _label_codes(responses, service)[0],
        float(result.ikm),
        ikm_ci,
        (float(instrument.conversion * instrument.scale_min), float(instrument.conversion * instrument.scale_max)),
    )


def analyse(
    responses: Responses,
    *,
    rules: ScoringRules | None = None,
    by: str | None = None,
    previous: Responses | None = None,
    population: int | None = None,
    period: str | Period | None = None,
    exclude_flagged: bool = False,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
    min_group: int = 5,
    service_populations: dict[str, int] | None = None,
    scored: IkmResult | None = None,
) -> StatsResult:
    """Reliability, validity, bootstrap intervals, grade stability, comparisons and flags.

    ``by`` names a column (or profile attribute such as ``layanan``) to compare groups;
    ``previous`` is the previous period's responses; ``period`` is ``2026``, ``2026-01``,
    ``2026-TW1``, ``2026-S1`` or ``FROM..TO``; ``service_populations`` (service → population)
    adds the IKM post-stratified by service. Flags never change the figures unless
    ``exclude_flagged`` is true, in which case every figure is computed without the rows of
    the excludable flags (``StatsResult.removed_rows``). ``scored`` is ``score_responses(responses,
    rules=rules)`` when the caller has already computed it (``skm report``): not computed twice.
    Raises :class:`StatsArgumentError` (also a ``ValueError``) for bad arguments and
    :class:`~skm.errors.SkmError` for unusable data.
    """

    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    with threadpool_limits(1, user_api="blas"):  # small products: a second BLAS thread only waits (shared cores)
        return _analyse(
            responses,
            rules=rules,
            by=by,
            previous=previous,
            population=population,
            period=period,
            exclude_flagged=exclude_flagged,
            seed=seed,
            resamples=resamples,
            min_group=min_group,
            service_populations=service_populations,
            scored=scored,
        )


def _excluded(responses: Responses, flags: Sequence[Flag]) -> tuple[Responses, tuple[int, ...]]:
    """``responses`` without the rows of the excludable ``flags``, and those rows (spreadsheet rows)."""
    removed = tuple(sorted({r for f in flags if f.excludable for r in f.rows}))
    if len(removed) == len(responses.frame):
        raise StatsArgumentError(IssueCode.STATS_EXCLUDES_ALL, rows=len(removed))
    if removed:
        responses = replace(responses, frame=responses.frame.drop(index=list(removed)))
    return responses, removed


def _analyse(
    responses: Responses,
    *,
    rules: ScoringRules | None,
    by: str | None,
    previous: Responses | None,
    population: int | None,
    period: str | Period | None,
    exclude_flagged: bool,
    seed: int,
    resamples: int,
    min_group: int,
    service_populations: dict[str, int] | None,
    scored: IkmResult | None = None,
) -> StatsResult:
    if resamples < 100:
        raise StatsArgumentError(IssueCode.STATS_TOO_FEW_RESAMPLES, resamples=resamples)
    if population is not None and population < 1:
        raise StatsArgumentError(IssueCode.STATS_BAD_POPULATION, population=population, respondents=1)
    rules = rules or ScoringRules()
    instrument = responses.instrument
    the_period = parse_period(period) if isinstance(period, str) else period
    column = find_column(responses, by) if by is not None else None
    rows_total = len(responses.frame)
    # the quality checks read only the frame and the patterns: run beside the figures, in a thread (numpy,
    # pandas and Arrow release the GIL in their passes over the rows), their text columns factorised there
    # first while the answer patterns are found; waited for first when their flags decide which rows the
    # figures leave out; no thread outlives the call (1 M rows, in skm report: 0.50-0.52 s one after
    # the other, 0.40-0.48 s so)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="skm-flags") as pool:
        frame = responses.frame
        warming = pool.submit(
            warm, [frame[c] for name, c in responses.profile.items() if name != "date" and c in frame]
        )
        all_patterns = answer_patterns(responses)
        checks = pool.submit(_flags, responses, all_patterns, the_period)
        removed: tuple[int, ...] = ()
        if exclude_flagged:
            responses, removed = _excluded(responses, checks.result()[0])
        more_flags: list[Flag] = []
        notes: list[Note] = []  # the figures' notes, after the checks'
        if column is not None:  # after any exclusion: the groups as they are analysed
            more_flags.append(_small_groups(responses, column, min_group))
        result = scored if scored is not None and not removed else score_responses(responses, rules=rules)
        patterns = answer_patterns(responses) if removed else all_patterns  # the same frame: the same patterns
        # every figure that depends on a respondent's answers alone: once per answer pattern
        scores = element_scores(patterns.answers, instrument)
        reliability_n, alpha, items = _reliability(scores, patterns.counts, instrument)
        total = result.respondents
        if total and (total - reliability_n) / total > LISTWISE_WARNING:
            pct = round(100 * (total - reliability_n) / total)
            notes.append(Note("stats-note-listwise", (("n", reliability_n), ("total", total), ("pct", pct))))
        enough = total >= MIN_INTERVAL_N
        if not enough:
            notes.append(Note("stats-note-small-n", (("n", total), ("minimum", MIN_INTERVAL_N))))
        weights = [float(w) for w in result.weights]
        draws = _bootstrap(patterns, instrument, result.weights, seed, resamples)
        nrr_ci = _nrr_intervals(result, draws, enough=enough)
        ikm_ci = _interval(draws.ikm, float(result.ikm)) if enough else None
        person = respondent_ikm(scores, weights, instrument.conversion)  # per pattern
        margin = _margin(population, result.respondents, person, patterns.counts) if population is not None else None
        groups = None
        if column is not None:  # rank tests on exact scores (ties are ties)
            person_keys, element_keys = exact_rank_keys_of(patterns, instrument, result.weights)
            groups = _group_comparison(
                responses, column, element_keys, person_keys, rules, min_group, patterns, (seed, resamples)
            )
        prev = (
            _period_comparison(responses, result, draws, previous, rules, seed, resamples)
            if previous is not None
            else None
        )
        post = None
        if service_populations:
            post, more = _post_stratify(responses, result, rules, patterns, service_populations, seed, resamples)
            notes.extend(more)
        clustered = _clustering(responses, result, person[patterns.pattern_of], ikm_ci) if enough else None
        importance = _importance(responses, result, patterns, notes, (seed, resamples) if enough else None)
        warming.result()
        checked, check_notes, uniform = checks.result()
    flags = [*checked, *more_flags]
    notes = [*check_notes, *notes]
    return StatsResult(
        source=responses.source,
        instrument=instrument,
        result=result,
        rows_total=rows_total,
        removed_rows=removed,
        exclude_flagged=exclude_flagged,
        reliability_n=reliability_n,
        cronbach_alpha=alpha,
        items=tuple(items),
        ikm_ci=ikm_ci,
        nrr_ci=nrr_ci,
        grade_stability=_grade_stability(draws.ikm, instrument) if enough else {},
        seed=seed,
        resamples=resamples,
        resamples_valid=draws.valid,
        flags=tuple(flags),
        margin=margin,
        groups=groups,
        previous=prev,
        period=the_period,
        notes=tuple(notes),
        duplicate_columns=tuple(c for n, c in responses.profile.items() if n not in _NO_DUPLICATE_KEYS)
        if not any(n.key in ("stats-note-few-identifying", "stats-note-no-profile") for n in notes)
        else (),
        has_dates="date" in responses.profile,
        dissatisfied=design.dissatisfied(scores, instrument, CONFIDENCE, patterns.counts),
        post_stratified=post,
        clustering=clustered,
        importance=importance,
        uniform_rows=uniform,
        reliability_total=total,
    )


def stats(
    source: str | Path | pd.DataFrame | Responses,
    *,
    by: str | None = None,
    previous: str | Path | pd.DataFrame | Responses | None = None,
    population: int | None = None,
    period: str | Period | None = None,
    exclude_flagged: bool = False,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
    min_group: int = 5,
    instrument: Instrument | str | Path = PERMENPAN_14_2017,
    sheet: str | int | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | str | Path | None = None,
    service_populations: dict[str, int] | None = None,
) -> StatsResult:
    """Read ``source`` (and ``previous``) and :func:`analyse` it: the result ``skm stats`` prints,
    with the same options, so that ``stats_to_dict(stats(path, ...))`` is the document of
    ``skm stats path ... --format json``.

    ``previous`` is read with the same instrument, labels and invalid-cell policy; its sheet is
    found by itself.
    """
    responses = load(source, instrument=instrument, sheet=sheet, invalid=invalid, labels=labels)
    if period is not None:  # --period is a filter, as in every command
        responses, _ = filter_period(responses, period)
    earlier = None
    if previous is not None:
        earlier = load(previous, instrument=responses.instrument, invalid=invalid, labels=labels)
    return analyse(
        responses,
        by=by,
        previous=earlier,
        population=population,
        period=period,
        exclude_flagged=exclude_flagged,
        seed=seed,
        resamples=resamples,
        min_group=min_group,
        service_populations=service_populations,
    )
