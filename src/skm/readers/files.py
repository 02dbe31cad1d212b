"""Turn a file into sheets of raw cells, keeping spreadsheet row numbers.

xlsx/xlsm/xls/ods go through python-calamine (Rust, several times faster than openpyxl and
without its memory cost); csv through the standard library with encoding and delimiter
detection (UTF-8 with or without BOM, Windows-1252; ``,`` ``;`` tab ``|``).
Row ``i`` of a :class:`Sheet` (0-based) is spreadsheet row ``i + 1``.
"""

from __future__ import annotations

import csv
import gc
import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from skm.errors import ExitCode, IssueCode, SkmError

__all__ = ["EXCEL_SUFFIXES", "Sheet", "read_sheets"]

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})


@dataclass
class Sheet:
    """Raw cells of one sheet; ``rows[0]`` is spreadsheet row 1."""

    name: str | None
    rows: list[list[object]]


def read_sheets(path: Path) -> list[Sheet]:
    """Read every sheet of ``path`` (one for csv). Raises :class:`SkmError` (exit 3)."""
    if not path.exists():
        raise SkmError(IssueCode.FILE_NOT_FOUND, ExitCode.INPUT_ERROR, file=str(path))
    if not path.is_file():
        raise SkmError(IssueCode.NOT_A_FILE, ExitCode.INPUT_ERROR, file=str(path))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path)
    if suffix in CSV_SUFFIXES:
        return [Sheet(None, _read_csv(path))]
    if suffix in PARQUET_SUFFIXES:
        return [Sheet(None, _read_parquet(path))]
    raise SkmError(IssueCode.UNSUPPORTED_FORMAT, ExitCode.INPUT_ERROR, file=str(path), suffix=suffix or "?")


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic cell objects are made.

    Building a 100 000-row sheet creates over a million small objects; the collector would
    scan them again and again for cycles they cannot have (about 40 % of the conversion time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_excel(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - heavy, only when reading

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            with no_gc():
                cells = sheet.to_python(skip_empty_area=False)
            sheets.append(Sheet(name, cast("list[list[object]]", cells)))
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise SkmError(
            IssueCode.UNREADABLE,
            ExitCode.INPUT_ERROR,
            file=str(path),
            kind="Excel/ODS",
            reason=str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__,
        ) from exc
    return sheets


def _read_parquet(path: Path) -> list[list[object]]:
    """A Parquet table as rows: the column names are row 1, as a spreadsheet's header would be."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only when a Parquet file is read

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="Parquet", reason=str(exc)[:200]
        ) from exc
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    with no_gc():
        rows: list[list[object]] = [[str(n) for n in table.column_names]]
        rows.extend([list(r) for r in zip(*columns, strict=True)] if columns else [])
    return rows


def decode_text(data: bytes, path: Path) -> str:
    """Decode CSV bytes: UTF-8 (BOM optional), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SkmError(IssueCode.ENCODING, ExitCode.INPUT_ERROR, file=str(path))


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the candidate whose parse gives the widest header row that
    the following rows agree with (quoted fields, even with ``;`` or line breaks inside, are
    parsed as CSV, not counted as characters). ``,`` when nothing splits."""
    sample = text[:_SNIFF_CHARS]
    truncated = len(text) > _SNIFF_CHARS
    best, best_key = ",", (-1, -1)
    for delimiter in ",;\t|":
        try:
            rows = [
                r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if any(c.strip() for c in r)
            ]
        except csv.Error:
            continue
        if truncated and len(rows) > 1:
            rows = rows[:-1]  # the last row of a cut sample may be incomplete
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agree = sum(1 for r in rows[1:] if len(r) == width) / max(len(rows) - 1, 1)
        key = (int(agree >= _AGREEMENT), width)
        if key > best_key:
            best, best_key = delimiter, key
    return best


_SNIFF_CHARS = 64_000
_AGREEMENT = 0.8


def _read_csv(path: Path) -> list[list[object]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="CSV", reason=exc.strerror
        ) from exc
    text = decode_text(data, path)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        with no_gc():
            rows: list[list[object]] = [list(r) for r in reader]
    except csv.Error as exc:
        raise SkmError(IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="CSV", reason=str(exc)) from exc
    return rows


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def is_blank(value: object) -> bool:
    """Empty cell: None, NaN, or whitespace-only text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return False


def row_is_blank(row: Sequence[object]) -> bool:
    """True when every cell of the row is blank."""
    return all(is_blank(v) for v in row)
