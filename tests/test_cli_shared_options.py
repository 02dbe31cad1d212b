"""Options every reading command shares (--labels, --sheet, --invalid) behave the same in
score, check, report and stats: they all read through ``cli.common.read_input``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import skm
from skm.cli import app
from skm.errors import ExitCode
from skm.readers.labelfile import load_labels

runner = CliRunner()
WORDS = {1: "Tidak puas", 2: "Kurang puas", 3: "Puas", 4: "Sangat puas"}
LABELS = '[labels]\n"Tidak puas" = 1\n"Kurang puas" = 2\n"Puas" = 3\n"Sangat puas" = 4\n'


@pytest.fixture
def worded(tmp_path: Path) -> tuple[Path, Path]:
    """A 12-respondent survey answered with a unit's own words, and its mapping file."""
    rows = ["No,Jenis Layanan," + ",".join(f"U{i}" for i in range(1, 10))]
    for r in range(12):
        answers = [WORDS[1 + (r * 7 + i * 3) % 4 if (r + i) % 5 else 4] for i in range(9)]
        rows.append(f"{r + 1},{'KTP' if r % 2 else 'KK'}," + ",".join(answers))
    data = tmp_path / "kata.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    mapping = tmp_path / "label.toml"
    mapping.write_text(LABELS, encoding="utf-8")
    return data, mapping


def _json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_unknown_words_fail_without_labels(worded: tuple[Path, Path]) -> None:
    data, _ = worded
    for command in ("score", "report", "stats"):
        args = [command, str(data)] + (["-o", str(data.with_suffix(".md"))] if command == "report" else [])
        assert runner.invoke(app, args).exit_code == ExitCode.INVALID_DATA, command


def test_labels_give_the_same_index_in_every_command(worded: tuple[Path, Path], tmp_path: Path) -> None:
    data, mapping = worded
    instrument = skm.PERMENPAN_14_2017
    expected = skm.score(data, labels=load_labels(mapping, instrument))
    ikm = float(expected.ikm_display)
    assert _json("score", str(data), "--labels", str(mapping), "--format", "json")["ikm"] == ikm
    stats = _json("stats", str(data), "--labels", str(mapping), "--format", "json", "--resamples", "200")
    low, high = stats["ikm_ci"]  # type: ignore[misc]
    assert low <= ikm <= high
    out = tmp_path / "laporan.json"
    result = runner.invoke(app, ["report", str(data), "--labels", str(mapping), "--format", "json", "-o", str(out)])
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["result"]["ikm"] == ikm
    check = _json("check", str(data), "--labels", str(mapping), "--format", "json")
    assert check["respondents"] == 12


def test_skipped_cells_are_listed_by_report_and_stats(tmp_path: Path) -> None:
    rows = ["U1,U2,U3,U4,U5,U6,U7,U8,U9"] + [",".join(["4"] * 9)] * 4 + ["7,3,3,3,3,3,3,3,3"]
    data = tmp_path / "j.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for args in (
        ["stats", str(data), "--invalid", "skip", "--resamples", "200"],
        ["report", str(data), "--invalid", "skip", "-o", str(tmp_path / "l.md")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == ExitCode.OK, result.output
        assert "baris 6" in result.stderr
        assert "'U1'" in result.stderr


def test_codes_beyond_the_instrument_are_a_warning_on_stderr_and_in_json(tmp_path: Path) -> None:
    header = ",".join(f"U{i}" for i in range(1, 15))
    data = tmp_path / "lama.csv"
    data.write_text(f"{header}\n" + "\n".join(",".join(["3"] * 14) for _ in range(3)) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(data), "--format", "json"])
    assert result.exit_code == ExitCode.OK
    assert "'U10' (J)" in result.stderr
    assert "--instrument kepmenpan-25-2004" in result.stderr
    (warning,) = json.loads(result.stdout)["warnings"]
    assert warning["code"] == "codes-beyond-instrument"
    # with the instrument that has 14 elements there is nothing to warn about
    result = runner.invoke(app, ["score", str(data), "--instrument", "kepmenpan-25-2004", "--format", "json"])
    assert result.exit_code == ExitCode.OK
    assert "warnings" not in json.loads(result.stdout)
    assert "peringatan" not in result.stderr


def test_header_label_disagreement_reaches_the_user_of_score(tmp_path: Path) -> None:
    header = ",".join(f"U{i}" for i in range(1, 10))
    # bare U8/U9 with U8 answered in the facilities' labels: read by labels, said on stderr
    row = "4,4,4,4,4,4,4,Baik,Dikelola dengan baik"
    data = tmp_path / "u8u9.csv"
    data.write_text(f"{header}\n" + "\n".join([row] * 3) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(data), "--lang", "en"])
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr.count("warning:") == 2
    assert "(H)" in result.stderr
    assert "(I)" in result.stderr


def test_stats_argument_errors_are_translated_usage_errors(tmp_path: Path) -> None:
    data = tmp_path / "j.csv"
    data.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "4,3,4,3,4,3,4,3,4\n3,3,3,4,4,4,2,3,3\n" * 3, encoding="utf-8")
    result = runner.invoke(app, ["stats", str(data), "--population", "2"])
    assert result.exit_code == ExitCode.USAGE
    assert "--population 2 lebih kecil dari jumlah responden (6)" in result.stderr
    result = runner.invoke(app, ["stats", str(data), "--population", "2", "--lang", "en"])
    assert "--population 2 is smaller than the number of respondents (6)" in result.stderr
    assert "Traceback" not in result.output


def test_a_bad_labels_file_says_what_the_format_is(tmp_path: Path) -> None:
    data = tmp_path / "j.csv"
    data.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + ",".join(["4"] * 9) + "\n", encoding="utf-8")
    labels = tmp_path / "label.csv"
    labels.write_text("Puas\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(data), "--labels", str(labels)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "Berkas label" in result.stderr
    assert "tidak valid: 'Puas' has no score" in result.stderr
    assert "CSV label,nilai[,kolom]" in result.stderr
