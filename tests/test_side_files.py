"""Side files (instrument, labels, --previous JSON) are read capped in size, with clear errors."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from skm.core.instrument import PERMENPAN_14_2017
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import extras
from skm.readers.extras import read_plan
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
        load_toml('[labels]\n"Puas" = 3\n"Sangat puas" = \n', file="labels.toml")
    assert caught.value.line == 3
    labels = tmp_path / "l.toml"
    labels.write_text('[labels]\n"Puas" = 3\n"Sangat puas" = \n', encoding="utf-8")
    with pytest.raises(SkmError) as error:
        load_labels(labels)
    assert "TOML line 3" in error_text(error.value, Lang.EN)


def test_plan_file_is_capped(tmp_path: Path) -> None:
    big = tmp_path / "rencana.csv"
    big.write_bytes(b"unsur,program\n" + b"U1,x\n" * (MAX_SIDE_FILE // 5 + 1))
    with pytest.raises(SkmError) as caught:
        read_plan(big, PERMENPAN_14_2017, Lang.EN)
    assert caught.value.exit_code == ExitCode.INPUT_ERROR
    assert "larger than 1 MiB" in error_text(caught.value, Lang.EN)
    if DEV_ZERO.exists():
        with pytest.raises(SkmError) as endless:
            read_plan(DEV_ZERO, PERMENPAN_14_2017, Lang.EN)
        assert endless.value.exit_code == ExitCode.INPUT_ERROR


def test_previous_json_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "MAX_PREVIOUS_JSON", 64)
    previous = tmp_path / "before.json"
    previous.write_text('{"ikm": 90.0, "elements": [], "pad": "' + "x" * 100 + '"}', encoding="utf-8")
    with pytest.raises(SkmError) as caught:
        extras.read_previous(previous, instrument=PERMENPAN_14_2017)
    assert caught.value.code is IssueCode.SIDE_FILE_TOO_LARGE
    assert caught.value.exit_code == ExitCode.INPUT_ERROR


def test_previous_json_gives_the_published_figures(tmp_path: Path) -> None:
    previous = tmp_path / "before.json"
    previous.write_text(
        '{"result": {"ikm": 90.004, "grade": "A", "elements": [{"code": "u1", "converted": 95}]}}', encoding="utf-8"
    )
    summary = extras.read_previous(previous, instrument=PERMENPAN_14_2017)
    assert summary == extras.PreviousSummary("before.json", Decimal("90.00"), "A", {"U1": Decimal("95.00")})


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "l.toml",
            '[labels]\n"Puas" = 3\n"Sangat puas" = 4.5\n\n[columns.U9]\n"Jelek" = "x"\n',
            [
                "'Sangat puas' = 4.5 is not a whole number (TOML line 3)",
                "'Jelek' = 'x' is not a whole number (TOML line 6)",
            ],
        ),
        ("l.toml", "labels = 3\n", ["[labels] must be a table (TOML line 1)"]),
        ("l.toml", "[columns]\nU9 = 3\n", ["[columns.U9] must be a table (TOML line 2)"]),
        ("l.toml", '[labels]\n"Baik" = true\n', ["'Baik' = True is not a whole number (TOML line 2)"]),
        ("l.toml", 'title = "x"\n', ["no labels"]),
        (
            "l.csv",
            "label,score\nPuas,3\nBagus,x,U9\nBaik,4.0\n",
            ["'Bagus' = 'x' is not a whole number (CSV row 3)", "'Baik' = '4.0' is not a whole number (CSV row 4)"],
        ),
        ("l.csv", "label,score\n", ["no labels"]),
    ],
)
def test_labels_file_problems_are_listed_at_once_with_their_place(
    tmp_path: Path, name: str, content: str, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SkmError) as caught:
        load_labels(path)
    assert caught.value.code is IssueCode.INVALID_LABEL_FILE
    assert caught.value.exit_code == ExitCode.INPUT_ERROR
    text = error_text(caught.value, Lang.EN)
    for part in expected:
        assert part in text


def test_plan_rows_are_checked_at_once_with_their_rows(tmp_path: Path) -> None:
    plan = tmp_path / "rencana.csv"
    plan.write_text("Unsur,Program\nU1,Latih petugas\nU12,x\n\nwaktu penyelesaian,y\nfoo bar,z\n", encoding="utf-8")
    with pytest.raises(SkmError) as caught:
        read_plan(plan, PERMENPAN_14_2017, Lang.EN)
    text = error_text(caught.value, Lang.EN)
    assert caught.value.exit_code == ExitCode.INPUT_ERROR
    assert "row 3: element 'U12' is unknown" in text
    assert "row 6: element 'foo bar' is unknown" in text
    assert "row 5" not in text  # an element name is accepted
    plan.write_text("Unsur,Program\nU1,Latih petugas\n\nwaktu penyelesaian,y\n", encoding="utf-8")
    rows = read_plan(plan, PERMENPAN_14_2017, Lang.EN)
    assert [(r.code, r.program) for r in rows] == [("U1", "Latih petugas"), ("U3", "y")]


def test_readers_import_no_analysis_render_or_cli() -> None:
    """Readers turn files into Responses and issues: they never reach up the layers."""
    import ast

    readers = Path(__file__).parent.parent / "src" / "skm" / "readers"
    offenders = []
    for module in sorted(readers.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            offenders += [
                f"{module.name}: {n}"
                for n in names
                if n.startswith(("skm.analysis", "skm.render", "skm.cli", "skm.api"))
            ]
    assert offenders == []
