"""The one date/period parser (:mod:`skm.core.periods`) as readers, stats and report share it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import skm
from realfiles import KEYS, write_csv
from skm.analysis.facts import build_report
from skm.analysis.stats import analyse
from skm.cli import app
from skm.core.periods import parse_date, parse_period, period_label, period_name
from skm.errors import ExitCode, IssueCode, SkmError
from skm.text import Lang, error_text

runner = CliRunner()


@given(st.dates(date(1960, 1, 1), date(2110, 12, 31)), st.sampled_from(["month", "quarter", "semester", "year"]))
def test_the_period_of_a_day_contains_it(day: date, kind: str) -> None:
    when = datetime.combine(day, datetime.min.time())
    period = parse_period(period_label(when, kind))
    assert period.kind == kind
    assert period.label == period_label(when, kind)
    assert day in period
    assert period.start - timedelta(days=1) not in period
    assert period.end + timedelta(days=1) not in period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-15T08:30:00Z", datetime(2026, 1, 15, 8, 30)),  # stats accepted a zone suffix
        ("2026-01-15 08:30:00+07:00", datetime(2026, 1, 15, 8, 30)),
        ("15.01.2026", datetime(2026, 1, 15)),  # report accepted dots
        ("15/01/26", datetime(2026, 1, 15)),  # readers accepted a two-digit year
        ("12 Januari 2026", datetime(2026, 1, 12)),  # readers accepted month names
        (True, None),
        (17, None),  # an answer, not an Excel serial day
        ("", None),
    ],
)
def test_every_form_any_parser_accepted(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_bad_period_is_one_translated_usage_error() -> None:
    with pytest.raises(SkmError) as info:
        parse_period("2026-TW5")
    error = info.value
    assert (error.code, error.exit_code) == (IssueCode.INVALID_PERIOD, ExitCode.USAGE)
    assert isinstance(error, ValueError)  # what skm.analysis.stats.parse_period raised before
    assert error_text(error, Lang.ID).startswith("--period '2026-TW5' tidak dikenali; gunakan 2026-01 (bulan)")
    assert error_text(error, Lang.EN).startswith("--period '2026-TW5' not understood; use 2026-01 (month)")


@pytest.mark.parametrize("command", ["score", "stats"])
def test_score_and_stats_reject_a_bad_period_alike(command: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [["Tanggal", *KEYS], ["05/01/2026", *["4"] * 9]])
    out = runner.invoke(app, [command, str(path), "--period", "2026-13"])
    assert out.exit_code == ExitCode.USAGE
    assert "--period '2026-13' tidak dikenali" in out.stderr
    assert "Traceback" not in out.output
    english = runner.invoke(app, [command, str(path), "--period", "Q1", "--lang", "en"])
    assert english.exit_code == ExitCode.USAGE
    assert "--period 'Q1' not understood" in english.stderr


def _month_first_file(tmp_path: Path) -> Path:
    """An English-UI Google Forms export: month first, proven only by '1/13/2026'."""
    rows: list[list[object]] = [["Timestamp", *KEYS]]
    rows += [[f"1/{day}/2026 9:00:00", *[str(1 + (day + i) % 4) for i in range(9)]] for day in (2, 5, 9, 13)]
    rows.append(["12 Januari 2026", *["3"] * 9])
    return write_csv(tmp_path / "m.csv", rows)


def test_stats_uses_the_dates_the_reader_parsed(tmp_path: Path) -> None:
    responses = skm.load(_month_first_file(tmp_path))
    flags = {f.kind: f.rows for f in analyse(responses, period="2026-01", resamples=100).flags}
    # cell by cell '1/2/2026' would be 1 February and '12 Januari 2026' unreadable
    assert (flags["outside-period"], flags["date-unreadable"]) == ((), ())


def test_report_dates_come_from_the_reader(tmp_path: Path) -> None:
    responses = skm.load(_month_first_file(tmp_path))
    data = build_report(responses, skm.score_responses(responses), generated=date(2026, 2, 1))
    assert (data.first_date, data.last_date) == (date(2026, 1, 2), date(2026, 1, 13))


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ("2026-TW1", "Triwulan I 2026", "Quarter I 2026"),
        ("2026-q4", "Triwulan IV 2026", "Quarter IV 2026"),
        ("2026-02", "Februari 2026", "February 2026"),
        ("2026-S2", "Semester II 2026", "Semester II 2026"),
        ("2026", "Tahun 2026", "Year 2026"),
        ("2026-01-01..2026-03-31", "1 Januari 2026 – 31 Maret 2026", "1 January 2026 – 31 March 2026"),
    ],
)
def test_period_names(text: str, indonesian: str, english: str) -> None:
    assert (period_name(text, Lang.ID), period_name(text, Lang.EN)) == (indonesian, english)


@pytest.mark.parametrize("text", ["Triwulan I 2026", "Jan–Mar 2026", "TW1"])
def test_free_text_is_no_period_name(text: str) -> None:
    assert period_name(text) is None


def test_report_writes_a_period_code_out(tmp_path: Path) -> None:
    source = _month_first_file(tmp_path)
    target = tmp_path / "r.md"
    for option, period, lang, shown in [
        ("--period", "2026-TW1", "id", "Triwulan I 2026"),
        ("--period", "2026-TW1", "en", "Quarter I 2026"),
        ("--period-label", "2026-TW1", "id", "Triwulan I 2026"),
        ("--period-label", "TW 1 / 2026", "id", "TW 1 / 2026"),
    ]:
        args = ["report", str(source), "-o", str(target), "--force", option, period, "--lang", lang]
        out = runner.invoke(app, args)
        assert out.exit_code == 0, out.output
        text = target.read_text(encoding="utf-8")
        assert shown in text
        if shown != period:
            assert period not in text
