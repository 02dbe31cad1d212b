"""``analyse(responses, …) -> StatsResult``: reliability, validity, uncertainty, comparisons
and data-quality flags of one responses table, each with the method that produced it.

Takes the pandas frame of :class:`~skm.readers.Responses` apart into numpy arrays and calls
the numeric functions of :mod:`skm.analysis.stats.numeric` and :mod:`skm.analysis.stats.quality`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from skm.analysis.score import load
from skm.analysis.stats import numeric as num
from skm.analysis.stats.quality import DUPLICATE_WINDOW, duplicate_rows, straight_lining
from skm.core.calc import IkmResult, ScoringRules, round_half_up
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import Period, parse_period
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
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
    "ElementChange",
    "ElementInterval",
    "Flag",
    "GroupComparison",
    "GroupSummary",
    "ItemStat",
    "Margin",
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


@dataclass(frozen=True)
class ItemStat:
    """Validity and reliability figures of one element."""

    code: str
    name: str
    name_en: str
    item_total_r: float | None
    r_critical: float | None
    valid: bool | None
    alpha_if_deleted: float | None


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
    """Change of one element's NRR from the previous period."""

    code: str
    current: Decimal
    previous: Decimal
    difference: Decimal
    ci: tuple[float, float] | None
    test: num.TestResult | None
    p_holm: float | None
    significant: bool


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
    test: num.TestResult | None
    significant: bool
    elements: tuple[ElementChange, ...]


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
    grade_probability: dict[str, float]
    seed: int
    resamples: int
    resamples_valid: int
    flags: tuple[Flag, ...]
    margin: Margin | None = None
    groups: GroupComparison | None = None
    previous: PeriodComparison | None = None
    period: Period | None = None
    notes: tuple[str, ...] = field(default=())  # message keys of checks that could not run
    duplicate_columns: tuple[str, ...] = ()  # profile columns compared for duplicates
    has_dates: bool = False  # a date column exists (duplicates must be close in time)

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
    matrix: npt.NDArray[np.float64] = (
        np.column_stack([frame[k].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan) for k in keys])
        .reshape(len(frame), len(keys))
        .astype(np.float64)
    )
    return matrix


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


# ---------------------------------------------------------------- pieces


def _reliability(scores: npt.NDArray[np.float64], instrument: Instrument) -> tuple[int, float | None, list[ItemStat]]:
    complete = scores[np.isfinite(scores).all(axis=1)]
    n = complete.shape[0]
    alpha = num.cronbach_alpha(complete)
    rs = num.item_total_r(complete) if n else [None] * scores.shape[1]
    deleted = num.alpha_if_deleted(complete) if n else [None] * scores.shape[1]
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
        )
        for e, r, d in zip(instrument.elements, rs, deleted, strict=True)
    ]
    return n, alpha, items


def _grade_probability(draws: npt.NDArray[np.float64], instrument: Instrument) -> dict[str, float]:
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
    answers: npt.NDArray[np.float64],
    period: Period | None,
) -> tuple[list[Flag], list[str]]:
    rows = [int(r) for r in responses.frame.index]
    flags: list[Flag] = []
    notes: list[str] = []
    straight = straight_lining(answers)
    flags.append(Flag("straight-lining", tuple(r for r, s in zip(rows, straight, strict=True) if s), True))
    from skm.readers.dates import date_values  # noqa: PLC0415 - the dates the reader parsed

    moments = date_values(responses)
    profile_cols = [c for name, c in responses.profile.items() if name not in _NO_DUPLICATE_KEYS]
    if profile_cols:
        frame = responses.frame
        prof = [tuple(_norm(v) for v in t) for t in frame[profile_cols].itertuples(index=False, name=None)]
        ans = [tuple(None if np.isnan(v) else int(v) for v in row) for row in answers]
        pairs = duplicate_rows([p + a for p, a in zip(prof, ans, strict=True)], moments)
        flags.append(
            Flag(
                "duplicate",
                tuple(sorted(rows[i] for i, _ in pairs)),
                True,
                duplicate_of=tuple(sorted((rows[i], rows[j]) for i, j in pairs)),
            )
        )
    else:
        notes.append("stats-note-no-profile")
    if period is not None:
        if moments is None:
            notes.append("stats-note-no-date")
        else:
            unreadable = tuple(r for r, m in zip(rows, moments, strict=True) if m is None)
            outside = tuple(r for r, m in zip(rows, moments, strict=True) if m is not None and m not in period)
            flags.append(Flag("outside-period", outside, True))
            flags.append(Flag("date-unreadable", unreadable, True))
    return flags, notes


def _norm(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.lower().split())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _labels(responses: Responses, column: str) -> pd.Series[str]:
    return responses.frame[column].map(lambda v: "(kosong)" if v is None else str(v).strip())


def _group_comparison(
    responses: Responses,
    column: str,
    scores: npt.NDArray[np.float64],
    person: npt.NDArray[np.float64],
    rules: ScoringRules,
    min_group: int,
    answers: npt.NDArray[np.float64],
    bootstrap: tuple[int, int],
) -> GroupComparison:
    from skm.analysis.score import score_responses  # noqa: PLC0415

    scored = score_responses(responses, rules=rules, by=column, min_group=min_group)
    labels = _labels(responses, column).to_numpy()
    summaries = []
    tested: list[str] = []
    instrument = responses.instrument
    seed, resamples = bootstrap
    for g in scored.groups:
        graded = g.result is not None and not g.small
        ci = None
        if graded and g.result is not None:
            draws = num.bootstrap_index(
                answers[labels == g.group],
                _element_columns(instrument),
                [float(w) for w in g.result.weights],
                instrument.conversion,
                resamples=resamples,
                seed=seed,
            )
            ci = num.percentile_ci(draws.ikm, CONFIDENCE)
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


def _period_comparison(
    current: Responses,
    result: IkmResult,
    draws: num.BootstrapDraws,
    previous: Responses,
    rules: ScoringRules,
    seed: int,
    resamples: int,
) -> PeriodComparison:
    from skm.analysis.score import score_responses  # noqa: PLC0415

    instrument = current.instrument
    if previous.instrument.codes != instrument.codes:
        raise StatsArgumentError(IssueCode.STATS_OTHER_INSTRUMENT)
    prev_result = score_responses(previous, rules=rules)
    weights = [float(w) for w in result.weights]
    prev_answers = answer_matrix(previous)
    prev_draws = num.bootstrap_index(
        prev_answers, _element_columns(instrument), weights, instrument.conversion, resamples=resamples, seed=seed + 1
    )
    cur_scores = element_scores(answer_matrix(current), instrument)
    prev_scores = element_scores(prev_answers, instrument)
    cur_person = respondent_ikm(cur_scores, weights, instrument.conversion)
    prev_person = respondent_ikm(prev_scores, weights, instrument.conversion)
    test = num.mann_whitney(cur_person, prev_person)
    tests = [num.mann_whitney(cur_scores[:, j], prev_scores[:, j]) for j in range(len(instrument.elements))]
    adjusted = iter(num.holm([t.p_value for t in tests if t is not None]))
    changes = []
    for j, (cur_e, prev_e) in enumerate(zip(result.elements, prev_result.elements, strict=True)):
        t = tests[j]
        p_holm = next(adjusted) if t is not None else None
        changes.append(
            ElementChange(
                cur_e.code,
                cur_e.nrr_display,
                prev_e.nrr_display,
                round_half_up(cur_e.nrr - prev_e.nrr, 4),
                num.percentile_ci(draws.nrr[:, j] - prev_draws.nrr[:, j], CONFIDENCE),
                t,
                p_holm,
                p_holm is not None and p_holm < SIGNIFICANCE,
            )
        )
    return PeriodComparison(
        source=previous.source,
        respondents=prev_result.respondents,
        ikm_current=result.ikm_display,
        ikm_previous=prev_result.ikm_display,
        grade_previous=prev_result.grade,
        difference=round_half_up(result.ikm - prev_result.ikm, instrument.grade_decimals),
        ci=num.percentile_ci(draws.ikm - prev_draws.ikm, CONFIDENCE),
        test=test,
        significant=test is not None and test.p_value < SIGNIFICANCE,
        elements=tuple(changes),
    )


# ---------------------------------------------------------------- entry point


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
) -> StatsResult:
    """Reliability, validity, bootstrap intervals, grade probabilities, comparisons and flags.

    ``by`` names a column (or profile attribute such as ``layanan``) to compare groups;
    ``previous`` is the previous period's responses; ``period`` is ``2026``, ``2026-01``,
    ``2026-TW1``, ``2026-S1`` or ``FROM..TO``. Flags never change the figures unless
    ``exclude_flagged`` is true, in which case every figure is computed without the rows of
    the excludable flags (``StatsResult.removed_rows``). Raises :class:`StatsArgumentError` (also a
    ``ValueError``) for bad arguments and :class:`~skm.errors.SkmError` for unusable data.
    """
    from skm.analysis.score import find_column, score_responses  # noqa: PLC0415

    if resamples < 100:
        raise StatsArgumentError(IssueCode.STATS_TOO_FEW_RESAMPLES, resamples=resamples)
    if population is not None and population < 1:
        raise StatsArgumentError(IssueCode.STATS_BAD_POPULATION, population=population, respondents=1)
    rules = rules or ScoringRules()
    instrument = responses.instrument
    the_period = parse_period(period) if isinstance(period, str) else period
    column = find_column(responses, by) if by is not None else None
    all_answers = answer_matrix(responses)
    flags, notes = _flags(responses, all_answers, the_period)
    rows_total = len(responses.frame)
    removed: tuple[int, ...] = ()
    if exclude_flagged:
        removed = tuple(sorted({r for f in flags if f.excludable for r in f.rows}))
        if len(removed) == rows_total:
            raise StatsArgumentError(IssueCode.STATS_EXCLUDES_ALL, rows=rows_total)
        if removed:
            responses = replace(responses, frame=responses.frame.drop(index=list(removed)))
    if column is not None:  # after any exclusion: the groups as they are analysed
        flags.append(_small_groups(responses, column, min_group))
    result = score_responses(responses, rules=rules)
    answers = answer_matrix(responses)
    scores = element_scores(answers, instrument)
    reliability_n, alpha, items = _reliability(scores, instrument)
    weights = [float(w) for w in result.weights]
    draws = num.bootstrap_index(
        answers, _element_columns(instrument), weights, instrument.conversion, resamples=resamples, seed=seed
    )
    nrr_ci = tuple(
        ElementInterval(e.code, e.nrr_display, *(num.percentile_ci(draws.nrr[:, j], CONFIDENCE) or (None, None)))
        for j, e in enumerate(result.elements)
    )
    person = respondent_ikm(scores, weights, instrument.conversion)
    margin = None
    if population is not None:
        n = result.respondents
        if population < n:
            raise StatsArgumentError(IssueCode.STATS_BAD_POPULATION, population=population, respondents=n)
        finite = person[np.isfinite(person)]
        sd = float(finite.std(ddof=1)) if finite.size > 1 else None
        margin = Margin(
            population,
            n,
            num.margin_of_error_proportion(n, population),
            None if sd is None else num.margin_of_error_mean(sd, int(finite.size), population),
        )
    groups = (
        _group_comparison(responses, column, scores, person, rules, min_group, answers, (seed, resamples))
        if column is not None
        else None
    )
    prev = (
        _period_comparison(responses, result, draws, previous, rules, seed, resamples) if previous is not None else None
    )
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
        ikm_ci=num.percentile_ci(draws.ikm, CONFIDENCE),
        nrr_ci=nrr_ci,
        grade_probability=_grade_probability(draws.ikm, instrument),
        seed=seed,
        resamples=resamples,
        resamples_valid=draws.valid,
        flags=tuple(flags),
        margin=margin,
        groups=groups,
        previous=prev,
        period=the_period,
        notes=tuple(notes),
        duplicate_columns=tuple(c for n, c in responses.profile.items() if n not in _NO_DUPLICATE_KEYS),
        has_dates="date" in responses.profile,
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
) -> StatsResult:
    """Read ``source`` (and ``previous``) and :func:`analyse` it: the result ``skm stats`` prints,
    with the same options, so that ``stats_to_dict(stats(path, ...))`` is the document of
    ``skm stats path ... --format json``.

    ``previous`` is read with the same instrument, labels and invalid-cell policy; its sheet is
    found by itself.
    """
    responses = load(source, instrument=instrument, sheet=sheet, invalid=invalid, labels=labels)
    if period is not None:  # --period is a filter, as in every command
        from skm.readers.dates import filter_period  # noqa: PLC0415

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
    )
