"""The columnar engine: large CSV/TSV, Parquet and xlsx files tallied by DuckDB, exactly.

Header detection, label and element mapping happen once per file, in Python, with the same
functions as the reference reader (:mod:`skm.readers.table`): on the file's first rows (the
header) and on each element column's *distinct* values (what each value means). DuckDB (embedded,
no extension downloads) then does the per-row work in one streaming scan: which rows are
respondents (blank rows, the template's summary block, rows without answers), the scores (a join
of each element column on its small table of distinct values), the integer tallies per (group,
question, answer), the invalid cells (first ``limit`` with their spreadsheet rows, plus the total)
and the unreadable dates. No Python object is made per cell; the exact core
(:func:`~skm.core.calc.score_tallies`) consumes the tallies, so results are exact by construction.

Anything the engine does not reproduce exactly (a blank line inside a CSV, a non-UTF-8 CSV, rows
wider than the header region, a file whose header is not found …) raises :class:`Fallback`; the
caller then uses the reference reader, so the user never chooses and results never differ.
A property test (tests/test_engine.py) compares both paths on generated files.

xlsx/xlsm/xlsb/ods go through fastexcel (calamine → Arrow) and DuckDB over the Arrow table.
"""

from __future__ import annotations

import array
import codecs
import contextlib
import csv
import importlib
import io
import math
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from skm.core.calc import Tally
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import parse_date_column
from skm.core.tallies import GroupTally, TallySet
from skm.errors import ExitCode, InvalidPolicy, Issue, IssueCode, Severity, SkmError, combined_failure, shorten
from skm.readers import guard
from skm.readers.cells import _ALIASES, _WORD_FIXES, Cell, LabelBook, label_element, parse_cell
from skm.readers.files import CSV_SUFFIXES, _mark_unusable, column_letter, is_blank, sniff_delimiter
from skm.readers.headers import _SUMMARY as _SUMMARY_PATTERN
from skm.readers.headers import (
    ColumnMatch,
    code_beyond,
    code_match,
    element_name,
    header_candidates,
    header_texts,
    is_profile_header,
    is_summary_label,
    label_check,
    match_profile,
    unique_names,
)
from skm.readers.inthread import InThread
from skm.readers.table import _find_header as find_header

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "DEFAULT_LIMIT",
    "ENGINE_SUFFIXES",
    "EngineRead",
    "Fallback",
    "find_header",
    "read_tallies_engine",
]

PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
EXCEL_ENGINE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods"})
ENGINE_SUFFIXES = CSV_SUFFIXES | PARQUET_SUFFIXES | EXCEL_ENGINE_SUFFIXES
DEFAULT_LIMIT = 1000  # invalid cells / date warnings kept with their rows (the total is always counted)
_HEAD_BYTES = 1 << 18
_SAMPLE_ROWS = 2000  # rows read in Python to decide which unnamed columns could hold labels
# every character ``str.strip()`` removes (``str.isspace``), for DuckDB's ``trim``
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# the summary-label words of the reader (headers.is_summary_label), for a superset prefilter in DuckDB
_SUMMARY_WORDS = _SUMMARY_PATTERN.pattern.removeprefix("^(?:").split(")\\b", 1)[0]
# the characters str.strip() removes, as an RE2 class (a blank cell is made only of them)
_BLANK_CLASS = (
    r"[\t\n\x{0b}\x{0c}\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}"
    r"\x{205f}\x{3000}]*"
)
# a superset filter for DuckDB (RE2): a summary keyword at the start, or any non-ASCII letter there
_SUMMARY_PREFILTER = (
    r"(?i)^[\s\x{1c}-\x{1f}\x{0b}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]*"
    rf"(?:{_SUMMARY_WORDS}|[^\x00-\x7f])"
)


# a CSV's records numbered in file order: a streaming window, which runs on one thread, so the scan
# that counts leaves it out (DuckDB drops an unused window) and subtracts the rows above the data
_ROW_NUMBER = "row_number() OVER () AS _r"
# the read of those rows above the data: buffers of DuckDB's longest line (its default max_line_size, so
# the same records) instead of 16 of them, for a LIMIT that needs a few lines
_CSV_OPTIONS = "auto_detect=false, "
_CSV_HEAD_OPTIONS = f"buffer_size={2 << 20}, {_CSV_OPTIONS}"


class RowsHook(Protocol):
    """Set (:data:`ROWS_HOOK`) by skm.readers.engine_frame to fetch the respondents' rows in the same read."""

    def preload(self) -> None:
        """Start importing what the read needs (DuckDB among them) in a thread, before the CSV's first rows
        are read: :meth:`source` then parses the file while DuckDB is imported."""

    def source(
        self,
        connect: Callable[[], duckdb.DuckDBPyConnection],
        records_sql: str,
        *,
        path: Path,
        delimiter: str,
        width: int,
    ) -> tuple[duckdb.DuckDBPyConnection, str]:
        """A connection (``connect()``, made once the file is parsed) and the SQL every query of the read
        runs on there instead of a CSV's own: ``records_sql`` (the CSV's records in file order,
        unnumbered: :func:`csv_records_sql` of ``path``, ``delimiter`` and ``width``) parsed once and kept,
        for the rows as well as the scans, with their numbers ``_r`` (1 … n in file order, BIGINT, what
        ``row_number() OVER ()`` gives) first."""

    def __call__(self, ctx: Any, scan: Any, cols: Any, meaning: Any, summary_from: int | None) -> Any:
        """Called at the end of a read, on the open connection, with (ctx, first scan, column decisions,
        meanings, the spreadsheet row where the summary block starts or None): what it returns is
        ``EngineRead.rows``."""


ROWS_HOOK: ContextVar[RowsHook | None] = ContextVar("ROWS_HOOK", default=None)


class Fallback(Exception):  # noqa: N818 - a signal, not an error shown to anyone
    """The engine cannot guarantee the reference reader's result for this file; use the reference."""


# --- header detection: cheap per file ----------------------------------------------------


# --- reading the first rows ------------------------------------------------------------------


@dataclass
class _Head:
    """What Python learned from the first rows of one table."""

    rows: list[list[object]]  # the first rows as the reference reader sees them
    complete: bool  # the rows are the whole table
    header_row: int
    matches: dict[int, ColumnMatch]
    width: int  # columns DuckDB reads
    sheet: str | None = None
    delimiter: str = ","


def _csv_head(path: Path, instrument: Instrument) -> _Head:
    size = path.stat().st_size
    with path.open("rb") as f:
        data = f.read(_HEAD_BYTES)
        while True:
            decoder = codecs.getincrementaldecoder("utf-8-sig")()
            try:
                text = decoder.decode(data, final=len(data) >= size)
            except UnicodeDecodeError as exc:
                raise Fallback("not UTF-8") from exc
            complete = len(data) >= size
            delimiter = sniff_delimiter(text)
            rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
            if not complete:
                rows = rows[:-1]  # the last record of a cut head may be incomplete
            if complete or len(rows) > _SAMPLE_ROWS or len(data) > 64 * _HEAD_BYTES:
                break
            data += f.read(len(data))
    if not complete and len(text) < 64_000:
        raise Fallback("head too short for the delimiter sniff")
    header_row, matches = find_header(rows, instrument)
    if header_row < 0 or not rows:
        raise Fallback("no header")
    width = max(len(r) for r in rows)
    # a blank line (csv gives ``[]``, DuckDB skips it) among the first rows shifts the header's row number
    if any(not r for r in rows[: next((i for i in range(len(rows), 0, -1) if rows[i - 1]), 0)]):
        raise Fallback("blank lines")
    return _Head(rows, complete, header_row, matches, width, None, delimiter)


def _blank_line_inside(path: Path) -> bool:
    """Whether a blank line (which Python's csv counts as a row and DuckDB skips) lies before the end.

    Read in chunks (a memory map would count the whole file in the resident size)."""
    patterns = (b"\n\n", b"\n\r\n", b"\r\r")
    chunk = 4 << 20
    size = path.stat().st_size
    with path.open("rb") as f:
        start = 3 if f.read(3) == codecs.BOM_UTF8 else 0
        f.seek(start)
        if f.read(1) in (b"\n", b"\r"):
            return True
        end, pos = start, size  # end of the content without the trailing white space
        while pos > start:
            step = min(chunk, pos - start)
            f.seek(pos - step)
            kept = f.read(step).rstrip(b"\r\n \t")
            if kept:
                end = pos - step + len(kept)
                break
            pos -= step
        f.seek(start)
        offset, tail = start, b""
        while offset < end:
            block = f.read(min(chunk, end - offset))
            if not block:
                break
            offset += len(block)
            data = tail + block
            if any(pattern in data for pattern in patterns):
                return True
            tail = data[-2:]
    return False


def _check_row_numbers(path: Path, issues: Sequence[Issue], below_head: int | None) -> None:
    """:class:`Fallback` when an issue names a row below the first ``below_head`` rows (already checked)
    and a blank line lies inside the file: DuckDB's row numbers would then differ from the reader's."""
    if below_head is None or not any(i.row is not None and i.row > below_head for i in issues):
        return
    if _blank_line_inside(path):
        raise Fallback("blank lines")


# --- the engine ------------------------------------------------------------------------------


@dataclass
class EngineRead:
    """What the engine read from one file: the tallies and everything worth telling."""

    source: str
    sheet: str | None
    header_row: int  # 1-based
    tallies: TallySet
    issues: list[Issue] = field(default_factory=list)
    invalid_total: int = 0  # invalid answer cells (``issues`` holds the first ``limit``)
    date_total: int = 0  # unreadable dates (``issues`` holds the first ``limit``)
    columns: dict[int, str] = field(default_factory=dict)  # element column → question key
    skipped: dict[str, int] = field(default_factory=dict)  # reason → rows
    rows: Any = None  # what ROWS_HOOK made of the respondent rows (skm.readers.engine_frame)

    @property
    def respondents(self) -> int:
        """Respondent rows read."""
        return sum(g.respondents for g in self.tallies.groups.values())

    @property
    def errors(self) -> list[Issue]:
        """Issues of error severity (the first ``limit`` invalid cells)."""
        return [i for i in self.issues if i.severity is Severity.ERROR]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _connect() -> duckdb.DuckDBPyConnection:
    import duckdb  # noqa: PLC0415 - heavy, only when reading large files

    # insertion order is preserved (DuckDB's default): row_number() OVER () then numbers the records
    # of a CSV in file order, even with the parallel reader
    return duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})


@dataclass
class _Column:
    """One column of the table DuckDB reads: its SQL name and type."""

    name: str
    text: bool  # VARCHAR (blank when whitespace only; may be a summary label)
    other: bool = False  # neither text nor a number (dates): blank when NULL, never an answer


def _blank_sql(col: _Column) -> str:
    q = _quote(col.name)
    if col.other:
        return f"({q} IS NULL)"
    if col.text:
        # only a cell whose first character is whitespace can be blank: every whitespace character is
        # below "!" or at least U+0085, and UTF-8 compares as code points, so most cells stop at a comparison
        return (
            f"(CASE WHEN {q} IS NULL THEN true WHEN {q} >= '!' AND {q} < '\u0085' THEN false WHEN {q} = '' THEN true "
            f"ELSE regexp_full_match({q}, {_sql_str(_BLANK_CLASS)}) END)"
        )
    return f"({q} IS NULL OR (isnan(TRY_CAST({q} AS DOUBLE)) IS TRUE))"


def read_tallies_engine(
    path: str | Path,
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    labels: LabelBook | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    group_by: Sequence[str] = (),
    group_name: str | None = None,
    sheet: str | int | None = None,
    limit: int = DEFAULT_LIMIT,
    strict: bool = True,
) -> EngineRead:
    """Read ``path`` with the engine into tallies (optionally per attribute columns ``group_by``,
    matched by header as ``--by`` does, or as one group ``(group_name,)``).

    Raises :class:`SkmError` as the reference reader does (``invalid="error"`` with invalid cells:
    exit 1, listing the first ``limit``) and :class:`Fallback` when the reference must read it.
    """
    path = Path(path)
    if not path.is_file():
        raise Fallback("not a file")
    suffix = path.suffix.lower()
    book = labels or LabelBook(instrument)
    if suffix in CSV_SUFFIXES:
        # the parallel reader keeps memory flat (the serial one buffers the file); it refuses quoted
        # line breaks together with short rows, and then the serial reader is used
        try:
            return _read_one(path, suffix, book, instrument, invalid, group_by, group_name, sheet, limit, strict, True)
        except Fallback as exc:
            if "parallel" not in str(exc):
                raise
    return _read_one(path, suffix, book, instrument, invalid, group_by, group_name, sheet, limit, strict, False)


def csv_records_sql(path: Path, delimiter: str, width: int, parallel: bool) -> str:
    """DuckDB's ``read_csv`` of a CSV's records (no header: every line is a record, blank lines skipped),
    ``width`` text columns ``c0`` … (short records padded with NULL), empty cells NULL."""
    spec = "{" + ", ".join(f"{_sql_str(f'c{c}')}: 'VARCHAR'" for c in range(width)) + "}"
    return (
        f"read_csv({_sql_str(str(path))}, header=false, "
        f"all_varchar=true, delim={_sql_str(delimiter)}, quote='\"', escape='\"', null_padding=true, "
        f"parallel={str(parallel).lower()}, {_CSV_OPTIONS}columns={spec}, encoding='utf-8')"
    )


def _read_one(
    path: Path,
    suffix: str,
    book: LabelBook,
    instrument: Instrument,
    invalid: InvalidPolicy | str,
    group_by: Sequence[str],
    group_name: str | None,
    sheet: str | int | None,
    limit: int,
    strict: bool,
    parallel: bool,
) -> EngineRead:
    con: duckdb.DuckDBPyConnection | None = None
    try:
        if suffix in CSV_SUFFIXES:
            if sheet is not None:
                raise Fallback("--sheet on a CSV")
            rows_hook = ROWS_HOOK.get()
            if rows_hook is not None:  # skm report/stats: the file parsed once for the scans and the rows
                rows_hook.preload()
            head = _csv_head(path, instrument)
            columns = [_Column(f"c{c}", text=True) for c in range(head.width)]
            records = csv_records_sql(path, head.delimiter, head.width, parallel)
            if rows_hook is None:
                con = _connect()
                source_sql = f"SELECT {_ROW_NUMBER}, * FROM {records}"
            else:
                # (unnumbered: the window runs on one thread, the hook numbers the records it keeps)
                con, source_sql = rows_hook.source(
                    _connect, f"SELECT * FROM {records}", path=path, delimiter=head.delimiter, width=head.width
                )
            sheet_name = None
        elif suffix in PARQUET_SUFFIXES:
            if sheet is not None:
                raise Fallback("--sheet on Parquet")
            con = _connect()
            head, columns, source_sql = _parquet_source(con, path, instrument)
            sheet_name = None
        elif suffix in EXCEL_ENGINE_SUFFIXES:
            con, head, columns, source_sql = _excel_source(path, instrument, sheet)
            sheet_name = head.sheet
        else:
            raise Fallback("format")
        # a blank line below the first rows (csv counts it as a row, DuckDB skips it) shifts only the row
        # numbers DuckDB gives: the file is searched for one when an issue names a row below them
        below_head = len(head.rows) if suffix in CSV_SUFFIXES and not head.complete else None
        try:
            read = _run(
                con,
                source_sql,
                columns,
                head,
                source=path.name,
                sheet=sheet_name,
                instrument=instrument,
                book=book,
                invalid=InvalidPolicy(invalid),
                group_by=tuple(group_by),
                group_name=group_name,
                limit=limit,
                strict=strict,
            )
        except SkmError as exc:
            _check_row_numbers(path, exc.issues, below_head)
            raise
        _check_row_numbers(path, read.issues, below_head)
        return read
    except (Fallback, SkmError):
        raise
    except Exception as exc:
        raise Fallback(" ".join(str(exc).split("\n")[:3]) if str(exc) else type(exc).__name__) from exc
    finally:
        if con is not None:
            con.close()


def _parquet_source(
    con: duckdb.DuckDBPyConnection, path: Path, instrument: Instrument
) -> tuple[_Head, list[_Column], str]:
    """A Parquet file is read like a DataFrame: its column names are the header (row 1)."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    schema = pq.read_schema(path)
    names = list(schema.names)
    import pyarrow as pa  # noqa: PLC0415

    columns = []
    select = []
    for i, name in enumerate(names):
        kind = schema.field(i).type
        text = pa.types.is_string(kind) or pa.types.is_large_string(kind)
        numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind)
        if not (text or numeric):
            raise Fallback(f"column type {kind}")
        columns.append(_Column(f"c{i}", text=text))
        select.append(f"{_quote(name)} AS c{i}")
    floats = [f"c{i}" for i in range(len(names)) if pa.types.is_floating(schema.field(i).type)]
    if floats:  # NaN and infinities are invalid cells for the reference (never blanks): leave them to it
        probe = ", ".join(f"bool_or(isnan({c}) OR isinf({c}))" for c in floats)
        got = con.execute(
            f"SELECT {probe} FROM (SELECT {', '.join(select)} FROM read_parquet({_sql_str(str(path))}))"
        ).fetchone()
        if got is not None and any(got):
            raise Fallback("NaN or infinite numbers")
    rows: list[list[object]] = [[str(n) for n in names]]
    header_row, matches = find_header(rows, instrument)
    if header_row < 0:
        raise Fallback("no header")
    source_sql = (
        f"SELECT file_row_number + 2 AS _r, {', '.join(select)} "
        f"FROM read_parquet({_sql_str(str(path))}, file_row_number=true)"
    )
    return _Head(rows, False, 0, matches, len(names)), columns, source_sql


def _excel_heads(path: Path, scans: dict[str, guard.SheetScan]) -> tuple[list[str], dict[str, list[list[object]]]]:
    """Each sheet's first rows as the reference reader sees them: python-calamine (the reference's
    own library) reads a copy of the workbook in memory whose worksheets are cut after the rows the
    scan kept, so no sheet is parsed whole here."""
    import zipfile  # noqa: PLC0415

    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - heavy, only when reading spreadsheets

    by_member = {scan.member: scan for scan in scans.values()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zf, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for info in zf.infolist():
            scan = by_member.get(info.filename)
            if scan is None:
                if info.file_size <= guard.MAX_SIDE_FILE_BYTES or info.filename == "xl/sharedStrings.xml":
                    out.writestr(info.filename, zf.read(info))
                continue
            head = scan.head
            if not scan.head_complete:
                cut = head.find(b"<sheetData")
                if cut < 0 or not head.endswith(b"</row>"):
                    raise Fallback("a worksheet without a plain sheetData")
                # the dimension may announce the whole sheet: the copy has only its first rows
                prolog = re.sub(rb"<dimension\b[^>]*>", b"", head[:cut], count=1)
                head = prolog + head[cut:] + b"</sheetData></worksheet>"
            out.writestr(info.filename, head)
    for scan in scans.values():  # the scans stay cached for a fallback to the reference, without the heads
        scan.head, scan.head_rows = b"", 0
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue()))
    names = list(workbook.sheet_names)
    heads: dict[str, list[list[object]]] = {}
    for name in names:
        sheet = workbook.get_sheet_by_name(name)
        rows: list[list[object]] = [list(r) for r in sheet.to_python(skip_empty_area=False, nrows=_SAMPLE_ROWS)]
        _mark_unusable(rows, None)  # booleans and non-finite numbers, as the reference marks them
        heads[name] = rows
    return names, heads


def _excel_source(
    path: Path, instrument: Instrument, sheet: str | int | None
) -> tuple[duckdb.DuckDBPyConnection, _Head, list[_Column], str]:
    """A spreadsheet: the sheet and header chosen on each sheet's first rows (python-calamine on the
    rows the guard's scan kept, :func:`_excel_heads`), then the rows below the header through
    fastexcel (calamine → Arrow, typed columns, one parse; a column mixing numbers and text is left to
    the reference) and DuckDB over the Arrow table, on the connection returned (opened while calamine
    parses: the guard has finished by then).

    A large sheet on Linux (:func:`_fork_wanted`): the heads come from the guard's cheap head pass
    (:func:`guard.scan_ooxml_heads`) and a forked, memory-capped child (:class:`_Child`) parses the
    sheet while this process runs the guard's full scan; the child's table is used only once that scan
    has passed, and the child is killed as soon as it refuses (the parse's outcome never precedes the
    guard's)."""
    import fastexcel  # noqa: PLC0415 - heavy, only when reading large spreadsheets

    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise Fallback("xlsb/ods: the reference reader")
    ahead = _heads_ahead(path) if _fork_wanted(path) else None
    # the reference's caps and refusals, before calamine allocates; booleans and NaN are checked below
    scans = guard.scan_ooxml(path, head_rows=_SAMPLE_ROWS, values=False) if ahead is None else ahead
    try:
        names, heads = _excel_heads(path, scans)
        chosen = _chosen_sheet(names, heads, instrument, sheet)
        rows: list[list[object]] = heads[chosen]
        header_row, matches = find_header(rows, instrument)
        if header_row < 0:
            raise Fallback("no header")
        reader = fastexcel.read_excel(str(path))
        if list(reader.sheet_names) != names:
            raise Fallback("sheet names differ")
    except Exception:
        if ahead is not None:  # the full scan decides first, as when it ran before the heads
            _full_scan(path)
        raise
    index = names.index(chosen)

    def load() -> Any:
        return reader.load_sheet(index, header_row=header_row, dtype_coercion="strict", schema_sample_rows=None)

    child = _Child.start(path, index, header_row, load) if ahead is not None else None
    if ahead is not None:
        try:
            scans = _full_scan(path)  # every cap, every refusal: the child's table is not looked at before
        except BaseException:
            if child is not None:
                child.close()
            raise
    scan = scans.get(chosen)
    if scan is None or scan.unusable:
        if child is not None:
            child.close()
        raise Fallback("Excel errors, formulas without a value: the reference marks them")
    # the guard has passed: calamine parses the sheet in a thread (it releases the GIL) while this one
    # imports pyarrow and DuckDB and opens the connection, which it would do after (or the child parses it)
    parse: InThread | _Child = InThread(load) if child is None else child
    try:
        con = _connect()
    except BaseException:
        parse.wait()
        raise
    try:
        table, columns, width = _excel_table(parse, rows, header_row)
        con.register("xl", table)
    except BaseException:
        parse.wait()
        con.close()
        raise
    complete = scan.head_complete and len(rows) < _SAMPLE_ROWS
    head = _Head(rows, complete, header_row, matches, width, chosen)
    return con, head, columns, "SELECT * FROM xl"


def _full_scan(path: Path) -> dict[str, guard.SheetScan]:
    """The guard's full scan of the xlsx path, its kept heads dropped (:func:`_excel_heads` drops them
    when it reads them): the scans stay cached for a fallback to the reference."""
    scans = guard.scan_ooxml(path, head_rows=_SAMPLE_ROWS, values=False)
    for scan in scans.values():
        scan.head, scan.head_rows = b"", 0
    return scans


def _chosen_sheet(
    names: list[str], heads: dict[str, list[list[object]]], instrument: Instrument, sheet: str | int | None
) -> str:
    """The sheet ``--sheet`` names (a number from 1, or a name in any case), else the only one whose first
    rows have the most element columns (:class:`Fallback` when none or several do)."""
    if sheet is not None:
        number = int(sheet) if isinstance(sheet, int) or str(sheet).isdigit() else None
        chosen = names[number - 1] if number is not None and 1 <= number <= len(names) else None
        chosen = chosen or next((n for n in names if n.lower() == str(sheet).lower()), None)
        if chosen is None:
            raise Fallback("sheet not found: the reference names the sheets")
        return chosen
    found = {name: find_header(rows, instrument) for name, rows in heads.items()}
    most = max(len(m) for _, m in found.values())
    best = [name for name, (_, m) in found.items() if most and len(m) == most]
    if len(best) != 1:
        raise Fallback("no sheet, or several sheets, with the most element columns")
    return best[0]


# a worksheet part inflating (by the zip's claim) to at least this many bytes is parsed by a forked child
# beside the guard's scan (Linux): below it the scan is short and a fork's cost is not worth it
_FORK_BYTES = 4 << 20


def _fork_wanted(path: Path) -> bool:
    """The forked parse may run: Linux with ``os.fork``, one thread in this process (forking a threaded
    process copies locks other threads may hold), and a worksheet of :data:`_FORK_BYTES` or more."""
    if sys.platform != "linux" or not hasattr(os, "fork") or not hasattr(os, "memfd_create"):
        return False
    try:
        if not _single_thread():
            return False
        import zipfile  # noqa: PLC0415

        with zipfile.ZipFile(path) as zf:
            sizes = [i.file_size for i in zf.infolist() if i.filename.startswith("xl/worksheets/")]
    except Exception:  # noqa: BLE001 - the guard reports an unreadable package
        return False
    return max(sizes, default=0) >= _FORK_BYTES


def _single_thread() -> bool:
    """Whether this process runs one thread (Linux: ``/proc/self/task``)."""
    return len(os.listdir("/proc/self/task")) == 1


def _heads_ahead(path: Path) -> dict[str, guard.SheetScan] | None:
    """The head pass's scans, or ``None`` (also when it refuses something: the full scan then runs first and
    gives today's outcome, whatever sheet it meets first)."""
    try:
        return guard.scan_ooxml_heads(path, _SAMPLE_ROWS)
    except SkmError:
        return None


# what the child may map beyond what it had at the fork: calamine's cells (a 40-byte cell while parsing,
# then a 32-byte one in the dense range) and the Arrow table of the largest area the guard lets through,
# the largest sheet part's text and shared strings: a legitimate sheet fits, a sparse far cell (billions of
# cells) makes calamine's allocation fail and the child die, never the machine swap
_CHILD_HEADROOM = guard.MAX_AREA * 128 + 2 * guard.MAX_PART_BYTES


def _child_parse(fd: int, path: Path, index: int, header_row: int) -> None:
    """The forked child: cap its address space, parse the sheet and write it to ``fd``
    (:data:`_CHILD_BODY`), leave with ``os._exit``: 0 when written, 1 otherwise. Nothing the parent
    registered (atexit, signal handlers, buffered output) runs here, and no exception escapes."""
    code = 1
    try:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # the parent's handlers are not the child's
            signal.signal(sig, signal.SIG_DFL)
        # nothing of the child reaches the terminal (calamine's abort when its allocation fails prints)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)
        import resource  # noqa: PLC0415

        with open("/proc/self/statm", "rb") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        budget = mapped + _CHILD_HEADROOM
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
        _CHILD_BODY(fd, path, index, header_row)
        code = 0
    except BaseException:  # noqa: BLE001, S110 - the parent parses in-process on any failure
        pass
    finally:
        os._exit(code)


def _child_body(fd: int, path: Path, index: int, header_row: int) -> None:
    """The child's parse, written to ``fd``: the columns' sheet indices (8 bytes of length, then ASCII
    numbers joined by commas), then the table as an Arrow IPC stream, by nanoarrow when it is installed
    (imported in 0.05 s and no thread, where pyarrow takes 0.3 s of the child's CPU), else by pyarrow."""
    import fastexcel  # noqa: PLC0415

    loaded = fastexcel.read_excel(str(path)).load_sheet(
        index, header_row=header_row, dtype_coercion="strict", schema_sample_rows=None
    )
    columns = ",".join(str(int(info.absolute_index)) for info in loaded.selected_columns).encode("ascii")
    with os.fdopen(fd, "wb", closefd=False) as out:
        out.write(len(columns).to_bytes(8, "little") + columns)
        try:
            nanoarrow = importlib.import_module("nanoarrow")
            ipc = importlib.import_module("nanoarrow.ipc")
        except ImportError:
            import pyarrow as pa  # noqa: PLC0415

            batch = loaded.to_arrow()
            with pa.ipc.new_stream(out, batch.schema) as writer:
                writer.write_batch(batch)
        else:
            with ipc.StreamWriter.from_writable(out) as stream:
                stream.write_stream(nanoarrow.c_array(loaded))


_CHILD_BODY: Callable[[int, Path, int, int], None] = _child_body  # tests replace it
_MAX_COLUMNS_TEXT = 1 << 20  # the indices of a sheet's columns (at most 16 384, a few bytes each)


@dataclass
class _Column0:
    """A parsed column's place in the sheet (fastexcel's ``ColumnInfo.absolute_index``)."""

    absolute_index: int


@dataclass
class _Loaded:
    """The child's table, read as :func:`_excel_table` reads fastexcel's sheet."""

    batch: Any
    selected_columns: list[_Column0]

    def to_arrow(self) -> Any:
        return self.batch


class _Child:
    """A forked child parsing one sheet (:func:`_child_parse`) into an anonymous memory file: it never
    blocks on a reader, so the parent can wait for the guard first. :meth:`close` kills and reaps it
    (any time, more than once); :meth:`result` waits for it and returns its table, or, when it did not
    finish well (a signal, the memory cap, an error of fastexcel, a stream that does not read back),
    the in-process parse ``load``."""

    pid: int | None
    fd: int | None

    def __init__(self, pid: int, fd: int, load: Callable[[], Any]) -> None:
        self.pid, self.fd = pid, fd
        self.status: int | None = None
        self._load = load

    @classmethod
    def start(cls, path: Path, index: int, header_row: int, load: Callable[[], Any]) -> _Child | None:
        """The child started, or ``None`` (the caller parses in-process after the scan) when this process
        still runs another thread (the head pass's inflating threads are joined, but a joined thread
        may take a moment to leave) or cannot fork."""
        for _ in range(50):
            if _single_thread():
                break
            time.sleep(0.001)
        else:
            return None
        fd = os.memfd_create("skm-sheet", os.MFD_CLOEXEC)
        try:
            pid = os.fork()
        except OSError:
            os.close(fd)
            return None
        if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
            _child_parse(fd, path, index, header_row)
        return cls(pid, fd, load)

    def close(self) -> None:
        """Kill the child if it still runs, reap it, close the memory file."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):  # already gone
                os.kill(self.pid, signal.SIGKILL)
            self._reap()
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def _reap(self) -> None:
        if self.pid is not None:
            try:  # (interrupted by a signal, waitpid retries: PEP 475)
                _, self.status = os.waitpid(self.pid, 0)
            except ChildProcessError:  # pragma: no cover - reaped elsewhere
                self.status = -1
            self.pid = None

    def wait(self) -> None:
        self.close()

    def result(self) -> Any:
        try:
            self._reap()
            loaded = self._read() if self.status == 0 else None
        finally:
            self.close()
        return self._load() if loaded is None else loaded

    def _read(self) -> _Loaded | None:
        """The child's table (:func:`_child_body`'s layout), or ``None`` when it does not read back whole."""
        import pyarrow as pa  # noqa: PLC0415

        assert self.fd is not None
        try:
            size = int.from_bytes(os.pread(self.fd, 8, 0), "little")
            if size > _MAX_COLUMNS_TEXT:
                return None
            text = os.pread(self.fd, size, 8)
            indices = [int(i) for i in text.decode("ascii").split(",")] if text else []
            with pa.memory_map(f"/proc/self/fd/{self.fd}") as source:
                source.seek(8 + size)
                with pa.ipc.open_stream(source) as stream:
                    batches = list(stream)
            if len(batches) != 1 or len(indices) != batches[0].num_columns:
                return None
        except (pa.ArrowException, ValueError, OSError):
            return None
        return _Loaded(batches[0], [_Column0(i) for i in indices])


def int64_array(values: Any) -> Any:
    """An int64 buffer (``array.array("q")``, an int64 ndarray) as an Arrow array on the same memory:
    ``pa.array()`` of Python integers or of an ndarray first imports pandas (0.3–0.6 s) to rule out its
    types, and a reader would wait for it."""
    import pyarrow as pa  # noqa: PLC0415

    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(values)])


def _excel_table(parse: InThread | _Child, rows: list[list[object]], header_row: int) -> tuple[Any, list[_Column], int]:
    """The Arrow table DuckDB reads (``c0`` … and the row numbers ``_r``) from fastexcel's parse, its
    columns and width; ``rows`` (the reference's first rows) are widened to that width in place."""
    import pyarrow as pa  # noqa: PLC0415 - imported while calamine parses
    import pyarrow.compute as pc  # noqa: PLC0415

    loaded = parse.result()
    batch = loaded.to_arrow()
    n = batch.num_rows
    by_index: dict[int, Any] = {}
    for info, column in zip(loaded.selected_columns, batch.columns, strict=True):
        by_index[int(info.absolute_index)] = column
    width = max([max((len(r) for r in rows), default=0), *[i + 1 for i in by_index]])
    for row in rows:  # the reference's rows span the whole sheet's width (blank cells are "")
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    columns: list[_Column] = []
    arrays = {}
    for c in range(width):
        column = by_index.get(c)
        if column is None:
            arrays[f"c{c}"] = pa.nulls(n, pa.string())
            columns.append(_Column(f"c{c}", text=True))
            continue
        kind = column.type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind):
            arrays[f"c{c}"] = column.cast(pa.string())
            columns.append(_Column(f"c{c}", text=True))
        elif pa.types.is_floating(kind) or pa.types.is_integer(kind):
            arrays[f"c{c}"] = column.cast(pa.float64())
            columns.append(_Column(f"c{c}", text=False))
            if pa.types.is_floating(kind) and pc.any(pc.invert(pc.is_finite(column))).as_py():
                raise Fallback("NaN or infinite numbers: the reference marks them")
        elif pa.types.is_timestamp(kind) or pa.types.is_date(kind):
            arrays[f"c{c}"] = column
            columns.append(_Column(f"c{c}", text=False, other=True))
        else:
            raise Fallback(f"column type {kind}")
    arrays["_r"] = int64_array(array.array("q", range(header_row + 2, header_row + 2 + n)))
    table = pa.Table.from_arrays(list(arrays.values()), names=list(arrays))
    # the rows fastexcel returns must be the rows the reference sees below the header
    below = rows[header_row + 1 :]
    check = table.slice(0, min(len(below), n, 200)).to_pylist()
    for got, want in zip(check, below, strict=False):
        for c in range(width):
            a, b = got[f"c{c}"], (want[c] if c < len(want) else None)
            if (is_blank(a) and is_blank(b)) or a == b or _same_day(a, b):
                continue
            raise Fallback(f"fastexcel and calamine disagree on a cell: {a!r} vs {b!r}")
    return table, columns, width


@dataclass
class _Ctx:
    """One table being read: the connection, its columns and headers, the column decisions made on the
    header, the SQL of one scan, and the issues gathered so far (shared by the phases of :func:`_run`)."""

    con: duckdb.DuckDBPyConnection
    source_sql: str
    columns: list[_Column]
    source: str
    sheet: str | None
    instrument: Instrument
    book: LabelBook
    group_name: str | None
    limit: int
    hr: int  # 0-based header row
    headers: list[str]
    first_data: int  # spreadsheet row of the first row below the header
    matches: dict[int, ColumnMatch]  # element columns named by their codes
    worded: list[int]  # profile-named columns proven not to be questions by counting
    not_answer: str | None
    kept_cols: list[int]
    unnamed: list[int]
    group_cols: list[int]
    date_found: int | None
    date_col: int | None
    body: str = ""
    every: str = ""  # ``body`` without the row filter (all rows, the header's too)
    known: dict[int, list[object]] = field(default_factory=dict)  # element column → values counted by name
    verdicts: dict[int, dict[str, bool]] = field(default_factory=dict)  # worded column → value → cannot be an answer
    bounded: set[int] = field(default_factory=set)  # worded columns whose proof the scan counts by bounds
    mapped: bool = False  # the element columns were decided by the reference's mapping (labels checked there)
    issues: list[Issue] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.columns)

    @property
    def g_names(self) -> list[str]:
        return [f"g{i}" for i in range(len(self.group_cols))]

    def issue(self, code: IssueCode, severity: Severity = Severity.ERROR, **fields: Any) -> Issue:
        fields.setdefault("row", self.hr + 1)
        return Issue(code, severity, file=self.source, sheet=self.sheet, **fields)

    def value_table(self, name: str, c: int, values: list[object]) -> None:
        kind = "VARCHAR" if self.columns[c].text else "DOUBLE"
        self.con.execute(f"CREATE TEMP TABLE {name} (v {kind})")
        if values:
            self.con.executemany(f"INSERT INTO {name} VALUES (?)", [(v,) for v in values])


@dataclass
class _Counts:
    """What one aggregate scan counted, per group (the group columns' raw values): the rows holding an
    answer, and each element column's non-NULL values with their counts; and over the whole table the
    rows, summary-label candidates, filled unnamed cells, the worded columns' proof and the dates
    DuckDB could not certify (by name: ``rows``, ``fc``, ``n{c}``, ``f{c}``, ``x{c}``, ``dq``)."""

    respondents: dict[tuple[object, ...], int]
    values: dict[tuple[object, ...], dict[int, dict[object, int]]]
    totals: dict[str, int]


@dataclass
class _Scan:
    """What the first scan (pass 1) learned: each candidate column's distinct values with their counts,
    the summary-label candidates with their first rows, the unnamed columns holding something, the
    date values DuckDB could not certify, and the counts themselves (the tallies when no summary block
    ends the table)."""

    distinct: dict[int, tuple[list[object], list[int]]]
    candidates: list[tuple[str, int]]
    nonblank_unnamed: set[int]
    slow_dates: list[str]
    counts: _Counts


@dataclass
class _Decided:
    """The column decisions after the answers' labels were read."""

    final: dict[int, ColumnMatch]  # element column → its question
    parsed: dict[int, list[Cell]]  # element column → its distinct values parsed
    by_key: dict[str, list[int]]
    element_cols: list[int]
    attr_cols: list[int]
    attr_names: list[str]


# what a distinct value of an element column means: value → (score, bad, index among the distinct values)
_Meaning = dict[int, dict[object, tuple[int | None, bool, int]]]


def _prepare(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    columns: list[_Column],
    head: _Head,
    *,
    source: str,
    sheet: str | None,
    instrument: Instrument,
    book: LabelBook,
    group_by: tuple[str, ...],
    group_name: str | None,
    limit: int,
) -> _Ctx:
    """The column decisions made on the header alone (or :class:`Fallback`)."""
    rows, hr, matches = head.rows, head.header_row, head.matches
    width = len(columns)
    below = rows[hr:]
    if not below or max(len(r) for r in below) < width:
        raise Fallback("rows above the header are wider than the table")
    headers = header_texts(rows, hr, width, matches)
    # Element columns all named by codes (U1 … U9, "Unsur 1"): the reader decides by the codes alone and
    # only checks them against the answers' labels (below, on the distinct values). Columns named by
    # words are scored against every question by the reader (wording, words, answers): its own mapping
    # then runs here on every column's distinct values and counts (:func:`_reference_mapping`).
    codes = {c: m for c in range(width) if (m := code_match(headers[c], instrument)) is not None}
    worded = [c for c in range(width) if c not in codes and header_candidates(headers[c], instrument, question=True)]
    mapped: list[Issue] | None = None
    if sorted(m.key for m in codes.values()) != sorted(instrument.question_keys) or any(
        not is_profile_header(headers[c]) for c in worded
    ):
        # columns named by words (question texts): the reference's own decisions, on every column's
        # distinct values counted over the whole table
        codes, mapped = _reference_mapping(
            con, source_sql, columns, headers, source=source, sheet=sheet, hr=hr, instrument=instrument, book=book
        )
        worded = []
    # a short profile header ("Cap waktu", "Saran") is a profile column unless ≥ 90 % of its answers are on
    # the scale: proven below by counting cells that cannot be scale answers (else the reader decides)
    _typed_profile_columns(con, source_sql, columns, [c for c in worded if not columns[c].text], hr + 2, instrument)
    worded = [c for c in worded if columns[c].text]
    not_answer = _not_answer_sql(instrument, book)
    if worded and not_answer is None:
        raise Fallback("custom labels: no proof that a profile column is not a question")
    matches = codes
    strict_candidates: list[int] = []
    names = unique_names([headers[c] or f"kolom {column_letter(c)}" for c in range(width)])
    kept_cols = sorted(set(matches) | set(strict_candidates))
    unnamed = [c for c in range(width) if not headers[c] and c not in kept_cols]
    group_cols = _group_columns(group_by, names, width)
    if any(columns[c].other for c in [*kept_cols, *group_cols]):
        raise Fallback("a date-typed column where answers or groups are expected")
    date_found = _date_column_index(names, width, matches)
    date_col = date_found if date_found is not None and columns[date_found].text else None
    if date_found is not None and not columns[date_found].text and not columns[date_found].other:
        raise Fallback("a date column of numbers (Excel serial days): the reference parses them")
    ctx = _Ctx(
        con, source_sql, columns, source, sheet, instrument, book, group_name, limit, hr, headers,
        first_data=hr + 2, matches=matches, worded=worded, not_answer=not_answer, kept_cols=kept_cols,
        unnamed=unnamed, group_cols=group_cols, date_found=date_found, date_col=date_col,
    )  # fmt: skip
    if mapped is not None:
        ctx.mapped, ctx.issues = True, mapped
    _build_scan_sql(ctx)
    return ctx


def _reference_mapping(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    columns: list[_Column],
    headers: list[str],
    *,
    source: str,
    sheet: str | None,
    hr: int,
    instrument: Instrument,
    book: LabelBook,
) -> tuple[dict[int, ColumnMatch], list[Issue]]:
    """The element columns and the issues of the reference's column mapping (:func:`build._map_columns`:
    wording, words, what the answers say, labels, left-over and unnamed scale columns), run on a grid
    of each column's distinct values in order of first appearance with their counts, which is all the
    mapping reads of the cells. One grouping-sets scan; numpy and pandas only for these files."""
    import numpy as np  # noqa: PLC0415 - the reference's mapping works on numpy codes
    import pandas as pd  # noqa: PLC0415

    from skm.readers.build import _Context, _Grid, _map_columns  # noqa: PLC0415 - numpy and pandas

    width = len(columns)
    first = hr + 2
    proven, filled, total = _profile_proofs(con, source_sql, columns, headers, first, instrument, book)
    grouped = [c for c in range(width) if c not in proven]
    names = [_quote(columns[c].name) for c in grouped]
    k = len(grouped)
    got = (
        con.execute(
            f"SELECT {', '.join(f'grouping({q})' for q in names)}, {', '.join(names)}, count(*), min(_r) "
            f"FROM ({source_sql}) WHERE _r >= {first} GROUP BY GROUPING SETS ({', '.join(f'({q})' for q in names)}) "
            f"ORDER BY {k * 2 + 2}"
        ).fetchall()
        if grouped
        else []
    )
    values: list[list[object]] = [[] for _ in range(width)]
    counts: list[list[int]] = [[] for _ in range(width)]
    empty = [0] * width
    for record in got:
        i = next(i for i in range(k) if not record[i])
        value, n = record[k + i], int(record[2 * k])
        if value is None:
            empty[grouped[i]] += n
        else:
            values[grouped[i]].append(value)
            counts[grouped[i]].append(n)
    for c in proven:  # fewer than 90 % scale answers: one value that is no answer stands for the filled cells
        values[c], counts[c] = ([_NO_ANSWER], [filled[c]]) if filled[c] else ([], [])
        empty[c] = total - filled[c]
    grid = _Grid(total, width, headers, [], [], [], [], [])
    for c in range(width):
        uniques = values[c]
        codes = np.concatenate(
            [np.full(empty[c], -1, dtype=np.int32), np.repeat(np.arange(len(uniques), dtype=np.int32), counts[c])]
        )
        blank_u = np.fromiter(
            ((not v.strip()) if type(v) is str else (v != v) if type(v) is float else False for v in uniques),  # noqa: PLR0124 - NaN
            dtype=bool,
            count=len(uniques),
        )
        grid.kinds.append(pd.api.types.infer_dtype(np.array(uniques, dtype=object), skipna=True))
        grid.codes.append(codes)
        grid.uniques.append(uniques)
        grid.blank.append(blank_u)
        grid.nonblank.append(~np.append(blank_u, True)[codes])
    issues: list[Issue] = []
    mapping = _map_columns(_Context(source, sheet, hr, instrument, book), grid, issues)
    return dict(mapping.final), issues


_NO_ANSWER: object = "\x00"  # a non-blank value parse_cell never scores


def _profile_proofs(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    columns: list[_Column],
    headers: list[str],
    first: int,
    instrument: Instrument,
    book: LabelBook,
) -> tuple[set[int], dict[int, int], int]:
    """Profile-named columns the reference would score against the questions ("Cap waktu", "Saran")
    proven to hold fewer than 90 % scale answers by counting (dates never are answers, numbers are
    when integers on the scale, text by :func:`_not_answer_sql`): the reference then leaves them out,
    whatever their values, so their distinct values (a timestamp per row) need not be read.
    Returns the proven columns, their filled cells and the rows below the header."""
    low, high = instrument.scale_min, instrument.scale_max
    not_answer = _not_answer_sql(instrument, book)
    tests: dict[int, str] = {}
    for c, col in enumerate(columns):
        if not (
            headers[c] and is_profile_header(headers[c]) and header_candidates(headers[c], instrument, question=True)
        ):
            continue
        q = _quote(col.name)
        if col.other:
            tests[c] = "false"  # an answer never: dates
        elif not col.text:
            tests[c] = f"({q} = floor({q}) AND {q} BETWEEN {low} AND {high})"
        elif not_answer is not None:
            tests[c] = f"NOT {not_answer.format(v=q)}"  # could be an answer
    parts = ["count(*)"]
    for c, test in tests.items():
        parts += [f"count_if(NOT {_blank_sql(columns[c])})", f"count_if(NOT {_blank_sql(columns[c])} AND {test})"]
    got = con.execute(f"SELECT {', '.join(parts)} FROM ({source_sql}) WHERE _r >= {first}").fetchone()
    assert got is not None
    total = int(got[0])
    proven: set[int] = set()
    filled: dict[int, int] = {}
    for i, c in enumerate(tests):
        n, could = int(got[1 + 2 * i] or 0), int(got[2 + 2 * i] or 0)
        if not n or could < _SCALE_SHARE * n:
            proven.add(c)
            filled[c] = n
    return proven, filled, total


def _typed_profile_columns(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    columns: list[_Column],
    typed: list[int],
    first_data: int,
    instrument: Instrument,
) -> None:
    """Profile-named columns of a spreadsheet typed as dates or numbers (an Excel "Cap waktu", an "Usia"
    of numbers): proven not to be questions as the reference decides (fewer than 90 % scale answers).

    A date cell is never a scale answer (its text starts with a four-digit year); a number is one
    exactly when it is an integer on the scale (custom labels only read text). Raises
    :class:`Fallback` when a column could hold scale answers."""
    numeric = [c for c in typed if not columns[c].other]
    if not numeric:
        return
    low, high = instrument.scale_min, instrument.scale_max
    parts = []
    for c in numeric:
        q = _quote(columns[c].name)
        on_scale = f"{q} = floor({q}) AND {q} BETWEEN {low} AND {high}"
        parts += [f"count_if(NOT {_blank_sql(columns[c])})", f"count_if({on_scale})"]
    got = con.execute(f"SELECT {', '.join(parts)} FROM ({source_sql}) WHERE _r >= {first_data}").fetchone()
    for i, c in enumerate(numeric):
        filled, valid = (int(got[2 * i] or 0), int(got[2 * i + 1] or 0)) if got is not None else (0, 0)
        if filled and valid >= _SCALE_SHARE * filled:
            raise Fallback(f"column {column_letter(c)} might hold scale answers: the reader decides")


def _build_scan_sql(ctx: _Ctx) -> None:
    """The SQL of the scan (``body``): each row's flags, candidate values and summary-label candidate.
    Queries name the columns they need; DuckDB computes nothing else."""
    columns, width, kept_cols = ctx.columns, ctx.width, ctx.kept_cols
    ctx.bounded = set()
    col_sql = {c: _quote(columns[c].name) for c in range(width)}
    # layer 1: each cell's blank flag, once (k0, k1 …); layer 2 uses them
    flags = ", ".join(f"{_blank_sql(col)} AS k{c}" for c, col in enumerate(columns))
    blank_all = " AND ".join(f"k{c}" for c in range(width)) or "true"
    # the first non-blank cell, if it might be a summary label (blank tests written out, so a row stops at
    # its first filled column; a cell starting with a digit, a timestamp or a number, needs no regex)
    first_cell = (
        "CASE "
        + " ".join(
            f"WHEN NOT {_blank_sql(col)} THEN "
            + (
                f"(CASE WHEN {col_sql[c]} >= '0' AND {col_sql[c]} < ':' THEN NULL "
                f"WHEN regexp_matches({col_sql[c]}, {_sql_str(_SUMMARY_PREFILTER)}) THEN {col_sql[c]} END)"
                if col.text
                else "NULL"
            )
            for c, col in enumerate(columns)
        )
        + " END"
    )
    # what the counting scan tests are written so that most rows stop at a comparison: a cell starting with
    # a character from "!" to "~" is filled, one starting with a digit is not a summary label
    answered = " AND ".join(f"k{c}" for c in kept_cols)
    first_text = [c for c in kept_cols if columns[c].text][:1]
    surely = "".join(f"({col_sql[c]} >= '!' AND {col_sql[c]} < '\u0085') OR " for c in first_text)
    digit_first = (
        f"coalesce({col_sql[0]} >= '0' AND {col_sql[0]} < ':', false)" if columns and columns[0].text else None
    )
    base = [
        "_r",
        f"NOT ({blank_all}) AS _nb",
        f"({surely}NOT ({answered})) AS _a" if kept_cols else "false AS _a",  # a respondent: some element answered
        # the same when every filled element cell holds a value counted by name (never blank): NULL tests
        f"NOT ({' AND '.join(f'{col_sql[c]} IS NULL' for c in kept_cols)}) AS _an" if kept_cols else "false AS _an",
        f"{first_cell} AS _fc",
        # rows whose first cell might be a summary label, told from the first column alone (a blank one counts
        # as might: the candidates' query then reads the other columns); a digit first is tested first (most
        # rows: a timestamp or a number, never blank)
        (
            f"(CASE WHEN {digit_first} THEN false WHEN {_blank_sql(columns[0])} THEN true "
            f"ELSE regexp_matches({col_sql[0]}, {_sql_str(_SUMMARY_PREFILTER)}) END)"
            if digit_first
            else f"({first_cell}) IS NOT NULL"
        )
        + " AS _cfc",
    ]
    base += [f"{col_sql[c]} AS e{c}" for c in kept_cols]
    base += [f"{col_sql[c]} AS g{i}" for i, c in enumerate(ctx.group_cols)]
    base += [f"NOT k{c} AS n{c}" for c in ctx.unnamed]
    date_col = ctx.date_col
    iso = None
    if date_col is not None:
        d = col_sql[date_col]
        # a date DuckDB writes back unchanged is "YYYY-MM-DD[ HH:MM:SS]" of a real day and time: the reference
        # reads it (a fast parse and print; twice as cheap per row as a regex and strptime)
        # (computed once per row, in the layer of the blank flags, for the date tests and the worded proof)
        flags += (
            f", coalesce(CASE length({d}) WHEN 19 THEN TRY_CAST({d} AS TIMESTAMP)::VARCHAR = {d} "
            f"WHEN 10 THEN TRY_CAST({d} AS DATE)::VARCHAR = {d} END, false) AS _iso"
        )
        iso = "_iso"
        certified = f"k{date_col} OR {iso}"
        base += [f"CASE WHEN {certified} THEN NULL ELSE {d} END AS _d", f"NOT ({certified}) AS _dq"]
    for c in ctx.worded:  # filled cells, and cells that cannot be scale answers (the test implies filled)
        assert ctx.not_answer is not None
        cannot = ctx.not_answer.format(v=col_sql[c])
        if c == date_col and iso is not None:  # a certified date from year 1000 on starts with three digits
            cannot = f"CASE WHEN ({iso}) AND {col_sql[c]} >= '1' THEN true ELSE {cannot} END"
        verdicts = ctx.verdicts.get(c)
        if verdicts:  # the first rows' common values were judged once: the test runs only on the others
            whens = " ".join(
                f"WHEN {col_sql[c]} IN ({', '.join(_sql_str(v) for v, x in verdicts.items() if x is hit)}) THEN {hit}"
                for hit in (True, False)
                if any(x is hit for x in verdicts.values())
            )
            cannot = f"CASE {whens} ELSE {cannot} END"
        # a blank cell is never one that cannot be an answer (the tests need a digit or two letters), and
        # its flag is at hand: the regexes run only on filled cells
        base += [f"NOT k{c} AS f{c}", f"(CASE WHEN k{c} THEN false ELSE {cannot} END) AS x{c}"]
        # bounds the one scan counts instead (cheaper per row): cells surely unable to be answers (a value the
        # first rows judged so, a certified date) ≤ x; non-NULL cells ≥ filled (:func:`_first_scan`)
        sure = (
            [f"{col_sql[c]} IN ({', '.join(_sql_str(v) for v, x in verdicts.items() if x)})"]
            if verdicts and any(verdicts.values())
            else []
        )
        if c == date_col and iso is not None:
            sure.append(f"({iso} AND {col_sql[c]} >= '1')")
        if sure:
            base += [f"({' OR '.join(sure)}) AS l{c}", f"{col_sql[c]} IS NOT NULL AS h{c}"]
            ctx.bounded.add(c)
    ctx.every = f"(SELECT {', '.join(base)} FROM (SELECT *, {flags} FROM ({ctx.source_sql})))"
    ctx.body = f"(SELECT * FROM {ctx.every} WHERE _r >= {ctx.first_data})"


_KNOWN_VALUES = 24  # values per element column counted by name in the one scan (the head's most common)


def _known_values(head: _Head, columns: list[_Column], kept_cols: list[int]) -> dict[int, list[object]]:
    """Each column's most common non-blank values in the first rows. The scan counts an element column's by
    name (``count_if(e = value)``, no hash table per row; other values, if any, are grouped by a second
    scan) and judges a worded column's once instead of per row."""
    known: dict[int, list[object]] = {}
    below = head.rows[head.header_row + 1 : head.header_row + 1 + _SAMPLE_ROWS]
    for c in kept_cols:
        seen: dict[object, int] = {}
        for row in below:
            v = row[c] if c < len(row) else None
            if columns[c].text:
                if not isinstance(v, str) or is_blank(v) or "\x00" in v:
                    continue
            elif isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
                continue
            else:
                v = float(v)
            seen[v] = seen.get(v, 0) + 1
        known[c] = sorted(seen, key=lambda v: -seen[v])[:_KNOWN_VALUES]
    return known


def _count(ctx: _Ctx, where: str) -> _Counts:
    """One aggregate scan of the rows ``where`` holds: counts only, grouped by the group columns (a few
    groups), so memory does not grow with the rows. Values of an element column missing from
    ``ctx.known`` are grouped by a second scan, only when there are any.

    A CSV's whole table is counted without row numbers (the scan then runs on every core) and the rows
    above the data, counted alone (a ``LIMIT``: DuckDB stops reading there), are subtracted."""
    kept = ctx.kept_cols
    # respondents: rows with a non-NULL element cell, exact when every such cell holds a known value (all
    # non-blank); else the second scan counts them with the blank tests
    aggs = ["count(*)", "count_if(_an)", "count_if(_cfc)"]
    names = ["rows", "resp", "fc"]
    params: list[object] = []
    for c in kept:
        aggs.append(f"count(e{c})")
        names.append(f"e{c}")
        for v in ctx.known[c]:
            aggs.append(f"count_if(e{c} = ?)")
            names.append(f"e{c}={len(params)}")
            params.append(v)
    aggs += [f"count_if(n{c})" for c in ctx.unnamed]
    names += [f"n{c}" for c in ctx.unnamed]
    for c in ctx.worded:
        pair = ("l", "h") if c in ctx.bounded else ("f", "x")
        aggs += [f"count_if({p}{c})" for p in pair]
        names += [f"{p}{c}" for p in pair]
    if ctx.date_col is not None:
        aggs.append("count_if(_dq)")
        names.append("dq")
    select_g = "".join(f"{g}, " for g in ctx.g_names)
    group = " GROUP BY ALL" if ctx.g_names else ""

    def run(table: str) -> dict[tuple[object, ...], list[int]]:
        k = len(ctx.g_names)
        got = ctx.con.execute(f"SELECT {select_g}{', '.join(aggs)} FROM {table}{group}", params).fetchall()
        return {tuple(r[:k]): [int(n or 0) for n in r[k:]] for r in got}

    if where == "true" and _ROW_NUMBER in ctx.source_sql:
        by_group = run(ctx.every)
        above = ctx.every.replace(_CSV_OPTIONS, _CSV_HEAD_OPTIONS, 1)
        for g, numbers in run(f"(SELECT * FROM {above} LIMIT {ctx.first_data - 1})").items():
            by_group[g] = [a - b for a, b in zip(by_group[g], numbers, strict=True)]
    else:
        by_group = run(f"(SELECT * FROM {ctx.body} WHERE {where})")
    totals: dict[str, int] = dict.fromkeys(names, 0)
    respondents: dict[tuple[object, ...], int] = {}
    values: dict[tuple[object, ...], dict[int, dict[object, int]]] = {}
    unknown: set[int] = set()
    for g, numbers in by_group.items():
        named = dict(zip(names, numbers, strict=True))
        for name, n in named.items():
            if "=" not in name:
                totals[name] += n
        respondents[g] = named["resp"]
        per_col: dict[int, dict[object, int]] = {}
        at = 0
        for c in kept:
            counted = {}
            for v in ctx.known[c]:
                if named[f"e{c}={at}"]:
                    counted[v] = named[f"e{c}={at}"]
                at += 1
            if named[f"e{c}"] > sum(counted.values()):
                unknown.add(c)
            per_col[c] = counted
        values[g] = per_col
    if unknown:
        respondents = _count_unknown(ctx, where, sorted(unknown), values)
    return _Counts(respondents, values, totals)


def _count_unknown(
    ctx: _Ctx, where: str, cols: list[int], values: dict[tuple[object, ...], dict[int, dict[object, int]]]
) -> dict[tuple[object, ...], int]:
    """The values of ``cols`` the scan did not count by name, grouped (one scan, a grouping set per column),
    added to ``values``; and the respondents per group, counted with the blank tests."""
    g_names = ctx.g_names
    params: list[object] = []
    unknown = []
    for c in cols:
        if ctx.known[c]:
            placeholders = ", ".join("?" for _ in ctx.known[c])
            unknown.append(f"CASE WHEN e{c} IN ({placeholders}) THEN NULL ELSE e{c} END AS u{c}")
            params += ctx.known[c]
        else:
            unknown.append(f"e{c} AS u{c}")
    sets = ", ".join("(" + ", ".join(names) + ")" for names in [*([*g_names, f"u{c}"] for c in cols), g_names])
    select_g = "".join(f"{g}, " for g in g_names)
    us = ", ".join(f"u{c}" for c in cols)
    got = ctx.con.execute(
        f"SELECT {select_g}{us}, grouping({us}), count(*), count_if(_a) "
        f"FROM (SELECT {select_g}{', '.join(unknown)}, _a FROM {ctx.body} WHERE {where}) "
        f"GROUP BY GROUPING SETS ({sets})",
        params,
    ).fetchall()
    k, m = len(g_names), len(cols)
    everything = (1 << m) - 1  # grouping(): a bit per u column, set when the row's set leaves it out
    respondents: dict[tuple[object, ...], int] = {}
    for record in got:
        g, bits, n = tuple(record[:k]), int(record[k + m]), int(record[k + m + 1])
        if bits == everything:
            respondents[g] = int(record[-1] or 0)
            continue
        for j, c in enumerate(cols):
            value = record[k + j]
            if not bits & (1 << (m - 1 - j)) and value is not None:
                per_col = values.setdefault(g, {}).setdefault(c, {})
                per_col[value] = per_col.get(value, 0) + n
    return respondents


def _first_scan(ctx: _Ctx) -> _Scan:
    """Pass 1 (the one scan of an ordinary file) and what its counts tell."""
    con = ctx.con
    counts = _count(ctx, "true")
    totals = counts.totals
    if not totals["rows"]:
        raise Fallback("no rows below the header")
    distinct: dict[int, tuple[list[object], list[int]]] = {}
    for c in ctx.kept_cols:
        merged: dict[object, int] = {}
        for per_col in counts.values.values():
            for v, n in per_col.get(c, {}).items():
                merged[v] = merged.get(v, 0) + n
        order = sorted(merged, key=lambda v: (-merged[v], str(v)))
        blanks = totals["rows"] - sum(merged.values())  # NULL cells
        distinct[c] = (
            [*order, *([None] if blanks else [])],
            [*(merged[v] for v in order), *([blanks] if blanks else [])],
        )
    candidates: list[tuple[str, int]] = []
    if totals["fc"]:  # rows whose first cell might be a summary label: which, and where first
        candidates = [
            (str(v), int(r))
            for v, r in con.execute(
                f"SELECT _fc, min(_r) FROM {ctx.body} WHERE _fc IS NOT NULL GROUP BY ALL"
            ).fetchall()
        ]
    nonblank_unnamed = {c for c in ctx.unnamed if totals[f"n{c}"]}
    for c in ctx.worded:
        if c in ctx.bounded:
            # more than a tenth of the non-NULL cells surely cannot be answers: then more than a tenth of the
            # filled ones cannot, the proof holds; else count exactly (one more scan, rare)
            if 10 * totals[f"l{c}"] > totals[f"h{c}"]:
                continue
            exact = con.execute(f"SELECT count_if(f{c}), count_if(x{c}) FROM {ctx.body}").fetchall()
            filled, cannot = (int(n or 0) for n in exact[0])
        else:
            filled, cannot = totals[f"f{c}"], totals[f"x{c}"]
        if filled and filled - cannot >= _SCALE_SHARE * filled:  # could be ≥ 90 % scale answers
            raise Fallback(f"column {column_letter(c)} might hold scale answers: the reader decides")
    slow_dates: list[str] = []
    if ctx.date_col is not None and totals["dq"]:
        slow_dates = [
            str(v) for (v,) in con.execute(f"SELECT DISTINCT _d FROM {ctx.body} WHERE _d IS NOT NULL").fetchall()
        ]
    return _Scan(distinct, candidates, nonblank_unnamed, slow_dates, counts)


def _parse(ctx: _Ctx, scan: _Scan, c: int, key: str | None) -> list[Cell]:
    custom = ctx.book.column_mapping(key, ctx.headers[c])
    return [parse_cell(v, ctx.book, custom, key) for v in scan.distinct[c][0]]


def _check_labels(ctx: _Ctx, scan: _Scan) -> tuple[dict[int, ColumnMatch], dict[int, list[Cell]]]:
    """Each element column checked against the labels its answers carry (positional U8/U9 follow them)."""
    instrument, headers = ctx.instrument, ctx.headers
    final: dict[int, ColumnMatch] = dict(ctx.matches)
    parsed = {c: _parse(ctx, scan, c, m.key) for c, m in ctx.matches.items()}
    if ctx.mapped:
        return final, parsed
    for c, m in list(final.items()):
        checked = label_check(instrument, m, label_element(parsed[c], scan.distinct[c][1]))
        if checked is None:
            continue
        used, params = checked
        if used is not m:
            final[c] = used
            parsed[c] = _parse(ctx, scan, c, used.key)
        ctx.issues.append(
            ctx.issue(
                IssueCode.HEADER_LABEL_MISMATCH,
                Severity.WARNING,
                column=shorten(headers[c], 60),
                letter=column_letter(c),
                params=params,
            )
        )
    return final, parsed


def _decide_columns(ctx: _Ctx, scan: _Scan) -> _Decided:
    """What each distinct value means (Python, once per distinct value) and the column decisions."""
    instrument, headers, width, issue = ctx.instrument, ctx.headers, ctx.width, ctx.issue
    final, parsed = _check_labels(ctx, scan)
    if any(c in final for c in ctx.group_cols) or (ctx.date_col is not None and ctx.date_col in final):
        raise Fallback("a grouping or date column turned out to be an element")
    by_key: dict[str, list[int]] = {}
    for c, m in sorted(final.items()):
        by_key.setdefault(m.key, []).append(c)
    for key, cols in by_key.items():
        if len(cols) > 1:
            ctx.issues.append(
                issue(
                    IssueCode.DUPLICATE_ELEMENT,
                    params={
                        "element": key.upper(),
                        "columns": ", ".join(f"'{headers[c]}' ({column_letter(c)})" for c in cols),
                    },
                )
            )
    missing = [k.upper() for k in instrument.question_keys if k not in by_key]
    if missing:
        ctx.issues.append(
            issue(IssueCode.MISSING_ELEMENTS, params={"codes": ", ".join(missing), "k": len(instrument.question_keys)})
        )
    element_cols = [c for c in range(width) if c in final]
    distinct = scan.distinct
    attr_cols = [
        c
        for c in range(width)
        if c not in final
        and (headers[c] or c in scan.nonblank_unnamed or (c in distinct and _has_value(distinct[c][0])))
    ]
    beyond = [c for c in attr_cols if code_beyond(headers[c], instrument) is not None]
    if beyond:
        ctx.issues.append(
            issue(
                IssueCode.CODES_BEYOND_INSTRUMENT,
                Severity.WARNING,
                params={
                    "columns": ", ".join(f"'{shorten(headers[c], 20)}' ({column_letter(c)})" for c in beyond),
                    "instrument": instrument.key,
                    "count": len(instrument.elements),
                },
            )
        )
    # the date column is an attribute column's profile (after deduplication, as the reference names them)
    attr_names = unique_names([headers[c] or f"kolom {column_letter(c)}" for c in attr_cols])
    date_attr = next((c for c, name in zip(attr_cols, attr_names, strict=True) if match_profile(name) == "date"), None)
    if date_attr != ctx.date_found:
        raise Fallback("date column")
    return _Decided(final, parsed, by_key, element_cols, attr_cols, attr_names)


def _meanings(ctx: _Ctx, scan: _Scan, cols: _Decided) -> _Meaning:
    """What each distinct value of an element column means for the tallies."""
    meaning: _Meaning = {}
    for c in cols.element_cols:
        key = cols.final[c].key
        mismatch = any(i.code is IssueCode.HEADER_LABEL_MISMATCH and i.letter == column_letter(c) for i in ctx.issues)
        table: dict[object, tuple[int | None, bool, int]] = {}
        for u, (value, cell) in enumerate(zip(scan.distinct[c][0], cols.parsed[c], strict=True)):
            if value is None or cell.blank:
                continue
            foreign = bool(cell.elements) and key not in cell.elements and not mismatch
            valid = cell.score is not None and not foreign
            table[value] = (cell.score if valid else None, (cell.code is not None or foreign) and not valid, u)
        meaning[c] = table
    return meaning


def _tally(
    ctx: _Ctx, counts: _Counts, meaning: _Meaning, key_of: dict[int, str]
) -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], dict[str, list[int]]], int]:
    """Respondents, tallies and invalid-cell counts per group, from the counted values (a value with a
    meaning is never blank, so its row is a respondent's)."""
    low = ctx.instrument.scale_min
    size = ctx.instrument.scale_max - low + 1
    resp: dict[tuple[str, ...], int] = {}
    tallies: dict[tuple[str, ...], dict[str, list[int]]] = {}
    invalid_total = 0
    for raw, n in counts.respondents.items():
        if not n:
            continue
        g = _group_label(raw, ctx.g_names, ctx.group_name)
        resp[g] = resp.get(g, 0) + n
        per_key = tallies.setdefault(g, {})
        for c, per_value in counts.values.get(raw, {}).items():
            table = meaning[c]
            for value, m in per_value.items():
                hit = table.get(value)
                if hit is None:
                    continue  # blank
                score, bad, _ = hit
                if bad:
                    invalid_total += m
                elif score is not None and c in key_of:
                    per_key.setdefault(key_of[c], [0] * size)[score - low] += m
    return resp, tallies, invalid_total


def _invalid_cells(ctx: _Ctx, where: str, cols: _Decided, meaning: _Meaning) -> list[Issue]:
    """The first ``limit`` invalid cells with their rows (a scan; only called when there are invalid cells)."""
    con, limit, element_cols, instrument = ctx.con, ctx.limit, cols.element_cols, ctx.instrument
    low = instrument.scale_min
    cell_issues: list[Issue] = []
    tests = []
    for c in element_cols:
        ctx.value_table(f"bad{c}", c, [v for v, (_, bad, _) in meaning[c].items() if bad])
        tests.append(f"e{c} IN (SELECT v FROM bad{c})")
    flags_sql = ", ".join(f"coalesce({t}, false) AS x{c}" for t, c in zip(tests, element_cols, strict=True))
    values_sql = ", ".join(f"e{c}" for c in element_cols)
    got = con.execute(
        f"SELECT * FROM (SELECT _r, {flags_sql}, {values_sql} FROM {ctx.body} WHERE {where}) "
        f"WHERE {' OR '.join(f'x{c}' for c in element_cols)} ORDER BY _r LIMIT {int(limit)}"
    ).fetchall()
    k = len(element_cols)
    for record in got:
        r = int(record[0])
        for j, c in enumerate(element_cols):
            if len(cell_issues) >= limit or not record[1 + j]:
                continue
            value = record[1 + k + j]
            u = meaning[c][value][2]
            key = cols.final[c].key
            cell = cols.parsed[c][u]
            cell_issues.append(
                ctx.issue(
                    cell.code if cell.code is not None else IssueCode.UNKNOWN_LABEL,
                    row=r,
                    column=shorten(ctx.headers[c], 60),
                    letter=column_letter(c),
                    value=shorten(value),
                    params={
                        "low": low,
                        "high": instrument.scale_max,
                        "mid": low + 1,
                        "element": element_name(instrument, key),
                        "expected": ctx.book.expected(key),
                    },
                )
            )
    return cell_issues


def _rows_after_summary(
    ctx: _Ctx, summary_from: int, labelled: list[tuple[str, int]], cols: _Decided, meaning: _Meaning
) -> list[Issue]:
    """Rows below the summary block that look like respondents (a scan, only when there is a summary block)."""
    for c in cols.element_cols:
        ctx.value_table(f"ok{c}", c, [v for v, (score, _, _) in meaning[c].items() if score is not None])
    labelled_values = [v for v, _ in labelled]
    placeholders = ", ".join("?" for _ in labelled_values)
    all_valid = " AND ".join(f"coalesce(e{c} IN (SELECT v FROM ok{c}), false)" for c in cols.element_cols)
    tail = ctx.con.execute(
        f"SELECT _r FROM {ctx.body} WHERE _nb AND _r >= {summary_from} "
        f"AND (_fc IS NULL OR _fc NOT IN ({placeholders})) AND {all_valid} ORDER BY _r",
        labelled_values,
    ).fetchall()
    return [ctx.issue(IssueCode.ROW_AFTER_SUMMARY, Severity.WARNING, row=int(r)) for (r,) in tail]


def _run(
    con: duckdb.DuckDBPyConnection,
    source_sql: str,
    columns: list[_Column],
    head: _Head,
    *,
    source: str,
    sheet: str | None,
    instrument: Instrument,
    book: LabelBook,
    invalid: InvalidPolicy,
    group_by: tuple[str, ...],
    group_name: str | None,
    limit: int,
    strict: bool,
) -> EngineRead:
    ctx = _prepare(
        con, source_sql, columns, head, source=source, sheet=sheet, instrument=instrument, book=book,
        group_by=group_by, group_name=group_name, limit=limit,
    )  # fmt: skip
    ctx.known = _known_values(head, columns, [*ctx.kept_cols, *ctx.worded])
    if ctx.worded:  # the worded columns' common values judged once (the same test, in DuckDB)
        assert ctx.not_answer is not None
        for c in ctx.worded:
            if c == ctx.date_col:
                continue  # dates rarely repeat: DuckDB certifies them instead
            values = [v for v in ctx.known[c] if isinstance(v, str)]
            got = con.execute(
                f"SELECT v, coalesce({ctx.not_answer.format(v='v')}, false) FROM (SELECT unnest(?::VARCHAR[]) AS v)",
                [values],
            ).fetchall()
            ctx.verdicts[c] = {str(v): bool(x) for v, x in got}
        _build_scan_sql(ctx)
    scan = _first_scan(ctx)
    cols = _decide_columns(ctx, scan)
    meaning = _meanings(ctx, scan, cols)
    issues = ctx.issues

    labelled = [(v, r) for v, r in scan.candidates if is_summary_label(v)]
    summary_from = min((r for _, r in labelled), default=None)
    counts = scan.counts
    if summary_from is not None:  # rows from the summary block on are never respondents: a second scan
        counts = _count(ctx, f"_r < {summary_from}")
    data_cols = [cols.by_key[k][0] for k in instrument.question_keys if k in cols.by_key]
    key_of = {c: cols.final[c].key for c in data_cols}
    resp, counts_by_key, invalid_total = _tally(ctx, counts, meaning, key_of)
    keep = "_a"
    before_summary = f"_r < {summary_from}" if summary_from is not None else "true"
    cell_issues = _invalid_cells(ctx, f"{keep} AND {before_summary}", cols, meaning) if invalid_total else []
    if cols.element_cols and summary_from is not None:
        issues.extend(_rows_after_summary(ctx, summary_from, labelled, cols, meaning))
    issues.extend(cell_issues)

    date_total = 0
    date_col = ctx.date_col
    if date_col is not None and scan.slow_dates:
        date_total, date_issues = _date_issues(
            con, ctx.body, f"{keep} AND {before_summary}", scan.slow_dates, source_sql, columns[date_col],
            ctx.first_data, limit, ctx.headers[date_col], date_col, ctx.issue,
        )  # fmt: skip
        issues.extend(date_issues)

    size = instrument.scale_max - instrument.scale_min + 1
    zero = [0] * size
    groups = {
        g: GroupTally(
            n,
            {
                key_of[c]: Tally(tuple(counts_by_key.get(g, {}).get(key_of[c], zero)), instrument.scale_min)
                for c in data_cols
            },
        )
        for g, n in resp.items()
    }
    group_cols = ctx.group_cols
    group_names = tuple(cols.attr_names[cols.attr_cols.index(c)] for c in group_cols) if group_cols else ()
    if group_name is not None and not group_cols:
        group_names = ("berkas",)
    read = EngineRead(
        source,
        sheet,
        ctx.hr + 1,
        TallySet(instrument, group_names, groups),
        issues,
        invalid_total,
        date_total,
        {c: cols.final[c].key for c in cols.element_cols},
    )
    if read.respondents == 0:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    hook = ROWS_HOOK.get()
    if hook is not None:
        read.rows = hook(ctx, scan, cols, meaning, summary_from)
    if not strict:
        return read
    fatal = [i for i in issues if i.code in (IssueCode.MISSING_ELEMENTS, IssueCode.DUPLICATE_ELEMENT)]
    if fatal:
        raise SkmError(IssueCode.BAD_COLUMNS, ExitCode.INVALID_DATA, issues=fatal, file=source)
    if invalid_total and invalid is InvalidPolicy.ERROR:
        raise SkmError(
            IssueCode.INVALID_DATA, ExitCode.INVALID_DATA, issues=cell_issues, file=source, count=invalid_total
        )
    return read


def _same_day(a: object, b: object) -> bool:
    """calamine gives a date for a midnight date-time that fastexcel gives as a date-time."""
    return isinstance(a, datetime) and type(b) is date and a == datetime(b.year, b.month, b.day)


_SCALE_SHARE = 0.9  # the reader's share of scale answers that makes a profile-named column a question


def _not_answer_sql(instrument: Instrument, book: LabelBook) -> str | None:
    """A DuckDB test (``{v}`` the cell) true only for text that :func:`parse_cell` can never score:
    text starting with a number of three digits or more (above any scale), or ASCII text without
    digits that starts with two letters and holds a word no label of the instrument uses.
    ``None`` when that cannot be proven for this instrument (a unit's own labels, labels with digits
    or other characters, a scale reaching 100)."""
    words: set[str] = set()
    for label in book.by_label:
        words.update(label.split())
    for key in book.by_key.values():
        for label in key:
            words.update(label.split())
    if book.custom or book.custom_columns or instrument.scale_max >= 100 or instrument.scale_min < 0:
        return None
    if any(not w.isascii() or not w.isalpha() for w in words):
        return None
    for variant in [*_ALIASES, *_WORD_FIXES]:
        words.update(w for w in variant.split() if w.isascii() and w.isalpha())
    # every run of letters one of the words (RE2 regexes: a split into a list per row costs 4× more)
    vocabulary = "(?i)[^a-z]*(?:(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")(?:[^a-z]+|$))*"
    number = "regexp_matches({v}, '^[ \t]*[1-9][0-9][0-9]')"
    text = (
        "(regexp_full_match({v}, '[ ]*[A-Za-z][A-Za-z][\x20-\x2f\x3a-\x7e]*') "
        f"AND NOT regexp_full_match({{v}}, {_sql_str(vocabulary)}))"
    )
    return f"(CASE WHEN {number} THEN true ELSE {text} END)"


def _has_value(values: list[object]) -> bool:
    return any(not is_blank(v) for v in values)


def _date_issues(
    con: duckdb.DuckDBPyConnection,
    body: str,
    keep: str,
    slow: list[str],
    source_sql: str,
    column: _Column,
    first_data: int,
    limit: int,
    header: str,
    c: int,
    issue: Any,
) -> tuple[int, list[Issue]]:
    """Rows whose date cannot be read, as the reference decides: the column is a date column
    unless more than half of its distinct non-blank values fail."""
    parsed, _ = parse_date_column(slow)
    failed = [v for v, d in zip(slow, parsed, strict=True) if d is None]
    if not failed:
        return 0, []
    if 2 * len(failed) > len(slow):  # the certainly-valid values count too: count them exactly
        q = _quote(column.name)
        distinct_total = _scalar(
            con,
            f"SELECT count(DISTINCT {q}) FROM ({source_sql}) WHERE _r >= {first_data} AND NOT {_blank_sql(column)}",
        )
        if 2 * len(failed) > distinct_total:
            return 0, []
    con.execute("CREATE TEMP TABLE bad_dates (v VARCHAR)")
    con.executemany("INSERT INTO bad_dates VALUES (?)", [(v,) for v in failed])
    where = f"{keep} AND _d IN (SELECT v FROM bad_dates)"
    total = _scalar(con, f"SELECT count(*) FROM {body} WHERE {where}")
    got = con.execute(f"SELECT _r, _d FROM {body} WHERE {where} ORDER BY _r LIMIT {int(limit)}").fetchall()
    issues = [
        issue(
            IssueCode.INVALID_DATE,
            Severity.WARNING,
            row=int(r),
            column=shorten(header, 60),
            letter=column_letter(c),
            value=shorten(value),
        )
        for r, value in got
    ]
    return total, issues


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    got = con.execute(sql).fetchone()
    return int(got[0]) if got is not None and got[0] is not None else 0


def _group_label(values: Sequence[object], g_exprs: list[str], group_name: str | None) -> tuple[str, ...]:
    if not g_exprs:
        return (group_name,) if group_name is not None else ()
    return tuple(
        "(kosong)" if v is None or (isinstance(v, float) and math.isnan(v)) or not str(v).strip() else str(v).strip()
        for v in values
    )


def _group_columns(group_by: tuple[str, ...], names: list[str], width: int) -> list[int]:
    """Attribute columns named by ``group_by`` (header, case- and space-insensitive, or profile word)."""
    out = []
    for wanted_raw in group_by:
        wanted = " ".join(wanted_raw.lower().split())
        hit = next((c for c in range(width) if " ".join(names[c].lower().split()) == wanted), None)
        if hit is None:
            canonical = match_profile(wanted)
            hit = next((c for c in range(width) if canonical and match_profile(names[c]) == canonical), None)
        if hit is None:
            raise Fallback(f"group column {wanted_raw}")
        out.append(hit)
    return out


def _date_column_index(names: list[str], width: int, matches: dict[int, ColumnMatch]) -> int | None:
    return next((c for c in range(width) if c not in matches and match_profile(names[c]) == "date"), None)


def read_many_engine(
    paths: Sequence[Path],
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    labels: LabelBook | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    by: str | None = None,
    sheet: str | int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[TallySet, list[EngineRead]]:
    """Read files with the engine and pool their tallies: per ``by`` column, else per file (``berkas``)
    when there are several, as :func:`skm.readers.combine.read_many` groups them.

    Every file is read before failing, so the error lists the problems of all files at once.
    Raises :class:`Fallback` as soon as one file needs the reference reader.
    """
    names = unique_names([p.name for p in paths])
    reads: list[EngineRead] = []
    failures: list[SkmError] = []
    for path, name in zip(paths, names, strict=True):
        try:
            reads.append(
                read_tallies_engine(
                    path,
                    instrument=instrument,
                    labels=labels,
                    invalid=invalid,
                    group_by=(by,) if by else (),
                    group_name=name if len(paths) > 1 and not by else None,
                    sheet=sheet,
                    limit=limit,
                )
            )
        except SkmError as exc:
            failures.append(exc)
    if failures:
        raise combined_failure(failures)
    pooled = reads[0].tallies
    for read in reads[1:]:
        if read.tallies.group_by != pooled.group_by:
            raise Fallback("files group differently")
        pooled = pooled + read.tallies
    return pooled, reads
