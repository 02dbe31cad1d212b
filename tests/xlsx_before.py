"""A frozen copy of the xlsx report writer at commit 14f3240 (one openpyxl ``Cell`` per value, the
workbook made inert by ``inert_workbook``, saved by openpyxl): the reference the writer in
``skm.render.document.xlsx`` must match (tests/test_xlsx_same.py, benchmarks/xlsx_writer.py).
Do not edit, except to follow a change of the report's content made in both writers.

The report as an Excel workbook (openpyxl).

Sheets: one per report section (identity and method, IKM with the per-element table, services,
profile, distribution, priority, plan, suggestions, trend) and "Data": respondents × questions
with the Σ, n, NRR, weight and weighted rows, NI and IKM, the layout units know from the
regulation's processing template. Numbers are the core's published values (not recomputed by
Excel formulas), so the workbook shows exactly what the other formats show. Charts are native
Excel bar charts. Any text starting with = + - @ is stored as text, never as a formula.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skm.analysis.facts import ReportData
from skm.render.document.blocks import (
    BarChart,
    Block,
    Cell,
    Document,
    Headline,
    KeyValues,
    LineChart,
    Paragraph,
    Signature,
    Table,
    printable,
)
from skm.render.rows import element_rows
from skm.render.safe import inert_workbook, is_formula_like
from skm.text import Lang
from skm.text.report import tr

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["write_xlsx"]

_NAVY = "16325C"
_SOFT = "EEF2F7"
_PARAGRAPH_COLUMNS = 8
_BAND_COLUMN = 40  # hidden helper columns (AN…) holding the grade bounds drawn on charts
_GRADE_HEX = {"A": "1B7F4B", "B": "2F6DB5", "C": "D08A17", "D": "B8322A"}
_ROW_CM = 0.53  # default row height (15 pt) in centimetres
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def _pale(hex_colour: str) -> str:
    """The colour mixed two parts in three with white."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * 2 / 3):02X}" for c in rgb)


def _number_format(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return "0" if places == 0 else "0." + "0" * places


class _Writer:
    """Writes blocks down a sheet, keeping the current row."""

    def __init__(self, ws: Worksheet, lang: Lang = Lang.ID) -> None:
        self.ws = ws
        self.lang = lang
        self.row = 1
        self.widths: dict[int, float] = {}
        self.last_table: tuple[int, Table] | None = None
        self.header_rows: list[int] = []

    def put(
        self,
        row: int,
        col: int,
        value: Cell | float | str,
        *,
        bold: bool = False,
        fill: str | None = None,
        measure: bool = True,
    ) -> Any:
        from openpyxl.styles import Font, PatternFill

        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, Decimal):
            cell.value = float(value)
            cell.number_format = _number_format(value)
        elif isinstance(value, str):
            value = printable(value)[:32000]  # Excel's cell limit is 32 767 characters
            cell.value = value
            cell.data_type = "s"  # an error code's text ("#N/A") stays text (changed after 14f3240)
            if is_formula_like(value):
                cell.data_type = "s"  # text, never a formula
                cell.quotePrefix = True
        else:
            cell.value = value
        if bold or fill:
            cell.font = Font(bold=True, color="FFFFFF" if fill == _NAVY else None)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if not measure:
            pass
        elif isinstance(value, str):
            self.widths[col] = max(self.widths.get(col, 0), min(len(value), 60))
        elif value is not None:
            self.widths[col] = max(self.widths.get(col, 0), 8)
        return cell

    def title(self, text: str, size: int = 14) -> None:
        from openpyxl.styles import Font

        cell = self.ws.cell(row=self.row, column=1, value=text)
        cell.font = Font(bold=True, size=size, color=_NAVY)
        self.row += 2 if size >= 14 else 1

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            from openpyxl.styles import Alignment, Font

            cell = self.put(self.row, 1, block.text, measure=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if block.note:
                cell.font = Font(italic=True, color="5B6573")
            self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=_PARAGRAPH_COLUMNS)
            self.ws.row_dimensions[self.row].height = 15 * max(1, -(-len(block.text) // 95))
            self.row += 2
        elif isinstance(block, KeyValues):
            for k, v in block.rows:
                self.put(self.row, 1, k, bold=True)
                self.put(self.row, 2, v)
                self.row += 1
            self.row += 1
        elif isinstance(block, Headline):
            for i, (label, _) in enumerate(block.items):
                self.put(self.row, 1 + i, label, bold=True, fill=_NAVY)
            self.row += 1
            for i, (_, value) in enumerate(block.items):
                self.put(self.row, 1 + i, value, bold=True)
            self.row += 2
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, BarChart):
            self.chart(block)
        elif isinstance(block, LineChart):
            self.line_chart(block)
        elif isinstance(block, Signature):
            for line in (*block.lines, "", "", block.name, *block.after):
                self.put(self.row, 4, line)
                self.row += 1

    def table(self, table: Table) -> None:
        if table.caption:
            self.put(self.row, 1, table.caption, bold=True)
            self.row += 1
        for j, c in enumerate(table.columns, start=1):
            self.put(self.row, j, c, bold=True, fill=_NAVY)
        self.header_rows.append(self.row)
        grade_col = {j for j, c in enumerate(table.columns, start=1) if c == tr("grade", self.lang)}
        start = self.row + 1
        self.row = start
        for r in table.rows:
            for j, v in enumerate(r, start=1):
                cell = self.put(self.row, j, v)
                if j in grade_col:
                    self._grade_cell(cell, v)
            self.row += 1
        if table.total is not None:
            for j, v in enumerate(table.total, start=1):
                cell = self.put(self.row, j, v, bold=True, fill=_SOFT)
                if j in grade_col:
                    self._grade_cell(cell, v)
            self.row += 1
        self.last_table = (start, table)
        self.row += 1

    def _grade_cell(self, cell: Any, value: object) -> None:
        """A mutu cell: centred, in the grade's colour."""
        from openpyxl.styles import Alignment, Font

        cell.alignment = Alignment(horizontal="center")
        if isinstance(value, str) and value in _GRADE_HEX:
            cell.font = Font(bold=True, color=_GRADE_HEX[value])

    def chart(self, chart: BarChart) -> None:
        from openpyxl.chart import BarChart as XlBar
        from openpyxl.chart import Reference

        source = self._source(chart)
        if source is None:
            self.put(self.row, 1, chart.title, bold=True)
            first = self.row + 1
            for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
                self.put(first + i, 1, label)
                self.put(first + i, 2, value)
            source = (first, 1, 2, self.row + 1, 0)
            self.row = first + len(chart.values) + 1
        first, label_col, value_col, anchor_row, anchor_col = source
        last = first + len(chart.values) - 1
        xl = XlBar()
        xl.type = "bar" if max(len(s) for s in chart.labels) > 6 else "col"
        xl.title = chart.title
        xl.legend = None
        xl.y_axis.scaling.min = float(chart.minimum)
        xl.y_axis.scaling.max = float(chart.maximum)
        xl.y_axis.majorGridlines = None
        xl.height = max(5.0, 0.55 * len(chart.values) + 2.5) if xl.type == "bar" else 8.0
        xl.width = 16.0
        xl.add_data(Reference(self.ws, min_col=value_col, min_row=first, max_row=last), titles_from_data=False)
        xl.set_categories(Reference(self.ws, min_col=label_col, min_row=first, max_row=last))
        if chart.series:
            from openpyxl.chart.series import SeriesLabel

            xl.series[0].tx = SeriesLabel(v=chart.series)
        if xl.type == "bar":
            xl.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
        if chart.grades:
            from openpyxl.chart.marker import DataPoint
            from openpyxl.chart.shapes import GraphicalProperties

            for idx, grade in enumerate(chart.grades):
                point = DataPoint(idx=idx)
                colour = _GRADE_HEX.get(grade, "2F5D8A")
                if idx < len(chart.small) and chart.small[idx]:
                    colour = _pale(colour)  # a group too small to rely on: drawn pale, as in HTML and Word
                point.graphicalProperties = GraphicalProperties(solidFill=colour)
                xl.series[0].dPt.append(point)
        from openpyxl.utils import get_column_letter

        if chart.bands and xl.type == "col":
            self._band_lines(xl, chart, first, last)
        self.ws.add_chart(xl, f"{get_column_letter(anchor_col or 4)}{anchor_row}")
        self.row = max(self.row, anchor_row + int(xl.height / _ROW_CM) + 2)  # below the chart

    def line_chart(self, chart: LineChart) -> None:
        """A native Excel line chart over the periods (its data written just above it)."""
        from openpyxl.chart import LineChart as XlLine
        from openpyxl.chart import Reference

        self.put(self.row, 1, chart.title, bold=True)
        first = self.row + 1
        for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            self.put(first + i, 1, label)
            self.put(first + i, 2, value)
        last = first + len(chart.values) - 1
        xl = XlLine()
        xl.title = chart.title
        xl.legend = None
        xl.y_axis.scaling.min = float(chart.minimum)
        xl.y_axis.scaling.max = float(chart.maximum)
        xl.height, xl.width = 8.0, 16.0
        xl.add_data(Reference(self.ws, min_col=2, min_row=first, max_row=last), titles_from_data=False)
        xl.set_categories(Reference(self.ws, min_col=1, min_row=first, max_row=last))
        self.ws.add_chart(xl, f"D{self.row}")
        self.row = max(last + 2, self.row + int(xl.height / _ROW_CM) + 2)

    def _band_lines(self, xl: Any, chart: BarChart, first: int, last: int) -> None:
        """Mark the grade bounds as flat line series (their data in hidden columns far right)."""
        from openpyxl.chart import LineChart, Reference
        from openpyxl.chart.shapes import GraphicalProperties
        from openpyxl.drawing.line import LineProperties
        from openpyxl.utils import get_column_letter

        lines = LineChart()
        for k, (lower, grade) in enumerate(chart.bands):
            col = _BAND_COLUMN + k
            self.ws.cell(row=first - 1, column=col, value=f"{grade} ≥ {lower}")
            for r in range(first, last + 1):
                self.put(r, col, lower, measure=False)
            self.ws.column_dimensions[get_column_letter(col)].hidden = True
            lines.add_data(Reference(self.ws, min_col=col, min_row=first - 1, max_row=last), titles_from_data=True)
            series = lines.series[-1]
            series.graphicalProperties = GraphicalProperties(
                ln=LineProperties(solidFill=_GRADE_HEX.get(grade, "666666"), prstDash="dash", w=15875)
            )
            series.smooth = False
        lines.y_axis.axId = xl.y_axis.axId
        lines.y_axis.scaling.min = xl.y_axis.scaling.min
        lines.y_axis.scaling.max = xl.y_axis.scaling.max
        xl.visible_cells_only = False  # the band data sits in hidden columns
        xl += lines
        from openpyxl.chart.legend import Legend

        xl.legend = Legend()
        xl.legend.position = "b"

    def _source(self, chart: BarChart) -> tuple[int, int, int, int, int] | None:
        """The last table's columns holding this chart's labels and values, if any."""
        if self.last_table is None:
            return None
        start, table = self.last_table
        if len(table.rows) != len(chart.values):
            return None
        columns = list(zip(*table.rows, strict=True))
        labels = [j for j, col in enumerate(columns) if list(col) == list(chart.labels)]
        values = [j for j, col in enumerate(columns) if list(col) == list(chart.values)]
        if not labels or not values:
            return None
        return start, labels[0] + 1, values[-1] + 1, start - 1, len(table.columns) + 2

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(6.0, width + 2)
        if (
            len(self.header_rows) == 1 and not self.ws.print_title_rows
        ):  # one table: its heading repeated on every printed page
            row = self.header_rows[0]
            self.ws.print_title_rows = f"{row}:{row}"


def _sheet_name(name: str, used: set[str]) -> str:
    base = _BAD_SHEET.sub(" ", printable(name)).strip()[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _legend(doc: Document) -> tuple[Block, ...]:
    """The document's own list of elements with their weights and its grade bands, shown again
    under the Data sheet (taken from the document, never built a second time)."""
    blocks: list[Block] = []
    for _chapter, _title, sections in doc.chapters():
        for section in sections:
            if section.key == "method":
                blocks += [b for b in section.blocks if isinstance(b, Table) and b.key == "elements-list"]
            elif section.key == "bands":
                blocks += section.blocks
    return tuple(blocks)


def _data_sheet(ws: Worksheet, data: ReportData, legend: tuple[Block, ...]) -> None:
    """Respondents × questions with the processing rows of the regulation's template."""
    from openpyxl.styles import Font

    lang = data.lang
    result = data.result
    w = _Writer(ws, lang)
    w.title(tr("doc-title", lang))
    keys = data.question_keys
    element_of = {q.key: e for e in result.instrument.elements for q in e.questions}
    single = all(len(e.questions) == 1 for e in result.instrument.elements)
    headers = ["No.", tr("row", lang)] + [element_of[k].code if single else k.upper() for k in keys]
    shown = data.tabulated  # at most TABULATION_LIMIT rows: the sheet stays small whatever the file
    if len(shown) < len(data.answers):
        w.put(w.row, 1, tr("tabulation-capped", lang, shown=len(shown), total=len(data.answers)), bold=True)
        w.row += 2
    for j, h in enumerate(headers, start=1):
        w.put(w.row, j, h, bold=True, fill=_NAVY)
    ws.print_title_rows = f"{w.row}:{w.row}"  # the question codes on every printed page
    w.row += 1
    first = w.row
    for i, (row_no, answers) in enumerate(shown, start=1):
        w.put(w.row, 1, i)
        w.put(w.row, 2, row_no)
        for j, v in enumerate(answers, start=3):
            w.put(w.row, j, v)
        w.row += 1
    ws.freeze_panes = ws.cell(row=first, column=3)
    rows = {row.code: row for row in element_rows(result, lang)}

    def question_row(label: str, values: tuple[int, ...]) -> None:
        w.put(w.row, 2, label, bold=True, fill=_SOFT)
        for j, v in enumerate(values, start=3):
            w.put(w.row, j, v, fill=_SOFT)
        w.row += 1

    def element_row(label: str, field: str) -> None:
        w.put(w.row, 2, label, bold=True, fill=_SOFT)
        for j, k in enumerate(keys, start=3):
            e = element_of[k]
            if e.questions[0].key == k:
                w.put(w.row, j, getattr(rows[e.code], field), fill=_SOFT)
        w.row += 1

    question_row(tr("sum", lang), data.question_sums)
    question_row(tr("answered-long", lang), data.question_counts)
    for field in ("nrr", "weight", "weighted", "converted", "grade"):
        element_row(tr(field, lang), field)
    w.row += 1
    perf = result.band.performance_en if lang.value == "en" else result.band.performance
    for label, value in (
        (tr("ni", lang), result.index_display),
        (tr("ikm", lang), result.ikm_display),
        (tr("grade", lang), result.grade),
        (tr("performance", lang), perf),
    ):
        w.put(w.row, 2, label, bold=True)
        cell = w.put(w.row, 3, value, bold=True)
        cell.font = Font(bold=True, size=12, color=_NAVY)
        w.row += 1
    w.row += 1
    for block in legend:
        w.block(block)
    w.finish()
    ws.column_dimensions["B"].width = 18


def write_xlsx(doc: Document, data: ReportData, path: Path) -> None:
    """Write the workbook to ``path``."""
    from openpyxl import Workbook

    wb = Workbook()
    used: set[str] = set()
    first = True
    writers: dict[str, _Writer] = {}
    for _chapter, chapter_title, sections in doc.chapters():
        for section in sections:
            group = section.sheet or section.title
            if group not in writers:
                ws = wb.active if first else wb.create_sheet()
                assert ws is not None
                ws.title = _sheet_name(group, used)
                w = writers[group] = _Writer(ws, doc.lang)
                if first:
                    w.title(doc.title)
                    w.put(w.row - 1, 1, f"{doc.unit} — {doc.period}", bold=True)
                    w.row += 1
                first = False
                w.title(chapter_title)
            w = writers[group]
            w.title(section.title, size=12)
            for block in section.blocks:
                w.block(block)
            w.row += 1
            if section.key == "elements":
                _data_sheet(wb.create_sheet(_sheet_name(tr("sheet-data", doc.lang), used)), data, _legend(doc))
    for w in writers.values():
        w.finish()
    names = [ws.title for ws in wb.worksheets]
    if "IKM" in names:
        wb.active = names.index("IKM")
    for ws in wb.worksheets:
        ws.sheet_view.showGridLines = ws.title == _sheet_name(tr("sheet-data", doc.lang), set())
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    inert_workbook(wb)
    wb.save(path)
