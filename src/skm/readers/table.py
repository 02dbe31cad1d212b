"""Assemble a canonical response table from raw cells, collecting every problem found."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, InvalidPolicy, Issue, IssueCode, Severity, SkmError, shorten
from skm.readers.cells import Cell, LabelBook, parse_cell
from skm.readers.dates import parse_date_column
from skm.readers.files import Sheet, column_letter, is_blank, no_gc, read_sheets, row_is_blank
from skm.readers.headers import ColumnMatch, code_beyond, match_header, match_profile
from skm.text import register

register(
    {
        "row-after-summary": (
            "baris ini di bawah baris rekap templat (Σ/NRR/IKM) sehingga dilewati, padahal jawabannya "
            "lengkap; bila ini responden, pindahkan ke atas baris rekap",
            "this row lies below the template's summary rows (Σ/NRR/IKM) and was skipped although its "
            "answers are complete; if it is a respondent, move it above the summary rows",
        ),
        "codes-beyond-instrument": (
            "kolom {columns} tampak seperti unsur, tetapi instrumen {instrument} hanya punya {count} unsur; "
            "kolom itu disimpan sebagai atribut, tidak dihitung. Bila berkas memakai metode lama 14 unsur, "
            "jalankan lagi dengan --instrument kepmenpan-25-2004",
            "columns {columns} look like elements but the instrument {instrument} has only {count}; they are "
            "kept as attributes and not scored. If the file uses the older 14-element method, run again "
            "with --instrument kepmenpan-25-2004",
        ),
    }
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ColumnInfo", "InvalidPolicy", "Responses", "SkippedRow", "read_responses", "responses_from_frame"]

HEADER_SEARCH_ROWS = 50


@dataclass(frozen=True)
class ColumnInfo:
    """How one column of the file was understood."""

    index: int
    letter: str
    header: str
    key: str | None  # question key (u1…) or None for an attribute column
    how: str  # "code", "text", "labels" or "attribute"
    detail: str = ""  # the code, keywords or labels that decided it


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
        if first is None or _is_summary_label(first):
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
        labels=labels,
        strict=strict,
    )


def responses_from_frame(
    frame: pd.DataFrame,
    *,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    source: str = "<DataFrame>",
    labels: LabelBook | None = None,
) -> Responses:
    """Validate a pandas DataFrame whose column names are headers, as if it were a file.

    Row numbers in issues count as a spreadsheet would: the header is row 1.
    """
    rows: list[list[object]] = [[str(c) for c in frame.columns]]
    rows.extend(frame.astype(object).where(frame.notna(), None).values.tolist())
    header_row, matches = _find_header(rows[:1], instrument)
    return build_responses(
        rows,
        header_row,
        matches,
        source=source,
        sheet=None,
        instrument=instrument,
        invalid=InvalidPolicy(invalid),
        labels=labels,
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
    labels: LabelBook | None = None,
    strict: bool = True,
) -> Responses:
    """Validate the cells below ``header_row`` and build the canonical table.

    With ``strict=False`` (``skm check``) data problems are only recorded in the result's
    ``issues``; files that cannot be read or hold no respondents still raise.

    Vectorised per column: each column's distinct values are parsed once
    (:func:`~skm.readers.cells.parse_cell`) and mapped back onto the rows with numpy, so the
    cost is one hash pass per column whatever the number of respondents; issues are built
    only for the cells that are wrong.
    """
    import numpy as np  # noqa: PLC0415 - keep `skm --help` and `skm sample` fast
    import pandas as pd  # noqa: PLC0415

    if not rows or all(row_is_blank(r) for r in rows):
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    if header_row < 0:
        first = next(r for r in rows if not row_is_blank(r))
        found = [shorten(v, 30) for v in first if not is_blank(v)][:15]
        raise SkmError(
            IssueCode.NO_ELEMENT_COLUMNS,
            ExitCode.INPUT_ERROR,
            file=source,
            sheet=sheet,
            columns=", ".join(f"'{c}'" for c in found) or "-",
            codes=f"{instrument.codes[0]} … {instrument.codes[-1]}",
        )
    book = labels or LabelBook(instrument)
    header = rows[header_row]
    body = rows[header_row + 1 :]
    lengths = set(map(len, rows[header_row:]))
    width = max(lengths)
    n = len(body)
    if len(lengths) > 1:
        body = [list(r) + [None] * (width - len(r)) if len(r) < width else r for r in body]
    grid = np.empty((n, width), dtype=object)
    if n:
        with no_gc():
            grid[:, :] = body
    headers = [
        "" if c >= len(header) or is_blank(header[c]) else str(header[c]).replace("\n", " ").strip()
        for c in range(width)
    ]
    if header_row > 0:  # a two-row header (merged "NO. RESP" above a blank): take the text above
        above = rows[header_row - 1]
        for c in range(min(width, len(above))):
            if not headers[c] and not is_blank(above[c]) and c not in matches:
                headers[c] = str(above[c]).replace("\n", " ").strip()
    skipped: list[SkippedRow] = [SkippedRow(r + 1, "title") for r in range(header_row) if not row_is_blank(rows[r])]

    # one factorisation per column: codes (-1 = empty cell) and the distinct values
    codes_by_col: list[np.ndarray] = []
    uniques_by_col: list[list[object]] = []
    nonblank_by_col: list[np.ndarray] = []
    blank_by_col: list[np.ndarray] = []
    kinds: list[str] = []
    for c in range(width):
        codes, uniques = pd.factorize(np.ascontiguousarray(grid[:, c]), use_na_sentinel=True)
        codes = codes.astype(np.int32, copy=False)
        values = list(uniques)
        kind = pd.api.types.infer_dtype(uniques, skipna=True)
        kinds.append(kind)
        if kind in _NO_TEXT:  # numbers, dates: nothing to strip or to read as a label (fast for dates)
            blank_u = np.zeros(len(values), dtype=bool)
        else:
            blank_u = np.fromiter(
                ((not v.strip()) if type(v) is str else (v != v) if type(v) is float else False for v in values),  # noqa: PLR0124 - NaN
                dtype=bool,
                count=len(values),
            )
        codes_by_col.append(codes)
        uniques_by_col.append(values)
        blank_by_col.append(blank_u)
        nonblank_by_col.append(~np.append(blank_u, True)[codes])
    del grid  # the distinct values and codes now stand for every cell

    # what each distinct value means, for candidate element columns
    parsed: dict[int, list[Cell]] = {}

    def parse_column(c: int, key: str | None) -> list[Cell]:
        custom = book.column_mapping(key, headers[c])
        return [parse_cell(v, book, custom, key) for v in uniques_by_col[c]]

    issues: list[Issue] = []
    final: dict[int, ColumnMatch] = dict(matches)
    for c, m in matches.items():
        parsed[c] = parse_column(c, m.key)
    # a free-text question that happens to name an element ("Saran untuk perbaikan sarana dan prasarana")
    # is a suggestion column when its answers are not scale answers
    for c, m in list(final.items()):
        if m.how != "text":
            continue
        repeated = sum(1 for other in final.values() if other.key == m.key) > 1
        if (repeated or match_profile(headers[c]) == "suggestion") and _valid_share(parsed[c], codes_by_col[c]) < 0.5:
            del final[c], parsed[c]
    # cross-check each element column with the labels its answers carry
    for c, m in list(final.items()):
        label_key = _label_element(parsed[c], codes_by_col[c])
        if label_key is None or m.key in label_key:
            continue
        named = _element_name(instrument, m.key)
        carried = " / ".join(_element_name(instrument, k) for k in sorted(label_key))
        positional = m.how == "code" and m.key in _POSITIONAL and len(label_key) == 1 and label_key <= _POSITIONAL
        if positional:
            (new_key,) = label_key
            final[c] = ColumnMatch(new_key, "labels", f"{m.detail} → {new_key.upper()}")
        issues.append(
            Issue(
                IssueCode.HEADER_LABEL_MISMATCH,
                Severity.WARNING,
                file=source,
                sheet=sheet,
                row=header_row + 1,
                column=shorten(headers[c], 60),
                letter=column_letter(c),
                params={
                    "header_element": named,
                    "label_element": carried,
                    "used": _element_name(instrument, final[c].key),
                },
            )
        )
    # columns whose header names nothing but whose answers carry one missing element's labels
    taken = {m.key for m in final.values()}
    for c in range(width):
        if c in final or match_profile(headers[c]) is not None:
            continue
        cells = parse_column(c, None)
        label_key = _label_element(cells, codes_by_col[c], strict=True)
        if label_key is None:
            continue
        free = sorted(label_key - taken)
        if len(free) == 1:
            final[c] = ColumnMatch(free[0], "labels", _element_name(instrument, free[0]))
            parsed[c] = cells
            taken.add(free[0])

    by_key: dict[str, list[int]] = {}
    for c, m in sorted(final.items()):
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
                        "columns": ", ".join(f"'{headers[c]}' ({column_letter(c)})" for c in cols),
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
        hit = final.get(c)
        columns.append(
            ColumnInfo(
                c,
                column_letter(c),
                headers[c],
                hit.key if hit else None,
                hit.how if hit else "attribute",
                hit.detail if hit else "",
            )
        )
    element_cols = [c for c in range(width) if c in final]
    attr_cols = [c for c in range(width) if c not in final and (headers[c] or bool(nonblank_by_col[c].any()))]
    beyond = [c for c in attr_cols if code_beyond(headers[c], instrument) is not None]
    if beyond:
        issues.append(
            Issue(
                IssueCode.CODES_BEYOND_INSTRUMENT,
                Severity.WARNING,
                file=source,
                sheet=sheet,
                row=header_row + 1,
                params={
                    "columns": ", ".join(f"'{shorten(headers[c], 20)}' ({column_letter(c)})" for c in beyond),
                    "instrument": instrument.key,
                    "count": len(instrument.elements),
                },
            )
        )

    # classify rows: empty, the template's summary block, rows without a single answer
    nonblank = np.zeros(n, dtype=bool)
    for c in range(width):
        nonblank |= nonblank_by_col[c]
    seen = np.zeros(n, dtype=bool)
    summary = np.zeros(n, dtype=bool)
    for c in range(width):
        flags = (
            np.zeros(len(uniques_by_col[c]), dtype=bool)
            if kinds[c] in _NO_TEXT
            else np.fromiter(
                (type(v) is str and _is_summary_label(v) for v in uniques_by_col[c]),
                dtype=bool,
                count=len(uniques_by_col[c]),
            )
        )
        summary |= ~seen & np.append(flags, False)[codes_by_col[c]]
        seen |= nonblank_by_col[c]
    labelled_summary = summary.copy()
    if summary.any():
        summary[int(np.argmax(summary)) :] = True
    summary &= nonblank
    # rows below the summary block without a summary label: warn if they look like respondents
    complete_tail = summary & ~labelled_summary
    answered = np.zeros(n, dtype=bool)
    for c in element_cols:
        answered |= nonblank_by_col[c]
    keep = nonblank & ~summary & answered
    for i in np.flatnonzero(~keep).tolist():
        reason = "empty" if not nonblank[i] else "summary" if summary[i] else "no-answers"
        skipped.append(SkippedRow(header_row + 2 + i, reason))
    skipped.sort(key=lambda s: s.row)
    kept = np.flatnonzero(keep)
    row_numbers = kept + header_row + 2

    # scores: one lookup table per column, issues only for the cells that are wrong
    low, high = instrument.scale_min, instrument.scale_max
    cell_issues: list[tuple[int, int, Issue]] = []
    scores: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for c in element_cols:
        key = final[c].key
        cells = parsed[c]
        mismatch = any(i.code is IssueCode.HEADER_LABEL_MISMATCH and i.letter == column_letter(c) for i in issues)
        table = np.zeros(len(cells) + 1, dtype=np.int8)
        valid = np.zeros(len(cells) + 1, dtype=bool)
        bad: list[int] = []
        for u, cell in enumerate(cells):
            foreign = bool(cell.elements) and key not in cell.elements and not mismatch
            if cell.score is not None and not foreign:
                table[u], valid[u] = cell.score, True
            elif cell.code is not None or foreign:
                bad.append(u)
        codes = codes_by_col[c][kept]
        scores[c] = (table[codes], ~valid[codes])
        complete_tail &= valid[codes_by_col[c]]
        if bad:
            for u in bad:
                cell = cells[u]
                code = cell.code if cell.code is not None else IssueCode.UNKNOWN_LABEL
                value = uniques_by_col[c][u]
                for i in np.flatnonzero(codes == u).tolist():
                    cell_issues.append(
                        (
                            i,
                            c,
                            Issue(
                                code,
                                file=source,
                                sheet=sheet,
                                row=int(row_numbers[i]),
                                column=shorten(headers[c], 60),
                                letter=column_letter(c),
                                value=shorten(value),
                                params={
                                    "low": low,
                                    "high": high,
                                    "mid": low + 1,
                                    "element": _element_name(instrument, key),
                                    "expected": book.expected(key),
                                },
                            ),
                        )
                    )
    if element_cols:
        for i in np.flatnonzero(complete_tail).tolist():
            issues.append(
                Issue(IssueCode.ROW_AFTER_SUMMARY, Severity.WARNING, file=source, sheet=sheet, row=header_row + 2 + i)
            )
    cell_issues.sort(key=lambda x: (x[0], x[1]))
    issues.extend(i for _, _, i in cell_issues)

    data: dict[str, object] = {}
    for key in instrument.question_keys:
        if key in by_key:
            answer_values, mask = scores[by_key[key][0]]
            data[key] = pd.arrays.IntegerArray(answer_values, mask)
    names = _dedupe([headers[c] or f"kolom {column_letter(c)}" for c in attr_cols])
    for name, c in zip(names, attr_cols, strict=True):
        lookup = np.empty(len(uniques_by_col[c]) + 1, dtype=object)
        lookup[:-1] = uniques_by_col[c]
        lookup[:-1][blank_by_col[c]] = None
        lookup[-1] = None
        data[name] = lookup[codes_by_col[c][kept]]
    frame = pd.DataFrame(data, index=pd.Index(row_numbers.tolist(), name="row"))
    profile: dict[str, str] = {}
    for name in names:
        canonical = match_profile(name)
        if canonical is not None and canonical not in profile:
            profile[canonical] = name
    if "date" in profile:
        c = attr_cols[names.index(profile["date"])]
        dates = _date_column(uniques_by_col[c], blank_by_col[c], codes_by_col[c][kept], kinds[c])
        if dates is not None:
            frame[profile["date"]], bad_dates = dates
            for i in bad_dates:
                issues.append(
                    Issue(
                        IssueCode.INVALID_DATE,
                        Severity.WARNING,
                        file=source,
                        sheet=sheet,
                        row=int(row_numbers[i]),
                        column=shorten(headers[c], 60),
                        letter=column_letter(c),
                        value=shorten(uniques_by_col[c][codes_by_col[c][kept][i]]),
                    )
                )
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
    if frame.empty:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    if not strict:
        return responses
    if any(i.code in FATAL_CODES for i in issues):
        raise SkmError(
            IssueCode.BAD_COLUMNS,
            ExitCode.INVALID_DATA,
            issues=[i for i in issues if i.code in FATAL_CODES],
            file=source,
        )
    bad_cells = [i for i in issues if i.code in CELL_CODES]
    if bad_cells and InvalidPolicy(invalid) is InvalidPolicy.ERROR:
        raise SkmError(
            IssueCode.INVALID_DATA,
            ExitCode.INVALID_DATA,
            issues=bad_cells,
            file=source,
            count=len(bad_cells),
        )
    return responses


def _date_column(
    values: list[object], blank: object, codes: object, kind: str = "mixed"
) -> tuple[Any, list[int]] | None:
    """The date column as datetimes (NaT where blank or not a date) and the rows that are not dates.

    ``None`` when most values are not dates (then the column is left as written).
    """
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    index = np.asarray(codes)
    if kind in {"datetime", "datetime64", "date"}:  # Excel date cells: already dates
        lookup = pd.to_datetime(pd.Series([*values, None], dtype=object))
        return lookup.to_numpy()[index], []
    parsed, _ = parse_date_column(values)
    blank_u = np.asarray(blank, dtype=bool)
    failed = np.fromiter((d is None for d in parsed), dtype=bool, count=len(parsed)) & ~blank_u
    if 2 * int(failed.sum()) > int((~blank_u).sum()):
        return None
    lookup = pd.to_datetime(pd.Series([*parsed, None], dtype=object), errors="coerce")
    column = lookup.to_numpy()[index]
    bad_rows = np.flatnonzero(np.append(failed, False)[index]).tolist()
    return column, bad_rows


# pandas.api.types.infer_dtype kinds without any text cell
_NO_TEXT = frozenset(
    {"integer", "floating", "decimal", "boolean", "datetime", "datetime64", "date", "timedelta", "time", "empty"}
)
_POSITIONAL = frozenset({"u8", "u9"})
# first cell of a row of the processing template's summary block (Σ nilai/unsur, NRR/unsur …)
_SUMMARY = re.compile(
    r"^(?:σ|∑|jumlah|total|nrr|ikm|nilai|rata|rerata|indeks|mutu|kinerja|keterangan|konversi|bobot|"
    r"interval|sum|average|mean|weighted)\b",
    re.IGNORECASE,
)
_SUMMARY_MAX = 60


def _is_summary_label(value: object) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip()
    return len(text) <= _SUMMARY_MAX and bool(_SUMMARY.match(text))


def _element_name(instrument: Instrument, key: str) -> str:
    for element in instrument.elements:
        if any(q.key == key for q in element.questions):
            return f"{element.code} ({element.name})" if len(element.questions) == 1 else key.upper()
    return key.upper()


def _valid_share(cells: list[Cell], codes: object) -> float:
    """Share of a column's non-blank cells that are valid answers (0 for an empty column)."""
    import numpy as np  # noqa: PLC0415

    index = np.asarray(codes)
    counts = np.bincount(index[index >= 0], minlength=len(cells))
    filled = sum(int(counts[u]) for u, cell in enumerate(cells) if not cell.blank)
    valid = sum(int(counts[u]) for u, cell in enumerate(cells) if cell.score is not None)
    return valid / filled if filled else 0.0


def _label_element(cells: list[Cell], codes: object, *, strict: bool = False) -> frozenset[str] | None:
    """The element(s) whose labels most answers of a column carry, or ``None`` without labels.

    ``strict`` (recognising a column by its answers alone) asks every non-blank distinct
    value to be one element's label.
    """
    import numpy as np  # noqa: PLC0415

    labelled = [u for u, cell in enumerate(cells) if cell.elements]
    if not labelled:
        return None
    if strict and any(not cell.blank and not cell.elements and cell.score is None for cell in cells):
        return None
    counts = np.bincount(np.asarray(codes)[np.asarray(codes) >= 0], minlength=len(cells))
    votes: dict[frozenset[str], int] = {}
    for u in labelled:
        votes[cells[u].elements] = votes.get(cells[u].elements, 0) + int(counts[u])
    total = sum(int(counts[u]) for u, cell in enumerate(cells) if not cell.blank)
    best = max(votes, key=lambda k: votes[k])
    common = frozenset.intersection(*votes) if strict else best
    if strict and not common:
        return None
    if votes[best] * 2 <= total:
        return None
    return common


FATAL_CODES = frozenset({IssueCode.MISSING_ELEMENTS, IssueCode.DUPLICATE_ELEMENT})
CELL_CODES = frozenset(
    {IssueCode.OUT_OF_RANGE, IssueCode.NOT_A_NUMBER, IssueCode.NOT_AN_INTEGER, IssueCode.UNKNOWN_LABEL}
    | {IssueCode.UNUSABLE_CELL, IssueCode.NUMBER_LABEL_MISMATCH}
)
