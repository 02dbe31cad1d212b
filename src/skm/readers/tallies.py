"""Tallies files: the mergeable aggregate ``skm score --format tallies`` writes and ``skm score`` reads.

A tallies table has the group columns (none, or e.g. ``berkas``/``Jenis layanan``), then
``question`` (``u1`` … or ``*`` for the respondents count), ``answer`` (the scale value; empty
for ``*``) and ``count``. CSV or Parquet (by suffix). Several tallies files with the same group
columns pool exactly (counts add), whichever machine or warehouse produced them
(``skm sql`` prints the SQL that computes one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from skm.core.instrument import Instrument
from skm.core.tallies import RESPONDENTS, TALLY_COLUMNS, TallySet
from skm.errors import ExitCode, IssueCode, SkmError, shorten
from skm.readers.files import DELIMITERS, PARQUET_SUFFIXES, decode_text, sniff_delimiter

__all__ = ["is_tallies_file", "read_tallies"]

# bytes read to recognise a tallies file; every file given to ``skm rank`` is checked, so only the
# first row is parsed (with each candidate delimiter) instead of sniffing the whole peek
_PEEK = 64_000


def _headers(path: Path) -> list[list[str]]:
    """The first row of ``path`` split by each candidate delimiter (by column names for Parquet)."""
    if path.suffix.lower() in PARQUET_SUFFIXES:
        import pyarrow.parquet as pq  # noqa: PLC0415

        try:
            return [[str(n) for n in pq.read_schema(path).names]]
        except Exception:  # noqa: BLE001 - not a readable Parquet file: not a tallies file either
            return []
    try:
        with path.open("rb") as f:
            data = f.read(_PEEK)
        text = decode_text(data, path)
    except (OSError, SkmError):
        return []
    out = []
    for delimiter in DELIMITERS:
        try:
            first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), None)
        except csv.Error:
            continue
        if first:
            out.append([c.strip() for c in first])
    return out


def is_tallies_file(path: Path) -> bool:
    """Whether ``path`` is a tallies table (its last three columns are question, answer, count)."""
    if not path.is_file():
        return False
    return any(tuple(h.lower() for h in header[-3:]) == TALLY_COLUMNS for header in _headers(path))


def _rows(path: Path) -> tuple[list[str], list[list[object]]]:
    if path.suffix.lower() in PARQUET_SUFFIXES:
        import pyarrow.parquet as pq  # noqa: PLC0415

        table = pq.read_table(path)
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        return [str(n) for n in table.column_names], [list(r) for r in zip(*columns, strict=True)]
    text = decode_text(path.read_bytes(), path)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    return [c.strip() for c in rows[0]], [list(r) for r in rows[1:] if any(c.strip() for c in r)]


def _integer(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if value != int(value):
            raise ValueError(value)
        return int(value)
    return int(str(value).strip())


def _not_a_number(path: Path, row: int, column: str, value: object) -> SkmError:
    return SkmError(
        IssueCode.BAD_TALLY_NUMBER,
        ExitCode.INPUT_ERROR,
        file=path.name,
        row=row,
        column=shorten(str(column), 30),
        value=shorten(str(value if value is not None else ""), 30),
    )


def _number(path: Path, row: int, column: str, value: object) -> int | None:
    """A cell of the answer or count column as an integer (``None`` when blank), or the error naming it."""
    try:
        return _integer(value)
    except (ValueError, TypeError) as exc:
        raise _not_a_number(path, row, column, value) from exc


def _bad_row(path: Path, row: int, instrument: Instrument, detail: str, **fields: str | int) -> SkmError:
    """A row that is no tally: its file and row, and why (``detail``: a catalog key, both languages)."""
    n = len(instrument.question_keys)
    error = SkmError(IssueCode.BAD_TALLY_ROW, ExitCode.INPUT_ERROR, file=path.name, row=row, detail=detail, n=n)
    error.params.update(fields)
    return error


def _names(columns: Sequence[str]) -> str:
    return ", ".join(f"'{shorten(c, 30)}'" for c in columns) if columns else "-"


def read_tallies(paths: Sequence[Path], instrument: Instrument) -> TallySet:
    """Read and pool tallies files. Raises :class:`SkmError` (exit 3) naming the file, row and reason."""
    pooled: TallySet | None = None
    first = ""  # the file whose group columns the others must have
    for path in paths:
        header, rows = _rows(path)
        group_by = tuple(header[:-3])
        parsed = []
        keys = set(instrument.question_keys)
        low, high = instrument.scale_min, instrument.scale_max
        for number, row in enumerate(rows, start=2):
            if len(row) != len(header):
                raise _bad_row(path, number, instrument, "tally-row-length", found=len(row), expected=len(header))
            question = str(row[-3] if row[-3] is not None else "").strip().lower()
            answer = _number(path, number, header[-2], row[-2])
            count = _number(path, number, header[-1], row[-1])
            if count is None or count < 0:
                raise _not_a_number(path, number, header[-1], row[-1])
            if question != RESPONDENTS:
                if question not in keys:
                    raise _bad_row(path, number, instrument, "tally-unknown-question", question=shorten(question, 30))
                if answer is None or not low <= answer <= high:
                    raise _bad_row(
                        path, number, instrument, "tally-answer-outside-scale",
                        question=question, answer="" if answer is None else answer, low=low, high=high,
                    )  # fmt: skip
            group = tuple(_group_value(v) for v in row[:-3])
            parsed.append((group, RESPONDENTS if question == RESPONDENTS else question, answer, count))
        part = TallySet.from_rows(parsed, instrument=instrument, group_by=group_by)  # every row checked above
        if pooled is not None and pooled.group_by != part.group_by:
            raise SkmError(
                IssueCode.TALLY_GROUPS_DIFFER,
                ExitCode.INPUT_ERROR,
                file=path.name,
                columns=_names(part.group_by),
                other=first,
                other_columns=_names(pooled.group_by),
            )
        first = first or path.name
        pooled = part if pooled is None else pooled + part
    if pooled is None:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file="-")
    return pooled


def _group_value(value: object) -> str:
    text = "" if value is None else str(value)
    # undo the quote render.safe.neutralise_formula puts before a formula-like group name
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text
