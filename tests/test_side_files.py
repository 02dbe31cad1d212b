"""Side files (instrument, labels, --previous JSON) are read capped in size, with clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers.instrument_file import load_instrument_file
from skm.readers.labelfile import load_labels
from skm.readers.sidefile import MAX_SIDE_FILE, TomlSyntax, load_toml, read_side_file
from skm.text import Lang, error_text

DEV_ZERO = Path("/dev/zero")


def test_read_side_file_refuses_more_than_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_SIDE_FILE + 1))
    with pytest.raises(SkmError) as caught:
        read_side_file(big, kind="TOML")
    assert caught.value.code is IssueCode.SIDE_FILE_TOO_LARGE
    assert caught.value.exit_code == ExitCode.INPUT_ERROR
    assert "1 MiB" in error_text(caught.value, Lang.EN)
    exact = tmp_path / "exact.toml"
    exact.write_bytes(b"#" * MAX_SIDE_FILE)
    assert len(read_side_file(exact, kind="TOML")) == MAX_SIDE_FILE


@pytest.mark.skipif(not DEV_ZERO.exists(), reason="no /dev/zero on this system")
def test_endless_side_files_are_errors_not_memory_errors() -> None:
    with pytest.raises(SkmError) as instrument:
        load_instrument_file(DEV_ZERO)
    assert instrument.value.code is IssueCode.SIDE_FILE_TOO_LARGE
    assert instrument.value.exit_code == ExitCode.USAGE  # as every instrument-file problem
    with pytest.raises(SkmError) as labels:
        load_labels(DEV_ZERO)
    assert labels.value.code is IssueCode.SIDE_FILE_TOO_LARGE
    assert labels.value.exit_code == ExitCode.INPUT_ERROR


def test_missing_side_files_keep_their_codes(tmp_path: Path) -> None:
    with pytest.raises(SkmError) as instrument:
        load_instrument_file(tmp_path / "none.toml")
    assert instrument.value.code is IssueCode.INSTRUMENT_FILE_NOT_FOUND
    with pytest.raises(SkmError) as labels:
        load_labels(tmp_path / "none.toml")
    assert labels.value.code is IssueCode.FILE_NOT_FOUND
    assert labels.value.exit_code == ExitCode.INPUT_ERROR


@pytest.mark.skipif(os.name == "nt", reason="directory opening differs on Windows")
def test_a_folder_is_an_unreadable_side_file(tmp_path: Path) -> None:
    with pytest.raises(SkmError) as caught:
        read_side_file(tmp_path, kind="TOML")
    assert caught.value.code is IssueCode.UNREADABLE


def test_toml_syntax_errors_carry_their_line(tmp_path: Path) -> None:
    with pytest.raises(TomlSyntax) as caught:
        load_toml('[labels]\n"Puas" = 3\n"Sangat puas" = \n')
    assert caught.value.line == 3
    labels = tmp_path / "l.toml"
    labels.write_text('[labels]\n"Puas" = 3\n"Sangat puas" = \n', encoding="utf-8")
    with pytest.raises(SkmError) as error:
        load_labels(labels)
    assert "TOML line 3" in error_text(error.value, Lang.EN)
