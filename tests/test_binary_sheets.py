"""Binary spreadsheets (.xlsb: BIFF12 records in a zip; .xls: BIFF8 records in an OLE2 file): read at all,
their error cells reported on their row and column (calamine reads them as blanks or leaves them out),
and the caps of an xlsx applied before calamine allocates the sheet."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner
from xlrd.compdoc import CompDoc

from skm.cli import app
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import guard
from skm.readers.cells import Unusable
from skm.readers.files import read_sheets
from xlsb_writer import Error, FormulaError, FormulaNumber, Shared, record, sheet_bin, write_xlsb

runner = CliRunner()
HEADER = ["nama", "layanan", *(f"U{i}" for i in range(1, 10))]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code == ExitCode.INPUT_ERROR:
        assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def answers() -> list[list[object]]:
    return [HEADER, ["Ani", "KTP", *[4] * 9], ["Budi", "KK", *[3] * 9], ["Cici", "KTP", *[2] * 9]]


# --- xlsb --------------------------------------------------------------------------------------------


def test_the_xlsb_writer_writes_what_calamine_reads(tmp_path: Path) -> None:
    rows: list[list[object]] = [["a", 1.5, True], ["b", FormulaNumber(7.0), "x"]]
    path = write_xlsb(tmp_path / "w.xlsb", {"Satu": rows, "Dua": [["z"]]})
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Satu", "Dua"]
    assert book.get_sheet_by_name("Satu").to_python(skip_empty_area=False) == [["a", 1.5, True], ["b", 7.0, "x"]]
    assert book.get_sheet_by_name("Dua").to_python(skip_empty_area=False) == [["z"]]


def test_a_plain_xlsb_is_read_not_refused(tmp_path: Path) -> None:
    """The guard used to send every zip but an ODS to the xlsx scan, which refused an xlsb (no xl/workbook.xml)."""
    path = write_xlsb(tmp_path / "jawaban.xlsb", {"Data": answers()})
    code, out, err = run("score", str(path), "--format", "json")
    assert code == ExitCode.OK, err
    assert '"respondents": 3' in out
    sheets = read_sheets(path)
    assert [s.name for s in sheets] == ["Data"]
    assert sheets[0].rows[1] == ["Ani", "KTP", *[4.0] * 9]


def test_calamine_reads_xlsb_errors_as_blanks_or_leaves_them_out(tmp_path: Path) -> None:
    """Why the scan is needed: the library gives '' for an error cell and skips a formula's error."""
    rows: list[list[object]] = [["a", Error("#N/A")], [FormulaError("#DIV/0!"), 1], [None, None, FormulaError("#N/A")]]
    path = write_xlsb(tmp_path / "e.xlsb", {"Data": rows})
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python(skip_empty_area=False)
    assert grid == [["a", ""], ["", 1.0]]
    scans = guard.scan_xlsb(path)
    assert scans["Data"].unusable == {(0, 1): "#N/A", (1, 0): "#DIV/0!", (2, 2): "#N/A"}
    assert read_sheets(path)[0].rows == [["a", "#N/A"], ["#DIV/0!", 1.0], ["", "", "#N/A"]]
    assert all(isinstance(v, Unusable) for v in (read_sheets(path)[0].rows[2][2], read_sheets(path)[0].rows[0][1]))


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Error("#N/A"), "#N/A"), (Error("#DIV/0!"), "#DIV/0!"), (FormulaError("#VALUE!"), "#VALUE!"), (True, "TRUE")],
)
def test_xlsb_error_cells_are_invalid_cells_on_their_row_and_column(tmp_path: Path, value: object, shown: str) -> None:
    rows = answers()
    rows[2][4] = value  # Budi's U3: row 3, column E
    rows[3][10] = FormulaError("#N/A")  # Cici's U9, the last column (calamine leaves that cell out)
    path = write_xlsb(tmp_path / "sel.xlsb", {"Data": rows})
    code, _, err = run("score", str(path))
    assert code == ExitCode.INVALID_DATA
    assert f"baris 3, kolom 'U3' (E): '{shown}'" in err
    assert "baris 4, kolom 'U9' (K): '#N/A'" in err
    code, out, err = run("check", str(path), "--format", "json")
    assert '"code": "unusable-cell"' in out
    code, out, err = run("score", str(path), "--invalid", "skip", "--format", "json")
    assert code == ExitCode.OK
    assert '"answered": 2' in out  # U3 and U9 count two answers each, not three


def test_xlsb_rows_are_placed_where_the_sheet_puts_them(tmp_path: Path) -> None:
    part = sheet_bin([["x", Error("#REF!")], [1, 2]], first_row=4)
    path = write_xlsb(tmp_path / "r.xlsb", {"Data": part})
    scan = guard.scan_xlsb(path)["Data"]
    assert (scan.max_row, scan.max_col, scan.cells) == (6, 2, 4)
    assert scan.unusable == {(4, 1): "#REF!"}
    rows = read_sheets(path)[0].rows
    assert rows[4] == ["x", "#REF!"]
    assert rows[5] == [1.0, 2.0]


def test_xlsb_sheet_names_come_from_the_workbook_part(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "n.xlsb", {"Jawaban survei": [["a"]], "Ringkas": [[Error("#N/A")]]})
    assert list(guard.scan_xlsb(path)) == ["Jawaban survei", "Ringkas"]
    assert read_sheets(path)[1].rows == [["#N/A"]]


def test_a_far_xlsb_cell_is_refused_before_loading(tmp_path: Path) -> None:
    far = record(0x00, struct.pack("<IIH", 1_000_000, 0, 0) + bytes(7)) + record(
        0x05, struct.pack("<II", 2_000_000_000, 0) + struct.pack("<d", 1.0)
    )
    path = write_xlsb(tmp_path / "far.xlsb", {"Data": sheet_bin([["a"]], extra=far)})
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.AREA_TOO_LARGE
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "far.xlsb" in err


def test_too_many_xlsb_cells_records_or_bytes_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsb(tmp_path / "big.xlsb", {"Data": answers()})
    monkeypatch.setattr(guard, "MAX_CELLS", 20)
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.TOO_MANY_CELLS
    monkeypatch.undo()
    monkeypatch.setattr(guard, "MAX_RECORDS", 30)
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.UNREADABLE
    assert "records" in str(caught.value.params)
    monkeypatch.undo()
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 100)
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.INFLATED_TOO_LARGE


def test_an_xlsb_part_bomb_is_refused_while_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part whose zip entry lies about its size: the bytes really inflated are counted."""
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 64 * 1024)
    monkeypatch.setattr(guard, "_CHUNK", 4096)
    blanks = b"".join(record(0x01, struct.pack("<II", c % 100, 0)) for c in range(10_000))  # styled blanks
    path = write_xlsb(tmp_path / "bomb.xlsb", {"Data": sheet_bin([["a"]], extra=blanks)})
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.INFLATED_TOO_LARGE


@pytest.mark.parametrize(
    ("part", "reason"),
    [
        (sheet_bin([["a", 1]])[:-12], "truncated record"),  # cut inside the last cell
        (sheet_bin([["a"]]).replace(record(0x92) + record(0x82), b""), "no end of the sheet data"),
        (sheet_bin([["a"]]).replace(record(0x92) + record(0x82), b"\x05\xff\xff\xff\x7f"), "truncated record"),
        (sheet_bin([["a"]]).replace(record(0x92), record(0x03, bytes(4))), "a cell record of 4 bytes"),
        (sheet_bin([["a"]], extra=record(0x00, b"\x01")), "a row record of 1 bytes"),
        (sheet_bin([["a"]]).replace(b"\x94\x01\x10", b"\x94\x01\x08", 1), "a dimension record of 8 bytes"),
    ],
    ids=["cut", "no-end", "huge-size", "short-cell", "short-row", "short-dimension"],
)
def test_broken_xlsb_records_are_unreadable_not_a_crash(tmp_path: Path, part: bytes, reason: str) -> None:
    path = write_xlsb(tmp_path / "rusak.xlsb", {"Data": part})
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(path)
    assert caught.value.code is IssueCode.UNREADABLE
    assert reason in str(caught.value.params)
    code, _, _ = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR


def test_xlsb_shared_strings_are_read_and_an_index_past_them_refused(tmp_path: Path) -> None:
    """calamine panics on a shared-string index it does not hold (a Rust backtrace on stderr): refused first."""
    path = write_xlsb(tmp_path / "s.xlsb", {"Data": [[Shared(1), Shared(0)]]}, strings=["nol", "satu"])
    assert read_sheets(path)[0].rows == [["satu", "nol"]]
    for strings, message in ((["nol"], "shared string 1 of 1"), (None, "shared string 0 of 0")):  # no part: none
        path = write_xlsb(tmp_path / "s.xlsb", {"Data": [[Shared(0), Shared(1)]]}, strings=strings)
        with pytest.raises(SkmError) as caught:
            guard.scan_xlsb(path)
        assert message in str(caught.value.params)
        assert run("score", str(path))[0] == ExitCode.INPUT_ERROR


def test_an_xlsb_sheet_without_its_relationship_is_unreadable(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "a.xlsb", {"Data": answers()})
    other = tmp_path / "b.xlsb"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(other, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data.replace(b'Id="rId1"', b'Id="rId9"'))
    with pytest.raises(SkmError) as caught:
        guard.scan_xlsb(other)
    assert "relationship" in str(caught.value.params)
    assert run("score", str(other))[0] == ExitCode.INPUT_ERROR


def test_an_xlsb_without_its_workbook_part_is_unreadable(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "a.xlsb", {"Data": answers()})
    other = tmp_path / "b.xlsb"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(other, "w") as dst:
        for info in src.infolist():
            if info.filename != "xl/workbook.bin":
                dst.writestr(info, src.read(info))
    code, _, err = run("score", str(other))
    assert code == ExitCode.INPUT_ERROR
    assert "xl/workbook.bin" in err


def test_rows_after_a_row_number_past_the_sheet_are_not_read(tmp_path: Path) -> None:
    """calamine stops at a row header past 2**20: so does the scan (nothing there to mark or measure)."""
    tail = record(0x00, struct.pack("<IIH", 0x0010_0001, 0, 0) + bytes(7)) + record(
        0x03, struct.pack("<II", 0, 0) + b"\x2a"
    )
    path = write_xlsb(tmp_path / "s.xlsb", {"Data": sheet_bin([["a"]], extra=tail)})
    scan = guard.scan_xlsb(path)["Data"]
    assert (scan.max_row, scan.cells, scan.unusable) == (1, 1, {})
    assert read_sheets(path)[0].rows == [["a"]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chunk=st.integers(min_value=1, max_value=300), data=st.data())
def test_xlsb_records_spanning_blocks_give_the_same_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, data: st.DataObject
) -> None:
    """However the part is cut into blocks (records and headers across them), the scan is the same."""
    kinds = st.sampled_from([Error("#N/A"), FormulaError("#DIV/0!"), "teks panjang " * 20, 3, None, True])
    rows = data.draw(st.lists(st.lists(kinds, max_size=6), min_size=1, max_size=8))
    path = write_xlsb(tmp_path / "c.xlsb", {"Data": rows})
    monkeypatch.setattr(guard, "_CHUNK", 1 << 20)
    whole = guard.scan_xlsb(path)["Data"]
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    cut = guard.scan_xlsb(path)["Data"]
    assert (cut.max_row, cut.max_col, cut.cells, cut.unusable) == (
        whole.max_row,
        whole.max_col,
        whole.cells,
        whole.unusable,
    )
    expected = {
        (r, c): v.text for r, row in enumerate(rows) for c, v in enumerate(row) if isinstance(v, Error | FormulaError)
    }
    assert whole.unusable == expected


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_damaged_xlsb_sheet_is_read_or_refused_never_a_crash(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    part = bytearray(sheet_bin([["a", Error("#N/A"), 1.5], [FormulaError("#DIV/0!"), "b"]]))
    for _ in range(rng.randint(1, 6)):
        part[rng.randrange(len(part))] = rng.randrange(256)
    path = write_xlsb(tmp_path / "m.xlsb", {"Data": bytes(part)})
    code = ExitCode.INPUT_ERROR
    try:
        read_sheets(path)
    except SkmError as exc:
        code = exc.exit_code
    assert code == ExitCode.INPUT_ERROR


# --- xls ---------------------------------------------------------------------------------------------


def write_xls(path: Path, rows: list[list[object]], errors: dict[tuple[int, int], object], sheet: str = "Data") -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in errors:
                ws.write(r, c, value)
    for (r, c), error in errors.items():
        ws.row(r).set_cell_error(c, error)
    book.save(str(path))
    return path


def workbook_stream(path: Path) -> tuple[int, int]:
    """Where the workbook stream lies in the file (xlwt writes it in one piece)."""
    data = path.read_bytes()
    mem, base, size = CompDoc(data, logfile=io.StringIO()).locate_named_stream("Workbook")
    assert mem is data
    return base, size


def patch_records(path: Path, kind: int, change) -> int:  # type: ignore[no-untyped-def]
    """Rewrite in place every record of ``kind`` with ``change(body) -> (kind, body)`` (same length)."""
    data = bytearray(path.read_bytes())
    base, size = workbook_stream(path)
    pos, count = base, 0
    while pos + 4 <= base + size:
        t, n = struct.unpack_from("<HH", data, pos)
        if t == kind:
            new_kind, body = change(bytes(data[pos + 4 : pos + 4 + n]))
            assert len(body) == n
            data[pos : pos + 4 + n] = struct.pack("<HH", new_kind, n) + body
            count += 1
        pos += 4 + n
    path.write_bytes(bytes(data))
    return count


def test_xls_error_cells_are_invalid_cells_on_their_row_and_column(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "sel.xls", answers(), {(2, 4): 0x2A, (3, 10): "#DIV/0!"})
    assert guard.scan_xls(path)["Data"].unusable == {(2, 4): "#N/A", (3, 10): "#DIV/0!"}
    code, _, err = run("score", str(path))
    assert code == ExitCode.INVALID_DATA
    assert "baris 3, kolom 'U3' (E): '#N/A'" in err
    assert "baris 4, kolom 'U9' (K): '#DIV/0!'" in err
    code, out, _ = run("check", str(path), "--format", "json")
    assert out.count('"code": "unusable-cell"') == 2
    code, out, err = run("score", str(path), "--invalid", "skip", "--format", "json")
    assert code == ExitCode.OK
    assert '"answered": 2' in out


def test_an_xls_formula_whose_stored_result_is_an_error_is_an_invalid_cell(tmp_path: Path) -> None:
    rows = answers()
    rows[2][4] = xlwt.Formula("1/0")  # xlwt stores an empty result: made an error (#DIV/0!) below
    path = write_xls(tmp_path / "rumus.xls", rows, {})

    def error_result(body: bytes) -> tuple[int, bytes]:
        return 0x0006, body[:6] + bytes([2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]) + body[14:]

    assert patch_records(path, 0x0006, error_result) == 1
    assert read_sheets(path)[0].rows[2][4] == "#DIV/0!"
    code, _, err = run("score", str(path), "--lang", "en")
    assert code == ExitCode.INVALID_DATA
    assert "row 3, column 'U3' (E): '#DIV/0!'" in err


def test_a_plain_xls_is_read_and_its_sheets_named(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "ok.xls", answers(), {}, sheet="Jawaban ü")
    scans = guard.scan_xls(path)
    assert list(scans) == ["Jawaban ü"]
    assert (scans["Jawaban ü"].max_row, scans["Jawaban ü"].max_col, scans["Jawaban ü"].cells) == (4, 11, 44)
    code, out, err = run("score", str(path), "--format", "json")
    assert code == ExitCode.OK, err
    assert '"respondents": 3' in out


def test_a_far_xls_cell_is_refused_before_loading(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "far.xls", [["a", "b"]], {})

    # the second label moved to row 65 536, column 65 536 (the record allows it; calamine would build that grid)
    def far(body: bytes) -> tuple[int, bytes]:
        return 0x00FD, b"\xff\xff\xff\xff" + body[4:] if body[2:4] == b"\x01\x00" else body

    assert patch_records(path, 0x00FD, far) == 2
    with pytest.raises(SkmError) as caught:
        guard.scan_xls(path)
    assert caught.value.code is IssueCode.AREA_TOO_LARGE
    assert run("score", str(path))[0] == ExitCode.INPUT_ERROR


def test_an_encrypted_or_overlong_xls_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xls(tmp_path / "a.xls", answers(), {})
    monkeypatch.setattr(guard, "MAX_RECORDS", 20)
    with pytest.raises(SkmError, match="unreadable") as caught:
        guard.scan_xls(path)
    assert "records" in str(caught.value.params)
    monkeypatch.undo()
    assert patch_records(path, 0x0042, lambda b: (0x002F, b)) == 1  # CODEPAGE made a FILEPASS
    with pytest.raises(SkmError) as caught:
        guard.scan_xls(path)
    assert "encrypted" in str(caught.value.params)
    assert run("score", str(path))[0] == ExitCode.INPUT_ERROR


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[:1000],  # cut inside the container's tables
        lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),  # the signature alone
        lambda d: d[:512] + bytes(len(d) - 512),  # the sectors blanked
        lambda d: d[:0x4C] + b"\xff" * 436 + d[512:],  # the FAT sector list garbage
        lambda d: b"<html><table><tr><td>1</td></tr></table></html>",  # an HTML table saved as .xls
    ],
)
def test_a_broken_xls_container_is_unreadable_in_one_line(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    good = write_xls(tmp_path / "good.xls", answers(), {})
    path = tmp_path / "rusak.xls"
    path.write_bytes(damage(good.read_bytes()))
    with pytest.raises(SkmError) as caught:
        guard.scan_xls(path)
    assert caught.value.exit_code == ExitCode.INPUT_ERROR
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "rusak.xls" in err


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_damaged_xls_is_read_or_refused_never_a_crash(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "m.xls"
    if not path.exists():
        write_xls(path, answers(), {(2, 4): 0x2A})
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    broken = tmp_path / f"m{seed}.xls"
    broken.write_bytes(bytes(data))
    code = ExitCode.INPUT_ERROR
    try:
        read_sheets(broken)
    except SkmError as exc:
        code = exc.exit_code
    finally:
        broken.unlink()
    assert code == ExitCode.INPUT_ERROR


@pytest.mark.parametrize("suffix", [".xlsb", ".xls"])
@pytest.mark.parametrize("command", ["score", "check", "report"])
def test_the_engine_leaves_binary_workbooks_to_the_reference_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, command: str
) -> None:
    """With the engine forced (as for a large file), an xlsb or xls still reports its error cells."""
    monkeypatch.setenv("SKM_ENGINE", "always")
    rows = answers()
    if suffix == ".xlsb":
        rows[2][4] = Error("#N/A")
        path = write_xlsb(tmp_path / "besar.xlsb", {"Data": rows})
    else:
        path = write_xls(tmp_path / "besar.xls", rows, {(2, 4): 0x2A})
    args = [command, str(path)] + (["-o", str(tmp_path / "lap.xlsx")] if command == "report" else [])
    code, out, err = run(*args)
    assert code == ExitCode.INVALID_DATA, err
    assert "baris 3, kolom 'U3' (E): '#N/A'" in out + err


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        (
            0x0200,
            lambda b: b[:4] + struct.pack("<I", 1) + b[8:],
            "its dimensions announce",
        ),  # last row before the first
        (0x0200, lambda b: b[:4] + struct.pack("<IHH", 60_000, 0, 20_000) + b[12:], "its dimensions announce"),
        (0x00FC, lambda b: b[:4] + struct.pack("<i", 2**31 - 1) + b[8:], "a shared string table"),
        (0x00FC, lambda b: b[:4] + struct.pack("<i", -1) + b[8:], "a shared string table"),
    ],
    ids=["dimensions-wrap", "dimensions-huge", "sst-huge", "sst-negative"],
)
def test_xls_claims_the_library_would_reserve_memory_for_are_refused(
    tmp_path: Path,
    kind: int,
    change,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    """python-calamine reserves the cells a DIMENSIONS record announces before reading them: a hostile
    claim aborted the whole process (a failed allocation of 1.9 TB, no message). It reserves the
    strings an SST record counts the same way (more than the stream can hold: refused too)."""
    path = write_xls(tmp_path / "klaim.xls", answers(), {})
    if kind == 0x0200:  # a sheet's first row 5 (the dimensions then wrap when the last row is 0)
        assert patch_records(path, kind, lambda b: (kind, struct.pack("<I", 5) + b[4:])) == 1
    assert patch_records(path, kind, lambda b: (kind, change(b))) == 1
    with pytest.raises(SkmError) as caught:
        guard.scan_xls(path)
    assert message in str(caught.value.params)
    assert run("score", str(path))[0] == ExitCode.INPUT_ERROR
