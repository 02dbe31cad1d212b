"""``skm report``: golden Markdown, every format opened back and compared with the core,
escaping of hostile respondent text, the optional inputs, and the HTML rendered in Chromium."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from browser import WIDTHS, browser, check_page, needs_chromium
from skm.analysis.facts import build_report, profile_table, suggestions_of
from skm.api import load, score_responses
from skm.cli import app
from skm.core.calc import ScoringRules, WeightPolicy
from skm.core.instrument import PERMENPAN_14_2017, Element, Instrument, Question
from skm.core.periods import parse_day
from skm.errors import ExitCode
from skm.readers.dates import filter_period
from skm.render.document.blocks import Paragraph, Section
from skm.render.document.sections import SECTION_BUILDERS, build_document
from skm.render.json import result_to_dict
from skm.render.prose import legacy_number
from skm.text import Lang, fmt_number

EXAMPLE = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
HOSTILE = "| <script>alert(1)</script> =cmd|' /C calc'!A0 @SUM(1)"
HOSTILE_TEXTS = [
    HOSTILE,
    "bel\x07 and\x00 nul",
    '=HYPERLINK("http://evil.example","x")',
    "+1+2",
    "-3",
    "@SUM(1)",
    "**b** [l](x) # h",
    "#N/A",  # an Excel error code typed as text stays text, not an error cell
]

runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def normalise(text: str) -> str:
    """Hide what changes between runs: the report date, the tool version and the file hash."""
    text = re.sub(r"\b[0-9a-f]{64}\b", "<sha256>", text)
    text = re.sub(r"skm \d+\.\d+\.\d+[\w.+-]*", "skm <version>", text)
    text = re.sub(r"(…+), \d+ \w+ \d{4}", r"\1, <date>", text)
    return re.sub(r"(Tanggal laporan|Report date) \| [^|]+\|", r"\1 | <date> |", text)


def write_hostile(folder: Path, mahulu: Path, texts: Sequence[str], services: Sequence[str]) -> Path:
    """The Mahulu file with ``texts`` as its first suggestions and ``services`` as the service names of
    its rows 7, 8, … (``folder/hostile.csv``)."""
    with mahulu.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    s, j = header.index("saran"), header.index("jenisPelayanan")
    for i, text in enumerate(texts, start=1):
        rows[i][s] = text
    for i, name in enumerate(services, start=7):
        rows[i][j] = name
    path = folder / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def hostile(tmp_path: Path, mahulu: Path) -> Path:
    """The Mahulu file with hostile suggestions and service names."""
    return write_hostile(tmp_path, mahulu, HOSTILE_TEXTS, ["=2+3 <b>layanan</b> | x"])


def write(tmp_path: Path, source: Path, fmt: str, *extra: str) -> Path:
    target = tmp_path / f"out.{fmt}"
    result = run("report", str(source), "--format", fmt, "-o", str(target), "--force", *extra)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return target


# --------------------------------------------------------------------------- golden Markdown


@pytest.mark.parametrize(
    ("name", "source", "extra"),
    [
        ("mahulu.report.md", "mahulu", ["--population", "120", "--unit", "Sekretariat Daerah Kabupaten Mahakam Ulu"]),
        ("mahulu.report.en.md", "mahulu", ["--lang", "en"]),
        ("disdukcapil_tw1_2026.report.md", "example", ["--period", "2026-TW1", "--population", "1000"]),
    ],
)
def test_golden_markdown(
    name: str, source: str, extra: list[str], tmp_path: Path, mahulu: Path, golden: object
) -> None:
    path = mahulu if source == "mahulu" else EXAMPLE
    text = write(tmp_path, path, "md", *extra).read_text(encoding="utf-8")
    golden(name, normalise(text))  # type: ignore[operator]


# --------------------------------------------------------------------------- JSON = core


def test_json_result_is_the_score_contract(tmp_path: Path, mahulu: Path) -> None:
    data = json.loads(write(tmp_path, mahulu, "json", "--population", "120").read_text(encoding="utf-8"))
    result = score_responses(load(mahulu))
    assert data["result"] == result_to_dict(result)
    assert data["sample"] == {
        "respondents": 26,
        "population": 120,
        "minimum": data["sample"]["minimum"],
        "met": False,
        "skipped_cells": 0,
        "services": [],
    }
    assert data["sample"]["minimum"]["sample"] == 92
    assert data["identity"]["first_date"] == "2025-11-12"
    assert {g["group"] for g in data["services"]["groups"]} >= {"organisasi", "hukum"}
    assert [r["code"] for r in data["plan"]["rows"]] == list(result.priority)
    gender = next(p for p in data["profiles"] if p["name"] == "gender")
    assert sum(r["count"] for r in gender["rows"]) == 26
    assert data["suggestions"]["respondents"] == sum(i["count"] for i in data["suggestions"]["items"])


def test_legacy_weight_reaches_the_report(tmp_path: Path, mahulu: Path) -> None:
    data = json.loads(write(tmp_path, mahulu, "json", "--weight", "0.111").read_text(encoding="utf-8"))
    legacy = score_responses(load(mahulu), rules=ScoringRules(weight=WeightPolicy.ROUNDED_3))
    assert data["result"]["ikm"] == float(legacy.ikm_display)
    assert data["result"]["weight"] == "0.111"


def test_legacy_rounding_is_labelled_in_the_document_with_the_exact_value(tmp_path: Path, mahulu: Path) -> None:
    args = ("--weight", "0.11", "--round-nrr", "2")
    text = write(tmp_path, mahulu, "md", *args).read_text(encoding="utf-8")
    rules = ScoringRules(weight=WeightPolicy.ROUNDED_2, nrr_decimals=2)
    legacy = score_responses(load(mahulu), rules=rules)
    assert "Emulasi lama (bukan nilai eksak)" in text
    assert f"nilai eksak {fmt_number(legacy_number(legacy.exact_ikm), Lang.ID)}" in text
    data = json.loads(write(tmp_path, mahulu, "json", *args).read_text(encoding="utf-8"))
    assert data["result"]["ikm"] == float(legacy.ikm_display)
    assert data["result"]["legacy"]["exact_ikm"] == float(legacy_number(legacy.exact_ikm))
    (tmp_path / "exact").mkdir()
    exact = write(tmp_path / "exact", mahulu, "md").read_text(encoding="utf-8")
    assert "Emulasi lama" not in exact


# --------------------------------------------------------------------------- HTML


class _Tables(HTMLParser):
    """Collects tables marked data-table, as lists of cell texts, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self._current: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag == "table":
            self._current = dict(attrs).get("data-table")
            if self._current:
                self.tables[self._current] = []
        elif tag == "tr" and self._current:
            self.tables[self._current].append([])
        elif tag in {"td", "th"} and self._current:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._current and self._cell is not None:
            self.tables[self._current][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_html_numbers_equal_the_core(tmp_path: Path, mahulu: Path) -> None:
    text = write(tmp_path, mahulu, "html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(text)
    result = score_responses(load(mahulu))
    rows = parser.tables["elements"]
    body = rows[1:-1]
    assert [r[0] for r in body] == [e.code for e in result.elements]
    for row, e in zip(body, result.elements, strict=True):
        assert row[4] == fmt_number(e.nrr_display, Lang.ID)
        assert row[6] == fmt_number(e.converted_display, Lang.ID)
        assert row[7] == e.grade
    assert rows[-1][5] == fmt_number(result.index_display, Lang.ID)
    assert rows[-1][6] == "92,84"
    assert [r[1] for r in parser.tables["priority"][1:]] == list(result.priority)
    assert "svg" in parser.tags
    assert "script" not in parser.tags
    # self-contained: nothing is fetched
    assert not any(name in {"src", "href"} and value and not value.startswith("#") for name, value in parser.attrs)
    assert "http://" not in text
    assert "https://" not in text
    assert "url(" not in text
    assert "@import" not in text


def test_html_escapes_hostile_text(tmp_path: Path, hostile: Path) -> None:
    text = write(tmp_path, hostile, "html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(text)
    assert "script" not in parser.tags
    assert "b" not in parser.tags
    suggestions = [r[1] for r in parser.tables["suggestions"][1:]]
    assert HOSTILE in suggestions
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# --------------------------------------------------------------------------- Markdown escaping


def _split_row(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_escapes_hostile_text(tmp_path: Path, hostile: Path) -> None:
    text = write(tmp_path, hostile, "md").read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "\\<script\\>" in text
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| No. | Saran"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append(_split_row(line))
    assert {len(r) for r in table} == {3}  # no pipe broke a row
    assert any("\\| \\<script\\>" in r[1] for r in table)
    assert "http://evil" not in text  # no autolink


# --------------------------------------------------------------------------- xlsx


@pytest.mark.slow
def test_xlsx_numbers_equal_the_core(tmp_path: Path, mahulu: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(write(tmp_path, mahulu, "xlsx", "--population", "120"))
    result = score_responses(load(mahulu))
    assert "Data" in wb.sheetnames
    assert "IKM" in wb.sheetnames
    data = wb["Data"]
    labels = {row[1].value: row for row in data.iter_rows() if isinstance(row[1].value, str)}
    nrr = [c.value for c in labels["NRR"][2:]]
    assert nrr == [float(e.nrr_display) for e in result.elements]
    assert [c.value for c in labels["Σ nilai"][2:]] == [e.sum for e in result.elements]
    assert [c.value for c in labels["n (terisi)"][2:]] == [e.answered for e in result.elements]
    assert [c.value for c in labels["NRR × bobot"][2:]] == [float(e.weighted_display) for e in result.elements]
    assert labels["IKM"][2].value == float(result.ikm_display)
    assert labels["Nilai indeks (NI)"][2].value == float(result.index_display)
    # respondents × elements: one row per respondent with the answers as numbers
    answers = [row for row in data.iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)]
    assert len(answers) == result.respondents
    assert sum(r[2] for r in answers) == result.elements[0].sum
    ikm = wb["IKM"]
    rows = list(ikm.iter_rows(values_only=True))
    u1 = next(r for r in rows if r[0] == "U1")
    assert u1[4] == float(result.element("U1").nrr_display)
    assert u1[6] == float(result.element("U1").converted_display)
    assert ikm._charts
    combined = [type(c).__name__ for c in ikm._charts[0]._charts]
    assert combined == ["BarChart", "LineChart"]  # bars plus the grade bounds as lines
    bounds = {ikm.cell(row=r, column=c).value for r in range(1, ikm.max_row + 1) for c in (40, 41, 42)}
    assert {88.31, 76.61, 65.0} <= bounds
    assert wb["Profil Responden"]._charts
    headline = next(i for i, r in enumerate(rows) if r[:2] == ("Nilai indeks (NI)", "IKM"))
    assert rows[headline + 1][1] == 92.84


def test_xlsx_prints_and_colours(tmp_path: Path, mahulu: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(write(tmp_path, mahulu, "xlsx", "--no-stats"))
    data = wb["Data"]
    assert data.print_title_rows == "$3:$3"
    assert data.cell(row=3, column=3).value == "U1"  # the repeated row holds the question codes
    ikm = wb["IKM"]
    grade = next(c for row in ikm.iter_rows() for c in row if c.value == "A" and c.column == 8)
    assert grade.alignment.horizontal == "center"
    assert grade.font.color.rgb.endswith("1B7F4B")  # grade A colour
    bars = ikm._charts[0]
    assert [str(pt.graphicalProperties.solidFill.srgbClr) for pt in bars.series[0].dPt] == ["1B7F4B"] * 9
    profile = wb["Profil Responden"]._charts[0]
    assert profile.x_axis.scaling.orientation == "maxMin"  # bars read top-down in the table's order
    services = wb["Layanan"]._charts[0]
    fills = [str(pt.graphicalProperties.solidFill.srgbClr) for pt in services.series[0].dPt]
    # adbang (1 respondent, grade A) pale; organisasi (19 respondents, grade A) full colour
    assert fills[0] != "1B7F4B"
    assert fills[3] == "1B7F4B"


def test_xlsx_never_writes_formulas(tmp_path: Path, hostile: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(write(tmp_path, hostile, "xlsx"))
    seen: dict[str, str] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                    seen[cell.value] = cell.data_type
    for text in HOSTILE_TEXTS[2:]:
        assert seen.get(text) == "s", text
    assert seen.get(HOSTILE) == "s"
    assert seen.get("bel and nul") == "s"  # control characters dropped, not a crash
    assert seen.get("=2+3 <b>layanan</b> | x") == "s"


# --------------------------------------------------------------------------- docx


@pytest.mark.slow
def test_docx_chapters_and_numbers(tmp_path: Path, mahulu: Path) -> None:
    import docx

    document = docx.Document(str(write(tmp_path, mahulu, "docx")))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    # the number ("BAB I") comes from the heading style's numbering definition, not typed text
    assert headings == [
        "KATA PENGANTAR",
        "PENDAHULUAN",
        "METODOLOGI",
        "HASIL SURVEI",
        "ANALISIS DAN RENCANA TINDAK LANJUT",
        "PENUTUP",
        "LAMPIRAN",
    ]
    ns_ = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    heads = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    unnumbered = [p.text for p in heads if p._p.find(f"{ns_}pPr/{ns_}numPr") is not None]
    assert unnumbered == ["KATA PENGANTAR", "LAMPIRAN"]  # numbering switched off, Bab I–V keep the style's
    sections = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert "Nilai per Unsur Pelayanan" in sections
    assert not any(re.match(r"\d", text) for text in sections)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        num = document.styles[name].element.find(f"{ns}pPr/{ns}numPr")
        assert num is not None
        assert num.find(f"{ns}ilvl").get(f"{ns}val") == level
    numbering = document.part.numbering_part.element
    assert any(lvl.get(f"{ns}val") == "BAB %1" for lvl in numbering.iter(f"{ns}lvlText"))
    assert [p.style.name for p in document.paragraphs if "LAPORAN SURVEI" in p.text] == ["Title"]
    result = score_responses(load(mahulu))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    elements = next(t for t in tables if t[0][:2] == ["Kode", "Unsur"] and "25 × NRR" in t[0])
    for row, e in zip(elements[1:-1], result.elements, strict=True):
        assert row[0] == e.code
        assert row[4] == fmt_number(e.nrr_display, Lang.ID)
        assert row[6] == fmt_number(e.converted_display, Lang.ID)
    assert elements[-1][6] == "92,84"
    plan = next(t for t in tables if "Program/kegiatan" in t[0])
    assert [r[1].split()[0] for r in plan[1:]] == list(result.priority)


@pytest.mark.slow
def test_docx_has_charts_and_numbered_captions(tmp_path: Path, mahulu: Path) -> None:
    import docx

    document = docx.Document(str(write(tmp_path, mahulu, "docx", "--no-stats")))
    # per element, per service, and one per profile attribute: PNG pictures
    assert len(document.inline_shapes) >= 3
    images = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert images
    assert all(r.target_part.blob[:8] == b"\x89PNG\r\n\x1a\n" for r in images)
    captions = [p for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    texts = [p.text for p in captions]
    assert "Tabel 3.1 Nilai per Unsur Pelayanan" in texts
    assert "Gambar 3.1 Nilai per unsur (25 × NRR) dan batas mutu" in texts
    assert "Gambar 3.2 IKM per jenis layanan" in texts
    assert sum(text.startswith("Gambar ") for text in texts) == len(document.inline_shapes)
    # Word builds the lists of tables and figures from SEQ fields
    fields = [
        el.text
        for p in captions
        for el in p._p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")
    ]
    assert any(f.startswith("SEQ Tabel") for f in fields)
    assert any(f.startswith("SEQ Gambar") for f in fields)
    # table headings repeat on each page and the code column does not wrap
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    elements = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Kode" and "25 × NRR" in [c.text for c in t.rows[0].cells]
    )
    assert elements.rows[0]._tr.find(f"{ns}trPr/{ns}tblHeader") is not None
    assert elements.rows[1].cells[0]._tc.find(f"{ns}tcPr/{ns}noWrap") is not None
    assert elements._tbl.tblPr.find(f"{ns}tblCellMar") is not None
    # Word repairs (or refuses) a file whose elements are out of the schema's order
    for table in document.tables:
        tags = [child.tag.rsplit("}", 1)[1] for child in table._tbl.tblPr]
        if "tblCellMar" in tags and "tblLook" in tags:
            assert tags.index("tblCellMar") < tags.index("tblLook"), tags
    level = next(document.part.numbering_part.element.iter(f"{ns}abstractNum")).getparent()
    for lvl in level.iter(f"{ns}lvl"):
        tags = [child.tag.rsplit("}", 1)[1] for child in lvl]
        if "isLgl" in tags:
            assert tags.index("pStyle") < tags.index("isLgl") < tags.index("lvlText"), tags


def test_chart_png_draws_small_groups_pale() -> None:
    from skm.render.document.blocks import BarChart
    from skm.render.document.charts import chart_png, wrap_label

    chart = BarChart("t", ("a", "b"), (Decimal("90.00"), Decimal("70.00")), Decimal(25), small=(False, True))
    png = chart_png(chart, Lang.ID, dpi=50)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    # hostile labels: mathematics markup, control characters, a glyph the font lacks
    odd = ("$\\frac{$", "a\x01b", "KTP 🪪 el", "=1+1 layanan dengan nama yang panjang sekali")
    hostile = BarChart("$x$", odd, tuple(Decimal(80) for _ in odd), Decimal(25), series="$$")
    assert chart_png(hostile, Lang.ID, dpi=50)[:8] == b"\x89PNG\r\n\x1a\n"
    assert wrap_label("Pegawai Negeri Sipil / TNI / POLRI dan lainnya yang panjang sekali", 22, 2).count("\n") == 1


@pytest.mark.slow
def test_docx_keeps_hostile_text_as_text(tmp_path: Path, hostile: Path) -> None:
    import docx

    document = docx.Document(str(write(tmp_path, hostile, "docx")))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert HOSTILE in cells


# --------------------------------------------------------------------------- options


def test_english_uses_decimal_point(tmp_path: Path, mahulu: Path) -> None:
    text = write(tmp_path, mahulu, "md", "--lang", "en").read_text(encoding="utf-8")
    assert "| **92.84** |" in text
    assert "92,84" not in text
    assert "## 3 Results" in text


def test_default_output_beside_input_and_no_overwrite(tmp_path: Path, mahulu: Path) -> None:
    source = tmp_path / "survei.csv"
    shutil.copy(mahulu, source)
    first = run("report", str(source), "--format", "md")
    assert first.exit_code == 0  # type: ignore[attr-defined]
    target = tmp_path / "survei_laporan.md"
    assert target.is_file()
    before = target.read_bytes()
    again = run("report", str(source), "--format", "md")
    assert again.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert "--force" in again.output  # type: ignore[attr-defined]
    assert target.read_bytes() == before
    assert run("report", str(source), "--format", "md", "--force").exit_code == 0  # type: ignore[attr-defined]
    into_input = run("report", str(source), "--format", "md", "-o", str(source), "--force")
    assert into_input.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert source.read_bytes() == mahulu.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))


def test_plan_file_fills_the_follow_up_table(tmp_path: Path, mahulu: Path) -> None:
    plan = tmp_path / "rencana.csv"
    plan.write_text(
        "Unsur,Program/Kegiatan,Waktu,Penanggung Jawab\n"
        "U1,Sosialisasi persyaratan di media sosial,TW I,Kasubag Umum\n"
        "Waktu Penyelesaian,Penerapan antrean daring,TW II–III,Kabag Organisasi\n",
        encoding="utf-8",
    )
    data = json.loads(write(tmp_path, mahulu, "json", "--plan", str(plan)).read_text(encoding="utf-8"))
    rows = {r["code"]: r for r in data["plan"]["rows"]}
    assert rows["U1"]["program"] == "Sosialisasi persyaratan di media sosial"
    assert rows["U3"]["time"] == "TW II–III"
    assert rows["U3"]["responsible"] == "Kabag Organisasi"
    assert rows["U2"]["program"] == ""
    assert data["plan"]["source"] == "rencana.csv"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("Program,Waktu\nx,TW I\n", "unsur"),
        ("Unsur,Program\nU42,x\n", "U42"),
        ("Unsur,Program\n", "--plan"),
    ],
)
def test_bad_plan_file_is_one_clear_line(tmp_path: Path, mahulu: Path, content: str, needle: str) -> None:
    plan = tmp_path / "rencana.csv"
    plan.write_text(content, encoding="utf-8")
    result = run("report", str(mahulu), "-o", str(tmp_path / "r.md"), "--format", "md", "--plan", str(plan))
    assert result.exit_code == ExitCode.INPUT_ERROR  # type: ignore[attr-defined]
    output = result.output  # type: ignore[attr-defined]
    assert needle in output
    assert "rencana.csv" in output
    assert "Traceback" not in output
    assert not (tmp_path / "r.md").exists()


def test_missing_plan_file_exit_3(tmp_path: Path, mahulu: Path) -> None:
    result = run("report", str(mahulu), "-o", str(tmp_path / "r.md"), "--plan", str(tmp_path / "nope.csv"))
    assert result.exit_code == ExitCode.INPUT_ERROR  # type: ignore[attr-defined]


def test_previous_json_result_gives_the_trend(tmp_path: Path, mahulu: Path) -> None:
    earlier = score_responses(load(mahulu))
    before = result_to_dict(earlier)
    before["ikm"] = 90.0
    before["elements"][0]["converted"] = 95.0  # U1 was higher: a drop now
    before["elements"][3]["converted"] = 90.0  # U4 was lower: a rise
    previous = tmp_path / "2024.json"
    previous.write_text(json.dumps(before), encoding="utf-8")
    data = json.loads(write(tmp_path, mahulu, "json", "--previous", str(previous)).read_text(encoding="utf-8"))
    trend = data["trend"]
    assert trend["previous_ikm"] == 90.0
    assert trend["change"] == 2.84
    assert "U1" in trend["drops"]
    assert "U4" not in trend["drops"]
    u1 = trend["elements"][0]
    assert u1["change"] == pytest.approx(89.42 - 95.0)
    text = write(tmp_path, mahulu, "md", "--previous", str(previous)).read_text(encoding="utf-8")
    assert "IKM naik 2,84 poin dari 90,00 menjadi 92,84." in text
    assert "Unsur yang turun: U1" in text


def test_previous_report_json_and_responses_file(tmp_path: Path, mahulu: Path) -> None:
    report_json = write(tmp_path, EXAMPLE, "json").rename(tmp_path / "earlier.json")
    data = json.loads(write(tmp_path, mahulu, "json", "--previous", str(report_json)).read_text(encoding="utf-8"))
    example = score_responses(load(EXAMPLE))
    assert data["trend"]["previous_ikm"] == float(example.ikm_display)
    data2 = json.loads(write(tmp_path, mahulu, "json", "--previous", str(EXAMPLE)).read_text(encoding="utf-8"))
    assert data2["trend"] == {**data["trend"], "source": EXAMPLE.name}


@pytest.mark.slow
def test_period_filters_the_respondents_and_names_the_period(tmp_path: Path, mahulu: Path) -> None:
    """--period keeps the respondents dated in it (as in skm score); the report names it."""
    data = json.loads(write(tmp_path, mahulu, "json", "--period", "2025-TW4").read_text(encoding="utf-8"))
    filtered = score_responses(filter_period(load(mahulu), "2025-TW4")[0])
    assert data["result"]["respondents"] == filtered.respondents == 20
    assert data["result"]["ikm"] == float(filtered.ikm_display)
    assert data["identity"]["period"] == "2025-TW4"
    assert data["identity"]["period_text"] == "Triwulan IV 2025"
    labelled = write(tmp_path, mahulu, "json", "--period", "2025-TW4", "--period-label", "Oktober–Desember 2025")
    identity = json.loads(labelled.read_text(encoding="utf-8"))["identity"]
    assert identity["period_text"] == "Oktober–Desember 2025"
    free = json.loads(write(tmp_path, mahulu, "json", "--period-label", "Tahun 2025").read_text(encoding="utf-8"))
    assert free["result"]["respondents"] == 26  # a label alone filters nothing
    assert free["identity"]["period_text"] == "Tahun 2025"
    empty = run("report", str(mahulu), "-o", str(tmp_path / "e.md"), "--period", "2024")
    assert empty.exit_code == ExitCode.INVALID_DATA  # type: ignore[attr-defined]
    bad = run("report", str(mahulu), "-o", str(tmp_path / "b.md"), "--period", "Triwulan I 2026")
    assert bad.exit_code == ExitCode.USAGE  # type: ignore[attr-defined]
    assert not (tmp_path / "b.md").exists()


def test_previous_score_json_from_the_cli_gives_the_trend(tmp_path: Path, mahulu: Path) -> None:
    """The same JSON that skm score writes is accepted by report --previous."""
    score_json = tmp_path / "earlier.json"
    assert run("score", str(EXAMPLE), "--format", "json", "-o", str(score_json)).exit_code == 0  # type: ignore[attr-defined]
    data = json.loads(write(tmp_path, mahulu, "json", "--previous", str(score_json)).read_text(encoding="utf-8"))
    assert data["trend"]["previous_ikm"] == float(score_responses(load(EXAMPLE)).ikm_display)
    assert data["trend"]["source"] == "earlier.json"


@pytest.mark.parametrize("content", ["{not json", '{"hello": 1}', "[1, 2]"])
def test_bad_previous_file(tmp_path: Path, mahulu: Path, content: str) -> None:
    previous = tmp_path / "old.json"
    previous.write_text(content, encoding="utf-8")
    result = run("report", str(mahulu), "-o", str(tmp_path / "r.md"), "--previous", str(previous))
    assert result.exit_code == ExitCode.INPUT_ERROR  # type: ignore[attr-defined]
    assert "--previous 'old.json'" in result.output  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- model units


def test_profile_age_bands_and_gender() -> None:
    ages = profile_table("age", "usia", [19, "20", "29 tahun", 35, None, 61, 60.0], Lang.ID)
    assert ages.rows == (
        ("< 20 tahun", 1),
        ("20–29 tahun", 2),
        ("30–39 tahun", 1),
        ("≥ 60 tahun", 2),
        ("(tidak diisi)", 1),
    )
    genders = profile_table("gender", "jk", ["L", "P", "Laki - Laki", "perempuan", "X"], Lang.EN)
    assert dict(genders.rows) == {"Male": 2, "Female": 2, "X": 1}
    education = profile_table("education", "p", ["S1", "SD", "S1", "SMA / SMK", "D3", "S2", "S1"], Lang.ID)
    assert [label for label, _ in education.rows] == ["SD", "SMA / SMK", "D3", "S1", "S2"]  # by level
    other = profile_table("education", "p", ["S1", "Pesantren", "S1"], Lang.ID)
    assert other.rows == (("S1", 2), ("Pesantren", 1))  # unknown level: by count
    bands = profile_table("age", "usia", ["20-30", "31-40", "20-30"], Lang.ID)
    assert bands.rows == (("20-30", 2), ("31-40", 1))


def test_suggestions_counted_and_blanks_dropped() -> None:
    items, total = suggestions_of(["Bagus", " bagus ", "-", "Tidak ada", None, "Lebih cepat", "Bagus"])
    assert [(s.text, s.count) for s in items] == [("Bagus", 3), ("Lebih cepat", 1)]
    assert total == 4


def test_parse_date_formats() -> None:
    assert parse_day("2025-11-12 05:45:53") == date(2025, 11, 12)
    assert parse_day("05/01/2026") == date(2026, 1, 5)
    assert parse_day("15/02/2026 10:11:12") == date(2026, 2, 15)
    assert parse_day("kemarin") is None
    assert parse_day(17) is None


def _custom_instrument() -> Instrument:
    labels = ("a", "b", "c", "d")
    return Instrument(
        key="custom-3",
        title="Uji (3 unsur)",
        title_en="Test (3 elements)",
        elements=(
            Element("K1", "Satu", "One", (Question("k1", "?", labels),), 1),
            Element("K2", "Dua", "Two", (Question("k2a", "?", labels), Question("k2b", "?", labels)), 2),
            Element("K3", "Tiga", "Three", (Question("k3", "?", labels),), 3, weight=Fraction(1, 2)),
        ),
        bands=PERMENPAN_14_2017.bands,
    )


@pytest.mark.slow
def test_renderers_follow_the_instrument(tmp_path: Path) -> None:
    import pandas as pd

    instrument = replace(
        _custom_instrument(),
        elements=tuple(
            replace(e, weight=w)
            for e, w in zip(
                _custom_instrument().elements, (Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)), strict=True
            )
        ),
    )
    frame = pd.DataFrame(
        {"K1": [4, 3, 2], "K2A": [4, 4, 1], "K2B": [3, 3, 2], "K3": [2, 3, 4], "Saran": ["ok", None, "=1"]}
    )
    responses = load(frame, instrument=instrument)
    result = score_responses(responses)
    data = build_report(responses, result, lang=Lang.ID, generated=date(2026, 1, 1))
    document = build_document(data)
    from skm.render.document.docx import write_docx
    from skm.render.document.html import render_html
    from skm.render.document.markdown import render_markdown
    from skm.render.document.xlsx import write_xlsx

    md = render_markdown(document)
    assert "| K2 | Dua |" in md
    assert "U1" not in md
    assert "3 unsur" in md
    html = render_html(document)
    assert "K3" in html
    write_xlsx(document, data, tmp_path / "c.xlsx")
    write_docx(document, tmp_path / "c.docx")
    import openpyxl

    wb = openpyxl.load_workbook(tmp_path / "c.xlsx")
    header = next(wb["Data"].iter_rows(min_row=3, max_row=3, values_only=True))
    assert header[2:6] == ("K1", "K2A", "K2B", "K3")
    labels = {row[1]: row for row in wb["Data"].iter_rows(values_only=True) if isinstance(row[1], str)}
    assert labels["NRR"][2:6] == (
        float(result.element("K1").nrr_display),
        float(result.element("K2").nrr_display),
        None,
        float(result.element("K3").nrr_display),
    )
    assert labels["IKM"][2] == float(result.ikm_display)


def test_sections_are_extensible(mahulu: Path) -> None:
    responses = load(mahulu)
    data = build_report(responses, score_responses(responses))

    def extra(_data: object) -> Section:
        from skm.render.document.blocks import Chapter

        return Section("stats", Chapter.ANALYSIS, "Statistik", (Paragraph("alpha = 0,9"),))

    document = build_document(data, [*SECTION_BUILDERS, extra])
    from skm.render.document.markdown import render_markdown

    assert re.search(r"^### 4\.\d+ Statistik$", render_markdown(document), re.MULTILINE)
    assert [s.key for s in document.sections][-1] == "stats"


def test_invalid_cells_skipped_are_reported(tmp_path: Path, mahulu: Path) -> None:
    text = mahulu.read_text(encoding="utf-8").replace(",4,4,4,4,4,4,4,4,4,,", ",4,4,7,4,4,4,4,4,4,,", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    refused = run("report", str(bad), "-o", str(tmp_path / "r.json"), "--format", "json")
    assert refused.exit_code == ExitCode.INVALID_DATA  # type: ignore[attr-defined]
    data = json.loads(write(tmp_path, bad, "json", "--invalid", "skip").read_text(encoding="utf-8"))
    assert data["sample"]["skipped_cells"] == 1


# --------------------------------------------------------------------------- Chromium


@pytest.mark.slow
@needs_chromium
def test_html_report_fits_a_phone_and_a_desktop(tmp_path: Path, mahulu: Path) -> None:
    """At 390 and 1280 px the page never scrolls sideways, logs nothing, requests nothing external."""
    page = write(tmp_path, mahulu, "html", "--population", "120", "--unit", "Sekretariat Daerah Kabupaten Mahakam Ulu")
    with browser() as b:
        for width in WIDTHS:
            shot = tmp_path / f"report-{width}.png"
            check = check_page(b, page, width, shot)
            assert check.problems() == [], (width, check.problems())
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert shot.stat().st_size > 20_000


@pytest.mark.slow
@needs_chromium
def test_html_prints_to_pdf(tmp_path: Path, mahulu: Path) -> None:
    page = write(tmp_path, mahulu, "html", "--population", "120", "--unit", "Setda Mahakam Ulu")
    pdf = tmp_path / "report.pdf"
    with browser() as b:
        context = b.new_context()
        view = context.new_page()
        view.goto(page.resolve().as_uri())
        view.pdf(path=str(pdf), format="A4")
        context.close()
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 4  # cover + one chapter per printed page break


def test_decimal_places_in_tables(mahulu: Path) -> None:
    responses = load(mahulu)
    data = build_report(responses, score_responses(responses))
    document = build_document(data)
    elements = next(b for s in document.sections for b in s.blocks if getattr(b, "key", "") == "elements")
    nrr = [row[4] for row in elements.rows]  # type: ignore[attr-defined]
    assert all(isinstance(v, Decimal) and v.as_tuple().exponent == -4 for v in nrr)


# --------------------------------------------------------------------------- escaping properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_markdown_escape_keeps_one_cell(text: str) -> None:
    from skm.render.document.markdown import escape

    cell = escape(text)
    assert "\n" not in cell
    assert "\r" not in cell
    assert re.search(r"(?<!\\)\|", cell) is None  # every pipe is escaped
    assert re.search(r"(?<!\\)[<>`*_\[\]]", cell) is None
    # escaping only adds backslashes: removing them gives the flattened text back
    flat = " ".join(text.split())
    assert re.sub(r"\\(.)", r"\1", cell) == flat


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_html_escape_round_trips_through_a_parser(text: str) -> None:
    from skm.render.document.blocks import printable
    from skm.render.document.html import escape

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.data: list[str] = []
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.data.append(data)

    parser = Collect()
    parser.feed(f"<td>{escape(text)}</td>")
    parser.close()
    assert parser.tags == ["td"]
    assert "".join(parser.data) == printable(text)


def test_service_populations(tmp_path: Path) -> None:
    args = ["--service-population", "KTP-el=1200", "--service-population", "Pindah Datang=100"]
    data = json.loads(write(tmp_path, EXAMPLE, "json", *args).read_text(encoding="utf-8"))
    sample = data["sample"]
    assert sample["population"] == 1300
    assert sample["minimum"]["sample"] == 297  # K&M for 1 300
    rows = {r["service"]: r for r in sample["services"]}
    assert rows["KTP-el"]["minimum"] == 291
    assert rows["Pindah Datang"]["minimum"] == 80
    assert rows["KTP-el"]["allocated"] + rows["Pindah Datang"]["allocated"] == 297
    assert rows["KTP-el"]["respondents"] == 15
    assert rows["Pindah Datang"]["met"] is False
    mismatch = run("report", str(EXAMPLE), "-o", str(tmp_path / "x.md"), "--population", "5", *args)
    assert mismatch.exit_code == ExitCode.USAGE  # type: ignore[attr-defined]
    bad = run("report", str(EXAMPLE), "-o", str(tmp_path / "x.md"), "--service-population", "KTP-el")
    assert bad.exit_code == ExitCode.USAGE  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.parametrize("module", ["skm.render.document.blocks", "skm.analysis.facts", "skm.render.document.sections"])
def test_report_model_is_pure(module: str) -> None:
    """The report model imports no I/O, spreadsheet, Word or CLI library (renderers do, lazily)."""
    forbidden = ["typer", "rich", "openpyxl", "docx", "pandas", "python_calamine"]
    code = f"import sys, {module}; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "md", "html", "xlsx", "docx"])
def test_custom_instrument_file(tmp_path: Path, fmt: str) -> None:
    source, toml = EXAMPLES / "kustom_8_unsur.csv", EXAMPLES / "instrumen_kustom.toml"
    out = write(tmp_path, source, fmt, "--instrument", str(toml))
    score = runner.invoke(app, ["score", str(source), "--instrument", str(toml), "--format", "json"])
    expected = json.loads(score.output)
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["result"] == expected  # the score's own document, source included
    elif fmt == "md":
        text = out.read_text(encoding="utf-8")
        assert f"| **{fmt_number(Decimal(str(expected['ikm'])).quantize(Decimal('0.01')), Lang.ID)}** |" in text
        assert "U9" not in text
    else:
        assert out.stat().st_size > 5000


def test_kepmenpan_2004_instrument(tmp_path: Path) -> None:
    from skm.core.instrument import KEPMENPAN_25_2004

    source = tmp_path / "lama.csv"
    rows = [",".join(KEPMENPAN_25_2004.codes)]
    rows += [",".join(str(1 + (i * 7 + j * 3) % 4) for j in range(14)) for i in range(20)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data = json.loads(write(tmp_path, source, "json", "--instrument", "kepmenpan-25-2004").read_text(encoding="utf-8"))
    assert len(data["result"]["elements"]) == 14
    text = write(tmp_path, source, "md", "--instrument", "kepmenpan-25-2004").read_text(encoding="utf-8")
    assert "| U14 |" in text
    assert "> 81,25" in text  # the 2004 bands are exclusive


@pytest.mark.slow
def test_stats_section_equals_skm_stats(tmp_path: Path, mahulu: Path) -> None:
    from skm.analysis.stats import analyse
    from skm.render.json import stats_to_dict

    data = json.loads(write(tmp_path, mahulu, "json", "--population", "120").read_text(encoding="utf-8"))
    assert data["stats"] == stats_to_dict(analyse(load(mahulu), population=120))
    html = write(tmp_path, mahulu, "html", "--population", "120").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(html)
    stats = analyse(load(mahulu), population=120)
    rows = parser.tables["stats"][1:]
    assert [r[0] for r in rows] == [i.code for i in stats.items]
    u4 = next(r for r in rows if r[0] == "U4")
    item = next(i for i in stats.items if i.code == "U4")
    assert u4[2] == f"{item.item_total_r:.4f}".replace(".", ",")
    assert u4[4] == ("ya" if item.valid else "tidak")
    without = json.loads(write(tmp_path, mahulu, "json", "--no-stats").read_text(encoding="utf-8"))
    assert "stats" not in without
    md = write(tmp_path, mahulu, "md", "--no-stats").read_text(encoding="utf-8")
    assert "Uji Validitas" not in md


def test_report_example_is_written_in_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["report", "--example", "--format", "md", "--no-stats"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "contoh_skm_laporan.md").read_text(encoding="utf-8")
    assert "92,84" in text
    both = CliRunner().invoke(app, ["report", "--example", str(tmp_path / "contoh_skm_laporan.md")])
    assert both.exit_code == ExitCode.USAGE
    neither = CliRunner().invoke(app, ["report"])
    assert neither.exit_code == ExitCode.USAGE


def test_document_numbers_have_thousands_separators() -> None:
    from skm.render.document.blocks import fmt

    assert fmt(12000, Lang.ID) == "12.000"
    assert fmt(12000, Lang.EN) == "12,000"
    assert fmt(312, Lang.ID) == "312"
    assert fmt(Decimal("1234.50"), Lang.ID) == "1.234,50"
    assert fmt(Decimal("-1234.5"), Lang.EN) == "-1,234.5"
    assert fmt(Decimal("92.84"), Lang.ID) == "92,84"
    assert fmt("U1", Lang.ID) == "U1"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_docs_list_every_xlsx_sheet(tmp_path: Path, mahulu: Path, lang: str) -> None:
    import openpyxl

    book = write(tmp_path, mahulu, "xlsx", "--previous", str(mahulu), "--lang", lang)
    docs = (Path(__file__).parent.parent / "docs" / "report.md").read_text(encoding="utf-8")
    for name in openpyxl.load_workbook(book).sheetnames:
        assert (f"| {name} |" if lang == "id" else f"*{name}*") in docs, name


# --------------------------------------------------------------------------- report.toml and the new contents

REPORT_TOML = """
unit = "Dinas Contoh"
head = "Dra. Siti Rahmawati, M.Si."
nip = "19700101 199503 2 001"
method = "Kuesioner di loket"
location = "Ruang pelayanan"
field_days = "2–27 Maret 2026"
team = [{ name = "Budi", role = "Ketua" }, "Ani"]

[[follow_up]]
element = "U3"
action = "Antrean daring"
status = "Selesai"
"""


def test_report_config_fills_the_report(tmp_path: Path, mahulu: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text(REPORT_TOML, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["report", str(mahulu), "-f", "md", "-o", str(tmp_path / "r.md"), "--no-stats", "--config", str(config)]
    )
    assert result.exit_code == 0, result.output
    assert "Catatan" not in result.output  # nothing missing: no note
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert text.count("NIP 19700101 199503 2 001") == 2  # foreword and closing signatures
    assert "**Dra. Siti Rahmawati, M.Si.**" in text
    assert "**Dinas Contoh**" in text  # the unit from the config
    for needle in ("Undang-Undang Nomor 25 Tahun 2009", "Nomor 96 Tahun 2012", "Nomor 14 Tahun 2017"):
        assert needle in text
    assert "| Metode pengumpulan data | Kuesioner di loket |" in text
    assert "| 1 | Budi | Ketua |" in text
    assert "| 1 | U3 | Antrean daring | Selesai |" in text
    assert "### 4.4 Rekomendasi" in text
    assert "### C Bukti Publikasi" in text
    # the per-respondent tabulation holds every respondent's answers
    assert len(re.findall(r"^\| \d+ \| \d+ \| [1-4] \|", text, re.MULTILINE)) == 26


def test_missing_config_values_are_visible_and_noted(tmp_path: Path, mahulu: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(mahulu), "-f", "md", "-o", str(tmp_path / "r.md"), "--no-stats"])
    assert result.exit_code == 0
    assert "head, nip, method, location, field_days, team" in " ".join(result.output.split())
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "(belum diisi: method di report.toml)" in text
    assert "NIP ……………………………" in text


def test_bad_config_names_every_line(tmp_path: Path, mahulu: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text('unit = 3\nhaed = "x"\nnip = "abc"\nlogo = "tidak-ada.png"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(mahulu), "-o", str(tmp_path / "r.html"), "--config", str(config)])
    assert result.exit_code == ExitCode.USAGE
    out = " ".join(result.output.split())
    assert "baris 1 (unit)" in out
    assert "baris 2 (haed)" in out
    assert "baris 3 (nip)" in out
    assert not (tmp_path / "r.html").exists()


def test_config_logo_reaches_the_cover(tmp_path: Path, mahulu: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    (tmp_path / "logo.png").write_bytes(png)
    config = tmp_path / "report.toml"
    config.write_text('logo = "logo.png"\n', encoding="utf-8")
    page = write(tmp_path, mahulu, "html", "--config", str(config), "--no-stats").read_text(encoding="utf-8")
    assert 'class="logo"' in page
    assert "data:image/png;base64," in page
    (tmp_path / "logo.png").write_bytes(b"GIF89a")
    bad = CliRunner().invoke(app, ["report", str(mahulu), "-o", str(tmp_path / "x.html"), "--config", str(config)])
    assert bad.exit_code == ExitCode.USAGE
    assert "PNG" in bad.output


def test_element_analysis_links_suggestions() -> None:
    from skm.analysis.facts import Suggestion, mentions
    from skm.core.instrument import PERMENPAN_14_2017

    said = (Suggestion("Antrean terlalu lama", 3), Suggestion("Toilet kotor", 1), Suggestion("Bagus", 2))
    u3 = next(e for e in PERMENPAN_14_2017.elements if e.code == "U3")
    u9 = next(e for e in PERMENPAN_14_2017.elements if e.code == "U9")
    u4 = next(e for e in PERMENPAN_14_2017.elements if e.code == "U4")
    assert [s.text for s in mentions(u3, said)] == ["Antrean terlalu lama"]
    assert [s.text for s in mentions(u9, said)] == ["Toilet kotor"]
    assert mentions(u4, said) == ()


# --------------------------------------------------------------------------- trend over several periods


@pytest.mark.slow
def test_trend_over_several_periods_from_a_folder(tmp_path: Path, mahulu: Path) -> None:
    earlier = tmp_path / "lalu"
    earlier.mkdir()
    example = Path(__file__).parent.parent / "examples" / "disdukcapil_tw1_2026.csv"
    first = CliRunner().invoke(
        app,
        [
            "report",
            str(example),
            "-f",
            "json",
            "-o",
            str(earlier / "a.json"),
            "--period-label",
            "2025-TW3",
            "--no-stats",
        ],
    )
    assert first.exit_code == 0, first.output
    (earlier / "b.json").write_text(
        CliRunner().invoke(app, ["score", str(mahulu), "--format", "json"]).output, encoding="utf-8"
    )
    out = tmp_path / "r.md"
    result = CliRunner().invoke(
        app,
        ["report", str(example), "-f", "md", "-o", str(out), "--no-stats", "--previous", str(earlier),
         "--period-label", "2026-TW1", "--previous-period", "2025-TW3", "--previous-period", "2025-TW4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "| Triwulan III 2025 | 60 | 81,09 | B |  |  |" in text
    assert "| Triwulan IV 2025 | 26 | 92,84 | A | 11,75 | mutu naik dari B menjadi A |" in text
    assert "| Triwulan I 2026 | 60 | 81,09 | B | -11,75 | mutu turun dari A menjadi B |" in text
    assert "Dibanding periode sebelumnya, mutu turun dari A menjadi B." in text
    # without names: the report JSON's own period, the file name of a score JSON
    unnamed = CliRunner().invoke(
        app,
        ["report", str(example), "-f", "md", "-o", str(tmp_path / "u.md"), "--no-stats", "--previous", str(earlier)],
    )
    assert unnamed.exit_code == 0
    plain = (tmp_path / "u.md").read_text(encoding="utf-8")
    assert "| Triwulan III 2025 | 60 |" in plain
    assert "| b.json | 26 |" in plain
    mismatch = CliRunner().invoke(
        app,
        ["report", str(example), "-o", str(tmp_path / "m.md"), "--previous", str(earlier), "--previous-period", "x"],
    )
    assert mismatch.exit_code == ExitCode.USAGE
    docx_out = tmp_path / "r.docx"
    word = CliRunner().invoke(
        app, ["report", str(example), "-f", "docx", "-o", str(docx_out), "--no-stats", "--previous", str(earlier)]
    )
    assert word.exit_code == 0
    import docx

    captions = [
        p.text for p in docx.Document(str(docx_out)).paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    assert "Gambar 4.1 IKM per periode" in captions
