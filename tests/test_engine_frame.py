"""Large CSVs read by the engine for ``skm report`` and ``skm stats`` (skm.readers.engine_frame): the same
Responses, report and statistics as the reference reader; the quality checks on arrays equal the per-row ones."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skm.analysis.facts import build_report
from skm.analysis.score import score_responses
from skm.analysis.stats import analyse
from skm.analysis.stats.columns import repeated_text
from skm.analysis.stats.numeric import unique_rows
from skm.analysis.stats.quality import same_text
from skm.errors import SkmError
from skm.readers.engine import Fallback
from skm.readers.engine_frame import read_responses_engine
from skm.readers.table import read_responses
from skm.render.json import report_to_dict, stats_to_dict
from skm.text import Lang
from test_engine import SETTINGS, survey_tables, write_csv

pytest.importorskip("duckdb")

KEYS = [f"U{i}" for i in range(1, 10)]


def _survey(n: int, seed: int) -> list[list[object]]:
    """A Google-Forms-like export with repeated submissions, shared minutes, copied text, blank profile
    cells, dates in two spellings and a few invalid cells."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8)
    rows: list[list[object]] = [["Cap waktu", "Jenis Kelamin", "Usia", "Pendidikan", "Jenis layanan", *KEYS, "Saran"]]
    for i in range(n):
        when = start + timedelta(minutes=7 * i)
        stamp = when.strftime("%d/%m/%Y %H:%M") if i % 13 == 0 else when.strftime("%Y-%m-%d %H:%M:%S")
        row: list[object] = [
            stamp,
            rng.choice(["Laki-laki", "Perempuan", "P", ""]),
            rng.choice(["17", "34", "45 tahun", "61", ""]),
            rng.choice(["SMA", "S1", "D3", "SD", ""]),
            rng.choice(["KTP-el", "Kartu Keluarga", "Akta"]),
            *[rng.choice(["2", "3", "3", "4", "4", "Sangat sesuai", ""]) for _ in KEYS],
            rng.choice(["", "", "Antrian terlalu panjang sekali", "Petugas ramah", "-", "Ruang tunggu panas"]),
        ]
        if i % 31 == 0:
            row[5 + i % 9] = "7"  # out of range
        rows.append(row)
        if i % 9 == 0:
            rows.append(list(row))  # the same submission twice
    return rows


def _write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _read_both(path: Path) -> tuple[object, object]:
    """(engine, reference) Responses, or the error each raised."""

    def attempt(fn: object) -> object:
        try:
            return fn()  # type: ignore[operator]
        except SkmError as exc:
            return ("error", exc.code, [(i.row, i.letter, i.value, i.code) for i in exc.issues])

    reference = attempt(lambda: read_responses(path, invalid="skip"))
    try:
        engine = attempt(lambda: read_responses_engine(path, invalid="skip"))
    except Fallback:
        engine = None  # the reference reads this one
    return engine, reference


def _documents(responses: object) -> tuple[object, object]:
    try:
        result = score_responses(responses)  # type: ignore[arg-type]
    except (SkmError, ValueError) as exc:  # no answers for an element: both paths fail alike
        return type(exc).__name__, str(exc)
    stats = analyse(responses, resamples=200, by="Jenis layanan" if "service" in responses.profile else None)  # type: ignore[arg-type,attr-defined]
    report = build_report(responses, result, lang=Lang.EN, generated=date(2026, 6, 1), stats=stats)  # type: ignore[arg-type]
    return report_to_dict(report), stats_to_dict(stats, Lang.EN)


def assert_same(path: Path) -> None:
    engine, reference = _read_both(path)
    if engine is None:
        return
    if isinstance(reference, tuple):
        assert engine == reference
        return
    assert not isinstance(engine, tuple)
    pd.testing.assert_frame_equal(engine.frame, reference.frame)  # type: ignore[attr-defined]
    for field in ("profile", "issues", "header_row", "source", "sheet"):
        assert getattr(engine, field) == getattr(reference, field), field
    assert _documents(engine) == _documents(reference)


@pytest.mark.slow
@SETTINGS
@given(table=survey_tables(), delimiter=st.sampled_from([",", ";"]))
def test_engine_frame_equals_reference_on_generated_csv(tmp_path: Path, table: list[list[str]], delimiter: str) -> None:
    path = tmp_path / "data.csv"
    write_csv(path, table, delimiter)
    assert_same(path)


@pytest.mark.parametrize(
    ("dates", "unit"),
    [
        # hypothesis found it: the only date read is on a row without answers, the respondent's is no date
        (["2026-01-02 08:00:00", "2026-02-30 08:00:00"], "us"),
        (["bukan tanggal", "2026-02-30 08:00:00"], None),  # no date anywhere: the column stays text
        (["", "2026-02-30 08:00:00"], None),  # its one value unreadable: text too
        (["", ""], "s"),  # blank: a date column without a single date
        (["2026-01-02 08:00:00", ""], "us"),
    ],
)
def test_engine_dates_unit_follows_every_row_below_the_header(
    tmp_path: Path, dates: list[str], unit: str | None
) -> None:
    header = ["Tanggal", "Jenis layanan", *(f"U{i}" for i in range(1, 10)), "Komentar"]
    rows = [header, [dates[0], "KTP", *[""] * 10], [""] * 12, [dates[1], "KTP", *["1"] * 9, ""]]
    path = tmp_path / "data.csv"
    write_csv(path, rows, ",")
    engine, reference = _read_both(path)
    if unit is not None:  # the engine reads these (it leaves the others to the reference)
        assert engine is not None
        assert not isinstance(engine, tuple)
    assert not isinstance(reference, tuple)
    column = reference.frame["Tanggal"]  # type: ignore[attr-defined]
    assert (str(column.dtype) == "str") if unit is None else (column.dtype == f"datetime64[{unit}]")
    assert_same(path)


@pytest.mark.parametrize("seed", [1, 2])
def test_engine_frame_report_and_stats_equal_reference(tmp_path: Path, seed: int) -> None:
    path = _write(tmp_path / "forms.csv", _survey(400, seed))
    engine, _reference = _read_both(path)
    assert engine is not None
    assert not isinstance(engine, tuple)
    assert engine.errors  # the out-of-range cells are there, with their rows  # type: ignore[attr-defined]
    assert_same(path)
    stats = _documents(engine)[1]
    assert any(f["rows"] for f in stats["flags"])  # type: ignore[index]


def test_engine_frame_refuses_what_it_cannot_reproduce(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(Fallback):
        read_responses_engine(path)


def test_cli_report_and_stats_same_through_engine_and_reference(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from skm.cli import app

    path = _write(tmp_path / "forms.csv", _survey(300, 3))
    outputs = {}
    for mode in ("always", "never"):
        stats = CliRunner().invoke(
            app,
            ["stats", str(path), "--format", "json", "--invalid", "skip", "--resamples", "200"],
            env={"SKM_ENGINE": mode},
        )
        assert stats.exit_code == 0, stats.output
        target = tmp_path / f"r-{mode}.json"
        report = CliRunner().invoke(
            app, ["report", str(path), "-f", "json", "-o", str(target), "--invalid", "skip"], env={"SKM_ENGINE": mode}
        )
        assert report.exit_code == 0, report.output
        outputs[mode] = (stats.stdout, target.read_text(encoding="utf-8"))
    assert outputs["always"] == outputs["never"]


class _Windowed:
    """A :class:`_RowsHook` that also numbers the records with ``row_number() OVER ()`` (the engine's
    numbering before the hook numbered them itself) and keeps whether both agree."""

    def __init__(self) -> None:
        self.agreed: list[bool] = []
        self.rows: list[int] = []
        self.sql: list[str] = []

    def hook(self) -> object:
        from skm.readers import engine_frame

        outer = self

        class Hook(engine_frame._RowsHook):
            def source(self, connect: Any, records_sql: str, **csv_file: Any) -> tuple[Any, str]:
                con, kept = super().source(connect, records_sql, **csv_file)
                windowed_sql = records_sql.replace("SELECT *", "SELECT row_number() OVER () AS _r, *", 1)
                windowed = con.sql(windowed_sql).to_arrow_table()  # type: ignore[attr-defined]
                outer.agreed.append(self.table.equals(windowed) and self.table.schema.equals(windowed.schema))
                outer.rows.append(self.table.num_rows)
                outer.sql.append(records_sql)
                return con, kept

        return Hook


def _tricky_rows(n: int, newline: str, breaks: bool) -> list[list[object]]:
    """Records DuckDB and ``csv`` may count differently: short rows, quoted quotes and delimiters,
    blank-looking cells and (``breaks``) quoted line breaks (LF, CRLF; CR in a CRLF file: DuckDB refuses
    one in an LF file)."""
    rows: list[list[object]] = [["Cap waktu", "Jenis layanan", *KEYS, "Saran"]]
    notes = ['kata "kutip", koma', "", " ", "\u00a0", "-"]
    if breaks:
        notes += ["baris\nkedua", "a\r\nb", *(["satu\rdua"] if newline == "\r\n" else [])]
    for i in range(n):
        row: list[object] = [f"2026-01-{1 + i % 28:02d} 08:00:00", "KTP-el", *[str(2 + (i + k) % 3) for k in range(9)]]
        row.append(notes[i % len(notes)])
        if i % 17 == 5:
            row = row[:7]  # a short row: DuckDB pads it with NULLs
        rows.append(row)
    return rows


@pytest.mark.parametrize(
    ("newline", "bom", "n", "breaks", "reader"),
    [
        ("\n", False, 60, True, None),
        ("\r\n", True, 60, True, None),
        ("\r\n", False, 300_000, False, "parallel=true"),  # 15 MB: the parallel reader splits it
        ("\n", True, 100_000, True, "parallel=false"),  # quoted line breaks and short rows: the serial reader
    ],
)
def test_records_numbered_as_row_number_numbers_them(
    tmp_path: Path, newline: str, bom: bool, n: int, breaks: bool, reader: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hook numbers the records in Python: the same ``_r`` as DuckDB's ``row_number() OVER ()`` on the
    same records (quoted line breaks, CRLF, a BOM, short rows; files the parallel reader splits and
    files it leaves to the serial one), and the small files read as the reference reads them."""
    from skm.readers import engine_frame

    path = tmp_path / "tricky.csv"
    block = io.StringIO(newline="")
    csv.writer(block, lineterminator=newline).writerows(_tricky_rows(min(n, 1000), newline, breaks))
    header, _, body = block.getvalue().partition(newline)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(header + newline + body * (n // min(n, 1000)))  # the first rows repeated: written fast
    windowed = _Windowed()
    monkeypatch.setattr(engine_frame, "_RowsHook", windowed.hook())
    if reader is None:
        assert_same(path)
    else:
        read_responses_engine(path, invalid="skip")
        assert reader in windowed.sql[-1]
    assert windowed.agreed
    assert all(windowed.agreed)
    assert windowed.rows[-1] == n + 1  # the header and every record (quoted line breaks inside them)


def test_preload_imports_in_the_parse_thread_and_raises_what_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The modules a read preloads are imported by it, in its parse thread; an import that fails fails the read."""
    import sys
    import threading

    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "skm_probe_ok.py").write_text("import threading\nTHREAD = threading.current_thread().name\n")
    (modules / "skm_probe_broken.py").write_text("raise RuntimeError('broken probe')\n")
    monkeypatch.syspath_prepend(str(modules))
    for name in ("skm_probe_ok", "skm_probe_broken"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    path = _write(tmp_path / "forms.csv", _survey(50, 4))
    engine = read_responses_engine(path, invalid="skip", preload=["skm_probe_ok"])
    assert sys.modules["skm_probe_ok"].THREAD not in (threading.current_thread().name, "MainThread")
    assert len(engine.frame) > 50
    with pytest.raises(RuntimeError, match="broken probe"):
        read_responses_engine(path, invalid="skip", preload=["skm_probe_broken"])


def test_hook_connects_once_the_file_is_parsed_and_closes_what_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB is imported beside the parse, and the connection made after it (not before the first rows are
    read); a failure once connected closes that connection (the read then falls back)."""
    import duckdb

    from skm.readers import engine, engine_frame

    assert "duckdb" in engine_frame._FRAME_MODULES
    path = _write(tmp_path / "forms.csv", _survey(50, 4))
    events: list[str] = []
    opened: list[duckdb.DuckDBPyConnection] = []
    parse, connect = engine_frame.arrow_records, engine._connect

    def parsed(*args: Any) -> Any:
        events.append("parse")
        table = parse(*args)
        events.append("parsed")
        return table

    def connected() -> duckdb.DuckDBPyConnection:
        events.append("connect")
        opened.append(connect())
        return opened[-1]

    monkeypatch.setattr(engine_frame, "arrow_records", parsed)
    monkeypatch.setattr(engine, "_connect", connected)
    assert len(read_responses_engine(path, invalid="skip").frame) > 50
    assert events == ["parse", "parsed", "connect"]

    def broken(table: Any) -> Any:
        raise RuntimeError("numbering failed")

    monkeypatch.setattr(engine_frame, "numbered", broken)
    with pytest.raises(Fallback, match="numbering failed"):
        read_responses_engine(path, invalid="skip")
    assert len(opened) == 2
    with pytest.raises(duckdb.ConnectionException):
        opened[-1].execute("SELECT 1")


def test_cli_preloads_modules_that_exist() -> None:
    """Every module the report and stats commands preload during a read can be imported."""
    import importlib

    from skm.cli import report, stats
    from skm.cli.engine_input import STATS_MODULES

    names = {*report._GATHER_MODULES, *STATS_MODULES, "rich.console"}
    names |= {n for group in [*report._RENDER_MODULES.values(), *stats._RENDER_MODULES.values()] for n in group}
    assert set(report._RENDER_MODULES) == set(report.ReportFormat)
    assert set(stats._RENDER_MODULES) == set(stats.TableJson)
    for name in sorted(names):
        importlib.import_module(name)


_WHITESPACE = [chr(i) for i in range(0x3001) if chr(i).isspace()]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(st.sampled_from([*_WHITESPACE, "a", "-", "!", "\u0084", "\u00c9", "\u200b"]), max_size=4),
            st.text(max_size=4),
        ),
        max_size=40,
    )
)
def test_blanks_as_null_is_is_blank(values: list[str | None]) -> None:
    """A text column's blank cells (every whitespace character, alone or repeated, before or among
    others) are NULL after _blanks_as_null, as the reference's is_blank finds them; the others unchanged."""
    import pyarrow as pa

    from skm.readers.engine_frame import _blanks_as_null
    from skm.readers.files import is_blank

    column = pa.chunked_array([pa.array(values[:7], pa.string()), pa.array(values[7:], pa.string())])
    assert _blanks_as_null(column).to_pylist() == [None if is_blank(v) else v for v in values]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([-1.0, 1.0, 2.0, 3.0, 4.0, 7.0]), min_size=3, max_size=3), max_size=40),
)
def test_unique_rows_is_numpy_unique(rows: list[list[float]]) -> None:
    coded = np.array(rows, dtype=np.float64).reshape(len(rows), 3)
    patterns, inverse = unique_rows(coded)
    expected, expected_inverse = np.unique(coded, axis=0, return_inverse=True)
    assert np.array_equal(patterns, expected)
    assert np.array_equal(inverse, expected_inverse.reshape(-1))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(["", "Antrian terlalu panjang", "antrian  TERLALU panjang", "ok"])))
)
def test_repeated_text_is_same_text(values: list[str | None]) -> None:
    series = pd.Series(pd.array(values, dtype="str"))
    assert repeated_text(series).tolist() == same_text(series.tolist())


def test_documents_list_at_most_the_limits_and_say_so(tmp_path: Path) -> None:
    from dataclasses import replace

    from openpyxl import load_workbook

    from skm.analysis.facts import SUGGESTION_LIMIT, TABULATION_LIMIT, Suggestion
    from skm.render.document.blocks import Paragraph, Table
    from skm.render.document.sections import build_document, section_suggestions, section_tabulation
    from skm.render.document.xlsx import write_xlsx

    path = _write(tmp_path / "big.csv", _survey(TABULATION_LIMIT + 150, 4))
    responses = read_responses(path, invalid="skip")
    data = build_report(responses, score_responses(responses), lang=Lang.EN, generated=date(2026, 6, 1))
    total = responses.respondents
    assert total > TABULATION_LIMIT
    section = section_tabulation(data)
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.rows) == TABULATION_LIMIT
    assert table.rows[-1][1] == int(responses.frame.index[TABULATION_LIMIT - 1])
    notes = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert any(f"{TABULATION_LIMIT} of {total}" in n for n in notes)
    # the sums below the xlsx Data sheet still cover everyone
    assert data.question_sums[0] == int(responses.frame["u1"].sum())
    target = tmp_path / "r.xlsx"
    write_xlsx(build_document(data), data, target)
    sheet = next(ws for ws in load_workbook(target).worksheets if ws.title == "Data")
    texts = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any(f"{TABULATION_LIMIT} of {total}" in v for v in texts)
    assert sheet.max_row < TABULATION_LIMIT + 60

    many = replace(data, suggestions=tuple(Suggestion(f"saran nomor {i}", 1) for i in range(SUGGESTION_LIMIT + 7)))
    blocks = section_suggestions(many).blocks
    assert len(next(b for b in blocks if isinstance(b, Table)).rows) == SUGGESTION_LIMIT
    assert any(str(SUGGESTION_LIMIT + 7) in b.text for b in blocks if isinstance(b, Paragraph))
    few = section_tabulation(replace(data, answers=data.answers[:10]))
    assert len([b for b in few.blocks if isinstance(b, Paragraph)]) == 1  # no note when everyone is listed


@pytest.mark.parametrize("seed", [5, 6])
def test_quality_checks_on_arrays_equal_the_per_row_checks(tmp_path: Path, seed: int) -> None:
    from skm.analysis.stats.analyse import _NO_DUPLICATE_KEYS, _norm, answer_matrix
    from skm.analysis.stats.columns import Moments, column_codes, duplicate_pairs
    from skm.analysis.stats.quality import duplicate_rows, same_minute
    from skm.core.periods import parse_period
    from skm.readers.dates import date_values

    rows = _survey(500, seed)
    for i in range(1, len(rows), 17):
        rows[i][0] = rows[i - 1][0] if i > 1 else rows[i][0]  # same minute as the row before
    responses = read_responses(_write(tmp_path / "q.csv", rows), invalid="skip")
    answers = answer_matrix(responses)
    cols = [c for name, c in responses.profile.items() if name not in _NO_DUPLICATE_KEYS]
    keys = [
        tuple(_norm(v) for v in p) + tuple(None if np.isnan(v) else int(v) for v in a)
        for p, a in zip(responses.frame[cols].itertuples(index=False, name=None), answers, strict=True)
    ]
    moments = date_values(responses)
    codes = [column_codes(responses.frame[c], _norm) for c in cols]
    codes += [np.where(np.isnan(answers[:, j]), -1, answers[:, j]).astype(np.int64) for j in range(answers.shape[1])]
    arrays = Moments(responses)
    expected = duplicate_rows(keys, moments)
    assert expected
    assert duplicate_pairs(codes, arrays) == expected
    assert arrays.same_minute().tolist() == same_minute(moments or [])
    period = parse_period("2026-01")
    outside, missing = arrays.outside(period)
    assert outside.tolist() == [m is not None and m not in period for m in moments or []]
    assert missing.tolist() == [m is None for m in moments or []]


def _gapped_survey() -> list[list[object]]:
    """A title above the header, rows without answers between respondents (the respondents' rows are
    not contiguous), whitespace-only text cells, and a summary block with a respondent-like row below."""
    rows = _survey(120, 7)
    header, body = rows[0], rows[1:]
    for i in range(5, len(body), 11):  # profile filled, every answer blank: not a respondent
        body[i] = [*body[i][:5], *([""] * len(KEYS)), body[i][-1]]
    for i in range(3, len(body), 7):
        body[i][2] = " \u00a0"  # blank to the reader (str.strip)
        body[i][-1] = "\t"
    title = ["Survei Kepuasan Masyarakat 2026", *([""] * (len(header) - 1))]
    summary = [
        ["Jumlah", "", "", "", "", *(["300"] * len(KEYS)), ""],
        ["NRR", "", "", "", "", *(["3.1"] * len(KEYS)), ""],
    ]
    after = [body[0][0], "P", "34", "SMA", "Akta", *(["4"] * len(KEYS)), "telat"]
    return [title, header, *body, *summary, after]


def test_engine_frame_with_gaps_title_blanks_and_summary_equals_reference(tmp_path: Path) -> None:
    path = _write(tmp_path / "gaps.csv", _gapped_survey())
    engine, _reference = _read_both(path)
    assert engine is not None
    assert not isinstance(engine, tuple)
    rows = engine.frame.index.to_numpy()  # type: ignore[attr-defined]
    assert rows[0] == 3  # below the title and the header
    assert (np.diff(rows) > 1).any()  # rows without answers left out between respondents
    assert any(i.code.value == "row-after-summary" for i in engine.issues)  # type: ignore[attr-defined]
    assert_same(path)


def test_engine_frame_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every query of a report's read runs on the records parsed once: the file can be emptied as soon
    as they are kept, and the engine still gives the reference's responses."""
    from skm.readers import engine_frame

    original = _write(tmp_path / "forms.csv", _gapped_survey())
    path = tmp_path / "copy.csv"
    path.write_bytes(original.read_bytes())
    parsed: list[str] = []

    class Once(engine_frame._RowsHook):
        def source(self, con: object, source_sql: str, **csv_file: Any) -> str:
            parsed.append(source_sql)
            kept = super().source(con, source_sql, **csv_file)
            path.write_text("", encoding="utf-8")  # nothing left to read
            return kept

    monkeypatch.setattr(engine_frame, "_RowsHook", Once)
    engine = read_responses_engine(path, invalid="skip")
    reference = read_responses(original, invalid="skip")
    assert len(parsed) == 1
    assert "read_csv" in parsed[0]
    pd.testing.assert_frame_equal(engine.frame, reference.frame)
    assert [(i.code, i.row, i.letter) for i in engine.issues] == [(i.code, i.row, i.letter) for i in reference.issues]


def test_engine_certifies_iso_dates_and_timestamps_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB certifies ISO timestamps and dates (printed back unchanged): only the other spellings go to
    the reference's date parser, and the column equals the reference's."""
    from skm.readers import engine_frame

    header = ["Tanggal", "Jenis layanan", *KEYS]
    dates = ["2026-01-02 08:00:00", "2026-01-03", "03/01/2026 09:15", "2026-02-30", "2026-1-4 08:00:00"]
    rows = [header, *([d, "KTP", *["3"] * 9] for d in dates)]
    path = tmp_path / "dates.csv"
    write_csv(path, rows, ",")
    parsed: list[str] = []
    real = engine_frame.parse_date_column

    def watched(values: list[str]) -> Any:
        parsed.extend(values)
        return real(values)

    monkeypatch.setattr(engine_frame, "parse_date_column", watched)
    engine = read_responses_engine(path)
    assert sorted(parsed) == sorted(["03/01/2026 09:15", "2026-02-30", "2026-1-4 08:00:00"])
    reference = read_responses(path)
    pd.testing.assert_frame_equal(engine.frame, reference.frame)
