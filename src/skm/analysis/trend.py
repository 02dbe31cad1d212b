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
from skm.readers.extras import PreviousSummary
from skm.readers.responses import Responses

__all__ = ["Trend", "TrendRow", "compare", "previous_trend"]


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
