"""The command line: output, JSON contract equal to the Python API, and one test per exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import skm
from skm.cli import app
from skm.errors import ExitCode
from skm.render.json import result_to_dict, sample_to_dict

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_score_table(mahulu: Path) -> None:
    code, out, _ = run("score", str(mahulu))
    assert code == ExitCode.OK
    assert "92,84" in out
    assert "Sangat baik" in out
    assert "Prioritas perbaikan" in out
    assert "Bobot: eksak 1/9" in out


def test_score_english(mahulu: Path) -> None:
    code, out, _ = run("score", str(mahulu), "--lang", "en")
    assert code == ExitCode.OK
    assert "92.84" in out
    assert "Very good" in out
    assert "Priority for improvement" in out


def test_score_json_equals_python_api(mahulu: Path) -> None:
    code, out, _ = run("score", str(mahulu), "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    expected = result_to_dict(skm.score(mahulu))
    assert data == expected
    assert data["ikm"] == 92.84
    assert data["grade"] == "A"
    assert data["performance"] == "Sangat baik"
    assert data["weight"] == "exact"
    assert [e["code"] for e in data["elements"]] == [f"U{i}" for i in range(1, 10)]
    assert data["elements"][7]["name"].startswith("Penanganan Pengaduan")
    assert data["elements"][8]["name"] == "Sarana dan Prasarana"
    assert data["priority"][0] in {"U1", "U3"}
    assert set(data["elements"][0]) >= {"code", "name", "answered", "sum", "nrr", "weighted", "converted", "grade"}


def test_score_json_groups_equal_python_api(mahulu: Path) -> None:
    code, out, _ = run("score", str(mahulu), "--format", "json", "--by", "layanan")
    assert code == ExitCode.OK
    data = json.loads(out)
    expected = result_to_dict(skm.score(mahulu, by="layanan"))
    assert data["groups"] == expected["groups"]
    organisasi = next(g for g in data["groups"] if g["group"] == "organisasi")
    assert organisasi["respondents"] == 19
    assert not organisasi["small"]
    assert next(g for g in data["groups"] if g["group"] == "umum")["small"]
    assert sum(g["respondents"] for g in data["groups"]) == data["respondents"] == 26


@pytest.mark.parametrize(("weight", "ikm"), [("0.111", 92.75), ("0.11", 91.91)])
def test_score_legacy_weights_are_labelled(mahulu: Path, weight: str, ikm: float) -> None:
    code, out, _ = run("score", str(mahulu), "--format", "json", "--weight", weight)
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["ikm"] == ikm
    assert data["weight"] == weight
    assert any("emulasi" in line for line in data["rules"]["text"])


def test_score_csv(mahulu: Path) -> None:
    code, out, _ = run("score", str(mahulu), "--format", "csv")
    assert code == ExitCode.OK
    lines = out.strip().splitlines()
    assert lines[0].startswith("group,respondents,code")
    assert lines[-1].split(",")[-3:] == ["92.84", "A", "permenpan-14-2017"]  # every output names the instrument


def test_score_example_works_without_a_file() -> None:
    code, out, _ = run("score", "--example", "--format", "json")
    assert code == ExitCode.OK
    assert json.loads(out)["ikm"] == 92.84


def test_score_output_file_is_written_and_not_overwritten(mahulu: Path, tmp_path: Path) -> None:
    target = tmp_path / "hasil.json"
    assert run("score", str(mahulu), "--format", "json", "-o", str(target))[0] == ExitCode.OK
    assert json.loads(target.read_text("utf-8"))["ikm"] == 92.84
    code, _, err = run("score", str(mahulu), "--format", "json", "-o", str(target))
    assert code == ExitCode.OUTPUT_ERROR
    assert "--force" in err
    assert run("score", str(mahulu), "--format", "json", "-o", str(target), "--force")[0] == ExitCode.OK


def test_exit_ok(mahulu: Path) -> None:
    assert run("score", str(mahulu))[0] == ExitCode.OK == 0


def test_exit_invalid_data_lists_every_bad_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    header = ",".join(f"U{i}" for i in range(1, 10))
    path.write_text(f"{header}\n5,4,4,4,4,4,4,4,4\n4,4,x,4,4,4,4,4,0\n", encoding="utf-8")
    code, out, err = run("score", str(path))
    assert code == ExitCode.INVALID_DATA == 1
    assert out == ""
    assert "baris 2, kolom 'U1' (A): nilai '5' di luar skala 1–4" in err
    assert "baris 3, kolom 'U3' (C)" in err
    assert "baris 3, kolom 'U9' (I)" in err
    assert "Traceback" not in err


def test_invalid_data_message_in_english(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    header = ",".join(f"U{i}" for i in range(1, 10))
    path.write_text(f"{header}\n5,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    code, _, err = run("score", str(path), "--lang", "en")
    assert code == ExitCode.INVALID_DATA
    assert "row 2, column 'U1' (A): value '5' is outside the 1–4 scale" in err


def test_many_bad_cells_are_counted_not_flooded(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    header = ",".join(f"U{i}" for i in range(1, 10))
    path.write_text(header + "\n" + "\n".join(["9,9,9,9,9,9,9,9,9"] * 10) + "\n", encoding="utf-8")
    _, _, err = run("score", str(path))
    assert "70" in err
    assert err.count("•") == 20


def test_exit_usage_for_bad_population() -> None:
    for bad in ("0", "-5", "12.5", "abc"):
        code, _, err = run("sample", bad)
        assert code == ExitCode.USAGE == 2, bad
        assert "populasi" in err
        assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("margin", ["0", "1", "1.5", "x"])
def test_exit_usage_for_bad_margin(margin: str) -> None:
    code, _, err = run("sample", "1000", "--margin", margin)
    assert code == ExitCode.USAGE
    assert "--margin" in err


def test_exit_usage_for_unknown_option() -> None:
    assert run("score", "--no-such-option")[0] == ExitCode.USAGE


def test_exit_usage_for_unknown_group_column(mahulu: Path) -> None:
    code, _, err = run("score", str(mahulu), "--by", "kecamatan")
    assert code == ExitCode.USAGE
    assert "jenisPelayanan" in err


def test_exit_input_error_for_missing_file(tmp_path: Path) -> None:
    code, _, err = run("score", str(tmp_path / "tidak-ada.xlsx"))
    assert code == ExitCode.INPUT_ERROR == 3
    assert "tidak ditemukan" in err
    assert "Traceback" not in err


def test_exit_input_error_for_file_without_elements(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("nama,umur\nBudi,30\n", encoding="utf-8")
    code, _, err = run("score", str(path))
    assert code == ExitCode.INPUT_ERROR
    assert "'nama'" in err
    assert "U1 … U9" in err
    code, _, err = run("score", str(path), "--instrument", "kepmenpan-25-2004")
    assert code == ExitCode.INPUT_ERROR
    assert "U1 … U14" in err  # the expected headers follow the instrument


def test_exit_output_error_when_output_is_input(mahulu: Path, tmp_path: Path) -> None:
    copy = tmp_path / "in.csv"
    copy.write_bytes(mahulu.read_bytes())
    code, _, err = run("score", str(copy), "--format", "csv", "-o", str(copy), "--force")
    assert code == ExitCode.OUTPUT_ERROR == 4
    assert copy.read_bytes() == mahulu.read_bytes()
    assert "masukan" in err


def test_exit_internal_error_without_and_with_debug(mahulu: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("skm.analysis.score.score_responses", boom)
    code, _, err = run("score", str(mahulu))
    assert code == ExitCode.INTERNAL_ERROR == 70
    assert "kaboom" in err
    assert "Traceback" not in err
    code, _, err = run("score", str(mahulu), "--debug")
    assert code == ExitCode.INTERNAL_ERROR
    assert "Traceback" in err


def test_exit_interrupted(mahulu: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("skm.analysis.score.score_responses", interrupt)
    assert run("score", str(mahulu))[0] == ExitCode.INTERRUPTED == 130


def test_errors_never_echo_whole_rows(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    header = "Nama,NIK," + ",".join(f"U{i}" for i in range(1, 10))
    path.write_text(f"{header}\nSiti Rahayu,6401234567890001,5,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    _, out, err = run("score", str(path))
    assert "Siti" not in err + out
    assert "6401234567890001" not in err + out


def test_sample_table_names_method_and_rounding() -> None:
    code, out, _ = run("sample", "1000")
    assert code == ExitCode.OK
    assert "278" in out
    assert "Krejcie & Morgan" in out
    assert "setengah ke atas" in out


def test_sample_json() -> None:
    code, out, _ = run("sample", "1000", "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data == sample_to_dict(skm.sample_size(1000))
    assert (data["population"], data["sample"], data["method"], data["rounding"]) == (
        1000,
        278,
        "krejcie-morgan",
        "half-up",
    )


def test_sample_rounding_up_and_slovin() -> None:
    assert json.loads(run("sample", "50", "--rounding", "up", "--format", "json")[1])["sample"] == 45
    data = json.loads(run("sample", "1000", "--method", "slovin", "--margin", "0.05", "--format", "json")[1])
    assert (data["sample"], data["method"], data["rounding"]) == (286, "slovin", "up")
    assert json.loads(run("sample", "1000", "--method", "cochran", "--format", "json")[1])["sample"] == 278


def test_sample_services(tmp_path: Path) -> None:
    args = ["sample", "--service", "KTP-el=1200", "--service", "KK=800", "--format", "json"]
    data = json.loads(run(*args)[1])
    assert data["population"] == 2000
    assert data["sample"] == 322
    assert data["services"] == [
        {"service": "KTP-el", "population": 1200, "sample": 291, "allocated": 193},
        {"service": "KK", "population": 800, "sample": 260, "allocated": 129},
    ]
    assert data["services_minimum_total"] == 551
    csv = tmp_path / "layanan.csv"
    csv.write_text("layanan;populasi\nKTP-el;1200\nKK;800\n", encoding="utf-8")
    from_file = json.loads(run("sample", "--services-file", str(csv), "--format", "json")[1])
    assert from_file == data


def test_sample_services_table() -> None:
    code, out, _ = run("sample", "--service", "KTP-el=1200", "--service", "KK=800")
    assert code == ExitCode.OK
    assert "KTP-el" in out
    assert "551" in out


def test_bad_service_option() -> None:
    code, _, err = run("sample", "--service", "KTP-el")
    assert code == ExitCode.USAGE
    assert "NAMA=POPULASI" in err


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert skm.__version__ in out


def test_usage_errors_print_values_verbatim_without_an_english_prefix() -> None:
    code, _, err = run("sql", "--table", "[bold]x")
    assert code == ExitCode.USAGE
    assert "'[bold]x'" in err  # brackets in a value are text, not markup
    assert not err.startswith("Error:")
