"""The xlsx path's two threads: the guard inflates the next block while it counts the previous one,
and the engine lets calamine parse the sheet while it imports and connects. Neither may weaken the
guard: the parse starts only after the scan has passed, never on a refused file, a stream error
reaches the caller, the read-ahead is bounded and no thread outlives its scan or read."""

from __future__ import annotations

import io
import threading
import zipfile
import zlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skm.errors import IssueCode, SkmError
from skm.readers import guard
from skm.readers.engine import read_tallies_engine
from skm.readers.inthread import InThread
from skm.readers.table import read_responses

KEYS = [f"U{i}" for i in range(1, 10)]


def alive(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name]


class Endless(io.RawIOBase):
    """A stream that never ends (a zip bomb's inflated part), counting the reads asked of it."""

    def __init__(self, fail_at: int = 0) -> None:
        self.reads = 0
        self.fail_at = fail_at

    def read(self, size: int = -1) -> bytes:
        self.reads += 1
        if self.reads == self.fail_at:
            raise zlib.error("Error -3 while decompressing data: invalid block type")
        return b"<row/>" * (max(size, 6) // 6)


def test_inflated_blocks_are_the_stream_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", 7)
    data = bytes(range(256)) * 5
    blocks = list(guard._inflating(io.BytesIO(data)))
    assert b"".join(blocks) == data
    assert blocks[-1] == b""
    assert all(len(b) == 7 for b in blocks[:-2])
    assert alive("skm-inflate") == []


def test_read_ahead_is_bounded_and_the_thread_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller stops after one block of an endless stream: at most two more blocks were read."""
    monkeypatch.setattr(guard, "_CHUNK", 600)
    stream = Endless()
    blocks = guard._inflating(stream)  # type: ignore[arg-type]
    assert next(blocks).startswith(b"<row/>")
    blocks.close()
    assert alive("skm-inflate") == []
    assert 1 <= stream.reads <= 3


def test_a_stream_error_is_raised_in_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", 600)
    stream = Endless(fail_at=3)
    got: list[bytes] = []
    blocks = guard._inflating(stream)  # type: ignore[arg-type]
    got += [next(blocks), next(blocks)]
    with pytest.raises(zlib.error, match="invalid block type"):
        next(blocks)
    assert len(got) == 2
    assert alive("skm-inflate") == []


def _sheet(rows: list[list[object]], extra: str = "") -> str:
    def ref(c: int, r: int) -> str:
        return f"{chr(65 + c)}{r}"

    def cell(c: int, r: int, v: object) -> str:
        if isinstance(v, str):
            return f'<c r="{ref(c, r)}" t="inlineStr"><is><t>{v}</t></is></c>'
        return f'<c r="{ref(c, r)}"><v>{v}</v></c>'

    body = "".join(
        f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(row)) + "</row>" for r, row in enumerate(rows, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{body}{extra}</sheetData></worksheet>'
    )


def _write(path: Path, sheet: str) -> Path:
    import openpyxl

    openpyxl.Workbook().save(path)  # a real workbook; its sheet part is replaced
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _rows(n: int) -> list[list[object]]:
    return [["Jenis layanan", *KEYS], *[["KTP", *[1 + (r * 7 + c) % 4 for c in range(9)]] for r in range(n)]]


def test_a_doctype_past_the_first_block_stops_the_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", 512)
    guard._CACHE.clear()
    path = _write(tmp_path / "entitas.xlsx", _sheet(_rows(200)).replace('<row r="150">', "<!DOCTYPE x>", 1))
    with pytest.raises(SkmError) as err:
        guard.scan_ooxml(path)
    assert "DOCTYPE" in str(err.value.params["reason"])
    assert alive("skm-inflate") == []


def test_a_bomb_is_refused_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", 4096)
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 100_000)
    guard._CACHE.clear()
    path = _write(tmp_path / "bom.xlsx", _sheet(_rows(3), "<row r='9'></row>" * 20_000))
    with pytest.raises(SkmError) as err:
        guard.scan_ooxml(path)
    assert err.value.code is IssueCode.INFLATED_TOO_LARGE
    assert alive("skm-inflate") == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n=st.integers(1, 60),
    chunk=st.integers(40, 700),
    extra=st.sampled_from(
        ["", '<row r="70"><c r="AB70" s="1"/></row>', '<row r="71"><c r="C71" t="e"><v>#N/A</v></c></row>']
    ),
)
def test_the_scan_does_not_depend_on_the_block_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, chunk: int, extra: str
) -> None:
    """Blocks of a few hundred bytes (every tag and row cut somewhere) count, flag and keep what one
    block does; the extent is an upper bound measured per block (exact when it would not pass)."""
    path = _write(tmp_path / "blok.xlsx", _sheet(_rows(n), extra))
    fields = ("cells", "flags", "unusable", "head", "head_complete")
    guard._CACHE.clear()
    whole = {k: asdict(v) for k, v in guard.scan_ooxml(path, head_rows=5).items()}
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    guard._CACHE.clear()
    cut = {k: asdict(v) for k, v in guard.scan_ooxml(path, head_rows=5).items()}
    monkeypatch.undo()
    guard._CACHE.clear()
    assert [{f: s[f] for f in fields} for s in cut.values()] == [{f: s[f] for f in fields} for s in whole.values()]
    for scan in [*cut.values(), *whole.values()]:  # an upper bound of the farthest filled cell
        assert scan["max_row"] >= (71 if "C71" in extra else n + 1)
        assert scan["max_col"] >= 10
    assert alive("skm-inflate") == []


class Recorder:
    """fastexcel's reader, recording when the sheet's parse starts (and in which thread)."""

    def __init__(self, real: Any, events: list[str]) -> None:
        self.real = real
        self.events = events
        self.sheet_names = real.sheet_names

    def load_sheet(self, *args: Any, **kwargs: Any) -> Any:
        self.events.append("parse " + threading.current_thread().name)
        return self.real.load_sheet(*args, **kwargs)


def _record(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import fastexcel

    events: list[str] = []
    scan, read = guard.scan_ooxml, fastexcel.read_excel

    def scanned(*args: Any, **kwargs: Any) -> Any:
        events.append("guard")
        result = scan(*args, **kwargs)
        events.append("passed")
        return result

    monkeypatch.setattr(guard, "scan_ooxml", scanned)
    monkeypatch.setattr(fastexcel, "read_excel", lambda p: Recorder(read(p), events))
    guard._CACHE.clear()
    return events


def test_the_parse_starts_after_the_guard_passed_in_its_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "jawaban.xlsx", _sheet(_rows(50)))
    events = _record(monkeypatch)
    read = read_tallies_engine(path)
    assert events == ["guard", "passed", "parse skm-parse"]
    assert read.respondents == read_responses(path).respondents == 50
    assert alive("skm-parse") == []


def test_a_refused_sheet_is_never_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = _write(tmp_path / "jauh.xlsx", _sheet(_rows(5), far))
    events = _record(monkeypatch)
    with pytest.raises(SkmError):
        read_tallies_engine(path)
    assert events == ["guard"]


def test_an_error_of_the_parse_thread_is_raised_by_result() -> None:
    job = InThread(lambda: 1 // 0)
    with pytest.raises(ZeroDivisionError):
        job.result()
    assert InThread(lambda: 42).result() == 42
