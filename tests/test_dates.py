"""Survey dates in Indonesian formats, periods (--period) and --by periode."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import skm
from realfiles import KEYS, google_forms_rows, write_csv, write_xlsx
from skm.cli import app
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers.dates import filter_period, parse_date_column, parse_period, period_label

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12/01/2026 08:15:02", datetime(2026, 1, 12, 8, 15, 2)),
        ("12/01/2026 8.15.02", datetime(2026, 1, 12, 8, 15, 2)),
        ("12-01-2026", datetime(2026, 1, 12)),
        ("2026-01-12 08:15:02", datetime(2026, 1, 12, 8, 15, 2)),
        ("12 Januari 2026", datetime(2026, 1, 12)),
        ("Senin, 12 Jan 2026", datetime(2026, 1, 12)),
        ("3 Agustus 2026 14:05", datetime(2026, 8, 3, 14, 5)),
        (46034, datetime(2026, 1, 12)),
        (46034.5, datetime(2026, 1, 12, 12)),
        (datetime(2026, 1, 12, 8), datetime(2026, 1, 12, 8)),
    ],
)
def test_dates(value: object, expected: datetime) -> None:
    assert parse_date_column([value])[0] == [expected]


def test_day_first_unless_the_column_proves_month_first() -> None:
    assert parse_date_column(["01/02/2026", "13/02/2026"]) == ([datetime(2026, 2, 1), datetime(2026, 2, 13)], False)
    parsed, month_first = parse_date_column(["1/2/2026 9:00:00", "1/13/2026 9:00:00"])
    assert month_first
    assert parsed == [datetime(2026, 1, 2, 9), datetime(2026, 1, 13, 9)]


@pytest.mark.parametrize("value", ["kemarin", "31/02/2026", "7", "2026-13-01"])
def test_not_dates(value: object) -> None:
    assert parse_date_column([value])[0] == [None]


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [("2026-01", "month", "2026-01"), ("2026-tw1", "quarter", "2026-TW1"), ("2026-Q3", "quarter", "2026-TW3"),
     ("2026-S2", "semester", "2026-S2"), ("2026", "year", "2026"),
     ("2026-01-01..2026-03-31", "range", "2026-01-01..2026-03-31")],
)  # fmt: skip
def test_periods(text: str, kind: str, label: str) -> None:
    period = parse_period(text)
    assert (period.kind, period.label) == (kind, label)
    end = datetime.combine(period.end, datetime.max.time())
    assert period.contains(datetime.combine(period.start, datetime.min.time()))
    assert period.contains(end)
    assert not period.contains(end + timedelta(seconds=1))
    assert not period.contains(period.start - timedelta(days=1))
    assert period_label(datetime(2026, 8, 1), "quarter") == "2026-TW3"


@pytest.mark.parametrize("text", ["2026-13", "2026-TW5", "26-01", "januari", "2026-03-01..2026-01-01"])
def test_bad_period_is_a_usage_error(text: str) -> None:
    with pytest.raises(SkmError) as info:
        parse_period(text)
    assert info.value.exit_code is ExitCode.USAGE


def _dated(tmp_path: Path) -> Path:
    dates = ["05/01/2026", "20/02/2026", "15/04/2026", "30/06/2026", "01/07/2026", "tidak ingat", ""]
    rows: list[list[object]] = [["Tanggal", *[k.upper() for k in KEYS]]]
    rows += [[d, *([str(1 + i % 4)] * 9)] for i, d in enumerate(dates)]
    return write_csv(tmp_path / "dated.csv", rows)


def test_dates_are_parsed_into_the_profile_date_column(tmp_path: Path) -> None:
    responses = skm.load(_dated(tmp_path))
    column = responses.frame[responses.profile["date"]]
    assert str(column.dtype).startswith("datetime64")
    assert column.iloc[2] == datetime(2026, 4, 15)
    (warning,) = [i for i in responses.issues if i.code is IssueCode.INVALID_DATE]
    assert (warning.row, warning.value) == (7, "tidak ingat")


def test_period_filter_and_by_period(tmp_path: Path) -> None:
    responses = skm.load(_dated(tmp_path))
    tw2, left_out = filter_period(responses, "2026-TW2")
    assert tw2.frame.index.tolist() == [4, 5]
    assert left_out == 5
    result = skm.score_responses(responses, by="periode")
    assert [(g.group, g.respondents) for g in result.groups] == [
        ("(kosong)", 2), ("2026-TW1", 2), ("2026-TW2", 2), ("2026-TW3", 1),
    ]  # fmt: skip
    by_month = skm.score_responses(responses, by="bulan")
    assert [g.group for g in by_month.groups] == ["(kosong)", "2026-01", "2026-02", "2026-04", "2026-06", "2026-07"]
    by_half = skm.score_responses(responses, by="semester")
    assert [(g.group, g.respondents) for g in by_half.groups] == [("(kosong)", 2), ("2026-S1", 4), ("2026-S2", 1)]


def test_a_real_column_named_like_a_period_wins(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Tanggal", "Bulan", *[k.upper() for k in KEYS]]]
    rows += [["05/01/2026", "Januari", *["4"] * 9], ["05/02/2026", "Januari", *["3"] * 9]]
    result = skm.score(write_csv(tmp_path / "b.csv", rows), by="bulan")
    assert [(g.group, g.respondents) for g in result.groups] == [("Januari", 2)]


def test_period_cli(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "g.xlsx", {"Jawaban": google_forms_rows()})
    out = runner.invoke(app, ["score", str(path), "--period", "2026-02", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["respondents"] == 2
    assert "10 responden di luar periode 2026-02" in out.stderr
    assert runner.invoke(app, ["score", str(path), "--period", "2026-TW9"]).exit_code == ExitCode.USAGE
    empty = runner.invoke(app, ["score", str(path), "--period", "2025"])
    assert empty.exit_code == ExitCode.INVALID_DATA
    by = json.loads(runner.invoke(app, ["score", str(path), "--by", "triwulan", "--format", "json"]).stdout)
    assert [(g["group"], g["respondents"]) for g in by["groups"]] == [("2026-TW1", 12)]


def test_no_date_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [[k.upper() for k in KEYS], ["4"] * 9])
    out = runner.invoke(app, ["score", str(path), "--period", "2026"])
    assert out.exit_code == ExitCode.USAGE
    assert "tidak punya kolom tanggal" in out.stderr
