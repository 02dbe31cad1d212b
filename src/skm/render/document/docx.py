"""The report as an editable Word document (python-docx).

Chapters Pendahuluan, Metodologi, Hasil, Analisis dan Rencana Tindak Lanjut and Penutup, each
with its tables as real Word tables, so a unit edits the narrative instead of retyping tables.
Charts are PNG pictures (:mod:`~skm.render.document.charts`) under their tables. Tables and
pictures carry numbered captions in Word's Caption style with SEQ fields ("Tabel 3.1", "Gambar
3.1"), so Word can build the list of tables and figures; chapter and section numbers come from
the heading styles' numbering definition, not from typed text.

python-docx builds the package; the body is written as the XML its objects would write (tested
against them byte for byte), which is a fraction of the time for the thousands of cells of a large
file's appendix.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from skm.render.document.blocks import (
    BarChart,
    Cell,
    Document,
    Headline,
    KeyValues,
    LineChart,
    Paragraph,
    Signature,
    Table,
    fmt,
    no_gc,
    printable,
    section_number,
)
from skm.render.document.charts import chart_png
from skm.text import Lang
from skm.text.report import tr

__all__ = ["write_docx"]

_NAVY = (0x16, 0x32, 0x5C)


def _text(value: Cell, doc: Document) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return fmt(value, doc.lang)
    return value


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_TEXT_WIDTH_CM = 16.5


def _widths(table: Table, doc: Document) -> tuple[int, ...]:
    """Column shares from the longest text in each column; the ``wide`` column gets the rest."""
    rows = [table.columns, *table.rows, *([table.total] if table.total else [])]
    return _shares([[_text(v, doc) for v in row] for row in rows], table)


def _shares(texts: list[list[str]], table: Table) -> tuple[int, ...]:
    """:func:`_widths` from the texts of the table's rows (heading and total included)."""
    # each column's distinct texts only: the appendix repeats a few answers thousands of times
    columns = ({row[j] for row in texts} for j in range(len(table.columns)))
    longest = [max(max((len(w) for w in text.split()), default=0) for text in column) for column in columns]
    shares = [max(5, min(n + 1, 15)) for n in longest]
    if table.wide is not None:
        shares[table.wide] = max(shares[table.wide], sum(shares) // 2, 30)
    return tuple(shares)


class _Captions:
    """Numbering of the captions: chapter number and a running number per kind within it."""

    def __init__(self, lang: Lang, style_id: str = "Caption") -> None:
        self.lang = lang
        self.style_id = style_id
        self.chapter = ""
        self.counts = {"table": 0, "figure": 0}

    def next_chapter(self, number: str) -> None:
        """A new Heading 1: numbers restart; ``number`` is "" in an unnumbered chapter."""
        self.chapter = number
        self.counts = dict.fromkeys(self.counts, 0)

    def add(self, spliced: _Spliced, kind: str, text: str) -> None:
        """A caption paragraph ``Tabel 3.1 text`` in the Caption style, the numbers as Word fields."""
        self.counts[kind] += 1
        label = tr("caption-table" if kind == "table" else "caption-figure", self.lang)
        runs = [_run(f"{label} ")]
        if self.chapter:
            runs += (_field_xml("STYLEREF 1 \\s", self.chapter), _run("."))
        runs += (_field_xml(f"SEQ {label} \\* ARABIC \\s 1", str(self.counts[kind])), _run(f" {printable(text)}"))
        spliced.add(_paragraph("".join(runs), style=self.style_id, keep=kind == "table"))


_TBL_LOOK = (  # what python-docx's ``add_table`` writes
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1"'
    ' w:val="04A0"/>'
)
_TBL_PR = (
    '<w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
    # padding inside every cell (top/bottom 40, left/right 90 twentieths of a point), in the
    # schema's place: before tblLook
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>'
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar>'
    f"{_TBL_LOOK}</w:tblPr>"
)


def _escape(text: str) -> str:
    """``text`` as XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_content(text: str) -> str:
    """A run's content as python-docx writes ``run.text = text``: the text in ``w:t`` elements
    (``xml:space="preserve"`` when it starts or ends with white space), a tab as ``w:tab``, a line
    break (LF or CR) as ``w:br``. ``text`` has no other control characters (:func:`printable`)."""
    if not any(c in text for c in "\t\n\r"):
        pieces = [text] if text else []
    else:
        pieces = [piece for piece in _BREAKS.split(text) if piece]
    out = []
    for piece in pieces:
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r"):
            out.append("<w:br/>")
        elif len(piece.strip()) < len(piece):
            out.append(f'<w:t xml:space="preserve">{_escape(piece)}</w:t>')
        else:
            out.append(f"<w:t>{_escape(piece)}</w:t>")
    return "".join(out)


_BREAKS = re.compile("([\t\n\r])")


def _cell_xml(
    text: str,
    width: int,
    *,
    bold: bool,
    white: bool,
    right: bool,
    fill: str,
    no_wrap: bool,
    keep: bool,
    size: float = 9,
) -> str:
    """One ``w:tc``: the XML python-docx's run, font and alignment objects write for the text in ``size`` points,
    then the shading, no-wrap, keep-with-next and width the table's cells get."""
    props = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if no_wrap:
        props += "<w:noWrap/>"
    para = ""
    if keep or right:
        para = "<w:pPr>" + ("<w:keepNext/>" if keep else "") + ('<w:jc w:val="right"/>' if right else "") + "</w:pPr>"
    run = (
        ("<w:b/>" if bold else '<w:b w:val="0"/>')
        + ('<w:color w:val="FFFFFF"/>' if white else "")
        + f'<w:sz w:val="{int(size * 2)}"/>'
    )
    return (
        f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{para}<w:r/><w:r><w:rPr>{run}</w:rPr>"
        f"{_run_content(printable(text))}</w:r></w:p></w:tc>"
    )


def _table_xml(table: Table, doc: Document, style: str, *, declare: bool = True) -> str:
    """The whole ``w:tbl`` of a table block, as one string (the appendix tables of a large file
    have thousands of cells: python-docx's objects cost a few hundred attribute look-ups each), with
    the ``w`` namespace declared on it (``declare``) or as it is written inside ``word/document.xml``.

    The grid has fixed column widths (the grid for LibreOffice, each cell for Word), the cell
    padding, every row unsplittable and the header row repeated on each page and kept with the
    first row. Header cells are white on navy, the total row bold on pale blue, numbers right
    aligned; numeric and code columns do not wrap."""
    numeric = [
        bool(table.rows) and all(isinstance(r[i], int | Decimal) or r[i] is None for r in table.rows)
        for i in range(len(table.columns))
    ]
    code = tr("code", doc.lang)
    tight = [numeric[j] or c == code for j, c in enumerate(table.columns)]
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    blank = [""] * len(table.columns)  # a short row: its last cells empty
    formatted: dict[object, str] = {}  # the appendix repeats a few answers (1–4) thousands of times

    def text(value: Cell) -> str:
        kind = type(value)
        if kind is str:  # as it is (_text)
            return value  # type: ignore[return-value]
        # Decimal("3.10") == Decimal("3.1") but they are written differently: a decimal's key is its
        # text; a whole number is its own key (True == 1, but a bool is no Cell)
        key = value if kind is int or value is None else (kind, str(value))
        found = formatted.get(key)
        if found is None:
            found = formatted[key] = _text(value, doc)
        return found

    texts = [list(table.columns), *([text(v) for v in row] + blank[len(row) :] for row in rows)]
    shares = table.widths if len(table.widths) == len(table.columns) else _shares(texts, table)
    total = sum(shares)
    # python-docx's ``Cm(x).twips``: whole EMUs first, then rounded to twentieths of a point
    widths = [round(int(_TEXT_WIDTH_CM * share / total * 360000) / 635) for share in shares]
    out = [
        f'<w:tbl xmlns:w="{_W[1:-1]}">' if declare else "<w:tbl>",
        _TBL_PR.format(style=style),
        "<w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    columns = list(zip(widths, numeric, tight, strict=True))
    for c, (width, right, no_wrap) in zip(table.columns, columns, strict=True):
        out.append(_cell_xml(c, width, bold=True, white=True, right=right, fill="16325C", no_wrap=no_wrap, keep=True))
    out.append("</w:tr>")
    cells: dict[tuple[str, int, bool], str] = {}  # and so the same cell in a column
    for i, row in enumerate(texts[1:]):
        emphasised = table.total is not None and i == len(rows) - 1
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for j, (content, (width, right, no_wrap)) in enumerate(zip(row, columns, strict=False)):
            key = (content, j, emphasised)
            if key not in cells:
                fill = "EEF2F7" if emphasised else ""
                cells[key] = _cell_xml(
                    content, width, bold=emphasised, white=False, right=right, fill=fill, no_wrap=no_wrap, keep=False
                )
            out.append(cells[key])
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _table(table: Table, doc: Document, captions: _Captions, title: str, style: str, spliced: _Spliced) -> None:
    captions.add(spliced, "table", table.caption or title)
    spliced.add(_table_xml(table, doc, style, declare=False))
    spliced.add(_EMPTY)


class _Spliced:
    """The body of ``word/document.xml`` written as XML text, put in when the document is saved.

    Paragraphs, tables, key–value lists and headline figures are written as the text python-docx's
    objects would give (a few hundred attribute look-ups and element searches each, thousands of
    elements for the appendix tables). Where python-docx itself must add to the body (a picture: its
    part, relationship and shape id), the text so far is placed first (:meth:`place`): the body
    holds an empty ``w:skmBlock`` element in its place. At saving, the serialised document is cut at
    those elements and the text put in. The text must be what lxml writes for the same elements
    inside the document (no namespace declaration; ``&``, ``<`` and ``>`` escaped, double quotes,
    empty elements as ``<w:x/>``): ``tests/test_report_docx.py`` reads the saved document back and
    writes it again to the same bytes, and compares the paragraphs with python-docx's. No text of
    the document can be read as the place of a block: lxml writes a ``<`` of any text as ``&lt;``."""

    MARK = "w:skmBlock"  # an element of no schema, never written: the document's text escapes "<"

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.pending: list[str] = []

    def add(self, xml: str) -> None:
        """``xml`` next in the body."""
        self.pending.append(xml)

    def place(self, document: Any) -> None:
        """Put the text added so far at the end of the body (before the section's properties), so
        that python-docx can add after it."""
        from docx.oxml import OxmlElement  # noqa: PLC0415

        if not self.pending:
            return
        body = document.element.body
        mark = OxmlElement(self.MARK)
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _W + "sectPr":  # the body ends with the section's properties
            last.addprevious(mark)
        else:
            body.append(mark)
        self.blocks.append("".join(self.pending))
        self.pending = []

    def save(self, document: Any, path: Path) -> None:
        """``document.save(path)`` with the text in its places in ``word/document.xml``."""
        from docx.opc.oxml import serialize_part_xml  # noqa: PLC0415
        from docx.opc.pkgwriter import PackageWriter  # noqa: PLC0415

        self.place(document)
        package = document.part.package
        for part in package.parts:  # what ``document.save`` does
            part.before_marshal()
        main = document.part
        pieces = serialize_part_xml(main.element).split(f"<{self.MARK}/>".encode())
        if len(pieces) != len(self.blocks) + 1:
            raise AssertionError(f"{len(pieces) - 1} places for {len(self.blocks)} blocks")
        out = [pieces[0]]
        for block, piece in zip(self.blocks, pieces[1:], strict=True):
            out += (block.encode(), piece)
        blob = b"".join(out)
        parts = [_Blob(part, blob) if part is main else part for part in package.parts]
        PackageWriter.write(str(path), package.rels, parts)  # type: ignore[no-untyped-call]


_EMPTY = "<w:p/>"  # ``document.add_paragraph()``
_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'  # ``add_paragraph().add_run().add_break(PAGE)``


# what lxml refuses in text (:func:`printable` also drops DEL, which lxml writes)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _checked(text: str) -> str:
    """``text`` if XML can hold it; else lxml's error (python-docx's, for text not made printable)."""
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text


def _run(
    text: str = "",
    *,
    bold: bool | None = None,
    italic: bool = False,
    colour: str = "",
    size: float = 0,
    underline: bool = False,
) -> str:
    """``paragraph.add_run(text)`` with python-docx's ``bold`` (None: not set), ``italic``,
    ``font.color.rgb`` (hex), ``font.size`` (points) and ``underline``: the properties in the
    schema's order."""
    props = []
    if bold is not None:
        props.append("<w:b/>" if bold else '<w:b w:val="0"/>')
    if italic:
        props.append("<w:i/>")
    if colour:
        props.append(f'<w:color w:val="{colour}"/>')
    if size:
        props.append(f'<w:sz w:val="{int(size * 2)}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    inner = ("<w:rPr>" + "".join(props) + "</w:rPr>" if props else "") + _run_content(_checked(text))
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


def _paragraph(
    runs: str = "",
    *,
    style: str = "",
    keep: bool | None = None,
    unnumbered: bool = False,
    tight: bool = False,
    indent: int = 0,
    align: str = "",
) -> str:
    """``document.add_paragraph()`` holding ``runs`` (:func:`_run`), with python-docx's paragraph
    style id, ``keep_with_next`` (None: not set), no number (``unnumbered``: numbering id 0, for a
    heading without its style's number: foreword, appendices), ``space_after = 0`` (``tight``),
    ``left_indent`` (twips) and ``alignment`` (``jc`` value): the properties in the schema's order."""
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if keep is not None:
        props.append("<w:keepNext/>" if keep else '<w:keepNext w:val="0"/>')
    if unnumbered:
        props.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    if tight:
        props.append('<w:spacing w:after="0"/>')
    if indent:
        props.append(f'<w:ind w:left="{indent}"/>')
    if align:
        props.append(f'<w:jc w:val="{align}"/>')
    inner = ("<w:pPr>" + "".join(props) + "</w:pPr>" if props else "") + runs
    return f"<w:p>{inner}</w:p>" if inner else _EMPTY


def _field_xml(instruction: str, placeholder: str = "") -> str:
    """The runs of :func:`_field`: a Word field showing ``placeholder`` until Word updates it."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/>'
        f'<w:instrText xml:space="preserve">{_escape(_checked(instruction))}</w:instrText>'
        f'<w:fldChar w:fldCharType="separate"/></w:r>{_run(placeholder)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


class _Blob:
    """A part of the package as saved, with other bytes (what python-docx's package writer reads)."""

    def __init__(self, part: Any, blob: bytes) -> None:
        self.partname = part.partname
        self.content_type = part.content_type
        self.rels = part.rels
        self.blob = blob


def _chart(document: Any, chart: BarChart | LineChart, picture: bytes, captions: _Captions, spliced: _Spliced) -> None:
    """The chart's picture, 15 cm wide and centred, kept with its caption below it."""
    from docx.shared import Cm  # noqa: PLC0415

    spliced.place(document)
    para = document.add_paragraph()  # what ``document.add_picture`` does
    para.add_run().add_picture(io.BytesIO(picture), width=Cm(15))
    para.paragraph_format.keep_with_next = True
    para.alignment = 1  # centre
    captions.add(spliced, "figure", chart.title)


def _number(ppr: Any, level: int, num_id: int) -> None:
    """Set ``w:numPr`` in its schema place inside a paragraph's or a style's properties."""
    numbering = ppr.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id


def _heading_numbering(document: Any, lang: Lang) -> None:
    """Number Heading 1 (``BAB I``) and Heading 2 (``1.1``) from one multilevel list definition."""
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls, qn  # noqa: PLC0415

    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.xpath("./w:abstractNum")]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.xpath("./w:num")]
    abstract_id, num_id = max(ids, default=0) + 1, max(nums, default=0) + 1
    chapter = tr("chapter-number", lang)
    chapter_fmt = "upperRoman" if lang is Lang.ID else "decimal"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{chapter_fmt}"/><w:pStyle w:val="Heading1"/>'
        f'<w:suff w:val="space"/><w:lvlText w:val="{chapter}"/><w:lvlJc w:val="center"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:isLgl/>'
        '<w:suff w:val="space"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.xpath("./w:num")
    if first_num:
        first_num[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    for level, name in enumerate(("Heading 1", "Heading 2")):
        _number(document.styles[name].element.get_or_add_pPr(), level, num_id)


def _grid_xml(
    style: str, widths: list[int], rows: list[list[tuple[str, bool, bool, str, float]]], *, fixed: bool
) -> str:
    """A plain grid (the key–value lists, the headline figures) as python-docx writes it for
    ``document.add_table(len(rows), len(widths), style)`` with the columns ``widths`` twips wide
    (``fixed``: ``autofit = False``) and each cell filled by :func:`_set` with ``(text, bold, white,
    fill, size)``, shaded with ``fill`` ("" for none); no namespace declaration. (Without columns,
    python-docx's grid and rows keep the white space of its template.)"""
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:type="auto" w:w="0"/>']
    if fixed:
        out.append('<w:tblLayout w:type="fixed"/>')
    out.append(f"{_TBL_LOOK}</w:tblPr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append(f"<w:tblGrid>{grid or _BLANK}</w:tblGrid>")
    for row in rows:
        cells = "".join(
            _cell_xml(text, w, bold=bold, white=white, right=False, fill=fill, no_wrap=False, keep=False, size=size)
            for (text, bold, white, fill, size), w in zip(row, widths, strict=True)
        )
        out.append(f"<w:tr>{cells or _BLANK}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_BLANK = "\n  "


def _key_values(block: KeyValues, style: str, spliced: _Spliced) -> None:
    """Labels (bold, pale blue) and values in two columns of 35 % and 65 % of the text width."""
    from docx.shared import Cm  # noqa: PLC0415

    widths = [Cm(_TEXT_WIDTH_CM * share).twips for share in (0.35, 0.65)]
    rows: list[list[tuple[str, bool, bool, str, float]]] = [
        [(k, True, False, "EEF2F7", 9), (v, False, False, "", 9)] for k, v in block.rows
    ]
    spliced.add(_grid_xml(style, widths, rows, fixed=True))
    spliced.add(_EMPTY)


def _headline(document: Any, block: Headline, doc: Document, style: str, spliced: _Spliced) -> None:
    """The names (white on navy) over the figures (bold, 16 points), the text width shared equally."""
    from docx.shared import Emu  # noqa: PLC0415

    section = document.sections[-1]  # python-docx's ``Document._block_width``
    n = len(block.items)
    width = Emu((section.page_width - section.left_margin - section.right_margin) // n).twips if n else 0
    rows: list[list[tuple[str, bool, bool, str, float]]] = [
        [(k, True, True, "16325C", 9) for k, _ in block.items],
        [(fmt(v, doc.lang), True, False, "", 16) for _, v in block.items],
    ]
    spliced.add(_grid_xml(style, [width] * n, rows, fixed=False))
    spliced.add(_EMPTY)


def _heading_run(text: str) -> str:
    """The run of ``document.add_paragraph(text)``: none for no text."""
    return _run(text) if text else ""


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
    """Write the Word document to ``path``, Python's cycle collector paused (:func:`no_gc`).

    python-docx gives the package (styles, numbering, settings, footer, pictures); the body's
    paragraphs and tables are written as XML text (:class:`_Spliced`). The charts' pictures are drawn
    by two threads while the package and the tables are built, each put in its place in the document's
    order: Pillow holds the interpreter while it draws, not while it scales a picture down and encodes
    the PNG, most of a chart's time (the six charts of a report: 0.19 s one after the other, 0.12 s on
    two threads, on two cores)."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    charts = [
        block
        for *_, sections in doc.numbered_chapters()
        for part in sections
        for block in part.blocks
        if isinstance(block, BarChart | LineChart)
    ]
    with no_gc(), ThreadPoolExecutor(max_workers=2, thread_name_prefix="skm-chart") as pool:
        pictures = {id(chart): pool.submit(chart_png, chart, doc.lang) for chart in charts}
        try:
            _write(doc, path, lambda chart: pictures[id(chart)].result())
        finally:
            for picture in pictures.values():
                picture.cancel()


def _write(doc: Document, path: Path, picture: Callable[[BarChart | LineChart], bytes]) -> None:
    """:func:`write_docx` with the cycle collector paused; ``picture`` gives a chart's PNG."""
    from docx import Document as WordDocument  # noqa: PLC0415
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
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
    _heading_numbering(document, doc.lang)
    ids = {
        name: document.styles[name].style_id for name in ("Title", "Heading 1", "Heading 2", "Caption", "Table Grid")
    }
    captions = _Captions(doc.lang, ids["Caption"])
    spliced = _Spliced()
    body = spliced.add
    navy = "{:02X}{:02X}{:02X}".format(*_NAVY)

    for _ in range(3 if doc.logo is not None else 6):
        body(_EMPTY)
    if doc.logo is not None:
        spliced.place(document)
        document.add_picture(io.BytesIO(doc.logo[0]), height=Cm(3))
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        body(_EMPTY)
    body(
        _paragraph(
            _run(printable(doc.title.upper()), bold=True, colour=navy, size=20), style=ids["Title"], align="center"
        )
    )
    for text, size in ((doc.unit, 16), (doc.period, 13)):
        body(_paragraph(_run(printable(text), bold=size == 16, size=size), align="center"))
    body(_PAGE_BREAK)
    body(_paragraph(_run(tr("toc", doc.lang).upper(), bold=True, colour=navy, size=14)))
    body(_paragraph(_field_xml('TOC \\o "1-2" \\h \\z \\u', tr("toc-update", doc.lang))))
    document.settings.element.append(_update_fields())
    body(_PAGE_BREAK)

    signature_indent = Cm(8.5).twips
    for n, (number, chapter, chapter_title, sections) in enumerate(doc.numbered_chapters()):
        if n:
            body(_PAGE_BREAK)
        captions.next_chapter(number)
        name = tr(f"chname-{chapter.value}", doc.lang) if number else chapter_title
        body(_paragraph(_heading_run(name.upper()), style=ids["Heading 1"], unnumbered=not number, align="center"))
        for m, part in enumerate(sections, start=1):
            if number:
                body(_paragraph(_heading_run(part.title), style=ids["Heading 2"]))
            elif part.title != chapter_title:  # the foreword is one heading, not two
                label = section_number(number, chapter, m)
                text = f"{label}. {part.title}" if label else part.title
                body(_paragraph(_heading_run(text), style=ids["Heading 2"], unnumbered=True))
            for block in part.blocks:
                if isinstance(block, Paragraph):
                    if block.note:
                        body(_paragraph(_run(printable(block.text), italic=True, size=9)))
                    else:
                        body(_paragraph(_run(printable(block.text)), align="both"))
                elif isinstance(block, KeyValues):
                    _key_values(block, ids["Table Grid"], spliced)
                elif isinstance(block, Headline):
                    _headline(document, block, doc, ids["Table Grid"], spliced)
                elif isinstance(block, Table):
                    _table(block, doc, captions, part.title, ids["Table Grid"], spliced)
                elif isinstance(block, Signature):
                    body(_EMPTY)
                    for line in (*block.lines, "", "", "", block.name, *block.after):
                        own = line == block.name
                        run = _run(printable(line), bold=True if own else None, underline=own)
                        body(_paragraph(run, tight=True, indent=signature_indent, align="center"))
                elif isinstance(block, BarChart | LineChart):
                    _chart(document, block, picture(block), captions, spliced)
    footer = section.footer.paragraphs[0]
    footer.text = printable(f"{doc.unit} · {doc.period} · {doc.footer} · ")
    _field(footer, "PAGE", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
    spliced.save(document, path)
