"""The report as an Excel workbook (openpyxl).

Sheets: one per report section (identity and method, IKM with the per-element table, services,
profile, distribution, priority, plan, suggestions, trend) and "Data": respondents × questions
with the Σ, n, NRR, weight and weighted rows, NI and IKM, the layout units know from the
regulation's processing template. Numbers are the core's published values (not recomputed by
Excel formulas), so the workbook shows exactly what the other formats show. Charts are native
Excel bar charts. Any text starting with = + - @ is stored as text, never as a formula.

The cells are kept in plain lists, their styles registered once in openpyxl's style tables, and
each sheet's ``<sheetData>`` is written here as one XML string (openpyxl's own serialisation of
a cell, byte for byte: inline strings, its number text, its style indices in its order);
openpyxl writes everything else (styles, charts, drawings, columns, merges, page set-up) and the
sheets' XML is spliced into its package. An openpyxl ``Cell`` per value cost more than the rest
of the writer (tests/test_xlsx_same.py holds the proof the workbook is unchanged).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
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
    no_gc,
    printable,
)
from skm.render.rows import element_rows
from skm.render.safe import is_formula_like, xml_safe
from skm.text import Lang
from skm.text.report import tr

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
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


_XML_SPECIAL = re.compile("[&<>\r]")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)

# A cell: [type attribute, content XML or None (no value), fontId, fillId, numFmtId, alignmentId, quotePrefix]
_T, _XML, _FONT, _FILL, _NUMFMT, _ALIGN, _QUOTE = range(7)


def _escape(text: str) -> str:
    """Text as lxml writes it in an element (non-ASCII becomes character references later)."""
    if _XML_SPECIAL.search(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class _Styles:
    """The workbook's style tables: each font, fill, alignment, number format and cell format
    registered in openpyxl's tables the first time it is used (the order a ``Cell`` would
    register it), its index cached."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._fonts: dict[tuple[tuple[str, object], ...], int] = {}
        self._fills: dict[str, int] = {}
        self._alignments: dict[tuple[tuple[str, object], ...], int] = {}
        self._formats: dict[str, int] = {}
        self._xfs: dict[tuple[int, int, int, int, int], int] = {}

    def font(self, **kwargs: Any) -> int:
        key = tuple(kwargs.items())
        index = self._fonts.get(key)
        if index is None:
            from openpyxl.styles import Font  # noqa: PLC0415

            index = self._fonts[key] = self.wb._fonts.add(Font(**kwargs))
        return index

    def fill(self, colour: str) -> int:
        index = self._fills.get(colour)
        if index is None:
            from openpyxl.styles import PatternFill  # noqa: PLC0415

            index = self._fills[colour] = self.wb._fills.add(PatternFill("solid", fgColor=colour))
        return index

    def alignment(self, **kwargs: Any) -> int:
        key = tuple(kwargs.items())
        index = self._alignments.get(key)
        if index is None:
            from openpyxl.styles import Alignment  # noqa: PLC0415

            index = self._alignments[key] = self.wb._alignments.add(Alignment(**kwargs))
        return index

    def number_format(self, code: str) -> int:
        index = self._formats.get(code)
        if index is None:
            from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE  # noqa: PLC0415

            builtin = BUILTIN_FORMATS_REVERSE.get(code)
            index = builtin if builtin is not None else self.wb._number_formats.add(code) + BUILTIN_FORMATS_MAX_SIZE
            self._formats[code] = index
        return index

    def xf(self, key: tuple[int, int, int, int, int]) -> int:
        """The cell format's index in cellXfs (registered when the cell is written, as openpyxl does)."""
        index = self._xfs.get(key)
        if index is None:
            from openpyxl.styles.cell_style import StyleArray  # noqa: PLC0415

            style = StyleArray()
            style.fontId, style.fillId, style.numFmtId, style.alignmentId, style.quotePrefix = key
            index = self._xfs[key] = self.wb._cell_styles.add(style)
        return index


def _set_value(cell: list[Any], value: object) -> None:
    """Store ``value`` in ``cell`` as openpyxl would, text made inert (``inert_workbook``'s rule)."""
    if isinstance(value, str):
        text = xml_safe(value[:32767])
        if is_formula_like(text):
            cell[_QUOTE] = 1  # text, never a formula (Excel's quote prefix)
        if not text:
            cell[_T] = "inlineStr"
            cell[_XML] = ""
        else:
            space = ' xml:space="preserve"' if text != text.strip() else ""
            cell[_T] = "inlineStr"
            cell[_XML] = f"<is><t{space}>{_escape(text)}</t></is>"
    elif value is None:
        cell[_T] = "n"
        cell[_XML] = None
    elif isinstance(value, bool):
        cell[_T] = "b"
        cell[_XML] = f"<v>{int(value)}</v>"
    elif isinstance(value, int | float):
        cell[_T] = "n"
        cell[_XML] = f"<v>{value:.16g}</v>" if math.isfinite(value) else ""
    else:
        raise TypeError(f"cannot write {type(value).__name__} to a cell")


class _Writer:
    """Writes blocks down a sheet, keeping the current row and the sheet's cells."""

    def __init__(self, ws: Worksheet, styles: _Styles, lang: Lang = Lang.ID) -> None:
        self.ws = ws
        self.styles = styles
        self.lang = lang
        self.row = 1
        self.widths: dict[int, float] = {}
        self.last_table: tuple[int, Table] | None = None
        self.header_rows: list[int] = []
        self.cells: dict[int, dict[int, list[Any]]] = {}
        self._numbers: dict[int, str] = {}  # a whole number's <v> (put_row)

    def cell(self, row: int, col: int) -> list[Any]:
        """The cell at (row, col), created empty if new (as ``Worksheet.cell``)."""
        line = self.cells.get(row)
        if line is None:
            line = self.cells[row] = {}
        cell = line.get(col)
        if cell is None:
            cell = line[col] = ["n", None, 0, 0, 0, 0, 0]
        return cell

    def put(
        self,
        row: int,
        col: int,
        value: Cell | float | str,
        *,
        bold: bool = False,
        fill: str | None = None,
        measure: bool = True,
    ) -> list[Any]:
        cell = self.cell(row, col)
        if type(value) is int:  # most cells (the answers): what _set_value does for an int, inline
            cell[_T] = "n"
            cell[_XML] = f"<v>{value:.16g}</v>"
        elif isinstance(value, Decimal):
            _set_value(cell, float(value))
            cell[_NUMFMT] = self.styles.number_format(_number_format(value))
        elif isinstance(value, str):
            value = printable(value)[:32000]  # Excel's cell limit is 32 767 characters
            _set_value(cell, value)
        else:
            _set_value(cell, value)
        if bold or fill:
            cell[_FONT] = self.styles.font(bold=True, color="FFFFFF" if fill == _NAVY else None)
        if fill:
            cell[_FILL] = self.styles.fill(fill)
        if not measure:
            pass
        elif isinstance(value, str):
            self.widths[col] = max(self.widths.get(col, 0), min(len(value), 60))
        elif value is not None:
            self.widths[col] = max(self.widths.get(col, 0), 8)
        return cell

    def put_row(self, row: int, values: tuple[Cell, ...]) -> None:
        """``put(row, j, v)`` for the values from column 1, unstyled and measured; a whole number
        (an answer) written inline, its XML made once per value."""
        line = self.cells.get(row)
        if line is None:
            line = self.cells[row] = {}
        widths = self.widths
        numbers = self._numbers
        for col, value in enumerate(values, start=1):
            if type(value) is not int:
                self.put(row, col, value)
                continue
            xml = numbers.get(value)
            if xml is None:
                xml = numbers[value] = f"<v>{value:.16g}</v>"
            cell = line.get(col)
            if cell is None:
                line[col] = ["n", xml, 0, 0, 0, 0, 0]
            else:
                cell[_T], cell[_XML] = "n", xml
            if widths.get(col, 0) < 8:
                widths[col] = 8

    def merge(self, row: int, first: int, last: int) -> None:
        """Merge columns first…last of ``row`` (the cells right of the first dropped, as openpyxl does)."""
        line = self.cells.get(row, {})
        for col in range(first + 1, last + 1):
            line.pop(col, None)
        self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)

    def sheet_xml(self) -> tuple[str, bytes]:
        """The sheet's dimension and its ``<sheetData>`` element, as openpyxl writes them once
        ``inert_workbook`` has visited every cell of the used range (every row 1…max, empty ones too)."""
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        merged = list(self.ws._cells)  # the merged ranges' covered cells: openpyxl's only cells here
        rows = set(self.cells).union(r for r, _ in merged)
        if not rows:
            return "A1:A1", b"<sheetData></sheetData>"
        cols = {c for line in self.cells.values() for c in line}.union(c for _, c in merged)
        max_row, max_col = max(rows), max(cols)
        dims = self.ws.row_dimensions
        xf = self.styles.xf
        letters = {c: get_column_letter(c) for c in cols}
        out = ["<sheetData>"]
        for r in sorted(rows.union(range(1, max_row + 1), dims)):
            attrs = "".join(f' {k}="{v}"' for k, v in dims[r]) if r in dims else ""
            out.append(f'<row r="{r}"{attrs}>')
            line = self.cells.get(r)
            if line:
                for c in sorted(line):
                    t, xml, font, fill, numfmt, align, quote = line[c]
                    if font or fill or numfmt or align or quote:
                        s = xf((font, fill, numfmt, align, quote))
                        out.append(f'<c r="{letters[c]}{r}" s="{s}" t="{t}">{xml or ""}</c>')
                    elif xml is not None:
                        out.append(f'<c r="{letters[c]}{r}" t="{t}">{xml}</c>')
            out.append("</row>")
        out.append("</sheetData>")
        ref = f"A1:{get_column_letter(max_col)}{max_row}"
        return ref, "".join(out).encode("ascii", "xmlcharrefreplace")

    def title(self, text: str, size: int = 14) -> None:
        cell = self.cell(self.row, 1)
        _set_value(cell, text)
        cell[_FONT] = self.styles.font(bold=True, size=size, color=_NAVY)
        self.row += 2 if size >= 14 else 1

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            cell = self.put(self.row, 1, block.text, measure=False)
            cell[_ALIGN] = self.styles.alignment(wrap_text=True, vertical="top")
            if block.note:
                cell[_FONT] = self.styles.font(italic=True, color="5B6573")
            self.merge(self.row, 1, _PARAGRAPH_COLUMNS)
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
            if not grade_col:
                self.put_row(self.row, r)
            else:
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

    def _grade_cell(self, cell: list[Any], value: object) -> None:
        """A mutu cell: centred, in the grade's colour."""
        cell[_ALIGN] = self.styles.alignment(horizontal="center")
        if isinstance(value, str) and value in _GRADE_HEX:
            cell[_FONT] = self.styles.font(bold=True, color=_GRADE_HEX[value])

    def chart(self, chart: BarChart) -> None:
        from openpyxl.chart import BarChart as XlBar  # noqa: PLC0415
        from openpyxl.chart import Reference  # noqa: PLC0415

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
            from openpyxl.chart.series import SeriesLabel  # noqa: PLC0415

            xl.series[0].tx = SeriesLabel(v=chart.series)
        if xl.type == "bar":
            xl.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
        if chart.grades:
            from openpyxl.chart.marker import DataPoint  # noqa: PLC0415
            from openpyxl.chart.shapes import GraphicalProperties  # noqa: PLC0415

            for idx, grade in enumerate(chart.grades):
                point = DataPoint(idx=idx)
                colour = _GRADE_HEX.get(grade, "2F5D8A")
                if idx < len(chart.small) and chart.small[idx]:
                    colour = _pale(colour)  # a group too small to rely on: drawn pale, as in HTML and Word
                point.graphicalProperties = GraphicalProperties(solidFill=colour)
                xl.series[0].dPt.append(point)
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        if chart.bands and xl.type == "col":
            self._band_lines(xl, chart, first, last)
        self.ws.add_chart(xl, f"{get_column_letter(anchor_col or 4)}{anchor_row}")
        self.row = max(self.row, anchor_row + int(xl.height / _ROW_CM) + 2)  # below the chart

    def line_chart(self, chart: LineChart) -> None:
        """A native Excel line chart over the periods (its data written just above it)."""
        from openpyxl.chart import LineChart as XlLine  # noqa: PLC0415
        from openpyxl.chart import Reference  # noqa: PLC0415

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
        from openpyxl.chart import LineChart, Reference  # noqa: PLC0415
        from openpyxl.chart.shapes import GraphicalProperties  # noqa: PLC0415
        from openpyxl.drawing.line import LineProperties  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        lines = LineChart()
        for k, (lower, grade) in enumerate(chart.bands):
            col = _BAND_COLUMN + k
            _set_value(self.cell(first - 1, col), f"{grade} ≥ {lower}")
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
        from openpyxl.chart.legend import Legend  # noqa: PLC0415

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
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

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


def _data_sheet(ws: Worksheet, styles: _Styles, data: ReportData, legend: tuple[Block, ...]) -> _Writer:
    """Respondents × questions with the processing rows of the regulation's template."""
    lang = data.lang
    result = data.result
    w = _Writer(ws, styles, lang)
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
        w.put_row(w.row, (i, row_no, *answers))
        w.row += 1
    w.cell(first, 3)
    ws.freeze_panes = f"C{first}"
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
        cell[_FONT] = styles.font(bold=True, size=12, color=_NAVY)
        w.row += 1
    w.row += 1
    for block in legend:
        w.block(block)
    w.finish()
    ws.column_dimensions["B"].width = 18
    return w


def write_xlsx(doc: Document, data: ReportData, path: Path) -> None:
    """Write the workbook to ``path``, Python's cycle collector paused (:func:`no_gc`)."""
    with no_gc():
        _write(doc, data, path)


def _write(doc: Document, data: ReportData, path: Path) -> None:
    """:func:`write_xlsx` with the cycle collector paused."""
    from openpyxl import Workbook  # noqa: PLC0415

    wb = Workbook()
    styles = _Styles(wb)
    used: set[str] = set()
    first = True
    writers: dict[str, _Writer] = {}
    data_writer: _Writer | None = None
    for _chapter, chapter_title, sections in doc.chapters():
        for section in sections:
            group = section.sheet or section.title
            if group not in writers:
                ws = wb.active if first else wb.create_sheet()
                assert ws is not None
                ws.title = _sheet_name(group, used)
                w = writers[group] = _Writer(ws, styles, doc.lang)
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
                data_ws = wb.create_sheet(_sheet_name(tr("sheet-data", doc.lang), used))
                data_writer = _data_sheet(data_ws, styles, data, _legend(doc))
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
    # no inert_workbook(wb): openpyxl holds no cell here (the sheets' cells are written below), and
    # every text of a cell passed _set_value, which applies its rule (xml_safe, quote prefix)
    every = [*writers.values(), *([data_writer] if data_writer is not None else [])]
    by_sheet = {w.ws.title: w for w in every}
    # the sheets' XML in the workbook's order: their cell formats join cellXfs in the order
    # openpyxl's own writing of the cells would add them
    sheets = {ws.title: by_sheet[ws.title].sheet_xml() for ws in wb.worksheets if ws.title in by_sheet}
    buffer = _saved(wb)
    parts = {ws.path.lstrip("/"): sheets[ws.title] for ws in wb.worksheets if ws.title in sheets}
    with zipfile.ZipFile(buffer) as made, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in made.infolist():
            content = made.read(info)
            if info.filename in parts:
                content = _splice(content, *parts[info.filename])
            info.compress_type = zipfile.ZIP_DEFLATED  # as openpyxl's own zip
            out.writestr(info, content)


def _saved(wb: Any) -> io.BytesIO:
    """``wb.save`` into memory, its parts stored uncompressed (they are read back and spliced:
    compressed once, in the report) and each worksheet written into memory (openpyxl writes each
    to a temporary file, copies it into the zip and deletes it: 2–3 ms a sheet on a busy disk)."""
    import datetime  # noqa: PLC0415

    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing  # noqa: PLC0415
    from openpyxl.worksheet._writer import WorksheetWriter  # noqa: PLC0415
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    class Writer(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            """``ExcelWriter.write_worksheet`` (not write-only) with the sheet's XML in memory."""
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = WorksheetWriter(ws, io.BytesIO())
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.read())
            self.manifest.append(ws)

    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True)
    # what ``openpyxl.writer.excel.save_workbook`` does
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    Writer(wb, archive).save()
    return buffer


def _splice(sheet: bytes, ref: str, sheet_data: bytes) -> bytes:
    """openpyxl's worksheet XML (written without cells) with the sheet's dimension and cells."""
    sheet, dimensions = _DIMENSION.subn(f'<dimension ref="{ref}"/>'.encode(), sheet, count=1)
    sheet, data = _SHEET_DATA.subn(lambda _: sheet_data, sheet, count=1)
    if dimensions != 1 or data != 1:
        raise RuntimeError("unexpected worksheet XML from openpyxl")
    return sheet
