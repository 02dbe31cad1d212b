"""The named phases of building a responses table, each on a small sheet."""

from __future__ import annotations

from skm.core.instrument import PERMENPAN_14_2017
from skm.errors import Issue, IssueCode
from skm.readers.build import _classify_rows, _Context, _factorise, _map_columns, _score_cells
from skm.readers.cells import LabelBook
from skm.readers.table import _find_header

HEADER = ["Nama", *[f"U{i}" for i in range(1, 10)]]


def _sheet() -> list[list[object]]:
    return [
        ["SURVEI KEPUASAN MASYARAKAT"],
        HEADER,
        ["Ani", 4, 3, 4, 4, 3, 4, 4, 3, 4],
        [None] * 10,
        ["Budi", None, None, None, None, None, None, None, None, None],
        ["Citra", 4, 9, 4, 4, 3, 4, 4, 3, "x"],
        ["NRR/unsur", 4, 3, 4, 4, 3, 4, 4, 3, 4],
    ]


def test_find_header_takes_the_row_with_most_element_columns() -> None:
    row, matches = _find_header(_sheet(), PERMENPAN_14_2017)
    assert row == 1
    assert sorted(m.key for m in matches.values()) == [f"u{i}" for i in range(1, 10)]


def test_factorise_keeps_one_code_per_cell_and_the_headers() -> None:
    rows = _sheet()
    _, matches = _find_header(rows, PERMENPAN_14_2017)
    grid = _factorise(rows, 1, matches)
    assert (grid.n, grid.width) == (5, 10)
    assert grid.headers == HEADER
    names = [grid.uniques[0][c] if c >= 0 else None for c in grid.codes[0]]
    assert names == ["Ani", None, "Budi", "Citra", "NRR/unsur"]


def test_classify_rows_names_why_each_row_was_skipped() -> None:
    rows = _sheet()
    _, matches = _find_header(rows, PERMENPAN_14_2017)
    grid = _factorise(rows, 1, matches)
    ctx = _Context("x.csv", None, 1, PERMENPAN_14_2017, LabelBook(PERMENPAN_14_2017))
    mapping = _map_columns(ctx, grid, matches, [])
    found = _classify_rows(rows, grid, mapping, 1)
    assert found.row_numbers.tolist() == [3, 6]
    assert [(s.row, s.reason) for s in found.skipped] == [(1, "title"), (4, "empty"), (5, "no-answers"), (7, "summary")]


def test_score_cells_reports_each_wrong_cell_once_in_row_then_column_order() -> None:
    rows = _sheet()
    _, matches = _find_header(rows, PERMENPAN_14_2017)
    grid = _factorise(rows, 1, matches)
    ctx = _Context("x.csv", None, 1, PERMENPAN_14_2017, LabelBook(PERMENPAN_14_2017))
    mapping = _map_columns(ctx, grid, matches, [])
    found = _classify_rows(rows, grid, mapping, 1)
    issues: list[Issue] = []
    scores = _score_cells(ctx, grid, mapping, found, issues)
    assert [(i.code, i.row, i.letter) for i in issues] == [
        (IssueCode.OUT_OF_RANGE, 6, "C"),
        (IssueCode.UNKNOWN_LABEL, 6, "J"),
    ]
    values, mask = scores[1]
    assert values.tolist()[0] == 4
    assert mask.tolist() == [False, False]
    assert scores[2][1].tolist() == [False, True]
