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
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import guard
from skm.readers.cells import Unusable

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
    if not os.access(path, os.R_OK):
        raise SkmError(IssueCode.PERMISSION_DENIED, ExitCode.INPUT_ERROR, file=str(path))
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

    scans: dict[str, guard.SheetScan] = {}
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        zipped = handle.read(4) == b"PK\x03\x04"
    if suffix == ".xlsb":
        scans = guard.scan_xlsb(path)  # BIFF12 records in a zip: caps, error cells
    elif suffix in {".xlsx", ".xlsm"} or (zipped and suffix != ".ods"):
        scans = guard.scan_ooxml(path)  # before calamine allocates anything: caps, unusable cells
    elif suffix == ".ods":
        scans = guard.scan_ods(path)  # caps, repeats, formulas and errors calamine would blank
    else:
        scans = guard.scan_xls(path)  # BIFF8 records in an OLE2 file: size, caps, error cells
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            with no_gc():
                cells = cast("list[list[object]]", sheet.to_python(skip_empty_area=False))
                _mark_unusable(cells, scans.get(name))
            sheets.append(Sheet(name, cells))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine raises unrelated types, a Rust panic even (not an Exception)
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
        _mark_unusable(rows, None)  # booleans and NaN/inf are invalid cells here too, never 1 or a blank
    return rows


def _mark_unusable(rows: list[list[object]], scan: guard.SheetScan | None) -> None:
    """Put :class:`Unusable` where calamine gave a blank for an Excel error or a formula without a
    stored value, and where it gave a boolean or a non-finite number (``True == 1`` must never
    pass for an answer 1, NaN never for a blank)."""
    if scan is not None:
        for (r, c), text in scan.unusable.items():
            if r >= len(rows) or c >= len(rows[r]):
                if r >= scan.max_row or c >= scan.max_col:
                    continue  # outside the measured (capped) extent: nothing there to mark
                # inside it, calamine left the cell out (an xlsb formula's error): put it in its place
                rows.extend([] for _ in range(r + 1 - len(rows)))
                rows[r].extend([""] * (c + 1 - len(rows[r])))
            rows[r][c] = Unusable(text)
        if not scan.flags & {"bool", "nonfinite"}:
            return  # the scan saw neither: no need to look at every cell
    for row in rows:
        for c, value in enumerate(row):
            kind = type(value)
            if kind is bool:
                row[c] = Unusable("TRUE" if value else "FALSE")
            elif kind is float and not math.isfinite(cast("float", value)):
                row[c] = Unusable(str(value))


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 (Excel's "Unicode Text"): by its byte-order mark, else by where the NULs fall."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    if b"\x00" not in head:
        return None
    size = min(len(head) - len(head) % 4, 64)
    odd, even = head[1::2].count(0), head[0::2].count(0)
    guesses = (
        ("utf-32-le", size >= 4 and all(head[i + 1 : i + 4] == b"\x00" * 3 for i in range(0, size, 4))),
        ("utf-32-be", size >= 4 and all(head[i : i + 3] == b"\x00" * 3 for i in range(0, size, 4))),
        ("utf-16-le", odd > len(head) // 4 and even < odd // 4),
        ("utf-16-be", even > len(head) // 4 and odd < even // 4),
    )
    return next((encoding for encoding, fits in guesses if fits), None)


def decode_text(data: bytes, path: Path) -> str:
    """Decode CSV bytes: UTF-16/32 (by BOM or NUL pattern), UTF-8 (BOM optional), else Windows-1252."""
    wide = _wide_encoding(data)
    candidates = (wide,) if wide else ("utf-8-sig", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text[1:] if text.startswith("\ufeff") else text
    raise SkmError(IssueCode.ENCODING, ExitCode.INPUT_ERROR, file=str(path))


# the delimiters a CSV may use (sniffed in this order): one ASCII byte each, none a quote or a line end
DELIMITERS = ",;\t|"


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the candidate whose parse gives the widest header row that
    the following rows agree with (quoted fields, even with ``;`` or line breaks inside, are
    parsed as CSV, not counted as characters). ``,`` when nothing splits."""
    sample = text[:_SNIFF_CHARS]
    truncated = len(text) > _SNIFF_CHARS
    best, best_key = ",", (-1, -1)
    for delimiter in DELIMITERS:
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

    guard.check_file_size(path, guard.MAX_CSV_BYTES, "CSV")  # before reading a byte of a 1 GB file
    try:
        data = guard.read_capped(path, guard.MAX_CSV_BYTES, "CSV")
    except OSError as exc:
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="CSV", reason=exc.strerror
        ) from exc
    text = decode_text(data, path)
    delimiter = sniff_delimiter(text)
    csv.field_size_limit(guard.MAX_CSV_BYTES)  # one cell may be long (a suggestion); the file size is capped
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        with no_gc():
            rows: list[list[object]] = [list(r) for r in reader]
    except csv.Error as exc:
        raise SkmError(IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="CSV", reason=str(exc)) from exc
    if rows and text.count('"') % 2 and any("\n" in str(v) or "\r" in str(v) for v in rows[-1]):
        # a quote never closed swallows the rest of the file into the last cell: say where it opened
        raise SkmError(IssueCode.CSV_UNCLOSED_QUOTE, ExitCode.INPUT_ERROR, file=str(path), row=len(rows))
    return rows


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """0-based column index of a spreadsheet letter (A → 0, AA → 26), case-insensitive."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


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
