"""Exit codes, problem records and exceptions. Pure: standard library only.

Two kinds of failure:

* an :class:`Issue` is a problem with a particular cell, row or column. Issues are values,
  collected all at once into a list, and rendered one line each;
* an :class:`SkmError` stops a command (unreadable file, no element columns, invalid data).
  It carries a message key, its parameters, the issues behind it and the exit code.

Messages live in :mod:`skm.text`, keyed by :class:`IssueCode`, in Indonesian and English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum, unique

__all__ = ["ExitCode", "InvalidPolicy", "Issue", "IssueCode", "Severity", "SkmError", "combined_failure"]


@unique
class ExitCode(IntEnum):
    """Process exit status of every ``skm`` command (documented in the README)."""

    OK = 0
    INVALID_DATA = 1
    USAGE = 2
    INPUT_ERROR = 3
    OUTPUT_ERROR = 4
    INTERNAL_ERROR = 70
    INTERRUPTED = 130


class Severity(StrEnum):
    """How serious an issue is: errors stop scoring unless told to skip them."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class IssueCode(StrEnum):
    """Stable machine-readable problem codes (also the keys of the message templates)."""

    # input errors (exit 3)
    FILE_NOT_FOUND = "file-not-found"
    NOT_A_FILE = "not-a-file"
    UNREADABLE = "unreadable-file"
    BAD_TALLY_NUMBER = "bad-tally-number"
    BAD_TALLY_ROW = "bad-tally-row"
    TALLY_GROUPS_DIFFER = "tally-groups-differ"
    INVALID_LABEL_FILE = "invalid-label-file"
    SIDE_FILE_TOO_LARGE = "side-file-too-large"
    UNSUPPORTED_FORMAT = "unsupported-format"
    ENCODING = "encoding-error"
    EMPTY_FILE = "empty-file"
    NO_ELEMENT_COLUMNS = "no-element-columns"
    SHEET_NOT_FOUND = "sheet-not-found"
    AMBIGUOUS_SHEET = "ambiguous-sheet"
    TOO_MANY_CELLS = "input-too-many-cells"
    AREA_TOO_LARGE = "input-area-too-large"
    INFLATED_TOO_LARGE = "input-inflated-too-large"
    REPEAT_TOO_LARGE = "input-repeat-too-large"
    FILE_TOO_LARGE = "input-file-too-large"
    TOO_DEEP = "input-too-deep"
    PERMISSION_DENIED = "permission-denied"
    CSV_UNCLOSED_QUOTE = "csv-unclosed-quote"
    # data issues (exit 1)
    INVALID_DATA = "invalid-data"
    BAD_COLUMNS = "bad-columns"
    OUT_OF_RANGE = "out-of-range"
    NOT_A_NUMBER = "not-a-number"
    NOT_AN_INTEGER = "not-an-integer"
    UNKNOWN_LABEL = "unknown-label"
    UNUSABLE_CELL = "unusable-cell"
    NUMBER_LABEL_MISMATCH = "number-label-mismatch"
    NO_RESPONDENTS = "no-respondents"
    MISSING_ELEMENTS = "missing-elements"
    MISSING_QUESTIONS = "missing-questions"
    DUPLICATE_ELEMENT = "duplicate-element"
    DUPLICATE_QUESTION = "duplicate-question"
    AMBIGUOUS_COLUMNS = "ambiguous-columns"
    COLUMN_LEFT_OVER = "column-left-over"
    SCALE_COLUMN_UNNAMED = "scale-column-unnamed"
    NO_ANSWERS = "no-answers"
    UNKNOWN_COLUMN = "unknown-column"
    SMALL_GROUP = "small-group"
    HEADER_LABEL_MISMATCH = "header-label-mismatch"
    INVALID_DATE = "invalid-date"
    ROW_AFTER_SUMMARY = "row-after-summary"
    CODES_BEYOND_INSTRUMENT = "codes-beyond-instrument"
    NO_DATE_COLUMN = "no-date-column"
    PERIOD_EMPTY = "period-empty"
    # output errors (exit 4)
    OUTPUT_EXISTS = "output-exists"
    OUTPUT_IS_INPUT = "output-is-input"
    OUTPUT_UNWRITABLE = "output-unwritable"
    OUTPUT_NOT_REGULAR = "output-not-regular"
    # usage errors (exit 2)
    INVALID_OPTION = "invalid-option"
    BAD_MAP = "bad-map"
    INVALID_PERIOD = "invalid-period"
    STATS_OTHER_INSTRUMENT = "stats-other-instrument"
    STATS_TOO_FEW_RESAMPLES = "stats-too-few-resamples"
    STATS_BAD_POPULATION = "stats-bad-population"
    STATS_EXCLUDES_ALL = "stats-excludes-all"
    UNKNOWN_INSTRUMENT = "unknown-instrument"
    INSTRUMENT_FILE_NOT_FOUND = "instrument-file-not-found"
    INVALID_INSTRUMENT_FILE = "invalid-instrument-file"
    INVALID_INSTRUMENT = "instrument-problem"
    INVALID_REPORT_CONFIG = "invalid-report-config"
    OUTPUT_FOLDER_NOT_EMPTY = "output-folder-not-empty"
    OUTPUT_FOLDER_HOLDS_INPUT = "output-folder-holds-input"
    OUTPUT_NOT_FOLDER = "output-not-folder"


@dataclass(frozen=True)
class Issue:
    """One problem found in an input, located in the user's coordinates.

    ``row`` is the spreadsheet row as Excel shows it (header = row 1 in a plain file);
    ``column`` is the header text as written in the file. ``value`` is the single offending
    cell (never a whole row: survey rows are personal data), shortened for display.
    """

    code: IssueCode
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    letter: str | None = None
    value: str | None = None
    params: dict[str, object] = field(default_factory=dict)


class SkmError(Exception):
    """A failure that stops a command; rendered as one message plus its issues."""

    def __init__(
        self,
        code: IssueCode,
        exit_code: ExitCode,
        *,
        issues: tuple[Issue, ...] | list[Issue] = (),
        **params: object,
    ) -> None:
        self.code = code
        self.exit_code = exit_code
        self.params = params
        self.issues = tuple(issues)
        super().__init__(f"{code.value}: {params}")


def combined_failure(failures: Sequence[SkmError]) -> SkmError:
    """One error for the failures of several files read together: the first one unless every
    file failed on invalid data, then one invalid-data error listing every file's cells."""
    if len(failures) == 1 or not all(f.exit_code is ExitCode.INVALID_DATA for f in failures):
        return failures[0]
    issues = [i for f in failures for i in f.issues]
    return SkmError(
        IssueCode.INVALID_DATA,
        ExitCode.INVALID_DATA,
        issues=issues,
        file=", ".join(str(f.params.get("file", "?")) for f in failures),
        count=sum(int(str(f.params.get("count", len(f.issues)))) for f in failures),
    )


def shorten(value: object, limit: int = 40) -> str:
    """A cell value as shown in messages: stripped and cut to ``limit`` characters; a whole number
    stored as a float (a spreadsheet's 7) shown as the user typed it, ``7``, not ``7.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class InvalidPolicy(StrEnum):
    """What to do with invalid answer cells."""

    ERROR = "error"  # stop with every invalid cell listed (exit 1)
    SKIP = "skip"  # leave those cells out (as blanks) and report them
