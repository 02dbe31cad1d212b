"""Large CSV files read by the engine into the reference reader's :class:`Responses`, for ``skm report``
and ``skm stats``.

The engine (:mod:`skm.readers.engine`) decides everything on the header and on each element column's
distinct values, and tallies in one scan. Reports and statistics need more than tallies: the
respondents' answers (Cronbach's alpha, item-total correlations, bootstrap intervals, the appendix
table) and the profile columns (gender, age, education, service, date, suggestions). The file is parsed
once: :class:`_RowsHook` (:data:`~skm.readers.engine.ROWS_HOOK`) runs the engine's ``read_csv`` (by
DuckDB's parallel reader, no window: numpy numbers the records, :func:`numbered`) into an Arrow table
that every query of the read then runs on, and at the end of the read builds the rows from it: each
element column dictionary-encoded once and scored by a lookup per distinct value (numpy), the
answers as int8 with a mask (9 MB for 1 M × 9), no Python object per answer cell. Meanwhile a thread
imports numpy, pyarrow, pandas and what the caller runs next (``preload``). The attribute
columns come as the reference holds them (the table's text, ``None`` where blank), the date column as
datetimes, parsed by DuckDB where it can certify an ISO timestamp and by
:func:`~skm.core.periods.parse_date_column` for the other distinct values, with the reference's rule
that a column whose distinct values are mostly not dates stays text.

Only CSV/TSV files whose columns are all read as text go this way (the reference's grid holds the
same strings); anything else raises :class:`~skm.readers.engine.Fallback` and the caller reads with the
reference reader. ``tests/test_engine_frame.py`` compares both paths' frames, reports and statistics.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
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
    _InThread,
    _quote,
    read_tallies_engine,
)
from skm.readers.files import CSV_SUFFIXES, column_letter, is_blank
from skm.readers.headers import match_profile
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

    The modules the frame needs (numpy, pyarrow, pandas), then ``preload`` (modules the caller needs
    next), are imported in a thread while DuckDB parses the file and scans it (it releases the GIL):
    the read returns once they are imported, and raises what an import raised."""
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
    return _responses(read, instrument)


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


# the name of a CSV's records, parsed once by DuckDB and kept as Arrow (every column text, ``_r`` first)
_TABLE = "skm_records"
# what the frame imports (in this order) while DuckDB parses: pyarrow, which DuckDB's result needs at once,
# after numpy (both import it), and pandas last
_FRAME_MODULES = ("numpy", "pyarrow", "pyarrow.compute", "pandas")


class _RowsHook:
    """:data:`~skm.readers.engine.ROWS_HOOK` of one read: the CSV's records parsed once into an Arrow
    table, which the engine's scans read instead of the file and from which the respondents' rows come."""

    def __init__(self, modules: Sequence[str] = _FRAME_MODULES) -> None:
        self.table: Any = None
        self.modules = list(modules)
        self.importing: _InThread | None = None

    def source(self, con: Any, records_sql: str) -> str:
        """Parse the file once (the engine's ``read_csv``, so the same records) and number its records;
        the modules are imported meanwhile, in a thread (started once: the serial reader may parse again).
        An import this thread needs waits for the other's (Python's import lock) or makes it itself."""
        if self.importing is None:
            self.importing = _InThread(lambda: [importlib.import_module(name) for name in self.modules])
        table = con.sql(records_sql).to_arrow_table()
        self.table = numbered(table)
        con.register(_TABLE, self.table)
        return f"SELECT * FROM {_TABLE}"

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


def numbered(table: Any) -> Any:
    """``table`` (DuckDB's records of a CSV, in file order: DuckDB preserves insertion order, with the
    parallel reader too) with their numbers first: ``_r``, 1 … n as int64 and chunked as the table, what
    ``row_number() OVER ()`` gives on the same query (a window that runs on one thread)."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    chunks, at = [], 1
    for chunk in table.column(0).chunks:
        chunks.append(pa.array(np.arange(at, at + len(chunk), dtype=np.int64)))
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
    connection). Each element column is dictionary-encoded once: its few distinct values give each
    row's score and whether it is answered (a lookup per distinct value, then numpy); the text
    columns are ``table``'s own Arrow strings at the respondents' rows, ``None`` where blank
    (:func:`_blanks_as_null`)."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    if not all(c.text for c in ctx.columns):
        raise Fallback("the engine's frame needs every column read as text")
    instrument = ctx.instrument
    data_cols = [cols.by_key[k][0] for k in instrument.question_keys if k in cols.by_key]
    r = table.column("_r").to_numpy()  # 1 … n (numbered)
    keep = r >= ctx.first_data
    if summary_from is not None:
        keep &= r < int(summary_from)
    answered = np.zeros(r.size, dtype=bool)
    scores: dict[int, np.ndarray] = {}  # element column → each record's score (int8, < 0: none)
    for c in cols.element_cols:
        codes, values = _encoded(table.column(ctx.columns[c].name))
        # each distinct value once: its score, -1 when filled without one (or not a question), -2 when blank
        table_c = meaning[c] if c in data_cols else {}
        lookup = [-2 if v is None or is_blank(v) else table_c.get(v, (None, False, 0))[0] for v in values]
        per_row = np.array([-1 if s is None else s for s in lookup], dtype=np.int8)[codes]
        del codes
        answered |= per_row != -2
        if c in data_cols:
            scores[c] = per_row
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
    # the dates DuckDB certifies, on every record (in the table's order)
    date_name = next((n for n in cols.attr_names if match_profile(n) == "date"), None)
    date_col = cols.attr_cols[cols.attr_names.index(date_name)] if date_name is not None else None
    certified = None
    if date_col is not None:  # the dates DuckDB certifies as the engine does: printed back unchanged
        q = _quote(ctx.columns[date_col].name)
        stamp, day = f"TRY_CAST({q} AS TIMESTAMP)", f"TRY_CAST({q} AS DATE)"
        certified = ctx.con.sql(  # years before 1000 (< '1'): the reference's own reading ('0004' is 2004)
            f"SELECT _r, CASE WHEN {q} < '1' THEN NULL "
            f"WHEN length({q}) = 19 THEN CASE WHEN {stamp}::VARCHAR = {q} THEN {stamp} END "
            f"WHEN length({q}) = 10 THEN CASE WHEN {day}::VARCHAR = {q} THEN CAST({day} AS TIMESTAMP) END END AS _dt "
            f"FROM {_TABLE}"
        ).to_arrow_table()
        if not np.array_equal(certified.column("_r").to_numpy(), r):
            raise Fallback("DuckDB returned the records in another order")
    attributes: dict[str, Any] = {}
    date_text = None
    for c, name in zip(cols.attr_cols, cols.attr_names, strict=True):
        text = _blanks_as_null(rows_of(table.column(ctx.columns[c].name)))
        if c == date_col:
            date_text = text
        # as the reference's frame infers it: text, or objects (None) when the column is all blank
        attributes[name] = (
            np.full(len(text), None, dtype=object) if text.null_count == len(text) else pd.array(text, dtype="str")
        )
    if date_name is not None and date_col is not None:
        assert certified is not None
        dates = _date_column(ctx, scan.slow_dates, date_col, date_text, rows_of(certified.column("_dt")))
        if dates is not None:
            attributes[date_name] = dates
    return _Rows(row_numbers, answers, attributes, _column_infos(ctx, cols))


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


def _date_column(ctx: Any, slow: list[str], c: int, text: Any, certified: Any) -> Any:
    """The date column as datetimes (NaT where blank or unreadable), or ``None`` when most of its
    distinct values below the header are not dates (the reference then keeps the text): the values
    DuckDB certified (``certified``) and the others (``slow``: the first scan's distinct values of the
    column that DuckDB could not certify, on every row below the header) parsed by
    :func:`parse_date_column`, as the reference parses the column's distinct values."""
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
    if np.isnat(data).all():
        return data.astype("datetime64[s]")  # as pandas infers a column of nothing but blanks
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
