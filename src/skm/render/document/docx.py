"""The report as an editable Word document (python-docx).

Chapters Pendahuluan, Metodologi, Hasil, Analisis dan Rencana Tindak Lanjut and Penutup, each
with its tables as real Word tables, so a unit edits the narrative instead of retyping tables.
Charts are drawn in the HTML and xlsx outputs; the docx carries their numbers as tables.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from skm.render.document.blocks import (
    BarChart,
    Cell,
    Document,
    Headline,
    KeyValues,
    Paragraph,
    Signature,
    Table,
    fmt,
    printable,
)
from skm.text.report import tr

__all__ = ["write_docx"]

_NAVY = (0x16, 0x32, 0x5C)


def _text(value: Cell, doc: Document) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return fmt(value, doc.lang)
    return value


def _shade(cell: Any, hex_fill: str) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_fill)
    props.append(shading)


def _set(
    cell: Any, text: str, *, bold: bool = False, white: bool = False, right: bool = False, size: float = 9
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.shared import Pt, RGBColor  # noqa: PLC0415

    cell.text = ""
    para = cell.paragraphs[0]
    run = para.add_run(printable(text))
    run.bold = bold
    run.font.size = Pt(size)
    if white:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


_TEXT_WIDTH_CM = 16.5


def _widths(table: Table, doc: Document) -> tuple[int, ...]:
    """Column shares from the longest text in each column; the ``wide`` column gets the rest."""
    rows = [table.columns, *table.rows, *([table.total] if table.total else [])]
    longest = [
        max(max((len(w) for w in _text(r[j], doc).split()), default=0) for r in rows) for j in range(len(table.columns))
    ]
    shares = [max(5, min(n + 1, 15)) for n in longest]
    if table.wide is not None:
        shares[table.wide] = max(shares[table.wide], sum(shares) // 2, 30)
    return tuple(shares)


def _table(document: Any, table: Table, doc: Document) -> None:
    from docx.shared import Pt  # noqa: PLC0415

    if table.caption:
        cap = document.add_paragraph()
        run = cap.add_run(table.caption)
        run.bold = True
        run.font.size = Pt(10)
    numeric = [
        bool(table.rows) and all(isinstance(r[i], int | Decimal) or r[i] is None for r in table.rows)
        for i in range(len(table.columns))
    ]
    rows = len(table.rows) + 1 + (1 if table.total is not None else 0)
    grid = document.add_table(rows=rows, cols=len(table.columns))
    grid.style = "Table Grid"
    for j, c in enumerate(table.columns):
        cell = grid.rows[0].cells[j]
        _set(cell, c, bold=True, white=True, right=numeric[j])
        _shade(cell, "16325C")
    for i, row in enumerate(table.rows, start=1):
        for j, v in enumerate(row):
            _set(grid.rows[i].cells[j], _text(v, doc), right=numeric[j])
    if table.total is not None:
        for j, v in enumerate(table.total):
            cell = grid.rows[-1].cells[j]
            _set(cell, _text(v, doc), bold=True, right=numeric[j])
            _shade(cell, "EEF2F7")
    from docx.shared import Cm  # noqa: PLC0415

    widths = table.widths if len(table.widths) == len(table.columns) else _widths(table, doc)
    grid.autofit = False
    total = sum(widths)
    for j, width in enumerate(widths):
        size = Cm(_TEXT_WIDTH_CM * width / total)
        grid.columns[j].width = size  # the grid (LibreOffice) and each cell (Word)
        for row_ in grid.rows:
            row_.cells[j].width = size
    document.add_paragraph()


def _key_values(document: Any, block: KeyValues) -> None:
    grid = document.add_table(rows=len(block.rows), cols=2)
    grid.style = "Table Grid"
    from docx.shared import Cm  # noqa: PLC0415

    grid.autofit = False
    for j, share in enumerate((0.35, 0.65)):
        grid.columns[j].width = Cm(_TEXT_WIDTH_CM * share)
        for row_ in grid.rows:
            row_.cells[j].width = Cm(_TEXT_WIDTH_CM * share)
    for i, (k, v) in enumerate(block.rows):
        _set(grid.rows[i].cells[0], k, bold=True)
        _shade(grid.rows[i].cells[0], "EEF2F7")
        _set(grid.rows[i].cells[1], v)
    document.add_paragraph()


def _headline(document: Any, block: Headline, doc: Document) -> None:
    grid = document.add_table(rows=2, cols=len(block.items))
    grid.style = "Table Grid"
    for j, (k, v) in enumerate(block.items):
        _set(grid.rows[0].cells[j], k, bold=True, white=True)
        _shade(grid.rows[0].cells[j], "16325C")
        _set(grid.rows[1].cells[j], fmt(v, doc.lang), bold=True, size=16)
    document.add_paragraph()


def _update_fields() -> Any:
    """``<w:updateFields w:val="true"/>``: Word offers to fill the contents when it opens the file."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    return element


def _field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """A Word field (table of contents, page number) that Word fills in when it updates fields."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    run._r.append(text)
    run._r.append(char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(char("end"))


def write_docx(doc: Document, path: Path) -> None:
    """Write the Word document to ``path``."""
    from docx import Document as WordDocument  # noqa: PLC0415
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: PLC0415
    from docx.shared import Cm, Pt, RGBColor  # noqa: PLC0415

    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.25)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    for name in ("Heading 1", "Heading 2", "Title"):
        document.styles[name].font.color.rgb = RGBColor(*_NAVY)
    document.core_properties.title = printable(f"{doc.title} — {doc.unit}")
    document.core_properties.author = printable(doc.unit)

    for _ in range(6):
        document.add_paragraph()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(printable(doc.title.upper()))
    run.bold = True
    run.font.size = Pt(20)
    run.font.color.rgb = RGBColor(*_NAVY)
    for text, size in ((doc.unit, 16), (doc.period, 13)):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(printable(text))
        r.font.size = Pt(size)
        r.bold = size == 16
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    toc_title = document.add_paragraph()
    toc_run = toc_title.add_run(tr("toc", doc.lang).upper())
    toc_run.bold = True
    toc_run.font.size = Pt(14)
    toc_run.font.color.rgb = RGBColor(*_NAVY)
    _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', tr("toc-update", doc.lang))
    document.settings.element.append(_update_fields())
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for n, (_chapter, chapter_title, sections) in enumerate(doc.chapters()):
        if n:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        heading = document.add_heading(chapter_title.upper(), level=1)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for m, part in enumerate(sections, start=1):
            document.add_heading(f"{n + 1}.{m} {part.title}", level=2)
            for block in part.blocks:
                if isinstance(block, Paragraph):
                    p = document.add_paragraph()
                    r = p.add_run(printable(block.text))
                    if block.note:
                        r.italic = True
                        r.font.size = Pt(9)
                    else:
                        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                elif isinstance(block, KeyValues):
                    _key_values(document, block)
                elif isinstance(block, Headline):
                    _headline(document, block, doc)
                elif isinstance(block, Table):
                    _table(document, block, doc)
                elif isinstance(block, Signature):
                    document.add_paragraph()
                    for line in (*block.lines, "", "", "", block.name):
                        p = document.add_paragraph(printable(line))
                        p.paragraph_format.left_indent = Cm(8.5)
                        p.paragraph_format.space_after = Pt(0)
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif isinstance(block, BarChart):
                    continue  # the chart's numbers are in the table before it
    footer = section.footer.paragraphs[0]
    footer.text = printable(f"{doc.unit} · {doc.period} · {doc.footer} · ")
    _field(footer, "PAGE", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
    document.save(str(path))
