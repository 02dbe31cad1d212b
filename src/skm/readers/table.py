"""Read a responses file: choose the sheet and the header row, then build the table.

The building itself (numpy and pandas, imported only when a file is read) is
:func:`skm.readers.build.build_responses`, in named phases.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
from skm.readers.cells import LabelBook
from skm.readers.files import EXCEL_SUFFIXES, Sheet, column_index, is_blank, read_sheets
from skm.readers.headers import ColumnMatch, is_summary_label, match_header, names_question, normalise_header
from skm.readers.inthread import InThread
from skm.readers.responses import CELL_CODES, FATAL_CODES, ColumnInfo, Responses, SkippedRow

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CELL_CODES",
    "FATAL_CODES",
    "ColumnInfo",
    "InvalidPolicy",
    "Responses",
    "SkippedRow",
    "read_responses",
    "responses_from_frame",
]

HEADER_SEARCH_ROWS = 50


def _find_header(rows: list[list[object]], instrument: Instrument) -> tuple[int, dict[int, ColumnMatch]]:
    """The 0-based header row (most cells naming a question, earliest on ties) and its matches."""
    row, matches, _ = _header_search(rows, instrument)
    return row, matches


def _header_search(rows: list[list[object]], instrument: Instrument) -> tuple[int, dict[int, ColumnMatch], int]:
    """The header row, its unambiguous matches and how many of its cells name a question."""
    best_row, best, most = -1, dict[int, ColumnMatch](), 0
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        named = sum(1 for v in row if names_question(v, instrument))
        if named > most:
            matches = {c: m for c, v in enumerate(row) if (m := match_header(v, instrument)) is not None}
            best_row, best, most = r, matches, named
    return best_row, best, most


def map_header_row(rows: list[list[object]], column_map: Mapping[str, str]) -> int:
    """The header row when no row names a question but ``--map`` names the columns: the first row
    (of the first :data:`HEADER_SEARCH_ROWS`) holding a header text the map names; with a map by
    letters only, the first row where every mapped column has a cell and not all of them are
    numbers (a row of answers is not a header: the first respondent is never taken for one).
    ``-1`` when none is found."""
    texts = {normalise_header(k) for k in column_map if not _is_letter(k)}
    rows = rows[:HEADER_SEARCH_ROWS]
    if texts:
        return next((r for r, row in enumerate(rows) if any(normalise_header(v) in texts for v in row)), -1)
    columns = [column_index(k.strip()) for k in column_map]
    for r, row in enumerate(rows):
        cells = [row[c] if c < len(row) else None for c in columns]
        if any(is_blank(v) for v in cells):
            continue
        return -1 if all(_is_number(v) for v in cells) else r
    return -1


def _is_number(value: object) -> bool:
    if isinstance(value, int | float):
        return True
    try:
        float(str(value).strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _is_letter(column: str) -> bool:
    """A column letter (``J``, ``AB``) rather than a header text, as ``--map`` reads it."""
    text = column.strip()
    return text.isascii() and text.isalpha() and len(text) <= 3


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
    searched = [(s, _header_search(s.rows, instrument)) for s in sheets]
    most = max((n for _, (_, _, n) in searched), default=0)
    found = [(s, h, m) for s, (h, m, _) in searched]
    best = [(s, h, m) for s, (h, m, n) in searched if most and n == most]
    if len(best) > 1:
        # a recap sheet repeats the U1..U9 header above summary rows only: prefer the sheet with answers
        counts = [_answer_rows(s.rows, h, m) for s, h, m in best]
        best = [f for f, n in zip(best, counts, strict=True) if n == max(counts)]
    if len(best) > 1:
        raise SkmError(
            IssueCode.AMBIGUOUS_SHEET,
            ExitCode.INPUT_ERROR,
            file=path_text,
            sheets=", ".join(f"{i}. '{s.name}'" for i, s in enumerate(sheets, 1) if any(s is b[0] for b in best)),
        )
    return best[0] if best else found[0]


def _answer_rows(rows: list[list[object]], header_row: int, matches: dict[int, ColumnMatch]) -> int:
    """Rows below the header that hold answers and are not a template's summary rows."""
    count = 0
    for row in rows[header_row + 1 :]:
        first = next((v for v in row if not is_blank(v)), None)
        if first is None or is_summary_label(first):
            continue
        if any(c < len(row) and not is_blank(row[c]) for c in matches):
            count += 1
    return count


def read_responses(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | None = None,
    strict: bool = True,
    column_map: Mapping[str, str] | None = None,
) -> Responses:
    """Read a responses file (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv) into :class:`Responses`.

    ``column_map`` (``--map J=U5``) names columns (letter or header) → question (key or code).
    Raises :class:`SkmError`: exit 3 when the file cannot be read or has no element
    columns, exit 1 when answers are invalid and ``invalid`` is ``"error"``.
    """
    path = Path(path)
    # a spreadsheet's cells are parsed by calamine without the GIL (≈ 1.5 s for 100 000 rows): numpy
    # and pandas (≈ 0.7 s) are imported meanwhile; joined before anything else, error or not
    importing = None
    if path.suffix.lower() in EXCEL_SUFFIXES and path.is_file() and "skm.readers.build" not in sys.modules:
        importing = InThread(lambda: importlib.import_module("skm.readers.build"), name="skm-import")
    try:
        sheets = read_sheets(path)
    finally:
        if importing is not None:
            importing.wait()
    # (numpy/pandas only when reading; a failed import in the thread is raised here, by this one)
    from skm.readers.build import build_responses  # noqa: PLC0415

    chosen, header_row, matches = _choose_sheet(sheets, sheet, path.name, instrument)
    if header_row < 0 and column_map:
        header_row = map_header_row(chosen.rows, column_map)
    return build_responses(
        chosen.rows,
        header_row,
        matches,
        source=path.name,
        sheet=chosen.name if len(sheets) > 1 or chosen.name else None,
        instrument=instrument,
        invalid=InvalidPolicy(invalid),
        labels=labels,
        strict=strict,
        column_map=column_map,
    )


def responses_from_frame(
    frame: pd.DataFrame,
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    source: str = "<DataFrame>",
    labels: LabelBook | None = None,
    column_map: Mapping[str, str] | None = None,
) -> Responses:
    """Validate a pandas DataFrame whose column names are headers, as if it were a file.

    Row numbers in issues count as a spreadsheet would: the header is row 1.
    """
    from skm.readers.build import build_responses  # noqa: PLC0415 - numpy/pandas only when reading

    rows: list[list[object]] = [[str(c) for c in frame.columns]]
    rows.extend(frame.astype(object).where(frame.notna(), None).values.tolist())
    header_row, matches = _find_header(rows[:1], instrument)
    if header_row < 0 and column_map:
        header_row = 0  # the column names are the header
    return build_responses(
        rows,
        header_row,
        matches,
        source=source,
        sheet=None,
        instrument=instrument,
        invalid=InvalidPolicy(invalid),
        labels=labels,
        column_map=column_map,
    )
