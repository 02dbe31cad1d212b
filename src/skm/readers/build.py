"""Build the canonical :class:`~skm.readers.Responses` table from a sheet's cells, in named phases.

:func:`build_responses` runs, in order: check that a header row was found, factorise the cells
per column, map the columns to questions (``--map`` and codes first; every other column scored
against every question by its wording, words and answers, then assigned so that each question
gets its best distinct column; header matches checked against the labels the answers carry),
column-level issues (duplicate, missing, beyond the instrument), classify the rows
(title, empty, summary block, no answers), parse the answers, assemble the frame with its
profile and dates, and apply the invalid-data policy. Heavy (numpy, pandas): imported only when
a file is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from skm.core.instrument import Instrument
from skm.core.periods import parse_date_column
from skm.errors import ExitCode, InvalidPolicy, Issue, IssueCode, Severity, SkmError, shorten
from skm.readers.assign import assign, close_calls
from skm.readers.cells import Cell, LabelBook, label_element, parse_cell, valid_share
from skm.readers.files import column_index, column_letter, is_blank, no_gc, row_is_blank
from skm.readers.headers import (
    MIN_SCORE,
    Candidate,
    ColumnMatch,
    Reason,
    code_beyond,
    code_match,
    element_name,
    header_candidates,
    header_texts,
    is_profile_header,
    is_summary_label,
    label_check,
    match_profile,
    normalise_header,
    numbering_code,
    unique_names,
)
from skm.readers.responses import CELL_CODES, FATAL_CODES, ColumnInfo, Responses, SkippedRow

__all__ = ["build_responses"]


@dataclass
class _Grid:
    """The cells below the header, factorised once per column.

    ``codes[c]`` maps each row to an index into ``uniques[c]`` (-1 = empty cell);
    ``blank[c]`` flags the distinct values that are blank text; ``nonblank[c]`` flags the rows.
    """

    n: int
    width: int
    headers: list[str]
    codes: list[np.ndarray]
    uniques: list[list[object]]
    blank: list[np.ndarray]
    nonblank: list[np.ndarray]
    kinds: list[str]


@dataclass
class _Context:
    """What every issue of one read names: file, sheet, header row, instrument and labels."""

    source: str
    sheet: str | None
    header_row: int  # 0-based
    instrument: Instrument
    book: LabelBook

    def issue(self, code: IssueCode, severity: Severity = Severity.ERROR, **fields: Any) -> Issue:
        fields.setdefault("row", self.header_row + 1)
        return Issue(code, severity, file=self.source, sheet=self.sheet, **fields)


@dataclass
class _Mapping:
    """Which columns hold which question, and what their distinct values mean."""

    final: dict[int, ColumnMatch]
    parsed: dict[int, list[Cell]]
    by_key: dict[str, list[int]]
    element_cols: list[int]
    attr_cols: list[int]
    columns: list[ColumnInfo]


@dataclass
class _Rows:
    """Which rows are respondents (``kept``, 0-based below the header) and which were skipped."""

    kept: np.ndarray
    row_numbers: np.ndarray
    skipped: list[SkippedRow]
    complete_tail: np.ndarray  # rows below the summary block without a summary label


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
    column_map: Mapping[str, str] | None = None,
) -> Responses:
    """Validate the cells below ``header_row`` and build the canonical table.

    ``column_map`` (``--map``) names columns (letter or header text) → question (key or code).

    With ``strict=False`` (``skm check``) data problems are only recorded in the result's
    ``issues``; files that cannot be read or hold no respondents still raise.

    The phases: check that a header was found, factorise the cells per column
    (:func:`_factorise`), decide which column holds which question (:func:`_map_columns`,
    :func:`_column_issues`), classify the rows (:func:`_classify_rows`), parse the answers
    (:func:`_score_cells`), assemble the frame with its profile and dates
    (:func:`_assemble`) and finally apply the invalid-data policy (:func:`_enforce`).

    Vectorised per column: each column's distinct values are parsed once
    (:func:`~skm.readers.cells.parse_cell`) and mapped back onto the rows with numpy, so the
    cost is one hash pass per column whatever the number of respondents; issues are built
    only for the cells that are wrong.
    """
    _require_header(rows, header_row, source, sheet, instrument)
    ctx = _Context(source, sheet, header_row, instrument, labels or LabelBook(instrument))
    grid = _factorise(rows, header_row, matches)
    issues: list[Issue] = []
    mapping = _map_columns(ctx, grid, issues, column_map)
    _column_issues(ctx, grid, mapping, issues)
    found = _classify_rows(rows, grid, mapping, header_row)
    scores = _score_cells(ctx, grid, mapping, found, issues)
    frame, profile = _assemble(ctx, grid, mapping, found, scores, issues)
    responses = Responses(
        frame=frame,
        instrument=instrument,
        source=source,
        sheet=sheet,
        header_row=header_row + 1,
        columns=mapping.columns,
        issues=issues,
        skipped=found.skipped,
        profile=profile,
    )
    _enforce(responses, strict=strict, invalid=invalid)
    return responses


def _require_header(
    rows: list[list[object]], header_row: int, source: str, sheet: str | None, instrument: Instrument
) -> None:
    """Raise when the sheet is empty or no row names an element."""
    if not rows or all(row_is_blank(r) for r in rows):
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    if header_row < 0:
        first = next(r for r in rows if not row_is_blank(r))
        found = [shorten(v, 30) for v in first if not is_blank(v)][:15]
        keys = (
            instrument.question_keys if len(instrument.question_keys) > len(instrument.elements) else instrument.codes
        )
        raise SkmError(
            IssueCode.NO_ELEMENT_COLUMNS,
            ExitCode.INPUT_ERROR,
            file=source,
            sheet=sheet,
            columns=", ".join(f"'{c}'" for c in found) or "-",
            codes=f"{keys[0].upper()} … {keys[-1].upper()}",
        )


def _factorise(rows: list[list[object]], header_row: int, matches: dict[int, ColumnMatch]) -> _Grid:
    """One factorisation per column: codes (-1 = empty cell) and the distinct values."""
    body = rows[header_row + 1 :]
    lengths = set(map(len, rows[header_row:]))
    width = max(lengths)
    n = len(body)
    if len(lengths) > 1:
        body = [list(r) + [None] * (width - len(r)) if len(r) < width else r for r in body]
    cells = np.empty((n, width), dtype=object)
    if n:
        with no_gc():
            cells[:, :] = body
    grid = _Grid(n, width, header_texts(rows, header_row, width, matches), [], [], [], [], [])
    for c in range(width):
        codes, uniques = pd.factorize(np.ascontiguousarray(cells[:, c]), use_na_sentinel=True)
        codes = codes.astype(np.int32, copy=False)
        values = list(uniques)
        kind = pd.api.types.infer_dtype(uniques, skipna=True)
        if kind in _NO_TEXT:  # numbers, dates: nothing to strip or to read as a label (fast for dates)
            blank_u = np.zeros(len(values), dtype=bool)
        else:
            blank_u = np.fromiter(
                ((not v.strip()) if type(v) is str else (v != v) if type(v) is float else False for v in values),  # noqa: PLR0124 - NaN
                dtype=bool,
                count=len(values),
            )
        grid.kinds.append(kind)
        grid.codes.append(codes)
        grid.uniques.append(values)
        grid.blank.append(blank_u)
        grid.nonblank.append(~np.append(blank_u, True)[codes])
    return grid


def _parse_column(ctx: _Context, grid: _Grid, c: int, key: str | None) -> list[Cell]:
    """What each distinct value of column ``c`` means (for question ``key``, or any)."""
    custom = ctx.book.column_mapping(key, grid.headers[c])
    return [parse_cell(v, ctx.book, custom, key) for v in grid.uniques[c]]


def _map_columns(
    ctx: _Context, grid: _Grid, issues: list[Issue], column_map: Mapping[str, str] | None = None
) -> _Mapping:
    """Settle which column holds which question.

    ``--map`` and codes decide alone. Every other column is scored against every question
    (:func:`_candidates`: its header's wording and words, what its answers say) and the columns
    are assigned to the questions left so that each gets its best distinct column
    (:func:`~skm.readers.assign.assign`); a reading another one matches too closely is refused
    (:func:`_assign`). The header matches are then checked against the answers' labels, and
    columns whose header names nothing are recognised by their labels alone.
    """
    instrument = ctx.instrument
    final: dict[int, ColumnMatch] = _mapped(ctx, grid, column_map or {})
    for c in range(grid.width):
        if c not in final and (code := code_match(grid.headers[c], instrument)) is not None:
            final[c] = code
    content: dict[int, list[Cell]] = {}

    def cells_of(c: int) -> list[Cell]:
        if c not in content:
            content[c] = _parse_column(ctx, grid, c, None)
        return content[c]

    candidates = {
        c: found for c in range(grid.width) if c not in final and (found := _candidates(ctx, grid, c, cells_of))
    }
    _assign(ctx, grid, final, candidates, cells_of, issues)
    # "U1. <words naming no question>": the questionnaire's code decides, if its question is still free
    taken = {m.key for m in final.values()}
    for c in range(grid.width):
        code = None if c in final or c in candidates else numbering_code(grid.headers[c], instrument)
        if code is not None and code.key not in taken:
            final[c] = code
            taken.add(code.key)
    parsed = {c: _parse_column(ctx, grid, c, m.key) for c, m in final.items()}
    _cross_check(ctx, grid, final, parsed, issues)
    # columns whose header names nothing but whose answers carry one missing element's labels
    taken = {m.key for m in final.values()}
    for c in range(grid.width):
        if c in final or c in candidates or is_profile_header(grid.headers[c]):
            continue
        label_key = _label_element(cells_of(c), grid.codes[c], strict=True)
        if label_key is None:
            continue
        free = sorted(label_key - taken)
        if len(free) == 1:
            final[c] = ColumnMatch(free[0], "labels", element_name(instrument, free[0]))
            parsed[c] = _parse_column(ctx, grid, c, free[0])
            taken.add(free[0])
    _unnamed_scale_columns(ctx, grid, final, candidates, cells_of, issues)
    by_key: dict[str, list[int]] = {}
    for c, m in sorted(final.items()):
        by_key.setdefault(m.key, []).append(c)
    columns = [
        ColumnInfo(
            c,
            column_letter(c),
            grid.headers[c],
            hit.key if (hit := final.get(c)) else None,
            hit.how if hit else "attribute",
            hit.detail if hit else "",
            tuple(candidates.get(c, ())),
        )
        for c in range(grid.width)
    ]
    element_cols = [c for c in range(grid.width) if c in final]
    attr_cols = [c for c in range(grid.width) if c not in final and (grid.headers[c] or bool(grid.nonblank[c].any()))]
    return _Mapping(final, parsed, by_key, element_cols, attr_cols, columns)


def _unnamed_scale_columns(
    ctx: _Context,
    grid: _Grid,
    final: dict[int, ColumnMatch],
    candidates: dict[int, list[Candidate]],
    cells_of: Callable[[int], list[Cell]],
    issues: list[Issue],
) -> None:
    """While questions are missing, name the columns whose answers are all on the scale but whose
    header names no question: the likely home of a missing question, with the fix."""
    taken = {m.key for m in final.values()}
    missing = [k for k in ctx.instrument.question_keys if k not in taken]
    if not missing:
        return
    for c in range(grid.width):
        header = grid.headers[c]
        if c in final or c in candidates or not header or is_profile_header(header):
            continue
        if grid.kinds[c] in _NOT_ANSWERS:
            continue
        if _valid_share(cells_of(c), grid.codes[c]) < _SCALE_SHARE:
            continue
        issues.append(
            ctx.issue(
                IssueCode.SCALE_COLUMN_UNNAMED,
                Severity.WARNING,
                column=shorten(header, 60),
                letter=column_letter(c),
                params={"letter": column_letter(c), "key": _question_name(ctx.instrument, missing[0])},
            )
        )


def _mapped(ctx: _Context, grid: _Grid, column_map: Mapping[str, str]) -> dict[int, ColumnMatch]:
    """``--map J=U5`` / ``--map "Header text=U5"``: the columns the user named, each to its question."""
    instrument = ctx.instrument
    out: dict[int, ColumnMatch] = {}
    by_header = {normalise_header(h): c for c, h in enumerate(grid.headers) if h}
    keys = {k.lower(): k for k in instrument.question_keys}
    for e in instrument.elements:
        if len(e.questions) == 1:
            keys.setdefault(e.code.lower(), e.questions[0].key)
    for column, question in column_map.items():
        c = by_header.get(normalise_header(column))
        if c is None and column.strip().isalpha() and len(column.strip()) <= 3:
            c = column_index(column.strip())
            c = c if c < grid.width else None
        key = keys.get(question.strip().lower().replace(" ", ""))
        if c is None or key is None:
            raise SkmError(
                IssueCode.BAD_MAP,
                ExitCode.USAGE,
                file=ctx.source,
                value=f"{column}={question}",
                columns=", ".join(f"{column_letter(i)} '{shorten(h, 30)}'" for i, h in enumerate(grid.headers) if h),
                codes=", ".join(k.upper() for k in instrument.question_keys),
            )
        out[c] = ColumnMatch(key, "map", f"{column}={question}")
    return out


def _candidates(ctx: _Context, grid: _Grid, c: int, cells_of: Callable[[int], list[Cell]]) -> list[Candidate]:
    """The questions column ``c`` may hold, best first: its header's evidence (see
    :func:`~skm.readers.headers.header_candidates`) weighed with what its answers say.

    Content decides what a column is: every answer a scale answer makes a question (weak words
    count, a profile word in the header does not matter); a short profile header over other
    answers is a profile column; free text named like a suggestion is the suggestions column.
    """
    header = grid.headers[c]
    if not header or not header_candidates(header, ctx.instrument, question=True):
        return []
    cells = cells_of(c)
    share = _valid_share(cells, grid.codes[c])
    scale = share >= _SCALE_SHARE
    if is_profile_header(header) and not scale:
        return []
    if share < 0.5 and match_profile(header) == "suggestion":
        return []
    labels = _label_element(cells, grid.codes[c]) or frozenset()
    out: list[Candidate] = []
    for cand in header_candidates(header, ctx.instrument, question=scale or None):
        if cand.score < MIN_SCORE:
            continue
        reasons = list(cand.reasons)
        if cand.key in labels:
            reasons.append(Reason("labels", _question_name(ctx.instrument, cand.key), _LABEL_POINTS))
        if scale:
            reasons.append(Reason("scale", f"{round(share * 100)}%", 0.0))
        elif share < 0.5:
            reasons.append(Reason("free-text", f"{round(share * 100)}%", -_FREE_TEXT_PENALTY))
        out.append(Candidate(cand.key, round(sum(r.points for r in reasons), 1), tuple(reasons)))
    order = {k: i for i, k in enumerate(ctx.instrument.question_keys)}
    out.sort(key=lambda x: (-x.score, order.get(x.key, 0)))
    return out


def _assign(
    ctx: _Context,
    grid: _Grid,
    final: dict[int, ColumnMatch],
    candidates: dict[int, list[Candidate]],
    cells_of: Callable[[int], list[Cell]],
    issues: list[Issue],
) -> None:
    """Give each question left its best distinct column; report close calls and columns left over."""

    instrument = ctx.instrument
    fixed = {m.key: c for c, m in final.items()}
    free = [k for k in instrument.question_keys if k not in fixed]
    cols = sorted(candidates)
    if not cols:
        return
    scores = [[0.0] * len(free) for _ in cols]
    for i, c in enumerate(cols):
        for cand in candidates[c]:
            if cand.key in free:
                scores[i][free.index(cand.key)] = max(cand.score, 0.01)
    chosen = assign(scores) if free else [None] * len(cols)
    for i, j in enumerate(chosen):
        if j is not None:
            cand = next(x for x in candidates[cols[i]] if x.key == free[j])
            final[cols[i]] = ColumnMatch(free[j], "text", cand.detail)
    reported: set[frozenset[int]] = set()
    ambiguous: list[tuple[list[tuple[int, str]], str]] = []
    for i, j, other in close_calls(scores, chosen):
        c, key = cols[i], free[j]
        pair = frozenset({c, cols[other]} if other is not None else {c})
        if pair in reported:
            continue
        reported.add(pair)
        if other is not None:
            rivals = [(c, key), (cols[other], key)]
        else:
            second = next((x.key for x in candidates[c] if x.key != key and x.key in free), key)
            rivals = [(c, key), (c, second)]
        ambiguous.append((rivals, key))
    missing = [k for k in free if k not in {m.key for m in final.values()}]
    issues.extend(_ambiguous(ctx, grid, candidates, rivals, key) for rivals, key in ambiguous)
    for c in cols:
        if c in final or _valid_share(cells_of(c), grid.codes[c]) < 0.5:
            continue
        if not missing and is_profile_header(grid.headers[c]):  # "Waktu kunjungan" coded 1–2: a profile
            continue
        best = candidates[c][0]
        holder = fixed.get(best.key, next((o for o, m in final.items() if m.key == best.key), None))
        suggest = missing[0] if missing else best.key
        issues.append(
            ctx.issue(
                IssueCode.COLUMN_LEFT_OVER,
                Severity.WARNING,
                column=shorten(grid.headers[c], 60),
                letter=column_letter(c),
                params={
                    "question": _question_name(instrument, best.key),
                    "score": best.score,
                    "holder": column_letter(holder) if holder is not None else "-",
                    "letter": column_letter(c),
                    "key": _question_name(instrument, suggest),
                },
            )
        )


def _ambiguous(
    ctx: _Context,
    grid: _Grid,
    candidates: dict[int, list[Candidate]],
    rivals: list[tuple[int, str]],
    key: str,
) -> Issue:
    """The refusal of a reading too close to call: both columns (or both questions) and the fixes."""

    def score(c: int, k: str) -> float:
        return next((x.score for x in candidates.get(c, []) if x.key == k), 0.0)

    name = partial(_question_name, ctx.instrument)
    readings = "; ".join(
        f"{column_letter(c)} '{shorten(grid.headers[c], 50)}' → {name(k)} ({score(c, k)})" for c, k in rivals
    )
    (c1, k1), (c2, k2) = rivals
    return ctx.issue(
        IssueCode.AMBIGUOUS_COLUMNS,
        params={
            "question": name(key),
            "readings": readings,
            "letter": column_letter(c1),
            "key": name(k1),
            "other_letter": column_letter(c2),
            "other_key": name(k2),
        },
    )


def _cross_check(
    ctx: _Context, grid: _Grid, final: dict[int, ColumnMatch], parsed: dict[int, list[Cell]], issues: list[Issue]
) -> None:
    """Each element column checked against the labels its answers carry (positional U8/U9 follow them)."""
    instrument = ctx.instrument
    for c, m in list(final.items()):
        if m.how == "map":
            continue
        checked = label_check(instrument, m, _label_element(parsed[c], grid.codes[c]))
        if checked is None:
            continue
        used, params = checked
        if used is not m:
            final[c] = used
            parsed[c] = _parse_column(ctx, grid, c, used.key)
        issues.append(
            ctx.issue(
                IssueCode.HEADER_LABEL_MISMATCH,
                Severity.WARNING,
                column=shorten(grid.headers[c], 60),
                letter=column_letter(c),
                params=params,
            )
        )


def _column_issues(ctx: _Context, grid: _Grid, mapping: _Mapping, issues: list[Issue]) -> None:
    """Duplicate and missing elements, and attribute columns that look like elements beyond the instrument."""
    instrument, headers = ctx.instrument, grid.headers
    several = len(instrument.question_keys) > len(instrument.elements)  # several questions per element
    for key, cols in mapping.by_key.items():
        if len(cols) > 1:
            issues.append(
                ctx.issue(
                    IssueCode.DUPLICATE_QUESTION if several else IssueCode.DUPLICATE_ELEMENT,
                    params={
                        "element": _question_name(instrument, key) if several else key.upper(),
                        "columns": ", ".join(f"'{headers[c]}' ({column_letter(c)})" for c in cols),
                    },
                )
            )
    missing = [_question_name(instrument, k) for k in instrument.question_keys if k not in mapping.by_key]
    if missing and several:
        issues.append(
            ctx.issue(
                IssueCode.MISSING_QUESTIONS,
                params={
                    "codes": ", ".join(missing),
                    "k": len(instrument.question_keys),
                    "elements": len(instrument.elements),
                },
            )
        )
    elif missing:
        issues.append(
            ctx.issue(
                IssueCode.MISSING_ELEMENTS, params={"codes": ", ".join(missing), "k": len(instrument.question_keys)}
            )
        )
    beyond = [c for c in mapping.attr_cols if code_beyond(headers[c], instrument) is not None]
    if beyond:
        issues.append(
            ctx.issue(
                IssueCode.CODES_BEYOND_INSTRUMENT,
                Severity.WARNING,
                params={
                    "columns": ", ".join(f"'{shorten(headers[c], 20)}' ({column_letter(c)})" for c in beyond),
                    "instrument": instrument.key,
                    "count": len(instrument.elements),
                },
            )
        )


def _classify_rows(rows: list[list[object]], grid: _Grid, mapping: _Mapping, header_row: int) -> _Rows:
    """Classify rows: empty, the template's summary block, rows without a single answer; the rest are kept."""
    n = grid.n
    skipped = [SkippedRow(r + 1, "title") for r in range(header_row) if not row_is_blank(rows[r])]
    nonblank = np.zeros(n, dtype=bool)
    for c in range(grid.width):
        nonblank |= grid.nonblank[c]
    seen = np.zeros(n, dtype=bool)
    summary = np.zeros(n, dtype=bool)
    for c in range(grid.width):
        uniques = grid.uniques[c]
        flags = (
            np.zeros(len(uniques), dtype=bool)
            if grid.kinds[c] in _NO_TEXT
            else np.fromiter((type(v) is str and is_summary_label(v) for v in uniques), dtype=bool, count=len(uniques))
        )
        summary |= ~seen & np.append(flags, False)[grid.codes[c]]
        seen |= grid.nonblank[c]
    labelled_summary = summary.copy()
    if summary.any():
        summary[int(np.argmax(summary)) :] = True
    summary &= nonblank
    answered = np.zeros(n, dtype=bool)
    for c in mapping.element_cols:
        answered |= grid.nonblank[c]
    keep = nonblank & ~summary & answered
    for i in np.flatnonzero(~keep).tolist():
        reason = "empty" if not nonblank[i] else "summary" if summary[i] else "no-answers"
        skipped.append(SkippedRow(header_row + 2 + i, reason))
    skipped.sort(key=lambda s: s.row)
    kept = np.flatnonzero(keep)
    return _Rows(kept, kept + header_row + 2, skipped, summary & ~labelled_summary)


def _score_cells(
    ctx: _Context, grid: _Grid, mapping: _Mapping, found: _Rows, issues: list[Issue]
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Each element column's scores and mask: one lookup table per column, issues only for wrong cells."""
    instrument = ctx.instrument
    low, high = instrument.scale_min, instrument.scale_max
    cell_issues: list[tuple[int, int, Issue]] = []
    scores: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    complete_tail = found.complete_tail
    mismatched = {i.letter for i in issues if i.code is IssueCode.HEADER_LABEL_MISMATCH}
    for c in mapping.element_cols:
        key = mapping.final[c].key
        cells = mapping.parsed[c]
        mismatch = column_letter(c) in mismatched
        table = np.zeros(len(cells) + 1, dtype=np.int8)
        valid = np.zeros(len(cells) + 1, dtype=bool)
        bad: list[int] = []
        for u, cell in enumerate(cells):
            foreign = bool(cell.elements) and key not in cell.elements and not mismatch
            if cell.score is not None and not foreign:
                table[u], valid[u] = cell.score, True
            elif cell.code is not None or foreign:
                bad.append(u)
        codes = grid.codes[c][found.kept]
        scores[c] = (table[codes], ~valid[codes])
        complete_tail &= valid[grid.codes[c]]
        params = {
            "low": low,
            "high": high,
            "mid": low + 1,
            "element": element_name(instrument, key),
            "expected": ctx.book.expected(key),
        }
        for u in bad:
            cell = cells[u]
            code = cell.code if cell.code is not None else IssueCode.UNKNOWN_LABEL
            value = shorten(grid.uniques[c][u])
            column = shorten(grid.headers[c], 60)
            cell_issues.extend(
                (
                    i,
                    c,
                    ctx.issue(
                        code,
                        row=int(found.row_numbers[i]),
                        column=column,
                        letter=column_letter(c),
                        value=value,
                        params=dict(params),
                    ),
                )
                for i in np.flatnonzero(codes == u).tolist()
            )
    if mapping.element_cols:
        for i in np.flatnonzero(complete_tail).tolist():
            issues.append(ctx.issue(IssueCode.ROW_AFTER_SUMMARY, Severity.WARNING, row=ctx.header_row + 2 + i))
    cell_issues.sort(key=lambda x: (x[0], x[1]))
    issues.extend(i for _, _, i in cell_issues)
    return scores


def _assemble(
    ctx: _Context,
    grid: _Grid,
    mapping: _Mapping,
    found: _Rows,
    scores: dict[int, tuple[np.ndarray, np.ndarray]],
    issues: list[Issue],
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame (answers, then attributes under their headers), its profile and the parsed date column."""
    kept = found.kept
    data: dict[str, object] = {}
    for key in ctx.instrument.question_keys:
        if key in mapping.by_key:
            answer_values, mask = scores[mapping.by_key[key][0]]
            data[key] = pd.arrays.IntegerArray(answer_values, mask)
    attr_cols = mapping.attr_cols
    names = unique_names([grid.headers[c] or f"kolom {column_letter(c)}" for c in attr_cols])
    for name, c in zip(names, attr_cols, strict=True):
        lookup = np.empty(len(grid.uniques[c]) + 1, dtype=object)
        lookup[:-1] = grid.uniques[c]
        lookup[:-1][grid.blank[c]] = None
        lookup[-1] = None
        data[name] = lookup[grid.codes[c][kept]]
    frame = pd.DataFrame(data, index=pd.Index(found.row_numbers.tolist(), name="row"))
    profile: dict[str, str] = {}
    for name in names:
        canonical = match_profile(name)
        if canonical is not None and canonical not in profile:
            profile[canonical] = name
    if "date" in profile:
        c = attr_cols[names.index(profile["date"])]
        codes = grid.codes[c][kept]
        dates = _date_column(grid.uniques[c], grid.blank[c], codes, grid.kinds[c])
        if dates is not None:
            frame[profile["date"]], bad_dates = dates
            issues.extend(
                ctx.issue(
                    IssueCode.INVALID_DATE,
                    Severity.WARNING,
                    row=int(found.row_numbers[i]),
                    column=shorten(grid.headers[c], 60),
                    letter=column_letter(c),
                    value=shorten(grid.uniques[c][codes[i]]),
                )
                for i in bad_dates
            )
    return frame, profile


def _enforce(responses: Responses, *, strict: bool, invalid: InvalidPolicy) -> None:
    """Raise for no respondents, or (``strict``) for bad columns and invalid cells under ``--invalid error``."""
    source, issues = responses.source, responses.issues
    if responses.frame.empty:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=source)
    if not strict:
        return
    if any(i.code in FATAL_CODES for i in issues):
        raise SkmError(
            IssueCode.BAD_COLUMNS,
            ExitCode.INVALID_DATA,
            # a scale column left over is the likely home of a missing question: its fix goes along
            issues=[i for i in issues if i.code in FATAL_CODES or i.code in _HINTS],
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


def _date_column(
    values: list[object], blank: object, codes: object, kind: str = "mixed"
) -> tuple[Any, list[int]] | None:
    """The date column as datetimes (NaT where blank or not a date) and the rows that are not dates.

    ``None`` when most values are not dates (then the column is left as written).
    """

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
_HINTS = frozenset({IssueCode.COLUMN_LEFT_OVER, IssueCode.SCALE_COLUMN_UNNAMED})
_NOT_ANSWERS = frozenset({"boolean", "datetime", "datetime64", "date", "timedelta", "time", "empty"})
_SCALE_SHARE = 0.9  # this share of a column's answers on the scale makes it a question
_LABEL_POINTS = 1.5  # the answers carry the question's own labels
_FREE_TEXT_PENALTY = 3.0  # most answers are not scale answers


def _question_name(instrument: Instrument, key: str) -> str:
    """A question as the questionnaire names it: its element's code and the key's suffix (``U8a``)."""
    for element in instrument.elements:
        code = element.code
        if any(q.key == key for q in element.questions) and key.lower().startswith(code.lower()):
            return code + key[len(code) :]
    return key.upper()


def _counts(cells: list[Cell], codes: object) -> list[int]:
    """How many cells of a column hold each distinct value (codes: -1 = empty cell)."""
    index = np.asarray(codes)
    return [int(n) for n in np.bincount(index[index >= 0], minlength=len(cells))]


def _valid_share(cells: list[Cell], codes: object) -> float:
    """Share of a column's non-blank cells that are valid answers (0 for an empty column)."""
    return valid_share(cells, _counts(cells, codes))


def _label_element(cells: list[Cell], codes: object, *, strict: bool = False) -> frozenset[str] | None:
    """The element(s) whose labels most answers of a column carry (see :func:`cells.label_element`)."""
    return label_element(cells, _counts(cells, codes), strict=strict)
