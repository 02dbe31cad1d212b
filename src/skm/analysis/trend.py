"""The trend against ``--previous``: the current result compared with an earlier one.

The earlier one comes from :func:`skm.readers.extras.read_previous`: either its responses (scored
here with the same rules) or the figures of its JSON document. ``skm report`` shows this trend;
``skm stats`` compares the respondents themselves (:mod:`skm.analysis.stats`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from skm.analysis.score import score_responses
from skm.core.calc import IkmResult, ScoringRules
from skm.core.periods import day_range, period_name
from skm.readers.extras import PreviousSummary
from skm.readers.responses import Responses
from skm.text import Lang

__all__ = ["PeriodPoint", "Trend", "TrendRow", "compare", "period_point", "previous_trend"]


@dataclass(frozen=True)
class TrendRow:
    """An element's 25 × NRR now and before."""

    code: str
    name: str
    previous: Decimal | None
    current: Decimal
    change: Decimal | None

    @property
    def dropped(self) -> bool:
        """True when the value fell."""
        return self.change is not None and self.change < 0


@dataclass(frozen=True)
class Trend:
    """Change of the IKM and of each element against an earlier result."""

    source: str
    previous_ikm: Decimal
    previous_grade: str
    current_ikm: Decimal
    change: Decimal
    elements: tuple[TrendRow, ...]

    @property
    def drops(self) -> tuple[str, ...]:
        """Codes of the elements that fell."""
        return tuple(r.code for r in self.elements if r.dropped)


def previous_trend(result: IkmResult, previous: Responses | PreviousSummary, rules: ScoringRules) -> Trend:
    """The trend of ``result`` against what ``--previous`` gave (responses are scored with ``rules``)."""
    if isinstance(previous, PreviousSummary):
        return compare(result, previous, previous.source)
    return compare(result, score_responses(previous, rules=rules), previous.source)


def compare(result: IkmResult, previous: IkmResult | PreviousSummary, source: str) -> Trend:
    """The trend of ``result`` against an earlier result or the figures of its JSON document."""
    if isinstance(previous, IkmResult):
        prev_ikm = previous.ikm_display
        prev_grade = previous.grade
        prev_elements = {e.code.upper(): e.converted_display for e in previous.elements}
    else:
        prev_ikm, prev_grade, prev_elements = previous.ikm, previous.grade, previous.elements
    rows = []
    for e in result.elements:
        before = prev_elements.get(e.code.upper())
        now = e.converted_display
        rows.append(TrendRow(e.code, e.name, before, now, None if before is None else now - before))
    return Trend(source, prev_ikm, prev_grade, result.ikm_display, result.ikm_display - prev_ikm, tuple(rows))


@dataclass(frozen=True)
class PeriodPoint:
    """One earlier period of the trend: its name, IKM, grade and each element's 25 × NRR."""

    name: str
    ikm: Decimal
    grade: str
    elements: tuple[tuple[str, Decimal], ...]
    respondents: int | None = None


def period_point(
    previous: Responses | PreviousSummary, rules: ScoringRules, *, name: str | None = None, lang: Lang = Lang.ID
) -> PeriodPoint:
    """One earlier period for the trend table and chart, named by ``name`` (``--previous-period``),
    else the period its report JSON states, else its data's dates, else its file name."""

    if isinstance(previous, PreviousSummary):
        label = name or previous.period or previous.source
        elements = tuple(sorted(previous.elements.items()))
        point = PeriodPoint(label, previous.ikm, previous.grade, elements, previous.respondents)
    else:
        result = score_responses(previous, rules=rules)
        label = name or _dates_name(previous, lang) or previous.source
        point = PeriodPoint(
            label,
            result.ikm_display,
            result.grade,
            tuple((e.code.upper(), e.converted_display) for e in result.elements),
            result.respondents,
        )
    if name:
        point = PeriodPoint(period_name(name, lang) or name, point.ikm, point.grade, point.elements, point.respondents)
    return point


def _dates_name(responses: Responses, lang: Lang) -> str | None:
    """``12 November 2025 – 6 Januari 2026`` from the responses' dates, if they have any."""
    from skm.readers.dates import date_values  # noqa: PLC0415

    days = [d.date() for d in date_values(responses) or () if d is not None]
    return day_range(min(days), max(days), lang) if days else None
