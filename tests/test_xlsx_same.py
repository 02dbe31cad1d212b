"""The xlsx report writer writes each sheet's cells as one XML string (no openpyxl ``Cell`` per
value): the workbook must be the one the openpyxl-cell writer wrote (``tests/xlsx_before.py``, the
writer at commit 14f3240). Both write the same document in one test; their packages must hold the
same parts, byte for byte (only the creation/modification times of docProps/core.xml may differ),
and openpyxl must read the same cells, styles, merges, columns, panes and charts from both."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xlsx_before
from skm.analysis.facts import ReportData
from skm.cli.report import gather, report_info
from skm.core.calc import ScoringRules
from skm.errors import InvalidPolicy
from skm.render.document.blocks import (
    Chapter,
    Document,
    Headline,
    KeyValues,
    Paragraph,
    Section,
    Signature,
    Table,
)
from skm.render.document.sections import build_document
from skm.render.document.xlsx import write_xlsx
from skm.text import Lang
from test_report import write_hostile

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
LONG = "panjang " * 6000  # 48 000 characters: cut at Excel's limit
HOSTILE_TEXTS = [
    "| <script>alert(1)</script> =cmd|' /C calc'!A0 @SUM(1)",
    "bel\x07 and\x00 nul",
    '=HYPERLINK("http://evil.example","x")',
    "+1+2",
    "-3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "=",
    "#N/A",
    "#DIV/0!",
    "  spaces around  ",
    "line\r\nbreaks\rand\ttabs",
    "A & B < C > D \"quoted\" 'single'",
    "emoji 😀 and ümlaut, DEL\x7f, U+FFFE\ufffe",
    LONG,
]


def _data(
    file: Path,
    *,
    lang: Lang = Lang.ID,
    instrument: str | None = None,
    with_stats: bool = True,
    **kwargs: Any,
) -> ReportData:
    return gather(
        file,
        instrument=instrument,
        sheet=None,
        invalid=InvalidPolicy.ERROR,
        labels=None,
        lang=lang,
        rules=ScoringRules(),
        with_stats=with_stats,
        **kwargs,
    )


def _hostile(tmp_path: Path, mahulu: Path) -> Path:
    """The Mahulu file with hostile suggestions and service names."""
    return write_hostile(tmp_path, mahulu, HOSTILE_TEXTS, ["=2+3 <b>layanan</b> | x", "@layanan & <lain>"])


def _many(tmp_path: Path, mahulu: Path) -> Path:
    """Mahulu's respondents 60 times over (1 560 rows): the Data sheet lists only the first ones."""
    lines = mahulu.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "many.csv"
    path.write_text("\n".join([lines[0], *lines[1:] * 60]) + "\n", encoding="utf-8")
    return path


def _plan(tmp_path: Path) -> Path:
    plan = tmp_path / "rencana.csv"
    plan.write_text(
        "Unsur,Program/Kegiatan,Waktu,Penanggung Jawab\n"
        "U1,=Sosialisasi persyaratan di media sosial,TW I,Kasubag Umum\n"
        "Waktu Penyelesaian,Penerapan antrean daring,TW II–III,@Kabag Organisasi\n",
        encoding="utf-8",
    )
    return plan


CASES = {
    "bundled example": lambda tmp, mahulu: _data(ROOT / "src" / "skm" / "data" / "contoh_skm.csv"),
    "example with config and period": lambda tmp, mahulu: _data(
        EXAMPLES / "disdukcapil_tw1_2026.csv",
        with_stats=False,
        population=1000,
        period_label="2026-TW1",
        info=report_info(EXAMPLES / "report.toml", head=None, nip=None, logo=None, lang=Lang.ID),
    ),
    "mahulu with population and plan": lambda tmp, mahulu: _data(
        mahulu, population=120, unit="Sekretariat Daerah Kabupaten Mahakam Ulu", plan=_plan(tmp)
    ),
    "mahulu english with a previous period": lambda tmp, mahulu: _data(
        mahulu, lang=Lang.EN, with_stats=False, previous=[mahulu, mahulu], previous_names=["2023", "2024"]
    ),
    "services with populations (groups)": lambda tmp, mahulu: _data(
        EXAMPLES / "harapan_2026.csv",
        instrument=str(EXAMPLES / "instrumen_harapan.toml"),
        services={"Izin Usaha": 400, "Izin Bangunan": 900, "Izin Reklame": 1100},
    ),
    "custom instrument (two questions in one element)": lambda tmp, mahulu: _data(
        EXAMPLES / "kustom_8_unsur.csv", instrument=str(EXAMPLES / "instrumen_kustom.toml"), with_stats=False
    ),
    "hostile text": lambda tmp, mahulu: _data(_hostile(tmp, mahulu)),
    "more respondents than the Data sheet lists": lambda tmp, mahulu: _data(_many(tmp, mahulu), with_stats=False),
}

_TIMES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["docProps/core.xml"] = _TIMES.sub(b"", parts["docProps/core.xml"])
    return parts


def _colour(colour: Any) -> object:
    return None if colour is None else (colour.type, colour.rgb if colour.type == "rgb" else colour.value)


def facts(path: Path) -> dict[str, Any]:
    """What openpyxl reads of a workbook: every sheet's cells (value, type, number format, font,
    fill, alignment, quote prefix), merges, columns, rows, panes, print titles, and the charts."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheets: dict[str, Any] = {}
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                f, a = c.font, c.alignment
                cells[c.coordinate] = (
                    c.value,
                    c.data_type,
                    c.number_format,
                    (f.b, f.i, _colour(f.color), f.sz),
                    (c.fill.fill_type, _colour(c.fill.fgColor)),
                    (a.horizontal, a.vertical, a.wrap_text),
                    c.quotePrefix,
                )
        sheets[ws.title] = {
            "cells": cells,
            "dimension": ws.calculate_dimension(),
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "columns": {k: (d.width, d.hidden) for k, d in ws.column_dimensions.items()},
            "rows": {k: (d.height, d.hidden) for k, d in ws.row_dimensions.items() if d.height or d.hidden},
            "freeze": ws.freeze_panes,
            "titles": ws.print_title_rows,
            "grid": ws.sheet_view.showGridLines,
            "paper": (ws.page_setup.paperSize, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight),
        }
    with zipfile.ZipFile(path) as package:
        charts = {n: package.read(n) for n in package.namelist() if n.startswith(("xl/charts/", "xl/drawings/"))}
    return {"sheets": sheets, "active": book.active.title if book.active else None, "charts": charts}


def _both(doc: Document, data: ReportData, tmp_path: Path) -> tuple[Path, Path]:
    before, ours = tmp_path / "before.xlsx", tmp_path / "ours.xlsx"
    xlsx_before.write_xlsx(doc, data, before)
    write_xlsx(doc, data, ours)
    return before, ours


@pytest.mark.parametrize(
    "case",
    [pytest.param(case, marks=pytest.mark.slow) if case.startswith("more respondents") else case for case in CASES],
)
def test_the_workbook_is_the_one_the_cell_writer_wrote(case: str, tmp_path: Path, mahulu: Path) -> None:
    data = CASES[case](tmp_path, mahulu)
    before, ours = _both(build_document(data), data, tmp_path)
    expected, got = _parts(before), _parts(ours)
    assert list(got) == list(expected)  # the same parts in the same order
    for name in expected:
        assert got[name] == expected[name], name
    assert facts(ours) == facts(before)


def test_hostile_text_stays_inert_and_readable(tmp_path: Path, mahulu: Path) -> None:
    import openpyxl

    data = CASES["hostile text"](tmp_path, mahulu)
    _, ours = _both(build_document(data), data, tmp_path)
    seen: dict[str, Any] = {}
    for ws in openpyxl.load_workbook(ours).worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.data_type in {"s", "e"}, (ws.title, c.coordinate, c.value)
                    seen[c.value] = c
    for text in ('=HYPERLINK("http://evil.example","x")', "+1+2", "-3", "@SUM(1)", "=", "=2+3 <b>layanan</b> | x"):
        assert seen[text].data_type == "s", text
        assert seen[text].quotePrefix, text
    assert seen["bel and nul"].data_type == "s"  # control characters dropped
    assert "line breaks and tabs" in seen  # the reader turns a suggestion's breaks into spaces
    assert "A & B < C > D \"quoted\" 'single'" in seen
    assert "spaces around" in seen
    assert "emoji 😀 and ümlaut, DEL, U+FFFE" in seen
    assert LONG[:32000] in seen


_TEXT = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("=+-@#\t\r\n &<>\"' \x00\x07\x0b\x1f\x7f\ufffe😀é€")), st.characters(codec="utf-8")
        ),
        max_size=30,
    ),
    st.sampled_from(["#N/A", "#REF!", "#NAME?", "=", "", " ", "Mutu", "A", "B", "C", "D"]),
)
_TITLE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=20)
_VALUE = st.one_of(
    _TEXT,
    st.none(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.decimals(min_value=-(10**6), max_value=10**6, places=2),
    st.decimals(min_value=-100, max_value=100, places=4),
    st.decimals(min_value=0, max_value=10**9, places=0),
)


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    sections = []
    for i in range(draw(st.integers(1, 3))):
        width = draw(st.integers(1, 5))
        row = st.tuples(*[_VALUE] * width)
        blocks = (
            Paragraph(draw(_TEXT), note=draw(st.booleans())),
            KeyValues(tuple(draw(st.lists(st.tuples(_TEXT, _TEXT), max_size=3)))),
            Headline(tuple(draw(st.lists(st.tuples(_TEXT, _VALUE), min_size=1, max_size=3)))),
            Table(
                columns=tuple(draw(st.lists(_TEXT, min_size=width, max_size=width))),
                rows=tuple(draw(st.lists(row, max_size=6))),
                total=draw(st.none() | row),
                caption=draw(_TEXT),
            ),
            Signature(lines=(draw(_TEXT),), name=draw(_TEXT), after=(draw(_TEXT),)),
        )
        sections.append(
            Section(
                key=f"s{i}",
                chapter=draw(st.sampled_from(list(Chapter))),
                title=draw(_TITLE),
                blocks=blocks,
                sheet=draw(_TITLE),
            )
        )
    return Document(
        lang=Lang.ID, title=draw(_TITLE), unit=draw(_TEXT), period=draw(_TEXT), sections=tuple(sections), footer=""
    )


@pytest.fixture(scope="module")
def some_data() -> ReportData:
    return _data(ROOT / "tests" / "data" / "eskm_setda_mahulu_2025.csv", with_stats=False)


def _same_package(doc: Document, data: ReportData, tmp_path: Path) -> None:
    before, ours = _both(doc, data, tmp_path)
    assert _parts(ours) == _parts(before)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_documents())
def test_any_cell_text_is_written_as_before(doc: Document, some_data: ReportData, tmp_path: Path) -> None:
    """Any text, number or empty cell in any block: the same package as the cell writer's."""
    _same_package(doc, some_data, tmp_path)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_documents())
def test_any_cell_text_is_written_as_before_long(doc: Document, some_data: ReportData, tmp_path: Path) -> None:
    """The same, longer."""
    _same_package(doc, some_data, tmp_path)


def test_a_decimal_keeps_its_places(tmp_path: Path, some_data: ReportData) -> None:
    table = Table(columns=("a", "b"), rows=((Decimal("1.50"), Decimal("2")), (Decimal("0.125"), 3)))
    doc = Document(
        lang=Lang.ID,
        title="t",
        unit="u",
        period="p",
        sections=(Section("x", Chapter.RESULTS, "x", (table,)),),
        footer="",
    )
    import openpyxl

    _, ours = _both(doc, replace(some_data), tmp_path)
    ws = openpyxl.load_workbook(ours).active
    assert ws is not None
    got = {c.value: c.number_format for row in ws.iter_rows() for c in row if isinstance(c.value, int | float)}
    assert got == {1.5: "0.00", 2: "0", 0.125: "0.000", 3: "General"}


def test_breaks_and_edge_spaces_survive(tmp_path: Path, some_data: ReportData) -> None:
    text = "  a\r\nb\rc\td  "
    doc = Document(
        lang=Lang.ID,
        title="t",
        unit="u",
        period="p",
        sections=(Section("x", Chapter.RESULTS, "x", (Table(columns=("a",), rows=((text,),)),)),),
        footer="",
    )
    import openpyxl

    before, ours = _both(doc, some_data, tmp_path)
    assert _parts(ours) == _parts(before)
    ws = openpyxl.load_workbook(ours).active
    assert ws is not None
    assert text in {c.value for row in ws.iter_rows() for c in row}  # CR written as &#13;, not read back as LF


def test_no_temporary_file_is_written(tmp_path: Path, some_data: ReportData, monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl writes each sheet to a temporary file before zipping it; the report's sheets are
    written in memory (and openpyxl's own saving does write them: the check can fail)."""
    import tempfile

    import openpyxl

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    written: list[str] = []
    real = tempfile.NamedTemporaryFile

    def spy(*args: Any, **kwargs: Any) -> Any:
        handle = real(*args, **kwargs)
        written.append(handle.name)
        return handle

    monkeypatch.setattr("openpyxl.worksheet._writer.NamedTemporaryFile", spy)
    write_xlsx(build_document(some_data), some_data, tmp_path / "r.xlsx")
    assert written == []
    assert list(scratch.iterdir()) == []
    openpyxl.Workbook().save(tmp_path / "plain.xlsx")  # openpyxl's own saving, for contrast
    assert len(written) == 1
