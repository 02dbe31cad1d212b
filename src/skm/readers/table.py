"""Assemble a canonical response table from raw cells, collecting every problem found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from skm.errors import ExitCode, Issue, IssueCode, Severity, SkmError, shorten
from skm.instrument import PERMENPAN_14_2017, Instrument
from skm.readers.answers import parse_answer
from skm.readers.columns import ColumnMatch, match_header
from skm.readers.grid import Sheet, column_letter, is_blank, read_sheets, row_is_blank
from skm.readers.profile import match_profile

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ColumnInfo", "InvalidPolicy", "Responses", "SkippedRow", "read_responses", "responses_from_frame"]

HEADER_SEARCH_ROWS = 50


class InvalidPolicy(StrEnum):
    """What to do with invalid answer cells."""

    ERROR = "error"  # stop with every invalid cell listed (exit 1)
    SKIP = "skip"  # leave those cells out (as blanks) and report them


@dataclass(frozen=True)
class ColumnInfo:
    """How one column of the file was understood."""

    index: int
    letter: str
    header: str
    key: str | None  # question key (u1…) or None for an attribute column
    how: str  # "code", "attribute", …


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


def _find_header(rows: list[list[object]], instrument: Instrument) -> tuple[int, dict[int, ColumnMatch]]:
    """The 0-based header row (most element columns, earliest on ties) and its matches."""
    best_row, best = -1, dict[int, ColumnMatch]()
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        matches = {c: m for c, v in enumerate(row) if (m := match_header(v, instrument)) is not None}
        if len(matches) > len(best):
            best_row, best = r, matches
    return best_row, best


def _choose_sheet(
    sheets: list[Sheet], sheet: str | int | None, path_text: str, instrument: Instrument
) -> tuple[Sheet, int, dict[int, ColumnMatch]]:
    names = [s.name or "" for s in sheets]
    if sheet is not None:
        chosen: Sheet | None = None
        if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit()):
            number = int(sheet)
            if 1 <= number <= len(sheets):
                chosen = sheets[number - 1]
        if chosen is None:
            chosen = next((s for s in sheets if (s.name or "").lower() == str(sheet).lower()), None)
        if chosen is None:
            raise SkmError(
                IssueCode.SHEET_NOT_FOUND,
                ExitCode.INPUT_ERROR,
                file=path_text,
                sheet=str(sheet),
                sheets=", ".join(f"{i}. {n}" for i, n in enumerate(names, 1)),
            )
        header_row, matches = _find_header(chosen.rows, instrument)
        return chosen, header_row, matches
    found = [(s, *_find_header(s.rows, instrument)) for s in sheets]
    most = max((len(m) for _, _, m in found), default=0)
    best = [f for f in found if most and len(f[2]) == most]
    if len(best) > 1:
        raise SkmError(
            IssueCode.AMBIGUOUS_SHEET,
            ExitCode.INPUT_ERROR,
            file=path_text,
            sheets=", ".join(f"'{s.name}'" for s, _, _ in best),
        )
    return best[0] if best else found[0]


def read_responses(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
) -> Responses:
    """Read a responses file (.xlsx, .xlsm, .xls, .ods, .csv) into :class:`Responses`.

    Raises :class:`SkmError`: exit 3 when the file cannot be read or has no element
    columns, exit 1 when answers are invalid and ``invalid`` is ``"error"``.
    """
    path = Path(path)
    sheets = read_sheets(path)
    chosen, header_row, matches = _choose_sheet(sheets, sheet, path.name, instrument)
    return build_responses(
        chosen.rows,
        header_row,
        matches,
        source=path.name,
        sheet=chosen.name if len(sheets) > 1 or chosen.name else None,
        instrument=instrument,
        invalid=InvalidPolicy(invalid),
    )


def responses_from_frame(
    frame: pd.DataFrame,
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    source: str = "<DataFrame>",
) -> Responses:
    """Validate a pandas DataFrame whose column names are headers, as if it were a file.

    Row numbers in issues count as a spreadsheet would: the header is row 1.
    """
    rows: list[list[object]] = [[str(c) for c in frame.columns]]
    rows.extend(frame.astype(object).where(frame.notna(), None).values.tolist())
    header_row, matches = _find_header(rows[:1], instrument)
    return build_responses(
        rows, header_row, matches, source=source, sheet=None, instrument=instrument, invalid=InvalidPolicy(invalid)
    )


def _dedupe(headers: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        name = h or "kolom"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def build_responses(
    rows: list[list[object]],
    header_row: int,
    matches: dict[int, ColumnMatch],
    *,
    source: str,
    sheet: str | None,
    instrument: Instrument,
    invalid: InvalidPolicy,
) -> Responses:
    """Validate the cells below ``header_row`` and build the canonical table."""
    import pandas as pd  # noqa: PLC0415 - keep `skm --help` and `skm sample` fast

    if not rows or row_is_blank([c for r in rows for c in r]):
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    if header_row < 0:
        header = rows[0]
        found = [shorten(v, 30) for v in header if not is_blank(v)][:15]
        raise SkmError(
            IssueCode.NO_ELEMENT_COLUMNS,
            ExitCode.INPUT_ERROR,
            file=source,
            sheet=sheet,
            columns=", ".join(f"'{c}'" for c in found) or "-",
        )
    header = rows[header_row]
    width = max(len(r) for r in rows[header_row:])
    issues: list[Issue] = []
    by_key: dict[str, list[int]] = {}
    for c, m in matches.items():
        by_key.setdefault(m.key, []).append(c)
    for key, cols in by_key.items():
        if len(cols) > 1:
            issues.append(
                Issue(
                    IssueCode.DUPLICATE_ELEMENT,
                    file=source,
                    sheet=sheet,
                    row=header_row + 1,
                    params={
                        "element": key.upper(),
                        "columns": ", ".join(f"'{header[c]}' ({column_letter(c)})" for c in cols),
                    },
                )
            )
    missing = [k.upper() for k in instrument.question_keys if k not in by_key]
    if missing:
        issues.append(
            Issue(
                IssueCode.MISSING_ELEMENTS,
                file=source,
                sheet=sheet,
                row=header_row + 1,
                params={"codes": ", ".join(missing), "k": len(instrument.question_keys)},
            )
        )
    columns: list[ColumnInfo] = []
    for c in range(width):
        text = "" if c >= len(header) or is_blank(header[c]) else str(header[c]).strip()
        hit = matches.get(c)
        columns.append(ColumnInfo(c, column_letter(c), text, hit.key if hit else None, hit.how if hit else "attribute"))
    element_cols = [(c.index, c.key, c) for c in columns if c.key is not None]
    attr_cols = [c for c in columns if c.key is None and (c.header or _has_values(rows, header_row, c.index))]
    low, high = instrument.scale_min, instrument.scale_max
    mid = low + 1
    labels = {q.key: q.labels for e in instrument.elements for q in e.questions}
    answers: dict[int, list[int | None]] = {c: [] for c, _, _ in element_cols}
    attrs: dict[int, list[object]] = {c.index: [] for c in attr_cols}
    row_numbers: list[int] = []
    skipped: list[SkippedRow] = []
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        if row_is_blank(row):
            skipped.append(SkippedRow(r + 1, "empty"))
            continue
        cells = [row[c] if c < len(row) else None for c, _, _ in element_cols]
        if all(is_blank(v) for v in cells):
            skipped.append(SkippedRow(r + 1, "no-answers"))
            continue
        row_numbers.append(r + 1)
        for (c, _key, info), value in zip(element_cols, cells, strict=True):
            score, problem = parse_answer(value, low, high, labels.get(_key or "", ()))
            if problem is not None:
                issues.append(
                    Issue(
                        problem,
                        file=source,
                        sheet=sheet,
                        row=r + 1,
                        column=info.header,
                        letter=info.letter,
                        value=shorten(value),
                        params={"low": low, "high": high, "mid": mid},
                    )
                )
            answers[c].append(score)
        for a in attr_cols:
            v = row[a.index] if a.index < len(row) else None
            attrs[a.index].append(None if is_blank(v) else v)
    data: dict[str, object] = {}
    for key in instrument.question_keys:
        if key in by_key:
            data[key] = pd.array(answers[by_key[key][0]], dtype="Int8")
    names = _dedupe([a.header or f"kolom {a.letter}" for a in attr_cols])
    for name, a in zip(names, attr_cols, strict=True):
        data[name] = attrs[a.index]
    frame = pd.DataFrame(data, index=pd.Index(row_numbers, name="row"))
    profile: dict[str, str] = {}
    for name in names:
        canonical = match_profile(name)
        if canonical is not None and canonical not in profile:
            profile[canonical] = name
    responses = Responses(
        frame=frame,
        instrument=instrument,
        source=source,
        sheet=sheet,
        header_row=header_row + 1,
        columns=columns,
        issues=issues,
        skipped=skipped,
        profile=profile,
    )
    if any(i.code in _FATAL for i in issues):
        raise SkmError(
            IssueCode.BAD_COLUMNS,
            ExitCode.INVALID_DATA,
            issues=[i for i in issues if i.code in _FATAL],
            file=source,
        )
    if frame.empty:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    bad = [i for i in issues if i.code in _CELL]
    if bad and InvalidPolicy(invalid) is InvalidPolicy.ERROR:
        raise SkmError(IssueCode.INVALID_DATA, ExitCode.INVALID_DATA, issues=bad, file=source, count=len(bad))
    return responses


_FATAL = frozenset({IssueCode.MISSING_ELEMENTS, IssueCode.DUPLICATE_ELEMENT})
_CELL = frozenset({IssueCode.OUT_OF_RANGE, IssueCode.NOT_A_NUMBER, IssueCode.NOT_AN_INTEGER, IssueCode.UNKNOWN_LABEL})


def _has_values(rows: list[list[object]], header_row: int, col: int) -> bool:
    return any(col < len(r) and not is_blank(r[col]) for r in rows[header_row + 1 :])
