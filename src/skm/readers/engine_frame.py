"""Large CSV files read by the engine into the reference reader's :class:`Responses`, for ``skm report``
and ``skm stats``.

The engine (:mod:`skm.readers.engine`) decides everything on the header and on each element column's
distinct values, and tallies in one scan. Reports and statistics need more than tallies: the
respondents' answers (Cronbach's alpha, item-total correlations, bootstrap intervals, the appendix
table) and the profile columns (gender, age, education, service, date, suggestions). The file is parsed
once: :class:`_RowsHook` (:data:`~skm.readers.engine.ROWS_HOOK`) parses its records into an Arrow table
(by pyarrow's multi-threaded reader when :func:`arrow_records` can vouch for the records of the
engine's ``read_csv``, else by DuckDB's parallel reader; no window: numpy numbers the records,
:func:`numbered`) that every query of the read then runs on, and at the end of the read builds the rows from it: each
element column scored by its bytes when its answers are typed as one byte each ("1" … "4": a table of
128 entries, :func:`_single_byte_scores`), else dictionary-encoded once and scored by a lookup per
distinct value (numpy), the answers as int8 with a mask (9 MB for 1 M × 9), no Python object per
answer cell. A thread imports numpy, pyarrow, DuckDB, pandas and what the caller runs next
(``preload``), started before the file's first rows are read: the parse starts once pyarrow is
imported, DuckDB's import runs beside it and the connection is made after it. The attribute
columns come as the reference holds them (the table's text, ``None`` where blank), the date column as
datetimes, parsed by DuckDB where it can certify an ISO timestamp and by
:func:`~skm.core.periods.parse_date_column` for the other distinct values, with the reference's rule
that a column whose distinct values are mostly not dates stays text.

Only CSV/TSV files whose columns are all read as text go this way (the reference's grid holds the
same strings); anything else raises :class:`~skm.readers.engine.Fallback` and the caller reads with the
reference reader. ``tests/test_engine_frame.py`` compares both paths' frames, reports and statistics.
"""

from __future__ import annotations

import codecs
import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.periods import parse_date_column
from skm.errors import InvalidPolicy, Issue
from skm.readers.cells import LabelBook
from skm.readers.engine import (
    ROWS_HOOK,
    EngineRead,
    Fallback,
    _blank_sql,
    _quote,
    int64_array,
    read_tallies_engine,
)
from skm.readers.files import CSV_SUFFIXES, DELIMITERS, column_letter, is_blank
from skm.readers.headers import match_profile
from skm.readers.inthread import InThread
from skm.readers.responses import ColumnInfo, Responses

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["ISSUE_LIMIT", "read_responses_engine"]

# the engine keeps the first ``limit`` invalid cells and unreadable dates; the reference keeps them all
ISSUE_LIMIT = 10_000_000


def read_responses_engine(
    path: str | Path,
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    labels: LabelBook | None = None,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    preload: Sequence[str] = (),
) -> Responses:
    """``path`` (a large CSV) read by the engine into :class:`Responses`, equal to what
    :func:`skm.readers.table.read_responses` gives (or :class:`Fallback`).

    The modules the frame needs (numpy, pyarrow, DuckDB, pandas), then ``preload`` (modules the caller
    needs next), are imported in a thread while the file's first rows are read and the file is parsed and
    scanned (pyarrow and DuckDB release the GIL): the read returns once they are imported, and raises what
    an import raised."""
    path = Path(path)
    if path.suffix.lower() not in CSV_SUFFIXES:
        raise Fallback("the engine's frame is built for CSV files only")
    hook = _RowsHook([*_FRAME_MODULES, *preload])
    token = ROWS_HOOK.set(hook)
    try:
        read = read_tallies_engine(path, instrument=instrument, labels=labels, invalid=invalid, limit=ISSUE_LIMIT)
    finally:
        ROWS_HOOK.reset(token)
        hook.wait()
    hook.imported()
    responses = _responses(read, instrument)
    del read
    hook.table = None
    # the parse's and the scans' freed Arrow memory back to the system, not kept for later allocations
    importlib.import_module("pyarrow").default_memory_pool().release_unused()
    return responses


def _responses(read: EngineRead, instrument: Instrument) -> Responses:
    import pandas as pd  # noqa: PLC0415

    rows: _Rows = read.rows
    data: dict[str, Any] = dict(rows.answers)
    data.update(rows.attributes)
    frame = pd.DataFrame(data, index=pd.Index(rows.row_numbers, name="row"), copy=False)
    profile: dict[str, str] = {}
    for name in rows.attributes:
        canonical = match_profile(name)
        if canonical is not None and canonical not in profile:
            profile[canonical] = name
    issues: list[Issue] = list(read.issues)  # in the reference's order (tests/test_engine.py)
    return Responses(
        frame=frame,
        instrument=instrument,
        source=read.source,
        sheet=read.sheet,
        header_row=read.header_row,
        columns=rows.columns,
        issues=issues,
        profile=profile,
    )


class _Rows:
    """What the hook fetched: the respondents' rows, answers, attributes and column descriptions."""

    def __init__(
        self,
        row_numbers: np.ndarray,
        answers: dict[str, pd.api.extensions.ExtensionArray],
        attributes: dict[str, Any],
        columns: list[ColumnInfo],
    ) -> None:
        self.row_numbers = row_numbers
        self.answers = answers
        self.attributes = attributes
        self.columns = columns


# the name of a CSV's records, parsed once (by pyarrow or DuckDB) and kept as Arrow (text columns, ``_r`` first)
_TABLE = "skm_records"
# what the frame imports (in this order) while the file is parsed: pyarrow, which the parse needs at once
# (pyarrow's reader, DuckDB's result), after numpy (both import it); DuckDB, needed once the file is
# parsed (imported beside the parse, not before it: about 0.1 s sooner on the 1 M-row report); pandas last
# (DuckDB's register waits for an import of pandas in progress)
_FRAME_MODULES = ("numpy", "pyarrow", "pyarrow.compute", "duckdb", "pandas")


class _RowsHook:
    """:data:`~skm.readers.engine.ROWS_HOOK` of one read: the CSV's records parsed once into an Arrow
    table, which the engine's scans read instead of the file and from which the respondents' rows come."""

    def __init__(self, modules: Sequence[str] = _FRAME_MODULES) -> None:
        self.table: Any = None
        self.modules = list(modules)
        self.importing: InThread | None = None
        self.parser = ""  # which parsed the records: "pyarrow" or "duckdb" (the tests look)

    def preload(self) -> None:
        """Import the modules in a thread (started once: the serial reader may parse again). An import
        another thread needs meanwhile waits for this one's (Python's import lock) or makes it itself."""
        if self.importing is None:
            self.importing = InThread(lambda: [importlib.import_module(name) for name in self.modules])

    def source(
        self, connect: Callable[[], Any], records_sql: str, *, path: Path, delimiter: str, width: int
    ) -> tuple[Any, str]:
        """Parse the file once and number its records: by pyarrow when :func:`arrow_records` can vouch
        for the same records as ``records_sql`` (the engine's ``read_csv``), else by DuckDB, on a
        connection made (``connect()``) once pyarrow has parsed, while the modules are imported."""
        self.preload()
        # (declined once, declined again: the serial reader's second parse goes straight to DuckDB)
        table = None if self.parser == "duckdb" else arrow_records(path, delimiter, width)
        self.parser = "duckdb" if table is None else "pyarrow"
        con = connect()
        try:
            if table is None:
                table = con.sql(records_sql).to_arrow_table()
            self.table = numbered(table)
            con.register(_TABLE, self.table)
        except BaseException:
            con.close()
            raise
        return con, f"SELECT * FROM {_TABLE}"

    def __call__(
        self,
        ctx: Any,
        scan: Any,
        cols: Any,
        meaning: dict[int, dict[object, tuple[int | None, bool, int]]],
        summary_from: int | None,
    ) -> _Rows:
        if self.table is None:
            raise Fallback("the engine's frame is built from a CSV parsed once")
        return _respondent_rows(ctx, scan, cols, meaning, summary_from, self.table)

    def wait(self) -> None:
        """Wait for the imports, if started."""
        if self.importing is not None:
            self.importing.wait()

    def imported(self) -> None:
        """Wait for the imports, if started, and raise what they raised."""
        if self.importing is not None:
            self.importing.result()


# what DuckDB refuses as one line (its default max_line_size): a longer record is an error there
_DUCKDB_MAX_LINE = 2 << 20
# the bytes read at a time by the scan of quotes and line ends (not the whole file: the resident size)
_SCAN_BYTES = 8 << 20
_QUOTE, _CR, _LF = ord('"'), ord("\r"), ord("\n")


def arrow_records(path: Path, delimiter: str, width: int) -> Any:
    """The CSV's records parsed by pyarrow (in parallel, no Python object per cell), as DuckDB's
    ``read_csv`` of :func:`~skm.readers.engine.csv_records_sql` gives them (``c0`` … text columns,
    empty or ``""`` cells NULL, blank lines skipped, the BOM dropped), or ``None`` when they might differ:

    - the file's quotes or line ends are not plain (:func:`plain_csv`): DuckDB trims the spaces around
      a quoted value, refuses text after a closing quote, mixed line ends or a lone CR where pyarrow reads
      on; a one-column file (DuckDB reads a blank line as a NULL record);
    - pyarrow refuses the file: a record with fewer fields than ``width`` (DuckDB pads it with NULL) or
      more, invalid UTF-8, an empty file;
    - a record might reach DuckDB's longest line (an error there).

    A file longer than one chunk of the scan is parsed (in a thread: pyarrow and numpy release the GIL)
    while the scan reads on past its first chunk, where most files that are not plain show it; the
    parse is then dropped if the scan declines. pyarrow is told that values may hold line breaks only
    when the scan saw one inside a quoted value (told there are none, its reader cuts the file into
    blocks at line ends without following the quotes: about a quarter less CPU); a line break in a quoted value
    found after the first chunk drops the parse beside the scan, and the file is parsed again, told.
    ``tests/test_engine_arrow.py`` compares both parsers on generated bytes."""
    if width < 2 or len(delimiter) != 1 or delimiter not in DELIMITERS:
        return None
    parses: list[tuple[InThread, bool]] = []  # the parse started beside the scan, if any, and what it was told

    def start(scan: _PlainScan) -> None:
        newlines = scan.quoted_newline
        parses.append((InThread(lambda: arrow_parse(path, delimiter, width, newlines_in_values=newlines)), newlines))

    try:
        scan = _plain_scan(path, delimiter, start)
    except BaseException:
        for parse, _ in parses:
            parse.wait()
        raise
    if parses:
        parse, told = parses[0]
        if scan is not None and scan.quoted_newline and not told:
            parse.wait()
            table = arrow_parse(path, delimiter, width, newlines_in_values=True)
        else:
            table = parse.result()
    else:
        table = (
            arrow_parse(path, delimiter, width, newlines_in_values=scan.quoted_newline) if scan is not None else None
        )
    if scan is None or table is None:  # (columns c0 … as text: named and typed as asked)
        return None
    if table.num_rows and not _short_records(table, scan.quotes) and _longest_record(table) >= _DUCKDB_MAX_LINE:
        return None
    return table


def arrow_parse(path: Path, delimiter: str, width: int, *, newlines_in_values: bool = True) -> Any:
    """pyarrow's parse of the CSV with DuckDB's options (``None`` where pyarrow refuses it), without
    :func:`arrow_records`' checks that it gives DuckDB's records. ``newlines_in_values=False`` only for
    a file with no line break inside a quoted value (:attr:`_PlainScan.quoted_newline`)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pcsv  # noqa: PLC0415

    names = [f"c{c}" for c in range(width)]
    try:
        return pcsv.read_csv(
            path,
            read_options=pcsv.ReadOptions(column_names=names),
            parse_options=pcsv.ParseOptions(
                delimiter=delimiter,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=newlines_in_values,
                ignore_empty_lines=True,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except pa.ArrowException:  # a parse error (ArrowInvalid) above all: DuckDB parses, or says why not
        return None


def _short_records(table: Any, quotes: int, limit: int = _DUCKDB_MAX_LINE) -> bool:
    """Whether every record of a CSV with ``quotes`` quotes (all of them plain) is shorter than DuckDB's
    longest line (``limit`` bytes): in each batch of records, the bytes of all its cells, the file's
    quotes, delimiters and line ends (with a BOM) are fewer. (Cheaper than :func:`_longest_record`: two
    offsets per column and batch, no pass over the rows.)"""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    if not all(pa.types.is_string(kind) for kind in table.schema.types):
        return False
    for batch in table.to_batches():
        size = quotes + batch.num_columns + 5
        for column in batch.columns:
            offsets = column.buffers()[1]
            if offsets is None or not len(column):
                continue
            ends = np.frombuffer(offsets, dtype=np.int32, count=len(column) + 1, offset=4 * column.offset)
            size += int(ends[-1]) - int(ends[0])
        if size >= limit:
            return False
    return True


def _longest_record(table: Any) -> int:
    """A bound on the file's longest record, in bytes: each cell quoted with its quotes doubled, the
    delimiters and a CRLF."""
    import pyarrow.compute as pc  # noqa: PLC0415

    longest = 0
    for column in table.columns:
        most = pc.max(pc.binary_length(column)).as_py()
        longest += 2 * (most or 0) + 3
    return longest + 2


def plain_csv(path: Path, delimiter: str, started: Callable[[_PlainScan], object] | None = None) -> bool:
    """Whether the CSV's quotes and line ends are plain, where pyarrow's parser and DuckDB's agree:

    - every quoted value is a whole field: its opening quote starts a field (at the start of the
      file, after its BOM, a delimiter or a line end), its closing quote ends one (followed by a
      delimiter, a line end or the end of the file), the quotes inside it doubled; no quote elsewhere;
    - the records end the same way, the way the file's first CR or LF says (in a quoted value or not:
      so DuckDB decides): all LF and no CR anywhere (DuckDB refuses a quoted CR there), or all CRLF
      outside the quoted values (no lone CR or LF between records; inside, any).

    Quotes pair greedily from the left, so a quote opens a value exactly when an even number of quotes
    precede it and it follows no quote, closes one when an odd number precede it and no quote follows
    it, and any other byte lies inside a quoted value when an odd number precede it: checked on the
    positions of the quotes (numpy), a chunk of the file at a time. ``started`` is called once, with
    the scan so far, when the first chunk was plain and more follow."""
    return _plain_scan(path, delimiter, started) is not None


def _plain_scan(path: Path, delimiter: str, started: Callable[[_PlainScan], object] | None) -> _PlainScan | None:
    """:func:`plain_csv`'s scan of the file when it is plain (its count of quotes), else ``None``."""
    scan = _PlainScan(delimiter)
    buffer = bytearray(_SCAN_BYTES)
    with path.open("rb") as f:
        if f.read(3) != codecs.BOM_UTF8:
            f.seek(0)
        while n := f.readinto(buffer):
            following = f.peek(1)[:1]
            if not scan.chunk(buffer, n, following):
                return None
            if started is not None and following:
                started(scan)
                started = None
    return scan if scan.quotes % 2 == 0 and not scan.open_cr else None


class _PlainScan:
    """:func:`plain_csv` on a file read a chunk at a time."""

    def __init__(self, delimiter: str) -> None:
        import numpy as np  # noqa: PLC0415

        self.delim = ord(delimiter)
        # what may precede a value's opening quote or follow its closing one (a quote: one of a doubled pair)
        self.ends = np.zeros(256, dtype=bool)
        self.ends[[self.delim, _CR, _LF, _QUOTE]] = True
        self.quotes = 0  # the quotes before the chunk
        self.crlf: bool | None = None  # whether the records end with CRLF (None before the first line end)
        self.last = _LF  # the byte before the chunk (at the start of the file: a line end, for the quotes)
        self.closing = False  # the chunk before ended on a quote that closes a value if no quote follows
        self.open_cr = False  # the chunk before ended on a CR between records: an LF must follow
        self.quoted_newline = False  # whether a CR or LF so far lies inside a quoted value

    def chunk(self, buffer: bytearray, n: int, following: bytes) -> bool:
        """Whether the chunk (``buffer``'s first ``n`` bytes, then ``following``) keeps the file plain."""
        import numpy as np  # noqa: PLC0415

        first = buffer[0]
        if self.closing and first != _QUOTE and first not in (self.delim, _CR, _LF):
            return False
        cr = buffer.find(b"\r", 0, n)  # (find: memchr, faster than a count)
        if self.crlf is None:  # DuckDB's line end: the file's first CR or LF, in quotes or not, says
            lf = buffer.find(b"\n", 0, n)
            if cr >= 0 and (lf < 0 or cr < lf):
                if (buffer[cr + 1 : cr + 2] if cr + 1 < n else following) != b"\n":
                    return False  # lone CRs
                self.crlf = True
            elif lf >= 0:
                self.crlf = False
        if cr >= 0 and not self.crlf:
            return False
        b = np.frombuffer(buffer, dtype=np.uint8, count=n)
        at = np.flatnonzero(b == _QUOTE) if buffer.find(b'"', 0, n) >= 0 else np.empty(0, dtype=np.intp)
        plain = self._quotes(b, at) and (not self.crlf or self._crlf(b, at))
        if plain and not self.quoted_newline:
            self.quoted_newline = self._newline_quoted(b, at)
        self.quotes += int(at.size)
        self.last = buffer[n - 1]
        return plain

    def _quotes(self, b: np.ndarray, at: np.ndarray) -> bool:
        """Whether every quote at ``at`` opens a value at a field's start, closes one at a field's end or
        is one of a doubled pair (inside a value or of an opening run)."""
        import numpy as np  # noqa: PLC0415

        self.closing = False
        if not at.size:
            return True
        n = b.size
        odd = np.zeros(at.size, dtype=bool)  # an odd number of quotes before
        odd[1 - self.quotes % 2 :: 2] = True
        before = b[at - 1]  # a quote on the chunk's first byte: the byte before the chunk (below)
        if at[0] == 0:
            before[0] = self.last
        after = b[np.minimum(at + 1, n - 1)]
        self.closing = bool(at[-1] == n - 1 and odd[-1])
        return bool(self.ends[before[~odd]].all() and self.ends[after[odd & (at < n - 1)]].all())

    def _newline_quoted(self, b: np.ndarray, at: np.ndarray) -> bool:
        """Whether a CR or LF of the chunk lies inside a quoted value (an odd number of quotes before it).
        The quoted stretches of a chunk that starts outside one are checked first: when each is empty
        (``""``, or the quotes of a doubled pair), no line end is searched for."""
        import numpy as np  # noqa: PLC0415

        if self.quotes % 2 == 0:
            if not at.size:
                return False
            opens, closes = at[0::2], at[1::2]  # (a quote with an even number before it opens a stretch)
            if closes.size < opens.size:  # the last stretch runs on past the chunk
                closes = np.append(closes, b.size)
            if not (closes - opens > 1).any():
                return False
        ends = np.flatnonzero((b == _LF) | (b == _CR))
        return bool((((self.quotes + np.searchsorted(at, ends)) & 1) == 1).any())

    def _crlf(self, b: np.ndarray, at: np.ndarray) -> bool:
        """Whether the CRs and LFs between records (an even number of quotes before them) pair up."""
        import numpy as np  # noqa: PLC0415

        cr, lf = np.flatnonzero(b == _CR), np.flatnonzero(b == _LF)
        after_cr = cr[((self.quotes + np.searchsorted(at, cr)) & 1) == 0] + 1
        lfs = lf[((self.quotes + np.searchsorted(at, lf)) & 1) == 0]
        lf_first = bool(lfs.size and lfs[0] == 0)  # after the chunk before's last byte
        if self.open_cr != lf_first:
            return False
        self.open_cr = bool(after_cr.size and after_cr[-1] == b.size)
        return bool(np.array_equal(after_cr[: after_cr.size - self.open_cr], lfs[lf_first:]))


def numbered(table: Any) -> Any:
    """``table`` (the records of a CSV, in file order: pyarrow's reader keeps it, DuckDB preserves insertion
    order, with the parallel reader too) with their numbers first: ``_r``, 1 … n as int64 and chunked as the table, what
    ``row_number() OVER ()`` gives on the same query (a window that runs on one thread)."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    chunks, at = [], 1
    for chunk in table.column(0).chunks:
        chunks.append(int64_array(np.arange(at, at + len(chunk), dtype=np.int64)))
        at += len(chunk)
    return table.add_column(0, "_r", pa.chunked_array(chunks, type=pa.int64()))


def _respondent_rows(
    ctx: Any,
    scan: Any,
    cols: Any,
    meaning: dict[int, dict[object, tuple[int | None, bool, int]]],
    summary_from: int | None,
    table: Any,
) -> _Rows:
    """The respondents' rows of ``table`` (the file's records, registered on the engine's open
    connection). Each element column gives each row's score and whether it is answered
    (:func:`_element_scores`); the text columns are ``table``'s own Arrow strings at the respondents'
    rows, ``None`` where blank (:func:`_blanks_as_null`, on every record, in a thread while the element
    columns are scored)."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    if not all(c.text for c in ctx.columns):
        raise Fallback("the engine's frame needs every column read as text")
    instrument = ctx.instrument
    data_cols = [cols.by_key[k][0] for k in instrument.question_keys if k in cols.by_key]
    r = table.column("_r").to_numpy()  # 1 … n (numbered)
    # the dates DuckDB certifies (on every record, in the table's order), queried in a thread while the
    # element columns are encoded (DuckDB releases the GIL; nothing else uses the
    # connection meanwhile)
    date_name = next((n for n in cols.attr_names if match_profile(n) == "date"), None)
    date_col = cols.attr_cols[cols.attr_names.index(date_name)] if date_name is not None else None
    dating = None
    if date_col is not None:  # the dates DuckDB certifies as the engine does: printed back unchanged
        q = _quote(ctx.columns[date_col].name)
        # each value cast once (an inner projection), then printed back: years before 1000 (< '1') are
        # the reference's own reading ('0004' is 2004); a date (10 characters) printed back as a date
        cast = (
            f"CASE WHEN {q} < '1' THEN NULL WHEN length({q}) = 19 THEN TRY_CAST({q} AS TIMESTAMP) "
            f"WHEN length({q}) = 10 THEN CAST(TRY_CAST({q} AS DATE) AS TIMESTAMP) END"
        )
        printed = "CASE WHEN length(_v) = 19 THEN _t::VARCHAR ELSE _t::DATE::VARCHAR END"
        query = (
            f"SELECT _r, CASE WHEN {printed} = _v THEN _t END AS _dt "
            f"FROM (SELECT _r, {q} AS _v, {cast} AS _t FROM {_TABLE})"
        )
        dating = InThread(lambda: ctx.con.sql(query).to_arrow_table())
    # the text columns' blank cells, on every record (a cell's verdict is its own: the respondents' rows
    # are taken after), in a thread while the element columns are scored (pyarrow's kernels release the GIL)
    attr_names = [ctx.columns[c].name for c in cols.attr_cols]
    blanking = InThread(lambda: [_blanks_as_null(table.column(name)) for name in attr_names])
    try:
        keep = r >= ctx.first_data
        if summary_from is not None:
            keep &= r < int(summary_from)
        answered, scores = _element_scores(ctx, cols, meaning, data_cols, table)
    except BaseException:
        for thread in (dating, blanking):
            if thread is not None:
                thread.wait()
        raise
    blanking.wait()  # (both threads done before either's error is raised)
    certified = dating.result() if dating is not None else None
    blanked: list[Any] = blanking.result()
    keep &= answered
    at = np.flatnonzero(keep)
    contiguous = at.size == 0 or int(at[-1]) - int(at[0]) == at.size - 1
    first = int(at[0]) if at.size else 0

    def rows_of(column: Any) -> Any:
        return column.slice(first, at.size) if contiguous else column.take(pa.array(at))

    row_numbers = r[at]
    answers: dict[str, Any] = {}
    for c in data_cols:
        per_row = scores.pop(c)
        chosen = per_row[first : first + at.size] if contiguous else per_row[at]
        mask = chosen < 0
        answers[cols.final[c].key] = pd.arrays.IntegerArray(np.where(mask, np.int8(0), chosen), mask)
    if certified is not None and not np.array_equal(certified.column("_r").to_numpy(), r):
        raise Fallback("DuckDB returned the records in another order")
    attributes: dict[str, Any] = {}
    date_text = None
    for c, name, column in zip(cols.attr_cols, cols.attr_names, blanked, strict=True):
        text = rows_of(column)
        if c == date_col:
            date_text = text
        # as the reference's frame infers it: text, or objects (None) when the column is all blank
        attributes[name] = (
            np.full(len(text), None, dtype=object) if text.null_count == len(text) else pd.array(text, dtype="str")
        )
    if date_name is not None and date_col is not None:
        assert certified is not None
        # a date certified on any row below the header (a respondent's or not) makes the reference's
        # column microseconds even when every respondent's date is blank or unreadable
        below = certified.column("_dt").filter(pa.array(r >= ctx.first_data))
        dated = below.null_count < len(below)
        dates = _date_column(ctx, scan.slow_dates, date_col, date_text, rows_of(certified.column("_dt")), dated)
        if dates is not None:
            attributes[date_name] = dates
    return _Rows(row_numbers, answers, attributes, _column_infos(ctx, cols))


def _element_scores(
    ctx: Any,
    cols: Any,
    meaning: dict[int, dict[object, tuple[int | None, bool, int]]],
    data_cols: list[int],
    table: Any,
) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """Which records answer anything in an element column, and each question column's score on every
    record (int8; -1 when filled without one, -2 when blank): each element column dictionary-encoded,
    each distinct value looked up once, then numpy. (One column after the other: pyarrow's encoding
    holds the GIL most of the time, threads gain nothing.)"""
    import numpy as np  # noqa: PLC0415

    answered = np.zeros(table.num_rows, dtype=bool)
    scores: dict[int, np.ndarray] = {}
    for c in cols.element_cols:
        table_c = meaning[c] if c in data_cols else {}

        def score_of(v: str | None, table_c: dict[object, tuple[int | None, bool, int]] = table_c) -> int:
            """A distinct value's score: -1 when filled without one (or not a question), -2 when blank."""
            if v is None or is_blank(v):
                return -2
            s = table_c.get(v, (None, False, 0))[0]
            return -1 if s is None else s

        column = table.column(ctx.columns[c].name)
        per_row = _single_byte_scores(column, score_of)
        if per_row is None:  # each distinct value once
            codes, values = _encoded(column)
            per_row = np.array([score_of(v) for v in values], dtype=np.int8)[codes]
        answered |= per_row != -2
        if c in data_cols:
            scores[c] = per_row
    return answered, scores


def _single_byte_scores(column: Any, score_of: Callable[[str | None], int]) -> np.ndarray | None:
    """Each row's score (int8, ``score_of`` each cell) when nearly every filled cell of the text
    ``column`` is one byte (answers typed as digits, "1" … "4"), else ``None``: the bytes looked up in a
    table of the 128 one-byte values (a one-byte UTF-8 string is ASCII), no hashing; the few longer
    cells (the header, a title, a word) one by one. An empty or NULL cell is ``score_of(None)``. Between
    at most :data:`_RUNS` longer cells the bytes are taken as they lie (:func:`_one_byte_runs`: 9 columns
    of 1 M rows in 0.17 s instead of 0.27 s), else each row's byte is gathered by its offset."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    if not pa.types.is_string(column.type):
        return None
    try:
        cells = column.combine_chunks()  # (one pass over all rows; bytes: 1 per answer)
    except pa.ArrowException:  # more than 2 GiB of text: not one-byte answers
        return None
    m = len(cells)
    blank = score_of(None)
    if not m:
        return np.empty(0, dtype=np.int8)
    validity, offsets_buffer, data_buffer = cells.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32, count=m + 1, offset=4 * cells.offset)
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.empty(0, np.uint8)
    lengths = np.diff(offsets)
    one = lengths == 1
    filled = lengths > 0
    if cells.null_count:  # (a NULL cell's length may be anything: its validity says)
        bits = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), bitorder="little")
        valid = bits[cells.offset : cells.offset + m].view(bool)
        one &= valid
        filled &= valid
    longer = np.flatnonzero(filled & ~one)
    if longer.size > m // 16:
        return None  # (words: each distinct value looked up once)
    lut = np.full(256, blank, dtype=np.int8)
    lut[:128] = [score_of(chr(b)) for b in range(128)]
    # (a column without a byte is one run, so the gather below always has bytes to index)
    runs = _one_byte_runs(offsets, one, longer) if longer.size <= _RUNS else None
    if runs is not None:  # no gather: each run's bytes are its one-byte cells', in row order
        out = np.full(m, blank, dtype=np.int8)
        for a, b in runs:
            out[a:b][one[a:b]] = lut[data[int(offsets[a]) : int(offsets[b])]]
    else:
        start, end = int(offsets[0]), int(offsets[-1])
        at = np.minimum(offsets[:-1] - start, end - start - 1)  # (an empty cell last: any byte, not used)
        out = np.where(one, lut[data[start:end][at]], np.int8(blank)).astype(np.int8, copy=False)
    if longer.size:  # the header, a title, a few words among the digits
        known: dict[str, int] = {}
        words = cells.take(int64_array(longer.astype(np.int64, copy=False))).to_pylist()
        out[longer] = [known[v] if v in known else known.setdefault(v, score_of(v)) for v in words]
    return out


_RUNS = 64  # longer cells at most between which :func:`_single_byte_scores` takes the bytes as they lie


def _one_byte_runs(offsets: np.ndarray, one: np.ndarray, longer: np.ndarray) -> list[tuple[int, int]] | None:
    """The runs of rows between the ``longer`` cells (the header, a title) whose bytes are exactly their
    one-byte cells' (the other cells of the run empty, NULLs too), or ``None`` when a run's are not (a
    NULL cell spanning bytes: Arrow leaves them undefined)."""
    import numpy as np  # noqa: PLC0415

    runs, a = [], 0
    for row in [*longer.tolist(), len(one)]:
        if row > a:
            if int(offsets[row]) - int(offsets[a]) != int(np.count_nonzero(one[a:row])):
                return None
            runs.append((a, row))
        a = row + 1
    return runs


def _blanks_as_null(cells: Any) -> Any:
    """A text column with ``None`` for its blank cells (NULL, or whitespace only: :func:`is_blank`).
    Only a cell whose first character is whitespace can be blank: every whitespace character is below
    "!" or at least U+0085, and UTF-8 compares as code points, so most cells stop at a comparison and
    :func:`is_blank` judges the distinct others."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    maybe = pc.or_(pc.less(cells, "!"), pc.greater_equal(cells, "\u0085"))
    if not pc.any(maybe).as_py():  # NULL cells only (or none)
        return cells
    blank = [v for v in pc.unique(pc.filter(cells, maybe)).to_pylist() if is_blank(v)]
    if not blank:
        return cells
    return pc.if_else(pc.is_in(cells, value_set=pa.array(blank, cells.type)), pa.scalar(None, cells.type), cells)


def _encoded(column: Any) -> tuple[np.ndarray, list[str | None]]:
    """A text column as codes (numpy) and its distinct values (``None`` last, for NULL cells)."""
    import pyarrow as pa  # noqa: PLC0415

    encoded = column.dictionary_encode()
    values: list[str | None] = encoded.chunk(0).dictionary.to_pylist() if encoded.num_chunks else []
    indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks], type=pa.int32())
    codes = indices.fill_null(len(values)).to_numpy()
    return codes, [*values, None]


def _date_column(ctx: Any, slow: list[str], c: int, text: Any, certified: Any, dated: bool) -> Any:
    """The date column as datetimes (NaT where blank or unreadable), or ``None`` when most of its
    distinct values below the header are not dates (the reference then keeps the text): the values
    DuckDB certified (``certified``) and the others (``slow``: the first scan's distinct values of the
    column that DuckDB could not certify, on every row below the header) parsed by
    :func:`parse_date_column`, as the reference parses the column's distinct values. ``dated``: whether
    DuckDB certified a date on any row below the header; with it, or any of ``slow`` read as a date,
    the column is microseconds, else (no date anywhere) seconds, as pandas infers each."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    uncertified = pc.filter(text, pc.and_(pc.is_valid(text), pc.is_null(certified)))
    known = set(slow)
    slow = [*slow, *(v for v in pc.unique(uncertified).to_pylist() if v not in known)]
    parsed, _ = parse_date_column(slow)
    failed = sum(d is None for d in parsed)
    if failed and 2 * failed > len(slow):  # the certified values count too: count them exactly
        column = ctx.columns[c]
        distinct = ctx.con.execute(
            f"SELECT count(DISTINCT {_quote(column.name)}) FROM ({ctx.source_sql}) "
            f"WHERE _r >= {ctx.first_data} AND NOT {_blank_sql(column)}"
        ).fetchone()
        if 2 * failed > int(distinct[0]):
            return None
    data = certified.to_numpy(zero_copy_only=False).astype("datetime64[us]")
    slow_rows = pc.and_(pc.is_valid(text), pc.is_null(certified))
    where = np.flatnonzero(slow_rows.to_numpy(zero_copy_only=False))
    if where.size:
        nat = np.datetime64("NaT")
        lookup = {v: nat if d is None else np.datetime64(d, "us") for v, d in zip(slow, parsed, strict=True)}
        chosen = pd.Series(text.take(where).to_pylist(), dtype=object).map(lambda v: lookup.get(v, nat))
        data[where] = chosen.to_numpy(dtype="datetime64[us]")
    if not dated and all(d is None for d in parsed):
        return data.astype("datetime64[s]")  # as pandas infers a column without a single date
    return data


def _column_infos(ctx: Any, cols: Any) -> list[ColumnInfo]:
    """How each column was understood (as the reference's ``Responses.columns``)."""
    out: list[ColumnInfo] = []
    attr = set(cols.attr_cols)
    for c in range(ctx.width):
        if c in cols.final:
            m = cols.final[c]
            out.append(ColumnInfo(c, column_letter(c), ctx.headers[c], m.key, m.how, m.detail))
        elif c in attr:
            out.append(ColumnInfo(c, column_letter(c), ctx.headers[c], None, "attribute"))
    return out
