"""Hostile and broken inputs, refused outputs, signals and races (issue 12), one class per section.

Every case is built in a temporary folder and checked for: the documented exit code, one
message line naming the file, no traceback, inputs unchanged (hash before and after), no
temporary file left, and no live formula in what the tool wrote. The limits are in
docs/security.md.
"""

from __future__ import annotations

import csv
import errno
import gc
import hashlib
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from skm.cli import app
from skm.errors import ExitCode, IssueCode, SkmError
from skm.output import write_atomic
from skm.readers import guard

runner = CliRunner()

HEADER = ["nama", "layanan", *(f"U{i}" for i in range(1, 10))]
GOOD = [["Ani", "KTP", *["4"] * 9], ["Budi", "KK", *["3"] * 9], ["Cici", "KTP", *["2"] * 9]]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code in (ExitCode.INPUT_ERROR, ExitCode.OUTPUT_ERROR):
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr  # a refusal is one line
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def assert_clean(stderr: str, folder: Path) -> None:
    """No traceback, no temporary file left behind."""
    assert "Traceback" not in stderr
    assert not [p.name for p in folder.rglob("*.tmp")]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


# --- a hand-made xlsx: exactly the XML a hostile file would carry --------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WBRELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def col(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell(ref: str, value: object) -> str:
    if isinstance(value, str) and value.startswith("!"):  # raw XML of the cell's inside and type
        kind, _, inner = value[1:].partition("|")
        return f'<c r="{ref}"{f" t={chr(34)}{kind}{chr(34)}" if kind else ""}>{inner}</c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def sheet_xml(rows: list[list[object]], extra: str = "") -> str:
    body = "".join(
        f'<row r="{r}">' + "".join(cell(f"{col(c)}{r}", v) for c, v in enumerate(row, 1)) + "</row>"
        for r, row in enumerate(rows, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{body}{extra}</sheetData></worksheet>'
    )


def write_xlsx(path: Path, sheet: str, *, workbook: bool = True, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        if workbook:
            z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WBRELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def good_rows() -> list[list[object]]:
    return [list(HEADER), *[[r[0], r[1], *[int(v) for v in r[2:]]] for r in GOOD]]


# --- 1. a small file must not exhaust memory --------------------------------------------------


def test_a_single_far_cell_is_refused_before_loading(tmp_path: Path) -> None:
    far = write_xlsx(
        tmp_path / "jauh.xlsx", sheet_xml(good_rows(), '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    )
    assert far.stat().st_size < 2048
    before = digest(far)
    code, _out, err = run("score", str(far))
    assert code == ExitCode.INPUT_ERROR
    assert "jauh.xlsx" in err
    assert "XFD1048576" in err
    assert "batas" in err
    assert_clean(err, tmp_path)
    assert digest(far) == before


def test_styled_empty_cells_far_away_do_not_count(tmp_path: Path) -> None:
    # Excel writes formatted but empty cells as <c r=".." s="1"/>: calamine ignores them, so do we
    path = write_xlsx(tmp_path / "gaya.xlsx", sheet_xml(good_rows(), '<row r="900000"><c r="XFD900000" s="1"/></row>'))
    code, out, err = run("score", str(path), "--format", "json")
    assert code == ExitCode.OK, err
    assert '"respondents": 3' in out


def test_a_sheet_inflating_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 200_000)
    padding = "<row r='5'></row>" * 20_000  # 340 KB of XML that compresses to almost nothing
    bomb = write_xlsx(tmp_path / "bom.xlsx", sheet_xml(good_rows(), padding))
    assert bomb.stat().st_size < 10_000
    code, _, err = run("score", str(bomb))
    assert code == ExitCode.INPUT_ERROR
    assert "bom.xlsx" in err
    assert "xl/worksheets/sheet1.xml" in err
    assert_clean(err, tmp_path)


def test_too_many_cells_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_CELLS", 20)
    path = write_xlsx(tmp_path / "banyak.xlsx", sheet_xml(good_rows()))
    code, _, err = run("score", str(path), "--lang", "en")
    assert code == ExitCode.INPUT_ERROR
    assert "44 filled cells, over the limit of 20 cells" in err


def test_one_bad_file_does_not_kill_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    write_csv(folder / "a.csv", GOOD)
    write_xlsx(folder / "b.xlsx", sheet_xml(good_rows(), '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    code, out, err = run("check", str(folder))
    assert code == ExitCode.INPUT_ERROR  # the worst of the two, after both were read
    assert "b.xlsx" in err
    assert "a.csv" in out
    assert_clean(err, tmp_path)


def test_xlsx_without_workbook_part_is_unreadable(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "rusak.xlsx", sheet_xml(good_rows()), workbook=False)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "rusak.xlsx" in err
    assert "xl/workbook.xml" in err
    assert_clean(err, tmp_path)


@pytest.mark.parametrize("prolog", ["", "<!--" + "p" * 200_000 + "-->"])
def test_a_doctype_is_refused(tmp_path: Path, prolog: str) -> None:
    doctype = prolog + '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet'
    xml = sheet_xml(good_rows()).replace("<worksheet", doctype, 1)
    path = write_xlsx(tmp_path / "entitas.xlsx", xml)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "DOCTYPE" in err
    assert_clean(err, tmp_path)


def test_cells_without_references_are_placed_and_measured(tmp_path: Path) -> None:
    rows = "".join("<row>" + "".join(cell("", v).replace(' r=""', "") for v in row) + "</row>" for row in good_rows())
    xml = sheet_xml([]).replace("<sheetData></sheetData>", f"<sheetData>{rows}</sheetData>")
    scans = guard.scan_ooxml(write_xlsx(tmp_path / "tanpa-r.xlsx", xml))
    assert (scans["Data"].max_row, scans["Data"].max_col, scans["Data"].cells) == (4, 11, 44)
    code, _out, err = run("score", str(tmp_path / "tanpa-r.xlsx"), "--format", "json")
    assert code == ExitCode.OK, err


# --- 3. answers are never silently dropped or changed --------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("!e|<v>#N/A</v>", "#N/A"),
        ("!e|<v>#DIV/0!</v>", "#DIV/0!"),
        ("!|<f>SUM(1,2)</f>", "=SUM(1,2)"),
        ("!b|<v>1</v>", "TRUE"),
        ("!|<v>NaN</v>", "nan"),
        ("!|<v>INF</v>", "inf"),
        ("!|<v>1e999</v>", "inf"),
    ],
)
def test_unusable_xlsx_cells_are_invalid_not_blank(tmp_path: Path, raw: str, shown: str) -> None:
    rows = good_rows()
    rows[2][4] = raw  # Budi's U3 (column E, row 3); Budi and the others also answer 1 elsewhere
    rows[1][2] = 1
    path = write_xlsx(tmp_path / "sel.xlsx", sheet_xml(rows))
    code, _, err = run("score", str(path))
    assert code == ExitCode.INVALID_DATA
    assert "baris 3" in err
    assert "(E)" in err
    assert shown in err
    assert_clean(err, tmp_path)
    code, out, err = run("score", str(path), "--invalid", "skip", "--format", "json")
    assert code == ExitCode.OK
    assert "dilewati" in err
    assert shown in err
    assert '"answered": 2' in out  # U3 counts two answers, not three


def test_true_is_not_one_even_beside_a_real_one(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1][2], rows[2][2], rows[3][2] = 1, "!b|<v>1</v>", 1  # U1: 1, TRUE, 1
    path = write_xlsx(tmp_path / "bool.xlsx", sheet_xml(rows))
    code, out, err = run("score", str(path), "--invalid", "skip", "--format", "json")
    assert code == ExitCode.OK
    assert "TRUE" in err
    u1 = out.split('"code": "U1"', 1)[1]
    assert '"answered": 2' in u1.split("}", 1)[0]


@pytest.mark.parametrize("answer", ["Tidak cepat (4)", "1 Sangat cepat", "4 tapi lambat", "4 - Sangat lambat"])
def test_number_and_label_that_disagree_are_invalid(tmp_path: Path, answer: str) -> None:
    rows = [list(r) for r in GOOD]
    rows[0][4] = answer  # U3 (speed)
    path = write_csv(tmp_path / "label.csv", rows)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INVALID_DATA
    assert answer in err
    assert "baris 2" in err
    assert "tidak cocok" in err


@pytest.mark.parametrize("answer", ["4 (Sangat cepat)", "Cepat (3)", "2 - Kurang cepat"])
def test_number_and_label_that_agree_are_read(tmp_path: Path, answer: str) -> None:
    rows = [list(r) for r in GOOD]
    rows[0][4] = answer
    code, _, err = run("score", str(write_csv(tmp_path / "ok.csv", rows)))
    assert code == ExitCode.OK, err


@pytest.mark.parametrize("answer", ["9" * 5000, "1e999", "-1e400"])
def test_huge_numbers_are_out_of_range_not_a_crash(tmp_path: Path, answer: str) -> None:
    rows = [list(r) for r in GOOD]
    rows[1][2] = answer
    code, _, err = run("score", str(write_csv(tmp_path / "besar.csv", rows)))
    assert code == ExitCode.INVALID_DATA
    assert "baris 3" in err
    assert "di luar skala" in err or answer in err
    assert_clean(err, tmp_path)


# --- 7. reading messages ------------------------------------------------------------------------


def test_a_long_cell_is_read(tmp_path: Path) -> None:
    header = [*HEADER, "saran"]
    rows = [[*r, "x" * 200_000] for r in GOOD]
    code, _out, err = run("score", str(write_csv(tmp_path / "panjang.csv", rows, header)), "--format", "json")
    assert code == ExitCode.OK, err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-16-be"])
def test_utf16_and_utf32_csv_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "\t".join(HEADER) + "\n" + "\n".join("\t".join(r) for r in GOOD) + "\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode(encoding))
    code, out, err = run("score", str(path), "--format", "json")
    assert code == ExitCode.OK, err
    assert '"respondents": 3' in out


def test_an_unclosed_quote_names_its_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kutip.csv", GOOD)
    path.write_text(path.read_text(encoding="utf-8") + 'Dedi,"KTP,4,4,4,4,4,4,4,4,4\nEka,KK,1,1,1,1,1,1,1,1,1\n')
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "kutip.csv" in err
    assert "baris 5" in err
    assert_clean(err, tmp_path)


def test_a_huge_csv_is_refused_by_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_CSV_BYTES", 1000)
    path = write_csv(tmp_path / "besar.csv", GOOD * 20)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "besar.csv" in err
    assert "batas" in err


def test_unreadable_file_is_exit_3_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "rahasia.csv", GOOD)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path and real_access(p, mode))  # root reads all
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "rahasia.csv" in err
    assert "tidak ada izin" in err


def test_error_mode_lists_twenty_cells_and_points_to_check(tmp_path: Path) -> None:
    rows = [["X", "KTP", *["9"] * 9] for _ in range(10)]  # 90 invalid cells
    path = write_csv(tmp_path / "salah.csv", rows)
    code, _, err = runner_lines("score", str(path))
    assert code == ExitCode.INVALID_DATA
    assert sum(1 for line in err if line.lstrip().startswith("•")) == 20
    assert "70 masalah lainnya" in " ".join(err)
    assert "skm check" in " ".join(err)
    code, out, _ = runner_lines("check", str(path), "--format", "json")
    assert code == ExitCode.INVALID_DATA
    assert "\n".join(out).count('"code": "out-of-range"') == 90  # check lists every one


def runner_lines(*args: str) -> tuple[int, list[str], list[str]]:
    result = runner.invoke(app, list(args), terminal_width=400)
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


# --- 2. every file a command reads is an input ---------------------------------------------------


def test_output_inside_the_folder_read_is_refused_even_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    a, b = write_csv(folder / "a.csv", GOOD), write_csv(folder / "b.csv", GOOD)
    before = digest(a, b)
    code, _, err = run("score", str(folder), "--format", "csv", "-o", str(b), "--force")
    assert code == ExitCode.OUTPUT_ERROR
    assert "b.csv" in err
    assert digest(a, b) == before
    assert_clean(err, tmp_path)


def test_side_files_are_inputs(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    labels = tmp_path / "label.toml"
    labels.write_text('[labels]\n"Mantap" = 4\n', encoding="utf-8")
    instrument = tmp_path / "instrumen.toml"
    instrument.write_bytes((Path(__file__).parents[1] / "examples" / "instrumen_kustom.toml").read_bytes())
    custom = tmp_path / "kustom.csv"
    custom.write_bytes((Path(__file__).parents[1] / "examples" / "kustom_8_unsur.csv").read_bytes())
    before = digest(responses, labels, instrument, custom)
    cases = [
        ("score", str(responses), "--labels", str(labels), "--format", "json", "-o", str(labels)),
        ("score", str(custom), "--instrument", str(instrument), "--format", "json", "-o", str(instrument)),
        ("stats", str(responses), "--previous", str(responses), "--format", "json", "-o", str(responses)),
        ("report", str(responses), "--labels", str(labels), "--format", "md", "-o", str(labels)),
        ("template", "--instrument", str(instrument), "--format", "md", "-o", str(instrument)),
    ]
    for args in cases:
        code, _, err = run(*args, "--force")
        assert code == ExitCode.OUTPUT_ERROR, (args, err)
        assert "masukan" in err
    assert digest(responses, labels, instrument, custom) == before
    assert_clean("", tmp_path)


def test_a_hard_link_to_an_input_is_the_input(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    os.link(responses, tmp_path / "salinan.json")
    before = digest(responses)
    code, _, _ = run("score", str(responses), "--format", "json", "-o", str(tmp_path / "salinan.json"), "--force")
    assert code == ExitCode.OUTPUT_ERROR
    assert digest(responses) == before


# --- 4. no live formula in anything we write ------------------------------------------------------

PAYLOADS = ['=HYPERLINK("http://x.invalid","klik")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1"]


def test_score_csv_neutralises_group_names(tmp_path: Path) -> None:
    rows = [[f"R{i}", payload, *["4"] * 9] for i, payload in enumerate(PAYLOADS)]
    path = write_csv(tmp_path / "grup.csv", rows)
    out_path = tmp_path / "hasil.csv"
    code, _, err = run("score", str(path), "--by", "layanan", "--format", "csv", "-o", str(out_path))
    assert code == ExitCode.OK, err
    cells = [c for row in csv.reader(io.StringIO(out_path.read_text(encoding="utf-8"))) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert '\'=HYPERLINK("http://x.invalid","klik")' in cells


@pytest.mark.slow
def test_template_services_are_never_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "kuesioner.xlsx"
    args = [a for p in [*PAYLOADS, "Loket\ufffe\x01A"] for a in ("--service", p)]
    code, _, err = run("template", "-o", str(target), *args)
    assert code == ExitCode.OK, err
    book = openpyxl.load_workbook(target)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
                texts.append(str(c.value))
    assert any(t.startswith("=HYPERLINK") for t in texts)  # kept as text
    assert "LoketA" in texts
    code, _, err = run("template", "-o", str(tmp_path / "k.docx"), *args)
    assert code == ExitCode.OK, err


def test_error_codes_typed_as_text_stay_text(tmp_path: Path) -> None:
    """openpyxl stores a text equal to an Excel error code ("#N/A") as an error value; what we write is text."""
    openpyxl = pytest.importorskip("openpyxl")
    from skm.render.safe import inert_workbook

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    codes = ["#N/A", "#DIV/0!", "#REF!", "=A1", "teks"]
    for r, code in enumerate(codes, start=1):
        sheet.cell(row=r, column=1, value=code)
    assert sheet["A1"].data_type == "e"  # what openpyxl would write
    inert_workbook(book)
    book.save(tmp_path / "b.xlsx")
    cells = [row[0] for row in openpyxl.load_workbook(tmp_path / "b.xlsx").active.iter_rows()]  # type: ignore[union-attr]
    assert [(c.value, c.data_type) for c in cells] == [(code, "s") for code in codes]
    target = tmp_path / "kuesioner.xlsx"
    code, _, err = run("template", "-o", str(target), "--service", "#N/A", "--service", "KTP")
    assert code == ExitCode.OK, err
    texts = {
        c.value: c.data_type for s in openpyxl.load_workbook(target).worksheets for row in s.iter_rows() for c in row
    }
    assert texts["#N/A"] == "s"


@pytest.mark.slow
def test_report_holds_formulas_and_xml_breaking_characters(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    header = [*HEADER, "saran"]
    rows = [[r[0], f"@{r[1]}\x01\ufffe", *r[2:], f"=1+1 saran\ufffe\x0b{i}"] for i, r in enumerate(GOOD * 3)]
    path = write_csv(tmp_path / "saran.csv", rows, header)
    for fmt in ("xlsx", "docx"):
        target = tmp_path / f"laporan.{fmt}"
        code, _, err = run("report", str(path), "--format", fmt, "--unit", "=cmd\x01\ufffe", "-o", str(target))
        assert code == ExitCode.OK, err
        assert_clean(err, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "laporan.xlsx")
    assert all(c.data_type != "f" for s in book.worksheets for row in s.iter_rows() for c in row)


# --- 5. internal errors become documented exits ---------------------------------------------------


@pytest.mark.parametrize("option", ["--labels", "--instrument"])
def test_deeply_nested_toml_is_refused(tmp_path: Path, option: str) -> None:
    deep = tmp_path / "dalam.toml"
    deep.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    code, _, err = run("score", str(responses), option, str(deep))
    assert code in (ExitCode.INPUT_ERROR, ExitCode.USAGE)
    assert "dalam.toml" in err
    assert "terlalu dalam" in err
    assert_clean(err, tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize("option", ["--labels", "--instrument"])
def test_side_file_from_an_endless_device_is_refused(tmp_path: Path, option: str) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    code, _, err = run("score", str(responses), option, "/dev/zero")
    assert code in (ExitCode.INPUT_ERROR, ExitCode.USAGE)  # --instrument: a name that is no regular file
    assert "/dev/zero" in err


def test_a_previous_json_nested_deep_is_refused(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    deep = tmp_path / "lalu.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run(
        "report", str(responses), "--previous", str(deep), "--format", "md", "-o", str(tmp_path / "l.md")
    )
    assert code == ExitCode.INPUT_ERROR
    assert "lalu.json" in err


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skm", *args], capture_output=True, text=True, check=False, timeout=120, **kwargs
    )


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_stdout_on_a_full_disk_is_exit_4(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "skm", "score", str(responses), "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    assert done.returncode == ExitCode.OUTPUT_ERROR, done.stderr
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# --- 6. signals and races --------------------------------------------------------------------------


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from skm.output import write_atomic\n"
        "def slow(tmp):\n"
        "    tmp.write_bytes(b'x' * 1000)\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n"
        "try:\n"
        "    write_atomic(Path(sys.argv[1]), slow)\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    for sig in (signal.SIGTERM, signal.SIGHUP):
        target = tmp_path / f"besar-{sig.name}.xlsx"
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True, cwd=tmp_path
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        assert list(tmp_path.glob(".*.tmp"))  # the partial file exists while writing
        child.send_signal(sig)
        assert child.wait(timeout=30) == ExitCode.INTERRUPTED
        child.stdout.close()
        assert not list(tmp_path.glob(".*.tmp"))
        assert not target.exists()


@pytest.mark.slow
def test_concurrent_writers_without_force_exactly_one_wins(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    target = tmp_path / "sama.json"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from skm.errors import SkmError\n"
        "from skm.output import write_atomic\n"
        "start = float(sys.argv[2])\n"
        "time.sleep(max(0.0, start - time.time()))\n"
        "try:\n"
        "    write_atomic(Path(sys.argv[1]), sys.argv[3] * 100000)\n"
        "except SkmError as exc:\n"
        "    sys.exit(int(exc.exit_code))\n"
    )
    for trial in range(4):
        target.unlink(missing_ok=True)
        start = time.time() + 1.0
        children = [subprocess.Popen([sys.executable, "-c", script, str(target), str(start), str(i)]) for i in range(3)]
        codes = sorted(c.wait(timeout=60) for c in children)
        assert codes == [0, ExitCode.OUTPUT_ERROR, ExitCode.OUTPUT_ERROR], (trial, codes)
        text = target.read_text(encoding="utf-8")
        assert len(set(text)) == 1  # one writer's whole content, never a mix
        assert not list(tmp_path.glob(".*.tmp"))
    code, _, _err = run("score", str(responses), "--format", "json", "-o", str(target))
    assert code == ExitCode.OUTPUT_ERROR  # and the CLI goes the same way


def test_a_dangling_symlink_exists_and_is_never_replaced(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    link = tmp_path / "hasil.json"
    link.symlink_to(tmp_path / "tidak-ada" / "target.json")
    code, _, err = run("score", str(responses), "--format", "json", "-o", str(link))
    assert code == ExitCode.OUTPUT_ERROR
    assert "sudah ada" in err
    code, _, err = run("score", str(responses), "--format", "json", "-o", str(link), "--force")
    assert code == ExitCode.OUTPUT_ERROR
    assert "bukan berkas biasa" in err
    assert link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_pipe_or_folder_at_the_output_is_refused_even_with_force(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    fifo = tmp_path / "pipa.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for target in (fifo, folder):
        code, _, err = run("score", str(responses), "--format", "json", "-o", str(target), "--force")
        assert code == ExitCode.OUTPUT_ERROR
        assert "bukan berkas biasa" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert_clean(err, tmp_path)


def test_an_output_name_ending_in_a_slash_is_refused(tmp_path: Path) -> None:
    responses = write_csv(tmp_path / "jawaban.csv", GOOD)
    code, _, err = run("score", str(responses), "--format", "json", "-o", str(tmp_path / "baru") + "/")
    assert code == ExitCode.USAGE
    assert "pemisah folder" in err
    assert not (tmp_path / "baru").exists()


@pytest.mark.slow
def test_a_full_disk_while_zipping_exits_4_without_a_late_complaint(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    class FullDisk(io.FileIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def writer(path: Path) -> None:
        archive = zipfile.ZipFile(FullDisk(path, "wb"), "w")
        archive.writestr("xl/worksheets/sheet1.xml", "x" * 100_000)

    with pytest.raises(SkmError) as info:
        write_atomic(tmp_path / "laporan.xlsx", writer)
    gc.collect()
    assert info.value.exit_code == ExitCode.OUTPUT_ERROR
    assert "Exception ignored" not in capfd.readouterr().err
    assert not list(tmp_path.iterdir())


# --- fuzzing: valid csv and xlsx bytes, mutated, only ever give a documented exit code ---------------
# Mutations flip, insert and delete bytes and truncate; for xlsx both the zip bytes (mostly a broken
# container) and the sheet XML inside a valid container (odd cells, broken tags, huge references).
# A fixed, small budget keeps the default run to a few seconds; `pytest -m slow` runs a larger one.

DOCUMENTED = {ExitCode.OK, ExitCode.INVALID_DATA, ExitCode.INPUT_ERROR}

CSV_BYTES = ("\n".join(",".join(r) for r in [HEADER, *GOOD]) + "\n").encode("utf-8")
SHEET = sheet_xml(good_rows()).encode("utf-8")


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few random byte edits (flip, insert, delete, truncate, splice)."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if kind == "flip" and out:
            out[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete" and out:
            del out[at : at + draw(st.integers(1, 16))]
        elif kind == "truncate":
            del out[at:]
        else:
            piece = draw(
                st.sampled_from(
                    [b'"', b"\x00", b"\xff\xfe", b'<c r="XFD1048576"><v>1</v></c>', b"<!DOCTYPE x>", b"=1+1", b"\r"]
                )
            )
            out[at:at] = piece
    return bytes(out)


def fuzz_outcome(path: Path) -> int:
    result = runner.invoke(app, ["score", str(path), "--format", "json"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code


def check_csv(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    assert fuzz_outcome(path) in DOCUMENTED


def check_xlsx_zip(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    assert fuzz_outcome(path) in DOCUMENTED


def check_xlsx_sheet(tmp_path: Path, sheet: bytes) -> None:
    path = write_xlsx(tmp_path / "fuzz.xlsx", sheet.decode("utf-8", "replace"), compress=zipfile.ZIP_STORED)
    assert fuzz_outcome(path) in DOCUMENTED


FAST = settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SLOW = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.slow
@FAST
@given(data=mutated(CSV_BYTES))
def test_mutated_csv(tmp_path: Path, data: bytes) -> None:
    check_csv(tmp_path, data)


@pytest.mark.slow
@FAST
@given(sheet=mutated(SHEET))
def test_mutated_sheet_xml(tmp_path: Path, sheet: bytes) -> None:
    check_xlsx_sheet(tmp_path, sheet)


@pytest.mark.slow
@FAST
@given(seed=st.just(None), edits=st.data())
def test_mutated_xlsx_container(tmp_path: Path, seed: None, edits: st.DataObject) -> None:
    original = write_xlsx(tmp_path / "seed.xlsx", SHEET.decode("utf-8")).read_bytes()
    check_xlsx_zip(tmp_path, edits.draw(mutated(original)))


@pytest.mark.slow
@SLOW
@given(data=mutated(CSV_BYTES), sheet=mutated(SHEET), edits=st.data())
def test_mutated_inputs_large_budget(tmp_path: Path, data: bytes, sheet: bytes, edits: st.DataObject) -> None:
    check_csv(tmp_path, data)
    check_xlsx_sheet(tmp_path, sheet)
    original = write_xlsx(tmp_path / "seed.xlsx", SHEET.decode("utf-8")).read_bytes()
    check_xlsx_zip(tmp_path, edits.draw(mutated(original)))


def write_ods(path: Path, content: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return path


def test_an_ods_repeating_a_filled_row_a_million_times_is_refused(tmp_path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="Data"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell office:value-type="float" office:value="4" table:number-columns-repeated="9">'
        "<text:p>4</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    path = write_ods(tmp_path / "ulang.ods", content)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "ulang.ods" in err
    assert "1000000" in err


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    '<table:table table:name="Data">'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
ODS_WIDE_FOUR = (
    '<table:table-cell table:number-columns-repeated="99999" office:value-type="float" office:value="4">'
    "<text:p>4</text:p></table:table-cell>"
)
ODS_FOUR = '<table:table-cell office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell>'


@pytest.mark.parametrize(
    "rows",
    [
        # a filled row repeated, its value after 10 000 empty cells (> 8 KB of row before it)
        '<table:table-row table:number-rows-repeated="1000000">'
        + '<table:table-cell table:style-name="a&gt;b"/>' * 10_000
        + ODS_FOUR
        + "</table:table-row>",
        # empty repeated rows between a wide filled row and a last filled row: a dense grid of 10⁸ cells
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
        + ODS_FOUR
        + '</table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell/></table:table-row>'
        + f"<table:table-row>{ODS_FOUR}</table:table-row>",
        # a filled cell repeated across more columns than a sheet has
        "<table:table-row>" + ODS_WIDE_FOUR + "</table:table-row>",
        # many filled rows, each repeated under the row limit, past the cell cap together
        f'<table:table-row table:number-rows-repeated="60000">{ODS_FOUR * 20}</table:table-row>' * 10,
    ],
    ids=["long-repeated-row", "sparse-grid", "repeated-cell", "cells-in-all"],
)
def test_an_ods_that_calamine_would_expand_enormously_is_refused(tmp_path: Path, rows: str) -> None:
    path = write_ods(tmp_path / "bom.ods", ODS_HEAD + rows + ODS_TAIL)
    with pytest.raises(SkmError) as caught:  # the guard refuses it, before calamine reads it
        guard.scan_ods(path)
    assert caught.value.code in {IssueCode.REPEAT_TOO_LARGE, IssueCode.AREA_TOO_LARGE, IssueCode.TOO_MANY_CELLS}
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "bom.ods" in err
    assert "Traceback" not in err


def test_an_ods_with_trailing_empty_repeated_rows_and_columns_is_read(tmp_path: Path) -> None:
    """LibreOffice writes a sheet's unused rows and columns as huge repeats of empty cells: not a bomb."""
    header = "".join(
        f'<table:table-cell office:value-type="string"><text:p>U{i}</text:p></table:table-cell>' for i in range(1, 10)
    )
    answer = "".join(ODS_FOUR for _ in range(9))
    empty = '<table:table-cell table:number-columns-repeated="16375"/>'
    rows = (
        f"<table:table-row>{header}{empty}</table:table-row>"
        + f'<table:table-row table:number-rows-repeated="30">{answer}{empty}</table:table-row>'
        + f'<table:table-row table:number-rows-repeated="1048545">{empty}</table:table-row>'
    )
    path = write_ods(tmp_path / "lo.ods", ODS_HEAD + rows + ODS_TAIL)
    code, out, err = run("score", str(path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["respondents"] == 30


@pytest.mark.parametrize("ref", ["xfd1048576", "XFD00001048576", "A10000000000000000001", "AAAAAAAAAAAA1", "A1"])
def test_odd_cell_references_are_measured_as_the_library_reads_them(tmp_path: Path, ref: str) -> None:
    far = f'<row r="9"><c r="{ref}"><v>1</v></c><c\tr="XFD1048576"><v>1</v></c></row>'
    path = write_xlsx(tmp_path / "aneh.xlsx", sheet_xml(good_rows(), far))
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "aneh.xlsx" in err
    assert "batas" in err


@pytest.mark.parametrize(
    "extra",
    [
        '<row r="100001"><c r="C100001"><v>1</v></c></row>',  # six-digit rows: the exact maximum of the tail
        '<row r="12000"><c r="C12000"><v>1</v></c></row>',  # five digits, too few cells for the bound: measured
        '<row r="300"><c r="C300"><v>1</v></c></row>',  # three digits: bounded by 999
        '<row r="120000"><c r="AB120000"><v>1</v></c><c r="B99"><v>2</v></c></row>',  # two letters
        '<row r="7"><c\tr="AB7"><v>1</v></c><c\nr="B300000"><v>2</v></c></row>',  # other white space
        "<row r='8'><c r='AC8'><v>1</v></c><c r='D250000'><v>1</v></c></row>",  # single quotes
        '<row r="9"><x:c r="E9" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:v>1</x:v></x:c></row>",  # a prefixed cell: the exact walk
        '<row r="10"><c r="F10" s="1"/><c r="G1000000"><v>1</v></c></row>',  # seven digits
    ],
)
def test_quick_extent_bounds_what_the_exact_walk_measures(tmp_path: Path, extra: str) -> None:
    """The C-speed bound (counts on a translated copy) is never below the exact extent of the filled cells."""
    path = write_xlsx(tmp_path / "luas.xlsx", sheet_xml(good_rows(), extra))
    with zipfile.ZipFile(path) as zf:  # the sheet's scan before any refusal (these sheets are sparse)
        quick = guard._scan_sheet(path, zf, "xl/worksheets/sheet1.xml")
        exact = guard.SheetScan(quick.member)
        guard._detail(path, zf, exact)
    assert quick.cells == exact.cells
    assert quick.max_row >= exact.max_row
    assert quick.max_col >= exact.max_col
    if quick.max_row * quick.max_col > guard.FREE_AREA:  # a bound past the limits is measured exactly
        assert (quick.max_row, quick.max_col) == (exact.max_row, exact.max_col)
    if exact.max_row >= 10_000:  # five digits or more and few cells: the exact row of the tail
        assert quick.max_row == exact.max_row


def test_the_first_rows_are_kept_and_the_scan_is_reused(tmp_path: Path) -> None:
    """The engine asks for each sheet's first rows; a second reader of the same file gets the same scan."""
    rows = good_rows()
    path = write_xlsx(tmp_path / "awal.xlsx", sheet_xml(rows))
    scan = guard.scan_ooxml(path, head_rows=2, values=False)["Data"]
    assert scan.head.count(b"</row>") == 2
    assert scan.head.endswith(b"</row>")
    assert not scan.head_complete
    assert {"bool", "nonfinite"} <= scan.flags  # not looked for: a reader of Python cells looks at every cell
    assert guard.scan_ooxml(path) is guard.scan_ooxml(path, head_rows=1)
    whole = guard.scan_ooxml(path, head_rows=len(rows) + 5)["Data"]  # more rows asked: scanned again
    assert whole.head_complete
    assert whole.head.count(b"</row>") == len(rows)


def test_ods_formulas_without_a_value_and_error_cells_are_invalid_cells_never_blanks(tmp_path: Path) -> None:
    """calamine reads an ODS error cell or a formula without a stored value as a blank (or an error
    typed as a number as 0): each is reported on its row and column, like an Excel error in an xlsx."""
    head = ODS_HEAD.replace(
        "<office:document-content ",
        "<office:document-content "
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" ',
    )
    header = "".join(
        f'<table:table-cell office:value-type="string"><text:p>U{i}</text:p></table:table-cell>' for i in range(1, 10)
    )
    odd = [
        '<table:table-cell table:formula="of:=1/0" office:string-value="" calcext:value-type="error">'
        "<text:p>#DIV/0!</text:p></table:table-cell>",
        '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=[.A1]"/>',
    ]
    rows = f"<table:table-row>{header}</table:table-row>" + "".join(
        f"<table:table-row>{cell}{ODS_FOUR * 8}</table:table-row>" for cell in odd
    )
    rows += f'<table:table-row table:number-rows-repeated="5">{ODS_FOUR * 9}</table:table-row>'
    path = write_ods(tmp_path / "rumus.ods", head + rows + ODS_TAIL)
    scans = guard.scan_ods(path)
    assert sorted(scans["Data"].unusable) == [(1, 0), (2, 0), (3, 0)]
    code, _, err = run("score", str(path), "--lang", "en")
    assert code == ExitCode.INVALID_DATA
    assert "#DIV/0!" in err
    assert "=[.A1]" in err
    code, out, err = run("score", str(path), "--invalid", "skip", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["respondents"] == 8


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_an_unknown_encoding_declared_in_the_xml_is_an_unreadable_file(tmp_path: Path, kind: str) -> None:
    """Found by the mutation test: '<?xml … encoding="TTF-8"?>' made expat raise LookupError (exit 70)."""
    declaration = '<?xml version="1.0" encoding="TTF-8"?>'
    if kind == "xlsx":
        sheet = sheet_xml(good_rows(), '<row r="30"><c r="A30" t="e"><v>#N/A</v></c></row>')  # walked by expat
        path = write_xlsx(tmp_path / "enc.xlsx", declaration + sheet.split("?>", 1)[-1])
    else:
        path = write_ods(tmp_path / "enc.ods", declaration + ODS_HEAD.split("?>", 1)[-1] + ODS_TAIL)
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR, err
    assert "TTF-8" in err
    assert "Traceback" not in err


def test_an_ods_formula_repeated_without_end_is_marked_in_bounded_time(tmp_path: Path) -> None:
    """A formula cell without a value (no value type: not counted as filled) repeated across a billion
    columns and rows: the walk marks at most a bounded number of positions and never builds the grid."""
    header = "".join(
        f'<table:table-cell office:value-type="string"><text:p>U{i}</text:p></table:table-cell>' for i in range(1, 10)
    )
    rows = (
        f"<table:table-row>{header}</table:table-row>"
        + f"<table:table-row>{ODS_FOUR * 9}</table:table-row>"
        + '<table:table-row table:number-rows-repeated="1000000000">'
        + '<table:table-cell table:formula="of:=[.A1]" table:number-columns-repeated="1000000000"/></table:table-row>'
    )
    path = write_ods(tmp_path / "rumus_ulang.ods", ODS_HEAD + rows + ODS_TAIL)
    scans = guard.scan_ods(path)
    assert 0 < len(scans["Data"].unusable) <= guard._ODS_MAX_MARKED
