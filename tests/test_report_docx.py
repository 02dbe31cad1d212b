"""The Word report's tables, written as XML in one go: the same elements python-docx's objects write."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skm.render.document.blocks import BarChart, Chapter, Document, LineChart, Section, Table
from skm.text import Lang

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def put(cell: Any, text: str, *, bold: bool = False, white: bool = False, right: bool = False, size: float = 9) -> None:
    """A cell's text written through python-docx's run, font and alignment objects (the reference)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    from skm.render.document.blocks import printable

    cell.text = ""
    para = cell.paragraphs[0]
    run = para.add_run(printable(text))
    run.bold = bold
    run.font.size = Pt(size)
    if white:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def shade(cell: Any, fill: str) -> None:
    """A cell's shading added through python-docx's elements (the reference)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _reference_table(document: Any, table: Table, doc: Document) -> Any:
    """The table as the report wrote it through python-docx's objects (before the XML was written
    in one go): the reference the fast writer must match."""
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm

    from skm.render.document.docx import _text, _widths
    from skm.text.report import tr

    numeric = [
        bool(table.rows) and all(isinstance(r[i], int | Decimal) or r[i] is None for r in table.rows)
        for i in range(len(table.columns))
    ]
    tight = [numeric[j] or c == tr("code", doc.lang) for j, c in enumerate(table.columns)]
    grid = document.add_table(rows=len(table.rows) + 1 + (table.total is not None), cols=len(table.columns))
    grid.style = "Table Grid"
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar>'
    )
    grid._tbl.tblPr.find(qn("w:tblLook")).addprevious(margins)
    cells = [row.cells for row in grid.rows]
    for i, row in enumerate(grid.rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if i == 0:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for j, c in enumerate(table.columns):
        put(cells[0][j], c, bold=True, white=True, right=numeric[j])
        shade(cells[0][j], "16325C")
        cells[0][j].paragraphs[0].paragraph_format.keep_with_next = True
    for i, row_values in enumerate(table.rows, start=1):
        for j, v in enumerate(row_values):
            put(cells[i][j], _text(v, doc), right=numeric[j])
    if table.total is not None:
        for j, v in enumerate(table.total):
            put(cells[-1][j], _text(v, doc), bold=True, right=numeric[j])
            shade(cells[-1][j], "EEF2F7")
    for row_cells in cells:
        for j, flag in enumerate(tight):
            if flag:
                row_cells[j]._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
    widths = table.widths if len(table.widths) == len(table.columns) else _widths(table, doc)
    grid.autofit = False
    for j, width in enumerate(widths):
        size = Cm(16.5 * width / sum(widths))
        grid.columns[j].width = size
        for row_cells in cells:
            row_cells[j].width = size
    return grid._tbl


def _doc(lang: Lang = Lang.ID) -> Document:
    return Document(lang, "t", "u", "p", (), "f")


def _both(table: Table, doc: Document) -> tuple[bytes, bytes]:
    """The fast writer's table and the reference's, serialised."""
    import docx
    from lxml import etree

    from skm.render.document.docx import _table_xml

    document = docx.Document()
    expected = etree.tostring(_reference_table(document, table, doc))
    body = document.element.body
    from docx.oxml import parse_xml

    fast = parse_xml(_table_xml(table, doc, document.styles["Table Grid"].style_id))
    body[-1].addprevious(fast)  # in the document, as the writer inserts it: no stray namespace declarations
    return etree.tostring(fast), expected


ODD = ["", "abc", " padded ", "tab\there", "two\nlines\r\nthree", "ü <&> \"'", "a\x01b\x7f", "=1+1", "\ufffe"]


def test_table_xml_is_what_python_docx_writes() -> None:
    table = Table(
        columns=("Kode", "Nama <&>", "Nilai", "n"),
        rows=(
            *((f"U{i}", text, Decimal("87.50") + i, 1200 * i) for i, text in enumerate(ODD)),
            ("U9", "kosong", None, None),
        ),
        total=("", "Jumlah", Decimal("3.25"), 12000),
        wide=1,
    )
    fast, expected = _both(table, _doc())
    assert fast == expected
    fast_en, expected_en = _both(table, _doc(Lang.EN))  # "Code" column, decimal point
    assert fast_en == expected_en


def test_table_xml_widths_shading_and_flags() -> None:
    from lxml import etree

    from skm.render.document.docx import _table_xml

    table = Table(columns=("Kode", "Unsur", "NRR"), rows=(("U1", "Persyaratan", Decimal("3.21")),), widths=(1, 2, 1))
    tbl = etree.fromstring(_table_xml(table, _doc(), "TableGrid"))
    assert [int(c.get(f"{W}w")) for c in tbl.iter(f"{W}gridCol")] == [2339, 4677, 2339]  # 16.5 cm in 1:2:1
    header, row = tbl.findall(f"{W}tr")
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert row.find(f"{W}trPr/{W}tblHeader") is None
    assert row.find(f"{W}trPr/{W}cantSplit") is not None
    assert {c.find(f"{W}tcPr/{W}shd").get(f"{W}fill") for c in header.findall(f"{W}tc")} == {"16325C"}
    assert [c.find(f"{W}tcPr/{W}noWrap") is not None for c in row.findall(f"{W}tc")] == [True, False, True]
    assert [c.find(f"{W}tcPr/{W}tcW").get(f"{W}w") for c in row.findall(f"{W}tc")] == ["2339", "4677", "2339"]
    tags = [child.tag.removeprefix(W) for child in tbl.find(f"{W}tblPr")]
    assert tags == ["tblStyle", "tblW", "tblLayout", "tblCellMar", "tblLook"]  # the schema's order


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=3))
def test_table_xml_matches_python_docx_for_any_text(texts: list[str]) -> None:
    table = Table(columns=("a", "b"), rows=tuple((t, t[::-1]) for t in texts), total=(texts[0], ""))
    fast, expected = _both(table, _doc())
    assert fast == expected


def test_docx_table_keeps_hostile_text(tmp_path: Path) -> None:
    import docx

    from skm.render.document.docx import write_docx

    text = "<w:p>&amp; </w:tbl>\x00\x1b]]>"
    table = Table(columns=("Kode", "Nama"), rows=(("U1", text),))
    document = Document(Lang.ID, "t", "u", "p", (Section("s", Chapter.RESULTS, "S", (table,)),), "f")
    write_docx(document, tmp_path / "h.docx")
    word = docx.Document(str(tmp_path / "h.docx"))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "<w:p>&amp; </w:tbl>]]>" in cells  # as text, control characters dropped
    with zipfile.ZipFile(tmp_path / "h.docx") as z:
        xml = z.read("word/document.xml")
    assert b"xmlns:w=" not in xml.split(b"<w:body>", 1)[1]  # no stray declaration on the tables


# --------------------------------------------------------------------------- charts (Pillow)

BANDS = ((Decimal("88.31"), "A"), (Decimal("76.61"), "B"), (Decimal("65.00"), "C"))


def _image(png: bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB")


def _near(image: Any, colour: tuple[int, int, int], tolerance: int = 6) -> int:
    """How many pixels of ``image`` have (about) ``colour``."""
    return sum(
        count
        for count, pixel in image.getcolors(maxcolors=1 << 24)
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
    )


def _pale(colour: str, alpha: float = 0.35) -> tuple[int, int, int]:
    rgb = (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    return tuple(round(alpha * c + (1 - alpha) * 255) for c in rgb)  # type: ignore[return-value]


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


@pytest.mark.parametrize("labels", [("U1", "U2", "U3"), ("Laki-laki", "Perempuan", "Tidak menjawab sama sekali")])
def test_bar_chart_colours_bars_by_grade_and_small_groups_pale(labels: tuple[str, ...]) -> None:
    from skm.render.document.charts import GRADE_COLOURS, chart_png

    values = (Decimal("90.00"), Decimal("80.00"), Decimal("60.00"))
    chart = BarChart("t", labels, values, Decimal(25), bands=BANDS, grades=("A", "B", "D"), small=(False, False, True))
    image = _image(chart_png(chart, Lang.ID, dpi=100))
    assert image.width == 630  # 6.3 inches at 100 dpi
    assert _near(image, _rgb(GRADE_COLOURS["A"])) > 1000  # a whole bar, not just its bound's dashes
    assert _near(image, _rgb(GRADE_COLOURS["B"])) > 1000
    assert _near(image, _rgb(GRADE_COLOURS["D"])) < 50  # the small group: never full colour…
    assert _near(image, _pale(GRADE_COLOURS["D"])) > 300  # …but pale
    assert _near(image, _rgb(GRADE_COLOURS["C"]), 40) > 20  # the C bound: no bar of its colour, only its dashes
    plain = BarChart("t", labels, values, Decimal(25), bands=BANDS, grades=("A", "B", "D"))
    assert _near(_image(chart_png(plain, Lang.ID, dpi=100)), _rgb(GRADE_COLOURS["D"])) > 300


def test_line_chart_and_degenerate_charts_draw() -> None:
    from skm.render.document.charts import chart_png

    line = LineChart("t", ("Triwulan I 2025", "Triwulan II"), (Decimal("80.10"), Decimal("89.00")), bands=BANDS)
    png = chart_png(line, Lang.EN, dpi=80)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert _image(png).width == 504
    odd = ("$\\frac{$", "a\x01b\tc\r\nd", "KTP 🪪 el", "<w:t>&amp;", "x" * 300, "")
    for chart in (
        BarChart("$x$", odd, tuple(Decimal(80) for _ in odd), Decimal(25), series="$$\x00", suffix="%"),
        BarChart("empty", (), ()),
        BarChart("flat", ("a",), (Decimal(5),), Decimal(5), Decimal(5)),
        LineChart("one", ("a",), (Decimal(70),)),
        LineChart("none", (), ()),
        BarChart("many", tuple(f"L{i}" for i in range(40)), tuple(Decimal(i) for i in range(40))),
    ):
        assert chart_png(chart, Lang.ID, dpi=40)[:8] == b"\x89PNG\r\n\x1a\n", chart.title


def test_ticks_are_round_and_localised() -> None:
    from skm.render.document.charts import _tick_text, _ticks

    assert _ticks(25, 112, 10) == [30, 40, 50, 60, 70, 80, 90, 100, 110]
    ticks = _ticks(0, 1, 5)
    assert [round(t, 6) for t in ticks] == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert [_tick_text(t, ticks, Lang.ID) for t in ticks[:2]] == ["0,0", "0,2"]
    assert _tick_text(2.5, [0, 2.5], Lang.EN) == "2.5"
    assert _tick_text(1000, [0, 1000], Lang.ID) == "1.000"
    assert _ticks(3, 3, 5) == [3]


def test_docx_report_pictures_are_pillow_pngs_at_their_printed_size(tmp_path: Path) -> None:
    import docx

    from skm.render.document.docx import write_docx

    chart = BarChart("c", ("U1", "U2"), (Decimal("80.00"), Decimal("70.00")), Decimal(25), bands=BANDS)
    document = Document(Lang.ID, "t", "u", "p", (Section("s", Chapter.RESULTS, "S", (chart,)),), "f")
    write_docx(document, tmp_path / "c.docx")
    shapes = docx.Document(str(tmp_path / "c.docx")).inline_shapes
    assert len(shapes) == 1
    assert round(shapes[0].width.cm, 2) == 15  # 1260 pixels on 15 cm: 213 pixels per inch on paper


def test_docx_charts_drawn_in_threads_are_placed_in_document_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The charts are drawn by two threads while the tables are built: each picture is the one
    chart_png draws for its chart, in the document's order; no thread is left; a chart that fails
    fails the writer."""
    import threading

    import docx

    from skm.render.document import docx as writer
    from skm.render.document.charts import chart_png

    charts = [
        BarChart(
            f"c{n}",
            tuple(f"U{i}" for i in range(1, n + 2)),
            tuple(Decimal(60 + i) for i in range(n + 1)),
            Decimal(25),
            bands=BANDS,
        )
        for n in range(5)
    ] + [LineChart("l", ("2024", "2025", "2026"), (Decimal("70.5"), Decimal("80.25"), Decimal("75")), bands=BANDS)]
    table = Table(columns=("a",), rows=(("x",),), widths=(1,))
    sections = tuple(Section(f"s{i}", Chapter.RESULTS, f"S{i}", (table, chart)) for i, chart in enumerate(charts))
    document = Document(Lang.ID, "t", "u", "p", sections, "f")
    before = set(threading.enumerate())
    writer.write_docx(document, tmp_path / "c.docx")
    assert set(threading.enumerate()) <= before
    word = docx.Document(str(tmp_path / "c.docx"))
    blobs = [
        word.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob for s in word.inline_shapes
    ]
    assert blobs == [chart_png(chart, Lang.ID) for chart in charts]

    def failing(chart: Any, lang: Lang) -> bytes:
        if chart.title == "c3":
            raise RuntimeError("chart")
        return chart_png(chart, lang)

    monkeypatch.setattr(writer, "chart_png", failing)
    with pytest.raises(RuntimeError, match="chart"):
        writer.write_docx(document, tmp_path / "d.docx")
    assert set(threading.enumerate()) <= before


@pytest.mark.parametrize("enabled", [True, False])
def test_write_docx_restores_the_cycle_collector(tmp_path: Path, enabled: bool) -> None:
    import gc

    from skm.render.document.docx import write_docx

    broken = Table(columns=("a",), rows=(("x",),), widths=(0,))  # a zero total width: division by zero
    document = Document(Lang.ID, "t", "u", "p", (Section("s", Chapter.RESULTS, "S", (broken,)),), "f")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(ZeroDivisionError):
            write_docx(document, tmp_path / "x.docx")
        assert gc.isenabled() is enabled
        write_docx(Document(Lang.ID, "t", "u", "p", (), "f"), tmp_path / "y.docx")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# --------------------------------------------------------------------------- blocks spliced in at saving


def _reserialised(path: Path) -> tuple[bytes, bytes]:
    """``word/document.xml`` as saved, and as lxml writes it again after reading it: the same bytes when
    the blocks put in as text are what python-docx would have written with them in its tree."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml import parse_xml

    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    return xml, serialize_part_xml(parse_xml(xml))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=10), min_size=1, max_size=4))
@example(ODD)
@example(["a > b ]]> c", "\"quoted\" 'x'", "ü 🪪"])
def test_spliced_tables_are_what_lxml_writes(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    from skm.render.document.blocks import Paragraph
    from skm.render.document.docx import write_docx

    tables = tuple(
        Table(columns=("Kode", t), rows=((t, Decimal("1.50")), (f" {t} ", 12000)), total=(t, None), caption=t)
        for t in texts
    )
    blocks = (Paragraph(texts[0]), *tables, Paragraph("<w:skmBlock/>"))
    section = Section("s", Chapter.RESULTS, "S", blocks)
    document = Document(Lang.ID, texts[0], "u", "p", (section, Section("a", Chapter.APPENDIX, "A", tables)), "f")
    path = tmp_path_factory.mktemp("splice") / "s.docx"
    write_docx(document, path)
    saved, again = _reserialised(path)
    assert saved == again
    assert saved.count(b"<w:tbl>") == 2 * len(texts)
    assert b"skmBlock/>" not in saved


def test_spliced_report_is_what_lxml_writes(tmp_path: Path) -> None:
    """The whole example report (every kind of block) read back and written again: the same bytes."""
    from typer.testing import CliRunner

    from skm.cli import app

    source = Path(__file__).parent / "data" / "eskm_setda_mahulu_2025.csv"
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(app, ["report", str(source), "-f", "docx", "-o", str(out), "--no-stats"])
    assert result.exit_code == 0, result.output
    saved, again = _reserialised(out)
    assert saved == again
    assert saved.count(b"<w:tbl>") > 5


def _reference_grids(document: Any, blocks: list[Any], doc: Document) -> None:
    """The key–value lists and headline figures as the report wrote them through python-docx's
    objects (before they were written as XML): the reference the fast writer must match."""
    from docx.shared import Cm

    from skm.render.document.blocks import Headline, fmt

    for block in blocks:
        if isinstance(block, Headline):
            grid = document.add_table(rows=2, cols=len(block.items))
            grid.style = "Table Grid"
            for j, (k, v) in enumerate(block.items):
                put(grid.rows[0].cells[j], k, bold=True, white=True)
                shade(grid.rows[0].cells[j], "16325C")
                put(grid.rows[1].cells[j], fmt(v, doc.lang), bold=True, size=16)
        else:
            grid = document.add_table(rows=len(block.rows), cols=2)
            grid.style = "Table Grid"
            grid.autofit = False
            for j, share in enumerate((0.35, 0.65)):
                grid.columns[j].width = Cm(16.5 * share)
                for row_ in grid.rows:
                    row_.cells[j].width = Cm(16.5 * share)
            for i, (k, v) in enumerate(block.rows):
                put(grid.rows[i].cells[0], k, bold=True)
                shade(grid.rows[i].cells[0], "EEF2F7")
                put(grid.rows[i].cells[1], v)
        document.add_paragraph()


def _page(document: Any) -> None:
    """The report's page: A4, margins of 2.25 cm left and right (the width the grids share)."""
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.25)


@pytest.mark.parametrize("lang", [Lang.ID, Lang.EN])
def test_key_values_and_headline_are_what_python_docx_writes(tmp_path: Path, lang: Lang) -> None:
    import docx
    from docx.opc.oxml import serialize_part_xml

    from skm.render.document.blocks import Headline, KeyValues
    from skm.render.document.docx import _headline, _key_values, _Spliced

    blocks: list[Any] = [
        KeyValues((("Unit", "Dinas <x> & 'y'"), ("Periode", " 2025 "), ("Catatan", "a\tb\nc"), ("", ""))),
        KeyValues(()),
        Headline((("NI", Decimal("3.2512")), ("IKM", Decimal("81.28")), ("Mutu", "B"), ("n", "12.000"))),
        Headline((("IKM", Decimal("100.00")),)),
        Headline(()),
    ]
    doc = _doc(lang)
    reference = docx.Document()
    _page(reference)
    _reference_grids(reference, blocks, doc)
    fast = docx.Document()
    _page(fast)
    spliced = _Spliced()
    style = fast.styles["Table Grid"].style_id
    for block in blocks:
        if isinstance(block, Headline):
            _headline(fast, block, doc, style, spliced)
        else:
            _key_values(block, style, spliced)
    spliced.save(fast, tmp_path / "g.docx")
    with zipfile.ZipFile(tmp_path / "g.docx") as z:
        written = z.read("word/document.xml")
    assert written == serialize_part_xml(reference.element)
    assert written.count(b"<w:tbl>") == len(blocks)


def _reference_paragraphs(document: Any, text: str, style: str) -> None:
    """Every kind of paragraph of the report as it wrote them through python-docx's objects (before
    they were written as XML), with ``text`` where the report puts a name or a sentence."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    from skm.render.document.blocks import printable
    from skm.render.document.docx import _field, _number
    from skm.text.report import tr

    def styled(text: str = "") -> Any:
        para = document.add_paragraph(text)
        para._p.style = style
        return para

    title = styled()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(printable(text.upper()))
    run.bold = True
    run.font.size = Pt(20)
    run.font.color.rgb = RGBColor(0x16, 0x32, 0x5C)
    for size in (16, 13):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(printable(text))
        r.font.size = Pt(size)
        r.bold = size == 16
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', printable(text))
    for heading in (printable(text), "", "BAB"):
        styled(heading)
        _number(styled(heading)._p.get_or_add_pPr(), 0, 0)
        centred = styled(heading)
        centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _number(centred._p.get_or_add_pPr(), 0, 0)
    for note in (False, True):
        p = document.add_paragraph()
        r = p.add_run(printable(text))
        if note:
            r.italic = True
            r.font.size = Pt(9)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    name = printable(text)
    for line in (name, "", "Kepala", name):
        p = document.add_paragraph()
        r = p.add_run(line)
        if line == name:
            r.bold = True
            r.underline = True
        p.paragraph_format.left_indent = Cm(8.5)
        p.paragraph_format.space_after = Pt(0)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for chapter in ("", "3"):
        for kind in ("table", "figure"):
            label = tr("caption-table" if kind == "table" else "caption-figure", Lang.ID)
            para = styled()
            para.add_run(f"{label} ")
            if chapter:
                _field(para, "STYLEREF 1 \\s", chapter)
                para.add_run(".")
            _field(para, f"SEQ {label} \\* ARABIC \\s 1", "2")
            para.add_run(f" {printable(text)}")
            para.paragraph_format.keep_with_next = kind == "table"


def _fast_paragraphs(spliced: Any, text: str, style: str) -> None:
    """:func:`_reference_paragraphs` through the writer's XML."""
    from skm.render.document.blocks import printable
    from skm.render.document.docx import _PAGE_BREAK, _Captions, _field_xml, _heading_run, _paragraph, _run

    body = spliced.add
    body(_paragraph(_run(printable(text.upper()), bold=True, colour="16325C", size=20), style=style, align="center"))
    for size in (16, 13):
        body(_paragraph(_run(printable(text), bold=size == 16, size=size), align="center"))
    body(_PAGE_BREAK)
    body(_paragraph(_field_xml('TOC \\o "1-2" \\h \\z \\u', printable(text))))
    for heading in (printable(text), "", "BAB"):
        body(_paragraph(_heading_run(heading), style=style))
        body(_paragraph(_heading_run(heading), style=style, unnumbered=True))
        body(_paragraph(_heading_run(heading), style=style, unnumbered=True, align="center"))
    body(_paragraph(_run(printable(text)), align="both"))
    body(_paragraph(_run(printable(text), italic=True, size=9)))
    name = printable(text)
    for line in (name, "", "Kepala", name):
        own = line == name
        body(_paragraph(_run(line, bold=True if own else None, underline=own), tight=True, indent=4819, align="center"))
    for chapter in ("", "3"):
        captions = _Captions(Lang.ID, style)
        captions.next_chapter(chapter)
        for kind in ("table", "figure"):
            captions.counts[kind] = 1  # the next is number 2
            captions.add(spliced, kind, text)


@settings(max_examples=20, deadline=None)
@given(st.text(max_size=12))
@example("")
@example(" <a & b> ")
@example('tab\there\r\nline "\'" ü 🪪 \x01')
def test_paragraphs_are_what_python_docx_writes(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    import docx
    from docx.opc.oxml import serialize_part_xml

    from skm.render.document.docx import _Spliced

    reference = docx.Document()
    style = reference.styles["Caption"].style_id
    _reference_paragraphs(reference, text, style)
    fast = docx.Document()
    spliced = _Spliced()
    _fast_paragraphs(spliced, text, style)
    path = tmp_path_factory.mktemp("paragraphs") / "p.docx"
    spliced.save(fast, path)
    with zipfile.ZipFile(path) as z:
        assert z.read("word/document.xml") == serialize_part_xml(reference.element)


@pytest.mark.parametrize("text", ["a\x00b", "a\x0bb", "a\ufffeb", "a\uffffb", "a\x7fb", "a\x85b", "ok"])
def test_heading_text_xml_cannot_hold_is_refused_as_python_docx_does(text: str) -> None:
    """Headings are not made printable: what python-docx (lxml) refused is refused, what it wrote is written."""
    import docx

    from skm.render.document.docx import _run

    try:
        docx.Document().add_paragraph(text)
    except ValueError:
        with pytest.raises(ValueError, match="XML compatible"):
            _run(text)
    else:
        assert _run(text) == f"<w:r><w:t>{text}</w:t></w:r>"
