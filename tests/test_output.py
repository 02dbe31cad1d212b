"""Outputs are written atomically, with the usual file mode, and never over an input."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from skm.errors import ExitCode, SkmError
from skm.output import write_atomic


def test_output_gets_the_mode_a_plain_open_would(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "laporan.md"
        write_atomic(target, "isi")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "isi"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.md"]  # no temporary file left


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "laporan.md"
    target.write_text("lama", encoding="utf-8")
    with pytest.raises(SkmError) as info:
        write_atomic(target, "baru")
    assert info.value.exit_code == ExitCode.OUTPUT_ERROR
    assert target.read_text(encoding="utf-8") == "lama"
    write_atomic(target, "baru", force=True)
    assert target.read_text(encoding="utf-8") == "baru"


def test_never_overwrites_an_input_even_with_force(tmp_path: Path) -> None:
    source = tmp_path / "jawaban.csv"
    source.write_text("U1\n4\n", encoding="utf-8")
    with pytest.raises(SkmError):
        write_atomic(source, "x", inputs=[source], force=True)
    assert source.read_text(encoding="utf-8") == "U1\n4\n"


def test_a_failing_writer_leaves_nothing_behind(tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "out.xlsx", broken)
    assert list(tmp_path.iterdir()) == []
