"""The readers' product: :class:`Responses`, the canonical table of answers, and how it was read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from skm.core.instrument import Instrument
from skm.errors import Issue, IssueCode, Severity
from skm.readers.headers import Candidate

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CELL_CODES", "FATAL_CODES", "ColumnInfo", "Responses", "SkippedRow"]

# issues that refuse the file (strict reads), and the invalid cells that --invalid decides about
FATAL_CODES = frozenset(
    {
        IssueCode.MISSING_ELEMENTS,
        IssueCode.MISSING_QUESTIONS,
        IssueCode.DUPLICATE_ELEMENT,
        IssueCode.DUPLICATE_QUESTION,
        IssueCode.AMBIGUOUS_COLUMNS,
    }
)
CELL_CODES = frozenset(
    {IssueCode.OUT_OF_RANGE, IssueCode.NOT_A_NUMBER, IssueCode.NOT_AN_INTEGER, IssueCode.UNKNOWN_LABEL}
    | {IssueCode.UNUSABLE_CELL, IssueCode.NUMBER_LABEL_MISMATCH}
)


@dataclass(frozen=True)
class ColumnInfo:
    """How one column of the file was understood."""

    index: int
    letter: str
    header: str
    key: str | None  # question key (u1…) or None for an attribute column
    how: str  # "code", "text", "labels", "map" or "attribute"
    detail: str = ""  # the code, keywords or labels that decided it
    candidates: tuple[Candidate, ...] = ()  # the questions its wording and answers point to, best first


@dataclass(frozen=True)
class SkippedRow:
    """A row below the header that is not a respondent, and why."""

    row: int
    reason: str  # "empty", "no-answers", …


@dataclass
class Responses:
    """A clean canonical table of answers plus everything learned while reading it.

    ``frame`` has one column per question key (nullable ``Int8``, blanks as ``<NA>``)
    followed by the attribute columns under their original headers; its index is the
    spreadsheet row of each respondent (named ``row``).
    """

    frame: pd.DataFrame
    instrument: Instrument
    source: str
    sheet: str | None = None
    header_row: int = 1
    columns: list[ColumnInfo] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)  # canonical name → frame column

    @property
    def respondents(self) -> int:
        """Number of respondent rows read."""
        return len(self.frame)

    @property
    def errors(self) -> list[Issue]:
        """Issues of error severity."""
        return [i for i in self.issues if i.severity is Severity.ERROR]

    def attribute_columns(self) -> list[str]:
        """Headers of the non-element columns, in file order."""
        keys = set(self.instrument.question_keys)
        return [str(c) for c in self.frame.columns if c not in keys]
