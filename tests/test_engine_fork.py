"""The xlsx path's forked parse (Linux): a child parses the sheet while the guard's full scan runs in the
parent, whose verdict decides. With the fork forced on small files (tests/fork_probe.py, a fresh process
each: a process running threads never forks) the outcome is the serial path's, byte for byte: the read,
the Fallback or the refusal; the child is gone afterwards (killed on a refusal, reaped always), no file
descriptor is left open, and a child that dies or writes nonsense costs an in-process parse, never a
different result. The head pass (:func:`guard.scan_ooxml_heads`) keeps exactly the full scan's heads and
gives up (``None``) or refuses where those heads could not be read safely."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from skm.errors import SkmError
from skm.readers import engine, guard
from test_engine import _long_sheet, _xlsx_of, write_book
from test_hostile import good_rows, sheet_xml, write_xlsx

PROBE = Path(__file__).with_name("fork_probe.py")
linux = pytest.mark.skipif(sys.platform != "linux", reason="the forked parse runs on Linux only")


def probe(path: Path, sheet: str | None = None, mode: str = "real", **settings: Any) -> dict[str, Any]:
    """The probe's outcomes for ``path``: forked and serial, children started and left, open fds."""
    done = subprocess.run(
        [sys.executable, str(PROBE), str(path), sheet or "", mode, json.dumps(settings)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert result["left"] == "no child"
    before, after = result["fds"]
    assert after == before  # the memory file closed, nothing else left open
    return result


def _answers(tmp_path: Path) -> Path:
    """Past the head rows: invalid cells, a summary block and a row below it, Excel dates, blanks."""
    rows = _long_sheet(2600, lambda rng: rng.choice([None, 0, 10, 25]))
    rows[2300][4] = 7
    rows[2450][6] = 2.5
    rows[2500] = [None] * len(rows[0])  # a blank row
    rows.append([None, "Jumlah", *[10] * 9, None])
    rows.append([datetime(2026, 3, 1), "KTP", *[4] * 9, None])
    return _xlsx_of(tmp_path / "panjang.xlsx", rows)


def _several(tmp_path: Path) -> Path:
    rows = _long_sheet(300, lambda rng: rng.choice([None, "cepat", "ramah"]))
    return write_book(tmp_path / "lembar.xlsx", {"Rekap": [["Unit", "IKM"], ["Disdukcapil", 82.5]], "Jawaban": rows})


@linux
@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "sheet", "forks"),
    [
        ("answers", None, True),
        ("several", None, True),
        ("several", "Jawaban", True),
        ("several", "2", True),
        ("several", "1", False),  # the recap: no header there (decided on the heads, after the full scan)
        ("several", "Tidak ada", False),
        ("mixed", None, True),  # numbers and text in one element column: fastexcel's strict types refuse it
        ("labels", None, True),
    ],
)
def test_the_forked_parse_gives_the_serial_outcome(tmp_path: Path, case: str, sheet: str | None, forks: bool) -> None:
    if case == "answers":
        path = _answers(tmp_path)
    elif case == "several":
        path = _several(tmp_path)
    elif case == "mixed":
        rows = _long_sheet(2400, lambda rng: None)
        rows[2200][3] = "sangat baik"
        path = _xlsx_of(tmp_path / "campur.xlsx", rows)
    else:
        rows = _long_sheet(500, lambda rng: rng.choice(["", "ok"]))
        for row in rows[1:]:
            row[2:11] = [
                {1: "Tidak sesuai", 2: "Kurang sesuai", 3: "Sesuai", 4: "Sangat sesuai"}.get(v, v) for v in row[2:11]
            ]  # type: ignore[call-overload]
        path = _xlsx_of(tmp_path / "label.xlsx", rows)
    result = probe(path, sheet)
    assert result["forked"] == result["serial"]
    assert bool(result["pids"]) is forks  # the child was started
    assert all(result["pids"])
    if case == "mixed":
        assert result["forked"].startswith("fallback unsupported column type")
    if case == "answers":
        assert result["forked"].startswith("read ")
        assert "out-of-range" in result["forked"]  # the invalid cells below the heads, listed


@linux
def test_the_fork_path_reads_what_the_serial_path_reads(tmp_path: Path) -> None:
    """The quick suite's case: a sheet past the head rows, read by the child."""
    result = probe(_answers(tmp_path))
    assert result["forked"] == result["serial"]
    assert result["forked"].startswith("read ")
    assert not result["in_process"]  # the child's table was used
    assert len(result["pids"]) == 1
    assert result["pids"][0]


def _far(tmp_path: Path) -> Path:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return write_xlsx(tmp_path / "jauh.xlsx", sheet_xml(good_rows(), far))


@linux
@pytest.mark.parametrize("mode", ["real", "stall"])
def test_a_far_cell_below_the_heads_is_refused_and_the_child_killed(tmp_path: Path, mode: str) -> None:
    """The heads (3 rows) pass, the child starts (and would allocate 17 billion cells, under its cap; or
    never ends), the parent's full scan refuses: exit 3 as on the serial path, the child killed and reaped."""
    result = probe(_far(tmp_path), mode=mode, **{"engine._SAMPLE_ROWS": 3})
    assert result["forked"] == result["serial"]
    assert result["forked"].startswith("refused input-area-too-large")
    assert "XFD1048576" in result["forked"]
    assert result["pids"]
    assert all(result["pids"])


@linux
@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "extra", "settings", "forks", "expected"),
    [
        # the far cell inside the heads: the head pass gives up, the full scan refuses first
        ("jauh", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', {}, False, "refused input-area-too-large"),
        ("banyak", "", {"engine._SAMPLE_ROWS": 2, "guard.MAX_CELLS": 30}, True, "refused input-too-many-cells"),
        # in a later block than the heads' (blocks of 64 bytes for the head pass)
        (
            "dtd",
            "<!-- <!DOCTYPE x> -->",
            {"engine._SAMPLE_ROWS": 2, "guard._HEAD_CHUNK": 64},
            True,
            "refused unreadable",
        ),
        ("rumus", '<row r="5"><c r="C5"><f>1/0</f></c></row>', {"engine._SAMPLE_ROWS": 2}, True, "fallback Excel"),
        ("galat", '<row r="5"><c r="C5" t="e"><v>#N/A</v></c></row>', {"engine._SAMPLE_ROWS": 2}, True, "fallback"),
    ],
)
def test_hostile_files_keep_their_outcome(
    tmp_path: Path, name: str, extra: str, settings: dict[str, Any], forks: bool, expected: str
) -> None:
    path = write_xlsx(tmp_path / f"{name}.xlsx", sheet_xml(good_rows(), extra))
    result = probe(path, **settings)
    assert result["forked"] == result["serial"]
    assert result["forked"].startswith(expected)
    assert bool(result["pids"]) is forks


@linux
def test_a_doctype_in_the_heads_is_refused_as_before(tmp_path: Path) -> None:
    xml = sheet_xml(good_rows()).replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1)
    result = probe(write_xlsx(tmp_path / "entitas.xlsx", xml))
    assert result["forked"] == result["serial"]
    assert "DOCTYPE" in result["forked"]
    assert result["pids"] == []  # refused by the head pass: the serial path ran, nothing forked


@linux
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["exit9", "sigkill", "garbage", "pyarrow"])
def test_a_child_that_fails_costs_an_in_process_parse(tmp_path: Path, mode: str) -> None:
    """(``pyarrow``: a child without nanoarrow writes its table with pyarrow: the same table.)"""
    result = probe(_answers(tmp_path), mode=mode)
    assert result["forked"] == result["serial"]
    assert result["forked"].startswith("read ")
    assert result["in_process"] is (mode != "pyarrow")
    assert result["pids"]
    assert all(result["pids"])


@linux
@pytest.mark.slow
def test_a_failed_fork_costs_an_in_process_parse_after_the_scan(tmp_path: Path) -> None:
    result = probe(_answers(tmp_path), mode="nofork")
    assert result["forked"] == result["serial"]
    assert result["pids"] == [None]
    far = probe(_far(tmp_path), mode="nofork", **{"engine._SAMPLE_ROWS": 3})
    assert far["forked"] == far["serial"]
    assert far["forked"].startswith("refused input-area-too-large")


@linux
def test_no_child_beside_another_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread still running when the fork would come: no fork (the caller parses in-process)."""
    monkeypatch.setattr(engine.time, "sleep", lambda _: None)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert engine._Child.start(_answers(tmp_path), 0, 0, lambda: None) is None
    finally:
        stop.set()
        other.join()


@linux
def test_the_child_runs_under_an_address_space_cap(tmp_path: Path) -> None:
    limit_to = tmp_path / "limit.json"
    result = probe(_answers(tmp_path), mode="limit", limit_to=str(limit_to))
    assert result["forked"] == result["serial"]
    assert result["in_process"]  # the body wrote no table
    soft, hard = json.loads(limit_to.read_text())
    assert 0 < soft == hard
    assert engine._CHILD_HEADROOM < soft < engine._CHILD_HEADROOM + (64 << 30)


def test_no_fork_off_linux_or_beside_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Elsewhere than Linux, or in a process running another thread, today's serial path runs."""
    path = _answers(tmp_path)
    monkeypatch.setattr(engine, "_FORK_BYTES", 0)

    def never(*_: object) -> None:
        raise AssertionError("forked")

    monkeypatch.setattr(engine._Child, "start", never)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not engine._fork_wanted(path)
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(engine.sys, "platform", "darwin")
    assert not engine._fork_wanted(path)
    guard._CACHE.clear()
    assert (
        engine.read_tallies_engine(path, invalid="skip").respondents == 2599
    )  # the blank row and the summary block left out


def test_small_sheets_stay_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _answers(tmp_path)
    with zipfile.ZipFile(path) as zf:
        size = zf.getinfo("xl/worksheets/sheet1.xml").file_size
    assert size < engine._FORK_BYTES
    monkeypatch.setattr(engine.os, "listdir", lambda _: ["1"])  # as if this process ran one thread
    assert not engine._fork_wanted(path)
    monkeypatch.setattr(engine, "_FORK_BYTES", size)
    assert engine._fork_wanted(path)


# --- the head pass ----------------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [0, 300, 5000])
@pytest.mark.parametrize("head_rows", [1, 3, 40, 5000])
def test_the_head_pass_keeps_the_full_scans_heads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, head_rows: int
) -> None:
    path = _several(tmp_path)
    guard._CACHE.clear()
    full = guard.scan_ooxml(path, head_rows=head_rows, values=False)
    monkeypatch.setattr(guard, "_HEAD_CHUNK", chunk or guard._CHUNK)
    heads = guard.scan_ooxml_heads(path, head_rows)
    assert heads is not None
    assert list(heads) == list(full)
    for name, scan in heads.items():
        assert scan.head == full[name].head
        assert scan.head_complete == full[name].head_complete
        assert scan.member == full[name].member
        assert scan.max_row <= 9_999
    guard._CACHE.clear()


def test_the_head_pass_gives_up_where_the_heads_are_not_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    far = write_xlsx(tmp_path / "jauh.xlsx", sheet_xml(good_rows(), '<row r="9"><c r="XFD1048576"><v>1</v></c></row>'))
    assert guard.scan_ooxml_heads(far, 100) is None  # the heads' own area is over the limits
    assert guard.scan_ooxml_heads(far, 3) is not None  # the far cell is below them
    implicit = sheet_xml(good_rows()).replace('<c r="A2"', "<c", 1)
    assert guard.scan_ooxml_heads(write_xlsx(tmp_path / "tanpa.xlsx", implicit), 100) is None
    monkeypatch.setattr(guard, "_HEAD_CAP", 300)  # cut by the size cap: the full scan's blocks decide where
    assert guard.scan_ooxml_heads(write_xlsx(tmp_path / "baik.xlsx", sheet_xml(good_rows())), 100) is None


def test_the_head_pass_refuses_what_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xml = sheet_xml(good_rows()).replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1)
    with pytest.raises(SkmError, match="unreadable"):
        guard.scan_ooxml_heads(write_xlsx(tmp_path / "entitas.xlsx", xml), 2)
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 2_000)
    with pytest.raises(SkmError, match="inflated"):
        guard.scan_ooxml_heads(write_xlsx(tmp_path / "besar.xlsx", sheet_xml(good_rows() * 20)), 2)
    monkeypatch.undo()
    path = write_xlsx(tmp_path / "strings.xlsx", sheet_xml(good_rows()))
    with zipfile.ZipFile(path, "a") as zf:  # shared strings: the heads' copy holds them whole, so checked whole
        zf.writestr("xl/sharedStrings.xml", '<!DOCTYPE x [<!ENTITY a "a">]><sst count="0"/>')
    with pytest.raises(SkmError, match="sharedStrings"):
        guard.scan_ooxml_heads(path, 2)
